"""A ``forget`` in another process reaches an open Quartiersprofil and Rückmeldung page,
and an unrelated one does not (widgets/forget_watch.py).

Their own server over a copy of the demo project, as tests/browser/test_forget_open_page.py:
the profile drops an erased quote within seconds without a click (the kernel's timer);
a participant's rating of a need whose quote was just erased is refused in German (or,
if the timer came first, the card shows the need without it); a forget of another
participant's access code leaves the participant's page without the notice.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import widgets
from tests.browser.conftest import APPS, WIDGET_TIMEOUT, VoilaServer, jupyter_env, start_voila, stop
from tests.browser.test_bedarfe_bewerten import answers, ensure_need_run, issue
from tests.project_copy import copy_project
from widgets.feedback_texts import short_quote
from widgets.forget_watch import ERASED_ITEM, REFRESHED
from workbench import Project
from workbench.participation import feedback
from workbench.store.erasure import forget
from workbench.synthesis.profiles import build_profiles

pytestmark = pytest.mark.browser

CODE = Path(widgets.__file__).resolve().parents[1]  # the code under test, for server and CLI


@pytest.fixture(scope="module")
def voila(tmp_path_factory: pytest.TempPathFactory, browser_project: Path) -> Iterator[VoilaServer]:
    """Voilà over a private copy of the demo project (with a need run), code under test."""
    base = tmp_path_factory.mktemp("voila-vergessen-rueckmeldung")
    folder = base / "demo-projekt"
    copy_project(browser_project, folder)
    ensure_need_run(folder)
    env = jupyter_env(base, WORKBENCH_PROJECT=str(folder), PYTHONPATH=str(CODE))
    server = start_voila(APPS, base, env, [f"--Voila.config_file_paths={APPS}"])
    yield server
    stop(server.process)
    shutil.rmtree(base / "connections", ignore_errors=True)


def forget_in_a_process(project: Path, *args: str) -> None:
    """``workbench forget`` as a process of its own."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["PYTHONPATH"] = str(CODE)
    command = [sys.executable, "-m", "workbench", "--project", str(project), "forget", *args]
    done = subprocess.run(
        [*command, "--by", "Projektleitung"], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr


def test_an_erased_quote_leaves_the_open_profile(page: Page, voila: VoilaServer) -> None:
    with Project.open(voila.project_dir) as project:
        quotes = build_profiles(project).profile("Manfort").need_quotes
    row = quotes.iloc[0]
    text = " ".join(str(row["quote"]).split())[:40]
    page.goto(voila.url("sozialraumprofil.ipynb", district="Manfort"))
    needs = page.locator(".sw-needs")
    expect(needs).to_contain_text(text, timeout=WIDGET_TIMEOUT)
    forget_in_a_process(voila.project_dir, "--statement", str(int(row["segment_id"])))
    # no click: the kernel's timer reloads, keeps the district, the quote is gone
    expect(page.locator(".sw-refreshed")).to_contain_text(REFRESHED, timeout=60_000)
    expect(page.locator(".sw-district select")).to_have_value("Manfort")
    expect(needs).not_to_contain_text(text)
    assert "Traceback" not in page.content()


def open_ballot(page: Page, voila: VoilaServer, token: str) -> None:
    page.goto(voila.url("bedarfe_bewerten.ipynb", token=token))
    expect(page.locator(".sw-item").first).to_be_visible(timeout=WIDGET_TIMEOUT)


def test_an_unrelated_forget_leaves_the_participants_page_as_it_is(
    page: Page, voila: VoilaServer
) -> None:
    mine, other = issue(voila.project_dir, 2, district="Manfort")
    with Project.open(voila.project_dir) as project:
        item = feedback.open_ballot(project, mine).items[0].item_id
    open_ballot(page, voila, mine)
    forget_in_a_process(voila.project_dir, "--token", other)
    before = Counter(answers(voila.project_dir))  # the demo's participants answered too
    card = page.locator(f".sw-item-{item}")
    card.get_by_role("button", name="trifft zu", exact=True).click()  # looks at the mark
    expect(card.locator(".sw-status")).to_have_text("✓ gespeichert")
    page.wait_for_timeout(4_000)  # the timer's next look (every 3 s) is silent too
    expect(page.locator(".sw-feedback")).not_to_contain_text(REFRESHED)
    added = Counter(answers(voila.project_dir)) - before
    assert [(i, r) for _, i, r, *_ in added.elements()] == [(item, "agree")]


def test_a_rating_on_an_erased_quote_is_refused(page: Page, voila: VoilaServer) -> None:
    [token] = issue(voila.project_dir, 1, district="Manfort")
    with Project.open(voila.project_dir) as project:
        ballot = feedback.open_ballot(project, token)
        segments = project.segments()
    item = next(i for i in ballot.items if i.quotes)
    quote = item.quotes[0].strip("„“…. ")[:30]
    segment_id = next(
        int(s) for s, t in zip(segments["segment_id"], segments["text"], strict=True) if quote in t
    )
    open_ballot(page, voila, token)
    card = page.locator(f".sw-item-{item.item_id}")
    expect(card).to_contain_text(short_quote(item.quotes[0])[:30])
    before = len(answers(voila.project_dir))
    with Project.open(voila.project_dir) as other:  # another process than the page's kernel
        forget(other, statements=(segment_id,), actor="Projektleitung")
    card.get_by_role("button", name="trifft zu", exact=True).click()  # at once
    expect(page.locator(".sw-feedback")).to_contain_text(REFRESHED)
    expect(card).not_to_contain_text(quote)
    status = card.locator(".sw-status")
    if ERASED_ITEM[:40] in status.inner_text():  # the click came before the timer: refused
        assert len(answers(voila.project_dir)) == before  # nothing written
    assert "Traceback" not in page.content()
