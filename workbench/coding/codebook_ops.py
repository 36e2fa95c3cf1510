"""Codebook operations of :class:`workbench.Project`: add, update, rename, move, merge,
delete, import and export codes; every write is one transaction.

Moved out of :mod:`workbench.coding.operations` (which stays under 600 lines):
:class:`CodebookMixin` is a base of its :class:`~workbench.coding.operations.CodingMixin`.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from workbench.coding import merge
from workbench.coding.code_index import CodeIndex, free_guid
from workbench.coding.codebook import (
    SEPARATOR,
    CodeSpec,
    check_code_size,
    normalise_colour,
    path_key,
    write_codebook_yaml,
)
from workbench.coding.codebook_qdc import write_codebook_qdc
from workbench.coding.lookups import _code, _meant, _stored, _subtree
from workbench.coding.merge import MergeResult
from workbench.coding.records import (
    CodeRemoval,
    check_name,
    check_path,
)
from workbench.core.domain import InputError, WorkbenchError
from workbench.core.fileio import atomic_path
from workbench.core.formatting import plural
from workbench.core.typed_text import typed_prose
from workbench.store import (
    Code,
    Coding,
    CodingAction,
    CodingActionItem,
    CodingResolution,
    Memo,
    ProjectStore,
    deleted_codes,
    forget_merges_into,
    merged_codes,
    record_deletions,
)


class CodebookMixin(ProjectStore):
    """Codebook methods of :class:`workbench.Project`."""

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
            typed_prose(description).strip(),
            typed_prose(example).strip(),
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
                # not a merged code's GUID (an old export's codes of it go to the target),
                # nor a deleted one's (an old export's codes of it are not taken unasked)
                guid=free_guid(
                    {*s.scalars(select(Code.guid)), *merged_codes(s), *deleted_codes(s)}, path
                ),
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
                code.description = typed_prose(description).strip()
            if example is not None:
                code.example = typed_prose(example).strip()
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
            guids = {c.guid for c in subtree}
            # an older REFI-QDA file must not bring them back unasked, nor the codes that
            # were merged into them (their codings went with them): decision 026
            into = {old for old, new in merged_codes(s).items() if new in guids}
            record_deletions(s, guids | into)
            merged = forget_merges_into(s, guids)
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
