"""A restore that was killed (SIGKILL, a power cut) leaves its tables: found and cleared.

``workbench restore`` creates the schema, loads the tables and upgrades them in separate
transactions; an error or Ctrl-C drops what it made, a killed process cannot. So a restore
first creates the table :data:`RESTORE_MARK` and drops it as its very last step: a
database that has the mark is a restore broken off, not somebody's project, and the next
restore into it clears it and starts again. On PostgreSQL an advisory lock, held while a
restore runs and released by the server when the process dies, tells a restore that is
still running (left alone) from one that was killed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Column, Integer, MetaData, Table, inspect, text
from sqlalchemy.engine import Engine

from workbench.core.domain import WorkbenchError

RESTORE_MARK = "restore_unfinished"  # exists while a restore runs, never in a project
_LOCK_KEY = 7_205_417_331  # pg_advisory_lock key of "workbench restore" (any fixed number)


def _mark_table() -> Table:
    return Table(RESTORE_MARK, MetaData(), Column("id", Integer, primary_key=True))


@contextmanager
def restore_guard(engine: Engine, where: str) -> Iterator[bool]:
    """Hold the restore lock of ``engine``'s database and mark it as being restored;
    yield whether a killed restore's tables were cleared first. Raises with a German
    message if another restore runs there now or the database holds anything else."""
    lock = engine.connect() if engine.dialect.name == "postgresql" else None
    try:
        if (
            lock is not None
            and not lock.execute(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": _LOCK_KEY}
            ).scalar()
        ):
            lock.commit()
            raise WorkbenchError(
                f"In {where} stellt gerade ein anderes „workbench restore“ (oder migrate-db) "
                "wieder her; nichts geändert. Nach dessen Ende erneut versuchen."
            )
        if lock is not None:
            lock.commit()  # the session's lock stays; no transaction is left open
        names = inspect(engine).get_table_names()
        cleared = RESTORE_MARK in names
        if cleared:  # a restore killed before its end: nothing of it is a project
            drop_all_tables(engine)
        elif names:
            raise WorkbenchError(f"Die Zieldatenbank {where} ist nicht leer.")
        _mark_table().create(engine)
        yield cleared
    finally:
        if lock is not None:
            lock.close()  # ends the session: the server releases the advisory lock


def unmark(engine: Engine) -> None:
    """The restore is complete: the database is a project now."""
    _mark_table().drop(engine)


def drop_all_tables(engine: Engine) -> None:
    """Remove every table of the database (a failed or killed restore's)."""
    metadata = MetaData()
    metadata.reflect(engine)
    metadata.drop_all(engine)
