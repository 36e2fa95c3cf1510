"""The coding action log: apply and remove codings as logged actions, revert an item.

Each coding action of a coder (code, uncode) is one :class:`CodingAction` with one
:class:`CodingActionItem` per coding added or removed; :func:`revert_item` restores
exactly the state before an item (an uncode with the coding's original time and origin).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from workbench.core.domain import InputError
from workbench.store import Code, Coding, CodingAction, CodingActionItem, Segment, utcnow

KEPT = "kept"  # op of a step whose coding a merge kept once, as another step's


def log_action(session: Session, coder: str, kind: str, items: list[tuple[str, Coding]]) -> None:
    """Log one action of ``coder`` with its items (("add"|"remove", coding), …)."""
    action = CodingAction(coder=coder, kind=kind, created_at=utcnow())
    session.add(action)
    session.flush()
    for op, c in items:
        session.add(
            CodingActionItem(
                action_id=action.id,
                op=op,
                coding_id=c.id,
                segment_id=c.segment_id,
                code_id=c.code_id,
                start=c.start,
                end=c.end,
                created_at=c.created_at,
                origin=c.origin,
                accepted_by=c.accepted_by,
            )
        )


def find_coding(
    session: Session, segment_id: int, code_id: int, coder: str, start: int, end: int
) -> Coding | None:
    """The coder's coding of ``code_id`` on the segment at exactly [start, end), or None."""
    return session.scalar(
        select(Coding).where(
            Coding.segment_id == segment_id,
            Coding.code_id == code_id,
            Coding.coder == coder,
            Coding.start == start,
            Coding.end == end,
        )
    )


def check_codable(session: Session, code: Code) -> None:
    """Refuse to code a category (``codable`` False: it only groups its subcodes, as in
    MAXQDA, NVivo and ATLAS.ti), naming the subcodes to choose from."""
    if code.codable:
        return
    children = sorted(session.scalars(select(Code.name).where(Code.parent_id == code.id)))
    more = " …" if len(children) > 5 else ""
    hint = (
        f"Bitte einen Untercode wählen: {', '.join(children[:5])}{more}."
        if children
        else f"Sie hat noch keine Untercodes: workbench codebook add '{code.path}/NAME'."
    )
    raise InputError(
        f"'{code.path}' ist eine Kategorie und nicht kodierbar: sie fasst nur Codes "
        f"zusammen. {hint}"
    )


def apply_coding(
    session: Session,
    segment: Segment,
    code: Code,
    coder: str,
    span: tuple[int, int],
    origin: str | None = None,
    accepted_by: str | None = None,
) -> Coding:
    """Apply a code to a span for a coder as a logged action (already there: unchanged)."""
    check_codable(session, code)
    existing = find_coding(session, segment.id, code.id, coder, *span)
    if existing is not None:
        return existing  # already coded: nothing changes, nothing to undo
    coding = Coding(
        segment_id=segment.id,
        code_id=code.id,
        coder=coder,
        start=span[0],
        end=span[1],
        created_at=utcnow(),
        origin=origin,
        accepted_by=accepted_by,
    )
    session.add(coding)
    session.flush()
    log_action(session, coder, "code", [("add", coding)])
    return coding


def remove_codings(
    session: Session, segment: Segment, code: Code, coder: str, span: tuple[int, int] | None
) -> int:
    """Remove a coder's codings of a code on a segment (one span or all) as a logged action."""
    query = select(Coding).where(
        Coding.segment_id == segment.id, Coding.code_id == code.id, Coding.coder == coder
    )
    if span is not None:
        query = query.where(Coding.start == span[0], Coding.end == span[1])
    codings = list(session.scalars(query.order_by(Coding.start, Coding.end, Coding.id)))
    if codings:
        log_action(session, coder, "uncode", [("remove", c) for c in codings])
        for c in codings:
            session.delete(c)
    return len(codings)


def keep_beside_removal(
    steps: Iterable[tuple[CodingActionItem, object, tuple]],
    coded: frozenset[tuple[tuple, object]] | set[tuple[tuple, object]] = frozenset(),
) -> None:
    """Before a merge of two sides (codes or coders): mark ``KEPT`` each live step on a
    passage that, undone newest first, changes neither side's coding into none or back.

    Before the merge, undoing it changed one side's coding while the other's stayed (a
    removal undone beside the other's coding, then that side's add); after it, the
    step would act on the one merged coding. ``steps`` are (item, side, passage) of live
    steps on passages not both sides have a coding on; ``coded``: (passage, side) of the
    codings before the merge. A side's coding without a step (imported) stayed through
    every undo of the other's steps, so those change nothing after the merge either."""
    by_passage: dict[tuple, list[tuple[CodingActionItem, object]]] = {}
    for item, side, passage in steps:
        by_passage.setdefault(passage, []).append((item, side))
    for passage, found in by_passage.items():
        found.sort(key=lambda step: (step[0].action_id, step[0].id))
        sides = {side for _, side in found}
        imported = {side for at, side in coded if at == passage and side not in sides}
        if len(sides | imported) < 2 or any(i.op == KEPT for i, _ in found):
            continue
        present = {side: item.op == "add" for item, side in found}  # the last step wins
        present.update(dict.fromkeys(imported, True))  # no step of its own: it stays
        for item, side in reversed(found):
            before = any(present.values())
            present[side] = item.op == "remove"
            if any(present.values()) == before:
                item.op = KEPT


def revert_item(session: Session, item: CodingActionItem, coder: str) -> None:
    """Change back what one logged item did: remove an added coding, restore a removed one."""
    if item.op == KEPT:  # the coding is another step's since a merge: it stays
        return
    found = find_coding(session, item.segment_id, item.code_id, coder, item.start, item.end)
    if item.op == "add":
        if found is not None:  # by statement: a colleague may have deleted it meanwhile
            session.execute(delete(Coding).where(Coding.id == found.id))
        return
    if found is None:
        # Restore the coding as it was; keep its id unless another coding took it since.
        keep_id = session.get(Coding, item.coding_id) is None
        session.add(
            Coding(
                id=item.coding_id if keep_id else None,
                segment_id=item.segment_id,
                code_id=item.code_id,
                coder=coder,
                start=item.start,
                end=item.end,
                created_at=item.created_at,
                origin=item.origin,
                accepted_by=item.accepted_by,
            )
        )
    session.flush()
