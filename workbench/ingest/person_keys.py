"""Which person of the project's key a name is: two people with one surname are two.

The key of a person is its surname ("schmidt"), as the project's key has always stored
it: "Frau Schmidt" and "Anna Schmidt" are one person. A second first name with a known
surname is a second person: "Peter Schmidt" after "Anna Schmidt" gets the key
"peter schmidt" (first name and surname) and a number of its own. A surname without a
first name ("Frau Schmidt", "Schmidt") is the one person of that surname the project
knows; while it knows two — in its key, on the workshop's name list or named in full in
the same text ("Familie Yılmaz" beside "Ayşe und Mehmet Yılmaz") — the text does not say
which of them is meant, and the surname alone is a person of its own (key "schmidt ?"),
as a first name two listed people share (:func:`workbench.ingest.listed_variants.name_variants`).

A person's first name is the one it was first met with ("Anna Schmidt", or "Anna" that
the text or its name list ties to "schmidt"); a person first met without one ("Frau
Schmidt") gets it only from a text that names her in full, not from a name list alone,
since another workshop's list may name another Frau Schmidt. Nothing stored is
renumbered: a key entry keeps its placeholder, and a full name finds the entry of its
surname as long as that entry names the same first name or none. :class:`PersonKeys`
finds a key's entry also in another spelling ("Mueller", "Yilmaz" for "müller", "yılmaz").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace

from workbench.core.domain import person_key
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_lists import (
    ACADEMIC,
    FUNCTION_WORDS,
    LEADING_PARTICLES,
    PARTICLES,
    ROLE_SUFFIXES,
    ROLE_WORDS,
    TITLES,
)
from workbench.ingest.name_tokens import Tok, tokens
from workbench.ingest.noun_lexicon import is_german_noun
from workbench.ingest.pii_patterns import Hit
from workbench.ingest.speakers import natural_order
from workbench.store.district_spelling import spelled_out

AMBIGUOUS = " ?"  # the key of a surname alone while two people of that surname are known


def name_words(text: str) -> list[Tok]:
    """The words of a name without forms of address, titles, particles and a role before
    it ("Frau Dr. Anna Schmidt" → Anna, Schmidt; "Frau von der Leyen" → Leyen: "von" is
    no first name; "Frau Pfarrerin Schulte" → Schulte: "Pfarrerin" neither)."""
    toks = tokens(text)
    words = [
        t
        for n, t in enumerate(toks)
        if t.folded not in TITLES
        and f"{t.folded}." not in TITLES | ACADEMIC
        and not (t.text.islower() and t.lower in PARTICLES)
        and not (t.lower == "in" and n and text[toks[n - 1].end : t.start] == ".")  # Prof.in
    ]
    while len(words) > 1 and words[0] is not toks[0] and _role(words[0]):
        words.pop(0)  # after a form of address: "Herr Oberbürgermeister Richrath"
    if len(words) > 1 and words[0] is toks[0] and words[0].lower in LEADING_PARTICLES:
        words.pop(0)  # at a sentence's start: "Von der Leyen", "De Vries"
    return words


def _role(tok: Tok) -> bool:
    """A role noun ("Pfarrerin", "Oberbürgermeister"; see ``PersonFinder.is_role``)."""
    f = tok.folded
    return f in ROLE_WORDS or any(f.endswith(s) and len(f) > len(s) + 2 for s in ROLE_SUFFIXES)


def given_name(original: str, surname: str) -> str | None:
    """The first name of a written name of the person called ``surname`` ("Anna Schmidt",
    "Schmidt, Anna", "Frau Dr. Anna Schmidt", "Anna" → "anna"), or None ("Frau Schmidt",
    "Oeztuerk" for "öztürk")."""
    words = [t.lower for t in name_words(natural_order(original))]
    if len(words) >= 2 and words[-1] in (surname, f"{surname}s") and words[0] != surname:
        return words[0]  # "Anna Schmidt", "Anna Schmidts Garten"
    parts = re.split(r"[^\w-]+", surname)  # a user name's: "bernd.kowalczyk"
    alone = words[0] if len(words) == 1 else ""
    if (
        alone
        and _loose(alone) not in (_loose(surname), _loose(surname) + "s")
        and alone not in parts
    ):
        return alone  # the first name alone, met as this person's ("Danke Anna"), not
        # the surname with a genitive "s" ("Frau Schmidts Garten")
    return None


def _loose(word: str) -> str:
    """A word without case, diacritics and the umlauts' spelling with "e" ("Oeztuerk" and
    "Öztürk" → "ozturk")."""
    return re.sub(r"(?<=[aou])e", "", fold(word)).replace("ss", "s").replace("ß", "s")


def full_key(name: str) -> str:
    """The key of a listed or displayed name: first name and surname ("anna schmidt"), a
    single word as it is (:func:`~workbench.core.domain.person_key`)."""
    key = person_key(name)
    given = given_name(name, key)
    return f"{given} {key}" if given else key


def is_identity(key: str) -> bool:
    """Whether ``key`` names its entry as it is: another project's person ("[person 1]
    …") or a surname alone while two people of it are known ("schmidt ?")."""
    return key.startswith("[") or key.endswith(AMBIGUOUS)


class Surnames:
    """The person keys of a pseudonym key by surname and first name ("schmidt" → {"anna":
    "schmidt", "peter": "peter schmidt"}); indexed once and extended as the key grows."""

    def __init__(self) -> None:
        self._of: object = None
        self._seen = 0
        self._people: dict[str, dict[str | None, str]] = {}

    def people(
        self, known: dict[tuple[str, str], str], originals: dict[tuple[str, str], str], surname: str
    ) -> dict[str | None, str]:
        """The keys of the persons called ``surname``, by their folded first name (None:
        the entry of the surname, met without a first name)."""
        if self._of is not known or len(known) < self._seen:
            self._of, self._seen, self._people = known, 0, {}
        if len(known) > self._seen:  # the key only grows: index the new entries
            for ident in itertools.islice(known, self._seen, None):
                kind, key = ident
                if kind != "person" or is_identity(key):
                    continue
                if " " in key:
                    given, last = key.rsplit(" ", 1)
                    self._people.setdefault(last, {})[fold(given)] = key
                else:
                    given = given_name(originals.get(ident, ""), key)
                    entry = self._people.setdefault(key, {})
                    entry[fold(given) if given else None] = key
            self._seen = len(known)
        return self._people.get(surname, {})


def full_names(text: str, hits: list[Hit]) -> list[Hit]:
    """A name with first name and surname is keyed by both ("anna schmidt"); a first name
    alone is the person named in full elsewhere in the same text, and so is a surname
    alone if the text names one person of it in full (two: neither of them)."""
    alias: dict[str, str] = {}
    full: dict[str, set[str]] = {}  # surname → the people the text names in full
    keyed = []
    for n, hit in enumerate(hits):
        if hit.kind == "person" and not is_identity(hit.key):
            words = [t.lower for t in name_words(text[hit.start : hit.end])]
            stated = len(words) >= 2  # not "anna" that a name list calls Anna Schmidt
            if " " not in hit.key:
                given = None
                owner = f"{hit.key}s"  # "Anna Schmidts Garten"
                if len(words) >= 2 and words[-1] in (hit.key, owner) and words[0] != hit.key:
                    given = words[0]
                elif len(words) == 2 and words[0] == hit.key and "," in text[hit.start : hit.end]:
                    given = words[1]  # "Becker, Jens"
                if given is not None:
                    hit = replace(hit, key=f"{given} {hit.key}")
                elif words == [hit.key] and n + 1 < len(hits):
                    hit = _couple(text, hit, hits[n + 1])
                    stated = " " in hit.key
            if " " in hit.key:
                given, surname = hit.key.rsplit(" ", 1)
                alias.setdefault(given, hit.key)
                if stated:
                    full.setdefault(surname, set()).add(hit.key)
        keyed.append(hit)
    alias |= {surname: next(iter(keys)) for surname, keys in full.items() if len(keys) == 1}
    out = []
    for hit in keyed:
        alone = hit.key.removesuffix(AMBIGUOUS)  # "schmidt ?" too: the text says which
        if hit.kind == "person" and " " not in alone and alone in alias:
            hit = replace(hit, key=alias[alone])
        elif hit.kind == "person" and " " not in hit.key and len(full.get(hit.key, ())) > 1:
            hit = replace(hit, key=hit.key + AMBIGUOUS)  # "Familie Yılmaz" of Ayşe and Mehmet
        out.append(hit)
    return out


def _couple(text: str, hit: Hit, after: Hit) -> Hit:
    """ "Ayşe und Mehmet Yılmaz": a first name before "und" and a full name is called by
    that surname too."""
    if after.kind != "person" or text[hit.end : after.start] not in (" und ", " & "):
        return hit
    if not gazetteer().has_first(text[hit.start : hit.end]):
        return hit  # "Frau Müller-Lüdenscheidt und Kemal Öztürk": two surnames
    words = [t.lower for t in name_words(text[after.start : after.end])]
    if len(words) >= 2 and words[-1] == after.key.rsplit(" ", 1)[-1]:
        return replace(hit, key=f"{hit.key} {words[-1]}")
    return hit


class PersonKeys(Mapping[str, str]):
    """The person keys of a pseudonym key, read in place (not copied for every text)."""

    def __init__(self, known: dict[tuple[str, str], str], folded: FoldedKeys | None = None):
        self._known = known
        self._folded = folded if folded is not None else FoldedKeys()
        # the answers by word (None: no key), while the key has as many entries as then
        self._asked: dict[str, str | None] = {}
        self._asked_at = len(known)

    def __getitem__(self, word: str) -> str:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def get(self, word: str, default: str | None = None) -> str | None:  # type: ignore[override]
        """The person key ``word`` is written for, else ``default`` (most words of a text
        have none: answered without raising and catching a KeyError, as Mapping's does)."""
        if self._asked_at != len(self._known):  # the key grew: ask it again
            self._asked, self._asked_at = {}, len(self._known)
        if word not in self._asked:
            self._asked[word] = self._lookup(word)
        found = self._asked[word]
        return default if found is None else found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def _lookup(self, word: str) -> str | None:
        """The person key ``word`` is written for, None if the key has none."""
        if ("person", word) in self._known:
            return word
        # "Mueller", "Oeztuerk": a known "Müller", "Öztürk" written without umlauts (file
        # names, e-mail-style user names, keyboards without them)
        for spelled in (*_umlaut_spellings(word), spelled_out(word)):
            if ("person", spelled) in self._known:
                return spelled  # … and a known "Strasser" written "Straßer"
        # "Yilmaz", "Wojcik", "Ozturk": a known "Yılmaz", "Wójcik", "Öztürk" typed on a
        # keyboard without ı, ó, ö
        return self._folded.get(self._known, word)

    def __iter__(self) -> Iterator[str]:
        return (key for kind, key in self._known if kind == "person")

    def __len__(self) -> int:
        return sum(1 for _ in self)


class NamedSurnames:
    """The surnames of a pseudonym key met in a full name or after a form of address
    ("Herr Thomas Kleinhempel", "Frau Kleinhempel" → "kleinhempel"), not alone as a
    cue's uncertain candidate ("Laut Sonnenberg", left to the review queue); indexed
    once and extended as the key grows."""

    def __init__(self) -> None:
        self._of: object = None
        self._seen = 0
        self._named: set[str] = set()

    def of(
        self, known: dict[tuple[str, str], str], originals: dict[tuple[str, str], str]
    ) -> set[str]:
        """The person keys of ``known`` whose original names more than the surname."""
        if self._of is not known or len(known) < self._seen:
            self._of, self._seen, self._named = known, 0, set()
        if len(known) > self._seen:  # the key only grows: index the new entries
            for ident in itertools.islice(known, self._seen, None):
                kind, key = ident
                single = kind == "person" and not is_identity(key) and " " not in key
                if single and _named_with_more(originals.get(ident, ""), key):
                    self._named.add(key)
            self._seen = len(known)
        return self._named


def _named_with_more(original: str, surname: str) -> bool:
    """Whether ``original`` is ``surname`` with a first name, a form of address or a role
    before it ("Thomas Kleinhempel", "Herr Kleinhempel", "Schmidt, Anna"); a first name of
    no list counts too ("Chidinma Nwachukwuike", a speaker or a participant list), a
    German noun or function word before it does not ("Gruppe Jugend", a case of a QDA
    project; "Depot Mercado"): alone, "Jugend" and "Mercado" are words."""
    ordered = natural_order(original)
    toks, words = tokens(ordered), name_words(ordered)
    if len(toks) < 2 or not words or words[-1].lower not in (surname, f"{surname}s"):
        return False
    if len(words) < len(toks):  # a form of address, a title or a role: "Herr Kleinhempel"
        return True
    first = words[0].text
    if any(gazetteer().has_first(part) for part in [first, *first.split("-")]):
        return True
    folded = fold(first)
    return (
        first[:1].isupper()
        and folded not in FUNCTION_WORDS
        and not any(is_german_noun(fold(part)) for part in [first, *first.split("-")])
    )


class FoldedKeys:
    """The person keys of a pseudonym key by their spelling without diacritics
    ("yilmaz" → "yılmaz"); indexed once and extended as the key grows."""

    def __init__(self) -> None:
        self._of: object = None
        self._seen = 0
        self._by_fold: dict[str, str] = {}

    def get(self, known: dict[tuple[str, str], str], word: str) -> str | None:
        """The known person key spelled ``word`` without its diacritics, if any."""
        if self._of is not known or len(known) < self._seen:
            self._of, self._seen, self._by_fold = known, 0, {}
        if len(known) > self._seen:  # the key only grows: index the new entries
            for kind, key in itertools.islice(known, self._seen, None):
                if kind == "person":
                    self._by_fold.setdefault(fold(key), key)
            self._seen = len(known)
        return self._by_fold.get(fold(word))


_DIGRAPHS = {"ae": "ä", "oe": "ö", "ue": "ü", "ss": "ß"}
_DIGRAPH = re.compile(r"(ae|oe|ue|ss)")


def _umlaut_spellings(word: str) -> Iterator[str]:
    """The spellings of ``word`` with umlauts and ß for its "ae", "oe", "ue", "ss"
    ("mueller" → "müller"; at most four such pairs are tried)."""
    parts = _DIGRAPH.split(word)
    if len(parts) == 1 or len(parts) > 9:
        return
    choices = [(part, _DIGRAPHS[part]) if part in _DIGRAPHS else (part,) for part in parts]
    for combination in itertools.product(*choices):
        spelled = "".join(combination)
        if spelled != word:
            yield spelled
