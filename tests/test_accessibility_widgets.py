"""Accessibility in the widgets, without a browser: contrast, labels, live lines, plain German.

The browser checks (axe-core, keyboard) are in ``tests/browser/test_accessibility.py``.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pandas as pd
import pytest

import workbench.core.colours
from tests.coding_panel_data import card_wall
from widgets.accessibility import (
    APP,
    HIDDEN_LABEL,
    LIVE,
    MIN_CONTRAST,
    AriaSupport,
    blend,
    contrast_ratio,
    readable_text,
    rgb,
)
from widgets.coding_panel import CodingPanel
from widgets.coding_panel_view import _text_colour
from widgets.feedback import ParticipantForm, easy_language_html, item_html
from widgets.profile_indicators_html import indicator_chart_text
from widgets.topic_map import (
    BY_NEED,
    PALETTE,
    STATEMENT_COLUMNS,
    TOPIC_COLUMNS,
    MapData,
    heatmap_html,
    map_text_html,
)
from workbench import Project
from workbench.core.colours import MIN_OUTLINE, outline
from workbench.participation.feedback import Answer, Ballot, Item

JARGON = ("Cluster", "Token", "pseudonym", "Item", "Sozialraum", "Member")


def test_doctests() -> None:
    assert doctest.testmod(workbench.core.colours).failed == 0


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast_ratio(rgb("#777777"), rgb("#ffffff")) < MIN_CONTRAST  # the old grey
    assert contrast_ratio(rgb("#666666"), rgb("#ffffff")) >= MIN_CONTRAST  # the new one
    assert blend((31, 78, 140), 0) == (255, 255, 255)
    assert blend((31, 78, 140), 1) == (31, 78, 140)


@pytest.mark.parametrize("colour", [*PALETTE, "#b08968", "#e9c46a", "#777777", "#1d3557"])
def test_text_on_any_code_colour_reads_at_aa_contrast(colour: str) -> None:
    text = _text_colour(colour)  # the coding panel's applied code buttons
    assert contrast_ratio(rgb(text), rgb(colour)) >= MIN_CONTRAST


def test_every_shade_has_text_at_aa_contrast() -> None:
    for step in range(101):
        shade = blend((31, 78, 140), step / 100)
        assert contrast_ratio(rgb(readable_text(shade)), shade) >= MIN_CONTRAST, step


def small_map() -> MapData:
    """Two topics in three districts, one district almost only about the first."""
    rows = []
    for district, first, second in (("Gesamtstadt", 3, 3), ("Manfort", 9, 1), ("Opladen", 1, 4)):
        for topic, n in (("0", first), ("1", second)):
            rows += [{"district": district, "topic": topic}] * n
    statements = pd.DataFrame(rows)
    n = len(statements)
    statements = statements.assign(
        segment_id=range(n),
        source_id=[f"K{i}" for i in range(n)],
        document="karten.csv",
        text="Aussage",
        topic_label="",
        probability=0.5,
        x=0.0,
        y=0.0,
        need=[1 if i % 2 else pd.NA for i in range(n)],
        need_label=["Treffpunkt" if i % 2 else pd.NA for i in range(n)],
    )[list(STATEMENT_COLUMNS)].astype(STATEMENT_COLUMNS)
    topics = pd.DataFrame(
        {"topic": ["0", "1"], "label": ["Treffpunkte", "Busse"], "keywords": [[], []]}
    ).assign(size=[13, 8])[list(TOPIC_COLUMNS)]
    return MapData(
        statements, topics.astype(TOPIC_COLUMNS), ("Gesamtstadt", "Manfort", "Opladen"), 1, 2
    )


def test_heatmap_numbers_read_on_their_shade() -> None:
    cells = re.findall(
        r"background: rgba\(31, 78, 140, ([\d.]+)\); color: (#[0-9a-f]{6})'>(\d+)<",
        heatmap_html(small_map()),
    )
    assert len(cells) == 6
    for alpha, colour, _ in cells:
        assert contrast_ratio(rgb(colour), blend((31, 78, 140), float(alpha))) >= MIN_CONTRAST
    assert {colour for _, colour, _ in cells} == {"#000000", "#ffffff"}  # light and dark shades


def test_the_map_and_the_indicator_chart_are_described_in_words() -> None:
    data = small_map()
    text = map_text_html(data)
    assert "21 Aussagen in 2 Themen" in text and "Themen: Treffpunkte (13)" in text
    by_need = map_text_html(data, BY_NEED)
    assert "Farbig sind die 10 Aussagen" in by_need and "Der Bedarf: Treffpunkt (10)" in by_need

    indicators = pd.DataFrame(
        {
            "indicator": ["SGB-II-Quote", "<b>Wohnfläche</b>", "Ohne Index"],
            "index": [127.5, 91.2, None],
        }
    )
    words = indicator_chart_text(indicators, "Manfort")
    assert "Über dem Wert der Gesamtstadt: SGB-II-Quote (128)." in words
    assert "Darunter: &lt;b&gt;Wohnfläche&lt;/b&gt; (91)." in words and "Ohne Index" not in words
    assert indicator_chart_text(indicators.iloc[2:], "Manfort") == ""  # no chart, no text


def ballot() -> Ballot:
    items = (
        Item(1, "need", "Lernräume", scope="übergreifend", quotes=("Mehr WLAN",)),
        Item(2, "need", "Busse", scope="sozialraumspezifisch", districts=("Manfort",)),
    )
    return Ballot(round_id=1, budget=10, items=items, answers={1: Answer(1, "agree")})


def test_the_participant_form_has_labels_live_lines_and_aria_support() -> None:
    form = ParticipantForm(ballot(), lambda answer: answer)
    assert APP in form.widget._dom_classes
    assert any(isinstance(child, AriaSupport) for child in form.widget.children)
    assert LIVE in form.budget_label._dom_classes
    for card in form.cards:
        assert LIVE in card.status._dom_classes and LIVE in card.points_label._dom_classes
        assert (
            card.rating.description == "Trifft das zu?" and HIDDEN_LABEL in card.rating._dom_classes
        )
        assert card.comment.description == "Ihr Kommentar (freiwillig)"
        assert (card.plus.tooltip, card.minus.tooltip) == (
            "einen Punkt mehr",
            "einen Punkt weniger",
        )


def sentences(html: str) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", html)
    return [s.strip() for s in re.split(r"(?<=[.?!:])\s+", text) if s.strip()]


@pytest.mark.parametrize("drafts", [False, True])
def test_the_easy_language_block_uses_short_sentences_without_jargon(drafts: bool) -> None:
    html = easy_language_html(10, drafts)
    assert "<h2" in html and "In Einfacher Sprache" in html and "10 Punkte" in html
    for sentence in sentences(html):
        assert len(sentence.split()) <= 14, sentence
    for word in JARGON:
        assert word.lower() not in html.lower(), word


def test_the_form_speaks_plain_german_to_residents() -> None:
    form = ParticipantForm(ballot(), lambda answer: answer)
    texts = [c.value for c in form.widget.children if hasattr(c, "value")]
    shown = " ".join(texts) + " ".join(item_html(i) for i in ballot().items)
    assert "in mehreren Stadtteilen genannt" in shown and "in einem Stadtteil genannt" in shown
    assert "sozialraumspezifisch" not in shown and "Cluster" not in shown
    assert "Wie wichtig ist Ihnen das?" in form.cards[0].widget.children[2].children[0].value


@pytest.mark.parametrize("colour", ["#ffff00", "#ffffff", "#e9c46a", "#f0f0f0", "#90ee90"])
def test_a_light_code_colour_still_outlines_its_button(colour: str, tmp_path: Path) -> None:
    """The coding panel's code buttons are white until applied, edged in the code's
    colour: a yellow or white code (as an import may bring) left the button without a
    visible edge (1.07:1, 1:1); WCAG 1.4.11 asks 3:1. Dark colours stay as they are."""
    project = Project.open(card_wall(tmp_path))
    project.add_code("Licht", colour=colour)
    button = CodingPanel(project, coder="Ana").code_buttons["Licht"]
    edge = button.layout.border.removeprefix("2px solid ")
    assert contrast_ratio(rgb(edge), rgb("#ffffff")) >= MIN_OUTLINE
    assert sum(rgb(edge)) < sum(rgb(colour))  # the code's colour, darker
    button.click()  # applied: filled in the code's own colour, text readable on it
    assert button.style.button_color == colour
    assert contrast_ratio(rgb(button.style.text_color), rgb(colour)) >= MIN_CONTRAST


@pytest.mark.parametrize("colour", [*PALETTE, "#1d3557", "#2a9d8f"])
def test_a_code_colour_that_stands_out_is_its_own_outline(colour: str) -> None:
    if contrast_ratio(rgb(colour), rgb("#ffffff")) >= MIN_OUTLINE:
        assert outline(colour) == colour.lower()
    else:  # a light one of the palette: darkened just enough
        assert 3.0 <= contrast_ratio(rgb(outline(colour)), rgb("#ffffff")) < 3.2
