"""What co-researchers and participants read when the project is busy, moved or upgraded.

The project's own messages are for the research team: they name notebooks, kernels,
commands (``workbench upgrade``, ``migrate-db``) and schema revisions. The coding app for
co-researchers, the participants' app at start-up and the kernel-less form showed them as
they were; each now shows a sentence of its own and writes the team's text into the
server's log.
"""

from __future__ import annotations

import html
import json
import logging
from pathlib import Path

import pytest

from tests.feedback_data import answer, count, fields, items, rated_project
from tests.formular_http import serving
from tests.pg import Server, _bindir, _start, _stop
from tests.test_busy_project import _committing, _sqlite_writer
from tests.test_feedback_widgets import all_html
from tests.test_old_kernel_after_upgrade import _upgraded_by_a_newer_workbench
from widgets.app_support import APP_UNAVAILABLE
from widgets.coding_panel import (
    CODER_BUSY,
    CODER_BUSY_READING,
    CODER_DATABASE,
    CODER_UNAVAILABLE,
    CodingPanel,
    coding_app,
)
from widgets.feedback import participant_app
from widgets.feedback_texts import SAVE_UNAVAILABLE, UNAVAILABLE
from widgets.formular import make_app
from workbench import Project
from workbench.participation import feedback
from workbench.store import FeedbackAnswer, schema

DISTRICTS = ["Manfort", "Opladen"]
# words of the researchers' messages that nobody in an app can act on
TEAM_WORDS = ("Kernel", "Notebook", "Schemastand", "workbench", "migrate-db", "0008", "9999")


def _assert_for_them(shown: str) -> None:
    for word in TEAM_WORDS:
        assert word not in shown, word


@pytest.fixture
def coded(tmp_path: Path) -> Project:
    """A project with statements and a code, as a co-researcher's app opens it."""
    project = rated_project(Project.create(tmp_path / "p", districts=DISTRICTS), tmp_path)
    project.add_code("Ressource")
    yield project
    project.close()


@pytest.fixture
def quickly_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes give up after 0.3 s (set before the project's engine is made)."""
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 300)


def test_a_co_researcher_coding_while_the_project_is_busy_reads_their_own_sentence(
    quickly_busy: None, coded: Project, caplog: pytest.LogCaptureFixture
) -> None:
    app = CodingPanel(coded, coder="Anna", co_researcher=True)
    researchers = CodingPanel(coded, coder="Ben")  # JupyterLab: the researchers' sentence
    with caplog.at_level(logging.WARNING), _sqlite_writer(coded):
        app.code_buttons["Ressource"].click()
        researchers.code_buttons["Ressource"].click()
    shown = html.unescape(app.status.value)
    assert CODER_BUSY in shown
    _assert_for_them(shown)
    assert "Notebook-Kernel neu starten" in html.unescape(researchers.status.value)
    assert "zum Schreiben gesperrt" in caplog.text  # the reason in the server's log
    assert coded.codings().empty


def test_a_co_researcher_reading_on_a_busy_share_is_not_told_a_step_was_not_saved(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """On a network share a writer's commit locks readers out: going to the next statement
    said "dieser Schritt wurde nicht gespeichert", though she had saved nothing."""
    monkeypatch.setattr(schema, "share_type", lambda _path: "cifs")  # rollback journal
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 300)
    project = rated_project(Project.create(tmp_path / "p", districts=DISTRICTS), tmp_path)
    project.add_code("Ressource")
    app = CodingPanel(project, coder="Anna", co_researcher=True)
    with caplog.at_level(logging.WARNING), _committing(project):
        app.next_button.click()
    shown = html.unescape(app.status.value)
    assert CODER_BUSY_READING in shown and "gespeichert" not in shown
    _assert_for_them(shown)
    assert "konnte nicht gelesen werden" in caplog.text
    with _sqlite_writer(project):  # a step that writes keeps saying it was not saved
        app.code_buttons["Ressource"].click()
    assert CODER_BUSY in html.unescape(app.status.value)
    project.close()


def test_a_co_researcher_coding_after_another_workbench_upgraded_reads_their_own_sentence(
    coded: Project, caplog: pytest.LogCaptureFixture
) -> None:
    app = CodingPanel(coded, coder="Anna", co_researcher=True)
    _upgraded_by_a_newer_workbench(coded)
    with caplog.at_level(logging.WARNING):
        app.code_buttons["Ressource"].click()
        app.new_code_name.value = "Bedarf"
        app.new_code_button.click()
    for shown in (app.status.value, app.new_code_message.value):
        assert CODER_UNAVAILABLE in html.unescape(shown)
        _assert_for_them(html.unescape(shown))
    assert "Schemastand 9999" in caplog.text
    assert coded.codings().empty and coded.codes()["path"].tolist() == ["Ressource"]


def _outdated(project: Project) -> None:
    """The project waits for ``workbench upgrade`` (a newer workbench is installed)."""
    _upgraded_by_a_newer_workbench(project, "0007")


def test_the_participants_app_on_an_outdated_project_does_not_show_the_upgrade_command(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = rated_project(Project.create(tmp_path / "p", districts=DISTRICTS), tmp_path)
    [token] = feedback.issue_tokens(project, 1, district="Manfort")
    _outdated(project)
    environ = {"WORKBENCH_PROJECT": str(project.path), "QUERY_STRING": f"token={token}"}
    with caplog.at_level(logging.WARNING):
        shown = html.unescape(all_html(participant_app(environ)))
    assert UNAVAILABLE in shown
    _assert_for_them(shown)
    assert "upgrade" in caplog.text and token not in caplog.text
    project.close()


def test_the_form_on_an_outdated_project_does_not_show_the_upgrade_command(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = rated_project(Project.create(tmp_path / "p", districts=DISTRICTS), tmp_path)
    [token] = feedback.issue_tokens(project, 1, district="Manfort")
    _outdated(project)
    with caplog.at_level(logging.WARNING), serving(make_app(project.path)) as client:
        response = client.page(token)
    assert response.status == 503 and UNAVAILABLE in html.unescape(response.body)
    _assert_for_them(html.unescape(response.body))
    assert "upgrade" in caplog.text and token not in caplog.text
    project.close()


def test_the_form_saved_after_another_workbench_upgraded_keeps_the_answers_and_says_why(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Before, the refusal became a problem of the first answer: "„Bedarf“: Das Projekt
    wurde inzwischen mit einer neueren Werkbank aktualisiert (Schemastand …)"."""
    project = rated_project(Project.create(tmp_path / "p", districts=DISTRICTS), tmp_path)
    [token] = feedback.issue_tokens(project, 1, district="Manfort")
    first = items(project, token)[0]
    with caplog.at_level(logging.WARNING), serving(make_app(project.path)) as client:
        assert client.page(token).status == 200  # the form has opened the project
        _upgraded_by_a_newer_workbench(project)
        response = client.send(token, fields(answer(first, "agree", "0", "Stimmt")))
    body = html.unescape(response.body)
    assert response.status == 503 and SAVE_UNAVAILABLE in body
    _assert_for_them(body)
    assert "Stimmt" in body  # what was typed stays in the form
    assert "Schemastand 9999" in caplog.text and token not in caplog.text
    assert count(project, FeedbackAnswer) == 0
    project.close()


def test_the_apps_on_an_unreachable_database_server_do_not_name_the_server(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Before: "Datenbank postgresql+psycopg://werkbank@127.0.0.1:9/studie nicht lesbar:
    Der Datenbankserver ist nicht erreichbar …" on the participants' page."""
    project = Project.create(tmp_path / "p", districts=DISTRICTS)
    project.close()
    config = json.loads((project.path / "project.json").read_text(encoding="utf-8"))
    config["db_url"] = "postgresql+psycopg://werkbank@127.0.0.1:9/studie"  # nobody listens
    (project.path / "project.json").write_text(json.dumps(config), encoding="utf-8")
    environ = {"WORKBENCH_PROJECT": str(project.path), "QUERY_STRING": "token=abc"}
    with caplog.at_level(logging.WARNING):
        shown = html.unescape(all_html(participant_app(environ)))
        coding = html.unescape(all_html(coding_app(environ)))
    assert UNAVAILABLE in shown and APP_UNAVAILABLE in coding
    for page in (shown, coding):
        assert "127.0.0.1" not in page and "werkbank" not in page and "studie" not in page
    assert "nicht lesbar" in caplog.text  # the team's sentence in the server's log


def test_a_co_researcher_coding_when_the_database_server_stops_reads_their_own_sentence(
    pg_server: Server, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The server stops while the coding app is open: the co-researcher read the team's
    sentence ("Der Datenbankserver ist nicht erreichbar: Er läuft nicht oder nimmt an
    dieser Adresse und diesem Port keine Verbindungen an."); now their own, the reason in
    the log. The researchers' panel keeps the full text. (A server of its own: the
    session's is shared.)"""
    bindir = _bindir()
    assert bindir is not None  # pg_server would have stopped the test
    server = _start(bindir)
    try:
        url = server.new_database()
        project = rated_project(
            Project.create(tmp_path / "p", db_url=url, districts=DISTRICTS), tmp_path
        )
        project.add_code("Ressource")
        app = CodingPanel(project, coder="Anna", co_researcher=True)
        researchers = CodingPanel(project, coder="Ben")
    finally:
        _stop(bindir, server)
    with caplog.at_level(logging.WARNING):
        app.code_buttons["Ressource"].click()
        researchers.code_buttons["Ressource"].click()
    shown = html.unescape(app.status.value)
    assert CODER_DATABASE in shown
    assert "Adresse" not in shown and "Port" not in shown and "Server" not in shown
    _assert_for_them(shown)
    assert "Datenbankserver ist nicht erreichbar" in caplog.text
    assert "Datenbankserver ist nicht erreichbar" in html.unescape(researchers.status.value)
    project.close()
