"""The city-wide report's "Monitoring" chapter: the study over time.

Built from :class:`workbench.synthesis.monitoring.Monitoring` (read once by
:func:`workbench.synthesis.reports.model.collect`):

- the needs of every Sozialraum by their course between the last two waves (neu,
  anhaltend, nicht mehr genannt, vereinzelt, nicht erhoben; the rule is in
  :mod:`workbench.analysis.waves`), with a quote for each new and each no longer raised need;
- each indicator with at least two years: its values per Sozialraum beside the city as a
  chart, the same in words, and a table with the change and the city's change over the
  same years;
- each recommendation's dated status history with the responsible actors.

A part without data is one German sentence naming what is missing and the command that
provides it (``workbench import --wave``, ``workbench indicators --import``, ``workbench
recommend status``). :func:`monitoring_sheets` gives the same findings as XLSX sheets.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd

from workbench.analysis.waves import GONE, NEW, NOT_SURVEYED
from workbench.core.formatting import (
    EMPTY_FIELD,
    MISSING_DISTRICT,
    MISSING_NUMBER,
    NOT_APPLICABLE,
    format_date,
    format_number,
    signs_note,
    value_places,
)
from workbench.store import CITYWIDE
from workbench.synthesis.monitoring import (
    Monitoring,
    change_cells,
    series_row_note,
    status_legend,
    trend_sentence,
    years_note,
)
from workbench.synthesis.profiles import PUBLIC_NO_INDICATORS
from workbench.synthesis.recommendation_chain import recommendation_label
from workbench.synthesis.reports.model import (
    Chart,
    OutlineBuilder,
    Quote,
    ReportData,
    Table,
    plural,
    short,
    slug,
    source,
)
from workbench.synthesis.workshop_names import wave_sources

CHAPTER = "Monitoring"
NO_WAVE_STATEMENTS = "In den verglichenen Wellen gibt es keine Bedarfsaussagen."
SINGLE_YEAR = "Nur für ein Jahr, daher ohne Verlauf: {listed}."
WITHOUT_HISTORY = (
    "Noch ohne Statusverlauf: {listed} (Schritte festhalten mit workbench recommend status "
    "NR STATUS --date JJJJ-MM-TT --by AKTEUR)."
)
SHEETS = ("Wellenvergleich", "Indikatorverlauf", "Statusverlauf")
# The public site's sentences for a missing part: what residents can expect, no command
PUBLIC_NO_WAVE = "Noch keine Befragungswelle ausgewertet."
PUBLIC_ONE_WAVE = (
    "Bisher gibt es eine Befragungswelle ({wave}): Wie sich die Bedarfe verändern, zeigt "
    "sich erst im Vergleich mit der nächsten."
)
PUBLIC_NO_COMPARISON = "Ein Vergleich der Bedarfe zwischen den Wellen liegt noch nicht vor."
PUBLIC_ONE_YEAR = "Indikatoren bisher nur für {year}: noch kein Verlauf, nur der Stand."
PUBLIC_NO_RECOMMENDATIONS = "Noch keine Empfehlungen."  # NO_RECOMMENDATIONS' twin
PUBLIC_NO_HISTORY = "Zur Umsetzung der Empfehlungen ist noch kein Schritt festgehalten."
PUBLIC_WITHOUT_HISTORY = "Noch kein Umsetzungsschritt festgehalten: {listed}."


def public_comparison_note(found: Monitoring) -> str:
    """Why the chapter compares no waves, for readers of the public site."""
    if found.waves.empty:
        return PUBLIC_NO_WAVE
    if len(found.waves) == 1:
        return PUBLIC_ONE_WAVE.format(wave=found.waves["wave"].iloc[0])
    return PUBLIC_NO_COMPARISON


def public_years_note(found: Monitoring) -> str:
    """Why the chapter shows no indicator series, for readers ("" when it shows some)."""
    if not found.years_note:
        return ""
    years = found.years
    return PUBLIC_ONE_YEAR.format(year=years[0]) if years else PUBLIC_NO_INDICATORS


def public_history_note(found: Monitoring) -> str:
    """Why the chapter shows no status history, for readers ("" when it shows one)."""
    if not found.history_note:
        return ""
    return PUBLIC_NO_RECOMMENDATIONS if found.recommendations.empty else PUBLIC_NO_HISTORY


def monitoring_section(out: OutlineBuilder, data: ReportData, max_quotes: int) -> None:
    """The chapter "Monitoring" (city-wide report only: ``data.monitoring`` is set)."""
    found = data.monitoring
    if found is None:
        return
    out.heading(2, CHAPTER, "monitoring")
    out.text(
        "Die Studie im Zeitverlauf: welche Bedarfe zwischen den Wellen neu hinzukommen, "
        "anhalten oder nicht mehr genannt werden, wie sich die Indikatoren je Sozialraum "
        "neben der Gesamtstadt entwickeln und wie weit die Empfehlungen umgesetzt sind."
    )
    _needs(out, data, found, max_quotes)
    _indicators(out, found, data.public)
    _history(out, found, data.public)


# -- needs across waves ---------------------------------------------------------------------
def scope_name(scope: str) -> str:
    """A recommendation's scope for readers: the city is "gesamtstädtisch".

    >>> scope_name("Gesamtstadt"), scope_name("Manfort")
    ('gesamtstädtisch', 'Manfort')
    """
    return "gesamtstädtisch" if scope == CITYWIDE else scope


def unsurveyed(found: Monitoring, district: str) -> list[str]:
    """The compared waves in which ``district`` has no statement at all."""
    comparison = found.comparison
    if comparison is None:
        return []
    by_wave = dict(zip(found.waves["wave"], found.waves["districts"], strict=True))
    return [w for w in (comparison.earlier, comparison.later) if district not in by_wave[w]]


def _needs(out: OutlineBuilder, data: ReportData, found: Monitoring, max_quotes: int) -> None:
    out.heading(3, "Bedarfe im Vergleich der Wellen", "monitoring-bedarfe")
    comparison = found.comparison
    if comparison is None:
        out.text(public_comparison_note(found) if data.public else found.comparison_note, "note")
        return
    sources = wave_sources(data.workshops)  # a survey or card wall: a source, not a workshop
    listed = "; ".join(
        f"{w.wave}: {sources.get(w.wave, plural(0, 'Workshop', 'Workshops'))}, "
        f"{plural(int(w.segments), 'Aussage', 'Aussagen')}"
        for w in found.waves.itertuples()
    )
    run = (
        "einer Bedarfsanalyse, die die Bedarfsaussagen aller Wellen gemeinsam bündelt: "
        "derselbe Bedarf ist in jeder Welle derselbe."
        if data.public  # the run number is the team's handle
        else f"dem Bedarfslauf {comparison.run_id}, der die Bedarfsaussagen aller Wellen "
        "gemeinsam bündelt: derselbe Cluster meint in jeder Welle denselben Bedarf."
    )
    out.text(
        f"Wellen – {listed}. Verglichen: {comparison.earlier} → {comparison.later} mit {run}",
        "meta",
    )
    out.text(status_legend(comparison.min_count))
    for note in comparison.reader_notes if data.public else comparison.notes:
        out.text(note, "note")
    if comparison.table.empty:
        out.text(NO_WAVE_STATEMENTS, "note")
        return
    summary = comparison.summary()
    out.add(
        Chart(
            key="monitoring-bedarfe",
            title=f"Bedarfe je Sozialraum nach Verlauf ({comparison.earlier} → {comparison.later})",
            kind="heatmap",
            categories=tuple(summary.index),
            columns=tuple(summary.columns),
            z=tuple(tuple(float(v) for v in row) for row in summary.to_numpy()),
        )
    )
    for district, rows in comparison.table.groupby("district", sort=False):
        out.heading(4, str(district), f"monitoring-bedarfe-{district}")
        if (rows["status"] == NOT_SURVEYED).all():
            missing = " und ".join(f"„{w}“" for w in unsurveyed(found, str(district)))
            uncoded = " und ".join(f"„{w}“" for w in comparison.uncoded.get(str(district), ()))
            where = (
                "gesamtstädtischen Aussagen (ohne Sozialraum)"
                if district == MISSING_DISTRICT
                else f"Aussagen aus {district}"
            )
            why = [f"in der Welle {missing} gibt es keine {where}"] * bool(missing)
            why += [f"in der Welle {uncoded} sind die {where} noch nicht kodiert"] * bool(uncoded)
            reason = "; ".join(why)
            out.text(
                f"Nicht erhoben: {reason[:1].upper()}{reason[1:]}; "
                f"{plural(len(rows), 'Bedarf', 'Bedarfe')} nicht verglichen.",
                "note",
            )
            continue
        number = () if data.public else ("Cluster",)  # the team's handle, not the public's
        columns = ("Verlauf", "Bedarf", *number, *comparison.waves)
        table = [
            (r.status, short(r.label), *(str(r.cluster) for _ in number),
             *(format_number(r.per_wave.get(w, 0)) for w in comparison.waves))
            for r in rows.itertuples()
        ]  # fmt: skip
        numeric = (False, False, *(True for _ in number), *(True for _ in comparison.waves))
        out.add(Table(columns, tuple(table), numeric))
        if max_quotes:
            _turning_points(out, data, rows, f"monitoring-bedarfe-{district}")


def _turning_points(out: OutlineBuilder, data: ReportData, rows: pd.DataFrame, key: str) -> None:
    """One quote for each new need (later wave) and each need no longer raised (earlier),
    under a heading naming it (anchors from ``key``, the district's section)."""
    for r in rows.itertuples():
        ids = r.later_ids if r.status == NEW else r.earlier_ids if r.status == GONE else ()
        shown = [i for i in ids if i in data.segments.index][:1]
        for segment_id in shown:  # a heading over its quote (under the district's h4)
            out.heading(5, f"{r.status}: {short(r.label)}", f"{key}-{r.cluster}")
            out.add(Quote(data.segments.loc[segment_id, "text"], source(data, segment_id)))


# -- indicator series ------------------------------------------------------------------------
def _values(rows: pd.DataFrame) -> list[dict[int, float]]:
    """Each row's values by year."""
    return [dict(zip(r.years, r.values, strict=True)) for r in rows.itertuples()]


def _indicators(out: OutlineBuilder, found: Monitoring, public: bool) -> None:
    out.heading(3, "Indikatoren im Zeitverlauf", "monitoring-indikatoren")
    if found.years_note:
        out.text(public_years_note(found) if public else found.years_note, "note")
        return
    out.text(
        years_note(list(found.years)) + " Neben jedem Sozialraum steht die Veränderung der "
        "Gesamtstadt über dieselben Jahre."
    )
    for _, note in found.series_notes:  # a merged Sozialraum: its series spans two areas
        out.text(note, "note")
    series = found.series
    if bool(series["illustrative"].any()):
        out.text(
            "Werte mit der Quelle „illustrativ“ sind erfunden (Demo) und keine amtlichen Zahlen.",
            "note",
        )
    trends = found.trends()
    single = series[~series["indicator"].isin(set(trends["indicator"]))]
    if not single.empty:
        listed = ", ".join(
            f"{i} ({', '.join(str(y) for y in sorted({y for t in g['years'] for y in t}))})"
            for i, g in single.groupby("indicator", sort=True)
        )
        out.text(SINGLE_YEAR.format(listed=listed), "note")
    for indicator, rows in trends.groupby("indicator", sort=False):
        _indicator(out, str(indicator), rows)


def _indicator(out: OutlineBuilder, indicator: str, rows: pd.DataFrame) -> None:
    years = sorted({int(y) for t in rows["years"] for y in t})
    unit = str(rows["unit"].iloc[-1])
    by_year = _values(rows)
    out.heading(4, indicator, f"monitoring-indikator-{indicator}")
    out.text(f"Einheit: {unit}", "meta")
    key = base = f"monitoring-{slug(indicator)}"
    n = 2
    while key in out.charts:  # two names with the same slug ("Quote %", "Quote (%)")
        key, n = f"{base}-{n}", n + 1
    out.add(
        Chart(
            key=key,
            title=f"{indicator} je Sozialraum und Gesamtstadt, {years[0]} bis {years[-1]}",
            kind="bar",
            categories=tuple(rows["district"]),
            series=tuple(
                (str(y), tuple(float(v.get(y, math.nan)) for v in by_year)) for y in years
            ),
            axis=unit,
        )
    )
    out.text(trend_sentence(rows))
    places = value_places(*(v for t in rows["values"] for v in t))
    columns = ("Sozialraum", *(str(y) for y in years), "Veränderung",
               "Gesamtstadt im selben Zeitraum")  # fmt: skip
    table = [
        (r.district, *(format_number(v.get(y), places) for y in years), *change_cells(r))
        for r, v in zip(rows.itertuples(), by_year, strict=True)
    ]
    out.add(Table(columns, tuple(table), (False, *(True for _ in years), True, True)))
    if signs := signs_note(cell for row in table for cell in row[1:]):
        out.text(signs, "meta")


def course(row: Any) -> str:
    """A series' course in words: its trend, or the note why there is none."""
    return str(row.note) if row.note and row.note != row.trend else str(row.trend)


# -- status history of recommendations ---------------------------------------------------------
def _history(out: OutlineBuilder, found: Monitoring, public: bool) -> None:
    out.heading(3, "Umsetzung der Empfehlungen", "monitoring-empfehlungen")
    if found.history_note:
        out.text(public_history_note(found) if public else found.history_note, "note")
        return
    out.text(
        "Jeder Schritt mit Datum und Verantwortlichen; der aktuelle Status einer Empfehlung "
        "ist der ihres jüngsten Schritts."
    )
    history = found.history
    steps = {int(i): g for i, g in history.groupby("recommendation_id", sort=False)}
    recs = found.recommendations
    overview = []
    for r in recs.itertuples():
        own = steps.get(r.recommendation_id)
        since = EMPTY_FIELD if own is None else format_date(own["date"].iloc[-1])
        count = 0 if own is None else len(own)
        overview.append((str(r.recommendation_id), title(r), scope_name(r.scope), r.status,
                         since, str(count)))  # fmt: skip
    columns = ("Nr.", "Empfehlung", "Geltungsbereich", "aktueller Status", "seit", "Schritte")
    out.add(Table(columns, tuple(overview), (True, False, False, False, False, True)))
    for r in recs[recs["recommendation_id"].isin(list(steps))].itertuples():
        out.heading(4, f"Empfehlung {r.recommendation_id}: {title(r)}",
                    f"monitoring-empfehlung-{r.recommendation_id}")  # fmt: skip
        out.text(f"Geltungsbereich: {scope_name(r.scope)} · aktueller Status: {r.status}", "meta")
        out.add(
            Table(
                ("Datum", "Status", "Verantwortlich", "Notiz"),
                tuple(
                    (format_date(s.date), s.status, s.actor, s.note or EMPTY_FIELD)
                    for s in steps[r.recommendation_id].itertuples()
                ),
                (False, False, False, False),
            )
        )
    without = recs[~recs["recommendation_id"].isin(list(steps))]
    if not without.empty:
        listed = ", ".join(f"Empfehlung {i}" for i in without["recommendation_id"])
        without_history = PUBLIC_WITHOUT_HISTORY if public else WITHOUT_HISTORY
        out.text(without_history.format(listed=listed), "note")


def title(rec: Any) -> str:
    """A recommendation's title, or the start of its text on one line when it has none
    (:func:`recommendation_label`, as its rating card names it)."""
    return short(recommendation_label(rec.title, rec.text))


# -- the same as XLSX sheets ----------------------------------------------------------------
Sheet = tuple[str, tuple[tuple[str, float], ...], list[list[Any]]]


def _day(text: str) -> date | str:
    """A stored step date (``2021-09-23``) as a date: the sheet shows it as 23.09.2021, and
    it sorts and filters as a date.

    >>> _day("2021-09-23"), _day("")
    (datetime.date(2021, 9, 23), '')
    """
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return text


def _ids(ids: Sequence[int]) -> str:
    return " ".join(str(i) for i in ids) or EMPTY_FIELD


def monitoring_sheets(found: Monitoring | None) -> tuple[list[Sheet], list[str]]:
    """The chapter's tables as sheets (title, columns with widths, rows), and one sentence
    for each sheet left out for lack of data (for the cover)."""
    if found is None:
        return [], []
    sheets: list[Sheet] = []
    missing: list[str] = []
    comparison = found.comparison
    if comparison is not None and not comparison.table.empty:
        spec = (("Sozialraum", 16), ("Cluster", 8), ("Bedarf", 50), ("Reichweite", 20),
                ("Verlauf", 18), *((w, 14) for w in comparison.waves),
                (f"Aussage-Nr. (intern) {comparison.earlier}", 24),
                (f"Aussage-Nr. (intern) {comparison.later}", 24))  # fmt: skip
        rows = [
            [r.district, r.cluster, r.label, r.scope or EMPTY_FIELD, r.status,
             *(r.per_wave.get(w, 0) for w in comparison.waves),
             _ids(r.earlier_ids), _ids(r.later_ids)]
            for r in comparison.table.itertuples()
        ]  # fmt: skip
        sheets.append((SHEETS[0], spec, rows))
    else:
        missing.append(f"Kein Blatt „{SHEETS[0]}“. {found.comparison_note or NO_WAVE_STATEMENTS}")
    trends = found.trends()
    if not trends.empty and not found.years_note:
        years = found.years
        spec = (("Indikator", 40), ("Sozialraum", 16), ("Einheit", 14),
                *((str(y), 10) for y in years), ("Veränderung", 12),
                ("Veränderung Gesamtstadt", 14), ("Verlauf", 22), ("illustrativ", 10),
                ("Hinweis", 60))  # fmt: skip
        rows = []
        for r in trends.itertuples():
            values = dict(zip(r.years, r.values, strict=True))
            rows.append(
                [r.indicator, r.district, r.unit, *(values.get(y, MISSING_NUMBER) for y in years),
                 MISSING_NUMBER if math.isnan(r.change) else r.change,
                 (NOT_APPLICABLE if r.is_citywide else MISSING_NUMBER)
                 if math.isnan(r.city_change) else r.city_change,
                 course(r), r.illustrative,
                 series_row_note(r, found.series_notes) or EMPTY_FIELD]  # a merge: two areas
            )  # fmt: skip
        sheets.append((SHEETS[1], spec, rows))
    else:
        reason = found.years_note or SINGLE_YEAR.format(listed="alle Indikatoren")
        missing.append(f"Kein Blatt „{SHEETS[1]}“. {reason}")
    if not found.history.empty:
        spec = (("Empfehlung", 11), ("Titel", 40), ("Geltungsbereich", 16), ("Datum", 12),
                ("Status", 16), ("Verantwortlich", 34), ("Notiz", 60))  # fmt: skip
        titles = {int(r.recommendation_id): title(r) for r in found.recommendations.itertuples()}
        rows = [
            [s.recommendation_id, titles.get(int(s.recommendation_id), EMPTY_FIELD),
             scope_name(s.scope), _day(s.date), s.status, s.actor, s.note or EMPTY_FIELD]
            for s in found.history.itertuples()
        ]  # fmt: skip
        sheets.append((SHEETS[2], spec, rows))
    else:
        missing.append(f"Kein Blatt „{SHEETS[2]}“. {found.history_note}")
    return sheets, missing
