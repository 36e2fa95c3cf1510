"""Comments an adhocracy+ or meinBerlin export holds in its proposal's row.

Before, a proposal's comments in the column "Comments"/"Kommentare" were silently an
attribute of the proposal: the import said nothing, and the comments were missing from
coding, topics and needs without anyone noticing. Now the import says how many comments
stayed there and how to import them as statements.
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import table_comments

COMMENTS = (
    "2021-03-05T11:00:00+01:00 - anna.schmidt\nUnbedingt, vor allem mit Schatten!\n----\n"
    "@reply: 2021-03-05T12:00:00+01:00 - peter_m\nDas sehe ich genauso.\n----\n"
    "2021-03-06T09:30:00+01:00 - kai77\nAuch an der Bushaltestelle."
)


def _export(path: Path, column: str, comments: list[str]) -> Path:
    """An adhocracy+ idea export (XLSX) with one comments cell per idea."""
    rows = [
        ["Sitzbänke am Rhein", "Am Rheinufer fehlen Bänke für Ältere.", "klaus_w", comments[0]],
        ["Jugendzentrum", "Das Jugendzentrum schließt schon um 18 Uhr.", "mehmet", comments[1]],
        ["Radweg", "Der Radweg an der Hauptstraße hat Schlaglöcher.", "lea_k", comments[2]],
    ]
    frame = pd.DataFrame(rows, columns=["Title", "Description", "Creator", column])
    frame.to_excel(path, index=False)
    return path


def _import(project: Project, path: Path) -> int:
    return main(["--project", str(project.path), "import", str(path)])


@pytest.mark.parametrize("column", ["Comments", "Kommentare"])
def test_comments_in_a_proposals_row_are_named_not_silently_kept(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str
) -> None:
    single = "2021-03-07T10:00:00+01:00 - ben\nGute Idee."
    path = _export(tmp_path / "ideen.xlsx", column, [COMMENTS, "", single])
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert (
        f"Spalte '{column}': 4 Kommentare in 2 Zeilen (Datum - Nutzername, Text; so "
        "exportieren adhocracy+ und meinBerlin) bleiben Merkmal ihres Beitrags "
        "(pseudonymisiert), keine eigenen Aussagen. Als Aussagen: auf der Plattform die "
        "Kommentare exportieren und diese Datei importieren." in out
    )
    assert len(project.segments()) == 3  # the ideas; the comments are no statements
    stored = stored_text(project)
    assert "anna.schmidt" not in stored and "peter_m" not in stored


def test_an_ordinary_comment_column_gives_no_such_notice(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    remarks = ["Am 2021-03-05 - gut besucht", "", "Rückfrage offen"]
    path = _export(tmp_path / "karten.xlsx", "Moderation", remarks)
    assert _import(project, path) == 0
    assert "Kommentare in" not in capsys.readouterr().out


def test_doctests() -> None:
    assert doctest.testmod(table_comments).failed == 0


def test_the_reply_mark_stays_a_mark_and_everyone_is_nobody(
    project: Project, tmp_path: Path
) -> None:
    """adhocracy4 marks a reply "@reply: date - username": it became "[Profil]: …" as if a
    profile were answered, the mark of the reply lost. "@alle" in a comment names no one;
    "@anna_m" names a person's profile and stays replaced."""
    said = "2021-03-07T10:00:00+01:00 - ben\n@alle: kommt zur Sitzung! @anna_m weiß mehr."
    path = _export(tmp_path / "ideen.xlsx", "Comments", [COMMENTS, "", said])
    assert _import(project, path) == 0
    cells = [a.get("Comments", "") for a in project.segments()["attributes"]]
    assert "\n@reply: 2021-03-05T12:00:00+01:00 - [Person " in cells[0]
    assert "[Profil]" not in cells[0]
    assert "@alle: kommt zur Sitzung! [Profil] weiß mehr." in cells[2]
