"""The coding panel and the topic map after a ``forget`` elsewhere of what they hold or
name (widgets/forget_watch.py ``Held``, widgets/coding_model.py ``touched``,
workbench/store/erasure_labels.py ``renamed_needs``; decision 020, Nachträge).

``forget`` runs on a second handle of the project, as another process would. The coding
panel reloads only for a statement it read (silently if the filters did not list it) or
a person's name; the topic map also for a need name it shows that ``forget`` rewrote,
though the erased statement is not on the map.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select

from tests.synthesis_data import demo_copy
from tests.test_forget_coding_filters import erase, two_walls
from widgets.coding_model import ALL
from widgets.coding_panel import CodingPanel
from widgets.forget_watch import REFRESHED, Held, RebuildingPage
from widgets.topic_map import topic_map_app
from workbench import Project
from workbench.analysis import need_edits
from workbench.analysis.topic_map import need_clusters
from workbench.cli.main import main
from workbench.ingest.table import TableMapping
from workbench.participation import feedback
from workbench.store import ErasureEntry
from workbench.store.erasure import forget
from workbench.store.erasure_since import Erased, erased_since

# a statement imported after the topic run: on no map; a need name the team gave quotes it
SENTENCE = "Die Treppe am Bahnhof Manfort ist für Kinderwagen viel zu steil gebaut"


@pytest.fixture
def demo(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    """A closed copy of the analysed demo study (need run and topic run stored)."""
    demo_copy(tmp_path_factory, tmp_path / "p").close()
    return tmp_path / "p"


def said(panel: CodingPanel) -> str:
    """The panel's status line as read."""
    return html.unescape(panel.status.value)


def add_card(folder: Path, text: str, card: str = "N1") -> int:
    """Import one card of Manfort (a later workshop); return its statement id."""
    table = folder.parent / f"nachtrag-{card}.csv"
    table.write_text(f"ID;Sozialraum;Text\n{card};Manfort;{text}.\n", encoding="utf-8")
    mapping = TableMapping(text_column="Text", id_column="ID", district_column="Sozialraum")
    with Project.open(folder) as project:
        project.import_files([table], mapping=mapping, workshop="Nachtrag Manfort")
        segments = project.segments()
    return int(segments.loc[segments["source_id"] == card, "segment_id"].item())


def test_a_held_page_is_touched_by_a_need_name_it_shows() -> None:
    held = Held(3, frozenset({1})).naming(7, [2, 4])
    assert not held.touched_by(Erased(4, frozenset({9}), needs=frozenset({(7, 3), (6, 2)})))
    assert held.after == 4  # another run's cluster 2, another cluster of run 7: as it is
    assert held.touched_by(Erased(5, frozenset({9}), needs=frozenset({(7, 2)})))
    assert Held(0, frozenset()).naming(None, [1]).needs == frozenset()  # no need run shown


def test_coding_stays_after_a_forget_of_an_access_code(demo: Path) -> None:
    with Project.open(demo) as project:
        [code] = feedback.issue_tokens(project, 1, district="Manfort")
        panel = CodingPanel(project, coder="Codeprobe")
        model = panel.model
        panel._move(3)
        shown, generation, total = model.current_id, model.generation_, model.total
        with Project.open(demo) as other:
            forget(other, token=code, actor="Projektleitung")
        panel._guard(panel._move)(1)  # an action: looks, nothing it holds was erased
        assert model.generation_ == generation and model.watch_.reloads == 0
        assert model.watch_.unrelated == 1 and model.total == total
        assert REFRESHED not in said(panel)
        panel._guard(panel._move)(-1)
        assert model.current_id == shown


def test_coding_drops_a_statement_its_filters_hide_without_a_notice(tmp_path: Path) -> None:
    folder = two_walls(tmp_path)
    with Project.open(folder) as project:
        segments = project.segments()
        o1 = int(segments.loc[segments["source_id"] == "O1", "segment_id"].item())
        panel = CodingPanel(project, coder="Filterprobe")
        model = panel.model
        panel.district_filter.value = "Manfort"
        panel._guard(panel._move)(1)
        assert model.table_.source_ids[model.current] == "M2"
        erase(folder, o1)  # another Sozialraum's card: read, but not in the list
        assert panel.watch.check() is True  # the timer's look: its text leaves the panel
        assert o1 not in model.table_.index_of and model.total == 3
        assert REFRESHED not in said(panel)  # the list and the statement are as they were
        assert model.table_.source_ids[model.current] == "M2"
        assert panel.district_filter.value == "Manfort"
        panel.district_filter.value = ALL
        assert sorted(model.table_.source_ids[i] for i in model.visible_) == ["M1", "M2", "O2"]


def test_coding_says_so_after_a_forget_of_a_listed_statement(tmp_path: Path) -> None:
    """Guard (as before this change): a statement of the list goes with the notice."""
    folder = two_walls(tmp_path)
    with Project.open(folder) as project:
        segments = project.segments()
        m1 = int(segments.loc[segments["source_id"] == "M1", "segment_id"].item())
        panel = CodingPanel(project, coder="Filterprobe")
        panel.district_filter.value = "Manfort"
        panel._guard(panel._move)(1)
        erase(folder, m1)  # listed, not the one shown
        assert panel.watch.check() is True
        assert REFRESHED in said(panel)
        model = panel.model
        assert [model.table_.source_ids[i] for i in model.visible_] == ["M2"]
        assert model.table_.source_ids[model.current] == "M2"  # the place kept


def test_coding_stays_after_a_forget_of_a_statement_it_never_read(tmp_path: Path) -> None:
    folder = two_walls(tmp_path)
    with Project.open(folder) as project:
        panel = CodingPanel(project, coder="Importprobe")
        generation = panel.model.generation_
        later = add_card(folder, "Der Kiosk am Markt hat sonntags zu")  # after the panel read
        erase(folder, later)
        assert panel.watch.check() is False
        assert panel.model.generation_ == generation and REFRESHED not in said(panel)


def test_forget_logs_the_need_names_it_rewrote(demo: Path) -> None:
    later = add_card(demo, SENTENCE)
    with Project.open(demo) as project:
        cluster = int(need_clusters_of(project)[0])
        need_edits.rename_cluster(project, cluster, f"„{SENTENCE}“", author="kira")
        with project.session() as session:
            before = max(session.scalars(select(ErasureEntry.id)), default=0)
    erase(demo, later)
    with Project.open(demo) as project, project.session() as session:
        erased = erased_since(session, before)
        [entry] = session.scalars(select(ErasureEntry).where(ErasureEntry.id > before))
    assert erased.statements == {later} and not erased.unknown
    assert len(erased.needs) == 1 and [cluster] == [c for _, c in erased.needs]
    assert SENTENCE not in str(entry.selector)  # references only
    assert entry.counts["need_names"] == 2  # the edit and the run's cluster


def need_clusters_of(project: Project) -> list[int]:
    """The need clusters the topic map of ``project`` colours, largest first."""
    from workbench.analysis.topic_map import map_data

    data = map_data(project)
    return list(data.statements["need"].dropna().value_counts().index)


def test_topic_map_reloads_for_a_need_name_that_quoted_an_erased_statement(demo: Path) -> None:
    """The statement is on no map; the need name the map shows quoted it and is rewritten."""
    later = add_card(demo, SENTENCE)
    unquoted = add_card(demo, "Der Kiosk am Markt hat sonntags zu", "N2")
    with Project.open(demo) as project:
        cluster = int(need_clusters_of(project)[0])
        need_edits.rename_cluster(project, cluster, f"„{SENTENCE}“", author="kira")
    page = topic_map_app({"WORKBENCH_PROJECT": str(demo)})
    assert isinstance(page, RebuildingPage)
    view = page.view
    assert later not in set(view.data.statements["segment_id"])  # not on the map
    assert any(SENTENCE in label for label in need_clusters(view.data))
    erase(demo, unquoted)  # on no map, quoted by no name: the map stays
    assert page.watch.check() is False and page.view is view
    erase(demo, later)
    assert page.watch.check() is True and page.view is not view
    assert not any(SENTENCE in label for label in need_clusters(page.view.data))
    assert REFRESHED in page.notice.children[0].value


def test_forget_logs_a_generated_need_name_that_lost_its_word(tmp_path: Path) -> None:
    """forget_words renames a cluster whose label has a word only the erased statement
    said; the log names that cluster, not the others."""
    folder = tmp_path / "projekt"
    texts = [
        "Der Jugendtreff am Marktplatz schließt früh. Marktplatz Marktplatz.",
        "Der Jugendtreff braucht längere Öffnungszeiten am Abend.",
        "Der Bus fährt abends selten, der Bus ist voll.",
        "Der Bus fährt nachts nie, Bus Bus.",
    ]
    assert main(["init", str(folder), "--districts", "Manfort"]) == 0
    source = tmp_path / "aussagen.csv"
    rows = [(str(i), t, "Manfort") for i, t in enumerate(texts)]
    pd.DataFrame(rows, columns=["ID", "Text", "Sozialraum"]).to_csv(source, sep=";", index=False)
    p = ["--project", str(folder)]
    assert main([*p, "import", str(source), "--text-column", "Text", "--id-column", "ID",
                 "--district-column", "Sozialraum"]) == 0  # fmt: skip
    assert main([*p, "needs", "--segments", "all", "--backend", "tfidf"]) == 0
    from workbench.analysis import needs

    with Project.open(folder) as project:
        assigned = needs.assignments(project)
        first = assigned.loc[assigned["cluster_label"].str.contains("Marktplatz")]
        assert not first.empty, assigned[["cluster", "cluster_label"]]
        erased = int(first["segment_id"].min())
        cluster = int(first["cluster"].iloc[0])
        with project.session() as session:
            before = max(session.scalars(select(ErasureEntry.id)), default=0)
    erase(folder, erased)
    with Project.open(folder) as project, project.session() as session:
        needs_renamed = erased_since(session, before).needs
    assert {c for _, c in needs_renamed} == {cluster}
