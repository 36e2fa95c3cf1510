"""Damaged XLSX and ODS files (found by mutation-fuzzing the importers): each ends with one
German message naming the file (and the row, where there is one), exit code 2, no
traceback and an unchanged project; a cell LibreOffice stores oddly is read as shown."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from workbench import InputError, Project
from workbench.cli.main import main
from workbench.ingest.ods import read_ods

ROWS = [["ID", "Text", "Sozialraum"], ["K1", "Kein WLAN in der Unterkunft", "Manfort"]]


def _import(project: Project, path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Exit code and stderr of `workbench import PATH`; the project must not change on 2."""
    before = project.status()
    code = main(["--project", str(project.path), "import", str(path)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code == 2:
        assert project.status() == before
    return code, err


def _xlsx_without_sheet_part(path: Path) -> Path:
    """A workbook whose workbook.xml names a sheet whose part the archive lacks (a damaged
    download or an archive tool that dropped it)."""
    book = openpyxl.Workbook()
    for row in ROWS:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item, source.read(item.filename))
    return path


def test_an_xlsx_whose_sheet_is_missing_is_refused_by_name(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It stopped with an IndexError from ``book.worksheets[0]``."""
    code, err = _import(project, _xlsx_without_sheet_part(tmp_path / "mappe.xlsx"), capsys)
    assert code == 2
    assert err.strip() == (
        "Fehler: Datei mappe.xlsx: Keine lesbare XLSX-Datei: ihr Eintrag "
        "'xl/worksheets/sheet1.xml' fehlt. Bitte die Datei im Programm, das sie erstellt hat, "
        "öffnen und neu speichern."
    )


def _ods(path: Path, *rows: list[Any]) -> Path:
    """An ODS file with one sheet of ``rows`` (cells as attribute dicts with a text)."""
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Tabelle1")
    for cells in rows:
        row = TableRow(**(cells[0] if cells and isinstance(cells[0], dict) else {}))
        for cell in cells[1:] if cells and isinstance(cells[0], dict) else cells:
            attrs, text = cell if isinstance(cell, tuple) else ({"valuetype": "string"}, cell)
            element = TableCell(**attrs)
            element.addElement(P(text=text))
            row.addElement(element)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def test_an_ods_number_cell_without_a_number_is_read_as_the_text_it_shows(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A float or percentage cell whose ``office:value`` is no number (a converter's slip)
    stopped the import with a ValueError; LibreOffice shows the cell's text, so do we."""
    path = _ods(
        tmp_path / "werte.ods",
        ["Text", "Sozialraum", "Anteil"],
        [({"valuetype": "float", "value": "viele"}, "Viele Bänke fehlen"), "Manfort",
         ({"valuetype": "percentage", "value": "x"}, "etwa ein Drittel")],
    )  # fmt: skip
    code, err = _import(project, path, capsys)
    assert code == 0, err
    segment = project.segments().iloc[0]
    assert segment["text"] == "Viele Bänke fehlen"
    assert segment["attributes"]["Anteil"] == "etwa ein Drittel"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            [{"numberrowsrepeated": "zwei"}, "Text", "Sozialraum"],
            "Datei kaputt.ods, Zeile 1: table:number-rows-repeated=„zwei“ ist keine Anzahl",
        ),
        (
            ["Text", ({"valuetype": "string", "numbercolumnsrepeated": "-3"}, "Sozialraum")],
            "Datei kaputt.ods, Zeile 1: table:number-columns-repeated=„-3“ ist keine Anzahl",
        ),
    ],
)
def test_an_ods_with_impossible_repeat_counts_is_refused_by_file_and_row(
    project: Project,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    row: list[Any],
    message: str,
) -> None:
    """A count that is no number stopped the import with a ValueError; a value repeated
    beyond the sheet's last column was copied that often (a billion: memory ran out)."""
    path = _ods(tmp_path / "kaputt.ods", row, ["Kein WLAN", "Manfort"])
    code, err = _import(project, path, capsys)
    assert code == 2
    assert err.startswith(f"Fehler: {message} (beschädigte ODS-Datei;")


def test_an_ods_with_a_broken_space_count_is_refused(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``<text:s text:c="…">`` that is no number stopped the import with a ValueError."""
    path = _ods(tmp_path / "leer.ods", ["Text", "Sozialraum"], ["Kein WLAN", "Manfort"])
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["content.xml"] = parts["content.xml"].replace(
        b"Kein WLAN", b'Kein<text:s text:c="viele"/>WLAN'
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    code, err = _import(project, path, capsys)
    assert code == 2
    assert err.startswith("Fehler: Datei leer.ods: text:c=„viele“ ist keine Anzahl")


def _damaged(path: Path, how: str) -> Path:
    """``path`` (a ZIP) with its content.xml's compressed stream damaged (zlib.error on
    reading) or with a format version zipfile does not know (NotImplementedError)."""
    data = bytearray(path.read_bytes())
    if how == "version":
        central = data.rfind(b"PK\x01\x02")  # the last member's directory entry
        data[central + 6] = 0xFF  # "version needed to extract": 25.5
        path.write_bytes(bytes(data))
        return path
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("content.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    start += int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    for offset in range(start + 2, start + info.compress_size):
        trial = bytearray(data)
        trial[offset : offset + 4] = b"\xff\xff\xff\xff"
        try:
            with zipfile.ZipFile(io.BytesIO(bytes(trial))) as archive:
                archive.read("content.xml")
        except zlib.error:
            path.write_bytes(bytes(trial))
            return path
        except zipfile.BadZipFile:
            continue
    raise AssertionError("no damage found that zlib reports")


@pytest.mark.parametrize("how", ["stream", "version"])
def test_an_ods_with_a_damaged_zip_is_refused_by_name(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    """A damaged compressed stream (zlib.error) or an unknown ZIP version
    (NotImplementedError) escaped as a traceback: only BadZipFile was caught."""
    path = _ods(tmp_path / "kaputt.ods", ["Text", "Sozialraum"], ["Kein WLAN", "Manfort"] * 200)
    code, err = _import(project, _damaged(path, how), capsys)
    assert code == 2
    damaged = (  # the member at fault named where the archive's directory is readable
        ": ihr Eintrag 'content.xml' ist beschädigt (Prüfsumme oder gepackte Daten stimmen "
        "nicht). Bitte die Datei im Programm, das sie erstellt hat, öffnen und neu speichern."
    )
    reason = damaged if how == "stream" else " (beschädigt oder abgeschnitten)."
    assert err.strip() == f"Fehler: Datei kaputt.ods: Keine lesbare ODS-Datei{reason}"


def test_an_ods_value_beyond_the_last_column_is_refused(tmp_path: Path) -> None:
    """A value repeated past column 16,384 was copied that often (a billion copies: the
    memory ran out); no spreadsheet has such a column. Read without an import: the old
    reader's 20,000 columns took minutes in the import's column checks."""
    cell = ({"valuetype": "string", "numbercolumnsrepeated": "20000"}, "x")
    path = _ods(tmp_path / "breit.ods", ["Text", cell], ["Kein WLAN", "Manfort"])
    with pytest.raises(InputError) as caught:
        read_ods(path.read_bytes(), "breit.ods", None)
    assert str(caught.value) == (
        "Datei breit.ods, Zeile 1: Werte über Spalte 16.384 hinaus (beschädigte ODS-Datei; "
        "in LibreOffice öffnen und neu speichern)."
    )
