"""Reading a table beside its values (workbench.ingest.table_reading): CSV rows shorter
than the header, rows an XLSX sheet hides."""

from __future__ import annotations

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
    assert "Zeile 3: Datensatz hat 1 statt 2 Felder" in capsys.readouterr().err
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
