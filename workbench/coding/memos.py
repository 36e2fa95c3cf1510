"""Editing and deleting memos: a researcher's own notes (``workbench memos``).

Memos keep their author's words; an export pseudonymises them and enters a person named
only there into the key. When a memo is edited or deleted, the key entries of persons
only its old text named leave the key (:func:`~workbench.store.erasure.forget_memo_names`),
so the name is gone from the project, not only from the memo.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.domain import InputError
from workbench.core.typed_text import typed_prose
from workbench.store import Memo, ProjectStore
from workbench.store.coding_tables import CodingResolution
from workbench.store.erasure_keys import forget_memo_names


@dataclass(frozen=True)
class MemoChange:
    """What an edit or a deletion did: the memo and the key entries that went with it."""

    memo_id: int
    key_entries: int


def edit_memo(store: ProjectStore, memo_id: int, text: str) -> MemoChange:
    """Replace the text of memo ``memo_id`` (as typed text is stored, like a new memo);
    refuses an empty text or an unknown memo."""
    text = typed_prose(text).strip()  # no ESC, NUL, override or C1 control: as add_memo
    if not text:
        raise InputError("Das Memo ist leer: zum Löschen 'workbench memos delete ID'.")
    with store.transaction(exclusive=True) as session:
        memo = _memo(session, memo_id)
        old, memo.text = memo.text, text
        session.flush()
        return MemoChange(memo_id, forget_memo_names(session, old))


def delete_memo(store: ProjectStore, memo_id: int) -> MemoChange:
    """Delete memo ``memo_id``; a memo that records a resolved disagreement stays."""
    with store.transaction(exclusive=True) as session:
        memo = _memo(session, memo_id)
        resolution = session.scalar(
            select(CodingResolution).where(CodingResolution.memo_id == memo_id).limit(1)
        )
        if resolution is not None:
            raise InputError(
                f"Memo {memo_id} hält die Klärung einer Abweichung fest (Aussage "
                f"{resolution.segment_id}); es bleibt. Den Text ändert 'workbench memos edit'."
            )
        old = memo.text
        session.delete(memo)
        session.flush()
        return MemoChange(memo_id, forget_memo_names(session, old))


def _memo(session: Session, memo_id: int) -> Memo:
    memo = session.get(Memo, int(memo_id))
    if memo is None:
        raise InputError(f"Memo {memo_id} gibt es nicht (alle zeigt 'workbench memos list').")
    return memo
