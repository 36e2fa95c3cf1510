"""TopicMapView: the statements on a 2-D map, topics per district, and a topic's quotes.

Reads the latest stored topic run (its topics, each statement's topic and stored map
position ``x``/``y``) and, if there is one, the latest need run (each need statement's
cluster); nothing is fitted or laid out here. :func:`map_data` gathers the tables once,
the view draws them:
- the map, coloured by topic or by need cluster (toggle); the chosen topic stands out;
  drawn once the page shows the rest (plotly's start-up in the browser would otherwise
  hold back the whole page, see :mod:`widgets.figures`);
- a heatmap of topics × districts: a table shaded by the share of each district's
  statements, with counts;
- a list of topics: choosing one shows its quotes, most typical first, optionally of
  one district only.
The map is a plotly mime bundle (see :mod:`widgets.figures`); it sends no clicks back to
Python, so topics are chosen in the list. Every text from the data is escaped.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
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
    safe_app,
)
from widgets.figures import (
    GERMAN_SEPARATORS,
    ShownSignal,
    figure_output,
    plot_text,
    show_figure,
)

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from workbench.project import Project

_log = logging.getLogger(__name__)

ALL = "__alle__"
BY_TOPIC, BY_NEED = "topic", "need"
NO_NEED = "keine Bedarfsaussage"
QUOTE_LIMIT = 40  # quotes listed at once; a district filter narrows the rest
NOT_READY = (
    "Die Themenlandkarte ist noch nicht berechnet. Bitte versuchen Sie es später noch einmal."
)
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
# that the app does not import plotly.express.
PALETTE = (
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD",
    "#8C564B", "#E377C2", "#7F7F7F", "#BCBD22", "#17BECF",
    "#2E91E5", "#E15F99", "#1CA71C", "#FB0D0D", "#DA16FF",
    "#222A2A", "#B68100", "#750D86", "#EB663B", "#511CFB",
)  # fmt: skip
GREY = "#B0B0B0"

STYLE = """
<style>
.sw-topic-map { max-width: 80rem; font-size: 15px; }
.sw-topic-quotes { max-height: 34rem; overflow-y: auto; }
.sw-topic-map li { line-height: 1.35; }
.sw-topic-map h2 { margin: 0.4rem 0 0.2rem; }
.sw-topic-map h3 { margin: 1rem 0 0.3rem; font-size: 1.1rem; }
.sw-lead { color: #444; margin: 0 0 0.4rem; }
.sw-meta { color: #555; font-size: 0.85rem; }
.sw-note { color: #555; font-size: 0.82rem; }
.sw-quotes { margin: 0.3rem 0 0.3rem 1.1rem; padding: 0; }
.sw-quote { margin: 0.25rem 0; }
.sw-quote-text { white-space: pre-wrap; }
.sw-source { color: #777; font-size: 0.8rem; margin-left: 0.3rem; }
.sw-table { border-collapse: collapse; font-size: 0.9rem; margin: 0.3rem 0; }
.sw-table th, .sw-table td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.5rem;
  text-align: left; vertical-align: top; }
.sw-table td.sw-num, .sw-table th.sw-num { text-align: right; }
.sw-table td.sw-cell { min-width: 4.5rem; }
</style>
"""


# -- data --------------------------------------------------------------------------------
@dataclass(frozen=True)
class MapData:
    """What the map shows: one row per statement, the topics, the districts."""

    statements: pd.DataFrame  # STATEMENT_COLUMNS
    topics: pd.DataFrame  # TOPIC_COLUMNS, largest first
    districts: tuple[str, ...]  # with statements; the city first
    topic_run: int
    need_run: int | None = None
    notes: tuple[str, ...] = ()


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


def map_data(
    project: Project, topic_run: int | None = None, need_run: int | None = None
) -> MapData:
    """Read a topic run (default: latest) and need run (latest, if any) for the map."""
    from workbench.analysis import needs, topics
    from workbench.core.domain import WorkbenchError

    if topic_run is None:
        runs = topics.runs(project)
        if runs.empty:
            raise WorkbenchError(NOT_READY)
        topic_run = int(runs["run_id"].max())
    notes = []
    try:
        need_assignments = needs.assignments(project, need_run)
        if need_run is None:
            need_run = int(needs.runs(project)["run_id"].max())
    except WorkbenchError:
        if need_run is not None:
            raise
        need_assignments = None
        notes.append("Die Bedarfe sind noch nicht gruppiert: Färbung nur nach Themen.")
    segments = project.segments()
    statements = statement_table(topics.assignments(project, topic_run), segments, need_assignments)
    present = set(statements["district"])
    districts = tuple(d for d in project.districts()["district"] if d in present)
    return MapData(
        statements=statements,
        topics=topic_table(topics.topics(project, topic_run)),
        districts=districts,
        topic_run=topic_run,
        need_run=need_run if need_assignments is not None else None,
        notes=tuple(notes),
    )


# -- figures and HTML (pure) --------------------------------------------------------------
def topic_name(topic: str, label: str, limit: int | None = None) -> str:
    """How a topic is named in lists and charts (plain text, not escaped)."""
    name = f"{topic} · {label}"
    return name if limit is None or len(name) <= limit else name[: limit - 1] + "…"


def _hover(part: pd.DataFrame) -> list[str]:
    return [
        f"<b>{plot_text(d)}</b> · {plot_text(s)}<br>{plot_text(t, width=60, limit=320)}"
        for d, s, t in zip(part["district"], part["source_id"], part["text"], strict=True)
    ]


def map_figure(data: MapData, colour_by: str = BY_TOPIC, highlight: str | None = None) -> go.Figure:
    """The map of statements: one trace per topic or need cluster (others grey)."""
    import plotly.graph_objects as go

    statements = data.statements
    traces = []
    if colour_by == BY_NEED:
        clusters = statements.dropna(subset=["need"]).groupby("need")["need_label"].first()
        rest = statements["need"].isna().to_numpy()
        if rest.any():
            traces.append(_points(statements[rest], NO_NEED, GREY, 0.35, 5))
        for i, (cluster, label) in enumerate(clusters.items()):
            mask = (statements["need"] == cluster).fillna(False).to_numpy()
            name = f"{int(cluster)} · {label}"
            traces.append(_points(statements[mask], name, PALETTE[i % len(PALETTE)], 0.9, 8))
        title = "Aussagen nach Bedarfscluster"
    else:
        topics = zip(data.topics["topic"], data.topics["label"], strict=True)
        for i, (topic, label) in enumerate(topics):
            chosen = highlight is None or topic == highlight
            traces.append(
                _points(
                    statements[statements["topic"] == topic],
                    topic_name(topic, label, limit=40),
                    PALETTE[i % len(PALETTE)],
                    0.9 if chosen else 0.18,
                    9 if highlight is not None and chosen else 7,
                )
            )
        title = "Aussagen nach Thema"
    figure = go.Figure(traces)
    figure.update_layout(
        title=title,
        template="plotly_white",
        separators=GERMAN_SEPARATORS,
        height=620,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        xaxis={"visible": False},
        yaxis={"visible": False, "scaleanchor": "x"},
        legend={
            "title": {"text": "Bedarfscluster" if colour_by == BY_NEED else "Thema"},
            "orientation": "h",
            "yanchor": "top",
            "y": 0,
        },
        hoverlabel={"align": "left"},
    )
    return figure


def _points(part: pd.DataFrame, name: str, colour: str, opacity: float, size: int) -> Any:
    import plotly.graph_objects as go

    return go.Scatter(
        x=part["x"].tolist(),
        y=part["y"].tolist(),
        mode="markers",
        name=plot_text(name),
        marker={"color": colour, "size": size, "opacity": opacity, "line": {"width": 0}},
        hovertext=_hover(part),
        hoverinfo="text",
    )


def heatmap_table(data: MapData) -> pd.DataFrame:
    """Statements per topic (rows, largest first) and district (columns, city first)."""
    return pd.crosstab(data.statements["topic"], data.statements["district"]).reindex(
        index=list(data.topics["topic"]), columns=list(data.districts), fill_value=0
    )


def heatmap_html(data: MapData) -> str:
    """Topics × districts as a table shaded by the share of each district's statements.

    A shaded table rather than a plotly heatmap: the same reading, no chart to start in
    the browser, and every cell says its numbers when pointed at.
    """
    counts = heatmap_table(data)
    totals = counts.sum(axis=0).clip(lower=1)
    peak = max(float((counts / totals).to_numpy().max()), 1e-9) if counts.size else 1.0
    head = "".join(f"<th class='sw-num'>{esc(d)}</th>" for d in counts.columns)
    rows = []
    for topic, label in zip(data.topics["topic"], data.topics["label"], strict=True):
        cells = []
        for district in counts.columns:
            n = int(counts.loc[topic, district])
            share = n / totals[district]
            title = f"{n} von {int(totals[district])} Aussagen aus {district} ({100 * share:.0f} %)"
            cells.append(
                f"<td class='sw-num sw-cell' title='{esc(title)}' style='background: "
                f"rgba(31, 78, 140, {0.04 + 0.7 * share / peak:.2f}); color: "
                f"{'#fff' if share / peak > 0.6 else '#111'}'>{n}</td>"
            )
        rows.append(f"<tr><td>{esc(topic_name(topic, label))}</td>{''.join(cells)}</tr>")
    return (
        "<h3>Themen je Sozialraum</h3><p class='sw-note'>Zahl der Aussagen; je dunkler, desto "
        "größer der Anteil an allen Aussagen des Sozialraums.</p>"
        f"<table class='sw-table sw-heatmap-table'><thead><tr><th>Thema</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def topic_quotes_html(
    data: MapData, topic: str, district: str = ALL, limit: int = QUOTE_LIMIT
) -> str:
    """A topic's quotes (most typical first), of all districts or one."""
    info = data.topics[data.topics["topic"] == topic]
    if info.empty:
        return "<p class='sw-meta'>Bitte wählen Sie ein Thema.</p>"
    row = info.iloc[0]
    part = data.statements[data.statements["topic"] == topic]
    if district != ALL:
        part = part[part["district"] == district]
    part = part.sort_values(["probability", "segment_id"], ascending=[False, True])
    where = "" if district == ALL else f" aus {esc(district)}"
    keywords = ", ".join(list(row["keywords"])[:8])
    items = "".join(
        f"<li class='sw-quote'><span class='sw-quote-text'>{esc(r.text)}</span>"
        f"<span class='sw-source'>({esc(r.district)} · {esc(r.document)}, {esc(r.source_id)})"
        f"</span></li>"
        for r in part.head(limit).itertuples()
    )
    more = len(part) - limit
    rest = (
        f"<p class='sw-note'>… und {more} weitere. Wählen Sie einen Sozialraum, um nur "
        f"dessen Aussagen zu sehen.</p>"
        if more > 0
        else ""
    )
    count = f"{len(part)} Aussage" if len(part) == 1 else f"{len(part)} Aussagen"
    if part.empty:
        items = "<li class='sw-empty'>Zu diesem Thema gibt es hier keine Aussagen.</li>"
    return (
        f"<h3 class='sw-topic-title'>Thema {esc(topic_name(topic, row['label']))}</h3>"
        f"<p class='sw-meta'>{count}{where} · Schlagworte: {esc(keywords)}</p>"
        f"<ul class='sw-quotes'>{items}</ul>{rest}"
    )


# -- the view ------------------------------------------------------------------------------
class TopicMapView(w.VBox):
    """Map, heatmap and quotes of a topic run.

    Parameters
    ----------
    data: what :func:`map_data` returns.
    topic: the topic chosen first (default: the largest).
    title: heading above the map (None: none, e.g. when the notebook has one).
    """

    def __init__(
        self, data: MapData, topic: str | None = None, title: str | None = "Themenlandkarte"
    ):
        super().__init__()
        self.data = data
        keys = list(data.topics["topic"])
        first = topic if topic in keys else (keys[0] if keys else None)
        self.notice = w.VBox([message(n, kind="info") for n in data.notes])
        self.notice.add_class("sw-notice")
        options = [("Themen", BY_TOPIC)]
        if data.need_run is not None:
            options.append(("Bedarfscluster", BY_NEED))
        self.colour = w.ToggleButtons(
            options=options,
            value=BY_TOPIC,
            description="Farbe nach:",
            style={"description_width": "initial"},
        )
        self.colour.add_class("sw-colour")
        self.map = figure_output("sw-map")
        self.heatmap = w.HTML(heatmap_html(data))
        self.heatmap.add_class("sw-heatmap")
        # The map is drawn once the page shows the text (see widgets.figures).
        self.shown = ShownSignal(self._guard(self._draw_map))
        self.topic_list = w.Select(
            options=[
                (f"{topic_name(t, label)} ({int(n)})", t)
                for t, label, n in zip(keys, data.topics["label"], data.topics["size"], strict=True)
            ],
            value=first,
            rows=min(max(len(keys), 2), 10),
            layout=w.Layout(width="98%"),
        )
        self.topic_list.add_class("sw-topic-list")
        self.quote_district = w.Dropdown(
            options=[("alle Sozialräume", ALL), *((d, d) for d in data.districts)],
            value=ALL,
            description="Aussagen aus:",
            style={"description_width": "initial"},
        )
        self.quote_district.add_class("sw-quote-district")
        self.quotes = w.HTML()
        self.quotes.add_class("sw-topic-quotes")
        n = len(data.statements)
        self.children = [
            w.HTML(
                f"{STYLE}{f'<h2>{esc(title)}</h2>' if title else ''}<p class='sw-lead'>"
                f"Jeder Punkt ist eine der {n} Aussagen; ähnliche Aussagen liegen nah "
                "beieinander. Fahren Sie mit der Maus über einen Punkt, um ihn zu lesen.</p>"
            ),
            self.notice,
            # The map beside the chosen topic's quotes on a wide screen, above on a narrow.
            w.Box(
                [
                    w.VBox(
                        [self.colour, self.map],
                        layout=w.Layout(flex="1 1 560px", min_width="0", margin="0 1rem 0 0"),
                    ),
                    w.VBox(
                        [
                            w.HTML("<h3>Aussagen eines Themas lesen</h3>"),
                            self.topic_list,
                            self.quote_district,
                            self.quotes,
                        ],
                        layout=w.Layout(flex="1 1 380px", min_width="0"),
                    ),
                ],
                layout=w.Layout(display="flex", flex_flow="row wrap", align_items="flex-start"),
            ),
            self.heatmap,
            self.shown,
        ]
        self.add_class("sw-topic-map")
        self._show_quotes()
        self.colour.observe(self._guard(self._on_colour), names="value")
        self.topic_list.observe(self._guard(self._on_topic), names="value")
        self.quote_district.observe(self._guard(self._on_district), names="value")

    def _draw_map(self) -> None:
        if self.shown.fired:
            show_figure(self.map, map_figure(self.data, self.colour.value, self.topic_list.value))

    def _show_quotes(self) -> None:
        topic = self.topic_list.value
        self.quotes.value = (
            topic_quotes_html(self.data, topic, self.quote_district.value)
            if topic is not None
            else "<p class='sw-meta'>Dieser Themenlauf enthält keine Themen.</p>"
        )

    def _on_colour(self, _change: Mapping[str, Any]) -> None:
        self._draw_map()

    def _on_topic(self, _change: Mapping[str, Any]) -> None:
        self._show_quotes()
        if self.colour.value == BY_TOPIC:  # the chosen topic stands out
            self._draw_map()

    def _on_district(self, _change: Mapping[str, Any]) -> None:
        self._show_quotes()

    def _guard(self, handler: Callable[..., None]) -> Callable[..., None]:
        """Run a handler; an unexpected error becomes a German message, not a traceback."""

        @functools.wraps(handler)
        def run(*args: Any) -> None:
            try:
                handler(*args)
            except Exception:
                _log.info("Themenlandkarte: Fehler in %s", handler.__name__, exc_info=True)
                self.notice.children = [message(GENERIC_ERROR)]

        return run


def topic_map_app(
    environ: Mapping[str, str] | None = None, default_project: str | Path = DEFAULT_APP_PROJECT
) -> w.Widget:
    """The Voilà app: the latest stored topic run of ``WORKBENCH_PROJECT`` on a map.

    Never raises: no project, no topic run or any error becomes a German message.
    """

    def build() -> w.Widget:
        with open_project(environ, default_project) as project:
            from workbench.analysis import topics

            if topics.runs(project).empty:
                return message(NOT_READY, kind="info")
            data = map_data(project)
        return TopicMapView(data, title=None)  # the notebook's heading is the title

    return safe_app(build)
