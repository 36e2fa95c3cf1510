"""Participation under load: server CPU per view, a burst of participants, memory held.

Issue 17. Three ways to serve the participation app ``bedarfe_bewerten`` are compared in
one run, on a copy of the analysed demo study:

- ``vorher``: Voilà as ``make demo`` started it before (a new kernel per page view);
- ``pool``: only Voilà's preheated kernels (``--preheat_kernel --pool_size``), kernels
  started as usual, every page with plotly's extension;
- ``nachher``: the configuration of ``make demo`` now (``participation_flags``:
  preheated kernels forked from a warm process, lean pages, cached templates, see
  ``widgets/voila_server.py``).

(a) **CPU per view**: ``--views`` participants one after another, each opening the app
    with their own token, answering one item and leaving. CPU seconds of the server's
    process tree (Voilà, its kernels, launchers and warm process, including processes
    that ended: psutil), per view: while the views ran, and including the kernels the
    pool starts to replace the used ones (measured until the tree is quiet again).
    Browsers are not part of it.
(b) **Burst**: ``--burst`` browser contexts arrive at once, each with its own token,
    each answering one item: how many were served (the first item visible within
    ``--timeout``), how many answers are stored (none twice), p50/p90 time to first
    content, the server's CPU per view during the burst; then, in the same run, as many
    contexts loading a static page of similar weight (the HTML report, 5 MB with plotly,
    from a local web server; first content = its first chart drawn). On two cores the
    browsers compete with the server, so the static page is the yardstick.
(c) **Memory**: the peak of the tree's memory (sum of PSS: shared pages counted once)
    during the burst, and during ``--wave`` participants arriving evenly over
    ``--wave-seconds`` (``nachher`` only), each answering one item and leaving; their
    kernels end ``WORKBENCH_RELEASE_AFTER`` seconds after the answer (set to 20 here).

Targets (issue 17): CPU per view during a burst ≤ 0.25 s; 30 of 30 served and stored,
p90 ≤ 1.3 × the static page's p90; 100 over 2 minutes served with peak memory ≤ 8 GB.

Run: .venv/bin/python benchmarks/participation_load.py [--views 5] [--burst 30]
     [--wave 100] [--configs vorher,pool,nachher] [--project ANALYSED_DEMO] [--json OUT]
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import http.server
import json
import math
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import (  # noqa: E402
    APPS,
    CHROMIUM,
    CHROMIUM_ARGS,
    VoilaServer,
    jupyter_env,
    participation_flags,
    start_voila,
    stop,
)

APP = "bedarfe_bewerten.ipynb"
BEFORE_FLAGS = [  # the Makefile's VOILA_FLAGS before issue 17 (besides the defaults)
    "--MappingKernelManager.cull_idle_timeout=900",
    "--MappingKernelManager.cull_interval=60",
]
RELEASE_AFTER = "20"
TARGET_CPU = 0.25
TARGET_RATIO = 1.3
TARGET_MEMORY_GB = 8.0
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


def flags(config: str, pool: int) -> list[str]:
    """Voilà's extra flags for a configuration."""
    if config == "vorher":
        return BEFORE_FLAGS
    if config == "pool":
        return [
            "--preheat_kernel=True",
            f"--pool_size={pool}",
            "--VoilaKernelManager.preheat_denylist=sozialraumprofil",
            "--VoilaKernelManager.preheat_denylist=themenlandkarte",
            "--MappingKernelManager.cull_idle_timeout=300",
            "--MappingKernelManager.cull_interval=30",
        ]
    return participation_flags(pool)


# -- the server's process tree ----------------------------------------------------------------
class Tree:
    """CPU and memory of a server and everything it started (also what has ended)."""

    def __init__(self, pid: int):
        self.root = psutil.Process(pid)

    def processes(self) -> list[psutil.Process]:
        """The server and its descendants (kernels forked by the warm process included)."""
        try:
            return [self.root, *self.root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def cpu(self) -> float:
        """CPU seconds so far: living processes' own plus those of reaped children."""
        total = 0.0
        for process in self.processes():
            try:
                t = process.cpu_times()
            except psutil.Error:
                continue
            total += t.user + t.system + t.children_user + t.children_system
        return total

    def server_cpu(self) -> float:
        """CPU seconds of the server process itself (no kernels, launchers, warm process)."""
        try:
            t = self.root.cpu_times()
        except psutil.Error:
            return 0.0
        return t.user + t.system

    def memory(self) -> float:
        """Bytes held now: the sum of PSS (each shared page counted once)."""
        total = 0
        for process in self.processes():
            try:
                total += process.memory_full_info().pss
            except psutil.Error:
                continue
        return float(total)

    def settle(self, quiet: float = 0.05, seconds: int = 4, limit: float = 300) -> None:
        """Wait until the tree has used less than ``quiet`` CPU per second for a while."""
        start, calm = time.monotonic(), 0
        last, at = self.cpu(), time.monotonic()
        while time.monotonic() - start < limit and calm < seconds:
            time.sleep(1.0)
            now, t = self.cpu(), time.monotonic()
            calm = calm + 1 if (now - last) / (t - at) < quiet else 0
            last, at = now, t


class PeakMemory:
    """Samples a tree's memory in the background; ``peak`` in bytes."""

    def __init__(self, tree: Tree, every: float = 1.0):
        self.tree, self.every, self.peak = tree, every, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.tree.memory())
            self._stop.wait(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.tree.memory())


# -- participants ---------------------------------------------------------------------------
@dataclass
class Visit:
    """One participant: seconds to first content (None: not served), status of the answer."""

    first_content: float | None = None
    status: str = ""
    error: str = ""


async def participant(browser, url: str, start: float, rating: str, timeout_ms: int) -> Visit:
    """Open the app, wait for the first item, rate it, wait until it is stored, leave."""
    visit = Visit()
    context = await browser.new_context()
    page = await context.new_page()
    try:
        await page.goto(url, wait_until="commit", timeout=timeout_ms)
        shown = await page.wait_for_function(
            VISIBLE, arg=".sw-feedback .sw-item", polling=100, timeout=timeout_ms
        )
        visit.first_content = (await shown.json_value()) / 1000 - start
        card = page.locator(".sw-item").first
        await card.get_by_role("button", name=rating, exact=True).click(timeout=timeout_ms)
        status = card.locator(".sw-status").filter(has_text="gespeichert")
        await status.wait_for(timeout=timeout_ms)
        visit.status = await status.inner_text()
    except Exception as err:  # a participant who gave up: counted, not raised
        visit.error = type(err).__name__
    finally:
        await context.close()
    return visit


async def static_reader(browser, url: str, start: float, timeout_ms: int) -> Visit:
    """Open the static page and wait for its first chart."""
    visit = Visit()
    context = await browser.new_context()
    page = await context.new_page()
    try:
        await page.goto(url, wait_until="commit", timeout=timeout_ms)
        shown = await page.wait_for_function(
            VISIBLE, arg=".js-plotly-plot .main-svg", polling=100, timeout=timeout_ms
        )
        visit.first_content = (await shown.json_value()) / 1000 - start
        visit.status = "gelesen"
    except Exception as err:
        visit.error = type(err).__name__
    finally:
        await context.close()
    return visit


async def crowd(urls: list[str], timeout_ms: int, static: bool = False, spread: float = 0.0):
    """Everyone in ``urls`` at once (or evenly over ``spread`` seconds); their visits."""
    from playwright.async_api import async_playwright

    ratings = ("trifft zu", "trifft nicht zu", "weiß nicht")
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        start = time.time()

        async def one(n: int, url: str) -> Visit:
            arrival = start + (spread * n / max(len(urls), 1))
            await asyncio.sleep(max(0.0, arrival - time.time()))
            if static:
                return await static_reader(browser, url, arrival, timeout_ms)
            return await participant(browser, url, arrival, ratings[n % 3], timeout_ms)

        try:
            return await asyncio.gather(*(one(n, u) for n, u in enumerate(urls)))
        finally:
            await browser.close()


def run_crowd(urls: list[str], timeout_ms: int, **kw) -> list[Visit]:
    """:func:`crowd` in a thread of its own (a fresh event loop)."""
    result: dict = {}
    thread = threading.Thread(
        target=lambda: result.update(visits=asyncio.run(crowd(urls, timeout_ms, **kw)))
    )
    thread.start()
    thread.join()
    return result["visits"]


# -- the project ----------------------------------------------------------------------------
def prepare(folder: Path, source: Path | None) -> Path:
    """An analysed demo project in ``folder`` (a copy of ``source`` if given)."""
    from workbench.demo import build_demo

    project = folder / "demo-projekt"
    if source is not None:
        shutil.copytree(source, project, ignore=shutil.ignore_patterns("*.sqlite-*"))
    else:
        build_demo(project, analyse=True).close()
    return project


def issue(project_dir: Path, n: int) -> list[str]:
    """``n`` fresh tokens for Manfort."""
    from workbench import Project
    from workbench.participation import feedback

    with Project.open(project_dir) as project:
        return feedback.issue_tokens(project, n, district="Manfort")


def stored(project_dir: Path, tokens: list[str]) -> tuple[int, int]:
    """(answers stored for ``tokens``, distinct token × item among them)."""
    from sqlalchemy import select

    from workbench import Project
    from workbench.participation import feedback
    from workbench.store import FeedbackAnswer, FeedbackToken

    hashes = [feedback.hash_token(t) for t in tokens]
    with Project.open(project_dir) as project, project.session() as s:
        rows = s.execute(
            select(FeedbackAnswer.token_id, FeedbackAnswer.item_id)
            .join(FeedbackToken, FeedbackToken.id == FeedbackAnswer.token_id)
            .where(FeedbackToken.token_hash.in_(hashes))
        ).all()
    return len(rows), len({tuple(r) for r in rows})


def start(config: str, pool: int, base: Path, project_dir: Path) -> tuple[VoilaServer, Tree]:
    """A server in ``config``, its pools filled and the tree quiet."""
    base.mkdir(parents=True, exist_ok=True)
    env = jupyter_env(base, WORKBENCH_PROJECT=str(project_dir))
    env["WORKBENCH_RELEASE_AFTER"] = RELEASE_AFTER
    server = start_voila(APPS, base, env, flags(config, pool))
    tree = Tree(server.process.pid)
    if config != "vorher":
        deadline = time.monotonic() + 600
        while f"Kernel pool of {APP} is filled" not in server.log.read_text(errors="replace"):
            if time.monotonic() > deadline or server.process.poll() is not None:
                raise RuntimeError(server.log_tail())
            time.sleep(1.0)
    tree.settle()
    return server, tree


# -- (a), (b), (c) --------------------------------------------------------------------------
@dataclass
class Result:
    """What one configuration measured."""

    config: str
    views: int = 0
    cpu_view_window: float = math.nan  # CPU s per view while the views ran
    cpu_view_total: float = math.nan  # … including the pool's replacement kernels
    first_content_sequential: float = math.nan  # median s
    burst: int = 0
    served: int = 0
    answers: int = 0
    distinct_answers: int = 0
    burst_p50: float = math.nan
    burst_p90: float = math.nan
    cpu_view_burst: float = math.nan
    cpu_view_burst_total: float = math.nan
    cpu_view_burst_server: float = math.nan  # the Voilà process alone, during the burst
    burst_seconds: float = math.nan
    peak_memory_gb: float = math.nan
    idle_memory_gb: float = math.nan  # the tree before the burst (pool filled)
    errors: dict[str, int] = field(default_factory=dict)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (nan for none)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def sequential(result: Result, server: VoilaServer, tree: Tree, n: int, project: Path) -> None:
    """(a): ``n`` views one after another (after one warm-up view)."""
    tokens = issue(project, n + 1)
    urls = [server.url(APP, token=t) for t in tokens]
    run_crowd(urls[:1], 180_000)
    tree.settle()
    before, firsts = tree.cpu(), []
    for url in urls[1:]:
        (visit,) = run_crowd([url], 180_000)
        if visit.first_content is not None:
            firsts.append(visit.first_content)
    window = tree.cpu()
    tree.settle()
    result.views = n
    result.cpu_view_window = (window - before) / n
    result.cpu_view_total = (tree.cpu() - before) / n
    result.first_content_sequential = statistics.median(firsts) if firsts else math.nan


def burst(result: Result, server: VoilaServer, tree: Tree, n: int, project: Path) -> None:
    """(b) and (c): ``n`` participants at once."""
    tokens = issue(project, n)
    urls = [server.url(APP, token=t) for t in tokens]
    tree.settle()
    result.idle_memory_gb = tree.memory() / 1e9
    before, began, own = tree.cpu(), time.monotonic(), tree.server_cpu()
    with PeakMemory(tree) as memory:
        visits = run_crowd(urls, 180_000)
        during, own_during = tree.cpu(), tree.server_cpu()
        result.burst_seconds = time.monotonic() - began
        tree.settle()
    firsts = [v.first_content for v in visits if v.first_content is not None]
    result.burst, result.served = n, len(firsts)
    result.answers, result.distinct_answers = stored(project, tokens)
    result.burst_p50, result.burst_p90 = percentile(firsts, 0.5), percentile(firsts, 0.9)
    result.cpu_view_burst = (during - before) / n
    result.cpu_view_burst_total = (tree.cpu() - before) / n
    result.cpu_view_burst_server = (own_during - own) / n
    result.peak_memory_gb = memory.peak / 1e9
    for v in visits:
        if v.error:
            result.errors[v.error] = result.errors.get(v.error, 0) + 1


def wave(server: VoilaServer, tree: Tree, n: int, seconds: float, project: Path) -> dict:
    """(c): ``n`` participants arriving evenly over ``seconds``."""
    tokens = issue(project, n)
    urls = [server.url(APP, token=t) for t in tokens]
    with PeakMemory(tree) as memory:
        visits = run_crowd(urls, 180_000, spread=seconds)
    firsts = [v.first_content for v in visits if v.first_content is not None]
    answers, distinct = stored(project, tokens)
    return {
        "participants": n,
        "seconds": seconds,
        "served": len(firsts),
        "answers": answers,
        "distinct_answers": distinct,
        "p50": percentile(firsts, 0.5),
        "p90": percentile(firsts, 0.9),
        "peak_memory_gb": memory.peak / 1e9,
    }


def static_burst(n: int, folder: Path, project: Path) -> dict:
    """``n`` readers of the HTML report at once, from a local web server."""
    from workbench import Project
    from workbench.synthesis.reports import write_report

    folder.mkdir(parents=True, exist_ok=True)
    with Project.open(project) as opened:
        page = write_report(opened, folder / "bericht.html")
    handler = functools.partial(QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/{page.name}"
        visits = run_crowd([url] * n, 180_000, static=True)
    finally:
        httpd.shutdown()
    firsts = [v.first_content for v in visits if v.first_content is not None]
    return {
        "readers": n,
        "bytes": page.stat().st_size,
        "served": len(firsts),
        "p50": percentile(firsts, 0.5),
        "p90": percentile(firsts, 0.9),
    }


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that does not log every request."""

    def log_message(self, *_: object) -> None:
        return


# -- report ---------------------------------------------------------------------------------
def verdict(ok: bool) -> str:
    return "erreicht" if ok else "VERFEHLT"


def report(results: list[Result], static: dict | None, waved: dict | None) -> None:
    """Print the tables (German, as in the README)."""
    print(f"\n{os.cpu_count()} Kerne, Last (1 min) am Ende {os.getloadavg()[0]:.1f}")
    print("\n(a) CPU-Sekunden des Servers je Seitenaufruf, nacheinander")
    print(
        f"{'Konfiguration':<10} {'Aufrufe':>7} {'währenddessen':>14} {'mit Nachfüllen':>15}"
        f" {'1. Inhalt (Median)':>19}"
    )
    for r in results:
        if r.views:
            print(
                f"{r.config:<10} {r.views:>7} {r.cpu_view_window:>13.2f}s"
                f" {r.cpu_view_total:>14.2f}s {r.first_content_sequential:>18.1f}s"
            )
    print("\n(b) Ansturm: alle gleichzeitig, jede*r beantwortet einen Punkt")
    print(
        f"{'Konfiguration':<10} {'bedient':>8} {'Antworten':>10} {'p50':>7} {'p90':>7}"
        f" {'CPU/Aufruf':>11} {'davon Voilà':>12} {'inkl. Nachf.':>12} {'Speicher':>9}"
    )
    for r in results:
        if r.burst:
            print(
                f"{r.config:<10} {r.served:>4}/{r.burst:<3} {r.answers:>5} ({r.distinct_answers})"
                f" {r.burst_p50:>6.1f}s {r.burst_p90:>6.1f}s {r.cpu_view_burst:>10.2f}s"
                f" {r.cpu_view_burst_server:>11.2f}s"
                f" {r.cpu_view_burst_total:>11.2f}s {r.peak_memory_gb:>7.2f}GB"
                + (f"  Fehler: {r.errors}" if r.errors else "")
            )
    if static:
        print(
            f"{'statisch':<10} {static['served']:>4}/{static['readers']:<3} {'':>10}"
            f" {static['p50']:>6.1f}s {static['p90']:>6.1f}s"
            f"   (HTML-Bericht, {static['bytes'] / 1e6:.1f} MB, 1. Diagramm gezeichnet)"
        )
    if waved:
        print(
            f"\n(c) {waved['participants']} Teilnehmende über {waved['seconds']:.0f} s: "
            f"{waved['served']} bedient, {waved['answers']} Antworten "
            f"({waved['distinct_answers']} verschiedene), p50 {waved['p50']:.1f} s, "
            f"p90 {waved['p90']:.1f} s, Speicher-Spitze {waved['peak_memory_gb']:.2f} GB"
        )
    after = next((r for r in results if r.config == "nachher" and r.burst), None)
    if after is not None:
        print("\nZiele (Issue 17), Konfiguration nachher:")
        print(
            f"  CPU je Aufruf im Ansturm ≤ {TARGET_CPU} s: {after.cpu_view_burst:.2f} s "
            f"(mit Nachfüllen {after.cpu_view_burst_total:.2f} s) – "
            f"{verdict(after.cpu_view_burst <= TARGET_CPU)}"
        )
        complete = after.served == after.burst == after.answers == after.distinct_answers
        print(
            f"  {after.burst} von {after.burst} bedient und gespeichert, keine doppelt: "
            f"{after.served} bedient, {after.answers} gespeichert – {verdict(complete)}"
        )
        if static:
            limit = TARGET_RATIO * static["p90"]
            print(
                f"  p90 ≤ {TARGET_RATIO} × p90 statisch ({limit:.1f} s): {after.burst_p90:.1f} s"
                f" – {verdict(after.burst_p90 <= limit)}"
            )
        if waved:
            ok = (
                waved["served"] == waved["answers"] == waved["participants"]
                and waved["peak_memory_gb"] <= TARGET_MEMORY_GB
            )
            print(
                f"  {waved['participants']} in {waved['seconds']:.0f} s, Speicher ≤ "
                f"{TARGET_MEMORY_GB:g} GB: {waved['peak_memory_gb']:.2f} GB – {verdict(ok)}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--views", type=int, default=5, help="(a) Aufrufe nacheinander")
    parser.add_argument("--burst", type=int, default=30, help="(b) gleichzeitig (0: nicht)")
    parser.add_argument("--wave", type=int, default=100, help="(c) Teilnehmende (0: nicht)")
    parser.add_argument("--wave-seconds", type=float, default=120.0)
    parser.add_argument("--configs", default="vorher,pool,nachher")
    parser.add_argument("--burst-configs", default="vorher,nachher")
    parser.add_argument("--project", type=Path, help="analysiertes Demo-Projekt (Kopie)")
    parser.add_argument("--json", type=Path, help="Ergebnisse zusätzlich als JSON")
    args = parser.parse_args()
    configs = [c for c in args.configs.split(",") if c]
    bursting = [c for c in args.burst_configs.split(",") if c] if args.burst else []
    results: list[Result] = []
    static = waved = None
    with tempfile.TemporaryDirectory(prefix="participation-load-") as tmp:
        base = Path(tmp)
        print("Demo-Projekt vorbereiten …", flush=True)
        project = prepare(base, args.project)
        for config in configs:
            result = Result(config)
            results.append(result)
            if args.views:
                print(f"(a) {config}: {args.views} Aufrufe nacheinander …", flush=True)
                server, tree = start(config, 2, base / f"a-{config}", project)
                try:
                    sequential(result, server, tree, args.views, project)
                finally:
                    stop(server.process)
            if config in bursting:
                print(f"(b) {config}: {args.burst} gleichzeitig …", flush=True)
                server, tree = start(config, args.burst, base / f"b-{config}", project)
                try:
                    burst(result, server, tree, args.burst, project)
                finally:
                    stop(server.process)
        if args.burst:
            print(f"(b) statisch: {args.burst} gleichzeitig …", flush=True)
            static = static_burst(args.burst, base / "statisch", project)
        if args.wave and "nachher" in configs:
            print(f"(c) nachher: {args.wave} über {args.wave_seconds:.0f} s …", flush=True)
            server, tree = start("nachher", args.burst or 30, base / "c-nachher", project)
            try:
                waved = wave(server, tree, args.wave, args.wave_seconds, project)
            finally:
                stop(server.process)
    report(results, static, waved)
    if args.json:
        args.json.write_text(
            json.dumps(
                {"results": [asdict(r) for r in results], "static": static, "wave": waved},
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
