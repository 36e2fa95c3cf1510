"""The one ingest writer: every importer's records go into the store through here.

A :class:`Writer` works inside one transaction. It owns what all importers share:
districts (unknown ones are refused with the list of valid ones), workshops,
deduplication by content hash, provenance, the participant name lists and
pseudonymisation with its re-identification key, and codings that come with the source.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.coding.codebook import CodeSpec
from workbench.core.domain import ImportResult, InputError, ParsedDocument
from workbench.ingest.pseudonymise import Pseudonymiser, Replacement
from workbench.store import (
    CITYWIDE,
    Code,
    Coding,
    District,
    Document,
    ListedName,
    Pseudonym,
    PseudonymSpan,
    Segment,
    Workshop,
)


def fill_template(template: str | None, path: Path) -> str | None:
    """Replace ``{stem}`` and ``{parent}`` in a fixed value by the file's name parts."""
    if template is None:
        return None
    return template.replace("{stem}", path.stem).replace("{parent}", path.parent.name)


class CodeIndex:
    """Codes by path within one session; creates missing parents on upsert."""

    def __init__(self, session: Session):
        self.session = session
        self.by_path = {c.path: c for c in session.scalars(select(Code))}

    def get(self, path: str) -> Code | None:
        """The code at ``path``, or None."""
        return self.by_path.get(path)

    def upsert(self, spec: CodeSpec) -> Code:
        """The code for ``spec``, created (with missing parents) or updated."""
        parent = self.upsert(CodeSpec(spec.parent)) if spec.parent else None
        code = self.by_path.get(spec.path)
        if code is None:
            code = Code(path=spec.path, name=spec.name, parent_id=parent.id if parent else None)
            self.session.add(code)
            self.by_path[spec.path] = code
        if spec.description or spec.example or spec.colour:
            code.description = spec.description
            code.example = spec.example
            code.colour = spec.colour
        self.session.flush()
        return code


class Writer:
    """Writes parsed documents within one session (one transaction)."""

    def __init__(self, session: Session):
        self.session = session
        self.districts = {d.name.casefold(): d for d in session.scalars(select(District))}
        self.workshops = {w.name: w for w in session.scalars(select(Workshop))}
        self.codes = CodeIndex(session)
        known = {(p.kind, p.normalised): p.placeholder for p in session.scalars(select(Pseudonym))}
        self.pseudonymiser = Pseudonymiser(known=known)

    def _district(self, name: str | None, document: ParsedDocument, row: int | None) -> District:
        if name is None:
            return self.districts[CITYWIDE.casefold()]
        district = self.districts.get(name.strip().casefold())
        if district is None:
            valid = ", ".join(sorted(d.name for d in self.districts.values()))
            raise InputError(
                f"Unbekannter Sozialraum '{name}'. Gültig sind: {valid} "
                "(weitere mit: workbench districts --add NAME).",
                file=document.filename,
                row=row,
            )
        return district

    def _workshop(self, name: str, district: District, document: ParsedDocument) -> Workshop:
        workshop = self.workshops.get(name)
        if workshop is None:
            workshop = Workshop(
                name=name, district_id=district.id, date=document.date, format=document.format
            )
            self.session.add(workshop)
            self.session.flush()
            self.workshops[name] = workshop
        return workshop

    def write(
        self,
        document: ParsedDocument,
        fixed_workshop: str | None,
        fixed_district: str | None,
        extra_names: Sequence[str],
    ) -> ImportResult:
        """Store one parsed document (or report it as already imported)."""
        session = self.session
        duplicate = session.scalar(
            select(Document).where(
                Document.sha256 == document.sha256, Document.importer == document.importer
            )
        )
        if duplicate is not None:
            return ImportResult(document.filename, "bereits vorhanden")

        default_workshop = fixed_workshop or document.workshop or Path(document.filename).stem
        resolved = []
        for seg in document.segments:
            district = self._district(
                fixed_district or seg.district or document.district, document, seg.row
            )
            workshop = self._workshop(
                fixed_workshop or seg.workshop or default_workshop, district, document
            )
            resolved.append((seg, workshop, district))

        names_by_workshop: dict[int, list[str]] = {}
        for workshop_id in {w.id for _, w, _ in resolved}:
            listed = set(
                session.scalars(
                    select(ListedName.name).where(ListedName.workshop_id == workshop_id)
                )
            )
            for name in (*document.names, *extra_names):
                if name not in listed:
                    session.add(ListedName(workshop_id=workshop_id, name=name))
                    listed.add(name)
            names_by_workshop[workshop_id] = sorted(listed)

        record = Document(
            workshop_id=resolved[0][1].id,
            filename=document.filename,
            sha256=document.sha256,
            importer=document.importer,
            title=document.title,
            options=document.options,
        )
        session.add(record)
        session.flush()

        parts: list[str] = []
        offset = 0
        question: str | None = None
        codings = 0
        for position, (seg, workshop, district) in enumerate(resolved, start=1):
            if seg.question != question and seg.question:
                heading = f"{seg.question}\n\n"
                parts.append(heading)
                offset += len(heading)
            question = seg.question
            text, replacements = self.pseudonymiser.pseudonymise(
                seg.text, names_by_workshop[workshop.id]
            )
            segment = Segment(
                document_id=record.id,
                workshop_id=workshop.id,
                district_id=district.id,
                source_id=seg.source_id,
                position=position,
                text=text,
                start=offset,
                end=offset + len(text),
                question=seg.question,
                speaker_role=seg.speaker_role,
                attributes=seg.attributes,
            )
            session.add(segment)
            session.flush()
            self._store_key(segment.id, replacements)
            for code_path in seg.codes:
                code = self.codes.upsert(CodeSpec(code_path))
                session.add(
                    Coding(
                        segment_id=segment.id,
                        code_id=code.id,
                        coder=document.options["coder"],
                        start=0,
                        end=len(text),
                    )
                )
                codings += 1
            parts.append(text + "\n\n")
            offset += len(text) + 2
        record.text = "".join(parts)
        return ImportResult(
            document.filename,
            "importiert",
            segments=len(resolved),
            codings=codings,
            skipped_rows=int(document.options.get("skipped_rows", 0)),
        )

    def _store_key(self, segment_id: int, replacements: list[Replacement]) -> None:
        for r in replacements:
            self.session.add(
                PseudonymSpan(segment_id=segment_id, start=r.start, end=r.end, original=r.original)
            )
        for (kind, normalised), (original, placeholder) in self.pseudonymiser.new.items():
            self.session.add(
                Pseudonym(
                    kind=kind, normalised=normalised, original=original, placeholder=placeholder
                )
            )
        self.pseudonymiser.new.clear()
