"""Right to erasure (DSGVO Art. 17): forget statements and everything derived from them.

:func:`forget` takes statements by id, by source id (optionally within one file), by
speaker placeholder (``[Person 3]``, or the speaker's name as the key knows it) or a
participation token, and removes in one transaction:

- the statements and their text in the document's text,
- codings, the coding history's entries and resolutions on them (with their memos),
  memos on the statements,
- the pseudonym key's spans and the key entries no other statement (nor memo, comment,
  code text, recommendation or its status step) uses any more (a
  forgotten person's number is never given again), and matching participant-list names,
- for a person forgotten as speaker, their name in memos (replaced by their placeholder:
  an export would otherwise put them back into the key), in recommendations (their
  actors and status steps, which earlier releases stored as typed) and as the author of
  memos, recommendations and need edits and as a coder
  (:mod:`workbench.store.erasure_authors`),
- need and topic assignments (a need cluster or topic left without any goes from its run),
  the statements' quotes in stored need runs and feedback
  items, the keywords and generated labels of their clusters, topics and rating cards
  that only they said, and the districts only they came from
  (:mod:`workbench.store.erasure_words`), recommendation evidence and need links,
- a token's feedback answers and the token (and key entries only its comments used),
- for a person (``person``: spoken or only named, in a file name or others' statements):
  what a speaker's erasure removes, and their key entries and name spans even where other
  texts keep the placeholder (a note names those texts by id),

then the cached embeddings of the texts. On SQLite, deleted text is zeroed in the file
(``secure_delete``, see :mod:`workbench.store.schema`) and the write-ahead log is
emptied, so that a copy of the file holds nothing of it. An audit entry records what
kind of request it was, who made it and the counts — never content; for a person, the
ids of the statements kept whose memos or codings lost the name, and of the
recommendations that did (an open page reloads only if it shows them).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from workbench.core.domain import WorkbenchError
from workbench.core.word_caches import forget_key, forgets_words, mark_forgotten
from workbench.store.analysis_tables import NeedAssignment, TopicAssignment
from workbench.store.coding_tables import CodingAction, CodingActionItem, CodingResolution
from workbench.store.downloads import downloads, file_names, shown_name
from workbench.store.erased_rows import remember_erased
from workbench.store.erasure_authors import forget_authors, forget_coder_names
from workbench.store.erasure_contacts import forget_person_contacts
from workbench.store.erasure_keys import (
    PERSON_PLACEHOLDER,
    delete_rows,
    forget_in_memos,
    forget_in_recommendations,
    forget_person_keys,
    forget_unused_keys,
)
from workbench.store.erasure_labels import forget_quoting_names, need_names, renamed_needs
from workbench.store.erasure_names import (
    not_speaking,
    people_in,
    shared_before,
    speaker_placeholders,
)
from workbench.store.erasure_notes import left_behind, quoted, still_named
from workbench.store.erasure_words import forget_words
from workbench.store.participation_tables import FeedbackAnswer, FeedbackToken
from workbench.store.privacy_tables import ErasureEntry
from workbench.store.project_store import ProjectStore
from workbench.store.schema import (
    Coding,
    Document,
    Memo,
    Pseudonym,
    PseudonymSpan,
    Segment,
    flush_log,
)
from workbench.store.synthesis_tables import RecommendationEvidence, RecommendationNeed
from workbench.store.text_edits import cut_segments, drop_copies, purge_cache

LABELS = {
    "statements": "Aussagen",
    "codings": "Kodierungen",
    "coding_history": "Einträge im Kodierverlauf",
    "resolutions": "Entscheidungen zu Abweichungen",
    "memos": "Memos",
    "memo_names": "Memos, in denen der Name durch den Platzhalter ersetzt wurde",
    "recommendation_names": "Empfehlungen, in denen der Name durch den Platzhalter ersetzt wurde",
    "author_names": "Memos, Empfehlungen und Änderungen an Bedarfsclustern, deren Autor*in "
    "durch den Platzhalter ersetzt wurde",
    "coder_names": "Kodierende, deren Name an ihren Kodierungen durch den Platzhalter "
    "ersetzt wurde",
    "key_spans": "Stellen im Pseudonymschlüssel",
    "key_entries": "Einträge im Pseudonymschlüssel",
    "contact_entries": "E-Mail-Adressen und Profile der Person im Pseudonymschlüssel "
    "(der Platzhalter bleibt im Text)",
    "contact_entries_shared": "E-Mail-Adressen und Profile, die auch zu einer anderen Person "
    "passen: bleiben im Pseudonymschlüssel (dort prüfen, wessen sie sind)",
    "listed_names": "Namen auf Teilnehmendenlisten",
    "assignments": "Zuordnungen zu Bedarfen und Themen",
    "emptied": "Bedarfe und Themen ohne übrige Aussage (aus ihrem Lauf entfernt)",
    "quotes": "Zitate in Bedarfsläufen und Rückmelde-Einträgen",
    "need_names": "Bedarfsnamen des Teams, die eine gelöschte Aussage zitierten",
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
    need_runs: list[int] = field(default_factory=list)  # need runs that lost statements
    # [need run, cluster] whose name changed or that left its run (open maps reload)
    renamed_needs: list[list[int]] = field(default_factory=list)
    # for a person or speaker: the statements (kept) whose memos or codings now carry
    # the placeholder instead of the name, and the recommendations rewritten so
    rewritten: list[int] = field(default_factory=list)
    recommendations: list[int] = field(default_factory=list)
    # lines of ``rescope``: needs whose scope changed, runs left as they were
    rescoped: list[str] = field(default_factory=list)
    rescope_left: list[str] = field(default_factory=list)

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
    wanted = [int(i) for i in statements]
    found: dict[int, Segment] = {}
    for start in range(0, len(wanted), 500):  # one query per 500, not one per statement
        chunk = wanted[start : start + 500]
        found.update(
            (s.id, s) for s in session.scalars(select(Segment).where(Segment.id.in_(chunk)))
        )
    for statement_id in wanted:
        if statement_id not in found:
            raise WorkbenchError(f"Aussage {statement_id} gibt es nicht.")
    if source is not None:
        found.update({segment.id: segment for segment in _by_source(session, source, document)})
    if speaker is not None:
        placeholders = speaker_placeholders(session, speaker)
        matched = spoken_by(session, placeholders)
        if not matched:
            shared = shared_before(session, speaker, placeholders)
            raise WorkbenchError(" ".join([not_speaking(session, speaker, placeholders), *shared]))
        found.update({segment.id: segment for segment in matched})
    return sorted(found.values(), key=lambda s: s.id)


def _by_source(session: Session, source: str, document: str | None) -> list[Segment]:
    """The statement of row ``source`` in the document named ``document`` (any of its
    stored file names: a grown export's later downloads too); raises with a German message
    if the name is unknown, or the row is in none or in several documents."""
    if document is not None:
        stored = session.execute(select(Document.filename, Document.sha256, Document.options))
        known = [downloads(*names) for names in stored.tuples()]
        if not any(document in {f.filename for f in got} for got in known):
            unnamed = {str(got[0].filename) for got in known if any(not f.filename for f in got)}
            raise WorkbenchError(
                f"Eine Datei {document} gibt es im Projekt nicht (auch nicht als späteren "
                "Download eines Exports): nichts gelöscht. Den Namen wie beim Import angeben "
                "oder wie im Export (Spalte document)."
                if not unnamed
                else f"Eine Datei {document} kennt das Projekt nicht: nichts gelöscht. Die "
                "Namen späterer Downloads von "
                f"{', '.join(sorted(unnamed))} sind nicht gespeichert (ältere Importe); "
                "ist die Datei ein solcher Download, den ersten Namen angeben (Spalte "
                "document im Export)."
            )
    query = select(Segment, Document).join(Document).where(Segment.source_id == source)
    rows = [
        (segment, file)
        for segment, file in session.execute(query.order_by(Segment.id)).tuples()
        if document is None or document in file_names(file.filename, file.sha256, file.options)
    ]
    if not rows:
        where = f" in {document}" if document else ""
        raise WorkbenchError(f"Keine Aussage mit der Quellen-ID {source}{where}.")
    files = sorted({shown_name(f.filename, f.sha256, f.options) for _, f in rows})
    if len(files) > 1 and document is None:
        raise WorkbenchError(
            f"Quellen-ID {source} gibt es in mehreren Dateien ({', '.join(files)}): "
            "bitte mit --document DATEI eine wählen."
        )
    if len({segment.document_id for segment, _ in rows}) > 1:  # two files of one name
        numbers = " ".join(str(segment.id) for segment, _ in rows)
        named = document or files[0]
        listed = f"{', '.join(files)}; " if files != [named] else ""
        raise WorkbenchError(
            f"Quellen-ID {source} gibt es in mehreren Dokumenten namens {named} "
            f"({listed}Aussagen {numbers}): bitte die gemeinte mit --statement NR wählen."
        )
    return [segment for segment, _ in rows]


def spoken_by(session: Session, placeholders: set[str]) -> list[Segment]:
    """The statements whose speaker is one of ``placeholders``."""
    return [
        segment
        for segment in session.scalars(select(Segment).order_by(Segment.id))
        if segment.speaker_role in placeholders
        or (segment.attributes or {}).get("speaker") in placeholders
    ]


def person_placeholders(session: Session, person: str) -> set[str]:
    """The key's placeholders of a ``--person`` (a name or a placeholder); raises with a
    German message (without the name) if the key knows none."""
    keyed = set(session.scalars(select(Pseudonym.placeholder).where(Pseudonym.kind == "person")))
    found = speaker_placeholders(session, person) & keyed
    if not found:
        raise WorkbenchError(
            "Diese Person kennt der Pseudonymschlüssel nicht (weder unter diesem Namen noch "
            "als Platzhalter wie '[Person 3]'); nichts gelöscht. Den Namen so angeben, wie "
            "er importiert wurde, oder den Platzhalter aus workbench export --originals."
        )
    return found


@forgets_words  # no participant's word stays in a module's cache
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
    person: str | None = None,
    rescope: Callable[[Session, list[int]], tuple[list[str], list[str]]] | None = None,
) -> ErasureReport:
    """Remove what a request names and everything derived from it; see the module doc.

    ``ordinary``: whether a (lower-case) word is one of the language, not only a name
    (:func:`workbench.ingest.name_known.ordinary_word`): alone in a memo it stays.
    ``person``: a person, spoken or only named (a file name, others' statements): their
    statements as speaker go as with ``speaker``, and their key entries go even where
    other texts keep their placeholder (the notes name those texts).
    ``rescope(session, need_runs)``: decides the scope of the need runs that lost
    statements again (:func:`workbench.analysis.need_rescope.rescope_in`, which the store
    cannot import), in the same transaction: an open page that reads after the forget
    mark changed sees the scope as it is now (decision 020, Nachtrag Runde 48)."""
    if document and not source:
        raise WorkbenchError(
            "--document gilt nur zusammen mit --source ID: es wählt die Datei, in der die "
            "Quellen-ID gemeint ist."
        )
    if speaker is not None and person is not None:
        raise WorkbenchError(
            "--speaker und --person nicht zusammen angeben: --person löscht auch die "
            "Aussagen der Person."
        )
    if not (statements or source or speaker or token or person):
        raise WorkbenchError(
            "Nichts angegeben: Aussage, Quellen-ID, Sprecher*in, Person oder Zugangscode."
        )
    report = ErasureReport(dry_run=dry_run)
    texts: list[str] = []
    try:
        # Exclusive: an import waits until the key entries are gone (or forget until its
        # statements are stored, and erases them too) instead of reusing an entry this
        # erasure deletes. Coders take no such lock; their codings of these statements
        # wait for the rows locked here (PostgreSQL; SQLite lets one writer in at a time).
        with store.transaction(exclusive=True) as session:
            segments, erased = [], set()  # erased: the placeholders of the speaker forgotten
            renamed: set[int] = set()  # memos whose text lost the person's name
            authored: set[int] = set()  # memos whose author was the person, by full name
            coded: set[int] = set()  # statements whose codings the person made, by name
            recommended: set[int] = set()  # recommendations that named the person
            if statements or source or speaker:
                segments = select_statements(session, statements, source, document, speaker)
            if person is not None:
                erased = person_placeholders(session, person)
                ids = {s.id for s in segments}
                segments += [s for s in spoken_by(session, erased) if s.id not in ids]
            who = speaker if speaker is not None else person
            if who is not None:
                erased |= speaker_placeholders(session, who)
                report.notes = shared_before(session, who, erased)
                forget_in_memos(session, erased, ordinary, renamed)
                # actors and status steps an earlier release stored as typed
                report.counts["recommendation_names"] = forget_in_recommendations(
                    session, erased, ordinary, recommended
                )
                # the person as author: her name would otherwise outlive her key entry
                authored, report.counts["author_names"] = forget_authors(
                    session, erased, recommended
                )
                report.counts["coder_names"], coders = forget_coder_names(session, erased, coded)
                report.notes += coders
                ids = [s.id for s in segments]
                session.execute(select(Segment.id).where(Segment.id.in_(ids)).with_for_update())
            texts = [s.text for s in segments]
            named = {p for s in segments for p in people_in(s)}  # persons the texts named
            _forget_statements(session, segments, report, erased)
            if who is not None:  # the memos still there (one on an erased statement is gone)
                memos = select(func.count(Memo.id)).where(Memo.id.in_(renamed))
                report.counts["memo_names"] = session.scalar(memos) or 0
                memos = select(func.count(Memo.id)).where(Memo.id.in_(authored))
                report.counts["author_names"] += session.scalar(memos) or 0
                report.rewritten = _rewritten(session, renamed | authored, coded)
                report.recommendations = sorted(recommended)
            if token is not None:
                named |= _forget_token(session, token, report)
            if person is not None:
                forget_person_contacts(session, erased, report.counts)
                forget_person_keys(session, erased, report.counts)
                report.notes += left_behind(session, erased)
            else:
                report.notes += still_named(session, erased)
                report.notes += still_named(session, named - erased, erased_person=False)
            report.notes += quoted(session, texts)
            if dry_run:
                raise _DryRun
            if rescope is not None and report.need_runs:
                report.rescoped, report.rescope_left = rescope(session, report.need_runs)
            asked = {"speaker": speaker, "person": person, "token": token}
            _audit(session, report, actor, segments, statements, source, document, asked)
    except _DryRun:  # the transaction was rolled back: nothing changed
        report.counts["cached_vectors"] = purge_cache(store.path / "cache", texts, dry_run=True)
        return report
    report.counts["cached_vectors"] = purge_cache(store.path / "cache", texts)
    forget_key(store.path)  # a kept key (the comments' pseudonymiser) knew the person
    if not mark_forgotten(store.path):  # the form server in another process drops its key
        report.notes.append(
            "Hinweis: Im Projektordner ließ sich die Datei .forget-mark nicht schreiben. "
            "Ein Beteiligungsformular oder eine App, die gerade in einem anderen Prozess "
            "läuft, verwirft den Pseudonymschlüssel erst, wenn er 5 Minuten nicht benutzt "
            "wurde, oder beim nächsten Kommentar."
        )
    if not flush_log(store.engine):  # the file's old pages and the log held the texts
        report.notes.append(
            "Hinweis: Eine andere Sitzung (App, Notebook) las gerade aus dem Projekt; bis "
            "alle Sitzungen geschlossen sind, kann die Datei werkbank.sqlite-wal neben der "
            "Datenbank die gelöschten Texte noch enthalten. Vor dem Kopieren oder Sichern "
            "der Datenbank alle Sitzungen schließen."
        )
    return report


def _rewritten(session: Session, memos: set[int], coded: set[int]) -> list[int]:
    """The statements still there whose memos (``memos``, by id) or codings (``coded``,
    statement ids) a person's erasure rewrote: ids only, for the erasure log."""
    on_statements = select(Memo.target_id).where(
        Memo.id.in_(memos) & (Memo.target_type == "segment")
    )
    ids = {int(i) for i in session.scalars(on_statements)} | coded
    if not ids:
        return []
    kept = set(session.scalars(select(Segment.id)))  # no IN of a coder's every statement
    return sorted(ids & kept)


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
    asked: dict[str, str | None],
) -> None:
    """Record the request without content: ids, a placeholder, a hash prefix, counts."""
    selector = {
        "statements": [s.id for s in segments],
        "source": source or "",
        "document": document or "",
        **{
            field: who if who and who.startswith("[") else ("…" if who else "")
            for field, who in asked.items()
            if field != "token" and (field != "person" or who)
        },
        "token": token_hash(asked["token"])[:8] if asked["token"] else "",
        "need_labels": report.renamed_needs,  # [run, cluster]: a name an open map shows
        # a person's: statements kept whose memos or codings lost the name, and the
        # recommendations that did (ids: an open page reloads only if it shows them)
        "rewritten": report.rewritten,
        "recommendations": report.recommendations,
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
    remember_erased(session, segments)  # a later download of their export keeps them out
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
    counts["codings"] = delete_rows(session, Coding, Coding.segment_id.in_(ids))
    counts["memos"] = delete_rows(
        session,
        Memo,
        Memo.id.in_(memo_ids) | ((Memo.target_type == "segment") & Memo.target_id.in_(ids)),
    )
    counts["key_spans"] = delete_rows(session, PseudonymSpan, PseudonymSpan.segment_id.in_(ids))
    names = need_names(session)  # which clusters' names change below (ids for the log)
    counts["emptied"] = forget_words(session, ids)  # their clusters' words, before assignments
    report.need_runs = sorted(  # their scope is the analysis' to decide again (need_rescope)
        set(
            session.scalars(select(NeedAssignment.run_id).where(NeedAssignment.segment_id.in_(ids)))
        )
    )
    counts["assignments"] = delete_rows(session, NeedAssignment, NeedAssignment.segment_id.in_(ids))
    counts["assignments"] += delete_rows(
        session, TopicAssignment, TopicAssignment.segment_id.in_(ids)
    )
    counts["evidence"] = delete_rows(
        session, RecommendationEvidence, RecommendationEvidence.segment_id.in_(ids)
    )
    for link in session.scalars(select(RecommendationNeed)):
        members = [m for m in link.members if m not in ids]
        if members != link.members:
            link.members = members
            counts["evidence"] += 1
    counts["quotes"] = drop_copies(session, texts, ids)
    counts["need_names"] = forget_quoting_names(session, texts)  # the edit log replays them
    report.renamed_needs = renamed_needs(names, need_names(session))
    # the text leaves its document (later statements move up), then the statements go
    cut_segments(session, segments)
    for segment in segments:
        session.delete(segment)
    session.flush()
    forget_unused_keys(session, counts, erased=erased)


def _forget_token(session: Session, token: str, report: ErasureReport) -> set[str]:
    """Remove a token and its answers; return the placeholders its comments named."""
    record = session.scalar(  # locked: a participant saving with it waits, then is refused
        select(FeedbackToken).where(FeedbackToken.token_hash == token_hash(token)).with_for_update()
    )
    if record is None:
        raise WorkbenchError("Diesen Zugangscode gibt es nicht.")
    comments = session.scalars(
        select(FeedbackAnswer.comment).where(FeedbackAnswer.token_id == record.id)
    ).all()
    report.counts["answers"] = delete_rows(
        session, FeedbackAnswer, FeedbackAnswer.token_id == record.id
    )
    session.delete(record)
    report.counts["tokens"] = 1
    session.flush()
    named = {p for c in comments for p in PERSON_PLACEHOLDER.findall(c)}
    # A person only its comments named leaves the key; a workshop's participant list
    # keeps them: they are not the one forgotten, and without the list a later protocol
    # of the workshop would keep their name in clear.
    if named:
        forget_unused_keys(session, report.counts, named)
    return named
