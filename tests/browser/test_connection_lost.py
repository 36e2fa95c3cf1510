"""A page whose kernel has ended says so (German, with a reload button) instead of ignoring clicks.

A kernel ends under an open page when the server is restarted, when an operator restarts
it, or when the machine runs out of memory. Before, the page kept its controls: the
dropdown showed the new district, the profile below stayed the old one, and only the
browser's console knew why (``Could not send widget sync message``).
"""

from __future__ import annotations

import time

import psutil
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ANSWER_TIMEOUT, WIDGET_TIMEOUT, VoilaServer
from widgets.accessibility import ANSWER_MS, CONNECTION_LOST

pytestmark = pytest.mark.browser

APP = "sozialraumprofil.ipynb"


def end_kernel(kernel: str) -> None:
    """Kill the process of the kernel with id ``kernel`` (found by its connection file)."""
    for process in psutil.process_iter(["cmdline"]):
        if any(f"kernel-{kernel}.json" in part for part in process.info["cmdline"] or ()):
            process.kill()
            process.wait(10)
            return
    raise AssertionError(f"kein Prozess für Kern {kernel}")


def test_a_page_whose_kernel_ended_says_so_and_reloads(page: Page, voila: VoilaServer) -> None:
    before = voila.kernels()
    page.goto(voila.url(APP))
    expect(page.locator(".sw-profile")).to_be_visible(timeout=WIDGET_TIMEOUT)
    select = page.locator(".sw-district select")
    select.select_option("Manfort")  # a working kernel answers: no message
    title = page.locator(".sw-profile-title")
    expect(title).to_contain_text("Sozialraumprofil Manfort", timeout=ANSWER_TIMEOUT)
    time.sleep(1)
    assert page.locator(".sw-connection-lost").count() == 0

    [kernel] = voila.kernels() - before
    end_kernel(kernel)
    select.select_option("Opladen")
    lost = page.get_by_role("alert")
    # at once if the message cannot be sent; after ANSWER_MS if a restarted kernel is silent
    expect(lost).to_contain_text(CONNECTION_LOST, timeout=ANSWER_MS + ANSWER_TIMEOUT)
    reload = lost.get_by_role("button", name="Seite neu laden")
    expect(reload).to_be_focused()  # a keyboard user is there at once
    assert "Traceback" not in page.content()

    page.keyboard.press("Enter")  # reload: a new kernel, a working page
    expect(page.locator(".sw-profile")).to_be_visible(timeout=WIDGET_TIMEOUT)
    expect(page.locator(".sw-connection-lost")).to_have_count(0)
    page.locator(".sw-district select").select_option("Opladen")
    expect(title).to_contain_text("Sozialraumprofil Opladen", timeout=ANSWER_TIMEOUT)
