"""The stakeholders' app ``voila_apps/sozialraumprofil.ipynb`` in Voilà, driven in chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import WIDGET_TIMEOUT, VoilaServer
from tests.browser.test_accessibility import assert_page_basics
from tests.monitoring_data import two_waves
from widgets.monitoring_view import HEADING, city_monitoring_html, district_monitoring_html
from widgets.profile_view import STYLE
from workbench import Project
from workbench.synthesis.monitoring import read_monitoring
from workbench.synthesis.profiles import DistrictProfile, build_profiles
from workbench.synthesis.reports.monitoring import PUBLIC_ONE_WAVE

pytestmark = pytest.mark.browser

APP = "sozialraumprofil.ipynb"
SCRIPT_CARD = '<script>alert("x")</script> Bitte mehr Angebote für Jugendliche'  # MF-K28


def open_app(page: Page, voila: VoilaServer, **params: str) -> None:
    """Open the app and wait until the profile (or overview) is there."""
    page.goto(voila.url(APP, **params))
    expect(page.locator(".sw-profile")).to_be_visible(timeout=WIDGET_TIMEOUT)


def profile(voila: VoilaServer, district: str) -> DistrictProfile:
    """What the app should show for ``district`` (read from the project now)."""
    with Project.open(voila.project_dir) as project:
        return build_profiles(project).profile(district)


def only_in(one: DistrictProfile, other: DistrictProfile) -> str:
    """A need quote of ``one`` that ``other`` doesn't have."""
    theirs = set(other.need_quotes["quote"])
    return next(q for q in one.need_quotes["quote"] if q not in theirs and "<" not in q)


def test_switching_district_changes_the_needs_shown(
    page: Page, voila: VoilaServer, screenshots: Path
) -> None:
    manfort, steinbuechel = profile(voila, "Manfort"), profile(voila, "Steinbüchel")
    open_app(page, voila)  # no ?district=: the city-wide overview
    expect(page.locator(".sw-matrix")).to_contain_text(manfort.needs["label"].iloc[0])
    select = page.locator(".sw-district select")

    select.select_option("Manfort")
    needs = page.locator(".sw-needs")
    expect(page.locator(".sw-profile-title")).to_contain_text("Sozialraumprofil Manfort")
    expect(needs).to_contain_text(manfort.needs["label"].iloc[0])
    expect(needs).to_contain_text(only_in(manfort, steinbuechel))
    expect(page.locator(".sw-needs .sw-need")).to_have_count(len(manfort.needs))
    expect(page.locator(".sw-needs .sw-badge-cross").first).to_have_text("übergreifend")
    expect(page.locator(".sw-indicator-chart .js-plotly-plot")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 1000})  # Voilà scrolls inside the page
    page.screenshot(path=str(screenshots / "sozialraumprofil.png"))

    select.select_option("Steinbüchel")
    expect(page.locator(".sw-profile-title")).to_contain_text("Sozialraumprofil Steinbüchel")
    expect(needs).to_contain_text(only_in(steinbuechel, manfort))
    expect(needs).not_to_contain_text(only_in(manfort, steinbuechel))
    expect(page.locator(".sw-needs .sw-need")).to_have_count(len(steinbuechel.needs))
    assert "Traceback" not in page.content()


def test_the_district_chosen_is_in_the_address_and_survives_a_reload(
    page: Page, voila: VoilaServer
) -> None:
    """A stakeholder who picks a district and copies the link (or reloads) gets that
    district, not the overview; the back button still leaves the app."""
    page.goto("about:blank")
    open_app(page, voila)
    select = page.locator(".sw-district select")
    select.select_option("Steinbüchel")
    expect(page.locator(".sw-profile-title")).to_contain_text("Sozialraumprofil Steinbüchel")
    expect(page).to_have_url(re.compile(r"[?&]district=Steinb%C3%BCchel(&|$)"))
    page.reload()
    expect(page.locator(".sw-profile-title")).to_contain_text(
        "Sozialraumprofil Steinbüchel", timeout=WIDGET_TIMEOUT
    )
    expect(page.locator(".sw-district select")).to_have_value("Steinbüchel")
    select.select_option("Gesamtstadt (Überblick)")  # the new page's kernel may still be busy
    expect(page.locator(".sw-matrix")).to_be_visible(timeout=WIDGET_TIMEOUT)
    expect(page).not_to_have_url(re.compile(r"district="))
    page.go_back()
    expect(page).to_have_url("about:blank")


def test_the_url_parameter_preselects_a_district(page: Page, voila: VoilaServer) -> None:
    steinbuechel = profile(voila, "Steinbüchel")
    open_app(page, voila, district="Steinbüchel")
    expect(page.locator(".sw-district select")).to_have_value("Steinbüchel")
    expect(page.locator(".sw-profile-title")).to_contain_text("Sozialraumprofil Steinbüchel")
    expect(page.locator(".sw-needs")).to_contain_text(steinbuechel.needs["label"].iloc[0])
    expect(page.locator(".sw-indicators")).to_contain_text("SGB-II-Quote")
    assert page.locator(".sw-message-info").count() == 0
    # below the profile, the study over time: the demo has one wave, and says so in
    # residents' words (no command: the app's readers cannot run one)
    monitoring = page.locator(".sw-monitoring")
    expect(monitoring.locator("h3")).to_have_text(HEADING)
    expect(monitoring).to_contain_text(PUBLIC_ONE_WAVE.format(wave="Welle 1"))
    expect(monitoring).not_to_contain_text("workbench")


def test_an_unknown_district_gives_a_message_and_the_city_view(
    page: Page, voila: VoilaServer
) -> None:
    open_app(page, voila, district="<b>Atlantis</b>")
    expect(page.locator(".sw-message-info")).to_contain_text("„<b>Atlantis</b>“")
    expect(page.locator(".sw-message-info b")).to_have_count(0)
    expect(page.locator(".sw-matrix")).to_be_visible()
    expect(page.locator(".sw-city-indicators .sw-city-indicator-table")).to_be_visible()
    expect(page.locator(".sw-district select")).to_have_value("Gesamtstadt (Überblick)")
    # the city view draws its maps (the demo has no boundaries: a schematic tile map, said so)
    first_map = page.locator("figure.wb-map").first
    expect(first_map).to_be_visible()
    expect(first_map.locator("[role='img']")).to_have_attribute(
        "aria-label", re.compile(r"^Schematische Karte: .+ Die Zahlen stehen in der Tabelle\.$")
    )
    for district in ("Alkenrath", "Manfort", "Opladen", "Steinbüchel", "Wiesdorf"):
        expect(first_map.locator(f".wb-map-area[data-district='{district}']")).to_have_count(1)
    expect(first_map.locator(".wb-map-table")).to_contain_text("Manfort")


def test_the_script_statement_renders_as_text(page: Page, voila: VoilaServer) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_app(page, voila, district="Manfort")
    quote = page.locator(".sw-needs .sw-quote-text", has_text="Bitte mehr Angebote für Jug")
    expect(quote).to_have_count(1)
    folded = page.locator(".sw-needs details.sw-more", has=quote)
    if folded.count():  # beyond the first quotes of its need: open "… weitere Aussagen"
        folded.locator("summary").click()
    expect(quote).to_be_visible()
    expect(quote).to_have_text(SCRIPT_CARD)
    expect(quote.locator("xpath=..")).to_contain_text("MF-K28")
    assert page.locator(".sw-profile script").count() == 0
    assert dialogs == []
    content = page.content()
    assert "Traceback" not in content
    assert "profile_app" not in content  # no code shown to stakeholders
    assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0


def test_the_monitoring_view_with_two_waves_passes_axe(page: Page, tmp_path: Path) -> None:
    """The monitoring section as the app shows it, for a study with two waves, two indicator
    years and a status history (tests/monitoring_data.py), in chromium with axe-core."""
    with two_waves(tmp_path) as project:
        found = read_monitoring(project)
    parts = {"Gesamtstadt": city_monitoring_html(found)}
    parts.update({d: district_monitoring_html(found, d) for d in ("Manfort", "Opladen")})
    for name, html in parts.items():
        page.set_content(
            f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>Profil</title>"
            f"{STYLE}</head><body><main class='sw-profile'><h1>Sozialraumprofil</h1>"
            f"<h2>{name}</h2><div class='sw-monitoring'>{html}</div></main></body></html>"
        )
        expect(page.locator(".sw-monitoring caption").first).to_be_visible()
        assert_page_basics(page, f"Verlauf {name}")
