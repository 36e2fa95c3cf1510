"""Monitoring: indicator time series per Sozialraum beside the city.

:func:`indicator_series` gives, for every indicator and every Sozialraum (and the city),
the values by year, the change from the first to the last year and — for a Sozialraum —
the city's change over the same years, so that "Manfort +0,9" can be read against
"Gesamtstadt +0,5". With one year only there is no change and no trend; the rows say so
(``trend`` = :data:`ONE_YEAR`) instead of showing a zero. A change across a change of unit
(e.g. % → Personen) is not computed either.

The need comparison across waves is :func:`workbench.analysis.waves.need_comparison`, a
recommendation's status history :mod:`workbench.synthesis.recommendation_status`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from workbench.core.domain import InputError
from workbench.core.formatting import format_number
from workbench.store import CITYWIDE
from workbench.synthesis.indicators import check_district, indicators

if TYPE_CHECKING:
    from workbench.project import Project

RISING = "steigt"
FALLING = "sinkt"
STEADY = "unverändert"
ONE_YEAR = "nur ein Jahr"
NOT_COMPARABLE = "nicht vergleichbar"
NO_TREND = "nur ein Jahr – kein Verlauf"
UNIT_CHANGED = "Einheit wechselt zwischen den Jahren – keine Veränderung berechnet"
NO_CITY_SERIES = "kein Gesamtstadt-Wert für beide Jahre"

SERIES_COLUMNS = {
    "indicator": "string",
    "district": "string",
    "is_citywide": "bool",
    "unit": "string",  # the unit of the last year
    "years": "object",  # tuple of years, ascending
    "values": "object",  # tuple of values, one per year
    "first_year": "int64",
    "last_year": "int64",
    "first_value": "float64",
    "last_value": "float64",
    "change": "float64",  # last − first (NaN with one year or a change of unit)
    "city_change": "float64",  # the city's change over the same years (NaN: none)
    "trend": "string",  # steigt | sinkt | unverändert | nur ein Jahr | nicht vergleichbar
    "illustrative": "bool",  # any of the values is illustrative
    "note": "string",
}


def trend_of(change: float) -> str:
    """The direction of a change in words (NaN: only one year).

    >>> trend_of(0.4), trend_of(-2.0), trend_of(0.0), trend_of(float("nan"))
    ('steigt', 'sinkt', 'unverändert', 'nur ein Jahr')
    """
    if math.isnan(change):
        return ONE_YEAR
    if abs(change) < 1e-9:
        return STEADY
    return RISING if change > 0 else FALLING


def change_text(change: float, unit: str) -> str:
    """A change as readers see it: sign, German number, percentage points for %.

    >>> change_text(0.9, "%"), change_text(-120.0, "Personen"), change_text(float("nan"), "%")
    ('+0,9 Prozentpunkte', '-120 Personen', '–')
    """
    if math.isnan(change):
        return format_number(change)
    unit = "Prozentpunkte" if unit.strip() == "%" else unit.strip()
    return f"{format_number(change, sign=True)} {unit}".rstrip()


def series_from(table: pd.DataFrame) -> pd.DataFrame:
    """Indicator series from a table with the columns of :func:`indicators` (pure)."""
    city: dict[str, dict[int, tuple[float, str]]] = {}
    for r in table[table["district"] == CITYWIDE].itertuples():
        city.setdefault(r.indicator, {})[int(r.year)] = (float(r.value), r.unit)
    rows = []
    for (indicator, district), group in table.groupby(["indicator", "district"], sort=False):
        group = group.sort_values("year")
        years = tuple(int(y) for y in group["year"])
        values = tuple(float(v) for v in group["value"])
        units = list(group["unit"])
        note = ""
        change = city_change = math.nan
        if len(years) < 2:
            note = NO_TREND
        elif len(set(units)) > 1:
            note = UNIT_CHANGED
        else:
            change = round(values[-1] - values[0], 6)
        citywide = district == CITYWIDE
        if not citywide and not math.isnan(change):
            ref = city.get(indicator, {})
            first, last = ref.get(years[0]), ref.get(years[-1])
            if first and last and first[1] == last[1] == units[-1]:
                city_change = round(last[0] - first[0], 6)
            else:
                note = NO_CITY_SERIES
        rows.append(
            {
                "indicator": indicator,
                "district": district,
                "is_citywide": citywide,
                "unit": units[-1],
                "years": years,
                "values": values,
                "first_year": years[0],
                "last_year": years[-1],
                "first_value": values[0],
                "last_value": values[-1],
                "change": change,
                "city_change": city_change if not citywide else math.nan,
                "trend": NOT_COMPARABLE if note == UNIT_CHANGED else trend_of(change),
                "illustrative": bool(group["illustrative"].any()),
                "note": note,
            }
        )
    result = pd.DataFrame(rows, columns=list(SERIES_COLUMNS)).astype(SERIES_COLUMNS)
    if result.empty:
        return result
    order = result["district"].map(lambda d: (d != CITYWIDE, d))
    return (
        result.assign(_order=order)
        .sort_values(["indicator", "_order"])
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def indicator_series(
    project: Project, indicator: str | None = None, district: str | None = None
) -> pd.DataFrame:
    """Per indicator, Sozialraum and the city: values by year and the change (SERIES_COLUMNS).

    ``district`` keeps that Sozialraum and the city (its reference); ``indicator`` one
    indicator. Unknown names raise an InputError naming the valid ones.
    """
    table = indicators(project)
    if district is not None:
        check_district(district, list(project.districts()["district"]))
        table = table[table["district"].isin([district, CITYWIDE])]
    if indicator is not None:
        known = sorted(set(indicators(project)["indicator"]))
        if indicator not in known:
            raise InputError(
                f"Unbekannter Indikator '{indicator}'. Vorhanden: {', '.join(known) or 'keine'}."
            )
        table = table[table["indicator"] == indicator]
    return series_from(table)


def indicator_years(project: Project) -> list[int]:
    """The years the project has indicator values for, ascending."""
    return sorted({int(y) for y in indicators(project)["year"]})


def years_note(years: list[int]) -> str:
    """One German sentence on how far the indicator values reach back.

    >>> years_note([2019]), years_note([2019, 2022]), years_note([])
    ('Indikatoren liegen nur für 2019 vor: noch kein Verlauf, nur der Stand.', \
'Indikatoren für 2019 und 2022: Veränderung vom ersten zum letzten Jahr.', \
'Noch keine Indikatoren importiert (workbench indicators --import DATEI).')
    """
    if not years:
        return "Noch keine Indikatoren importiert (workbench indicators --import DATEI)."
    if len(years) == 1:
        return f"Indikatoren liegen nur für {years[0]} vor: noch kein Verlauf, nur der Stand."
    listed = ", ".join(str(y) for y in years[:-1]) + f" und {years[-1]}"
    return f"Indikatoren für {listed}: Veränderung vom ersten zum letzten Jahr."
