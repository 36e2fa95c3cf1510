"""The co-researcher app ``voila_apps/kodieren.ipynb`` in Voilà, driven in chromium."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from tests.browser.conftest import CULL_IDLE_TIMEOUT, CULL_INTERVAL, WIDGET_TIMEOUT, VoilaServer
from widgets.coding_model import code_buttons
from workbench import Project
from workbench.store import Code, Coding

pytestmark = pytest.mark.browser

APP = "kodieren.ipynb"


def open_app(page: Page, voila: VoilaServer, **params: str) -> None:
    """Open the app and wait until the panel is there."""
    page.goto(voila.url(APP, **params))
    expect(page.locator(".sw-panel")).to_be_visible(timeout=WIDGET_TIMEOUT)


def stored(project_dir: Path, coder: str) -> set[tuple[int, str, str | None, str | None]]:
    """(segment_id, code, origin, accepted_by) of every coding of ``coder``."""
    with Project.open(project_dir) as project, project.session() as s:
        rows = s.execute(
            select(Coding.segment_id, Code.path, Coding.origin, Coding.accepted_by)
            .join(Code, Coding.code_id == Code.id)
            .where(Coding.coder == coder)
        ).all()
    return {tuple(row) for row in rows}


def test_codes_by_click_and_key_are_stored_and_shown_after_reload(
    page: Page, voila: VoilaServer
) -> None:
    with Project.open(voila.project_dir) as project:
        first, second = (int(i) for i in project.segments()["segment_id"][:2])
        buttons = code_buttons(project.codes())
    open_app(page, voila, coder="Testperson")
    expect(page.locator(".sw-coder")).to_contain_text("Testperson")

    page.locator(".sw-code-0").click()  # a click …
    expect(page.locator(".sw-code-0")).to_contain_text("✓")
    page.keyboard.press("j")
    expect(page.locator(".sw-meta")).to_contain_text("Aussage 2 von")
    page.keyboard.press(buttons[1].key)  # … and a keyboard shortcut
    expect(page.locator(".sw-code-1")).to_contain_text("✓")
    assert stored(voila.project_dir, "Testperson") == {
        (first, buttons[0].path, None, None),
        (second, buttons[1].path, None, None),
    }

    page.reload()  # a new kernel reads what was stored
    expect(page.locator(".sw-code-0")).to_contain_text("✓", timeout=WIDGET_TIMEOUT)
    expect(page.locator(".sw-code-1")).not_to_contain_text("✓")
    expect(page.locator(".sw-progress")).to_contain_text("2 von")
    page.keyboard.press("j")  # keys work page-wide in the app, nothing focused yet
    expect(page.locator(".sw-code-1")).to_contain_text("✓")
    expect(page.locator(".sw-code-0")).not_to_contain_text("✓")
    assert "Traceback" not in page.content()
    page.keyboard.press("k")
    expect(page.locator(".sw-code-0")).to_contain_text("✓")


def test_accepting_a_suggestion_stores_it_with_the_accepting_coder(
    page: Page, voila: VoilaServer, screenshots: Path
) -> None:
    from workbench.analysis.suggest import suggest

    coder = "Vorschlagsprüferin"
    with Project.open(voila.project_dir) as project:
        table = suggest(project, coder=coder)  # what the app computes for this coder
        counts = project.segments()["source_id"].value_counts()
        paths = [b.path for b in code_buttons(project.codes())]
    unique_cards = [s for s in table["source_id"] if "-K" in s and counts[s] == 1]
    assert unique_cards, "Die Demo-Studie sollte Vorschläge für Karten haben."
    source_id = unique_cards[0]
    rows = table[table["source_id"] == source_id]
    segment_id, code = int(rows["segment_id"].iloc[0]), str(rows["code"].iloc[0])
    number = paths.index(code)

    open_app(page, voila, coder=coder)
    page.locator(".sw-search input").fill(source_id)
    expect(page.locator(".sw-meta")).to_contain_text(source_id)
    chip = page.locator(".sw-chip-accept").first
    expect(chip).to_contain_text(code.rsplit("/", 1)[-1], timeout=WIDGET_TIMEOUT)
    chip.click()
    expect(page.locator(".sw-status")).to_contain_text("Vorschlag angenommen")
    assert stored(voila.project_dir, coder) == {(segment_id, code, "suggestion", coder)}
    expect(page.locator(f".sw-code-{number}")).to_contain_text("✓")
    page.set_viewport_size({"width": 1280, "height": 1000})  # Voilà scrolls inside the page
    page.screenshot(path=str(screenshots / "kodieren.png"))


def test_a_statement_with_script_renders_as_text(page: Page, voila: VoilaServer) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_app(page, voila)  # no ?coder=: the app asks for a name
    page.get_by_placeholder("Ihr Name oder Kürzel").fill("Skripttest")
    page.get_by_role("button", name="Starten").click()
    expect(page.locator(".sw-coder")).to_contain_text("Skripttest")

    page.locator(".sw-search input").fill("MF-K28")
    expect(page.locator(".sw-current-text")).to_contain_text('<script>alert("x")</script>')
    expect(page.locator(".sw-list option").first).to_contain_text("<script>")
    assert page.locator(".sw-panel script").count() == 0
    assert dialogs == []
    content = page.content()
    assert "Traceback" not in content
    assert "coding_app" not in content  # no code shown to co-researchers
    assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0


def test_kernels_are_culled_after_the_page_is_closed(browser, voila: VoilaServer) -> None:
    before = voila.kernels()
    page = browser.new_page()  # not the `page` fixture: its patient navigation set here
    page.set_default_navigation_timeout(2 * WIDGET_TIMEOUT)
    open_app(page, voila, coder="Kulltest")
    started = voila.kernels() - before
    assert len(started) == 1, voila.log_tail()
    (kernel,) = started
    page.close()  # the page's kernel keeps running until culling stops it
    deadline = time.monotonic() + CULL_IDLE_TIMEOUT + 4 * CULL_INTERVAL + 10
    while kernel in voila.kernels() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert kernel not in voila.kernels(), voila.log_tail()
    # The connection file goes before the kernel manager forgets the kernel (jupyter_client
    # cleans up, then removes it from its table): the API may list it a moment longer.
    listed_until = time.monotonic() + 10
    while time.monotonic() < listed_until and _kernel_listed(voila, kernel):
        time.sleep(0.2)
    with pytest.raises(urllib.error.HTTPError) as gone:
        urllib.request.urlopen(f"{voila.base_url}/api/kernels/{kernel}", timeout=5)
    assert gone.value.code == 404


def _kernel_listed(voila: VoilaServer, kernel: str) -> bool:
    try:
        urllib.request.urlopen(f"{voila.base_url}/api/kernels/{kernel}", timeout=5)
    except urllib.error.HTTPError:
        return False
    return True


def test_invivo_first_code_on_a_project_without_codebook_is_stored_and_keyed(
    page: Page, voila_without_codebook: VoilaServer
) -> None:
    server = voila_without_codebook
    with Project.open(server.project_dir) as project:
        assert project.codebook() == []
        first, second = (int(i) for i in project.segments()["segment_id"][:2])
    open_app(page, server, coder="Invivo")
    expect(page.locator(".sw-no-codes")).to_contain_text(
        "Noch keine Codes – legen Sie den ersten Code an"
    )
    page.get_by_role("button", name="Code anlegen und zuordnen").click()  # no name yet
    expect(page.locator(".sw-new-code-message")).to_contain_text("Der Codename ist leer")

    page.locator(".sw-current-text").click()  # back into the panel, outside any field
    page.keyboard.press("n")  # the key n jumps into the name field …
    page.keyboard.type("Treffpunkt fehlt")
    expect(page.get_by_label("Name", exact=True)).to_have_value("Treffpunkt fehlt")  # … labelled
    expect(page.get_by_label("Obercode")).to_be_visible()
    page.get_by_label("Beschreibung").fill("Orte zum Treffen fehlen")
    page.get_by_role("button", name="Code anlegen und zuordnen").click()
    expect(page.locator(".sw-code-0")).to_contain_text("✓ 1 · Treffpunkt fehlt")
    expect(page.locator(".sw-no-codes")).to_have_count(0)
    expect(page.locator(".sw-status")).to_contain_text("angelegt (Taste 1)")

    page.keyboard.press("j")  # the next statement, coded with the new code's key
    expect(page.locator(".sw-meta")).to_contain_text("Aussage 2 von 3")
    expect(page.locator(".sw-code-0")).not_to_contain_text("✓")
    page.keyboard.press("1")
    expect(page.locator(".sw-code-0")).to_contain_text("✓")
    with Project.open(server.project_dir) as project:
        assert [(c.path, c.description) for c in project.codebook()] == [
            ("Treffpunkt fehlt", "Orte zum Treffen fehlen")
        ]
    assert stored(server.project_dir, "Invivo") == {
        (first, "Treffpunkt fehlt", None, None),
        (second, "Treffpunkt fehlt", None, None),
    }

    page.reload()  # a new kernel reads the codebook and the codings
    expect(page.locator(".sw-code-0")).to_contain_text(
        "✓ 1 · Treffpunkt fehlt", timeout=WIDGET_TIMEOUT
    )
    expect(page.locator(".sw-progress")).to_contain_text("2 von 3")
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(page.locator(".sw-meta")).to_contain_text("Aussage 3 von 3")
    expect(page.locator(".sw-code-0")).not_to_contain_text("✓")
    page.keyboard.press("k")
    expect(page.locator(".sw-meta")).to_contain_text("Aussage 2 von 3")
    expect(page.locator(".sw-code-0")).to_contain_text("✓")
    assert "Traceback" not in page.content()
