"""What a participant sees when a Voilà page goes wrong (widgets/voila_errors.py).

A link from an e-mail that a mail program cut, an app that fails while it loads, a
server error: the page says in German what happened and what to do, with ``lang="de"``
and a title, and shows no traceback, no path and nothing from another server.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.formular_http import Client
from widgets.voila_errors import (
    CELL_ERROR,
    CELL_TIMEOUT,
    START_TEXT,
    error_page,
    german_cell_errors,
    start_page,
)

SECRET = "Zugangscode4711geheim"
ENGLISH = ("Not Found", "does not exist", "Internal Server Error", "requires JavaScript")


def test_the_error_pages_are_german_and_self_contained() -> None:
    for status, title in [(404, "Seite nicht gefunden"), (500, "Ein Fehler ist aufgetreten")]:
        page = error_page(status)
        assert page.startswith('<!DOCTYPE html>\n<html lang="de">')
        assert f"<title>{title}</title>" in page and f"<h1>{title}</h1>" in page
        assert "Forschungsteam" in page and f"Fehlercode {status}" in page
        assert not re.search(r"(href|src)=", page)  # nothing loaded, from no server
        assert not any(english in page for english in ENGLISH)
    assert "Link aus Ihrer Einladung vollständig" in error_page(404)
    assert error_page(503) == error_page(500).replace("500", "503")  # any other: the general page


def test_the_start_page_names_no_app_and_points_to_the_invitation() -> None:
    page = start_page()
    assert page.startswith('<!DOCTYPE html>\n<html lang="de">')
    assert f"<title>{START_TEXT[0]}</title>" in page
    assert "Link aus Ihrer Einladung" in page and "Forschungsteam" in page
    assert not re.search(r"(href|src)=", page) and ".ipynb" not in page


def test_a_failed_cell_leaves_a_german_message_without_its_traceback() -> None:
    from voila.execute import VoilaExecutor

    german_cell_errors()
    german_cell_errors()  # voila_apps/voila.py may be read more than once: patched once
    cell = {
        "cell_type": "code",
        "execution_count": 3,
        "outputs": [
            {"output_type": "error", "ename": "ValueError", "evalue": "Anna Schmidt",
             "traceback": ["Traceback", "ValueError: Anna Schmidt, /home/team/projekt"]},
        ],
    }  # fmt: skip
    VoilaExecutor.strip_code_cell_errors(None, cell)
    assert cell["outputs"][0]["traceback"] == [CELL_ERROR]
    assert "Anna Schmidt" not in json.dumps(cell["outputs"][0]["traceback"])
    VoilaExecutor.show_code_cell_timeout(None, cell)
    assert cell["outputs"][0]["traceback"] == [CELL_TIMEOUT]


def failing_app(folder: Path) -> Path:
    """A folder with an app whose second cell fails with a message naming a person."""
    folder.mkdir(parents=True)
    source = "import os\nraise ValueError('Anna Schmidt, ' + os.getcwd())"
    notebook = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "title": "Kaputte App",
        },
        "cells": [
            {"cell_type": "code", "id": cell_id, "metadata": {}, "execution_count": None,
             "outputs": [], "source": text}
            for cell_id, text in (("a", "print('Hallo')"), ("b", source))
        ],
    }  # fmt: skip
    (folder / "kaputt.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_the_apps_voila_answers_errors_in_german(tmp_path: Path) -> None:
    from tests.browser.conftest import APPS, jupyter_env, start_voila, stop

    apps = failing_app(tmp_path / "apps")
    env = jupyter_env(tmp_path / "voila", WORKBENCH_PROJECT=str(tmp_path / "projekt"))
    server = start_voila(apps, tmp_path / "voila", env, [f"--Voila.config_file_paths={APPS}"])
    try:
        client = Client(int(server.base_url.rsplit(":", 1)[1]))
        missing = client.request("GET", f"/voila/render/bedarfe_bewerten.ipynb?token={SECRET}")
        unknown = client.request("GET", f"/voila/rend?coder={SECRET}")
        cut = client.request("GET", "/voila/render/bedarfe_bewerten?token=abc")  # no .ipynb
        refused = client.request("GET", cut.headers["Location"])
        failed = client.request("GET", "/voila/render/kaputt.ipynb")
        start = client.request("GET", "/")  # a link trimmed to the host name
        listings = [
            client.request("GET", path)
            for path in (
                "/voila/tree",
                "/voila/tree/",
                "/voila/api/contents",
                "/voila/api/contents/",
            )
        ]
        static = {
            path: client.request("GET", path)
            for path in (
                "/voila/static/../kaputt.ipynb",
                "/voila/templates/kaputt",  # Voilà: ValueError, 500
                "/voila/templates/lab/static/fehlt.js",
                "/voila/labextensions/fehlt.js",  # Jupyter: empty page, error in the log
                "/voila/api/themes/fehlt",
            )
        }
    finally:
        stop(server.process)
    for response in (missing, unknown):
        assert response.status == 404, server.log_tail()
        assert response.body == error_page(404)
    assert (cut.status, refused.status) == (302, 403)  # Voilà sends it to its file handler
    assert refused.body == error_page(403) and "Link aus Ihrer Einladung" in refused.body
    assert failed.status == 200, server.log_tail()
    assert CELL_ERROR in failed.body
    log = server.log.read_text(encoding="utf-8", errors="replace")
    assert "404 GET /voila/render/bedarfe_bewerten.ipynb (127.0.0.1)" in log
    assert "404 GET /voila/rend (127.0.0.1)" in log and SECRET not in log  # no access code
    for shown in ("Anna Schmidt", str(apps), "Traceback", "There was an error", "show_tracebacks"):
        assert shown not in failed.body, shown
    # the server's own address and the tree: no list of the apps, a German page instead
    assert start.status == 200 and start.body == start_page(), server.log_tail()
    for response in listings:
        assert response.status == 404 and response.body == error_page(404)
    for response in (start, *listings):
        assert "kaputt" not in response.body and "Voilà Home" not in response.body
    for path, response in static.items():
        assert response.body == error_page(response.status), (path, response.status)
    statuses = {path: response.status for path, response in static.items()}
    assert statuses["/voila/static/../kaputt.ipynb"] == 403
    assert set(list(statuses.values())[1:]) == {404}, statuses
    assert "Uncaught exception" not in log and "static_path" not in log
