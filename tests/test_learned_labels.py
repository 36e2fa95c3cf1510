"""A name replaced in stored statements after a need run (learned by a later import, or
confirmed) also leaves the run's generated cluster names and keywords, which reports
show."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_learned_across import _protocol
from workbench import Project
from workbench.analysis.needs import NeedParams, run_needs
from workbench.cli.main import main
from workbench.store.analysis_tables import NeedRun


def _clusters(project: Project) -> list[dict]:
    with project.session() as session:
        return [c for run in session.query(NeedRun) for c in run.clusters]


@pytest.mark.backends
def test_a_need_run_loses_a_name_learned_by_a_later_import(
    project: Project, tmp_path: Path
) -> None:
    items = [f"Becker hat recht, der Spielplatz {i} ist kaputt." for i in range(6)]
    items += [f"Der Bus Linie {i} fährt zu selten." for i in range(6)]
    a = _protocol(tmp_path / "a.md", "Forum A", *items)
    assert main(["--project", str(project.path), "import", str(a)]) == 0
    run_needs(project, NeedParams(segments="all", backend="tfidf"), progress=False)
    before = _clusters(project)
    assert any("Becker" in c["label"] for c in before)  # the run names a cluster after it
    assert any("becker" in c["keywords"] for c in before)
    b = _protocol(tmp_path / "b.md", "Forum B", "Herr Jens Becker kommt.")
    assert main(["--project", str(project.path), "import", str(b)]) == 0
    after = _clusters(project)
    for cluster in after:
        assert "becker" not in cluster["label"].casefold()
        assert not any("becker" in str(k).casefold() for k in cluster["keywords"])
        assert not any("Becker" in q for q in cluster["quotes"])
    labels = sorted(c["label"] for c in after)
    assert labels == sorted(
        c["label"].replace("Becker", "[Person 1]") for c in before
    )  # the rest of the name stays as the run made it
    kept = [c for c in after if "spielplatz" in c["keywords"]]
    assert kept, "the other keywords of the cluster stay"
