"""Merge one code into another: its codings, memos, resolutions and GUID go to the target.

A team merges codes all the time ("Leerstelle" and "Herausforderung" turned out to be one
dimension). Renaming one onto the other's name is refused (the path is taken), and deleting
it would delete its codings. :func:`merge_code` moves everything of the merged code to the
target within the caller's transaction and remembers the merged code's GUID as an alias of
the target's, so a REFI-QDA file exported before the merge brings its codings back to the
target, once, instead of a second code with the old name.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from workbench.coding.action_log import KEPT, keep_beside_removal
from workbench.coding.codebook import SEPARATOR, check_code_size
from workbench.core.domain import InputError
from workbench.core.formatting import plural
from workbench.store import (
    Code,
    Coding,
    CodingAction,
    CodingActionItem,
    CodingResolution,
    Memo,
    record_merge,
)


@dataclass(frozen=True)
class MergeResult:
    """What a merge moved: codings, codings both codes had (kept once), memos, resolutions."""

    source: str
    target: str
    codings: int
    duplicates: int
    memos: int
    resolutions: int
    subcodes: tuple[str, ...] = ()  # the merged code's subcodes, now under the target


def merge_code(session: Session, source: Code, target: Code) -> MergeResult:
    """Merge ``source`` into ``target`` (codings, memos, resolutions, undo log); delete it.

    A coding both codes had (same statement, coder and span) stays once, as the target's;
    the coder's undo steps on the merged code now act on the target. Its subcodes move
    under the target with theirs (as in MAXQDA); refused: a code into itself or into one of
    its subcodes, and a subcode whose name the target already has (merge that one first).
    """
    if source.id == target.id:
        raise InputError(f"Code '{source.path}' kann nicht mit sich selbst zusammengeführt werden.")
    # PostgreSQL: a coder coding these codes right now waits, then finds the target.
    session.execute(select(Code.id).where(Code.id.in_([source.id, target.id])).with_for_update())
    _check_target_codable(session, source, target)
    subcodes = _move_subcodes(session, source, target)
    held = {
        (c.segment_id, c.coder, c.start, c.end)
        for c in session.scalars(select(Coding).where(Coding.code_id == target.id))
    }
    moved = list(session.scalars(select(Coding).where(Coding.code_id == source.id)))
    twice = [c for c in moved if (c.segment_id, c.coder, c.start, c.end) in held]
    for coding in twice:
        session.delete(coding)
    session.flush()
    for coding in moved:
        if coding not in twice:
            coding.code_id = target.id
    coded = {((c.segment_id, c.coder, c.start, c.end), source.id) for c in moved}
    coded |= {(passage, target.id) for passage in held}
    _move_undo_steps(
        session, source, target, {(c.segment_id, c.coder, c.start, c.end) for c in twice}, coded
    )
    resolutions = session.execute(
        update(CodingResolution)
        .where(CodingResolution.code_id == source.id)
        .values(code_id=target.id)
    ).rowcount
    memos = session.execute(
        update(Memo)
        .where(Memo.target_type == "code", Memo.target_id == source.id)
        .values(target_id=target.id)
    ).rowcount
    record_merge(session, source.guid, target.guid)
    result = MergeResult(
        source.path, target.path, len(moved) - len(twice), len(twice), memos, resolutions, subcodes
    )
    session.delete(source)
    session.flush()
    return result


def _check_target_codable(session: Session, source: Code, target: Code) -> None:
    """Refuse to merge a coded code into a category (``codable`` False): its codings
    would sit on a code that only groups others, as ``code`` refuses to make them."""
    if target.codable:
        return
    codings = session.scalar(select(func.count(Coding.id)).where(Coding.code_id == source.id))
    if not codings:
        return
    raise InputError(
        f"'{target.path}' ist eine Kategorie und nicht kodierbar: sie fasst nur Codes "
        f"zusammen; {plural(codings, 'Kodierung', 'Kodierungen')} von '{source.path}' "
        f"{'käme' if codings == 1 else 'kämen'} auf sie. Als Untercode einordnen: "
        f"workbench codebook move --under {shlex.quote(target.path)} "
        f"{shlex.quote(source.path)}; oder mit einem Untercode der Kategorie zusammenführen."
    )


def _move_subcodes(session: Session, source: Code, target: Code) -> tuple[str, ...]:
    """Give ``source``'s subcodes (with theirs) to ``target``; return the moved ones' paths."""
    prefix = source.path + SEPARATOR
    subtree = list(
        session.scalars(select(Code).where(Code.path.startswith(prefix, autoescape=True)))
    )
    if not subtree:
        return ()
    if target.path.startswith(prefix):  # it would sit under itself
        raise InputError(
            f"Code '{source.path}' kann nicht mit seinem Untercode '{target.path}' "
            f"zusammengeführt werden. Umgekehrt geht es: workbench codebook merge "
            f"{shlex.quote(target.path)} {shlex.quote(source.path)}"
        )
    new_path = {c.id: check_code_size(target.path + c.path[len(source.path) :]) for c in subtree}
    taken = set(session.scalars(select(Code.path))) & set(new_path.values())
    if taken:  # name the uppermost clashes: merging those first clears the ones below
        first = sorted(p for p in taken if p.rsplit(SEPARATOR, 1)[0] not in taken)
        commands = "; ".join(
            f"workbench codebook merge {shlex.quote(source.path + p[len(target.path) :])} "
            f"{shlex.quote(p)}"
            for p in first[:3]
        )
        raise InputError(
            f"Code '{target.path}' hat schon {plural(len(first), 'Untercode', 'Untercodes')} "
            f"mit dem Namen eines Untercodes von '{source.path}' "
            f"({', '.join(first[:5])}{' …' if len(first) > 5 else ''}). "
            f"Diese zuerst zusammenführen: {commands}"
        )
    for code in subtree:
        if code.parent_id == source.id:
            code.parent_id = target.id
        code.path = new_path[code.id]
    session.flush()
    return tuple(sorted(new_path[c.id] for c in subtree if c.parent_id == target.id))


def _key(coding: Coding) -> tuple[int, str, int, int]:
    return coding.segment_id, coding.coder, coding.start, coding.end


def _move_undo_steps(
    session: Session,
    source: Code,
    target: Code,
    twice: set[tuple[int, str, int, int]],
    coded: set[tuple[tuple, object]],
) -> None:
    """Logged steps on ``source`` act on ``target``. Of a coding both codes had, the
    older step stays: before the merge, undoing the newer left the other code's coding,
    and only undoing the older as well took the passage's last coding away; so the newer
    stays in the log as a step that changes nothing (``KEPT``: undoing it first no longer
    takes both away, nor an unrelated earlier step). A coding without a step of its own
    (imported) stayed through every undo, so the other's step changes nothing either.
    A coding only one of them has, whose twin on the other was removed by a newer step
    or has no step (imported, ``coded``: (passage, code id) before the merge): see
    :func:`~workbench.coding.action_log.keep_beside_removal`."""
    items = session.execute(
        select(CodingActionItem, CodingAction.coder, CodingAction.undone_at)
        .join(CodingAction, CodingAction.id == CodingActionItem.action_id)
        .where(CodingActionItem.code_id.in_([source.id, target.id]))
    ).all()
    keep_beside_removal(
        (
            (item, item.code_id, (item.segment_id, coder, item.start, item.end))
            for item, coder, undone in items
            if undone is None and (item.segment_id, coder, item.start, item.end) not in twice
        ),
        coded,
    )
    latest: dict[tuple[int, tuple[int, str, int, int]], CodingActionItem] = {}
    for item, coder, undone in items:
        key = (item.segment_id, coder, item.start, item.end)
        if key in twice and item.op == "add" and undone is None:
            mine = latest.get((item.code_id, key))
            if mine is None or mine.action_id < item.action_id:
                latest[(item.code_id, key)] = item
    for item, coder, _ in items:
        key = (item.segment_id, coder, item.start, item.end)
        if key not in twice:
            if item.code_id == source.id:
                item.code_id = target.id
            continue
        ours, theirs = latest.get((source.id, key)), latest.get((target.id, key))
        older = ours if ours and theirs and ours.action_id < theirs.action_id else theirs
        if item is ours or item is theirs:
            item.code_id = target.id
            if not (ours and theirs and item is older):  # only the older takes it away
                item.op = KEPT
        elif item.code_id == source.id:
            session.delete(item)
    session.flush()
    session.execute(  # actions left without items have nothing to undo
        delete(CodingAction).where(
            ~select(CodingActionItem.id)
            .where(CodingActionItem.action_id == CodingAction.id)
            .exists()
        )
    )
