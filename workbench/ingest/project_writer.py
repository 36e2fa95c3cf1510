"""What the one ingest writer does for project-exchange files (REFI-QDA).

A file from another program brings the project's own documents back (a colleague coded
the team's export further): such a document is *merged*, only its new codings and memos
are added. Beside its documents the file brings a codebook, memos, declared workshops
and indicator values (:class:`ParsedProject`). :class:`ProjectFileWriting` is the part
of :class:`~workbench.ingest.writer.Writer` that writes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.coding.code_index import CodeIndex
from workbench.coding.codebook import path_key
from workbench.core.domain import (
    ImportResult,
    ParsedDocument,
    ParsedMemo,
    ParsedWorkshop,
    ProjectImportResult,
)
from workbench.ingest.annotations import add_memo, overlaps, upsert_indicators
from workbench.ingest.offsets import OffsetMap
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.records import ParsedProject
from workbench.store import Document, Segment


@dataclass(frozen=True)
class _Written:
    """One document after writing: its result, its segments and old → new offsets."""

    result: ImportResult
    segments: list[Segment]
    shift: OffsetMap


class ProjectFileWriting:
    """The writer's methods for project-exchange files, mixed into ``Writer`` (whose
    ``_write``, ``_span_codings``, ``_district``, ``declare_districts`` and
    ``store_pseudonyms`` they use)."""

    session: Session
    codes: CodeIndex
    pseudonymiser: Pseudonymiser
    planned: dict[str, ParsedWorkshop]

    def _merge(
        self, document: ParsedDocument, existing: Document, text: str, shift: OffsetMap
    ) -> _Written:
        """The document is already there: add only its new codings."""
        if existing.text != text:
            notice = (
                f"Quelle '{document.filename}' ist schon importiert, aber ihr Text weicht ab "
                "(andere Pseudonymisierung); ihre Kodierungen wurden nicht übernommen."
            )
            return _Written(
                ImportResult(document.filename, "bereits vorhanden", notices=(notice,)),
                [],
                shift,
            )
        segments = list(
            self.session.scalars(
                select(Segment).where(Segment.document_id == existing.id).order_by(Segment.start)
            )
        )
        codings, notices = self._span_codings(document, segments, shift)
        result = ImportResult(
            document.filename, "bereits vorhanden", codings=codings, notices=notices
        )
        return _Written(result, segments, shift)

    def write_project(
        self, bundle: ParsedProject, extra_names: Sequence[str] = (), add_districts: bool = False
    ) -> ProjectImportResult:
        """Store a project-exchange file: codebook, districts, documents, memos, indicators.

        Documents already in the project (``merge``) take only their new codings and
        memos, so importing the same file twice adds nothing.
        """
        before = self.codes.created
        notices = [*bundle.notices, *self.codes.follow_guids(bundle.code_guids, bundle.codes)]
        for spec in sorted(bundle.codes, key=lambda s: path_key(s.path)):
            self.codes.upsert(spec)
        wanted = [*bundle.districts]
        for document in bundle.documents:
            wanted += [document.district or ""] + [s.district or "" for s in document.segments]
        added = self.declare_districts(
            wanted, add_districts, bundle.location or bundle.filename, bundle.district_hint
        )
        notices.extend(added)
        self.planned.update({w.name: w for w in bundle.workshops})
        written = []
        for document in bundle.documents:
            written.append(self._write(document, None, None, extra_names))
            notices.extend(written[-1].result.notices)
        memos = sum(self._memo(m, bundle, written, extra_names) for m in bundle.memos)
        indicators = self._indicators(bundle)
        new = [w.result for w in written if w.result.status == "importiert"]
        return ProjectImportResult(
            bundle.filename,
            documents=len(new),
            existing=len(written) - len(new),
            segments=sum(r.segments for r in new),
            codes=self.codes.created - before,
            codings=sum(w.result.codings for w in written),
            memos=memos,
            indicators=indicators,
            notices=tuple(notices),
        )

    def _memo(
        self,
        memo: ParsedMemo,
        bundle: ParsedProject,
        written: list[_Written],
        names: Sequence[str],
    ) -> int:
        """Store one memo where it belongs (pseudonymised); 1 if it is new, else 0."""
        target_type, target_id, prefix = "project", None, ""
        if memo.target == "span" and memo.document is not None:
            w = written[memo.document]
            start, end = memo.start or 0, memo.end or 0
            parts = overlaps(w.segments, w.shift.start(start), w.shift.end(end))
            if parts:
                target_type, target_id = "segment", parts[0][0].id
            else:
                filename = bundle.documents[memo.document].filename
                prefix = f"Zu „{filename}“, Zeichen {start}–{end}: "
        elif memo.target == "code" and self.codes.get(memo.code or "") is not None:
            target_type, target_id = "code", self.codes.by_path[memo.code or ""].id
        elif memo.target == "cluster" and memo.cluster is not None:
            target_type, target_id = "cluster", memo.cluster
        text, _ = self.pseudonymiser.pseudonymise(prefix + memo.text, names)
        self.store_pseudonyms()
        added = add_memo(self.session, target_type, target_id, memo.author, text, memo.created_at)
        return int(added)

    def _indicators(self, bundle: ParsedProject) -> int:
        """Store indicator values; return how many were new or changed."""
        where = bundle.location or bundle.filename
        values = [(self._district(i.district, where, None), i) for i in bundle.indicators]
        return upsert_indicators(self.session, values, bundle.filename)
