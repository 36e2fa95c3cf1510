"""What ``forget`` erased since a page read its data, from the erasure log (no content).

An open app (:mod:`widgets.forget_watch`) notes :func:`last_erasure` before it reads the
project; once the forget mark changed, :func:`erased_since` says what the newer requests
erased: statement ids, whether a person or speaker was named (their names leave memos,
recommendations and need names too) and which need clusters' names it changed (a name
that quoted an erased statement, or a word only erased statements said: the cluster may
keep statements a topic map shows). The page reloads only if that touches what it
shows; an access code erased alone touches only its own ballot.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.store.privacy_tables import ErasureEntry


@dataclass(frozen=True)
class Erased:
    """The erasure log's entries after a noted one, as references without content."""

    last: int  # the newest entry read: the next look starts after it
    statements: frozenset[int] = frozenset()
    people: bool = False  # a speaker or person: names may have left other texts
    needs: frozenset[tuple[int, int]] = frozenset()  # (need run, cluster) renamed or gone
    unknown: bool = False  # an entry this release cannot read: assume it touches all


def last_erasure(session: Session) -> int:
    """The id of the erasure log's newest entry (0 if none)."""
    return session.scalar(select(func.max(ErasureEntry.id))) or 0


def erased_since(session: Session, after: int) -> Erased:
    """What the erasure log's entries after ``after`` erased."""
    rows = session.execute(
        select(ErasureEntry.id, ErasureEntry.selector).where(ErasureEntry.id > after)
    ).all()
    statements: set[int] = set()
    needs: set[tuple[int, int]] = set()
    people = unknown = False
    for _, selector in rows:
        if isinstance(selector, str):  # a JSON column read without its type
            selector = json.loads(selector or "null")
        if not isinstance(selector, dict) or "statements" not in selector:
            unknown = True
            continue
        statements.update(int(i) for i in selector.get("statements") or [])
        people |= bool(selector.get("speaker") or selector.get("person"))
        if selector.get("statements") and "need_labels" not in selector:
            unknown = True  # an older release's entry: which need names changed is unsaid
        needs.update((int(run), int(cluster)) for run, cluster in selector.get("need_labels") or [])
    last = max([after, *(i for i, _ in rows)])
    return Erased(last, frozenset(statements), people, frozenset(needs), unknown)


__all__ = ["Erased", "erased_since", "last_erasure"]
