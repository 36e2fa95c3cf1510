"""A need or topic run computes while a colleague erases or masks statements (both backends).

``workbench needs`` and ``workbench topics`` read the statements, compute for seconds to
minutes, and then store the run with quotes and labels taken from the texts. A statement
erased meanwhile (``forget``) made the store fail on a foreign key (a traceback after the
whole computation); a name confirmed meanwhile (``pseudonyms confirm``) was stored with
the run, unmasked, in its quotes — and the apps and reports show those quotes. The run is
now refused with a German message when a statement it read is gone or reads differently.
A cluster edit (``cluster rename`` …), which stores a new run from the latest one's
statements, clusters again on today's statements instead.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select

from workbench import Project
from workbench.analysis import needs, topics
from workbench.cli.main import main
from workbench.ingest.review import decide
from workbench.ingest.table import TableMapping
from workbench.store import NeedRun, TopicRun
from workbench.store.erasure import forget

NAMED = "Die Projektleiterin Quandtmeyer hat den Raum im Jugendzentrum organisiert."
CARDS = [
    NAMED,
    "Im Jugendzentrum fehlt ein Raum für Jugendliche am Abend.",
    "Jugendliche brauchen einen Treffpunkt im Jugendzentrum.",
    "Am Spielplatz fehlen Bänke für Eltern.",
    "Der Spielplatz braucht Schatten und Bänke.",
    "Eltern wünschen sich Bänke und Schatten am Spielplatz.",
    "Die Busverbindung in die Innenstadt ist zu selten.",
    "Der Bus fährt abends zu selten in die Innenstadt.",
    "Ältere brauchen eine bessere Busverbindung.",
    "Beratung zu Anträgen fehlt im Quartier.",
    "Familien brauchen Beratung bei Anträgen.",
]


def _cards(project: Project, folder: Path) -> int:
    """Import the cards; the id of the card naming Quandtmeyer (a name candidate, not yet
    masked)."""
    path = folder / "karten.csv"
    pd.DataFrame({"ID": [f"K{i}" for i in range(len(CARDS))], "Text": CARDS}).to_csv(
        path, index=False
    )
    project.import_files(
        [path], mapping=TableMapping(text_column="Text", id_column="ID"), district="Manfort"
    )
    segments = project.segments()
    named = segments[segments["text"].str.contains("Quandtmeyer")]
    assert len(named) == 1, segments["text"].tolist()
    return int(named["segment_id"].item())


def _meanwhile(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str, action: Callable[[], object]
) -> None:
    """Run ``action`` (a colleague, in her own session) once ``module.name`` — a step
    between reading the statements and storing the run — has been called."""
    step = getattr(module, name)

    def colleague_acts(*args: object, **kwargs: object) -> object:
        result = step(*args, **kwargs)
        action()
        return result

    monkeypatch.setattr(module, name, colleague_acts)


def _erase(project: Project, segment_id: int) -> Callable[[], object]:
    def act() -> object:
        colleague = Project.open(project.path)
        try:
            return forget(colleague, statements=(segment_id,), actor="Forschung")
        finally:
            colleague.close()

    return act


def _confirm(project: Project) -> Callable[[], object]:
    def act() -> object:
        colleague = Project.open(project.path)
        try:
            return decide(colleague, ["Quandtmeyer"], "confirm", "Forschung")
        finally:
            colleague.close()

    return act


def _stored_runs(project: Project, model: type) -> list[str]:
    """Each stored run of ``model`` with its clusters or topics, as text."""
    with project.session() as session:
        return [repr(vars(run)) for run in session.scalars(select(model))]


NEED_PARAMS = needs.NeedParams(segments="all", backend="tfidf", n_clusters=4)


@pytest.mark.backends
@pytest.mark.parametrize("colleague", ["forget", "confirm"])
def test_a_need_run_is_not_stored_over_statements_changed_while_it_computed(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, colleague: str
) -> None:
    named = _cards(project, tmp_path)
    act = _erase(project, named) if colleague == "forget" else _confirm(project)
    _meanwhile(monkeypatch, needs, "describe", act)

    with pytest.raises(needs.WorkbenchError, match="Der Bedarfslauf wurde nicht gespeichert"):
        needs.run_needs(project, NEED_PARAMS, progress=False)

    assert _stored_runs(project, NeedRun) == []
    monkeypatch.undo()
    run = needs.run_needs(project, NEED_PARAMS, progress=False)  # again: today's statements
    stored = " ".join(_stored_runs(project, NeedRun))
    assert "Quandtmeyer" not in stored
    if colleague == "forget":
        assert named not in set(needs.assignments(project, run)["segment_id"])


@pytest.mark.backends
def test_the_command_says_so_without_a_traceback(
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    named = _cards(project, tmp_path)
    _meanwhile(monkeypatch, needs, "describe", _erase(project, named))

    code = main(
        ["--project", str(project.path), "needs", "--segments", "all", "--backend", "tfidf",
         "--n-clusters", "3", "--out", str(tmp_path / "bedarfe.csv")]
    )  # fmt: skip

    err = capsys.readouterr().err
    assert code == 2, err
    assert "Der Bedarfslauf wurde nicht gespeichert" in err and "Traceback" not in err
    assert not (tmp_path / "bedarfe.csv").exists()


@pytest.mark.backends
def test_a_topic_run_is_not_stored_over_a_statement_erased_while_it_computed(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    named = _cards(project, tmp_path)
    _meanwhile(monkeypatch, topics, "layout", _erase(project, named))
    params = topics.TopicParams(backend="tfidf", n_topics=3)

    with pytest.raises(topics.WorkbenchError, match="Der Themenlauf wurde nicht gespeichert"):
        topics.run_topics(project, params, progress=False)

    assert _stored_runs(project, TopicRun) == []


@pytest.mark.backends
@pytest.mark.parametrize("colleague", ["forget", "confirm"])
def test_a_cluster_renamed_while_a_statement_is_erased_or_masked(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, colleague: str
) -> None:
    """Renaming a need cluster stores a new run from the latest one's statements; one of
    them erased or masked meanwhile made it fail on a foreign key or keep the name. It now
    clusters again on today's statements, with the rename."""
    from workbench.analysis import need_edits

    named = _cards(project, tmp_path)
    needs.run_needs(project, NEED_PARAMS, progress=False)
    cluster = int(needs.clusters(project)["cluster"].iloc[0])
    act = _erase(project, named) if colleague == "forget" else _confirm(project)
    _meanwhile(monkeypatch, need_edits, "describe", act)

    need_edits.rename_cluster(project, cluster, "Unser Name", author="Forschung")

    assert "Unser Name" in needs.clusters(project)["label"].tolist()
    latest = _stored_runs(project, NeedRun)[-1]
    assert "Quandtmeyer" not in latest
    if colleague == "forget":
        assert named not in set(needs.assignments(project)["segment_id"])
