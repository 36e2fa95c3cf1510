"""A card query typed into Word as a table and saved as PDF reads like the same table in
the DOCX: each cell's wrapped lines are one statement, the header cells the guiding
questions. Read line by line, the cells of a row ran together into nonsense statements
("Lange Wartelisten in Sportverein mit Halle Mehr Plätze in der U3- den Kitas") under the
header row as their question. PDFs are written byte by byte: borders as strokes
(LibreOffice) or thin filled rectangles (Word)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.conftest import stored_text
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.ingest import parse_file

HEAD = ["Kartenabfrage Stadtteilworkshop Opladen", "Datum: 12.03.2021", "Sozialraum: Opladen"]
CARDS = [
    [["Herausforderungen"], ["Ressourcen"], ["Bedarfe"]],
    [
        ["Lange Wartelisten in", "den Kitas"],
        ["Sportverein mit Halle", "am Wochenende"],
        ["Mehr Plätze in der U3-", "Betreuung"],
    ],
    [
        ["Kein Treffpunkt für", "Jugendliche"],
        ["Engagierte", "Nachbarschaft im", "Quartier"],
        ["Jugendtreff mit WLAN", "und Sofa"],
    ],
    [
        ["Dunkle Wege im Park", "an der Kalkstraße"],
        ["Bibliothek mit", "Hausaufgabenhilfe"],
        ["Licht und Bänke im", "Park"],
    ],
]
WIDTH = 112  # a column's width in points: the wrapped lines above fill it


def _table_pdf(
    above: list[str],
    rows: list[list[list[str]]],
    below: tuple[str, ...] = (),
    word: bool = False,
    borders: bool = True,
    note: str | None = None,
) -> bytes:
    """A PDF of one page with a table (:func:`_table_page`)."""
    return _pdf([_table_page(above, rows, below, word, borders, note)])


def _table_page(
    above: list[str],
    rows: list[list[list[str]]],
    below: tuple[str, ...] = (),
    word: bool = False,
    borders: bool = True,
    note: str | None = None,
) -> bytes:
    """A page's content: lines of text ``above`` a table (each cell its wrapped lines) and
    ``below`` it. LibreOffice's way: borders stroked, cells drawn one after the other;
    Word's way (``word``): borders as thin filled rectangles, a row's lines drawn across
    its cells. ``note``: a line beside the table's second row (a margin note)."""
    text: list[tuple[float, float, str]] = [
        (40, 800 - 14 * k, line) for k, line in enumerate(above)
    ]
    top = 800 - 14 * len(above)
    tops = [top]
    for row in rows:
        height = 6 + 12 * max(len(cell) for cell in row)
        by_cell = [
            (40 + WIDTH * c + 4, tops[-1] - 12 * (k + 1), line)
            for c, cell in enumerate(row)
            for k, line in enumerate(cell)
        ]
        text += sorted(by_cell, key=lambda piece: (-piece[1], piece[0])) if word else by_cell
        tops.append(tops[-1] - height)
    if note is not None:
        text.append((40 + WIDTH * len(rows[0]) + 10, tops[1] - 12, note))
    text += [(40, tops[-1] - 20 - 14 * k, line) for k, line in enumerate(below)]
    right = 40 + WIDTH * len(rows[0])
    lines = [(40, y, right, y) for y in tops] + [
        (40 + WIDTH * c, tops[0], 40 + WIDTH * c, tops[-1]) for c in range(len(rows[0]) + 1)
    ]
    ops = ["0.5 w"]
    for x0, y0, x1, y1 in lines if borders else []:
        if word:  # a border 0.5 pt thick as a filled rectangle
            ops.append(f"{x0} {min(y0, y1)} {max(x1 - x0, 0.5)} {max(y0 - y1, 0.5)} re f")
        else:
            ops.append(f"{x0} {y0} m {x1} {y1} l S")
    for x, y, line in text:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"BT /F1 10 Tf 1 0 0 1 {x} {y} Tm ({escaped}) Tj ET")
    return "\n".join(ops).encode("cp1252")


def _pdf(contents: list[bytes]) -> bytes:
    """A PDF of pages with these contents (Helvetica as /F1)."""
    kids = " ".join(f"{4 + 2 * k} 0 R" for k in range(len(contents)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids.encode(), len(contents)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for k, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * k)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        start,
    )


def _docx(path: Path, above: list[str], rows: list[list[list[str]]], heading: str = "") -> Path:
    """The same protocol as a Word document: a cell's wrapped lines are its one paragraph."""
    document = docx.Document()
    document.add_paragraph(above[0], style="Title")
    for line in above[1:]:
        document.add_paragraph(line)
    if heading:
        document.add_heading(heading, level=1)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            table.cell(i, j).text = " ".join(cell).replace("U3- ", "U3-")
    document.save(path)
    return path


def _read(path: Path) -> list[tuple[str | None, str, dict[str, str]]]:
    return [(s.question, s.text, s.attributes) for s in parse_file(path).segments]


@pytest.mark.parametrize("word", [False, True], ids=["libreoffice", "word"])
def test_a_card_query_table_reads_like_the_docx(tmp_path: Path, word: bool) -> None:
    path = tmp_path / "kartenabfrage.pdf"
    path.write_bytes(_table_pdf(HEAD, CARDS, word=word))
    document = parse_file(path)
    assert (document.title, document.district, str(document.date)) == (
        "Kartenabfrage Stadtteilworkshop Opladen",
        "Opladen",
        "2021-03-12",
    )
    expected = [
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
    assert _read(path) == expected
    assert _read(_docx(tmp_path / "kartenabfrage.docx", HEAD, CARDS)) == expected


def test_a_table_under_a_guiding_question_keeps_its_columns_and_row_labels(
    tmp_path: Path,
) -> None:
    # A table with a first column "Thema" below a guiding question, running text after
    # it: as in the DOCX, the question stays, the header and the row's label are kept.
    rows = [
        [["Thema"], ["Herausforderungen"], ["Bedarfe"]],
        [
            ["Kinder"],
            ["Lange Wartelisten in", "den Kitas"],
            ["Mehr Plätze in der U3-", "Betreuung"],
        ],
        [["Jugend"], ["Kein Treffpunkt für", "Jugendliche"], ["Jugendtreff mit WLAN", "und Sofa"]],
    ]
    above = [*HEAD, "Was fehlt im Quartier?"]
    below = ("Der Sportverein öffnet seine Halle am Wochenende für alle Jugendlichen.",)
    path = tmp_path / "thema.pdf"
    path.write_bytes(_table_pdf(above, rows, below=below, word=True))
    question = "Was fehlt im Quartier?"
    expected = [
        (
            question,
            "Lange Wartelisten in den Kitas",
            {"Spalte": "Herausforderungen", "Zeile": "Kinder"},
        ),
        (question, "Mehr Plätze in der U3-Betreuung", {"Spalte": "Bedarfe", "Zeile": "Kinder"}),
        (
            question,
            "Kein Treffpunkt für Jugendliche",
            {"Spalte": "Herausforderungen", "Zeile": "Jugend"},
        ),
        (question, "Jugendtreff mit WLAN und Sofa", {"Spalte": "Bedarfe", "Zeile": "Jugend"}),
    ]
    assert _read(path) == [*expected, (question, below[0], {})]
    assert _read(_docx(tmp_path / "thema.docx", HEAD, rows, heading=question)) == expected


def test_cards_in_one_cell_are_statements_of_their_own(tmp_path: Path) -> None:
    # Two cards typed into one cell (a line each, the second would have fitted after the
    # first): two statements, as the cell's two paragraphs in the DOCX; a wrapped card
    # stays one, and so does a list item's wrapped line.
    rows = [
        [["Herausforderungen"], ["Bedarfe"]],
        [["Kein Treffpunkt", "Dunkle Wege"], ["- Jugendtreff mit WLAN", "und Sofa", "- Licht"]],
        [["Lange Wartelisten in", "den Kitas"], ["Mehr Bänke.", "Ein Café"]],
    ]
    path = tmp_path / "karten.pdf"
    path.write_bytes(_table_pdf(HEAD, rows))
    assert _read(path) == [
        ("Herausforderungen", "Kein Treffpunkt", {}),
        ("Herausforderungen", "Dunkle Wege", {}),
        ("Bedarfe", "Jugendtreff mit WLAN und Sofa", {}),
        ("Bedarfe", "Licht", {}),
        ("Herausforderungen", "Lange Wartelisten in den Kitas", {}),
        ("Bedarfe", "Mehr Bänke.", {}),
        ("Bedarfe", "Ein Café", {}),
    ]


@pytest.mark.parametrize("second", ["header-once", "header-repeated", "row-broken"])
def test_a_table_over_a_page_break_keeps_its_header(tmp_path: Path, second: str) -> None:
    # The rows on the second page, without the header (or with it repeated, Word's
    # "Überschrift wiederholen"), are cards under the columns of the first page; a row
    # broken at the page break (its first words on the next page did not fit after its
    # lines) is one row.
    first, rest = CARDS[:3], CARDS[3:]
    if second == "header-repeated":
        rest = [CARDS[0], *rest]
    if second == "row-broken":
        first = [*first, [cell[:1] for cell in CARDS[3]]]
        rest = [[cell[1:] for cell in CARDS[3]]]
    pages = [
        _table_page(HEAD, first, below=("Seite 1 von 2",)),
        _table_page([], rest, below=("Seite 2 von 2", "gez. Anna Schmidt")),
    ]
    path = tmp_path / "zwei-seiten.pdf"
    path.write_bytes(_pdf(pages))
    assert _read(path) == _read(_docx(tmp_path / "zwei-seiten.docx", HEAD, CARDS))
    assert [s.question for s in parse_file(path).segments][-3:] == [
        "Herausforderungen",
        "Ressourcen",
        "Bedarfe",
    ]


def test_a_table_of_participants_gives_names_not_statements(
    project: Project, tmp_path: Path
) -> None:
    rows = [
        [["Name"], ["Organisation"]],
        [["Ada Quast"], ["Bürgerverein"]],
        [["Ole Stracke"], ["Jugendzentrum"]],
    ]
    below = ("Was fehlt im Quartier?", "Herr Stracke wünscht sich einen Treffpunkt am Markt.")
    path = tmp_path / "teilnehmende.pdf"
    path.write_bytes(_table_pdf(HEAD, rows, below=below))
    document = parse_file(path)
    assert document.names == ("Ada Quast", "Ole Stracke")
    assert [s.question for s in document.segments] == ["Was fehlt im Quartier?"]
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    stored = stored_text(project)
    assert "Stracke" not in stored and "Ada Quast" not in stored


def test_text_without_a_grid_or_in_a_frame_reads_as_before(tmp_path: Path) -> None:
    # Aligned columns without ruling lines and a one-row frame are no card table: the
    # page reads line by line as it did.
    rows = [[["Stadt Leverkusen"], ["Fachbereich Soziales"]]]
    body = ["Was fehlt im Quartier?", "Die Jugendlichen wünschen sich einen Treffpunkt am Markt."]
    framed, plain = tmp_path / "rahmen.pdf", tmp_path / "ohne.pdf"
    framed.write_bytes(_table_pdf([], rows, below=(*HEAD, *body)))
    plain.write_bytes(_table_pdf([], rows, below=(*HEAD, *body), borders=False))
    assert _read(framed) == _read(plain) == [("Was fehlt im Quartier?", body[1], {})]
    assert parse_file(framed).title == parse_file(plain).title


def test_a_table_whose_cells_cannot_be_told_apart_stops_with_the_page(tmp_path: Path) -> None:
    # A note beside the table runs into a row's line: rather than nonsense statements,
    # the import stops and says to import the DOCX.
    path = tmp_path / "notiz.pdf"
    path.write_bytes(_table_pdf(HEAD, CARDS, note="Foto 3"))
    with pytest.raises(InputError) as raised:
        parse_file(path)
    message = str(raised.value)
    assert "notiz.pdf" in message and "Seite 1" in message and ".docx" in message


def test_the_details_in_a_grid_are_details_not_a_table(project: Project, tmp_path: Path) -> None:
    # A protocol template with its details in a table ("Datum: | 12.03.2021"): the grid
    # is no card query (its "header" would be a question, "Anna Schmidt" a statement).
    rows = [
        [["Datum:"], ["12.03.2021"]],
        [["Sozialraum:"], ["Opladen"]],
        [["Moderation:"], ["Anna Schmidt"]],
    ]
    below = ("Was fehlt im Quartier?", "Die Jugendlichen wünschen sich einen Treffpunkt am Markt.")
    path = tmp_path / "vorlage.pdf"
    path.write_bytes(_table_pdf(["Protokoll Stadtteilworkshop", "Opladen"], rows, below=below))
    document = parse_file(path)
    assert (document.district, str(document.date), document.names) == (
        "Opladen",
        "2021-03-12",
        ("Anna Schmidt",),
    )
    assert _read(path) == [(below[0], below[1], {})]
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    assert "Schmidt" not in stored_text(project)


def test_a_letterhead_in_a_grid_is_no_card_table(tmp_path: Path) -> None:
    # A letterhead set as a ruled table above the title, on every page: no statements
    # (it was read as a card query, its cells statements on every page).
    letterhead = [
        [["Stadt Leverkusen"], ["Fachbereich Soziales"]],
        [["Quartiersbüro Opladen"], ["Telefon 0214 406"]],
    ]
    said = [
        ("Was fehlt im Quartier?", "Die Jugendlichen wünschen sich einen Treffpunkt am Markt."),
        ("Was gibt es schon?", "Die Bibliothek öffnet ihre Räume für die Hausaufgabenhilfe."),
    ]
    pages = [_table_page([], letterhead, below=(*HEAD, *said[0]))]
    pages.append(_table_page([], letterhead, below=said[1]))
    path = tmp_path / "briefkopf.pdf"
    path.write_bytes(_pdf(pages))
    document = parse_file(path)
    assert (document.title, document.district) == (HEAD[0], "Opladen")
    assert _read(path) == [(question, text, {}) for question, text in said]
    single = tmp_path / "eine-seite.pdf"  # on one page: above the details, a letterhead
    single.write_bytes(_pdf(pages[:1]))
    assert (parse_file(single).title, _read(single)) == (HEAD[0], [(*said[0], {})])


def test_a_first_column_of_cards_under_a_question_is_read_not_a_rows_label(
    tmp_path: Path,
) -> None:
    # A card query typed as a table under a heading: the short cards of its first column
    # ("Herausforderungen") were row labels ("Zeile") of the other cards, no statements;
    # a row with only a first card was lost whole (decision 014)
    rows = [
        [["Herausforderungen"], ["Ressourcen"]],
        [["Kein Treffpunkt"], ["Jugendzentrum"]],
        [["Bus fährt selten"], [""]],
    ]
    above = [*HEAD, "Was fehlt im Quartier?"]
    question = "Was fehlt im Quartier?"
    expected = [
        (question, "Kein Treffpunkt", {"Spalte": "Herausforderungen"}),
        (question, "Jugendzentrum", {"Spalte": "Ressourcen"}),
        (question, "Bus fährt selten", {"Spalte": "Herausforderungen"}),
    ]
    below = ("Der Sportverein öffnet seine Halle am Wochenende für alle Jugendlichen.",)
    path = tmp_path / "karten.pdf"
    path.write_bytes(_table_pdf(above, rows, below=below, word=True))
    assert _read(path) == [*expected, (question, below[0], {})]
    assert _read(_docx(tmp_path / "karten.docx", HEAD, rows, heading=question)) == expected


def test_doctests_of_card_columns() -> None:
    import doctest

    from workbench.ingest import card_columns

    assert doctest.testmod(card_columns).failed == 0
