"""Reading a table file (CSV, XLSX, ODS) into a header and numbered rows, and which
sheet of a workbook an import is: a workbook's sheets are imports of their own."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from workbench.core.domain import InputError, ParsedDocument
from workbench.ingest.textio import RawFile, decode, sniff_delimiter

IMPORTER_CSV = "csv"
IMPORTER_XLSX = "xlsx"
IMPORTER_ODS = "ods"
IMPORTERS = {".xlsx": IMPORTER_XLSX, ".xlsm": IMPORTER_XLSX, ".ods": IMPORTER_ODS}


def _csv_rows(raw: RawFile) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line number, fields) of every record of a CSV file."""
    text = decode(raw)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        header = next(reader)
        previous = reader.line_num
        for fields in reader:
            records.append((previous + 1, fields))  # the line the record starts on
            previous = reader.line_num
    except csv.Error as err:
        raise InputError(
            f"CSV-Datei ist fehlerhaft oder abgeschnitten ({err}).",
            file=raw.name,
            row=reader.line_num,
        ) from None
    except StopIteration:
        raise InputError("Die Datei ist leer.", file=raw.name) from None
    return header, records


def _workbook(raw: RawFile, kind: str, open_book: Callable[[io.BytesIO], Any]) -> Any:
    """A spreadsheet opened with ``open_book``; empty or unreadable files stop the import."""
    if not raw.data.strip():
        raise InputError("Die Datei ist leer.", file=raw.name)
    try:
        return open_book(io.BytesIO(raw.data))
    except Exception as err:
        raise InputError(
            f"Keine lesbare {kind}-Datei (beschädigt oder abgeschnitten): {type(err).__name__}",
            file=raw.name,
        ) from None


def _check_sheet(raw: RawFile, sheet: str | None, names: Sequence[Any]) -> None:
    if sheet is not None and sheet not in names:
        raise InputError(
            f"Tabellenblatt '{sheet}' fehlt; vorhanden: {', '.join(map(str, names))}",
            file=raw.name,
        )


def _header_first(
    raw: RawFile, rows: Iterable[Sequence[Any]]
) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """The first row as header (text), the others as (row number, cells) from row 2."""
    iterator = iter(rows)
    try:
        header = ["" if c is None else str(c).strip() for c in next(iterator)]
    except StopIteration:
        raise InputError("Die Tabelle ist leer.", file=raw.name) from None
    return header, [(number, list(cells)) for number, cells in enumerate(iterator, start=2)]


Rows = list[tuple[int, list[Any]]]  # (row number, cells) of a table's records
Sheet = tuple[list[str], Rows, str | None, list[str]]  # header, rows, sheet, all sheets


def _xlsx_rows(raw: RawFile, sheet: str | None) -> Sheet:
    """Header and (row number, cells) of the first (or named) sheet of an XLSX file."""
    import openpyxl  # imported lazily: keeps `import workbench` light

    def open_book(data: io.BytesIO) -> Any:
        return openpyxl.load_workbook(data, read_only=True, data_only=True)

    book = _workbook(raw, "XLSX", open_book)
    names = list(book.sheetnames)
    _check_sheet(raw, sheet, names)
    rows = book[sheet] if sheet else book.worksheets[0]
    try:
        return (*_header_first(raw, rows.iter_rows(values_only=True)), rows.title, names)
    finally:
        book.close()


def _ods_rows(raw: RawFile, sheet: str | None) -> Sheet:
    """Header and (row number, cells) of the first (or named) sheet of an ODS file."""
    import pandas as pd  # its "odf" reader (odfpy); imported lazily like openpyxl

    book = _workbook(raw, "ODS", lambda data: pd.ExcelFile(data, engine="odf"))
    names = [str(n) for n in book.sheet_names]
    _check_sheet(raw, sheet, names)
    frame = pd.read_excel(
        book, sheet_name=sheet if sheet is not None else 0, header=None, dtype=object
    )
    rows = ([None if pd.isna(c) else c for c in row] for row in frame.itertuples(index=False))
    return (*_header_first(raw, rows), sheet or names[0], names)


def read_sheet(raw: RawFile, sheet: str | None = None) -> Sheet:
    """Header, (row number, cells), the sheet read and all sheets (none for CSV) of a CSV,
    XLSX or ODS file (by its name's suffix)."""
    suffix = Path(raw.name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(raw, sheet)
    if suffix == ".ods":
        return _ods_rows(raw, sheet)
    return (*_csv_rows(raw), None, [])


def read_rows(raw: RawFile, sheet: str | None = None) -> tuple[list[str], Rows]:
    """Header and (row number, cells) of a CSV, XLSX or ODS file (by its name's suffix)."""
    return read_sheet(raw, sheet)[:2]


def sheet_importer(importer: str, sheet: str | None, first: bool) -> str:
    """A table's importer as stored: a workbook's sheet other than the first is an import
    of its own ("xlsx:Was fehlt"; a long name by its hash: the column holds 50 characters).

    >>> sheet_importer("xlsx", "Was fehlt", False), sheet_importer("xlsx", "Sitzung", True)
    ('xlsx:Was fehlt', 'xlsx')
    """
    if sheet is None or first:
        return importer
    named = f"{importer}:{sheet}"
    if len(named) <= 50:
        return named
    return f"{importer}:{hashlib.sha256(sheet.encode('utf-8')).hexdigest()[:20]}"


def same_import(stored: str, options: Mapping[str, Any], document: ParsedDocument) -> bool:
    """Whether a stored document of the same file is ``document`` (same importer and, for
    a workbook, the same sheet). A document stored without its sheet was read from the
    first one (before sheets were told apart, ``--sheet`` was stored when given)."""
    base = document.importer.split(":", 1)[0]
    if stored.split(":", 1)[0] != base:
        return False
    if base not in (IMPORTER_XLSX, IMPORTER_ODS):
        return stored == document.importer
    sheet = document.options.get("sheet")
    if options.get("sheet") is None:
        return ":" not in document.importer
    return options["sheet"] == sheet


def earlier_import(
    stored: Sequence[tuple[str, Mapping[str, Any]]], document: ParsedDocument
) -> tuple[int | None, str]:
    """Which of the stored documents of the same file (importer, options) is ``document``,
    and the importer to store it with (unique per file: an older project may hold another
    sheet under the plain importer)."""
    found = next((i for i, s in enumerate(stored) if same_import(*s, document)), None)
    importer = document.importer
    if found is None and any(s[0] == importer for s in stored):
        importer = sheet_importer(importer, document.options.get("sheet") or "", False)
    return found, importer
