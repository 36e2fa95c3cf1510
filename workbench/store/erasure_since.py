"""What ``forget`` erased since a page read its data, from the erasure log (no content).

An open app (:mod:`widgets.forget_watch`) notes :func:`last_erasure` before it reads the
project; once the forget mark changed, :func:`erased_since` says what the newer requests
erased: statement ids, which need clusters' names it changed (a name that quoted an
erased statement, or a word only erased statements said: the cluster may keep statements
a topic map shows) and, for a person or speaker, which statements kept their text but
lost the name in their memos or codings and which recommendations lost it. The page
reloads only if that touches what it shows; an access code erased alone touches only its
own ballot. An entry of an earlier release for a person, without those ids, says only
that a person was named (``people``): a page that shows names reloads for it.
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
    people: bool = False  # a person, logged without the ids below: names left any text
    needs: frozenset[tuple[int, int]] = frozenset()  # (need run, cluster) renamed or gone
    unknown: bool = False  # an entry this release cannot read: assume it touches all
    rewritten: frozenset[int] = frozenset()  # statements kept, their memos/codings renamed
    recommendations: frozenset[int] = frozenset()  # recommendations that lost a name
    persons: bool = False  # a request for a person or speaker (any release): a coder's
    # name may be hers (the coding panel compares it with the key, not with the log)


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
    rewritten: set[int] = set()
    recommendations: set[int] = set()
    people = unknown = persons = False
    for _, selector in rows:
        if isinstance(selector, str):  # a JSON column read without its type
            selector = json.loads(selector or "null")
        if not isinstance(selector, dict) or "statements" not in selector:
            unknown = True
            continue
        statements.update(int(i) for i in selector.get("statements") or [])
        named = bool(selector.get("speaker") or selector.get("person"))
        people |= named and "rewritten" not in selector  # an earlier release: not which
        persons |= named
        rewritten.update(int(i) for i in selector.get("rewritten") or [])
        recommendations.update(int(i) for i in selector.get("recommendations") or [])
        if selector.get("statements") and "need_labels" not in selector:
            unknown = True  # an older release's entry: which need names changed is unsaid
        needs.update((int(run), int(cluster)) for run, cluster in selector.get("need_labels") or [])
    last = max([after, *(i for i, _ in rows)])
    return Erased(
        last,
        frozenset(statements),
        people,
        frozenset(needs),
        unknown,
        frozenset(rewritten),
        frozenset(recommendations),
        persons,
    )


__all__ = ["Erased", "erased_since", "last_erasure"]
