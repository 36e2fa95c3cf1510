"""The participants' app ``voila_apps/bedarfe_bewerten.ipynb`` in Voilà, driven in chromium.

Most tests use the session's Voilà server (``tests/browser/conftest.py``) and add what
this app needs to its demo project: a stored need run (if there is none yet) and tokens.
The escaping test uses a variation: its own server over a private copy of the project
with a draft recommendation full of HTML, serving this app beside a small results page.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from tests.browser.conftest import (
    APPS,
    WIDGET_TIMEOUT,
    VoilaServer,
    jupyter_env,
    start_voila,
    stop,
)
from tests.project_copy import copy_project
from workbench import Project
from workbench.cli.main import main
from workbench.participation import feedback
from workbench.store import FeedbackAnswer

pytestmark = pytest.mark.browser

APP = "bedarfe_bewerten.ipynb"
EVIL = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"><b>fett</b>'
RESULTS_NOTEBOOK = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "ergebnisse",
            "metadata": {},
            "outputs": [],
            "source": [
                "from widgets.app_support import open_project\n",
                "from widgets.feedback import results_app\n",
                "results_app(open_project()).widget",
            ],
        }
    ],
    "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}


def ensure_need_run(project_dir: Path) -> None:
    """Store a need run unless the project has one (from the cached embeddings)."""
    from workbench.analysis import needs

    with Project.open(project_dir) as project:
        if needs.runs(project).empty:
            needs.run_needs(project, progress=False)


def answers(project_dir: Path) -> list[tuple[int, int, str | None, int, str]]:
    """(token_id, item_id, rating, points, comment) of every stored answer."""
    with Project.open(project_dir) as project, project.session() as s:
        rows = s.execute(
            select(
                FeedbackAnswer.token_id,
                FeedbackAnswer.item_id,
                FeedbackAnswer.rating,
                FeedbackAnswer.points,
                FeedbackAnswer.comment,
            )
        ).all()
    return [tuple(r) for r in rows]


@pytest.fixture(scope="module")
def ready(voila: VoilaServer) -> VoilaServer:
    """The session's server, its project with a need run."""
    ensure_need_run(voila.project_dir)
    return voila


def issue(project_dir: Path, n: int, **scope: str) -> list[str]:
    with Project.open(project_dir) as project:
        return feedback.issue_tokens(project, n, **scope)


def open_app(page: Page, server: VoilaServer, token: str | None) -> None:
    """Open the app (with ``?token=`` if given) and wait until it shows form or message."""
    page.goto(server.url(APP, **({"token": token} if token is not None else {})))
    expect(page.locator(".sw-feedback, .sw-message-error, .sw-message-info").first).to_be_visible(
        timeout=WIDGET_TIMEOUT
    )


def summary(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> dict[int, dict]:
    """``workbench feedback --json`` per item id."""
    capsys.readouterr()
    assert main(["--project", str(project_dir), "feedback", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    return {item["item_id"]: item for item in data["items"]}


def test_an_answer_persists_across_reload_and_appears_in_the_cli(
    page: Page, ready: VoilaServer, screenshots: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [token] = issue(ready.project_dir, 1, district="Manfort")
    with Project.open(ready.project_dir) as project:
        item = feedback.open_ballot(project, token).items[0].item_id
    before = summary(ready.project_dir, capsys)[item]

    open_app(page, ready, token)
    expect(page.locator(".sw-feedback")).to_contain_text("Für: Manfort")
    card = page.locator(f".sw-item-{item}")
    card.get_by_role("button", name="trifft zu", exact=True).click()
    expect(card.locator(".sw-status")).to_have_text("✓ gespeichert")
    for points in (1, 2, 3):
        card.locator(".sw-plus").click()
        expect(card.locator(".sw-points")).to_contain_text(f"{points} Punkt")
    card.locator(".sw-comment textarea").fill("Passt, vor allem abends.")
    card.locator(".sw-save-comment").click()
    expect(page.locator(".sw-budget")).to_have_text("Noch 7 von 10 Prioritätspunkten frei.")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not any(
        a[1] == item and a[4] == "Passt, vor allem abends." for a in answers(ready.project_dir)
    ):
        time.sleep(0.2)

    page.reload()  # a new kernel shows what is stored
    card = page.locator(f".sw-item-{item}")
    expect(card.locator(".sw-status")).to_have_text("✓ gespeichert", timeout=WIDGET_TIMEOUT)
    expect(card.get_by_role("button", name="trifft zu", exact=True)).to_have_class(
        "widget-toggle-button jupyter-button mod-active"
    )
    expect(card.locator(".sw-points")).to_contain_text("3 Punkte")
    expect(card.locator(".sw-comment textarea")).to_have_value("Passt, vor allem abends.")
    expect(page.locator(".sw-budget")).to_contain_text("Noch 7 von 10")
    assert "Traceback" not in page.content()

    after = summary(ready.project_dir, capsys)[item]
    assert after["agree"] == before["agree"] + 1
    assert after["points"] == before["points"] + 3
    assert after["participants"] == before["participants"] + 1
    assert after["comments"] == before["comments"] + 1

    page.set_viewport_size({"width": 1280, "height": 1000})
    page.screenshot(path=str(screenshots / "bedarfe_bewerten.png"))


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        (None, "fehlt Ihr persönlicher Zugangscode"),
        ("AAAAAAAAAAAAAAAAAAAAAA", "Dieser Zugangscode ist ungültig"),
        ("<script>alert(1)</script>", "Dieser Zugangscode ist ungültig"),
    ],
)
def test_an_invalid_token_sees_a_message_and_cannot_write(
    page: Page, ready: VoilaServer, token: str | None, expected: str
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    stored = answers(ready.project_dir)
    open_app(page, ready, token)
    expect(page.locator(".sw-message-error")).to_contain_text(expected)
    # no form: nothing to click, nothing to type into
    assert page.locator(".sw-item").count() == 0
    assert page.get_by_role("button", name="trifft zu").count() == 0
    assert page.locator("textarea").count() == 0
    assert "Traceback" not in page.content() and dialogs == []
    assert answers(ready.project_dir) == stored


# -- escaping: a variation of the server over a private copy -----------------------------------
@pytest.fixture(scope="module")
def evil_server(
    tmp_path_factory: pytest.TempPathFactory, browser_project: Path
) -> Iterator[tuple[VoilaServer, str]]:
    """A server over a copy with a draft recommendation full of HTML; a token for it."""
    from workbench.synthesis import recommendations

    base = tmp_path_factory.mktemp("voila-escape")
    project_dir = base / "projekt"
    copy_project(browser_project, project_dir)
    ensure_need_run(project_dir)
    with Project.open(project_dir) as project:
        recommendations.add_recommendation(project, EVIL, title=EVIL, scope="Manfort")
        [token] = feedback.issue_tokens(project, 1, district="Manfort")
    apps = base / "apps"
    apps.mkdir()
    shutil.copy(APPS / APP, apps / APP)
    (apps / "ergebnisse.ipynb").write_text(json.dumps(RESULTS_NOTEBOOK), encoding="utf-8")
    server = start_voila(apps, base, jupyter_env(base, WORKBENCH_PROJECT=str(project_dir)))
    yield server, token
    stop(server.process)


def test_html_in_items_and_comments_renders_as_text(
    page: Page, evil_server: tuple[VoilaServer, str]
) -> None:
    server, token = evil_server
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_app(page, server, token)
    card = page.locator(".sw-item").filter(has_text="Empfehlungsentwurf")
    expect(card.locator("h3")).to_have_text(EVIL)  # the title, shown as typed
    card.locator(".sw-comment textarea").fill(EVIL)
    card.locator(".sw-save-comment").click()
    expect(card.locator(".sw-status")).to_have_text("✓ gespeichert")
    assert page.locator(".sw-feedback script, .sw-feedback img, .sw-feedback b").count() == 0
    assert page.evaluate("window.__xss") is None

    # the researchers' results page shows the comment (and the title) as text, too
    page.goto(server.url("ergebnisse.ipynb"))
    comments = page.locator(".sw-comments")
    expect(comments).to_contain_text(EVIL, timeout=WIDGET_TIMEOUT)
    expect(page.locator(".sw-summary")).to_contain_text(EVIL)
    assert page.locator(".sw-comments script, .sw-comments img, .sw-summary b").count() == 0
    assert page.evaluate("window.__xss") is None
    assert dialogs == [] and "Traceback" not in page.content()
