"""Tables of the coding stage: the per-coder action log (undo) and resolutions; the
REFI-QDA exports' marks (what each held), to read a colleague's file back."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from workbench.store.schema import MAX_CODER, Base, Coding, Meta, utcnow

# Meta key of the project's REFI-QDA exports, oldest first: what each one held.
EXPORT_MARKS_KEY = "qdpx_export_marks"
# Meta key of the GUIDs of codes merged into others: {merged code's GUID: its target's}.
MERGED_CODES_KEY = "merged_code_guids"
# Meta key of those of them that workbench upgrade merged (two spellings of one name,
# migration 0009), in the same form.
MERGED_ON_UPGRADE_KEY = "merged_code_guids_upgrade"
# Meta key of the GUIDs of deleted codes: {GUID: day of the delete}, no name (decision 026).
DELETED_CODES_KEY = "deleted_code_guids"


class CodingAction(Base):
    """One action of a coder (``code`` or ``uncode``), newest last; undone ones are kept."""

    __tablename__ = "coding_actions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coder: Mapped[str] = mapped_column(String(MAX_CODER))
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    __table_args__ = (Index("ix_coding_actions_coder", "coder", "undone_at", "id"),)


class CodingActionItem(Base):
    """A coding an action added (``op="add"``) or removed (``op="remove"``), in full;
    ``op="kept"``: it added a coding that a merge of codes or coders kept once, as another
    step's (undoing it changes nothing)."""

    __tablename__ = "coding_action_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("coding_actions.id"), index=True)
    op: Mapped[str] = mapped_column(String(10))
    coding_id: Mapped[int] = mapped_column(Integer)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id"))
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    origin: Mapped[str | None] = mapped_column(String(20), nullable=True)
    accepted_by: Mapped[str | None] = mapped_column(String(100), nullable=True)


class CodingResolution(Base):
    """How a disagreement on (segment, code) was resolved: a memo, optionally a decision."""

    __tablename__ = "coding_resolutions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id"), index=True)
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id"), index=True)
    memo_id: Mapped[int] = mapped_column(ForeignKey("memos.id"))
    coder: Mapped[str | None] = mapped_column(String(MAX_CODER), nullable=True)
    decision: Mapped[str | None] = mapped_column(String(10), nullable=True)  # apply|remove
    # What each coder of the segment had decided on the code when it was resolved:
    # {coder: 1 applied, 0 coded the segment without it}. A later change (a coder removes
    # or adds it, a new coder disagrees) is a new disagreement, not this resolved one.
    state: Mapped[dict[str, int] | None] = mapped_column(JSON, nullable=True)


@dataclass(frozen=True)
class ExportMark:
    """An export held every coding up to id ``codings`` and memo up to id ``memos`` made
    until ``time`` (ids grow; the time keeps out one that took a deleted coding's id).

    ``time`` None: the project was made before exports were recorded, exports until then
    held at most this much but are unknown.
    """

    codings: int
    memos: int
    time: datetime | None

    def holds(self, item_id: int, created_at: datetime | None, memo: bool = False) -> bool:
        """Whether the coding (``memo``: memo) ``item_id`` made at ``created_at`` was in it."""
        if created_at is not None and created_at.tzinfo is None:
            created_at = created_at.replace(tzinfo=UTC)  # SQLite gives UTC back naive
        mark = self.memos if memo else self.codings
        late = self.time is not None and created_at is not None and created_at > self.time
        return item_id <= mark and not late


def start_export_marks(session: Session) -> None:
    """A new project: every REFI-QDA export it will make is recorded."""
    session.add(Meta(key=EXPORT_MARKS_KEY, value="[]"))


def record_export(session: Session, codings: int, memos: int) -> None:
    """Remember a REFI-QDA export of the codings and memos up to these ids, made now.

    In a project made before exports were recorded, the first record also says that
    exports of everything up to these ids may have been made unrecorded.
    """
    meta = session.get(Meta, EXPORT_MARKS_KEY)
    marks = json.loads(meta.value) if meta is not None else [[codings, memos, None]]
    marks.append([codings, memos, utcnow().isoformat()])
    if meta is None:
        session.add(Meta(key=EXPORT_MARKS_KEY, value=json.dumps(marks)))
    else:
        meta.value = json.dumps(marks)


def export_marks(session: Session) -> list[ExportMark]:
    """The project's REFI-QDA exports, oldest first (none before this was recorded)."""
    meta = session.get(Meta, EXPORT_MARKS_KEY)
    if meta is None:
        return []
    return [
        ExportMark(int(c), int(m), datetime.fromisoformat(t) if t else None)
        for c, m, t in json.loads(meta.value)
    ]


def export_of(marks: list[ExportMark], codings: int, memos: int) -> ExportMark | None:
    """The export a file read back came from, as far as it tells: the oldest that held its
    codings and memos recognised here (up to these ids), or None if that may have been an
    unrecorded one. A later export would name codings made since the file's as removed
    there; the oldest names only what surely was in the file."""
    found = next((m for m in marks if m.codings >= codings and m.memos >= memos), None)
    return found if found is not None and found.time is not None else None


def coder_names(session: Session) -> set[str]:
    """Every coder name as stored: of the codings and of the coding steps (a coder whose
    codings were all undone is still one)."""
    names = set(session.scalars(select(Coding.coder).distinct()))
    return names | set(session.scalars(select(CodingAction.coder).distinct()))


def _meta_map(session: Session, key: str) -> dict[str, str]:
    """The JSON object stored under ``key`` in ``meta`` (empty if there is none)."""
    meta = session.get(Meta, key)
    return dict(json.loads(meta.value)) if meta is not None else {}


def _set_meta_map(session: Session, key: str, value: dict[str, str]) -> None:
    """Store ``value`` as the JSON object under ``key`` in ``meta`` (keys sorted)."""
    meta = session.get(Meta, key)
    if meta is None:
        session.add(Meta(key=key, value=json.dumps(value, sort_keys=True)))
    else:
        meta.value = json.dumps(value, sort_keys=True)


def _drop_from_meta_map(session: Session, key: str, gone: set[str]) -> None:
    """Leave the keys ``gone`` out of the JSON object under ``key`` in ``meta``."""
    meta = session.get(Meta, key)
    if meta is not None and gone & set(json.loads(meta.value)):
        kept = {k: v for k, v in json.loads(meta.value).items() if k not in gone}
        meta.value = json.dumps(kept, sort_keys=True)


def record_merge(session: Session, merged: str, into: str) -> None:
    """Remember that the code with GUID ``merged`` was merged into the one with ``into``."""
    merges = _meta_map(session, MERGED_CODES_KEY)
    merges[merged] = into
    _set_meta_map(session, MERGED_CODES_KEY, merges)


def merged_codes(session: Session) -> dict[str, str]:
    """Each merged code's GUID and the GUID it went to in the end (merges followed on)."""
    merges: dict[str, str] = _meta_map(session, MERGED_CODES_KEY)
    final = {}
    for merged, into in merges.items():
        seen = {merged}
        while into in merges and into not in seen:  # A into B, later B into C: A is C
            seen.add(into)
            into = merges[into]
        final[merged] = into
    return final


def forget_merges_into(session: Session, guids: Collection[str]) -> int:
    """Forget the merges whose code went (in the end) to one with a GUID of ``guids``, the
    codes being deleted; return how many. Their GUIDs name no code any more: a file coded
    under one brings its code back as any deleted code, and a new code may take it."""
    deleted = set(guids)
    gone = {merged for merged, into in merged_codes(session).items() if into in deleted}
    if not gone:
        return 0
    for key in (MERGED_CODES_KEY, MERGED_ON_UPGRADE_KEY):
        _drop_from_meta_map(session, key, gone)
    return len(gone)


def merged_on_upgrade(session: Session) -> set[str]:
    """The GUIDs of codes that ``workbench upgrade`` merged (not ``codebook merge``)."""
    meta = session.get(Meta, MERGED_ON_UPGRADE_KEY)
    return set(json.loads(meta.value)) if meta is not None else set()


def record_deletions(session: Session, guids: Collection[str]) -> None:
    """Remember that the codes with these GUIDs were deleted today (only GUID and day: a
    REFI-QDA file from before the delete must not bring them back unasked)."""
    deleted = _meta_map(session, DELETED_CODES_KEY)
    deleted.update(dict.fromkeys(guids, utcnow().date().isoformat()))
    _set_meta_map(session, DELETED_CODES_KEY, deleted)


def deleted_codes(session: Session) -> dict[str, str]:
    """The GUIDs of deleted codes, each with the day (ISO) it was deleted."""
    return _meta_map(session, DELETED_CODES_KEY)


def forget_deletions(session: Session, guids: Collection[str]) -> None:
    """Forget the deletes of these GUIDs (their codes were brought back on purpose)."""
    _drop_from_meta_map(session, DELETED_CODES_KEY, set(guids))
