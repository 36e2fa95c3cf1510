"""PostgreSQL: a write that waits for another transaction's row lock gives up after the
busy timeout, as on SQLite, with the German message of a busy project.

``remove_code`` locks the code's rows (``SELECT … FOR UPDATE``); a colleague's notebook
that coded with that code in a transaction it has not ended holds a lock on the row. The
removal waited for it without any limit (as every write waiting for a row, and every
query queued behind an ``upgrade``'s ``ALTER``): a terminal or app that hung for good. Each
connection now has ``lock_timeout`` set to the busy timeout; a long import is not
limited (its statements may run as long as they need; only waits for a lock end).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.pg import Server
from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import WorkbenchError
from workbench.ingest.table import TableMapping
from workbench.store import Code, Coding, schema

BUSY = "0,3 Sekunden lang von einem anderen Prozess zum Schreiben gesperrt"


def _coded_project(pg_server: Server, tmp_path: Path) -> Project:
    table = tmp_path / "karten.csv"
    table.write_text("ID;Sozialraum;Text\nK1;Manfort;Das Bürgerhaus ist offen\n", "utf-8")
    project = Project.create(tmp_path / "p", db_url=pg_server.new_database(), districts=["Manfort"])
    mapping = TableMapping(text_column="Text", id_column="ID", district_column="Sozialraum")
    project.import_files([table], mapping=mapping, workshop="Kartenwand")
    project.add_code("Ressource")
    return project


def test_removing_a_code_a_colleague_is_coding_gives_up_with_a_german_message(
    pg_server: Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 300)
    project = _coded_project(pg_server, tmp_path)
    segment = int(project.segments()["segment_id"].iloc[0])
    outcome: list[object] = []
    with Project.open(project.path) as colleague, colleague.transaction() as session:
        code = session.query(Code).filter_by(path="Ressource").one()
        session.add(Coding(segment_id=segment, code_id=code.id, coder="Bea", start=0, end=5))
        session.flush()  # the notebook's transaction stays open: the code's row is held

        def remove() -> None:
            try:
                outcome.append(project.remove_code("Ressource", force=True))
            except BaseException as err:  # reported by the test
                outcome.append(err)
            args = ["--project", str(project.path), "codebook", "delete", "Ressource", "--force"]
            outcome.append(main(args))

        worker = threading.Thread(target=remove)
        worker.start()
        worker.join(timeout=20)
        waited_on = worker.is_alive()
        session.rollback()
    worker.join(timeout=20)
    assert not waited_on, "remove_code waited without limit"
    assert isinstance(outcome[0], WorkbenchError)
    assert BUSY in str(outcome[0])
    err = capsys.readouterr().err
    assert outcome[1] == 2 and BUSY in err
    assert "Traceback" not in err and "lock timeout" not in err
    assert project.codes()["path"].tolist() == ["Ressource"]
    project.close()


def test_the_options_of_the_address_are_kept_beside_the_lock_timeout(
    pg_server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A team given a schema of its own by the address (``?options=-csearch_path=…``)
    had the project created in ``public``: the workbench's own options replaced those of
    the address (and ``PGOPTIONS``) without a word."""
    import psycopg

    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 300)
    monkeypatch.setenv("PGOPTIONS", "-c work_mem=8MB")  # libpq reads it only without options
    url = pg_server.new_database()
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute("CREATE SCHEMA studie")
    project = Project.create(tmp_path / "p", db_url=f"{url}?options=-csearch_path%3Dstudie")
    project.close()
    with Project.open(tmp_path / "p") as again, again.session() as session:
        shown = [session.execute(text(f"SHOW {name}")).scalar() for name in SETTINGS]
        assert shown == ["studie", "300ms", "UTC", "8MB"]
    with psycopg.connect(url.replace("+psycopg", "")) as connection:
        schemas = connection.execute(
            "SELECT DISTINCT table_schema FROM information_schema.tables "
            "WHERE table_name = 'segments'"
        ).fetchall()
    assert schemas == [("studie",)]


SETTINGS = ("search_path", "lock_timeout", "timezone", "work_mem")
