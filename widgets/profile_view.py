"""ProfileView: a Sozialraum's profile for stakeholders, and the city-wide overview.

A view over :class:`workbench.synthesis.profiles.Profiles` (computed once, from stored runs; no
model is fitted here). Choosing a district in the dropdown shows its needs with quotes
(cross-cutting needs carry a badge), its resources and challenges, its gaps and reasons
(collapsed), its indicators beside the city value (table and bar chart) and its topics;
the page's address follows the choice (``?district=…``, :class:`AddressParameter`).
"Gesamtstadt" shows the city-wide overview: the needs × districts matrix, cross-cutting
vs district-specific needs, and every district's indicators against the city (a table
shaded by the index). Below either, with ``monitoring`` (:mod:`widgets.monitoring_view`),
the district's needs, indicators and recommendations over time, or the city's summary of
them. The only plotly chart, the district's indicators, is drawn once
the page shows the text (:class:`widgets.figures.ShownSignal`): plotly's start-up in the
browser would otherwise hold back the whole page.

The HTML comes from pure functions of the profile tables (``needs_html`` … in
:mod:`widgets.profile_view_html`), the chart from :mod:`widgets.profile_view_figure`; the
handler only picks the cached parts of a district and copies them into the widgets. Every
string from the data (quotes, labels, district and indicator names, sources) is escaped,
for HTML and for plotly (:func:`widgets.figures.plot_text`); missing metadata is named
("ohne Sozialraum"); a speaker role only where there is one.
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from widgets.accessibility import APP, AriaSupport
from widgets.app_support import (
    DEFAULT_APP_PROJECT,
    GENERIC_ERROR,
    AddressParameter,
    message,
    open_project,
    project_folder,
    query_params,
    safe_app,
)
from widgets.figures import ShownSignal, figure_output, show_figure
from widgets.forget_watch import Held, rebuilding_app
from widgets.monitoring_view import city_monitoring_html, district_monitoring_html
from widgets.profile_view_figure import CHART_WIDTH, indicator_figure
from widgets.profile_view_html import (
    ProfileParts,
    city_indicator_html,
    city_parts,
    district_heading,
    district_parts,
    findings_html,
    indicator_table_html,
    matrix_html,
    needs_html,
    quotes_html,
    scope_html,
    topics_html,
)
from workbench.store import CITYWIDE
from workbench.store.district_changes import former_names, now_called
from workbench.store.district_spelling import spelled_out
from workbench.synthesis.monitoring import Monitoring
from workbench.synthesis.profiles import Profiles

if TYPE_CHECKING:
    import plotly.graph_objects as go

__all__ = [
    "CITY_OPTION",
    "ProfileView",
    "city_indicator_html",
    "city_parts",
    "district_heading",
    "district_parts",
    "findings_html",
    "indicator_figure",
    "indicator_table_html",
    "matrix_html",
    "needs_html",
    "profile_app",
    "quotes_html",
    "resolve_district",
    "scope_html",
    "topics_html",
]

_log = logging.getLogger(__name__)

CITY_OPTION = "Gesamtstadt (Überblick)"
UNKNOWN_DISTRICT = (
    "Einen Sozialraum „{name}“ gibt es in dieser Studie nicht. Sie sehen die Übersicht "
    "für die Gesamtstadt; oben können Sie einen Sozialraum wählen."
)
MOVED_DISTRICT = "Sozialraum „{name}“: {since}. Sie sehen das Profil von {now}."
INDICATOR_HEADING = "<h3>Indikatoren neben der Gesamtstadt</h3>"

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
.sw-source { color: #666; font-size: 0.8rem; margin-left: 0.3rem; }
.sw-profile details { margin: 0.3rem 0; }
.sw-profile summary { cursor: pointer; color: #1f4e8c; }
.sw-empty { color: #666; font-style: italic; }
.sw-table { border-collapse: collapse; font-size: 0.9rem; margin: 0.3rem 0; }
.sw-table th, .sw-table td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.5rem;
  text-align: left; vertical-align: top; }
.sw-table td.sw-num, .sw-table th.sw-num { text-align: right; }
.sw-note { color: #555; font-size: 0.82rem; }
.sw-chart-text { line-height: 1.4; }
</style>
"""


# -- the view ----------------------------------------------------------------------------
def resolve_district(
    requested: str | None,
    names: Sequence[str],
    moved: Mapping[str, tuple[str, str]] | None = None,
) -> tuple[str, str]:
    """The district to show first for a URL's ``?district=``, and a notice (or "").

    Names match regardless of case and Unicode normal form, and with umlauts spelled out
    as in a link typed without them (``Steinbuechel``); a name since renamed or merged
    away (``moved``: former name → today's district and when it changed, as
    ``district_changes.former_names`` and ``now_called`` give them) is today's district
    with a notice; an unknown name gives the city-wide overview and a German notice
    naming what was asked for.

    >>> resolve_district("steinbüchel", ["Manfort", "Steinbüchel"])
    ('Steinbüchel', '')
    >>> resolve_district("Steinbuechel", ["Manfort", "Steinbüchel"])
    ('Steinbüchel', '')
    >>> resolve_district(None, ["Manfort"])
    ('Gesamtstadt', '')
    >>> resolve_district("Atlantis", ["Manfort"])[0]
    'Gesamtstadt'
    >>> resolve_district("opladen", ["Manfort"], {"Opladen": ("Manfort", "Teil von Manfort")})
    ('Manfort', 'Sozialraum „Opladen“: Teil von Manfort. Sie sehen das Profil von Manfort.')
    """
    if not requested:
        return CITYWIDE, ""
    wanted = unicodedata.normalize("NFC", requested).strip().casefold()
    for name in (CITYWIDE, *names):
        if unicodedata.normalize("NFC", name).casefold() == wanted:
            return name, ""
    spelled = [
        n for n in names if spelled_out(unicodedata.normalize("NFC", n)) == spelled_out(wanted)
    ]
    if len(spelled) == 1:
        return spelled[0], ""
    for old, (now, since) in (moved or {}).items():  # a link sent before the change
        if spelled_out(unicodedata.normalize("NFC", old)) == spelled_out(wanted) and now in names:
            return now, MOVED_DISTRICT.format(name=old, since=since, now=now)
    shown = requested if len(requested) <= 60 else requested[:59] + "…"
    return CITYWIDE, UNKNOWN_DISTRICT.format(name=shown)


SECTION_CLASSES = ("sw-needs", "sw-findings", "sw-indicators", "sw-topics")
CITY_SECTION_CLASSES = ("sw-matrix", "sw-scope", "sw-city-indicators", "sw-city-needs")


def _address_value(district: str) -> str:
    """The ``?district=`` for the address of what is shown (none for the overview)."""
    return "" if district == CITYWIDE else district


class ProfileView(w.VBox):
    """A district's profile, or the city-wide overview, chosen in a dropdown.

    Parameters
    ----------
    profiles: what :func:`workbench.synthesis.profiles.build_profiles` returns.
    district: shown first (``Gesamtstadt``: the city-wide overview).
    notice: a German message shown above the view (e.g. an unknown district in the URL).
    boundaries: the districts' shapes for the overview's maps (None: schematic maps).
    monitoring: the study over time (:func:`workbench.synthesis.monitoring.read_monitoring`);
    None leaves the monitoring section out.
    notes: further German notes above the view (e.g. an analysis older than the statements).
    """

    def __init__(
        self,
        profiles: Profiles,
        district: str = CITYWIDE,
        notice: str = "",
        boundaries: Any = None,
        monitoring: Monitoring | None = None,
        notes: Sequence[str] = (),
    ):
        super().__init__()
        self.profiles = profiles
        self.before_action: Callable[[], bool] | None = None  # True: rebuilt after a forget
        self.held_: Held | None = None  # what a forget can erase here (the app notes it)
        self.boundaries = boundaries  # workbench.synthesis.geo.boundaries(project): maps
        self.monitoring = monitoring
        self._parts: dict[str, ProfileParts] = {}
        self._monitoring_parts: dict[str, str] = {}
        self._figures: dict[str, go.Figure | None] = {}
        shown = ([notice] if notice else []) + list(notes)
        self.notice = w.VBox([message(text, kind="info") for text in shown])
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
        self.monitoring_section = w.HTML()
        self.monitoring_section.add_class("sw-monitoring")
        self.body = w.VBox()
        # The chart is drawn once the page shows the text (see widgets.figures).
        self.shown = ShownSignal(self._guard(self.draw_chart))
        # The address names the district shown: a reload or a shared link keeps the choice.
        self.address = AddressParameter(name="district", value=_address_value(district))
        self.children = [
            w.HTML(STYLE), self.notice, self.district, self.heading, self.body, self.shown,
            self.address, AriaSupport(),
        ]  # fmt: skip
        self.add_class("sw-profile")
        self.add_class(APP)
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
        part = self.city_part if city else self.district_part
        if self.monitoring is None:
            self.body.children = [part]
        else:
            self.monitoring_section.value = self._monitoring_html(district)
            self.body.children = [part, self.monitoring_section]
        if self.district.value != district:
            self.district.value = district
        self.address.value = _address_value(district)
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

    def _render(self, district: str) -> ProfileParts:
        if district not in self._parts:
            if district == CITYWIDE:
                self._parts[district] = city_parts(self.profiles, self.boundaries)
            else:
                self._parts[district] = district_parts(
                    self.profiles.profile(district),
                    self.profiles.need_focus,
                    self.profiles.scope_decided,
                )
        return self._parts[district]

    def _monitoring_html(self, district: str) -> str:
        if district not in self._monitoring_parts:
            assert self.monitoring is not None
            html = (
                city_monitoring_html(self.monitoring)
                if district == CITYWIDE
                else district_monitoring_html(self.monitoring, district)
            )
            self._monitoring_parts[district] = html
        return self._monitoring_parts[district]

    def _on_district(self, change: Mapping[str, Any]) -> None:
        self.notice.children = []
        self.show(change["new"])

    def _guard(self, handler: Callable[..., None]) -> Callable[..., None]:
        """Run a handler; an unexpected error becomes a German message, not a traceback."""

        @functools.wraps(handler)
        def run(*args: Any) -> None:
            try:
                if self.before_action is None or not self.before_action():
                    handler(*args)
            except Exception:
                _log.info("Profilansicht: Fehler in %s", handler.__name__, exc_info=True)
                self.notice.children = [message(GENERIC_ERROR)]

        return run


def profile_app(
    environ: Mapping[str, str] | None = None, default_project: str | Path = DEFAULT_APP_PROJECT
) -> w.Widget:
    """The Voilà app: project from ``WORKBENCH_PROJECT``, district from ``?district=``.

    Reads the reference need run (``need_clusters.reference_run``), the latest topic run,
    the boundaries and the study over time (waves, indicator years, status history) once
    and closes the project; never raises (a missing project or any error becomes a German
    message).
    """
    from workbench.synthesis.geo import boundaries as project_boundaries
    from workbench.synthesis.monitoring import read_monitoring
    from workbench.synthesis.profiles import build_profiles
    from workbench.synthesis.reports.model import stale_pairs

    def build() -> w.Widget:
        with open_project(environ, default_project) as project:
            # before the data; it counts every statement and shows recommendations (names)
            held = Held.noted(project, names=True, recommendations=True)
            profiles = build_profiles(project)
            shapes = project_boundaries(project)
            monitoring = read_monitoring(project)
            # as the public site says it: stakeholders cannot rerun an analysis
            pairs = stale_pairs(project, profiles.need_run, profiles.topic_run)
            stale = [public for _, public in pairs]
            with project.session() as session:  # a link sent before a rename or merge
                moved = {
                    old: (now, now_called(session, old))
                    for old, now in former_names(session).items()
                }
        wanted = query_params(environ).get("district")
        district, notice = resolve_district(wanted, profiles.names, moved)
        view = ProfileView(
            profiles, district, notice, boundaries=shapes, monitoring=monitoring, notes=stale
        )
        view.held_ = held
        return view

    def touched(view: ProfileView) -> bool:  # an access code erased alone: as it is
        with open_project(environ, default_project) as project:
            return view.held_.look(project)

    # read anew after a forget elsewhere of what it shows (widgets.forget_watch)
    folder = project_folder(environ, default_project)
    return rebuilding_app(folder, lambda: safe_app(build), keep_district, ProfileView, touched)


def keep_district(old: ProfileView, new: ProfileView) -> None:
    """Show in ``new`` the district ``old`` showed, if it is still there."""
    if old.district.value in [v for _, v in new.district.options]:
        new.show(old.district.value)
