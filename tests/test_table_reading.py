"""Reading a table beside its values (workbench.ingest.table_reading): CSV rows shorter
than the header, rows an XLSX sheet hides, formulas saved without their result."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main


def _import(project: Project, path: Path, *options: str) -> int:
    return main(["--project", str(project.path), "import", str(path), *options])


def _segments(project: Project) -> pd.DataFrame:
    return project.segments()


def test_rows_without_their_trailing_empty_fields_are_read(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """LimeSurvey and hand-made exports leave out a row's empty fields at its end. Before,
    "Datensatz hat 3 statt 4 Felder" stopped the whole file; now the missing fields are
    empty and the import names the rows."""
    path = tmp_path / "umfrage.csv"
    path.write_text(
        '"ID","Text","Sozialraum","Alter"\n'
        '"1","Mehr Bänke am Rhein","Manfort","34"\n'
        '"2","Der Bus fährt zu selten","Opladen"\n'
        '"3","Ein Spielplatz fehlt"\n',
        encoding="utf-8",
    )
    assert _import(project, path) == 0
    segments = _segments(project)
    assert segments["text"].tolist() == [
        "Mehr Bänke am Rhein",
        "Der Bus fährt zu selten",
        "Ein Spielplatz fehlt",
    ]
    assert segments["district"].tolist() == ["Manfort", "Opladen", "Gesamtstadt"]
    out = capsys.readouterr().out
    assert "2 Zeilen mit weniger Feldern als die Kopfzeile (Zeilen 3, 4)" in out


def test_an_unquoted_line_break_still_stops_the_import(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A line break in a field without quotes splits one row into two short ones whose
    fields add up to the header's: padding them would make two statements of one answer
    and put its district into the text. The import stops and names the row."""
    path = tmp_path / "karten.csv"
    path.write_text(
        "Text;Sozialraum;Alter\nMehr Bänke\nam Rhein;Manfort;34\nSpielplatz fehlt;Wiesdorf;22\n",
        encoding="utf-8",
    )
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert "karten.csv, Zeile 2: Datensatz hat 1 statt 3 Felder" in err
    assert "Zeilenumbruch in einem Feld ohne Anführungszeichen" in err
    assert "Traceback" not in err
    assert project.segments().empty


def test_a_short_last_row_without_line_end_is_a_file_cut_off(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A download cut off mid-row ends in a short row without a line break: an error,
    not half an answer imported."""
    path = tmp_path / "karten.csv"
    path.write_text("Text;Sozialraum\nMehr Bänke am Rhein;Manfort\nDer Bus fährt", "utf-8")
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert "Zeile 3: Datensatz hat 1 statt 2 Felder" in err
    assert "einen Zeilenumbruch einfügen" in err  # what to do if the row is whole
    assert project.segments().empty


def _cards(path: Path, hide: tuple[int, ...], filtered: bool = False, group: bool = False) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        ["Text", "Sozialraum"],
        ["Mehr Bänke am Rhein", "Manfort"],
        ["Doppelt erfasst: Mehr Bänke am Rhein", "Manfort"],
        ["Der Bus fährt zu selten", "Opladen"],
        ["Ein Spielplatz fehlt", "Wiesdorf"],
    ):
        sheet.append(row)
    for number in hide:
        sheet.row_dimensions[number].hidden = True
        if group:
            sheet.row_dimensions[number].outlineLevel = 1
    if filtered:
        sheet.auto_filter.ref = "A1:B5"
        sheet.auto_filter.add_filter_column(1, ["Manfort"])
    book.save(path)


def test_rows_hidden_in_excel_are_left_out_and_named(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A team hides a card entered twice to exclude it; before, it was imported as if
    visible (and counted twice in need clusters and district profiles)."""
    path = tmp_path / "karten.xlsx"
    _cards(path, hide=(3, 5))
    assert _import(project, path) == 0
    assert _segments(project)["text"].tolist() == [
        "Mehr Bänke am Rhein",
        "Der Bus fährt zu selten",
    ]
    assert "2 ausgeblendete Zeilen (3, 5) nicht importiert" in capsys.readouterr().out
    every = tmp_path / "alle.xlsx"
    _cards(every, hide=(2, 3, 4, 5))
    assert _import(project, every) == 2
    assert "keine Zeile mit Text außer ausgeblendeten" in capsys.readouterr().err


def test_rows_an_autofilter_or_a_collapsed_group_hides_are_imported_and_named(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A filter or a collapsed outline is a view: its rows are imported, and the import
    says the sheet showed only some of them."""
    path = tmp_path / "gefiltert.xlsx"
    _cards(path, hide=(4, 5), filtered=True)
    assert _import(project, path) == 0
    assert len(_segments(project)) == 4
    out = capsys.readouterr().out
    assert "gefiltert (AutoFilter): 2 vom Filter ausgeblendete Zeilen (4, 5) trotzdem" in out
    grouped = tmp_path / "gruppiert.xlsx"
    _cards(grouped, hide=(2, 3), group=True)
    assert _import(project, grouped, "--allow-duplicates") == 0
    assert len(_segments(project)) == 8
    assert "2 Zeilen in eingeklappten Gruppen (2, 3) importiert" in capsys.readouterr().out


def _formulas(path: Path) -> None:
    book = openpyxl.Workbook()
    for row in (
        ["ID", "Text", "Sozialraum"],
        [1, '=CONCATENATE("Mehr Bänke", " am Rhein")', "Manfort"],
        [2, "Der Bus fährt zu selten", "Opladen"],
        [3, '="Ein Spielplatz fehlt"', "Wiesdorf"],
    ):
        book.active.append(row)
    book.save(path)  # openpyxl writes formulas without a calculated value


def test_formulas_without_a_calculated_value_are_named(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file a script wrote holds formulas but no results: before, two of three answers
    were "leere Zeilen" without a word of why."""
    path = tmp_path / "skript.xlsx"
    _formulas(path)
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "Spalte B ('Text'): 2 Formeln ohne berechnetes Ergebnis (Zeilen 2, 4)" in out
    assert "In Excel oder LibreOffice öffnen, speichern" in out


def test_formulas_excel_calculated_are_read_without_a_notice(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Saved by Excel, a formula carries its result (``t="str"``, ``<v>…</v>``): it is the
    cell's value, and there is nothing to say."""
    written = tmp_path / "skript.xlsx"
    _formulas(written)
    path = tmp_path / "excel.xlsx"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                for cell, value in (("B2", "Mehr Bänke am Rhein"), ("B4", "Ein Spielplatz fehlt")):
                    start = text.index(f'<c r="{cell}"')
                    end = text.index("</c>", start)
                    formula = text[text.index("<f>", start) : text.index("</f>", start) + 4]
                    cached = f'<c r="{cell}" t="str">{formula}<v>{value}</v>'
                    text = text[:start] + cached + text[end:]
                data = text.encode("utf-8")
            target.writestr(item, data)
    assert _import(project, path) == 0
    assert "Ein Spielplatz fehlt" in _segments(project)["text"].tolist()
    assert "Formel" not in capsys.readouterr().out


def test_rows_hidden_in_libreoffice_are_left_out_too(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same rule for an ODS sheet: a row LibreOffice hides (``table:visibility=
    "collapse"``) is left out and named; before, it was imported."""
    written = tmp_path / "geschrieben.ods"
    frame = pd.DataFrame(
        {
            "Text": ["Mehr Bänke am Rhein", "Doppelt: Mehr Bänke", "Ein Spielplatz fehlt"],
            "Sozialraum": ["Manfort", "Manfort", "Wiesdorf"],
        }
    )
    frame.to_excel(written, engine="odf", index=False)
    path = tmp_path / "karten.ods"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "content.xml":
                rows = data.decode("utf-8").split("<table:table-row>")
                rows[3] = '<table:table-row table:visibility="collapse">' + rows[3]
                text = "<table:table-row>".join(rows[:3]) + rows[3]
                data = (text + "".join("<table:table-row>" + r for r in rows[4:])).encode()
            target.writestr(item, data)
    assert _import(project, path) == 0
    assert _segments(project)["text"].tolist() == ["Mehr Bänke am Rhein", "Ein Spielplatz fehlt"]
    assert "1 ausgeblendete Zeile (3) nicht importiert" in capsys.readouterr().out


def test_a_formulas_error_value_is_no_statement(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A formula Excel could not calculate holds its error ("#REF!", t="e"): before, it
    was imported as the statement "#REF!"."""
    written = tmp_path / "geschrieben.xlsx"
    book = openpyxl.Workbook()
    for row in (["Text", "Sozialraum"], ["=A9", "Manfort"], ["Der Bus fährt zu selten", "Opladen"]):
        book.active.append(row)
    book.save(written)
    path = tmp_path / "fehler.xlsx"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b'<c r="A2"><f>A9</f><v></v></c>', b'<c r="A2" t="e"><f>A9</f><v>#REF!</v></c>'
                )
                assert b"#REF!" in data
            target.writestr(item, data)
    assert _import(project, path) == 0
    assert _segments(project)["text"].tolist() == ["Der Bus fährt zu selten"]
    assert "Spalte A ('Text'): 1 Fehlerwert einer Formel" in capsys.readouterr().out
