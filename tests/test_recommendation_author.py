"""A participant who formulates a recommendation: `recommend add --author "Gisela
Brandhorst"`, after her statements, stored her name in clear in the recommendation
(`recommend list --json` printed it; `forget --person` left it). A name the key or a name
list holds in full is stored as her placeholder; a researcher's name stays as typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.synthesis import recommendations as rec

PROTOCOL = "Gisela Brandhorst: Wir brauchen mehr Bänke.\n\nGisela Brandhorst: Und Licht.\n"


def _cli(project: Project, *args: str) -> int:
    return main(["--project", str(project.path), *args])


def _imported(project: Project, tmp_path: Path) -> str:
    """Import the protocol; the placeholder of Gisela Brandhorst."""
    path = tmp_path / "forum.md"
    path.write_text(PROTOCOL, encoding="utf-8")
    assert _cli(project, "import", "--district", "Manfort", "--workshop", "Forum", str(path)) == 0
    return project.segments()["text"].iloc[0].split(":")[0]


@pytest.mark.parametrize("typed", ["Gisela Brandhorst", "gisela  brandhorst"])
def test_a_participant_as_author_is_stored_as_her_placeholder(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    placeholder = _imported(project, tmp_path)
    assert placeholder.startswith("[Person ")
    args = ["recommend", "add", "Mehr Bänke", "--scope", "Manfort", "--author", typed]
    assert _cli(project, *args) == 0
    capsys.readouterr()
    assert _cli(project, "recommend", "list", "--json") == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["author"] == placeholder
    assert "Brandhorst" not in stored_text(project)


def test_a_listed_participant_not_yet_in_the_key_is_her_placeholder(
    project: Project, tmp_path: Path
) -> None:
    names = tmp_path / "namen.txt"
    names.write_text("Okke Wübbenhorst\n", encoding="utf-8")
    path = tmp_path / "forum.md"
    path.write_text("Moderation: Wir brauchen mehr Bänke.\n", encoding="utf-8")
    args = ["import", "--district", "Manfort", "--names", str(names), str(path)]
    assert _cli(project, *args) == 0
    rec.add_recommendation(project, "Mehr Bänke", "Manfort", author="Okke Wübbenhorst")
    [author] = rec.recommendations(project)["author"]
    assert author.startswith("[Person "), author


@pytest.mark.parametrize("author", ["Forschungsteam", "Dr. Maria Forscherin", "Gisela"])
def test_a_researchers_name_stays_as_typed(project: Project, tmp_path: Path, author: str) -> None:
    _imported(project, tmp_path)
    rec.add_recommendation(project, "Mehr Bänke", "Manfort", author=author)
    [stored] = rec.recommendations(project)["author"]
    assert stored == author
