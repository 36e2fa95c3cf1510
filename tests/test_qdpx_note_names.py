"""Notes in the import's notices stand by number and GUID, never by their name: NVivo and
MAXQDA name memos after the interviewee, and the notice comes before any name is replaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.qdpx_data import coded_project
from workbench import Project
from workbench.cli.main import main


def _project(path: Path, note: str) -> Path:
    notes = f"""<Notes>
<Note guid="N0" name="Forschungsplan"><PlainTextContent>Plan.</PlainTextContent></Note>
{note}</Notes><NoteRef targetGUID="N1"/>"""
    return coded_project(path, "NVivo 14", notes)


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
