"""Stored statements read again when an import learns a name they still show.

Within one file the writer reads again what came before a newly learned name
(:mod:`workbench.ingest.key_growth`). An earlier file of the same folder, an earlier
source of the same REFI-QDA project or an earlier import of the project is already
stored: "Becker hat recht." in a.md stays in clear when b.md later says "Herr Jens
Becker kommt.". :func:`reread_stored` reads each stored statement that still shows a
word of a name learned since a point of the import again, from its original (the text
with the key's spans put back), and replaces there only the learned names the grown
key now finds — everything else of the statement stays as stored. It runs inside the
import's transaction, so an import that fails changes nothing; one that learns no name
reads nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.ingest.key_growth import either, learned_words, shows
from workbench.ingest.long_names import fitted_label, shortened_filename
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.stored_texts import reread_texts
from workbench.ingest.thing_names import pseudonymise_name
from workbench.store import Document, ListedName, PseudonymSpan, Segment
from workbench.store.downloads import DOWNLOAD_NAMES
from workbench.store.schema import MAX_QUESTION, MAX_ROLE
from workbench.store.text_edits import SEPARATOR, Edit, edit_segments


def reread_notice(statements: int) -> str:
    """The notice of an import that replaced a name it learned in ``statements`` stored ones."""
    said = (
        "einer früher gespeicherten Aussage"
        if statements == 1
        else f"{statements} früher gespeicherten Aussagen"
    )
    # not "zur Prüfung: workbench pseudonyms review": a name the key knows for certain
    # never stands in that queue, which then said "Keine offenen Namenskandidaten."
    return (
        f"Ein Name, den dieser Import gelernt hat, ist jetzt auch in {said} ersetzt. "
        "War dort niemand gemeint: workbench pseudonyms reject WORT setzt das Wort "
        "wieder ein, wo es allein ersetzt wurde."
    )


def reread_stored(
    session: Session,
    key: Pseudonymiser,
    since: int,
    read: Mapping[int, int] | None = None,
    listed: re.Pattern[str] | None = None,
) -> list[str]:
    """Replace the names the key learned after its first ``since`` entries where stored
    statements still show them; return the old texts of the statements changed.

    ``read`` maps a document of this import to the key's size it was already read
    with (the writer reads a file again for the names it learns itself); ``listed`` is
    a pattern of the surnames this import's name lists brought (another workshop's
    "Ich stimme Becker zu."), read again in every stored statement.
    """
    read = read or {}
    patterns = {
        size: either(learned_words(key.known, key.originals, size), listed)
        for size in {since, *read.values()}
    }
    if patterns[since] is None:
        return []
    # in Python, not with LIKE: SQLite folds only ASCII ("Özdemir", "ÖZDEMIR")
    rows = session.execute(
        select(Segment.id, Segment.document_id, Segment.text).order_by(Segment.id)
    ).tuples()
    showing = []
    for segment_id, document_id, text in rows:
        learned = patterns[read.get(document_id, since)]
        if learned is not None and learned.search(text):
            showing.append((segment_id, learned))
    names: dict[int, list[str]] = {}
    changes: list[tuple[Segment, list[Edit]]] = []
    for chunk in range(0, len(showing), 500):
        part = showing[chunk : chunk + 500]
        ids = [segment_id for segment_id, _ in part]
        segments = {s.id: s for s in session.scalars(select(Segment).where(Segment.id.in_(ids)))}
        spans: dict[int, list[PseudonymSpan]] = {segment_id: [] for segment_id in ids}
        in_part = select(PseudonymSpan).where(PseudonymSpan.segment_id.in_(ids))
        for span in session.scalars(in_part.order_by(PseudonymSpan.start)):
            spans[span.segment_id].append(span)
        for segment_id, learned in part:
            segment = segments[segment_id]
            if segment.workshop_id not in names:
                listed = select(ListedName.name).where(
                    ListedName.workshop_id == segment.workshop_id
                )
                names[segment.workshop_id] = sorted(session.scalars(listed))
            found = spans[segment_id]
            edits = _edits(key, segment.text, found, names[segment.workshop_id], learned)
            if edits:
                changes.append((segment, edits))
    old = edit_segments(session, changes) if changes else []
    session.flush()
    _relabel(session, key, patterns, since, read, names)
    reread_texts(session, key, patterns[since])  # workshop names, attributes, recommendations …
    return old


def _relabel(
    session: Session,
    key: Pseudonymiser,
    patterns: Mapping[int, re.Pattern[str] | None],
    since: int,
    read: Mapping[int, int],
    names: dict[int, list[str]],
) -> None:
    """The guiding questions and speaker roles of stored statements and the file names and
    titles of stored documents that still show a learned name, pseudonymised again like
    a name of a thing; a question also where it stands as a heading in its document."""
    rows = session.execute(
        select(Segment.id, Segment.document_id, Segment.question, Segment.speaker_role)
    ).tuples()
    showing = [
        segment_id
        for segment_id, document_id, question, role in rows
        if shows(patterns[read.get(document_id, since)], [question, role])
    ]
    asked: dict[int, dict[str, str]] = {}  # document → question as stored → as now
    for segment in session.scalars(select(Segment).where(Segment.id.in_(showing))):
        if segment.workshop_id not in names:
            listed = select(ListedName.name).where(ListedName.workshop_id == segment.workshop_id)
            names[segment.workshop_id] = sorted(session.scalars(listed))
        listed_here = names[segment.workshop_id]
        if segment.speaker_role:
            role = pseudonymise_name(key, segment.speaker_role, listed_here)
            segment.speaker_role = fitted_label(role, MAX_ROLE)
        if segment.question:
            question = pseudonymise_name(key, segment.question, listed_here)
            question = fitted_label(question, MAX_QUESTION)
            if question != segment.question:
                asked.setdefault(segment.document_id, {})[segment.question] = question
                segment.question = question
    for document_id, changed in asked.items():
        _replace_headings(session, document_id, changed)
    documents = select(Document.id, Document.filename, Document.title, Document.options)
    for document_id, filename, title, options in session.execute(documents).tuples().all():
        later = dict((options or {}).get(DOWNLOAD_NAMES) or {})  # re-downloads' file names
        named = [re.sub(r"[_.]", " ", n) for n in (filename, *later.values())]  # "a_Wischnewski.md"
        if shows(patterns[read.get(document_id, since)], [*named, title]):
            document = session.get(Document, document_id)  # "Interview_Wischnewski.md"
            listed = select(ListedName.name).where(ListedName.workshop_id == document.workshop_id)
            listed_here = sorted(session.scalars(listed))
            document.filename = _file_name(key, filename, listed_here)
            document.title = pseudonymise_name(key, title, listed_here) if title else title
            if later:
                names = {h: _file_name(key, name, listed_here) for h, name in later.items()}
                document.options = {**document.options, DOWNLOAD_NAMES: names}
    session.flush()


def _file_name(key: Pseudonymiser, filename: str, listed: Sequence[str]) -> str:
    """A stored file name pseudonymised again like a name of a thing, cut to fit."""
    return shortened_filename(pseudonymise_name(key, filename, listed))


def _replace_headings(session: Session, document_id: int, changed: Mapping[str, str]) -> None:
    """Replace the headings ``changed`` (old → new) between the statements of a document
    (each on its own, between blank lines), moving the statements after them."""
    document = session.get(Document, document_id)
    segments = session.scalars(
        select(Segment).where(Segment.document_id == document_id).order_by(Segment.start)
    ).all()
    if any(document.text[s.start : s.end] != s.text for s in segments):
        return  # offsets off (an old project): the statements' own text is what counts
    parts: list[str] = []
    cursor = delta = 0
    for segment in segments:
        start, end = segment.start, segment.end
        gap = document.text[cursor:start]
        new_gap = SEPARATOR.join(changed.get(line, line) for line in gap.split(SEPARATOR))
        delta += len(new_gap) - len(gap)
        parts += [new_gap, segment.text]
        cursor = end
        segment.start, segment.end = start + delta, end + delta
    parts.append(document.text[cursor:])
    document.text = "".join(parts)


def _edits(
    key: Pseudonymiser,
    stored: str,
    spans: Sequence[PseudonymSpan],
    names: Sequence[str],
    learned: re.Pattern[str],
) -> list[Edit]:
    """The edits of ``stored`` that replace the learned names the key finds in its original."""
    # the original, and where each stored span stands in it
    parts, cursor, placed = [], 0, []  # placed: (original start, end, shift after it)
    shift = 0
    for span in spans:
        parts.append(stored[cursor : span.start])
        start = span.start - shift
        parts.append(span.original)
        shift += (span.end - span.start) - len(span.original)
        placed.append((start, start + len(span.original), shift))
        cursor = span.end
    parts.append(stored[cursor:])
    original = "".join(parts)
    _, replacements = key.pseudonymise(original, names)
    edits, grown = [], 0  # grown: how much the new text is longer than the original so far
    for r in replacements:
        start = r.start - grown
        end = start + len(r.original)
        grown += len(r.placeholder) - len(r.original)
        if r.kind != "person" or not learned.search(r.original):
            continue
        if any(a < end and start < b for a, b, _ in placed):
            continue  # already replaced there (perhaps as a shorter span): left as stored
        moved = next((s for _, b, s in reversed(placed) if b <= start), 0)
        a, b = start + moved, end + moved
        if stored[a:b] == r.original:
            edits.append(Edit(a, b, r.placeholder, r.original))
    return edits
