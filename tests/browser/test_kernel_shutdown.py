"""A page that is left (reloaded, another address, tab closed) ends its kernel at once.

Voilà's client posts ``/voila/api/shutdown/<kernel id>`` with the token of the ``_xsrf``
cookie when its page unloads. Voilà 0.5 never set that cookie, the server refused the
request with 403, and each kernel lived until culling (minutes): in a burst of
participants, memory filled with the kernels of pages already closed. The XSRF check
itself stays: a request without the token ends nothing.
"""

from __future__ import annotations

import shutil
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    APPS,
    CULL_IDLE_TIMEOUT,
    WIDGET_TIMEOUT,
    VoilaServer,
    jupyter_env,
    start_voila,
    stop,
)

pytestmark = pytest.mark.browser

APP = "sozialraumprofil.ipynb"
# Seconds a left page's kernel may take to end: a graceful shutdown, far below culling.
ENDED_WITHIN = 30
assert ENDED_WITHIN < CULL_IDLE_TIMEOUT / 2  # culling cannot pass this test


@pytest.fixture(scope="module")
def voila(tmp_path_factory: pytest.TempPathFactory, browser_project: Path) -> Iterator[VoilaServer]:
    """Voilà with the apps' server configuration (``voila_apps/voila.py``), as `make demo`."""
    base = tmp_path_factory.mktemp("voila-verlassen")
    env = jupyter_env(base, WORKBENCH_PROJECT=str(browser_project))
    server = start_voila(APPS, base, env, [f"--Voila.config_file_paths={APPS}"])
    yield server
    stop(server.process)
    shutil.rmtree(base / "connections", ignore_errors=True)


def open_app(page: Page, voila: VoilaServer) -> str:
    """Open the app, wait for its profile; the id of the kernel it started."""
    before = voila.kernels()
    page.goto(voila.url(APP, district="Manfort"))
    expect(page.locator(".sw-profile")).to_be_visible(timeout=WIDGET_TIMEOUT)
    started = voila.kernels() - before
    assert len(started) == 1, voila.log_tail()
    return started.pop()


def wait_until_ended(voila: VoilaServer, kernel: str) -> bool:
    """Whether the kernel's connection file is gone within :data:`ENDED_WITHIN` seconds."""
    deadline = time.monotonic() + ENDED_WITHIN
    while kernel in voila.kernels() and time.monotonic() < deadline:
        time.sleep(0.2)
    return kernel not in voila.kernels()


def test_leaving_a_page_ends_its_kernel(page: Page, voila: VoilaServer) -> None:
    first = open_app(page, voila)
    page.reload()  # a participant reloads: the old page's kernel ends, a new one serves
    expect(page.locator(".sw-profile")).to_be_visible(timeout=WIDGET_TIMEOUT)
    assert wait_until_ended(voila, first), voila.log_tail()
    [second] = voila.kernels() - {first}
    page.goto("about:blank")  # … and leaves: that kernel ends too
    assert wait_until_ended(voila, second), voila.log_tail()
    log = voila.log.read_text(encoding="utf-8", errors="replace")
    assert f"403 POST /voila/api/shutdown/{first}" not in log


def test_a_shutdown_without_the_xsrf_token_ends_nothing(page: Page, voila: VoilaServer) -> None:
    kernel = open_app(page, voila)
    request = urllib.request.Request(
        f"{voila.base_url}/voila/api/shutdown/{kernel}", data=b"", method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 403
    time.sleep(2)
    assert kernel in voila.kernels()
    page.locator(".sw-district select").select_option("Opladen")  # the page still works
    expect(page.locator(".sw-profile-title")).to_contain_text("Sozialraumprofil Opladen")
