"""Statements from macOS ("ä" as "a" + U+0308, NFD) give the same keywords, labels and
quotes as the same statements written composed: word patterns end a word at a
combining mark, so "Bänke" was counted as "nke" and a label began with "Sen" of "lösen"."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np

from widgets.coding_panel import CodingPanel
from workbench import Project
from workbench.analysis.labels import distinct, label_and_source
from workbench.analysis.needs import NeedParams, ctfidf_keywords, select_statements
from workbench.synthesis.indicators import import_indicators, indicators

STATEMENTS = [
    "Es fehlen Bänke am Spielplatz, die alten Bänke sind kaputt.",
    "Mehr Bänke für Ältere am Spielplatz.",
    "Öffnungszeiten der Bücherei verlängern.",
    "Die Bücherei braucht längere Öffnungszeiten für Schüler.",
]


def nfd(text: str) -> str:
    """As macOS writes it."""
    return unicodedata.normalize("NFD", text)


def test_keywords_of_decomposed_statements_are_whole_words() -> None:
    labels = np.array([0, 0, 1, 1])
    composed = ctfidf_keywords(STATEMENTS, labels)
    assert composed[0][0] == "bänke" and "öffnungszeiten" in composed[1]
    assert ctfidf_keywords([nfd(t) for t in STATEMENTS], labels) == composed


def test_a_label_from_decomposed_statements_is_the_composed_one() -> None:
    """Before: "Sen die Treffen" (the phrase began after the "ö" of "lösen")."""
    central = [
        "Am Wochenende gibt es Ärger im Park, wenn sich größere Gruppen junger Leute "
        "treffen. Polizei und Ordnungsamt lösen die Treffen auf, aber eine Alternative "
        "bietet niemand an.",
        "Die Jugendlichen brauchen einen Platz am Rhein.",
    ]
    keywords = ["treffen", "alternative"]
    expected = label_and_source(central, keywords, set())
    assert expected == ("Polizei und Ordnungsamt lösen die Treffen", 0)
    label, source = label_and_source([nfd(t) for t in central], keywords, set())
    assert (unicodedata.normalize("NFC", label), source) == expected


def test_the_same_card_from_a_mac_is_no_second_quote() -> None:
    texts = ["Mehr Bänke am Markt", nfd("Mehr Bänke am Markt"), "Licht im Park"]
    assert distinct([0, 1, 2], texts, 2) == [0, 2]


def test_the_coding_panel_finds_decomposed_statements(tmp_path: Path) -> None:
    """Typed "Bänke" in the search box found nothing in cards saved on a Mac."""
    cards = tmp_path / "karten.csv"
    rows = [f"K{i};Manfort;{text}" for i, text in enumerate(STATEMENTS, start=1)]
    cards.write_text(nfd("ID;Sozialraum;Text\n" + "\n".join(rows) + "\n"), encoding="utf-8")
    with Project.create(tmp_path / "p", districts=["Manfort"]) as project:
        project.import_files([cards])
        panel = CodingPanel(project, coder="Anna")
        panel.search.value = "bänke"
        assert len(panel.model.visible_) == 2
        panel.search.value = nfd("ÖFFNUNGSZEITEN")
        assert len(panel.model.visible_) == 2


def test_needs_question_pasted_from_a_mac_finds_its_answers(tmp_path: Path) -> None:
    """``workbench needs --question`` with the question pasted from a Mac's file: before,
    "Keine Aussage unter einer Leitfrage mit 'Was wünschen'" though the answers are there."""
    survey = tmp_path / "umfrage.csv"
    answers = [f"{i};Manfort;{text}" for i, text in enumerate(STATEMENTS, start=1)]
    header = "ID;Sozialraum;Was wünschen Sie sich für Ihren Stadtteil?\n"
    survey.write_text(header + "\n".join(answers) + "\n", encoding="utf-8")
    with Project.create(tmp_path / "p", districts=["Manfort"]) as project:
        project.import_files([survey])
        params = NeedParams(segments="all", question=nfd("was WÜNSCHEN"))
        chosen = select_statements(project, params, project.segments())
        assert len(chosen) == len(STATEMENTS)


INDICATORS = """district,indicator,year,value,unit,source
Gesamtstadt,Anteil über 65 Jahre,2019,21.8,%,Stadt Köln
Manfort,Anteil über 65 Jahre,2019,20.1,%,Stadt Köln
Manfort,Wohnfläche je Person,2019,38.5,m²,Stadt Köln
"""


def test_indicators_from_a_mac_update_those_from_windows(tmp_path: Path) -> None:
    """The indicator table saved again on a Mac: before, "Anteil über 65 Jahre" and
    "Wohnfläche je Person" were stored a second time beside the same values."""
    composed, decomposed = tmp_path / "a.csv", tmp_path / "b.csv"
    composed.write_text(INDICATORS, encoding="utf-8")
    decomposed.write_text(nfd(INDICATORS), encoding="utf-8")
    with Project.create(tmp_path / "p", districts=["Manfort"]) as project:
        import_indicators(project, decomposed)
        again = import_indicators(project, composed)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
        table = indicators(project)
    assert sorted(table["indicator"]) == sorted(
        ["Anteil über 65 Jahre", "Anteil über 65 Jahre", "Wohnfläche je Person"]
    )
