"""The one ingest writer: every importer's records go into the store through here.

A :class:`Writer` works inside one transaction. It owns what all importers share:
districts (unknown ones are refused with the list of valid ones), workshops,
deduplication by content hash (and sheet), provenance, the participant name lists and
pseudonymisation with its re-identification key, and codings that come with the source.

Two layouts: protocols and tables give segments, which the writer lays out as the
document text (guiding questions as headings); project-exchange files (REFI-QDA) give
the document's own text with segments and coded spans at offsets in it, which the
writer pseudonymises in place, carrying every offset through the replacements. Their
memos, declared workshops and indicator values come in a :class:`ParsedProject` and
are written by :meth:`Writer.write_project`. Districts, waves and workshops are the
writer's part in :mod:`workbench.ingest.workshop_writer`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.coding.code_index import CodeIndex
from workbench.coding.codebook import CodeSpec, check_code_size
from workbench.coding.deleted_codes import (
    DeletedInFile,
    deleted_in_file,
    deleted_notices,
    named_guids,
)
from workbench.core.domain import (
    ImportResult,
    InputError,
    ParsedDocument,
    ParsedSegment,
    ParsedWorkshop,
)
from workbench.ingest.chat_notices import chat_notices
from workbench.ingest.common import (
    PROTOCOL_IMPORTERS,
    date_notices,
    date_of_title_or_name,
    text_sha,
)
from workbench.ingest.district_names import districts_in_title
from workbench.ingest.field_memo import FieldMemo
from workbench.ingest.import_waves import kept_wave
from workbench.ingest.key_growth import learned_words, shows
from workbench.ingest.lead_in_first_names import conversation_first_names
from workbench.ingest.lead_in_names import lead_in_names, plain_lead_ins
from workbench.ingest.listed_people import listed_authors
from workbench.ingest.long_names import (
    fitted_labels,
    fitted_names,
)
from workbench.ingest.meeting_folder import MEETING_FOLDER, ZOOM_CLOUD
from workbench.ingest.mojibake import mojibake_notices
from workbench.ingest.nfc_view import composed, composed_labels, one_line_label
from workbench.ingest.offsets import OffsetMap, in_place, lay_out
from workbench.ingest.personal_notices import personal_notices
from workbench.ingest.project_writer import ProjectFileWriting, _Written
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.sound_tags import sound_notices
from workbench.ingest.stored_growth import reread_stored
from workbench.ingest.table import reading_notices
from workbench.ingest.table_coders import split_coded
from workbench.ingest.table_identity import earlier_import
from workbench.ingest.table_restore import restore_codings
from workbench.ingest.thing_names import (
    pseudonymise_name,
    row_attributes,
    rows_attributes,
    stored_names,
)
from workbench.ingest.whatsapp_chat import messenger_notices
from workbench.ingest.workshop_writer import WorkshopWriting
from workbench.ingest.written_places import written_places
from workbench.store import (
    Code,
    Coding,
    District,
    Document,
    ListedName,
    PseudonymSpan,
    Segment,
    Wave,
    Workshop,
)
from workbench.store.district_changes import district_index, moved_on
from workbench.store.workshop_keys import workshop_key


class Writer(WorkshopWriting, ProjectFileWriting):
    """Writes parsed documents within one session (one transaction)."""

    def __init__(self, session: Session, wave: str | None = None):
        self.session = session
        self.wave = wave  # label of the wave new workshops go into (None: the first)
        self._wave: Wave | None = None
        self._new_wave = ""  # the notice for a wave this import made after others, once
        self.districts = district_index(session)  # former names too: the district now
        # by the composed name: one stored from a Mac before (NFD) is still found; one
        # SQLite stored whole before names were shortened (94ad30b) by its shortened name
        self.workshops = {
            workshop_key(composed(w.name)): w for w in session.scalars(select(Workshop))
        }
        self.codes = CodeIndex(session)
        self.source_labels = {}  # a REFI-QDA file's, while it is written (write_project)
        self.pseudonymiser = Pseudonymiser.of_project(session)
        self.mark = len(self.pseudonymiser.known)  # the key before this import
        self.listed_mark = self.pseudonymiser.listed.mark()  # the listed people before it
        self.read_until: dict[int, int] = {}  # document written → the key read up to
        self.planned: dict[str, ParsedWorkshop] = {}  # workshops a file declares
        self._by_text: dict[str, Document] | None = None
        self._stored_labels: dict[str, str] | None = None  # composed → as stored
        self.seen_codings: set[int] = set()  # stored codings a file had again (by id)
        self.added_codings: set[int] = set()  # codings a file brought (by id, once stored)
        # a table's code column may take back codes deleted here (decision 026)
        self.restore_deleted = False

    # -- documents -------------------------------------------------------------------------
    def write(
        self,
        document: ParsedDocument,
        fixed_workshop: str | None,
        fixed_district: str | None,
        extra_names: Sequence[str],
        add_districts: bool = False,
    ) -> ImportResult:
        """Store one parsed document (or report it as already imported).

        Districts it names that the project does not know are refused all at once, or
        with ``add_districts`` declared (and said in the result's notices).
        """
        document = composed_labels(document)
        fixed_workshop, fixed_district = one_line_label(fixed_workshop), composed(fixed_district)
        from_name = in_file = in_folder = None
        in_title: list[str] = []
        topic = document.options.get(MEETING_FOLDER)  # a Zoom recording folder's meeting
        if not (fixed_district or document.district or any(s.district for s in document.segments)):
            in_file = self._district_in_name(document.filename)
            in_folder = self._district_in_name(topic) if topic and not in_file else None
            in_title = districts_in_title(document, self._named_districts())
            from_name = in_file or in_folder or (in_title[0] if len(in_title) == 1 else None)
            document = replace(document, district=from_name) if from_name else document
        dated = None  # a protocol without "Datum:": the date of its title or file name
        if document.date is None and document.importer in PROTOCOL_IMPORTERS:
            found = date_of_title_or_name(document.title, document.filename)
            dated, document = (
                (found[0], replace(document, date=found[1])) if found else (None, document)
            )
        titled = None  # a protocol without "Workshop:": the event its title names
        by_title = document.importer in PROTOCOL_IMPORTERS or document.options.get("named_by_title")
        if not (fixed_workshop or document.workshop) and by_title:
            titled = self._title_workshop(document, fixed_district)
            document = replace(document, workshop=titled) if titled else document
        named, rows = [fixed_district or document.district or ""], [None]
        if not fixed_district:
            named += [s.district or "" for s in document.segments]
            rows += [s.row for s in document.segments]
        column = document.options.get("district_column")
        hint = f"Spalte {column}" if column else ""
        head = "Option --district" if fixed_district else "Angabe „Sozialraum“ der Datei"
        added = self.declare_districts(named, add_districts, document.filename, hint, rows, head)
        result = self._write(document, fixed_workshop, fixed_district, extra_names).result
        result = replace(result, notices=(*added, *moved_on(self.session, named), *result.notices))
        if self._new_wave and result.segments:
            result = replace(result, notices=(self._new_wave, *result.notices))
            self._new_wave = ""
        if document.date and result.segments:
            result = replace(result, notices=(*date_notices(document.date, dated), *result.notices))
        if titled and result.segments:
            kind = "Protokolls" if document.importer in PROTOCOL_IMPORTERS else "Transkripts"
            notice = (
                f"Workshop nach dem Titel des {kind} benannt (es steht kein „Workshop:“ "
                "darin; ein anderer: --workshop NAME)."
            )
            result = replace(result, notices=(notice, *result.notices))
        if from_name and result.segments:
            where = "Dateinamen" if in_file else "Ordnernamen" if in_folder else "Titel"
            if where != "Titel" and in_title and in_title != [from_name]:
                where += f", nicht aus dem Titel ({', '.join(in_title)})"
            notice = (
                f"Sozialraum {from_name}: aus dem {where} erkannt (ein anderer: --district NAME)."
            )
            result = replace(result, notices=(notice, *result.notices))
        elif len(in_title) > 1 and result.segments:
            notice = (
                f"Der Titel nennt mehrere Sozialräume ({', '.join(in_title)}): die Aussagen sind "
                "gesamtstädtisch gespeichert (einer für alle: --district NAME)."
            )
            result = replace(result, notices=(notice, *result.notices))
        cloud = document.options.get(ZOOM_CLOUD)
        if (topic or cloud) and not fixed_workshop and result.segments:
            where = "dem Ordner" if topic else "dem Dateinamen"
            notice = (
                f"Workshop „{topic or cloud}“ nach {where} der Zoom-Aufzeichnung benannt (ein "
                "anderer: --workshop NAME)."
            )
            result = replace(result, notices=(notice, *result.notices))
        return result

    def _write(
        self,
        document: ParsedDocument,
        fixed_workshop: str | None,
        fixed_district: str | None,
        extra_names: Sequence[str],
    ) -> _Written:
        document = composed_labels(document)  # a label from a Mac is the same label
        fixed_workshop, fixed_district = one_line_label(fixed_workshop), composed(fixed_district)
        session = self.session  # the same file: which is this import (a workbook's sheet)?
        same = list(session.scalars(select(Document).where(Document.sha256 == document.sha256)))
        at, importer = earlier_import([(d.importer, d.options or {}) for d in same], document)
        found, document = same[at] if at is not None else None, replace(document, importer=importer)
        if found is not None and not document.merge:
            notices = kept_wave(session, found.id, self.wave)
            added, back = (0, [])
            if self.restore_deleted and any(s.codes for s in document.segments):
                ids = [s.source_id for s in document.segments]
                rows = list(zip(ids, _named_codes(document), strict=True))
                added, back = restore_codings(session, self.codes, found, rows)
            result = ImportResult(
                document.filename, "bereits vorhanden", codings=added, notices=(*back, *notices)
            )
            return _Written(result, [], OffsetMap())

        stem = one_line_label(Path(document.filename).stem)  # a Mac's: decomposed
        default_workshop = fixed_workshop or document.workshop or stem
        placed: list[tuple[ParsedSegment, str, District]] = []
        for seg in document.segments:
            district = self._district(
                fixed_district or seg.district or document.district, document.filename, seg.row
            )
            placed.append((seg, fixed_workshop or seg.workshop or default_workshop, district))
        if not placed:
            raise InputError("Die Datei enthält keine Aussagen.", file=document.filename)
        authors = listed_authors(self.pseudonymiser, document.segments)
        # a role that reads as a name ("**Okke Wübbenhorst:**") is a person on the list; a
        written = self.pseudonymiser.places = written_places(document)  # "im Hasenbergl"
        places = (*self.districts, *written)  # district's name or a place the file writes: none
        speakers = lead_in_names((s.speaker_role for s in document.segments), places)
        # "Karl Weber: Danke …" written in the statement: the speaker her "Danke Karl" means
        speakers += plain_lead_ins((s.text for s in document.segments), places)
        # "- Quirin: …" among "- Dilara: …" turns: a first name the gazetteer lacks
        turns = ((s.speaker_role, s.text) for s in document.segments)
        speakers += conversation_first_names(turns, self.districts)
        extra = (*document.names, *extra_names, *authors, *speakers)
        self.pseudonymiser.listed.add(extra)  # "Becker" of this list, in any workshop's text
        names = {w: self._names(w, extra) for w in dict.fromkeys(w for _, w, _ in placed)}
        labels: dict[tuple[str, str], str] = {}  # a question or role as stored, per workshop

        def safe(label: str | None, workshop: str) -> str | None:
            """A guiding question or speaker role pseudonymised like a name of a thing
            ("**Anna Schmidt:**" in a protocol is a role that names a person)."""
            if not label:
                return label
            if (label, workshop) not in labels:
                found = pseudonymise_name(self.pseudonymiser, label, names[workshop])
                labels[label, workshop] = self._as_stored(found)
            return labels[label, workshop]

        key, mark, asked = self.pseudonymiser, len(self.pseudonymiser.known), placed
        placed = [(replace(s, question=safe(s.question, w)), w, d) for s, w, d in placed]
        said = [(s.question, s.text, names[w]) for s, w, _ in placed]
        if document.text is None:
            text, shift, pieces = lay_out(key, said)
        else:
            text, shift, pieces = in_place(key, document, document.text, names)
        fields = FieldMemo(key)  # a survey's answers repeat in every row
        rows = [(s.attributes, names[w]) for s, w, _ in placed]
        people = rows_attributes(key, rows, fields)
        titled, filename, title = stored_names(key, document, names)
        # roles after the texts (the key knows the people the texts named), before the key
        # is stored: a person met only as a role ("**Peter Schmidt:**") is in the key too
        roles = [safe(s.speaker_role, w) for s, w, _ in placed]
        for _ in range(3):  # a name learned later ("Herr Jens Becker"): read again before
            learned, mark = learned_words(key.known, key.originals, mark), len(key.known)
            if learned is None:
                break
            for stale in [k for k, v in labels.items() if shows(learned, [v])]:
                del labels[stale]
            placed = [(replace(a, question=safe(a.question, w)), w, d) for a, w, d in asked]
            if document.text is None:
                said = [(s.question, s.text, names[w]) for s, w, _ in placed]
                kept = {n: p for n, p in enumerate(pieces) if not shows(learned, [p.text])}
                text, shift, pieces = lay_out(key, said, kept)
            elif shows(learned, [text]):
                text, shift, pieces = in_place(key, document, document.text, names)
            people = [
                row_attributes(key, *row) if shows(learned, person.values()) else person
                for row, person in zip(rows, people, strict=True)
            ]
            if shows(learned, [*titled.values(), filename, title]):
                titled, filename, title = stored_names(key, document, names)
            roles = [safe(s.speaker_role, w) for s, w, _ in placed]
        titled, filename, shortened = fitted_names(document, titled, filename)
        questions, roles, cut = fitted_labels(document.filename, [s for s, _, _ in placed], roles)
        self.store_pseudonyms()

        if document.merge:
            existing = found or self.same_text(text)
            if existing is not None:
                return self._merge(document, existing, text, shift)

        workshops = [self._workshop(titled[w], district, document) for _, w, district in placed]
        for workshop in dict.fromkeys(workshops):
            listed = set(
                session.scalars(
                    select(ListedName.name).where(ListedName.workshop_id == workshop.id)
                )
            )
            for name in extra:
                if name not in listed:
                    session.add(ListedName(workshop_id=workshop.id, name=name))
                    listed.add(name)
        record = Document(
            workshop_id=workshops[0].id,
            filename=filename,
            sha256=document.sha256,
            importer=document.importer,
            title=title,
            text=text,
            options=document.options,
        )
        session.add(record)
        session.flush()
        if self._by_text is not None:
            self._by_text.setdefault(text_sha(text), record)

        # before the segments: no flush between
        coded, left_out = self._row_codes(document, [s for s, _, _ in placed])
        segments = [
            Segment(
                document_id=record.id,
                workshop_id=workshop.id,
                district_id=district.id,
                source_id=seg.source_id,
                position=seg.position if seg.position is not None else number,
                text=piece.text,
                start=piece.start,
                end=piece.end,
                question=questions[number - 1],
                speaker_role=roles[number - 1],
                attributes=people[number - 1],
            )
            for number, ((seg, _, district), workshop, piece) in enumerate(
                zip(placed, workshops, pieces, strict=True), start=1
            )
        ]
        session.add_all(segments)
        session.flush()  # all segments in one batch and in order: the spans need their ids
        for segment, piece, codes in zip(segments, pieces, coded, strict=True):
            for r in piece.replacements:
                session.add(
                    PseudonymSpan(
                        segment_id=segment.id, start=r.start, end=r.end, original=r.original
                    )
                )
            for coder, code in codes:
                end = len(piece.text)
                session.add(
                    Coding(segment_id=segment.id, code_id=code.id, coder=coder, start=0, end=end)
                )
        codings = sum(len(codes) for codes in coded)
        session.flush()  # the spans and codings, in one batch
        spans, notices = self._span_codings(document, segments, shift)
        result = ImportResult(
            document.filename,
            "importiert",
            segments=len(segments),
            codings=codings + spans,
            skipped_rows=int(document.options.get("skipped_rows", 0)),
            notices=(
                *reading_notices(document.options),
                *mojibake_notices(document.options),
                *chat_notices(document.options),
                *messenger_notices(document.options),
                *sound_notices(document.options),
                *personal_notices(document.segments, document.options),
                *shortened,
                *cut,
                *left_out,
                *notices,
            ),
        )
        self.read_until[record.id] = len(key.known)  # read again up to here (key_growth)
        return _Written(result, segments, shift)

    def _row_codes(
        self, document: ParsedDocument, segments: Sequence[ParsedSegment]
    ) -> tuple[list[list[tuple[str | None, Code]]], list[str]]:
        """Each segment's (coder, code) as its row gives them; a code found or created once
        per path (in the order of the rows, as the codebook numbers them). A code deleted
        here that the code column names by the path it had (and no code has now) is left
        out, with its codings only, and said in the notices (decision 026), unless the
        import restores deleted codes (:attr:`restore_deleted`)."""
        named = _named_codes(document, segments)
        paths = dict.fromkeys(p for codes in named for _, p in codes)
        deleted = (  # a file without codes: the delete list is not read
            deleted_in_file(self.codes, named_guids(paths, self.codes), self.restore_deleted)
            if paths
            else DeletedInFile()
        )
        found: dict[str, Code] = {}
        coded = []
        for number, codes in enumerate(named):
            kept = []
            for coder, code_path in codes:
                if deleted.left_out(code_path):
                    deleted.count(code_path, row=number)
                    continue
                if code_path not in found:
                    found[code_path] = self.codes.upsert(CodeSpec(code_path))
                kept.append((coder, found[code_path]))
            coded.append(kept)
        here = dict.fromkeys(self.codes.by_path)
        return coded, deleted_notices(deleted, here, "table")

    def same_text(self, text: str) -> Document | None:
        """The (oldest) document whose stored text is ``text``."""
        if self._by_text is None:
            self._by_text = {}
            for doc in self.session.scalars(select(Document).order_by(Document.id.desc())):
                self._by_text[text_sha(doc.text)] = doc
        return self._by_text.get(text_sha(text))

    def reread_stored(self) -> list[str]:
        """Replace the names this import learned where stored statements (of earlier files,
        sources or imports) still show them; return the old texts of those changed."""
        key = self.pseudonymiser
        listed = key.listed.words_since(self.listed_mark)  # in statements stored before
        old = reread_stored(self.session, key, self.mark, self.read_until, listed)
        self.store_pseudonyms()
        return old

    def store_pseudonyms(self) -> None:
        """Add the placeholders found since the last call to the key."""
        self.pseudonymiser.store_new(self.session)


def _named_codes(
    document: ParsedDocument, segments: Sequence[ParsedSegment] | None = None
) -> list[list[tuple[str | None, str]]]:
    """Each segment's (coder, code path) as its row gives them (of ``document``'s segments
    if none are given); a path too long for the store is refused with its row."""
    named: list[list[tuple[str | None, str]]] = []
    for seg in document.segments if segments is None else segments:
        codes = []
        for code_path in seg.codes:
            coder = document.options.get("coder")
            if document.options.get("coders_in_codes"):  # the export's "A:Bedarf"
                coder, code_path = split_coded(code_path)
            code_path = check_code_size(code_path, document.filename, seg.row)  # PostgreSQL
            codes.append((coder, code_path))
        named.append(codes)
    return named
