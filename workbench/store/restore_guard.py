"""A restore that was killed (SIGKILL, a power cut) leaves its tables: found and cleared.

``workbench restore`` creates the schema, loads the tables and upgrades them in separate
transactions; an error or Ctrl-C drops what it made, a killed process cannot. So a restore
first creates the table :data:`RESTORE_MARK` and drops it as its very last step: a
database that has the mark is a restore broken off, not somebody's project, and the next
restore into it clears it and starts again (SQLite: the file a killed restore left in the
new folder). A lock held while a restore runs and released at its end or when its process
dies (on PostgreSQL an advisory lock, given back explicitly, on SQLite a flock of the
database's folder) tells a restore that is still running (left alone) from one that was
killed.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from sqlalchemy import Column, Integer, MetaData, Table, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from workbench.core.domain import WorkbenchError

RESTORE_MARK = "restore_unfinished"  # exists while a restore runs, never in a project
_LOCK_KEY = 7_205_417_331  # pg_advisory_lock key of "workbench restore" (any fixed number)


class RestoreRunning(WorkbenchError):
    """Another restore runs into the same database (or SQLite folder) now: the refused one
    made nothing, and what is there belongs to the running one."""


def _mark_table() -> Table:
    return Table(RESTORE_MARK, MetaData(), Column("id", Integer, primary_key=True))


@contextmanager
def restore_guard(engine: Engine, where: str) -> Iterator[bool]:
    """Hold the restore lock of ``engine``'s database and mark it as being restored;
    yield whether a killed restore's tables were cleared first. Raises with a German
    message if another restore runs there now or the database holds anything else."""
    busy = RestoreRunning(
        f"In {where} stellt gerade ein anderes „workbench restore“ (oder migrate-db) "
        "wieder her; nichts geändert. Nach dessen Ende erneut versuchen."
    )
    lock = engine.connect() if engine.dialect.name == "postgresql" else None
    file = _file_lock(engine)  # SQLite: a lock on its folder, gone with the process
    held = False
    try:
        if lock is not None:
            taken = lock.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": _LOCK_KEY})
            held = bool(taken.scalar())
            lock.commit()  # the session's lock stays; no transaction is left open
            if not held:
                raise busy
        if file is not None and not _locked(file):
            raise busy
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
            _release(lock, held)
        if file is not None:
            os.close(file)  # the lock with it


def restore_running(engine: Engine) -> bool:
    """Whether a restore (or ``migrate-db``) runs into ``engine``'s database now: its lock
    is taken and given back at once, so a command can refuse before it writes anything."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as probe:
            taken = probe.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": _LOCK_KEY})
            free = bool(taken.scalar())
            probe.commit()
            _release(probe, free)
        return not free
    try:
        file = _file_lock(engine)
    except OSError:  # no folder yet: nobody restores there (the restore names the problem)
        return False
    if file is None:
        return False
    try:
        return not _locked(file)
    finally:
        os.close(file)


def _release(lock: Connection, held: bool) -> None:
    """Give the advisory lock back and the connection to the pool. Closing alone does not
    end the server session (the pool keeps it open until ``engine.dispose()``), and with it
    the lock stayed: a second restore through the same engine was refused as running. A
    connection that broke meanwhile is dropped from the pool: its session, lock and all,
    ended with it."""
    try:
        if held:
            lock.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _LOCK_KEY})
            lock.commit()
    except SQLAlchemyError:
        lock.invalidate()
    finally:
        lock.close()


def _file_lock(engine: Engine) -> int | None:
    """The folder of the SQLite database opened for a lock (``None`` for a server or in
    memory). The folder, not the file: closing another handle of the file would drop the
    locks SQLite holds on it (POSIX locks belong to the process, not the handle)."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        return None
    return os.open(Path(database).resolve().parent, os.O_RDONLY)


def _locked(handle: int) -> bool:
    """Take an exclusive lock on ``handle`` without waiting; False if another process
    holds it."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock, as before
        return True
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def left_over(database: Path) -> bool:
    """Whether the SQLite file ``database`` is what a restore broken off left: it holds the
    mark (killed) or no table at all (a retry that failed or was interrupted dropped them)."""
    try:
        with closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)) as connection:
            names = {row[0] for row in connection.execute(_TABLES)}
    except sqlite3.Error:
        return False
    return not names or RESTORE_MARK in names


_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table'"


def unmark(engine: Engine) -> None:
    """The restore is complete: the database is a project now."""
    _mark_table().drop(engine)


def drop_all_tables(engine: Engine) -> None:
    """Remove every table of the database (a failed or killed restore's)."""
    metadata = MetaData()
    metadata.reflect(engine)
    metadata.drop_all(engine)
