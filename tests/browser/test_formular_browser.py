"""The kernel-less participation form in chromium: WCAG 2.1 A/AA (axe-core), a German
page with a heading order, and every answer given with the keyboard alone.

The form (``widgets/formular.py``) runs as ``python -m widgets.formular`` over the demo
project; the same handlers serve it inside ``make demo``'s Voilà (tests/test_formular.py).
Its Content-Security-Policy forbids foreign scripts, so the axe checks run in a browser
context that bypasses the CSP (axe is injected, the page itself has no script).
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import stop
from tests.browser.test_accessibility import assert_page_basics
from tests.browser.test_bedarfe_bewerten import ensure_need_run
from tests.conftest import ROOT
from tests.formular_http import announced_port
from workbench import Project
from workbench.participation import feedback

pytestmark = pytest.mark.browser
START_TIMEOUT = 120  # seconds
# What has the focus: tag, type, its label, on the screen, with a visible focus ring.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const label = el.labels && el.labels.length ? el.labels[0].textContent.trim() : "";
  return {
    tag: el.tagName.toLowerCase(), type: el.type || "", name: el.name || "", label,
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    visible: box.width > 0 && box.height > 0 && box.bottom > 0 &&
      box.top < window.innerHeight,
  };
}"""


@pytest.fixture(scope="module")
def form_server(tmp_path_factory: pytest.TempPathFactory, browser_project: Path) -> Iterator[str]:
    """The standalone form server over the demo project (with a need run): its base URL."""
    ensure_need_run(browser_project)
    log = tmp_path_factory.mktemp("formular") / "formular.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "widgets.formular", "--project", str(browser_project),
             "--port", "0"],  # a free one, said in the log
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{announced_port(log, process, START_TIMEOUT)}"
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                urllib.request.urlopen(f"{base}/beteiligung/formular.css", timeout=2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"Formular-Server startet nicht:\n{log.read_text()[-2000:]}")
                time.sleep(0.3)
        yield base
    finally:
        stop(process)


def token_for(project_dir: Path) -> str:
    """A fresh token for Manfort's participants."""
    with Project.open(project_dir) as project:
        return feedback.issue_tokens(project, 1, district="Manfort")[0]


def ballot(project_dir: Path, token: str) -> feedback.Ballot:
    """What the token has stored now."""
    with Project.open(project_dir) as project:
        return feedback.open_ballot(project, token)


def test_the_form_and_its_saved_page_pass_axe(
    browser: Browser, form_server: str, browser_project: Path
) -> None:
    token = token_for(browser_project)
    context = browser.new_context(bypass_csp=True)  # to inject axe-core; the page has no script
    try:
        page = context.new_page()
        page.goto(feedback.form_url(form_server, token))
        expect(page.locator("form button[type=submit]")).to_be_visible()
        assert page.locator("fieldset.punkt").count() == len(ballot(browser_project, token).items)
        assert_page_basics(page, "Beteiligungsformular")
        points = page.locator("input[type=number]")
        points.nth(0).fill("6")  # each within the field's range, together over the budget
        points.nth(1).fill("6")
        page.get_by_role("button", name="Antworten speichern").click()
        expect(page.get_by_role("alert")).to_contain_text("Bitte prüfen Sie Ihre Eingaben")
        assert_page_basics(page, "Beteiligungsformular mit Fehlermeldung")
        assert ballot(browser_project, token).answers == {}
        points.nth(1).fill("2")
        page.get_by_role("button", name="Antworten speichern").click()
        expect(page.get_by_role("status")).to_have_text("Ihre Antworten sind gespeichert.")
        assert_page_basics(page, "Beteiligungsformular nach dem Speichern")
    finally:
        context.close()


def walk_to(page: Page, wanted: dict[str, str], limit: int = 60) -> dict:
    """Press Tab until the focused element matches ``wanted``; every stop visible, ringed."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused is not None, "Der Fokus verlässt die Seite"
        assert focused["visible"] and focused["ring"], f"Fokus nicht sichtbar: {focused}"
        if all(focused.get(k) == v for k, v in wanted.items()):
            return focused
    pytest.fail(f"Mit Tab nicht erreichbar: {wanted}")


def test_answering_with_the_keyboard_only(
    page: Page, form_server: str, browser_project: Path
) -> None:
    token = token_for(browser_project)
    first = ballot(browser_project, token).items[0].item_id
    page.set_viewport_size({"width": 1000, "height": 800})
    page.goto(feedback.form_url(form_server, token))
    expect(page.locator("form")).to_be_visible()
    # The rating: Tab reaches the group's checked choice ("keine Angabe"), the arrow keys
    # move the choice within the group.
    focused = walk_to(page, {"type": "radio", "name": f"bewertung-{first}"})
    for _ in range(4):
        if focused["label"] == "trifft nicht zu":
            break
        page.keyboard.press("ArrowRight")
        focused = page.evaluate(FOCUSED)
    assert focused["label"] == "trifft nicht zu"
    page.keyboard.press("ArrowLeft")  # "trifft zu"
    assert page.evaluate(FOCUSED)["label"] == "trifft zu"
    walk_to(page, {"type": "number", "name": f"punkte-{first}"})
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    walk_to(page, {"tag": "textarea", "name": f"kommentar-{first}"})
    page.keyboard.type("Am Abend fehlt ein offener Raum.")
    walk_to(page, {"tag": "button"}, limit=200)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Ihre Antworten sind gespeichert.")
    stored = ballot(browser_project, token).answers[first]
    assert (stored.rating, stored.points, stored.comment) == (
        "agree",
        3,
        "Am Abend fehlt ein offener Raum.",
    )
