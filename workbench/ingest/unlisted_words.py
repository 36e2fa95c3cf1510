"""Words of no list written like a name (moved out of
:mod:`workbench.ingest.name_pairs`, near its size limit): a first name or a surname that
no gazetteer, noun lexicon or word list knows ("Chidinma Nwachukwuike", "Quirin
Zabelberg"), and the common English words and first names of the installed faker."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, partial
from typing import Protocol

from workbench.core.word_caches import fixed_cache
from workbench.ingest import name_lists as lists
from workbench.ingest.facility_words import facility_compound
from workbench.ingest.name_gazetteer import Gazetteer, fold
from workbench.ingest.name_known import ORDINARY, Finder
from workbench.ingest.name_tokens import PLACE_END, Tok
from workbench.ingest.noun_lexicon import (
    compound_noun,
    is_german_noun,
    is_place_name,
    is_place_phrase,
)
from workbench.ingest.surname_heads import house_surname, surname_compound


class PersonFinder(Finder, Protocol):
    """What these rules use of :class:`workbench.ingest.names.PersonFinder`."""

    def _sure_name(self, tok: Tok) -> bool:
        """A first name or surname of the gazetteer, or a word spelled like a name."""


# A word written like a name: a capital, then small letters ("Chidinma", "Nwachukwuike")
_PLAIN_NAME = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}")
# Endings of adjectives ("Unterschiedliche", "Geothermisch") and of English words
# ("Vertical Farming", "Reinventing Society") capitalised in a name or a title
_NOT_NAME_END = re.compile(
    r"(?:lich|liche|lichen|licher|isch|ische|ischen|ischer|bare|baren|same|samen|lose|losen|"
    r"ierte|ierten|ige|igen|ing|ical|ity|ics|ship)$|^(?:be|ge|ver|er|ent|zer)[a-zäöüß]{3,}t$"
)


def plain_name(word: str) -> bool:
    """Whether ``word`` is written like a name: a capital, then small letters."""
    return _PLAIN_NAME.fullmatch(word) is not None


# … but no English word has an umlaut: "Lüdeking", "Möhring" are surnames
_UMLAUT_ING = re.compile(r"[äöü][a-zäöüß]*ing$")


@fixed_cache("common English words")
@cache
def english_words() -> frozenset[str]:
    """About 1,000 common English words, folded ("help", "take", "ground"): the English
    word list of the installed faker (its lorem provider), no download."""
    from faker.providers.lorem.en_US import Provider

    return frozenset(fold(word) for word in Provider.word_list)


@fixed_cache("English first names")
@cache
def english_first_names() -> frozenset[str]:
    """About 7,000 English first names, folded ("grace", "felicity", "trinity"): the English
    person provider of the installed faker, no download."""
    from faker.providers.person.en import Provider

    return frozenset(fold(name) for name in Provider.first_names)


def unlisted_word(finder: PersonFinder, tok: Tok, heads: bool = False) -> bool:
    """Whether ``tok`` is written like a name and is a word of no list at all: no name of
    the gazetteer, no noun, compound or place of the Wiktionary, no word of the name lists,
    no common English word (:func:`unlisted_pair`). ``heads``: a compound counts whose head
    a surname's is ("Terhorst", "Wiesmeier": :func:`surname_compound`)."""
    f = tok.folded
    compound = partial(_word_compound, finder.names) if heads else compound_noun
    return (
        _PLAIN_NAME.fullmatch(tok.text) is not None
        and f not in english_words()
        and not finder._sure_name(tok)
        and not finder.names.has_first(tok.text)
        and not finder.names.has_last(tok.text)
        and finder.name_like(tok)
        and f not in ORDINARY
        and f not in lists.LOCAL_NAMES
        and f not in lists.INSTITUTION_NOUNS
        and not PLACE_END.search(f)
        and not (_NOT_NAME_END.search(f) and not _UMLAUT_ING.search(tok.text))
        and not any(is_german_noun(w) or is_place_name(w) or compound(w) for w in _stems(f))
    )


def no_listed_word(finder: PersonFinder, tok: Tok) -> bool:
    """Whether ``tok`` is written like a name and is no common English word, no ordinary
    word, local name or institution word of the name lists, no noun and no place (the
    common part of the rules for a word of no list beside a name)."""
    f = tok.folded
    return (
        plain_name(tok.text)
        and finder.name_like(tok)
        and f not in english_words()
        and f not in ORDINARY
        and f not in lists.LOCAL_NAMES
        and f not in lists.INSTITUTION_NOUNS
        and not is_german_noun(f)
        and not is_place_name(f)
    )


def _word_compound(names: Gazetteer, folded: str) -> bool:
    """A compound of the lexicon whose head is no surname's ("sozialstation")."""
    return compound_noun(folded) and not surname_compound(folded, names)


def unlisted_surname_word(finder: PersonFinder, tok: Tok) -> bool:
    """Whether ``tok`` is a surname of no list (:func:`unlisted_word`), also a hyphenated
    one whose parts are each of no list or a surname of the gazetteer, one at least of no
    list ("Zabelberg-Ostwald", "Schulte-Zabelberg"); no compound of nouns ("Open-Air")."""
    parts = tok.text.split("-")
    if len(parts) == 1:
        return unlisted_word(finder, tok, heads=True)  # "Okke Terhorst"
    if not 2 <= len(parts) <= 3 or not finder.name_like(tok, named=True):
        return False
    words = [replace(tok, text=p, folded=fold(p), lower=p.lower()) for p in parts]
    unlisted = [
        _PLAIN_NAME.fullmatch(w.text) is not None and unlisted_word(finder, w) for w in words
    ]
    listed = [finder.is_surname(w) for w in words]
    return any(unlisted) and all(u or surname for u, surname in zip(unlisted, listed, strict=True))


def unlisted_surname(finder: PersonFinder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether the word after the name ``toks[i]``, one blank between, is its surname of no
    list: "laut Quirin Zabelberg", "sagt Chidinma Nwachukwuike" (a cue makes the first word
    a name, the surname stayed in clear after it); no place of two words ("Addis Abeba"),
    not before "Platz", "Schule", …"""
    if i + 1 >= len(toks) or text[toks[i].end : toks[i + 1].start] != " ":
        return False
    tok, nxt = toks[i], toks[i + 1]
    if not (finder.is_first(tok) or unlisted_word(finder, tok)):
        return False
    if not unlisted_surname_word(finder, nxt) or is_place_phrase(f"{tok.folded} {nxt.folded}"):
        return False  # "laut Addis Abeba": a place of two words
    return not finder._institution_after(text, toks, i + 1)


def house_surname_word(finder: PersonFinder, tok: Tok) -> bool:
    """Whether ``tok`` is a surname of no list ending in "-haus" or "-hof" (:func:`house_surname`:
    "Brinkhaus", "Kötterhaus"), written like a name: no noun, place, district, institution,
    facility or first name ("Rathaus", "Jugendhaus", "Schulhof", "Bürgerpark")."""
    f = tok.folded
    if not plain_name(tok.text) or finder.names.has_first(tok.text):
        return False
    if f in finder.protected or f in ORDINARY or f in lists.LOCAL_NAMES:
        return False
    if f in lists.INSTITUTION_NOUNS or facility_compound(f):
        return False
    return not (is_german_noun(f) or is_place_name(f)) and house_surname(f)


def _stems(folded: str) -> tuple[str, ...]:
    """The word and, after an ending of a genitive or a dative plural, its stem
    ("osterreichs" → "osterreich", "ortsgebieten" → "ortsgebiete", "ortsgebiet")."""
    stems = [folded]
    if folded.endswith(("s", "n")):
        stems.append(folded[:-1])
    if folded.endswith(("es", "en")):
        stems.append(folded[:-2])
    return tuple(stems)
