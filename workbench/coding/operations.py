"""Coding: codebook operations, codings per coder with undo, memos and resolutions.

:class:`CodingMixin` gives :class:`workbench.Project` its coding methods; every write is
one transaction. Each coding action of a coder (code, uncode) is written to an action
log (:class:`CodingAction` with one :class:`CodingActionItem` per coding added or
removed), so :meth:`CodingMixin.undo` can restore exactly the state before the last
actions of that coder — also an uncode, with the coding's original time and origin.
Codings imported from files are not actions and are never undone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workbench.coding import agreement as agreement_
from workbench.coding import code_analysis
from workbench.coding import coders as coder_ops
from workbench.coding.action_log import KEPT, apply_coding, remove_codings, revert_item
from workbench.coding.codebook_ops import CodebookMixin
from workbench.coding.coders import CoderChange
from workbench.coding.disagreement_checks import check_disagreement, decisions
from workbench.coding.lookups import _code, _segment, _span
from workbench.coding.records import (
    CONSENSUS_CODER,
    ActionRecord,
    CodingRecord,
    check_coder,
)
from workbench.core.domain import InputError
from workbench.core.typed_text import typed_prose
from workbench.store import (
    Code,
    CodingAction,
    CodingActionItem,
    CodingResolution,
    Memo,
    utcnow,
)


class CodingMixin(CodebookMixin):
    """Codebook, coding, memo and undo methods of :class:`workbench.Project`."""

    # -- codings -----------------------------------------------------------------------
    def code_segment(
        self,
        segment_id: int,
        code: str | int,
        coder: str,
        start: int | None = None,
        end: int | None = None,
        origin: str | None = None,
        accepted_by: str | None = None,
    ) -> CodingRecord:
        """Apply a code to a whole segment or the span [start, end) of its text.

        Applying it again changes nothing — also when the same coder applies it in two
        sessions at the same moment (two tabs, a double click reaching two kernels): the
        one that loses the race finds the other's coding and returns it.
        ``origin``/``accepted_by`` mark accepted suggestions (``origin="suggestion"``,
        ``accepted_by`` the person who accepted).
        """
        coder = self._coder(coder)
        if accepted_by is not None:
            accepted_by = check_coder(accepted_by, "Annehmende Person")

        def attempt() -> CodingRecord:
            with self.transaction() as s:
                segment = _segment(s, segment_id)
                found = _code(s, code)
                span = _span(segment, start, end)
                coding = apply_coding(s, segment, found, coder, span, origin, accepted_by)
                return CodingRecord(coding.id, segment.id, found.path, coder, *span)

        try:
            return attempt()
        except IntegrityError:  # uq_coding: stored meanwhile by another session; rolled back
            return attempt()

    def uncode_segment(
        self,
        segment_id: int,
        code: str | int,
        coder: str,
        start: int | None = None,
        end: int | None = None,
    ) -> int:
        """Remove a coder's code from a segment (all its spans, or just [start, end)).

        Returns the number of codings removed (0 if there were none).
        """
        coder = self._coder(coder)
        with self.transaction() as s:
            segment = _segment(s, segment_id)
            found = _code(s, code)
            span = None if start is None and end is None else _span(segment, start, end)
            return remove_codings(s, segment, found, coder, span)

    def _coder(self, coder: str) -> str:
        """The coder ``coder`` names (:func:`~workbench.coding.coders.coder_named`)."""
        with self.session() as s:
            return coder_ops.coder_named(s, coder)

    def rename_coder(self, old: str, new: str) -> CoderChange:
        """Give a coder's codings, steps and resolutions to ``new`` (merged if it exists)."""
        old, new = self._coder(old), check_coder(new)

        def attempt() -> CoderChange:
            with self.transaction(exclusive=True) as s:
                return coder_ops.rename_coder(s, old, new)

        try:
            return attempt()
        except IntegrityError:  # uq_coding: ``new`` coded one of them meanwhile (coding
            return attempt()  # takes no lock); rolled back, now read as one to keep once

    def remove_coder(self, coder: str, document: str | None = None) -> int:
        """Remove all codings of a coder (in one document) as one step ``undo`` restores."""
        with self.transaction(exclusive=True) as s:  # an undo meanwhile: see ``_undo``
            return coder_ops.remove_coder(s, coder_ops.coder_named(s, coder), document)

    def undo(self, coder: str, n: int = 1) -> int:
        """Undo the last ``n`` coding actions of one coder; return how many were undone."""
        return len(self.undo_steps(coder, n))

    def undo_steps(self, coder: str, n: int = 1) -> list[str]:
        """Undo like :meth:`undo`; say what each undone action changed back, newest first.

        The step undone may not be the one the coder has in mind (made in another tab, or
        its statement erased with ``forget`` since): "Aussage 4: 'Bedarf' [0, 54) entfernt".
        """
        coder = self._coder(coder)
        if n < 1:
            raise InputError("Anzahl der rückgängig zu machenden Schritte muss ≥ 1 sein.")
        try:
            return self._undo(coder, n)
        except (IntegrityError, StaleDataError):  # its code (and log) deleted meanwhile
            return self._undo(coder, n)

    def _undo(self, coder: str, n: int) -> list[str]:
        # exclusive: a removal of the coder's codings (``coders --remove``) between reading
        # and writing would log the coding undone here, and undoing the removal restore it
        with self.transaction(exclusive=True) as s:
            actions = list(
                s.scalars(
                    select(CodingAction)
                    .where(CodingAction.coder == coder, CodingAction.undone_at.is_(None))
                    .order_by(CodingAction.id.desc())
                    .limit(n)
                )
            )
            now, said = utcnow(), []
            for action in actions:  # newest first; items of one action in reverse order
                items = s.scalars(
                    select(CodingActionItem)
                    .where(CodingActionItem.action_id == action.id)
                    .order_by(CodingActionItem.id.desc())
                )
                lines = []
                for i in items:
                    revert_item(s, i, coder)
                    done = {"add": "entfernt", KEPT: "bleibt (zusammengeführt)"}.get(
                        i.op, "wiederhergestellt"
                    )
                    path = getattr(s.get(Code, i.code_id), "path", "(gelöschter Code)")
                    lines.append(f"Aussage {i.segment_id}: '{path}' [{i.start}, {i.end}) {done}")
                said.append("; ".join(lines))
                action.undone_at = now
            return said

    def coding_actions(self, coder: str | None = None) -> list[ActionRecord]:
        """The action log of one coder or all, oldest first (undone actions included)."""
        with self.session() as s:
            query = select(CodingAction).order_by(CodingAction.id)
            if coder is not None:
                query = query.where(CodingAction.coder == coder)
            actions = list(s.scalars(query))
            items: dict[int, list[tuple[str, int, int, int, int]]] = {}
            for item in s.scalars(select(CodingActionItem).order_by(CodingActionItem.id)):
                items.setdefault(item.action_id, []).append(
                    (item.op, item.segment_id, item.code_id, item.start, item.end)
                )
        return [
            ActionRecord(
                a.id, a.coder, a.kind, a.created_at, a.undone_at is not None, tuple(items[a.id])
            )
            for a in actions
            if a.id in items
        ]

    # -- analysis tables (thin: the work is in workbench.coding.agreement / code_analysis) ------
    def agreement(
        self,
        coders: Sequence[str] | None = None,
        groups: Mapping[str, Sequence[str]] | None = None,
    ) -> pd.DataFrame:
        """Intercoder agreement overall, per group and per code (see workbench.coding.agreement)."""
        return agreement_.agreement(self, coders, groups)

    def disagreements(
        self, coders: Sequence[str] | None = None, unresolved_only: bool = False
    ) -> pd.DataFrame:
        """Where coders differ: segment, code, who applied it and who did not."""
        return agreement_.disagreements(self, coders, unresolved_only)

    def code_frequencies(self, coder: str | None = None) -> pd.DataFrame:
        """Segments per code and district (see workbench.coding.code_analysis)."""
        return code_analysis.code_frequencies(self, coder)

    def quotes(
        self, code: str | None = None, coder: str | None = None, subcodes: bool = True
    ) -> pd.DataFrame:
        """Coded passages as quotes with workshop, district, document and source id."""
        return code_analysis.quotes(self, code, coder, subcodes)

    # -- memos -------------------------------------------------------------------------
    def add_memo(
        self,
        text: str,
        author: str,
        segment: int | None = None,
        code: str | int | None = None,
        cluster: int | None = None,
    ) -> int:
        """Add a memo on a segment, a code, a cluster, or (none given) the project."""
        author = check_coder(author, "Autor*in")
        text = typed_prose(text).strip()
        if not text:
            raise InputError("Das Memo ist leer.")
        given = [v for v in (segment, code, cluster) if v is not None]
        if len(given) > 1:
            raise InputError("Ein Memo gehört zu genau einem Ziel: Aussage, Code oder Cluster.")
        with self.transaction() as s:
            return _add_memo(s, text, author, segment=segment, code=code, cluster=cluster)

    # -- resolving disagreements -------------------------------------------------------
    def resolve_disagreement(
        self,
        segment_id: int,
        code: str | int,
        author: str,
        text: str,
        apply: bool | None = None,
        coder: str = CONSENSUS_CODER,
    ) -> int:
        """Record how a disagreement was resolved: a memo on the segment; return its id.

        ``apply=True`` also codes the whole segment for ``coder`` (default ``konsens``),
        ``apply=False`` removes the code from it for ``coder``; both can be undone with
        :meth:`undo` for that coder (the memo stays). The resolution holds each coder's
        decision at this moment: if one changes later, or a new coder disagrees, the
        disagreement counts as unresolved again. What is no disagreement (now) is refused:
        a typo in the statement or code must not be recorded as "geklärt".
        """
        author = check_coder(author, "Autor*in")
        coder = self._coder(coder)
        text = (text or "").strip()
        if not text:
            raise InputError("Die Begründung (Memotext) ist leer.")
        with self.transaction() as s:
            segment = _segment(s, segment_id)
            found = _code(s, code)
            check_disagreement(s, segment.id, found)
            memo_id = _add_memo(s, f"Abgleich „{found.path}“: {text}", author, segment=segment.id)
            decision = None
            if apply is True:
                apply_coding(s, segment, found, coder, _span(segment, None, None))
                decision = "apply"
            elif apply is False:
                remove_codings(s, segment, found, coder, None)
                decision = "remove"
            s.add(
                CodingResolution(
                    segment_id=segment.id,
                    code_id=found.id,
                    memo_id=memo_id,
                    coder=coder if decision else None,
                    decision=decision,
                    state=decisions(s, segment.id, found.id),
                )
            )
            return memo_id


def _add_memo(
    session: Session,
    text: str,
    author: str,
    segment: int | None = None,
    code: str | int | None = None,
    cluster: int | None = None,
) -> int:
    if segment is not None:
        target_type, target_id = "segment", _segment(session, segment).id
    elif code is not None:
        target_type, target_id = "code", _code(session, code).id
    elif cluster is not None:
        if int(cluster) < 0:
            raise InputError(f"Ungültige Cluster-Nummer {cluster}.")
        target_type, target_id = "cluster", int(cluster)
    else:
        target_type, target_id = "project", None
    memo = Memo(
        target_type=target_type, target_id=target_id, author=author, text=text, created_at=utcnow()
    )
    session.add(memo)
    session.flush()
    return memo.id
