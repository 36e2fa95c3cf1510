"""The monitoring view of the Sozialraumprofil app: a Sozialraum over time, and the city's summary.

Pure functions of :class:`workbench.synthesis.monitoring.Monitoring` (read once by the app):

- for a Sozialraum, its needs by their course between the last two waves (neu, anhaltend,
  nicht mehr genannt, vereinzelt, nicht erhoben), its indicators from the first to the last
  year beside the city's change, and the dated status history of its own and the city-wide
  recommendations;
- for the city-wide overview, the summary: the statuses per Sozialraum and the new needs,
  each indicator's change in the city and where it rises or falls, and every
  recommendation's current status.

Accessible: one ``<h3>`` with ``<h4>`` parts, every table with a ``<caption>`` and column
headers (``scope="col"``), the numbers summed up in a sentence before each indicator
table. A part without data says so in one sentence, as the public site says it (what is
missing, no command: the app's readers cannot run one; ``public_…_note``); a missing number
is "." (DIN 55301; "–" would be zero), a missing text "–", never ``nan`` or ``<NA>``. Every
string from the data is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from widgets.app_support import esc
from workbench.analysis.waves import NEW, NOT_SURVEYED, STATUSES
from workbench.core.formatting import (
    EMPTY_FIELD,
    MISSING_DISTRICT,
    MISSING_NUMBER,
    format_date,
    format_number,
    value_places,
)
from workbench.store import CITYWIDE
from workbench.synthesis.indicator_units import is_count
from workbench.synthesis.monitoring import (
    FALLING,
    RISING,
    Monitoring,
    change_cells,
    change_words,
    compact_unit,
    status_legend,
)
from workbench.synthesis.recommendation_chain import recommendation_label
from workbench.synthesis.reports.monitoring import (
    public_comparison_note,
    public_history_note,
    public_years_note,
)

HEADING = "Verlauf: Bedarfe, Indikatoren und Empfehlungen"
STYLE = """
<style>
.sw-monitoring { margin-top: 1.2rem; border-top: 2px solid #d0d4da; padding-top: 0.4rem; }
.sw-monitoring h4 { margin: 0.8rem 0 0.3rem; font-size: 1rem; }
.sw-monitoring caption { text-align: left; font-weight: 600; padding: 0.2rem 0; color: #222; }
.sw-status { white-space: nowrap; }
</style>
"""


# -- small pure helpers ----------------------------------------------------------------
def table_html(
    caption: str, columns: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[bool]
) -> str:
    """A table with a caption and column headers; every cell escaped, a missing number "."
    (DIN 55301: unknown; "–" would be zero), a missing text "–".

    >>> table_html("Zahlen", ["Name", "n"], [["", ""]], [False, True])[-67:]
    "<tbody><tr><td>–</td><td class='sw-num'>.</td></tr></tbody></table>"
    """

    def cell(tag: str, value: object, number: bool) -> str:
        scope = " scope='col'" if tag == "th" else ""
        css = " class='sw-num'" if number else ""
        empty = MISSING_NUMBER if number else EMPTY_FIELD
        return f"<{tag}{scope}{css}>{esc(value or empty)}</{tag}>"

    head = "".join(cell("th", c, n) for c, n in zip(columns, numeric, strict=True))
    body = "".join(
        "<tr>" + "".join(cell("td", v, n) for v, n in zip(row, numeric, strict=True)) + "</tr>"
        for row in rows
    )
    return (
        f"<table class='sw-table sw-monitoring-table'><caption>{esc(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _note(text: str) -> str:
    return f"<p class='sw-empty'>{esc(text)}</p>"


def _span(values: Sequence[float], unit: str) -> str:
    """The first and the last value of a series: ``13,9 → 14,6 %``."""
    places = value_places(*values)
    text = f"{format_number(values[0], places)} → {format_number(values[-1], places)}"
    unit = compact_unit(unit)
    return f"{text} {unit}" if unit and len(unit) <= 3 else text


def _where(district: str) -> str:
    if district == MISSING_DISTRICT:
        return "gesamtstädtischen Aussagen (ohne Sozialraum)"
    return f"Aussagen aus {district}"


# -- a Sozialraum ----------------------------------------------------------------------
def district_needs_html(found: Monitoring, district: str) -> str:
    """The district's needs by their course between the last two waves."""
    head = "<h4>Bedarfe über die Wellen</h4>"
    comparison = found.comparison
    if comparison is None:
        return head + _note(public_comparison_note(found))
    rows = comparison.district(district)
    if rows.empty:
        return head + _note(
            f"In den Wellen „{comparison.earlier}“ und „{comparison.later}“ gibt es keine "
            f"Bedarfsaussagen aus {district}."
        )
    if (rows["status"] == NOT_SURVEYED).all():
        by_wave = dict(zip(found.waves["wave"], found.waves["districts"], strict=True))
        missing = [w for w in (comparison.earlier, comparison.later) if district not in by_wave[w]]
        uncoded = comparison.uncoded.get(district, ())
        why = [f"In der Welle „{' und '.join(missing)}“ gibt es keine {_where(district)}"] * bool(
            missing
        )
        why += [
            f"in der Welle „{' und '.join(uncoded)}“ sind die {_where(district)} noch nicht "
            "ausgewertet"
        ] * bool(uncoded)
        reason = "; ".join(why)
        return head + _note(
            f"Nicht erhoben: {reason[:1].upper()}{reason[1:]}; die Bedarfe lassen sich hier "
            "nicht über die Wellen vergleichen."
        )
    table = table_html(
        f"Bedarfe in {district}: {comparison.earlier} und {comparison.later} (Zahl der Aussagen)",
        ("Bedarf", "Verlauf", comparison.earlier, comparison.later),
        [(r.label, r.status, format_number(r.earlier), format_number(r.later))
         for r in rows.itertuples()],
        (False, False, True, True),
    )  # fmt: skip
    legend = f"<p class='sw-note'>{esc(status_legend(comparison.min_count))}</p>"
    return head + _changes(comparison.district_notes, district) + table + legend


def _changes(notes: Sequence[str], district: str | None = None) -> str:
    """The renames and merges of Sozialräume (of ``district`` only, if given)."""
    shown = [n for n in notes if district is None or n.startswith(f"{district} ")]
    return "".join(f"<p class='sw-note'>{esc(n)}</p>" for n in shown)


def trend_summary(rows: pd.DataFrame, district: str) -> str:
    """The district's indicator trends in words: how many rise and fall, and which change
    more or less than in the city (rates, shares, averages; a count is not compared).

    >>> from workbench.synthesis.monitoring import series_from
    >>> rows = series_from(pd.DataFrame({"indicator": ["A", "A", "B", "B"] * 2,
    ...     "district": ["Gesamtstadt"] * 4 + ["Manfort"] * 4,
    ...     "year": [2019, 2022] * 4, "value": [10, 11, 5, 5, 12, 14, 6, 5.5],
    ...     "unit": ["%"] * 8, "illustrative": [False] * 8}))
    >>> trend_summary(rows[rows["district"] == "Manfort"], "Manfort")
    'Manfort, 2019 bis 2022: 1 von 2 Indikatoren gestiegen, 1 gesunken. Stärker gestiegen \
als in der Gesamtstadt: A. Weniger gestiegen oder stärker gesunken: B.'
    """
    first, last = int(rows["first_year"].min()), int(rows["last_year"].max())
    up, down = int((rows["trend"] == RISING).sum()), int((rows["trend"] == FALLING).sum())
    text = f"{district}, {first} bis {last}: {up} von {len(rows)} Indikatoren gestiegen"
    text += f", {down} gesunken." if down else "."
    # a count (Einwohner) of a district always grows less than the city's: not compared
    rate = pd.Series(
        [not is_count(i, u) for i, u in zip(rows["indicator"], rows["unit"], strict=True)],
        index=rows.index,
        dtype=bool,
    )
    beside = rows[rows["change"].notna() & rows["city_change"].notna() & rate]
    more = beside[beside["change"] > beside["city_change"]]["indicator"]
    less = beside[beside["change"] < beside["city_change"]]["indicator"]
    if len(more):
        text += f" Stärker gestiegen als in der Gesamtstadt: {', '.join(more)}."
    if len(less):
        text += f" Weniger gestiegen oder stärker gesunken: {', '.join(less)}."
    return text


def district_indicators_html(found: Monitoring, district: str) -> str:
    """The district's indicators from the first to the last year, beside the city's change."""
    head = "<h4>Indikatoren im Zeitverlauf</h4>"
    if found.years_note:
        return head + _note(public_years_note(found))
    rows = found.district_series(district)
    multi = rows[rows["years"].map(len) > 1]
    if multi.empty:
        return head + _note(
            f"Für {district} liegen Indikatoren höchstens für ein Jahr vor: noch kein Verlauf."
        )
    table = table_html(
        f"Indikatoren in {district} neben der Gesamtstadt",
        ("Indikator", "Zeitraum", district, "Veränderung", "Gesamtstadt: Veränderung"),
        [
            (r.indicator, f"{r.first_year}–{r.last_year}", _span(r.values, r.unit),
             *change_cells(r))
            for r in rows.itertuples()
        ],
        (False, False, True, True, True),
    )  # fmt: skip
    words = f"<p class='sw-note sw-chart-text'>{esc(trend_summary(multi, district))}</p>"
    merged = _changes([note for name, note in found.series_notes if name == district])
    return head + merged + words + table


def _history_tables(found: Monitoring, recs: pd.DataFrame) -> str:
    steps = {int(i): g for i, g in found.history.groupby("recommendation_id", sort=False)}
    parts = []
    for r in recs.itertuples():
        own = steps.get(int(r.recommendation_id))
        if own is None:
            continue
        scope = "gesamtstädtisch" if r.scope == CITYWIDE else r.scope
        name = recommendation_label(r.title, r.text)  # as its rating card names it
        parts.append(
            table_html(
                f"Empfehlung {r.recommendation_id}: {name} ({scope}) – aktuell: {r.status}",
                ("Datum", "Status", "Verantwortlich", "Notiz"),
                [(format_date(s.date), s.status, s.actor, s.note) for s in own.itertuples()],
                (False, False, False, False),
            )
        )
    return "".join(parts)


def district_history_html(found: Monitoring, district: str) -> str:
    """The status history of the district's own and of the city-wide recommendations."""
    head = "<h4>Umsetzung der Empfehlungen</h4>"
    if found.history_note:
        return head + _note(public_history_note(found))
    recs = found.recommendations
    own = recs[recs["scope"] == district]
    city = recs[recs["scope"] == CITYWIDE]
    tables = _history_tables(found, pd.concat([own, city]))
    if own.empty and city.empty:
        return head + _note(
            f"Für {district} gibt es keine Empfehlung, weder eine eigene noch eine "
            "gesamtstädtische."
        )
    if not tables and own.empty:
        return head + _note(
            f"Für {district} gibt es keine eigene Empfehlung; für die gesamtstädtischen ist "
            "noch kein Schritt erfasst."
        )
    if not tables:
        return head + _note(
            f"Für die Empfehlungen, die {district} betreffen, ist noch kein Schritt erfasst."
        )
    if own.empty:
        lead = f"Für {district} gibt es keine eigene Empfehlung; hier die gesamtstädtischen."
    else:
        lead = f"Die Empfehlungen für {district} und die gesamtstädtischen."
    recorded = set(found.history["recommendation_id"])
    waiting = [str(i) for i in own["recommendation_id"] if i not in recorded]
    if waiting:
        lead += f" Noch ohne erfassten Schritt: Empfehlung {', '.join(waiting)}."
    return head + f"<p class='sw-note'>{esc(lead)}</p>" + tables


def district_monitoring_html(found: Monitoring, district: str) -> str:
    """The monitoring section of a district's profile."""
    return (
        f"{STYLE}<h3>{HEADING}</h3>"
        + district_needs_html(found, district)
        + district_indicators_html(found, district)
        + district_history_html(found, district)
    )


# -- the city-wide overview ------------------------------------------------------------
def city_needs_html(found: Monitoring) -> str:
    """The statuses per Sozialraum, and the needs new in the later wave."""
    head = "<h4>Bedarfe über die Wellen</h4>"
    comparison = found.comparison
    if comparison is None:
        return head + _note(public_comparison_note(found))
    summary = comparison.summary()
    if summary.empty:
        return head + _note("In den verglichenen Wellen gibt es keine Bedarfsaussagen.")
    table = table_html(
        f"Bedarfe je Sozialraum: {comparison.later} gegenüber {comparison.earlier} "
        "(Zahl der Bedarfe)",
        ("Sozialraum", *STATUSES),
        [(name, *(format_number(v) for v in row)) for name, row in summary.iterrows()],
        (False, *(True for _ in STATUSES)),
    )
    new = comparison.table[comparison.table["status"] == NEW]
    listed = "; ".join(
        f"{label} ({', '.join(group['district'])})" for label, group in new.groupby("label")
    )
    if listed:
        lead = f"Neu in der Welle „{comparison.later}“: {listed}."
    else:
        lead = f"Kein Bedarf ist in der Welle „{comparison.later}“ neu."
    legend = esc(status_legend(comparison.min_count))
    changes = _changes(comparison.district_notes)
    lead = f"<p class='sw-note'>{esc(lead)}</p>"
    return head + lead + changes + table + f"<p class='sw-note'>{legend}</p>"


def city_indicators_html(found: Monitoring) -> str:
    """Each indicator's change in the city, and the Sozialräume where it rises or falls."""
    head = "<h4>Indikatoren im Zeitverlauf</h4>"
    if found.years_note:
        return head + _note(public_years_note(found))
    trends = found.trends()
    if trends.empty:
        return head + _note("Kein Indikator liegt für mehrere Jahre vor.")
    rows = []
    for indicator, group in trends.groupby("indicator", sort=False):
        city = group[group["is_citywide"]]
        districts = group[~group["is_citywide"]]
        rises = ", ".join(districts.loc[districts["trend"] == RISING, "district"])
        falls = ", ".join(districts.loc[districts["trend"] == FALLING, "district"])
        if city.empty:
            span = change = MISSING_NUMBER
        else:
            c = city.iloc[0]
            span = _span(c["values"], c["unit"])
            change = change_words(c["change"], compact_unit(c["unit"]))
        rows.append((str(indicator), span, change, rises, falls))
    table = table_html(
        f"Indikatoren {found.years[0]}–{found.years[-1]}: Gesamtstadt und Sozialräume",
        ("Indikator", "Gesamtstadt", "Veränderung", "steigt in", "sinkt in"),
        rows,
        (False, True, True, False, False),
    )
    return head + _changes([note for _, note in found.series_notes]) + table


def city_history_html(found: Monitoring) -> str:
    """Every recommendation's current status, with the date and actor of its latest step."""
    head = "<h4>Umsetzung der Empfehlungen</h4>"
    if found.history_note:
        return head + _note(public_history_note(found))
    latest = found.history.groupby("recommendation_id").tail(1).set_index("recommendation_id")
    rows = []
    for r in found.recommendations.itertuples():
        step = latest.loc[r.recommendation_id] if r.recommendation_id in latest.index else None
        scope = "gesamtstädtisch" if r.scope == CITYWIDE else r.scope
        rows.append(
            (f"{r.recommendation_id}: {recommendation_label(r.title, r.text)}", scope, r.status,
             EMPTY_FIELD if step is None else format_date(step["date"]),
             EMPTY_FIELD if step is None else step["actor"])
        )  # fmt: skip
    table = table_html(
        "Empfehlungen: aktueller Status und letzter Schritt",
        ("Empfehlung", "Geltungsbereich", "Status", "seit", "zuletzt verantwortlich"),
        rows,
        (False, False, False, False, False),
    )
    return head + table


def city_monitoring_html(found: Monitoring) -> str:
    """The monitoring summary of the city-wide overview."""
    return (
        f"{STYLE}<h3>{HEADING}</h3>"
        + city_needs_html(found)
        + city_indicators_html(found)
        + city_history_html(found)
    )
