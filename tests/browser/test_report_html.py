"""The HTML report opens in a real browser with its charts drawn (offline plotly.js), and
passes axe-core's WCAG 2.1 A/AA rules with every data table shown (BITV 2.0): German page
language, headings in order, charts as named images with nothing focusable inside."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.browser.test_accessibility import assert_page_basics
from tests.test_report_accessibility import WHEN, small_report
from workbench import Project
from workbench.demo import analyse_demo
from workbench.synthesis.reports import render_html, write_report

pytestmark = pytest.mark.browser


def test_html_report_shows_its_charts(
    page, embedded_demo_dir: Path, tmp_path: Path, screenshots: Path
) -> None:
    folder = tmp_path / "demo"
    shutil.copytree(embedded_demo_dir, folder)
    out = tmp_path / "bericht.html"
    with Project.open(folder) as project:
        analyse_demo(project, progress=False)
        write_report(project, out, "html")
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(out.as_uri())
    charts = page.locator(".wb-chart .main-svg")
    charts.first.wait_for(state="visible", timeout=30_000)
    figures = page.locator("figure.wb-chart")
    assert figures.count() >= 3
    drawn = page.locator(".wb-chart .main-svg").count()
    assert drawn >= figures.count()  # every chart has its SVG
    box = charts.first.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 100
    assert page.get_by_role("heading", name="Steinbüchel").count() >= 1
    assert not errors
    page.screenshot(path=str(screenshots / "bericht.png"), full_page=False)
    open_every_table(page)
    assert_page_basics(page, "Gesamtbericht (HTML)")


# Elements a keyboard reaches (or a script could focus) inside the charts.
FOCUSABLE_IN_CHARTS = """() => [...document.querySelectorAll('figure.wb-chart [role="img"] *')]
  .filter((e) => e.matches('a[href], button, input, select, textarea, [tabindex]'))
  .map((e) => e.outerHTML.slice(0, 80))"""


def open_every_table(page) -> None:
    """Open each "Daten" and "Zahlen der Karte" box, so that axe checks the tables too."""
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => (d.open = true))")


def test_html_report_passes_axe_with_charts_as_named_images(page, tmp_path: Path) -> None:
    out = tmp_path / "bericht.html"
    out.write_bytes(render_html(small_report(), WHEN))
    page.goto(out.as_uri())
    page.locator(".wb-chart .main-svg").first.wait_for(state="visible", timeout=30_000)
    drawn = page.locator("figure.wb-chart").filter(has=page.locator(".main-svg"))
    assert drawn.count() == 2  # both charts drawn
    chart = page.get_by_role(
        "img", name="Diagramm: Aussagen je Sozialraum. Die Zahlen stehen in der Tabelle „Daten“."
    )
    assert chart.count() == 1 and chart.locator(".main-svg").count() >= 1
    assert page.get_by_role("img", name="Schematische Karte: SGB-II-Quote", exact=False).count()
    assert page.evaluate(FOCUSABLE_IN_CHARTS) == []  # no mode bar in the keyboard's way
    assert page.title() == "Sozialbericht Teststadt"
    open_every_table(page)
    assert page.get_by_role("rowheader", name="1: Treffpunkte").count() == 1
    assert_page_basics(page, "Bericht (HTML)")
