"""TopicMapView: the statements on a 2-D map, topics per district, and a topic's quotes.

Reads the latest stored topic run (its topics, each statement's topic and stored map
position ``x``/``y``) and, if there is one, the latest need run (each need statement's
cluster); nothing is fitted or laid out here. ``map_data`` gathers the tables once,
the view draws them:
- the map, coloured by topic or by need cluster (toggle); the chosen topic stands out;
  drawn once the page shows the rest (plotly's start-up in the browser would otherwise
  hold back the whole page, see :mod:`widgets.figures`);
- a heatmap of topics × districts: a table shaded by the share of each district's
  statements, with counts;
- a list of topics: choosing one shows its quotes, most typical first, optionally of
  one district only.
The data (``MapData``, ``map_data``) lives in :mod:`workbench.analysis.topic_map`, shared
with the static site. The map is a plotly mime bundle (see :mod:`widgets.figures`); it
sends no clicks back to Python, so topics are chosen in the list. Every text from the
data is escaped. The figures and HTML are drawn in :mod:`widgets.topic_map_figures`.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import ipywidgets as w

from widgets.accessibility import APP, HIDDEN_LABEL, AriaSupport
from widgets.app_support import (
    DEFAULT_APP_PROJECT,
    GENERIC_ERROR,
    esc,
    message,
    open_project,
    project_folder,
    safe_app,
)
from widgets.figures import ShownSignal, figure_output, show_figure
from widgets.forget_watch import Held, rebuilding_app
from widgets.topic_map_figures import (
    ALL,
    BY_NEED,
    BY_TOPIC,
    QUOTE_LIMIT,
    heatmap_html,
    map_figure,
    map_text_html,
    topic_quotes_html,
)
from workbench.analysis.topic_map import (
    NO_NEED,
    NOT_READY,
    PALETTE,
    STATEMENT_COLUMNS,
    TOPIC_COLUMNS,
    MapData,
    has_topic_run,
    heatmap_table,
    map_data,
    map_sample,
    statement_table,
    topic_name,
    topic_quotes,
    topic_table,
)
from workbench.core.formatting import format_number
from workbench.synthesis.citywide import place_name

_log = logging.getLogger(__name__)

STYLE = """
<style>
.sw-topic-map { max-width: 80rem; font-size: 15px; }
.sw-quote-scroll { max-height: 34rem; overflow-y: auto; }
.sw-topic-map li { line-height: 1.35; }
.sw-topic-map h2 { margin: 0.4rem 0 0.2rem; }
.sw-topic-map h3 { margin: 1rem 0 0.3rem; font-size: 1.1rem; }
.sw-lead { color: #444; margin: 0 0 0.4rem; }
.sw-meta { color: #555; font-size: 0.85rem; }
.sw-note { color: #555; font-size: 0.82rem; }
.sw-map-text .sw-note { line-height: 1.4; }
.sw-quotes { margin: 0.3rem 0 0.3rem 1.1rem; padding: 0; }
.sw-quote { margin: 0.25rem 0; }
.sw-quote-text { white-space: pre-wrap; }
.sw-source { color: #666; font-size: 0.8rem; margin-left: 0.3rem; }
.sw-table { border-collapse: collapse; font-size: 0.9rem; margin: 0.3rem 0; }
.sw-table th, .sw-table td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.5rem;
  text-align: left; vertical-align: top; }
.sw-table td.sw-num, .sw-table th.sw-num { text-align: right; }
.sw-table td.sw-cell { min-width: 4.5rem; }
</style>
"""


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
        self.before_action: Callable[[], bool] | None = None  # True: rebuilt after a forget
        self.held_: Held | None = None  # what a forget can erase here (the app notes it)
        self.level = 3 if title else 2  # below the view's title, or the page's
        keys = list(data.topics["topic"])
        first = topic if topic in keys else (keys[0] if keys else None)
        self.notice = w.VBox([message(n, kind="info") for n in data.notes])
        self.notice.add_class("sw-notice")
        options = [("Themen", BY_TOPIC)]
        if data.need_run is not None:
            options.append(("Bedarfe", BY_NEED))  # the residents' word, as on the site
        self.colour = w.ToggleButtons(
            options=options,
            value=BY_TOPIC,
            description="Farbe nach:",
            style={"description_width": "initial"},
        )
        self.colour.add_class("sw-colour")
        self.map = figure_output("sw-map")
        self.map_text = w.HTML(map_text_html(data))
        self.map_text.add_class("sw-map-text")
        self.heatmap = w.HTML(heatmap_html(data, self.level))
        self.heatmap.add_class("sw-heatmap")
        # The map is drawn once the page shows the text (see widgets.figures).
        self.shown = ShownSignal(self._guard(self._draw_map))
        self.topic_list = w.Select(
            options=[
                (f"{topic_name(label)} ({format_number(int(n))})", t)
                for t, label, n in zip(keys, data.topics["label"], data.topics["size"], strict=True)
            ],
            value=first,
            rows=min(max(len(keys), 2), 10),
            description="Thema",  # read by screen readers; the heading above shows it
            layout=w.Layout(width="98%"),
        )
        self.topic_list.add_class("sw-topic-list")
        self.topic_list.add_class(HIDDEN_LABEL)
        self.quote_district = w.Dropdown(
            options=[
                ("alle Sozialräume", ALL),
                *((place_name(d, data.city_workshops), d) for d in data.districts),
            ],
            value=ALL,
            description="Aussagen aus:",
            style={"description_width": "initial"},
        )
        self.quote_district.add_class("sw-quote-district")
        self.quotes = w.HTML()
        self.quotes.add_class("sw-topic-quotes")
        # A topic of a large study has a thousand statements: they come 40 at a time.
        self.quote_limit = QUOTE_LIMIT
        self.more_quotes = w.Button(
            description="Weitere Aussagen zeigen", layout=w.Layout(width="auto")
        )
        self.more_quotes.add_class("sw-more-quotes")
        self.aria = AriaSupport()  # after "more", the focus goes to the first new quote
        n = len(data.statements)
        lead = (
            f"Jeder Punkt ist eine der {format_number(n)} Aussagen; ähnliche Aussagen "
            "liegen nah beieinander. Fahren Sie mit der Maus über einen Punkt, um ihn zu "
            "lesen. Ohne Maus: Die Liste zeigt die Aussagen jedes Themas."
        )
        if len(map_sample(data)) < n:  # a large study: the map draws a sample
            lead = (
                f"Die Karte zeigt eine Auswahl der {format_number(n)} Aussagen, aus jedem "
                "Thema einen Teil nach seiner Größe (so bleibt sie auch auf dem Handy "
                "schnell); ähnliche Aussagen liegen nah beieinander. Fahren Sie mit der Maus "
                "über einen Punkt, um ihn zu lesen. Alle Aussagen jedes Themas zeigt die "
                "Liste, auch ohne Maus."
            )
        self.children = [
            w.HTML(
                f"{STYLE}{f'<h2>{esc(title)}</h2>' if title else ''}<p class='sw-lead'>{lead}</p>"
            ),
            self.notice,
            # The map beside the chosen topic's quotes on a wide screen, above on a narrow.
            w.Box(
                [
                    w.VBox(
                        [self.colour, self.map, self.map_text],
                        layout=w.Layout(flex="1 1 560px", min_width="0", margin="0 1rem 0 0"),
                    ),
                    w.VBox(
                        [
                            w.HTML(f"<h{self.level}>Aussagen eines Themas lesen</h{self.level}>"),
                            self.topic_list,
                            self.quote_district,
                            self.quotes,
                            self.more_quotes,
                        ],
                        layout=w.Layout(flex="1 1 380px", min_width="0"),
                    ),
                ],
                layout=w.Layout(display="flex", flex_flow="row wrap", align_items="flex-start"),
            ),
            self.heatmap,
            self.shown,
            self.aria,
        ]
        self.add_class("sw-topic-map")
        self.add_class(APP)
        self._show_quotes()
        self.colour.observe(self._guard(self._on_colour), names="value")
        self.topic_list.observe(self._guard(self._on_topic), names="value")
        self.quote_district.observe(self._guard(self._on_district), names="value")
        self.more_quotes.on_click(self._guard(self._on_more_quotes))

    def _draw_map(self) -> None:
        if self.shown.fired:
            show_figure(self.map, map_figure(self.data, self.colour.value, self.topic_list.value))

    def _show_quotes(self, first_new: tuple[int, str] | None = None) -> None:
        topic = self.topic_list.value
        district = self.quote_district.value
        quotes = (
            topic_quotes_html(
                self.data, topic, district, self.quote_limit, self.level + 1, first_new
            )
            if topic is not None
            else "<p class='sw-meta'>Dieser Themenlauf enthält keine Themen.</p>"
        )
        left = 0
        if topic is not None:
            left = len(topic_quotes(self.data, topic, None if district == ALL else district))
            left -= self.quote_limit
        self.more_quotes.layout.display = None if left > 0 else "none"
        self.more_quotes.disabled = left <= 0  # hidden: not to be reached either
        next_ = min(left, QUOTE_LIMIT)
        if next_ > 0:  # before: "Weitere -37 Aussagen zeigen" on the hidden button
            self.more_quotes.description = (
                "Eine weitere Aussage zeigen" if next_ == 1 else f"Weitere {next_} Aussagen zeigen"
            )
        else:
            self.more_quotes.description = "Weitere Aussagen zeigen"
        # A scrolling box: focusable, so that it scrolls with the keyboard, and named.
        self.quotes.value = (
            "<div class='sw-quote-scroll' tabindex='0' role='region' "
            f"aria-label='Aussagen des gewählten Themas'>{quotes}</div>"
        )

    def _on_colour(self, _change: Mapping[str, Any]) -> None:
        self.map_text.value = map_text_html(self.data, self.colour.value)
        self._draw_map()

    def _on_topic(self, _change: Mapping[str, Any]) -> None:
        self.quote_limit = QUOTE_LIMIT
        self._show_quotes()
        if self.colour.value == BY_TOPIC:  # the chosen topic stands out
            self._draw_map()

    def _on_district(self, _change: Mapping[str, Any]) -> None:
        self.quote_limit = QUOTE_LIMIT
        self._show_quotes()

    def _on_more_quotes(self, _button: w.Button) -> None:
        # The list is drawn anew: without this, its box would show the first quote again
        # and the focus would stay on the button below (or, once all are shown, be lost).
        first = self.quote_limit
        mark = f"sw-quote-{self.quotes.model_id}-{first}"  # new on each click
        self.quote_limit += QUOTE_LIMIT
        self._show_quotes((first, mark))
        self.aria.focus(f"#{mark}")

    def _guard(self, handler: Callable[..., None]) -> Callable[..., None]:
        """Run a handler; an unexpected error becomes a German message, not a traceback."""

        @functools.wraps(handler)
        def run(*args: Any) -> None:
            try:
                if self.before_action is None or not self.before_action():
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

    from workbench.synthesis.reports.model import stale_pairs

    def build() -> w.Widget:
        with open_project(environ, default_project) as project:
            if not has_topic_run(project):
                return message(NOT_READY, kind="info")
            held = Held.noted(project)  # before the data: a forget after it is looked at
            data = map_data(project)
            # runs older than the statements: the reports and the site say it, so does the
            # app, in the site's words (no run number, no command: readers cannot rerun it)
            pairs = stale_pairs(project, data.need_run, data.topic_run)
        data = replace(data, notes=(*data.notes, *(public for _, public in pairs)))
        view = TopicMapView(data, title=None)  # the notebook's heading is the title
        statements = data.statements
        # the need names it shows: one may change for a statement that is not on the map
        needs = statements["need"].dropna().unique()
        view.held_ = held.showing(statements["segment_id"]).naming(data.need_run, needs)
        return view

    def touched(view: TopicMapView) -> bool:  # none of its statements or need names: as it is
        with open_project(environ, default_project) as project:
            return view.held_.look(project)

    # read anew after a forget elsewhere of a statement it shows (widgets.forget_watch)
    folder = project_folder(environ, default_project)
    return rebuilding_app(folder, lambda: safe_app(build), keep_place, TopicMapView, touched)


def keep_place(old: TopicMapView, new: TopicMapView) -> None:
    """Show in ``new`` the topic, district and colouring ``old`` showed, where still there."""
    for name in ("colour", "topic_list", "quote_district"):
        value, choice = getattr(old, name).value, getattr(new, name)
        if value in [v for _, v in choice.options]:
            choice.value = value


__all__ = [
    "ALL",
    "BY_NEED",
    "BY_TOPIC",
    "NOT_READY",
    "NO_NEED",
    "PALETTE",
    "STATEMENT_COLUMNS",
    "TOPIC_COLUMNS",
    "MapData",
    "TopicMapView",
    "heatmap_html",
    "heatmap_table",
    "map_data",
    "map_figure",
    "map_text_html",
    "statement_table",
    "topic_map_app",
    "topic_name",
    "topic_quotes_html",
    "topic_table",
]
