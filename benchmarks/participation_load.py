"""Participation under load: server CPU per view, participants arriving, memory held.

Issue 17. The participation app ``bedarfe_bewerten`` served in two (or three) ways, and
the kernel-less participation form, in one run, over a copy of the analysed demo study
(``workbench demo DIR --analyse``, kept under ``build/participation-load/``):

- ``vorher``:  Voilà as ``make demo`` started it before issue 17: a new kernel for every
  page view (no preheating), idle kernels culled after 15 minutes, and nbclient's 4 s
  wait for a cell's output (a busy server then sends a page without its app: counted);
- ``pool``:    (optional, ``--configs``) only Voilà's preheated kernels
  (``--preheat_kernel --pool_size``) and the page's wait for its output raised from 4 to
  60 s as in ``nachher``; kernels started as usual, pages with plotly;
- ``nachher``: the flags of ``make demo`` now (``participation_flags``): preheated
  kernels forked from a warm process, lean pages, cached templates
  (``widgets/voila_server.py``), a participant's kernel released 5 minutes after the
  last answer;
- ``formular``: the same server as ``nachher`` (``make demo``'s flags, pools filled),
  but participants open the kernel-less form that this Voilà process serves itself
  (``widgets/formular.py``): ``form_url(base_url, token)`` = ``<base_url>/beteiligung?
  token=…``, one HTML page without JavaScript and one POST. So its CPU is measured on
  the same process tree as the app's. Before (b) one request without a token lets the
  server open the project (as the pools' kernels have opened theirs before the burst).

(a) **CPU per view** (browser-independent): ``--views`` participants one after another
    (after one warm-up view), each opening the app with a token of their own, answering
    one item and leaving. CPU seconds of the server's process tree (Voilà, kernels,
    launchers, the warm process and its forked kernels, including processes that have
    ended; psutil) per view: while the views ran, and until the tree is quiet again
    (the pool starting replacements for the kernels taken). ``formular``: each view is a
    plain HTTP client instead of a browser (``_form_client.py``): GET the page and its
    stylesheet, POST the form with the first item rated "trifft zu", follow the 303 to
    the saved page and find its note; first content = the page read; also the bytes of
    the page, the stylesheet and the saved page, and the answers stored.
(b) **Arrivals**: ``--participants`` browser contexts (headless Debian chromium) with
    distinct tokens, all at once or evenly over ``--arrival-seconds``, each answering one
    item: how many saw their first item within ``--timeout`` (served), how many answers
    are stored (and none twice), p50/p90 time from arrival to first content, CPU per
    view of the tree meanwhile. ``formular``: first content = the first
    ``fieldset.punkt`` visible; the answer = "trifft zu" checked on the first item,
    "Antworten speichern" pressed, the saved page's note (``role=status``) shown. Then,
    in the same run and with the same arrivals, as many contexts loading a static page
    of similar weight: the district page of the published Sozialraum site (``workbench
    publish``, plotly.js 4.8 MB; first content = its first chart drawn) from a plain
    ``python -m http.server``. On two cores the browsers compete with the server, so the
    static page is the yardstick.
(c) **Memory held** during (b): peak of the tree's summed RSS and summed PSS (PSS counts
    pages that forked kernels share with the warm process once; RSS counts them in every
    kernel). If the machine's free memory falls below 1.5 GB the server is stopped and
    the row marked. ``formular``: the tree holds ``make demo``'s idle pools as well.

Targets (issue 17, this 2-core machine): CPU per view during a burst ≤ 0.25 s; 30 at
once: 30 of 30 served and stored, none twice, p90 ≤ 1.3 × the static page's p90;
100 over 2 minutes: all served, 100 answers, peak memory ≤ 8 GB. Judged for ``nachher``
and for ``formular``, each verdict under its configuration's name (``_load_report.py``).

Also printed: the CPU per view split by process (voila, kernel, warm, launcher) and the
WebSocket messages a page of the app receives (sequential views). ``--out`` is rewritten
after every phase, so a run cut short keeps what it measured. Pages Voilà sent without
their app (its log: "Timeout waiting for IOPub output") are counted.

Run: .venv/bin/python benchmarks/participation_load.py [--participants 30]
     [--arrival-seconds 0] [--pool-size N] [--views 5] [--skip-baseline]
     [--configs vorher,pool,nachher,formular] [--timeout 180] [--out RESULT.json]
(default ``--configs vorher,nachher,formular``). The issue's two targets:
``--participants 30`` and ``--participants 100 --arrival-seconds 120 --views 0``; the
form beside the app alone: ``--configs nachher,formular``; a smoke run of the form:
``--participants 2 --views 2 --configs formular``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import math
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _crowd import Tree, Visit, Watch, crowd, per_view, percentile  # noqa: E402
from _form_client import FormView, answer  # noqa: E402
from _load_report import report  # noqa: E402

from tests.browser.conftest import (  # noqa: E402
    APPS,
    CHROMIUM,
    CHROMIUM_ARGS,
    VoilaServer,
    free_port,
    jupyter_env,
    participation_flags,
    start_voila,
    stop,
)
from widgets.voila_server import IOPUB_TIMEOUT  # noqa: E402
from workbench.participation.feedback import FORM_PATH, form_url  # noqa: E402

APP = "bedarfe_bewerten.ipynb"
POOLED_APPS = (APP, "kodieren.ipynb")
DISTRICT = "Manfort"
STATIC_PAGE = "sozialraum-manfort.html"
WORK = ROOT / "build" / "participation-load"
CONFIGS = {
    "vorher": "ohne Vorheizen / no preheating (before issue 17)",
    "pool": "nur Voilà-Pool / Voilà's pool only",
    "nachher": "make demo: Pool, geforkte Kerne, schlanke Seiten / production",
    "formular": "Formular ohne Kern im Server von make demo / kernel-less form, make demo's server",
}
FORM = "formular"
BEFORE_FLAGS = [  # the Makefile's VOILA_FLAGS before issue 17 (besides start_voila's own)
    "--MappingKernelManager.cull_idle_timeout=900",
    "--MappingKernelManager.cull_interval=60",
]
IOPUB_LOST = "Timeout waiting for IOPub output"  # Voilà's log: a page went out without its app
MEMORY_FLOOR = 1.5e9  # bytes the machine keeps free; below: the server is stopped


def flags(config: str, pool: int) -> list[str]:
    """Voilà's flags for a configuration (added to ``start_voila``'s)."""
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
            f"--VoilaExecutor.iopub_timeout={IOPUB_TIMEOUT}",
        ]
    return participation_flags(pool)  # nachher, formular: make demo's


def link(config: str, server: VoilaServer, token: str) -> str:
    """A participant's address: the form's for ``formular``, else the app's."""
    return form_url(server.base_url, token) if config == FORM else server.url(APP, token=token)


def load() -> float:
    """The machine's load average over the last minute."""
    return round(os.getloadavg()[0], 2)


# -- the project ----------------------------------------------------------------------------
def workbench(*args: str) -> None:
    """Run the ``workbench`` command of this interpreter's environment."""
    command = Path(sys.executable).with_name("workbench")
    subprocess.run([str(command), *args], check=True, stdout=subprocess.DEVNULL)


def template(folder: Path) -> Path:
    """The analysed demo project in ``folder``: built once, upgraded when the schema moved."""
    from workbench import Project
    from workbench.core.domain import WorkbenchError

    if not (folder / "project.json").exists():
        print(f"Demo-Projekt bauen / building the demo project: {folder} …", flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        workbench("demo", str(folder), "--analyse")
    try:
        Project.open(folder).close()
    except WorkbenchError:
        workbench("--project", str(folder), "upgrade")
    return folder


def fresh_copy(source: Path, target: Path) -> Path:
    """A copy of the project ``source`` in ``target`` (the database through SQLite's backup)."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(
        source, target, ignore=shutil.ignore_patterns("werkbank.sqlite*", "sicherungen")
    )
    src = sqlite3.connect(source / "werkbank.sqlite")
    dst = sqlite3.connect(target / "werkbank.sqlite")
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


def issue(project_dir: Path, n: int) -> list[str]:
    """``n`` fresh participant tokens for the district."""
    from workbench import Project
    from workbench.participation import feedback

    with Project.open(project_dir) as project:
        return feedback.issue_tokens(project, n, district=DISTRICT)


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


# -- servers --------------------------------------------------------------------------------
def start(config: str, pool: int, base: Path, project_dir: Path) -> tuple[VoilaServer, Tree]:
    """A server in ``config``; returns once its pools are filled and the tree is quiet."""
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    env = jupyter_env(base, WORKBENCH_PROJECT=str(project_dir))
    server = start_voila(APPS, base, env, flags(config, pool))
    tree = Tree(server.process.pid)
    if config != "vorher":
        deadline = time.monotonic() + 900
        while not all(
            f"Kernel pool of {app} is filled" in server.log.read_text(errors="replace")
            for app in POOLED_APPS
        ):
            if time.monotonic() > deadline or server.process.poll() is not None:
                stop(server.process)
                raise RuntimeError(f"Pools nicht gefüllt / pools not filled:\n{server.log_tail()}")
            time.sleep(1.0)
    tree.settle()
    return server, tree


def sequential(config: str, views: int, base: Path, project_dir: Path, timeout: float) -> dict:
    """(a): ``views`` participants one after another (after one warm-up view)."""
    if config == FORM:
        return sequential_form(views, base, project_dir, timeout)
    server, tree = start(config, 2, base, project_dir)
    try:
        urls = [server.url(APP, token=t) for t in issue(project_dir, views + 1)]
        crowd(CHROMIUM, CHROMIUM_ARGS, urls[:1], timeout)
        tree.settle()
        before, roles, load_before = tree.cpu(), tree.cpu_by_role(), load()
        visits = crowd(CHROMIUM, CHROMIUM_ARGS, urls[1:], timeout, sequential=True)
        during, roles_during = tree.cpu(), tree.cpu_by_role()
        tree.settle()
        after = tree.cpu()
    finally:
        stop(server.process)
    firsts = [v.first_content for v in visits if v.first_content is not None]
    return {
        "views": views,
        "served": len(firsts),
        "cpu_per_view": (during - before) / views,
        "cpu_per_view_with_refill": (after - before) / views,
        "cpu_per_view_by_process": per_view(roles, roles_during, views),
        "first_content_median": median(firsts),
        "loaded_mb_median": median(v.loaded_bytes / 1e6 for v in visits if v.saved),
        "websocket_messages_median": median(v.frames for v in visits if v.saved),
        "load_average": load_before,
    }


def sequential_form(views: int, base: Path, project_dir: Path, timeout: float) -> dict:
    """(a) for the form: ``views`` plain HTTP participants one by one (after a warm-up view)."""
    server, tree = start(FORM, 2, base, project_dir)
    try:
        tokens = issue(project_dir, views + 1)
        answer(link(FORM, server, tokens[0]), timeout)  # the server opens the project
        tree.settle()
        before, roles, load_before = tree.cpu(), tree.cpu_by_role(), load()
        visits = [answer(link(FORM, server, t), timeout) for t in tokens[1:]]
        during, roles_during = tree.cpu(), tree.cpu_by_role()
        tree.settle()
        after = tree.cpu()
    finally:
        stop(server.process)
    answers, distinct = stored(project_dir, tokens[1:])
    read = [v for v in visits if v.first_content is not None]
    return {
        "client": "http",
        "views": views,
        "served": len(read),
        "saved": sum(v.saved is not None for v in visits),
        "answers": answers,
        "answered_twice": answers - distinct,
        "cpu_per_view": (during - before) / views,
        "cpu_per_view_with_refill": (after - before) / views,
        "cpu_per_view_by_process": per_view(roles, roles_during, views),
        "first_content_median": median(v.first_content for v in read),
        "saved_median": median(v.saved for v in visits if v.saved is not None),
        "loaded_mb_median": median((v.page_bytes + v.stylesheet_bytes) / 1e6 for v in read),
        "page_bytes": median(v.page_bytes for v in read),
        "stylesheet_bytes": median(v.stylesheet_bytes for v in read),
        "saved_page_bytes": median(v.saved_page_bytes for v in visits if v.saved),
        "items": median(v.items for v in read),
        "errors": failures(visits),
        "load_average": load_before,
    }


def arrivals(
    config: str, n: int, spread: float, pool: int, base: Path, project_dir: Path, timeout: float
) -> dict:
    """(b) and (c): ``n`` participants at once (``spread`` 0) or evenly over ``spread`` s."""
    server, tree = start(config, pool, base, project_dir)
    try:
        tokens = issue(project_dir, n)
        urls = [link(config, server, t) for t in tokens]
        if config == FORM:  # the server opens the project, as the pools' kernels did theirs
            warm_up(f"{server.base_url}/{FORM_PATH}")
            tree.settle()
        idle_rss, idle_pss = tree.memory()
        before, roles, load_before, began = tree.cpu(), tree.cpu_by_role(), load(), time.monotonic()
        with Watch(tree, lambda: stop(server.process), MEMORY_FLOOR) as watch:
            kind = "form" if config == FORM else "app"
            visits = crowd(CHROMIUM, CHROMIUM_ARGS, urls, timeout, spread=spread, kind=kind)
            during, roles_during = tree.cpu(), tree.cpu_by_role()
            seconds = time.monotonic() - began
            if not watch.short:
                tree.settle()
        after = tree.cpu()
    finally:
        stop(server.process)
    answers, distinct = stored(project_dir, tokens)
    return {
        **outcome(visits),
        "pages_without_output": server.log.read_text(errors="replace").count(IOPUB_LOST),
        "participants": n,
        "arrival_seconds": spread,
        "pool_size": pool if config != "vorher" else 0,
        "answers": answers,
        "answered_twice": answers - distinct,
        "cpu_per_view": (during - before) / n,
        "cpu_per_view_with_refill": (after - before) / n,
        "cpu_per_view_by_process": per_view(roles, roles_during, n),
        "seconds": seconds,
        "idle_pss_gb": idle_pss / 1e9,
        "idle_rss_gb": idle_rss / 1e9,
        "peak_pss_gb": watch.peak_pss / 1e9,
        "peak_rss_gb": watch.peak_rss / 1e9,
        "stopped_short_of_memory": watch.short,
        "load_average": load_before,
    }


def warm_up(url: str) -> None:
    """One request without a token: the form's server opens the project (answers 400)."""
    try:
        urllib.request.urlopen(url, timeout=60).close()
    except urllib.error.HTTPError as err:
        if err.code != 400:
            raise


def failures(visits: Iterable[Visit | FormView]) -> dict[str, int]:
    """How often each error ended a visit."""
    errors: dict[str, int] = {}
    for v in visits:
        if v.error:
            errors[v.error] = errors.get(v.error, 0) + 1
    return errors


def median(values: Iterable[float]) -> float:
    """The median (nan for none)."""
    values = list(values)
    return statistics.median(values) if values else math.nan


def outcome(visits: list[Visit]) -> dict:
    """Served, answered in the browser, p50/p90 of first content and of the stored answer."""
    firsts = [v.first_content for v in visits if v.first_content is not None]
    saved = [v.saved for v in visits if v.saved is not None]
    return {
        "served": len(firsts),
        "saved_in_browser": len(saved),
        "p50": percentile(firsts, 0.5),
        "p90": percentile(firsts, 0.9),
        "saved_p90": percentile(saved, 0.9),
        "loaded_mb_median": median(v.loaded_bytes / 1e6 for v in visits if v.loaded_bytes),
        "errors": failures(visits),
    }


def static_site(project_dir: Path, folder: Path, n: int, spread: float, timeout: float) -> dict:
    """``n`` readers of the published site's district page, arriving like the participants."""
    shutil.rmtree(folder, ignore_errors=True)
    workbench("--project", str(project_dir), "publish", "--out", str(folder))
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/{STATIC_PAGE}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        tree = Tree(server.pid)
        before, load_before = tree.cpu(), load()
        visits = crowd(CHROMIUM, CHROMIUM_ARGS, [url] * n, timeout, spread=spread, kind="static")
        cpu = tree.cpu() - before
    finally:
        stop(server)
    return {
        **outcome(visits),
        "readers": n,
        "arrival_seconds": spread,
        "page": STATIC_PAGE,
        "cpu_per_view": cpu / n,
        "load_average": load_before,
    }


def plain(value: object) -> object:
    """``value`` with every NaN replaced by None (strict JSON)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return None if isinstance(value, float) and math.isnan(value) else value


def write(out: Path | None, results: dict) -> None:
    """Write the results so far as JSON to ``out`` (if given)."""
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(plain(results), indent=1, ensure_ascii=False), encoding="utf-8")


def commit() -> str:
    """The checked-out commit and whether the tree has local changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return "?"
    return f"commit {head}{' + lokale Änderungen/local changes' if dirty else ''}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30, help="(b) Teilnehmende")
    parser.add_argument(
        "--arrival-seconds", type=float, default=0.0, help="(b) Ankunft verteilt über S s"
    )
    parser.add_argument(
        "--pool-size", type=int, help="vorgeheizte Kerne je App (Standard: min(N, 30))"
    )
    parser.add_argument("--views", type=int, default=5, help="(a) Aufrufe nacheinander (0: keine)")
    parser.add_argument("--configs", default="vorher,nachher,formular", help=", ".join(CONFIGS))
    parser.add_argument("--skip-baseline", action="store_true", help="ohne 'vorher'")
    parser.add_argument("--timeout", type=float, default=180.0, help="Sekunden je Schritt")
    parser.add_argument("--project", type=Path, help="analysiertes Demo-Projekt als Vorlage")
    parser.add_argument("--out", type=Path, help="Ergebnisse zusätzlich als JSON")
    args = parser.parse_args()
    configs = [
        c for c in args.configs.split(",") if c and not (args.skip_baseline and c == "vorher")
    ]
    unknown = set(configs) - set(CONFIGS)
    if unknown or not configs or args.participants < 1:
        parser.error(f"--configs: {', '.join(CONFIGS)}; --participants ≥ 1")
    if not CHROMIUM.exists():
        parser.error(f"Chromium fehlt / missing: {CHROMIUM} (make chromium)")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the servers on the way out
    pool = args.pool_size or min(args.participants, 30)
    n, spread = args.participants, args.arrival_seconds

    source = template(args.project or WORK / "demo-projekt")
    run = WORK / "lauf"
    project_dir = fresh_copy(source, run / "projekt")
    results: dict = {
        "meta": {
            "date": dt.datetime.now().isoformat(timespec="seconds"),
            "commit": commit(),
            "cpus": os.cpu_count(),
            "participants": n,
            "arrival_seconds": spread,
            "pool_size": pool,
            "views": args.views,
            "timeout": args.timeout,
            "load_start": load(),
        },
        "configs": {c: {"description": CONFIGS[c]} for c in configs},
    }
    save = functools.partial(write, args.out, results)  # after every phase: a run cut short
    for config in configs:  # keeps what it has measured
        if args.views:
            print(f"(a) {config}: {args.views} Aufrufe nacheinander / sequential …", flush=True)
            results["configs"][config]["sequential"] = sequential(
                config, args.views, run / f"a-{config}", project_dir, args.timeout
            )
            save()
        print(f"(b) {config}: {n} Teilnehmende / participants …", flush=True)
        results["configs"][config]["arrivals"] = arrivals(
            config, n, spread, pool, run / f"b-{config}", project_dir, args.timeout
        )
        save()
    print(f"(b) statisch / static: {n} Lesende / readers …", flush=True)
    results["static"] = static_site(project_dir, run / "seite", n, spread, args.timeout)
    results["meta"]["load_end"] = load()
    save()
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
