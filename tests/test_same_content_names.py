"""Files left out as another's copy although their names or dates are read otherwise than
the stored copy's: a participant's name stored as "[Person 1]", a date in the file name."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.test_same_content_versions import WISHES
from workbench import Project
from workbench.cli.main import main


@pytest.mark.backends
def test_a_second_format_naming_participants_is_left_out_beside_the_stored_one(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An undated pad protocol imported, its Word copy later: the stored cards read
    '[Person 1] kümmert sich', the copy's 'Anna Schmidt kümmert sich'. Two of its three
    words were taken for lost, and the whole copy went in beside the protocol."""
    cards = [*WISHES, "Anna Schmidt kümmert sich.", "Jonas Becker fragt nach."]
    head = "---\nworkshop: Werkstatt\ndistrict: Manfort\nparticipants: [Anna Schmidt, Jonas Becker]"
    body = "## Was fehlt im Stadtteil?\n\n" + "".join(f"- {s}\n" for s in cards)
    pad = tmp_path / "pad.md"
    pad.write_text(f"{head}\n---\n\n# Werkstatt\n\n{body}", encoding="utf-8")
    word = docx.Document()
    word.add_paragraph("Werkstatt", style="Title")
    for line in ("Workshop: Werkstatt", "Sozialraum: Manfort", "Teilnehmende: Anna Schmidt"):
        word.add_paragraph(line)
    word.add_paragraph("Was fehlt im Stadtteil?", style="Heading 1")
    for card in cards:
        word.add_paragraph(card, style="List Bullet")
    word.save(tmp_path / "pad.docx")
    p = ["--project", str(project.path), "import"]
    assert main([*p, str(pad)]) == 0
    assert "[Person 1] kümmert sich." in set(project.segments()["text"])
    capsys.readouterr()
    assert main([*p, str(tmp_path / "pad.docx")]) == 0
    assert "pad.docx: nicht importiert: " in capsys.readouterr().out
    assert set(project.segments()["document"]) == {"pad.md"}


def _undated(path: Path, title: str, statements: list[str]) -> Path:
    """A protocol without "Datum:" and "Workshop:": its title and file name say them."""
    body = "## Was fehlt im Stadtteil?\n\n" + "".join(f"- {s}\n" for s in statements)
    path.write_text(f"---\ndistrict: Manfort\n---\n\n# {title}\n\n{body}", encoding="utf-8")
    return path


def test_a_protocol_dated_by_its_file_name_corrected_under_another_name_is_left_out(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'Protokoll_2025-05-20_korrigiert.md' (one card added) beside 'Protokoll_2025-05-20.md',
    neither with "Datum:": the date of the file name (or title) is the protocol's date as
    stored, so it is the same day's protocol corrected. It went in beside the first, its
    six unchanged statements twice. Two rooms' files of one day stay two meetings."""
    added = [*WISHES, "Die Grünfläche am Bach braucht Mülleimer"]
    title = "Stadtteilkonferenz Manfort"
    first = _undated(tmp_path / "Protokoll_2025-05-20.md", title, WISHES)
    fixed = _undated(tmp_path / "Protokoll_2025-05-20_korrigiert.md", title, added)
    p = ["--project", str(project.path), "import"]
    assert main([*p, str(first)]) == 0
    capsys.readouterr()
    assert main([*p, str(fixed)]) == 0
    assert "Protokoll_2025-05-20_korrigiert.md: nicht importiert: " in capsys.readouterr().out
    assert len(project.segments()) == len(WISHES)


def test_a_protocol_dated_by_its_title_corrected_in_one_import_is_left_out(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The date and the event in the title ("Stadtteilkonferenz Manfort 24. Juni 2025") are
    those the protocol is stored with: a corrected copy beside it is one protocol."""
    added = [*WISHES, "Die Grünfläche am Bach braucht Mülleimer"]
    dated = "Stadtteilkonferenz Manfort 24. Juni 2025"
    files = [
        _undated(tmp_path / "juni.md", dated, WISHES),
        _undated(tmp_path / "j.md", dated, added),
    ]
    assert main(["--project", str(project.path), "import", *map(str, files)]) == 0
    assert "j.md: nicht importiert: " in capsys.readouterr().out
    assert len(project.segments()) == len(WISHES)


def test_two_rooms_protocols_of_one_day_named_by_their_files_are_both_imported(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two rooms of one day, dated and named by their file names only: two meetings."""
    rooms = [
        _undated(tmp_path / f"2025-07-01_raum{k}.md", "Ergebnisse", [*WISHES[:5], own])
        for k, own in enumerate(("Der Bolzplatz braucht neue Tore", "Am Kreisel fehlt ein Überweg"))
    ]
    assert main(["--project", str(project.path), "import", *map(str, rooms)]) == 0
    assert "nicht importiert" not in capsys.readouterr().out
    assert len(project.segments()) == 12
