"""Codes by path within one session: create (with missing parents) or update (store)."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.coding.codebook import SEPARATOR, CodeSpec, path_key
from workbench.core.formatting import plural
from workbench.core.typed_text import line_code_path
from workbench.store import (
    Code,
    Coding,
    code_guid,
    deleted_codes,
    merged_codes,
    merged_on_upgrade,
)

# The notice on code fields a file overwrites begins so (the import's summary says it).
FIELDS_CHANGED = "Aus der Datei übernommen, anders als bisher im Projekt"


def normal_guid(guid: str) -> str | None:
    """A file's GUID as stored here (upper case, no braces), or None if it is no UUID.

    >>> normal_guid(" {9e0a8f3c-6b1d-4c2e-9f00-0a1b2c3d4e5f} ")
    '9E0A8F3C-6B1D-4C2E-9F00-0A1B2C3D4E5F'
    >>> normal_guid("code-17") is None
    True
    """
    try:
        return str(uuid.UUID(guid.strip().strip("{}"))).upper()
    except ValueError:
        return None


def free_guid(taken: set[str], path: str, preferred: str | None = None) -> str:
    """The GUID for a new code at ``path`` that no other code has (added to ``taken``).

    The file's GUID (``preferred``) if it has one, else ``code_guid`` of the path; if a
    renamed code still holds that one, a numbered variant of it.
    """
    candidates = [g for g in [normal_guid(preferred or "")] if g]
    candidates.append(code_guid(path))
    number = 2
    while candidates[-1] in taken:
        candidates.append(code_guid(f"{path}#{number}"))
        number += 1
    guid = next(c for c in candidates if c not in taken)
    taken.add(guid)
    return guid


def _composed(path: str) -> str:
    """A code path composed (NFC) and on one line, as :class:`CodeSpec` and the codebook
    readers have it (:func:`line_code_path`): a table cell, a coding's code or a spec
    with "Wohnen⏎Zeile" is the code "Wohnen Zeile"."""
    return line_code_path(unicodedata.normalize("NFC", path))


class CodeIndex:
    """Codes by path within one session; creates missing parents on upsert."""

    def __init__(self, session: Session):
        self.session = session
        # by the composed path, as CodeSpec has it: a project that stored codes from a Mac
        # decomposed ("u" + U+0308) still finds them
        self.by_path = {_composed(c.path): c for c in session.scalars(select(Code))}
        self.merged = merged_codes(session)  # a merged code's GUID stays its target's
        self.upgraded = merged_on_upgrade(session)  # those workbench upgrade merged
        # a new code takes no GUID of a code merged or deleted here (decision 026)
        self.guids = {c.guid for c in self.by_path.values()} | set(self.merged)
        self.guids |= set(deleted_codes(session))
        self.file_guids: dict[str, str] = {}  # path in a file → its GUID, for new codes
        self.created = 0

    def get(self, path: str) -> Code | None:
        """The code at ``path`` (composed, as :class:`CodeSpec` has it), or None."""
        return self.by_path.get(_composed(path))

    def follow_guids(
        self, guids: Iterable[tuple[str, str]], specs: Iterable[CodeSpec] = ()
    ) -> list[str]:
        """Let paths of a file find the project's codes by GUID; say which did, and which
        fields of the project's codes the file's ``specs`` will change (see :meth:`upsert`).

        ``guids`` are (path in the file, GUID) of a REFI-QDA file's codes. The workbench
        exports a code with its stored GUID, which stays when the code is renamed or moved
        here, and MAXQDA, ATLAS.ti and NVivo keep a code's GUID when it is renamed or moved
        there: a file code whose path is new here but whose GUID is that of a project code
        is that code. Its codings, memos and fields go to it (the project's name stays)
        instead of to a second code that would double them — also when a newer code here
        has taken the file's name. A project code whose own path the file also uses is left
        alone. A code the file adds is created with its GUID.
        """
        guids = [(_composed(path), guid) for path, guid in guids]  # as specs have them
        in_file = {path for path, _ in guids}
        own = {code.guid: code for code in self.by_path.values()}
        merged = {old: own[new] for old, new in self.merged.items() if new in own}
        notices = []
        for path, guid in sorted(guids, key=lambda pair: path_key(pair[0])):
            code, here = own.get(normal_guid(guid) or ""), self.by_path.get(path)
            if code is None and normal_guid(guid) in merged:  # codebook merge, done here
                code = merged[normal_guid(guid) or ""]
                self.by_path[path] = code  # also over a newer code that took the old name
                how = (
                    "workbench upgrade: zwei Schreibweisen eines Namens, eine mit "
                    "Zeilenumbruch oder Steuerzeichen"
                    if normal_guid(guid) in self.upgraded
                    else "workbench codebook merge"
                )
                notices.append(
                    f"Code '{path}' der Datei wurde hier mit '{code.path}' zusammengeführt "
                    f"({how}): was die Datei zu '{path}' enthält, kommt zu '{code.path}', "
                    "einmal."
                )
                continue
            if code is None and here is None:
                self.file_guids[path] = guid
            if code is None or here is code or _composed(code.path) in in_file:
                continue
            self.by_path[path] = code  # also over a newer code that took the old name here
            if code_guid(path) == code.guid:  # the file has the name it was created with
                newer = f" (nicht der später angelegte Code '{path}')" if here else ""
                notices.append(
                    f"Code '{path}' der Datei ist der Code '{code.path}' des Projekts{newer} "
                    "(dieselbe GUID; hier umbenannt oder verschoben, nachdem die Datei "
                    f"exportiert wurde) und bleibt '{code.path}', mit allem, was die Datei "
                    "zu ihm enthält."
                )
                continue
            notices.append(
                f"Code '{path}' der Datei ist der Code '{code.path}' des Projekts (dieselbe "
                "GUID, in einem anderen Programm umbenannt oder verschoben) und bleibt "
                f"'{code.path}', mit allem, was die Datei zu ihm enthält. Den neuen Namen "
                "übernimmt workbench codebook rename (bzw. move)."
            )
        return notices + self._not_in_file(guids) + self._changed(specs)

    def _changed(self, specs: Iterable[CodeSpec]) -> list[str]:
        """The notice on fields of existing codes a file overwrites (none: empty)."""
        changes = []
        for spec in sorted(specs, key=lambda sp: path_key(sp.path)):
            code = self.by_path.get(spec.path)
            if code is None:
                continue
            fields = [
                label
                for label, new, old in (
                    ("Beschreibung", spec.description, code.description),
                    ("Ankerbeispiel", spec.example, code.example),
                    ("Farbe", spec.colour, code.colour),
                )
                if new and " ".join(new.split()) != " ".join((old or "").split())
            ]
            changes += [f"{label} von '{code.path}'" for label in fields]
        if not changes:
            return []
        more = f" und {len(changes) - 8} weitere" if len(changes) > 8 else ""
        return [f"{FIELDS_CHANGED}: {', '.join(changes[:8])}{more}."]

    def _not_in_file(self, guids: list[tuple[str, str]]) -> list[str]:
        """The notice on project codes a file made from this project's export lacks (deleted
        or merged in the other program, or added here since): they stay as they are."""
        in_file = {normal_guid(guid) for _, guid in guids}
        levels = [path.split(SEPARATOR) for path, _ in guids]
        paths = {SEPARATOR.join(parts[:n]) for parts in levels for n in range(1, len(parts) + 1)}
        codes = {c.id: c for c in self.by_path.values()}.values()
        if not any(c.guid in in_file for c in codes):
            return []  # not our export: its codes are another project's
        missing = sorted(
            (c for c in codes if c.guid not in in_file and _composed(c.path) not in paths),
            key=lambda c: path_key(c.path),
        )
        if not missing:
            return []
        counts = dict(
            self.session.execute(
                select(Coding.code_id, func.count())
                .where(Coding.code_id.in_([c.id for c in missing]))
                .group_by(Coding.code_id)
            ).all()
        )
        named = [
            f"'{c.path}' ({plural(counts.get(c.id, 0), 'Kodierung', 'Kodierungen')})"
            for c in missing[:8]
        ]
        more = f" und {len(missing) - 8} weitere" if len(missing) > 8 else ""
        return [
            f"Nicht in der Datei: {plural(len(missing), 'Code', 'Codes')} des Projekts, "
            f"{', '.join(named)}{more} — im anderen Programm gelöscht oder mit einem anderen "
            "zusammengeführt, oder nach dem Export hier angelegt. Sie bleiben hier mit ihren "
            "Kodierungen, wie sie sind (entfernen: workbench codebook delete CODE --force)."
        ]

    def upsert(self, spec: CodeSpec) -> Code:
        """The code for ``spec``, created (with missing parents) or updated.

        An existing code takes the fields ``spec`` gives; a field the file leaves empty
        keeps its value (a codebook from another program that has colours but no
        descriptions, or no anchor examples at all, must not erase the team's).
        """
        if (path := _composed(spec.path)) != spec.path:  # stored on one line, every way in
            spec = replace(spec, path=path)
        parent = self.upsert(CodeSpec(spec.parent)) if spec.parent else None
        code = self.by_path.get(spec.path)
        if code is None:
            code = Code(
                path=spec.path,
                name=spec.name,
                parent_id=parent.id if parent else None,
                guid=free_guid(self.guids, spec.path, self.file_guids.get(spec.path)),
            )
            self.session.add(code)
            self.by_path[spec.path] = code
            self.created += 1
        if spec.description:
            code.description = spec.description
        if spec.example:
            code.example = spec.example
        if spec.colour:
            code.colour = spec.colour
        if not spec.codable:  # a parent named by its subcode's path says nothing about it
            code.codable = False
        self.session.flush()
        return code
