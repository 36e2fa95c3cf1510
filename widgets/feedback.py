"""Feedback views: the participants' form (member checking, dot voting) and the results.

Views receive data (a :class:`workbench.participation.feedback.Ballot`, summary tables) and
callbacks;
they hold no database handles and do no table work in their handlers. Every string that
comes from people — labels, quotes, recommendation texts, comments — is escaped before it
goes into an ``HTML`` widget, so ``<script>`` shows as text.

The participants' form is drawn in :mod:`widgets.feedback_form`. :func:`participant_app`
and :func:`results_app` compose a view over a project; the Voilà app
``voila_apps/bedarfe_bewerten.ipynb`` is one call to the first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from numbers import Real
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as widgets
import pandas as pd

from widgets.app_support import (
    DEFAULT_APP_PROJECT,
    IdleRelease,
    TypingSignal,
    esc,
    message,
    open_project,
    query_params,
    release_after,
    safe_app,
)
from widgets.feedback_form import STYLE, ItemCard, ParticipantForm, SaveAnswer, item_html
from widgets.feedback_texts import (
    NOTHING_TO_RATE,
    SAVE_FAILED,
    SAVE_UNAVAILABLE,
    SAVED,
    UNAVAILABLE,
    UNSAVED,
    easy_language_html,
)
from widgets.forget_watch import ERASED_ITEM, REFRESHED, ErasedError, ForgetWatch
from workbench.analysis.needs import runs
from workbench.core.domain import InputError, WorkbenchError
from workbench.core.formatting import format_number
from workbench.participation import feedback
from workbench.participation.comments import load_name_detector
from workbench.participation.feedback import Answer, BudgetExceeded, InvalidToken, Item
from workbench.store.problems import ProjectBusyError

# Comments are pseudonymised when saved: the name detector loads with the app (in its
# preheated kernels), not at the first comment.
load_name_detector()

if TYPE_CHECKING:
    from workbench.project import Project

_log = logging.getLogger(__name__)


# -- researchers ---------------------------------------------------------------------------
SUMMARY_HEADINGS: Mapping[str, str] = {
    "kind": "Art",
    "label": "Bezeichnung",
    "scope": "Geltung",
    "participants": "Teilnehmende",
    "agree": "trifft zu",
    "disagree": "trifft nicht zu",
    "unsure": "weiß nicht",
    "points": "Punkte",
    "agree_share": "Zustimmung",
    "division": "Spaltung",
    "group_consensus": "Gruppenkonsens",
    "group_spread": "Spannweite Gruppen",
    "comments": "Kommentare",
}
COMMENT_HEADINGS: Mapping[str, str] = {
    "label": "Bezeichnung",
    "group": "Gruppe",
    "rating": "Bewertung",
    "comment": "Kommentar",
}


def _cell(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    if isinstance(value, Real) and not isinstance(value, bool):  # "0,67", "1.234" as the CLI
        return format_number(value, 2 if isinstance(value, float) else 0)
    return esc(value)


def table_html(table: pd.DataFrame, headings: Mapping[str, str]) -> str:
    """An escaped HTML table of the given columns, with German headings."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headings.values())
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(row[c])}</td>" for c in headings) + "</tr>"
        for row in table.to_dict(orient="records")
    )
    return f"<table class='sw-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def priority_figure(summary: pd.DataFrame):
    """A horizontal bar chart of priority points per item (plotly ``FigureWidget``)."""
    import plotly.graph_objects as go

    ordered = summary.sort_values(["points", "item_id"], ascending=[True, False])
    # Plotly reads a subset of HTML in texts; escaped, a label shows as typed.
    labels = [
        f"{esc(label)} ({item_id})"
        for label, item_id in zip(ordered["label"], ordered["item_id"], strict=True)
    ]
    figure = go.FigureWidget()
    for kind in sorted(set(ordered["kind"])):
        mask = (ordered["kind"] == kind).to_numpy()
        figure.add_bar(
            x=ordered["points"].to_numpy()[mask],
            y=[label for label, keep in zip(labels, mask, strict=True) if keep],
            orientation="h",
            name=esc(kind),
        )
    figure.update_layout(
        title="Prioritätspunkte je Bedarf/Empfehlung",
        xaxis_title="Punkte",
        height=max(300, 40 * len(ordered) + 120),
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
        yaxis={"automargin": True, "categoryorder": "array", "categoryarray": labels},
        barmode="stack",
    )
    return figure


class ResultsPanel:
    """Researchers' results: summary table, priority chart, comments (all escaped).

    ``load() -> (summary, comments, status line)`` gives fresh data; "Aktualisieren"
    calls it again.
    """

    def __init__(self, load: Callable[[], tuple[pd.DataFrame, pd.DataFrame, str]]):
        self.load = load
        self.status = widgets.HTML()
        self.table = widgets.HTML()
        self.table.add_class("sw-summary")
        self.comments = widgets.HTML()
        self.comments.add_class("sw-comments")
        self.chart = widgets.Box()
        self.refresh_button = widgets.Button(description="Aktualisieren", icon="refresh")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.widget = widgets.VBox(
            [
                widgets.HTML(f"{STYLE}<h2>Rückmeldungen: Bewertungen und Prioritäten</h2>"),
                widgets.HBox([self.refresh_button, self.status]),
                self.chart,
                widgets.HTML(
                    "<p class='sw-meta'>Das Diagramm zeigt die Prioritätspunkte je Bedarf "
                    "und Empfehlung; die Zahlen stehen in der Tabelle darunter (Spalte "
                    "„Punkte“).</p>"
                ),
                self.table,
                widgets.HTML("<h3>Kommentare</h3>"),
                self.comments,
            ]
        )
        self.summary = None
        self.refresh()

    def refresh(self) -> None:
        """Reload the tables and redraw."""
        summary, comments, status = self.load()
        self.show(summary, comments, status)

    def show(self, summary: pd.DataFrame, comments: pd.DataFrame, status: str = "") -> None:
        """Draw the given tables."""
        self.summary = summary
        self.status.value = esc(status)
        self.table.value = table_html(summary, SUMMARY_HEADINGS)
        self.comments.value = (
            table_html(comments, COMMENT_HEADINGS)
            if len(comments)
            else "<p>Noch keine Kommentare.</p>"
        )
        self.figure = priority_figure(summary)
        self.chart.children = [self.figure]


# -- composed apps -------------------------------------------------------------------------
RELEASED = (
    "Vielen Dank! Ihre Antworten sind gespeichert. Wenn Sie noch etwas ändern möchten, "
    "laden Sie die Seite bitte neu."
)


def _refused_if_changed(form: ParticipantForm, shown: tuple[Item, ...], item_id: int) -> None:
    """After the form was read anew: refuse an answer on an item the page showed otherwise
    (a quote erased, the item gone); its new card says why. Nothing is written."""
    before = next((i for i in shown if i.item_id == item_id), None)
    now = next((i for i in form.ballot.items if i.item_id == item_id), None)
    if now is not None and now == before:
        return
    if now is not None:
        form.card(item_id).status.value = ERASED_ITEM
    raise ErasedError(ERASED_ITEM)


def _ballot_changed(project: Project, token: str | None, form: ParticipantForm) -> bool:
    """Whether the ballot read now differs from what ``form`` shows (its items, with their
    quotes and labels, or its answers), or its code is gone."""
    try:
        fresh = feedback.open_ballot(project, token)
    except InvalidToken:
        return True
    return fresh.items != form.ballot.items or dict(fresh.answers) != form.answers


def participant_app(
    environ: Mapping[str, str] | None = None, default_project: str | Path = DEFAULT_APP_PROJECT
) -> widgets.Widget:
    """The participants' app: project from ``WORKBENCH_PROJECT``, token from ``?token=``.

    Never raises: every problem (no project, no need run, a missing or invalid token)
    becomes a German message without a traceback, and without a valid token there is no
    form, so nothing can be written.
    """

    def build() -> widgets.Widget:
        # The token first: a preheated kernel waits here for its request, and nothing is
        # read from the project before the request (and its token) is known.
        token = query_params(environ).get("token")
        project = open_project(environ, default_project)
        if runs(project).empty:
            return message(NOTHING_TO_RATE, kind="info")
        # before the ballot is read (page shown); a forget of nothing it shows (a statement
        # of another district, another code) leaves the page as it is, without a notice
        watch = ForgetWatch(project.path, touched=lambda: _ballot_changed(project, token, form))
        ballot = feedback.open_ballot(project, token)  # InvalidToken: a German message
        release = IdleRelease(release_after(environ))

        def save(answer: Answer) -> Answer:
            with watch.lock:
                shown = form.ballot.items
                if watch.check():  # a forget elsewhere: the form was read anew
                    _refused_if_changed(form, shown, answer.item_id)
                try:
                    stored = feedback.save_answer(
                        project, token, answer.item_id, answer.rating, answer.points, answer.comment
                    )
                except (InputError, BudgetExceeded, InvalidToken, ProjectBusyError):
                    raise  # said for the participant (a busy project: by ItemCard)
                except WorkbenchError as err:  # moved or upgraded meanwhile: for the researchers
                    _log.warning("Beteiligungs-App: Antwort nicht gespeichert (%s)", err)
                    raise WorkbenchError(SAVE_UNAVAILABLE) from None
            release.touch()  # quiet for a while after this: the kernel is released
            return stored

        # typing a comment (sent only when its field is left) keeps the page from release
        typing = TypingSignal(
            release.postpone, ".sw-feedback", max(1.0, min(30.0, release.after / 4))
        )
        form = ParticipantForm(ballot, save)
        page = form.widget  # after a forget elsewhere it shows a form read anew
        page.children = (*page.children, typing)

        def reread() -> None:  # the watch calls it after a forget elsewhere
            nonlocal form
            try:
                fresh = feedback.open_ballot(project, token)
            except InvalidToken as err:  # the token itself was erased
                watch.stop()
                page.children = [message(str(err))]
                return
            form = ParticipantForm(fresh, save)
            page.children = (message(REFRESHED, kind="info"), *form.widget.children, typing)

        def released() -> None:
            watch.stop()
            page.children = [message(RELEASED, kind="info")]

        watch.reload = reread
        watch.start_in_voila()
        release.on_release = released
        return page

    # busy, moved, outdated: the researchers' text goes to the log, not to the page
    return safe_app(build, unavailable=UNAVAILABLE)


def results_app(project: Project, by: str = "district") -> ResultsPanel:
    """The researchers' results panel over a project (refreshable)."""

    def load() -> tuple[pd.DataFrame, pd.DataFrame, str]:
        status = feedback.feedback_status(project)
        line = f"{status['participants']} von {status['tokens']} Zugangscodes haben geantwortet."
        return (
            feedback.feedback_summary(project, by=by),
            feedback.feedback_comments(project, by),
            line,
        )

    return ResultsPanel(load)


__all__ = [
    "SAVED",
    "SAVE_FAILED",
    "STYLE",
    "UNSAVED",
    "ItemCard",
    "ParticipantForm",
    "ResultsPanel",
    "SaveAnswer",
    "easy_language_html",
    "item_html",
    "participant_app",
    "results_app",
]
