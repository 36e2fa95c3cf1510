"""Coding: codebook operations, codings per coder with undo, memos and resolutions.

:class:`CodingMixin` gives :class:`workbench.Project` its coding methods; every write is
one transaction. Each coding action of a coder (code, uncode) is written to an action
log (:class:`CodingAction` with one :class:`CodingActionItem` per coding added or
removed), so :meth:`CodingMixin.undo` can restore exactly the state before the last
actions of that coder — also an uncode, with the coding's original time and origin.
Codings imported from files are not actions and are never undone.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workbench.coding import agreement as agreement_
from workbench.coding import code_analysis, merge
from workbench.coding import coders as coder_ops
from workbench.coding.action_log import KEPT, apply_coding, remove_codings, revert_item
from workbench.coding.code_index import CodeIndex, free_guid
from workbench.coding.codebook import (
    SEPARATOR,
    CodeSpec,
    check_code_size,
    meant_code,
    normalise_colour,
    path_key,
    write_codebook_yaml,
)
from workbench.coding.codebook_qdc import write_codebook_qdc
from workbench.coding.coders import CoderChange
from workbench.coding.disagreement_checks import check_disagreement, decisions
from workbench.coding.merge import MergeResult
from workbench.coding.records import (
    CONSENSUS_CODER,
    ActionRecord,
    CodeRemoval,
    CodingRecord,
    check_coder,
    check_name,
    check_path,
    stored_path,
)
from workbench.core.domain import InputError, WorkbenchError
from workbench.core.fileio import atomic_path
from workbench.core.formatting import plural
from workbench.core.typed_text import typed_text
from workbench.store import (
    Code,
    Coding,
    CodingAction,
    CodingActionItem,
    CodingResolution,
    Memo,
    ProjectStore,
    Segment,
    forget_merges_into,
    merged_codes,
    utcnow,
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


class CodingMixin(ProjectStore):
    """Codebook, coding, memo and undo methods of :class:`workbench.Project`."""

    # -- codebook ----------------------------------------------------------------------
    def codebook(self) -> list[CodeSpec]:
        """The codebook as specs, every code directly after its parent."""
        with self.session() as s:
            codes = list(s.scalars(select(Code)))
        specs = [
            CodeSpec(c.path, c.description or "", c.example or "", c.colour, c.codable)
            for c in codes
        ]
        return sorted(specs, key=lambda spec: path_key(spec.path))

    def code_guids(self) -> dict[str, str]:
        """Each code's REFI-QDA GUID by path (kept when the code is renamed or moved)."""
        with self.session() as s:
            return {path: guid for path, guid in s.execute(select(Code.path, Code.guid))}

    def add_code(
        self, path: str, description: str = "", example: str = "", colour: str | None = None
    ) -> int:
        """Add a code (its parent must exist); return its id."""
        path = check_path(path)
        spec = CodeSpec(
            path,
            typed_text(description).strip(),
            typed_text(example).strip(),
            normalise_colour(colour),
        )
        with self.transaction(exclusive=True) as s:  # the codebook: one change at a time
            if _stored(s, path) is not None:  # also as an older version stored it
                raise InputError(f"Code '{path}' gibt es schon.")
            parent_id = None
            if spec.parent is not None:
                parent = s.scalar(select(Code).where(Code.path == spec.parent))
                if parent is None:  # or named without its own parent: say which
                    hint = _meant(s, spec.parent) or " Bitte zuerst anlegen."
                    raise InputError(f"Obercode '{spec.parent}' gibt es nicht.{hint}")
                parent_id = parent.id
            code = Code(
                path=path,
                name=spec.name,
                parent_id=parent_id,
                description=spec.description,
                example=spec.example,
                colour=spec.colour,
                # not a merged code's GUID: an old export's codes of it go to the target
                guid=free_guid({*s.scalars(select(Code.guid)), *merged_codes(s)}, path),
            )
            s.add(code)
            s.flush()
            return code.id

    def update_code(
        self,
        path: str,
        description: str | None = None,
        example: str | None = None,
        colour: str | None = None,
    ) -> None:
        """Change description, example or colour (None keeps it; ``colour=""`` removes it)."""
        with self.transaction() as s:
            code = _code(s, path)
            if description is not None:
                code.description = typed_text(description).strip()
            if example is not None:
                code.example = typed_text(example).strip()
            if colour is not None:
                code.colour = normalise_colour(colour)

    def rename_code(self, path: str, new_name: str) -> str:
        """Rename a code (its subcodes follow, its codings stay); return the new path."""
        new_name = check_name(new_name)
        with self.transaction(exclusive=True) as s:  # the codebook: one change at a time
            code = _code(s, path)
            parent = code.path.rsplit(SEPARATOR, 1)[0] if SEPARATOR in code.path else None
            new_path = f"{parent}{SEPARATOR}{new_name}" if parent else new_name
            self._relocate(s, code, new_path)
            code.name = new_name
            return new_path

    def move_code(self, path: str, new_parent: str | None) -> str:
        """Move a code under ``new_parent`` (None: top level); return the new path."""
        with self.transaction(exclusive=True) as s:  # the codebook: one change at a time
            code = _code(s, path)
            parent = None
            if new_parent is not None and new_parent.strip():
                parent = _code(s, new_parent)
                if parent.id == code.id or parent.path.startswith(code.path + SEPARATOR):
                    raise InputError(
                        f"Code '{code.path}' kann nicht unter sich selbst verschoben werden."
                    )
            new_path = f"{parent.path}{SEPARATOR}{code.name}" if parent else code.name
            self._relocate(s, code, new_path)
            code.parent_id = parent.id if parent else None
            return new_path

    @staticmethod
    def _relocate(session: Session, code: Code, new_path: str) -> None:
        """Give the code ``new_path`` and rewrite its descendants' paths to match."""
        if new_path == code.path:
            return
        subtree = _subtree(session, code)
        old = code.path
        moved = {c.id: check_code_size(new_path + c.path[len(old) :]) for c in subtree}
        taken = set(
            session.scalars(select(Code.path).where(Code.id.not_in(list(moved)))).all()
        ) & set(moved.values())
        if new_path in taken:  # the team means one code: say how to make it one
            raise InputError(
                f"Code '{new_path}' gibt es schon. Beide zu einem Code zusammenführen "
                f"(Kodierungen und Memos gehen mit): workbench codebook merge "
                f"{shlex.quote(old)} {shlex.quote(new_path)}"
            )
        if taken:
            raise InputError(f"Code '{sorted(taken)[0]}' gibt es schon.")
        for c in subtree:
            c.path = moved[c.id]
        session.flush()

    def merge_code(self, path: str, into: str) -> MergeResult:
        """Merge the code ``path`` into ``into`` (see :func:`workbench.coding.merge.merge_code`)."""
        with self.transaction(exclusive=True) as s:  # the codebook: one change at a time
            return merge.merge_code(s, _code(s, path), _code(s, into))

    def delete_code(self, path: str, force: bool = False) -> int:
        """Delete a code and its subcodes; return codings deleted (see :meth:`remove_code`)."""
        return self.remove_code(path, force)[0]

    def remove_code(self, path: str, force: bool = False) -> CodeRemoval:
        """Delete a code and its subcodes; return (codings, memos) deleted with them and
        the number of merged codes' GUIDs that pointed at them (forgotten with them).

        Codings and memos on these codes go only with ``force`` (a memo on a code is the
        team's analytic note: it is never removed without being asked for).
        """
        with self.transaction(exclusive=True) as s:  # the codebook: one change at a time
            code = _code(s, path)
            ids = [c.id for c in _subtree(s, code)]
            # PostgreSQL: a coder coding these codes right now waits, then hears they are gone.
            s.execute(select(Code.id).where(Code.id.in_(ids)).with_for_update())
            codings = list(s.scalars(select(Coding).where(Coding.code_id.in_(ids))))
            on_codes = (Memo.target_type == "code") & Memo.target_id.in_(ids)
            memos = len(list(s.scalars(select(Memo.id).where(on_codes))))
            if (codings or memos) and not force:
                with_sub = " (mit Untercodes)" if len(ids) > 1 else ""
                held = [plural(len(codings), "Kodierung", "Kodierungen")] if codings else []
                held += [plural(memos, "Memo", "Memos")] if memos else []
                raise WorkbenchError(
                    f"Code '{code.path}'{with_sub} hat {' und '.join(held)}. "
                    "Löschen entfernt sie mit; dazu ausdrücklich force=True "
                    "(Kommandozeile: --force) angeben."
                )
            s.execute(delete(CodingResolution).where(CodingResolution.code_id.in_(ids)))
            s.execute(delete(Coding).where(Coding.code_id.in_(ids)))  # first: as undo does
            s.execute(delete(CodingActionItem).where(CodingActionItem.code_id.in_(ids)))
            s.execute(  # actions that only touched these codes have nothing left to undo
                delete(CodingAction).where(
                    ~select(CodingActionItem.id)
                    .where(CodingActionItem.action_id == CodingAction.id)
                    .exists()
                )
            )
            s.execute(delete(Memo).where(on_codes))
            subtree = _subtree(s, code)
            merged = forget_merges_into(s, {c.guid for c in subtree})
            for c in reversed(subtree):  # children first, because of the parent foreign key
                s.delete(c)
                s.flush()
            return CodeRemoval(len(codings), memos, merged)

    def import_codes(self, specs: Iterable[CodeSpec]) -> int:
        """Add codes (missing parents too); update fields of existing ones. Return count."""
        specs = list(specs)
        with self.transaction(exclusive=True) as s:  # the codebook: one change at a time
            codes = CodeIndex(s)
            for spec in sorted(specs, key=lambda sp: path_key(sp.path)):
                codes.upsert(spec)
        return len(specs)

    def export_codebook(self, out: str | Path, fmt: str) -> int:
        """Write the codebook as ``yaml`` or ``qdc`` (REFI-QDA); return the number of codes."""
        if fmt not in ("yaml", "qdc"):
            raise InputError(f"Unbekanntes Codebuchformat '{fmt}' (yaml oder qdc).")
        specs, guids = self.codebook(), self.code_guids()
        with atomic_path(out) as tmp:
            if fmt == "yaml":
                with tmp.open("w", encoding="utf-8") as file:
                    write_codebook_yaml(specs, file)
            else:
                with tmp.open("wb") as file:
                    write_codebook_qdc(specs, file, guids)
        return len(specs)

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
        text = typed_text(text).strip()
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
