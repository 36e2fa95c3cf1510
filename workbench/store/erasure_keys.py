"""The pseudonym key after an erasure: entries nothing names any more leave, names in memos.

Split from :mod:`workbench.store.erasure`: which key entries a forget (or a memo's edit)
leaves unused and deletes, with the participant-list names of a forgotten person, and the
replacement of a forgotten speaker's name in memos by their placeholder.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.domain import person_key
from workbench.store.analysis_tables import NeedEdit
from workbench.store.erasure_names import (
    PERSON,
    TITLES,
    full_name_forms,
    key_people,
    plain,
)
from workbench.store.participation_tables import FeedbackAnswer
from workbench.store.privacy_tables import keep_person_numbers
from workbench.store.schema import (
    Code,
    Document,
    ListedName,
    Memo,
    Pseudonym,
    PseudonymSpan,
    Segment,
    Workshop,
)
from workbench.store.synthesis_tables import (
    MAX_STEP_ACTOR,
    MAX_TITLE,
    Recommendation,
    RecommendationStatus,
    within_limit,
)

PERSON_PLACEHOLDER = re.compile(r"\[Person \d+\]")


def forget_unused_keys(
    session: Session,
    counts: dict[str, int],
    only: set[str] | None = None,
    erased: set[str] = frozenset(),
) -> None:
    """Delete key entries no remaining statement, speaker, memo, comment, code text,
    recommendation (title, text, actors, author, status steps), need edit's author, file
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
    texts += recommendation_texts(session)  # "[Person 2] (Jugendamt) kümmert sich"
    texts += session.scalars(select(NeedEdit.author))  # a participant's edit: her placeholder
    seen = {found for text in texts for found in PERSON_PLACEHOLDER.findall(text or "")}
    # a memo's placeholder of the person forgotten (their name, replaced) keeps no entry,
    # nor do file names, titles, headings ("Interview_[Person 1].md"); another's does
    elsewhere = [*memos, *_labels(session)]
    seen |= {p for m in elsewhere for p in PERSON_PLACEHOLDER.findall(m) if p not in erased}
    in_memos = folded("\n".join(memos))
    memo_words = set(re.findall(r"\w+", in_memos))
    keep_person_numbers(session)
    people, listed = key_people(session), list(session.scalars(select(ListedName)))
    for key in list(session.scalars(select(Pseudonym))):
        if only is not None and key.placeholder not in only:
            continue
        if PERSON.fullmatch(key.placeholder):
            named = key.placeholder not in erased and named_in_memos(key, memo_words, in_memos)
            used = key.placeholder in seen or named
        else:
            used = key.normalised in originals
        if used:
            continue
        if key.kind == "person" and only is None:
            counts["listed_names"] += _delete_listed_names(session, key, people, listed)
        session.delete(key)
        counts["key_entries"] += 1


def recommendation_texts(session: Session) -> list[str]:
    """The texts of the recommendations that can hold a placeholder: titles, texts,
    actors, authors (a participant's placeholder), and their status steps' actors and notes."""
    texts: list[str] = []
    for title, text, actors, author in session.execute(
        select(
            Recommendation.title, Recommendation.text, Recommendation.actors, Recommendation.author
        )
    ):
        texts += [title or "", text or "", *(str(a) for a in actors or ()), author or ""]
    for actor, note in session.execute(
        select(RecommendationStatus.actor, RecommendationStatus.note)
    ):
        texts += [actor or "", note or ""]
    return texts


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


def forget_in_memos(
    session: Session,
    erased: set[str],
    ordinary: Callable[[str], bool] = lambda _: False,
    changed: set[int] | None = None,
) -> int:
    """Replace the names of the key's entries for ``erased`` in every memo by their
    placeholder ("Rücksprache mit Frau Schmidt" → "… mit [Person 3]"); return how many
    memos changed (their ids go into ``changed``). The surname alone is replaced unless
    another person of the key has it, only capitalised, and if it is a word of the language
    (``ordinary``: "Kurz", "Koch") only after a form of address."""
    replace = name_replacer(session, erased, ordinary)
    if replace is None:
        return 0
    ids = set()
    for memo in session.scalars(select(Memo).order_by(Memo.id)):
        text = unicodedata.normalize("NFC", memo.text or "")
        new = replace(text)
        if new != text:
            memo.text = new
            ids.add(memo.id)
    session.flush()
    if changed is not None:
        changed |= ids
    return len(ids)


def forget_in_recommendations(
    session: Session,
    erased: set[str],
    ordinary: Callable[[str], bool] = lambda _: False,
    ids: set[int] | None = None,
) -> int:
    """As :func:`forget_in_memos`, in the recommendations' titles, texts and actors and
    their status steps' actors and notes (an earlier release stored actors and steps as
    typed: "Frau Anna Becker (Jugendamt)"); return how many recommendations changed
    (their ids go into ``ids``)."""
    replace = name_replacer(session, erased, ordinary)
    if replace is None:
        return 0

    def fixed(value: str | None) -> str:
        return replace(unicodedata.normalize("NFC", value or ""))

    changed: set[int] = set()
    for record in session.scalars(select(Recommendation).order_by(Recommendation.id)):
        title, text = within_limit(fixed(record.title), MAX_TITLE), fixed(record.text)
        actors = list(dict.fromkeys(fixed(str(a)) for a in record.actors or ()))
        if (title, text, actors) != (record.title, record.text, list(record.actors or ())):
            record.title, record.text, record.actors = title, text, actors
            changed.add(record.id)
    for step in session.scalars(select(RecommendationStatus).order_by(RecommendationStatus.id)):
        actor, note = within_limit(fixed(step.actor), MAX_STEP_ACTOR), fixed(step.note)
        if (actor, note) != (step.actor, step.note or ""):
            step.actor, step.note = actor, note
            changed.add(step.recommendation_id)
    session.flush()
    if ids is not None:
        ids |= changed
    return len(changed)


def name_replacer(
    session: Session, erased: set[str], ordinary: Callable[[str], bool] = lambda _: False
) -> Callable[[str], str] | None:
    """A function that replaces the names of the key's entries for ``erased`` in a text
    by their placeholder (see :func:`forget_in_memos`); None if the key has none."""
    entries = [
        key
        for key in session.scalars(select(Pseudonym).where(Pseudonym.kind == "person"))
        if key.placeholder in erased and PERSON.fullmatch(key.placeholder)
    ]
    if not entries:
        return None
    kept = [
        key.original
        for key in session.scalars(select(Pseudonym).where(Pseudonym.kind == "person"))
        if key.placeholder not in erased
    ]
    others = {plain(person_key(original)) for original in kept}
    names: dict[str, str] = {}  # name as written (folded) → placeholder
    for key in entries:
        for name in (key.original, key.normalised.removesuffix(" ?")):
            words = [w for w in name.split() if w.casefold() not in TITLES]
            if not words:
                continue
            names.setdefault(folded(" ".join(words)), key.placeholder)
            surname = folded(person_key(" ".join(words)))
            if surname and plain(surname) not in others:
                names.setdefault(surname, key.placeholder)
    # a person the key met by the first name alone ("Anna", key "müller"), in full in a
    # memo ("Anna Müller"): one placeholder, not one for each word ("[Person 1] [Person 1]")
    for key, other in ((k, o) for k in entries for o in entries if k.placeholder == o.placeholder):
        words = [w for w in key.original.split() if w.casefold() not in TITLES]
        surname = other.normalised.removesuffix(" ?")
        if len(words) == 1 and " " not in surname and folded(words[0]) != folded(surname):
            names.setdefault(folded(f"{words[0]} {surname}"), key.placeholder)
    # her first name alone ("sagt Anna") of a full name the key writes ("Anna Müller", first
    # met as the speaker "Anna:"), unless another person of the key has that first name
    kept_firsts = {plain(w[0]) for o in kept if len(w := o.split()) >= 2} | {
        plain(o) for o in kept if " " not in o.strip()
    }
    for key in entries:
        words = [w for w in key.original.split() if w.casefold() not in TITLES]
        if len(words) == 2 and words[0][:1].isupper() and plain(words[0]) not in kept_firsts:
            names.setdefault(folded(words[0]), key.placeholder)
    # a name the key writes in lower case ("claudia_h", a user name) is matched in any case
    lower = {folded(w) for key in entries for w in key.original.split() if not w[:1].isupper()}
    titles = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    patterns = []
    for name in sorted(names, key=len, reverse=True):  # "Anna Schmidt" before "Schmidt"
        words = r"\s+".join(re.escape(w) for w in name.split())
        if " " not in name and name not in lower:  # one word alone ("Kurz gesagt"):
            # capitalised, and a word of the language only after a form of address
            words = rf"(?-i:{re.escape(name[:1].upper())}){re.escape(name[1:])}"
            if ordinary(name):
                words = rf"(?:{titles})\s+{words}"
        patterns.append((rf"(?<!\w)(?:(?:{titles})\s+)*{words}(?=s?(?!\w))", names[name]))

    def replace(text: str) -> str:
        for pattern, placeholder in patterns:
            text = _replaced(pattern, placeholder, text, kept)
        return text

    return replace


def _replaced(pattern: str, placeholder: str, text: str, kept: list[str]) -> str:
    """``text`` with ``pattern``'s matches replaced by ``placeholder``, except a match
    inside a longer name of another person of the key (``kept``), or a longer word of it:
    forgetting "Anna" leaves "Anna-Lena Krüger" and "Anna-Lena" whole, not "[Person 1]-Lena"."""
    gap = r"\s+"
    names = [[re.escape(w) for w in k.split() if w.casefold() not in TITLES] for k in kept]
    spans = [
        found.span()
        for words in names
        for part in (words, *([w] for w in words))
        if part
        for found in re.finditer(rf"(?<!\w){gap.join(part)}(?=s?(?!\w))", text, re.I)
    ]

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        inside = any(a <= start and end <= b and b - a > end - start for a, b in spans)
        return match.group(0) if inside else placeholder

    return re.sub(pattern, replace, text, flags=re.IGNORECASE)


def forget_memo_names(session: Session, old_text: str) -> int:
    """After a memo was edited or deleted: delete the key entries of the persons its
    ``old_text`` named that nothing else names any more (an export had put them into the
    key); their names stay on participant lists. Returns how many entries went."""
    words = set(re.findall(r"\w+", folded(old_text)))
    people = session.scalars(select(Pseudonym).where(Pseudonym.kind == "person"))
    named = {k.placeholder for k in people if named_in_memos(k, words, folded(old_text))}
    named |= set(PERSON_PLACEHOLDER.findall(old_text))
    counts = {"key_entries": 0, "listed_names": 0}
    if named:
        forget_unused_keys(session, counts, named)
    return counts["key_entries"]


def folded(text: str) -> str:
    """A text as names are compared: composed, in lower case."""
    return unicodedata.normalize("NFC", text).lower()


def named_in_memos(key: Pseudonym, words: set[str], text: str) -> bool:
    """Whether memos (their ``words``, their folded ``text``) name the key's person: by
    the key's name ("wieczorek" in "Rückfrage bei Herrn Wieczorek") or in full."""
    for name in (folded(key.normalised), folded(key.original.strip())):
        parts = re.findall(r"\w+", name)  # its last word not in memos: nothing to look for
        if (
            parts
            and parts[-1] in words
            and (len(parts) == 1 or re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text))
        ):
            return True
    return False


def delete_rows(session: Session, model: type, condition: object) -> int:
    """Delete the rows of ``model`` matching ``condition``; return how many."""
    rows = list(session.scalars(select(model).where(condition)))
    for row in rows:
        session.delete(row)
    session.flush()
    return len(rows)


def forget_person_keys(session: Session, erased: set[str], counts: dict[str, int]) -> None:
    """Delete the key entries of the placeholders ``erased`` (a ``forget --person``) though
    texts still hold them, their participant-list names, and the spans that replaced their
    name in others' statements (an export with originals would put it back)."""
    keep_person_numbers(session)  # the number is never given again
    people, listed = key_people(session), list(session.scalars(select(ListedName)))
    for key in list(session.scalars(select(Pseudonym).where(Pseudonym.kind == "person"))):
        if key.placeholder not in erased:
            continue
        counts["listed_names"] += _delete_listed_names(session, key, people, listed)
        session.delete(key)
        counts["key_entries"] += 1
    spans = session.execute(select(PseudonymSpan, Segment.text).join(Segment))
    for span, text in list(spans):
        if text[span.start : span.end] in erased:
            session.delete(span)
            counts["key_spans"] += 1
    session.flush()


def _delete_listed_names(
    session: Session, key: Pseudonym, people: dict[str, str], listed: list[ListedName]
) -> int:
    """Delete the participant-list names of the key entry ``key`` from the session and from
    ``listed`` (the lists' rows, read once): as the key writes it, or her full name without
    its form of address (the list has "Anna Schmidt" where the key has "Dr. Anna Schmidt";
    not when another person of the key is written so)."""
    forms = {name for name in full_name_forms(key.original) if people.get(name) == key.placeholder}
    rows = [
        row
        for row in listed
        if row.name.strip() == key.original.strip() or plain(" ".join(row.name.split())) in forms
    ]
    for row in rows:
        session.delete(row)
        listed.remove(row)
    session.flush()
    return len(rows)
