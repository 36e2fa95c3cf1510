"""ProfileView: a Sozialraum's profile for stakeholders, and the city-wide overview.

A view over :class:`workbench.synthesis.profiles.Profiles` (computed once, from stored runs; no
model is fitted here). Choosing a district in the dropdown shows its needs with quotes
(cross-cutting needs carry a badge), its resources and challenges, its gaps and reasons
(collapsed), its indicators beside the city value (table and bar chart) and its topics.
"Gesamtstadt" shows the city-wide overview: the needs × districts matrix, cross-cutting
vs district-specific needs, and every district's indicators against the city (a table
shaded by the index). The only plotly chart, the district's indicators, is drawn once
the page shows the text (:class:`widgets.figures.ShownSignal`): plotly's start-up in the
browser would otherwise hold back the whole page.

The HTML comes from pure functions of the profile tables (``needs_html`` …); the handler
only picks the cached parts of a district and copies them into the widgets. Every string
from the data (quotes, labels, district and indicator names, sources) is escaped, for
HTML and for plotly (:func:`widgets.figures.plot_text`).
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import pandas as pd

from widgets.app_support import (
    DEFAULT_APP_PROJECT,
    GENERIC_ERROR,
    esc,
    message,
    open_project,
    query_params,
    safe_app,
)
from widgets.figures import (
    GERMAN_SEPARATORS,
    ShownSignal,
    figure_output,
    plot_text,
    show_figure,
)
from workbench.analysis.needs import CROSS_CUTTING
from workbench.store import CITYWIDE
from workbench.synthesis.profiles import DistrictProfile, Profiles

if TYPE_CHECKING:
    import plotly.graph_objects as go

_log = logging.getLogger(__name__)

CITY_OPTION = "Gesamtstadt (Überblick)"
VISIBLE_QUOTES = 5  # quotes per need shown before "… weitere"
VISIBLE_FINDINGS = 6  # quotes per resource/challenge list shown before "… weitere"
CHART_WIDTH = 540  # px: the indicator column (chart and table) beside the needs
UNKNOWN_DISTRICT = (
    "Einen Sozialraum „{name}“ gibt es in dieser Studie nicht. Sie sehen die Übersicht "
    "für die Gesamtstadt; oben können Sie einen Sozialraum wählen."
)
INDICATOR_HEADING = "<h3>Indikatoren neben der Gesamtstadt</h3>"
EXPLAINED = {  # the analytic dimensions as stakeholders read them
    "Ressource": "Ressourcen – was im Sozialraum trägt",
    "Herausforderung": "Herausforderungen",
    "Leerstelle": "Leerstellen – was fehlt",
    "Begründung": "Begründungen – warum",
}

STYLE = """
<style>
.sw-profile { max-width: 80rem; font-size: 15px; }
.sw-indicator-table { font-size: 0.85rem; }
.sw-profile li, .sw-table td { line-height: 1.35; }
.sw-profile h2 { margin: 0.4rem 0 0.2rem; }
.sw-profile h3 { margin: 1rem 0 0.3rem; font-size: 1.1rem; }
.sw-lead { color: #444; margin: 0 0 0.4rem; }
.sw-need { border: 1px solid #d0d4da; border-radius: 6px; padding: 0.5rem 0.8rem;
  margin: 0.5rem 0; background: #fff; }
.sw-need h4 { margin: 0.1rem 0 0.2rem; font-size: 1rem; }
.sw-badge { display: inline-block; border-radius: 3px; padding: 0 0.4rem; margin-left: 0.4rem;
  font-size: 0.78rem; font-weight: normal; vertical-align: middle; }
.sw-badge-cross { background: #fdf0d5; color: #6b4a00; border: 1px solid #e6c88a; }
.sw-badge-local { background: #e8eef7; color: #1f3b63; border: 1px solid #b9c8df; }
.sw-meta { color: #555; font-size: 0.85rem; }
.sw-quotes { margin: 0.3rem 0 0.3rem 1.1rem; padding: 0; }
.sw-quote { margin: 0.2rem 0; }
.sw-quote-text { white-space: pre-wrap; }
.sw-source { color: #777; font-size: 0.8rem; margin-left: 0.3rem; }
.sw-profile details { margin: 0.3rem 0; }
.sw-profile summary { cursor: pointer; color: #1f4e8c; }
.sw-empty { color: #666; font-style: italic; }
.sw-table { border-collapse: collapse; font-size: 0.9rem; margin: 0.3rem 0; }
.sw-table th, .sw-table td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.5rem;
  text-align: left; vertical-align: top; }
.sw-table td.sw-num, .sw-table th.sw-num { text-align: right; }
.sw-note { color: #555; font-size: 0.82rem; }
</style>
"""


# -- small pure helpers ----------------------------------------------------------------
def german_number(value: object, decimals: int | None = None, sign: bool = False) -> str:
    """A number the German way, missing as "–".

    ``decimals=None``: whole numbers without decimals, others with one.

    >>> german_number(17763.0), german_number(13.9), german_number(4.3, sign=True)
    ('17.763', '13,9', '+4,3')
    >>> german_number(15.0, decimals=1), german_number(float("nan"))
    ('15,0', '–')
    """
    if value is None or pd.isna(value):
        return "–"
    number = float(value)
    places = (0 if number.is_integer() else 1) if decimals is None else decimals
    text = f"{number:+,.{places}f}" if sign else f"{number:,.{places}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def decimals_for(*values: object) -> int:
    """0 if every (present) value is whole, else 1: numbers of one row look alike.

    >>> decimals_for(118.0, 100.0), decimals_for(21.5, 15.0, None)
    (0, 1)
    """
    present = [float(v) for v in values if v is not None and not pd.isna(v)]
    return 0 if all(v.is_integer() for v in present) else 1


def resolve_district(requested: str | None, names: Sequence[str]) -> tuple[str, str]:
    """The district to show first for a URL's ``?district=``, and a notice (or "").

    Names match regardless of case and Unicode normal form; an unknown name gives the
    city-wide overview and a German notice naming what was asked for.

    >>> resolve_district("steinbüchel", ["Manfort", "Steinbüchel"])
    ('Steinbüchel', '')
    >>> resolve_district(None, ["Manfort"])
    ('Gesamtstadt', '')
    >>> resolve_district("Atlantis", ["Manfort"])[0]
    'Gesamtstadt'
    """
    if not requested:
        return CITYWIDE, ""
    wanted = unicodedata.normalize("NFC", requested).strip().casefold()
    for name in (CITYWIDE, *names):
        if unicodedata.normalize("NFC", name).casefold() == wanted:
            return name, ""
    shown = requested if len(requested) <= 60 else requested[:59] + "…"
    return CITYWIDE, UNKNOWN_DISTRICT.format(name=shown)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _source(document: object, source_id: object) -> str:
    parts = [str(p) for p in (document, source_id) if p is not None and not pd.isna(p) and p != ""]
    return f"({esc(', '.join(parts))})" if parts else ""


def quotes_html(quotes: Iterable[tuple[object, object, object]], visible: int) -> str:
    """A list of ``(text, document, source_id)`` quotes; beyond ``visible`` collapsed."""
    items = [
        f"<li class='sw-quote'><span class='sw-quote-text'>{esc(text)}</span>"
        f"<span class='sw-source'>{_source(document, source_id)}</span></li>"
        for text, document, source_id in quotes
    ]
    shown, rest = items[:visible], items[visible:]
    html = f"<ul class='sw-quotes'>{''.join(shown)}</ul>" if shown else ""
    if rest:
        more = _plural(len(rest), "weitere Aussage", "weitere Aussagen")
        html += (
            f"<details class='sw-more'><summary>{more}</summary>"
            f"<ul class='sw-quotes'>{''.join(rest)}</ul></details>"
        )
    return html


def _quote_rows(table: pd.DataFrame) -> list[tuple[object, object, object]]:
    return list(zip(table["quote"], table["document"], table["source_id"], strict=True))


def scope_badge(scope: str, n_districts: int) -> str:
    """The badge of a need: cross-cutting (with the number of districts) or local."""
    if scope == CROSS_CUTTING:
        title = f"in {n_districts} Sozialräumen genannt"
        return f"<span class='sw-badge sw-badge-cross' title='{esc(title)}'>übergreifend</span>"
    return "<span class='sw-badge sw-badge-local'>sozialraumspezifisch</span>"


# -- the parts of a district's profile -------------------------------------------------
def needs_html(profile: DistrictProfile) -> str:
    """The district's needs (most statements first), each with its quotes from here."""
    where = "dem Auftaktworkshop" if profile.district == CITYWIDE else profile.district
    head = "<h3>Bedarfe</h3>"
    if profile.needs.empty:
        coded = profile.quotes("Bedarf")
        if coded.empty:
            return f"{head}<p class='sw-empty'>Aus {esc(where)} sind keine Bedarfe erfasst.</p>"
        return (
            f"{head}<p class='sw-note'>Die Bedarfe sind noch nicht über die Sozialräume "
            f"gruppiert; hier die als Bedarf kodierten Aussagen.</p>"
            f"<div class='sw-need'>{quotes_html(_quote_rows(coded), VISIBLE_QUOTES)}</div>"
        )
    quotes = {int(c): group for c, group in profile.need_quotes.groupby("cluster", sort=False)}
    cards = []
    for need in profile.needs.itertuples():
        others = [d for d in need.districts if d != profile.district]
        also = f" · auch genannt in {esc(', '.join(others))}" if others else ""
        own = quotes.get(int(need.cluster), profile.need_quotes.iloc[0:0])
        cards.append(
            f"<div class='sw-need' data-cluster='{int(need.cluster)}'>"
            f"<h4>{esc(need.label)}{scope_badge(need.scope, int(need.n_districts))}</h4>"
            f"<div class='sw-meta'>{_plural(int(need.segments), 'Aussage', 'Aussagen')} "
            f"aus {esc(where)}{also}</div>"
            f"{quotes_html(_quote_rows(own), VISIBLE_QUOTES)}</div>"
        )
    return head + "".join(cards)


def findings_html(profile: DistrictProfile) -> str:
    """Resources and challenges (open), gaps and reasons (collapsed), as quotes."""
    parts = []
    for dimension in ("Ressource", "Herausforderung"):
        table = profile.quotes(dimension)
        body = (
            quotes_html(_quote_rows(table), VISIBLE_FINDINGS)
            if len(table)
            else "<p class='sw-empty'>keine erfasst</p>"
        )
        parts.append(
            f"<div class='sw-dimension' data-dimension='{esc(dimension)}'>"
            f"<h3>{esc(EXPLAINED[dimension])} <span class='sw-meta'>({len(table)})</span></h3>"
            f"{body}</div>"
        )
    for dimension in ("Leerstelle", "Begründung"):
        table = profile.quotes(dimension)
        body = (
            quotes_html(_quote_rows(table), len(table))
            if len(table)
            else "<p class='sw-empty'>keine erfasst</p>"
        )
        parts.append(
            f"<details class='sw-dimension' data-dimension='{esc(dimension)}'>"
            f"<summary><b>{esc(EXPLAINED[dimension])}</b> ({len(table)})</summary>{body}</details>"
        )
    return "".join(parts)


def _unit(value: object, unit: object, decimals: int | None = None) -> str:
    number = german_number(value, decimals)
    return f"{number} {esc(unit)}" if len(str(unit)) <= 3 else number


def _long_unit(row: Any) -> str:
    """A unit too long to stand beside each number (shown in its own column)."""
    unit = "" if row is None else str(row.unit)
    return unit if len(unit) > 3 else ""


def indicator_table_html(table: pd.DataFrame, district: str) -> str:
    """Indicators of a district beside the city value (``COMPARISON_COLUMNS`` rows).

    Year, a long unit and any note stand under the indicator's name, so that the table
    fits beside the needs.
    """
    if table.empty:
        return f"<p class='sw-empty'>Für {esc(district)} sind keine Indikatoren hinterlegt.</p>"
    rows = []
    for r in table.itertuples():
        mark = "*" if bool(r.illustrative) else ""
        details = " · ".join(str(x) for x in (int(r.year), _long_unit(r), r.note) if x)
        index = german_number(round(r.index) if pd.notna(r.index) else r.index)
        places = decimals_for(r.value, r.city_value)
        rows.append(
            f"<tr><td>{esc(r.indicator)}{mark}<div class='sw-note'>{esc(details)}</div></td>"
            f"<td class='sw-num'>{_unit(r.value, r.unit, places)}</td>"
            f"<td class='sw-num'>{_unit(r.city_value, r.city_unit, places)}</td>"
            f"<td class='sw-num'>{german_number(r.difference, places, sign=True)}</td>"
            f"<td class='sw-num'>{index}</td></tr>"
        )
    sources = sorted(set(table["source"]))
    footnote = (
        "* illustrative Werte (Demo-Studie), keine amtlichen Zahlen. "
        if any(table["illustrative"])
        else ""
    )
    return (
        "<table class='sw-table sw-indicator-table'><thead><tr><th>Indikator</th>"
        f"<th class='sw-num'>{esc(district)}</th><th class='sw-num'>Gesamtstadt</th>"
        "<th class='sw-num'>Differenz</th><th class='sw-num'>Index</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        f"<p class='sw-note'>{footnote}Index: Wert des Sozialraums je Wert der Gesamtstadt "
        f"× 100. Quellen: {esc('; '.join(sources))}</p>"
    )


def indicator_figure(table: pd.DataFrame, district: str) -> go.Figure | None:
    """Bars of the district's index per indicator (Gesamtstadt = 100); None if none."""
    import plotly.graph_objects as go

    shown = table[table["index"].notna()].sort_values("index")
    if shown.empty:
        return None
    hover = [
        f"{plot_text(r.indicator)} ({int(r.year)})<br>{plot_text(district)}: "
        f"{german_number(r.value)} · Gesamtstadt: {german_number(r.city_value)}"
        f"<br>{plot_text(r.unit, width=50)}"
        for r in shown.itertuples()
    ]
    figure = go.Figure(
        go.Bar(
            x=shown["index"].round(1).tolist(),
            y=[plot_text(name, limit=45) for name in shown["indicator"]],
            orientation="h",
            marker_color="#1f4e8c",
            hovertext=hover,
            hoverinfo="text",
            text=[german_number(round(v)) for v in shown["index"]],
            textposition="outside",
            name=plot_text(district),
        )
    )
    top = max(float(shown["index"].max()), 100.0) * 1.15
    figure.update_layout(
        title=f"{plot_text(district)} im Verhältnis zur Gesamtstadt (= 100)",
        width=CHART_WIDTH,
        template="plotly_white",
        separators=GERMAN_SEPARATORS,
        height=90 + 34 * len(shown),
        margin={"l": 10, "r": 20, "t": 50, "b": 30},
        xaxis={"range": [0, top], "title": "Index"},
        yaxis={"automargin": True},
        shapes=[
            {
                "type": "line",
                "x0": 100,
                "x1": 100,
                "yref": "paper",
                "y0": 0,
                "y1": 1,
                "line": {"color": "#b34700", "dash": "dash", "width": 2},
            }
        ],
        annotations=[
            {
                "x": 100,
                "yref": "paper",
                "y": 1.0,
                "text": "Gesamtstadt",
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "bottom",
                "font": {"color": "#b34700"},
            }
        ],
        showlegend=False,
    )
    return figure


def topics_html(profile: DistrictProfile) -> str:
    """The district's share of each topic beside its share in all workshops (collapsed)."""
    if profile.topics.empty:
        return ""
    rows = "".join(
        f"<tr><td>{esc(t.label)}</td><td class='sw-num'>{int(t.segments)}</td>"
        f"<td class='sw-num'>{german_number(100 * t.share, 1)} %</td>"
        f"<td class='sw-num'>{german_number(100 * t.share_all, 1)} %</td></tr>"
        for t in profile.topics.itertuples()
    )
    return (
        "<details class='sw-topic-shares'><summary><b>Themen der Aussagen</b></summary>"
        "<table class='sw-table'><thead><tr><th>Thema</th><th class='sw-num'>Aussagen</th>"
        "<th class='sw-num'>Anteil hier</th><th class='sw-num'>Anteil insgesamt</th></tr>"
        f"</thead><tbody>{rows}</tbody></table></details>"
    )


def district_heading(profile: DistrictProfile) -> str:
    """Title and one line on where the statements come from."""
    workshops = ", ".join(profile.workshops) or "keinem Workshop"
    notes = "".join(f"<p class='sw-note'>{esc(n)}</p>" for n in profile.notes)
    return (
        f"<h2>Sozialraumprofil {esc(profile.district)}</h2>"
        f"<p class='sw-lead'>{_plural(profile.segments, 'Aussage', 'Aussagen')} aus "
        f"{esc(workshops)}. Entspricht das Ihrer Erfahrung?</p>{notes}"
    )


# -- the city-wide overview -------------------------------------------------------------
def _districts(profiles: Profiles) -> list[str]:
    return [CITYWIDE, *profiles.names]


def _shade(count: int, peak: int) -> str:
    return f"rgba(31, 78, 140, {0.08 + 0.5 * count / peak:.2f})"


def matrix_html(profiles: Profiles) -> str:
    """The needs × districts matrix: statements per need and district, shaded."""
    matrix = profiles.need_matrix
    if matrix.empty:
        return (
            "<h3>Bedarfe nach Sozialraum</h3><p class='sw-empty'>Noch keine Bedarfe gruppiert.</p>"
        )
    columns = [d for d in _districts(profiles) if d in matrix.columns]
    peak = max(int(matrix[columns].to_numpy().max()), 1)
    head = "".join(
        f"<th class='sw-num'>{'Gesamtstadt (Auftakt)' if d == CITYWIDE else esc(d)}</th>"
        for d in columns
    )
    rows = []
    for r in matrix.to_dict(orient="records"):
        cells = "".join(
            f"<td class='sw-num' style='background: {_shade(r[d], peak)}'>{int(r[d])}</td>"
            if r[d]
            else "<td class='sw-num'></td>"
            for d in columns
        )
        rows.append(
            f"<tr><td>{esc(r['label'])}{scope_badge(r['scope'], int(r['n_districts']))}</td>"
            f"{cells}<td class='sw-num'>{int(r['size'])}</td></tr>"
        )
    return (
        "<h3>Bedarfe nach Sozialraum</h3><p class='sw-note'>Zahl der Aussagen je Bedarf und "
        "Sozialraum. Übergreifend heißt: in mehreren Sozialräumen genannt.</p>"
        f"<table class='sw-table sw-matrix-table'><thead><tr><th>Bedarf</th>{head}"
        f"<th class='sw-num'>Summe</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def scope_html(profiles: Profiles) -> str:
    """Cross-cutting and district-specific needs, each with the districts raising them."""

    def listing(table: pd.DataFrame) -> str:
        if table.empty:
            return "<p class='sw-empty'>keine</p>"
        items = "".join(
            f"<li>{esc(r['label'])} <span class='sw-meta'>("
            f"{esc(', '.join(d for d in _districts(profiles) if d != CITYWIDE and r.get(d)))})"
            f"</span></li>"
            for r in table.to_dict(orient="records")
        )
        return f"<ul>{items}</ul>"

    cross, local = profiles.cross_cutting(), profiles.district_specific()
    return (
        f"<div class='sw-scope-cross'><h3>Übergreifende Bedarfe ({len(cross)})</h3>"
        f"{listing(cross)}</div>"
        f"<div class='sw-scope-local'><h3>Sozialraumspezifische Bedarfe ({len(local)})</h3>"
        f"{listing(local)}</div>"
    )


def _index_cell(row: Any, places: int) -> str:
    """A district's value, shaded by its index: orange above the city, purple below."""
    if row is None:
        return "<td class='sw-num'>–</td>"
    value = _unit(row.value, row.unit, places)
    if pd.isna(row.index):
        return f"<td class='sw-num'>{value}</td>"
    strength = min(abs(float(row.index) - 100) / 60, 1.0)
    colour = "230, 145, 56" if row.index > 100 else "94, 60, 153"
    title = f"Index {german_number(round(row.index))} (Gesamtstadt = 100)"
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
    rows = []
    for indicator, year in keys:
        own = city_values.get((indicator, year))
        found = [values.get((d, indicator, year)) for d in profiles.names]
        present = [r for r in (own, *found) if r is not None]
        places = decimals_for(*(r.value for r in present))
        cells = "".join(_index_cell(r, places) for r in found)
        city_cell = _unit(own.value, own.unit, places) if own is not None else "–"
        rows.append(
            f"<tr><td>{esc(indicator)}</td><td>{year}</td>"
            f"<td>{esc(_long_unit(present[0]))}</td>{cells}"
            f"<td class='sw-num'><b>{city_cell}</b></td></tr>"
        )
    head = "".join(f"<th class='sw-num'>{esc(d)}</th>" for d in profiles.names)
    return (
        f"<table class='sw-table sw-city-indicator-table'><thead><tr><th>Indikator</th>"
        f"<th>Jahr</th><th>Einheit</th>{head}<th class='sw-num'>Gesamtstadt</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table><p class='sw-note'>Farbe: orange über, lila "
        "unter dem Wert der Gesamtstadt; je kräftiger, desto größer der Abstand.</p>"
    )


# -- the view ----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Parts:
    """The rendered parts of one district's profile (or the city's overview)."""

    heading: str
    sections: tuple[str, ...]


def district_parts(profile: DistrictProfile) -> _Parts:
    """Heading and HTML sections (needs, findings, indicators, topics)."""
    return _Parts(
        heading=district_heading(profile),
        sections=(
            needs_html(profile),
            findings_html(profile),
            indicator_table_html(profile.indicators, profile.district),
            topics_html(profile),
        ),
    )


def city_parts(profiles: Profiles) -> _Parts:
    """Heading and HTML sections (matrix, scopes, indicators, kick-off needs)."""
    city = profiles.city
    kickoff = (
        "<details class='sw-kickoff'><summary><b>Bedarfe aus dem gesamtstädtischen "
        f"Auftaktworkshop</b></summary>{needs_html(city)}</details>"
        if city.segments
        else ""
    )
    notes = "".join(f"<p class='sw-note'>{esc(n)}</p>" for n in profiles.notes)
    return _Parts(
        heading=(
            "<h2>Gesamtstadt: alle Sozialräume im Überblick</h2><p class='sw-lead'>Welche "
            "Bedarfe in vielen Sozialräumen genannt wurden und welche nur in einzelnen. "
            f"Wählen Sie oben einen Sozialraum für sein Profil.</p>{notes}"
        ),
        sections=(
            matrix_html(profiles),
            scope_html(profiles),
            city_indicator_html(profiles),
            kickoff,
        ),
    )


SECTION_CLASSES = ("sw-needs", "sw-findings", "sw-indicators", "sw-topics")
CITY_SECTION_CLASSES = ("sw-matrix", "sw-scope", "sw-city-indicators", "sw-city-needs")


class ProfileView(w.VBox):
    """A district's profile, or the city-wide overview, chosen in a dropdown.

    Parameters
    ----------
    profiles: what :func:`workbench.synthesis.profiles.build_profiles` returns.
    district: shown first (``Gesamtstadt``: the city-wide overview).
    notice: a German message shown above the view (e.g. an unknown district in the URL).
    """

    def __init__(self, profiles: Profiles, district: str = CITYWIDE, notice: str = ""):
        super().__init__()
        self.profiles = profiles
        self._parts: dict[str, _Parts] = {}
        self._figures: dict[str, go.Figure | None] = {}
        self.notice = w.VBox([message(notice, kind="info")] if notice else [])
        self.notice.add_class("sw-notice")
        self.district = w.Dropdown(
            options=[(CITY_OPTION, CITYWIDE), *((name, name) for name in profiles.names)],
            value=district,
            description="Sozialraum:",
            style={"description_width": "initial"},
            layout=w.Layout(width="24rem"),
        )
        self.district.add_class("sw-district")
        self.heading = w.HTML()
        self.heading.add_class("sw-profile-title")
        self.sections = [w.HTML() for _ in SECTION_CLASSES]
        for widget, css in zip(self.sections, SECTION_CLASSES, strict=True):
            widget.add_class(css)
        self.chart = figure_output("sw-indicator-chart")
        self.city_sections = [w.HTML() for _ in CITY_SECTION_CLASSES]
        for widget, css in zip(self.city_sections, CITY_SECTION_CLASSES, strict=True):
            widget.add_class(css)
        needs, findings, indicators, topics = self.sections
        # Two columns on a wide screen (qualitative left, numbers right), one on a narrow.
        self.district_part = w.Box(
            [
                w.VBox(
                    [needs, findings],
                    layout=w.Layout(flex="1 1 28rem", min_width="0", margin="0 1.5rem 0 0"),
                ),
                w.VBox(
                    [w.HTML(INDICATOR_HEADING), self.chart, indicators, topics],
                    layout=w.Layout(flex=f"0 0 {CHART_WIDTH}px"),
                ),
            ],
            layout=w.Layout(display="flex", flex_flow="row wrap", align_items="flex-start"),
        )
        self.district_part.add_class("sw-district-profile")
        matrix, scope, city_indicators, kickoff = self.city_sections
        self.city_part = w.VBox(
            [
                matrix,
                scope,
                w.HTML("<h3>Indikatoren aller Sozialräume</h3>"),
                city_indicators,
                kickoff,
            ]
        )
        self.city_part.add_class("sw-city")
        self.body = w.VBox()
        # The chart is drawn once the page shows the text (see widgets.figures).
        self.shown = ShownSignal(self._guard(self.draw_chart))
        self.children = [
            w.HTML(STYLE), self.notice, self.district, self.heading, self.body, self.shown
        ]  # fmt: skip
        self.add_class("sw-profile")
        self.district.observe(self._guard(self._on_district), names="value")
        self.show(district)

    def show(self, district: str) -> None:
        """Show ``district``'s profile (``Gesamtstadt``: the overview)."""
        parts = self._render(district)
        city = district == CITYWIDE
        self.heading.value = parts.heading
        for widget, html in zip(
            self.city_sections if city else self.sections, parts.sections, strict=True
        ):
            widget.value = html
        self.body.children = [self.city_part if city else self.district_part]
        if self.district.value != district:
            self.district.value = district
        if self.shown.fired:
            self.draw_chart()

    def draw_chart(self) -> None:
        """Draw the indicator chart of the district shown (none for the overview)."""
        district = self.district.value
        if district == CITYWIDE:
            self.chart.outputs = ()
            return
        if district not in self._figures:
            profile = self.profiles.profile(district)
            self._figures[district] = indicator_figure(profile.indicators, district)
        figure = self._figures[district]
        if figure is None:
            self.chart.outputs = ()
        else:
            show_figure(self.chart, figure)

    def _render(self, district: str) -> _Parts:
        if district not in self._parts:
            if district == CITYWIDE:
                self._parts[district] = city_parts(self.profiles)
            else:
                self._parts[district] = district_parts(self.profiles.profile(district))
        return self._parts[district]

    def _on_district(self, change: Mapping[str, Any]) -> None:
        self.notice.children = []
        self.show(change["new"])

    def _guard(self, handler: Callable[..., None]) -> Callable[..., None]:
        """Run a handler; an unexpected error becomes a German message, not a traceback."""

        @functools.wraps(handler)
        def run(*args: Any) -> None:
            try:
                handler(*args)
            except Exception:
                _log.info("Profilansicht: Fehler in %s", handler.__name__, exc_info=True)
                self.notice.children = [message(GENERIC_ERROR)]

        return run


def profile_app(
    environ: Mapping[str, str] | None = None, default_project: str | Path = DEFAULT_APP_PROJECT
) -> w.Widget:
    """The Voilà app: project from ``WORKBENCH_PROJECT``, district from ``?district=``.

    Reads the latest stored need and topic runs once and closes the project; never
    raises (a missing project or any error becomes a German message).
    """
    from workbench.synthesis.profiles import build_profiles

    def build() -> w.Widget:
        with open_project(environ, default_project) as project:
            profiles = build_profiles(project)
        district, notice = resolve_district(query_params(environ).get("district"), profiles.names)
        return ProfileView(profiles, district, notice)

    return safe_app(build)
