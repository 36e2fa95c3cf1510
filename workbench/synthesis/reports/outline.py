"""The report's outline: which sections, tables, quotes and charts it has, and in what order.

Built from :class:`workbench.synthesis.reports.model.ReportData`; the renderers draw it.
Where a section has no data (no districts, dates, codebook, codings, need or topic runs,
indicators, recommendations) it says so in one German sentence naming what is missing
and the command that provides it (the public site says its twin ``PUBLIC_…``, written for
residents). Missing metadata is named ("ohne Datum", "ohne Sozialraum"), never shown as
``nan`` or an empty cell; a quote names a speaker role only where there is one. A need or
topic run older than the statements is named under the title (``ReportData.stale``). The
overview lists every Sozialraum a workshop's statements come from. Quotes carry their
statement id, so a shortened one (:attr:`workbench.synthesis.reports.model.Quote.shown`)
can be looked up.
"""

from __future__ import annotations

import math
from typing import Any

from workbench.analysis.need_clusters import PUBLIC_NO_NEED_RUN
from workbench.analysis.need_scope import focus_text
from workbench.core.formatting import (
    MISSING,
    MISSING_DISTRICT,
    MISSING_NUMBER,
    NOT_APPLICABLE,
    format_date,
    format_number,
    is_missing,
    signs_note,
    text_or,
    value_places,
)
from workbench.store import CITYWIDE
from workbench.synthesis.citywide import column_name, profile_name
from workbench.synthesis.indicator_units import compared_number
from workbench.synthesis.map_svg import profile_maps
from workbench.synthesis.profiles import (
    DIMENSIONS,
    NO_DISTRICT_INDICATORS,
    NO_INDICATORS,
    PUBLIC_NO_INDICATORS,
    DistrictProfile,
)
from workbench.synthesis.reports.method import method_section, need_selection
from workbench.synthesis.reports.model import (
    GENERATED,
    PSEUDONYMISED,
    Chart,
    MapFigure,
    OutlineBuilder,
    Quote,
    Report,
    ReportData,
    Table,
    cluster_tag,
    district_text,
    need_categories,
    plural,
    quote,
    short,
    source,
)
from workbench.synthesis.reports.monitoring import monitoring_section
from workbench.synthesis.reports.recommendation_outline import (
    NO_RECOMMENDATIONS as NO_RECOMMENDATIONS,  # the sentence lives with its section
)
from workbench.synthesis.reports.recommendation_outline import recommendation_section
from workbench.synthesis.workshop_names import sources_header, sources_text

# One sentence per missing kind of data: what is missing and the command that provides it.
NO_STATEMENTS = "Noch keine Aussagen: workbench import DATEI."
NO_DISTRICTS = (
    "Noch keine Sozialräume: workbench districts --add NAME (oder beim Import --district NAME)."
)
NO_NEED_CLUSTERS = (
    "Noch keine Bedarfscluster: workbench needs (ohne kodierte Bedarfe: "
    "workbench needs --segments all)."
)
NO_TOPICS = "Noch keine Themen: workbench topics."
NO_CODEBOOK = "Noch kein Codebuch und keine kodierten Aussagen: workbench codebook import DATEI."
NO_CODINGS = "Noch keine kodierten Aussagen: workbench code --coder NAME AUSSAGE CODE."
NO_MAPS = (
    "Noch nichts zu zeigen: Karten brauchen Sozialräume mit Bedarfen "
    "(workbench needs) oder Indikatoren (workbench indicators --import DATEI)."
)
# Each sentence's twin for the public site: what residents can expect, no command
PUBLIC_NO_STATEMENTS = "Noch keine Aussagen."
PUBLIC_NO_DISTRICTS = "Noch keine Sozialräume."
PUBLIC_NO_NEED_CLUSTERS = PUBLIC_NO_NEED_RUN
PUBLIC_NO_TOPICS = "Noch keine Themen."
PUBLIC_NO_CODINGS = "Die Aussagen sind hierzu noch nicht ausgewertet."  # codebook or codings
PUBLIC_NO_MAPS = "Noch nichts zu zeigen: Karten brauchen Sozialräume mit Bedarfen oder Indikatoren."


def build_report(data: ReportData, max_quotes: int = 3) -> Report:
    """The outline of the city-wide report, or of one district's profile."""
    out = OutlineBuilder()
    profiles = data.profiles
    if data.district is None:
        title = "Qualitative Sozialraumanalyse – Gesamtbericht"
    else:
        title = f"Sozialraumprofil {profile_name(data.district, profiles.city.workshops)}"
    out.heading(1, title, "titel")
    out.text(GENERATED, "generated")  # replaced by the renderers
    basis = (
        f"Projekt {data.project}: {sources_text(*_held_and_others(data))}, "
        f"{plural(len(data.segments), 'Aussage', 'Aussagen')}"
    )
    runs = "; ".join(f"{name} {info['run']}" for name, info in data.runs.items())
    runs = "" if data.public else runs  # run numbers are the team's handles
    out.text(basis + (f"; {runs}." if runs else ".") + " " + PSEUDONYMISED, "meta")
    if data.segments.empty:
        out.text(PUBLIC_NO_STATEMENTS if data.public else NO_STATEMENTS, "note")
    stale, notes = (
        (data.stale_public, profiles.public_notes) if data.public else (data.stale, profiles.notes)
    )
    for note in (*stale, *notes):
        out.text(note, "note")

    if data.district is None:
        _overview(out, data)
        _needs_section(out, data, max_quotes)
        _indicator_section(out, data)
        _map_section(out, data)
        recommendation_section(out, data, max_quotes)
        out.heading(2, "Sozialraumprofile")
        if not profiles.districts:
            out.text(PUBLIC_NO_DISTRICTS if data.public else NO_DISTRICTS, "note")
        for profile in (profiles.city, *profiles.districts):
            _profile(out, data, profile, 3, max_quotes)
        monitoring_section(out, data, max_quotes)
    else:
        _profile(out, data, profiles.profile(data.district), 2, max_quotes, title=False)
        recommendation_section(out, data, max_quotes)
        _needs_section(out, data, max_quotes, compact=True)
    method_section(out, data)
    return Report(title, tuple(out.blocks))


def _held_and_others(data: ReportData) -> tuple[int, int]:
    """How many of the study's workshops were held, and how many are other sources."""
    held = int(data.workshops["held"].sum())
    return held, len(data.workshops) - held


def _overview(out: OutlineBuilder, data: ReportData) -> None:
    out.heading(2, "Überblick")
    if data.workshops.empty:
        out.text(PUBLIC_NO_STATEMENTS if data.public else NO_STATEMENTS, "note")
        return
    rows = tuple(
        (
            text_or(w.shown),
            district_text(w.districts, text_or(w.district, MISSING_DISTRICT)),
            format_date(w.date),
            text_or(w.format, MISSING),
            format_number(w.segments),
        )
        for w in data.workshops.itertuples()
    )
    out.add(
        Table(
            (sources_header(*_held_and_others(data)), "Sozialraum", "Datum", "Format", "Aussagen"),
            rows,
            (False, False, False, False, True),
        )
    )
    city = data.profiles.city  # no city-wide workshop: no bar "Gesamtstadt 0" beside them
    shown = (city,) if city.segments or not len(data.segments) else ()
    profiles = (*shown, *data.profiles.districts)
    out.add(
        Chart(
            key="aussagen-je-sozialraum",
            title="Aussagen je Sozialraum",
            kind="bar",
            categories=tuple(column_name(p.district, p.workshops) for p in profiles),
            series=(("Aussagen", tuple(float(p.segments) for p in profiles)),),
            axis="Aussagen",
        )
    )


def _cluster_quotes(data: ReportData, cluster: int, max_quotes: int) -> list[Quote]:
    if data.clusters is None:
        return []
    row = data.clusters[data.clusters["cluster"] == cluster].iloc[0]
    return [
        quote(data, s)
        for s in list(row["quote_segment_ids"])[:max_quotes]
        if s in data.segments.index
    ]


def raised_in(districts: list[str]) -> str:
    """Where a need was raised, for its meta line; none but the city: "ohne Sozialraum".

    >>> raised_in(["Manfort", "Opladen"]), raised_in([])
    ('genannt in: Manfort, Opladen', 'ohne Sozialraum (nur gesamtstädtisch genannt)')
    """
    if districts:
        return "genannt in: " + ", ".join(districts)
    return f"{MISSING_DISTRICT} (nur gesamtstädtisch genannt)"


def _need_selection(data: ReportData) -> str:
    """:func:`need_selection` of the report's need run."""
    return need_selection(data.runs.get("Bedarfslauf", {}).get("params", {}))


def _needs_section(
    out: OutlineBuilder, data: ReportData, max_quotes: int, compact: bool = False
) -> None:
    matrix = data.profiles.need_matrix
    scoped = data.profiles.scope_decided  # fewer than two districts: no scope to show
    title = "Sozialraumübergreifende Bedarfe" if scoped or matrix.empty else "Bedarfe"
    out.heading(2, title if not compact else "Bedarfe im Vergleich")
    if matrix.empty:
        out.text(PUBLIC_NO_NEED_CLUSTERS if data.public else NO_NEED_CLUSTERS, "note")
        return
    grouped = f"fassen {_need_selection(data)} aller Workshops inhaltlich zusammen"
    grouped = (  # "Bedarfscluster" is the analysis's word, not the residents'
        f"Die Bedarfe {grouped}: ähnliche Aussagen bilden einen Bedarf."
        if data.public
        else f"Bedarfscluster {grouped}."
    )
    out.text(
        f"{grouped} {data.profiles.scope_rule(data.public)} Die Zahlen sind Aussagen je Sozialraum."
    )
    districts = [
        c for c in matrix.columns if c not in ("cluster", "label", "scope", "n_districts", "size")
    ]
    labels = need_categories(data, zip(matrix["cluster"], matrix["label"], strict=True))
    shown = tuple(column_name(d, data.profiles.city.workshops) for d in districts)
    out.add(
        Chart(
            key="bedarfe-matrix",
            title="Bedarfe nach Sozialraum (Aussagen)",
            kind="heatmap",
            categories=labels,
            columns=shown,
            z=tuple(tuple(float(v) for v in matrix.loc[i, districts]) for i in matrix.index),
        )
    )
    numbered = not data.public  # the cluster number is the team's handle, not the public's
    head = (*(("Cluster",) if numbered else ()), "Bedarf", *(("Reichweite",) if scoped else ()))
    rows = tuple(
        (
            *((str(r["cluster"]),) if numbered else ()),
            text_or(r["label"]),
            *((text_or(r["scope"]),) if scoped else ()),
            *(format_number(r[d]) for d in districts),
        )
        for _, r in matrix.iterrows()
    )
    out.add(
        Table((*head, *shown), rows, (*(c == "Cluster" for c in head), *(True for _ in districts)))
    )
    if compact:
        return
    elsewhere = data.profiles.without_district()
    groups = [
        ("Übergreifende Bedarfe", data.profiles.cross_cutting()),
        ("Sozialraumspezifische Bedarfe", data.profiles.district_specific()),
        *([("Bedarfe ohne Sozialraum", elsewhere)] if not elsewhere.empty else []),
    ]
    groups = groups if scoped else [("Die Bedarfe im Einzelnen", matrix)]
    for title, part in groups:
        out.heading(3, title)
        if part.empty:
            out.text("Keine.", "note")
        for r in part.itertuples():
            named = [d for d in districts if d != CITYWIDE and int(part.loc[r.Index, d]) > 0]
            out.heading(4, text_or(r.label), f"bedarf-{r.cluster}")
            centre = focus_text(data.profiles.focus(r.cluster))
            centre += " · " if centre else ""
            size = plural(int(r.size), "Aussage", "Aussagen")
            parts = (cluster_tag(data, r.cluster), size, f"{centre}{raised_in(named)}")
            out.text(" · ".join(filter(None, parts)), "meta")
            for block in _cluster_quotes(data, int(r.cluster), max_quotes):
                out.add(block)


def _indicator_section(out: OutlineBuilder, data: ReportData) -> None:
    out.heading(2, "Indikatoren im Vergleich")
    table = data.profiles.indicators
    city = data.profiles.city.indicators
    if not data.has_indicators:
        out.text(PUBLIC_NO_INDICATORS if data.public else NO_INDICATORS, "note")
        return
    if bool(table["illustrative"].any() or city["illustrative"].any()):
        out.text(
            "Werte mit der Quelle „illustrativ“ sind erfunden (Demo) und keine amtlichen Zahlen.",
            "note",
        )
    districts = [d for d in data.profiles.names if d in set(table["district"])]
    values = {(r.indicator, r.year, r.district): r for r in table.itertuples()}
    keys = sorted({(i, y) for i, y, _ in values})
    comparable = [
        (i, y) for i, y in keys if any(not math.isnan(r.index) for r in _row(values, i, y))
    ]
    if comparable:
        out.add(
            Chart(
                key="indikatoren-index",
                title="Indikatoren im Verhältnis zur Gesamtstadt (Gesamtstadt = 100)",
                kind="heatmap",
                categories=tuple(f"{i} ({y})" for i, y in comparable),
                columns=tuple(districts),
                reference=100.0,
                z=tuple(
                    tuple(
                        float(values[(i, y, d)].index) if (i, y, d) in values else math.nan
                        for d in districts
                    )
                    for i, y in comparable
                ),
            )
        )
    city_values = {(r.indicator, r.year): r for r in city.itertuples()}
    rows = []
    for i, y in sorted(set(keys) | set(city_values)):
        ref = city_values.get((i, y))
        unit = ref.unit if ref is not None else _row(values, i, y)[0].unit
        shown = [values[(i, y, d)].value if (i, y, d) in values else None for d in districts]
        places = value_places(ref.value if ref is not None else None, *shown)
        rows.append(
            (
                i,
                str(y),
                text_or(unit),
                format_number(ref.value, places) if ref is not None else MISSING_NUMBER,
                *(format_number(v, places) for v in shown),  # None: "."
            )
        )
    out.add(
        Table(
            ("Indikator", "Jahr", "Einheit", CITYWIDE, *districts),
            tuple(rows),
            (False, False, False, True, *(True for _ in districts)),
        )
    )
    if signs := signs_note(cell for row in rows for cell in row[3:]):
        out.text(signs, "meta")
    sources = sorted({str(s) for s in (*table["source"], *city["source"]) if not is_missing(s)})
    out.text("Quellen: " + ("; ".join(sources) or MISSING) + ".", "meta")


def _map_section(out: OutlineBuilder, data: ReportData) -> None:
    """Maps of the first need's shares and of every indicator against the city."""
    out.heading(2, "Karte")
    maps = profile_maps(data.profiles) if data.profiles.names else []
    if not maps:
        out.text(PUBLIC_NO_MAPS if data.public else NO_MAPS, "note")
        return
    if not data.boundaries:
        out.text(
            "Keine Grenzen hinterlegt: die Karten sind schematisch, ein Quadrat je Sozialraum"
            + ("." if data.public else " (Grenzen mit: workbench map --import DATEI)."),
            "note",
        )
    for m in maps:
        values = tuple(m.values.items())
        out.add(MapFigure(m.key, m.title, values, m.percent, m.value_label, data.boundaries))


def _row(values: dict, indicator: str, year: int) -> list:
    """The districts' rows of one indicator and year."""
    return [r for (i, y, _), r in sorted(values.items()) if (i, y) == (indicator, year)]


def _profile(
    out: OutlineBuilder,
    data: ReportData,
    profile: DistrictProfile,
    level: int,
    max_quotes: int,
    title: bool = True,
) -> None:
    name = profile.district
    key = out.key_for(name)
    if title:
        out.heading(level, profile_name(name, profile.workshops), key)
        level += 1
    if profile.segments:
        out.text(f"{profile.statements_line(colon=True)}.", "meta")
    own_section = NO_DISTRICT_INDICATORS.format(district=name)  # said under "Indikatoren"
    general = data.profiles.public_notes if data.public else data.profiles.notes
    for note in profile.public_notes if data.public else profile.notes:
        if note not in general and note != own_section:
            out.text(note, "note")
    if not profile.segments:  # the note says so; only the indicators remain to show
        _profile_indicators(out, data, profile, level)
        return

    out.heading(level, "Bedarfe", f"{key}-bedarfe")
    if not profile.needs.empty:
        per = "Bedarf" if data.public else "Cluster"
        out.add(
            Chart(
                key=f"{key}-bedarfe",
                title=f"Bedarfe {profile.placed('in')} (Aussagen je {per})",
                kind="bar",
                categories=need_categories(
                    data, zip(profile.needs["cluster"], profile.needs["label"], strict=True)
                ),
                series=(("Aussagen", tuple(float(v) for v in profile.needs["segments"])),),
                axis="Aussagen",
            )
        )
        for r in profile.needs.itertuples():
            scope = r.scope if data.profiles.scope_decided else ""
            about = ", ".join(filter(None, (scope, cluster_tag(data, r.cluster))))
            size = plural(int(r.segments), "Aussage", "Aussagen")
            lead = f"{text_or(r.label)} – {size}" + (f" ({about})" if about else "")
            own = profile.need_quotes[profile.need_quotes["cluster"] == r.cluster]
            quotes = list(own.head(max_quotes).itertuples())
            if quotes:  # a heading over its quotes: a screen reader jumps from need to need
                out.heading(level + 1, lead, f"{key}-bedarf-{r.cluster}")
            else:
                out.text(lead, "item")
            for q in quotes:
                out.add(Quote(q.quote, source(data, int(q.segment_id)), int(q.segment_id)))
    elif data.profiles.need_run is not None:
        where = "den ausgewerteten Bedarfen" if data.public else "den Bedarfsclustern"
        out.text(f"In {where} sind keine Aussagen {profile.placed('aus')}.", "note")
    elif data.codings:  # no clusters yet: the statements coded as needs
        _dimension_quotes(out, data, profile, "Bedarf", max_quotes)
    else:
        out.text(PUBLIC_NO_NEED_CLUSTERS if data.public else NO_NEED_CLUSTERS, "note")
    _findings(out, data, profile, level, max_quotes)

    out.heading(level, "Themen", f"{key}-themen")
    if profile.topics.empty:
        topics_run = data.profiles.topic_run is not None
        none = PUBLIC_NO_TOPICS if data.public else NO_TOPICS
        out.text(f"Keine Themen {profile.placed('aus')}." if topics_run else none, "note")
    else:
        out.add(
            Chart(
                key=f"{key}-themen",
                title=f"Themen {profile.placed('in')} (Anteil der Aussagen)",
                kind="bar",
                categories=tuple(short(t, 50) for t in profile.topics["label"]),
                series=(
                    (column_name(name, profile.workshops), tuple(profile.topics["share"])),
                    ("alle Workshops", tuple(float(v) for v in profile.topics["share_all"])),
                ),
                axis="Anteil der Aussagen",
                percent=True,
            )
        )
    _profile_indicators(out, data, profile, level)


def _findings(
    out: OutlineBuilder, data: ReportData, profile: DistrictProfile, level: int, max_quotes: int
) -> None:
    """Resources, challenges, gaps and reasons; one sentence if nothing is coded at all."""
    key = out.key_for(profile.district)
    others = [d for d in DIMENSIONS if d != "Bedarf"]
    if not data.codings:
        out.heading(level, ", ".join(DIMENSIONS[d] for d in others), f"{key}-befunde")
        team = NO_CODINGS if data.codes else NO_CODEBOOK
        out.text(PUBLIC_NO_CODINGS if data.public else team, "note")
        return
    for dimension in others:
        out.heading(level, DIMENSIONS[dimension], f"{key}-{dimension}")
        _dimension_quotes(out, data, profile, dimension, max_quotes)


def _profile_indicators(
    out: OutlineBuilder, data: ReportData, profile: DistrictProfile, level: int
) -> None:
    name, key = profile.district, out.key_for(profile.district)
    out.heading(level, "Indikatoren", f"{key}-indikatoren")
    table = profile.indicators
    if table.empty:
        has = data.has_indicators
        none = PUBLIC_NO_INDICATORS if data.public else NO_INDICATORS
        out.text(NO_DISTRICT_INDICATORS.format(district=name) if has else none, "note")
        return
    if name != CITYWIDE:
        comparable = table[table["index"].notna()]
        if not comparable.empty:
            out.add(
                Chart(
                    key=f"{key}-indikatoren",
                    title=f"{name} im Verhältnis zur Gesamtstadt (= 100)",
                    kind="bar",
                    categories=tuple(f"{r.indicator} ({r.year})" for r in comparable.itertuples()),
                    series=((name, tuple(float(v) for v in comparable["index"])),),
                    axis="Index (Gesamtstadt = 100)",
                    reference=100.0,
                )
            )
    rows = tuple(_indicator_row(r, name != CITYWIDE) for r in table.itertuples())
    columns = ("Indikator", "Jahr", "Wert", "Einheit", "Gesamtstadt", "Differenz", "Quelle")
    out.add(Table(columns, rows, (False, False, True, False, True, True, False)))
    if signs := signs_note(cell for row in rows for cell in (row[2], *row[4:6])):
        out.text(signs, "meta")


def _indicator_row(r: Any, difference: bool) -> tuple[str, ...]:
    """A district's indicator beside the city, value, city and difference alike in decimals."""
    places = value_places(r.value, r.city_value)
    return (
        r.indicator,
        str(r.year),
        format_number(r.value, places),
        text_or(r.unit),
        format_number(r.city_value, places),
        (compared_number(r.difference, r.note, places) if difference else NOT_APPLICABLE)
        + ("" if is_missing(r.note) else f" ({r.note})"),
        text_or(r.source),
    )


def _dimension_quotes(
    out: OutlineBuilder,
    data: ReportData,
    profile: DistrictProfile,
    dimension: str,
    max_quotes: int,
) -> None:
    quotes = profile.quotes(dimension)
    if quotes.empty:
        out.text(f"Keine als {dimension} kodierten Aussagen {profile.placed('aus')}.", "note")
        return
    shown = quotes.drop_duplicates("segment_id").head(max_quotes)
    total = quotes["segment_id"].nunique()
    examples = f"; {len(shown)} davon als Beispiel:" if len(shown) else "."  # --max-quotes 0
    out.text(f"{plural(total, 'Aussage', 'Aussagen')} kodiert{examples}", "meta")
    for q in shown.itertuples():
        who = q.coders if data.coder_names else plural(int(q.n_coders), "Person", "Personen")
        where = f"{source(data, int(q.segment_id))} · kodiert von {who}"
        out.add(Quote(q.quote, where, int(q.segment_id)))
