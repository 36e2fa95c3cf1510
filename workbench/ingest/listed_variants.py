"""The variants of the names on a project's name lists (full name, surname, first name,
as typed without diacritics) that :class:`workbench.ingest.pseudonymise.Pseudonymiser`
looks for in every text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from itertools import dropwhile

from workbench.core.domain import person_key
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_known import ordinary_word
from workbench.ingest.name_lists import ACADEMIC, PARTICLES, ROLE_WORDS, TITLES
from workbench.ingest.noun_lexicon import is_german_noun, is_place_name
from workbench.ingest.person_keys import AMBIGUOUS, full_key
from workbench.ingest.speakers import natural_order

_USER_NAME_PARTS = re.compile(r"(?<=[^\W\d_])[._](?=[^\W\d_])")
# A name anonymised before the import, as research ethics ask of a transcript or protocol:
# "Person A", "Befragte Person 2", "Teilnehmerin 3", "Frau X", "Herr Y.", "[Name 1]": already
# a pseudonym
_ANONYMISED = re.compile(
    r"^(?:(?:(?:(?:[Bb]efragte|[Ii]nterviewte|[Tt]eilnehmende|[Aa]nonyme)\s+)?Person|"
    r"Teilnehmer(?:in)?|Teilnehmende[rn]?|TN|Befragte[rn]?|Interviewte[rn]?|"
    r"Interviewpartner(?:in)?|Expert(?:e|in)|Frau|Herr|Fr\.|Hr\.)\s*(?:[A-Z]|\d{1,3})\.?|"
    r"\[[^\[\]]{1,30}\]|N\.\s?N\.|[A-Z]\.?)$"  # "Frau X" without the address: "X"
)

_PLAIN_EXTRA = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})


def plain(text: str, keep: str = "") -> str:
    """``text`` without diacritics but those of ``keep``, case kept ("Łukasz Wójcik" →
    "Lukasz Wojcik"; "Şükrü" → "Sukru", keeping "ü" "Sükrü"), as typed on a German keyboard."""
    decomposed = "".join(c if c in keep else unicodedata.normalize("NFKD", c) for c in text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", plain.translate(_PLAIN_EXTRA))


# particles that are German words in lower case ("von Berg nach Tal", "zu Hause"), with
# the prepositions of Low German and Westphalian surnames ("Zur Mühlen", "Vom Hofe",
# "Auf der Maur"): no name alone ("Zur Info", "Auf der Straße")
_GERMAN_PARTICLES = frozenset(("von", "zu", "der", "den", "zur", "zum", "vom", "auf", "aus"))
# the German articles among the particles of Portuguese and French surnames ("Das Neves",
# "Des Roches"): a German word in lower case and capitalised
_ARTICLE_PARTICLES = frozenset(("das", "des"))
# Romance, Dutch and Arabic particles inside a surname ("Dos Santos", "Ten Brink", "Della
# Rovere", "Bin Rashid"): words of other texts alone ("Dos und Don'ts", "Top Ten", "Bin
# gleich da"), no name variant; "ben" stays one, a first name too ("Finn Ben Schulz")
_NAME_PARTICLES = (PARTICLES - {"ben"}) | _ARTICLE_PARTICLES | {"abu"}
# An article in lower case inside a listed label ("die" of "Frage an die Neue Heimat"): a
# word of every text, never a name alone
_ARTICLES = frozenset(("der", "die", "das", "den", "dem", "des"))


def name_variants(names: Iterable[str]) -> list[tuple[str, str]]:
    """Full name, surname and first name of each listed person, with its key.

    A name written "Nachname, Vorname" is read as "Vorname Nachname" (its key is the
    surname, :func:`~workbench.ingest.speakers.natural_order`); both spellings are
    variants, the single words without the comma. Titles ("Dr.", "Frau"), particles
    written in lower case ("von der" of "Ursula von der Leyen") and words without a
    letter are no variants, and a name without any letter (a dial-in number,
    "+49 2171 1234567") is none at all: phone numbers are found by their pattern, and its
    digit groups must not turn every "2171" of a text into a person. A word shared by
    two listed people's names is its own person (the text does not say which of them).
    A name anonymised before ("Person A", "Frau X", "[Name 1]") is none either: its words
    ("Person", "Frau") are no one's name in the texts.
    """
    out = []
    for listed in names:
        name = natural_order(listed)
        if not any(ch.isalpha() for ch in name) or _ANONYMISED.match(" ".join(name.split())):
            continue
        key = full_key(name)
        if not _role_word(name):  # a contact "Mama" is no name in "Als Mama von drei …"
            out.append((name, key))
        if listed.strip() != name:
            out.append((" ".join(listed.split()), key))
        words = []
        for token in name.split():
            token = token.strip(",;:")
            words.append(token)
            # a user name's parts: "bernd.kowalczyk" is "bernd" and "kowalczyk" in a text
            parts = _USER_NAME_PARTS.split(token)
            if len(parts) > 1 and "@" not in token:
                words += [p for p in parts if not _user_name_word(p)]
        for n, token in enumerate(words):
            title = token.lower() in TITLES or token.lower() in ACADEMIC or _role_word(token)
            title = title or (token.islower() and token in PARTICLES | _ARTICLES)  # "von der"
            # "Von" of a listed Jan Von Berg: no name alone ("Von hier aus geht es."), nor
            # "Dos" of João Dos Santos ("Die Dos und Don'ts"); the last word is a surname
            # ("Thi Van"), a particle only before one
            inner = 0 < n < len(words) - 1
            title = title or (n > 0 and token.lower() in _GERMAN_PARTICLES)
            title = title or (inner and token.lower() in _NAME_PARTICLES)
            if len(token) > 2 and re.search(r"[^\W\d_]", token) and not title:
                out.append((token, key))
        # the name without its form of address: "anna sommer" of a listed "Frau Anna Sommer"
        untitled = list(dropwhile(lambda w: w.lower() in TITLES or w.lower() in ACADEMIC, words))
        if 1 < len(untitled) < len(words):
            out.append((" ".join(untitled), key))
        heads_at = PARTICLES | _GERMAN_PARTICLES | _ARTICLE_PARTICLES
        tail = next((words[n:] for n, w in enumerate(words) if n and w.lower() in heads_at), [])
        if len(tail) > 1:  # "von der Leyen" at a sentence's start too; "Da Silva", "da Silva"
            heads = dict.fromkeys((tail[0], tail[0].lower(), tail[0].capitalize()))
            german = _GERMAN_PARTICLES | _ARTICLE_PARTICLES
            if tail[0] != tail[0].lower() and tail[0].lower() in german:
                # "von Berg nach Tal" of a listed Jan Von Berg: the preposition as written
                heads.pop(tail[0].lower())
            out += [(" ".join([head, *tail[1:]]), key) for head in heads]
    # "Ayşe Yılmaz" is also typed "Ayse Yilmaz", "Łukasz Wójcik" "Lukasz Wojcik", and
    # with the umlauts of a German keyboard "Şükrü Öztürk" "Sükrü Öztürk"
    typed = [(plain(v, keep), k) for keep in ("", "äöüÄÖÜ") for v, k in out]
    seen = set(out)
    out += [pair for pair in dict.fromkeys(typed) if pair not in seen]
    # One word of two people's names ("Anna" of Anna Schmidt and Anna Becker, "Schmidt" of
    # Anna and Peter Schmidt) names neither for sure: it is a person of its own, not
    # whichever of them came first.
    keys: dict[str, set[str]] = {}
    for variant, key in out:
        if " " not in variant:
            keys.setdefault(variant.casefold(), set()).add(key)
    return [
        (v, _shared_key(v, keys[v.casefold()]))
        if " " not in v and len(keys[v.casefold()]) > 1
        else (v, k)
        for v, k in out
    ]


def _user_name_word(part: str) -> bool:
    """Whether a part of a user name is a word of the language, no name: "Radfahrer" of
    "radfahrer_lev", "Blick" of "rhein.blick", "Stadt" of "stadt_teil" (a name the
    gazetteer knows that is no ordinary word, "meier" of "p_meier", stays a name)."""
    folded, names = fold(part), gazetteer()
    if ordinary_word(part):
        return True
    if names.has_first(part.capitalize()) or names.has_last(part.capitalize()):
        return False
    return is_german_noun(folded) or is_place_name(folded)


def _role_word(word: str) -> bool:
    """A role or kinship word that names nobody ("Mama", "Oma", "Nachbarin" of a contact
    "Mama 💕", "Nachbarin Gisela"), unless the gazetteer knows it as a name ("Richter")."""
    names = gazetteer()
    return fold(word) in ROLE_WORDS and not (names.has_first(word) or names.has_last(word))


def _shared_key(word: str, keys: set[str]) -> str:
    """The key of a word several listed names share: a surname of one full name is that
    person ("Vossberg" and "Henrik Vossberg"), of two full names neither of them
    (:data:`~workbench.ingest.person_keys.AMBIGUOUS`); another word is its own person."""
    if all(fold(k.rsplit(" ", 1)[-1]) == fold(word) for k in keys):
        full = {k for k in keys if " " in k}
        return full.pop() if len(full) == 1 else person_key(word) + AMBIGUOUS
    return person_key(word)
