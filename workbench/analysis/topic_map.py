"""The topic map's data: each statement with its topic, map position and need cluster.

Read from the latest stored topic run (topics, each statement's topic and stored map
position ``x``/``y``) and, if there is one, the latest need run; nothing is fitted or
laid out here. The Voilà app (``widgets.topic_map``) and the static site
(:mod:`workbench.synthesis.site`) draw the same tables. Texts are the stored,
pseudonymised ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from workbench.core.domain import WorkbenchError
from workbench.store import CITYWIDE

if TYPE_CHECKING:
    from workbench.project import Project

NO_NEED = "keine Bedarfsaussage"
NOT_READY = (
    "Die Themenlandkarte ist noch nicht berechnet. Bitte versuchen Sie es später noch einmal."
)
NO_NEED_RUN = "Die Bedarfe sind noch nicht gruppiert: Färbung nur nach Themen."
STATEMENT_COLUMNS = {
    "segment_id": "int64",
    "source_id": "string",
    "district": "string",
    "document": "string",
    "text": "string",
    "topic": "string",
    "topic_label": "string",
    "probability": "float64",
    "x": "float64",
    "y": "float64",
    "need": "Int64",  # need cluster of the statement; missing if it is no need statement
    "need_label": "string",
}
TOPIC_COLUMNS = {"topic": "string", "label": "string", "keywords": "object", "size": "int64"}
# Colours of the qualitative palettes plotly ships (D3, then Dark24), as literal values so
# that no view has to import plotly.express for them.
PALETTE = (
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD",
    "#8C564B", "#E377C2", "#7F7F7F", "#BCBD22", "#17BECF",
    "#2E91E5", "#E15F99", "#1CA71C", "#FB0D0D", "#DA16FF",
    "#222A2A", "#B68100", "#750D86", "#EB663B", "#511CFB",
)  # fmt: skip
GREY = "#B0B0B0"
# From the 21st topic on the colours come round again; a shape tells such topics apart.
SYMBOLS = ("circle", "diamond", "square", "triangle-up", "cross", "star")
# Points a map draws at most. Every point travels to the browser with its hover text
# (~200 bytes): on the Pol.is Klimarat study (5,760 statements) the app sent 1.2 MB on
# each draw and the site page weighed 3.0 MB; larger studies grow linearly. Above this
# size a map draws a sample of each topic (or need cluster), in proportion to its size;
# the lists of quotes keep every statement.
MAP_POINTS = 2000
MIN_GROUP_POINTS = 25  # a small topic keeps this many points (or all it has)
MAP_HEIGHT = 620  # pixels, with up to LEGEND_FREE entries in the legend below the points
LEGEND_FREE = 10
# Pixels a legend entry takes on a laptop (two entries per 19-pixel row). On a phone
# (one per row) plotly keeps at least half the figure for the points and scrolls the legend.
LEGEND_ROW = 10


@dataclass(frozen=True)
class MapData:
    """What the map shows: one row per statement, the topics, the districts."""

    statements: pd.DataFrame  # STATEMENT_COLUMNS
    topics: pd.DataFrame  # TOPIC_COLUMNS, largest first
    districts: tuple[str, ...]  # with statements; the city first
    topic_run: int
    need_run: int | None = None
    notes: tuple[str, ...] = ()
    # the workshops of the statements stored under Gesamtstadt: a city-wide workshop's
    # are "Gesamtstadt", a survey's "ohne Sozialraum" (workbench.synthesis.citywide)
    city_workshops: tuple[str, ...] = ()


def statement_table(
    assignments: pd.DataFrame, segments: pd.DataFrame, need_assignments: pd.DataFrame | None
) -> pd.DataFrame:
    """Statements with their topic, map position and (if any) need cluster (pure)."""
    table = assignments[["segment_id", "topic", "topic_label", "probability", "x", "y"]].merge(
        segments[["segment_id", "source_id", "district", "document", "text"]], on="segment_id"
    )
    if need_assignments is None or need_assignments.empty:
        table["need"] = pd.NA
        table["need_label"] = pd.NA
    else:
        needs = need_assignments[["segment_id", "cluster", "cluster_label"]].rename(
            columns={"cluster": "need", "cluster_label": "need_label"}
        )
        table = table.merge(needs, on="segment_id", how="left")
    table = table.sort_values("segment_id").reset_index(drop=True)
    return table[list(STATEMENT_COLUMNS)].astype(STATEMENT_COLUMNS)


def topic_table(described: pd.DataFrame) -> pd.DataFrame:
    """Topics of a run (``workbench.analysis.topics.topics``) as the map names them (pure).

    Runs per district or guiding question (``--by``) name each topic with its group.
    """
    label = [
        text if group == "alle" else f"{group}: {text}"
        for group, text in zip(described["group"], described["label"], strict=True)
    ]
    table = pd.DataFrame(
        {
            "topic": described["key"].astype(str),
            "label": label,
            "keywords": described["keywords"],
            "size": described["size"],
        }
    )
    table = table.sort_values(["size", "topic"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True).astype(TOPIC_COLUMNS)


def present_topics(table: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """The topics of ``table`` sized by today's ``statements`` (pure), largest first.

    After ``workbench forget`` a topic has fewer statements than the run counted; one whose
    statements were all erased has none to show and leaves the map (its keywords were
    their words).
    """
    sizes = statements.groupby("topic")["segment_id"].nunique()
    kept = table[table["topic"].isin(sizes.index)]
    kept = kept.assign(size=kept["topic"].map(sizes).astype("int64"))
    kept = kept.sort_values(["size", "topic"], ascending=[False, True], kind="stable")
    return kept.reset_index(drop=True).astype(TOPIC_COLUMNS)


def has_topic_run(project: Project) -> bool:
    """Whether the project has a stored topic run (the map needs one)."""
    from workbench.analysis import topics

    return not topics.runs(project).empty


def map_data(
    project: Project, topic_run: int | None = None, need_run: int | None = None
) -> MapData:
    """Read a topic run (default: latest) and need run (the reference run, if any) for the map."""
    from workbench.analysis import need_clusters, needs, topics

    if topic_run is None:
        runs = topics.runs(project)
        if runs.empty:
            raise WorkbenchError(NOT_READY)
        topic_run = int(runs["run_id"].max())
    notes = []
    try:
        run_id = need_run
        if run_id is None:  # the run reports and apps follow (need_clusters.reference_run)
            with project.session() as session:
                run_id = need_clusters.need_run(session).id
        need_assignments = needs.assignments(project, run_id)
        need_run = run_id
    except WorkbenchError:
        if need_run is not None:
            raise
        need_assignments = None
        notes.append(NO_NEED_RUN)
    segments = project.segments()
    statements = statement_table(topics.assignments(project, topic_run), segments, need_assignments)
    present = set(statements["district"])
    districts = tuple(d for d in project.districts()["district"] if d in present)
    city = segments[segments["segment_id"].isin(statements["segment_id"])]
    city = city[city["district"] == CITYWIDE]
    return MapData(
        statements=statements,
        topics=present_topics(topic_table(topics.topics(project, topic_run)), statements),
        districts=districts,
        topic_run=topic_run,
        need_run=need_run if need_assignments is not None else None,
        notes=tuple(notes),
        city_workshops=tuple(sorted(set(city["workshop"].dropna()))),
    )


def topic_name(label: str, limit: int | None = None) -> str:
    """How a topic is named in lists, headings and charts (plain text, not escaped).

    By its label alone: the map is read by everyone, and the topic's key ("0",
    "Ottensen:0") is the team's handle, not a name (a run ``--by district`` already names
    the district in the label). The key stays the topic's identity in links and values.

    >>> topic_name("Ottensen: Bus abends"), topic_name("Busse abends", limit=6)
    ('Ottensen: Bus abends', 'Busse…')
    """
    name = str(label)
    return name if limit is None or len(name) <= limit else name[: limit - 1] + "…"


def heatmap_table(data: MapData) -> pd.DataFrame:
    """Statements per topic (rows, largest first) and district (columns, city first)."""
    return pd.crosstab(data.statements["topic"], data.statements["district"]).reindex(
        index=list(data.topics["topic"]), columns=list(data.districts), fill_value=0
    )


def topic_quotes(data: MapData, topic: str, district: str | None = None) -> pd.DataFrame:
    """A topic's statements, most typical first (of one district if given)."""
    part = data.statements[data.statements["topic"] == topic]
    if district is not None:
        part = part[part["district"] == district]
    return part.sort_values(["probability", "segment_id"], ascending=[False, True])


def _spread(statements: pd.DataFrame) -> np.ndarray:
    """A fixed pseudo-random rank per statement (a hash of its id): samples stay stable."""
    ids = statements["segment_id"].to_numpy(dtype=np.uint64)
    return (ids * np.uint64(2654435761)) % np.uint64(2**32)  # Knuth's multiplicative hash


def _quotas(sizes: np.ndarray, limit: int) -> np.ndarray:
    """Points per group: at least ``MIN_GROUP_POINTS`` (or all), the rest by size."""
    base = np.minimum(sizes, MIN_GROUP_POINTS)
    rest, spare = limit - int(base.sum()), sizes - base
    if rest <= 0 or not spare.any():
        return base
    share = rest * spare / spare.sum()
    extra = np.floor(share).astype(int)
    left = rest - int(extra.sum())  # to the groups with the largest remainders
    extra[np.argsort(-(share - extra), kind="stable")[:left]] += 1
    return base + np.minimum(extra, spare)


def map_sample(data: MapData, by_need: bool = False, limit: int = MAP_POINTS) -> pd.DataFrame:
    """The statements a map draws: all up to ``limit``, else a sample of each group.

    Groups are the topics (``by_need``: the need clusters, statements without one as a
    group of their own). Each keeps its share of the ``limit`` points (at least
    ``MIN_GROUP_POINTS``), chosen by a fixed hash of the statement's id: the same
    statements on every load, in the app and on the site. Positions are the stored ones.
    """
    statements = data.statements
    if len(statements) <= limit:
        return statements
    groups = statements["need"].astype("string") if by_need else statements["topic"]
    codes, _ = pd.factorize(groups.fillna("\0"), sort=True)
    quotas = _quotas(np.bincount(codes), limit)
    order = np.lexsort((statements["segment_id"].to_numpy(), _spread(statements), codes))
    rank = np.empty(len(order), dtype=int)
    starts = np.concatenate(([0], np.cumsum(np.bincount(codes))[:-1]))
    rank[order] = np.arange(len(order)) - starts[codes[order]]  # place within its group
    return statements[rank < quotas[codes]]


def map_height(entries: int) -> int:
    """The map's height in pixels for a legend of ``entries``: the points keep their room.

    The legend lies below the points and plotly takes its room from the figure: a run
    ``--by district`` of a large study (41 topics) left the points 290 of 620 pixels on a
    laptop, the demo's 7 topics 495.
    """
    return MAP_HEIGHT + LEGEND_ROW * max(0, entries - LEGEND_FREE)


def group_style(i: int) -> tuple[str, str | None]:
    """Colour and marker shape of the ``i``-th topic or need on a map (None: plotly's dot).

    >>> group_style(0), group_style(20)
    (('#1F77B4', None), ('#1F77B4', 'diamond'))
    """
    symbol = SYMBOLS[(i // len(PALETTE)) % len(SYMBOLS)] if i >= len(PALETTE) else None
    return PALETTE[i % len(PALETTE)], symbol


def need_clusters(data: MapData) -> pd.Series:
    """The need clusters on the map (cluster → label), in cluster order."""
    return data.statements.dropna(subset=["need"]).groupby("need")["need_label"].first()
