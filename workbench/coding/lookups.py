"""Lookups within one session for the coding operations: a statement, a code (also by the
path an older version stored), a text span, a code with its descendants.

Moved out of :mod:`workbench.coding.operations` (which stays under 600 lines); used by it
and by :mod:`workbench.coding.codebook_ops`.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.coding.codebook import (
    SEPARATOR,
    meant_code,
    path_key,
)
from workbench.coding.records import (
    stored_path,
)
from workbench.core.domain import InputError
from workbench.store import (
    Code,
    Segment,
)


# -- helpers within one session ----------------------------------------------------------
def _segment(session: Session, segment_id: int) -> Segment:
    segment = session.get(Segment, int(segment_id))
    if segment is None:
        raise InputError(f"Aussage {segment_id} gibt es nicht.")
    return segment


def _code(session: Session, code: str | int) -> Code:
    if isinstance(code, int):
        found = session.get(Code, code)
    else:
        found = session.scalar(select(Code).where(Code.path == _stored(session, code)))
    if found is None:
        raise InputError(f"Code '{code}' steht nicht im Codebuch.{_meant(session, code)}")
    return found


def _stored(session: Session, code: str) -> str | None:
    """The stored path ``code`` names (:func:`stored_path`: an older version's too)."""
    return stored_path(code, session.scalars(select(Code.path)))


def _meant(session: Session, code: str | int) -> str:
    """What a missing path likely means (:func:`meant_code`); "" for a code's number."""
    return "" if isinstance(code, int) else meant_code(code, session.scalars(select(Code.path)))


def _span(segment: Segment, start: int | None, end: int | None) -> tuple[int, int]:
    length = len(segment.text)
    if start is None and end is None:
        return 0, length
    if start is None or end is None:
        raise InputError("Für eine Textstelle braucht es Anfang und Ende.")
    if not 0 <= start < end <= length:
        raise InputError(
            f"Textstelle [{start}, {end}) liegt nicht in Aussage {segment.id} "
            f"(Länge {length}); erlaubt ist 0 ≤ Anfang < Ende ≤ {length}."
        )
    return start, end


def _subtree(session: Session, code: Code) -> list[Code]:
    """The code and all its descendants, parents first."""
    prefix = code.path + SEPARATOR
    codes = [c for c in session.scalars(select(Code)) if c.path.startswith(prefix)]
    return [code, *sorted(codes, key=lambda c: path_key(c.path))]
