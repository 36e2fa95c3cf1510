"""A card query typed into a Word or LibreOffice table, without any heading: the column
headers are the guiding questions ("Herausforderungen | Ressourcen | Bedarfe"), or a first
column "Leitfrage" gives each row's. Such a document was refused ("enthält keine Aussagen
(Tabellen vor der ersten Überschrift werden nicht gelesen)"). A table of participants is
never statements: its names go onto the name list."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from odf.opendocument import OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import P

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

COLUMNS = [
    ["Herausforderungen", "Ressourcen", "Bedarfe"],
    ["Kein Treffpunkt", "Kita mit Garten", "Mehr Bänke"],
    ["Bus fährt selten", "Stadtteilbüro", "Licht im Park"],
]
BY_COLUMN = [
    ("Herausforderungen", "Kein Treffpunkt", {}),
    ("Ressourcen", "Kita mit Garten", {}),
    ("Bedarfe", "Mehr Bänke", {}),
    ("Herausforderungen", "Bus fährt selten", {}),
    ("Ressourcen", "Stadtteilbüro", {}),
    ("Bedarfe", "Licht im Park", {}),
]
PEOPLE = [["Name", "Organisation"], ["Ada Quast", "Bürgerverein"], ["Ole Stracke", "AWO"]]


def _docx(path: Path, *tables: list[list[str]], after: str = "gez. Anna Schmidt") -> Path:
    d = docx.Document()
    d.add_paragraph("Stadtteilwerkstatt Manfort")
    d.add_paragraph("Datum: 12.03.2021")
    for rows in tables:
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                table.cell(i, j).text = value
    d.add_paragraph(after)
    d.save(path)
    return path


def _odt(path: Path, rows: list[list[str]]) -> Path:
    doc = OpenDocumentText()
    doc.text.addElement(P(text="Stadtteilwerkstatt Manfort"))
    doc.text.addElement(P(text="Datum: 12.03.2021"))
    table = Table()
    for row in rows:
        element = TableRow()
        for value in row:
            cell = TableCell()
            cell.addElement(P(text=value))
            element.addElement(cell)
        table.addElement(element)
    doc.text.addElement(table)
    doc.save(str(path))
    return path


def _read(path: Path) -> list[tuple]:
    return [(s.question, s.text, s.attributes) for s in parse_file(path).segments]


@pytest.mark.parametrize("build", [_docx, _odt], ids=["docx", "odt"])
def test_column_headers_are_the_guiding_questions(tmp_path: Path, build) -> None:
    path = build(tmp_path / f"karten.{build.__name__[1:]}", COLUMNS)
    document = parse_file(path)
    assert (document.title, document.date) == ("Stadtteilwerkstatt Manfort", "2021-03-12")
    assert _read(path) == BY_COLUMN


def test_a_leitfrage_column_gives_each_rows_question(tmp_path: Path) -> None:
    rows = [
        ["Leitfrage", "Antworten"],
        ["Was fehlt im Stadtteil?", "Ein Treffpunkt\nBänke am Markt"],
        ["Was gibt es schon?", "Die Kita"],
    ]
    assert _read(_docx(tmp_path / "zeilen.docx", rows)) == [
        ("Was fehlt im Stadtteil?", "Ein Treffpunkt", {}),
        ("Was fehlt im Stadtteil?", "Bänke am Markt", {}),
        ("Was gibt es schon?", "Die Kita", {}),
    ]


def test_a_column_of_topics_labels_its_rows(tmp_path: Path) -> None:
    rows = [["Thema", "Was fehlt?", "Was gibt es?"], ["Jugend", "Ein Treffpunkt", "Jugendhaus"]]
    assert _read(_docx(tmp_path / "themen.docx", rows)) == [
        ("Was fehlt?", "Ein Treffpunkt", {"Zeile": "Jugend"}),
        ("Was gibt es?", "Jugendhaus", {"Zeile": "Jugend"}),
    ]


def test_a_table_of_participants_is_the_name_list_not_statements(
    project: Project, tmp_path: Path
) -> None:
    path = _docx(tmp_path / "werkstatt.docx", PEOPLE, COLUMNS)
    document = parse_file(path)
    assert document.names == ("Ada Quast", "Ole Stracke", "Anna Schmidt")
    assert _read(path) == BY_COLUMN  # and the signature after the table is none
    assert main(["--project", str(project.path), "import", str(path), "--district", "Manfort"]) == 0
    stored = stored_text(project)
    assert "Quast" not in stored and "Stracke" not in stored and "Bürgerverein" not in stored


def test_without_a_table_or_heading_the_document_is_still_refused(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="Das Protokoll enthält keine Aussagen"):
        parse_file(_docx(tmp_path / "leer.docx", PEOPLE))


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            "| Herausforderungen | Ressourcen |\n|---|---|\n"
            "| Kein Treffpunkt | Kita mit Garten |\n",
            [("Herausforderungen", "Kein Treffpunkt", {}), ("Ressourcen", "Kita mit Garten", {})],
        ),
        (
            "| Leitfrage | Antworten |\n|---|---|\n| Was fehlt? | Ein Treffpunkt |\n",
            [("Was fehlt?", "Ein Treffpunkt", {})],
        ),
        (
            "| Thema | Was fehlt? |\n|---|---|\n| Jugend | Ein Treffpunkt |\n",
            [("Was fehlt?", "Ein Treffpunkt", {"Zeile": "Jugend"})],
        ),
    ],
    ids=["spalten", "leitfrage-spalte", "themen-spalte"],
)
def test_a_plain_text_table_without_headings_reads_the_same(
    tmp_path: Path, table: str, expected: list[tuple]
) -> None:
    path = tmp_path / "karten.md"
    path.write_text(f"Stadtteilwerkstatt Manfort\nDatum: 12.03.2021\n\n{table}", "utf-8")
    assert _read(path) == expected


def test_under_a_heading_a_tables_columns_stay_attributes(tmp_path: Path) -> None:
    """With a heading, the heading is the question and the table's columns and row labels
    stay attributes, as before; a first column headed like the cards' answers
    ("Herausforderungen") holds cards, no labels: "Kein Treffpunkt" was lost, only the
    label of "Kita" (decision 014)."""
    path = tmp_path / "karten.md"
    table = "| Herausforderungen | Ressourcen |\n|---|---|\n| Kein Treffpunkt | Kita |\n"
    labelled = "| Thema | Ressourcen |\n|---|---|\n| Jugend | Jugendzentrum |\n"
    path.write_text(f"## Ergebnisse\n\n{table}\n## Orte\n\n{labelled}", "utf-8")
    assert _read(path) == [
        ("Ergebnisse", "Kein Treffpunkt", {"Spalte": "Herausforderungen"}),
        ("Ergebnisse", "Kita", {"Spalte": "Ressourcen"}),
        ("Orte", "Jugendzentrum", {"Spalte": "Ressourcen", "Zeile": "Jugend"}),
    ]


@pytest.mark.parametrize("header", ["Zielgruppe", "Bedarfsfeld", "Problemfeld"])
def test_a_column_headed_by_a_compound_of_a_card_word_still_labels_its_rows(
    tmp_path: Path, header: str
) -> None:
    """Only a header that names the cards' answer holds cards: "Zielgruppe", "Bedarfsfeld"
    label rows ("Kinder" was stored as a statement and lost as the label of its cards);
    "Lösungsideen" (the head of the compound is "Ideen") holds cards."""
    path = tmp_path / "gruppen.md"
    labelled = f"| {header} | Herausforderungen |\n|---|---|\n| Kinder | Spielplatz kaputt |\n"
    cards = "| Lösungsideen | Wer |\n|---|---|\n| Bürgerbus | Stadt |\n"
    path.write_text(f"## Ergebnisse\n\n{labelled}\n## Ideen\n\n{cards}", "utf-8")
    assert _read(path) == [
        ("Ergebnisse", "Spielplatz kaputt", {"Spalte": "Herausforderungen", "Zeile": "Kinder"}),
        ("Ideen", "Bürgerbus", {"Spalte": "Lösungsideen"}),
        ("Ideen", "Stadt", {"Spalte": "Wer"}),
    ]


def test_a_participants_table_after_a_heading_is_named_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], project: Project
) -> None:
    d = docx.Document()
    d.add_paragraph("Teilnehmende", style="Heading 1")
    table = d.add_table(rows=2, cols=2)
    for j, value in enumerate(["Name", "E-Mail"]):
        table.cell(0, j).text = value
    table.cell(1, 0).text, table.cell(1, 1).text = "Ada Quast", "ada@example.org"
    d.add_paragraph("Was fehlt?", style="Heading 1")
    d.add_paragraph("Bänke am Markt.")
    path = tmp_path / "werkstatt.docx"
    d.save(path)
    assert parse_file(path).names == ("Ada Quast",)
    assert _read(path) == [("Was fehlt?", "Bänke am Markt.", {})]
    assert main(["--project", str(project.path), "import", str(path), "--district", "Manfort"]) == 0
    assert "1 Tabelle der Teilnehmenden nicht als Aussagen gelesen" in capsys.readouterr().out
    assert "ada@example.org" not in stored_text(project)
