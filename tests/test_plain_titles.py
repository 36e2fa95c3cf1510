"""A Word or LibreOffice protocol whose title is typed as a plain paragraph (no style
‚Titel‘; in bold, large or not) above its details or its first guiding question: the
title, not "text before the first guiding question" that stops the import."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.shared import Pt
from odf.opendocument import OpenDocumentText
from odf.text import H, P

from tests.conftest import stored_text
from tests.test_protocol_sweep import _docx
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.ingest import parse_file

TITLE = "Stadtteilkonferenz Manfort"
SAID = [("Was fehlt im Stadtteil?", "Mehr Bänke am Markt."), ("Was ist gut?", "Der Treff.")]


def _protocol(d, title: str = "plain", details: bool = True, head: tuple[str, ...] = ()):
    """The protocol as typed in Word: the title in ‚Standard‘, then details and
    questions in ‚Überschrift 1‘; ``head`` are paragraphs above the title."""
    for line in head:
        d.add_paragraph(line)
    run = d.add_paragraph().add_run(TITLE)
    run.bold = title == "bold" or None
    run.font.size = Pt(20) if title == "large" else None
    if details:
        d.add_paragraph("Datum: 12.03.2021")
        d.add_paragraph("Sozialraum: Manfort")
    for question, text in SAID:
        d.add_heading(question, 1)
        d.add_paragraph(text)


def _said(document) -> list[tuple[str | None, str]]:
    return [(s.question, s.text) for s in document.segments]


@pytest.mark.parametrize("title", ["plain", "bold", "large"])
def test_a_plain_paragraph_above_the_details_is_the_title(tmp_path: Path, title: str) -> None:
    path = _docx(tmp_path / "konferenz.docx", lambda d: _protocol(d, title))
    document = parse_file(path)
    assert (document.title, document.date, document.district) == (
        TITLE,
        "2021-03-12",
        "Manfort",
    )
    assert _said(document) == SAID


@pytest.mark.parametrize("title", ["plain", "bold"])
def test_without_details_a_plain_paragraph_above_the_first_heading_is_the_title(
    tmp_path: Path, title: str
) -> None:
    path = _docx(tmp_path / "konferenz.docx", lambda d: _protocol(d, title, details=False))
    document = parse_file(path)
    assert document.title == TITLE and _said(document) == SAID


def test_short_lines_above_the_title_are_a_letterhead(tmp_path: Path) -> None:
    head = ("Stadt Leverkusen", "Fachbereich Kinder und Jugend")
    document = parse_file(_docx(tmp_path / "brief.docx", lambda d: _protocol(d, head=head)))
    assert (document.title, document.date) == (TITLE, "2021-03-12")
    assert _said(document) == SAID


def test_below_a_styled_title_a_short_line_is_left_out(tmp_path: Path) -> None:
    def build(d) -> None:
        d.add_paragraph("Protokoll", style="Title")
        _protocol(d)

    document = parse_file(_docx(tmp_path / "titel.docx", build))
    assert (document.title, document.date) == ("Protokoll", "2021-03-12")


def test_without_headings_a_title_above_the_first_question_or_card_table(tmp_path: Path) -> None:
    def listed(d) -> None:
        d.add_paragraph("Stadtteilrunde Manfort")
        d.add_paragraph("Was fehlt im Stadtteil?")
        d.add_paragraph("Bänke am Markt", style="List Bullet")

    def cards(d) -> None:
        d.add_paragraph("Kartenabfrage Manfort")
        table = d.add_table(rows=2, cols=2)
        for number, text in enumerate(["Bedarfe", "Ressourcen", "Bänke", "Kita"]):
            table.cell(number // 2, number % 2).text = text

    document = parse_file(_docx(tmp_path / "liste.docx", listed))
    assert document.title == "Stadtteilrunde Manfort"
    assert _said(document) == [("Was fehlt im Stadtteil?", "Bänke am Markt")]
    document = parse_file(_docx(tmp_path / "karten.docx", cards))
    assert document.title == "Kartenabfrage Manfort"
    assert _said(document) == [("Bedarfe", "Bänke"), ("Ressourcen", "Kita")]


@pytest.mark.parametrize(
    "paragraphs",
    [
        # running text before the first heading: no title, the import stops as before
        [TITLE, "Am Abend trafen sich viele Menschen im Gemeindehaus, es war voll."],
        ["Am Abend trafen sich viele Menschen im Gemeindehaus, es war voll."],
        # more short lines than a letterhead and a title: cards typed above the questions
        ["Bänke", "Licht", "Busse", "Treffpunkt"],
    ],
    ids=["titel-und-text", "text", "karten"],
)
def test_running_text_before_the_first_heading_still_stops_the_import(
    tmp_path: Path, paragraphs: list[str]
) -> None:
    def build(d) -> None:
        for text in paragraphs:
            d.add_paragraph(text)
        d.add_heading("Was fehlt?", 1)
        d.add_paragraph("Mehr Bänke.")

    with pytest.raises(InputError, match=r"Absatz \d: Text vor der ersten Leitfrage"):
        parse_file(_docx(tmp_path / "text.docx", build))


@pytest.mark.parametrize("details", [True, False])
def test_an_odt_with_a_plain_title_reads_the_same(tmp_path: Path, details: bool) -> None:
    doc = OpenDocumentText()
    doc.text.addElement(P(text=TITLE))
    if details:
        doc.text.addElement(P(text="Sozialraum: Manfort"))
    for question, text in SAID:
        doc.text.addElement(H(outlinelevel=1, text=question))
        doc.text.addElement(P(text=text))
    path = tmp_path / "konferenz.odt"
    doc.save(str(path))
    document = parse_file(path)
    assert (document.title, document.district) == (TITLE, "Manfort" if details else None)
    assert _said(document) == SAID


def test_the_import_takes_the_protocol_and_stores_no_raw_name(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def build(d) -> None:
        d.add_paragraph("Quartiersbüro Manfort")
        d.add_paragraph("Stadtteilkonferenz Manfort")
        d.add_paragraph("Datum: 12.03.2021")
        d.add_paragraph("Teilnehmende: Ada Quast, Ole Stracke")
        d.add_heading("Was fehlt im Stadtteil?", 1)
        d.add_paragraph("Frau Quast wünscht sich Bänke am Markt.")

    path = _docx(tmp_path / "konferenz.docx", build)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    assert "Traceback" not in capsys.readouterr().err
    segments = project.segments()
    assert list(segments["question"]) == ["Was fehlt im Stadtteil?"]
    assert "Quast" not in stored_text(project)


def test_a_subtitle_below_the_title_is_no_list_item(tmp_path: Path) -> None:
    """Word's style ‚Untertitel‘ carries a list level but no list (``w:numPr`` with only
    ``w:ilvl``): it was read as a list item, so the protocol stopped at it, and a
    question above it became a guiding question."""

    def titled(d) -> None:
        d.add_paragraph("Protokoll", style="Title")
        d.add_paragraph(TITLE, style="Subtitle")
        d.add_paragraph("Datum: 12.03.2021")
        d.add_heading("Was fehlt?", 1)
        d.add_paragraph("Mehr Bänke.")

    def headless(d) -> None:
        d.add_paragraph("Was fehlt?")
        d.add_paragraph("Ein Satz unter dem Untertitel.", style="Subtitle")

    document = parse_file(_docx(tmp_path / "untertitel.docx", titled))
    assert (document.title, document.date) == ("Protokoll", "2021-03-12")
    assert _said(document) == [("Was fehlt?", "Mehr Bänke.")]
    with pytest.raises(InputError, match="Absatz 1: Das Dokument hat keine Überschriften"):
        parse_file(_docx(tmp_path / "ohne.docx", headless))


def test_of_two_short_lines_the_one_in_bold_is_the_title(tmp_path: Path) -> None:
    def build(d) -> None:
        d.add_paragraph().add_run(TITLE).bold = True
        d.add_paragraph("Protokoll vom Abend")
        table = d.add_table(rows=2, cols=2)  # a template's table of details
        for number, text in enumerate(["Datum:", "12.03.2021", "Sozialraum:", "Manfort"]):
            table.cell(number // 2, number % 2).text = text
        d.add_heading("Was fehlt?", 1)
        d.add_paragraph("Mehr Bänke.")

    document = parse_file(_docx(tmp_path / "fett.docx", build))
    assert (document.title, document.date, document.district) == (
        TITLE,
        "2021-03-12",
        "Manfort",
    )
