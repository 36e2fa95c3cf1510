"""Reading one sheet of an ODS file (LibreOffice, OpenOffice) in one pass over its
``content.xml``: the cells' values, which of them LibreOffice shows as a percentage and
which cells are merged over several rows.

pandas' "odf" reader built a DOM of the whole document with odfpy first (about five
seconds for a table of 6,000 indicator values, four times the time of the same table as
XLSX), and the percent and merged cells each parsed the file again. The values come out as
that reader gave them — numbers as ``int`` where whole, dates as ``datetime``, several
paragraphs of a cell as lines, an error cell ("#N/A") as empty — except that text such as
"NA" or "null" stays text, as in XLSX and CSV, and a boolean cell is read from its value,
not from the word shown (German LibreOffice shows "WAHR", which pandas read as False).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from defusedxml import DefusedXmlException, ElementTree

from workbench.core.archives import BROKEN_ZIP, unpack_member
from workbench.core.domain import InputError
from workbench.core.office_members import office_problem

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_CELL, _COVERED = f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"
_MAX_ROWS, _MAX_COLUMNS = 16_777_216, 16_384  # LibreOffice's sheet size (with "jumbo sheets")
_MAX_SPACES = 32_767  # the most characters a cell holds (Excel; LibreOffice shows no more)
LOCKED = (
    "Die Datei ist mit einem Passwort geschützt; bitte ohne Passwort speichern und erneut "
    "importieren."
)
_BROKEN = " (beschädigte ODS-Datei; in LibreOffice öffnen und neu speichern)."
_DURATION = re.compile(r"-?P(?:\d+D)?T(\d+)H(\d+)M(\d+(?:\.\d+)?)S")


@dataclass(frozen=True)
class OdsSheet:
    """One sheet: its rows from row 1 (all of one width, empty cells ``None``, the empty
    rows at the end left out), its name, all sheets' names, the (row, column) of cells
    shown as a percentage and the merged ranges (column, first row, last row)."""

    rows: list[list[Any]]
    title: str
    names: list[str]
    percent: frozenset[tuple[int, int]]
    merged: list[tuple[int, int, int]]


def read_ods(data: bytes, name: str, sheet: str | None) -> OdsSheet:
    """The first (or named) sheet of the ODS file ``data`` (file name ``name``); an empty,
    broken or unknown sheet stops the import."""
    return sheet_of(ods_content(data, name), name, sheet)


def ods_content(data: bytes, name: str) -> Any:
    """The parsed ``content.xml`` of the ODS file ``data`` (all its sheets, for
    :func:`sheet_of`); an empty, broken or encrypted file stops the import (as does a
    ``content.xml`` holding more than it declares: it is unpacked in bounded steps)."""
    if not data.strip():
        raise InputError("Die Datei ist leer.", file=name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return ElementTree.fromstring(unpack_member(archive, "content.xml", name))
    except (KeyError, *BROKEN_ZIP, ElementTree.ParseError, DefusedXmlException):
        raise office_problem(data, name, "ODS") or InputError(
            "Keine lesbare ODS-Datei (beschädigt oder abgeschnitten).",
            file=name,
        ) from None
    except RuntimeError:  # zipfile: "File 'content.xml' is encrypted, password required"
        raise office_problem(data, name, "ODS") or InputError(LOCKED, file=name) from None


def sheet_of(root: Any, name: str, sheet: str | None) -> OdsSheet:
    """The first (or named) sheet of the parsed ODS file ``root`` (:func:`ods_content`);
    an unknown sheet stops the import."""
    tables = list(root.iter(f"{_TABLE}table"))
    names = [str(t.get(f"{_TABLE}name")) for t in tables]
    check_sheet(name, sheet, names)
    if not tables:
        raise InputError("Die Tabelle ist leer.", file=name)
    table = tables[names.index(sheet) if sheet is not None else 0]
    try:
        rows, percent, merged = _read_table(table)
    except InputError as err:  # raised without the file's name
        raise InputError(err.message, file=name, row=err.row) from None
    return OdsSheet(rows, sheet or names[0], names, frozenset(percent), merged)


def check_sheet(filename: str, sheet: str | None, names: Sequence[Any]) -> None:
    """Stop the import if the sheet ``sheet`` asked for is none of the workbook's ``names``."""
    if sheet is not None and sheet not in names:
        raise InputError(
            f"Tabellenblatt '{sheet}' fehlt; vorhanden: {', '.join(map(str, names))}",
            file=filename,
        )


def _read_table(
    table: Any,
) -> tuple[list[list[Any]], set[tuple[int, int]], list[tuple[int, int, int]]]:
    """A table's rows (see :class:`OdsSheet`), percent cells and merged ranges."""
    rows: list[list[Any]] = []
    percent: set[tuple[int, int]] = set()
    merged: list[tuple[int, int, int]] = []
    empty_rows = 0  # written only if a row with a value follows (a sheet ends in many)
    number = 1  # the sheet's row number of the next row
    for element in table.iter(f"{_TABLE}table-row"):
        cells: list[Any] = []
        empty = 0  # empty cells, written only if a value follows them
        column = 0
        shown: list[int] = []  # the columns of this row shown as a percentage
        for cell in element:
            if cell.tag not in (_CELL, _COVERED):
                continue
            repeat = _count(cell, "number-columns-repeated", number)
            span = _count(cell, "number-rows-spanned", number)
            if span > 1:
                merged.append((column, number, number + span - 1))
            value = _value(cell)
            column += repeat
            if value is None:
                empty += repeat
                continue
            if column > _MAX_COLUMNS:  # a value beyond the last column: not from a spreadsheet
                raise InputError(
                    f"Werte über Spalte {_MAX_COLUMNS:,} hinaus".replace(",", ".") + _BROKEN,
                    row=number,
                )
            if cell.get(f"{_OFFICE}value-type") == "percentage":
                shown.extend(range(column - repeat, column))
            cells.extend([None] * empty + [value] * repeat)
            empty = 0
        repeat = _count(element, "number-rows-repeated", number)
        if cells and number + repeat - 1 > _MAX_ROWS:  # as above, for rows
            raise InputError(
                f"Werte über Zeile {_MAX_ROWS:,} hinaus".replace(",", ".") + _BROKEN, row=number
            )
        percent.update((r, c) for r in range(number, number + repeat) for c in shown)
        number += repeat
        if not cells:
            empty_rows += repeat
            continue
        rows.extend([] for _ in range(empty_rows))
        rows.extend(list(cells) for _ in range(repeat))
        empty_rows = 0
    width = max((len(r) for r in rows), default=0)
    for cells in rows:
        cells.extend([None] * (width - len(cells)))
    return rows, percent, merged


def _count(
    element: Any, attribute: str, row: int | None, space: str = _TABLE, limit: int = 2**31 - 1
) -> int:
    """A count of repeated cells, rows or spaces (1 if not given); one LibreOffice does not
    write (not a whole number from 1 to ``limit``) stops the import: the file is broken."""
    text = element.get(f"{space}{attribute}")
    if text is None:
        return 1
    count = int(text) if text.strip().isdecimal() else 0
    if not 1 <= count <= limit:
        prefix = "text" if space == _TEXT else "table"
        raise InputError(f"{prefix}:{attribute}=„{text[:20]}“ ist keine Anzahl" + _BROKEN, row=row)
    return count


def _value(cell: Any) -> Any:
    """A cell's value as pandas' "odf" reader gave it; ``None`` for an empty cell."""
    kind = cell.get(f"{_OFFICE}value-type")
    value = cell.get(f"{_OFFICE}value")
    if kind is None or (cell.tag == _COVERED and value is None):
        return None
    if kind in ("float", "percentage", "currency") and value is not None:
        try:
            number = float(value)
        except ValueError:
            pass  # not a number LibreOffice writes: the text shown, as below
        else:
            return int(number) if kind == "float" and number.is_integer() else number
    if kind == "boolean":  # the value, not the word shown: German LibreOffice shows "WAHR"
        flag = cell.get(f"{_OFFICE}boolean-value")
        return (flag if flag is not None else _text(cell)).strip().casefold() in ("true", "wahr")
    if kind == "date":
        try:
            return datetime.fromisoformat(str(cell.get(f"{_OFFICE}date-value")))
        except ValueError:
            pass  # not a date LibreOffice writes: the text shown
    if kind == "time":
        match = _DURATION.fullmatch(str(cell.get(f"{_OFFICE}time-value") or ""))
        if match:
            hours, minutes, seconds = int(match[1]), int(match[2]), float(match[3])
            whole = int(seconds)
            return time(hours % 24, minutes, whole, round((seconds - whole) * 1e6))
    text = _text(cell)
    return None if text in ("", "#N/A") else text


def _text(cell: Any) -> str:
    """The text a cell shows: its paragraphs as lines, ``text:s`` as spaces, ``text:tab``
    as a tab; comments (``office:annotation``) left out."""
    lines = [_inline(p) for p in cell if p.tag != f"{_OFFICE}annotation"]
    return "\n".join(lines)


def _inline(element: Any) -> str:
    """The text of a paragraph and its spans."""
    parts = [(element.text or "").strip("\n")]
    for child in element:
        if child.tag == f"{_TEXT}s":
            parts.append(" " * _count(child, "c", None, _TEXT, limit=_MAX_SPACES))
        elif child.tag == f"{_TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif child.tag != f"{_OFFICE}annotation":
            parts.append(_inline(child))
        parts.append((child.tail or "").strip("\n"))
    return "".join(parts)
