"""Shared by the coding-panel tests: a coder's codings, a code's button, a card wall
without codebook and the form for new codes."""

from __future__ import annotations

import html
from pathlib import Path

from widgets.coding_panel import CodingPanel
from workbench import Project


def codings_of(project: Project, coder: str) -> set[tuple[int, str]]:
    """(segment ID, code) of every coding the coder made."""
    table = project.codings()
    table = table[table["coder"] == coder]
    return set(zip(table["segment_id"].astype(int), table["code"], strict=True))


def button(panel: CodingPanel, path: str):
    """The panel's button for a code."""
    return panel.code_buttons[path]


CARDS = (
    "ID;Sozialraum;Leitfrage;Text\n"
    "K1;Manfort;Ressourcen und Möglichkeiten;Das Bürgerhaus ist abends offen\n"
    "K2;Manfort;Ressourcen und Möglichkeiten;Im Park fehlt ein Treffpunkt für Jugendliche\n"
    "K3;Manfort;Herausforderungen;Der Bus fährt nach 20 Uhr nicht mehr\n"
)


def card_wall(folder: Path, cards: str = CARDS) -> Path:
    """A fresh card-wall import (``ID;Sozialraum;Leitfrage;Text``, all in Manfort) without
    any codebook; the project's folder."""
    from workbench.ingest.table import TableMapping

    folder.mkdir(parents=True, exist_ok=True)
    table = folder / "karten.csv"
    table.write_text(cards, encoding="utf-8")
    with Project.create(folder / "projekt", districts=["Manfort"]) as fresh:
        fresh.import_files(
            [table],
            mapping=TableMapping(
                text_column="Text",
                id_column="ID",
                district_column="Sozialraum",
                question_column="Leitfrage",
            ),
            workshop="Kartenwand",
        )
    return folder / "projekt"


def said(widget: object) -> str:
    """The text of a message widget (HTML-escaped in its value)."""
    return html.unescape(widget.value)


def create(panel: CodingPanel, name: str, parent: str = "", description: str = "") -> None:
    """Fill in the new code form and click its button."""
    panel.new_code_name.value = name
    panel.new_code_parent.value = parent
    panel.new_code_description.value = description
    panel.new_code_button.click()
