"""Actors and status steps an earlier release stored as typed.

Since session 31 a recommendation's actors and its status steps' actor and note are
stored pseudonymised; those stored before stood in clear in every report, export and on
the site. ``workbench recommend pseudonymise`` stores them as new ones are stored, names
the recommendations by number (never the names), and changes nothing a second time.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from workbench import Project
from workbench.cli.main import main
from workbench.store import Pseudonym, Recommendation, RecommendationStatus
from workbench.synthesis import recommendations as rec
from workbench.synthesis.recommendation_status import record_status, status_history

NAMES = ("Anna", "Becker", "Peter", "Schulz", "2345")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "p", districts=["Manfort"])
    rid = rec.add_recommendation(project, "Mehr Sozialarbeit", "Manfort", title="Sozialarbeit")
    rec.add_recommendation(project, "Bänke", "Manfort", actors=["Caritas"], title="Bänke")
    record_status(project, rid, "abgestimmt", "2025-01-10", "Quartiersmanagement", "Beschluss")
    with project.transaction() as session:  # as an earlier release stored them
        record = session.get(Recommendation, rid)
        record.actors = ["Frau Anna Becker (Jugendamt)", "Verwaltung, Fachbereich Soziales"]
        step = session.scalars(select(RecommendationStatus)).one()
        step.actor = "Herr Peter Schulz, Sozialamt"
        step.note = "Frau Becker kümmert sich, Tel. 0171 2345678"
    yield project
    project.close()


def _shown(project: Project) -> str:
    return repr(
        (rec.recommendations(project)["actors"].tolist(), status_history(project).to_dict())
    )


def test_recommend_pseudonymise_takes_the_names_out_of_earlier_actors_and_notes(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--project", str(project.path), "recommend", "pseudonymise"]
    capsys.readouterr()
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 Empfehlung(en)" in out and "Nummer 1)" in out and "nichts geändert" in out
    assert all(name in _shown(project) for name in NAMES)  # the dry run changed nothing
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "1 Empfehlung(en) pseudonymisiert" in out
    assert not [name for name in NAMES if name in out + _shown(project)]
    first, second = rec.recommendations(project)["actors"].tolist()
    assert first[0].startswith("[Person ") and first[0].endswith("] (Jugendamt)")
    assert first[1] == "Verwaltung, Fachbereich Soziales" and list(second) == ["Caritas"]
    [step] = status_history(project).to_dict("records")
    assert step["actor"].startswith("[Person ") and step["actor"].endswith(", Sozialamt")
    anna = first[0].removesuffix(" (Jugendamt)")
    assert step["note"] == f"{anna} kümmert sich, Tel. [Telefon]"  # one person, one number
    with project.session() as session:
        assert len(list(session.scalars(select(Pseudonym.placeholder)))) >= 2
    assert main(args) == 0  # once is enough
    assert "schon pseudonymisiert" in capsys.readouterr().out


def test_upgrade_names_the_recommendations_with_names_in_clear(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """``upgrade`` (here of a project already up to date) points to the command, with the
    recommendations' numbers and without the names; after it, it says nothing more."""
    args = ["--project", str(project.path)]
    capsys.readouterr()
    assert main([*args, "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "Hinweis: 1 Empfehlung(en) (Nummer 1)" in out
    assert "workbench recommend pseudonymise" in out
    assert not [name for name in NAMES if name in out]
    assert main([*args, "recommend", "pseudonymise"]) == 0
    capsys.readouterr()
    assert main([*args, "upgrade"]) == 0
    assert "Empfehlung" not in capsys.readouterr().out
