"""The CodingPanel in JupyterLab: its keys reach the panel, not the notebook.

In command mode JupyterLab binds the same keys the panel uses (1–6 make a cell a
heading, j/k select cells, m makes it Markdown). The panel's key catcher listens in the
capture phase and stops the keys it handles, so the notebook stays as it was.
"""

from __future__ import annotations

import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import (
    START_TIMEOUT,
    WIDGET_TIMEOUT,
    free_port,
    jupyter_env,
    listening_at,
    stop,
)
from widgets.coding_model import code_buttons
from workbench import Project

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory: pytest.TempPathFactory, browser_project: Path) -> Iterator[str]:
    """JupyterLab on a free port with a notebook that shows the panel; its address."""
    import subprocess

    base = tmp_path_factory.mktemp("lab")
    notebooks = base / "notebooks"
    notebooks.mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "from widgets.coding_panel import CodingPanel\nfrom workbench import Project\n\n"
            f"CodingPanel(Project.open({str(browser_project)!r}), coder='Lab')"
        ),
        nbformat.v4.new_code_cell("x = 1"),
    ]
    nbformat.write(notebook, notebooks / "kodieren.ipynb")
    busy = nbformat.v4.new_notebook()  # the panel's liveness check: 1.5 s, then a long cell
    busy.metadata["kernelspec"] = notebook.metadata["kernelspec"]
    busy.cells = [
        nbformat.v4.new_code_cell(
            "from widgets.accessibility import AriaSupport\n"
            "from widgets.coding_panel import CodingPanel\nfrom workbench import Project\n\n"
            f"panel = CodingPanel(Project.open({str(browser_project)!r}), coder='Lab')\n"
            "for child in panel.children:\n"
            "    if isinstance(child, AriaSupport):\n"
            "        child.answer_ms = 1500\n"
            "panel"
        ),
        nbformat.v4.new_code_cell("import time\n\ntime.sleep(8)"),
    ]
    nbformat.write(busy, notebooks / "beschaeftigt.ipynb")
    port = free_port()
    log = base / "lab.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyterlab",
                "--no-browser",
                "--allow-root",
                f"--port={port}",
                "--ServerApp.ip=127.0.0.1",
                "--IdentityProvider.token=",
                f"--ServerApp.root_dir={notebooks}",
                "--LabApp.news_url=None",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            ],
            cwd=base,
            env=jupyter_env(base),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = None
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if process.poll() is not None or time.monotonic() > deadline:
            stop(process)
            pytest.fail(f"JupyterLab startet nicht:\n{log.read_text(errors='replace')[-3000:]}")
        url = listening_at(log)
        if url is None:  # not yet bound: the picked port may be another's by now
            time.sleep(0.3)
            continue
        try:
            with urllib.request.urlopen(f"{url}/api/status", timeout=2):
                break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    yield url
    stop(process)


def run_first_cell(page: Page, attempts: int = 3) -> None:
    """Run the notebook's first cell until the panel shows below it.

    A cell run before the kernel is connected is silently dropped, so wait for an idle
    kernel and, on a slow machine, try again.
    """
    cell = page.locator(".jp-Notebook .jp-Cell").first
    expect(cell).to_be_visible(timeout=WIDGET_TIMEOUT)
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=WIDGET_TIMEOUT)
    for attempt in range(attempts):
        cell.click()
        page.keyboard.press("Escape")
        page.keyboard.press("Shift+Enter")
        try:
            expect(page.locator(".sw-panel .sw-code-0")).to_be_visible(timeout=WIDGET_TIMEOUT)
            return
        except AssertionError:
            if attempt == attempts - 1 or cell.locator(".jp-InputPrompt").inner_text() != "[ ]:":
                raise


def test_keys_code_and_navigate_in_jupyterlab_without_touching_the_notebook(
    page: Page, jupyterlab: str, browser_project: Path
) -> None:
    with Project.open(browser_project) as project:
        first, second = (int(i) for i in project.segments()["segment_id"][:2])
        buttons = code_buttons(project.codes())
    page.goto(f"{jupyterlab}/lab/tree/kodieren.ipynb")
    run_first_cell(page)

    page.locator(".sw-code-0").click()
    expect(page.locator(".sw-code-0")).to_contain_text("✓")
    page.keyboard.press("j")
    expect(page.locator(".sw-meta")).to_contain_text("Aussage 2 von")
    page.keyboard.press(buttons[1].key)
    expect(page.locator(".sw-code-1")).to_contain_text("✓")
    page.keyboard.press("m")  # into the memo field; typed keys stay text there
    page.keyboard.type("1 j k")
    expect(page.locator(".sw-memo textarea")).to_have_value("1 j k")
    page.keyboard.press("Escape")
    page.keyboard.press("k")
    expect(page.locator(".sw-meta")).to_contain_text("Aussage 1 von")

    with Project.open(browser_project) as project:
        codings = project.codings()
    mine = codings[codings["coder"] == "Lab"]
    assert set(zip(mine["segment_id"], mine["code"], strict=True)) == {
        (first, buttons[0].path),
        (second, buttons[1].path),
    }
    # The notebook's own shortcuts did not fire: still two code cells, no Markdown.
    assert page.locator(".jp-Notebook .jp-Cell").count() == 2
    assert page.locator(".jp-Notebook .jp-MarkdownCell").count() == 0


def test_a_long_cell_is_no_lost_connection(page: Page, jupyterlab: str) -> None:
    """While a cell runs, the kernel answers the panel's liveness check late: no banner
    "Verbindung unterbrochen" (that is for a kernel that has ended)."""
    # a workspace of its own: the other test's notebook (and its panel) stays closed
    page.goto(f"{jupyterlab}/lab/workspaces/beschaeftigt/tree/beschaeftigt.ipynb")
    run_first_cell(page)
    # Run ▸ Run All Cells: the panel again, then the kernel is busy for 8 s (the second cell
    # is below the panel, where JupyterLab does not draw it: it cannot be clicked)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").click()
    page.locator(".lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click()
    expect(page.get_by_text("Python 3 (ipykernel) | Busy")).to_be_visible(timeout=WIDGET_TIMEOUT)
    page.locator(".sw-panel .sw-code-0").focus()
    page.keyboard.press("Shift")  # an input on a control: the check asks the kernel
    time.sleep(4)  # well past the 1.5 s the check waits for an answer
    assert page.locator(".sw-connection-lost").count() == 0
