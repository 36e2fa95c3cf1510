"""The stakeholders' app ``voila_apps/themenlandkarte.ipynb`` in Voilà, driven in chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import WIDGET_TIMEOUT, VoilaServer
from widgets.topic_map import NO_NEED, MapData, map_data, topic_name
from workbench import Project

pytestmark = pytest.mark.browser

APP = "themenlandkarte.ipynb"
SCRIPT_CARD = '<script>alert("x")</script> Bitte mehr Angebote für Jugendliche'  # MF-K28


def open_app(page: Page, voila: VoilaServer) -> None:
    """Open the app and wait until the map is drawn."""
    page.goto(voila.url(APP))
    expect(page.locator(".sw-map .js-plotly-plot")).to_be_visible(timeout=WIDGET_TIMEOUT)


def expected(voila: VoilaServer) -> MapData:
    """What the app reads (the project's latest runs)."""
    with Project.open(voila.project_dir) as project:
        return map_data(project)


def option(data: MapData, topic: str) -> str:
    """The topic's entry in the list, as the app labels it."""
    row = data.topics[data.topics["topic"] == topic].iloc[0]
    return f"{topic_name(row['label'])} ({int(row['size'])})"


def test_map_and_heatmap_render_and_a_topic_shows_its_quotes(
    page: Page, voila: VoilaServer, screenshots: Path
) -> None:
    data = expected(voila)
    open_app(page, voila)
    expect(page.locator(".sw-map .scatterlayer .point")).to_have_count(len(data.statements))
    heatmap = page.locator(".sw-heatmap table")
    expect(heatmap).to_be_visible()
    expect(heatmap.locator("tbody tr")).to_have_count(len(data.topics))
    expect(heatmap.locator("thead th")).to_have_count(len(data.districts) + 1)
    manfort = data.statements[data.statements["district"] == "Manfort"]
    n = int((manfort["topic"] == data.topics["topic"].iloc[0]).sum())
    column = 1 + data.districts.index("Manfort")
    expect(heatmap.locator("tbody tr").first.locator("td").nth(column)).to_have_text(str(n))
    first, second = data.topics["topic"].iloc[:2]
    names = dict(zip(data.topics["topic"], data.topics["label"], strict=True))
    quotes = page.locator(".sw-topic-quotes")
    expect(quotes.locator(".sw-topic-title")).to_have_text(topic_name(names[first]))

    page.locator(".sw-topic-list select").select_option(option(data, second))
    expect(quotes.locator(".sw-topic-title")).to_have_text(topic_name(names[second]))
    own = data.statements[data.statements["topic"] == second]
    best = own.sort_values(["probability", "segment_id"], ascending=[False, True]).iloc[0]
    expect(quotes.locator(".sw-quote").first).to_contain_text(best["text"])
    expect(quotes.locator(".sw-quote")).to_have_count(min(len(own), 40))

    page.locator(".sw-colour button", has_text="Bedarfe").click()
    expect(page.locator(".sw-map .legendtext").first).to_have_text(NO_NEED)
    page.locator(".sw-colour button", has_text="Themen").click()
    legend = topic_name(names[first], limit=40)  # by name, no number (a long one cut)
    expect(page.locator(".sw-map .legendtext").first).to_have_text(legend)
    expect(page.locator(".sw-map .legendtext")).to_have_count(len(data.topics))
    page.set_viewport_size({"width": 1280, "height": 1000})  # Voilà scrolls inside the page
    page.screenshot(path=str(screenshots / "themenlandkarte.png"))
    assert "Traceback" not in page.content()
    assert "Bedarfscluster" not in page.inner_text("body")  # for everyone: "Bedarf"


def test_the_script_statement_renders_as_text(page: Page, voila: VoilaServer) -> None:
    data = expected(voila)
    card = data.statements[data.statements["source_id"] == "MF-K28"].iloc[0]
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_app(page, voila)
    page.locator(".sw-topic-list select").select_option(option(data, card["topic"]))
    page.locator(".sw-quote-district select").select_option("Manfort")
    quote = page.locator(".sw-topic-quotes .sw-quote-text", has_text="Bitte mehr Angebote für Jug")
    expect(quote).to_have_text(SCRIPT_CARD)
    expect(quote).to_be_visible()
    assert page.locator(".sw-topic-map script").count() == 0
    assert dialogs == []
    assert "topic_map_app" not in page.content()  # no code shown to stakeholders
    assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0


def test_more_quotes_keep_the_reader_where_the_new_quotes_begin(
    page: Page, voila: VoilaServer
) -> None:
    """ "Weitere 40 Aussagen zeigen" drew the list anew: its box jumped back to the first
    quote and the focus stayed on the button below. Now the first new quote has the focus,
    at the top of its box (or, near the end, as far up as the box scrolls), for keyboard
    and screen-reader users alike."""
    data = expected(voila)
    assert 80 < int(data.topics["size"].iloc[0]) < 120  # the first topic, chosen at the start
    open_app(page, voila)
    scroller = page.locator(".sw-topic-quotes .sw-quote-scroll")
    quotes = scroller.locator(".sw-quote")
    expect(quotes).to_have_count(40)
    more = page.locator(".sw-more-quotes")
    where = (
        "(li) => { const box = li.closest('.sw-quote-scroll');"
        " const r = li.getBoundingClientRect(), b = box.getBoundingClientRect();"
        " return [r.top - b.top, b.bottom - r.bottom,"
        " box.scrollTop, box.scrollHeight - box.clientHeight]; }"
    )
    for first in (40, 80):
        more.focus()
        page.keyboard.press("Enter")
        expect(quotes.nth(first)).to_be_focused(timeout=WIDGET_TIMEOUT)
        top, below, scrolled, most = quotes.nth(first).evaluate(where)
        assert scrolled > 0 and top >= -1 and below >= -1  # shown inside the box
        assert abs(top) < 2 or abs(scrolled - most) < 2  # at the top, or scrolled to the end
    expect(more).to_be_hidden()  # all 89 shown: the focus is not lost with the button
    expect(quotes.nth(80)).to_be_focused()
