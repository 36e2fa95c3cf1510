"""The coding panel after a ``forget`` elsewhere: filter choices and background suggestions
(widgets/coding_panel.py, widgets/coding_model.py; decision 020, Nachtrag).

A card wall of two Sozialräume, each its own workshop; ``forget`` (the public function, on
a second handle of the project as another process would) erases every statement of
Opladen while a panel is open on it.
"""

from __future__ import annotations

import html
import threading
from pathlib import Path

import pandas as pd

from widgets.coding_model import ALL
from widgets.coding_panel import CodingPanel, refreshed_notice
from widgets.forget_watch import REFRESHED
from workbench import Project
from workbench.store.erasure import forget

CARDS = {
    "Manfort": (
        "ID;Sozialraum;Leitfrage;Text\n"
        "M1;Manfort;Ressourcen;Das Bürgerhaus ist abends offen\n"
        "M2;Manfort;Herausforderungen;Der Bus fährt nach 20 Uhr nicht mehr\n"
    ),
    "Opladen": (
        "ID;Sozialraum;Leitfrage;Text\n"
        "O1;Opladen;Ressourcen;Die Bücherei hat samstags geöffnet\n"
        "O2;Opladen;Bedarfe;Es fehlt ein Spielplatz am Bahnhof\n"
    ),
}


def two_walls(tmp_path: Path) -> Path:
    """A project with a card wall (a workshop) for Manfort and one for Opladen."""
    from workbench.ingest.table import TableMapping

    mapping = TableMapping(
        text_column="Text",
        id_column="ID",
        district_column="Sozialraum",
        question_column="Leitfrage",
    )
    with Project.create(tmp_path / "projekt", districts=list(CARDS)) as fresh:
        for district, cards in CARDS.items():
            table = tmp_path / f"karten-{district.lower()}.csv"
            table.write_text(cards, encoding="utf-8")
            fresh.import_files([table], mapping=mapping, workshop=f"Kartenwand {district}")
    return tmp_path / "projekt"


def erase(folder: Path, *segment_ids: int) -> None:
    """``forget`` the statements, as a researcher's other process would."""
    with Project.open(folder) as other:
        forget(other, statements=tuple(int(s) for s in segment_ids), actor="Projektleitung")


def values(dropdown: object) -> list[str]:
    """The values a filter offers."""
    return [value for _, value in dropdown.options]


def test_a_filter_whose_choice_was_erased_shows_all_again_and_says_so(tmp_path: Path) -> None:
    folder = two_walls(tmp_path)
    with Project.open(folder) as project:
        segments = project.segments()
        opladen = [int(s) for s in segments.loc[segments["district"] == "Opladen", "segment_id"]]
        panel = CodingPanel(project, coder="Filterprobe")
        panel.district_filter.value = "Opladen"
        panel.workshop_filter.value = "Kartenwand Opladen"
        panel.question_filter.value = "Ressourcen"  # stays: Manfort has a card on it
        assert len(panel.model.visible_) == 1
        erase(folder, *opladen)
        assert panel.watch.check() is True  # the timer's look
        assert "Opladen" not in values(panel.district_filter)
        assert "Kartenwand Opladen" not in values(panel.workshop_filter)
        assert "Bedarfe" not in values(panel.question_filter)  # only Opladen's card had it
        assert panel.district_filter.value == ALL and panel.workshop_filter.value == ALL
        assert panel.question_filter.value == "Ressourcen"
        model = panel.model
        assert [model.table_.source_ids[i] for i in model.visible_] == ["M1"]
        assert "M1" in html.unescape(panel.context.value)
        said = html.unescape(panel.status.value)
        assert REFRESHED in said and "„Sozialraum“, „Workshop“" in said
        assert "Leitfrage" not in said
        panel.district_filter.value = "Manfort"  # the rebuilt choices work
        assert [model.table_.source_ids[i] for i in model.visible_] == ["M1"]


def test_a_filter_whose_choice_remains_keeps_it_and_says_only_refreshed(tmp_path: Path) -> None:
    folder = two_walls(tmp_path)
    with Project.open(folder) as project:
        segments = project.segments()
        o1 = int(segments.loc[segments["source_id"] == "O1", "segment_id"].iloc[0])
        panel = CodingPanel(project, coder="Filterprobe")
        panel.district_filter.value = "Opladen"
        erase(folder, o1)
        assert panel.watch.check() is True  # the timer's look
        assert panel.district_filter.value == "Opladen"
        assert values(panel.district_filter) == [ALL, "Manfort", "Opladen"]
        assert [panel.model.table_.source_ids[i] for i in panel.model.visible_] == ["O2"]
        assert f">{refreshed_notice()}<" in html.unescape(panel.status.value)  # nothing more


def test_suggestions_asked_before_a_forget_are_dropped_and_asked_anew(tmp_path: Path) -> None:
    folder = two_walls(tmp_path)
    asked, release = threading.Event(), threading.Event()
    calls: list[list[int]] = []

    def source(coder: str) -> pd.DataFrame:  # the suggestion model, stopped in its first run
        with Project.open(folder) as own:  # its own handle, as it reads in the thread
            ids = [int(s) for s in own.segments()["segment_id"]]
        calls.append(ids)
        run = len(calls)
        if run == 1:
            asked.set()
            assert release.wait(30)
        return pd.DataFrame(
            {
                "segment_id": ids,
                "source_id": "",
                "code": [f"Lauf {run}/{sid}" for sid in ids],
                "confidence": 0.8,
            }
        )

    with Project.open(folder) as project:
        panel = CodingPanel(project, coder="Vorschlagsprobe", suggestions=source)
        assert asked.wait(30)  # the first run has read the statements, not yet answered
        first = panel.model.segment_id(0)
        erase(folder, first)
        assert panel.watch.check() is True  # reloaded while the suggestions still load
        release.set()
        panel.wait_for_suggestions(30)
        model = panel.model
        assert len(calls) == 2 and first in calls[0] and first not in calls[1]
        for index, sid in enumerate(model.table_.ids):  # each at its own statement
            assert [s.code for s in model.suggestions_for(index)] == [f"Lauf 2/{sid}"]
        assert "Lauf 2/" in panel.chips[0][1].tooltip  # the chip shown
