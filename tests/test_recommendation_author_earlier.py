"""Recommendation authors an earlier release stored as typed.

Since session 34 a participant who formulates a recommendation (`recommend add --author
"Gisela Brandhorst"`, her full name in the key) is stored as her placeholder; one stored
before kept her name in clear (`recommend list --json` printed it), and neither `recommend
pseudonymise` nor the hint of `upgrade` named it. Both do now; a researcher's name stays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.store import Recommendation
from workbench.synthesis import recommendations as rec

PROTOCOL = "Gisela Brandhorst: Wir brauchen mehr Bänke.\n\nGisela Brandhorst: Und Licht.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Her protocol and two recommendations: the second's author as an earlier release
    stored it (her name as typed), the first's a researcher's."""
    folder, source = tmp_path / "projekt", tmp_path / "forum.md"
    source.write_text(PROTOCOL, encoding="utf-8")
    assert main(["init", str(folder), "--districts", "Manfort"]) == 0
    p = ["--project", str(folder)]
    assert main([*p, "import", "--district", "Manfort", "--workshop", "Forum", str(source)]) == 0
    with Project.open(folder) as project:
        rec.add_recommendation(project, "Mehr Licht", "Manfort", author="Dr. Maria Forscherin")
        rec.add_recommendation(project, "Mehr Bänke", "Manfort")
        with project.transaction() as session:
            session.get(Recommendation, 2).author = "Gisela  Brandhorst"
    return folder


def _authors(folder: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["--project", str(folder), "recommend", "list", "--json"]) == 0
    return [r["author"] for r in json.loads(capsys.readouterr().out)]


def test_recommend_pseudonymise_stores_a_participant_author_as_her_placeholder(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--project", str(folder), "recommend", "pseudonymise"]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 Empfehlung(en)" in out and "(Nummer 2)" in out and "Brandhorst" not in out
    assert _authors(folder, capsys) == ["Dr. Maria Forscherin", "Gisela  Brandhorst"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "1 Empfehlung(en) pseudonymisiert" in out and "Brandhorst" not in out
    with Project.open(folder) as project:
        placeholder = str(project.segments()["text"].iloc[0]).split(":")[0]
        assert "brandhorst" not in stored_text(project).casefold()
        with project.session() as session:
            assert len(list(session.scalars(select(Recommendation)))) == 2
    assert placeholder.startswith("[Person ")
    assert _authors(folder, capsys) == ["Dr. Maria Forscherin", placeholder]
    assert main(args) == 0  # once is enough
    assert "schon pseudonymisiert" in capsys.readouterr().out


def test_upgrade_names_a_recommendation_with_its_author_in_clear(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--project", str(folder), "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "Hinweis: 1 Empfehlung(en) (Nummer 2)" in out and "Brandhorst" not in out
