"""The participants' form (member checking, dot voting): one card per need or draft.

Views receive a :class:`workbench.participation.feedback.Ballot` and an ``on_save``
callback; they hold no database handles and do no table work in their handlers. Every
string that comes from people — labels, quotes, recommendation texts, comments — is
escaped before it goes into an ``HTML`` widget. :func:`widgets.feedback.participant_app`
composes the form over a project.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import ipywidgets as widgets

from widgets.accessibility import APP, GROUP, HIDDEN_LABEL, LIVE, AriaSupport
from widgets.app_support import esc
from widgets.feedback_texts import (
    COMMENT_LABEL,
    FORM_TITLE,
    NAMED_IN,
    POINTS_QUESTION,
    QUOTES_INTRO,
    RATING_QUESTION,
    SAVE_BUSY,
    SAVE_FAILED,
    SAVED,
    UNSAVED,
    easy_language_html,
    intro_text,
    no_own_needs,
    plain_scope,
    points_left_text,
    short_quote,
)
from workbench.core.domain import WorkbenchError
from workbench.participation.feedback import RATINGS, Answer, Ballot, Item
from workbench.store.problems import ProjectBusyError

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
