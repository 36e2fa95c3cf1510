"""The HTML of a Sozialraum's profile and of the city-wide overview (pure functions).

Each part (needs, findings, indicators, topics; the needs × districts matrix, the scopes,
every district's indicators) is a function of the profile tables in
:class:`workbench.synthesis.profiles.Profiles`; :class:`widgets.profile_view.ProfileView`
caches the parts and copies them into its widgets. Every string from the data is escaped.
Missing metadata is named: a need raised only city-wide "ohne Sozialraum" — never ``nan``,
``<NA>`` or an empty "()"; a quote names its speaker's role only where there is one.
The indicators' HTML is in :mod:`widgets.profile_indicators_html`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from widgets.app_support import esc
from widgets.feedback_texts import short_quote
from widgets.profile_indicators_html import city_indicator_html, indicator_table_html
from workbench.analysis.need_clusters import PUBLIC_NO_NEED_RUN
from workbench.analysis.need_scope import focus_text
from workbench.analysis.needs import CROSS_CUTTING, NO_DISTRICT
from workbench.core.formatting import (
    MISSING_DISTRICT,
    format_number,
    format_percent,
    is_missing,
    plural,
    text_or,
)
from workbench.store import CITYWIDE
from workbench.synthesis.citywide import city_words, column_name
from workbench.synthesis.geo import Shape
from workbench.synthesis.map_svg import map_figure, profile_maps
from workbench.synthesis.profiles import DistrictProfile, Profiles
from workbench.synthesis.reports.outline import PUBLIC_NO_CODINGS

VISIBLE_QUOTES = 5  # quotes per need shown before "… weitere"
VISIBLE_FINDINGS = 6  # quotes per resource/challenge list shown before "… weitere"
# Quotes of one list sent to the browser at most: a need of 1,000 statements (a Pol.is
# export) would otherwise ship them all, a megabyte per page. The lists come most
# typical (needs) or most agreed-on (findings) first.
QUOTE_LIMIT = 40
NO_DISTRICTS = (
    "In dieser Studie sind noch keine Sozialräume angelegt; alle Aussagen gelten der Gesamtstadt."
)
EXPLAINED = {  # the analytic dimensions as stakeholders read them
    "Ressource": "Ressourcen – was im Sozialraum trägt",
    "Herausforderung": "Herausforderungen",
    "Leerstelle": "Leerstellen – was fehlt",
    "Begründung": "Begründungen – warum",
}


# -- small pure helpers ----------------------------------------------------------------
QuoteRow = tuple[object, object, object, object]  # text, document, source_id, speaker role


def quote_source(document: object, source_id: object, role: object) -> str:
    """Where a quote comes from: document, statement ("Aussage 12", as the reports and the
    site name it; a bare number says nothing to a reader) and speaker role (escaped).

    >>> quote_source("protokoll.md", "12", "Jugendhilfe")
    '(protokoll.md, Aussage 12 · Rolle: Jugendhilfe)'
    >>> quote_source("karten.csv", pd.NA, None)
    '(karten.csv)'
    """
    statement = None if is_missing(source_id) else f"Aussage {source_id}"
    where = ", ".join(str(p) for p in (document, statement) if not is_missing(p))
    named = text_or(role, "")
    shown = " · ".join(p for p in (where, f"Rolle: {named}" if named else "") if p)
    return f"({esc(shown)})" if shown else ""


def quotes_html(quotes: Iterable[QuoteRow], visible: int, limit: int = QUOTE_LIMIT) -> str:
    """A list of ``(text, document, source_id, role)`` quotes; beyond ``visible`` collapsed,
    beyond ``limit`` only counted."""
    rows = list(quotes)
    items = [  # dir='auto': a right-to-left quote reads as one, its source stays beside
        f"<li class='sw-quote'><span class='sw-quote-text' dir='auto'>{esc(short_quote(text))}"
        "</span>"
        f"<span class='sw-source'>{quote_source(document, source_id, role)}</span></li>"
        for text, document, source_id, role in rows[: max(limit, visible)]
    ]
    shown, rest = items[:visible], items[visible:]
    html = f"<ul class='sw-quotes'>{''.join(shown)}</ul>" if shown else ""
    if rest:
        more = plural(len(rest), "weitere Aussage", "weitere Aussagen")
        html += (
            f"<details class='sw-more'><summary>{more}</summary>"
            f"<ul class='sw-quotes'>{''.join(rest)}</ul></details>"
        )
    left = len(rows) - len(items)
    if left > 0:
        html += (
            f"<p class='sw-note sw-not-shown'>… und "
            f"{plural(left, 'weitere Aussage', 'weitere Aussagen')}, hier nicht gezeigt "
            "(alle Aussagen stehen im Export des Forschungsteams).</p>"
        )
    return html


def _quote_rows(table: pd.DataFrame) -> list[QuoteRow]:
    columns = ("quote", "document", "source_id", "speaker_role")
    return list(zip(*(table[c] for c in columns), strict=True))


def scope_badge(scope: str, n_districts: int, focus: Sequence[str] = ()) -> str:
    """The badge of a need: cross-cutting or local, its title saying why (the number of
    districts, the focus district).

    >>> "title='in 1 Sozialraum genannt'" in scope_badge("sozialraumspezifisch", 1)
    True
    """
    named = f"in {plural(n_districts, 'Sozialraum', 'Sozialräumen')} genannt"
    if scope == CROSS_CUTTING:
        title = f"{named}, in keinem gehäuft"
        return f"<span class='sw-badge sw-badge-cross' title='{esc(title)}'>übergreifend</span>"
    if scope == NO_DISTRICT:
        return "<span class='sw-badge'>ohne Sozialraum</span>"
    why = focus_text(focus) or named
    return f"<span class='sw-badge sw-badge-local' title='{esc(why)}'>sozialraumspezifisch</span>"


# -- the parts of a district's profile -------------------------------------------------
def needs_html(
    profile: DistrictProfile,
    focus: Mapping[int, Sequence[str]] | None = None,
    scoped: bool = True,
) -> str:
    """The district's needs (most statements first), each with its quotes from here and
    its focus districts (``focus``: cluster → districts, see ``Profiles.need_focus``);
    without a scope badge unless ``scoped`` (``Profiles.scope_decided``)."""
    focus = focus or {}
    city = profile.district == CITYWIDE
    words = city_words(profile.workshops)  # the city's statements: a kick-off, or none
    origin = words.origin if city else f"aus {profile.district}"
    head = "<h3>Bedarfe</h3>"
    if profile.needs.empty:
        coded = profile.quotes("Bedarf")
        if coded.empty:
            none = (
                PUBLIC_NO_NEED_RUN  # neither clustered nor coded: not "none", but not yet
                if not (profile.clustered or profile.coded)
                else words.none_found("Bedarfe")
                if city
                else f"Aus {profile.district} sind keine Bedarfe erfasst."
            )
            return f"{head}<p class='sw-empty'>{esc(none)}</p>"
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
        centre = tuple(focus.get(int(need.cluster), ()))
        badge = scope_badge(need.scope, int(need.n_districts), centre) if scoped else ""
        shown = f" · {esc(focus_text(centre))}" if centre else ""
        cards.append(
            f"<div class='sw-need' data-cluster='{int(need.cluster)}'>"
            f"<h4>{esc(need.label)}{badge}</h4>"
            f"<div class='sw-meta'>{plural(int(need.segments), 'Aussage', 'Aussagen')} "
            f"{esc(origin)}{shown}{also}</div>"
            f"{quotes_html(_quote_rows(own), VISIBLE_QUOTES)}</div>"
        )
    return head + "".join(cards)


def findings_html(profile: DistrictProfile) -> str:
    """Resources and challenges (open), gaps and reasons (collapsed), as quotes; one
    sentence if nothing in the project is coded yet (as on the public site)."""
    if not profile.coded:  # "keine erfasst" under each would read as "none were named"
        names = [EXPLAINED[d].split(" – ")[0] for d in EXPLAINED]
        return (
            f"<div class='sw-dimension'><h3>{', '.join(names[:-1])} und {names[-1]}</h3>"
            f"<p class='sw-empty'>{esc(PUBLIC_NO_CODINGS)}</p></div>"
        )
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
            quotes_html(_quote_rows(table), QUOTE_LIMIT)
            if len(table)
            else "<p class='sw-empty'>keine erfasst</p>"
        )
        parts.append(
            f"<details class='sw-dimension' data-dimension='{esc(dimension)}'>"
            f"<summary><b>{esc(EXPLAINED[dimension])}</b> ({len(table)})</summary>{body}</details>"
        )
    return "".join(parts)


def topics_html(profile: DistrictProfile) -> str:
    """The district's share of each topic beside its share in all workshops (collapsed)."""
    if profile.topics.empty:
        return ""
    rows = "".join(
        f"<tr><td>{esc(t.label)}</td><td class='sw-num'>{format_number(t.segments)}</td>"
        f"<td class='sw-num'>{format_percent(t.share)}</td>"
        f"<td class='sw-num'>{format_percent(t.share_all)}</td></tr>"
        for t in profile.topics.itertuples()
    )
    return (
        "<details class='sw-topic-shares'><summary><b>Themen der Aussagen</b></summary>"
        "<table class='sw-table'><thead><tr><th>Thema</th><th class='sw-num'>Aussagen</th>"
        "<th class='sw-num'>Anteil hier</th><th class='sw-num'>Anteil insgesamt</th></tr>"
        f"</thead><tbody>{rows}</tbody></table></details>"
    )


def district_heading(profile: DistrictProfile) -> str:
    """Title and one line on where the statements come from; the notes as stakeholders
    read them (what is missing, no command: ``public_notes``); that the needs are not yet
    analysed, when neither clustered nor coded, is said once: in their section."""
    said_below = not (profile.clustered or profile.coded)  # needs_html says it then
    shown = [n for n in profile.public_notes if not (said_below and n == PUBLIC_NO_NEED_RUN)]
    notes = "".join(f"<p class='sw-note'>{esc(n)}</p>" for n in shown)
    lead = ""  # without statements the notes say so
    if profile.segments:
        lead = (
            f"<p class='sw-lead'>{esc(profile.statements_line())}. "
            "Entspricht das Ihrer Erfahrung?</p>"
        )
    return f"<h2>Sozialraumprofil {esc(profile.district)}</h2>{lead}{notes}"


# -- the city-wide overview -------------------------------------------------------------
def _districts(profiles: Profiles) -> list[str]:
    return [CITYWIDE, *profiles.names]


def _shade(count: int, peak: int) -> str:
    return f"background: rgba(31, 78, 140, {0.08 + 0.5 * count / peak:.2f})"


def raised_in(row: dict[str, Any], districts: Iterable[str]) -> str:
    """The districts (not the city) that raised a need, or "ohne Sozialraum".

    >>> raised_in({"Manfort": 2, "Opladen": 0}, ["Manfort", "Opladen"])
    'Manfort'
    >>> raised_in({"Gesamtstadt": 3}, ["Gesamtstadt"])
    'ohne Sozialraum'
    """
    named = [d for d in districts if d != CITYWIDE and row.get(d)]
    return ", ".join(named) or MISSING_DISTRICT


def matrix_html(profiles: Profiles) -> str:
    """The needs × districts matrix: statements per need and district, shaded."""
    matrix = profiles.need_matrix
    if matrix.empty:
        return (
            "<h3>Bedarfe nach Sozialraum</h3><p class='sw-empty'>Noch keine Bedarfe gruppiert.</p>"
        )
    known = [d for d in _districts(profiles) if d in matrix.columns]
    columns = [d for d in known if matrix[d].astype("int64").sum() > 0]
    no_kickoff = not profiles.city.segments  # then the city is not silent: it was not asked
    city = profiles.city.workshops
    silent = [
        column_name(d, city)
        for d in known
        if d not in columns and not (d == CITYWIDE and no_kickoff)
    ]
    peak = max(int(matrix[columns].to_numpy().max()), 1) if columns else 1
    head = "".join(f"<th class='sw-num'>{esc(column_name(d, city))}</th>" for d in columns)
    rows = []
    for r in matrix.to_dict(orient="records"):
        cells = "".join(
            f"<td class='sw-num' style='{_shade(r[d], peak)}'>{format_number(r[d])}</td>"
            if r[d]
            else "<td class='sw-num'></td>"
            for d in columns
        )
        badge = (
            scope_badge(r["scope"], int(r["n_districts"]), profiles.focus(r["cluster"]))
            if profiles.scope_decided
            else ""
        )
        rows.append(
            f"<tr><td>{esc(r['label'])}{badge}</td>"
            f"{cells}<td class='sw-num'>{format_number(r['size'])}</td></tr>"
        )
    asked = (
        f"Geclustert wurden nur die Antworten unter Leitfragen mit „{profiles.need_question}“. "
        if profiles.need_question
        else ""
    )
    return (
        "<h3>Bedarfe nach Sozialraum</h3><p class='sw-note'>Zahl der Aussagen je Bedarf und "
        f"Sozialraum. {esc(asked)}{esc(profiles.scope_rule())}</p>"
        + (
            f"<p class='sw-note'>Ohne Aussagen in den Bedarfen: {esc(', '.join(silent))}.</p>"
            if silent
            else ""
        )
        + f"<table class='sw-table sw-matrix-table'><thead><tr><th>Bedarf</th>{head}"
        f"<th class='sw-num'>Summe</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def scope_html(profiles: Profiles) -> str:
    """Cross-cutting and district-specific needs, each with the districts raising them."""

    def listing(table: pd.DataFrame) -> str:
        if table.empty:
            return "<p class='sw-empty'>keine</p>"

        def where(r: dict[str, Any]) -> str:  # the focus first, then where it was raised
            raised = raised_in(r, _districts(profiles))
            centre = focus_text(profiles.focus(r["cluster"]))
            return f"{centre}; genannt in: {raised}" if centre else raised

        items = "".join(
            f"<li>{esc(r['label'])} <span class='sw-meta'>({esc(where(r))})</span></li>"
            for r in table.to_dict(orient="records")
        )
        return f"<ul>{items}</ul>"

    if not profiles.scope_decided:  # one district or none (the matrix's note says why)
        needs = profiles.need_matrix
        if needs.empty:  # the matrix says "Noch keine Bedarfe gruppiert", not "(0) keine"
            return ""
        return f"<div class='sw-scope-none'><h3>Bedarfe ({len(needs)})</h3>{listing(needs)}</div>"
    cross, local = profiles.cross_cutting(), profiles.district_specific()
    elsewhere = profiles.without_district()
    return (
        f"<div class='sw-scope-cross'><h3>Übergreifende Bedarfe ({len(cross)})</h3>"
        f"{listing(cross)}</div>"
        f"<div class='sw-scope-local'><h3>Sozialraumspezifische Bedarfe ({len(local)})</h3>"
        f"{listing(local)}</div>"
        + (
            f"<div class='sw-scope-none'><h3>Bedarfe ohne Sozialraum ({len(elsewhere)})</h3>"
            f"{listing(elsewhere)}</div>"
            if not elsewhere.empty
            else ""
        )
    )


def overview_map_html(profiles: Profiles, boundaries: Mapping[str, Shape] | None = None) -> str:
    """Maps of the overview (first need's shares, indicators against the city) as SVG.

    Without ``boundaries`` the maps are schematic tile maps, labelled so.
    """
    maps = profile_maps(profiles) if profiles.names else []
    if not maps:
        return ""
    figures = "".join(
        map_figure(m.key, m.title, m.values, boundaries, m.percent, m.value_label) for m in maps
    )
    return f"<h3>Karten</h3><div class='sw-maps'>{figures}</div>"


# -- the view ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ProfileParts:
    """The rendered parts of one district's profile (or the city's overview)."""

    heading: str
    sections: tuple[str, ...]


def district_parts(
    profile: DistrictProfile,
    focus: Mapping[int, Sequence[str]] | None = None,
    scoped: bool = True,
) -> ProfileParts:
    """Heading and HTML sections (needs, findings, indicators, topics); ``focus`` and
    ``scoped`` as for :func:`needs_html`."""
    return ProfileParts(
        heading=district_heading(profile),
        sections=(
            needs_html(profile, focus, scoped),
            findings_html(profile),
            indicator_table_html(profile.indicators, profile.district),
            topics_html(profile),
        ),
    )


def city_parts(profiles: Profiles, boundaries: Mapping[str, Shape] | None = None) -> ProfileParts:
    """Heading and HTML sections (matrix, scopes, indicators, kick-off needs)."""
    city = profiles.city
    kickoff = (
        f"<details class='sw-kickoff'><summary><b>{esc(profiles.city_words.needs_title)}"
        f"</b></summary>{needs_html(city, profiles.need_focus, profiles.scope_decided)}</details>"
        if city.segments
        else ""
    )
    notes = "".join(f"<p class='sw-note'>{esc(n)}</p>" for n in profiles.public_notes)
    lead = (
        "Welche Bedarfe in vielen Sozialräumen genannt wurden und welche nur in einzelnen. "
        if profiles.scope_decided or profiles.need_matrix.empty
        else ""
    )
    title = "Gesamtstadt: alle Sozialräume im Überblick"
    lead += "Wählen Sie oben einen Sozialraum für sein Profil."
    if not profiles.names:  # no Sozialraum to choose or compare: the city's statements only
        notes += f"<p class='sw-note'>{NO_DISTRICTS}</p>"
        title, lead = "Gesamtstadt im Überblick", ""
    return ProfileParts(
        heading=f"<h2>{title}</h2>" + (f"<p class='sw-lead'>{lead}</p>" if lead else "") + notes,
        sections=(
            matrix_html(profiles),
            scope_html(profiles),
            city_indicator_html(profiles) + overview_map_html(profiles, boundaries),
            kickoff,
        ),
    )
