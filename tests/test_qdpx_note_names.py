"""Notes in the import's notices stand by number and GUID, never by their name: NVivo and
MAXQDA name memos after the interviewee, and the notice comes before any name is replaced."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main

TEXT = "Wir brauchen einen Treffpunkt am Markt."


def _project(path: Path, note: str) -> Path:
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="X" origin="NVivo 14">
<CodeBook><Codes><Code guid="C1" name="Treffpunkt" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="S1" name="Begehung" plainTextPath="internal://S1.txt">
<PlainTextSelection guid="P1" startPosition="0" endPosition="{len(TEXT)}">
<Coding guid="K1"><CodeRef targetGUID="C1"/></Coding></PlainTextSelection></TextSource></Sources>
<Notes><Note guid="N0" name="Forschungsplan"><PlainTextContent>Plan.</PlainTextContent></Note>
{note}</Notes><NoteRef targetGUID="N1"/></Project>"""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr("Sources/S1.txt", TEXT)
    return path


@pytest.mark.parametrize(
    ("note", "notice"),
    [
        (
            '<Note guid="5E1C2B7A-0000-4000-8000-000000000001" name="Memo Helga Brinkmann" '
            'plainTextPath="internal://5E1C2B7A.txt"/>',
            "Notiz Nr. 2 (GUID 5E1C2B7A…): Text fehlt im Projekt",
        ),
        (
            '<Note guid="5E1C2B7A-0000-4000-8000-000000000001" name="Memo Helga Brinkmann">'
            "<PlainTextContent>  </PlainTextContent></Note>",
            "Notiz Nr. 2 (GUID 5E1C2B7A…) ohne Text übersprungen.",
        ),
    ],
)
def test_a_skipped_note_is_named_by_number_not_by_the_interviewee(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], note: str, notice: str
) -> None:
    """A memo without its text file, or with an empty text, is skipped with a notice that
    does not print its name ("Memo Helga Brinkmann")."""
    path = _project(tmp_path / "nvivo.qdpx", note)
    assert main(["--project", str(project.path), "import", str(path), "--coder", "K"]) == 0
    out = capsys.readouterr().out
    assert notice in out
    assert "Brinkmann" not in out and "Helga" not in out
    assert project.memos()["text"].tolist() == ["Forschungsplan\n\nPlan."]
