"""The review queue: uncertain name candidates for a researcher to confirm or reject.

:func:`review_queue` runs the detector over the statements as imported (originals from
the key) and lists the uncertain person candidates — a capitalised word after a cue, a
first name that is also a word — that no researcher has decided on yet, each with the
number of statements and a short masked context (cue words, roles and ordinary nouns;
names and everything else masked). Candidates above the replacement threshold are
already replaced; the others are still in the text until someone confirms them.

:func:`decide` stores a decision with the key (``pseudonym_decisions``); later imports
apply it (:meth:`Pseudonymiser.configure`), and it is applied to the stored statements
at once: a confirmed word becomes a placeholder wherever it still stands, a rejected
one is put back where it was replaced.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.domain import WorkbenchError
from workbench.core.word_caches import forgets_words
from workbench.ingest import name_lists as lists
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.names import tokens
from workbench.ingest.noun_lexicon import is_german_noun, is_person_name, is_place_name
from workbench.ingest.pseudonymise import Pseudonymiser, listed_names
from workbench.store import (
    ProjectStore,
    Pseudonym,
    PseudonymDecision,
    PseudonymSpan,
    Segment,
)
from workbench.store.privacy_tables import MAX_WORD, keep_person_numbers
from workbench.store.text_edits import Edit, edit_segments, purge_cache

MASK = "…"
_KEEP = (
    lists.STRONG_CUES | lists.LABEL_CUES | lists.WEAK_CUES | lists.PAIR_CUES | lists.TITLES
) | lists.ROLE_WORDS


@dataclass(frozen=True)
class ReviewItem:
    """One undecided candidate word, over all statements it occurs in."""

    id: str  # short, stable: the first characters of the folded word's hash
    word: str
    confidence: float  # the highest over its occurrences
    replaced: bool  # already replaced in the stored statements
    statements: int
    context: str  # e.g. "Kontakt: ⟨Tobias⟩" — other words masked


def candidate_id(word: str) -> str:
    """The short id of a candidate word (stable across runs)."""
    return hashlib.sha1(fold(word).encode("utf-8")).hexdigest()[:6]


def masked_context(
    text: str, start: int, end: int, words: int = 3, hidden: Iterable[tuple[int, int]] = ()
) -> str:
    """Up to ``words`` words before the candidate (a run of masked words counts as one), all
    but cue words, roles, lower-case words and ordinary nouns masked, and always the
    ``hidden`` spans (personal data found in ``text``: "danke kwame")."""
    before = [t for t in tokens(text[:start]) if t.end <= start]
    hidden = list(hidden)
    shown: list[str] = []
    for tok in reversed(before):
        keep = tok.folded in _KEEP or tok.text.islower() or _role(tok.folded) or _noun(tok.text)
        keep = keep and not any(a < tok.end and tok.start < b for a, b in hidden)
        if keep or not shown or shown[-1] != MASK:
            if len(shown) == words:
                break
            shown.append(tok.text if keep else MASK)
    gap = text[before[-1].end : start] if before else ""
    punctuation = ":" if ":" in gap else ""
    prefix = " ".join(reversed(shown)) + punctuation
    return f"{prefix} ⟨{text[start:end]}⟩".strip()


def _role(folded: str) -> bool:
    return folded in lists.ROLE_WORDS or any(folded.endswith(s) for s in lists.ROLE_SUFFIXES)


def _noun(word: str) -> bool:
    """An ordinary German noun ("Telefonketten", "Spielplatz") that names no one: not a
    first name or surname too ("Koch", "Licht", "Becker"), no place."""
    folded = fold(word)
    if not is_german_noun(folded) or is_place_name(folded) or is_person_name(folded):
        return False
    if folded in lists.WORD_SURNAMES or folded in lists.NOT_FIRST:
        return False
    names = gazetteer()
    return not (names.has_first(word) or names.has_last(word))


def review_queue(store: ProjectStore) -> list[ReviewItem]:
    """The undecided uncertain candidates, most frequent first."""
    with store.session() as session:
        pseudonymiser = Pseudonymiser.of_project(session)
        names = listed_names(session)
    decided = set(pseudonymiser.confirmed) | set(pseudonymiser.rejected)
    found: dict[str, dict] = {}
    for written in store.original_texts().values():
        text = unicodedata.normalize("NFC", written)  # from a Mac: words end at no mark
        # what the import replaced, listed names too, is never shown in a context
        found_here = [(hit.start, hit.end) for hit in pseudonymiser.detect(text, names)]
        pseudonymiser.detect(text)
        seen_here: set[str] = set()
        for candidate in pseudonymiser.candidates:
            key = fold(candidate.word)
            if key in decided:
                continue
            entry = found.setdefault(
                key,
                {
                    "word": candidate.word,
                    "confidence": 0.0,
                    "replaced": False,
                    "statements": 0,
                    "context": masked_context(
                        text, candidate.start, candidate.end, hidden=found_here
                    ),
                },
            )
            entry["confidence"] = max(entry["confidence"], candidate.confidence)
            entry["replaced"] |= candidate.replaced
            if key not in seen_here:
                entry["statements"] += 1
                seen_here.add(key)
    items = [
        ReviewItem(candidate_id(e["word"]), e["word"], round(e["confidence"], 2), e["replaced"],
                   e["statements"], e["context"])
        for e in found.values()
    ]  # fmt: skip
    return sorted(items, key=lambda i: (-i.statements, i.word.casefold()))


def stored_name(session: Session, name: str) -> str:
    """A file or document name as the project stores it: the people its key knows
    replaced by their placeholders ("Interview_Anna_Schmidt.md" → "Interview_[Person 2].md"),
    on one line ("karten⏎zwei.csv" → "karten zwei.csv").

    For looking up what a researcher names by its original name; the key is not changed.
    """
    # here, not above: the file-name rules load the table helpers (columns, comment
    # authors, field memos), which the review queue does not need
    from workbench.ingest.thing_names import stored_file_name

    return stored_file_name(Pseudonymiser.of_project(session), name, ())


def resolve(store: ProjectStore, refs: Iterable[str]) -> list[str]:
    """Words for ``refs``: candidate ids from the queue, or words as written."""
    queue = {item.id: item.word for item in review_queue(store)}
    words = []
    for ref in refs:
        ref = ref.strip()
        if not ref:
            continue
        if ref in queue:
            words.append(queue[ref])
        elif len(ref) > MAX_WORD:  # PostgreSQL stopped with a database error, SQLite took it
            raise WorkbenchError(
                f"'{ref[:30]}…' ist zu lang für ein Wort ({len(ref)} Zeichen, höchstens "
                f"{MAX_WORD})."
            )
        elif re.fullmatch(r"[^\W\d_][\w'’-]*", ref):
            words.append(ref)
        else:
            raise WorkbenchError(f"'{ref}' ist weder eine Kennung aus der Liste noch ein Wort.")
    return words


@forgets_words  # no participant's word stays in a module's cache (nor in re's)
def unknown_words(store: ProjectStore, words: Iterable[str]) -> list[str]:
    """Those of ``words`` that stand in no stored statement and are neither in the key nor
    decided before: most likely a typo, which a decision would keep for every later import."""
    with store.session() as session:
        texts = list(session.scalars(select(Segment.text)))
        known = {fold(w) for w in session.scalars(select(PseudonymDecision.word))}
        known |= {fold(o.strip()) for o in session.scalars(select(Pseudonym.original))}
        known |= {fold(o.strip()) for o in session.scalars(select(PseudonymSpan.original))}
    unknown = []
    for word in words:
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        if fold(word) not in known and not any(pattern.search(t) for t in texts):
            unknown.append(word)
    return unknown


@forgets_words  # no participant's word stays in a module's cache (nor in re's)
def decide(store: ProjectStore, words: Iterable[str], decision: str, researcher: str = "") -> int:
    """Store ``confirm`` or ``reject`` for ``words`` and apply it; return statements changed."""
    if decision not in ("confirm", "reject"):
        raise WorkbenchError(f"Unbekannte Entscheidung '{decision}' (confirm oder reject).")
    changed = 0
    old_texts: list[str] = []
    # Exclusive: a confirmation numbers new people after the highest in the key, as an
    # import does; the two wait for each other instead of giving two people one number.
    with store.transaction(exclusive=True) as session:
        for word in words:
            key = fold(word)
            row = session.scalar(select(PseudonymDecision).where(PseudonymDecision.word == key))
            if row is None:
                row = PseudonymDecision(word=key, original=word)
                session.add(row)
            row.decision, row.decided_by = decision, researcher
            session.flush()
            texts = _confirm(session, word) if decision == "confirm" else _reject(session, key)
            changed += len(texts)
            old_texts += texts
    purge_cache(store.path / "cache", old_texts)
    return changed


def _confirm(session: Session, word: str) -> list[str]:
    """Replace ``word`` by its person placeholder wherever it still stands; old texts.

    Not only in the statements: a name the key learns so is replaced, as at an import that
    learns one, in the stored file names, titles, workshop names, roles and attributes
    (:func:`~workbench.ingest.stored_growth.reread_stored`) — "Treffen bei Sonnenberg"
    stayed the workshop's name in every app and report after "Sonnenberg" was confirmed."""
    from workbench.ingest.stored_growth import reread_stored  # not for `pseudonyms review`

    pseudonymiser = Pseudonymiser.of_project(session)
    idents = list(pseudonymiser.known)
    person = ("person", word.lower())
    since = idents.index(person) if person in idents else len(idents)
    pattern = re.compile(rf"(?<![\w\[-]){re.escape(word)}(?![\w\]-])", re.IGNORECASE)
    changes: list[tuple[Segment, list[Edit]]] = []
    for segment in list(session.scalars(select(Segment))):
        edits = []
        for m in pattern.finditer(segment.text):
            if not m.group()[0].isupper() or _inside_placeholder(segment.text, m.start()):
                continue
            placeholder = pseudonymiser.person(word.lower(), m.group())
            edits.append(Edit(m.start(), m.end(), placeholder, m.group()))
        if edits:
            changes.append((segment, edits))
    old = edit_segments(session, changes) if changes else []
    session.flush()
    pseudonymiser.store_new(session)
    return old + reread_stored(session, pseudonymiser, since)


def _reject(session: Session, key: str) -> list[str]:
    """Put the word back wherever a span replaced just that word; old texts."""
    old: list[str] = []
    spans = [s for s in session.scalars(select(PseudonymSpan)) if fold(s.original.strip()) == key]
    by_segment: dict[int, list[PseudonymSpan]] = {}
    for span in spans:
        by_segment.setdefault(span.segment_id, []).append(span)
    changes = [
        (session.get(Segment, segment_id), [Edit(s.start, s.end, s.original) for s in items])
        for segment_id, items in by_segment.items()
    ]
    old += edit_segments(session, changes) if changes else []
    session.flush()
    # key entries of the word that no statement uses any more leave the key
    keep_person_numbers(session)
    texts = " ".join(session.scalars(select(Segment.text)))
    for entry in session.scalars(select(Pseudonym).where(Pseudonym.kind == "person")):
        if fold(entry.original.strip()) == key and entry.placeholder not in texts:
            session.delete(entry)
    return old


def _inside_placeholder(text: str, pos: int) -> bool:
    opening, closing = text.rfind("[", 0, pos), text.rfind("]", 0, pos)
    return opening > closing
