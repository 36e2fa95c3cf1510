"""A ``forget`` of nothing an open page shows leaves it as it is, without the notice
(widgets/forget_watch.py ``touched``, workbench/store/erasure_since.py).

A participant's ballot, the topic map and the profile are built over a copy of the
analysed demo study; ``forget`` (on a second handle, as another process would) erases
another participant's access code, or a statement the ballot does not show. The page
notes the new mark silently; a forget of what it shows still reloads it.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from tests.synthesis_data import demo_copy
from widgets.feedback import participant_app
from widgets.forget_watch import REFRESHED, Held, RebuildingPage
from widgets.profile_view import profile_app
from widgets.topic_map import topic_map_app
from workbench import Project
from workbench.participation import feedback
from workbench.store.erasure import forget
from workbench.store.erasure_since import Erased, erased_since, last_erasure
from workbench.store.privacy_tables import ErasureEntry


@pytest.fixture
def folder(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    """A closed copy of the analysed demo study (need run and topic run stored)."""
    demo_copy(tmp_path_factory, tmp_path / "p").close()
    return tmp_path / "p"


def tokens(folder: Path, district: str, n: int = 2) -> list[str]:
    with Project.open(folder) as project:
        return feedback.issue_tokens(project, n, district=district)


def forget_token(folder: Path, token: str) -> None:
    with Project.open(folder) as other:
        forget(other, token=token, actor="Projektleitung")


def forget_statement(folder: Path, segment_id: int) -> None:
    with Project.open(folder) as other:
        forget(other, statements=(segment_id,), actor="Projektleitung")


def cards(app) -> list:
    return [c for c in app.children if "sw-item" in getattr(c, "_dom_classes", ())]


def test_a_held_page_is_touched_only_by_what_it_shows() -> None:
    held = Held(after=3, ids=frozenset({1, 2}))
    assert not held.touched_by(Erased(5, frozenset({7}), people=True))  # names not shown
    assert held.after == 5  # the next look starts after what was read
    assert held.touched_by(Erased(6, frozenset({2, 9})))
    assert held.after == 5  # touched: the page is read anew (and noted anew)
    assert Held(0, frozenset({1}), names=True).touched_by(Erased(1, people=True))
    assert Held(0, None).touched_by(Erased(1, frozenset({99})))  # it counts every statement
    assert not Held(0, None).touched_by(Erased(1))  # an access code alone
    assert Held(0, frozenset()).touched_by(Erased(1, unknown=True))


def test_the_erasure_log_says_what_a_forget_erased(folder: Path) -> None:
    [other] = tokens(folder, "Manfort", 1)
    with Project.open(folder) as project:
        with project.session() as session:
            before = last_erasure(session)
        first = int(project.segments()["segment_id"].iloc[0])
    forget_token(folder, other)
    forget_statement(folder, first)
    with Project.open(folder) as project, project.session() as session:
        erased = erased_since(session, before)
        assert erased.statements == {first} and not erased.people and not erased.unknown
        assert erased.last == last_erasure(session) == before + 2
        assert erased_since(session, erased.last) == Erased(erased.last)
        session.add(ErasureEntry(actor="x", selector={"kind": "later"}))  # a newer release
        session.commit()
        assert erased_since(session, erased.last).unknown


def test_feedback_stays_as_it_is_after_a_forget_of_nothing_it_shows(folder: Path) -> None:
    mine, other = tokens(folder, "Manfort")
    app = participant_app({"WORKBENCH_PROJECT": str(folder), "QUERY_STRING": f"token={mine}"})
    shown = cards(app)
    with Project.open(folder) as project:
        ballot = feedback.open_ballot(project, mine)
        segments = project.segments()
    quotes = " ".join(q.strip("„“…. ")[:30] for i in ballot.items for q in i.quotes)
    forget_token(folder, other)  # another participant's code
    shown[0].children[1].children[1].value = "agree"  # an action: looks at the mark
    assert cards(app) == shown and REFRESHED not in html.unescape(str(app.children[0]))
    # a statement of another district, quoted on no card of this ballot
    elsewhere = next(
        int(s)
        for s, d, t in zip(
            segments["segment_id"], segments["district"], segments["text"], strict=True
        )
        if d != "Manfort" and t[:30] not in quotes
    )
    forget_statement(folder, elsewhere)
    with Project.open(folder) as project:
        assert feedback.open_ballot(project, mine).items == ballot.items  # the premise
    shown[1].children[1].children[1].value = "agree"
    assert cards(app) == shown
    assert not any(REFRESHED in str(getattr(c, "value", "")) for c in app.children)
    with Project.open(folder) as project:  # both answers saved
        assert set(feedback.open_ballot(project, mine).answers) == {
            ballot.items[0].item_id,
            ballot.items[1].item_id,
        }


def test_feedback_reloads_after_a_forget_of_its_own_quote(folder: Path) -> None:
    [mine] = tokens(folder, "Manfort", 1)
    app = participant_app({"WORKBENCH_PROJECT": str(folder), "QUERY_STRING": f"token={mine}"})
    with Project.open(folder) as project:
        ballot = feedback.open_ballot(project, mine)
        segments = project.segments()
    quote = next(q for i in ballot.items for q in i.quotes).strip("„“…. ")[:30]
    segment_id = next(
        int(s) for s, t in zip(segments["segment_id"], segments["text"], strict=True) if quote in t
    )
    forget_statement(folder, segment_id)
    assert REFRESHED not in str(getattr(app.children[0], "value", ""))
    cards(app)[-1].children[1].children[1].value = "unsure"  # an action: reloads first
    assert REFRESHED in app.children[0].value


@pytest.mark.parametrize("make", [topic_map_app, profile_app], ids=["topic_map", "profile"])
def test_read_only_apps_stay_after_a_forget_of_an_access_code(folder: Path, make) -> None:
    [code] = tokens(folder, "Manfort", 1)
    page = make({"WORKBENCH_PROJECT": str(folder)})
    assert isinstance(page, RebuildingPage)
    view = page.view
    forget_token(folder, code)
    assert page.watch.check() is False  # the timer's look: nothing shown was erased
    assert page.view is view and page.notice.children == ()
    assert page.watch.unrelated == 1 and page.watch.reloads == 0
    with Project.open(folder) as project:
        first = int(project.segments()["segment_id"].iloc[0])
    forget_statement(folder, first)  # a statement it shows (or counts)
    assert page.watch.check() is True and page.view is not view
    assert REFRESHED in page.notice.children[0].value
