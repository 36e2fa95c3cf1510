"""The layout of an indicator file: where its header is, which column is which, and a
table with the years side by side made one value per row.

Statistics offices publish a table long (``Sozialraum, Indikator, Jahr, Wert, Einheit,
Quelle``) or with the years as columns (``Sozialraum, Indikator, Einheit, Quelle, 2019,
2020, 2021``, as the Regionaldatenbank and most social reports do); a title block may
stand above the header ("Sozialindikatoren 2022", "Stand: 31.12.", a Zeichenerklärung).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from workbench.core.domain import InputError
from workbench.ingest.table import read_rows
from workbench.ingest.textio import RawFile
from workbench.synthesis.indicator_years import cell_year

# Accepted headers (compared case-insensitively) → the column they mean.
HEADERS: dict[str, tuple[str, ...]] = {
    "district": ("district", "sozialraum", "stadtteil"),
    "indicator": ("indicator", "indikator"),
    "year": ("year", "jahr"),
    "value": ("value", "wert"),
    "unit": ("unit", "einheit"),
    "source": ("source", "quelle"),
    "illustrative": ("illustrative", "illustrativ"),
}
REQUIRED = ("district", "indicator", "year", "value", "unit", "source")
TITLE_ROWS = 10  # how far below the first row a header is looked for
YEAR, VALUE = "Jahr", "Wert"  # the columns a table with years side by side is given


@dataclass
class Layout:
    """An indicator file's rows, one value each: (row number, cells, the column the
    value stood in), the position of each known column in ``cells``, the rows above the
    header and the rows without any value (notes, a Zeichenerklärung)."""

    header: list[str]
    rows: list[tuple[int, list[Any], int]]
    columns: dict[str, int]
    above: list[list[Any]]
    notes: list[list[Any]]
    wide: bool = False  # the years side by side (the "Jahr" of a row is its column's header)


def name_key(text: Any) -> str:
    """Compare names regardless of Unicode normal form, case and surrounding space."""
    return unicodedata.normalize("NFC", str(text)).strip().casefold()


def _year_columns(header: list[str]) -> dict[int, str]:
    """The columns whose header is a year ("2020", "31.12.2020", "2020/21")."""
    years = {}
    for position, name in enumerate(header):
        try:
            year = cell_year(name.strip())
        except ValueError:
            continue
        if 1900 <= year <= 2100:
            years[position] = name.strip()
    return years


def _known(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for position, name in enumerate(header):
        for column, aliases in HEADERS.items():
            if name_key(name) in aliases and column not in found:
                found[column] = position
    return found


def _missing(header: list[str]) -> list[str]:
    """The required columns ``header`` lacks; year and value stand in the years' columns
    of a table with the years side by side."""
    found = _known(header)
    missing = [c for c in REQUIRED if c not in found]
    if {"year", "value"} <= set(missing) and _year_columns(header):
        missing = [c for c in missing if c not in ("year", "value")]
    return missing


def read_layout(raw: RawFile, sheet: str | None) -> Layout:
    """The layout of a CSV, XLSX or ODS indicator file; missing columns stop the import."""
    header, rows = read_rows(raw, sheet)
    above: list[list[Any]] = []
    if _missing(header):
        for at, (_, cells) in enumerate(rows[:TITLE_ROWS]):
            below = ["" if c is None else str(c).strip() for c in cells]
            if not _missing(below):
                header, rows, above = below, rows[at + 1 :], [header, *(c for _, c in rows[:at])]
                break
    missing = _missing(header)
    if missing:
        raise InputError(
            f"Spalten fehlen: {', '.join(missing)}. Erwartet: {', '.join(REQUIRED)} "
            "(optional illustrative; statt Jahr und Wert auch je Jahr eine Spalte: 2019, "
            f"2020 …). Vorhanden: {', '.join(h for h in header if h)}",
            file=raw.name,
            row=1,
        )
    columns = _known(header)
    if "year" in columns and "value" in columns:
        at = columns["value"]
        value_rows = [(n, list(c), at) for n, c in rows]
        notes = [c for _, c in rows if blank(c, columns["year"]) and blank(c, at)]
        return Layout(header, value_rows, columns, above, notes)
    years = _year_columns(header)
    keep = [p for p in range(len(header)) if p not in years]
    wide: list[tuple[int, list[Any], int]] = []
    notes = []
    for number, cells in rows:
        if all(blank(cells, p) for p in years):
            notes.append(cells)  # a note, a Zeichenerklärung, a row without any value
            continue
        own = [cells[p] if p < len(cells) else None for p in keep]
        wide.extend((number, [*own, year, cells[p] if p < len(cells) else None], p)
                    for p, year in years.items())  # fmt: skip
    long_header = [header[p] for p in keep] + [YEAR, VALUE]
    return Layout(long_header, wide, _known(long_header), above, notes, wide=True)


def blank(cells: list[Any], at: int) -> bool:
    """Whether the cell at ``at`` is missing or empty."""
    return at >= len(cells) or cells[at] is None or str(cells[at]).strip() == ""
