"""Pseudonymisation at import: personal data becomes stable placeholders of its kind.

Detected (see :mod:`workbench.ingest.pii_patterns` and :mod:`workbench.ingest.names`):
e-mail addresses, phone numbers in all common German notations, IBANs and account
numbers, dates of birth, social media handles and profile links, addresses with a house
number, licence plates, a person's numbers (customer, tenant, tax …), and person names —
from a per-workshop name list, forms of address, roles, the first-name gazetteer, cue
phrases and the project's key. Each replacement keeps its kind (``[Person 3]``,
``[Telefon]``, ``[Adresse]``, …). The same person gets the same ``[Person N]`` throughout
the project; the key (placeholder → original) is returned separately and stored apart
from the text.

Uncertain person candidates (a capitalised word after a cue, a first name that is also a
word) carry a confidence: from :data:`REPLACE_AT` on they are replaced, below
:data:`REVIEW_BELOW` they are also kept in :attr:`Pseudonymiser.candidates` for the review
queue (:mod:`workbench.ingest.review`). A researcher's decisions, the project's districts
and codebook terms are loaded by :meth:`Pseudonymiser.configure`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.word_caches import forgets_words, word_cache
from workbench.ingest.caps_view import CapsView
from workbench.ingest.emphasis_view import EmphasisView, unmarked
from workbench.ingest.glued_names import glued_guess
from workbench.ingest.hit_spans import HitsInside
from workbench.ingest.invisible_view import InvisibleView, visible
from workbench.ingest.key_growth import learned_words, shows, word_pattern
from workbench.ingest.listed_elsewhere import (
    KnownOrListed,
    ListedElsewhere,
    NamedOrListed,
    listed_surnames,
)
from workbench.ingest.listed_hits import compound_hits, inside_any, particle_before_listed
from workbench.ingest.listed_scan import (
    NOUN_CONFIDENCE,
    ByWord,
    Variants,
    listed_hits,
    variant_index,
)
from workbench.ingest.lower_view import LowerView
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_tokens import has_capitals_run
from workbench.ingest.names import NameContext, PersonFinder
from workbench.ingest.nfc_view import NfcView, nfc_names
from workbench.ingest.person_keys import (
    AMBIGUOUS,
    FoldedKeys,
    NamedSurnames,
    PersonKeys,
    Surnames,
    full_names,
    given_name,
    name_words,
)
from workbench.ingest.pii_patterns import Hit, find_structured, mentioned_names
from workbench.ingest.wrap_view import WrapView, one_line

EMAIL = "[E-Mail]"
PHONE = "[Telefon]"
ADDRESS = "[Adresse]"
PLACEHOLDERS = {
    "email": EMAIL,
    "phone": PHONE,
    "address": ADDRESS,
    "iban": "[Bankverbindung]",
    "birthdate": "[Geburtsdatum]",
    "handle": "[Profil]",
    "url": "[Profil-Link]",
    "plate": "[Kennzeichen]",
    "number": "[Kennnummer]",
}
KINDS = ("person", *PLACEHOLDERS)
REPLACE_AT = 0.5  # person candidates from this confidence on are replaced
REVIEW_BELOW = 0.8  # … and below this one shown in the review queue

PERSON_PLACEHOLDER = re.compile(r"\[Person (\d+)\]")  # its number in group 1
_INDEXES_KEPT = 4  # name lists whose variant index is kept (see _variant_index)
# An underscore before a capital separates the words of a file name ("Foto_Ewa_Kowalczyk")
_FILE_WORDS = re.compile(r"_(?=[^\W\d_a-zß])")


@dataclass(frozen=True)
class Replacement:
    """One replaced piece: where in the new text, what it was, and its kind."""

    start: int
    end: int
    original: str
    placeholder: str
    kind: str  # person | email | phone | address | iban | birthdate | handle | url | plate | number


@dataclass(frozen=True)
class Candidate:
    """An uncertain person candidate of the last text: for the review queue."""

    word: str  # the word a researcher decides on
    start: int  # offsets into the text given to :meth:`Pseudonymiser.pseudonymise`
    end: int
    confidence: float
    replaced: bool


@dataclass
class Pseudonymiser:
    """Stateful across one project: the same person always gets the same number.

    ``known`` maps (kind, normalised original) to its placeholder and is loaded from the
    store before an import, so numbering stays stable across imports.
    """

    known: dict[tuple[str, str], str] = field(default_factory=dict)
    new: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    protected: frozenset[str] = frozenset()  # folded words that are never a name
    protected_phrases: tuple[str, ...] = ()  # multi-word names of places and codes
    confirmed: dict[str, str] = field(default_factory=dict)  # folded word → as written
    rejected: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  # folded words the file read writes as a place
    originals: dict[tuple[str, str], str] = field(default_factory=dict)  # key → as first met
    person_floor: int = 0  # highest person number ever given (see PERSON_NUMBER_KEY)
    candidates: list[Candidate] = field(default_factory=list)
    # the surnames of every workshop's listed people: found by the key's rules, numbered
    # where a text names them (:mod:`~workbench.ingest.listed_elsewhere`)
    listed: ListedElsewhere = field(default_factory=ListedElsewhere, repr=False, compare=False)
    _highest: int | None = field(default=None, init=False, repr=False, compare=False)
    # the last few name lists' variant indexes: rows alternate between theirs and none
    _indexes: list[Any] = field(default_factory=list, init=False, repr=False, compare=False)
    # the listed full names of the last text's list by key ("karl weber" → "Karl Weber")
    _listed_full: dict[str, str] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _folded: FoldedKeys = field(default_factory=lambda: FoldedKeys(), repr=False, compare=False)
    _surnames: Surnames = field(default_factory=Surnames, repr=False, compare=False)
    _named: NamedSurnames = field(default_factory=NamedSurnames, repr=False, compare=False)
    # the structured hits of the last two texts, held by this pseudonymiser only (no
    # module cache keeps a participant's words beyond an import)
    _last_structured: dict[str, tuple[Hit, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def of_project(cls, session: Session) -> Pseudonymiser:
        """The project's pseudonymiser: its key, protected words and review decisions."""
        from workbench.store import Pseudonym

        rows = list(session.scalars(select(Pseudonym)))
        known = {(p.kind, p.normalised): p.placeholder for p in rows}
        originals = {(p.kind, p.normalised): p.original for p in rows if p.kind == "person"}
        return cls(known=known, originals=originals).configure(session)

    def store_new(self, session: Session) -> None:
        """Add the placeholders found since the last call to the project's key."""
        from workbench.store import Pseudonym

        for (kind, normalised), (original, placeholder) in self.new.items():
            session.add(
                Pseudonym(
                    kind=kind, normalised=normalised, original=original, placeholder=placeholder
                )
            )
        self.new.clear()

    def configure(self, session: Session) -> Pseudonymiser:
        """Load the project's protected words and review decisions; return self."""
        from workbench.store import (
            PERSON_NUMBER_KEY,
            Code,
            District,
            Meta,
            PseudonymDecision,
            Segment,
        )

        phrases = [d for d in session.scalars(select(District.name))]
        phrases += [c for c in session.scalars(select(Code.name))]
        self.protect(phrases)
        for decision in session.scalars(select(PseudonymDecision)):
            if decision.decision == "confirm":
                self.confirmed[decision.word] = decision.original
            else:
                self.rejected = self.rejected | {decision.word}
        self.listed.add(listed_names(session))  # "Becker" of another workshop's list
        floor = session.get(Meta, PERSON_NUMBER_KEY)
        self.person_floor = int(floor.value) if floor is not None else 0
        # a role's number that an earlier version left out of the key is given already
        roles = select(Segment.speaker_role).where(Segment.speaker_role.contains("[Person "))
        for role in session.scalars(roles.distinct()):
            numbers = [int(n) for n in PERSON_PLACEHOLDER.findall(role)]
            self.person_floor = max([self.person_floor, *numbers])
        return self

    def protect(self, phrases: Iterable[str]) -> None:
        """Never take these words (districts, code names, …) for a person's name."""
        words = set(self.protected)
        multi = set(self.protected_phrases)
        finder = PersonFinder(NameContext(known={}))
        for phrase in phrases:
            # a code named after a person ("Hinweise Frau Yilmaz", "Kemal Öztürk") must
            # not make that person's name a protected word in every text
            people = [h for h in finder.find_addressed(phrase) if h.kind == "person"]
            people += [h for h in finder.find(phrase) if h.confidence >= REVIEW_BELOW]
            parts = [
                m.group()
                for m in re.finditer(r"[^\W\d_][\w'’-]*", phrase)
                if not any(h.start < m.end() and m.start() < h.end for h in people)
            ]
            words.update(fold(p) for p in parts if len(p) > 1)
            if len(parts) > 1 and not people:
                multi.add(phrase.strip())
        self.protected = frozenset(words)
        self.protected_phrases = tuple(sorted(multi, key=len, reverse=True))

    def _next_person_number(self) -> int:
        if self._highest is None:  # once; then counted on (the key only grows)
            self._highest = max(
                [
                    self.person_floor,
                    *(
                        int(m.group(1))
                        for (kind, _), placeholder in self.known.items()
                        if kind == "person" and (m := PERSON_PLACEHOLDER.fullmatch(placeholder))
                    ),
                ]
            )
        return max(self._highest, self.person_floor) + 1

    def person(self, key: str, original: str) -> str:
        """Placeholder for the person identified by ``key`` (a normalised surname, or first
        name and surname: :mod:`~workbench.ingest.person_keys`); a key known in another
        spelling ("mueller" for "müller") is that person."""
        ident = ("person", self._person_key(key, original))
        if ident not in self.known:
            self._add(ident, self._as_listed(key, original))
        return self.known[ident]

    def _as_listed(self, key: str, original: str) -> str:
        """The listed full name of a person first met by the first name alone ("Karl" of a
        listed or speaking "Karl Weber"), else ``original``: the key says whom it means."""
        full = self._listed_full.get(key)
        words = name_words(original)
        if full and len(words) == 1 and fold(words[0].text) == fold(key.rsplit(" ", 1)[0]):
            return full
        return original

    def _add(self, ident: tuple[str, str], original: str, placeholder: str = "") -> None:
        """A new person entry of the key: a new number, or ``placeholder`` (the same person)."""
        if not placeholder:
            number = self._next_person_number()
            self._highest = number
            placeholder = f"[Person {number}]"
        self.originals[ident] = original
        self.known[ident] = placeholder
        self.new[ident] = (original, placeholder)

    def _person_key(self, key: str, original: str) -> str:
        """The key entry a name belongs to: see :mod:`~workbench.ingest.person_keys`."""
        if key.startswith("["):
            return key
        ambiguous = key.endswith(AMBIGUOUS)
        if ambiguous:
            key, given = key.removesuffix(AMBIGUOUS), None
        elif " " in key:
            given, key = key.rsplit(" ", 1)
        else:
            given = given_name(original, key)
        surname = key if ("person", key) in self.known else self._keys().get(key, key)
        people = self._surnames.people(self.known, self.originals, surname)
        # before 2026-12-05 the emoji ending a display name was its key ("🚲" of "Łukasz
        # Wójcik 🚲"): the entry of the same display name is this person
        legacy = ("person", original.split()[-1].lower() if original.strip() else "")
        letterless = not any(ch.isalnum() for ch in legacy[1])
        if not people and letterless and self.originals.get(legacy) == original:
            return legacy[1]
        if given is None:
            persons = {self.known["person", k] for k in people.values()}
            if ambiguous or len(persons) > 1:
                return surname + AMBIGUOUS  # "Frau Schmidt" of two Schmidts: neither
            if ("person", surname) in self.known or not people:
                return surname
            return next(iter(people.values()))
        if fold(given) in people:
            return people[fold(given)]
        if not people:
            return surname  # the first person of a surname: keyed by it, as always
        if set(people) != {None}:
            return f"{given} {surname}"  # a second first name: a second person
        # The surname was met alone ("Frau Schmidt"): this is that person. Where the text
        # itself says "Anna Schmidt" the key records her first name, so that a Peter
        # Schmidt later is somebody else. (A first name only a name list gives stays
        # unrecorded: the list of another workshop may name a different Frau Schmidt.)
        if len(name_words(original)) > 1 and given_name(original, key) is not None:
            self._add(
                ("person", f"{given} {surname}"), original, self.known["person", people[None]]
            )
        return people[None]

    def _keys(self) -> PersonKeys:
        return PersonKeys(self.known, self._folded)

    def fixed(self, kind: str, original: str, placeholder: str) -> str:
        """Record an unnumbered placeholder (e-mail, phone, address, …) in the key."""
        ident = (kind, original.strip().lower())
        if ident not in self.known:
            self.known[ident] = placeholder
            self.new[ident] = (original, placeholder)
        return placeholder

    def _structured(self, text: str) -> list[Hit]:
        """The e-mails, phones, addresses … of ``text``; a text read again with the names
        it taught the key (:meth:`pseudonymise`) is not searched twice."""
        if text not in self._last_structured:
            if len(self._last_structured) >= 2:
                del self._last_structured[next(iter(self._last_structured))]
            self._last_structured[text] = tuple(find_structured(text))
        return list(self._last_structured[text])

    def detect(
        self, text: str, names: Iterable[str] = (), prose: bool = True, seen: Iterable[str] = ()
    ) -> list[Hit]:
        """The hits that will be replaced in ``text``, without overlaps, in text order.

        ``prose=False`` (a field such as a date or a category) finds structured data,
        listed names and names after a form of address ("Herr Thomas Berger"): the other
        name heuristics (a first name alone, a cue) are for sentences and would take
        category words for names. Also sets :attr:`candidates` to the uncertain person
        candidates of ``text``.
        """
        names = nfc_names(tuple(names))  # from macOS: composed
        # "Mu" + U+0308 + "ller" from macOS: found as "Müller"; "Weil **Becker** sagte";
        # "Anna\u200e Schmidt" (a mark from iOS), "Frau\u202fKaya": as "Anna Schmidt";
        # "Frau KAYA", "ANNA SCHMIDT": read as names written so, at the same positions;
        # "Laut Anna\nSchmidt fehlt" (a wrapped paragraph) as "Laut Anna Schmidt fehlt"
        view = (
            NfcView.of(text)
            or EmphasisView.of(text)
            or InvisibleView.of(text)
            or WrapView.of(text)
            or self._caps_view(text, names, seen)
            or LowerView.of(text)  # "hab mit anna schmidt gesprochen", as in chats
        )
        if view is not None:
            found = self.detect(view.text, names, prose, seen)
            # the review cuts their context from the text as written
            self.candidates = [view.spanned(c) for c in self.candidates]
            return [view.spanned(h) for h in found]
        structured = self._structured(text)
        typed, text = text, _FILE_WORDS.sub(" ", text)  # "Foto_Ewa_Kowalczyk.jpg": same offsets
        listed = [*self._listed(text, names), *compound_hits(text, self._variant_index(names)[0])]
        hits = structured + listed
        inside = HitsInside(listed)
        known: Mapping[str, str] = PersonKeys(self.known, self._folded)
        named: Collection[str] = self._named.of(self.known, self.originals)
        if self.listed.words:  # a person another workshop lists: as if the key knew her
            known = KnownOrListed(known, self.listed.words)
            named = NamedOrListed(named, self.listed.surnames)
        context = NameContext(
            known=known,
            protected=self.protected,
            confirmed=frozenset(self.confirmed),
            rejected=self.rejected,
            named=named,
            in_text=frozenset(seen),
            listed=listed_surnames(names),
            places=self.places,
        )
        protected_spans = self._protected_spans(text)
        finder = PersonFinder(context)
        for hit in finder.find(text) if prose else finder.find_addressed(text):
            if any(hit.start < end and start < hit.end for start, end in protected_spans):
                continue
            if glued_guess(typed, hit, known, _folded_words(names), self.confirmed):
                continue  # "von 9YrA", "von _YrA": one token, not a number and a name
            # "Frau Schmidt" around a listed "Schmidt" is the listed person (or, if two
            # listed people are called Schmidt, neither of them)
            inner = inside(hit.start, hit.end)
            if particle_before_listed(text, hit, inner, names):
                continue  # "Da Hartkopf sagte" of a listed Gregor Hartkopf: the listed hit
            if hit.kind == "person" and len({h.key for h in inner}) > 1:
                continue  # "Anna Yusuf" of the listed "Anna" and "Yusuf": the two of them
            if inner and len(name_words(text[hit.start : hit.end])) == 1:
                hit = replace(hit, key=max(inner, key=lambda h: h.end - h.start).key)
            elif not inner and hit.kind == "person":
                # "Hier ist der Kevin": the listed Kevin, though a listed name after an
                # article is left to the rules ("der Koch")
                hit = replace(hit, key=self._listed_key(text[hit.start : hit.end], names, hit.key))
            hits.append(hit)
        replaced = [h for h in hits if h.kind == "person" and h.confidence >= REPLACE_AT]
        self.candidates = [
            Candidate(h.word, h.start, h.end, h.confidence, h.confidence >= REPLACE_AT)
            for h in hits
            if h.kind == "person"
            and h.word
            and h.confidence < REVIEW_BELOW
            # a listed noun ("Rosen") that a rule found as a name ("Frau Rosen"): that hit
            and not (h.confidence == NOUN_CONFIDENCE and inside_any(h, replaced))
        ]
        kept = [h for h in hits if h.kind != "person" or h.confidence >= REPLACE_AT]
        # "@Anna Schmidt": the person, not "[Profil] Schmidt"; "@kalle1999" of a listed author
        kept = mentioned_names(kept, listed)
        # Earliest first; on overlap the longer match wins, then the surer one.
        kept.sort(key=lambda h: (h.start, -(h.end - h.start), -h.confidence))
        chosen: list[Hit] = []
        for hit in kept:
            if chosen and hit.start < chosen[-1].end:
                continue
            chosen.append(hit)
        return full_names(text, chosen)

    def _caps_view(self, text: str, names: tuple[str, ...], seen: Iterable[str]) -> CapsView | None:
        """``text`` with its names in capitals written as names; None if it has none."""
        if not has_capitals_run(text):
            return None
        keys = PersonKeys(self.known, self._folded)
        listed, in_text = self.listed.words, {fold(w) for w in seen}
        answers: dict[str, bool] = {}  # a long text asks for its words again and again

        def known(word: str) -> bool:
            # asked only for a word in capitals; the name list's words are folded once per
            # list (per text, a list of 5,000 authors made an import eight times slower)
            if word not in answers:
                answers[word] = (
                    word in in_text
                    or word in listed
                    or word in _folded_words(names)
                    or keys.get(word) is not None
                )
            return answers[word]

        return CapsView.of(text, known)

    def pseudonymise(
        self, text: str, names: Iterable[str] = (), prose: bool = True
    ) -> tuple[str, list[Replacement]]:
        """Return ``text`` with personal data replaced, and the replacements made.

        A name the key learns in ``text`` is replaced before it too: "Becker hat recht.
        Herr Jens Becker kommt." is read again once the key knows "Herr Jens Becker"."""
        size = len(self.known)
        hits = self.detect(text, names, prose)
        out, replacements = self._replaced(text, hits)
        # a surname of a sure hit, still standing: read again with it known from the start
        seen = {h.key.split()[-1] for h in hits if h.kind == "person" and h.confidence >= 0.8}
        seen = {k for k in seen if not k.startswith("[")}
        seen |= {fold(k) for k in seen}  # "Frau Weiß hilft. WEISS kommt auch."
        if shows(learned_words(self.known, self.originals, size), [out]) or shows(
            word_pattern(seen), [out]
        ):
            out, replacements = self._replaced(text, self.detect(text, names, prose, seen))
        return out, replacements

    def _replaced(self, text: str, hits: list[Hit]) -> tuple[str, list[Replacement]]:
        """``text`` with ``hits`` replaced by their placeholders, and the replacements."""
        out: list[str] = []
        replacements: list[Replacement] = []
        cursor = 0
        length = 0
        for hit in hits:
            out.append(text[cursor : hit.start])
            length += hit.start - cursor
            original = text[hit.start : hit.end]
            if hit.kind == "person":
                # the key's, as found (without a mark, soft hyphen, emphasis or extra
                # blank or line break inside: "FRAU **KAYA**", "Anna  Schmidt", "Anna\nSchmidt")
                spelled = one_line(visible(unmarked(unicodedata.normalize("NFC", original))))
                placeholder = self.person(hit.key, _FILE_WORDS.sub(" ", spelled))
            else:
                placeholder = self.fixed(hit.kind, original, PLACEHOLDERS[hit.kind])
            out.append(placeholder)
            replacements.append(
                Replacement(length, length + len(placeholder), original, placeholder, hit.kind)
            )
            length += len(placeholder)
            cursor = hit.end
        out.append(text[cursor:])
        return "".join(out), replacements

    def _protected_spans(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for phrase in self.protected_phrases:
            pattern = rf"(?<![\w-]){re.escape(phrase)}(?![\w-])"
            spans += [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
        return spans

    def _variant_index(self, names: tuple[str, ...]) -> tuple[Variants, ByWord]:
        """Listed and confirmed name variants, longest first, and where each word starts one.

        A variant can only match where its first word is a word of the text: the index
        lets :meth:`_listed` try only those (thousands of listed authors stay fast).
        """
        confirmed = tuple(self.confirmed.values())
        for at, (of, index, full) in enumerate(self._indexes):
            if of[2] is self.protected and of[:2] == (names, confirmed):
                self._indexes.append(self._indexes.pop(at))  # the last used goes last
                self._listed_full = full
                return index
        variants, by_word, self._listed_full = variant_index(names, confirmed, self.protected)
        # a table's rows alternate between their name list and none (an author's
        # value read alone): rebuilt each time, a 30,000-name list cost seconds a row
        entry = ((names, confirmed, self.protected), (variants, by_word), self._listed_full)
        self._indexes = [*self._indexes[1 - _INDEXES_KEPT :], entry]
        return self._indexes[-1][1]

    def _listed_key(self, word: str, names: tuple[str, ...], key: str) -> str:
        """The key of the listed name ``word`` is as written, else ``key``."""
        variants, by_word = self._variant_index(names)
        for position in by_word.get(word.lower(), ()):
            if variants[position][0] == word:
                return variants[position][1]
        return key

    def _listed(self, text: str, names: tuple[str, ...]) -> Iterable[Hit]:
        """Hits of listed participant names and of words a researcher confirmed."""
        variants, by_word = self._variant_index(names)
        return listed_hits(text, variants, by_word, self.rejected)


def listed_names(session: Session) -> list[str]:
    """The names on the project's name lists (participants, speakers), sorted."""
    from workbench.store import ListedName

    return sorted(set(session.scalars(select(ListedName.name))))


@forgets_words  # no participant's word stays in a module's cache
def pseudonymised_texts(session: Session, *texts: str | None) -> tuple[str | None, ...]:
    """Researchers' texts that reports show (code descriptions, need labels,
    recommendations) as the project stores them: "Hinweis von Herrn Öztürk, Tel. …" gets
    the key's placeholders, as in a statement (new persons enter the key in ``session``)."""
    if not any(text and text.strip() for text in texts):
        return texts
    pseudonymiser = Pseudonymiser.of_project(session)
    safe = _pseudonymised(session, pseudonymiser, texts)
    pseudonymiser.store_new(session)
    return safe


@forgets_words  # a dry run of a recommendation, a concept's title: none of its words stays
def as_stored_texts(session: Session, *texts: str | None) -> tuple[str | None, ...]:
    """``texts`` as :func:`pseudonymised_texts` stores them, the key left as it is: a title
    a researcher types ("Garten von Frau Wischnewski") finds the stored one."""
    return _pseudonymised(session, Pseudonymiser.of_project(session), texts)


def _pseudonymised(
    session: Session, pseudonymiser: Pseudonymiser, texts: tuple[str | None, ...]
) -> tuple[str | None, ...]:
    names = listed_names(session)
    return tuple(pseudonymiser.pseudonymise(t, names)[0] if t and t.strip() else t for t in texts)


@word_cache
@functools.lru_cache(maxsize=_INDEXES_KEPT)
def _folded_words(names: tuple[str, ...]) -> frozenset[str]:
    """The words of a name list, folded ("Müller" → "muller"), for the names in capitals."""
    return frozenset(fold(w.text) for name in names for w in name_words(name))
