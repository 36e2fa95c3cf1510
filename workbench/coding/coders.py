"""Coder housekeeping: rename (or merge) a coder, remove all codings of one.

A typo in ``--coder`` ("Anan" for Anna) makes a second coder who disagrees with the first
on every statement; a coded table imported with the wrong ``--coder`` brings hundreds of
codings under a name. One ``uncode`` at a time or a backup were the only ways back.
:func:`rename_coder` gives all codings, undo steps, resolutions and memos of a coder to
another name (a coding both had stays once); :func:`remove_coder` removes all codings of a coder
as one logged action, which ``undo`` for that coder restores.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from workbench.coding.action_log import KEPT, keep_beside_removal, log_action
from workbench.coding.records import check_coder, stored_coder
from workbench.core.domain import InputError
from workbench.core.typed_text import NOT_IN_LABEL
from workbench.store import (
    Coding,
    CodingAction,
    CodingActionItem,
    CodingResolution,
    Document,
    Memo,
    Segment,
    coder_names,
)


@dataclass(frozen=True)
class CoderChange:
    """What a coder rename did: codings renamed, codings both had (kept once), steps, memos."""

    codings: int
    duplicates: int
    steps: int
    memos: int = 0


def coder_named(session: Session, typed: str) -> str:
    """The coder ``typed`` names as stored (also as an older version stored her, with a
    U+009B or the rest of an escape sequence: :func:`stored_coder`), else as
    :func:`check_coder` writes a new one."""
    name = check_coder(typed)
    if NOT_IN_LABEL.search(typed) is None:  # an ordinary name: as typed, stripped
        return name
    known = coder_names(session)
    return stored_coder(typed, known) or name


def _key(coding: Coding) -> tuple[int, int, int, int]:
    return coding.segment_id, coding.code_id, coding.start, coding.end


def rename_coder(session: Session, old: str, new: str) -> CoderChange:
    """Give everything of coder ``old`` to ``new``; if ``new`` has codings, merge the two."""
    if old == new:
        raise InputError(f"Kodierer*in '{old}' heißt schon so.")
    codings = list(session.scalars(select(Coding).where(Coding.coder == old)))
    actions = list(session.scalars(select(CodingAction).where(CodingAction.coder == old)))
    if not codings and not actions:
        raise InputError(f"Von '{old}' gibt es weder Kodierungen noch Kodierschritte.")
    held = {_key(c) for c in session.scalars(select(Coding).where(Coding.coder == new))}
    twice = [c for c in codings if _key(c) in held]
    for coding in twice:
        session.delete(coding)
    session.flush()
    for coding in codings:
        if coding not in twice:
            coding.coder = new
    _merge_steps(session, old, new, {_key(c) for c in twice})
    for action in actions:
        action.coder = new
    session.flush()
    session.execute(
        delete(CodingAction).where(
            ~select(CodingActionItem.id)
            .where(CodingActionItem.action_id == CodingAction.id)
            .exists()
        )
    )
    for resolution in session.scalars(select(CodingResolution)):
        if resolution.coder == old:
            resolution.coder = new
        state = dict(resolution.state or {})
        if old in state:  # merged: applied if either had applied it
            state[new] = max(state.pop(old), state.get(new, 0))
            resolution.state = state
    for model in (Coding, CodingActionItem):  # suggestions she accepted: accepted by ``new``
        session.execute(update(model).where(model.accepted_by == old).values(accepted_by=new))
    memos = list(session.scalars(select(Memo).where(Memo.author == old)))
    for memo in memos:  # her notes are hers under the name meant, not the typo's
        memo.author = new
    session.flush()
    return CoderChange(len(codings) - len(twice), len(twice), len(actions), len(memos))


def _merge_steps(
    session: Session, old: str, new: str, twice: set[tuple[int, int, int, int]]
) -> None:
    """Of a coding both coders had (kept once), the older step stays (as ``new``'s): before
    the merge, undoing the newer left the other's coding, and only undoing the older as
    well took the passage's last coding away; the newer stays as a step that changes
    nothing (``KEPT``), as does the one step beside a coding without a step of its own
    (imported), which stayed through every undo (as ``merge.merge_code``); a coding
    beside a newer removal of its twin: :func:`~workbench.coding.action_log.keep_beside_removal`."""
    items = session.execute(
        select(CodingActionItem, CodingAction.coder, CodingAction.undone_at)
        .join(CodingAction, CodingAction.id == CodingActionItem.action_id)
        .where(CodingAction.coder.in_([old, new]))
    ).all()
    keep_beside_removal(
        (item, coder, (item.segment_id, item.code_id, item.start, item.end))
        for item, coder, undone in items
        if undone is None and (item.segment_id, item.code_id, item.start, item.end) not in twice
    )
    latest: dict[tuple[str, tuple[int, int, int, int]], CodingActionItem] = {}
    for item, coder, undone in items:
        key = (item.segment_id, item.code_id, item.start, item.end)
        if key in twice and item.op == "add" and undone is None:
            mine = latest.get((coder, key))
            if mine is None or mine.action_id < item.action_id:
                latest[(coder, key)] = item
    for item, coder, _ in items:
        key = (item.segment_id, item.code_id, item.start, item.end)
        if key not in twice:
            continue
        ours, theirs = latest.get((old, key)), latest.get((new, key))
        older = ours if ours and theirs and ours.action_id < theirs.action_id else theirs
        if item is ours or item is theirs:
            if not (ours and theirs and item is older):  # only the older takes it away
                item.op = KEPT
        elif coder == old:
            session.delete(item)  # an earlier step on a coding that is now new's own
    session.flush()


def remove_coder(session: Session, coder: str, document: str | None = None) -> int:
    """Remove every coding of ``coder`` (only those in the document stored as ``document``)
    as one logged action (undo restores it); the count."""
    query = select(Coding).where(Coding.coder == coder)
    if document is not None:  # a wrongly imported file: its codings, not her others
        query = query.where(
            Coding.segment_id.in_(
                select(Segment.id)
                .join(Document, Segment.document_id == Document.id)
                .where(Document.filename == document)
            )
        )
    codings = list(
        session.scalars(
            query.order_by(Coding.segment_id, Coding.code_id, Coding.start, Coding.end, Coding.id)
        )
    )
    if codings:
        log_action(session, coder, "uncode", [("remove", c) for c in codings])
        for coding in codings:
            session.delete(coding)
        session.flush()
    return len(codings)
