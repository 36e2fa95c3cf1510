"""The layout of an indicator file: where its header is, which column is which, and a
table with the years side by side made one value per row.

Statistics offices publish a table long (``Sozialraum, Indikator, Jahr, Wert, Einheit,
Quelle``) or with the years as columns (``Sozialraum, Indikator, Einheit, Quelle, 2019,
2020, 2021``, as the Regionaldatenbank and most social reports do); a title block may
stand above the header ("Sozialindikatoren 2022", "Stand: 31.12.", a Zeichenerklärung).
Printed tables name a district (or an indicator) once, above the further rows of its block;
those blank cells are filled from the row above (:func:`fill_down`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
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
    # row number → the columns ("Sozialraum", "Indikator") filled from the row above
    filled: dict[int, tuple[str, ...]] = field(default_factory=dict)


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
        filled = fill_down(value_rows, columns, [columns["year"], at])
        notes = [c for _, c, _ in value_rows if blank(c, columns["year"]) and blank(c, at)]
        return Layout(header, value_rows, columns, above, notes, filled=filled)
    years = _year_columns(header)
    rows = [(n, list(c)) for n, c in rows]
    filled = fill_down(rows, columns, list(years))
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
    return Layout(long_header, wide, _known(long_header), above, notes, wide=True, filled=filled)


# the columns a printed table names once per block, and how a message calls them
GROUPED_COLUMNS = {"district": "Sozialraum", "indicator": "Indikator"}


def fill_down(
    rows: Sequence[tuple[Any, ...]], columns: dict[str, int], values: list[int]
) -> dict[int, tuple[str, ...]]:
    """Fill the blank district and indicator cells of a grouped table from the row above
    (in place); the row numbers filled and which columns. ``rows``: (row number, cells, …);
    ``values``: the positions of the value (and year) cells.

    Only a row with a value takes over, and only from the row right above it that has one:
    an empty row or a note between them ends the block, so a table's first row without a
    district still stops the import. Unit and source go with the indicator's name.

    >>> rows = [(2, ["Manfort", "Quote", "%", "9,1"]), (3, [None, "Anteil", "", "4,0"]),
    ...         (4, ["", "", "", "4,2"]), (5, [None, None, None, None]), (6, ["", "Q", "%", "1"])]
    >>> fill_down(rows, {"district": 0, "indicator": 1, "unit": 2}, [3])
    {3: ('Sozialraum',), 4: ('Sozialraum', 'Indikator')}
    >>> rows[2][1], rows[4][1][0]
    (['Manfort', 'Anteil', '', '4,2'], '')
    """
    filled: dict[int, tuple[str, ...]] = {}
    above: list[Any] | None = None  # the cells of the value row right above
    for number, cells, *_ in rows:
        if all(blank(cells, p) for p in values):
            above = None  # an empty row, a note, a heading: the block ends
            continue
        if above is not None:
            names = []
            for column, name in GROUPED_COLUMNS.items():
                at = columns.get(column)
                if at is not None and at < len(cells) and blank(cells, at) and not blank(above, at):
                    cells[at] = above[at]
                    names.append(name)
            if "Indikator" in names:  # the same indicator: its unit and source
                for column in ("unit", "source"):
                    at = columns.get(column)
                    if at is not None and at < len(cells) and blank(cells, at):
                        cells[at] = above[at] if at < len(above) else None
            if names:
                filled[number] = tuple(names)
        above = cells
    return filled


def blank(cells: list[Any], at: int) -> bool:
    """Whether the cell at ``at`` is missing or empty."""
    return at >= len(cells) or cells[at] is None or str(cells[at]).strip() == ""
