"""The parts a report is made of (headings, tables, quotes, charts) and the data it shows.

Blocks are plain frozen dataclasses: :mod:`workbench.synthesis.reports.outline` builds a
:class:`Report` from them, each renderer (HTML, DOCX, XLSX) draws the same blocks its own
way. :func:`collect` reads everything a report shows from the project once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pandas as pd

from workbench.core.formatting import (
    MISSING_NUMBER,
    MISSING_ROLE,
    format_number,
    format_percent,
    is_missing,
    text_or,
)
from workbench.store import CITYWIDE
from workbench.synthesis.geo import boundaries as project_boundaries
from workbench.synthesis.indicators import check_district
from workbench.synthesis.monitoring import Monitoring, read_monitoring
from workbench.synthesis.profiles import Profiles, build_profiles
from workbench.synthesis.recommendations import chain as recommendation_chain

if TYPE_CHECKING:
    from workbench.project import Project

FORMATS = ("html", "docx", "xlsx")
GENERATED = "Erstellt am"
PSEUDONYMISED = "Alle Zitate sind pseudonymisiert (Namen, Kontaktdaten und Anschriften ersetzt)."
CHART_CLASS = "wb-chart"
BAR_COLOURS = ("#2a6f97", "#b0b7bf", "#e76f51", "#2a9d8f", "#6d597a", "#e9c46a")


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
    """A table of formatted text cells; ``numeric`` columns are right-aligned."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]


@dataclass(frozen=True)
class Quote:
    """A quoted statement with its source."""

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
        """Add a paragraph."""
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


def plural(n: int, one: str, many: str) -> str:
    """``1 Workshop``, ``2 Workshops`` (German thousands separator).

    >>> plural(1, "Workshop", "Workshops"), plural(1200, "Aussage", "Aussagen")
    ('1 Workshop', '1.200 Aussagen')
    """
    return f"{format_number(n)} {one if n == 1 else many}"


def params_text(params: dict[str, Any]) -> str:
    """A run's parameters, sorted, as ``name=value`` (nothing set: "–", flags ja/nein).

    >>> params_text({"seed": 42, "n_topics": None, "words": [], "fast": True})
    'fast=ja, n_topics=–, seed=42, words=–'
    """

    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "ja" if v else "nein"
        if isinstance(v, list | tuple):
            return ", ".join(str(x) for x in v) or MISSING_NUMBER
        return MISSING_NUMBER if is_missing(v) else str(v)

    return ", ".join(f"{k}={value(v)}" for k, v in sorted(params.items()))


def generated_line(when: datetime) -> str:
    """The one line that differs between two runs on the same project."""
    when = when.astimezone(UTC)
    return f"{GENERATED} {when:%d.%m.%Y, %H:%M} Uhr (UTC)"


def chart_table(chart: Chart) -> Table:
    """A chart's numbers as a table (HTML beside the chart, DOCX instead of it)."""
    fmt = format_percent if chart.percent else format_number
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

    @property
    def has_indicators(self) -> bool:
        """Whether any indicator (a district's or the city's) is imported."""
        return not (self.profiles.indicators.empty and self.profiles.city.indicators.empty)


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
        codes=len(project.codes()),
        codings=len(project.codings()),
        boundaries=project_boundaries(project),
        monitoring=read_monitoring(project) if district is None else None,
    )


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


def role(value: object) -> str:
    """The speaker role for a quote's source line: ``Rolle: …`` or "ohne Rolle".

    >>> role("Jugendhilfe"), role(pd.NA)
    ('Rolle: Jugendhilfe', 'ohne Rolle')
    """
    named = text_or(value, "")
    return f"Rolle: {named}" if named else MISSING_ROLE


def source(data: ReportData, segment_id: int) -> str:
    """Where a statement comes from: workshop, document, statement id and speaker role."""
    seg = data.segments.loc[segment_id]
    return (
        f"{seg['workshop']} · {seg['document']}, Aussage {seg['source_id']} · "
        f"{role(seg['speaker_role'])}"
    )
