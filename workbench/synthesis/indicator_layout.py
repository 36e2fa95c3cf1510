"""The layout of an indicator file: where its header is, which column is which, and a
table with the years side by side made one value per row.

Statistics offices publish a table long (``Sozialraum, Indikator, Jahr, Wert, Einheit,
Quelle``), with the years as columns (``Sozialraum, Indikator, Einheit, Quelle, 2019,
2020, 2021``, as the Regionaldatenbank and most social reports do) or with the indicators
as columns (``Stadtteil, Einwohner, SGB-II-Quote %``, a social report's annex, see
:mod:`workbench.synthesis.indicator_columns`); a title block may
stand above the header ("Sozialindikatoren 2022", "Stand: 31.12.", a Zeichenerklärung).
Printed tables name a district (or an indicator) once, above the further rows of its block;
those blank cells are filled from the row above (:func:`fill_down`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.core.domain import InputError
from workbench.core.textio import RawFile
from workbench.ingest.table import read_rows
from workbench.ingest.table_rows import Rows, percent_cells
from workbench.store import CITYWIDE
from workbench.synthesis.indicator_columns import (
    CODE_HEADER,
    is_value,
    source_note,
    split_header,
    title_years,
)
from workbench.synthesis.indicator_numbers import parse_number, sign_of, value_text
from workbench.synthesis.indicator_units import unit_key
from workbench.synthesis.indicator_years import FIRST, LAST, cell_year

# How statistics offices head the column of areas. Of two columns headed with the first
# three words ("Stadtteil" beside "Sozialraum") the first column is the Sozialraum, as it
# always was; the other words count only where none of these heads a column, and of two
# of them ("Stadtbezirk" beside "Ortsteil") the one named first here.
AREA_HEADERS = ("district", "sozialraum", "stadtteil", "ortsteil", "quartier")
AREA_HEADERS += ("statistischer bezirk", "stadtbezirk", "wohnbezirk", "bezirk", "viertel")
_FIRST_AREAS = 3
# Accepted headers (compared case-insensitively) → the column they mean.
HEADERS: dict[str, tuple[str, ...]] = {
    "district": AREA_HEADERS,  # not "Gebiet": GENESIS heads its municipalities so
    "indicator": ("indicator", "indikator"),
    "year": ("year", "jahr"),
    "value": ("value", "wert"),
    "unit": ("unit", "einheit"),
    "source": ("source", "quelle"),
    "illustrative": ("illustrative", "illustrativ"),
    # the city's value beside each district's, as ``indicators --out`` and the sheet
    # "Indikatoren" of a report (column "Gesamtstadt") write it
    "city_value": ("city_value", "wert gesamtstadt", "gesamtstadt"),
    "city_unit": ("city_unit", "einheit gesamtstadt"),
}
REQUIRED = ("district", "indicator", "year", "value", "unit", "source")
TITLE_ROWS = 10  # how far below the first row a header is looked for
YEAR, VALUE = "Jahr", "Wert"  # the columns a table with years side by side is given
# The city's row as statistics offices name it ("Stadt gesamt", "Insgesamt"): Gesamtstadt,
# unless the project has a Sozialraum of that name.
CITY_ALIASES = (
    "stadt gesamt", "stadt insgesamt", "gesamte stadt", "gesamtes stadtgebiet", "stadtgebiet",
    "stadt", "insgesamt", "gesamt",
)  # fmt: skip
CITY_NAMES = frozenset({CITYWIDE.casefold(), *CITY_ALIASES})  # as :func:`name_key` reads them


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
    # the long column that names a value's cell in a table with the years ("year") or the
    # indicators ("indicator") side by side; "" in a long table
    wide: str = ""
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
        if FIRST <= year <= LAST:
            years[position] = name.strip()
    return years


def _known(header: list[str]) -> dict[str, int]:
    """The position of each known column in ``header`` (see :data:`HEADERS`)."""
    found: dict[str, int] = {}
    for column, aliases in HEADERS.items():
        named = [
            (aliases.index(k), p) for p, n in enumerate(header) if (k := name_key(n)) in aliases
        ]
        if column == "district":  # the first three words by position ("Stadtteil;Sozialraum")
            named = [(0, p) if rank < _FIRST_AREAS else (rank, p) for rank, p in named]
        if named:
            found[column] = min(named)[1]
    return found


def _missing(header: list[str], noted: bool = False) -> list[str]:
    """The required columns ``header`` lacks; year and value stand in the years' columns
    of a table with the years side by side, the source in a note "Quelle: …" (``noted``)."""
    found = _known(header)
    missing = [c for c in REQUIRED if c not in found and not (c == "source" and noted)]
    if {"year", "value"} <= set(missing) and _year_columns(header):
        missing = [c for c in missing if c not in ("year", "value")]
    return missing


def _text(cells: Sequence[Any]) -> list[str]:
    return ["" if c is None else str(c).strip() for c in cells]


def _header(
    first: list[str], rows: Rows, noted: bool = False
) -> tuple[list[str], Rows, list[list[Any]]]:
    """The header, the rows below it and the rows above it (a title block): the first of
    the top rows that names the columns. A header may take two rows: "Jahr" (or
    "Stichtag 31.12.") over the years, or a row of units under the years ("Anteil in %").
    ``noted``: a note "Quelle: …" stands in for the column Quelle."""
    lines: list[list[Any]] = [first, *(list(c) for _, c in rows[:TITLE_ROWS])]
    for at, line in enumerate(lines):
        header, below = _text(line), rows[at:]
        if not _missing(header, noted) or _indicator_columns(header, below)[0]:
            if _year_columns(header) and below and _beneath(header, _text(below[0][1])):
                return header, below[1:], [*lines[:at], list(below[0][1])]  # a row of units
            return header, below, lines[:at]
        if below and not _year_columns(header):
            under = _text(below[0][1])
            years = _year_columns(under)
            merged = [under[p] if p in years else h for p, h in enumerate(header)]
            merged += [under[p] for p in years if p >= len(header)]
            if years and not _missing(merged, noted) and _beneath(merged, under):
                return merged, below[1:], [*lines[:at], line]
    return first, rows, []


def _beneath(header: list[str], under: list[str]) -> bool:
    """Whether ``under``, the row below a header with the years side by side, is part of
    it: empty but in the years' columns, which hold the years themselves or no value at
    all ("Anteil in %")."""
    years = _year_columns(header)
    cells = [under[p] if p < len(under) else "" for p in years]
    if not any(cells) or any(v for p, v in enumerate(under) if p not in years):
        return False
    return cells == list(years.values()) or not any(is_value(c) for c in cells if c)


def read_layout(raw: RawFile, sheet: str | None) -> Layout:
    """The layout of a CSV, XLSX or ODS indicator file; missing columns stop the import."""
    first, rows = read_rows(raw, sheet)
    note = source_note([first, *(c for _, c in rows)])  # "Quelle: IT.NRW" above or below
    header, rows, above = _header(first, rows, bool(note))
    missing = _missing(header)
    if missing and _indicator_columns(header, rows)[0]:
        return _side_by_side(raw, sheet, header, rows, above)
    if missing == ["source"] and note:  # the note is the source of every row
        header = [*header, "Quelle"]
        width = len(header) - 1
        rows = [(n, [*c, *[None] * (width - len(c)), note]) for n, c in rows]
        missing = []
    if "district" in missing and (place := _municipal([first, *(c for _, c in rows)])):
        raise InputError(
            f"Die Tabelle nennt Gemeinden oder Kreise ({place}) statt Sozialräume, wie die "
            "Landesdatenbank (GENESIS, IT.NRW) oder die Regionaldatenbank sie ausgibt. Die "
            "Werkbank vergleicht die Werte der Sozialräume mit dem der Gesamtstadt aus "
            "derselben Statistik (Land und Stadt zählen oft verschieden, etwa die Einwohner: "
            "ein Index über zwei Zählweisen wäre falsch). Bitte den Wert der Stadt als "
            "Zeile 'Gesamtstadt' in die Indikatordatei der Sozialräume schreiben: "
            "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle – "
            "Gesamtstadt;Einwohner;2022;163729;Personen;IT.NRW.",
            file=raw.name,
        )
    if missing:
        raise InputError(
            f"Spalten fehlen: {', '.join(missing)}. Erwartet: {', '.join(REQUIRED)} "
            "(optional illustrative; statt Jahr und Wert auch je Jahr eine Spalte: 2019, "
            "2020 …; oder neben Sozialraum je Indikator eine Spalte mit Zahlen; die Quelle "
            "auch als Zeile „Quelle: …“ über oder unter der Tabelle). Vorhanden: "
            f"{', '.join(h for h in header if h)}",
            file=raw.name,
            row=1,
        )
    columns = _known(header)
    if "year" in columns and "value" in columns:
        at = columns["value"]
        value_rows = [(n, list(c), at) for n, c in rows]
        filled = fill_down(value_rows, columns, [columns["year"], at])
        notes = [c for _, c, _ in value_rows if blank(c, columns["year"]) and blank(c, at)]
        value_rows += city_rows(value_rows, columns, raw.name)  # an exported comparison
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
    return Layout(long_header, wide, _known(long_header), above, notes, wide="year", filled=filled)


def city_rows(
    rows: list[tuple[int, list[Any], int]], columns: dict[str, int], filename: str
) -> list[tuple[int, list[Any], int]]:
    """The ``Gesamtstadt`` rows a long table carries in a column ``city_value`` beside each
    district's value (the comparison ``indicators --out`` writes): one per indicator and
    year the table has no city row for, the unit from ``city_unit``; two city values for
    the same indicator and year stop the import with both rows.

    >>> columns = {"district": 0, "indicator": 1, "year": 2, "value": 3, "unit": 4,
    ...            "city_value": 5}
    >>> rows = [(2, ["Manfort", "Quote", "2022", "13.9", "%", "10.9"], 3),
    ...         (3, ["Wiesdorf", "Quote", "2022", "15.1", "%", "10.9"], 3)]
    >>> city_rows(rows, columns, "vergleich.csv")
    [(2, ['Gesamtstadt', 'Quote', '2022', '10.9', '%', '10.9'], 5)]
    """
    at = columns.get("city_value")
    if at is None:
        return []
    district, value = columns["district"], columns["value"]
    unit, city_unit = columns["unit"], columns.get("city_unit")

    def key(cells: list[Any]) -> tuple[str, Any]:
        try:
            year: Any = cell_year(_cell(cells, columns["year"]))
        except ValueError:
            year = name_key(_cell(cells, columns["year"]) or "")
        return " ".join(name_key(_cell(cells, columns["indicator"]) or "").split()), year

    seen = {  # the table's own city rows go first
        key(cells): (number, _cell(cells, value))
        for number, cells, _ in rows
        if name_key(_cell(cells, district) or "") in CITY_NAMES and not blank(cells, value)
    }
    derived = []
    for number, cells, _ in rows:
        if blank(cells, at) or blank(cells, district) or name_key(cells[district]) in CITY_NAMES:
            continue
        if sign_of(str(value_text(cells[at]))) is not None:
            continue  # "." (unknown), "x": the city's value is missing, not this row's
        if (earlier := seen.get(key(cells))) is not None:
            if not _same_number(earlier[1], cells[at]):
                raise InputError(
                    f"Der Wert der Gesamtstadt (Spalte city_value) für "
                    f"{_cell(cells, columns['indicator'])} {_cell(cells, columns['year'])} ist "
                    f"'{str(cells[at]).strip()}', in Zeile {earlier[0]} aber "
                    f"'{str(earlier[1]).strip()}'. Die Stadt hat je Indikator und Jahr einen "
                    "Wert: bitte angleichen.",
                    file=filename,
                    row=number,
                )
            continue
        own = [*cells, *[None] * (max(columns.values()) + 1 - len(cells))]
        own[district], own[value] = CITYWIDE, cells[at]
        if city_unit is not None and not blank(cells, city_unit):
            own[unit] = cells[city_unit]
        seen[key(cells)] = (number, cells[at])
        derived.append((number, own, at))
    return derived


def _cell(cells: list[Any], at: int) -> Any:
    return cells[at] if at < len(cells) else None


def _same_number(one: Any, other: Any) -> bool:
    """Whether two cells hold the same number ("10,9" and 10.9), or the same text."""
    if str(one).strip() == str(other).strip():
        return True
    try:
        return parse_number(value_text(one)) == parse_number(value_text(other))
    except ValueError:
        return False


# a table of municipalities: "Gemeinde" or "Kreise und krfr. Städte" over its names, a
# GENESIS title, or an official municipality key before a name ("05316000 Leverkusen")
MUNICIPAL_HEADER = re.compile(
    r"(?i)^(?:gemeinden?|gemeindename|kreise?\b.*|landkreise?|regionalschlüssel|ags)$"
)
MUNICIPAL_NAME = re.compile(
    r"(?i)(?:^\d{5}(?:\d{3}|\d{7})?\s+\S|,?\s*\b(?:krfr\.|kreisfreie)\s+stadt\b|"
    r"^genesis-tabelle\b|\blandesdatenbank\b)"
)


def _municipal(lines: Sequence[Sequence[Any]]) -> str:
    """What shows a table of municipalities rather than of Sozialräume (a header
    "Gemeinde", "05316000 Leverkusen, krfr. Stadt", "GENESIS-Tabelle: 12411-01i"), ""
    for none; ``lines`` are the table's first rows."""
    for line in lines[: TITLE_ROWS + 5]:
        cells = _text(line)
        for at, text in enumerate(cells):
            if MUNICIPAL_HEADER.match(text):
                return f"Spalte „{text}“"
            nxt = cells[at + 1] if at + 1 < len(cells) else ""
            if re.fullmatch(r"\d{5}(?:\d{3}|\d{7})?", text) and re.match(r"[^\W\d]", nxt):
                text = f"{text} {nxt}"  # the key in its own column: "05316000" | "Leverkusen"
            if MUNICIPAL_NAME.search(text):
                return f"„{text}“"
    return ""


# a header that says the table is meant long ("Indikatorname", "Merkmal", "Werte")
LONG_HEADER = re.compile(r"(?i)indikator|merkmal|kennzahl|variable|^werte?\b")


def _indicator_columns(
    header: list[str], rows: Rows
) -> tuple[dict[int, tuple[str, str, int | None]], list[Any] | None]:
    """The columns of a table with the indicators side by side (one row per district:
    "Sozialraum, Einwohner, SGB-II-Quote %"), each as (name, unit, year of its header), and
    the row of units under the header; nothing if the table is none. Every cell of such
    a column is a value; columns of text only ("Stadtbezirk") are left aside, codes
    ("Nr.") too."""
    known = _known(header)
    if "district" not in known or {"indicator", "value", "unit"} & set(known):
        return {}, None
    if _year_columns(header):
        return {}, None
    first = list(rows[0][1]) if rows else []
    others = [p for p in range(len(header)) if p not in known.values()]
    units = None
    if (
        blank(first, known["district"])
        and any(not blank(first, p) and not is_value(first[p]) for p in others)
        and all(blank(first, p) or not is_value(first[p]) for p in others)
    ):
        units = first  # the indicator over its unit; one may span two columns ("Anzahl | %")
    names = list(header) + [""] * (len(first) - len(header))
    found: dict[int, tuple[str, str, int | None]] = {}
    for p in range(len(names)):
        if p in known.values():
            continue
        if not names[p] and units is not None and p - 1 in found and not blank(units, p):
            names[p] = names[p - 1]
        if not names[p] or CODE_HEADER.search(names[p]):
            continue
        cells = [c[p] for _, c in rows[1 if units else 0 :] if not blank(c, p)]
        if cells and not all(is_value(c) for c in cells):
            if any(is_value(c) for c in cells) or LONG_HEADER.search(names[p]):
                return {}, None  # text among the values, or a long table's column misnamed
            continue
        if not cells and LONG_HEADER.search(names[p]):
            return {}, None
        name, unit, year = split_header(names[p])
        unit = unit or ("" if units is None or blank(units, p) else str(units[p]).strip())
        if not unit and cells and all(str(c).strip().endswith("%") for c in cells):
            unit = "%"  # "14,2 %" in every cell of "SGB-II-Quote"
        found[p] = (name, "%" if unit_key(unit) == "%" else unit, year)
    if not any(not blank(c, p) for _, c in rows for p in found):
        return {}, None
    return found, units


def _side_by_side(
    raw: RawFile, sheet: str | None, header: list[str], rows: Rows, above: list[list[Any]]
) -> Layout:
    """A table with the indicators side by side as one value per row; the year from a Jahr
    column, the columns' headers or the reference date above the table; the unit % of a
    column whose every value Excel or LibreOffice shows as a percentage."""
    found, units = _indicator_columns(header, rows)
    known = _known(header)
    rows = [(n, list(c)) for n, c in rows[1 if units is not None else 0 :]]
    shown = percent_cells(raw, sheet, [p for p, (_, unit, _) in found.items() if not unit])
    for p, (name, unit, year) in found.items():
        numbers = [n for n, cells in rows if not blank(cells, p)]
        if not unit and numbers and all((n, p) in shown for n in numbers):
            found[p] = (name, "%", year)  # 0.142 formatted "0,0 %" in "SGB-II-Quote"
    filled = fill_down(rows, {"district": known["district"]}, list(found))
    notes = [c for _, c in rows if all(blank(c, p) for p in found)]
    years = title_years(above)
    if "year" not in known and any(year is None for *_, year in found.values()) and len(years) != 1:
        said = (
            f"Über der Tabelle stehen mehrere Jahre ({', '.join(map(str, sorted(years)))}). "
            if years
            else ""
        )
        raise InputError(
            f"Das Jahr der Werte fehlt: Die Tabelle hat je Indikator eine Spalte, aber keine "
            f"Spalte Jahr. {said}Bitte eine Spalte Jahr ergänzen, das Jahr in die Spaltenköpfe "
            "schreiben („SGB-II-Quote 2022“) oder den Stichtag über die Tabelle („Stand: "
            "31.12.2022“).",
            file=raw.name,
            row=1,
        )
    source = source_note([*above, *notes])
    title = next(iter(years)) if len(years) == 1 else None  # "Stand: 31.12.2022"
    twice = Counter((name, year) for name, _, year in found.values())
    long_rows: list[tuple[int, list[Any], int]] = []
    for number, cells in rows:
        if all(blank(cells, p) for p in found):
            continue
        own = {c: cells[at] if at < len(cells) else None for c, at in known.items()}
        for p, (name, unit, year) in found.items():
            if twice[(name, year)] > 1 and unit:  # "SGB-II-Empfänger" in Anzahl and in %
                name = f"{name} ({unit})"
            when = year if year is not None else own.get("year") or title
            long_rows.append(
                (number, [own["district"], name, unit, own.get("source") or source,
                          own.get("illustrative"), when, cells[p] if p < len(cells) else None], p)
            )  # fmt: skip
    long_header = ["Sozialraum", "Indikator", "Einheit", "Quelle", "illustrativ", YEAR, VALUE]
    return Layout(long_header, long_rows, _known(long_header), above, notes, "indicator", filled)


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
    district still stops the import; and only in a column the table does not write out in
    full elsewhere (:func:`_written_out`: there a blank is a missing name). Unit and source
    go with the indicator's name.

    >>> rows = [(2, ["Manfort", "Quote", "%", "9,1"]), (3, [None, "Anteil", "", "4,0"]),
    ...         (4, ["", "", "", "4,2"]), (5, [None, None, None, None]), (6, ["", "Q", "%", "1"])]
    >>> fill_down(rows, {"district": 0, "indicator": 1, "unit": 2}, [3])
    {3: ('Sozialraum',), 4: ('Sozialraum', 'Indikator')}
    >>> rows[2][1], rows[4][1][0]
    (['Manfort', 'Anteil', '', '4,2'], '')
    """
    filled: dict[int, tuple[str, ...]] = {}
    grouped = {c: at for c, at in columns.items() if c in GROUPED_COLUMNS}
    grouped = {c: at for c, at in grouped.items() if not _written_out(rows, at, values)}
    above: list[Any] | None = None  # the cells of the value row right above
    for number, cells, *_ in rows:
        if all(blank(cells, p) for p in values):
            above = None  # an empty row, a note, a heading: the block ends
            continue
        if above is not None:
            names = []
            for column, name in GROUPED_COLUMNS.items():
                at = grouped.get(column)
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


def _written_out(rows: Sequence[tuple[Any, ...]], at: int, values: list[int]) -> bool:
    """Whether a table writes the name in column ``at`` out in every row: two value rows
    in a row name the same ("Manfort", "Manfort"). A grouped table never does — there a
    blank cell means the name above; here it is a name missing, which stops the import."""
    before = None
    for _, cells, *_ in rows:
        if all(blank(cells, p) for p in values):
            before = None
            continue
        now = None if blank(cells, at) else name_key(cells[at])
        if now is not None and now == before:
            return True
        before = now
    return False


def blank(cells: list[Any], at: int) -> bool:
    """Whether the cell at ``at`` is missing or empty."""
    return at >= len(cells) or cells[at] is None or str(cells[at]).strip() == ""
