"""Agenda items in a plain-text protocol ("TOP 1: Begrüßung" on a line of its own, the
text below it): before, the line ran into the paragraph under it ("TOP 1: Begrüßung Frau
Schmidt begrüßt …") and that paragraph kept the question of the item above ("TOP 3:
Verschiedenes …" under "TOP 2: Was fehlt im Quartier?")."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from workbench.ingest import parse_file

PROTOCOL = """Protokoll der Stadtteilkonferenz Manfort
Datum: 12.03.2021

TOP 1: Begrüßung
Die Runde beginnt pünktlich.

TOP 2: Was fehlt im Quartier?
- Ein Treffpunkt für Jugendliche
- Mehr Licht im Park

TOP 3 – Verschiedenes
Die nächste Sitzung ist am 9. April.
"""

# (guiding question, statement) of PROTOCOL: each agenda item heads the text below it
AGENDA = [
    ("TOP 1: Begrüßung", "Die Runde beginnt pünktlich."),
    ("TOP 2: Was fehlt im Quartier?", "Ein Treffpunkt für Jugendliche"),
    ("TOP 2: Was fehlt im Quartier?", "Mehr Licht im Park"),
    ("TOP 3 – Verschiedenes", "Die nächste Sitzung ist am 9. April."),
]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_an_agenda_item_heads_the_text_below_it(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"konferenz{suffix}"
    path.write_text(PROTOCOL, encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.title == "Protokoll der Stadtteilkonferenz Manfort"
    assert [(s.question, s.text) for s in parsed.segments] == AGENDA


def test_a_sentence_about_an_agenda_item_stays_a_statement(tmp_path: Path) -> None:
    path = tmp_path / "konferenz.txt"
    said = "TOP 4 wurde auf die nächste Sitzung verschoben."
    path.write_text(PROTOCOL + f"\n{said}\n", encoding="utf-8")
    assert parse_file(path).segments[-1].text == said


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_agenda_items_as_plain_paragraphs_head_a_word_protocol(tmp_path: Path, suffix: str) -> None:
    # without heading styles, the import stopped: "Das Dokument hat keine Überschriften"
    lines = [line for line in PROTOCOL.splitlines() if line.strip()]
    lines = [line.removeprefix("- ") for line in lines]
    path = tmp_path / f"konferenz{suffix}"
    if suffix == ".docx":
        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        document.save(path)
    else:
        from odf.opendocument import OpenDocumentText
        from odf.text import P

        odt = OpenDocumentText()
        for line in lines:
            odt.text.addElement(P(text=line))
        odt.save(str(path))
    parsed = parse_file(path)
    assert parsed.title == "Protokoll der Stadtteilkonferenz Manfort"
    assert [(s.question, s.text) for s in parsed.segments] == AGENDA


CARDS = """Protokoll Stadtteilworkshop Manfort
Datum: 12.03.2021

Was fehlt im Stadtteil?
- Bänke am Markt
- Licht im Park

TOP 3 Wunsch: mehr Bänke am Markt

TOP 10 der Ideen: Bürgerbus, Nachtbus, Leihräder
"""


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_statement_led_by_top_and_a_number_is_no_agenda_item(tmp_path: Path, suffix: str) -> None:
    # without agenda items numbered from 1, "TOP 3 Wunsch: …" became a guiding question and
    # the statement below it lost its own
    path = tmp_path / f"werkstatt{suffix}"
    if suffix == ".docx":
        document = docx.Document()
        for line in filter(str.strip, CARDS.splitlines()):
            listed = line.startswith("- ")
            document.add_paragraph(line.removeprefix("- "), "List Bullet" if listed else None)
        document.save(path)
    else:
        path.write_text(CARDS, encoding="utf-8")
    question = "Was fehlt im Stadtteil?"
    assert [(s.question, s.text) for s in parse_file(path).segments] == [
        (question, "Bänke am Markt"),
        (question, "Licht im Park"),
        (question, "TOP 3 Wunsch: mehr Bänke am Markt"),
        (question, "TOP 10 der Ideen: Bürgerbus, Nachtbus, Leihräder"),
    ]
