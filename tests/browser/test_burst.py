"""The participation apps as ``make demo`` serves them for a burst, driven in chromium.

Preheated kernels forked from a warm process (``participation_flags``,
``voila_apps/voila.py``): the token is read only once the request has taken a kernel
from the pool, answers are stored, pages carry no plotly, a kernel is released after its
participant has answered and gone quiet, the read-only apps still draw their charts.
And: two Voilà processes over one SQLite project answer at the same time, each answer
stored once (several servers behind a proxy, docs/team.md).
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    APPS,
    CHROMIUM,
    CHROMIUM_ARGS,
    WIDGET_TIMEOUT,
    VoilaServer,
    jupyter_env,
    participation_flags,
    start_voila,
    stop,
)
from tests.browser.test_bedarfe_bewerten import answers, ensure_need_run, issue
from tests.project_copy import copy_project
from widgets.feedback import RELEASED
from workbench import Project
from workbench.participation import feedback

pytestmark = pytest.mark.browser

APP = "bedarfe_bewerten.ipynb"
POOL = 2
RELEASE_AFTER = "6"  # seconds of quiet after an answer before the kernel is released


def wait_for_pools(server: VoilaServer, timeout: float = 240) -> None:
    """Wait until both participation apps' pools are filled (Voilà logs it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        log = server.log.read_text(encoding="utf-8", errors="replace")
        if all(f"Kernel pool of {app} is filled" in log for app in (APP, "kodieren.ipynb")):
            return
        assert server.process.poll() is None, server.log_tail()
        time.sleep(0.5)
    raise AssertionError(f"Kernel-Pools nicht gefüllt:\n{server.log_tail()}")


def warm_processes(server: VoilaServer) -> list[psutil.Process]:
    """The server's warm process(es): its children running ``widgets.warm_kernels serve``.

    (The kernels forked from it have the same command line, but the warm process as
    their parent.)
    """
    wanted = ["widgets.warm_kernels", "serve", str(server.process.pid)]
    return [
        child
        for child in psutil.Process(server.process.pid).children()
        if child.cmdline()[-3:] == wanted
    ]


def start_burst_server(base: Path, project_dir: Path) -> VoilaServer:
    env = jupyter_env(base, WORKBENCH_PROJECT=str(project_dir))
    env["WORKBENCH_RELEASE_AFTER"] = RELEASE_AFTER
    server = start_voila(APPS, base, env, participation_flags(POOL))
    try:
        wait_for_pools(server)
    except BaseException:
        stop(server.process)
        raise
    return server


@pytest.fixture(scope="module")
def burst(tmp_path_factory: pytest.TempPathFactory, browser_project: Path) -> Iterator[VoilaServer]:
    """A server configured for bursts over a private copy of the demo project."""
    base = tmp_path_factory.mktemp("voila-burst")
    project_dir = base / "projekt"
    copy_project(browser_project, project_dir)
    ensure_need_run(project_dir)
    server = start_burst_server(base, project_dir)
    yield server
    stop(server.process)


def used_kernel(server: VoilaServer) -> str:
    """The id of the preheated kernel the last page view took (from Voilà's log)."""
    log = server.log.read_text(encoding="utf-8", errors="replace")
    return re.findall(r"Using pre-heated kernel: ([0-9a-f-]+) for", log)[-1]


def test_a_preheated_page_reads_its_token_stores_the_answer_and_is_released(
    page: Page, burst: VoilaServer
) -> None:
    [token] = issue(burst.project_dir, 1, district="Manfort")
    with Project.open(burst.project_dir) as project:
        item = feedback.open_ballot(project, token).items[0].item_id
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(burst.url(APP, token=token))
    expect(page.locator(".sw-feedback")).to_contain_text("Für: Manfort", timeout=WIDGET_TIMEOUT)
    kernel = used_kernel(burst)
    (warm,) = warm_processes(burst)
    assert len(warm.children()) >= 2 * POOL  # every kernel forked by the warm process
    assert not any("jupyterlab-plotly" in url for url in requested)  # a lean page

    card = page.locator(f".sw-item-{item}")
    card.get_by_role("button", name="trifft zu", exact=True).click()
    expect(card.locator(".sw-status")).to_have_text("✓ gespeichert")
    assert any(a[1] == item and a[2] == "agree" for a in answers(burst.project_dir))

    # quiet after the answer: the page says so, the kernel ends and the server forgets it
    expect(page.locator(".sw-message-info")).to_contain_text(RELEASED[:30], timeout=60_000)
    deadline = time.monotonic() + 30
    while kernel in burst.kernels() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert kernel not in burst.kernels(), burst.log_tail()
    assert "Traceback" not in page.content()


@pytest.mark.parametrize(
    ("token", "expected"),
    [(None, "fehlt Ihr persönlicher Zugangscode"), ("AAAA", "Dieser Zugangscode ist ungültig")],
)
def test_a_preheated_page_without_a_valid_token_shows_a_message(
    page: Page, burst: VoilaServer, token: str | None, expected: str
) -> None:
    stored = answers(burst.project_dir)
    page.goto(burst.url(APP, **({"token": token} if token else {})))
    expect(page.locator(".sw-message-error")).to_contain_text(expected, timeout=WIDGET_TIMEOUT)
    assert page.locator(".sw-item").count() == 0
    assert answers(burst.project_dir) == stored


def test_the_coding_app_takes_its_coder_from_the_request(page: Page, burst: VoilaServer) -> None:
    page.goto(burst.url("kodieren.ipynb", coder="Vorgeheizt"))
    expect(page.locator(".sw-coder")).to_contain_text("Vorgeheizt", timeout=WIDGET_TIMEOUT)
    page.locator(".sw-code-0").click()
    expect(page.locator(".sw-code-0")).to_contain_text("✓")
    with Project.open(burst.project_dir) as project:
        assert (project.codings()["coder"] == "Vorgeheizt").sum() == 1


def test_read_only_apps_keep_their_charts(page: Page, burst: VoilaServer) -> None:
    page.goto(burst.url("sozialraumprofil.ipynb", district="Manfort"))
    chart = page.locator(".sw-indicator-chart .js-plotly-plot")
    expect(chart).to_be_visible(timeout=WIDGET_TIMEOUT)


async def _answer_all(urls: list[str], timeout_ms: int) -> list[str]:
    """One browser context per URL, all at once: open, rate the first item, read the status."""
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)

        async def participant(n: int, url: str) -> str:
            context = await browser.new_context()
            page = await context.new_page()
            await page.goto(url, timeout=timeout_ms)
            card = page.locator(".sw-item").first
            await card.wait_for(timeout=timeout_ms)
            rating = ("trifft zu", "trifft nicht zu", "weiß nicht")[n % 3]
            await card.get_by_role("button", name=rating, exact=True).click()
            status = card.locator(".sw-status")
            await status.filter(has_text="gespeichert").wait_for(timeout=timeout_ms)
            text = await status.inner_text()
            await context.close()
            return text

        try:
            return await asyncio.gather(*(participant(n, u) for n, u in enumerate(urls)))
        finally:
            await browser.close()


def test_two_voila_processes_on_one_project_answer_at_the_same_time(
    tmp_path: Path, browser_project: Path
) -> None:
    project_dir = tmp_path / "projekt"
    copy_project(browser_project, project_dir)
    ensure_need_run(project_dir)
    servers: list[VoilaServer] = []
    try:  # the first server is stopped also when the second does not start
        for n in (1, 2):
            servers.append(start_burst_server(tmp_path / f"voila-{n}", project_dir))
        tokens = issue(project_dir, 8, workshop="Quartiersworkshop Opladen")
        with Project.open(project_dir) as project, project.session():
            item = feedback.open_ballot(project, tokens[0]).items[0].item_id
        urls = [servers[n % 2].url(APP, token=t) for n, t in enumerate(tokens)]
        result: dict = {}

        def run() -> None:
            try:
                result["statuses"] = asyncio.run(_answer_all(urls, 180_000))
            except BaseException as err:  # re-raised in the test's thread
                result["error"] = err

        worker = threading.Thread(target=run)
        worker.start()
        worker.join(timeout=480)
        assert not worker.is_alive(), "Zeitüberschreitung"
        if "error" in result:
            raise AssertionError(f"{result['error']!r}\n{servers[0].log_tail()}")
        assert result["statuses"] == ["✓ gespeichert"] * len(tokens)
        for server in servers:  # both served pages
            assert "Using pre-heated kernel" in server.log.read_text(encoding="utf-8")
        with Project.open(project_dir) as project:
            hashes = {feedback.hash_token(t) for t in tokens}
            from sqlalchemy import select

            from workbench.store import FeedbackToken

            with project.session() as s:
                ids = set(
                    s.scalars(select(FeedbackToken.id).where(FeedbackToken.token_hash.in_(hashes)))
                )
        mine = [a for a in answers(project_dir) if a[0] in ids]
        assert len(mine) == len(tokens) == len({(a[0], a[1]) for a in mine})
        assert {a[1] for a in mine} == {item}
        warm = [p for server in servers for p in warm_processes(server)]
        assert len(warm) == 2
    finally:
        for server in servers:
            stop(server.process)
    for process in warm:  # the warm processes end with their servers
        assert psutil.wait_procs([process], timeout=15)[1] == []
