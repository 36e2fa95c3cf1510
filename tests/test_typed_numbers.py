"""A number typed before a Word or ODT paragraph ("1. Mehr Bänke", "2) Busse") is a list
item's number, as Word's own numbering (not part of the text) and as in the same protocol
saved as PDF: the statement is the text after it, and a question directly above such a
list is a guiding question. Before, "1. Mehr Bänke am Rhein." was stored with its number
(the PDF without it: two versions of one protocol did not match), and a protocol whose
questions stood as plain paragraphs above typed numbers stopped the import ("keine
Überschriften"). The day of a date ("12. März: …") stays."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.test_pdf_protocol import pdf_bytes
from workbench.ingest import parse_file

LINES = [
    "Stadtteilworkshop Manfort",
    "Sozialraum: Manfort",
    "Was fehlt im Quartier?",
    "1. Mehr Bänke am Rhein.",
    "2) Ein Treffpunkt für Jugendliche.",
    "12. März: das Stadtteilfest war gut besucht.",
    "Was gibt es schon?",
    "1. Der Sportverein hat eine Halle.",
]
EXPECTED = [
    ("Was fehlt im Quartier?", "Mehr Bänke am Rhein."),
    ("Was fehlt im Quartier?", "Ein Treffpunkt für Jugendliche."),
    ("Was fehlt im Quartier?", "12. März: das Stadtteilfest war gut besucht."),
    ("Was gibt es schon?", "Der Sportverein hat eine Halle."),
]


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph(LINES[0], style="Title")
    for line in LINES[1:]:
        document.add_paragraph(line)
    document.save(path)
    return path


def _odt(path: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for line in LINES:
        document.text.addElement(P(text=line))
    document.save(str(path))
    return path


def _pdf(path: Path) -> Path:
    blank_before = {"Was fehlt im Quartier?", "Was gibt es schon?"}
    lines = [part for line in LINES for part in ([""] * (line in blank_before) + [line])]
    path.write_bytes(pdf_bytes([lines]))
    return path


@pytest.mark.parametrize("write", [_docx, _odt, _pdf], ids=["docx", "odt", "pdf"])
def test_a_typed_number_is_a_list_items_number_in_every_format(tmp_path: Path, write) -> None:
    suffix = write.__name__[1:]
    parsed = parse_file(write(tmp_path / f"getippt.{suffix}"))
    assert [(s.question, s.text) for s in parsed.segments] == EXPECTED
