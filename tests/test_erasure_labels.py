"""After ``workbench forget`` no need name the team gave keeps a sentence of an erased
statement: not in the edit log, the runs, the rating cards or recommendation links
(workbench/store/erasure_labels.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select

from workbench import Project
from workbench.analysis import need_edits, needs
from workbench.cli.main import main
from workbench.store import NeedEdit, NeedRun

SENTENCE = "Der Jugendtreff am Marktplatz schließt leider schon um achtzehn Uhr"
TEXTS = [
    f"{SENTENCE}. Danach ist nichts los.",
    "Der Jugendtreff braucht längere Öffnungszeiten am Abend.",
    "Der Bus fährt abends selten, der Bus ist voll.",
    "Der Bus fährt nachts nie, Bus Bus.",
    "Der Spielplatz ist kaputt, der Spielplatz ist dreckig.",
    "Der Spielplatz braucht Bänke, Spielplatz Schaukel.",
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A project of TEXTS with a need run (TF-IDF)."""
    folder = tmp_path / "projekt"
    assert main(["init", str(folder), "--districts", "Manfort,Opladen"]) == 0
    rows = [(str(i), t, ("Manfort", "Opladen")[i % 2]) for i, t in enumerate(TEXTS)]
    source = tmp_path / "aussagen.csv"
    pd.DataFrame(rows, columns=["ID", "Text", "Sozialraum"]).to_csv(source, sep=";", index=False)
    p = ["--project", str(folder)]
    assert main([*p, "import", str(source), "--text-column", "Text", "--id-column", "ID",
                 "--district-column", "Sozialraum"]) == 0  # fmt: skip
    assert main([*p, "needs", "--segments", "all", "--backend", "tfidf"]) == 0
    return folder


def _stored(project: Project) -> str:
    """Everything the need runs and the edit log hold, as one lower-case text."""
    with project.session() as session:
        runs = [[r.clusters, r.skipped_edits] for r in session.scalars(select(NeedRun))]
        edits = [e.payload for e in session.scalars(select(NeedEdit))]
    return json.dumps([runs, edits], ensure_ascii=False).casefold()


def test_a_need_named_with_a_sentence_of_an_erased_statement_loses_that_name(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The team named a need after the statement ("Der Jugendtreff am Marktplatz schließt
    …"); after forget of that statement the name stayed in the edit log, was replayed on
    every run and shown in profiles, the site and the ballot."""
    with Project.open(folder) as project:
        segments = project.segments()
        erased = int(segments.loc[segments["text"].str.startswith(SENTENCE), "segment_id"].item())
        assigned = needs.assignments(project)
        cluster = int(assigned.set_index("segment_id").loc[erased, "cluster"])
        alone = bool((assigned["cluster"] == cluster).sum() == 1)  # the need goes with it
        need_edits.rename_cluster(project, cluster, f"„{SENTENCE}“", author="kira")
        need_edits.rename_cluster(project, cluster, "Öffnungszeiten", author="kira")
        other = int(needs.assignments(project).query("segment_id != @erased")["cluster"].iloc[-1])
        need_edits.rename_cluster(project, other, "Busverkehr", author="kira")
        with project.transaction() as session:  # as apply_edits words an edit it left out
            run = session.scalars(select(NeedRun).order_by(NeedRun.id.desc())).first()
            reason = f"im selben Cluster wie die der Änderung 1 („„{SENTENCE}““)"
            run.skipped_edits = [{"id": 3, "reason": reason}, {"id": 4, "reason": "anders"}]
        assert SENTENCE.casefold() in _stored(project)
    capsys.readouterr()
    assert main(["--project", str(folder), "forget", "--statement", str(erased)]) == 0
    out = capsys.readouterr().out
    assert SENTENCE not in out
    with Project.open(folder) as project:
        assert SENTENCE.casefold() not in _stored(project)
        assert "busverkehr" in _stored(project)  # the team's other names stay
        assert "öffnungszeiten" in _stored(project)
        labels = needs.clusters(project)["label"].tolist()
        assert '"reason": "anders"' in _stored(project)  # other reasons stay
    assert "Busverkehr" in labels and ("Öffnungszeiten" in labels) != alone
