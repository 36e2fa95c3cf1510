"""Two administrators run ``workbench upgrade`` on one PostgreSQL project at the same moment.

Both read the old revision and migrated the same tables: the later one deadlocked or
failed on what the first had changed ("Aktualisierung fehlgeschlagen: OperationalError").
An upgrade now takes the project's write lock before Alembic reads the revision: the
second waits and then finds the project current.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from tests.pg import Server
from workbench import Project
from workbench.store import migrate
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
