"""Where a text names a listed participant: the index of a name list's variants and the scan.

Split from :mod:`workbench.ingest.pseudonymise` (whose :class:`Pseudonymiser` keeps the
last few name lists' indexes): :func:`variant_index` lists the variants of a name list
with their regex flags, longest first, and :func:`listed_hits` finds them in a text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from workbench.ingest.listed_nouns import chat_addressed, noun_context, word_use
from workbench.ingest.listed_variants import name_variants
from workbench.ingest.listed_words import (
    ADDRESS_BEFORE,
    addressed,
    listed_pattern,
    lower_case_ok,
    named_beside,
    noun_surname,
    s_word,
    word_surname,
)
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_lists import short_name_ok
from workbench.ingest.name_tokens import genitive_at, search_before
from workbench.ingest.pii_patterns import Hit

_WORD_RUN = re.compile(r"[\w-]+")  # what the boundaries of a listed name delimit
# A listed name word that is also a German noun ("Rosen", "Busch"): alone it is the noun,
# shown for review, and replaced only where a rule finds it as a name (a cue).
NOUN_CONFIDENCE = 0.45

Variants = list[tuple[str, str, int, bool | None]]  # (variant, key, regex flags, lower case too)
# a variant's first word → its positions; a key ("anna", "schmidt") of two words → the
# positions of the variants of two words or more that begin so (see :func:`_paired`)
ByWord = dict[str | tuple[str, str] | None, list[int]]

# The letters a variant of two words may consist of to be found by its first two words:
# ASCII, Latin-1 and Latin Extended-A and -B but "İ" (two letters in lower case: "i̇").
# Under re.IGNORECASE a text's character matches one of them only where :func:`_folded`
# of both is the same, and a word character only a word character
# (tests/test_listed_pairs.py checks every code point).
_PAIRED = frozenset(
    [chr(c) for c in range(0x20, 0x7F)]
    + [chr(c) for c in range(0xC0, 0x250) if c not in (0xD7, 0xF7, 0x130)]
)
# what str.lower leaves apart that re.IGNORECASE matches: "ſ" is "s", "ı" and "İ" are "i"
_FOLD = str.maketrans({"ſ": "s", "ı": "i", "İ": "i"})


def _folded(word: str) -> str:
    """``word`` as :func:`_paired` compares it: lower case, "ſ" as "s", "ı" and "İ" as "i"."""
    return word.translate(_FOLD).lower()


def _paired(variant: str) -> tuple[str, str] | None:
    """The first two words of a variant that begins with a word (folded), if it has two
    and consists of :data:`_PAIRED` letters; else ``None``.

    Where such a variant matches a text (in any case, or its lower case exactly), the
    text's word at the match is its first word and the text's next word is its second,
    or that with an "s" ("Anna Schmidts"): the text's pairs of adjacent words find it.
    """
    if not _PAIRED.issuperset(variant):
        return None
    words = list(_WORD_RUN.finditer(variant))
    if len(words) < 2 or words[0].start() != 0:
        return None
    return _folded(words[0].group()), _folded(words[1].group())


def variant_index(
    names: tuple[str, ...], confirmed: tuple[str, ...], protected: frozenset[str]
) -> tuple[Variants, ByWord, dict[str, str]]:
    """The variants of ``names`` and the ``confirmed`` words, longest first, where each
    word starts one, and the listed full names by key ("karl weber" → "Karl Weber")."""
    listed = name_variants(names)
    listed_full: dict[str, str] = {}
    for variant, key in listed:  # a listed name first, then its parts and spellings
        if " " in key and " " in variant:
            listed_full.setdefault(key, variant)
    # A listed display name's single words, except a district's or a code's
    # ("Quartiersbüro Opladen" must not take "Opladen" out of every text).
    # (variant, key, regex flags, whether a lower-case match is a name too)
    variants = [
        (variant, key, re.IGNORECASE, True)
        if lower_case_ok(variant)
        else (variant, key, re.IGNORECASE, None)
        if short_name_ok(variant)
        else (variant, key, 0, False)
        for variant, key in listed
        if " " in variant or fold(variant) not in protected
    ]
    # a researcher's confirmed word: matched in any case, a name only capitalised
    variants += [(word, word.lower(), re.IGNORECASE, False) for word in confirmed]
    variants.sort(key=lambda v: -len(v[0]))
    by_word: ByWord = {}
    for position, (variant, *_) in enumerate(variants):
        first = _WORD_RUN.match(variant)
        # thousands of listed authors share a few dozen first names: a text with "Anna"
        # would try every listed Anna's full name; by the first two words only hers
        pair = _paired(variant)
        head = pair if pair is not None else first.group().lower() if first else None
        by_word.setdefault(head, []).append(position)
    return variants, by_word, listed_full


def listed_hits(
    text: str, variants: Variants, by_word: ByWord, rejected: frozenset[str]
) -> Iterator[Hit]:
    """Hits of listed participant names and of words a researcher confirmed."""
    if not by_word:
        return  # no name list and nothing confirmed: no word of the text to look up
    wanted = set(by_word.get(None, ()))
    runs = _WORD_RUN.findall(text)
    words = {w.lower() for w in runs}
    for word in words:
        wanted.update(by_word.get(word, ()))
        wanted.update(by_word.get(word[:-1], ()) if word.endswith("s") else ())  # "Annas"
    # a variant of two words or more: where the text has its first two one after the
    # other, and its first word as a word (or with an "s"), as the words' index asks
    folded = [_folded(w) for w in runs]
    for first, second in set(pairwise(folded)):
        pairs = (
            [(first, second), (first, second[:-1])] if second.endswith("s") else [(first, second)]
        )
        for position in (p for pair in pairs for p in by_word.get(pair, ())):
            head = _WORD_RUN.match(variants[position][0]).group().lower()  # type: ignore[union-attr]
            if head in words or head + "s" in words:
                wanted.add(position)
    found: dict[tuple[str, str, int, bool | None], list[Hit]] = {}
    for position in sorted(wanted):  # longest first, as without the index
        variant = variants[position]  # the same word of many listed names: read once
        if variant not in found:
            found[variant] = _variant_hits(text, *variant, rejected)
        yield from found[variant]


def _variant_hits(
    text: str, variant: str, key: str, flags: int, lower_too: bool | None, rejected: frozenset[str]
) -> list[Hit]:
    """The hits of one listed variant in ``text``."""
    hits = []
    if not flags and word_surname(variant, key):
        # "frau busch hat gesagt" of a listed Jens Busch, "frau sommer" of a
        # listed Anna Sommer, as typed in chats
        for m in listed_pattern(variant.lower(), 0).finditer(text):
            if m.group(1):
                continue
            after_address = search_before(ADDRESS_BEFORE, text, m.start(), "", 9)
            if after_address or chat_addressed(text, m):
                hits.append(Hit(m.start(), m.end(), "person", key, 0.9))
    for m in listed_pattern(variant, flags).finditer(text):
        # A lone name that is also a word ("im Sommer", "der Koch", "Will discuss")
        if " " not in variant and word_use(text, m, variant):
            continue
        # a listed name may end in "x", "z" or "ß" before it, as people write it
        # without the apostrophe ("Straußs Vorschlag" of a listed Jonas Strauß)
        genitive = genitive_at(text, m.end(), sibilant=True)
        if m.group(1) and (not genitive or s_word(text, m)):
            continue  # "Annas Idee" is Anna's; "Mais", "montags Ruhetag" are words
        noun = not m.group(1) and noun_surname(variant, key)
        if noun and named_beside(text, m, key):
            # "Busch Jens sagt", "Busch, Jens": the listed person, all of the name
            confidence = 1.0 if m.group()[0].isupper() else 0.9
            hits.append(Hit(m.start(), m.end(), "person", key, confidence))
        elif noun and noun_context(text, m.start(), m.end()):
            # "Mehr Rosen am Zaun" of a listed Anna Rosen: the noun, for review;
            # elsewhere the person ("Ich stimme Rosen zu", "Frag Rosen")
            hits.append(Hit(m.start(), m.end(), "person", key, NOUN_CONFIDENCE, m.group()))
        elif m.group()[0].isupper() or m.group() == variant:  # or "al-Hassan"
            hits.append(Hit(m.start(), m.end(), "person", key, 1.0))
        elif lower_too and m.group().islower():
            # typed in lower case, as in chats: "danke anna", "kowalczyk hier"
            hits.append(Hit(m.start(), m.end(), "person", key, 0.9))
        elif lower_too is None and m.group().islower() and addressed(text, m):
            if fold(m.group()) in rejected:
                continue  # a researcher said: no name here
            # "danke ali", "tom hat recht", "ben, kannst du …": only so addressed
            hits.append(Hit(m.start(), m.end(), "person", key, 0.75, m.group()))
    return hits
