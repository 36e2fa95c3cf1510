"""Word and LibreOffice protocols typed without any heading: a question above a list is a
guiding question, a short first line above "Datum: …" the title — the rules of plain-text
protocols — and "Teilnehmende:" above a list of names stays the list of participants."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from odf.opendocument import OpenDocumentText
from odf.text import List, ListItem, P

from tests.conftest import stored_text
from tests.test_protocol_sweep import _docx
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.ingest import parse_file

NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{}"/></w:numPr>'


def _questions(document) -> list[tuple[str | None, str]]:
    return [(s.question, s.text) for s in document.segments]


def _typed_protocol(d, item) -> None:
    """A protocol as typed into an empty Word document: no heading, no bold; ``item(d,
    text)`` writes one list item."""
    d.add_paragraph("Stadtteilwerkstatt Manfort")
    d.add_paragraph("Datum: 12.03.2021")
    d.add_paragraph("Teilnehmende:")
    item(d, "Frau Ada Quast (Bürgerverein)")
    item(d, "Herr Ole Stracke (Streetwork)")
    d.add_paragraph("Was fehlt im Stadtteil?")
    item(d, "Ein Treffpunkt für Ältere.")
    item(d, "Wo sollen Jugendliche abends hin?")  # a list item, not a question
    d.add_paragraph("Ressourcen:")
    item(d, "Die Kita hat einen großen Garten.")


EXPECTED = [
    ("Was fehlt im Stadtteil?", "Ein Treffpunkt für Ältere."),
    ("Was fehlt im Stadtteil?", "Wo sollen Jugendliche abends hin?"),
    ("Ressourcen", "Die Kita hat einen großen Garten."),
]


@pytest.mark.parametrize(
    "item",
    [
        lambda d, text: d.add_paragraph(text, style="List Bullet"),  # Word's bullet button
        lambda d, text: d.add_paragraph(text, style="List Number"),
        lambda d, text: d.add_paragraph("– " + text),  # typed en dash
        lambda d, text: d.add_paragraph("•\t" + text),  # typed bullet and tab
    ],
    ids=["aufzaehlung", "nummerierung", "gedankenstrich", "punkt"],
)
def test_a_question_above_a_list_is_a_guiding_question(tmp_path: Path, item) -> None:
    document = parse_file(_docx(tmp_path / "getippt.docx", lambda d: _typed_protocol(d, item)))
    assert (document.title, document.date) == ("Stadtteilwerkstatt Manfort", "2021-03-12")
    assert document.names == ("Ada Quast", "Ole Stracke")
    assert _questions(document) == EXPECTED


def test_word_numbering_set_on_the_paragraph_makes_a_list_item(tmp_path: Path) -> None:
    """Word writes a bulleted paragraph as "Listenabsatz" with its own numbering; the
    numbering switched off (numId 0) on a list style makes a plain paragraph again."""

    def build(d) -> None:
        d.add_paragraph("Was gibt es schon?")
        d.add_paragraph("LISTED Das Stadtteilbüro berät.", style="List Paragraph")
        d.add_paragraph("Was fehlt?")
        d.add_paragraph("PLAIN Die Läden stehen leer.", style="List Bullet")

    def edit(xml: str) -> str:
        for marker, number in (("LISTED", "3"), ("PLAIN", "0")):
            at = xml.index(marker)
            end = xml.rindex("</w:pPr>", 0, at)
            xml = xml[:end] + NUMBERED.format(number) + xml[end:]
        return xml.replace("LISTED ", "").replace("PLAIN ", "")

    document = parse_file(_docx(tmp_path / "nummern.docx", build, edit))
    assert _questions(document) == [  # "Was fehlt?" is above a plain paragraph: a statement
        ("Was gibt es schon?", "Das Stadtteilbüro berät."),
        ("Was gibt es schon?", "Was fehlt?"),
        ("Was gibt es schon?", "Die Läden stehen leer."),
    ]

    def fixed(d) -> None:
        build(d)
        d.paragraphs[3].insert_paragraph_before("Die Bank am Markt fehlt.", style="List Bullet")

    document = parse_file(_docx(tmp_path / "nummern2.docx", fixed, edit))
    assert _questions(document) == [
        ("Was gibt es schon?", "Das Stadtteilbüro berät."),
        ("Was fehlt?", "Die Bank am Markt fehlt."),
        ("Was fehlt?", "Die Läden stehen leer."),
    ]


def test_without_a_list_a_question_line_is_no_heading(tmp_path: Path) -> None:
    """Prose ending in "?" above a paragraph is no guiding question: the message names
    the forms a guiding question may take."""

    def build(d) -> None:
        d.add_paragraph("Werkstatt Wiesdorf")
        d.add_paragraph("Was fehlt im Stadtteil?")
        d.add_paragraph("Die Läden stehen leer.")

    with pytest.raises(InputError) as caught:
        parse_file(_docx(tmp_path / "prosa.docx", build))
    message = str(caught.value)
    assert "Absatz 1: Das Dokument hat keine Überschriften" in message
    assert "‚Überschrift 1‘" in message and "über einer Aufzählung" in message


def test_typed_bullets_are_left_out_of_statements_under_headings(tmp_path: Path) -> None:
    def build(d) -> None:
        d.add_paragraph("Herausforderungen und Bedarfe", style="Heading 1")
        d.add_paragraph("- Der Bus fährt abends nur stündlich.")
        d.add_paragraph("-3 Grad im Januar: der Saal ist kalt.")  # no bullet: no space

    document = parse_file(_docx(tmp_path / "strich.docx", build))
    assert [s.text for s in document.segments] == [
        "Der Bus fährt abends nur stündlich.",
        "-3 Grad im Januar: der Saal ist kalt.",
    ]


def test_an_odt_typed_without_headings_reads_the_same(tmp_path: Path) -> None:
    doc = OpenDocumentText()
    doc.text.addElement(P(text="Stadtteilwerkstatt Manfort"))
    doc.text.addElement(P(text="Datum: 12.03.2021"))
    for question, items in (
        ("Was fehlt im Stadtteil?", ["Ein Treffpunkt für Ältere."]),
        ("Ressourcen:", ["Die Kita hat einen großen Garten."]),
    ):
        doc.text.addElement(P(text=question))
        listing = List()
        for text in items:
            entry = ListItem()
            entry.addElement(P(text=text))
            listing.addElement(entry)
        doc.text.addElement(listing)
    path = tmp_path / "getippt.odt"
    doc.save(str(path))
    document = parse_file(path)
    assert document.title == "Stadtteilwerkstatt Manfort"
    assert _questions(document) == [EXPECTED[0], EXPECTED[2]]


def test_a_plain_text_list_of_participants_after_a_blank_line_is_no_question(
    tmp_path: Path,
) -> None:
    """ "Teilnehmende:" on a line of its own above a list was read as a guiding question,
    the participants' names as its statements."""
    path = tmp_path / "werkstatt.txt"
    path.write_text(
        "Werkstatt Manfort\nDatum: 12.03.2021\n\nTeilnehmende:\n- Ada Quast\n- Ole Stracke\n\n"
        "Was fehlt?\n- Ein Treffpunkt für Ältere.\n",
        encoding="utf-8",
    )
    document = parse_file(path)
    assert document.names == ("Ada Quast", "Ole Stracke")
    assert _questions(document) == [("Was fehlt?", "Ein Treffpunkt für Ältere.")]


def test_the_import_stores_questions_and_no_participant(project: Project, tmp_path: Path) -> None:
    path = _docx(
        tmp_path / "werkstatt.docx",
        lambda d: _typed_protocol(d, lambda d, t: d.add_paragraph(t, style="List Bullet")),
    )
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    segments = project.segments()
    assert sorted(set(segments["question"])) == ["Ressourcen", "Was fehlt im Stadtteil?"]
    assert len(segments) == 3
    stored = stored_text(project)
    assert "Quast" not in stored and "Stracke" not in stored


def test_an_unstructured_word_file_stops_the_import_with_exit_2(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def build(d: docx.Document) -> None:
        d.add_paragraph("Notizen vom Abend")
        d.add_paragraph("Viele waren da, es war gut.")

    path = _docx(tmp_path / "notizen.docx", build)
    assert main(["--project", str(project.path), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "notizen.docx, Absatz 1: Das Dokument hat keine Überschriften" in err
    assert "Traceback" not in err and project.segments().empty


# ------------------------------------------------ guiding questions as a list's first level

NESTED = [
    ("Was fehlt im Stadtteil?", ["Ein Treffpunkt.", "Bänke am Markt."]),
    ("Ressourcen:", ["Die Kita."]),
]
NESTED_EXPECTED = [
    ("Was fehlt im Stadtteil?", "Ein Treffpunkt."),
    ("Was fehlt im Stadtteil?", "Bänke am Markt."),
    ("Ressourcen", "Die Kita."),
]
MULTILEVEL = (
    '<w:abstractNum w:abstractNumId="90"><w:lvl w:ilvl="0"><w:pPr><w:ind w:left="720" '
    'w:hanging="360"/></w:pPr></w:lvl><w:lvl w:ilvl="1"><w:pPr><w:ind w:left="1440" '
    'w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="90">'
    '<w:abstractNumId w:val="90"/></w:num>'
)


def test_questions_numbered_above_their_bulleted_answers(tmp_path: Path) -> None:
    """Word's "Liste 1, 2, 3" for the questions, "Aufzählungszeichen 2" for the answers."""

    def build(d) -> None:
        for question, items in NESTED:
            d.add_paragraph(question, style="List Number")
            for text in items:
                d.add_paragraph(text, style="List Bullet 2")
        d.add_paragraph("Ein Punkt ohne Unterpunkte?", style="List Number")  # a statement

    document = parse_file(_docx(tmp_path / "gegliedert.docx", build))
    assert _questions(document) == [*NESTED_EXPECTED, ("Ressourcen", "Ein Punkt ohne Unterpunkte?")]


def test_questions_on_the_first_level_of_a_multilevel_list(tmp_path: Path) -> None:
    """Word's multilevel list: one numbering, the level on each paragraph (Tab / Umschalt+Tab)."""

    def build(d) -> None:
        for question, items in NESTED:
            d.add_paragraph(f"L0 {question}", style="List Paragraph")
            for text in items:
                d.add_paragraph(f"L1 {text}", style="List Paragraph")

    def edit(xml: str) -> str:
        for level in ("0", "1"):
            xml = xml.replace(
                '<w:pStyle w:val="ListParagraph"/></w:pPr><w:r><w:t>L' + level + " ",
                '<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="' + level + '"/>'
                '<w:numId w:val="90"/></w:numPr></w:pPr><w:r><w:t>',
            )
        return xml

    path = _docx(tmp_path / "mehrstufig.docx", build, edit)
    with zipfile.ZipFile(path) as package:
        parts = {n: package.read(n) for n in package.namelist()}
    numbering = parts["word/numbering.xml"].decode()
    parts["word/numbering.xml"] = numbering.replace(
        "</w:numbering>", MULTILEVEL + "</w:numbering>"
    ).encode()
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    assert _questions(parse_file(path)) == NESTED_EXPECTED


def test_an_odt_with_questions_as_an_outer_list(tmp_path: Path) -> None:
    doc = OpenDocumentText()
    outer = List()
    for question, items in NESTED:
        entry = ListItem()
        entry.addElement(P(text=question))
        inner = List()
        for text in items:
            item = ListItem()
            item.addElement(P(text=text))
            inner.addElement(item)
        entry.addElement(inner)
        outer.addElement(entry)
    doc.text.addElement(outer)
    path = tmp_path / "gegliedert.odt"
    doc.save(str(path))
    assert _questions(parse_file(path)) == NESTED_EXPECTED


@pytest.mark.parametrize("gap", ["", "\n"], ids=["eng", "mit-leerzeilen"])
def test_a_plain_text_with_questions_as_an_outer_list(tmp_path: Path, gap: str) -> None:
    path = tmp_path / "gegliedert.txt"
    path.write_text(
        f"1. Was fehlt im Stadtteil?\n{gap}   - Ein Treffpunkt.\n{gap}   - Bänke am Markt.\n"
        f"{gap}2. Ressourcen:\n{gap}\t* Die Kita.\n",
        encoding="utf-8",
    )
    assert _questions(parse_file(path)) == NESTED_EXPECTED
