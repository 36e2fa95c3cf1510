"""Monitoring: indicator time series per Sozialraum beside the city.

:func:`indicator_series` gives, for every indicator and every Sozialraum (and the city),
the values by year, the change from the first to the last year and — for a Sozialraum —
the city's change over the same years, so that "Manfort +0,9" can be read against
"Gesamtstadt +0,5". With one year only there is no change and no trend; the rows say so
(``trend`` = :data:`ONE_YEAR`) instead of showing a zero. A change across a change of unit
(e.g. % → Personen) is not computed either.

The need comparison across waves is :func:`workbench.analysis.waves.need_comparison`, a
recommendation's status history :mod:`workbench.synthesis.recommendation_status`.
:func:`read_monitoring` reads all three at once (:class:`Monitoring`) for the report's
"Monitoring" chapter and the profile app's monitoring view, with one German sentence for
each part that has nothing to show yet, naming the command that provides it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from workbench.analysis import waves as wave_analysis
from workbench.analysis.waves import GONE, NEW, NOT_SURVEYED, PERSISTING, SPARSE, NeedComparison
from workbench.core.domain import InputError, WorkbenchError
from workbench.core.formatting import NOT_APPLICABLE, format_number, value_places
from workbench.store import CITYWIDE
from workbench.store.district_changes import series_notes
from workbench.store.district_spelling import named_district
from workbench.synthesis.indicator_tables import check_district, indicators
from workbench.synthesis.indicator_units import one_unit, unit_key
from workbench.synthesis.profiles import NO_INDICATORS

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
    ('+0,9 Prozentpunkte', '-120 Personen', '.')
    >>> change_text(1.0, "%"), change_text(-1.0, "Indexpunkte"), change_text(0.4, "Prozent")
    ('+1 Prozentpunkt', '-1 Indexpunkt', '+0,4 Prozentpunkte')
    >>> change_text(0.81 - 0.85, "je 1.000 Einw."), change_text(14.6 - 13.9, "%")
    ('-0,04 je 1.000 Einw.', '+0,7 Prozentpunkte')
    >>> change_text(0.0, "%"), change_text(-0.0, "Personen")
    ('unverändert', 'unverändert')
    """
    if math.isnan(change):
        return format_number(change)
    if abs(change) < 1e-9:  # an unchanged rate is no "+0 Prozentpunkte"
        return STEADY
    # a share's change is in percentage points, however the unit column spells per cent
    unit = "Prozentpunkte" if unit_key(unit) == "%" else unit.strip()
    if abs(change) == 1 and unit.endswith("punkte"):  # "1 Prozentpunkt", not "1 …punkte"
        unit = unit.removesuffix("e")
    places = value_places(change)  # 0,85 → 0,81 je 1.000 Einw.: -0,04, not -0,0
    return f"{format_number(change, places, sign=True)} {unit}".rstrip()


def change_words(change: float, unit: str) -> str:
    """A change for a table cell: no leading sign (a cell starting with + or - would be
    quoted as a formula in DOCX and XLSX), "mehr" or "weniger" instead.

    >>> change_words(0.7, "%"), change_words(-120.0, "Personen"), change_words(0.0, "%")
    ('0,7 Prozentpunkte mehr', '120 Personen weniger', 'unverändert')
    >>> change_words(float("nan"), "%")
    '.'
    """
    if math.isnan(change):
        return format_number(change)
    if abs(change) < 1e-9:
        return STEADY
    amount = change_text(abs(change), unit).removeprefix("+")
    return f"{amount} {'mehr' if change > 0 else 'weniger'}"


def change_cells(row: Any) -> tuple[str, str]:
    """A series row's change and the city's change over the same years, for a table:
    in words (:func:`change_words`), or the note why there is none; "x" for the city's own
    row (DIN 55301: "Aussage nicht sinnvoll"), "." where the city's change is unknown.

    >>> rows = series_from(pd.DataFrame({"indicator": ["Q"] * 3, "year": [2019, 2022, 2022],
    ...     "district": ["Gesamtstadt", "Gesamtstadt", "Manfort"], "value": [10.0, 10.5, 12.0],
    ...     "unit": ["%"] * 3, "illustrative": [False] * 3}))
    >>> [change_cells(r) for r in rows.itertuples()]
    [('0,5 Prozentpunkte mehr', 'x'), ('nur ein Jahr – kein Verlauf', '.')]
    """
    unit = compact_unit(row.unit)
    change = row.note if math.isnan(row.change) and row.note else change_words(row.change, unit)
    if row.is_citywide:
        return change, NOT_APPLICABLE
    if math.isnan(row.city_change):
        return change, row.note if row.note == NO_CITY_SERIES else format_number(math.nan)
    return change, change_words(row.city_change, unit)


def compact_unit(unit: str) -> str:
    """A unit short enough to follow every change: the words before a bracket; an index
    changes by "Indexpunkte".

    >>> compact_unit("Index (Gesamtstadt = 100; höher = stärker belastet)"), compact_unit("m²")
    ('Indexpunkte', 'm²')
    """
    head = str(unit).split(" (")[0].strip()
    return "Indexpunkte" if head == "Index" else head


def _same_unit(units: list[str]) -> bool:
    """Whether the years' units are one: a year without a unit (a table whose column did
    not name it) takes the others'; "Anzahl" one year, "Personen" the next, is one unit.

    >>> _same_unit(["Personen", "", "personen"]), _same_unit(["%", "Personen"])
    (True, False)
    >>> _same_unit(["Anzahl", "Personen"])
    True
    """
    return one_unit(units)


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
        unit = next((u for u in reversed(units) if unit_key(u)), units[-1])  # the last named
        note = ""
        change = city_change = math.nan
        if len(years) < 2:
            note = NO_TREND
        elif not _same_unit(units):
            note = UNIT_CHANGED
        else:
            change = round(values[-1] - values[0], 6)
        citywide = district == CITYWIDE
        if not citywide and not math.isnan(change):
            ref = city.get(indicator, {})
            first, last = ref.get(years[0]), ref.get(years[-1])
            if first and last and _same_unit([first[1], last[1], unit]):
                city_change = round(last[0] - first[0], 6)
            else:
                note = NO_CITY_SERIES
        rows.append(
            {
                "indicator": indicator,
                "district": district,
                "is_citywide": citywide,
                "unit": unit,
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
        district = check_district(district, list(project.districts()["district"]))
        table = table[table["district"].isin([district, CITYWIDE])]
    if indicator is not None:
        known = sorted(set(indicators(project)["indicator"]))
        found = named_district(indicator, known, what="Indikator")  # "sgb-ii-quote" too
        if found is None:
            raise InputError(
                f"Unbekannter Indikator '{indicator}'. Vorhanden: {', '.join(known) or 'keine'}."
            )
        table = table[table["indicator"] == found]
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


# -- everything the monitoring views show (report chapter, profile app), read once ----------
NO_WAVE = (
    "Noch keine Welle: Aussagen importieren (workbench import DATEI; jede weitere Welle "
    "mit --wave BEZEICHNUNG)."
)
ONE_WAVE = (
    "Bisher nur eine Welle ({wave}): Für den Vergleich der Bedarfe eine weitere Welle "
    "importieren (workbench import --wave BEZEICHNUNG DATEI)."
)
ONE_INDICATOR_YEAR = (
    "Indikatoren bisher nur für {year}: Für Zeitreihen ein weiteres Jahr importieren "
    "(workbench indicators --import DATEI)."
)
NO_RECOMMENDATIONS = "Noch keine Empfehlungen: workbench recommend add TEXT."
NO_HISTORY = (
    "Noch kein Statusverlauf der Empfehlungen: Schritte mit Datum und Verantwortlichen "
    "festhalten (workbench recommend status NR STATUS --date JJJJ-MM-TT --by AKTEUR)."
)
STATUS_TEXT = {  # what each status of the need comparison means, for readers
    NEW: "in der früheren Welle nicht, in der späteren mindestens {m}-mal genannt",
    PERSISTING: "in beiden Wellen genannt",
    GONE: "in der früheren Welle mindestens {m}-mal, in der späteren nicht mehr genannt",
    SPARSE: "zu wenige Aussagen für eine Aussage über den Verlauf",
    NOT_SURVEYED: "in einer der beiden Wellen keine Aussagen von dort",
}


@dataclass(frozen=True)
class Monitoring:
    """The study over time: waves, needs across waves, indicator series, status history."""

    waves: pd.DataFrame  # workbench.analysis.waves.WAVE_COLUMNS
    comparison: NeedComparison | None  # None: see comparison_note
    comparison_note: str  # why there is no comparison ("" when there is one)
    series: pd.DataFrame  # SERIES_COLUMNS
    history: pd.DataFrame  # recommendation_status.HISTORY_COLUMNS, oldest first
    recommendations: pd.DataFrame  # recommendation_id, title, text, scope, status
    series_notes: tuple[tuple[str, str], ...] = ()  # (Sozialraum, merged since: sentence)

    @property
    def years(self) -> tuple[int, ...]:
        """The indicator years, ascending."""
        return tuple(sorted({int(y) for t in self.series["years"] for y in t}))

    @property
    def years_note(self) -> str:
        """One sentence when there is no time series (no or one indicator year), else ""."""
        if not self.years:
            return NO_INDICATORS
        if len(self.years) == 1:
            return ONE_INDICATOR_YEAR.format(year=self.years[0])
        return ""

    @property
    def history_note(self) -> str:
        """One sentence when no recommendation has a status history, else ""."""
        if self.recommendations.empty:
            return NO_RECOMMENDATIONS
        return NO_HISTORY if self.history.empty else ""

    def trends(self) -> pd.DataFrame:
        """The series of indicators with at least two years (the city's and the districts')."""
        multi = self.series[self.series["years"].map(len) > 1]
        return self.series[self.series["indicator"].isin(set(multi["indicator"]))]

    def district_series(self, district: str) -> pd.DataFrame:
        """The trends of one Sozialraum, each row beside the city's change."""
        trends = self.trends()
        return trends[trends["district"] == district].reset_index(drop=True)

    def district_history(self, district: str) -> pd.DataFrame:
        """The steps of the recommendations for ``district`` and of the city-wide ones."""
        return self.history[self.history["scope"].isin([district, CITYWIDE])]


def read_monitoring(project: Project) -> Monitoring:
    """Read waves, the need comparison (last two waves), indicator series and status history."""
    from workbench.synthesis import recommendations as rec
    from workbench.synthesis.recommendation_status import status_history

    table = wave_analysis.waves(project)
    comparison, note = None, ""
    if table.empty:
        note = NO_WAVE
    elif len(table) == 1:
        note = ONE_WAVE.format(wave=table["wave"].iloc[0])
    else:
        try:
            comparison = wave_analysis.need_comparison(project)
        except WorkbenchError as err:  # no need run, or one without a compared wave
            note = str(err)
    columns = ["recommendation_id", "title", "text", "scope", "status"]
    series = series_from(indicators(project))
    return Monitoring(
        waves=table,
        comparison=comparison,
        comparison_note=note,
        series=series,
        history=status_history(project),
        recommendations=rec.recommendations(project)[columns],
        series_notes=merged_series_notes(project, series),
    )


def merged_series_notes(project: Project, series: pd.DataFrame) -> tuple[tuple[str, str], ...]:
    """For each Sozialraum with a series over several years that absorbed another one
    (``districts --merge``): (Sozialraum, the sentence that its series mixes two areas)."""
    with project.session() as session:
        notes = series_notes(session)
    shown = set(series.loc[series["years"].map(len) > 1, "district"])
    return tuple((district, note) for district, note in notes if district in shown)


def series_row_note(row: Any, notes: Sequence[tuple[str, str]]) -> str:
    """A series row's note followed by the sentences on every merge into its Sozialraum
    (``notes``: :func:`merged_series_notes`), for a table or a file that has no room for
    the notes beside it; "" if there is none."""
    merges = [sentence for district, sentence in notes if district == row.district]
    first = f"{row.note}." if row.note and merges else row.note  # a sentence before them
    return " ".join(n for n in (first, *merges) if n)


def status_legend(min_count: int) -> str:
    """What the statuses of the need comparison mean, in one German sentence.

    >>> status_legend(2).split("; ")[0]
    'neu: in der früheren Welle nicht, in der späteren mindestens 2-mal genannt'
    """
    return "; ".join(f"{s}: {t.format(m=min_count)}" for s, t in STATUS_TEXT.items()) + "."


def trend_sentence(rows: pd.DataFrame) -> str:
    """One indicator's series (city and districts) in words: the text beside its chart.

    >>> rows = series_from(pd.DataFrame({
    ...     "indicator": ["Quote"] * 5, "district": ["Gesamtstadt"] * 2 + ["Manfort"] * 2
    ...     + ["Opladen"], "year": [2019, 2022, 2019, 2022, 2019],
    ...     "value": [10.0, 10.5, 12.0, 12.9, 8.0], "unit": ["%"] * 5,
    ...     "illustrative": [False] * 5}))
    >>> trend_sentence(rows)
    'Quote, 2019 bis 2022: Gesamtstadt +0,5 Prozentpunkte; steigt in Manfort \
(+0,9 Prozentpunkte); nur ein Jahr: Opladen.'
    """
    city = rows[rows["is_citywide"]]
    first, last = int(rows["first_year"].min()), int(rows["last_year"].max())
    parts = [f"{rows['indicator'].iloc[0]}, {first} bis {last}"]
    if not city.empty and not math.isnan(city["change"].iloc[0]):
        unit = compact_unit(city["unit"].iloc[0])
        parts[0] += f": Gesamtstadt {change_text(city['change'].iloc[0], unit)}"
    districts = rows[~rows["is_citywide"]]
    for trend in (RISING, FALLING, STEADY):
        shown = districts[districts["trend"] == trend]
        if shown.empty:
            continue
        names = ", ".join(
            r.district
            if trend == STEADY
            else f"{r.district} ({change_text(r.change, compact_unit(r.unit))})"
            for r in shown.itertuples()
        )
        parts.append(f"{trend} in {names}")
    for trend in (ONE_YEAR, NOT_COMPARABLE):
        shown = districts[districts["trend"] == trend]
        if not shown.empty:
            parts.append(f"{trend}: {', '.join(shown['district'])}")
    return "; ".join(parts) + "."
