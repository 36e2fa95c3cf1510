"""Feedback views driven in Python: the participants' form, the app, the results panel."""

from __future__ import annotations

import time
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import pytest

from tests.feedback_data import rated_project
from widgets.app_support import TypingSignal
from widgets.feedback import (
    SAVE_FAILED,
    SAVED,
    UNSAVED,
    ParticipantForm,
    ResultsPanel,
    item_html,
    participant_app,
    results_app,
)
from workbench import Project
from workbench.participation import feedback
from workbench.participation.feedback import Answer, Ballot, BudgetExceeded, Item

EVIL = "<script>alert('x')</script><b>fett</b>"


@pytest.fixture
def rated(project: Project, tmp_path: Path) -> Project:
    """A small project with a stored need run of three clusters."""
    return rated_project(project, tmp_path)


class FakeStore:
    """An in-memory ``on_save`` that enforces the budget like the real one."""

    def __init__(self, budget: int = 10, fail: Exception | None = None):
        self.budget = budget
        self.answers: dict[int, Answer] = {}
        self.calls: list[Answer] = []
        self.fail = fail

    def save(self, answer: Answer) -> Answer:
        self.calls.append(answer)
        if self.fail is not None:
            raise self.fail
        others = sum(a.points for i, a in self.answers.items() if i != answer.item_id)
        if others + answer.points > self.budget:
            raise BudgetExceeded(f"höchstens {self.budget - others} Punkte möglich")
        self.answers[answer.item_id] = answer
        return answer


def ballot(answers: dict[int, Answer] | None = None, budget: int = 10) -> Ballot:
    items = (
        Item(1, "need", "Lernräume", scope="übergreifend", quotes=("Mehr WLAN", EVIL)),
        Item(2, "need", EVIL, scope="sozialraumspezifisch", districts=("Manfort",)),
        Item(3, "recommendation", "Lernräume öffnen", text=EVIL, scope="gesamtstädtisch"),
    )
    return Ballot(round_id=1, budget=budget, items=items, answers=answers or {}, district="Opladen")


def all_html(widget: widgets.Widget) -> str:
    """The values of all HTML/Label widgets below ``widget``."""
    found = []
    if isinstance(widget, widgets.HTML | widgets.Label):
        found.append(widget.value)
    for child in getattr(widget, "children", ()):
        found.append(all_html(child))
    return "\n".join(found)


def test_rating_points_and_comment_are_saved_through_the_callback() -> None:
    store = FakeStore()
    form = ParticipantForm(ballot(), store.save)
    card = form.card(1)
    assert card.status.value == UNSAVED and "Noch 10 von 10" in form.budget_label.value
    card.rating.value = "agree"
    assert store.calls[-1] == Answer(1, "agree", 0, "")
    assert card.status.value == SAVED
    card.plus.click()
    card.plus.click()
    assert store.answers[1].points == 2 and "●● 2 Punkte" in card.points_label.value
    assert "Noch 8 von 10" in form.budget_label.value
    card.minus.click()
    assert store.answers[1].points == 1 and "Noch 9 von 10" in form.budget_label.value
    card.comment.value = EVIL  # stored as given …
    assert store.answers[1].comment == EVIL
    calls = len(store.calls)
    card.save_comment.click()  # … and the button on an unchanged state writes nothing new
    assert len(store.calls) == calls and card.status.value == SAVED


def test_a_budget_of_one_point_reads_in_the_singular() -> None:
    """„Jede*r hat einen Punkt“: not „Sie haben 1 Punkte“, „1 Prioritätspunkte“."""
    from widgets.formular_page import form_page

    one = ballot(budget=1)
    shown = all_html(ParticipantForm(one, FakeStore(budget=1).save).widget)
    page = form_page(one, "t" * 22)
    for text in (shown, page):
        assert "Sie haben 1 Punkt." in text
        assert "Verteilen Sie außerdem 1 Prioritätspunkt auf das" in text
        assert "Noch 1 von 1 Prioritätspunkt frei." in text
        assert "1 Punkte" not in text and "1 Prioritätspunkte" not in text


def test_budget_is_shown_and_a_refused_save_is_reverted() -> None:
    store = FakeStore(budget=3)
    form = ParticipantForm(ballot(budget=3), store.save)
    first, second = form.card(1), form.card(2)
    for _ in range(3):
        first.plus.click()
    assert form.points_left == 0 and "Noch 0 von 3" in form.budget_label.value
    assert second.plus.disabled and first.plus.disabled and not first.minus.disabled
    second.points = 0
    second._step(+1)  # e.g. a stale second tab: the store refuses
    assert second.points == 0 and "höchstens 0" in second.status.value
    assert "●" not in second.points_label.value
    first.minus.click()
    assert not second.plus.disabled
    second.plus.click()
    assert store.answers[2].points == 1 and second.status.value == SAVED


def test_a_failed_save_keeps_the_stored_state_and_says_so() -> None:
    saved = {1: Answer(1, "disagree", 2, "alt")}
    store = FakeStore(fail=RuntimeError("Datenbank weg"))
    form = ParticipantForm(ballot(saved), store.save)
    card = form.card(1)
    assert card.rating.value == "disagree" and card.comment.value == "alt"
    assert card.status.value == SAVED and "Noch 8 von 10" in form.budget_label.value
    card.rating.value = "agree"
    assert card.rating.value == "disagree"  # reverted, no traceback
    assert card.status.value == SAVE_FAILED
    card.comment.value = "neu"
    assert card.comment.value == "neu"  # the typed text stays, to be saved again


def test_user_supplied_text_is_escaped() -> None:
    form = ParticipantForm(ballot(), FakeStore().save)
    text = all_html(form.widget)
    assert "<script>" not in text and "<b>fett</b>" not in text
    assert text.count("&lt;script&gt;") == 3  # quote, label, recommendation text
    html = item_html(ballot().items[2])
    assert "Empfehlungsentwurf" in html and "gesamtstädtisch" in html
    assert "Für: Opladen" in text


def test_app_with_a_valid_token_writes(rated: Project) -> None:
    [token] = feedback.issue_tokens(rated, 1, district="Manfort")
    environ = {"WORKBENCH_PROJECT": str(rated.path), "QUERY_STRING": f"token={token}&x=1"}
    app = participant_app(environ)
    assert "sw-feedback" in app._dom_classes
    cards = [c for c in app.children if "sw-item" in c._dom_classes]
    assert len(cards) == 3
    item = feedback.open_ballot(rated, token).items[0].item_id
    toggle = cards[0].children[1].children[1]
    toggle.value = "agree"
    assert feedback.open_ballot(rated, token).answers[item].rating == "agree"
    assert "Beratung &amp; Anträge &lt;b&gt;" in all_html(app)

    again = participant_app(environ)  # a reload shows what is stored
    cards = [c for c in again.children if "sw-item" in c._dom_classes]
    assert cards[0].children[1].children[1].value == "agree"
    assert "✓ gespeichert" in all_html(cards[0])


def test_typing_a_comment_keeps_the_form_until_it_is_saved(rated: Project) -> None:
    """A participant who writes a long comment after a rating must not lose it.

    The comment reaches Python only when its field is left; the browser's typing signal
    starts the quiet time anew, so the form is not replaced while they type.
    """
    [token] = feedback.issue_tokens(rated, 1, district="Manfort")
    environ = {
        "WORKBENCH_PROJECT": str(rated.path),
        "QUERY_STRING": f"token={token}",
        "WORKBENCH_RELEASE_AFTER": "1",
    }
    app = participant_app(environ)
    [typing] = [c for c in app.children if isinstance(c, TypingSignal)]
    assert typing.scope == ".sw-feedback" and typing.interval <= 1
    cards = [c for c in app.children if "sw-item" in c._dom_classes]
    cards[0].children[1].children[1].value = "agree"  # stored: the quiet time begins
    for _ in range(8):  # 2.4 s of typing, longer than the quiet time of 1 s
        typing._on_message(typing, {"event": "typing"}, None)
        time.sleep(0.3)
    assert any("sw-item" in c._dom_classes for c in app.children)  # the form is still there
    cards[0].children[3].value = "Ein langer Kommentar"  # the field is left: stored
    item = feedback.open_ballot(rated, token).items[0].item_id
    assert feedback.open_ballot(rated, token).answers[item].comment == "Ein langer Kommentar"
    deadline = time.monotonic() + 10  # quiet now: released as before
    while any("sw-item" in c._dom_classes for c in app.children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "Ihre Antworten sind gespeichert" in all_html(app)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "fehlt Ihr persönlicher Zugangscode"),
        ("token=", "fehlt Ihr persönlicher Zugangscode"),
        ("token=AAAAAAAAAAAAAAAAAAAAAA", "Zugangscode ist ungültig"),
        ("token=%3Cscript%3Ealert(1)%3C/script%3E", "Zugangscode ist ungültig"),
    ],
)
def test_app_without_a_valid_token_shows_a_message_and_no_form(
    rated: Project,
    query: str,
    expected: str,
) -> None:
    feedback.issue_tokens(rated, 1)
    app = participant_app({"WORKBENCH_PROJECT": str(rated.path), "QUERY_STRING": query})
    assert isinstance(app, widgets.HTML) and expected in app.value
    assert "Traceback" not in app.value and "<script>" not in app.value


def test_app_messages_for_missing_project_and_missing_need_run(
    project: Project, tmp_path: Path
) -> None:
    app = participant_app({"WORKBENCH_PROJECT": str(tmp_path / "gibt-es-nicht")})
    assert "nicht gefunden" in app.value
    app = participant_app({"WORKBENCH_PROJECT": str(project.path), "QUERY_STRING": "token=x"})
    assert "noch keine Bedarfe" in app.value


def test_results_panel_shows_escaped_tables_and_a_priority_chart(
    rated: Project,
) -> None:
    first, second = feedback.issue_tokens(rated, 2, district="Manfort")
    items = [i.item_id for i in feedback.open_ballot(rated, first).items]
    feedback.save_answer(rated, first, items[0], "trifft zu", 6, EVIL)
    feedback.save_answer(rated, second, items[2], "trifft nicht zu", 3)
    panel = results_app(rated)
    assert "2 von 2 Zugangscodes" in panel.status.value
    assert "&lt;script&gt;" in panel.comments.value and "<script>" not in panel.comments.value
    assert "Beratung &amp; Anträge &lt;b&gt;" in panel.table.value
    bars = {bar.y[i]: bar.x[i] for bar in panel.figure.data for i in range(len(bar.x))}
    assert bars["Lernräume (1)"] == 6 and bars["Beratung &amp; Anträge &lt;b&gt; (3)"] == 3
    feedback.save_answer(rated, second, items[1], "trifft zu", 2)
    panel.refresh_button.click()
    bars = {bar.y[i]: bar.x[i] for bar in panel.figure.data for i in range(len(bar.x))}
    assert bars["Treffpunkte für Jugendliche (2)"] == 2


def test_results_panel_renders_given_tables() -> None:
    summary = feedback.summarise(
        pd.DataFrame(columns=list(feedback.ANSWER_COLUMNS)).astype(feedback.ANSWER_COLUMNS),
        pd.DataFrame(
            {"item_id": [1], "kind": ["Bedarf"], "label": [EVIL], "scope": [""], "cluster": [None]}
        ),
    )
    comments = pd.DataFrame(columns=list(feedback.COMMENT_COLUMNS))
    panel = ResultsPanel(lambda: (summary, comments, "0 von 0"))
    assert "Noch keine Kommentare" in panel.comments.value
    assert "<script>" not in panel.table.value and "–" in panel.table.value
