"""Helpers of ``participation_load.py``: a server's process tree, browsers arriving.

- :class:`Tree`: CPU seconds and memory of a server and everything it started (kernels,
  launchers, the warm process and the kernels forked from it), also of what has ended;
- :class:`Watch`: samples a tree's memory in the background (peak RSS and PSS) and stops
  the server if the machine runs out of memory (a shared machine must not be brought down);
- :func:`crowd`: browser contexts (Debian's chromium, Playwright's async API) opening
  pages at once, spread over some seconds or one after another, each a participant who
  answers one item (in the Voilà app or in the kernel-less form) or a reader of a static
  page.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil

from widgets.formular_page import SAVE_BUTTON, SAVED_ALL

# Epoch milliseconds once a selector matches a visible element (else false: polled again).
VISIBLE = """
(selector) => {
  const shown = [...document.querySelectorAll(selector)].some((e) => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  });
  return shown ? performance.timeOrigin + performance.now() : false;
}
"""
# Bytes the page has loaded so far (document and resources; WebSocket messages not).
LOADED_BYTES = """
() => performance.getEntries()
  .filter((e) => e.transferSize !== undefined)
  .reduce((sum, e) => sum + e.transferSize, 0)
"""
ITEM = ".sw-feedback .sw-item"
FORM_ITEM = "fieldset.punkt"  # an item of the kernel-less form (widgets/formular_page.py)
CHART = ".js-plotly-plot .main-svg"
RATINGS = ("trifft zu", "trifft nicht zu", "weiß nicht")
SAVED = "gespeichert"
KINDS = ("app", "form", "static")


class Tree:
    """CPU and memory of a process and its descendants (also of those that have ended)."""

    def __init__(self, pid: int):
        self.root = psutil.Process(pid)

    def processes(self) -> list[psutil.Process]:
        """The process and its descendants now."""
        try:
            return [self.root, *self.root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def cpu(self) -> float:
        """CPU seconds so far: living processes' own plus those of their reaped children."""
        total = 0.0
        for process in self.processes():
            try:
                t = process.cpu_times()
            except psutil.Error:
                continue
            total += t.user + t.system + t.children_user + t.children_system
        return total

    def role(self, process: psutil.Process) -> str:
        """What a process of the tree is: voila, warm, launcher, kernel or other."""
        if process.pid == self.root.pid:
            return "voila"
        command = " ".join(process.cmdline())
        if "widgets.warm_kernels launch" in command:
            return "launcher"
        if "widgets.warm_kernels serve" in command:
            return "warm" if process.ppid() == self.root.pid else "kernel"
        return "kernel" if "ipykernel" in command else "other"

    def cpu_by_role(self) -> dict[str, float]:
        """CPU seconds so far per :meth:`role`; ``ended``: reaped children of the tree."""
        roles: dict[str, float] = {}
        for process in self.processes():
            try:
                t, role = process.cpu_times(), self.role(process)
            except psutil.Error:
                continue
            roles[role] = roles.get(role, 0.0) + t.user + t.system
            roles["ended"] = roles.get("ended", 0.0) + t.children_user + t.children_system
        return roles

    def memory(self) -> tuple[float, float]:
        """(sum of RSS, sum of PSS) in bytes: PSS counts each shared page once."""
        rss = pss = 0
        for process in self.processes():
            try:
                info = process.memory_full_info()
            except psutil.Error:
                continue
            rss, pss = rss + info.rss, pss + info.pss
        return float(rss), float(pss)

    def settle(self, seconds: int = 4, limit: float = 300) -> float:
        """Wait until the tree's CPU use has been near its idle level for ``seconds``.

        Idle kernels cost a little each (heartbeats), so "quiet" is 0.05 CPU s/s plus
        3 ms per process. Returns the seconds waited.
        """
        start, calm = time.monotonic(), 0
        last, at = self.cpu(), time.monotonic()
        while time.monotonic() - start < limit and calm < seconds:
            time.sleep(1.0)
            now, t = self.cpu(), time.monotonic()
            quiet = 0.05 + 0.003 * len(self.processes())
            calm = calm + 1 if (now - last) / (t - at) < quiet else 0
            last, at = now, t
        return time.monotonic() - start


class Watch:
    """Samples a tree's memory every ``every`` s; stops it when the machine runs short.

    ``peak_rss``/``peak_pss`` in bytes. If the machine's available memory falls below
    ``floor`` bytes, ``on_short()`` is called once (stop the server) and ``short`` is set.
    """

    def __init__(self, tree: Tree, on_short: Callable[[], None], floor: float, every: float = 2):
        self.tree, self.on_short, self.floor, self.every = tree, on_short, floor, every
        self.peak_rss = self.peak_pss = 0.0
        self.short = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        """One sample of the tree's memory and the machine's available memory."""
        rss, pss = self.tree.memory()
        self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
        if not self.short and psutil.virtual_memory().available < self.floor:
            self.short = True
            self.on_short()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.every)

    def __enter__(self) -> Watch:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


@dataclass
class Visit:
    """One browser context: seconds from arrival to first content and to the stored answer.

    ``None``: not reached; ``error`` names why (the exception's type).
    """

    first_content: float | None = None
    saved: float | None = None
    loaded_bytes: int = 0
    frames: int = 0  # WebSocket messages received until the answer was stored (if counted)
    error: str = ""


async def _participant(
    browser, url: str, arrival: float, n: int, timeout_ms: int, frames: bool
) -> Visit:
    """Open the app, wait for the first item, rate it, wait until it is stored, leave."""
    visit = Visit()
    context = await browser.new_context()

    def count(_: object) -> None:
        visit.frames += 1

    try:
        page = await context.new_page()
        if frames:
            page.on("websocket", lambda ws: ws.on("framereceived", count))
        await page.goto(url, wait_until="commit", timeout=timeout_ms)
        shown = await page.wait_for_function(VISIBLE, arg=ITEM, polling=100, timeout=timeout_ms)
        visit.first_content = (await shown.json_value()) / 1000 - arrival
        visit.loaded_bytes = int(await page.evaluate(LOADED_BYTES))
        card = page.locator(".sw-item").first
        await card.get_by_role("button", name=RATINGS[n % 3], exact=True).click(timeout=timeout_ms)
        await card.locator(".sw-status").filter(has_text=SAVED).wait_for(timeout=timeout_ms)
        visit.saved = time.time() - arrival
    except Exception as err:  # a participant who gave up: counted, not raised
        visit.error = type(err).__name__
    finally:
        await context.close()
    return visit


async def _form_participant(browser, url: str, arrival: float, timeout_ms: int) -> Visit:
    """Open the form, wait for its first item, check "trifft zu", save, wait for the note."""
    visit = Visit()
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await page.goto(url, wait_until="commit", timeout=timeout_ms)
        shown = await page.wait_for_function(
            VISIBLE, arg=FORM_ITEM, polling=100, timeout=timeout_ms
        )
        visit.first_content = (await shown.json_value()) / 1000 - arrival
        visit.loaded_bytes = int(await page.evaluate(LOADED_BYTES))
        item = page.locator(FORM_ITEM).first
        await item.get_by_label(RATINGS[0], exact=True).check(timeout=timeout_ms)
        await page.get_by_role("button", name=SAVE_BUTTON, exact=True).click(timeout=timeout_ms)
        note = page.get_by_role("status").filter(has_text=SAVED_ALL)
        await note.wait_for(timeout=timeout_ms)
        visit.saved = time.time() - arrival
    except Exception as err:  # a participant who gave up: counted, not raised
        visit.error = type(err).__name__
    finally:
        await context.close()
    return visit


async def _reader(browser, url: str, arrival: float, timeout_ms: int) -> Visit:
    """Open a static page and wait until its first chart is drawn."""
    visit = Visit()
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await page.goto(url, wait_until="commit", timeout=timeout_ms)
        shown = await page.wait_for_function(VISIBLE, arg=CHART, polling=100, timeout=timeout_ms)
        visit.first_content = (await shown.json_value()) / 1000 - arrival
        visit.loaded_bytes = int(await page.evaluate(LOADED_BYTES))
    except Exception as err:
        visit.error = type(err).__name__
    finally:
        await context.close()
    return visit


async def _crowd(
    chromium: Path,
    args: list[str],
    urls: list[str],
    timeout_ms: int,
    spread: float,
    kind: str,
    sequential: bool,
) -> list[Visit]:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(chromium), args=args)

        async def one(n: int, url: str, start: float) -> Visit:
            arrival = start + spread * n / max(len(urls), 1)
            await asyncio.sleep(max(0.0, arrival - time.time()))
            if kind == "static":
                return await _reader(browser, url, arrival, timeout_ms)
            if kind == "form":
                return await _form_participant(browser, url, arrival, timeout_ms)
            return await _participant(browser, url, arrival, n, timeout_ms, sequential)

        try:
            if sequential:
                return [await one(n, url, time.time()) for n, url in enumerate(urls)]
            start = time.time()
            return list(await asyncio.gather(*(one(n, u, start) for n, u in enumerate(urls))))
        finally:
            await browser.close()


def crowd(
    chromium: Path,
    args: list[str],
    urls: list[str],
    timeout: float,
    spread: float = 0.0,
    kind: str = "app",
    sequential: bool = False,
) -> list[Visit]:
    """One browser context per url: all at once, evenly over ``spread`` s, or one by one.

    ``kind`` "app": participants rate the app's first item and wait until it is stored;
    "form": participants of the kernel-less form check "trifft zu" on its first item,
    press "Antworten speichern" and wait for the saved page's note; "static": readers
    wait for the page's first chart. ``timeout`` in seconds for each step. One by one,
    the WebSocket messages each page receives are counted (the app's).
    """
    if kind not in KINDS:
        raise ValueError(f"kind: {', '.join(KINDS)}")
    return asyncio.run(_crowd(chromium, args, urls, int(timeout * 1000), spread, kind, sequential))


def per_view(before: dict[str, float], after: dict[str, float], n: int) -> dict[str, float]:
    """CPU seconds per view and role between two :meth:`Tree.cpu_by_role` readings.

    >>> per_view({"voila": 1.0}, {"voila": 2.0, "kernel": 4.0}, 2)
    {'kernel': 2.0, 'voila': 0.5}
    """
    return {
        role: round((after.get(role, 0.0) - before.get(role, 0.0)) / n, 3)
        for role in sorted(set(before) | set(after))
    }


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (nan for none).

    >>> percentile([3.0, 1.0, 2.0], 0.5), percentile([], 0.9)
    (2.0, nan)
    """
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]
