"""The static Sozialraum site (``workbench publish``) in chromium, from ``file://``, offline.

Every request to http(s) is aborted (and recorded): the site must not need one. Each page
draws all its charts (plotly.js from the site's own ``assets/``), and the navigation
leads from page to page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from tests.synthesis_data import demo_copy
from workbench.synthesis.site import INDEX, MAP_FILE, publish

pytestmark = pytest.mark.browser

CHART_TIMEOUT = 60_000  # ms; a loaded 2-core machine needs a while for plotly.js


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the analysed demo study."""
    base = tmp_path_factory.mktemp("seite")
    with demo_copy(tmp_path_factory, base / "projekt") as project:
        return publish(project, base / "seite").folder


@pytest.fixture
def offline(page: Page) -> list[str]:
    """Abort every http(s) request of the page's context; the list of those tried."""
    tried: list[str] = []

    def abort(route: Route) -> None:
        tried.append(route.request.url)
        route.abort()

    page.context.route(re.compile(r"^https?://"), abort)
    return tried


def test_every_page_draws_its_charts_offline(page: Page, site: Path, offline: list[str]) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    pages = sorted(site.glob("*.html"))
    assert len(pages) >= 9
    for path in pages:
        page.goto(path.as_uri())
        expect(page.locator("html")).to_have_attribute("lang", "de")
        figures = page.locator("figure.wb-chart")
        n = figures.count()
        if n:
            last = page.locator("figure.wb-chart").nth(n - 1).locator(".main-svg").first
            expect(last).to_be_visible(timeout=CHART_TIMEOUT)
        # every chart drawn: plotly puts its SVG layers into each chart's element
        drawn = page.evaluate(
            "[...document.querySelectorAll('figure.wb-chart')]"
            ".filter((f) => f.querySelector('.js-plotly-plot .main-svg')).length"
        )
        assert drawn == n, path.name
    assert offline == []
    assert errors == []


def test_the_navigation_leads_through_the_site(
    page: Page, site: Path, offline: list[str], screenshots: Path
) -> None:
    page.goto((site / INDEX).as_uri())
    nav = page.get_by_role("navigation", name="Seiten der Sozialraumanalyse")
    nav.get_by_role("link", name="Manfort").click()
    expect(page.locator("h1")).to_have_text("Sozialraumprofil Manfort")
    expect(page.locator("figure.wb-chart .main-svg").first).to_be_visible(timeout=CHART_TIMEOUT)
    nav = page.get_by_role("navigation", name="Seiten der Sozialraumanalyse")
    nav.get_by_role("link", name="Themenlandkarte").click()
    assert page.url.endswith(MAP_FILE)
    chart = page.locator("#wb-chart-karte .main-svg").first
    expect(chart).to_be_visible(timeout=CHART_TIMEOUT)
    points = page.locator("#wb-chart-karte .scatterlayer .point")
    assert points.count() > 100  # the statements on the map
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.screenshot(path=str(screenshots / "sozialraum_seite.png"))
    assert offline == []


def test_the_start_page_map_leads_to_a_districts_page(
    page: Page, tmp_path: Path, offline: list[str], screenshots: Path
) -> None:
    """With boundaries imported the start page draws the districts; a click (or Enter on a
    focused area) opens the district's page, and the page passes axe with the map."""
    import json

    from tests.browser.test_accessibility import assert_accessible
    from workbench import Project
    from workbench.ingest.table import TableMapping
    from workbench.synthesis import geo

    with Project.create(tmp_path / "projekt", districts=["Manfort", "Opladen"]) as project:
        source = tmp_path / "karten.csv"
        source.write_text("Text\nEs fehlt ein Spielplatz\n", encoding="utf-8")
        project.import_files([source], TableMapping(text_column="Text"), district="Opladen")
        square = [[0, 0], [0.02, 0], [0.02, 0.02], [0, 0.02], [0, 0]]
        features = [
            {"type": "Feature", "properties": {"name": n}, "geometry": {
                "type": "Polygon", "coordinates": [[[7 + x + dx, 51 + y] for x, y in square]]}}
            for n, dx in (("Manfort", 0.0), ("Opladen", 0.02))
        ]  # fmt: skip
        grenzen = tmp_path / "grenzen.geojson"
        grenzen.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
        geo.import_boundaries(project, [grenzen], name_property="name")
        site = publish(project, tmp_path / "seite").folder
    page.goto((site / INDEX).as_uri())
    drawing = page.get_by_role("group", name=re.compile("Karte: Anteil jedes Sozialraums"))
    expect(drawing).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.screenshot(path=str(screenshots / "sozialraum_seite_karte.png"), full_page=True)
    assert_accessible(page, "Startseite mit Karte")
    drawing.get_by_role("link", name="Opladen: 100,0 %").click()
    expect(page.locator("h1")).to_have_text("Sozialraumprofil Opladen")
    page.go_back()
    page.locator("a.wb-map-link").first.focus()
    ring = page.evaluate(  # the focused area is marked: a ring inside the drawing
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth), parseFloat(s.outlineOffset)]; })()"
    )
    assert ring[0] == "solid" and ring[1] >= 2 and ring[2] < 0, ring
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Sozialraumprofil Manfort")
    assert offline == []


PHONE_NARROW = {"width": 320, "height": 700}  # the narrowest phone WCAG 1.4.10 names
# What a phone reader meets: the page's own width, and each table that does not fit.
WIDE_TABLES = """() => ({
  page: document.documentElement.clientWidth,
  scrolls: document.documentElement.scrollWidth,
  tables: [...document.querySelectorAll("table")]
    .filter((t) => t.scrollWidth > document.documentElement.clientWidth)
    .map((t) => {
      const box = t.closest("[role=region]");
      return {
        head: t.querySelector("th").textContent,
        label: box ? box.getAttribute("aria-label") : "",
        tabindex: box ? box.getAttribute("tabindex") : null,
        boxScrolls: box ? box.scrollWidth > box.clientWidth : false,
      };
    }),
})"""


def test_wide_tables_scroll_in_their_own_named_box_on_a_phone(
    page: Page, site: Path, tmp_path: Path, offline: list[str]
) -> None:
    """At 320 px the indicator table (900 px), the needs by district and the topic heatmap
    pushed every page to three times its width: a phone zooms such a page out until the
    text is unreadable, and its header no longer fits. Each wide table now scrolls in a
    box of its own that a keyboard reaches and scrolls; the text keeps the phone's width.
    The team's HTML report does the same."""
    from workbench import Project
    from workbench.synthesis.reports import write_report

    team = tmp_path / "bericht-team.html"
    with Project.open(next(site.parent.glob("projekt"))) as project:
        write_report(project, team, "html")
    page.set_viewport_size(PHONE_NARROW)
    seen = 0
    for path in [*sorted(site.glob("*.html")), team]:
        page.goto(path.as_uri())
        page.evaluate("() => document.querySelectorAll('details').forEach((d) => (d.open = true))")
        found = page.evaluate(WIDE_TABLES)
        assert found["scrolls"] <= found["page"], (path.name, found["scrolls"])
        for table in found["tables"]:
            assert table["label"].startswith(("Tabelle: ", "Daten: ", "Zahlen der Karte: ")), (
                path.name,
                table,
            )
            assert table["tabindex"] == "0" and table["boxScrolls"], (path.name, table)
        seen += len(found["tables"])
    assert seen > 10
    page.goto((site / INDEX).as_uri())  # the keyboard scrolls a table's box
    box = page.get_by_role("region", name=re.compile(r"^Tabelle: Indikator, Jahr"))
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("(b) => b.scrollLeft > 0", arg=box.element_handle(), timeout=5_000)
