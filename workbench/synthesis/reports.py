"""Reports: the city-wide report and the district profiles as HTML, DOCX and XLSX.

One outline — headings, paragraphs, tables, quotes and charts, built from
:mod:`workbench.synthesis.profiles` and :mod:`workbench.synthesis.recommendations` — is rendered to
HTML
(charts with plotly; plotly.js is embedded from the installed package, so the file works
offline) and to DOCX (charts drawn as tables: bars of block characters, heatmaps as
shaded cells — no image renderer needed). The XLSX holds the same findings as filterable
tables, one sheet per kind, with native Excel bar charts.

Reproducible: the same project gives the same file content except for one line
"Erstellt am …". Everything is sorted; chart element ids are fixed (``wb-chart-…``, each
chart inside a ``<figure class="wb-chart">``); DOCX/XLSX carry fixed ZIP timestamps and
fixed core properties (``SOURCE_DATE_EPOCH`` if set, else 1980-01-01). Quotes are the
stored, pseudonymised texts. Files are written atomically (temporary file + rename).
"""

from __future__ import annotations

import html
import io
import json
import math
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from workbench.core.domain import WorkbenchError
from workbench.core.fileio import write_atomic
from workbench.store import CITYWIDE
from workbench.synthesis.indicators import check_district
from workbench.synthesis.profiles import DIMENSIONS, DistrictProfile, Profiles, build_profiles
from workbench.synthesis.recommendations import chain as recommendation_chain

if TYPE_CHECKING:
    from workbench.project import Project

FORMATS = ("html", "docx", "xlsx")
GENERATED = "Erstellt am"
PSEUDONYMISED = "Alle Zitate sind pseudonymisiert (Namen, Kontaktdaten und Anschriften ersetzt)."
CHART_CLASS = "wb-chart"
BAR_COLOURS = ("#2a6f97", "#b0b7bf", "#e76f51", "#2a9d8f", "#6d597a", "#e9c46a")
DOCX_BAR_WIDTH = 30  # block characters of the longest bar


# -- the outline -----------------------------------------------------------------------
@dataclass(frozen=True)
class Heading:
    level: int  # 1 = report title
    text: str
    anchor: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: str = "text"  # text | item (bold lead-in) | note | meta | generated


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]


@dataclass(frozen=True)
class Quote:
    text: str
    source: str


@dataclass(frozen=True)
class Chart:
    """A bar chart (``series`` over ``categories``) or a heatmap (``z`` rows × ``columns``)."""

    key: str  # the element id is "wb-chart-" + key
    title: str
    kind: str  # bar | heatmap
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...] = ()
    columns: tuple[str, ...] = ()
    z: tuple[tuple[float, ...], ...] = ()
    axis: str = ""
    # bar: a vertical line at this value; heatmap: the middle of a diverging scale
    reference: float | None = None
    percent: bool = False


Block = Heading | Paragraph | Bullets | Table | Quote | Chart


@dataclass(frozen=True)
class Report:
    """A report's content, ready to render; the generated-at line is added by renderers."""

    title: str
    blocks: tuple[Block, ...]


# -- formatting helpers (pure) ---------------------------------------------------------
def number(value: Any, digits: int = 1) -> str:
    """German number format; whole numbers without decimals, missing as a dash.

    >>> number(17763.0), number(13.94), number(float("nan")), number(0.5, 2)
    ('17.763', '13,9', '–', '0,50')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "–"
    value = float(value)
    text = f"{value:,.0f}" if value.is_integer() else f"{value:,.{digits}f}"
    return text.translate(str.maketrans({",": ".", ".": ","}))


def slug(text: str) -> str:
    """An ASCII id part: ``Steinbüchel`` → ``steinbuechel``.

    >>> slug("Steinbüchel: Bedarfe")
    'steinbuechel-bedarfe'
    """
    text = text.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fixed_time() -> datetime:
    """The timestamp written into DOCX/XLSX metadata: ``SOURCE_DATE_EPOCH`` or 1980-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return max(datetime.fromtimestamp(int(epoch), UTC), datetime(1980, 1, 1, tzinfo=UTC))
    return datetime(1980, 1, 1, tzinfo=UTC)


def generated_line(when: datetime) -> str:
    """The one line that differs between two runs on the same project."""
    when = when.astimezone(UTC)
    return f"{GENERATED} {when:%d.%m.%Y, %H:%M} Uhr (UTC)"


# -- collecting the data -----------------------------------------------------------------
@dataclass(frozen=True)
class ReportData:
    """Everything a report shows, read from the project once."""

    project: str
    district: str | None
    profiles: Profiles
    workshops: pd.DataFrame
    segments: pd.DataFrame
    clusters: pd.DataFrame | None
    chain: dict[str, Any]
    runs: dict[str, dict[str, Any]] = field(default_factory=dict)


def collect(project: Project, district: str | None = None) -> ReportData:
    """Read profiles, recommendations and sources for a report (one district or all)."""
    from workbench.analysis import needs, topics

    if district is not None:
        check_district(district, list(project.districts()["district"]))
    profiles = build_profiles(project)
    segments = project.segments()
    counts = segments.groupby("workshop")["segment_id"].nunique()
    workshops = project.workshops().assign(
        segments=lambda t: t["workshop"].map(counts).fillna(0).astype("int64")
    )
    clusters = needs.clusters(project, profiles.need_run) if profiles.need_run else None
    runs: dict[str, dict[str, Any]] = {}
    for name, module, run_id in (
        ("Bedarfslauf", needs, profiles.need_run),
        ("Themenlauf", topics, profiles.topic_run),
    ):
        if run_id is not None:
            row = module.runs(project).set_index("run_id").loc[run_id]
            runs[name] = {"run": int(run_id), "params": json.loads(row["params"])}
    return ReportData(
        project=project.path.name,
        district=district,
        profiles=profiles,
        workshops=workshops,
        segments=segments.set_index("segment_id"),
        clusters=clusters,
        chain=recommendation_chain(project, profiles.need_run),
        runs=runs,
    )


def _relevant(data: ReportData, rec: dict[str, Any]) -> bool:
    """Whether a recommendation belongs in the report of ``data.district``."""
    district = data.district
    if district is None or rec["scope"] == district:
        return True
    if rec["scope"] != CITYWIDE:
        return False
    raised = {d for n in rec["needs"] if n["current"] for d in n["current"]["districts"]}
    cited = {
        data.segments.loc[e["segment_id"], "district"]
        for e in rec["evidence"]
        if e["exists"] and e["segment_id"] in data.segments.index
    }
    return district in raised | cited


def _source(data: ReportData, segment_id: int) -> str:
    seg = data.segments.loc[segment_id]
    return f"{seg['workshop']} · {seg['document']}, Aussage {seg['source_id']}"


# -- building the outline --------------------------------------------------------------
class _Outline:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.anchors: set[str] = set()
        self.charts: set[str] = set()

    def heading(self, level: int, text: str, key: str | None = None) -> None:
        anchor = base = "sec-" + slug(key or text)
        n = 2
        while anchor in self.anchors:
            anchor, n = f"{base}-{n}", n + 1
        self.anchors.add(anchor)
        self.blocks.append(Heading(level, text, anchor))

    def add(self, block: Block) -> None:
        if isinstance(block, Chart):
            if block.key in self.charts:
                raise AssertionError(f"chart key {block.key} used twice")
            self.charts.add(block.key)
        self.blocks.append(block)

    def text(self, text: str, kind: str = "text") -> None:
        self.blocks.append(Paragraph(text, kind))


def build_report(data: ReportData, max_quotes: int = 3) -> Report:
    """The outline of the city-wide report, or of one district's profile."""
    out = _Outline()
    profiles = data.profiles
    if data.district is None:
        title = "Qualitative Sozialraumanalyse – Gesamtbericht"
    else:
        title = f"Sozialraumprofil {data.district}"
    out.heading(1, title, "titel")
    out.text(GENERATED, "generated")  # replaced by the renderers
    n_segments = len(data.segments)
    basis = (
        f"Projekt {data.project}: {len(data.workshops)} Workshops, {number(n_segments)} Aussagen"
    )
    runs = "; ".join(f"{name} {info['run']}" for name, info in data.runs.items())
    out.text(basis + (f"; {runs}." if runs else ".") + " " + PSEUDONYMISED, "meta")
    for note in profiles.notes:
        out.text(note, "note")

    if data.district is None:
        _overview(out, data)
        _needs_section(out, data, max_quotes)
        _indicator_section(out, data)
        _recommendation_section(out, data, max_quotes)
        out.heading(2, "Sozialraumprofile")
        for profile in (profiles.city, *profiles.districts):
            _profile(out, data, profile, 3, max_quotes)
    else:
        _profile(out, data, profiles.profile(data.district), 2, max_quotes, title=False)
        _recommendation_section(out, data, max_quotes)
        _needs_section(out, data, max_quotes, compact=True)
    _method_section(out, data)
    return Report(title, tuple(out.blocks))


def _overview(out: _Outline, data: ReportData) -> None:
    out.heading(2, "Überblick")
    rows = tuple(
        (w.workshop, w.district, w.date or "–", w.format or "–", number(w.segments))
        for w in data.workshops.itertuples()
    )
    out.add(
        Table(
            ("Workshop", "Sozialraum", "Datum", "Format", "Aussagen"),
            rows,
            (False, False, False, False, True),
        )
    )
    profiles = (data.profiles.city, *data.profiles.districts)
    out.add(
        Chart(
            key="aussagen-je-sozialraum",
            title="Aussagen je Sozialraum",
            kind="bar",
            categories=tuple(p.district for p in profiles),
            series=(("Aussagen", tuple(float(p.segments) for p in profiles)),),
            axis="Aussagen",
        )
    )


def _cluster_quotes(data: ReportData, cluster: int, max_quotes: int) -> list[Quote]:
    if data.clusters is None:
        return []
    row = data.clusters[data.clusters["cluster"] == cluster].iloc[0]
    return [
        Quote(data.segments.loc[s, "text"], _source(data, s))
        for s in list(row["quote_segment_ids"])[:max_quotes]
        if s in data.segments.index
    ]


def _needs_section(out: _Outline, data: ReportData, max_quotes: int, compact: bool = False) -> None:
    matrix = data.profiles.need_matrix
    out.heading(2, "Sozialraumübergreifende Bedarfe" if not compact else "Bedarfe im Vergleich")
    if matrix.empty:
        out.text("Noch keine Bedarfscluster berechnet (workbench needs).", "note")
        return
    out.text(
        "Bedarfscluster fassen die als Bedarf kodierten Aussagen aller Workshops "
        "inhaltlich zusammen. „Übergreifend“ heißt: in mehreren Sozialräumen genannt; "
        "„sozialraumspezifisch“: in wenigen. Die Zahlen sind Aussagen je Sozialraum."
    )
    districts = [
        c for c in matrix.columns if c not in ("cluster", "label", "scope", "n_districts", "size")
    ]
    labels = tuple(f"{r.cluster}: {_short(r.label, 50)}" for r in matrix.itertuples())
    out.add(
        Chart(
            key="bedarfe-matrix",
            title="Bedarfe nach Sozialraum (Aussagen)",
            kind="heatmap",
            categories=labels,
            columns=tuple(districts),
            z=tuple(tuple(float(v) for v in matrix.loc[i, districts]) for i in matrix.index),
        )
    )
    out.add(
        Table(
            ("Cluster", "Bedarf", "Reichweite", *districts),
            tuple(
                (str(r["cluster"]), r["label"], r["scope"], *(number(r[d]) for d in districts))
                for _, r in matrix.iterrows()
            ),
            (True, False, False, *(True for _ in districts)),
        )
    )
    if compact:
        return
    for title, part in (
        ("Übergreifende Bedarfe", data.profiles.cross_cutting()),
        ("Sozialraumspezifische Bedarfe", data.profiles.district_specific()),
    ):
        out.heading(3, title)
        if part.empty:
            out.text("Keine.", "note")
        for r in part.itertuples():
            named = [d for d in districts if d != CITYWIDE and int(part.loc[r.Index, d]) > 0]
            out.heading(4, f"{r.label}", f"bedarf-{r.cluster}")
            out.text(
                f"Cluster {r.cluster} · {number(r.size)} Aussagen · genannt in: "
                f"{', '.join(named) or '–'}",
                "meta",
            )
            for quote in _cluster_quotes(data, int(r.cluster), max_quotes):
                out.add(quote)


def _indicator_section(out: _Outline, data: ReportData) -> None:
    out.heading(2, "Indikatoren im Vergleich")
    table = data.profiles.indicators
    city = data.profiles.city.indicators
    if table.empty and city.empty:
        out.text("Keine Indikatoren importiert (workbench indicators --import DATEI).", "note")
        return
    if bool(table["illustrative"].any() or city["illustrative"].any()):
        out.text(
            "Werte mit der Quelle „illustrativ“ sind erfunden (Demo) und keine amtlichen Zahlen.",
            "note",
        )
    districts = list(data.profiles.names)
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
        rows.append(
            (
                i,
                str(y),
                unit,
                number(ref.value) if ref is not None else "–",
                *(
                    number(values[(i, y, d)].value) if (i, y, d) in values else "–"
                    for d in districts
                ),
            )
        )
    out.add(
        Table(
            ("Indikator", "Jahr", "Einheit", CITYWIDE, *districts),
            tuple(rows),
            (False, False, False, True, *(True for _ in districts)),
        )
    )
    sources = sorted(set(table["source"]) | set(city["source"]))
    out.text("Quellen: " + "; ".join(sources) + ".", "meta")


def _row(values: dict, indicator: str, year: int) -> list:
    """The districts' rows of one indicator and year."""
    return [r for (i, y, _), r in sorted(values.items()) if (i, y) == (indicator, year)]


def _recommendation_section(out: _Outline, data: ReportData, max_quotes: int) -> None:
    out.heading(2, "Empfehlungen")
    recs = [r for r in data.chain["recommendations"] if _relevant(data, r)]
    if not recs:
        out.text("Noch keine Empfehlungen erfasst (workbench recommend add).", "note")
        return
    out.text(
        "Zu jeder Empfehlung die Bedarfe, auf die sie antwortet, und die Aussagen, auf die "
        "sie sich stützt (Empfehlung → Bedarfscluster → Aussage → Dokument → Workshop)."
    )
    for rec in recs:
        out.heading(3, f"Empfehlung {rec['id']}: {_short(rec['title'] or rec['text'])}")
        if rec["title"]:
            out.text(rec["text"])
        scope = "gesamtstädtisch" if rec["scope"] == CITYWIDE else rec["scope"]
        actors = ", ".join(rec["actors"]) or "–"
        out.text(
            f"Geltungsbereich: {scope} · Adressiert an: {actors} · Status: {rec['status']}", "meta"
        )
        items = []
        for need in rec["needs"]:
            current = need["current"]
            if current:
                items.append(
                    f"Bedarf „{current['label']}“ ({current['scope']}, Cluster "
                    f"{current['cluster']}, {len(current['segments'])} Aussagen)"
                )
            else:
                items.append(
                    f"Bedarf „{need['linked']['label']}“ (im aktuellen Lauf nicht mehr vorhanden)"
                )
        if items:
            out.add(Bullets(tuple(items)))
        cited = [e["segment_id"] for e in rec["evidence"] if e["exists"]]
        if not cited:  # no own evidence: the linked clusters' representative quotes
            cited = [q for n in rec["needs"] if n["current"] for q in n["current"]["quotes"]]
        shown = [s for s in dict.fromkeys(cited) if s in data.segments.index][:max_quotes]
        for segment_id in shown:
            out.add(Quote(data.segments.loc[segment_id, "text"], _source(data, segment_id)))
        if rec["problems"]:
            out.text("Nachweiskette unterbrochen:", "note")
            out.add(
                Bullets(
                    tuple(f"{p['link']} {p['target']}: {p['problem']}" for p in rec["problems"])
                )
            )
        else:
            out.text("Nachweiskette vollständig.", "meta")


def _profile(
    out: _Outline,
    data: ReportData,
    profile: DistrictProfile,
    level: int,
    max_quotes: int,
    title: bool = True,
) -> None:
    name = profile.district
    key = slug(name)
    if title:
        out.heading(level, name if name != CITYWIDE else "Gesamtstadt (Auftaktworkshop)", key)
        level += 1
    workshops = ", ".join(profile.workshops) or "–"
    out.text(f"{number(profile.segments)} Aussagen aus: {workshops}.", "meta")
    notes = [n for n in profile.notes if n not in data.profiles.notes]
    for note in notes:
        out.text(note, "note")

    out.heading(level, "Bedarfe", f"{key}-bedarfe")
    if not profile.needs.empty:
        out.add(
            Chart(
                key=f"{key}-bedarfe",
                title=f"Bedarfe in {name} (Aussagen je Cluster)",
                kind="bar",
                categories=tuple(
                    f"{r.cluster}: {_short(r.label, 50)}" for r in profile.needs.itertuples()
                ),
                series=(("Aussagen", tuple(float(v) for v in profile.needs["segments"])),),
                axis="Aussagen",
            )
        )
        for r in profile.needs.itertuples():
            out.text(
                f"{r.label} – {number(r.segments)} Aussagen ({r.scope}, Cluster {r.cluster})",
                "item",
            )
            own = profile.need_quotes[profile.need_quotes["cluster"] == r.cluster]
            for q in own.head(max_quotes).itertuples():
                out.add(Quote(q.quote, _source(data, int(q.segment_id))))
    else:
        _dimension_quotes(out, data, profile, "Bedarf", max_quotes)
    for dimension in [d for d in DIMENSIONS if d != "Bedarf"]:
        out.heading(level, DIMENSIONS[dimension], f"{key}-{dimension}")
        _dimension_quotes(out, data, profile, dimension, max_quotes)

    out.heading(level, "Themen", f"{key}-themen")
    if profile.topics.empty:
        out.text(
            "Keine Themen berechnet (workbench topics)."
            if data.profiles.topic_run is None
            else "Keine Aussagen.",
            "note",
        )
    else:
        out.add(
            Chart(
                key=f"{key}-themen",
                title=f"Themen in {name} (Anteil der Aussagen)",
                kind="bar",
                categories=tuple(_short(t, 50) for t in profile.topics["label"]),
                series=(
                    (name, tuple(float(v) for v in profile.topics["share"])),
                    ("alle Workshops", tuple(float(v) for v in profile.topics["share_all"])),
                ),
                axis="Anteil der Aussagen",
                percent=True,
            )
        )

    out.heading(level, "Indikatoren", f"{key}-indikatoren")
    table = profile.indicators
    if table.empty:
        out.text("Keine Indikatoren.", "note")
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
    out.add(
        Table(
            ("Indikator", "Jahr", "Wert", "Einheit", "Gesamtstadt", "Differenz", "Quelle"),
            tuple(
                (
                    r.indicator,
                    str(r.year),
                    number(r.value),
                    r.unit,
                    number(r.city_value),
                    (number(r.difference) if name != CITYWIDE else "–")
                    + (f" ({r.note})" if r.note else ""),
                    r.source,
                )
                for r in table.itertuples()
            ),
            (False, False, True, False, True, True, False),
        )
    )


def _dimension_quotes(
    out: _Outline, data: ReportData, profile: DistrictProfile, dimension: str, max_quotes: int
) -> None:
    quotes = profile.quotes(dimension)
    if quotes.empty:
        out.text("Keine kodierten Aussagen.", "note")
        return
    shown = quotes.drop_duplicates("segment_id").head(max_quotes)
    total = quotes["segment_id"].nunique()
    out.text(f"{number(total)} Aussagen kodiert; {len(shown)} davon als Beispiel:", "meta")
    for q in shown.itertuples():
        out.add(Quote(q.quote, f"{_source(data, int(q.segment_id))} · kodiert von {q.coders}"))


def _method_section(out: _Outline, data: ReportData) -> None:
    out.heading(2, "Methodik und Herkunft")
    items = [
        "Aussagen: Protokolle und Kartenwände der Workshops, beim Import pseudonymisiert.",
        "Befunde: Aussagen, die mit den Dimensionen Ressource, Herausforderung, Leerstelle, "
        "Begründung und Bedarf kodiert sind; Beispiele, bei denen die Kodierenden "
        "übereinstimmen, stehen vorn.",
    ]
    for name, info in data.runs.items():
        params = ", ".join(f"{k}={v}" for k, v in sorted(info["params"].items()))
        items.append(f"{name} {info['run']}: {params}")
    out.add(Bullets(tuple(items)))


# -- HTML ------------------------------------------------------------------------------
CSS = """
body { font-family: system-ui, sans-serif; margin: 0; color: #1d2935; background: #fff; }
main.wb-report { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
h1 { font-size: 1.8rem; } h2 { border-bottom: 2px solid #2a6f97; padding-bottom: .2rem; }
nav.wb-toc ul { columns: 2; }
p.wb-meta { color: #52606d; } p.wb-note { color: #8a3b12; font-style: italic; }
p.wb-generated { color: #52606d; font-size: .9rem; } p.wb-item { font-weight: 600; }
blockquote.wb-quote { margin: .6rem 0 .6rem 1rem; padding: .2rem .8rem;
  border-left: 4px solid #b0b7bf; }
blockquote.wb-quote footer { color: #52606d; font-size: .85rem; }
table.wb-table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; }
table.wb-table th, table.wb-table td { border: 1px solid #d0d5da; padding: .25rem .5rem;
  vertical-align: top; }
table.wb-table td.num { text-align: right; }
figure.wb-chart { margin: 1rem 0; }
figure.wb-chart figcaption { font-weight: 600; }
""".strip()


def _plotly_figure(chart: Chart):
    import plotly.graph_objects as go

    esc = html.escape
    categories = [esc(c) for c in chart.categories]
    if chart.kind == "heatmap":
        z = [[None if math.isnan(v) else v for v in row] for row in chart.z]
        diverging = chart.reference is not None
        figure = go.Figure(
            go.Heatmap(
                z=z,
                x=[esc(c) for c in chart.columns],
                y=categories,
                colorscale="RdBu_r" if diverging else "Blues",
                zmid=chart.reference,
                texttemplate="%{z:.0f}",
                hovertemplate="%{y}<br>%{x}: %{z}<extra></extra>",
            )
        )
        height = max(320, 30 * len(categories) + 160)
    else:
        figure = go.Figure(
            [
                go.Bar(
                    name=esc(name),
                    x=[100 * v for v in values] if chart.percent else list(values),
                    y=categories,
                    orientation="h",
                    marker={"color": BAR_COLOURS[i % len(BAR_COLOURS)]},
                    hovertemplate="%{y}: %{x:.1f}"
                    + (" %" if chart.percent else "")
                    + "<extra></extra>",
                )
                for i, (name, values) in enumerate(chart.series)
            ]
        )
        figure.update_layout(barmode="group", showlegend=len(chart.series) > 1)
        height = max(260, 26 * len(categories) * len(chart.series) + 140)
        if chart.reference is not None:
            figure.update_layout(
                shapes=[
                    {
                        "type": "line",
                        "x0": chart.reference,
                        "x1": chart.reference,
                        "y0": 0,
                        "y1": 1,
                        "yref": "paper",
                        "line": {"color": "#8a3b12", "dash": "dash"},
                    }
                ]
            )
    figure.update_layout(
        template="plotly_white",
        height=height,
        margin={"l": 10, "r": 10, "t": 30, "b": 40},
        xaxis={
            "title": {"text": esc(chart.axis + (" (%)" if chart.percent else ""))},
            "automargin": True,
        },
        yaxis={"autorange": "reversed", "automargin": True},
        font={"family": "system-ui, sans-serif", "size": 12},
    )
    return figure, height


def _html_chart(chart: Chart) -> str:
    import plotly.io as pio

    figure, height = _plotly_figure(chart)
    div = pio.to_html(
        figure,
        include_plotlyjs=False,
        full_html=False,
        div_id=f"wb-chart-{chart.key}",
        default_height=f"{height}px",
        config={"displaylogo": False, "responsive": True},
    )
    div = " ".join(div.split())  # one line: stable, and no stray blank lines
    return (
        f'<figure class="{CHART_CLASS}" data-chart="{chart.key}">\n'
        f"<figcaption>{html.escape(chart.title)}</figcaption>\n{div}\n"
        f"{_html_chart_table(chart)}\n</figure>"
    )


def _html_chart_table(chart: Chart) -> str:
    """The chart's numbers as a table (for screen readers and without JavaScript)."""
    table = _chart_table(chart)
    return "<details><summary>Daten</summary>" + _html_table(table) + "</details>"


def _chart_table(chart: Chart) -> Table:
    fmt = (lambda v: number(100 * v, 1) + " %") if chart.percent else number
    if chart.kind == "heatmap":
        return Table(
            ("", *chart.columns),
            tuple(
                (c, *(fmt(v) for v in row))
                for c, row in zip(chart.categories, chart.z, strict=True)
            ),
            (False, *(True for _ in chart.columns)),
        )
    return Table(
        ("", *(name for name, _ in chart.series)),
        tuple(
            (c, *(fmt(values[i]) for _, values in chart.series))
            for i, c in enumerate(chart.categories)
        ),
        (False, *(True for _ in chart.series)),
    )


def _html_table(table: Table) -> str:
    esc = html.escape
    head = "".join(f"<th>{esc(c)}</th>" for c in table.columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{esc(v)}</td>' if n else f"<td>{esc(v)}</td>"
            for v, n in zip(row, table.numeric, strict=True)
        )
        + "</tr>"
        for row in table.rows
    )
    return f'<table class="wb-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def render_html(report: Report, generated_at: datetime, include_plotlyjs: bool = True) -> bytes:
    """The report as one self-contained HTML file (plotly.js inline, works offline)."""
    esc = html.escape
    parts: list[str] = []
    toc = [b for b in report.blocks if isinstance(b, Heading) and b.level == 2]
    for block in report.blocks:
        if isinstance(block, Heading):
            level = min(block.level, 6)
            parts.append(f'<h{level} id="{block.anchor}">{esc(block.text)}</h{level}>')
            if block.level == 1 and toc:
                items = "".join(f'<li><a href="#{h.anchor}">{esc(h.text)}</a></li>' for h in toc)
                parts.append(f'<nav class="wb-toc"><ul>{items}</ul></nav>')
        elif isinstance(block, Paragraph):
            text = generated_line(generated_at) if block.kind == "generated" else block.text
            parts.append(f'<p class="wb-{block.kind}">{esc(text)}</p>')
        elif isinstance(block, Bullets):
            parts.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in block.items) + "</ul>")
        elif isinstance(block, Table):
            parts.append(_html_table(block))
        elif isinstance(block, Quote):
            parts.append(
                f'<blockquote class="wb-quote"><p>{esc(block.text)}</p>'
                f"<footer>{esc(block.source)}</footer></blockquote>"
            )
        elif isinstance(block, Chart):
            parts.append(_html_chart(block))
    script = ""
    if include_plotlyjs:
        from plotly.offline import get_plotlyjs

        script = f'<script type="text/javascript">{get_plotlyjs()}</script>\n'
    document = (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="Sozialraum-Werkbank">\n'
        f"<title>{esc(report.title)}</title>\n<style>\n{CSS}\n</style>\n{script}"
        '</head>\n<body>\n<main class="wb-report">\n'
        + "\n".join(parts)
        + "\n</main>\n</body>\n</html>\n"
    )
    return document.encode("utf-8")


# -- DOCX ------------------------------------------------------------------------------
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """Text without characters XML cannot hold (DOCX and XLSX refuse them)."""
    return _XML_ILLEGAL.sub("", str(text))


def _shade(cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def heat(value: float, values: Sequence[float], middle: float | None = None) -> tuple[str, bool]:
    """Cell fill (hex) and whether text on it should be white.

    Without ``middle``: white to dark blue from 0 to the largest value. With ``middle``
    (e.g. 100 for an index): blue below it, red above it, white at it.

    >>> heat(0, [0, 10]), heat(10, [0, 10]), heat(100, [80, 100, 120], 100)[0]
    (('F7FBFF', False), ('08306B', True), 'F7F7F7')
    """
    white = (247, 251, 255)
    if math.isnan(value):
        return "FFFFFF", False
    finite = [v for v in values if not math.isnan(v)]
    if middle is None:
        top = max(finite, default=0.0)
        t, high, low = (value / top if top > 0 else 0.0), (8, 48, 107), white
    else:
        spread = max((abs(v - middle) for v in finite), default=0.0)
        t = abs(value - middle) / spread if spread else 0.0
        low = (247, 247, 247)
        high = (178, 24, 43) if value > middle else (33, 102, 172)
    t = max(0.0, min(1.0, t))
    rgb = [round(a + (b - a) * t) for a, b in zip(low, high, strict=True)]
    return "".join(f"{c:02X}" for c in rgb), t > 0.55


def _docx_table(doc, table: Table):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    grid = doc.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    for cell, name in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(_clean(name)).bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value, numeric in zip(cells, row, table.numeric, strict=True):
            cell.text = _clean(value)
            if numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return grid


def _docx_chart(doc, chart: Chart) -> None:
    """A chart without images: a bar table (block characters) or a shaded heatmap table."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    caption = doc.add_paragraph()
    caption.add_run(_clean(chart.title)).bold = True
    data = _chart_table(chart)
    if chart.kind == "heatmap":
        grid = _docx_table(doc, data)
        values = [v for row in chart.z for v in row]
        for r, row in enumerate(chart.z, start=1):
            for c, value in enumerate(row, start=1):
                fill, white = heat(value, values, chart.reference)
                cell = grid.rows[r].cells[c]
                _shade(cell, fill)
                if white:
                    for run in cell.paragraphs[0].runs:
                        run.font.color.rgb = RGBColor(255, 255, 255)
        return
    grid = doc.add_table(rows=1, cols=3)
    grid.style = "Table Grid"
    for cell, name in zip(grid.rows[0].cells, ("", chart.axis, "Wert"), strict=True):
        cell.paragraphs[0].add_run(_clean(name)).bold = True
    top = max((v for _, values in chart.series for v in values), default=0.0)
    for i, category in enumerate(chart.categories):
        label, bars, numbers = grid.add_row().cells
        label.text = _clean(category)
        for j, (name, values) in enumerate(chart.series):
            value = values[i]
            length = 0 if top <= 0 else round(DOCX_BAR_WIDTH * value / top)
            paragraph = bars.paragraphs[0] if j == 0 else bars.add_paragraph()
            run = paragraph.add_run("█" * max(length, 1 if value > 0 else 0) or "·")
            run.font.size = Pt(7)
            run.font.color.rgb = RGBColor.from_string(BAR_COLOURS[j % len(BAR_COLOURS)][1:].upper())
            text = number(100 * value, 1) + " %" if chart.percent else number(value)
            target = numbers.paragraphs[0] if j == 0 else numbers.add_paragraph()
            target.add_run(_clean(f"{text}" + (f" ({name})" if len(chart.series) > 1 else "")))
            target.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if chart.reference is not None:
        doc.add_paragraph(f"Vergleichswert Gesamtstadt: {number(chart.reference)}", style="Caption")


def render_docx(report: Report, generated_at: datetime) -> bytes:
    """The report as DOCX (python-docx), with fixed metadata and ZIP timestamps."""
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    fixed = fixed_time().replace(tzinfo=None)
    props = doc.core_properties
    props.title = _clean(report.title)
    props.author = "Sozialraum-Werkbank"
    props.last_modified_by = "Sozialraum-Werkbank"
    props.created = fixed
    props.modified = fixed
    props.revision = 1
    props.language = "de-DE"
    doc.styles["Normal"].font.size = Pt(10)
    for block in report.blocks:
        if isinstance(block, Heading):
            doc.add_heading(_clean(block.text), 0 if block.level == 1 else min(block.level - 1, 9))
        elif isinstance(block, Paragraph):
            text = generated_line(generated_at) if block.kind == "generated" else block.text
            paragraph = doc.add_paragraph()
            run = paragraph.add_run(_clean(text))
            run.italic = block.kind in ("note", "meta", "generated")
            run.bold = block.kind == "item"
        elif isinstance(block, Bullets):
            for item in block.items:
                doc.add_paragraph(_clean(item), style="List Bullet")
        elif isinstance(block, Table):
            _docx_table(doc, block)
        elif isinstance(block, Quote):
            doc.add_paragraph(_clean(block.text), style="Quote")
            source = doc.add_paragraph()
            run = source.add_run(_clean("— " + block.source))
            run.italic = True
            run.font.size = Pt(8)
        elif isinstance(block, Chart):
            _docx_chart(doc, block)
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalise_zip(buffer.getvalue())


# -- XLSX ------------------------------------------------------------------------------
# Sheets: (column header, column width) each.
QUOTE_SHEET = (
    ("Sozialraum", 14), ("Art", 18), ("Code / Cluster", 30), ("Zitat", 80),
    ("Kodiert von", 10), ("Workshop", 28), ("Dokument", 26), ("Aussage", 10),
    ("Aussage-Nr. (intern)", 10),
)  # fmt: skip
TOPIC_SHEET = (
    ("Sozialraum", 14), ("Thema", 8), ("Bezeichnung", 50), ("Aussagen", 10),
    ("Anteil", 10), ("Anteil alle Workshops", 20),
)  # fmt: skip
INDICATOR_SHEET = (
    ("Sozialraum", 14), ("Indikator", 46), ("Jahr", 8), ("Wert", 10), ("Einheit", 20),
    ("Gesamtstadt", 12), ("Differenz", 10), ("Index (Gesamtstadt = 100)", 14),
    ("Quelle", 30), ("illustrativ", 10), ("Hinweis", 30),
)  # fmt: skip
RECOMMENDATION_SHEET = (
    ("Nr.", 6), ("Titel", 30), ("Empfehlung", 70), ("Geltungsbereich", 16),
    ("Adressiert an", 30), ("Status", 14), ("Bedarfe", 40), ("Nachweiskette", 14),
)  # fmt: skip
TRAIL_SHEET = (
    ("Empfehlung", 11), ("Art", 16), ("Bedarfscluster", 36), ("Sozialraum", 14),
    ("Workshop", 28), ("Dokument", 26), ("Aussage", 10), ("Zitat", 80),
)  # fmt: skip
CHECK_SHEET = (("Empfehlung", 11), ("Glied der Kette", 18), ("Betrifft", 50), ("Problem", 60))


def _sheet(book, title: str, spec: Sequence[tuple[str, float]], rows: Iterable[Sequence[Any]]):
    """A sheet with a bold, frozen header, a filter and every value stored as is."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.append([_clean(name) for name, _ in spec])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(v) for v in row])
    for r in sheet.iter_rows(min_row=2):
        for cell in r:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
                if len(cell.value) > 40:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    for i, (_, width) in enumerate(spec, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    return sheet


def _cell(value: Any) -> Any:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, tuple | list):
        return _clean(", ".join(str(v) for v in value))
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return _clean(value) if isinstance(value, str) else value


def _bar_chart(sheet, title: str, rows: int, first: int, last: int, stacked: bool = False):
    """A native horizontal bar chart of columns ``first``–``last`` (labels in column 1/2)."""
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    if stacked:
        chart.grouping, chart.overlap = "stacked", 100
    chart.add_data(
        Reference(sheet, min_col=first, max_col=last, min_row=1, max_row=rows + 1),
        titles_from_data=True,
    )
    label_column = 2 if stacked else 1
    chart.set_categories(Reference(sheet, min_col=label_column, min_row=2, max_row=rows + 1))
    chart.height, chart.width = 6 + 0.5 * rows * (1 if stacked else last - first + 1), 24
    sheet.add_chart(chart, f"A{rows + 4}")


def _xlsx_cover(book, data: ReportData, report: Report, generated_at: datetime) -> None:
    from openpyxl.styles import Font

    cover = book.active
    cover.title = "Bericht"
    cover.append([_clean(report.title)])
    cover["A1"].font = Font(bold=True, size=14)
    cover.append([generated_line(generated_at)])
    for block in report.blocks[1:]:
        if isinstance(block, Heading):
            break  # the paragraphs under the title: basis and notes
        if isinstance(block, Paragraph) and block.kind in ("meta", "note"):
            cover.append([_clean(block.text)])
    for name, info in data.runs.items():
        params = ", ".join(f"{k}={v}" for k, v in sorted(info["params"].items()))
        cover.append([_clean(f"{name} {info['run']}: {params}")])
    cover.column_dimensions["A"].width = 120


def _xlsx_needs(book, data: ReportData) -> None:
    matrix = data.profiles.need_matrix
    if matrix.empty:
        return
    fixed = ["cluster", "label", "scope", "n_districts", "size"]
    districts = [data.district] if data.district else [c for c in matrix if c not in fixed]
    spec = [("Cluster", 8), ("Bedarf", 50), ("Reichweite", 20), ("Sozialräume", 12)]
    spec += [("Aussagen", 10), *((d, 12) for d in districts)]
    rows = ([*(r[c] for c in fixed), *(r[d] for d in districts)] for _, r in matrix.iterrows())
    sheet = _sheet(book, "Bedarfe", spec, rows)
    title = "Bedarfe nach Sozialraum (Aussagen)"
    _bar_chart(sheet, title, len(matrix), 6, 5 + len(districts), stacked=True)


def _xlsx_quotes(book, profiles: list[DistrictProfile]) -> None:
    rows = []
    for p in profiles:
        for q in p.need_quotes.itertuples():
            label = f"{q.cluster}: {q.label}"
            rows.append([p.district, "Bedarfscluster", label, q.quote, "", q.workshop])
            rows[-1] += [q.document, q.source_id, q.segment_id]
        for q in p.findings.itertuples():
            rows.append([p.district, DIMENSIONS[q.dimension], q.code, q.quote, q.coders])
            rows[-1] += [q.workshop, q.document, q.source_id, q.segment_id]
    _sheet(book, "Zitate", QUOTE_SHEET, rows)


def _xlsx_indicators(book, data: ReportData, profiles: list[DistrictProfile]) -> None:
    columns = ["district", "indicator", "year", "value", "unit", "city_value", "difference"]
    columns += ["index", "source", "illustrative", "note"]
    rows = (list(r) for p in profiles for r in p.indicators[columns].itertuples(index=False))
    _sheet(book, "Indikatoren", INDICATOR_SHEET, rows)
    table = data.profiles.indicators
    if data.district is not None:
        table = table[table["district"] == data.district]
    table = table[table["index"].notna()]
    if table.empty:
        return
    pivot = table.pivot_table(
        index=["indicator", "year"], columns="district", values="index", aggfunc="first"
    ).reindex(columns=[p.district for p in profiles if p.district in set(table["district"])])
    rows = (
        [f"{i} ({y})", *(None if math.isnan(v) else round(float(v), 1) for v in row)]
        for (i, y), row in pivot.iterrows()
    )
    spec = [("Indikator", 50), *((d, 12) for d in pivot.columns)]
    sheet = _sheet(book, "Indikatoren-Index", spec, rows)
    title = "Indikatoren im Verhältnis zur Gesamtstadt (= 100)"
    _bar_chart(sheet, title, len(pivot), 2, 1 + len(pivot.columns))


def _xlsx_recommendations(book, data: ReportData) -> None:
    recs = [r for r in data.chain["recommendations"] if _relevant(data, r)]
    rows = []
    for r in recs:
        needs = "; ".join(
            n["current"]["label"] if n["current"] else f"({n['linked']['label']})"
            for n in r["needs"]
        )
        state = "unterbrochen" if r["problems"] else "vollständig"
        rows.append([r["id"], r["title"], r["text"], r["scope"], r["actors"], r["status"]])
        rows[-1] += [needs, state]
    _sheet(book, "Empfehlungen", RECOMMENDATION_SHEET, rows)

    def segment(r: dict, kind: str, cluster: str, segment_id: int) -> list[Any]:
        seg = data.segments.loc[segment_id]
        where = [seg["district"], seg["workshop"], seg["document"], seg["source_id"]]
        return [r["id"], kind, cluster, *where, seg["text"]]

    trail = []
    for r in recs:
        for n in (n for n in r["needs"] if n["current"]):
            trail += [
                segment(r, "Bedarfscluster", n["current"]["label"], s)
                for s in n["current"]["segments"]
                if s in data.segments.index
            ]
        for e in r["evidence"]:
            if e["exists"] and e["segment_id"] in data.segments.index:
                trail.append(segment(r, "Beleg", "", e["segment_id"]))
            else:
                trail.append([r["id"], "Beleg (gelöscht)", "", None, None])
                trail[-1] += [e["document"], e["source_id"], None]
    _sheet(book, "Nachweise", TRAIL_SHEET, trail)
    problems = (
        [r["id"], p["link"], p["target"], p["problem"]] for r in recs for p in r["problems"]
    )
    _sheet(book, "Prüfung", CHECK_SHEET, problems)


def render_xlsx(data: ReportData, report: Report, generated_at: datetime) -> bytes:
    """The findings as filterable sheets with native bar charts (openpyxl)."""
    import openpyxl

    profiles = _district_filter(data)
    book = openpyxl.Workbook()
    _xlsx_cover(book, data, report, generated_at)
    _xlsx_needs(book, data)
    _xlsx_quotes(book, profiles)
    topics = (
        [p.district, t.topic, t.label, t.segments, round(t.share, 4), round(t.share_all, 4)]
        for p in profiles
        for t in p.topics.itertuples()
    )
    _sheet(book, "Themen", TOPIC_SHEET, topics)
    _xlsx_indicators(book, data, profiles)
    _xlsx_recommendations(book, data)
    book.properties.creator = "Sozialraum-Werkbank"
    book.properties.title = _clean(report.title)
    book.properties.created = fixed_time().replace(tzinfo=None)
    buffer = io.BytesIO()
    book.save(buffer)
    return normalise_zip(buffer.getvalue())


def _district_filter(data: ReportData) -> list[DistrictProfile]:
    profiles = (data.profiles.city, *data.profiles.districts)
    if data.district is None:
        return list(profiles)
    return [p for p in profiles if p.district == data.district]


# -- files -----------------------------------------------------------------------------
_CORE_TIME = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def normalise_zip(data: bytes) -> bytes:
    """Rewrite an Office file with fixed ZIP timestamps and fixed core-property dates."""
    stamp = fixed_time().strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    zip_time = fixed_time().timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _CORE_TIME.sub(lambda m: m.group(1) + stamp + m.group(3), content)
            fixed = zipfile.ZipInfo(info.filename, date_time=zip_time)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, content)
    return out.getvalue()


def render(
    project: Project,
    fmt: str,
    district: str | None = None,
    generated_at: datetime | None = None,
    max_quotes: int = 3,
) -> bytes:
    """The report (city-wide, or one district's profile) as bytes of ``fmt``."""
    if fmt not in FORMATS:
        raise WorkbenchError(f"Unbekanntes Berichtsformat '{fmt}' ({', '.join(FORMATS)}).")
    if max_quotes < 0:
        raise WorkbenchError("Die Zahl der Zitate darf nicht negativ sein.")
    generated_at = generated_at or datetime.now(UTC)
    data = collect(project, district)
    report = build_report(data, max_quotes)
    if fmt == "html":
        return render_html(report, generated_at)
    if fmt == "docx":
        return render_docx(report, generated_at)
    return render_xlsx(data, report, generated_at)


def write_report(
    project: Project,
    out: str | Path,
    fmt: str | None = None,
    district: str | None = None,
    generated_at: datetime | None = None,
    max_quotes: int = 3,
) -> Path:
    """Write the report to ``out`` atomically; the format defaults to the file suffix."""
    out = Path(out)
    fmt = fmt or out.suffix.lstrip(".").lower()
    if not out.parent.is_dir():
        raise WorkbenchError(f"Ordner {out.parent} gibt es nicht.")
    write_atomic(out, render(project, fmt, district, generated_at, max_quotes))
    return out
