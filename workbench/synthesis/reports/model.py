"""The parts a report is made of (headings, tables, quotes, charts) and the data it shows.

Blocks are plain frozen dataclasses: :mod:`workbench.synthesis.reports.outline` builds a
:class:`Report` from them, each renderer (HTML, DOCX, XLSX) draws the same blocks its own
way. :func:`collect` reads everything a report shows from the project once.

Decisions:

- Quotes longer than :data:`QUOTE_LIMIT` characters are shortened at a word boundary with
  "…" and the statement's id (``segment_id`` in ``workbench export``), where the full text
  stays (:func:`shorten_quote`); the renderers show :attr:`Quote.shown`.
- A need or topic run made before the statements last changed is out of date
  (:mod:`workbench.synthesis.reports.staleness`, re-exported here: :func:`stale_notes`);
  every report format shows it under the title.
- A workshop's Sozialräume are those of its statements (a table import may have rows of
  several Sozialräume); several are shown as "mehrere Sozialräume: A, B"
  (:func:`district_text`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pandas as pd
from sqlalchemy import select

from workbench.core.formatting import (
    EMPTY_FIELD,
    LOCAL_TIME,
    MISSING_DISTRICT,
    cut_text,
    decimals_for,
    format_number,
    format_percent,
    is_missing,
    plural,  # noqa: F401 (the outline modules import it from here)
    text_or,
)
from workbench.store import CITYWIDE, Document
from workbench.store.downloads import EARLIER_SHA, counted_name
from workbench.synthesis.citywide import menu_name
from workbench.synthesis.geo import boundaries as project_boundaries
from workbench.synthesis.indicator_tables import check_district
from workbench.synthesis.monitoring import Monitoring, read_monitoring
from workbench.synthesis.profiles import Profiles, build_profiles
from workbench.synthesis.recommendation_chain import chain as recommendation_chain
from workbench.synthesis.reports.staleness import (  # noqa: F401 (re-exported)
    latest_stale_notes,
    need_flags,
    stale_notes,
    stale_pairs,
)
from workbench.synthesis.workshop_names import (
    file_documents,
    held_workshops,
    is_file_name,
    survey_documents,
)

if TYPE_CHECKING:
    from workbench.project import Project

FORMATS = ("html", "docx", "xlsx")
GENERATED = "Erstellt am"
PSEUDONYMISED = "Alle Zitate sind pseudonymisiert (Namen, Kontaktdaten und Anschriften ersetzt)."
CHART_CLASS = "wb-chart"
BAR_COLOURS = ("#2a6f97", "#b0b7bf", "#e76f51", "#2a9d8f", "#6d597a", "#e9c46a")
QUOTE_LIMIT = 400  # characters of a quote in a report; longer ones are shortened
SEVERAL_DISTRICTS = "mehrere Sozialräume"


# -- the outline's blocks ----------------------------------------------------------------
@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is the report's title."""

    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of one kind: text | item (bold lead-in) | note | meta | generated."""

    text: str
    kind: str = "text"


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table of formatted text cells; ``numeric`` columns are right-aligned.

    ``row_headers``: the first cell of each row names the row (a chart's category), so a
    screen reader says it with each number of the row. ``caption``: the table's name
    (HTML ``<caption>``, DOCX a bold line above it), for tables that need one to tell them
    apart.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    row_headers: bool = False
    caption: str = ""


@dataclass(frozen=True)
class Quote:
    """A quoted statement with its source (and its id, named when the quote is shortened)."""

    text: str
    source: str
    segment_id: int | None = None

    @property
    def shown(self) -> str:
        """The text as reports show it: at most about QUOTE_LIMIT characters."""
        return shorten_quote(self.text, self.segment_id)


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


@dataclass(frozen=True)
class MapFigure:
    """A choropleth map of the districts (see :mod:`workbench.synthesis.map_svg`).

    ``values``: (district, value) pairs; ``percent``: shares, else an index against the
    city (= 100). ``shapes``: the project's boundaries, None for a schematic tile map.
    """

    key: str  # the element id is "wb-map-" + key
    title: str
    values: tuple[tuple[str, float | None], ...]
    percent: bool
    value_label: str
    shapes: Any = None  # dict[str, geo.Shape] | None


Block = Heading | Paragraph | Bullets | Table | Quote | Chart | MapFigure


@dataclass(frozen=True)
class Report:
    """A report's content, ready to render; the generated-at line is added by renderers."""

    title: str
    blocks: tuple[Block, ...]


class OutlineBuilder:
    """Collects blocks; headings get unique anchors, charts unique keys."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.anchors: set[str] = set()
        self.charts: set[str] = set()
        self.keys: dict[str, str] = {}

    def key_for(self, name: str) -> str:
        """The id part of a district's anchors and charts, distinct for distinct names.

        ``Nord-Ost`` and ``Nord Ost`` (or two names without Latin letters) share a slug;
        the second name gets ``-2`` so its charts and sections stay its own.
        """
        if name not in self.keys:
            key = base = slug(name)
            n = 2
            while key in self.keys.values():
                key, n = f"{base}-{n}", n + 1
            self.keys[name] = key
        return self.keys[name]

    def heading(self, level: int, text: str, key: str | None = None) -> None:
        """Add a heading (its anchor from ``key`` or the text, made unique)."""
        anchor = base = "sec-" + slug(key or text)
        n = 2
        while anchor in self.anchors:
            anchor, n = f"{base}-{n}", n + 1
        self.anchors.add(anchor)
        self.blocks.append(Heading(level, text, anchor))

    def add(self, block: Block) -> None:
        """Add any block; a chart key may be used once."""
        if isinstance(block, Chart):
            if block.key in self.charts:
                raise AssertionError(f"chart key {block.key} used twice")
            self.charts.add(block.key)
        self.blocks.append(block)

    def text(self, text: str, kind: str = "text") -> None:
        """Add a paragraph, written for its audience where it is made (``ReportData.public``)."""
        self.blocks.append(Paragraph(text, kind))


# -- small helpers (pure) ----------------------------------------------------------------
def slug(text: str) -> str:
    """An ASCII id part: ``Steinbüchel`` → ``steinbuechel``.

    >>> slug("Steinbüchel: Bedarfe")
    'steinbuechel-bedarfe'
    """
    text = text.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def short(text: object, limit: int = 70) -> str:
    """``text`` on one line, cut to ``limit`` characters.

    >>> short("eine  sehr\\nlange Zeile", 12)
    'eine sehr l…'
    """
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def shorten_quote(text: str, segment_id: int | None = None, limit: int = QUOTE_LIMIT) -> str:
    """``text`` cut before ``limit`` characters, with "…" and its id.

    The cut is at the end of a sentence in the last quarter, else at a word boundary.

    >>> shorten_quote("kurz", 7)
    'kurz'
    >>> shorten_quote("Es fehlt ein Treffpunkt für Jugendliche am Abend.", 17, limit=30)
    'Es fehlt ein Treffpunkt für … [gekürzt; vollständiger Text: Aussage-ID 17 im Export]'
    """
    text = str(text)
    if len(text) <= limit:
        return text
    cut = cut_text(text, limit)
    where = f"Aussage-ID {segment_id} im Export" if segment_id is not None else "im Export"
    return f"{cut} … [gekürzt; vollständiger Text: {where}]"


def params_text(params: dict[str, Any]) -> str:
    """A run's parameters, sorted, as ``name=value`` (nothing set: "–", flags ja/nein).

    >>> params_text({"seed": 42, "n_topics": None, "words": [], "fast": True})
    'fast=ja, n_topics=–, seed=42, words=–'
    """

    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "ja" if v else "nein"
        if isinstance(v, list | tuple):
            return ", ".join(str(x) for x in v) or EMPTY_FIELD
        return EMPTY_FIELD if is_missing(v) else str(v)

    return ", ".join(f"{k}={value(v)}" for k, v in sorted(params.items()))


def generated_line(when: datetime) -> str:
    """The one line that differs between two runs on the same project, in the time of
    the German cities the studies are about (Europe/Berlin, summer time included), as a
    reader there reads a clock; never UTC.

    >>> generated_line(datetime.fromisoformat("2026-01-02T03:04Z"))
    'Erstellt am 02.01.2026, 04:04 Uhr'
    >>> generated_line(datetime.fromisoformat("2026-07-01T22:30Z"))  # summer time: next day
    'Erstellt am 02.07.2026, 00:30 Uhr'
    """
    when = when.astimezone(LOCAL_TIME)
    return f"{GENERATED} {when:%d.%m.%Y, %H:%M} Uhr"


def chart_number(chart: Chart, value: float, places: int) -> str:
    """One number of a chart: a percent with one decimal, else with ``places`` decimals."""
    return format_percent(value) if chart.percent else format_number(value, places)


def series_places(chart: Chart) -> list[int]:
    """The decimals of each series of a bar chart: the numbers of one series look alike."""
    return [decimals_for(*values) for _, values in chart.series]


def chart_table(chart: Chart) -> Table:
    """A chart's numbers as a table (HTML beside the chart, DOCX instead of it).

    The numbers of a heatmap's row, or of a bar chart's series, have the same decimals
    (``87,0`` beside ``130,5``, not ``87``).
    """
    if chart.kind == "heatmap":
        return Table(
            ("", *chart.columns),
            tuple(
                (c, *(chart_number(chart, v, decimals_for(*row)) for v in row))
                for c, row in zip(chart.categories, chart.z, strict=True)
            ),
            (False, *(True for _ in chart.columns)),
            row_headers=True,
        )
    series = list(zip((values for _, values in chart.series), series_places(chart), strict=True))
    rows = []
    for i, category in enumerate(chart.categories):
        rows.append((category, *(chart_number(chart, v[i], p) for v, p in series)))
    return Table(
        ("", *(name for name, _ in chart.series)),
        tuple(rows),
        (False, *(True for _ in chart.series)),
        row_headers=True,
    )


# -- collecting the data -----------------------------------------------------------------
@dataclass(frozen=True)
class ReportData:
    """Everything a report shows, read from the project once."""

    project: str
    district: str | None
    profiles: Profiles
    workshops: pd.DataFrame
    segments: pd.DataFrame  # indexed by segment_id
    clusters: pd.DataFrame | None
    chain: dict[str, Any]
    runs: dict[str, dict[str, Any]] = field(default_factory=dict)
    codes: int = 0  # entries in the codebook
    codings: int = 0  # codings by anyone
    boundaries: Any = None  # district → polygons (workbench map --import), else None
    monitoring: Monitoring | None = None  # the city-wide report's "Monitoring" chapter
    stale: tuple[str, ...] = ()  # need/topic runs older than the statements (stale_notes)
    stale_public: tuple[str, ...] = ()  # the same for readers: no run number, no command
    coder_names: bool = True  # False on the public site: how many coded a quote, not who
    public: bool = False  # the public site: no internal cluster numbers, no team commands

    @property
    def has_indicators(self) -> bool:
        """Whether any indicator (a district's or the city's) is imported."""
        return not (self.profiles.indicators.empty and self.profiles.city.indicators.empty)


def collect(project: Project, district: str | None = None) -> ReportData:
    """Read profiles, recommendations and sources for a report (one district or all)."""
    from workbench.analysis import needs, topics

    if district is not None:
        district = check_district(district, list(project.districts()["district"]))
    profiles = build_profiles(project)
    segments = project.segments()
    counts = segments.groupby("workshop")["segment_id"].nunique()
    places = segments.groupby("workshop")["district"].agg(lambda d: tuple(sorted(set(d))))
    city = profiles.city.workshops  # a survey's statements under Gesamtstadt: "ohne Sozialraum"
    places = places.map(lambda d: (menu_name(CITYWIDE, city),) if d == (CITYWIDE,) else d)
    files = file_documents(segments)  # a card wall's "dataset-…-d1a": its file, not a workshop
    documents = project.documents()
    importers = dict(zip(documents["document_id"], documents["importer"], strict=True))
    workshops = project.workshops()
    surveys = survey_documents(project)  # "Umfrage.csv" with a district column: not held
    held = held_workshops(workshops, segments, importers, surveys)  # a Pol.is topic: not held
    counted = _counted_names(project)  # an export downloaded 3 times: "a.csv (3 Downloads, …)"
    workshops = workshops.assign(
        shown=lambda t: [
            counted.get(files[w], files[w]) if w in files else w for w in t["workshop"]
        ],
        held=lambda t: [held[w] for w in t["workshop"]],
        segments=lambda t: t["workshop"].map(counts).fillna(0).astype("int64"),
        districts=lambda t: [
            places.get(w, (d,)) for w, d in zip(t["workshop"], t["district"], strict=True)
        ],
    )
    clusters = needs.clusters(project, profiles.need_run) if profiles.need_run else None
    stale = stale_pairs(project, profiles.need_run, profiles.topic_run, segments)
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
        codes=len(project.codes()),
        codings=len(project.codings()),
        boundaries=project_boundaries(project),
        monitoring=read_monitoring(project) if district is None else None,
        stale=tuple(team for team, _ in stale),
        stale_public=tuple(readers for _, readers in stale),
    )


def _counted_names(project: Project) -> dict[str, str]:
    """Each document grown from several downloads of an export, by its name: that name with
    the number of downloads and the latest's name (:func:`counted_name`); a name two
    documents share (``--allow-duplicates``) stays as it is."""
    with project.session() as session:
        rows = list(session.execute(select(Document.filename, Document.sha256, Document.options)))
    names = Counter(name for name, _, _ in rows)
    return {
        name: counted_name(name, sha256, options)
        for name, sha256, options in rows
        if names[name] == 1 and (options or {}).get(EARLIER_SHA)
    }


def district_text(districts: tuple[str, ...] | list[str], fallback: str) -> str:
    """A workshop's Sozialräume for the overview: one name, or "mehrere Sozialräume: …".

    Among several, the statements stored under the city are "ohne Sozialraum", last (a
    survey whose district field some left empty did not ask the city as a whole).

    >>> district_text(("Manfort",), "x"), district_text(("Manfort", "Opladen"), "x")
    ('Manfort', 'mehrere Sozialräume: Manfort, Opladen')
    >>> district_text(("Alkenrath", "Gesamtstadt", "Opladen"), "x")
    'mehrere Sozialräume: Alkenrath, Opladen, ohne Sozialraum'
    >>> district_text((), "ohne Sozialraum")
    'ohne Sozialraum'
    """
    named = [str(d) for d in districts if not is_missing(d) and str(d)]
    if len(named) > 1:
        places = [d for d in named if d != CITYWIDE]
        places += [MISSING_DISTRICT] if CITYWIDE in named else []
        return f"{SEVERAL_DISTRICTS}: {', '.join(places)}"
    return named[0] if named else fallback


def relevant(data: ReportData, rec: dict[str, Any]) -> bool:
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


def none_for_district(data: ReportData) -> str | None:
    """The note for a district's report when the study has recommendations, none for it."""
    if data.district is None or not data.chain["recommendations"]:
        return None  # the report says there are none yet
    where = "die Gesamtstadt" if data.district == CITYWIDE else data.district  # accusative
    return f"Keine Empfehlung für {where}."


def cluster_tag(data: ReportData, cluster: object) -> str:
    """ "Cluster 3" in the team's reports; "" on the public site (an internal number)."""
    return "" if data.public else f"Cluster {cluster}"


def need_categories(data: ReportData, clusters: Iterable[tuple[object, str]]) -> tuple[str, ...]:
    """Chart rows of need clusters: "3: Label"; on the public site the label alone,
    unless two labels are the same (chart rows must differ)."""
    pairs = [(cluster, short(label, 50)) for cluster, label in clusters]
    labels = [label for _, label in pairs]
    if data.public and len(set(labels)) == len(labels):
        return tuple(labels)
    return tuple(f"{cluster}: {label}" for cluster, label in pairs)


def role(value: object) -> str:
    """The speaker role for a quote's source line, ``Rolle: …``; "" where there is none (a
    card, a survey answer, a protocol's summary: "ohne Rolle" would read like a speaker
    without a function, a resident, which nobody said).

    >>> role("Jugendhilfe"), role(pd.NA)
    ('Rolle: Jugendhilfe', '')
    """
    named = text_or(value, "")
    return f"Rolle: {named}" if named else ""


def quote(data: ReportData, segment_id: int) -> Quote:
    """A statement as a quote block, with its source line and its id."""
    return Quote(data.segments.loc[segment_id, "text"], source(data, segment_id), int(segment_id))


def source(data: ReportData, segment_id: int) -> str:
    """Where a statement comes from: workshop, document, statement id and the speaker role
    where there is one (:func:`role`)."""
    seg = data.segments.loc[segment_id]
    named = role(seg["speaker_role"])
    workshop = "" if is_file_name(seg["workshop"], seg["document"]) else f"{seg['workshop']} · "
    return f"{workshop}{seg['document']}, Aussage {seg['source_id']}" + (
        f" · {named}" if named else ""
    )
