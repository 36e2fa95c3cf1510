"""Codes by path within one session: create (with missing parents) or update (store)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.coding.codebook import CodeSpec, path_key
from workbench.coding.codebook_qdc import code_guid
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

    def follow_guids(self, guids: Iterable[tuple[str, str]]) -> list[str]:
        """Let paths of a file find the project's codes by GUID; say which did.

        ``guids`` are (path in the file, GUID) of a REFI-QDA file's codes. The workbench
        exports a code with ``code_guid`` of its path, and MAXQDA, ATLAS.ti and NVivo keep
        a code's GUID when it is renamed or moved: a file code whose path is new here but
        whose GUID is that of a project code is that code. Its codings, memos and fields go
        to it (the project's name stays) instead of to a second code that would double
        them. A project code whose own path the file also uses is left alone.
        """
        guids = list(guids)
        in_file = {path for path, _ in guids}
        own = {code_guid(path): code for path, code in self.by_path.items()}
        notices = []
        for path, guid in sorted(guids, key=lambda pair: path_key(pair[0])):
            code = own.get(guid.strip().strip("{}").upper())
            if path in self.by_path or code is None or code.path in in_file:
                continue
            self.by_path[path] = code
            notices.append(
                f"Code '{path}' der Datei ist der Code '{code.path}' des Projekts (dieselbe "
                "GUID, in einem anderen Programm umbenannt oder verschoben) und bleibt "
                f"'{code.path}', mit allem, was die Datei zu ihm enthält. Den neuen Namen "
                "übernimmt workbench codebook rename (bzw. move)."
            )
        return notices

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
