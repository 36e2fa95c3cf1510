"""The reference need run: a run on one guiding question (`needs --question`) answers that
question and replaces nothing — reports, profiles, recommendations, feedback tokens and
cluster edits keep following the newest run over all questions; a project that only ever
ran per question follows its newest run."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from workbench import Project
from workbench.analysis import need_edits, needs
from workbench.analysis.need_clusters import latest_memberships
from workbench.analysis.needs import NeedParams
from workbench.cli.main import main
from workbench.participation.items import current_items
from workbench.participation.tokens import issue_tokens
from workbench.store import FeedbackRound
from workbench.synthesis.profiles import build_profiles
from workbench.synthesis.reports import write_report
from workbench.synthesis.reports.model import latest_stale_notes

FULL = NeedParams(backend="tfidf")
ASKED = NeedParams(backend="tfidf", segments="all", question="Ressourcen")


def _labels(project: Project, run_id: int) -> set[str]:
    return set(needs.clusters(project, run_id)["label"])


def test_reports_profiles_and_tokens_follow_the_full_run_after_a_question_run(
    demo_copy: Project, tmp_path: Path
) -> None:
    full = needs.run_needs(demo_copy, FULL, progress=False)
    asked = needs.run_needs(demo_copy, ASKED, progress=False)
    assert asked > full
    with demo_copy.session() as session:  # need_clusters.reference_run
        assert latest_memberships(session).run_id == full
    assert needs.clusters(demo_copy).equals(needs.clusters(demo_copy, full))
    assert set(needs.assignments(demo_copy)["segment_id"]) == set(
        needs.assignments(demo_copy, full)["segment_id"]
    )
    assert build_profiles(demo_copy).need_run == full

    report = write_report(demo_copy, tmp_path / "bericht.html").read_text(encoding="utf-8")
    only_asked = _labels(demo_copy, asked) - _labels(demo_copy, full)
    assert only_asked  # the two runs differ: the test can tell which one a report shows
    for label in only_asked:
        assert label not in report
    assert "question=Ressourcen" not in report and "segments=needs" in report
    assert latest_stale_notes(demo_copy) == ()  # the full run is up to date

    items = current_items(demo_copy)
    assert {i["source"]["need_run"] for i in items if "need_run" in i["source"]} == {full}
    issue_tokens(demo_copy, 1)
    with demo_copy.session() as session:
        assert session.scalars(select(FeedbackRound.need_run_id)).all() == [full]


def test_cluster_edits_after_a_question_run_edit_the_full_run(demo_copy: Project) -> None:
    full = needs.run_needs(demo_copy, FULL, progress=False)
    needs.run_needs(demo_copy, ASKED, progress=False)
    before = needs.assignments(demo_copy, full)
    cluster = int(before["cluster"].iloc[0])
    edited = need_edits.rename_cluster(demo_copy, cluster, "Eigener Name")
    with demo_copy.session() as session:
        assert latest_memberships(session).run_id == edited
    assert "question" not in needs.runs(demo_copy).set_index("run_id")["params"][edited]
    after = needs.assignments(demo_copy, edited)
    # the full run's clusters with the name: no statement moved, none of the question run's
    assert after[["segment_id", "cluster"]].equals(before[["segment_id", "cluster"]])
    named = needs.clusters(demo_copy, edited).set_index("cluster")["label"]
    assert named[cluster] == "Eigener Name"


def test_a_project_with_only_question_runs_follows_its_newest(demo_copy: Project) -> None:
    first = needs.run_needs(demo_copy, ASKED, progress=False)
    second = needs.run_needs(
        demo_copy, NeedParams(backend="tfidf", question="Bedarfe"), progress=False
    )
    assert second != first
    with demo_copy.session() as session:
        assert latest_memberships(session).run_id == second
    assert build_profiles(demo_copy).need_run == second
    cluster = int(needs.clusters(demo_copy)["cluster"].iloc[0])
    edited = need_edits.rename_cluster(demo_copy, cluster, "Eigener Name")
    with demo_copy.session() as session:
        assert latest_memberships(session).run_id == edited
    assert '"question": "Bedarfe"' in needs.runs(demo_copy).set_index("run_id")["params"][edited]


def test_needs_question_says_which_run_reports_follow(
    demo_copy: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--project", str(demo_copy.path), "needs", "--backend", "tfidf"]
    assert main([*args, "--question", "Ressourcen", "--out", "-"]) == 0
    err = capsys.readouterr().err
    assert "folgen diesem Lauf, solange es keinen Lauf über alle Leitfragen gibt" in err
    assert main([*args, "--out", "-"]) == 0
    assert "Leitfragen" not in capsys.readouterr().err  # a full run needs no note
    assert main([*args, "--question", "Ressourcen", "--out", "-"]) == 0
    err = capsys.readouterr().err
    assert "Lauf 3 clustert nur die Aussagen unter Leitfragen mit „Ressourcen“" in err
    assert "folgen weiter Bedarfslauf 2 über alle Leitfragen" in err
    assert "Traceback" not in err
