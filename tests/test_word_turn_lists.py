"""A Word file of people's turns without headings, one turn a lead-in above a list.

"Jonas Becker: Ich habe Vorschläge:" above numbered paragraphs looked like a question
over a list, so the document became a protocol: the turns before it were lost, his
lead-in became a guiding question and the names stayed in the statements' text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tests.conftest import stored_text
from tests.transcript_files import import_into
from workbench import Project
from workbench.ingest import parse_file

ITEMS = ["Der Spielplatz am Markt soll wieder öffnen.", "Mehr Bänke für Ältere am Marktplatz."]


def _docx(path: Path, numbered: bool) -> Path:
    """Four turns; the second lists its items typed ("1. …") or in Word's numbering."""
    document = Document()
    document.add_paragraph("Anna Schmidt: Was schlagen Sie vor?")
    document.add_paragraph("Jonas Becker: Ich habe Vorschläge:")
    for number, item in enumerate(ITEMS, 1):
        if numbered:
            document.add_paragraph(item, style="List Number")
        else:
            document.add_paragraph(f"{number}. {item}")
    document.add_paragraph("Anna Schmidt: Danke, das nehmen wir auf.")
    document.add_paragraph("Jonas Becker: Gern.")
    document.save(path)
    return path


@pytest.mark.parametrize("numbered", [False, True], ids=["typed", "word-numbering"])
def test_a_turn_that_opens_a_list_keeps_the_document_turns(
    project: Project, tmp_path: Path, numbered: bool
) -> None:
    path = _docx(tmp_path / "runde.docx", numbered)
    document = parse_file(path)
    said = [(s.attributes.get("speaker"), s.question, s.text) for s in document.segments]
    assert [(who, asked) for who, asked, _ in said] == [
        ("Anna Schmidt", None),
        ("Jonas Becker", None),
        ("Anna Schmidt", None),
        ("Jonas Becker", None),
    ]
    assert said[0][2] == "Was schlagen Sie vor?"
    assert said[1][2].startswith("Ich habe Vorschläge:")
    assert all(item in said[1][2] for item in ITEMS)
    assert import_into(project, path) == 0
    stored = stored_text(project)
    assert "Becker" not in stored and "Schmidt" not in stored


def test_an_agenda_typed_as_text_is_still_headings(tmp_path: Path) -> None:
    """A guard: "TOP 1: Spielplatz:" over a list is an agenda item, no one's turn."""
    document = Document()
    document.add_paragraph("TOP 1: Spielplatz:")
    for number, item in enumerate(ITEMS, 1):
        document.add_paragraph(f"{number}. {item}")
    document.save(tmp_path / "top.docx")
    parsed = parse_file(tmp_path / "top.docx")
    assert [s.text for s in parsed.segments] == ITEMS
    assert parsed.importer == "docx"
