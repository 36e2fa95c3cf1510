"""A statement erased with ``workbench forget`` in another process leaves an open page.

The Themenlandkarte is open on its first topic; ``workbench forget --statement`` runs as
a process of its own; without any click the page drops the quote within seconds (the
kernel's timer, widgets/forget_watch.py) and says why. Kodieren, open for hours: the
statement just coded is erased from the test's process, and a click on it is refused.
Their own server over a copy of the demo project: the erasure must not reach the other
browser tests.
"""

from __future__ import annotations

import os
import re
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
from tests.browser.test_kodieren import stored
from tests.project_copy import copy_project
from widgets.coding_model import code_buttons
from widgets.forget_watch import CODER_ERASED, ERASED, REFRESHED
from widgets.topic_map import map_data
from workbench import Project
from workbench.store.erasure import forget

pytestmark = pytest.mark.browser

APP = "themenlandkarte.ipynb"
CODE = Path(widgets.__file__).resolve().parents[1]  # the code under test, for server and CLI


@pytest.fixture(scope="module")
def voila(tmp_path_factory: pytest.TempPathFactory, browser_project: Path) -> Iterator[VoilaServer]:
    """Voilà over a private copy of the demo project, running the code under test."""
    base = tmp_path_factory.mktemp("voila-vergessen")
    folder = base / "demo-projekt"
    copy_project(browser_project, folder)
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


def test_a_coded_statement_erased_meanwhile_leaves_kodieren_and_refuses_a_click(
    page: Page, voila: VoilaServer
) -> None:
    coder = "Löschprobe im Browser"
    with Project.open(voila.project_dir) as project:
        segments = project.segments()
        buttons = code_buttons(project.codes())
    first = segments.iloc[0]
    erased, text = int(first["segment_id"]), " ".join(str(first["text"]).split())[:40]
    page.goto(voila.url("kodieren.ipynb", coder=coder))
    shown = page.locator(".sw-current-text")
    expect(shown).to_contain_text(text, timeout=WIDGET_TIMEOUT)
    page.locator(".sw-code-0").click()
    expect(page.locator(".sw-code-0")).to_contain_text("✓")
    assert stored(voila.project_dir, coder) == {(erased, buttons[0].path, None, None)}
    with Project.open(voila.project_dir) as other:  # another process than the page's kernel
        forget(other, statements=(erased,), actor="Projektleitung")
    page.locator(".sw-code-1").click()  # at once: the page most likely still shows it
    status = page.locator(".sw-status")
    refused, coded = ERASED.split(" (")[0], f"{buttons[1].path} kodiert"
    answer = re.compile(f"{re.escape(refused)}|{re.escape(coded)}")
    expect(status).to_contain_text(answer)  # the second click's answer, either way
    expect(shown).not_to_contain_text(text)
    expect(page.locator(".sw-list")).not_to_contain_text(text)
    after = stored(voila.project_dir, coder)
    assert all(segment != erased for segment, *_ in after)
    if refused in status.inner_text():  # the click came before the timer: refused
        expect(status).to_contain_text(ERASED)
        assert after == set()  # nothing written; the earlier code went with the statement
        expect(page.locator(".sw-progress")).to_contain_text("Fortschritt: 0 von")
    else:  # the timer reloaded first: the click coded the statement shown in its place
        now = int(segments.iloc[1]["segment_id"])
        assert after == {(now, buttons[1].path, None, None)}, status.inner_text()
    assert "Traceback" not in page.content()


def test_kodieren_stays_as_it_is_after_forget_of_a_person_named_in_nothing_it_holds(
    page: Page, voila: VoilaServer
) -> None:
    """A person named only in a recommendation is forgotten (``workbench forget --person``
    in a process of its own): the open Kodieren page holds nothing of hers, so it shows no
    notice and codes on (decision 020, Nachtrag Runde 48). Before, every ``--person``
    reloaded it and said "Beiträge wurden auf Antrag gelöscht"."""
    from workbench.synthesis import recommendations as rec

    coder = "Personenprobe im Browser"
    with Project.open(voila.project_dir) as project:
        rec.add_recommendation(
            project, "Frau Wiebke Oltmanns vom Jugendamt plant die Bänke.", "Manfort", title="B"
        )
        first = project.segments().iloc[0]
        buttons = code_buttons(project.codes())
    text = " ".join(str(first["text"]).split())[:40]
    page.goto(voila.url("kodieren.ipynb", coder=coder))
    expect(page.locator(".sw-current-text")).to_contain_text(text, timeout=WIDGET_TIMEOUT)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["PYTHONPATH"] = str(CODE)
    command = [sys.executable, "-m", "workbench", "--project", str(voila.project_dir)]
    command += ["forget", "--person", "Wiebke Oltmanns", "--by", "Projektleitung"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    page.wait_for_timeout(3 * 3_000)  # three looks of the kernel's timer (every 3 s)
    status = page.locator(".sw-status")
    assert REFRESHED not in status.inner_text()
    expect(page.locator(".sw-current-text")).to_contain_text(text)
    page.locator(".sw-code-2").click()  # codes on, on the statement it showed
    expect(status).to_contain_text(f"{buttons[2].path} kodiert")
    assert stored(voila.project_dir, coder) == {
        (int(first["segment_id"]), buttons[2].path, None, None)
    }
    assert "Traceback" not in page.content()


def test_kodieren_asks_for_a_name_again_after_forget_of_its_own_coder(
    page: Page, voila: VoilaServer
) -> None:
    """The person ``workbench forget --person`` erases (in a process of its own) is the
    page's coder: her codings go to her placeholder, and the open page asks for a name
    instead of coding on under hers (decision 020, Nachtrag Runde 48, zweiter Teil)."""
    from workbench.synthesis import recommendations as rec

    coder = "Hedda Brinkhoff"
    with Project.open(voila.project_dir) as project:  # the key learns her full name
        rec.add_recommendation(project, f"Frau {coder} vom Jugendamt plant Bänke.", "Manfort")
        first = project.segments().iloc[0]
    text = " ".join(str(first["text"]).split())[:40]
    page.goto(voila.url("kodieren.ipynb", coder=coder))
    expect(page.locator(".sw-current-text")).to_contain_text(text, timeout=WIDGET_TIMEOUT)
    page.locator(".sw-code-0").click()
    expect(page.locator(".sw-code-0")).to_contain_text("✓")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["PYTHONPATH"] = str(CODE)
    command = [sys.executable, "-m", "workbench", "--project", str(voila.project_dir)]
    command += ["forget", "--person", coder, "--by", "Projektleitung"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    status = page.locator(".sw-status")
    expect(status).to_contain_text(CODER_ERASED, timeout=WIDGET_TIMEOUT)  # the timer's look
    expect(page.locator(".sw-current-text")).to_be_hidden()
    expect(page.get_by_placeholder("Ihr Name oder Kürzel")).to_have_value("")
    assert stored(voila.project_dir, coder) == set()  # her coding went to her placeholder
    assert coder not in status.inner_text() and "Traceback" not in page.content()
