"""Codes by path within one session: create (with missing parents) or update (store)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.coding.codebook import CodeSpec
from workbench.store import Code


class CodeIndex:
    """Codes by path within one session; creates missing parents on upsert."""

    def __init__(self, session: Session):
        self.session = session
        self.by_path = {c.path: c for c in session.scalars(select(Code))}
        self.created = 0

    def get(self, path: str) -> Code | None:
        """The code at ``path``, or None."""
        return self.by_path.get(path)

    def upsert(self, spec: CodeSpec) -> Code:
        """The code for ``spec``, created (with missing parents) or updated.

        An existing code takes the fields ``spec`` gives; a field the file leaves empty
        keeps its value (a codebook from another program that has colours but no
        descriptions, or no anchor examples at all, must not erase the team's).
        """
        parent = self.upsert(CodeSpec(spec.parent)) if spec.parent else None
        code = self.by_path.get(spec.path)
        if code is None:
            code = Code(path=spec.path, name=spec.name, parent_id=parent.id if parent else None)
            self.session.add(code)
            self.by_path[spec.path] = code
            self.created += 1
        if spec.description:
            code.description = spec.description
        if spec.example:
            code.example = spec.example
        if spec.colour:
            code.colour = spec.colour
        self.session.flush()
        return code
