"""An open app notices a ``forget`` and shows its data without what was erased
(widgets/forget_watch.py; decision 020, Nachtrag).

Each app is built over a copy of the analysed demo study, then ``forget`` (the public
function, on a second handle of the project as another process would) erases a statement
it shows; the app's next look at the forget mark (an action, or the timer) reloads.
"""

from __future__ import annotations

import html
import time
from pathlib import Path

import pytest

from tests.synthesis_data import demo_copy
from widgets.coding_panel import CodingPanel
from widgets.feedback import participant_app
from widgets.forget_watch import ERASED, ERASED_ITEM, REFRESHED, ForgetWatch, RebuildingPage
from widgets.profile_view import ProfileView, profile_app
from widgets.topic_map import TopicMapView, topic_map_app
from workbench import Project
from workbench.participation import feedback
from workbench.store.erasure import forget


@pytest.fixture
def folder(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    """A closed copy of the analysed demo study (need run and topic run stored)."""
    demo_copy(tmp_path_factory, tmp_path / "p").close()
    return tmp_path / "p"


def erase(folder: Path, *segment_ids: int) -> None:
    """``forget`` the statements, as a researcher's other process would."""
    with Project.open(folder) as other:
        forget(other, statements=tuple(int(s) for s in segment_ids), actor="Projektleitung")


def test_coding_reloads_and_refuses_a_code_on_an_erased_statement(folder: Path) -> None:
    with Project.open(folder) as project:
        panel = CodingPanel(project, coder="Löschprobe")
        model = panel.model
        total = model.total
        panel._move(3)
        kept = model.current_id
        erase(folder, model.segment_id(0))  # not the one shown
        panel._guard(panel._move)(1)  # an action: reloads first, the step goes on
        assert model.total == total - 1 and model.watch_.reloads == 1
        assert model.table_.index_of.get(kept) is not None
        panel._guard(panel._move)(-1)
        assert model.current_id == kept  # the place kept where it still exists
        erase(folder, kept)  # the statement shown now
        code = model.buttons_[0].path
        panel._code_clicked(code)  # refused, with the German reason
        assert html.unescape(ERASED) in html.unescape(panel.status.value)
        assert model.total == total - 2 and model.current_id != kept
        assert all(sid != kept for sid, _ in project.coder_codings("Löschprobe"))
        assert not project.coder_codings("Löschprobe")  # nothing written at all
        panel._code_clicked(code)  # on the statement shown now: stored
        assert project.coder_codings("Löschprobe") == [(model.current_id, code)]


def test_coding_model_alone_reloads_on_an_action(folder: Path) -> None:
    from widgets.coding_model import CodingModel

    with Project.open(folder) as project:
        model = CodingModel(project, "Modellprobe").load()
        shown = model.current_id
        erase(folder, shown)
        with pytest.raises(Exception, match="auf Antrag gelöscht"):
            model.toggle(model.buttons_[0].path)
        assert shown not in model.table_.index_of
        assert not project.coder_codings("Modellprobe")


def test_topic_map_reloads_and_keeps_the_chosen_topic(folder: Path) -> None:
    page = topic_map_app({"WORKBENCH_PROJECT": str(folder)})
    assert isinstance(page, RebuildingPage) and isinstance(page.view, TopicMapView)
    assert not page.watch.running  # no timer outside a Voilà kernel
    view = page.view
    topic = view.topic_list.options[1][1]
    view.topic_list.value = topic
    statements = view.data.statements
    listed = html.unescape(view.quotes.value)
    mine = statements[statements["topic"] == topic]
    row = next(r for _, r in mine.iterrows() if r["text"][:30] in listed)  # a quote shown
    n = len(statements)
    erase(folder, row["segment_id"])
    view.quote_district.value = view.quote_district.options[1][1]  # an action: reload
    fresh = page.view
    assert fresh is not view and isinstance(fresh, TopicMapView)
    assert len(fresh.data.statements) == n - 1
    assert int(row["segment_id"]) not in set(fresh.data.statements["segment_id"])
    assert fresh.topic_list.value == topic  # the reader's place
    assert fresh.quote_district.value == view.quote_district.value
    assert REFRESHED in page.notice.children[0].value
    assert page.watch.check() is False  # once


def test_profile_reloads_without_the_erased_quote(folder: Path) -> None:
    page = profile_app({"WORKBENCH_PROJECT": str(folder), "QUERY_STRING": "district=Manfort"})
    assert isinstance(page, RebuildingPage) and isinstance(page.view, ProfileView)
    shown = html.unescape(page.view.sections[0].value)  # the needs with their quotes
    with Project.open(folder) as project:
        segments = project.segments()
    quoted = [
        (int(s), t) for s, t in zip(segments["segment_id"], segments["text"], strict=True)
        if len(t) > 40 and t[:40] in shown
    ]  # fmt: skip
    assert quoted, "the profile shows no statement of Manfort"
    segment_id, text = quoted[0]
    page.view.district.value = "Opladen"
    erase(folder, segment_id)
    assert page.watch.check() is True  # the timer's look
    assert page.view.district.value == "Opladen"
    page.view.district.value = "Manfort"
    assert text[:40] not in html.unescape(page.view.sections[0].value)
    assert REFRESHED in page.notice.children[0].value


def test_feedback_refuses_an_answer_on_a_need_whose_quote_was_erased(folder: Path) -> None:
    with Project.open(folder) as project:
        [token] = feedback.issue_tokens(project, 1, district="Manfort")
        segments = project.segments()
    app = participant_app({"WORKBENCH_PROJECT": str(folder), "QUERY_STRING": f"token={token}"})
    cards = [c for c in app.children if "sw-item" in c._dom_classes]
    ballot = feedback.open_ballot(Project.open(folder), token)
    item = next(i for i in ballot.items if i.quotes)
    other = next(i for i in ballot.items if i.item_id != item.item_id)
    quote = item.quotes[0].strip("„“…. ")[:30]
    [segment_id] = [
        int(s) for s, t in zip(segments["segment_id"], segments["text"], strict=True)
        if quote in t
    ][:1]  # fmt: skip
    erase(folder, segment_id)
    card = cards[[i.item_id for i in ballot.items].index(item.item_id)]
    rating = card.children[1].children[1]
    rating.value = "agree"
    with Project.open(folder) as project:
        assert feedback.open_ballot(project, token).answers == {}  # nothing written
    [fresh] = [
        c for c in app.children
        if "sw-item" in c._dom_classes and f"sw-item-{item.item_id}" in c._dom_classes
    ]  # fmt: skip
    assert ERASED_ITEM in fresh.children[-1].children[1].value
    assert REFRESHED in app.children[0].value
    shown = [c.children[0].value for c in app.children if "sw-item" in c._dom_classes]
    assert quote not in html.unescape(str(shown))
    again = next(
        c for c in app.children if f"sw-item-{other.item_id}" in getattr(c, "_dom_classes", ())
    )
    again.children[1].children[1].value = "agree"  # the page read anew: saved
    with Project.open(folder) as project:
        assert set(feedback.open_ballot(project, token).answers) == {other.item_id}


def test_the_timer_reloads_without_an_action_and_stops(folder: Path) -> None:
    seen: list[float] = []
    watch = ForgetWatch(folder, lambda: seen.append(time.monotonic())).start(every=0.05)
    assert watch.running
    time.sleep(0.2)
    assert seen == []  # nothing changed: no reload
    with Project.open(folder) as project:
        first = int(project.segments()["segment_id"].iloc[0])
    erase(folder, first)
    deadline = time.monotonic() + 5
    while not seen and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(seen) == 1
    watch.stop()
    time.sleep(0.2)
    assert not watch.running
