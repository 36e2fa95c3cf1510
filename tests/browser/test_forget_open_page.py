"""A statement erased with ``workbench forget`` in another process leaves an open page.

The Themenlandkarte is open on its first topic; ``workbench forget --statement`` runs as
a process of its own; without any click the page drops the quote within seconds (the
kernel's timer, widgets/forget_watch.py) and says why. Its own server over a copy of the
demo project: the erasure must not reach the other browser tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import widgets
from tests.browser.conftest import (
    APPS,
    WIDGET_TIMEOUT,
    VoilaServer,
    jupyter_env,
    start_voila,
    stop,
)
from widgets.forget_watch import REFRESHED
from widgets.topic_map import map_data
from workbench import Project

pytestmark = pytest.mark.browser

APP = "themenlandkarte.ipynb"
CODE = Path(widgets.__file__).resolve().parents[1]  # the code under test, for server and CLI


@pytest.fixture(scope="module")
def voila(tmp_path_factory: pytest.TempPathFactory, browser_project: Path) -> Iterator[VoilaServer]:
    """Voilà over a private copy of the demo project, running the code under test."""
    base = tmp_path_factory.mktemp("voila-vergessen")
    folder = base / "demo-projekt"
    shutil.copytree(browser_project, folder)
    env = jupyter_env(base, WORKBENCH_PROJECT=str(folder), PYTHONPATH=str(CODE))
    server = start_voila(APPS, base, env, [f"--Voila.config_file_paths={APPS}"])
    yield server
    stop(server.process)
    shutil.rmtree(base / "connections", ignore_errors=True)


def test_an_erased_statement_leaves_the_open_page(page: Page, voila: VoilaServer) -> None:
    with Project.open(voila.project_dir) as project:
        data = map_data(project)
    first = data.topics["topic"].iloc[0]
    own = data.statements[data.statements["topic"] == first]
    best = own.sort_values(["probability", "segment_id"], ascending=[False, True]).iloc[0]
    page.goto(voila.url(APP))
    quotes = page.locator(".sw-topic-quotes")
    expect(quotes.locator(".sw-quote").first).to_contain_text(best["text"], timeout=WIDGET_TIMEOUT)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["PYTHONPATH"] = str(CODE)
    command = [sys.executable, "-m", "workbench", "--project", str(voila.project_dir)]
    command += ["forget", "--statement", str(int(best["segment_id"])), "--by", "Projektleitung"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    # no click: the kernel's timer (every 3 s) reloads, the quote is gone, the page says so
    expect(page.locator(".sw-refreshed")).to_contain_text(REFRESHED, timeout=60_000)
    expect(quotes).not_to_contain_text(best["text"])
    expect(quotes.locator(".sw-quote")).to_have_count(min(len(own) - 1, 40))
    assert "Traceback" not in page.content()
