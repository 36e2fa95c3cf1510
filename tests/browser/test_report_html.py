"""The HTML report opens in a real browser with its charts drawn (offline plotly.js)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbench import Project
from workbench.demo import analyse_demo
from workbench.synthesis.reports import write_report

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
