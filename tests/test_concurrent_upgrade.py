"""Two administrators run ``workbench upgrade`` on one project at the same moment.

Both read the old revision and migrated the same tables: the later one deadlocked or
failed on what the first had changed ("Aktualisierung fehlgeschlagen: OperationalError").
An upgrade now takes the project's write lock before Alembic reads the revision: the
second waits and then finds the project current. Two upgrades in the same second took the
same name for their safety copy (the later overwrote the earlier); each copy now takes its
name at once, and an upgrade that found the project current when its turn came says so.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.pg import Server
from workbench import Project
from workbench.cli import admin
from workbench.cli.main import main
from workbench.store import backup, migrate, schema
from workbench.store.schema import make_engine


def test_two_upgrades_at_once(pg_server: Server, tmp_path: Path) -> None:
    url = pg_server.new_database()
    Project.create(tmp_path / "projekt", db_url=url, districts=["Manfort"]).close()
    engine = make_engine(url)
    migrate._run(engine, "downgrade", "0003")
    engine.dispose()
    database = make_url(url).database
    # a reader holds a table the first migration changes: both upgrades are then inside
    # their transaction, having read the revision, when it lets go
    reader = psycopg.connect(f"host=127.0.0.1 port={pg_server.port} user=wb dbname={database}")
    reader.execute("SELECT count(*) FROM workshops")
    errors: list[BaseException] = []

    def upgrade() -> None:
        own = make_engine(url)
        try:
            migrate.upgrade(own)
        except BaseException as err:  # reported by the test
            errors.append(err)
        finally:
            own.dispose()

    threads = [threading.Thread(target=upgrade) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(2)
    reader.rollback()
    reader.close()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    engine = make_engine(url)
    assert migrate.current_revision(engine) == migrate.head()
    engine.dispose()


def test_two_upgrades_in_the_same_second_keep_the_copy_from_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two administrators run ``upgrade`` in the same second; the first is still writing
    its safety copy when the second has upgraded. Before, both took the same name: the
    first's copy (of the upgraded state by then) replaced the second's, the genuine copy of
    the state before, and the first said "0003 → 0006" though it changed nothing. Now each
    copy has its own name, the first sees the project current and keeps no copy, and
    the copy the second names holds the state before the upgrade."""
    folder = tmp_path / "projekt"
    Project.create(folder, districts=["Manfort"]).close()
    engine = make_engine(f"sqlite:///{folder / 'werkbank.sqlite'}")
    migrate._run(engine, "downgrade", "0003")
    engine.dispose()
    monkeypatch.setattr(admin, "_stamp", lambda: "20261205-080000")  # one second for both
    inside, second_done = threading.Event(), threading.Event()
    copy_file = backup.copy_sqlite_file

    def held(engine: object, target: Path) -> Path:
        if threading.current_thread().name == "erster":
            inside.set()
            second_done.wait(timeout=30)  # the second upgrades meanwhile
        return copy_file(engine, target)  # type: ignore[arg-type]

    monkeypatch.setattr(backup, "copy_sqlite_file", held)
    codes: dict[str, int] = {}

    def upgrade(done: threading.Event | None) -> None:
        name = threading.current_thread().name
        try:
            codes[name] = main(["--project", str(folder), "upgrade"])
        finally:
            if done is not None:
                done.set()

    one = threading.Thread(target=upgrade, args=(None,), name="erster")
    one.start()
    assert inside.wait(timeout=60)
    two = threading.Thread(target=upgrade, args=(second_done,), name="zweiter")
    two.start()
    two.join(timeout=120)
    one.join(timeout=120)

    assert codes == {"erster": 0, "zweiter": 0}
    out = capsys.readouterr().out
    assert out.count("Projekt aktualisiert: Schemastand 0003 →") == 1, out
    assert "Ein anderer Aufruf hat es eben aktualisiert; nichts geändert." in out
    (copy,) = (folder / "sicherungen").glob("werkbank-vor-upgrade-*.sqlite")
    assert str(copy) in out
    with sqlite3.connect(copy) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [("0003",)]
    db.close()


def test_an_upgrade_that_a_colleagues_open_session_holds_up_gives_up_with_a_message(
    pg_server: Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A notebook still has a transaction open on the project (docs/team.md asks to end
    the sessions first). Before, ``upgrade`` waited for it without end, and every app's
    query on that table queued behind the upgrade: the whole team stood still. Now the
    upgrade waits at most the busy timeout, then says why, and nothing is changed."""
    url = pg_server.new_database()
    folder = tmp_path / "projekt"
    Project.create(folder, db_url=url, districts=["Manfort"]).close()
    engine = make_engine(url)
    migrate._run(engine, "downgrade", "0003")
    engine.dispose()
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 500)
    database = make_url(url).database
    notebook = psycopg.connect(f"host=127.0.0.1 port={pg_server.port} user=wb dbname={database}")
    notebook.execute("SELECT count(*) FROM workshops")  # idle in transaction from now on
    codes: list[int] = []
    upgrading = threading.Thread(
        target=lambda: codes.append(main(["--project", str(folder), "upgrade"]))
    )
    upgrading.start()
    upgrading.join(timeout=60)
    finished = not upgrading.is_alive()
    notebook.rollback()  # the notebook ends its transaction (old code: the upgrade goes on)
    notebook.close()
    upgrading.join(timeout=120)

    assert finished and codes == [2]
    err = capsys.readouterr().err
    assert "Aktualisierung fehlgeschlagen" in err and "Nichts wurde geändert" in err
    assert "von einem anderen Prozess zum Schreiben gesperrt" in err and "Traceback" not in err
    engine = make_engine(url)
    assert migrate.current_revision(engine) == "0003"
    engine.dispose()
