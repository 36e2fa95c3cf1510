"""Second reading of typed meeting files: lines of a protocol that look like "Name: Text"
are no one's turns, and what a participant says above the turns stays a statement."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from odf import teletype
from odf.opendocument import OpenDocumentText
from odf.text import P

from workbench import Project
from workbench.cli.main import main

FIELDS = (
    "Ziel: mehr Bänke im Park",
    "Problem: Lärm nachts am Marktplatz",
    "Wunsch: ein Trinkbrunnen",
    "Problem: Müll an der Haltestelle",
    "Ziel: mehr Grün",
)
CARDS = (
    "Kartenabfrage Quartier",
    "Herausforderungen: Lärm, Müll",
    "Herausforderungen: zu wenig Grün",
    "Herausforderungen: kaum Parkplätze",
)


def _word(path: Path, lines: tuple[str, ...]) -> Path:
    if path.suffix == ".odt":
        document = OpenDocumentText()
        for line in lines:
            paragraph = P()
            teletype.addTextToElement(paragraph, line)
            document.text.addElement(paragraph)
        document.save(str(path))
    else:
        word = docx.Document()
        for line in lines:
            word.add_paragraph(line)
        word.save(path)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
@pytest.mark.parametrize("lines", [FIELDS, CARDS], ids=["fields", "cards"])
def test_word_protocol_of_keyed_lines_makes_no_word_a_person(
    tmp_path: Path, project: Project, capsys: pytest.CaptureFixture[str], suffix: str, lines
) -> None:
    """A Word/ODT protocol without headings whose paragraphs are "Ziel: …", "Problem: …"
    or a card list "Herausforderungen: …" is no transcript: the keys never become
    speakers pseudonymised wherever the word stands; the file is refused with the
    German message asking for headings, exit 2, nothing stored."""
    path = _word(tmp_path / f"protokoll{suffix}", lines)
    code = main(["--project", str(project.path), "import", str(path), "--district", "Opladen"])
    assert code == 2
    assert "keine Überschriften" in capsys.readouterr().err
    assert project.segments().empty
