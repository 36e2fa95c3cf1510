"""The apps on a phone: 360 px wide, nothing cut off, no text to scroll sideways (WCAG 1.4.10).

Participants open their rating link on a phone, and the profile is sent as a
``?district=`` link. At 360 CSS px (a common phone, and what a 1440 px window at 400 %
zoom leaves) every label, button and paragraph must stay inside the page and show its
whole text; only a wide table or chart may scroll sideways, inside its own box.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import VoilaServer
from tests.browser.test_accessibility import open_app, token_for
from tests.browser.test_bedarfe_bewerten import ensure_need_run

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 800}
# Elements that stick out of the page or cut their own text ("Trifft da…"), except those
# inside a table or a chart (they scroll in their own box) and labels only a screen
# reader reads (clipped to 1 px on purpose).
CUT_OFF = """(root) => {
  const page = document.documentElement.clientWidth;
  const scrolls = (el) => el.closest("table, .js-plotly-plot, .sw-label-hidden");
  const name = (el) => el.tagName.toLowerCase() + " " + String(el.className).slice(0, 60) +
    " „" + (el.textContent || "").trim().slice(0, 40) + "“";
  const found = [];
  for (const el of document.querySelector(root).querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || scrolls(el)) continue;
    if (box.right > page + 1) found.push("ragt hinaus: " + name(el));
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (ownText && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
      found.push("abgeschnitten: " + name(el));
  }
  return found;
}"""


def cut_off(page: Page, root: str) -> list[str]:
    """What in ``root`` sticks out of a phone-wide page or cuts its text."""
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(500)  # the widgets lay out again
    return page.evaluate(CUT_OFF, root)


def test_the_rating_app_fits_a_phone(page: Page, voila: VoilaServer) -> None:
    ensure_need_run(voila.project_dir)
    token, _ = token_for(voila)
    open_app(page, voila.url("bedarfe_bewerten.ipynb", token=token), ".sw-item")
    assert cut_off(page, ".sw-feedback") == []


@pytest.mark.parametrize(
    ("notebook", "params", "root"),
    [
        ("sozialraumprofil.ipynb", {"district": "Manfort"}, ".sw-profile"),
        ("sozialraumprofil.ipynb", {}, ".sw-profile"),
        ("themenlandkarte.ipynb", {}, ".sw-topic-map"),
    ],
    ids=["profil-manfort", "profil-gesamtstadt", "themenlandkarte"],
)
def test_the_stakeholder_apps_fit_a_phone(
    page: Page, voila: VoilaServer, notebook: str, params: dict[str, str], root: str
) -> None:
    open_app(page, voila.url(notebook, **params), root)
    assert cut_off(page, root) == []


def test_the_coding_app_shows_whole_code_names_on_a_phone(page: Page, voila: VoilaServer) -> None:
    """A co-researcher coding on a phone reads each code's whole name on its button
    ("i · Quartiersmanagement un…" was cut), and the code buttons, suggestions and the new
    code form take the page's width below the list instead of 62 % of it."""
    open_app(page, voila.url("kodieren.ipynb", coder="Handy"), ".sw-code")
    # the statements' list is a native listbox: its options cannot wrap (the statement
    # chosen is shown in full above the codes)
    found = [f for f in cut_off(page, ".sw-panel") if not f.startswith("abgeschnitten: option")]
    assert found == []
    codes = page.locator(".sw-codes").bounding_box()
    assert codes is not None and codes["width"] > 0.8 * PHONE["width"]
