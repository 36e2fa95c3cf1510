"""Feedback views: the participants' form (member checking, dot voting) and the results.

Views receive data (a :class:`workbench.participation.feedback.Ballot`, summary tables) and
callbacks;
they hold no database handles and do no table work in their handlers. Every string that
comes from people — labels, quotes, recommendation texts, comments — is escaped before it
goes into an ``HTML`` widget, so ``<script>`` shows as text.

:func:`participant_app` and :func:`results_app` compose a view over a project; the Voilà
app ``voila_apps/bedarfe_bewerten.ipynb`` is one call to the first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from numbers import Real
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as widgets
import pandas as pd

from widgets.accessibility import APP, GROUP, HIDDEN_LABEL, LIVE, AriaSupport
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
from widgets.feedback_texts import (
    COMMENT_LABEL,
    FORM_TITLE,
    NAMED_IN,
    NOTHING_TO_RATE,
    POINTS_QUESTION,
    QUOTES_INTRO,
    RATING_QUESTION,
    SAVE_BUSY,
    SAVE_FAILED,
    SAVE_UNAVAILABLE,
    SAVED,
    UNAVAILABLE,
    UNSAVED,
    easy_language_html,
    intro_text,
    no_own_needs,
    plain_scope,
    points_left_text,
    short_quote,
)
from widgets.forget_watch import ERASED_ITEM, REFRESHED, ErasedError, ForgetWatch
from workbench.analysis.needs import runs
from workbench.core.domain import InputError, WorkbenchError
from workbench.core.formatting import format_number
from workbench.participation import feedback
from workbench.participation.comments import load_name_detector
from workbench.participation.feedback import (
    RATINGS,
    Answer,
    Ballot,
    BudgetExceeded,
    InvalidToken,
    Item,
)
from workbench.store.problems import ProjectBusyError

# Comments are pseudonymised when saved: the name detector loads with the app (in its
# preheated kernels), not at the first comment.
load_name_detector()

if TYPE_CHECKING:
    from workbench.project import Project

SaveAnswer = Callable[[Answer], Answer]
_log = logging.getLogger(__name__)

STYLE = """
<style>
.sw-feedback { max-width: 60rem; font-size: 15px; }
.sw-item { border: 1px solid #d0d4da; border-radius: 6px; padding: 0.6rem 0.9rem;
  margin: 0.6rem 0; background: #fff; }
.sw-item h3 { margin: 0.3rem 0; font-size: 1.1rem; }
.sw-badge { display: inline-block; border-radius: 3px; padding: 0 0.4rem; margin-right: 0.3rem;
  font-size: 0.8rem; background: #e8eef7; color: #1f3b63; }
.sw-badge.sw-cross { background: #fdf0d5; color: #6b4a00; }
.sw-quotes { margin: 0.3rem 0 0.3rem 1.2rem; padding: 0; color: #333; }
.sw-quotes li { margin: 0.15rem 0; }
.sw-meta { color: #555; font-size: 0.85rem; }
.sw-budget { font-weight: bold; }
.sw-rating .widget-toggle-button.mod-active { background: #1f4e8c; color: #fff; }
.sw-easy { border-left: 4px solid #1f4e8c; background: #f5f7fb; padding: 0.3rem 0.9rem;
  margin: 0.4rem 0 0.8rem; }
.sw-easy h2, .sw-form-title { font-size: 1.15rem; margin: 0.4rem 0 0.3rem; }
.sw-easy ul { margin: 0.2rem 0 0.4rem 1.1rem; padding: 0; }
.sw-easy li { margin: 0.2rem 0; line-height: 1.45; }
.sw-comment.widget-textarea { flex-direction: column; align-items: stretch; }
.sw-comment.widget-textarea > label.widget-label { width: auto; text-align: left;
  margin-bottom: 0.15rem; }
.sw-comment.widget-textarea > textarea { flex: 1 1 auto; }
.sw-table { border-collapse: collapse; font-size: 0.9rem; }
.sw-table th, .sw-table td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.5rem;
  text-align: left; vertical-align: top; }
</style>
"""


def item_html(item: Item) -> str:
    """The escaped description of an item: kind, scope, label, text, quotes, districts."""
    scope_class = "sw-badge sw-cross" if item.scope == "übergreifend" else "sw-badge"
    scope = plain_scope(item.scope, len(item.districts))
    parts = [
        f"<div><span class='sw-badge'>{esc(item.kind_label)}</span>",
        f"<span class='{scope_class}'>{esc(scope)}</span></div>" if item.scope else "</div>",
        f"<h3>{esc(item.label)}</h3>",
    ]
    if item.text:
        parts.append(f"<p>{esc(item.text)}</p>")
    if item.quotes:
        quotes = "".join(f"<li>„<bdi>{esc(short_quote(q))}</bdi>“</li>" for q in item.quotes)
        parts.append(
            f"<div class='sw-meta'>{QUOTES_INTRO}</div><ul class='sw-quotes'>{quotes}</ul>"
        )
    if item.districts:
        parts.append(f"<div class='sw-meta'>{NAMED_IN} {esc(', '.join(item.districts))}</div>")
    return "".join(parts)


class ItemCard:
    """One item: description, rating buttons, points (−/+), comment and saved state.

    ``on_save(answer) -> stored answer`` writes; it raises :class:`WorkbenchError` with a
    message for the participant (e.g. budget exceeded). ``on_saved(answer)`` tells the
    form a new state was stored.
    """

    def __init__(
        self,
        item: Item,
        answer: Answer | None,
        on_save: SaveAnswer,
        on_saved: Callable[[Answer], None],
    ):
        self.item = item
        self.on_save = on_save
        self.on_saved = on_saved
        self.saved = answer or Answer(item.item_id)
        self.points = self.saved.points
        self._quiet = False

        self.description = widgets.HTML(item_html(item))
        self.rating = widgets.ToggleButtons(
            options=[(label, code) for code, label in RATINGS.items()],
            value=self.saved.rating,
            description=RATING_QUESTION,
            tooltips=[
                "Das entspricht meiner Erfahrung.",
                "Das entspricht nicht meiner Erfahrung.",
                "Das kann ich nicht beurteilen.",
            ],
            style={"button_width": "9.5rem"},
        )
        self.rating.add_class("sw-rating")
        self.rating.add_class(HIDDEN_LABEL)  # the label beside it shows the question
        self.minus = widgets.Button(
            description="−", tooltip="einen Punkt weniger", layout=widgets.Layout(width="2.6rem")
        )
        self.plus = widgets.Button(
            description="+", tooltip="einen Punkt mehr", layout=widgets.Layout(width="2.6rem")
        )
        self.minus.add_class("sw-minus")
        self.plus.add_class("sw-plus")
        self.points_label = widgets.HTML()
        self.points_label.add_class("sw-points")
        self.points_label.add_class(LIVE)  # a screen reader hears the new count
        self.comment = widgets.Textarea(
            value=self.saved.comment,
            description=COMMENT_LABEL,
            placeholder="Was möchten Sie dazu sagen?",
            continuous_update=False,
            layout=widgets.Layout(width="100%", height="5.6rem"),
        )
        self.comment.add_class("sw-comment")
        self.save_comment = widgets.Button(description="Kommentar speichern")
        self.save_comment.add_class("sw-save-comment")
        self.status = widgets.Label(SAVED if not self.saved.is_empty else UNSAVED)
        self.status.add_class("sw-status")
        self.status.add_class(LIVE)  # "✓ gespeichert" and errors are announced

        self.rating.observe(self._on_rating, names="value")
        self.comment.observe(self._on_comment, names="value")
        self.minus.on_click(lambda _: self._step(-1))
        self.plus.on_click(lambda _: self._step(+1))
        self.save_comment.on_click(lambda _: self._submit())

        self.widget = widgets.VBox(
            [
                self.description,
                widgets.HBox([widgets.Label(RATING_QUESTION), self.rating]),
                widgets.HBox(
                    [
                        widgets.Label(POINTS_QUESTION),
                        # one unit: on a narrow screen "−", count and "+" wrap together
                        widgets.HBox([self.minus, self.points_label, self.plus]),
                    ]
                ),
                self.comment,
                widgets.HBox([self.save_comment, self.status]),
            ]
        )
        self.widget.add_class("sw-item")
        self.widget.add_class(GROUP)  # named by the need's heading for screen readers
        self.widget.add_class(f"sw-item-{item.item_id}")
        self._show_points()

    # -- handlers: no table work, only the callback --------------------------------------
    def _on_rating(self, _change: dict) -> None:
        if not self._quiet:
            self._submit()

    def _on_comment(self, _change: dict) -> None:
        if not self._quiet:
            self._submit()

    def _step(self, delta: int) -> None:
        if self.points + delta < 0:
            return
        self.points += delta
        self._submit()

    def _submit(self) -> None:
        wanted = Answer(self.item.item_id, self.rating.value, self.points, self.comment.value)
        if wanted == self.saved:
            self.status.value = SAVED if not wanted.is_empty else UNSAVED
            self._show_points()
            return
        try:
            stored = self.on_save(wanted)
        except ProjectBusyError:  # its text is for researchers (notebooks, kernels)
            self._revert(SAVE_BUSY)
            return
        except WorkbenchError as err:
            self._revert(str(err))
            return
        except Exception:  # never a traceback in the app; the participant can retry
            _log.info("Antwort nicht gespeichert", exc_info=True)
            self._revert(SAVE_FAILED)
            return
        self.saved = stored
        self.points = stored.points
        if self.comment.value != stored.comment:  # stored pseudonymised: show what is kept
            self._quiet = True
            try:
                self.comment.value = stored.comment
            finally:
                self._quiet = False
        self.status.value = SAVED if not stored.is_empty else UNSAVED
        self._show_points()
        self.on_saved(stored)

    def _revert(self, reason: str) -> None:
        """Show the stored state again (the typed comment stays, to be corrected)."""
        self._quiet = True
        try:
            self.rating.value = self.saved.rating
            self.points = self.saved.points
        finally:
            self._quiet = False
        self.status.value = reason
        self._show_points()

    # -- display -------------------------------------------------------------------------
    def _show_points(self) -> None:
        dots = "●" * self.points
        unit = "Punkt" if self.points == 1 else "Punkte"
        self.points_label.value = (
            f"<span title='{self.points} {unit}'>{dots} {self.points} {unit}</span>"
        )
        self.minus.disabled = self.points == 0

    def set_points_left(self, left: int) -> None:
        """Enable "+" only while points are left."""
        self.plus.disabled = left <= 0


class ParticipantForm:
    """The participant's view of a ballot: instructions, budget, one card per item."""

    def __init__(self, ballot: Ballot, on_save: SaveAnswer):
        self.ballot = ballot
        self.budget = ballot.budget
        self.answers: dict[int, Answer] = dict(ballot.answers)
        self.budget_label = widgets.HTML()
        self.budget_label.add_class("sw-budget")
        self.budget_label.add_class(LIVE)
        self.cards = [
            ItemCard(item, self.answers.get(item.item_id), on_save, self._saved)
            for item in ballot.items
        ]
        who = ballot.workshop or ballot.district
        drafts = any(i.kind == "recommendation" for i in ballot.items)
        intro = (
            STYLE
            + easy_language_html(self.budget, drafts)
            + f"<h2 class='sw-form-title'>{FORM_TITLE}</h2>"
            + (f"<p class='sw-meta'>Für: {esc(who)}</p>" if who else "")
            + (f"<p>{esc(own)}</p>" if (own := no_own_needs(ballot.district, ballot.items)) else "")
            + f"<p>{intro_text(self.budget, drafts)} Bewertungen und Punkte "
            "speichern wir sofort. Ihren Kommentar speichern wir, wenn Sie das Feld "
            "verlassen. Sie können alles später ändern.</p>"
        )
        self.widget = widgets.VBox(
            [
                widgets.HTML(intro),
                self.budget_label,
                *[c.widget for c in self.cards],
                AriaSupport(),
            ]
        )
        self.widget.add_class("sw-feedback")
        self.widget.add_class(APP)
        self._update_budget()

    @property
    def points_left(self) -> int:
        """Points still free."""
        return self.budget - sum(a.points for a in self.answers.values())

    def _saved(self, answer: Answer) -> None:
        self.answers[answer.item_id] = answer
        self._update_budget()

    def _update_budget(self) -> None:
        left = self.points_left
        self.budget_label.value = points_left_text(left, self.budget)
        for card in self.cards:
            card.set_points_left(left)

    def card(self, item_id: int) -> ItemCard:
        """The card of an item (tests and the app use it)."""
        return next(c for c in self.cards if c.item.item_id == item_id)


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
        watch = ForgetWatch(project.path)  # before the ballot is read (page shown)
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


__all__ = ["ItemCard", "ParticipantForm", "ResultsPanel", "participant_app", "results_app"]
