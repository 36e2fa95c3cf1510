"""The restore lock on PostgreSQL ends with the restore, not with the engine: a pooled
connection kept the advisory lock after ``restore_guard`` had ended, so a second restore
through another connection of the same (not yet disposed) engine was refused as "busy"."""

from __future__ import annotations

import psycopg
import pytest

from workbench.store import make_engine
from workbench.store.restore_guard import _LOCK_KEY, RestoreRunning, restore_guard, unmark


def _others_may_lock(dsn: str) -> bool:
    """Whether another session gets the restore lock now (and gives it back at once)."""
    with psycopg.connect(dsn, autocommit=True) as other:
        free = other.execute("SELECT pg_try_advisory_lock(%s)", (_LOCK_KEY,)).fetchone()[0]
        if free:
            other.execute("SELECT pg_advisory_unlock(%s)", (_LOCK_KEY,))
        return bool(free)


def test_the_restore_lock_is_released_when_the_guard_ends(pg_server) -> None:
    url = pg_server.new_database()
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    engine = make_engine(url)
    try:
        with restore_guard(engine, "ziel"):
            assert not _others_may_lock(dsn)  # held while the restore runs
            unmark(engine)
        assert _others_may_lock(dsn)  # the engine still open: released all the same
        with restore_guard(engine, "ziel"):  # a second restore in the same process
            unmark(engine)
    finally:
        engine.dispose()


def test_a_refused_guard_leaves_the_running_restores_lock(pg_server) -> None:
    url = pg_server.new_database()
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    engine = make_engine(url)
    try:
        with psycopg.connect(dsn, autocommit=True) as running:
            running.execute("SELECT pg_advisory_lock(%s)", (_LOCK_KEY,))
            with pytest.raises(RestoreRunning), restore_guard(engine, "ziel"):
                pass
            assert not _others_may_lock(dsn)  # still the running restore's
    finally:
        engine.dispose()
