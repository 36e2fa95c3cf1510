"""Open apps after a ``forget --person`` elsewhere: they reload only for what they hold
(widgets/forget_watch.py ``Held``, widgets/coding_model.py ``touched``,
workbench/store/erasure.py ``_rewritten``; decision 020, Nachtrag Runde 48).

The erasure log names, by id only, the statements a person's erasure deleted and those
it kept whose memos or codings lost her name, and the recommendations that lost it. The
coding panel reloads with the notice for a statement of its list, silently for one a
filter hides, and not at all for a person named in nothing it holds; the profile only
for a statement erased (it counts them all) or a recommendation rewritten. And the
scope of a need is decided again before open pages are told to read anew.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.need_run_data import need_run_project
from tests.synthesis_data import demo_copy
from widgets.coding_panel import CodingPanel
from widgets.forget_watch import REFRESHED, Held, RebuildingPage
from widgets.profile_view import profile_app
from workbench import Project
from workbench.analysis import needs
from workbench.cli.main import main
from workbench.participation import feedback
from workbench.store import ErasureEntry, Recommendation
from workbench.store.erasure import forget
from workbench.store.erasure_since import Erased, erased_since, last_erasure
from workbench.synthesis import recommendations as rec

PERSON = "Wiebke Oltmanns"
CARDS = {
    "Manfort": "M1;Manfort;Das Bürgerhaus ist abends offen\n"
    "M2;Manfort;Der Bus fährt nach 20 Uhr nicht mehr\n",
    "Opladen": f"O1;Opladen;Frau {PERSON} leitet die Bücherei am Markt\n"
    "O2;Opladen;Es fehlt ein Spielplatz am Bahnhof\n",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Card walls of Manfort and Opladen; an Opladen card names the person (pseudonymised)."""
    return card_walls(tmp_path)


def card_walls(tmp_path: Path) -> Path:
    """The project of :func:`folder` in ``tmp_path``."""
    from workbench.ingest.table import TableMapping

    mapping = TableMapping(text_column="Text", id_column="ID", district_column="Sozialraum")
    with Project.create(tmp_path / "projekt", districts=list(CARDS)) as fresh:
        for district, cards in CARDS.items():
            table = tmp_path / f"karten-{district.lower()}.csv"
            table.write_text(f"ID;Sozialraum;Text\n{cards}", encoding="utf-8")
            fresh.import_files([table], mapping=mapping, workshop=f"Kartenwand {district}")
        fresh.add_code("Ressource")
        texts = " ".join(fresh.segments()["text"])
    assert "Oltmanns" not in texts and "[Person 1]" in texts  # the premise: she is keyed
    return tmp_path / "projekt"


def card(project: Project, source: str) -> int:
    segments = project.segments()
    return int(segments.loc[segments["source_id"] == source, "segment_id"].item())


def forget_person(folder: Path) -> None:
    """``forget --person``, as a researcher's other process would."""
    with Project.open(folder) as other:
        forget(other, person=PERSON, actor="Projektleitung")


def said(panel: CodingPanel) -> str:
    return html.unescape(panel.status.value)


def panel_on_manfort(project: Project) -> CodingPanel:
    """A panel whose district filter shows Manfort only (Opladen's cards held, not listed)."""
    panel = CodingPanel(project, coder="Filterprobe")
    panel.district_filter.value = "Manfort"
    panel._guard(panel._move)(1)
    assert panel.model.table_.source_ids[panel.model.current] == "M2"
    return panel


def test_a_held_page_is_touched_by_a_rewritten_statement_it_holds() -> None:
    held = Held(0, frozenset({1, 2}), names=True)
    assert not held.touched_by(Erased(1, rewritten=frozenset({3})))  # another's memo
    assert held.touched_by(Erased(2, rewritten=frozenset({2})))
    assert not Held(0, None, names=True).touched_by(Erased(1, rewritten=frozenset({3})))
    shows = Held(0, None, names=True, recommendations=True)
    assert shows.touched_by(Erased(1, recommendations=frozenset({4})))
    assert not Held(0, frozenset({1}), names=True).touched_by(Erased(1, recommendations={4}))
    assert held.touched_by(Erased(3, people=True))  # an earlier release's entry: coarse


def test_forget_person_logs_the_statements_it_rewrote_by_id_only(folder: Path) -> None:
    with Project.open(folder) as project:
        m1, o2 = card(project, "M1"), card(project, "O2")
        project.add_memo(f"Rückfrage bei Frau {PERSON.split()[1]}", "Team", segment=o2)
        project.code_segment(m1, "Ressource", PERSON)  # she coded as Ko-Forschende
        with project.session() as session:
            before = last_erasure(session)
    forget_person(folder)
    with Project.open(folder) as project, project.session() as session:
        [entry] = session.scalars(select(ErasureEntry).where(ErasureEntry.id > before))
        erased = erased_since(session, before)
        entries = list(session.scalars(select(ErasureEntry.selector)))
    assert entry.selector["rewritten"] == sorted([m1, o2])
    assert entry.selector["statements"] == [] and entry.selector["recommendations"] == []
    assert erased.rewritten == {m1, o2} and not erased.statements
    assert not erased.people and not erased.unknown  # the ids say what it touched
    logged = str(entries)
    assert "Oltmanns" not in logged and "Wiebke" not in logged and "Rückfrage" not in logged
    # an earlier release's entry for a person, without the ids: touches what shows names
    older = {"statements": [], "person": "…", "need_labels": []}
    with Project.open(folder) as project, project.session() as session:
        session.add(ErasureEntry(actor="x", selector=older))
        session.commit()
        assert erased_since(session, erased.last).people


def test_coding_stays_after_forget_of_a_person_named_in_nothing_it_holds(folder: Path) -> None:
    """She is named in a card's text only (the placeholder stays there): nothing the
    panel shows changes, so it neither reloads nor says so."""
    with Project.open(folder) as project:
        panel = panel_on_manfort(project)
        model, generation = panel.model, panel.model.generation_
        forget_person(folder)
        assert panel.watch.check() is False  # the timer's look
        assert model.generation_ == generation and model.watch_.unrelated == 1
        assert REFRESHED not in said(panel)


def test_coding_reloads_silently_for_a_memo_on_a_statement_its_filter_hides(
    folder: Path,
) -> None:
    with Project.open(folder) as project:
        o2 = card(project, "O2")
        project.add_memo(f"Rückfrage bei Frau {PERSON.split()[1]}", "Team", segment=o2)
        panel = panel_on_manfort(project)
        model, generation = panel.model, panel.model.generation_
        forget_person(folder)
        assert panel.watch.check() is True  # the memo it holds lost her name
        assert model.generation_ == generation + 1
        [(_, memo)] = model.memos_[model.table_.index_of[o2]]
        assert "Oltmanns" not in memo and "[Person 1]" in memo
        assert REFRESHED not in said(panel)  # the list and the statement are as they were
        assert model.table_.source_ids[model.current] == "M2"


def test_coding_says_so_after_forget_of_a_person_in_a_memo_of_its_list(folder: Path) -> None:
    """Guard (as before this change): a memo on a listed statement goes with the notice."""
    with Project.open(folder) as project:
        m1 = card(project, "M1")
        project.add_memo(f"Frau {PERSON} kennt den Hausmeister", "Team", segment=m1)
        panel = panel_on_manfort(project)
        forget_person(folder)
        assert panel.watch.check() is True
        assert REFRESHED in said(panel)


@pytest.fixture
def demo(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    """A closed copy of the analysed demo study with a recommendation naming two persons."""
    with demo_copy(tmp_path_factory, tmp_path / "p") as project:
        rec.add_recommendation(
            project,
            f"Frau {PERSON} vom Jugendamt und Frau Ragna Timmermann sollen die Bänke planen.",
            "Manfort",
            title="Bänke",
        )
    return tmp_path / "p"


def test_profile_stays_after_forget_of_a_person_it_shows_only_as_placeholder(
    demo: Path,
) -> None:
    """The recommendation was stored with her placeholder: after the forget it reads the
    same, and no statement went; the profile is not built anew."""
    page = profile_app({"WORKBENCH_PROJECT": str(demo)})
    assert isinstance(page, RebuildingPage)
    view = page.view
    forget_person(demo)
    assert page.watch.check() is False and page.view is view
    assert page.notice.children == () and page.watch.unrelated == 1


def test_profile_is_rebuilt_after_forget_of_a_person_in_a_recommendation_as_typed(
    demo: Path,
) -> None:
    """Guard: an earlier release stored the actors as typed; forget rewrites them, and the
    profile (which shows them) is built anew and says so."""
    with Project.open(demo) as project, project.transaction() as session:
        record = session.scalars(select(Recommendation)).all()[-1]
        record.actors = ["Frau Ragna Timmermann (Jugendamt)"]
    page = profile_app({"WORKBENCH_PROJECT": str(demo)})
    view = page.view
    with Project.open(demo) as other:
        forget(other, person="Ragna Timmermann", actor="Projektleitung")
    assert page.watch.check() is True and page.view is not view
    assert REFRESHED in page.notice.children[0].value


def test_a_page_told_of_a_forget_reads_the_scope_decided_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``workbench forget`` decided the scope again after its forget mark had told open
    pages to read anew: a profile or ballot that looked then showed "übergreifend" for a
    need left in two districts, until the next forget. Now what a page reads the moment
    the mark changes has the scope as it is now."""
    from workbench.store import erasure

    rows = [(f"Der Bus fährt zu selten, Nummer {i}.", d, 0) for d in "MOW" for i in (1, 2)]
    rows += [(f"Mehr Bänke am Platz, Nummer {i}.", d, 1) for d in "MOW" for i in (1, 2, 3)]
    folder = need_run_project(tmp_path, rows)
    with Project.open(folder) as project:
        [token] = feedback.issue_tokens(project, 1)
        segments = project.segments()
    wiesdorf_bus = segments[
        (segments["district"] == "Wiesdorf") & segments["text"].str.startswith("Der Bus")
    ]["segment_id"].tolist()
    seen: list[tuple[str, set[str]]] = []
    marked = erasure.mark_forgotten

    def look_when_marked(path: Path) -> bool:  # an open page's timer, right at the mark
        done = marked(path)
        with Project.open(folder) as page:
            scope = needs.clusters(page).set_index("cluster").loc[0, "scope"]
            cards = {i.scope for i in feedback.open_ballot(page, token).items if i.districts}
        seen.append((scope, cards))
        return done

    monkeypatch.setattr(erasure, "mark_forgotten", look_when_marked)
    assert main(["--project", str(folder), "forget", "--statement", *map(str, wiesdorf_bus)]) == 0
    [(scope, cards)] = seen
    assert scope == needs.DISTRICT_SPECIFIC
    assert needs.DISTRICT_SPECIFIC in cards
