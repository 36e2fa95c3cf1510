"""A statement's id is never given twice, also after ``workbench forget`` on SQLite.

SQLite gives a new row the largest id of its table plus one: after ``forget`` of the
newest statements the next import took their ids. The erasure log then named a statement
that exists (another one), and ``forget --statement ID`` repeated from the log erased an
unrelated statement. PostgreSQL's sequences never go back (``restore`` and ``migrate-db``
let them continue above every erased id, :mod:`workbench.store.backup`).
:func:`keep_ids_unique` makes the project's sessions give new statements ids above every
id the erasure log names.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from workbench.store.privacy_tables import ErasureEntry
from workbench.store.schema import Segment


def erased_ids_top(session: Session) -> int:
    """The largest statement id the erasure log names (0 if none)."""
    return top_of(session.scalars(select(ErasureEntry.selector)))


def top_of(selectors: Iterable[object]) -> int:
    """The largest statement id the erasure log's ``selectors`` name (0 if none).

    >>> top_of([{"statements": [3, 12]}, None, '{"statements": [7]}', {"source": "a"}])
    12
    """
    top = 0
    for selector in selectors:
        if isinstance(selector, str):  # a JSON column read without its type
            selector = json.loads(selector or "null")
        ids = selector.get("statements") if isinstance(selector, dict) else None
        top = max([top, *(int(i) for i in ids or [])])
    return top


def keep_ids_unique(sessions: sessionmaker[Session], engine: Engine) -> None:
    """On SQLite, number new statements of ``sessions`` above every erased one."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(sessions, "before_flush")
    def _number(session: Session, _context: object, _instances: object) -> None:
        new = [o for o in session.new if isinstance(o, Segment) and o.id is None]
        if not new:
            return
        with session.no_autoflush:
            floor = erased_ids_top(session)
            if not floor:
                return
            top = session.scalar(select(func.max(Segment.id))) or 0
        if top >= floor:  # SQLite's next id is above every erased one anyway
            return
        for k, segment in enumerate(sorted(new, key=lambda s: (s.document_id, s.start))):
            segment.id = floor + 1 + k
