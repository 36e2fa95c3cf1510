"""A card query typed into Word or LibreOffice as a table without borders and saved as PDF
reads like the same table in the DOCX: the columns stand only where the text does, and
read line by line the cards of a row ran together across the columns ("Lange Wartelisten
in Sportverein mit Halle Mehr Plätze in der U3- den Kitas") under the header row as their
question. Text side by side that is no table (names under "Teilnehmende:", details with a
tab, a list's bullets, a page in two columns) reads as before. PDFs are written byte by
byte, each piece of text drawn by itself as word processors do (helpers of
:mod:`tests.test_pdf_tables`)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.test_pdf_layouts import _two_column_pdf
from tests.test_pdf_tables import CARDS, HEAD, _docx, _pdf, _read, _table_page, _table_pdf
from workbench.ingest import parse_file

EXPECTED = [
    ("Herausforderungen", "Lange Wartelisten in den Kitas", {}),
    ("Ressourcen", "Sportverein mit Halle am Wochenende", {}),
    ("Bedarfe", "Mehr Plätze in der U3-Betreuung", {}),
    ("Herausforderungen", "Kein Treffpunkt für Jugendliche", {}),
    ("Ressourcen", "Engagierte Nachbarschaft im Quartier", {}),
    ("Bedarfe", "Jugendtreff mit WLAN und Sofa", {}),
    ("Herausforderungen", "Dunkle Wege im Park an der Kalkstraße", {}),
    ("Ressourcen", "Bibliothek mit Hausaufgabenhilfe", {}),
    ("Bedarfe", "Licht und Bänke im Park", {}),
]
STATEMENT = [
    "Die Jugendlichen wünschen sich nach der Schule einen Treffpunkt mit WLAN und Sofa am",
    "Marktplatz, nicht weit vom Jugendzentrum entfernt, wo sie sich auch abends treffen.",
]


def _pieces_pdf(pieces: list[tuple[float, float, str]]) -> bytes:
    """A page with each piece of text (x, y, text) drawn by itself, in this order."""
    ops = []
    for x, y, text in pieces:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"BT /F1 10 Tf 1 0 0 1 {x} {y} Tm ({escaped}) Tj ET")
    return _pdf(["\n".join(ops).encode("cp1252")])


def _lines(lines: list[str | tuple[float, ...]], x: float = 40) -> list[tuple[float, float, str]]:
    """Pieces for lines from the top: a text at the margin, or pairs (x, text, …) side by
    side on one line."""
    pieces = []
    for k, line in enumerate(lines):
        y = 800 - 14 * k
        parts = (
            [(x, line)] if isinstance(line, str) else list(zip(line[::2], line[1::2], strict=True))
        )
        pieces += [(at, y, text) for at, text in parts]
    return pieces


@pytest.mark.parametrize("word", [False, True], ids=["libreoffice", "word"])
def test_a_card_table_without_borders_reads_like_the_docx(tmp_path: Path, word: bool) -> None:
    path = tmp_path / "kartenabfrage.pdf"
    path.write_bytes(_table_pdf(HEAD, CARDS, word=word, borders=False))
    document = parse_file(path)
    assert (document.title, document.district, str(document.date)) == (
        "Kartenabfrage Stadtteilworkshop Opladen",
        "Opladen",
        "2021-03-12",
    )
    assert _read(path) == EXPECTED
    assert _read(_docx(tmp_path / "kartenabfrage.docx", HEAD, CARDS)) == EXPECTED


def test_questions_as_headers_cards_in_one_cell_and_text_after_the_table(tmp_path: Path) -> None:
    # Headers ending in "?", two cards in one cell (the second would have fitted after
    # the first), running text below the table: a statement under the last question.
    rows = [
        [["Was fehlt?"], ["Was wünschen Sie sich?"]],
        [["Kein Treffpunkt", "Dunkle Wege"], ["- Jugendtreff mit WLAN", "und Sofa", "- Licht"]],
        [["Lange Wartelisten in", "den Kitas"], ["Mehr Bänke.", "Ein Café"]],
    ]
    below = ("Weitere Hinweise", *STATEMENT)
    path = tmp_path / "karten.pdf"
    path.write_bytes(_table_pdf(HEAD, rows, below=below, borders=False))
    assert _read(path) == [
        ("Was fehlt?", "Kein Treffpunkt", {}),
        ("Was fehlt?", "Dunkle Wege", {}),
        ("Was wünschen Sie sich?", "Jugendtreff mit WLAN und Sofa", {}),
        ("Was wünschen Sie sich?", "Licht", {}),
        ("Was fehlt?", "Lange Wartelisten in den Kitas", {}),
        ("Was wünschen Sie sich?", "Mehr Bänke.", {}),
        ("Was wünschen Sie sich?", "Ein Café", {}),
        ("Weitere Hinweise", " ".join(STATEMENT), {}),
    ]


def test_a_table_without_borders_goes_on_over_the_page_break(tmp_path: Path) -> None:
    pages = [
        _table_page(HEAD, CARDS[:3], below=("Seite 1 von 2",), borders=False),
        _table_page([], CARDS[3:], below=("Seite 2 von 2", "gez. Anna Schmidt"), borders=False),
    ]
    path = tmp_path / "zwei-seiten.pdf"
    path.write_bytes(_pdf(pages))
    assert _read(path) == EXPECTED


@pytest.mark.parametrize(
    "head",
    [
        # names side by side under "Teilnehmende:", as a header table's cells
        [
            "Teilnehmende:",
            (40, "Anna Schmidt", 260, "Tom Weber"),
            (40, "Jana Okonkwo", 260, "Peter Braun"),
            (40, "Lisa Müller", 260, "Karl Becker"),
        ],
        # details set with a tab
        [
            (40, "Datum:", 160, "12.03.2021"),
            (40, "Sozialraum:", 160, "Manfort"),
            (40, "Ort:", 160, "Rathaus"),
        ],
    ],
    ids=["names", "details"],
)
def test_text_side_by_side_that_is_no_table_reads_as_before(tmp_path: Path, head: list) -> None:
    lines = ["Stadtteilworkshop Manfort", "Datum: 12.03.2021", *head]
    lines += ["Was fehlt im Quartier?", *STATEMENT]
    path = tmp_path / "kopf.pdf"
    path.write_bytes(_pieces_pdf(_lines(lines)))
    document = parse_file(path)
    assert [(s.question, s.text) for s in document.segments] == [
        ("Was fehlt im Quartier?", " ".join(STATEMENT))
    ]
    assert str(document.date) == "2021-03-12"
    assert document.names == (
        ("Anna Schmidt", "Tom Weber", "Jana Okonkwo", "Peter Braun", "Lisa Müller", "Karl Becker")
        if head[-1][1] == "Lisa Müller"
        else ()
    )


def test_a_contact_block_in_columns_puts_no_name_into_a_question(tmp_path: Path) -> None:
    # A person's name over her contact details side by side is no header row of a card
    # query: the name would have become a column (a guiding question or the attribute
    # "Spalte"), stored as it stands.
    lines = ["Stadtteilworkshop Manfort", "Datum: 12.03.2021", "Was fehlt im Quartier?"]
    lines += [*STATEMENT, "Kontakt"]
    lines += [
        (40, "Jana Okonkwo", 260, "Sprechzeiten"),
        (40, "Telefon 0214 406 1234", 260, "Montag bis Freitag"),
        (40, "quartier@example.org", 260, "Marktplatz 3"),
    ]
    path = tmp_path / "kontakt.pdf"
    path.write_bytes(_pieces_pdf(_lines(lines)))
    segments = parse_file(path).segments
    shown = [s.question or "" for s in segments] + [
        v for s in segments for v in s.attributes.values()
    ]
    assert not any("Okonkwo" in text for text in shown)


@pytest.mark.parametrize("marks", ["•••", "abc"], ids=["bullets", "letters"])
def test_a_list_with_its_bullets_apart_is_no_table(tmp_path: Path, marks: str) -> None:
    # A bullet (or "a)") and its indented text are two pieces side by side on each line.
    items = ["Licht im Park an der Kalkstraße", "Bänke am Markt", "Ein Jugendtreff mit WLAN"]
    lines = ["Stadtteilworkshop Manfort", "Datum: 12.03.2021", "Was fehlt im Quartier?"]
    shown = [mark if mark == "•" else f"{mark})" for mark in marks]
    lines += [(40, mark, 58, item) for mark, item in zip(shown, items, strict=True)]
    lines += STATEMENT
    path = tmp_path / "liste.pdf"
    path.write_bytes(_pieces_pdf(_lines(lines)))
    assert [s.text for s in parse_file(path).segments] == [*items, " ".join(STATEMENT)]


def test_a_page_in_two_columns_with_questions_on_top_is_no_table(tmp_path: Path) -> None:
    # Both columns begin with a short question, as a card table's header would; the PDF
    # draws the left column first, then the right one: running text, read column by
    # column, its next question a question (in a table, a card under the first).
    left = [
        "Was fehlt im Quartier?",
        "Es fehlt ein Treffpunkt für Jugendliche am",
        "Abend, der Jugendtreff schließt zu früh.",
        "Was wünschen Sie sich?",
        "Licht im Park und eine Bank am Spielplatz.",
    ]
    right = [
        "Welche Ressourcen gibt es?",
        "Der Sportverein hat eine große Halle und",
        "viele Ehrenamtliche.",
        "Die Kita am Park bietet ein Elterncafé an.",
    ]
    path = tmp_path / "zweispaltig.pdf"
    path.write_bytes(_two_column_pdf(left, right))
    assert [(s.question, s.text) for s in parse_file(path).segments] == [
        ("Was fehlt im Quartier?", " ".join(left[1:3])),
        ("Was wünschen Sie sich?", left[4]),
        ("Welche Ressourcen gibt es?", " ".join(right[1:3])),
        ("Welche Ressourcen gibt es?", right[3]),
    ]


def test_a_question_right_under_the_table_stays_the_question_of_the_text_after_it(
    tmp_path: Path,
) -> None:
    # LibreOffice sets a table without borders with its text at the margin and the
    # paragraph after it as far below as a row: the question "Welche Angebote fehlen?"
    # stood in the first column and was read as the table's last row (a card, or under a
    # column of times a row's label: dropped), the text after it under the question above.
    rows = [
        (700, [(40, "Herausforderungen"), (260, "Bedarfe")]),
        (
            680,
            [(40, "Lange Wartelisten in den Kitas im"), (260, "Mehr Plätze in der U3-Betreuung")],
        ),
        (666, [(40, "Quartiersmittelpunkt")]),
        (646, [(40, "Kein Treffpunkt"), (260, "Jugendtreff mit WLAN")]),
        (626, [(40, "Welche Angebote fehlen?")]),
        (606, [(40, STATEMENT[0])]),
        (592, [(40, STATEMENT[1])]),
    ]
    head = [(40, 780, "Stadtteilworkshop Manfort"), (40, 760, "Datum: 12.03.2021")]
    head.append((40, 740, "Kartenabfrage"))
    pieces = head + [(x, y, text) for y, row in rows for x, text in row]
    path = tmp_path / "karten.pdf"
    path.write_bytes(_pieces_pdf(pieces))
    assert [(s.question, s.text) for s in parse_file(path).segments] == [
        ("Kartenabfrage", "Lange Wartelisten in den Kitas im Quartiersmittelpunkt"),
        ("Kartenabfrage", "Mehr Plätze in der U3-Betreuung"),
        ("Kartenabfrage", "Kein Treffpunkt"),
        ("Kartenabfrage", "Jugendtreff mit WLAN"),
        ("Welche Angebote fehlen?", " ".join(STATEMENT)),
    ]


@pytest.mark.parametrize("stop", [72 * 1.25 / 2.54, 36.0], ids=["1,25 cm", "0,5 in"])
def test_an_agenda_set_with_tabs_reads_line_by_line_like_the_docx(
    tmp_path: Path, stop: float
) -> None:
    # "Uhrzeit⇥⇥Programm" over "18:00 Uhr⇥Begrüßung …": the second column at the first
    # default tab stop after the times, no table read across the lines (it gave "18:00
    # Uhr 18:20 Uhr 19:30 Uhr" and the programme's items run together).
    agenda = [
        ("Uhrzeit", "Programm"),
        ("18:00 Uhr", "Begrüßung und Vorstellungsrunde"),
        ("18:20 Uhr", "Kartenabfrage"),
        ("19:30 Uhr", "Abschluss und Ausblick"),
    ]
    lines = ["Stadtteilworkshop Manfort", "Datum: 12.03.2021", "Sozialraum: Manfort"]
    lines += ["Tagesordnung", *[(40, time, 40 + 2 * stop, item) for time, item in agenda]]
    lines += ["Was fehlt im Quartier?", *STATEMENT]
    path = tmp_path / "tagesordnung.pdf"
    path.write_bytes(_pieces_pdf(_lines(lines)))
    expected = [("Tagesordnung", f"{time} {item}") for time, item in agenda]
    expected.append(("Was fehlt im Quartier?", " ".join(STATEMENT)))
    document = parse_file(path)
    assert [(s.question, s.text) for s in document.segments] == expected
    assert (document.district, str(document.date)) == ("Manfort", "2021-03-12")
    word = docx.Document()
    word.add_paragraph("Stadtteilworkshop Manfort", style="Title")
    word.add_paragraph("Datum: 12.03.2021")
    word.add_paragraph("Sozialraum: Manfort")
    word.add_heading("Tagesordnung", level=1)
    for time, item in agenda:
        word.add_paragraph(f"{time}\t\t{item}" if time == "Uhrzeit" else f"{time}\t{item}")
    word.add_heading("Was fehlt im Quartier?", level=1)
    word.add_paragraph(" ".join(STATEMENT))
    word.save(tmp_path / "tagesordnung.docx")
    from_word = parse_file(tmp_path / "tagesordnung.docx").segments
    assert [(s.question, " ".join(s.text.split())) for s in from_word] == expected


@pytest.mark.parametrize("columns", [2, 3])
def test_one_line_cards_without_space_between_rows_stay_apart_in_every_column(
    tmp_path: Path, columns: int
) -> None:
    # Rows of one-line cards set as evenly as the lines of a paragraph (LibreOffice's
    # table without borders, no space after a cell's paragraph): the cards of the last
    # column ran together into one statement ("Mehr Kitaplätze Jugendtreff Licht im
    # Park"), its right edge taken where its longest card ends.
    rows = [
        ["Herausforderungen", "Ressourcen", "Bedarfe"],
        ["Lange Wartelisten", "Sportverein", "Mehr Kitaplätze"],
        ["Kein Treffpunkt", "Engagierte Nachbarn", "Jugendtreff"],
        ["Dunkle Wege", "Bibliothek", "Licht im Park"],
    ]
    rows = [row[3 - columns :] for row in rows]
    lines: list[str | tuple[float, ...]] = ["Kartenabfrage Stadtteilworkshop Opladen"]
    lines += ["Datum: 12.03.2021"]
    lines += [tuple(v for c, text in enumerate(row) for v in (40 + 160 * c, text)) for row in rows]
    path = tmp_path / "karten.pdf"
    path.write_bytes(_pieces_pdf(_lines(lines)))
    expected = [(head, card) for row in rows[1:] for head, card in zip(rows[0], row, strict=True)]
    assert [(s.question, s.text) for s in parse_file(path).segments] == expected


def test_a_signature_right_under_a_table_without_borders_is_no_card(tmp_path: Path) -> None:
    # "gez. Anna Schmidt" as far below the last row as the rows are apart (LibreOffice's
    # default paragraph after a table) stood in the first column: it was read as a card
    # under the first column's question ("gez. [Person 1]") and her name was not put on
    # the name list as under running text.
    lines: list[str | tuple[float, ...]] = ["Kartenabfrage Stadtteilworkshop Opladen"]
    lines += ["Datum: 12.03.2021", (40, "Herausforderungen", 260, "Ideen")]
    lines += [(40, "Lange Wartelisten in den Kitas", 260, "Mehr Plätze in der U3-Betreuung")]
    lines += [(40, "Zu wenig Busse am Abend", 260, "Nachtbus bis Mitternacht")]
    lines += ["gez. Anna Schmidt"]
    path = tmp_path / "karten.pdf"
    path.write_bytes(_pieces_pdf(_lines(lines)))
    document = parse_file(path)
    assert [(s.question, s.text) for s in document.segments] == [
        ("Herausforderungen", "Lange Wartelisten in den Kitas"),
        ("Ideen", "Mehr Plätze in der U3-Betreuung"),
        ("Herausforderungen", "Zu wenig Busse am Abend"),
        ("Ideen", "Nachtbus bis Mitternacht"),
    ]
    assert document.names == ("Anna Schmidt",)


def test_a_running_header_over_a_table_going_on_is_no_card(tmp_path: Path) -> None:
    # The header "Workshop Opladen" on every page, set at the margin where the table's
    # text stands (LibreOffice's table without borders): on page 2, right above the rows
    # going on, it was read as a card of the first column ("Herausforderungen":
    # "Workshop Opladen") and, on page 1, run into the title.
    def at_margin(content: bytes) -> bytes:
        return content.replace(b"1 0 0 1 40 800 Tm (Workshop", b"1 0 0 1 44 800 Tm (Workshop")

    pages = [
        _table_page(["Workshop Opladen", *HEAD], CARDS[:3], ("Seite 1 von 2",), borders=False),
        _table_page(["Workshop Opladen"], CARDS[3:], ("Seite 2 von 2",), borders=False),
    ]
    path = tmp_path / "zwei-seiten.pdf"
    path.write_bytes(_pdf([at_margin(page) for page in pages]))
    assert _read(path) == EXPECTED
    assert parse_file(path).title == "Kartenabfrage Stadtteilworkshop Opladen"


@pytest.mark.parametrize(
    ("margin", "width"),
    [(56.9, 249.1), (56.7, 240.9)],  # LibreOffice's margins (0.79 in, 2 cm), two columns
    ids=["us-letter", "a4"],
)
def test_a_two_column_table_of_libreoffice_at_seven_tab_stops_is_a_table(
    tmp_path: Path, margin: float, width: float
) -> None:
    # LibreOffice's table without borders over a US-Letter page's width: its two columns
    # are 249.1 pt apart, seven default tab stops (1.25 cm) within a point, and a long card
    # in the first column ends less than a stop before the second. The table was taken for
    # lines set with tabs and read as one statement of all cards without a question. Its
    # text stands in from the margin by the cells' padding (0.1 cm), set-with-tabs text not.
    pad = 2.83
    rows = [
        ["Herausforderungen", "Ressourcen"],
        ["Lange Wartelisten in den Kitas im ganzen Quartier", "Sportverein"],
        ["Kein Treffpunkt", "Engagierte Nachbarn"],
        ["Dunkle Wege", "Bibliothek"],
    ]
    lines: list[str | tuple[float, ...]] = ["Kartenabfrage Stadtteilworkshop Opladen"]
    lines += ["Datum: 12.03.2021"]
    lines += [
        tuple(v for c, text in enumerate(row) for v in (margin + pad + width * c, text))
        for row in rows
    ]
    path = tmp_path / "karten.pdf"
    path.write_bytes(_pieces_pdf(_lines(lines, x=margin)))
    expected = [(head, card) for row in rows[1:] for head, card in zip(rows[0], row, strict=True)]
    assert [(s.question, s.text) for s in parse_file(path).segments] == expected
