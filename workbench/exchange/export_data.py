"""What a REFI-QDA export writes, read from the store in one session (no XML yet)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from workbench.coding.codebook import CodeSpec
from workbench.core.word_caches import forgets_words
from workbench.exchange.decisions import decisions_of
from workbench.exchange.qdxml import iso, stable_guid
from workbench.ingest.author_names import known_people, shown_name
from workbench.ingest.common import text_sha
from workbench.ingest.guessed_names import NotePseudonymiser
from workbench.ingest.offsets import OffsetMap
from workbench.ingest.pseudonymise import Pseudonymiser, listed_names
from workbench.store import (
    Code,
    Coding,
    CodingResolution,
    District,
    Document,
    ListedName,
    Memo,
    PseudonymSpan,
    Segment,
    Workshop,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from workbench.project import Project


@dataclass(frozen=True)
class SegmentOut:
    """A segment as exported; offsets are code points in its document's exported text."""

    segment_id: int
    source_id: str
    position: int
    start: int
    end: int
    question: str | None
    speaker_role: str | None
    workshop: str
    district: str
    attributes: dict[str, Any]


@dataclass(frozen=True)
class CodingOut:
    """A coding as exported; ``whole``: it covers its whole segment."""

    segment_id: int
    code: str
    coder: str
    start: int  # in the document text
    end: int
    created_at: datetime | None
    whole: bool
    code_guid: str  # the code's stored GUID


@dataclass
class DocumentOut:
    """A document as exported (text restored from the key unless pseudonymised)."""

    guid: str
    name: str
    title: str | None
    text: str
    workshop: str
    segments: list[SegmentOut] = field(default_factory=list)
    codings: list[CodingOut] = field(default_factory=list)


@dataclass(frozen=True)
class MemoOut:
    """A memo; ``target`` is a stable key: (source GUID, source id), code path, cluster."""

    target_type: str
    target: Any
    author: str
    text: str
    created_at: datetime | None
    # A resolution memo: (code path, code GUID, decision, coder, each coder's decision then).
    resolution: tuple[str, str, str | None, str | None, dict[str, int]] | None = field(
        default=None, compare=False
    )

    @property
    def guid(self) -> str:
        """The note's stable GUID."""
        return stable_guid(
            "note", self.target_type, self.target, self.author, iso(self.created_at), self.text
        )


@dataclass(frozen=True)
class ProjectOut:
    """Everything an export writes, read from the store (no XML yet)."""

    districts: tuple[District, ...]
    documents: tuple[DocumentOut, ...]
    specs: tuple[CodeSpec, ...]
    code_guids: dict[str, str]  # code path → its stored GUID
    memos: tuple[MemoOut, ...]
    sets: tuple[tuple[Workshop, str, tuple[str, ...]], ...]  # workshop, district, sources
    indicators: tuple[dict[str, Any], ...]
    marks: tuple[int, int] = (0, 0)  # the highest coding and memo id when it was read
    # With originals only: each workshop's name list (participants), so that a fresh
    # project importing the file knows the names the texts name as this one did.
    listed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    decisions: tuple[tuple[str, str], ...] = ()  # with originals only: review decisions


def restore_originals(
    text: str, segments: list[tuple[Segment, list[PseudonymSpan]]]
) -> tuple[str, OffsetMap]:
    """The document text with each segment's placeholders replaced by the originals."""
    edits: list[tuple[int, int, int, int]] = []
    replacements: list[tuple[int, int, str]] = []
    for segment, spans in segments:
        for span in sorted(spans, key=lambda s: s.start):
            replacements.append(
                (segment.start + span.start, segment.start + span.end, span.original)
            )
    replacements.sort()
    parts: list[str] = []
    cursor = shift = 0
    for start, end, original in replacements:
        if start < cursor:  # overlapping key entries: keep the first
            continue
        parts.append(text[cursor:start])
        parts.append(original)
        edits.append((start, end, start + shift, start + shift + len(original)))
        shift += len(original) - (end - start)
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts), OffsetMap(edits)


def collect(project: Project, pseudonymised: bool) -> ProjectOut:
    """Everything the export writes, read in one session."""
    with project.session() as s:
        districts = list(
            s.scalars(select(District).order_by(District.is_citywide.desc(), District.name))
        )
        district_names = {d.id: d.name for d in districts}
        workshops = {w.id: w for w in s.scalars(select(Workshop))}
        codes = {c.id: c for c in s.scalars(select(Code))}
        authors = known_people(s) if pseudonymised else {}  # a participant who codes
        spans: dict[int, list[PseudonymSpan]] = {}
        if not pseudonymised:
            for span in s.scalars(select(PseudonymSpan)):
                spans.setdefault(span.segment_id, []).append(span)
        documents: list[DocumentOut] = []
        segment_keys: dict[int, tuple[str, str]] = {}  # segment id → (source guid, source id)
        for doc in s.scalars(select(Document).order_by(Document.filename, Document.sha256)):
            segs = list(
                s.scalars(
                    select(Segment).where(Segment.document_id == doc.id).order_by(Segment.start)
                )
            )
            if not segs:  # all its statements forgotten: no empty source in the export
                continue
            text, shift = doc.text, OffsetMap()
            if not pseudonymised:
                text, shift = restore_originals(doc.text, [(g, spans.get(g.id, [])) for g in segs])
            guid = stable_guid("source", doc.filename, text_sha(doc.text))
            workshop = workshops.get(doc.workshop_id)
            out = DocumentOut(
                guid, doc.filename, doc.title, text, workshop.name if workshop else ""
            )
            by_id = {}
            for g in segs:
                start, end = shift.start(g.start), shift.end(g.end)
                by_id[g.id] = (g, start, end)
                segment_keys[g.id] = (guid, g.source_id)
                out.segments.append(
                    SegmentOut(
                        g.id,
                        g.source_id,
                        g.position,
                        start,
                        end,
                        g.question,
                        g.speaker_role,
                        workshops[g.workshop_id].name,
                        district_names[g.district_id],
                        dict(g.attributes or {}),
                    )
                )
            rows = s.scalars(
                select(Coding).where(Coding.segment_id.in_(list(by_id))).order_by(Coding.id)
            )
            for c in rows:
                g, start, end = by_id[c.segment_id]
                cs, ce = shift.start(g.start + c.start), shift.end(g.start + c.end)
                out.codings.append(
                    CodingOut(
                        g.id,
                        codes[c.code_id].path,
                        shown_name(authors, c.coder),
                        cs,
                        ce,
                        c.created_at,
                        whole=(cs, ce) == (start, end),
                        code_guid=codes[c.code_id].guid,
                    )
                )
            documents.append(out)
        memos = list(s.scalars(select(Memo).order_by(Memo.id)))
        resolved = {
            r.memo_id: (
                codes[r.code_id].path,
                codes[r.code_id].guid,
                r.decision,
                r.coder if r.coder is None else shown_name(authors, r.coder),
                {shown_name(authors, coder): v for coder, v in r.state.items()},
            )
            for r in s.scalars(select(CodingResolution).order_by(CodingResolution.id))
            if r.code_id in codes and r.state is not None
        }
        marks = (s.scalar(select(func.max(Coding.id))) or 0, max((m.id for m in memos), default=0))
        sets = []
        for w in sorted(workshops.values(), key=lambda w: w.name):
            members = [d.guid for d in documents if d.workshop == w.name]
            if members:
                sets.append((w, district_names[w.district_id], tuple(members)))
        listed: dict[str, tuple[str, ...]] = {}
        decisions = () if pseudonymised else decisions_of(s)
        if not pseudonymised:
            names = s.execute(select(ListedName.workshop_id, ListedName.name))
            for workshop_id, name in sorted(names, key=lambda row: row[1]):
                if workshop_id in workshops:
                    listed.setdefault(workshops[workshop_id].name, ())
                    listed[workshops[workshop_id].name] += (name,)
    texts = {m.id: m.text for m in memos}
    if pseudonymised and memos:
        texts = pseudonymise_memos(project, texts)

    def target(m: Memo) -> Any:
        if m.target_type == "segment":
            return segment_keys.get(m.target_id)
        if m.target_type == "code" and m.target_id in codes:
            return codes[m.target_id].path
        return m.target_id

    return ProjectOut(
        districts=tuple(districts),
        documents=tuple(documents),
        specs=tuple(project.codebook()),
        code_guids=project.code_guids(),
        memos=tuple(
            MemoOut(
                m.target_type,
                target(m),
                shown_name(authors, m.author),
                texts[m.id],
                m.created_at,
                resolved.get(m.id),
            )
            for m in memos
        ),
        sets=tuple(sets),
        indicators=tuple(indicator_rows(project)),
        marks=marks,
        listed=listed,
        decisions=decisions,
    )


@forgets_words  # no participant's word stays in a module's cache
def pseudonymise_memos(project: Project, texts: dict[int, str]) -> dict[int, str]:
    """Memo texts (id → text) with personal data replaced as at import: with the
    project's key, listed names, protected words and review decisions.

    A person the key does not know yet (named only in a memo) enters the key, so every
    later export gives them the same placeholder and nobody else gets it; a name the rules
    only guess ("Rosen am Zaun") becomes "[Person]" and stays out of the key
    (:mod:`workbench.ingest.guessed_names`).
    """
    with project.session() as session:  # most exports name nobody new: nothing to write
        out, pseudonymiser = _memo_texts(session, texts)
    if not pseudonymiser.new:
        return out
    with project.transaction(exclusive=True) as session:  # again, as the key may have grown
        out, pseudonymiser = _memo_texts(session, texts)
        pseudonymiser.store_new(session)
    return out


def _memo_texts(session: Session, texts: dict[int, str]) -> tuple[dict[int, str], Pseudonymiser]:
    """The memo texts pseudonymised with the key as ``session`` reads it, and the
    pseudonymiser (its ``new``: the persons the key does not know yet)."""
    names = listed_names(session)
    pseudonymiser = NotePseudonymiser.of_project(session)  # a guessed name: "[Person]"
    return {key: pseudonymiser.pseudonymise(text, names)[0] for key, text in texts.items()}, (
        pseudonymiser
    )


def exported_memos(
    session: Session,
    file_codes: dict[str, str] | None = None,
    notes: Iterable[tuple[str, str, datetime | None, str]] = (),
) -> dict[str, tuple[int, tuple[str, ...] | None]]:
    """Note GUID → (memo id, the texts an export wrote) for every memo of the project.

    The GUIDs a pseudonymised export and one with originals wrote, for a code memo also
    with the path the file gives the code's GUID (``file_codes``: GUID → path; renamed
    there). A note of a file found here is that memo, read back. ``notes`` (GUID, author,
    time, text) of the file whose GUID fits a memo's target, author and time with their
    own text are an export of an earlier text of that memo (edited here since, e.g. by
    another colleague's file): they map to it with their text as the exported one; so
    do those with the memo's text now (its edit there, taken over here, read back again).
    A note of the project's export that fits a memo's author and time with neither text is
    that memo changed both here and there: it maps to it with ``None`` as the texts.
    """
    memos = list(session.scalars(select(Memo).order_by(Memo.id)))
    if not memos:
        return {}
    documents = {
        d.id: stable_guid("source", d.filename, text_sha(d.text))
        for d in session.scalars(select(Document))
    }
    segments = {
        segment_id: (documents[document_id], source_id)
        for segment_id, document_id, source_id in session.execute(
            select(Segment.id, Segment.document_id, Segment.source_id)
        )
    }
    codes = {c.id: c for c in session.scalars(select(Code))}
    in_file = {guid.upper(): path for guid, path in (file_codes or {}).items()}
    pseudonymised, _ = _memo_texts(session, {m.id: m.text for m in memos})
    shown = known_people(session)
    result: dict[str, tuple[int, tuple[str, ...] | None]] = {}
    by_time: dict[tuple[str, str | None], list[tuple[Memo, list[Any]]]] = {}
    for m in memos:
        targets: list[Any] = [m.target_id]
        if m.target_type == "segment":
            targets = [segments.get(m.target_id)]
        elif m.target_type == "code" and m.target_id in codes:
            code = codes[m.target_id]
            targets = list(dict.fromkeys([code.path, in_file.get(code.guid, code.path)]))
        texts = tuple(dict.fromkeys([pseudonymised[m.id], m.text]))
        for author in dict.fromkeys([m.author, shown_name(shown, m.author)]):
            by_time.setdefault((author, iso(m.created_at)), []).append((m, targets))
            for target in targets:
                for text in texts:
                    out = MemoOut(m.target_type, target, author, text, m.created_at)
                    result[out.guid] = (m.id, texts)
    notes = list(notes)
    for guid, author, created, text in notes:
        for m, targets in by_time.get((author, iso(created)), []) if guid not in result else []:
            if any(
                MemoOut(m.target_type, target, author, text, m.created_at).guid == guid
                for target in targets
            ):
                result[guid] = (m.id, (text,))
    # A note with the memo's text now is the memo edited there and taken over here, read
    # back again (its GUID is that of the text exported before the edit): only a memo
    # older than one the file has by its GUID was in that export.
    exported = max((result[guid][0] for guid, *_ in notes if guid in result), default=0)
    for guid, author, created, text in notes:
        for m, _ in by_time.get((author, iso(created)), []) if guid not in result else []:
            if m.id < exported and _same_text(text, m.text, pseudonymised[m.id]):
                result[guid] = (m.id, (text,))
    # A note with a GUID the workbench made (uuid5) that fits one memo's author and time,
    # but none of its texts: the memo was exported with a text that has changed here since
    # (taken over from another colleague's file), and it was edited there too. Neither
    # text replaces the other (None: the text it was exported with is not known any more).
    for guid, author, created, _ in notes:
        found = by_time.get((author, iso(created)), []) if guid not in result else []
        if len(found) == 1 and _made_here(guid):
            result[guid] = (found[0][0].id, None)
    return result


def _made_here(guid: str) -> bool:
    """Whether a GUID is one the workbench's export makes (uuid5), not another program's."""
    try:
        return uuid.UUID(guid).version == 5
    except ValueError:
        return False


def _same_text(text: str, *memo_texts: str) -> bool:
    """Whether a note's text is one of a memo's texts, line breaks and spaces aside."""
    return " ".join(text.split()) in {" ".join(t.split()) for t in memo_texts}


def indicator_rows(project: Project) -> list[dict[str, Any]]:
    """Indicator values as records."""
    from workbench.synthesis.indicator_tables import indicators

    return indicators(project).to_dict("records")


def variable_key(row: dict[str, Any]) -> tuple:
    """The variable an indicator row belongs to: (indicator, year, unit, source, illustrative)."""
    return (
        row["indicator"],
        int(row["year"]),
        row["unit"] or "",
        row["source"] or "",
        bool(row["illustrative"]),
    )


def variables_of(rows: Iterable[dict[str, Any]]) -> dict[tuple, tuple[str, str]]:
    """One variable per (indicator, year, unit, source, illustrative): key → (guid, name)."""
    keys = sorted({variable_key(r) for r in rows})
    per_name: dict[str, int] = {}
    for key in keys:
        base = f"{key[0]} {key[1]}"
        per_name[base] = per_name.get(base, 0) + 1
    result = {}
    for key in keys:
        name = f"{key[0]} {key[1]}"
        if per_name[name] > 1:
            name += f" [{key[2]}; {key[3]}; {'illustrativ' if key[4] else 'belegt'}]"
        result[key] = (stable_guid("variable", *key), name)
    return result


def memos_read_back(
    session: Session,
    notes: Iterable[tuple[str, str, datetime | None, str]],
    taken: Iterable[int] = (),
) -> set[str]:
    """GUIDs of ``notes`` (GUID, author, time, text) that are memos of the project read
    back under a new GUID: with a memo's author, time and text (each memo once; ``taken``:
    memos the file has by their GUIDs). QualCoder reads every note as a journal and
    exports it so, without its target."""
    notes, taken = list(notes), set(taken)
    moments = {(author, iso(created)) for _, author, created, _ in notes}
    shown = known_people(session)

    def names(m: Memo) -> set[str]:
        return {m.author, shown_name(shown, m.author)}

    memos = [
        m
        for m in session.scalars(select(Memo).order_by(Memo.id))
        if any((a, iso(m.created_at)) in moments for a in names(m)) and m.id not in taken
    ]
    if not memos:
        return set()
    pseudonymised, _ = _memo_texts(session, {m.id: m.text for m in memos})
    found, claimed = set(), set()
    for guid, author, created, text in notes:
        for m in memos:
            if m.id in claimed or (author, iso(created)) not in {
                (a, iso(m.created_at)) for a in names(m)
            }:
                continue
            if _same_text(text, m.text, pseudonymised[m.id]):
                found.add(guid)
                claimed.add(m.id)
                break
    return found
