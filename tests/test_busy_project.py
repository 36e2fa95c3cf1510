"""Writes from notebooks and apps while another process holds the project's write lock.

After the busy timeout SQLite's English "database is locked" (PostgreSQL: "canceling
statement due to lock timeout") reached the notebook as an ``OperationalError``; every
write through ``project.transaction()`` now raises a German
:class:`~workbench.store.problems.ProjectBusyError` (a ``WorkbenchError``) that says what
holds such a lock and what to do, and writes nothing (an export, which only notes what
it held, still goes through). A participant's answer that fails
so also drops the cached comment pseudonymiser (its key may hold a person the rolled-back
transaction added).
"""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.feedback_data import count, rated_project
from tests.formular_http import serving
from tests.pg import Server
from tests.test_feedback_widgets import all_html
from widgets.feedback import participant_app
from widgets.feedback_texts import SAVE_BUSY, UNAVAILABLE
from widgets.formular import make_app
from workbench import Project
from workbench.core.domain import WorkbenchError
from workbench.exchange.export import export_qdpx
from workbench.participation import comments, feedback
from workbench.store import Code, Coding, FeedbackAnswer, Memo, schema

DISTRICTS = ["Manfort", "Opladen"]
BUSY = "0,3 Sekunden lang von einem anderen Prozess zum Schreiben gesperrt"


@contextmanager
def _sqlite_writer(project: Project) -> Iterator[None]:
    """Another process (a notebook's open transaction) holds the SQLite write lock."""
    holder = sqlite3.connect(project.path / "werkbank.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _assert_busy(err: pytest.ExceptionInfo[WorkbenchError]) -> None:
    message = str(err.value)
    assert BUSY in message and "später wiederholen" in message.lower()
    assert "locked" not in message and "OperationalError" not in message


def test_notebook_and_app_writes_on_a_locked_sqlite_project_say_so_in_german(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 300)
    project = rated_project(Project.create(tmp_path / "p", districts=DISTRICTS), tmp_path)
    project.add_code("Bedarf")
    segment = int(project.segments()["segment_id"].iloc[0])
    token = feedback.issue_tokens(project, 1, district="Manfort")[0]
    item = feedback.open_ballot(project, token).items[0].item_id
    writes = {
        "Code anlegen": lambda: project.add_code("Ressource"),
        "Kodieren": lambda: project.code_segment(segment, "Bedarf", "Anna"),
        "Memo": lambda: project.add_memo("Nachfragen", "Anna", segment=segment),
        "Antwort": lambda: feedback.save_answer(project, token, item, "agree", 2, "Gut so"),
    }
    with _sqlite_writer(project):
        for write in writes.values():
            with pytest.raises(WorkbenchError) as err:
                write()
            _assert_busy(err)
        # an export only reads; that it cannot note what it held does not stop it
        assert export_qdpx(project, tmp_path / "projekt.qdpx").path
    assert [count(project, m) for m in (Code, Coding, Memo, FeedbackAnswer)] == [1, 0, 0, 0]
    for write in writes.values():  # the lock is gone: the same steps go through
        write()
    assert [count(project, m) for m in (Code, Coding, Memo, FeedbackAnswer)] == [2, 1, 1, 1]
    project.close()


def test_an_answer_naming_a_new_person_on_a_busy_postgresql_project_forgets_the_key(
    pg_server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The comment names a new person, so the answer waits for the project's write lock
    (an import holds it): German message, nothing stored, and the pseudonymiser cached
    with that person in its key is dropped (the rolled-back key no longer has them)."""
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 300)
    url = pg_server.new_database()
    project = rated_project(
        Project.create(tmp_path / "p", db_url=url, districts=DISTRICTS), tmp_path
    )
    token = feedback.issue_tokens(project, 1, district="Manfort")[0]
    item = feedback.open_ballot(project, token).items[0].item_id
    database = make_url(url).database
    importer = psycopg.connect(
        f"host=127.0.0.1 port={pg_server.port} user=wb dbname={database}", autocommit=True
    )
    importer.execute("SELECT pg_advisory_lock(%s)", (schema.WRITE_LOCK_KEY,))
    try:
        with pytest.raises(WorkbenchError) as err:
            feedback.save_answer(project, token, item, "agree", 1, "Herr Jonas Brandt hilft")
    finally:
        importer.close()
    _assert_busy(err)
    assert project not in comments._cache
    assert count(project, FeedbackAnswer) == 0 and project.pseudonym_key().empty
    stored = feedback.save_answer(project, token, item, "agree", 1, "Herr Jonas Brandt hilft")
    assert "Brandt" not in stored.comment
    assert project.pseudonym_key()["original"].str.contains("Brandt").sum() == 1
    project.close()


def test_a_participant_saving_while_the_project_is_busy_reads_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app shows participants their own sentence, not the researchers' one about
    notebooks and kernels; the rating goes back to what is stored."""
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 300)
    project = rated_project(Project.create(tmp_path / "p", districts=DISTRICTS), tmp_path)
    [token] = feedback.issue_tokens(project, 1, district="Manfort")
    environ = {"WORKBENCH_PROJECT": str(project.path), "QUERY_STRING": f"token={token}"}
    card = next(c for c in participant_app(environ).children if "sw-item" in c._dom_classes)
    toggle = card.children[1].children[1]
    with _sqlite_writer(project):
        toggle.value = "agree"
    status = html.unescape(all_html(card))
    assert SAVE_BUSY in status and "Notebook" not in status and "Kernel" not in status
    assert toggle.value is None and count(project, FeedbackAnswer) == 0
    project.close()


@pytest.fixture
def on_a_share(monkeypatch: pytest.MonkeyPatch) -> None:
    """Projects made from now on lie on a network share: SQLite's rollback journal, in
    which a writer's lock keeps readers out too (workbench.store.shares)."""
    monkeypatch.setattr(schema, "share_type", lambda _path: "cifs")
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 300)


@contextmanager
def _committing(project: Project) -> Iterator[None]:
    """Another process writes a large transaction: readers of a share wait for it."""
    holder = sqlite3.connect(project.path / "werkbank.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_reading_a_project_on_a_share_while_another_writes_says_so_in_german(
    tmp_path: Path, on_a_share: None
) -> None:
    """A read that waited is told it could not read, not that the project was locked
    "zum Schreiben" and "dieser Schritt wurde nicht ausgeführt" (a researcher reading
    codes wrote nothing); a write in the same state keeps the writers' sentence."""
    project = rated_project(Project.create(tmp_path / "p", districts=DISTRICTS), tmp_path)
    with _committing(project):
        for read in (project.codes, project.segments, lambda: Project.open(project.path)):
            with pytest.raises(WorkbenchError) as err:
                read()
            message = str(err.value)
            assert "0,3 Sekunden lang gesperrt, weil ein anderer Prozess gerade schreibt" in message
            assert "konnte nicht gelesen werden (nichts wurde geändert)" in message
            assert "zum Schreiben" not in message and "nicht ausgeführt" not in message
            assert "später wiederholen" in message.lower() and "locked" not in message
    with _sqlite_writer(project), pytest.raises(WorkbenchError) as err:
        project.add_memo("Notiz", "A")
    _assert_busy(err)
    assert len(project.segments()) == 6
    project.close()


def test_the_form_on_a_busy_share_asks_to_come_back_later(
    tmp_path: Path, on_a_share: None, caplog: pytest.LogCaptureFixture
) -> None:
    """Participants get the form's come-back-later page (503, Retry-After), not the
    researchers' sentence about notebooks."""
    project = rated_project(Project.create(tmp_path / "p", districts=DISTRICTS), tmp_path)
    [token] = feedback.issue_tokens(project, 1, district="Manfort")
    with serving(make_app(project.path)) as client, _committing(project):
        response = client.page(token)
    assert response.status == 503 and response.headers["Retry-After"] == "120"
    assert UNAVAILABLE in response.body and "Notebook" not in response.body
    assert "Traceback" not in caplog.text and token not in caplog.text
    project.close()


def test_the_participant_app_on_a_busy_share_asks_to_come_back_later(
    tmp_path: Path, on_a_share: None
) -> None:
    project = rated_project(Project.create(tmp_path / "p", districts=DISTRICTS), tmp_path)
    [token] = feedback.issue_tokens(project, 1, district="Manfort")
    environ = {"WORKBENCH_PROJECT": str(project.path), "QUERY_STRING": f"token={token}"}
    with _committing(project):
        app = participant_app(environ)
    shown = html.unescape(all_html(app))
    assert UNAVAILABLE in shown and "Notebook" not in shown
    project.close()
