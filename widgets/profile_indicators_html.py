"""The HTML of the indicators in a Sozialraum's profile (its table beside the city value,
with the chart in words) and in the city-wide overview (every district's values, shaded
by their index); pure functions, every string from the data escaped (moved out of
:mod:`widgets.profile_view_html`)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from widgets.app_support import esc
from workbench.core.formatting import (
    EMPTY_FIELD,
    MISSING_NUMBER,
    format_number,
    is_missing,
    signs_note,
    text_or,
    value_places,
)
from workbench.synthesis.indicator_units import compared_number
from workbench.synthesis.profiles import Profiles


def _unit(value: object, unit: object, decimals: int | None = None) -> str:
    number = format_number(value, decimals)
    unit = text_or(unit, "")
    return f"{number} {esc(unit)}" if unit and len(unit) <= 3 else number


def _long_unit(row: Any) -> str:
    """A unit too long to stand beside each number (shown in its own column)."""
    unit = "" if row is None else text_or(row.unit, "")
    return unit if len(unit) > 3 else ""


def years_shown(table: pd.DataFrame) -> list[int | None]:
    """Per row, the year to name beside the indicator: where the table has the indicator
    for several years (2019 and 2022), else None — two rows named alike read as one.

    >>> years_shown(pd.DataFrame({"indicator": ["A", "B", "A"], "year": [2019, 2019, 2022]}))
    [2019, None, 2022]
    """
    several = table["indicator"].duplicated(keep=False)
    years = table["year"] if "year" in table.columns else [None] * len(table)
    return [int(y) if twice else None for y, twice in zip(years, several, strict=True)]


def indicator_chart_text(table: pd.DataFrame, district: str) -> str:
    """The indicator chart in words (its text alternative), or "" if there is no chart.

    Names the indicators above and below the city value with their index, as the bars
    show them; the table beneath has every number.
    """
    shown = table[table["index"].notna()].sort_values("index", ascending=False)
    if shown.empty:
        return ""

    years = dict(zip(shown.index, years_shown(shown), strict=True))  # "SGB-II-Quote 2022"

    def listing(rows: pd.DataFrame) -> str:
        return ", ".join(
            f"{esc(r.indicator)}{'' if years[r.Index] is None else f' {years[r.Index]}'} "
            f"({format_number(round(r.index))})"
            for r in rows.itertuples()
        )

    above, below = shown[shown["index"] > 100], shown[shown["index"] < 100]
    parts = [
        f"Das Diagramm zeigt für jeden Indikator den Wert von {esc(district)} im "
        "Verhältnis zur Gesamtstadt (Index, Gesamtstadt = 100)."
    ]
    if len(above):
        parts.append(f"Über dem Wert der Gesamtstadt: {listing(above)}.")
    if len(below):
        parts.append(f"Darunter: {listing(below)}.")
    parts.append("Alle Zahlen stehen in der Tabelle.")
    return f"<p class='sw-note sw-chart-text'>{' '.join(parts)}</p>"


def indicator_table_html(table: pd.DataFrame, district: str) -> str:
    """Indicators of a district beside the city value (``COMPARISON_COLUMNS`` rows).

    Year, a long unit and any note stand under the indicator's name, so that the table
    fits beside the needs. The chart above it is first described in words.
    """
    if table.empty:
        return f"<p class='sw-empty'>Für {esc(district)} sind keine Indikatoren hinterlegt.</p>"
    rows, shown = [], []
    for r in table.itertuples():
        mark = "*" if bool(r.illustrative) else ""
        note = "" if is_missing(r.note) else str(r.note)
        details = " · ".join(str(x) for x in (int(r.year), _long_unit(r), note) if x)
        index = compared_number(round(r.index) if pd.notna(r.index) else r.index, r.note)
        places = value_places(r.value, r.city_value)
        difference = compared_number(r.difference, r.note, places, sign=True)
        shown += [format_number(r.city_value), difference, index]
        rows.append(
            f"<tr><td>{esc(r.indicator)}{mark}<div class='sw-note'>{esc(details)}</div></td>"
            f"<td class='sw-num'>{_unit(r.value, r.unit, places)}</td>"
            f"<td class='sw-num'>{_unit(r.city_value, r.city_unit, places)}</td>"
            f"<td class='sw-num'>{difference}</td>"
            f"<td class='sw-num'>{index}</td></tr>"
        )
    sources = sorted({str(s) for s in table["source"] if not is_missing(s)})
    footnote = (
        "* illustrative Werte (Demo-Studie), keine amtlichen Zahlen. "
        if any(table["illustrative"])
        else ""
    )
    return (
        indicator_chart_text(table, district)
        + "<table class='sw-table sw-indicator-table'><thead><tr><th>Indikator</th>"
        f"<th class='sw-num'>{esc(district)}</th><th class='sw-num'>Gesamtstadt</th>"
        "<th class='sw-num'>Differenz</th><th class='sw-num'>Index</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        f"<p class='sw-note'>{footnote}Index: Wert des Sozialraums je Wert der Gesamtstadt "
        f"× 100. Quellen: {esc('; '.join(sources) or EMPTY_FIELD)}"
        f"{' ' + signs_note(shown) if signs_note(shown) else ''}</p>"
    )


def _index_cell(row: Any, places: int) -> str:
    """A district's value, shaded by its index: orange above the city, purple below."""
    if row is None:
        return f"<td class='sw-num'>{MISSING_NUMBER}</td>"
    value = _unit(row.value, row.unit, places)
    if pd.isna(row.index):
        return f"<td class='sw-num'>{value}</td>"
    strength = min(abs(float(row.index) - 100) / 60, 1.0)
    colour = "230, 145, 56" if row.index > 100 else "94, 60, 153"
    title = f"Index {format_number(round(row.index))} (Gesamtstadt = 100)"
    return (
        f"<td class='sw-num' title='{esc(title)}' "
        f"style='background: rgba({colour}, {0.08 + 0.5 * strength:.2f})'>{value}</td>"
    )


def city_indicator_html(profiles: Profiles) -> str:
    """Every district's indicator values beside the city's, shaded by their index."""
    table = profiles.indicators
    city = profiles.city.indicators
    if table.empty and city.empty:
        return "<p class='sw-empty'>Keine Indikatoren hinterlegt.</p>"
    keys = sorted(
        {(r.indicator, int(r.year)) for r in (*table.itertuples(), *city.itertuples())}
    )  # fmt: skip
    values = {(r.district, r.indicator, int(r.year)): r for r in table.itertuples()}
    city_values = {(r.indicator, int(r.year)): r for r in city.itertuples()}
    lines = []
    for indicator, year in keys:
        own = city_values.get((indicator, year))
        found = [values.get((d, indicator, year)) for d in profiles.names]
        lines.append((indicator, year, own, found, [r for r in (own, *found) if r is not None]))
    units = any(_long_unit(present[0]) for *_, present in lines)  # else no unit column
    rows = []
    for indicator, year, own, found, present in lines:
        places = value_places(*(r.value for r in present))
        cells = "".join(_index_cell(r, places) for r in found)
        city_cell = _unit(own.value, own.unit, places) if own is not None else MISSING_NUMBER
        unit = f"<td>{esc(_long_unit(present[0]))}</td>" if units else ""
        rows.append(
            f"<tr><td>{esc(indicator)}</td><td>{year}</td>{unit}{cells}"
            f"<td class='sw-num'><b>{city_cell}</b></td></tr>"
        )
    head = "".join(f"<th class='sw-num'>{esc(d)}</th>" for d in profiles.names)
    unit_head = "<th>Einheit</th>" if units else ""
    gaps = any(own is None or None in found for _, _, own, found, _ in lines)
    signs = f" {signs_note([MISSING_NUMBER])}" if gaps else ""  # "." explained
    return (
        f"<table class='sw-table sw-city-indicator-table'><thead><tr><th>Indikator</th>"
        f"<th>Jahr</th>{unit_head}{head}<th class='sw-num'>Gesamtstadt</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table><p class='sw-note'>Farbe: orange über, lila "
        f"unter dem Wert der Gesamtstadt; je kräftiger, desto größer der Abstand.{signs}</p>"
    )
