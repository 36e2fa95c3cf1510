"""Tables in DOCX and ODT protocols: every cell a statement, headers and row labels as
attributes, tables before the first heading not read, and the import says so."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.table import CoveredTableCell, Table, TableCell, TableHeaderRows, TableRow
from odf.text import H, LineBreak, List, ListItem, P, Span

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import GUIDING_QUESTIONS
from workbench.ingest import parse_file
from workbench.ingest.table import reading_notices

# A cell is its text, or a list of its paragraphs; a paragraph is text ("\n": a line
# break) or (bold role, rest). A merged cell: ("span", rows, columns, cell); the grid
# positions it covers: COVERED.
COVERED = None
PARTICIPANTS = [["Name", "Funktion"], ["Anna Schmidt", "Quartiersbüro"]]
NEEDS = [
    ["Thema", "Herausforderungen", "Ressourcen"],
    ["Jugend", "Kein Treffpunkt am Abend", "Jugendzentrum Opladen"],
    ["Ältere", ["Wenig Bänke", "Bus selten"], "Seniorenbeirat"],
]
ONE_COLUMN = [
    ["Ressourcen"],
    ["Frau Kaczmarek organisiert den Mittagstisch."],
    [[("Kirchengemeinde:", " telefoniert mit Älteren\nund kauft ein")]],
    [""],
]
MERGED = [
    ["Ort", "Idee", "Wer"],
    [("span", 2, 1, "Rhein"), ("span", 1, 2, "Bänke am Ufer"), COVERED],
    [COVERED, "Fest im Sommer", "Bürgerverein"],
]
PROTOCOL = [
    ("title", "Protokoll Opladen"),
    ("p", "Sozialraum: Opladen"),
    ("table", PARTICIPANTS),  # before the first heading: not read
    ("h1", GUIDING_QUESTIONS[0]),
    ("p", "Die Runde war gut besucht."),
    ("table", NEEDS),
    ("p", "Danach: Pause."),
    ("h1", GUIDING_QUESTIONS[1]),
    ("table", ONE_COLUMN),
    ("table", [["Fotos im Anhang", "Frau Lindqvist"]]),  # one row: a frame, not read
    ("h1", GUIDING_QUESTIONS[2]),
    ("table", MERGED),
]
Q1, Q2, Q3 = GUIDING_QUESTIONS
EXPECTED = [  # text, question, role, attributes
    ("Die Runde war gut besucht.", Q1, None, {}),
    ("Kein Treffpunkt am Abend", Q1, None, {"Spalte": "Herausforderungen", "Zeile": "Jugend"}),
    ("Jugendzentrum Opladen", Q1, None, {"Spalte": "Ressourcen", "Zeile": "Jugend"}),
    ("Wenig Bänke", Q1, None, {"Spalte": "Herausforderungen", "Zeile": "Ältere"}),
    ("Bus selten", Q1, None, {"Spalte": "Herausforderungen", "Zeile": "Ältere"}),
    ("Seniorenbeirat", Q1, None, {"Spalte": "Ressourcen", "Zeile": "Ältere"}),
    ("Danach: Pause.", Q1, None, {}),
    ("Frau Kaczmarek organisiert den Mittagstisch.", Q2, None, {"Spalte": "Ressourcen"}),
    ("telefoniert mit Älteren", Q2, "Kirchengemeinde", {"Spalte": "Ressourcen"}),
    ("und kauft ein", Q2, "Kirchengemeinde", {"Spalte": "Ressourcen"}),
    ("Bänke am Ufer", Q3, None, {"Spalte": "Idee", "Zeile": "Rhein"}),  # once
    ("Fest im Sommer", Q3, None, {"Spalte": "Idee", "Zeile": "Rhein"}),
    ("Bürgerverein", Q3, None, {"Spalte": "Wer", "Zeile": "Rhein"}),
]


def _paragraphs(cell: object) -> list[object]:
    return cell if isinstance(cell, list) else [cell]


def _docx(path: Path, content: list[tuple[str, object]] = PROTOCOL) -> Path:
    """The protocol as Word saves it; a line break in a paragraph as ``w:br``."""
    d = docx.Document()

    def fill(paragraph, value: object) -> None:
        role, rest = value if isinstance(value, tuple) else ("", value)
        if role:
            paragraph.add_run(role).bold = True
        for number, line in enumerate(str(rest).split("\n")):
            run = paragraph.add_run()
            if number:
                run.add_break()
            run.add_text(line)

    for kind, value in content:
        if kind == "title":
            d.add_paragraph(value, style="Title")
        elif kind == "p":
            d.add_paragraph(value)
        elif kind == "h1":
            d.add_heading(value, level=1)
        else:
            table = d.add_table(rows=len(value), cols=len(value[0]))
            for r, row in enumerate(value):
                for c, cell in enumerate(row):
                    if cell is COVERED:
                        continue
                    target = table.cell(r, c)
                    if isinstance(cell, tuple) and cell[0] == "span":
                        _, down, right, cell = cell
                        target = target.merge(table.cell(r + down - 1, c + right - 1))
                    for number, paragraph in enumerate(_paragraphs(cell)):
                        fill(target.add_paragraph() if number else target.paragraphs[0], paragraph)
    d.save(path)
    return path


def _odt(path: Path, content: list[tuple[str, object]] = PROTOCOL) -> Path:
    """The same protocol as LibreOffice Writer saves it: header rows in
    ``table:table-header-rows``, a line break as ``text:line-break``, several
    paragraphs of a cell as a list."""
    doc = OpenDocumentText()
    heading = Style(name="Heading_20_1", displayname="Heading 1", family="paragraph")
    doc.styles.addElement(heading)
    bold = Style(name="T1", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)

    def paragraph(value: object) -> P:
        role, rest = value if isinstance(value, tuple) else ("", value)
        p = P()
        if role:
            p.addElement(Span(stylename=bold, text=role))
        for number, line in enumerate(str(rest).split("\n")):
            if number:
                p.addElement(LineBreak())
            p.addText(line)
        return p

    for kind, value in content:
        if kind == "title":
            doc.text.addElement(P(stylename="Title", text=value))
        elif kind == "p":
            doc.text.addElement(P(text=value))
        elif kind == "h1":
            doc.text.addElement(H(outlinelevel=1, stylename=heading, text=value))
        else:
            table = Table()
            for r, row in enumerate(value):
                element = TableRow()
                for cell in row:
                    if cell is COVERED:
                        element.addElement(CoveredTableCell())
                        continue
                    spans = {}
                    if isinstance(cell, tuple) and cell[0] == "span":
                        _, down, right, cell = cell
                        spans = {"numberrowsspanned": down, "numbercolumnsspanned": right}
                    odt_cell = TableCell(**spans)
                    paragraphs = _paragraphs(cell)
                    if len(paragraphs) > 1:
                        items = List()
                        for value_ in paragraphs:
                            items.addElement(ListItem())
                            items.lastChild.addElement(paragraph(value_))
                        odt_cell.addElement(items)
                    else:
                        odt_cell.addElement(paragraph(paragraphs[0]))
                    element.addElement(odt_cell)
                if r == 0 and len(value) > 1:
                    table.addElement(TableHeaderRows())
                    table.lastChild.addElement(element)
                else:
                    table.addElement(element)
            doc.text.addElement(table)
    doc.save(str(path))
    return path


def _statements(path: Path) -> list[tuple]:
    return [(s.text, s.question, s.speaker_role, s.attributes) for s in parse_file(path).segments]


@pytest.mark.parametrize("build", [_docx, _odt], ids=["docx", "odt"])
def test_every_cell_is_a_statement_in_document_order(build, tmp_path: Path) -> None:
    path = build(tmp_path / f"opladen.{build.__name__[1:]}")
    parsed = parse_file(path)
    assert _statements(path) == EXPECTED
    assert [s.source_id for s in parsed.segments] == [str(n) for n in range(1, 14)]
    # the participants' table is no statements; its names go onto the name list
    assert (parsed.title, parsed.district, parsed.names) == (
        "Protokoll Opladen",
        "Opladen",
        ("Anna Schmidt",),
    )
    assert parsed.options == {"tables": 3, "tables_people": 1, "tables_one_row": 1}
    text = " ".join(s.text for s in parsed.segments)
    for unread in ("Anna Schmidt", "Quartiersbüro", "Fotos", "Lindqvist", "Thema", "Rhein"):
        assert unread not in text, unread
    rows = [s.row for s in parsed.segments]  # "Absatz N": cells' paragraphs counted too
    assert rows[:2] == [8, 13] and rows == sorted(rows)
    assert rows[8] == rows[9]  # one paragraph, two lines


def test_docx_and_odt_give_the_same_statements(tmp_path: Path) -> None:
    assert _statements(_docx(tmp_path / "a.docx")) == _statements(_odt(tmp_path / "a.odt"))


@pytest.mark.parametrize("build", [_docx, _odt], ids=["docx", "odt"])
def test_long_first_column_is_no_row_label(build, tmp_path: Path) -> None:
    content = [
        ("h1", Q1),
        ("table", [["Beobachtung", "Idee"], ["Kinder spielen auf der Straße.", "Spielstraße"]]),
    ]
    statements = _statements(build(tmp_path / f"lang.{build.__name__[1:]}", content))
    assert statements == [
        ("Kinder spielen auf der Straße.", Q1, None, {"Spalte": "Beobachtung"}),
        ("Spielstraße", Q1, None, {"Spalte": "Idee"}),
    ]


def test_notices_name_what_was_read_and_what_not() -> None:
    notices = reading_notices({"tables": 2, "tables_skipped": 1, "tables_one_row": 1})
    assert notices[0].startswith("2 Tabellen gelesen: jede Zelle eine Aussage")
    assert "'Spalte'" in notices[0] and "'Zeile'" in notices[0]
    assert notices[1] == "1 Tabelle vor der ersten Überschrift nicht gelesen (Teilnehmendenliste?)."
    assert notices[2].startswith("1 Tabelle mit nur einer Zeile nicht gelesen")
    assert reading_notices({"skipped_rows": 0}) == ()


def test_cli_import_says_what_it_did_with_the_tables_and_pseudonymises_cells(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _odt(tmp_path / "opladen.odt")
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "13 Aussagen importiert" in out
    assert "Hinweis: 3 Tabellen gelesen: jede Zelle eine Aussage" in out
    assert "Hinweis: 1 Tabelle der Teilnehmenden nicht als Aussagen gelesen" in out
    assert "Hinweis: 1 Tabelle mit nur einer Zeile nicht gelesen" in out
    segments = project.segments()
    cell = segments["text"].iloc[7]
    assert cell.startswith("[Person ") and cell.endswith(" organisiert den Mittagstisch.")
    assert segments["attributes"].iloc[1] == {"Spalte": "Herausforderungen", "Zeile": "Jugend"}
    stored = stored_text(project)
    for name in ("Kaczmarek", "Anna Schmidt", "Lindqvist"):
        assert name not in stored, name


WHO_OFFERS = [
    ("p", "Sozialraum: Wiesdorf"),
    ("p", "Teilnehmende: Jürgen Becker"),
    ("h1", Q2),
    (
        "table",
        [
            ["Wer", "Angebot"],
            ["Jürgen Becker", "Fahrdienst zum Arzt"],
            ["Frau Kaczmarek", "Sie kocht mit Herrn Nowakowski."],
        ],
    ),
]


def test_project_import_pseudonymises_names_in_cells_and_listed_names_in_labels(
    project: Project, tmp_path: Path
) -> None:
    (result,) = project.import_files([_docx(tmp_path / "wiesdorf.docx", WHO_OFFERS)])
    assert result.segments == 2
    segments = project.segments()
    assert segments["text"].tolist()[0] == "Fahrdienst zum Arzt"
    assert segments["text"].iloc[1].startswith("Sie kocht mit [Person ")
    label = segments["attributes"].iloc[0]["Zeile"]  # a listed participant
    assert label.startswith("[Person ") and label.endswith("]")
    stored = stored_text(project)
    for name in ("Becker", "Nowakowski"):
        assert name not in stored, name


def test_an_unlisted_name_in_a_row_label_is_not_stored_in_clear(
    project: Project, tmp_path: Path
) -> None:
    project.import_files([_docx(tmp_path / "wiesdorf.docx", WHO_OFFERS)])
    assert "Kaczmarek" not in stored_text(project)
