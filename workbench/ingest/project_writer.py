"""What the one ingest writer does for project-exchange files (REFI-QDA).

A file from another program brings the project's own documents back (a colleague coded
the team's export further): such a document is *merged*, only its new codings and memos
are added. Beside its documents the file brings a codebook, memos, declared workshops
and indicator values (:class:`ParsedProject`). :class:`ProjectFileWriting` is the part
of :class:`~workbench.ingest.writer.Writer` that writes them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.coding.code_index import CodeIndex
from workbench.coding.codebook import CodeSpec, check_code_size, path_key
from workbench.core.domain import (
    ImportResult,
    ParsedDocument,
    ParsedMemo,
    ParsedWorkshop,
    ProjectImportResult,
)
from workbench.core.formatting import plural
from workbench.ingest.annotations import (
    SegmentSpans,
    add_memo,
    has_memo,
    restore_resolution,
    upsert_indicators,
)
from workbench.ingest.nfc_view import one_line_label
from workbench.ingest.offsets import OffsetMap
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.records import ParsedProject
from workbench.ingest.thing_names import stored_file_name
from workbench.store import (
    Code,
    Coding,
    Document,
    ExportMark,
    Memo,
    Segment,
    export_marks,
    export_of,
    utcnow,
)
from workbench.store.workshop_keys import workshop_key

# The notice on codings the file lacks begins so (the import's summary says it).
REMOVED_ELSEWHERE = "Nicht mehr in der Datei"
# Above the file's text of a memo changed here and there, added under the memo's text.
BOTH_EDITED = "Fassung aus dem anderen Programm (dort und hier verschieden geändert):"


def quote(word: str) -> str:
    """A command-line argument, quoted only where a shell needs it.

    >>> quote("Themen/Jugend"), quote("Ayşe Öztürk")
    ('Themen/Jugend', "'Ayşe Öztürk'")
    """
    if word and all(ch.isalnum() or ch in "_-./∕" for ch in word):
        return word
    return "'" + word.replace("'", "'\\''") + "'"


@dataclass(frozen=True)
class _Written:
    """One document after writing: its result, its segments and old → new offsets."""

    result: ImportResult
    segments: list[Segment]
    shift: OffsetMap

    @cached_property
    def spans(self) -> SegmentSpans:
        """Its segments, to find those a memo's span overlaps (built once)."""
        return SegmentSpans(self.segments)


class ProjectFileWriting:
    """The writer's methods for project-exchange files and for the coded spans any file
    brings, mixed into ``Writer`` (whose ``_write``, ``_district``, ``declare_districts``
    and ``store_pseudonyms`` they use)."""

    session: Session
    codes: CodeIndex
    pseudonymiser: Pseudonymiser
    planned: dict[str, ParsedWorkshop]
    seen_codings: set[int]
    added_codings: set[int]
    source_labels: dict[str, str]  # source GUID → its name in messages (ParsedProject.labels)

    def _source(self, document: ParsedDocument) -> str:
        """How messages name the document: by its label in the file, else by its name."""
        label = self.source_labels.get(str(document.options.get("guid", "")))
        return label or f"Quelle '{document.filename}'"

    def _merge(
        self, document: ParsedDocument, existing: Document, text: str, shift: OffsetMap
    ) -> _Written:
        """The document is already there: add only its new codings."""
        if existing.text != text:
            notice = (
                f"{self._source(document)} ist schon importiert, aber ihr Text weicht ab "
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

    def _span_codings(
        self, document: ParsedDocument, segments: list[Segment], shift: OffsetMap
    ) -> tuple[int, tuple[str, ...]]:
        """Store the document's coded spans on the segments they overlap (new ones only)."""
        if not segments or not document.codings:
            return 0, ()
        existing = {  # (segment, code, coder, start, end) → the coding's id
            tuple(row[1:]): row[0]
            for row in self.session.execute(
                select(
                    Coding.id,
                    Coding.segment_id,
                    Coding.code_id,
                    Coding.coder,
                    Coding.start,
                    Coding.end,
                ).where(Coding.segment_id.in_([s.id for s in segments]))
            ).all()
        }
        added = split = outside = 0
        stored: list[Coding] = []
        spans = SegmentSpans(segments)
        for c in document.codings:
            code = self.codes.get(c.code) or self.codes.upsert(
                CodeSpec(check_code_size(c.code, document.filename))
            )
            parts = spans.overlaps(shift.start(c.start), shift.end(c.end))
            if not parts:
                outside += 1
                continue
            keys = {(g, s, e): (g.id, code.id, c.coder, s, e) for g, s, e in parts}
            self.seen_codings.update(existing[k] for k in keys.values() if existing.get(k))
            new = [part for part, key in keys.items() if key not in existing]
            split += len(parts) > 1 and bool(new)  # say it once, not on every re-import
            for segment, s, e in new:
                existing[segment.id, code.id, c.coder, s, e] = None
                stored.append(
                    Coding(
                        segment_id=segment.id,
                        code_id=code.id,
                        coder=c.coder,
                        start=s,
                        end=e,
                        created_at=c.created_at or utcnow(),
                    )
                )
                added += 1
        self.session.add_all(stored)
        self.session.flush()
        self.added_codings.update(coding.id for coding in stored)
        notices = []
        if split:
            notices.append(
                f"{self._source(document)}: {split} Kodierungen über mehrere Absätze wurden "
                "je Aussage aufgeteilt."
            )
        if outside:
            notices.append(
                f"{self._source(document)}: {outside} Kodierungen liegen außerhalb aller "
                "Aussagen (z. B. auf Überschriften) und wurden nicht übernommen."
            )
        return added, tuple(notices)

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
        self.planned.update({workshop_key(one_line_label(w.name)): w for w in bundle.workshops})
        written = []
        self.seen_codings.clear()
        self.added_codings.clear()
        self.source_labels = dict(bundle.labels)
        try:
            for document in bundle.documents:
                written.append(self._write(document, None, None, extra_names))
                notices.extend(written[-1].result.notices)
        finally:
            self.source_labels = {}  # the next file's, or none (another format's spans)
        export = self._export(bundle)
        notices.extend(self._removed_elsewhere(written, bundle, export))
        self.edited_memos: list[Memo] = []
        self.both_edited: list[Memo] = []
        # A memo names anyone of the file, as the first project's export pseudonymised it
        # with every list: all the names of its documents, not only those all of them carry.
        everyone = [*extra_names, *(n for d in bundle.documents for n in d.names)]
        everyone = list(dict.fromkeys(everyone))
        memos = sum(self._memo(m, bundle, written, everyone) for m in bundle.memos)
        notices.extend(self._memo_changes(bundle, export))
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

    def _export(self, bundle: ParsedProject) -> ExportMark | None:
        """The project's export the file came from, recorded when it was written, or None
        (another project's file, an export before exports were recorded)."""
        found = [m.replaces for m in bundle.memos if m.replaces is not None]
        if not self.seen_codings and not found:
            return None
        marks = export_marks(self.session)
        return export_of(marks, max(self.seen_codings, default=0), max(found, default=0))

    def _removed_elsewhere(
        self, written: list[_Written], bundle: ParsedProject, export: ExportMark | None
    ) -> list[str]:
        """The notice on codings the project's own documents had at the file's export but the
        file lacks (removed in the other program); they stay, the notice says how to remove.

        The export recorded what it held (``export``). Without that record a coding with a
        smaller id than one the file still has existed before the export (ids only grow;
        ``undo`` restores a coding with its id), so it was in it; younger ones may have been
        added here since and are not named. Codes the file lacks altogether are named by
        ``CodeIndex.follow_guids``.
        """
        merged = [s.id for w in written if w.result.status != "importiert" for s in w.segments]
        if not merged or not self.seen_codings:
            return []
        in_file = {code.id for p in bundle.codes if (code := self.codes.get(p.path)) is not None}
        newest = export.codings if export is not None else max(self.seen_codings) - 1
        rows = self.session.execute(
            select(Coding, Segment)
            .join(Segment, Segment.id == Coding.segment_id)
            .where(
                Coding.segment_id.in_(merged),
                Coding.id <= newest,
                Coding.code_id.in_(in_file),
            )
            .order_by(Coding.segment_id, Coding.id)
        ).all()
        if export is not None:
            rows = [(c, g) for c, g in rows if export.holds(c.id, c.created_at)]
        # a coding the file brought is in it, also where it took the id of one deleted here
        # (SQLite gives the highest id again) and kept the file's date from before the export
        known = self.seen_codings | self.added_codings
        gone = [(c, g) for c, g in rows if c.id not in known]
        if not gone:
            return []
        paths = {code.id: code.path for code in self.codes.by_path.values()}
        per_key = Counter((c.segment_id, c.code_id, c.coder) for c, _ in rows)
        commands = []
        for c, g in gone[:8]:
            command = f"workbench uncode {g.id} {quote(paths[c.code_id])} --coder {quote(c.coder)}"
            several = per_key[c.segment_id, c.code_id, c.coder] > 1  # uncode takes them all
            if (c.start, c.end) != (0, len(g.text)) or several:
                command += f" --start {c.start} --end {c.end}"
            commands.append(command)
        more = f"; und {len(gone) - 8} weitere" if len(gone) > 8 else ""
        return [
            f"{REMOVED_ELSEWHERE} (beim Export schon hier): "
            f"{plural(len(gone), 'Kodierung', 'Kodierungen')} — im anderen Programm entfernt. "
            f"{'Sie bleibt' if len(gone) == 1 else 'Sie bleiben'} hier "
            f"(entfernen: {'; '.join(commands)}{more})."
        ]

    def _memo(
        self,
        memo: ParsedMemo,
        bundle: ParsedProject,
        written: list[_Written],
        names: Sequence[str],
    ) -> int:
        """Store one memo (see :meth:`_store_memo`); a resolution memo resolves again."""
        self._placed: tuple[str, int | None, str] = ("project", None, "")
        added = self._store_memo(memo, bundle, written, names)
        target_type, target_id, text = self._placed
        if memo.resolution is not None and target_type == "segment" and target_id is not None:
            own = self.session.get(Memo, memo.replaces) if memo.replaces is not None else None
            stored = own or self.session.scalar(
                select(Memo)
                .where(
                    Memo.target_type == "segment",
                    Memo.target_id == target_id,
                    Memo.author == memo.author,
                    Memo.text == text,
                )
                .order_by(Memo.id)
            )
            if stored is not None:
                restore_resolution(self.session, self.codes, stored, memo.resolution)
        return added

    def _store_memo(
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
            parts = w.spans.overlaps(w.shift.start(start), w.shift.end(end))
            if parts:
                target_type, target_id = "segment", parts[0][0].id
            else:
                # the document's name as stored: one line, its people as placeholders
                raw = bundle.documents[memo.document].filename
                filename = stored_file_name(self.pseudonymiser, raw, names)
                prefix = f"Zu „{filename}“, Zeichen {start}–{end}: "
        elif memo.target == "code" and self.codes.get(memo.code or "") is not None:
            target_type, target_id = "code", self.codes.by_path[memo.code or ""].id
        elif memo.target == "cluster" and memo.cluster is not None:
            target_type, target_id = "cluster", memo.cluster
        text, _ = self.pseudonymiser.pseudonymise(prefix + memo.text, names)
        self.store_pseudonyms()
        self._placed = (target_type, target_id, text)
        own = self.session.get(Memo, memo.replaces) if memo.replaces is not None else None
        if own is not None and memo.both_edited:
            return self._both_edited(own, text, memo.text)
        if own is not None:  # the project's memo, exported and read back: edited there?
            before = {" ".join(t.split()) for t in (own.text, *memo.exported)}
            if {" ".join(t.split()) for t in (text, memo.text)} & before:
                return 0  # unchanged (line breaks and spaces as another program wrote them)
            own.text = text
            self.edited_memos.append(own)
            return 1
        if memo.body is not None and memo.body != memo.text:  # imported before with no title
            body, _ = self.pseudonymiser.pseudonymise(prefix + memo.body, names)
            if has_memo(self.session, target_type, target_id, memo.author, body):
                return 0
        added = add_memo(self.session, target_type, target_id, memo.author, text, memo.created_at)
        return int(added)

    def _both_edited(self, own: Memo, text: str, raw: str) -> int:
        """Add the file's version of a memo changed here and there under its text (neither
        replaces the other: each is an edit of the text exported); 1 if it was not in it."""
        if any(" ".join(t.split()) in " ".join(own.text.split()) for t in (text, raw)):
            return 0  # this version is in the memo already (the same file read again)
        own.text = f"{own.text}\n\n{BOTH_EDITED}\n{text}"
        self.both_edited.append(own)
        return 1

    def _memo_changes(self, bundle: ParsedProject, export: ExportMark | None) -> list[str]:
        """Notices on the project's memos the file (its own export) edited or lacks.

        A memo the export held (``export``; without its record: one with a smaller id than
        one the file has again, ids only grow) that the file lacks was deleted there. It
        stays here.
        """
        notices = []
        if self.edited_memos:
            named = ", ".join(self._memo_name(m) for m in self.edited_memos[:8])
            more = (
                f" und {len(self.edited_memos) - 8} weitere" if len(self.edited_memos) > 8 else ""
            )
            notices.append(
                f"Im anderen Programm geändert, hier übernommen: {named}{more} (der neue Text "
                "ersetzt den bisherigen; der bisherige steht in der exportierten Datei)."
            )
        if self.both_edited:
            named = ", ".join(self._memo_name(m) for m in self.both_edited[:8])
            more = f" und {len(self.both_edited) - 8} weitere" if len(self.both_edited) > 8 else ""
            notices.append(
                f"Hier und im anderen Programm verschieden geändert: {named}{more} — keine "
                "Fassung ersetzt die andere: die der Datei steht im Memo unter der bisherigen, "
                "mit einer Zeile darüber. Welche gilt, klärt das Team; das im anderen Programm "
                "bereinigte Memo übernimmt der nächste Import."
            )
        found = {m.replaces for m in bundle.memos if m.replaces is not None}
        if found:
            newest = export.memos if export is not None else max(found) - 1
            gone = list(
                self.session.scalars(
                    select(Memo).where(Memo.id <= newest, Memo.id.not_in(found)).order_by(Memo.id)
                )
            )
            if export is not None:
                gone = [m for m in gone if export.holds(m.id, m.created_at, memo=True)]
            if gone:
                named = ", ".join(self._memo_name(m) for m in gone[:8])
                more = f" und {len(gone) - 8} weitere" if len(gone) > 8 else ""
                stays = "Es bleibt" if len(gone) == 1 else "Sie bleiben"
                notices.append(
                    f"{REMOVED_ELSEWHERE} (beim Export schon hier): {named}{more} — im "
                    f"anderen Programm gelöscht. {stays} hier."
                )
        return notices

    def _memo_name(self, memo: Memo) -> str:
        """'Memo 3 von Ayşe zu Code 'Bedarf'' and the like, for a notice."""
        where = {
            "segment": f"zu Aussage {memo.target_id}",
            "cluster": f"zu Bedarfscluster {memo.target_id}",
            "project": "zum Projekt",
        }.get(memo.target_type, "")
        if memo.target_type == "code":
            code = self.session.get(Code, memo.target_id)
            where = f"zu Code '{code.path}'" if code is not None else "zu einem Code"
        return f"Memo {memo.id} von {memo.author} {where}".rstrip()

    def _indicators(self, bundle: ParsedProject) -> int:
        """Store indicator values; return how many were new or changed."""
        where = bundle.location or bundle.filename
        values = [(self._district(i.district, where, None), i) for i in bundle.indicators]
        return upsert_indicators(self.session, values, bundle.filename)
