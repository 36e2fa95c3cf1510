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
from workbench.ingest.protocol_meta import heading_text

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


@pytest.mark.parametrize("suffix", ["docx", "odt"])
def test_a_number_that_lists_nothing_stays_in_the_statement(tmp_path: Path, suffix: str) -> None:
    # "2. Etage", "3. Welt": no list counts up to them; dropping the number changed what
    # was said ("Etage des Bürgerhauses …"). A list "1." "2." still loses its numbers.
    said = ["2. Etage des Bürgerhauses ist nicht barrierefrei.", "3. Welt Laden schließt bald."]
    listed = ["1. Mehr Bänke am Rhein.", "2. Mehr Licht im Park."]
    path = tmp_path / f"zahlen.{suffix}"
    if suffix == "docx":
        document = docx.Document()
        document.add_paragraph("Stadtteilworkshop Manfort", style="Title")
        for heading, lines in [("Was gibt es schon?", said), ("Was fehlt im Quartier?", listed)]:
            document.add_paragraph(heading, style="Heading 1")
            for line in lines:
                document.add_paragraph(line)
        document.save(path)
    else:
        from odf.opendocument import OpenDocumentText
        from odf.text import H, P

        odt = OpenDocumentText()
        odt.text.addElement(P(text="Stadtteilworkshop Manfort"))
        for heading, lines in [("Was gibt es schon?", said), ("Was fehlt im Quartier?", listed)]:
            odt.text.addElement(H(outlinelevel=1, text=heading))
            for line in lines:
                odt.text.addElement(P(text=line))
        odt.save(str(path))
    parsed = parse_file(path)
    assert [(s.question, s.text) for s in parsed.segments] == [
        ("Was gibt es schon?", said[0]),
        ("Was gibt es schon?", said[1]),
        ("Was fehlt im Quartier?", "Mehr Bänke am Rhein."),
        ("Was fehlt im Quartier?", "Mehr Licht im Park."),
    ]


CLUB = ["Was gibt es im Quartier?", "Der Sportverein ist wichtig.", "Mehr Bänke.", "1. FC Köln"]


def _club_md(path: Path) -> Path:
    head = "# Stadtteilworkshop Manfort\n\n## "
    path.write_text(head + "\n\n".join(CLUB) + "\n", encoding="utf-8")
    return path


def _club_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Stadtteilworkshop Manfort", style="Title")
    document.add_paragraph(CLUB[0], style="Heading 1")
    for line in CLUB[1:]:
        document.add_paragraph(line)
    document.save(path)
    return path


def _club_pdf(path: Path) -> Path:
    path.write_bytes(pdf_bytes([["Stadtteilworkshop Manfort", "", *CLUB]]))
    return path


@pytest.mark.parametrize("write", [_club_md, _club_docx, _club_pdf], ids=["md", "docx", "pdf"])
def test_the_ordinal_of_a_clubs_name_is_no_list_number(tmp_path: Path, write) -> None:
    # "1. FC Köln" alone on a line was stored as "FC Köln": the "1." read as a list's number
    # (in a PDF a short line over text is a heading by its shape: there it keeps "1." too)
    suffix = write.__name__.rpartition("_")[2]
    parsed = parse_file(write(tmp_path / f"verein.{suffix}"))
    assert [s.text for s in parsed.segments] == CLUB[1:]
    assert {s.question for s in parsed.segments} == {CLUB[0]}


def test_a_heading_keeps_the_ordinal_of_a_clubs_name() -> None:
    assert heading_text("1. FC Köln") == "1. FC Köln"
    assert heading_text("1. Herausforderungen") == "Herausforderungen"
