"""Right-to-left statements in chromium: each quote reads in its own direction.

A statement in Arabic (or one with a stray right-to-left override, U+202E, as text pasted
from a messenger may carry) stood in the left-to-right line of its list item: the "!" at
its end showed at its start, and an override turned the source after it around
("(a.csv, Aussage 5 …)" drawn backwards). The HTML of the apps (profile quotes, a topic's
quotes, the rating card, the kernel-less form, the coding panel) and of the site's topic
map is rendered as it is and measured where chromium draws the characters.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page

from tests.coding_panel_data import card_wall
from widgets.coding_panel import CodingPanel
from widgets.feedback import item_html
from widgets.formular_page import form_page
from widgets.profile_view_html import quotes_html
from widgets.topic_map import ALL, STATEMENT_COLUMNS, TOPIC_COLUMNS, topic_quotes_html
from workbench import Project
from workbench.analysis.topic_map import MapData
from workbench.participation.ballots import Ballot
from workbench.participation.feedback import Item
from workbench.synthesis.site.topic_map import topic_html

pytestmark = pytest.mark.browser

ARABIC = "نحتاج إلى حضانة!"  # "We need childcare!"; the "!" ends it, on its left
OVERRIDE = "Der Bus fährt selten \u202e"  # an override nobody closed


def _map_data() -> MapData:
    rows = [
        (i + 1, str(i + 4), "Manfort", "a.csv", text, "0", "Kita", 1.0 - i / 10, 0.0, 0.0)
        for i, text in enumerate((ARABIC, OVERRIDE))
    ]
    statements = pd.DataFrame(
        [(*r, pd.NA, pd.NA) for r in rows], columns=list(STATEMENT_COLUMNS)
    ).astype(STATEMENT_COLUMNS)
    topics = pd.DataFrame([("0", "Kita", ["kita"], 2)], columns=list(TOPIC_COLUMNS))
    return MapData(statements, topics.astype(TOPIC_COLUMNS), ("Manfort",), topic_run=1)


def _end_mark_x(page: Page) -> tuple[float, float]:
    """x of the Arabic statement's first letter and of its "!" as chromium draws them."""
    return page.evaluate(
        """(text) => {
          const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let node;
          while ((node = walk.nextNode()) && !node.textContent.includes(text)) {}
          const at = node.textContent.indexOf(text), range = document.createRange();
          const x = (i) => { range.setStart(node, i); range.setEnd(node, i + 1);
                             return range.getBoundingClientRect().x; };
          return [x(at), x(at + text.length - 1)];
        }""",
        ARABIC,
    )


def _source_runs_left_to_right(page: Page) -> bool:
    """Whether the source after the override statement ("… Aussage 5 …") reads forwards."""
    return page.evaluate(
        """() => {
          const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let node;
          while ((node = walk.nextNode()) && !node.textContent.includes('Aussage 5')) {}
          const t = node.textContent, range = document.createRange();
          const x = (i) => { range.setStart(node, i); range.setEnd(node, i + 1);
                             return range.getBoundingClientRect().x; };
          return x(t.indexOf('Aussage')) < x(t.indexOf('Aussage') + 6);
        }"""
    )


def _show(page: Page, body: str) -> None:
    page.set_content(f"<html lang='de'><body style='width:760px'>{body}</body></html>")


def test_quotes_of_the_apps_and_the_site_read_in_their_own_direction(
    page: Page, tmp_path: Path
) -> None:
    data = _map_data()
    item = Item(1, "need", "Kita", scope="sozialraumspezifisch", districts=("Manfort",),
                quotes=(ARABIC,))  # fmt: skip
    listed = quotes_html([(ARABIC, "a.csv", "4", None), (OVERRIDE, "a.csv", "5", None)], 5)
    sourced = {  # pages where a source follows the quote on its line
        "Profil": listed,
        "Themenlandkarte (App)": topic_quotes_html(data, "0", ALL, 40, 3),
    }
    pages = {
        **sourced,
        "Bewertungskarte": item_html(item),
        "Formular": form_page(Ballot(1, 5, (item,)), "code"),
        "Themenlandkarte (Seite)": topic_html(data, "0", "Kita", ["kita"], 2),
    }
    for name, body in pages.items():
        _show(page, body)
        first, mark = _end_mark_x(page)
        assert mark < first, name  # the "!" at the sentence's end, on the left
    for name, body in sourced.items():
        _show(page, body)
        assert _source_runs_left_to_right(page), name


def test_the_coding_panel_shows_a_right_to_left_statement_in_its_direction(
    page: Page, tmp_path: Path
) -> None:
    cards = f"ID;Sozialraum;Leitfrage;Text\nK1;Manfort;Bedarfe;{ARABIC}\nK2;Manfort;Bedarfe;Kita\n"
    with Project.open(card_wall(tmp_path / "karten", cards)) as project:
        panel = CodingPanel(project, coder="Anna")
        current = panel.context.value
        panel.key_catcher.press("j")  # the Arabic statement is now the neighbour before
        neighbour = panel.context.value
    for body in (current, neighbour):
        _show(page, body)
        first, mark = _end_mark_x(page)
        assert mark < first
