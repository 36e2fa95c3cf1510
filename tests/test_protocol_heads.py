"""The head of a protocol (title, letterhead, details) read the same from Word and PDF:
a bold "Protokoll: Stadtteilworkshop Manfort" is the title, not a minute-taker; a title
and its details in one Word paragraph split by line breaks; two lines above the details,
a letterhead over the title or a title over its subtitle. The DOCX and PDF files are
written here (python-docx; the PDF byte by byte by :func:`tests.test_pdf_protocol.
pdf_bytes`)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.test_pdf_protocol import pdf_bytes
from workbench import InputError
from workbench.ingest import parse_file

DETAILS = ["Datum: 12.03.2021", "Sozialraum: Manfort", "Teilnehmende: Anna Schmidt, Tom Weber"]
QUESTION = "Welche Orte fehlen im Quartier?"
# a statement wrapped over full lines of an A4 page in the PDF, one paragraph in Word
LINES = [
    "Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt mit WLAN und Sofa am",
    "Marktplatz, nicht weit vom Jugendzentrum entfernt, wo sie sich auch abends und am",
    "Wochenende treffen können, ohne etwas kaufen zu müssen oder weggeschickt zu werden.",
]
SAID = " ".join(LINES)


def _docx(path: Path, head: list[str], bold: bool = True, heading: bool = True) -> Path:
    """A Word protocol: ``head`` as paragraphs (in bold, a line break "\\n" within one),
    the details, a guiding question (Heading 1, or bold without styles) and a statement."""
    document = docx.Document()
    for text in head:
        paragraph = document.add_paragraph()
        lines = text.split("\n")
        for number, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.bold = bold and number == 0
            if number < len(lines) - 1:
                run.add_break()
    for line in DETAILS:
        document.add_paragraph(line)
    if heading:
        document.add_heading(QUESTION, level=1)
    else:
        document.add_paragraph().add_run(QUESTION).bold = True
    document.add_paragraph(SAID)
    document.save(path)
    return path


def _pdf(path: Path, head: list[str]) -> Path:
    """The same protocol saved as PDF: one line each, the statement over full lines."""
    path.write_bytes(pdf_bytes([[*head, *DETAILS, QUESTION, *LINES]]))
    return path


def _read(path: Path) -> tuple:
    document = parse_file(path)
    statements = [(s.question, s.text) for s in document.segments]
    return document.title, document.district, str(document.date), document.names, statements


@pytest.mark.parametrize(
    ("head", "title", "names"),
    [
        (
            ["Protokoll: Stadtteilworkshop Manfort"],
            "Protokoll: Stadtteilworkshop Manfort",
            ("Anna Schmidt", "Tom Weber"),
        ),
        (
            ["Stadt Leverkusen", "Protokoll: Sitzung der Stadtteilkonferenz"],
            "Protokoll: Sitzung der Stadtteilkonferenz",
            ("Anna Schmidt", "Tom Weber"),
        ),
        (
            ["Stadtteilworkshop Manfort", "Protokoll: Jana Okonkwo"],
            "Stadtteilworkshop Manfort",
            ("Jana Okonkwo", "Anna Schmidt", "Tom Weber"),
        ),
        (  # the minute-taker with the event beside her: her name, the title above
            ["Stadtteilworkshop Manfort", "Protokoll: Jana Okonkwo (Jugendforum)"],
            "Stadtteilworkshop Manfort",
            ("Jana Okonkwo", "Anna Schmidt", "Tom Weber"),
        ),
    ],
    ids=["title", "title-under-letterhead", "minute-taker", "minute-taker-and-event"],
)
def test_protokoll_naming_the_event_is_the_title_not_a_name(
    tmp_path: Path, head: list[str], title: str, names: tuple[str, ...]
) -> None:
    # "Protokoll: Stadtteilworkshop Manfort" put "Stadtteilworkshop Manfort" on the name
    # list (pseudonymised in every statement naming the workshop) and left no title.
    expected = (title, "Manfort", "2021-03-12", names, [(QUESTION, SAID)])
    assert _read(_docx(tmp_path / "p.docx", head)) == expected
    assert _read(_pdf(tmp_path / "p.pdf", head)) == expected


@pytest.mark.parametrize("heading", [True, False], ids=["heading-1", "bold-question"])
def test_title_and_details_in_one_paragraph_split_by_line_breaks(
    tmp_path: Path, heading: bool
) -> None:
    # The title and "Datum: …" typed with Shift+Enter in one paragraph stopped the import
    # with "Absatz 1: Text vor der ersten Leitfrage …".
    head = ["Stadtteilworkshop Manfort\nDatum: 12.03.2021"]
    path = _docx(tmp_path / "p.docx", head, heading=heading)
    expected = (
        "Stadtteilworkshop Manfort",
        "Manfort",
        "2021-03-12",
        ("Anna Schmidt", "Tom Weber"),
        [(QUESTION, SAID)],
    )
    assert _read(path) == expected
    assert _read(_pdf(tmp_path / "p.pdf", head[0].split("\n"))) == expected


def test_names_under_teilnehmende_in_a_paragraph_split_by_line_breaks(tmp_path: Path) -> None:
    # "Datum: …", a bare "Teilnehmende:" and the names under it typed with Shift+Enter
    # in one paragraph stopped the import: "Datum '12.03.2021 Teilnehmende: Jana Okonkwo
    # Peter Braun' nicht erkannt" (only a detail with its value split the paragraph).
    head = [
        "Stadtteilworkshop Manfort",
        "Datum: 12.03.2021\nTeilnehmende:\nJana Okonkwo\nPeter Braun",
    ]
    path = _docx(tmp_path / "p.docx", head, bold=False)
    expected = ("Stadtteilworkshop Manfort", "Manfort", "2021-03-12")
    expected += (("Jana Okonkwo", "Peter Braun", "Anna Schmidt", "Tom Weber"), [(QUESTION, SAID)])
    assert _read(path) == expected


def test_a_paragraph_split_by_line_breaks_keeps_the_numbers_of_those_after_it(
    tmp_path: Path,
) -> None:
    # Rows in messages count paragraphs: the lines of one are still that one paragraph.
    document = docx.Document()
    run = document.add_paragraph().add_run("Stadtteilworkshop Manfort")
    run.add_break()
    document.paragraphs[0].add_run("Datum: 12.03.2021")
    document.add_paragraph("Sozialraum: Manfort")
    document.add_paragraph("Wir haben viel gesammelt. Danke an alle.")
    document.add_heading(QUESTION, level=1)
    document.add_paragraph(SAID)
    document.save(tmp_path / "p.docx")
    with pytest.raises(InputError, match="Absatz 3:"):
        parse_file(tmp_path / "p.docx")


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (["Stadt Leverkusen – Fachbereich Soziales", "Protokoll Stadtteilworkshop"], 1),
        (["Stadtteilworkshop Manfort", "Was fehlt im Quartier?"], 0),
        (["Stadtteilworkshop Manfort", "Ideen für den Marktplatz"], 0),
        (["Quartiersbüro Manfort", "Ideen für den Marktplatz"], 1),
        # an office whose name mentions an event ("…beteiligung") is a letterhead still
        (["Stabsstelle Bürgerbeteiligung", "Ideen für den Marktplatz"], 1),
    ],
    ids=["letterhead", "subtitle-question", "subtitle", "no-event", "office"],
)
@pytest.mark.parametrize(
    ("bold", "heading"),
    [(True, True), (False, True), (True, False)],
    ids=["bold", "plain", "bold-without-styles"],
)
def test_of_two_lines_above_the_details_the_one_naming_the_event_is_the_title(
    tmp_path: Path, head: list[str], title: int, bold: bool, heading: bool
) -> None:
    # The second line always became the title, the first dropped as a letterhead (a
    # subtitle "Was fehlt im Quartier?" stopped the DOCX); without heading styles the
    # second bold line became a guiding question and the details under it statements.
    expected = (head[title], "Manfort", "2021-03-12", ("Anna Schmidt", "Tom Weber"))
    expected += ([(QUESTION, SAID)],)
    assert _read(_docx(tmp_path / "p.docx", head, bold=bold, heading=heading)) == expected
    assert _read(_pdf(tmp_path / "p.pdf", head)) == expected


def test_a_pdf_letterhead_as_long_as_half_a_line_is_no_part_of_the_title(tmp_path: Path) -> None:
    # A letterhead line longer than a short line (six tenths of the page's width) ran
    # into the title under it as one paragraph: the title was "Stadt Leverkusen – …
    # Integration Protokoll Stadtteilworkshop Manfort". The title's first word would have
    # fitted after it: the line was not wrapped, it ends there.
    head = ["Stadt Leverkusen – Fachbereich Soziales und Integration", "Stadtteilworkshop Manfort"]
    expected = ("Stadtteilworkshop Manfort", "Manfort", "2021-03-12", ("Anna Schmidt", "Tom Weber"))
    assert _read(_pdf(tmp_path / "p.pdf", head)) == (*expected, [(QUESTION, SAID)])
    # a title wrapped over two full lines stays one
    wrapped = [
        "Protokoll der Stadtteilkonferenz Manfort zum Thema Wohnen, Nachbarschaft und",
        "Zusammenleben im Quartier",
    ]
    title = _read(_pdf(tmp_path / "q.pdf", wrapped))[0]
    assert title == " ".join(wrapped)


def test_a_letterhead_over_the_title_in_one_bold_paragraph_is_no_part_of_the_title(
    tmp_path: Path,
) -> None:
    # "Stadt Leverkusen", "Fachbereich Soziales" and the title typed with Shift+Enter in
    # one bold paragraph: the title held all three lines ("Stadt Leverkusen\nFachbereich
    # Soziales\nProtokoll Stadtteilworkshop Manfort"); the PDF leaves the letterhead out.
    head = ["Stadt Leverkusen", "Fachbereich Soziales", "Protokoll Stadtteilworkshop Manfort"]
    document = docx.Document()
    paragraph = document.add_paragraph()
    for number, line in enumerate(head):
        run = paragraph.add_run(line)
        run.bold = True
        if number < len(head) - 1:
            run.add_break()
    for line in DETAILS:
        document.add_paragraph(line)
    document.add_heading(QUESTION, level=1)
    document.add_paragraph(SAID)
    document.save(tmp_path / "p.docx")
    expected = (head[-1], "Manfort", "2021-03-12", ("Anna Schmidt", "Tom Weber"))
    expected += ([(QUESTION, SAID)],)
    assert _read(tmp_path / "p.docx") == expected
    assert _read(_pdf(tmp_path / "p.pdf", head)) == expected
    # a title the writer broke over two lines stays whole, on one line (before, the
    # stored title kept the line break: "…Stadtteilworkshops\nManfort-Süd")
    wrapped = "Protokoll des Stadtteilworkshops\nManfort-Süd"
    title = "Protokoll des Stadtteilworkshops Manfort-Süd"
    assert _read(_docx(tmp_path / "q.docx", [wrapped]))[0] == title


def test_a_detail_over_running_text_in_one_paragraph_names_the_text_as_the_problem(
    tmp_path: Path,
) -> None:
    # "Datum: 12.03.2021" and the moderator's welcome typed with Shift+Enter in one
    # paragraph: "Datum '12.03.2021 Die Moderation begrüßt …' nicht erkannt" blamed the
    # date; the welcome stands before the first guiding question.
    head = [
        "Stadtteilworkshop Manfort",
        "Datum: 12.03.2021\nDie Moderation begrüßt die Teilnehmenden und stellt den Ablauf vor.",
    ]
    with pytest.raises(InputError, match="Absatz 2: Text vor der ersten Leitfrage") as raised:
        parse_file(_docx(tmp_path / "p.docx", head, bold=False))
    assert "nicht erkannt" not in str(raised.value)
    # a detail's value broken by Shift+Enter stays the detail's
    head = ["Stadtteilworkshop Manfort", "Workshop: Zukunftswerkstatt\nMarktplatz Manfort"]
    assert _read(_docx(tmp_path / "q.docx", head, bold=False))[1:3] == ("Manfort", "2021-03-12")


NAMES = "Anna Schmidt, Jonas Becker, Frau Öztürk"


@pytest.mark.parametrize("dated", [False, True], ids=["no-details", "details"])
@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_names_under_the_title_without_a_key_go_on_the_name_list(
    tmp_path: Path, kind: str, dated: bool
) -> None:
    # A line of names under the title without "Teilnehmende:": in the PDF without details
    # it was a statement ("[Person 1], [Person 2], [Person 3]"), above details it and in
    # Word it was left out silently, the names not on the list (not pseudonymised where
    # the gazetteer does not know them).
    head = ["Protokoll Stadtteilworkshop Manfort", NAMES] + (["Datum: 12.03.2021"] if dated else [])
    path = tmp_path / f"p.{kind}"
    if kind == "pdf":
        path.write_bytes(pdf_bytes([[*head, QUESTION, *LINES]]))
    else:
        document = docx.Document()
        document.add_paragraph(head[0], style="Title")
        for line in head[1:]:
            document.add_paragraph(line)
        document.add_heading(QUESTION, level=1)
        document.add_paragraph(SAID)
        document.save(path)
    parsed = parse_file(path)
    assert parsed.title == head[0]
    assert parsed.names == ("Anna Schmidt", "Jonas Becker", "Öztürk")
    assert [(s.question, s.text) for s in parsed.segments] == [(QUESTION, SAID)]


def test_a_letterhead_of_two_parts_is_no_list_of_names(tmp_path: Path) -> None:
    head = ["Stadt Leverkusen, Fachbereich Soziales", "Protokoll Stadtteilworkshop Manfort"]
    assert _read(_pdf(tmp_path / "p.pdf", head))[3] == ("Anna Schmidt", "Tom Weber")
    assert _read(_docx(tmp_path / "p.docx", head, bold=False))[3] == ("Anna Schmidt", "Tom Weber")


def test_a_word_table_of_contents_under_the_title_is_left_out(tmp_path: Path) -> None:
    # Word's table of contents (References › Table of Contents: a content control
    # "Table of Contents" with the headings again and their page numbers) between the
    # details and the first heading stopped the import: "Absatz 3: Text vor der ersten
    # Leitfrage (Überschrift 1) ist weder Titel noch Angabe …".
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    entries = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:hyperlink w:anchor="_Toc{k}">'
        f"<w:r><w:t>{text}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>{k}</w:t></w:r>"
        "</w:hyperlink></w:p>"
        for k, text in enumerate([QUESTION, "Welche Ressourcen gibt es?"], start=1)
    )
    contents = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtPr><w:docPartObj>"
        '<w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj>'
        '</w:sdtPr><w:sdtContent><w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr>'
        f"<w:r><w:t>Inhalt</w:t></w:r></w:p>{entries}</w:sdtContent></w:sdt>"
    )
    document = docx.Document()
    document.add_paragraph("Protokoll Stadtteilworkshop Manfort", style="Title")
    for line in DETAILS:
        document.add_paragraph(line)
    document.element.body.insert(len(document.element.body) - 1, contents)
    document.add_heading(QUESTION, level=1)
    document.add_paragraph(SAID)
    document.save(tmp_path / "p.docx")
    assert _read(tmp_path / "p.docx") == (
        "Protokoll Stadtteilworkshop Manfort",
        "Manfort",
        "2021-03-12",
        ("Anna Schmidt", "Tom Weber"),
        [(QUESTION, SAID)],
    )
