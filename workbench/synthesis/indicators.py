"""District indicators: the quantitative social report beside the qualitative findings.

A table of district × indicator × year × value with unit and source, imported from CSV or
XLSX (columns ``district, indicator, year, value, unit, source`` and an optional
``illustrative`` flag; German headers ``Sozialraum, Indikator, Jahr, Wert, Einheit,
Quelle, illustrativ`` work too). An import is one transaction: an unknown district, a bad
number or a duplicate row stops it with file and row, and nothing is stored. Importing a
file again updates the rows it already imported (key: district, indicator, year) instead
of adding them twice.

The city-wide reference of an indicator is its ``Gesamtstadt`` row for the same year.
Where that row is missing the comparison says so; it never substitutes a mean of the
districts (districts differ in size, and an unweighted mean is not the city value).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from sqlalchemy import select

from workbench.core.domain import InputError
from workbench.ingest.table import read_rows
from workbench.ingest.textio import RawFile, Source, read_source
from workbench.store import CITYWIDE, District, Indicator

if TYPE_CHECKING:
    from workbench.project import Project

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
TRUE = {"true", "wahr", "ja", "yes", "1", "x"}
FALSE = {"false", "falsch", "nein", "no", "0", ""}

# The table contract of :func:`indicators` (TABLES holds only Project methods' tables).
INDICATOR_COLUMNS = {
    "district": "string",
    "indicator": "string",
    "year": "int64",
    "value": "float64",
    "unit": "string",
    "source": "string",
    "illustrative": "bool",
}
COMPARISON_COLUMNS = {
    "district": "string",
    "indicator": "string",
    "year": "int64",
    "value": "float64",
    "unit": "string",
    "city_value": "float64",
    "city_unit": "string",
    "difference": "float64",
    "index": "float64",  # district value per city value × 100 (Gesamtstadt = 100)
    "source": "string",
    "illustrative": "bool",
    "note": "string",
}
NO_CITY_VALUE = "kein Wert für die Gesamtstadt"
OTHER_UNIT = "Einheit weicht vom Gesamtstadt-Wert ab"


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator value as read from a file, before it is stored."""

    district: str
    indicator: str
    year: int
    value: float
    unit: str
    source: str
    illustrative: bool
    row: int


@dataclass(frozen=True)
class IndicatorImport:
    """The outcome of importing one indicator file."""

    filename: str
    added: int
    updated: int
    unchanged: int

    @property
    def rows(self) -> int:
        """All values the file holds."""
        return self.added + self.updated + self.unchanged


# -- reading (pure) ----------------------------------------------------------------------
def _key(text: str) -> str:
    """Compare names regardless of Unicode normal form, case and surrounding space."""
    return unicodedata.normalize("NFC", str(text)).strip().casefold()


def _table(raw: RawFile, sheet: str | None) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """Header and numbered rows of a CSV or XLSX file (the table importer's reader)."""
    return read_rows(raw, sheet)


def _columns(header: list[str], filename: str) -> dict[str, int]:
    """Position of each known column; missing required ones stop the import."""
    found: dict[str, int] = {}
    for position, name in enumerate(header):
        for column, aliases in HEADERS.items():
            if _key(name) in aliases and column not in found:
                found[column] = position
    missing = [c for c in REQUIRED if c not in found]
    if missing:
        raise InputError(
            f"Spalten fehlen: {', '.join(missing)}. Erwartet: {', '.join(REQUIRED)} "
            f"(optional illustrative). Vorhanden: {', '.join(h for h in header if h)}",
            file=filename,
            row=1,
        )
    return found


def parse_number(cell: Any) -> float:
    """A number from a cell: ``13.9``, German ``13,9`` or ``17.763,5``.

    >>> parse_number("13,9"), parse_number("17.763,5"), parse_number(" 10.9 ")
    (13.9, 17763.5, 10.9)
    """
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, int | float):
        number = float(cell)
    else:
        text = str(cell or "").strip().replace("\u00a0", "").replace(" ", "")
        if "," in text:  # German notation: '.' groups thousands, ',' is the decimal mark
            text = text.replace(".", "").replace(",", ".")
        number = float(text)
    if not math.isfinite(number):
        raise ValueError(cell)
    return number


def _year(cell: Any) -> int:
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    if isinstance(cell, int) and not isinstance(cell, bool):
        return cell
    text = str(cell or "").strip()
    if not re.fullmatch(r"\d{4}", text):
        raise ValueError(cell)
    return int(text)


def _flag(cell: Any) -> bool:
    if isinstance(cell, bool):
        return cell
    text = _key("" if cell is None else cell)
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise ValueError(cell)


def read_indicators(
    source: Source, districts: list[str], name: str | None = None, sheet: str | None = None
) -> list[IndicatorRow]:
    """Read and check an indicator file against the declared ``districts`` (pure).

    District names are matched regardless of case and Unicode normal form and come back
    spelt as declared. Empty rows are skipped.
    """
    raw = read_source(source, name)
    header, rows = _table(raw, sheet)
    columns = _columns(header, raw.name)
    known = {_key(d): d for d in districts}
    valid = ", ".join([CITYWIDE, *sorted(d for d in districts if d != CITYWIDE)])
    result: list[IndicatorRow] = []
    seen: dict[tuple[str, str, int], int] = {}
    for number, cells in rows:
        cells = list(cells) + [None] * (len(header) - len(cells))
        if all(c is None or str(c).strip() == "" for c in cells):
            continue

        def cell(column: str, cells: list[Any] = cells) -> Any:
            return cells[columns[column]] if column in columns else None

        district = known.get(_key(cell("district") or ""))
        if district is None:
            raise InputError(
                f"Unbekannter Sozialraum '{str(cell('district') or '').strip()}'. "
                f"Gültig sind: {valid}. Neue Sozialräume: workbench districts --add NAME",
                file=raw.name,
                row=number,
            )
        indicator = " ".join(str(cell("indicator") or "").split())
        if not indicator:
            raise InputError("Der Name des Indikators fehlt.", file=raw.name, row=number)
        try:
            year = _year(cell("year"))
        except ValueError:
            raise InputError(
                f"Jahr '{cell('year')}' ist keine Jahreszahl.", file=raw.name, row=number
            ) from None
        try:
            value = parse_number(cell("value"))
        except ValueError:
            raise InputError(
                f"Wert '{cell('value')}' ist keine Zahl.", file=raw.name, row=number
            ) from None
        try:
            illustrative = _flag(cell("illustrative"))
        except ValueError:
            raise InputError(
                f"illustrative '{cell('illustrative')}' ist weder true noch false.",
                file=raw.name,
                row=number,
            ) from None
        key = (district, indicator, year)
        if key in seen:
            raise InputError(
                f"{indicator} {year} für {district} steht schon in Zeile {seen[key]}.",
                file=raw.name,
                row=number,
            )
        seen[key] = number
        result.append(
            IndicatorRow(
                district=district,
                indicator=indicator,
                year=year,
                value=value,
                unit=str(cell("unit") or "").strip(),
                source=str(cell("source") or "").strip(),
                illustrative=illustrative,
                row=number,
            )
        )
    if not result:
        raise InputError("Die Datei enthält keine Indikatorwerte.", file=raw.name)
    return result


# -- the stage -------------------------------------------------------------------------
def import_indicators(
    project: Project, path: str | Path, sheet: str | None = None
) -> IndicatorImport:
    """Import an indicator file in one transaction; re-importing updates, never doubles."""
    path = Path(path)
    with project.transaction() as session:
        ids = {d.name: d.id for d in session.scalars(select(District))}
        rows = read_indicators(path, list(ids), sheet=sheet)
        stored = {
            (r.district_id, r.indicator, r.year): r for r in session.scalars(select(Indicator))
        }
        added = updated = unchanged = 0
        for r in rows:
            values = {
                "value": r.value,
                "unit": r.unit,
                "source": r.source,
                "illustrative": r.illustrative,
            }
            record = stored.get((ids[r.district], r.indicator, r.year))
            if record is None:
                session.add(
                    Indicator(
                        district_id=ids[r.district],
                        indicator=r.indicator,
                        year=r.year,
                        filename=path.name,
                        **values,
                    )
                )
                added += 1
            elif all(getattr(record, k) == v for k, v in values.items()):
                unchanged += 1
            else:
                for k, v in values.items():
                    setattr(record, k, v)
                record.filename = path.name
                updated += 1
    return IndicatorImport(path.name, added, updated, unchanged)


def indicators(project: Project, district: str | None = None) -> pd.DataFrame:
    """Indicator values (table ``indicators``), the city first, then districts A–Z.

    ``district`` limits the table to one Sozialraum (and raises for an unknown one).
    """
    with project.session() as session:
        names = {d.id: d.name for d in session.scalars(select(District))}
        records = list(session.scalars(select(Indicator)))
    if district is not None:
        check_district(district, list(names.values()))
    rows = [
        {
            "district": names[r.district_id],
            "indicator": r.indicator,
            "year": r.year,
            "value": r.value,
            "unit": r.unit,
            "source": r.source,
            "illustrative": r.illustrative,
        }
        for r in records
        if district is None or names[r.district_id] == district
    ]
    rows.sort(key=lambda r: (r["district"] != CITYWIDE, r["district"], r["indicator"], r["year"]))
    table = pd.DataFrame(rows, columns=list(INDICATOR_COLUMNS))
    return table.astype(INDICATOR_COLUMNS)


def check_district(name: str, districts: list[str]) -> str:
    """Return ``name`` if it is a declared district, else raise naming the valid ones."""
    if name in districts:
        return name
    valid = ", ".join([CITYWIDE, *sorted(d for d in districts if d != CITYWIDE)])
    raise InputError(f"Unbekannter Sozialraum '{name}'. Gültig sind: {valid}.")


def city_reference(project: Project) -> pd.DataFrame:
    """The city-wide value of every indicator and year (the ``Gesamtstadt`` rows)."""
    table = indicators(project)
    return table[table["district"] == CITYWIDE].drop(columns="district").reset_index(drop=True)


def compare_to_city(table: pd.DataFrame) -> pd.DataFrame:
    """Each district value beside the city value of the same indicator and year (pure).

    ``table`` has the columns of :func:`indicators`. Without a ``Gesamtstadt`` row the
    city columns stay empty and ``note`` says so; no substitute value is computed.
    """
    city = {(r.indicator, r.year): r for r in table[table["district"] == CITYWIDE].itertuples()}
    rows = []
    for r in table[table["district"] != CITYWIDE].itertuples():
        ref = city.get((r.indicator, r.year))
        note = ""
        city_value = difference = index = math.nan
        city_unit = None
        if ref is None:
            note = NO_CITY_VALUE
        else:
            city_value, city_unit = ref.value, ref.unit
            if ref.unit != r.unit:
                note = OTHER_UNIT
            else:
                # Rounded: no float noise (0.6999…) in tables and CSV exports.
                difference = round(r.value - ref.value, 6)
                index = round(100 * r.value / ref.value, 2) if ref.value else math.nan
        rows.append(
            {
                "district": r.district,
                "indicator": r.indicator,
                "year": r.year,
                "value": r.value,
                "unit": r.unit,
                "city_value": city_value,
                "city_unit": city_unit,
                "difference": difference,
                "index": index,
                "source": r.source,
                "illustrative": bool(r.illustrative) or bool(ref is not None and ref.illustrative),
                "note": note,
            }
        )
    result = pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS)).astype(COMPARISON_COLUMNS)
    return result.sort_values(["district", "indicator", "year"]).reset_index(drop=True)


def comparison(project: Project, district: str | None = None) -> pd.DataFrame:
    """District values beside the city values (see :func:`compare_to_city`)."""
    result = compare_to_city(indicators(project))
    if district is not None:
        check_district(district, list(project.districts()["district"]))
        result = result[result["district"] == district].reset_index(drop=True)
    return result
