"""Word and LibreOffice protocols with a question's head over its answers — "Frage: Was
fehlt?", then a paragraph "Ergebnis:" (or "Antwort:", "Ergebnisse:", "Antworten:"), then a
bulleted or numbered list — gave the answers "Ergebnis" as their question (without
headings; with a title above, the import stopped) or kept "Frage: …" and "Ergebnis:" as
statements of their own under the heading. The answers are statements under the question
now, as in plain-text protocols (:mod:`workbench.ingest.answer_lines`)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from odf.opendocument import OpenDocumentText
from odf.text import H, List, ListItem, P

from workbench.ingest import parse_file

ANSWERS = ["Ein Arzt im Viertel", "Ein Café am Markt", "Mehr Bänke im Park"]
KNOWN = ["Der Bürgerverein", "Die Kita am Markt"]
ASKED = "Was fehlt im Quartier?"
HEADS = {
    "ohne-ueberschrift": [],
    "titel-und-datum": [("p", "Stadtteilrunde Manfort"), ("p", "Datum: 12.03.2021")],
    "ueberschrift": [("title", "Stadtteilrunde Manfort"), ("h1", "Bedarfe")],
}


def _docx(path: Path, blocks: list[tuple]) -> Path:
    document = docx.Document()
    for kind, text, *numbered in blocks:
        if kind == "list":
            for item in text:
                document.add_paragraph(item, style="List Number" if numbered[0] else "List Bullet")
        elif kind == "h1":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text, style="Title" if kind == "title" else None)
    document.save(str(path))
    return path


def _odt(path: Path, blocks: list[tuple]) -> Path:
    document = OpenDocumentText()
    for kind, text, *_ in blocks:
        if kind == "list":
            listing = List()
            for item in text:
                entry = ListItem()
                entry.addElement(P(text=item))
                listing.addElement(entry)
            document.text.addElement(listing)
        elif kind == "h1":
            document.text.addElement(H(outlinelevel=1, text=text))
        else:
            document.text.addElement(P(text=text))
    document.save(str(path))
    return path


WRITERS = {"docx": _docx, "odt": _odt}


def _read(tmp_path: Path, suffix: str, blocks: list[tuple]) -> list[tuple[str | None, str]]:
    path = WRITERS[suffix](tmp_path / f"runde.{suffix}", blocks)
    return [(s.question, s.text) for s in parse_file(path).segments]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
@pytest.mark.parametrize("head", sorted(HEADS))
@pytest.mark.parametrize(
    ("asked", "label", "numbered"),
    [
        (f"Frage: {ASKED}", "Ergebnis:", False),
        (f"Frage 2: {ASKED}", "Antworten:", True),
        (ASKED, "Ergebnisse:", True),
        (ASKED, "Antwort:", False),
    ],
)
def test_answers_below_a_question_and_its_label_are_under_that_question(
    tmp_path: Path, suffix: str, head: str, asked: str, label: str, numbered: bool
) -> None:
    blocks = [
        *HEADS[head],
        ("p", asked),
        ("p", label),
        ("list", ANSWERS, numbered),
        ("p", "Frage: Was gibt es schon?"),
        ("p", "Ergebnis:"),
        ("list", KNOWN, not numbered),
    ]
    assert _read(tmp_path, suffix, blocks) == [
        *((ASKED, answer) for answer in ANSWERS),
        *(("Was gibt es schon?", known) for known in KNOWN),
    ]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_a_label_below_a_heading_that_asks_is_no_statement(tmp_path: Path, suffix: str) -> None:
    blocks = [
        ("title", "Stadtteilrunde"),
        ("h1", ASKED),
        ("p", "Ergebnisse:"),
        ("list", ANSWERS, 1),
    ]
    assert _read(tmp_path, suffix, blocks) == [(ASKED, answer) for answer in ANSWERS]


def test_question_and_label_in_one_paragraph_and_rows_still_count_the_label(
    tmp_path: Path,
) -> None:
    """ "Frage: …?" and "Ergebnis:" split by a line break (Shift+Enter); a label's paragraph
    of its own still counts in the rows of the statements below it."""
    blocks = [
        ("title", "Stadtteilrunde"),
        ("h1", "Bedarfe"),
        ("p", f"Frage: {ASKED}\nErgebnis:"),
        ("list", ANSWERS[:1], False),
        ("p", "Was gibt es schon?"),
        ("p", "Antwort:"),
        ("list", KNOWN[:1], False),
    ]
    segments = parse_file(_docx(tmp_path / "runde.docx", blocks)).segments
    assert [(s.question, s.text, s.row) for s in segments] == [
        (ASKED, ANSWERS[0], 4),
        ("Was gibt es schon?", KNOWN[0], 7),
    ]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_a_statement_above_a_label_and_a_result_of_its_own_stay_statements(
    tmp_path: Path, suffix: str
) -> None:
    said = "Viele fragen sich, warum es keine Bänke gibt. Das ärgert sie."
    blocks = [
        ("title", "Stadtteilrunde"),
        ("h1", "Bedarfe"),
        ("p", said),
        ("p", "Ergebnis:"),
        ("list", ["Mehr Bänke"], False),
        ("p", f"Frage: {ASKED}"),
        ("p", "Antwort: Ein Arzt fehlt."),
    ]
    assert _read(tmp_path, suffix, blocks) == [
        ("Bedarfe", said),
        ("Bedarfe", "Ergebnis:"),
        ("Bedarfe", "Mehr Bänke"),
        ("Bedarfe", f"Frage: {ASKED}"),
        ("Bedarfe", "Antwort: Ein Arzt fehlt."),
    ]


@pytest.mark.parametrize(
    ("asked", "question"),
    [
        ("Frage 2:\nWas fehlt im Quartier?", ASKED),
        ("Wir haben gesammelt.\nWas fehlt im Quartier?", f"Wir haben gesammelt. {ASKED}"),
    ],
)
def test_a_question_over_lines_of_its_paragraph_keeps_all_of_them(
    tmp_path: Path, asked: str, question: str
) -> None:
    """A question paragraph broken by Shift+Enter above "Ergebnis:": its first line alone
    was the question ("Frage 2", "Wir haben lange gesammelt.") and the question asked was
    lost; its lines make the question, as the same paragraph of an ODT does."""
    blocks = [*HEADS["ueberschrift"], ("p", asked), ("p", "Ergebnis:"), ("list", ANSWERS, False)]
    assert _read(tmp_path, "docx", blocks) == [(question, answer) for answer in ANSWERS]
