"""A Word or LibreOffice protocol whose details stand in a table before the first heading
(a template's header table: "Datum:" | "12.03.2021") has them as details, as in
paragraphs and as the PDF of the same file: its date, its district, and the names of
participants and moderation on the name list. A card query or a list of participants
set as a table stays what it was."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from odf.opendocument import OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import H, P

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

HEADER = [
    ["Datum:", "12.03.2021"],
    ["Sozialraum:", "Manfort"],
    ["Moderation:", "Anna Schmidt"],
    ["Teilnehmende:", "Jörg Kaczmarek\nPetra Wolters"],  # one name a paragraph
]
TEXT = "Wolters vom Seniorenbeirat bietet Hilfe an, Kaczmarek öffnet die Halle."


def _table(document: docx.document.Document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=max(map(len, rows)))
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            first, *more = value.split("\n")
            table.cell(i, j).text = first
            for line in more:
                table.cell(i, j).add_paragraph(line)


def _docx(path: Path, *tables: list[list[str]], headed: bool = True) -> Path:
    document = docx.Document()
    document.add_paragraph("Stadtteilkonferenz Manfort", style="Title")
    for rows in tables:
        _table(document, rows)
    if headed:
        document.add_heading("Welche Ressourcen gibt es?", level=1)
        document.add_paragraph(TEXT)
    document.save(path)
    return path


@pytest.mark.parametrize(
    "header",
    [
        HEADER,
        [  # two pairs side by side
            ["Datum:", "12.03.2021", "Sozialraum:", "Manfort"],
            ["Moderation:", "Anna Schmidt", "Teilnehmende:", "Jörg Kaczmarek\nPetra Wolters"],
        ],
        [  # the keys (without colon) over their values
            ["Datum", "Sozialraum", "Moderation", "Teilnehmende"],
            ["12.03.2021", "Manfort", "Anna Schmidt", "Jörg Kaczmarek, Petra Wolters"],
        ],
        [  # a detail line a cell, a key not kept among them
            ["Datum: 12.03.2021\nUhrzeit: 18 Uhr"],
            ["Sozialraum: Manfort"],
            ["Moderation: Anna Schmidt"],
            ["Teilnehmende: Jörg Kaczmarek, Petra Wolters"],
        ],
    ],
    ids=["key-value", "pairs", "keys-over-values", "lines"],
)
def test_details_in_a_header_table_are_the_protocol_s_details(
    tmp_path: Path, header: list[list[str]]
) -> None:
    document = parse_file(_docx(tmp_path / "konferenz.docx", header))
    assert (document.title, document.date, document.district) == (
        "Stadtteilkonferenz Manfort",
        "2021-03-12",
        "Manfort",
    )
    assert set(document.names) == {"Anna Schmidt", "Jörg Kaczmarek", "Petra Wolters"}
    assert [s.text for s in document.segments] == [TEXT]
    assert "tables_skipped" not in document.options  # the table was read


def test_a_header_table_s_names_are_pseudonymised_as_in_the_pdf(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _docx(tmp_path / "konferenz.docx", HEADER)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    stored = stored_text(project)
    assert "Kaczmarek" not in stored and "Wolters" not in stored
    assert "Tabelle" not in capsys.readouterr().out  # no table left unread
    assert set(project.segments()["district"]) == {"Manfort"}


def test_an_odt_header_table_gives_the_details_too(tmp_path: Path) -> None:
    doc = OpenDocumentText()
    table = Table()
    for key, value in HEADER:
        row = TableRow()
        for text in (key, value):
            cell = TableCell()
            for line in text.split("\n"):
                cell.addElement(P(text=line))
            row.addElement(cell)
        table.addElement(row)
    doc.text.addElement(table)
    doc.text.addElement(H(outlinelevel=1, text="Welche Ressourcen gibt es?"))
    doc.text.addElement(P(text=TEXT))
    path = tmp_path / "konferenz.odt"
    doc.save(str(path))
    document = parse_file(path)
    assert (document.date, document.district) == ("2021-03-12", "Manfort")
    assert set(document.names) == {"Anna Schmidt", "Jörg Kaczmarek", "Petra Wolters"}


def test_a_card_query_or_a_list_of_participants_stays_what_it_was(tmp_path: Path) -> None:
    cards = [
        ["Herausforderungen", "Ressourcen"],
        ["Kein Treffpunkt", "Sportverein"],
        ["Dunkler Park", "Bibliothek"],
    ]
    document = parse_file(_docx(tmp_path / "karten.docx", HEADER, cards, headed=False))
    assert document.date == "2021-03-12" and "Petra Wolters" in document.names
    assert [(s.question, s.text) for s in document.segments] == [
        ("Herausforderungen", "Kein Treffpunkt"),
        ("Ressourcen", "Sportverein"),
        ("Herausforderungen", "Dunkler Park"),
        ("Ressourcen", "Bibliothek"),
    ]
    for first in ("Name", "Teilnehmende"):  # a list of participants: names only
        people = [[first, "Organisation"], ["Ada Quast", "Bürgerverein"], ["Ole Stracke", "AWO"]]
        document = parse_file(_docx(tmp_path / f"{first}.docx", HEADER, people))
        assert {"Ada Quast", "Ole Stracke", "Petra Wolters"} <= set(document.names)
        assert [s.text for s in document.segments] == [TEXT]
        assert document.options == {"tables_people": 1}
    rows = [["Sozialraum", "Bedarfe"], ["Manfort", "Mehr Bänke"], ["Opladen", "Licht im Park"]]
    document = parse_file(_docx(tmp_path / "orte.docx", rows, headed=False))
    assert [(s.question, s.text) for s in document.segments] == [
        ("Bedarfe", "Mehr Bänke"),
        ("Bedarfe", "Licht im Park"),
    ]


def test_a_table_of_key_value_cells_after_the_first_heading_is_still_read(
    tmp_path: Path,
) -> None:
    document = docx.Document()
    document.add_heading("Welche Orte fehlen?", level=1)
    _table(document, [["Ort: Marktplatz"], ["Sozialraum: mehr Bänke und Licht am Markt"]])
    path = tmp_path / "orte.docx"
    document.save(path)
    parsed = parse_file(path)
    assert parsed.district is None
    assert [s.text for s in parsed.segments] == ["Sozialraum: mehr Bänke und Licht am Markt"]


def test_names_one_a_line_in_a_pdf_s_header_table_are_all_participants(
    project: Project, tmp_path: Path
) -> None:
    """The PDF of such a protocol: the names below the first stand in the value's column
    (a cell's paragraphs); they were statements, in clear, and not on the name list."""
    from tests.test_pdf_protocol import pdf_bytes

    page = [
        "Stadtteilkonferenz Manfort",
        "Datum:\t12.03.2021",
        "Sozialraum:\tManfort",
        "Teilnehmende:\tJörg Kaczmarek",
        " \tPetra Wolters",  # in the second column, below the first name
        " \tAda Quast (Caritas)",
        "Welche Ressourcen gibt es?",
        TEXT,
        "Der Sportverein öffnet seine Halle für Jugendliche am Nachmittag, sagt Quast.",
    ]
    path = tmp_path / "konferenz.pdf"
    path.write_bytes(pdf_bytes([page]))
    document = parse_file(path)
    assert set(document.names) == {"Jörg Kaczmarek", "Petra Wolters", "Ada Quast"}
    assert [(s.question, s.text) for s in document.segments] == [
        ("Welche Ressourcen gibt es?", TEXT),
        (
            "Welche Ressourcen gibt es?",
            "Der Sportverein öffnet seine Halle für Jugendliche am Nachmittag, sagt Quast.",
        ),
    ]
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    stored = stored_text(project)
    assert not any(name in stored for name in ("Wolters", "Quast", "Kaczmarek"))
