"""Accessibility (WCAG 2.1 AA, BITV 2.0): the four Voilà apps and the published site.

axe-core runs in chromium on every page with the rules of WCAG 2.0 and 2.1, levels A
and AA; one violation fails the test with a list of rule, impact and elements. axe-core
comes from the npm registry at the version pinned in ``tests/browser/axe/`` (``make
axe`` installs it into ``build/node``); without it the tests fail in CI and are skipped
elsewhere. Beyond axe, each app is checked for ``lang="de"``, a heading order without
gaps, text beside every chart and map, and status lines a screen reader announces.

The keyboard walk-throughs use only ``page.keyboard``: answering an item in
``bedarfe_bewerten`` (rating, points, comment, save) and coding in ``kodieren`` (a
filter, a code, next and previous). Every element the Tab key reaches on the way must be
on the screen and carry a visible focus ring.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import WIDGET_TIMEOUT, VoilaServer
from tests.browser.test_bedarfe_bewerten import answers, ensure_need_run
from tests.conftest import ROOT, need
from workbench import Project
from workbench.participation import feedback

pytestmark = pytest.mark.browser

AXE = ROOT / "build" / "node" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
RUN_AXE = """async (tags) => {
  const result = await window.axe.run(document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],
  });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
  }));
}"""
HEADINGS = """() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
  .filter((h) => h.getClientRects().length > 0)
  .map((h) => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)])"""
# What has the focus: its name, where it is, whether it is on the screen with a ring.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const label = el.labels && el.labels.length ? el.labels[0].textContent : "";
  const card = el.closest(".sw-item");
  return {
    tag: el.tagName.toLowerCase(),
    name: (el.getAttribute("aria-label") || label || el.textContent || "").trim(),
    classes: el.className + " " + (el.parentElement ? el.parentElement.className : ""),
    card: card ? card.className : "",
    app: el.closest(".sw-app") !== null,
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    visible: box.width > 0 && box.height > 0 && box.bottom > 0 &&
      box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth,
  };
}"""


# -- axe --------------------------------------------------------------------------------
def axe_violations(page: Page) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now."""
    need(AXE, "axe-core (`make axe`)")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, list(WCAG_TAGS))


def describe(violations: list[dict], limit: int = 8) -> str:
    """The violations as a readable list: rule, impact, help, elements."""
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} – {len(v['nodes'])} Element(e)")
        for node in v["nodes"][:limit]:
            summary = " ".join(node["summary"].split())
            lines.append(f"    {node['target']}: {summary[:240]}")
        if len(v["nodes"]) > limit:
            lines.append(f"    … und {len(v['nodes']) - limit} weitere")
    return "\n".join(lines)


def assert_accessible(page: Page, where: str) -> None:
    """No axe violation (WCAG 2.1 A/AA) on the page; else fail with the list."""
    violations = axe_violations(page)
    if violations:
        pytest.fail(f"{where}: {len(violations)} WCAG-Verstöße (axe-core)\n{describe(violations)}")


def assert_heading_order(page: Page, where: str) -> None:
    """One h1 first, and no heading more than one level below the one before it."""
    headings = page.evaluate(HEADINGS)
    assert headings and headings[0][0] == 1, f"{where}: beginnt nicht mit h1: {headings}"
    for (before, _), (level, text) in itertools.pairwise(headings):
        assert level <= before + 1, f"{where}: h{before} → h{level} („{text}“)"


def assert_page_basics(page: Page, where: str) -> None:
    """German page language, heading order, no axe violation."""
    assert page.evaluate("document.documentElement.lang") == "de", where
    assert_heading_order(page, where)
    assert_accessible(page, where)


def open_app(page: Page, url: str, ready: str) -> None:
    """Open an app, wait for ``ready`` and for the ARIA support to have run."""
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(url, timeout=2 * WIDGET_TIMEOUT)  # the page loads while its kernel runs
    expect(page.locator(ready).first).to_be_visible(timeout=WIDGET_TIMEOUT)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.sw-app .sw-live')]"
        ".every((e) => e.getAttribute('role') === 'status')"
    )


# -- the four apps ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def ready(voila: VoilaServer) -> VoilaServer:
    """The session's server, its project with a need run (for bedarfe_bewerten)."""
    ensure_need_run(voila.project_dir)
    return voila


def token_for(server: VoilaServer, district: str = "Manfort") -> tuple[str, int]:
    """A fresh token for ``district`` and the id of the first item of its ballot."""
    with Project.open(server.project_dir) as project:
        [token] = feedback.issue_tokens(project, 1, district=district)
        return token, feedback.open_ballot(project, token).items[0].item_id


def test_sozialraumprofil_overview_and_district_pass_axe(page: Page, ready: VoilaServer) -> None:
    open_app(page, ready.url("sozialraumprofil.ipynb"), ".sw-matrix")
    assert_page_basics(page, "Sozialraumprofil, Gesamtstadt")
    expect(page.get_by_label("Sozialraum:")).to_have_value("Gesamtstadt (Überblick)")

    open_app(page, ready.url("sozialraumprofil.ipynb", district="Manfort"), ".sw-needs")
    chart = page.locator(".sw-indicator-chart .js-plotly-plot")
    expect(chart).to_be_visible(timeout=WIDGET_TIMEOUT)
    expect(chart).to_have_attribute("role", "figure")
    expect(chart).to_have_attribute(
        "aria-label",
        "Manfort im Verhältnis zur Gesamtstadt (= 100). Was es zeigt, steht im Text daneben.",
    )
    words = page.locator(".sw-indicators .sw-chart-text")  # the chart in words
    expect(words).to_contain_text("Über dem Wert der Gesamtstadt: ")
    expect(words).to_contain_text("SGB-II-Quote (")
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => (d.open = true))")
    assert_page_basics(page, "Sozialraumprofil Manfort, alles aufgeklappt")


def test_themenlandkarte_passes_axe_in_both_colourings(page: Page, ready: VoilaServer) -> None:
    open_app(page, ready.url("themenlandkarte.ipynb"), ".sw-map .js-plotly-plot")
    expect(page.get_by_label("Thema", exact=True)).to_be_visible()  # the list, named
    scroller = page.locator(".sw-topic-quotes .sw-quote-scroll")
    expect(scroller).to_have_attribute("tabindex", "0")  # scrolls with the keyboard
    expect(page.locator(".sw-map-text")).to_contain_text("Die Karte zeigt")
    expect(page.locator(".sw-colour [aria-pressed='true']")).to_have_text("Themen")
    assert_page_basics(page, "Themenlandkarte, nach Themen")

    page.locator(".sw-colour button", has_text="Bedarfe").click()
    expect(page.locator(".sw-colour [aria-pressed='true']")).to_have_text("Bedarfe")
    expect(page.locator(".sw-map-text")).to_contain_text("jeder Bedarf in seiner Farbe")
    expect(page.locator(".sw-map .js-plotly-plot")).to_have_attribute(  # once redrawn
        "aria-label",
        "Aussagen nach Bedarf. Was es zeigt, steht im Text daneben.",
        timeout=WIDGET_TIMEOUT,
    )
    assert_page_basics(page, "Themenlandkarte, nach Bedarfen")


def test_bedarfe_bewerten_passes_axe_and_announces_saving(page: Page, ready: VoilaServer) -> None:
    open_app(page, ready.url("bedarfe_bewerten.ipynb"), ".sw-message-error")  # no token
    assert_page_basics(page, "Bedarfe bewerten ohne Zugangscode")

    token, item = token_for(ready)
    open_app(page, ready.url("bedarfe_bewerten.ipynb", token=token), ".sw-feedback")
    easy = page.locator(".sw-easy")
    expect(easy.get_by_role("heading", name="In Einfacher Sprache")).to_be_visible()
    expect(easy).to_contain_text("Das nennen wir Bedarfe.")
    assert "Cluster" not in page.locator(".sw-feedback").inner_text()
    card = page.locator(f".sw-item-{item}")
    expect(card.get_by_role("group", name="Trifft das zu?")).to_be_visible()
    expect(card.get_by_label("Ihr Kommentar (freiwillig)")).to_be_visible()
    for live in (
        card.locator(".sw-status"),
        card.locator(".sw-points"),
        page.locator(".sw-budget"),
    ):
        expect(live).to_have_attribute("role", "status")
        expect(live).to_have_attribute("aria-live", "polite")
    expect(card.get_by_role("button", name="einen Punkt mehr")).to_be_visible()
    assert_page_basics(page, "Bedarfe bewerten")

    card.get_by_role("button", name="trifft zu", exact=True).click()
    expect(card.locator(".sw-status")).to_have_text("✓ gespeichert")
    expect(card.get_by_role("button", name="trifft zu", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    assert_accessible(page, "Bedarfe bewerten nach einer Antwort")


def test_kodieren_passes_axe_with_suggestions_and_a_new_code_form(
    page: Page, ready: VoilaServer
) -> None:
    open_app(page, ready.url("kodieren.ipynb", coder="A"), ".sw-panel .sw-code-0")
    assert_page_basics(page, "Kodieren als A")

    open_app(page, ready.url("kodieren.ipynb", coder="Barrierefrei"), ".sw-panel .sw-code-0")
    expect(page.locator(".sw-chip-accept").first).to_be_visible(timeout=WIDGET_TIMEOUT)
    page.locator(".sw-code-0").click()  # an applied code: filled in its colour
    expect(page.locator(".sw-code-0")).to_contain_text("✓")
    page.get_by_role("button", name="Code anlegen und zuordnen").click()  # an error message
    expect(page.locator(".sw-new-code-message")).to_contain_text("Der Codename ist leer")
    expect(page.locator(".sw-new-code-message")).to_have_attribute("role", "status")
    assert_page_basics(page, "Kodieren mit Vorschlägen")


# -- keyboard only -----------------------------------------------------------------------
def tab_to(page: Page, wanted: Callable[[dict], bool], limit: int = 80) -> list[dict]:
    """Press Tab until the focused element is ``wanted``; return every element reached.

    Each one must be on the screen; inside an app it must show the focus ring.
    """
    reached: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        reached.append(focused)
        assert focused["visible"], f"Fokus nicht sichtbar auf dem Bildschirm: {focused}"
        if focused["app"]:
            assert focused["ring"], f"kein sichtbarer Fokusrahmen: {focused}"
        if wanted(focused):
            return reached
    names = [f"{f['tag']} {f['name'][:30]}" for f in reached]
    raise AssertionError(f"Mit Tab nicht erreicht nach {limit} Schritten: {names}")


def focused(page: Page) -> dict:
    """The focused element (as ``FOCUSED`` describes it); fails if nothing is focused."""
    element = page.evaluate(FOCUSED)
    assert element is not None, "nichts fokussiert"
    return element


def test_answering_an_item_with_the_keyboard_only(page: Page, ready: VoilaServer) -> None:
    token, item = token_for(ready)
    card_class = f"sw-item-{item}"
    open_app(page, ready.url("bedarfe_bewerten.ipynb", token=token), f".{card_class}")
    card = page.locator(f".{card_class}")

    def in_card(name: str) -> Callable[[dict], bool]:
        return lambda f: card_class in f["card"].split() and f["name"] == name

    path = tab_to(page, in_card("trifft zu"))
    assert not any(f["tag"] == "textarea" for f in path), "Kommentar vor der Bewertung"
    page.keyboard.press("Space")
    expect(card.locator(".sw-status")).to_have_text("✓ gespeichert")
    expect(card.get_by_role("button", name="trifft zu", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )

    path = tab_to(page, in_card("einen Punkt mehr"), limit=4)  # "−" is off at 0 points
    assert [f["name"] for f in path] == ["trifft nicht zu", "weiß nicht", "einen Punkt mehr"]
    page.keyboard.press("Enter")
    expect(card.locator(".sw-points")).to_contain_text("1 Punkt")
    page.keyboard.press("Enter")
    expect(card.locator(".sw-points")).to_contain_text("2 Punkte")
    page.keyboard.press("Shift+Tab")  # back to "−", enabled now
    assert focused(page)["name"] == "einen Punkt weniger"
    page.keyboard.press("Enter")
    expect(card.locator(".sw-points")).to_contain_text("1 Punkt")
    expect(page.locator(".sw-budget")).to_have_text("Noch 9 von 10 Prioritätspunkten frei.")

    tab_to(page, lambda f: f["tag"] == "textarea" and card_class in f["card"].split(), limit=3)
    assert focused(page)["name"] == "Ihr Kommentar (freiwillig)"
    page.keyboard.type("Mit dem Rollstuhl kaum erreichbar.")
    tab_to(page, in_card("Kommentar speichern"), limit=2)
    page.keyboard.press("Enter")
    expect(card.locator(".sw-status")).to_have_text("✓ gespeichert")

    deadline = time.monotonic() + 10
    wanted = ("agree", 1, "Mit dem Rollstuhl kaum erreichbar.")
    while time.monotonic() < deadline and not any(
        a[1] == item and a[2:] == wanted for a in answers(ready.project_dir)
    ):
        time.sleep(0.2)
    assert any(a[1] == item and a[2:] == wanted for a in answers(ready.project_dir))


def test_each_need_to_rate_is_a_group_named_by_its_heading(page: Page, ready: VoilaServer) -> None:
    """A screen reader tabbing through the ballot heard "trifft zu", "einen Punkt mehr",
    "Ihr Kommentar (freiwillig)" for every need alike; each need's controls are now a
    group named by the need, announced when the focus enters it."""
    token, item = token_for(ready)
    open_app(page, ready.url("bedarfe_bewerten.ipynb", token=token), f".sw-item-{item}")
    with Project.open(ready.project_dir) as project:
        labels = [i.label for i in feedback.open_ballot(project, token).items]
    expect(page.get_by_role("group", name=labels[0], exact=True)).to_have_count(1)
    for label in labels:
        group = page.get_by_role("group", name=label, exact=True)
        expect(group.get_by_role("button", name="trifft zu", exact=True)).to_have_count(1)
        expect(group.get_by_role("button", name="einen Punkt mehr")).to_have_count(1)
        expect(group.get_by_label("Ihr Kommentar (freiwillig)")).to_have_count(1)


def test_coding_with_the_keyboard_only(page: Page, ready: VoilaServer) -> None:
    open_app(page, ready.url("kodieren.ipynb", coder="Tastatur"), ".sw-panel .sw-code-0")
    meta = page.locator(".sw-context .sw-meta")
    expect(meta).to_contain_text("Aussage 1 von")

    # a filter: the district, chosen with the arrow key
    count = page.locator(".sw-count")
    everything = count.inner_text()
    tab_to(page, lambda f: f["tag"] == "select" and f["name"] == "Sozialraum")
    page.keyboard.press("ArrowDown")
    district = page.get_by_label("Sozialraum", exact=True).input_value()
    assert district != "Alle Sozialräume"
    expect(count).not_to_have_text(everything)  # fewer statements, announced
    expect(count).to_have_attribute("role", "status")
    expect(meta).to_contain_text(district)

    # code the statement: Tab to the first code button, Enter
    path = tab_to(page, lambda f: "sw-code-0" in f["classes"].split())
    names = [f["name"] for f in path]
    assert names.index("◀ Zurück (k)") < names.index("Weiter (j) ▶") < len(names) - 1
    page.keyboard.press("Enter")
    expect(page.locator(".sw-code-0")).to_contain_text("✓")
    first = meta.inner_text()

    # next and previous: the buttons before the codes, reached backwards
    for _ in range(20):
        page.keyboard.press("Shift+Tab")
        if focused(page)["name"] == "Weiter (j) ▶":
            break
    assert focused(page)["ring"], "kein sichtbarer Fokusrahmen auf „Weiter“"
    page.keyboard.press("Enter")
    expect(meta).to_contain_text("Aussage 2 von")
    expect(page.locator(".sw-code-0")).not_to_contain_text("✓")
    page.keyboard.press("Shift+Tab")
    assert focused(page)["name"] == "◀ Zurück (k)"
    page.keyboard.press("Enter")
    expect(meta).to_have_text(first)
    expect(page.locator(".sw-code-0")).to_contain_text("✓")
    assert "Traceback" not in page.content()


# -- the published site ------------------------------------------------------------------
@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory, browser_project: Path) -> Path:
    """``workbench publish`` of the demo project (with its analysis runs)."""
    from workbench.cli.main import main

    out = tmp_path_factory.mktemp("seite") / "seite"
    assert main(["--project", str(browser_project), "publish", "--out", str(out)]) == 0
    return out


def test_every_page_of_the_published_site_passes_axe(page: Page, published_site: Path) -> None:
    pages = sorted(published_site.rglob("*.html"))
    assert len(pages) >= 3, pages
    failures = []
    for file in pages:
        where = str(file.relative_to(published_site))
        page.goto(file.as_uri())
        page.wait_for_load_state("load")
        if page.locator(".js-plotly-plot").count():
            expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible()
        if page.evaluate("document.documentElement.lang") != "de":
            failures.append(f"{where}: <html lang> ist nicht „de“")
        violations = axe_violations(page)
        if violations:
            failures.append(f"{where}:\n{describe(violations)}")
    assert not failures, "\n".join(failures)
