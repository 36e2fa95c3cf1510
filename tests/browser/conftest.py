"""Browser tests: the demo project, Voilà serving ``voila_apps/``, Debian's chromium.

One Voilà server per test session (``voila``), started on a free port on 127.0.0.1 with
- the demo project built into a temp folder (``WORKBENCH_PROJECT``), its embedding cache
  filled, so the apps' suggestions come from the cache as in production;
- Jupyter's config, data and runtime folders and IPython's folder in temp folders;
- ``<html lang="de">`` (``VoilaExporter.language_code``), as ``make demo`` serves them;
- ``show_tracebacks`` off and kernel culling on (every page view starts a kernel; a page
  closed without unloading, as Playwright's ``page.close()`` does it, leaves it running:
  ``test_kernels_are_culled`` checks that culling stops it; a page that is left ends its
  kernel itself with the apps' configuration, ``test_kernel_shutdown.py``).
Playwright (pytest-playwright) drives ``/usr/bin/chromium``; it is never downloaded
(``playwright install`` is not used). Without chromium the tests fail in CI and are
skipped elsewhere (``need``).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.coding_panel_data import card_wall
from tests.conftest import ROOT, need
from tests.ports import reserve_port
from tests.project_copy import copy_project
from widgets.voila_server import IOPUB_TIMEOUT
from workbench import Project

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
APPS = ROOT / "voila_apps"
CULL_INTERVAL = 1  # seconds between culling checks
START_TIMEOUT = 180  # seconds; a niced, busy `make test` once needed more than 60
# Tests write screenshots under build/; `make screenshots` points this at docs/screenshots
# (WORKBENCH_SCREENSHOTS) to refresh the README's pictures on purpose.
SCREENSHOTS = Path(os.environ.get("WORKBENCH_SCREENSHOTS", ROOT / "build" / "screenshots"))
# ms until an app's first widget shows: a cold kernel on 2 cores while `make test` runs the
# other tests beside the browser tests (the last CI run saw "Loading widget..." after 60 s)
WIDGET_TIMEOUT = 120_000
# Idle seconds before culling: longer than a page may take to connect to its kernel (the
# widget timeout). 20 s and then 45 s were not: under `make test`'s load the page had not
# opened its kernel's websocket when the kernel was culled ("0 connections"), and the
# widgets never came (test_kernels_are_culled_after_the_page_is_closed, a CI run).
CULL_IDLE_TIMEOUT = WIDGET_TIMEOUT // 1000 + 30
# ms an assertion waits for the answer to a click: one kernel round trip, which under
# `make test`'s load took longer than Playwright's default 5 s (the map's colour toggle).
ANSWER_TIMEOUT = 30_000


@dataclass
class VoilaServer:
    """A running Voilà: where it listens, its project and its kernels' files."""

    base_url: str
    project_dir: Path
    connection_dir: Path
    log: Path
    process: subprocess.Popen

    def url(self, notebook: str, **params: str) -> str:
        """The address of an app, e.g. ``url("kodieren.ipynb", coder="X")``."""
        query = f"?{urlencode(params)}" if params else ""
        return f"{self.base_url}/voila/render/{notebook}{query}"

    def kernels(self) -> set[str]:
        """Ids of the kernels running now (from their connection files)."""
        return {p.stem.removeprefix("kernel-") for p in self.connection_dir.rglob("kernel-*.json")}

    def log_tail(self, lines: int = 40) -> str:
        """The end of Voilà's log, for failure messages."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])


# Voilà's and Jupyter Server's log: the address they listen on (after "is running at:")
_RUNNING_AT = re.compile(r"is running at:.*?(http://127\.0\.0\.1:\d+)", re.DOTALL)


def listening_at(log: Path) -> str | None:
    """Where a Voilà or Jupyter server listens, by its log; None until it says so.

    The port ``free_port()`` picked may be taken by another process before the server
    binds it, a second or two later (a CI run: "The port 34269 is already in use, trying
    another port"): the server then takes the next, and until its log names the address
    what answers on the picked port may be someone else's server, so nobody asks it.
    """
    found = _RUNNING_AT.search(log.read_text(encoding="utf-8", errors="replace"))
    return found.group(1) if found else None


def free_port() -> int:
    """A TCP port on 127.0.0.1 reserved for the server about to start (tests/ports.py)."""
    return reserve_port()


def jupyter_env(base: Path, **extra: str) -> dict[str, str]:
    """The environment for a Jupyter process whose folders all lie under ``base``."""
    env = dict(os.environ)
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        folder = base / var.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[var] = str(folder)
    env.pop("QUERY_STRING", None)
    env.update(extra)
    return env


def participation_flags(pool_size: int, cull_idle: int = 300) -> list[str]:
    """Voilà's flags for a burst of participants, as the Makefile's ``demo`` sets them.

    ``pool_size`` preheated kernels for each participation app, forked from a warm
    process; the server side is configured by ``voila_apps/voila.py``. Culling as in
    production (minutes): in a burst a page may take longer than the session server's
    20 s to connect to the kernel that has already run its notebook.
    """
    return [
        f"--Voila.config_file_paths={APPS}",
        "--preheat_kernel=True",
        f"--pool_size={pool_size}",
        f"--MappingKernelManager.cull_idle_timeout={cull_idle}",
        "--MappingKernelManager.cull_interval=30",
    ]


def start_voila(
    apps: Path, base: Path, env: dict[str, str], flags: Sequence[str] = ()
) -> VoilaServer:
    """Start Voilà on a free port serving ``apps``; return once it answers HTTP.

    ``flags`` are added to the command (e.g. :func:`participation_flags`).
    """
    port = free_port()
    connections = base / "connections"
    connections.mkdir(parents=True, exist_ok=True)
    log = base / "voila.log"
    command = [
        sys.executable,
        "-m",
        "voila",
        str(apps),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        f"--Voila.connection_dir_root={connections}",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaExporter.language_code=de",  # <html lang="de"> (as in `make demo`)
        f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_TIMEOUT}",
        f"--MappingKernelManager.cull_interval={CULL_INTERVAL}",
        # nbclient's 4 s wait for a cell's output is too short on a loaded machine: Voilà
        # would send the page without the app (as voila_apps/voila.py sets it for make demo)
        f"--VoilaExecutor.iopub_timeout={IOPUB_TIMEOUT}",
    ]
    given = {flag.split("=", 1)[0] for flag in flags}  # a flag in `flags` replaces ours
    command = [c for c in command if c.split("=", 1)[0] not in given] + list(flags)
    with log.open("wb") as out:  # the child keeps its own handle
        process = subprocess.Popen(
            command, cwd=base, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() can end its children too
        )  # fmt: skip
    server = VoilaServer(
        f"http://127.0.0.1:{port}", Path(env["WORKBENCH_PROJECT"]), connections, log, process
    )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Voilà hat sich beendet:\n{server.log_tail()}")
        address = listening_at(log)
        if address is None:  # not yet bound: the picked port may be another's by now
            time.sleep(0.2)
            continue
        server.base_url = address
        try:
            with urllib.request.urlopen(server.base_url + "/", timeout=2) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    stop(process)
    raise RuntimeError(f"Voilà antwortet nicht nach {START_TIMEOUT} s:\n{server.log_tail()}")


def stop(process: subprocess.Popen) -> None:
    """Stop a server and its kernels (SIGTERM; after 15 s SIGKILL to its process group).

    Never raises: a server that ignored SIGTERM under load must not leave its kernels and
    warm processes running (a CI run left one Voilà with nine helpers behind).
    """
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    with contextlib.suppress(ProcessLookupError):  # helpers that outlived a clean exit
        os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's chromium (never a downloaded browser), quiet and without a sandbox."""
    need(CHROMIUM, "Chromium (Debian-Paket chromium, `make chromium`)")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_project(tmp_path_factory: pytest.TempPathFactory, embedded_demo_dir: Path) -> Path:
    """The demo project for the apps as `make demo` leaves it (embeddings, analysis runs).

    Embeddings cached, a need run and a topic run stored: the apps only read them. A copy
    of the session's embedded demo project (tests/conftest.py), so the demo statements
    are embedded once per test session.
    """
    from workbench.analysis.suggest import suggest
    from workbench.demo import analyse_demo

    folder = tmp_path_factory.mktemp("browser") / "demo-projekt"
    copy_project(embedded_demo_dir, folder)
    with Project.open(folder) as project:
        suggest(project, coder="Aufwärmen")  # caches the codebook texts' embeddings too
        analyse_demo(project, progress=False)
    return folder


@pytest.fixture(scope="session")
def voila(tmp_path_factory: pytest.TempPathFactory, browser_project: Path) -> Iterator[VoilaServer]:
    """Voilà serving ``voila_apps/`` over the demo project, for the whole session."""
    base = tmp_path_factory.mktemp("voila")
    env = jupyter_env(base, WORKBENCH_PROJECT=str(browser_project))
    server = start_voila(APPS, base, env)
    yield server
    stop(server.process)
    shutil.rmtree(base / "connections", ignore_errors=True)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where the tests leave the apps' screenshots for the README."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def project_without_codebook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh card-wall import without any codebook, its statements' embeddings cached.

    Tests create codes in it (in-vivo coding); with the cache filled the app's
    suggestions never embed the statements in the page's kernel.
    """
    from workbench.analysis.embeddings import project_embeddings

    folder = card_wall(tmp_path_factory.mktemp("ohne-codebuch"))
    with Project.open(folder) as project:
        project_embeddings(project, progress=False)
    return folder


@pytest.fixture(scope="session")
def voila_without_codebook(
    tmp_path_factory: pytest.TempPathFactory, project_without_codebook: Path
) -> Iterator[VoilaServer]:
    """A second Voilà serving ``voila_apps/`` over :func:`project_without_codebook`."""
    base = tmp_path_factory.mktemp("voila-ohne-codebuch")
    env = jupyter_env(base, WORKBENCH_PROJECT=str(project_without_codebook))
    server = start_voila(APPS, base, env)
    yield server
    stop(server.process)
    shutil.rmtree(base / "connections", ignore_errors=True)


@pytest.fixture(autouse=True)
def _patient_navigation(request: pytest.FixtureRequest) -> None:
    """A Voilà page finishes loading once its notebook has run: navigation may take as
    long as a cold kernel (Playwright's default is 30 s)."""
    if "page" in request.fixturenames:
        request.getfixturevalue("page").set_default_navigation_timeout(2 * WIDGET_TIMEOUT)


@pytest.fixture(scope="session", autouse=True)
def _patient_assertions() -> None:
    """Every ``expect`` waits up to :data:`ANSWER_TIMEOUT` for a widget's answer."""
    from playwright.sync_api import expect

    expect.set_options(timeout=ANSWER_TIMEOUT)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """A failed browser test reports the end of its Voilà server's log.

    A page that hangs shows only Voilà's spinner; what the kernels and the server did is
    in the log, which lives in a temp folder that CI does not keep.
    """
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    for name in item.fixturenames:
        value = getattr(item, "funcargs", {}).get(name)
        if isinstance(value, VoilaServer) and value.log.exists():
            report.sections.append((f"Voilà-Log ({name})", value.log_tail(80)))
