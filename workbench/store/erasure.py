"""Right to erasure (DSGVO Art. 17): forget statements and everything derived from them.

:func:`forget` takes statements by id, by source id (optionally within one file), by
speaker placeholder (``[Person 3]``, or the speaker's name as the key knows it) or a
participation token, and removes in one transaction:

- the statements and their text in the document's text,
- codings, the coding history's entries and resolutions on them (with their memos),
  memos on the statements,
- the pseudonym key's spans and the key entries no other statement uses any more (a
  forgotten person's number is never given again), and matching participant-list names,
- for a person forgotten as speaker, their name in memos (replaced by their placeholder:
  an export would otherwise put them back into the key),
- need and topic assignments, the statements' quotes in stored need runs and feedback
  items, recommendation evidence and need links,
- a token's feedback answers and the token (and key entries only its comments used),

then the cached embeddings of the texts. An audit entry records what kind of request it
was, who made it and the counts — never content.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from workbench.core.domain import WorkbenchError, person_key
from workbench.store.analysis_tables import NeedAssignment, TopicAssignment
from workbench.store.coding_tables import CodingAction, CodingActionItem, CodingResolution
from workbench.store.erasure_notes import still_named
from workbench.store.participation_tables import FeedbackAnswer, FeedbackToken
from workbench.store.privacy_tables import ErasureEntry, keep_person_numbers
from workbench.store.project_store import ProjectStore
from workbench.store.schema import (
    Code,
    Coding,
    Document,
    ListedName,
    Memo,
    Pseudonym,
    PseudonymSpan,
    Segment,
    Workshop,
)
from workbench.store.synthesis_tables import RecommendationEvidence, RecommendationNeed
from workbench.store.text_edits import cut_segment, drop_copies, purge_cache

_PERSON = re.compile(r"\[Person (\d+)\]")
_PERSON_PLACEHOLDER = re.compile(r"\[Person \d+\]")
LABELS = {
    "statements": "Aussagen",
    "codings": "Kodierungen",
    "coding_history": "Einträge im Kodierverlauf",
    "resolutions": "Entscheidungen zu Abweichungen",
    "memos": "Memos",
    "memo_names": "Memos, in denen der Name durch den Platzhalter ersetzt wurde",
    "key_spans": "Stellen im Pseudonymschlüssel",
    "key_entries": "Einträge im Pseudonymschlüssel",
    "listed_names": "Namen auf Teilnehmendenlisten",
    "assignments": "Zuordnungen zu Bedarfen und Themen",
    "quotes": "Zitate in Bedarfsläufen und Rückmelde-Einträgen",
    "evidence": "Belege und Verknüpfungen von Empfehlungen",
    "answers": "Rückmeldungen",
    "tokens": "Zugangscodes",
    "cached_vectors": "zwischengespeicherte Einbettungen",
}


@dataclass
class ErasureReport:
    """What a :func:`forget` removed (or would remove, for a dry run)."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    dry_run: bool = False
    notes: list[str] = field(default_factory=list)  # what the request may not have reached

    def lines(self) -> list[str]:
        """The counts as German lines, only those above zero."""
        return [f"{n:>6}  {LABELS[key]}" for key, n in self.counts.items() if n]


def token_hash(token: str) -> str:
    """The stored form of a participation token (as ``participation.tokens.hash_token``)."""
    return hashlib.sha256(token.strip().encode("utf-8")).hexdigest()


def select_statements(
    session: Session,
    statements: tuple[int, ...] = (),
    source: str | None = None,
    document: str | None = None,
    speaker: str | None = None,
) -> list[Segment]:
    """The statements a request names; raises with a German message if it names none."""
    found: dict[int, Segment] = {}
    for statement_id in statements:
        segment = session.get(Segment, int(statement_id))
        if segment is None:
            raise WorkbenchError(f"Aussage {statement_id} gibt es nicht.")
        found[segment.id] = segment
    if source is not None:
        query = select(Segment, Document.filename).join(Document).where(Segment.source_id == source)
        if document is not None:
            query = query.where(Document.filename == document)
        rows = session.execute(query.order_by(Segment.id)).all()
        if not rows:
            where = f" in {document}" if document else ""
            raise WorkbenchError(f"Keine Aussage mit der Quellen-ID {source}{where}.")
        files = sorted({filename for _, filename in rows})
        if len(files) > 1:
            raise WorkbenchError(
                f"Quellen-ID {source} gibt es in mehreren Dateien ({', '.join(files)}): "
                "bitte mit --document DATEI eine wählen."
            )
        if len({segment.document_id for segment, _ in rows}) > 1:  # two files of one name
            numbers = " ".join(str(segment.id) for segment, _ in rows)
            raise WorkbenchError(
                f"Quellen-ID {source} gibt es in mehreren Dokumenten namens {files[0]} "
                f"(Aussagen {numbers}): bitte die gemeinte mit --statement NR wählen."
            )
        found.update({segment.id: segment for segment, _ in rows})
    if speaker is not None:
        placeholders = speaker_placeholders(session, speaker)
        matched = [
            segment
            for segment in session.scalars(select(Segment))
            if segment.speaker_role in placeholders
            or (segment.attributes or {}).get("speaker") in placeholders
        ]
        if not matched:
            shared = shared_before(session, speaker, placeholders)
            raise WorkbenchError(" ".join([_not_speaking(session, speaker, placeholders), *shared]))
        found.update({segment.id: segment for segment in matched})
    return sorted(found.values(), key=lambda s: s.id)


def speaker_placeholders(session: Session, speaker: str) -> set[str]:
    """The placeholders a ``--speaker`` names: itself, or the key's entries of that name."""
    placeholders = {speaker.strip()}
    given, surname = _name_parts(speaker)
    keys = list(session.scalars(select(Pseudonym).where(Pseudonym.kind == "person")))
    # the first names each person of the key was met with ("Anna" of "schmidt")
    met: dict[str, set[str]] = {}
    for key in keys:
        full = " " in key.normalised and not key.normalised.endswith(" ?")  # "anna schmidt"
        named = key.normalised.rsplit(" ", 1)[0] if full else None
        met.setdefault(key.placeholder, set()).add(
            _plain(named) if named else _name_parts(key.original)[0] or ""
        )
    for key in keys:
        # One person is one key (the surname): "Jürgen Wieczorek" finds the person
        # first met as "Herr Wieczorek", and "Ayse Yilmaz" (typed on a German
        # keyboard) the one imported as "Ayşe Yılmaz" — but "Peter Schmidt" not the
        # Anna Schmidt of the key "schmidt" (a second Schmidt has a key of their own).
        normalised = _plain(key.normalised)
        other = given is not None and bool(met[key.placeholder] - {"", given})
        if _plain(key.original.strip()) == _plain(speaker.strip()) or (
            surname
            and (normalised == f"{given} {surname}" or (normalised == surname and not other))
        ):
            placeholders.add(key.placeholder)
    return placeholders


def _not_speaking(session: Session, speaker: str, placeholders: set[str]) -> str:
    """Why ``speaker`` has no statements to forget, and where the key's person is named
    instead (a protocol's "Anna Schmidt: …" is text, not a speaker field)."""
    people = sorted(p for p in placeholders if _PERSON.fullmatch(p))
    named = [
        segment_id
        for segment_id, text in session.execute(
            select(Segment.id, Segment.text).order_by(Segment.id)
        )
        if any(p in text for p in people)
    ]
    message = f"Keine Aussage der sprechenden Person {speaker}."
    if not named:
        return message
    ids = " ".join(map(str, named[:20])) + (" …" if len(named) > 20 else "")
    return (
        f"{message} Der Schlüssel kennt sie als {', '.join(people)}; genannt wird sie "
        f"(nicht als Sprecher*in vermerkt) in {len(named)} Aussage(n): ID {ids}. Diese "
        "prüfen und gegebenenfalls mit --statement ID … löschen."
    )


def shared_before(session: Session, speaker: str, placeholders: set[str]) -> list[str]:
    """Where an earlier workbench stored ``speaker`` under the placeholder of another
    person of the same surname (before 2026-12 "Peter Schmidt" got the "[Person 1]" of
    an "Anna Schmidt" met before him): the statements to check, as a note; else none.

    Evidence is a replaced name that was this person ("Peter Schmidt bietet an …" shown
    as another placeholder) or a workshop listing the person in which the placeholder of
    the surname's first person appears but none of the person's own.
    """
    given, surname = _name_parts(speaker)
    if given is None or not surname:
        return []
    own = {p for p in placeholders if _PERSON.fullmatch(p)}
    shared: set[str] = set()
    workshops: set[int] = set()
    spans = select(PseudonymSpan.original, PseudonymSpan.start, PseudonymSpan.end, Segment)
    for original, start, end, segment in session.execute(spans.join(Segment)):
        shown = segment.text[start:end]
        theirs = _name_parts(original) == (given, surname)
        if theirs and _PERSON.fullmatch(shown) and shown not in own:
            shared.add(shown)
            workshops.add(segment.workshop_id)
    first = {  # the person a surname alone was keyed to: "schmidt" → Anna's placeholder
        key.placeholder
        for key in session.scalars(select(Pseudonym).where(Pseudonym.kind == "person"))
        if _plain(key.normalised) == surname and key.placeholder not in own
    }
    segments = list(session.scalars(select(Segment).order_by(Segment.id)))
    for workshop_id, name in session.execute(select(ListedName.workshop_id, ListedName.name)):
        if _name_parts(name) != (given, surname):
            continue
        used = {p for s in segments if s.workshop_id == workshop_id for p in _people_in(s)}
        if used & first and not used & own:
            shared |= used & first
            workshops.add(workshop_id)
    ids = [s.id for s in segments if s.workshop_id in workshops and set(_people_in(s)) & shared]
    if not ids:
        return []
    shown = " ".join(map(str, ids[:20])) + (" …" if len(ids) > 20 else "")
    return [
        f"Hinweis: Eine frühere Version der Werkbank gab Personen gleichen Nachnamens einen "
        f"Platzhalter; {speaker.strip()} kann in früher importierten Aussagen auch "
        f"{', '.join(sorted(shared))} sein (gesprochen oder genannt): ID {shown}. Diese "
        "prüfen (workbench export --originals) und gegebenenfalls mit --statement ID … "
        "löschen."
    ]


def _people_in(segment: Segment) -> list[str]:
    """The person placeholders of a statement: its speaker and those in its text."""
    fields = [segment.text, segment.speaker_role or "", (segment.attributes or {}).get("speaker")]
    return [m.group() for f in fields if isinstance(f, str) for m in _PERSON.finditer(f)]


_TITLES = frozenset("frau herr herrn fr. hr. dr. prof. familie".split())
# Particles of a surname, written in lower case: "Herr de Vries" names no first name "de"
_PARTICLES = frozenset("von van zu de der den di da del della dos du la le ter ten".split())


def _name_parts(name: str) -> tuple[str | None, str]:
    """First name (or None) and surname of a name, without case and diacritics ("Frau
    Anna Schmidt", "Schmidt, Anna" → ("anna", "schmidt"); "Frau Schmidt" → (None, …))."""
    if name.count(",") == 1:
        surname, first = name.split(",")
        name = f"{first} {surname}"
    words = [w for w in name.split() if w.casefold() not in _TITLES and w not in _PARTICLES]
    surname = _plain(person_key(" ".join(words))) if words else ""
    return (_plain(words[0]) if len(words) >= 2 else None), surname


_PLAIN_EXTRA = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d"})


def _plain(name: str) -> str:
    """A name without case and diacritics, as typed on any keyboard ("Yılmaz" → "yilmaz")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_PLAIN_EXTRA)


def forget(
    store: ProjectStore,
    statements: tuple[int, ...] = (),
    source: str | None = None,
    document: str | None = None,
    speaker: str | None = None,
    token: str | None = None,
    actor: str = "",
    dry_run: bool = False,
    ordinary: Callable[[str], bool] = lambda _: False,
) -> ErasureReport:
    """Remove what a request names and everything derived from it; see the module doc.

    ``ordinary``: whether a (lower-case) word is one of the language, not only a name
    (:func:`workbench.ingest.name_known.ordinary_word`): alone in a memo it stays."""
    if document and not source:
        raise WorkbenchError(
            "--document gilt nur zusammen mit --source ID: es wählt die Datei, in der die "
            "Quellen-ID gemeint ist."
        )
    if not (statements or source or speaker or token):
        raise WorkbenchError("Nichts angegeben: Aussage, Quellen-ID, Sprecher*in oder Zugangscode.")
    report = ErasureReport(dry_run=dry_run)
    texts: list[str] = []
    try:
        # Exclusive: an import waits until the key entries are gone (or forget until its
        # statements are stored, and erases them too) instead of reusing an entry this
        # erasure deletes. Coders take no such lock; their codings of these statements
        # wait for the rows locked here (PostgreSQL; SQLite lets one writer in at a time).
        with store.transaction(exclusive=True) as session:
            segments, erased = [], set()  # erased: the placeholders of the speaker forgotten
            if statements or source or speaker:
                segments = select_statements(session, statements, source, document, speaker)
            if speaker is not None:
                erased = speaker_placeholders(session, speaker)
                report.notes = shared_before(session, speaker, erased)
                report.counts["memo_names"] = _forget_in_memos(session, erased, ordinary)
                ids = [s.id for s in segments]
                session.execute(select(Segment.id).where(Segment.id.in_(ids)).with_for_update())
            texts = [s.text for s in segments]
            _forget_statements(session, segments, report, erased)
            report.notes += still_named(session, erased)
            if token is not None:
                _forget_token(session, token, report)
            if dry_run:
                raise _DryRun
            _audit(session, report, actor, segments, statements, source, document, speaker, token)
    except _DryRun:
        return report  # the transaction was rolled back: nothing changed
    report.counts["cached_vectors"] = purge_cache(store.path / "cache", texts)
    return report


class _DryRun(Exception):
    """Raised inside the transaction of a dry run, so that it rolls back."""


def _audit(
    session: Session,
    report: ErasureReport,
    actor: str,
    segments: list[Segment],
    statements: tuple[int, ...],
    source: str | None,
    document: str | None,
    speaker: str | None,
    token: str | None,
) -> None:
    """Record the request without content: ids, a placeholder, a hash prefix, counts."""
    selector = {
        "statements": [s.id for s in segments],
        "source": source or "",
        "document": document or "",
        "speaker": speaker if speaker and speaker.startswith("[") else ("…" if speaker else ""),
        "token": token_hash(token)[:8] if token else "",
    }
    session.add(ErasureEntry(actor=actor, selector=selector, counts=dict(report.counts)))


def _forget_statements(
    session: Session, segments: list[Segment], report: ErasureReport, erased: set[str]
) -> None:
    """Remove ``segments`` and what derives from them; ``erased``: the placeholders of a
    person forgotten as speaker (their key entry goes even if a memo names them)."""
    ids = {s.id for s in segments}
    if not ids:
        return
    counts = report.counts
    counts["statements"] = len(ids)
    texts = [s.text for s in segments]
    # coding history, resolutions (with their memos), codings, memos on the statements
    items = session.scalars(select(CodingActionItem).where(CodingActionItem.segment_id.in_(ids)))
    actions = set()
    for item in items:
        actions.add(item.action_id)
        session.delete(item)
        counts["coding_history"] += 1
    session.flush()
    for action_id in actions:
        left = session.scalar(
            select(CodingActionItem.id).where(CodingActionItem.action_id == action_id).limit(1)
        )
        if left is None:
            session.execute(delete(CodingAction).where(CodingAction.id == action_id))
    resolutions = list(
        session.scalars(select(CodingResolution).where(CodingResolution.segment_id.in_(ids)))
    )
    memo_ids = {r.memo_id for r in resolutions}
    for resolution in resolutions:
        session.delete(resolution)
    counts["resolutions"] = len(resolutions)
    session.flush()
    counts["codings"] = _delete(session, Coding, Coding.segment_id.in_(ids))
    counts["memos"] = _delete(
        session,
        Memo,
        Memo.id.in_(memo_ids) | ((Memo.target_type == "segment") & Memo.target_id.in_(ids)),
    )
    counts["key_spans"] = _delete(session, PseudonymSpan, PseudonymSpan.segment_id.in_(ids))
    counts["assignments"] = _delete(session, NeedAssignment, NeedAssignment.segment_id.in_(ids))
    counts["assignments"] += _delete(session, TopicAssignment, TopicAssignment.segment_id.in_(ids))
    counts["evidence"] = _delete(
        session, RecommendationEvidence, RecommendationEvidence.segment_id.in_(ids)
    )
    for link in session.scalars(select(RecommendationNeed)):
        members = [m for m in link.members if m not in ids]
        if members != link.members:
            link.members = members
            counts["evidence"] += 1
    counts["quotes"] = drop_copies(session, texts, ids)
    # the text leaves its document (later statements move up), then the statements go
    for segment in sorted(segments, key=lambda s: (s.document_id, -s.start)):
        cut_segment(session, segment)
        session.flush()
    for segment in segments:
        session.delete(segment)
    session.flush()
    _forget_unused_keys(session, counts, erased=erased)


def _forget_unused_keys(
    session: Session,
    counts: dict[str, int],
    only: set[str] | None = None,
    erased: set[str] = frozenset(),
) -> None:
    """Delete key entries no remaining statement, speaker, memo, comment, code text, file
    name, title, heading or workshop name uses
    and, for a forgotten person, their participant-list names; with ``only``: of these
    placeholders, named by a token's comments, whose lists stay (see :func:`_forget_token`).
    A memo keeps the names its author wrote (an export pseudonymises it and puts a person
    named only there into the key): the entry of a person a memo names stays, or the next
    export would give them a new number — but not the person ``erased`` (forgotten as
    speaker at their request): their name leaves the key and the lists as before."""
    spans = session.execute(select(PseudonymSpan.original)).scalars()
    originals = {o.strip().lower() for o in spans}
    texts: list[str] = []
    for text, attributes, role in session.execute(
        select(Segment.text, Segment.attributes, Segment.speaker_role)
    ):
        texts += [text, json.dumps(attributes or {}, ensure_ascii=False), role or ""]
    memos = [text or "" for text in session.scalars(select(Memo.text))]
    texts += session.scalars(select(FeedbackAnswer.comment))  # participants' comments
    for description, example in session.execute(select(Code.description, Code.example)):
        texts += [description or "", example or ""]
    seen = {found for text in texts for found in _PERSON_PLACEHOLDER.findall(text or "")}
    # a memo's placeholder of the person forgotten (their name, replaced) keeps no entry,
    # nor do file names, titles, headings ("Interview_[Person 1].md"); another's does
    elsewhere = [*memos, *_labels(session)]
    seen |= {p for m in elsewhere for p in _PERSON_PLACEHOLDER.findall(m) if p not in erased}
    in_memos = _folded("\n".join(memos))
    memo_words = set(re.findall(r"\w+", in_memos))
    keep_person_numbers(session)
    for key in list(session.scalars(select(Pseudonym))):
        if only is not None and key.placeholder not in only:
            continue
        if _PERSON.fullmatch(key.placeholder):
            named = key.placeholder not in erased and _named(key, memo_words, in_memos)
            used = key.placeholder in seen or named
        else:
            used = key.normalised in originals
        if used:
            continue
        if key.kind == "person" and only is None:
            counts["listed_names"] += _delete(
                session, ListedName, ListedName.name == key.original.strip()
            )
        session.delete(key)
        counts["key_entries"] += 1


def _labels(session: Session) -> list[str]:
    """Where an import puts placeholders besides statements: file names, titles and texts
    of documents, workshop names, questions, source ids — of those that still have
    statements (a document whose statements are all forgotten keeps nobody in the key)."""
    labels: list[str] = []
    kept = select(Segment.document_id)
    documents = select(Document.filename, Document.title, Document.text)
    for row in session.execute(documents.where(Document.id.in_(kept))):
        labels += [value or "" for value in row]
    labels += session.scalars(
        select(Workshop.name).where(Workshop.id.in_(select(Segment.workshop_id)))
    )
    for row in session.execute(select(Segment.question, Segment.source_id).distinct()):
        labels += [value or "" for value in row]
    return labels


def _forget_in_memos(
    session: Session, erased: set[str], ordinary: Callable[[str], bool] = lambda _: False
) -> int:
    """Replace the names of the key's entries for ``erased`` in every memo by their
    placeholder ("Rücksprache mit Frau Schmidt" → "… mit [Person 3]"); return how many
    memos changed. The surname alone is replaced unless another person of the key has it,
    only capitalised, and if it is a word of the language (``ordinary``: "Kurz", "Koch")
    only after a form of address."""
    entries = [
        key
        for key in session.scalars(select(Pseudonym).where(Pseudonym.kind == "person"))
        if key.placeholder in erased and _PERSON.fullmatch(key.placeholder)
    ]
    if not entries:
        return 0
    others = {
        _plain(person_key(key.original))
        for key in session.scalars(select(Pseudonym).where(Pseudonym.kind == "person"))
        if key.placeholder not in erased
    }
    names: dict[str, str] = {}  # name as written (folded) → placeholder
    for key in entries:
        for name in (key.original, key.normalised.removesuffix(" ?")):
            words = [w for w in name.split() if w.casefold() not in _TITLES]
            if not words:
                continue
            names.setdefault(_folded(" ".join(words)), key.placeholder)
            surname = _folded(person_key(" ".join(words)))
            if surname and _plain(surname) not in others:
                names.setdefault(surname, key.placeholder)
    # a name the key writes in lower case ("claudia_h", a user name) is matched in any case
    lower = {_folded(w) for key in entries for w in key.original.split() if not w[:1].isupper()}
    titles = "|".join(re.escape(t) for t in sorted(_TITLES, key=len, reverse=True))
    changed = 0
    for memo in session.scalars(select(Memo).order_by(Memo.id)):
        text = unicodedata.normalize("NFC", memo.text or "")
        new = text
        for name in sorted(names, key=len, reverse=True):  # "Anna Schmidt" before "Schmidt"
            words = r"\s+".join(re.escape(w) for w in name.split())
            if " " not in name and name not in lower:  # one word alone ("Kurz gesagt"):
                # capitalised, and a word of the language only after a form of address
                words = rf"(?-i:{re.escape(name[:1].upper())}){re.escape(name[1:])}"
                if ordinary(name):
                    words = rf"(?:{titles})\s+{words}"
            pattern = rf"(?<!\w)(?:(?:{titles})\s+)*{words}(?=s?(?!\w))"
            new = re.sub(pattern, names[name], new, flags=re.IGNORECASE)
        if new != text:
            memo.text = new
            changed += 1
    session.flush()
    return changed


def forget_memo_names(session: Session, old_text: str) -> int:
    """After a memo was edited or deleted: delete the key entries of the persons its
    ``old_text`` named that nothing else names any more (an export had put them into the
    key); their names stay on participant lists. Returns how many entries went."""
    words = set(re.findall(r"\w+", _folded(old_text)))
    people = session.scalars(select(Pseudonym).where(Pseudonym.kind == "person"))
    named = {k.placeholder for k in people if _named(k, words, _folded(old_text))}
    named |= set(_PERSON_PLACEHOLDER.findall(old_text))
    counts = dict.fromkeys(LABELS, 0)
    if named:
        _forget_unused_keys(session, counts, named)
    return counts["key_entries"]


def _folded(text: str) -> str:
    """A text as names are compared: composed, in lower case."""
    return unicodedata.normalize("NFC", text).lower()


def _named(key: Pseudonym, words: set[str], text: str) -> bool:
    """Whether memos (their ``words``, their folded ``text``) name the key's person: by
    the key's name ("wieczorek" in "Rückfrage bei Herrn Wieczorek") or in full."""
    for name in (_folded(key.normalised), _folded(key.original.strip())):
        parts = re.findall(r"\w+", name)  # its last word not in memos: nothing to look for
        if (
            parts
            and parts[-1] in words
            and (len(parts) == 1 or re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text))
        ):
            return True
    return False


def _forget_token(session: Session, token: str, report: ErasureReport) -> None:
    record = session.scalar(  # locked: a participant saving with it waits, then is refused
        select(FeedbackToken).where(FeedbackToken.token_hash == token_hash(token)).with_for_update()
    )
    if record is None:
        raise WorkbenchError("Diesen Zugangscode gibt es nicht.")
    comments = session.scalars(
        select(FeedbackAnswer.comment).where(FeedbackAnswer.token_id == record.id)
    ).all()
    report.counts["answers"] = _delete(
        session, FeedbackAnswer, FeedbackAnswer.token_id == record.id
    )
    session.delete(record)
    report.counts["tokens"] = 1
    session.flush()
    named = {p for c in comments for p in _PERSON_PLACEHOLDER.findall(c)}
    # A person only its comments named leaves the key; a workshop's participant list
    # keeps them: they are not the one forgotten, and without the list a later protocol
    # of the workshop would keep their name in clear.
    if named:
        _forget_unused_keys(session, report.counts, named)


def _delete(session: Session, model: type, condition: object) -> int:
    """Delete the rows of ``model`` matching ``condition``; return how many."""
    rows = list(session.scalars(select(model).where(condition)))
    for row in rows:
        session.delete(row)
    session.flush()
    return len(rows)
