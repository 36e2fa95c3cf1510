"""Indicator tables as the project holds them: the stored values, and each district's
value beside the city's (the ``Gesamtstadt`` row of the same indicator and year).

Where the city row is missing the comparison says so; it never substitutes a mean of the
districts (districts differ in size, and an unweighted mean is not the city value).
Reading in is :mod:`workbench.synthesis.indicators`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy import select

from workbench.core.domain import InputError
from workbench.store import CITYWIDE, District, Indicator
from workbench.store.district_spelling import named_district
from workbench.synthesis.indicator_units import (
    COUNT,
    NEGATIVE,
    NO_CITY_VALUE,
    OTHER_UNIT,
    is_count,
    one_unit,
    unit_key,
)

if TYPE_CHECKING:
    from workbench.project import Project

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


def indicators(project: Project, district: str | None = None) -> pd.DataFrame:
    """Indicator values (table ``indicators``), the city first, then districts A–Z.

    ``district`` limits the table to one Sozialraum (and raises for an unknown one).
    """
    with project.session() as session:
        names = {d.id: d.name for d in session.scalars(select(District))}
        records = list(session.scalars(select(Indicator)))
    if district is not None:
        district = check_district(district, list(names.values()))
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
    """The declared district ``name`` names (case and spelled-out umlauts aside: "buerrig"
    is Bürrig), else raise naming the valid ones."""
    found = named_district(name, districts)
    if found is not None:
        return found
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
            if not _same_unit(ref.unit, r.unit):
                note = OTHER_UNIT
            elif is_count(r.indicator, r.unit):  # 12.034 of 163.729 residents is no "7 %"
                note = COUNT
            else:
                # Rounded: no float noise (0.6999…) in tables and CSV exports.
                difference = round(r.value - ref.value, 6)
                if ref.value > 0 and r.value >= 0:
                    index = round(100 * r.value / ref.value, 2)
                elif min(ref.value, r.value) < 0:  # -2,5 % beside -0,8 % is no "312"
                    note = NEGATIVE
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


def _same_unit(city: str, district: str) -> bool:
    """Whether a district's unit is the city's: the same, or a count written generically
    ("Anzahl") beside one that names what it counts ("Personen"); an empty unit beside a
    named one is another.

    >>> _same_unit("Anzahl", "Personen"), _same_unit("%", "Prozent"), _same_unit("", "%")
    (True, True, False)
    """
    if unit_key(city) == unit_key(district):
        return True
    return bool(unit_key(city) and unit_key(district)) and one_unit([city, district])


def comparison(project: Project, district: str | None = None) -> pd.DataFrame:
    """District values beside the city values (see :func:`compare_to_city`)."""
    result = compare_to_city(indicators(project))
    if district is not None:
        district = check_district(district, list(project.districts()["district"]))
        result = result[result["district"] == district].reset_index(drop=True)
    return result
