"""Every sheet of a workbook is imported: one sheet per district is how many teams keep
their cards in Excel. The first sheet alone was read, the others dropped without a word."""

from __future__ import annotations

import doctest
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import ParsedDocument, ParsedSegment
from workbench.ingest import workbook

CARDS = {
    "Manfort": {
        "Text": ["Im Park fehlt Licht.", "Der Bus fährt selten."],
        "Leitfrage": ["Was fehlt?"] * 2,
    },
    "Opladen": {
        "Text": ["Die Kita hat einen Garten.", "Ein Café fehlt."],
        "Leitfrage": ["Was gibt es?", "Was fehlt?"],
    },
}


def _workbook(path: Path, sheets: dict[str, dict], engine: str | None = None) -> Path:
    with pd.ExcelWriter(path, engine=engine) as writer:
        for name, columns in sheets.items():
            pd.DataFrame(columns).to_excel(writer, sheet_name=name, index=False)
    return path


def _import(project: Project, path: Path, *args: str) -> int:
    return main(["--project", str(project.path), "import", str(path), *args])


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_each_sheet_is_imported_and_a_sheet_named_after_a_district_is_its(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    info = {"Hinweis": ["Erstellt für die Stadtteilwerkstätten 2021"]}
    engine = "odf" if suffix == ".ods" else None
    path = _workbook(tmp_path / f"karten{suffix}", {**CARDS, "Info": info}, engine)
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "Tabellenblatt 'Opladen' (eines von 3)." in out
    assert "Tabellenblatt 'Info' nicht importiert: Keine Textspalte" in out
    segments = project.segments()
    assert list(zip(segments["district"], segments["text"], strict=True)) == [
        ("Manfort", "Im Park fehlt Licht."),
        ("Manfort", "Der Bus fährt selten."),
        ("Opladen", "Die Kita hat einen Garten."),
        ("Opladen", "Ein Café fehlt."),
    ]
    assert _import(project, path) == 0  # again: nothing new
    assert "bereits importiert" in capsys.readouterr().out
    assert len(project.segments()) == 4


def test_the_data_may_start_on_a_later_sheet(project: Project, tmp_path: Path) -> None:
    info = {"Hinweis": ["Bitte nicht weitergeben"]}
    path = _workbook(tmp_path / "karten.xlsx", {"Info": info, "Opladen": CARDS["Opladen"]})
    assert _import(project, path) == 0
    assert project.segments()["text"].tolist() == ["Die Kita hat einen Garten.", "Ein Café fehlt."]


def test_a_named_sheet_is_the_only_one_read(project: Project, tmp_path: Path) -> None:
    path = _workbook(tmp_path / "karten.xlsx", CARDS)
    assert _import(project, path, "--sheet", "Opladen") == 0
    assert set(project.segments()["district"]) == {"Opladen"}


def test_a_district_column_or_option_wins_over_the_sheets_name(
    project: Project, tmp_path: Path
) -> None:
    sheets = {
        "Manfort": {**CARDS["Manfort"], "Sozialraum": ["Opladen"] * 2},
        "Opladen": CARDS["Opladen"],
    }
    path = _workbook(tmp_path / "karten.xlsx", sheets)
    assert _import(project, path) == 0
    assert set(project.segments()["district"]) == {"Opladen"}
    other = _workbook(
        tmp_path / "andere.xlsx",
        {"Manfort": {"Text": ["Ein Kiosk fehlt."]}, "B": {"Text": ["Licht."]}},
    )
    assert _import(project, other, "--district", "Wiesdorf") == 0
    assert project.segments().iloc[-2:]["district"].tolist() == ["Wiesdorf", "Wiesdorf"]


def test_without_statements_on_any_sheet_the_first_sheets_error_stops_it(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _workbook(tmp_path / "leer.xlsx", {"A": {"Zahl": [1, 2]}, "B": {"Zahl": [3, 4]}})
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert "leer.xlsx" in err and "Keine Textspalte" in err and "Traceback" not in err
    assert project.segments().empty


def test_the_same_cards_on_two_sheets_are_imported_once(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = [f"Karte {i}: Am Marktplatz fehlt ein Treffpunkt für Jugendliche." for i in range(8)]
    path = _workbook(
        tmp_path / "karten.xlsx", {"Rohdaten": {"Text": texts}, "Bereinigt": {"Text": texts}}
    )
    assert _import(project, path, "--district", "Manfort") == 0
    assert "nicht importiert" in capsys.readouterr().out
    assert len(project.segments()) == 8


def test_a_reader_that_stops_early_gives_no_traceback(project: Project) -> None:
    """`workbench status | head -1`: the pipe closes before the output is written."""
    process = subprocess.Popen(
        [sys.executable, "-m", "workbench", "--project", str(project.path), "status"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()
    _, err = process.communicate(timeout=120)
    assert b"Traceback" not in err and b"BrokenPipe" not in err


def test_a_sheet_per_workshop_names_the_workshop_and_its_district(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: every sheet's statements were in one workshop named after the file."""
    sheets = {
        "Workshop Manfort": CARDS["Manfort"],
        "Stadtteilforum Opladen": CARDS["Opladen"],
        "Werkstatt Jugend": {"Text": ["Ein Bolzplatz fehlt."]},
    }
    path = _workbook(tmp_path / "werkstaetten.xlsx", sheets)
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "Workshop 'Stadtteilforum Opladen': der Name des Tabellenblatts" in out
    segments = project.segments()
    assert list(zip(segments["workshop"], segments["district"], strict=True)) == [
        ("Workshop Manfort", "Manfort"),
        ("Workshop Manfort", "Manfort"),
        ("Stadtteilforum Opladen", "Opladen"),
        ("Stadtteilforum Opladen", "Opladen"),
        ("Werkstatt Jugend", "Gesamtstadt"),  # an event, but in no district
    ]


def test_a_sheet_names_its_district_without_umlauts_as_a_file_name_does(
    project: Project, tmp_path: Path
) -> None:
    """ "Stadtteilforum Steinbuechel" and "steinbuechel" were no district's (the file name
    "Protokoll_Steinbuechel.docx" was): the sheets' rows were counted city-wide."""
    sheets = {
        "Stadtteilforum Steinbuechel": {"Text": ["Licht fehlt."]},
        "steinbuechel": {"Text": ["Bänke fehlen."]},
        "Forum Manfort und Opladen": {"Text": ["Busse fehlen."]},
    }
    assert _import(project, _workbook(tmp_path / "karten.xlsx", sheets)) == 0
    assert project.segments()["district"].tolist() == ["Steinbüchel"] * 2 + ["Gesamtstadt"]


def test_a_sheet_naming_a_district_as_venue_or_guests_is_not_its(
    project: Project, tmp_path: Path
) -> None:
    """ "Workshop im Bürgerhaus Opladen" and "Forum – Gäste aus Wiesdorf" put a city-wide
    workshop's rows into Opladen and Wiesdorf; a title is read the same way."""
    sheets = {
        "Workshop im Bürgerhaus Opladen": {"Text": ["Licht fehlt."]},
        "Forum – Gäste aus Wiesdorf": {"Text": ["Bänke fehlen."]},
        "Workshop_Manfort 2021": {"Text": ["Busse fehlen."]},
    }
    assert _import(project, _workbook(tmp_path / "karten.xlsx", sheets)) == 0
    assert project.segments()["district"].tolist() == ["Gesamtstadt"] * 2 + ["Manfort"]


def test_a_workshop_column_or_option_wins_over_the_sheets_name(
    project: Project, tmp_path: Path
) -> None:
    sheets = {
        "Workshop Manfort": {**CARDS["Manfort"], "Workshop": ["Kinderforum"] * 2},
        "Workshop Opladen": CARDS["Opladen"],
    }
    path = _workbook(tmp_path / "karten.xlsx", sheets)
    assert _import(project, path) == 0
    assert project.segments()["workshop"].tolist() == ["Kinderforum"] * 2 + ["Workshop Opladen"] * 2
    other = _workbook(tmp_path / "andere.xlsx", {"Forum Wiesdorf": {"Text": ["Licht fehlt."]}})
    assert _import(project, other, "--workshop", "Abschlussrunde") == 0
    last = project.segments().iloc[-1]
    assert (last["workshop"], last["district"]) == ("Abschlussrunde", "Wiesdorf")


def test_a_sheet_per_question_gives_its_answers_their_question(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A workbook of one sheet per question (a live poll's export; Excel forbids "?" in a
    sheet's name) headed "Antworten": the header was no text column, and had it been, the
    answers to both questions would have been one list without their question."""
    sheets = {
        "Was fehlt im Stadtteil": {"Antworten": ["Ein Jugendtreff am Abend", "Mehr Bänke"]},
        "Was schätzen Sie hier": {"Antworten": ["Der Park an der Dhünn"]},
        "Notizen": {"Antworten": ["Die Kita am Markt"]},
    }
    path = _workbook(tmp_path / "umfrage.xlsx", sheets)
    assert _import(project, path, "--district", "Manfort") == 0
    out = capsys.readouterr().out
    assert "Leitfrage 'Was fehlt im Stadtteil': der Name des Tabellenblatts." in out
    segments = project.segments().fillna({"question": ""})
    assert list(zip(segments["question"], segments["text"], strict=True)) == [
        ("Was fehlt im Stadtteil", "Ein Jugendtreff am Abend"),
        ("Was fehlt im Stadtteil", "Mehr Bänke"),
        ("Was schätzen Sie hier", "Der Park an der Dhünn"),
        ("", "Die Kita am Markt"),  # a sheet's name that asks nothing
    ]
    # the rows' own question goes first
    texts = ["Der Jugendtreff", "Das Café"]
    asked = {"Nennen Sie Treffpunkte": {**CARDS["Manfort"], "Text": texts}}
    path = _workbook(tmp_path / "zwei.xlsx", {**asked, "Opladen": CARDS["Opladen"]})
    assert _import(project, path) == 0
    assert project.segments()["question"].tolist()[-4:] == [
        "Was fehlt?", "Was fehlt?", "Was gibt es?", "Was fehlt?"
    ]  # fmt: skip


def test_the_examples_in_the_docstrings_hold() -> None:
    assert doctest.testmod(workbook).failed == 0


def test_a_hidden_sheet_is_named_not_imported(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A template's hidden sheet holds its drop-down lists ("Manfort", "Opladen"): they are
    no statements. The import names it; --sheet takes it on purpose."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Karten"
    for row in (["Text", "Sozialraum"], ["Im Park fehlt Licht.", "Manfort"]):
        book.active.append(row)
    lists = book.create_sheet("Listen")
    for row in (["Text"], ["Manfort"], ["Opladen"]):
        lists.append(row)
    lists.sheet_state = "hidden"
    path = tmp_path / "vorlage.xlsx"
    book.save(path)
    assert _import(project, path) == 0
    assert "Tabellenblatt 'Listen' nicht importiert: ausgeblendet" in capsys.readouterr().out
    assert project.segments()["text"].tolist() == ["Im Park fehlt Licht."]
    assert _import(project, path, "--sheet", "Listen") == 0
    assert project.segments()["text"].tolist()[1:] == ["Manfort", "Opladen"]

    book.move_sheet("Listen", offset=-1)  # hidden and first: the visible sheet is read
    book.active = 1
    first = tmp_path / "vorlage2.xlsx"
    book.save(first)
    assert _import(project, first, "--allow-duplicates") == 0
    assert "Tabellenblatt 'Karten' (eines von 2)." in capsys.readouterr().out
    assert project.segments()["text"].tolist()[3:] == ["Im Park fehlt Licht."]


def test_a_cell_merged_over_several_rows_belongs_to_each(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hand-kept card table merges the district and the question of a block of rows into
    one cell: Excel shows it beside each row, the file holds it in the first only. A text
    merged across columns is not copied into the columns beside it."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Sozialraum", "Leitfrage", "Text", "Notiz"])
    sheet.append(["Manfort", "Was fehlt?", "Im Park fehlt Licht.", None])
    sheet.append([None, None, "Der Bus fährt selten.", None])
    sheet.append([None, "Was gibt es?", "Die Kita hat einen Garten.", None])
    sheet.append(["Opladen", "Was fehlt?", "Ein Café fehlt am Markt.", None])
    sheet.append([None, None, "Die Bänke sind kaputt und alt.", None])
    for cells in ("A2:A4", "B2:B3", "A5:A6", "B5:B6", "C6:D6"):
        sheet.merge_cells(cells)
    path = tmp_path / "karten.xlsx"
    book.save(path)
    assert _import(project, path) == 0
    segments = project.segments()
    assert list(zip(segments["district"], segments["question"], strict=True)) == [
        ("Manfort", "Was fehlt?"),
        ("Manfort", "Was fehlt?"),
        ("Manfort", "Was gibt es?"),
        ("Opladen", "Was fehlt?"),
        ("Opladen", "Was fehlt?"),
    ]
    assert segments["attributes"].tolist()[-1] == {}  # "Notiz" beside the merged text: empty


def test_a_totals_row_below_the_cards_is_no_statement(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The sum left below a card table ("Summe", "Gesamt | 3 Karten") was imported as
    statements, and its empty ID cell kept "Karten-ID" from being the statements' ID."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in (
        ["Karten-ID", "Text", "Punkte"],
        ["K1", "Im Park fehlt Licht.", 3],
        ["K2", "Die Summe der Mieten ist zu hoch.", 2],
        [None, "Summe", "=SUM(C2:C3)"],
        [None, None, None],
        ["Gesamt", "2 Karten", 5],
    ):
        book.active.append(row)
    path = tmp_path / "karten.xlsx"
    book.save(path)
    assert _import(project, path) == 0
    assert "Zeilen 4, 6: Summenzeile am Ende der Tabelle" in capsys.readouterr().out
    segments = project.segments()
    assert segments["source_id"].tolist() == ["K1", "K2"]
    assert segments["text"].tolist()[1] == "Die Summe der Mieten ist zu hoch."


def test_a_hidden_ods_sheet_is_named_not_imported(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """LibreOffice hides a sheet by its table style (table:display="false"), as Excel by
    the sheet's state: an old draft kept out of sight is no statement either."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    hiding = Style(name="ta2", family="table")
    hiding.addElement(TableProperties(display="false"))
    document.automaticstyles.addElement(hiding)
    for name, rows in (
        ("Karten", [["Text", "Sozialraum"], ["Im Park fehlt Licht.", "Manfort"]]),
        ("Entwurf", [["Text", "Sozialraum"], ["Test, bitte ignorieren.", "Opladen"]]),
    ):
        table = Table(name=name, stylename=hiding if name == "Entwurf" else None)
        for cells in rows:
            row = TableRow()
            for value in cells:
                element = TableCell(valuetype="string")
                element.addElement(P(text=value))
                row.addElement(element)
            table.addElement(row)
        document.spreadsheet.addElement(table)
    path = tmp_path / "karten.ods"
    document.save(str(path))
    assert _import(project, path) == 0
    assert "Tabellenblatt 'Entwurf' nicht importiert: ausgeblendet" in capsys.readouterr().out
    assert project.segments()["text"].tolist() == ["Im Park fehlt Licht."]
    assert _import(project, path, "--sheet", "Entwurf") == 0
    assert project.segments()["text"].tolist()[1:] == ["Test, bitte ignorieren."]


def test_a_cell_merged_over_rows_in_an_ods_sheet_belongs_to_each(
    project: Project, tmp_path: Path
) -> None:
    """LibreOffice writes a merged cell as number-rows-spanned with covered cells below."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    def cell(value: str, **span: int) -> TableCell:
        element = TableCell(valuetype="string", **span)
        element.addElement(P(text=value))
        return element

    table = Table(name="Karten")
    empty = TableRow(numberrowsrepeated=2)  # the table starts in row 3
    empty.addElement(TableCell(numbercolumnsrepeated=2))
    table.addElement(empty)
    for cells in (
        [cell("Sozialraum"), cell("Text")],
        [cell("Manfort", numberrowsspanned=2), cell("Im Park fehlt Licht.")],
        [CoveredTableCell(), cell("Der Bus fährt selten.")],
        [TableCell(), cell("Ein Café fehlt.")],
    ):
        row = TableRow()
        for element in cells:
            row.addElement(element)
        table.addElement(row)
    document = OpenDocumentSpreadsheet()
    document.spreadsheet.addElement(table)
    path = tmp_path / "karten.ods"
    document.save(str(path))
    assert _import(project, path) == 0
    assert project.segments()["district"].tolist() == ["Manfort", "Manfort", "Gesamtstadt"]


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_date_cell_is_kept_as_a_date_not_as_midnight(
    project: Project, tmp_path: Path, suffix: str
) -> None:
    """Excel and LibreOffice store a date as a point in time at midnight: it was kept as
    "2021-03-12 00:00:00" in the statement's attributes and every export."""
    from datetime import datetime

    cards = {
        "Text": ["Im Park fehlt Licht.", "Der Bus fährt selten."],
        "Eingang": [datetime(2021, 3, 12), datetime(2021, 3, 12, 18, 30)],
    }
    engine = "odf" if suffix == ".ods" else None
    path = _workbook(tmp_path / f"karten{suffix}", {"Karten": cards}, engine)
    assert _import(project, path) == 0
    dates = [a["Eingang"] for a in project.segments()["attributes"]]
    assert dates == ["2021-03-12", "2021-03-12 18:30"]


def test_padlet_comments_take_their_posts_question(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Padlet's workbook: posts with their section, and a sheet of comments naming the
    post ("Post ID"). Before, a comment had no guiding question: it fell out of every
    analysis by question, though it answers its post's."""
    path = _workbook(
        tmp_path / "padlet.xlsx",
        {
            "Posts": {
                "Post ID": [5001, 5002, 5003],
                "Subject": ["Bänke", "Bus", "Bücherei"],
                "Body": [
                    "Am Rhein fehlen Bänke für ältere Menschen.",
                    "Abends fährt kein Bus mehr nach Opladen.",
                    "Die Stadtteilbücherei ist ein guter Treffpunkt.",
                ],
                "Section": ["Was fehlt?", "Was fehlt?", "Was ist gut?"],
            },
            "Comments": {
                "Post ID": [5001, 5003],
                "Comment": [
                    "Ja, vor allem im Schatten unter den Bäumen.",
                    "Dort gibt es auch Kurse für Kinder.",
                ],
                "Author": ["Jürgen Wieczorek", "Mehmet Yilmaz"],
            },
        },
    )
    assert _import(project, path) == 0
    assert "Spalte 'Post ID' nennt den Beitrag im Tabellenblatt 'Posts'" in capsys.readouterr().out
    segments = project.segments()
    comments = segments[segments["text"].str.startswith(("Ja,", "Dort"))]
    assert comments["question"].tolist() == ["Was fehlt?", "Was ist gut?"]


def test_a_column_not_naming_posts_of_another_sheet_links_nothing() -> None:
    """Only a column whose every value is an ID of the other sheet's statements links."""
    posts = ParsedDocument(
        "p.xlsx",
        "",
        "xlsx",
        (ParsedSegment("Bänke fehlen", "7", question="Was fehlt?"),),
        options={"id_column": "Post ID", "sheet": "Posts"},
    )
    other = ParsedDocument(
        "p.xlsx",
        "",
        "xlsx:Notizen",
        (ParsedSegment("Eine Notiz", "2", attributes={"Post ID": 8}),),
        options={"sheet": "Notizen"},
    )
    assert workbook.linked_to_posts([posts, other])[1].segments[0].question is None
    cards = ParsedDocument(  # a second sheet of cards numbered like the first: no comments
        "p.xlsx",
        "",
        "xlsx:Opladen",
        (ParsedSegment("Ein Café fehlt", "7"),),
        options={"id_column": "Post ID", "sheet": "Opladen", "text_column": "Text"},
    )
    assert workbook.linked_to_posts([posts, cards])[1].segments[0].question is None
    comment = replace(cards, options={**cards.options, "sheet": "Comments"})
    assert workbook.linked_to_posts([posts, comment])[1].segments[0].question == "Was fehlt?"
