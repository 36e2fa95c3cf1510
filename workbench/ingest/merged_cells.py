"""Merged cells of an XLSX or ODS sheet: a value merged down over rows belongs to each.

A card table kept by hand merges the district or the guiding question of a block of rows
into one cell ("Manfort" over rows 2–4). Excel and LibreOffice show it beside every row,
but the file holds it only in the first; openpyxl's read-only mode does not read the
merged ranges. They are read here from the sheet's XML: the workbook names the sheet's
part, the part lists ``<mergeCell ref="A2:A4"/>``; in ODS a cell says
``table:number-rows-spanned="3"`` (read with the cells, :mod:`workbench.ingest.ods`). A
range's value fills the
rows below it in its first column; columns to its right stay empty (a text merged across
columns for the layout is not copied into the district column), and a range within one
row (a title over the table) fills nothing.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import Any

from defusedxml import DefusedXmlException, ElementTree

from workbench.core.archives import BROKEN_ZIP, read_member

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)"')
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _column(letters: str) -> int:
    """The 0-based index of a column ("A" → 0, "AB" → 27)."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def sheet_part(archive: zipfile.ZipFile, sheet: str, filename: str) -> str | None:
    """The name of the XML part that holds the sheet titled ``sheet`` (of the file
    ``filename``: a damaged or encrypted part stops with its name)."""
    book = ElementTree.fromstring(read_member(archive, "xl/workbook.xml", filename))
    rid = next(
        (
            s.get(_RELATIONSHIP)
            for s in book.iter()
            if s.tag.endswith("}sheet") and s.get("name") == sheet
        ),
        None,
    )
    rels = ElementTree.fromstring(read_member(archive, "xl/_rels/workbook.xml.rels", filename))
    target = next((r.get("Target") for r in rels if r.get("Id") == rid), None)
    if rid is None or not target:
        return None
    return target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)


def merged_down(data: bytes, sheet: str, filename: str) -> list[tuple[int, int, int]]:
    """(column, first row, last row) of each range of ``sheet`` merged over several rows
    (column 0-based, rows as Excel counts them); [] if the file ``filename`` does not say
    (a part missing or no XML). A damaged or encrypted part stops the import with its name:
    openpyxl has read the same parts, so only a file changed meanwhile gets here."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = sheet_part(archive, sheet, filename)
            xml = read_member(archive, part, filename) if part else b""
    except (KeyError, *BROKEN_ZIP, ElementTree.ParseError, DefusedXmlException):
        return []
    ranges = []
    for first_col, first_row, _, last_row in _MERGE.findall(xml):
        if int(last_row) > int(first_row):
            ranges.append((_column(first_col.decode()), int(first_row), int(last_row)))
    return ranges


def fill_merged(records: list[tuple[int, list[Any]]], ranges: list[tuple[int, int, int]]) -> None:
    """Give the empty cells a range covers below its first row the first row's value, in
    place (``records``: (row number, cells) as the sheet numbers its rows)."""
    rows = {number: cells for number, cells in records}
    for column, first, last in ranges:
        top = rows.get(first)
        value = top[column] if top is not None and column < len(top) else None
        if value is None:
            continue
        for number in range(first + 1, last + 1):
            cells = rows.get(number)
            if cells is not None and column < len(cells) and cells[column] in (None, ""):
                cells[column] = value
