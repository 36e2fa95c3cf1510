"""The counts a download brings for the stored rows it holds (Pol.is votes, a chat
message's reactions, a survey's scores): the stored statements take them; their text,
pseudonyms and every other attribute stay (:mod:`workbench.ingest.export_growth`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.formatting import plural
from workbench.store import Segment

ROW_NUMBERS = frozenset({"_index"})  # KoBoToolbox's: the row's place in the download, no count


def _countable(old: Any, new: Any) -> bool:
    """Whether a stored attribute may take the file's value: a number (votes, reactions,
    a score), or a text of no letter or digit (a chat's reaction emoji), which names
    no one; never a text the import pseudonymised."""
    if isinstance(old, bool) or isinstance(new, bool):
        return False
    if isinstance(old, int | float) and isinstance(new, int | float):
        return True
    return isinstance(old, str) and isinstance(new, str) and not any(c.isalnum() for c in old + new)


def refresh_counts(session: Session, counts: Sequence[tuple[int, Mapping[str, Any]]]) -> int:
    """Give stored statements the counts their rows now have in the file (Pol.is votes,
    chat reactions, survey scores; see :func:`_countable`); text, speaker and every
    other attribute stay, and a row's number in the download (:data:`ROW_NUMBERS`).
    Returns how many statements changed."""
    wanted = {key: attributes for key, attributes in counts if attributes}
    changed = 0
    keys = sorted(wanted)
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        for segment in session.scalars(select(Segment).where(Segment.id.in_(chunk))):
            stored = dict(segment.attributes or {})
            new = {
                name: value
                for name, value in wanted[segment.id].items()
                if name in stored
                and name not in ROW_NUMBERS
                and stored[name] != value
                and _countable(stored[name], value)
            }
            if new:
                segment.attributes = {**stored, **new}
                changed += 1
    session.flush()
    return changed


def recounted_notice(statements: int) -> str:
    """What a download changed in stored statements' counts."""
    return (
        f"Zahlen (Stimmen, Reaktionen, Werte) von "
        f"{plural(statements, 'gespeicherten Aussage', 'gespeicherten Aussagen')} auf den "
        "Stand dieses Downloads gebracht; Texte und Pseudonyme bleiben."
    )
