"""Where a text names a listed participant: the index of a name list's variants and the scan.

Split from :mod:`workbench.ingest.pseudonymise` (whose :class:`Pseudonymiser` keeps the
last few name lists' indexes): :func:`variant_index` lists the variants of a name list
with their regex flags, longest first, and :func:`listed_hits` finds them in a text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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
ByWord = dict[str | None, list[int]]  # a variant's first word → its positions


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
        by_word.setdefault(first.group().lower() if first else None, []).append(position)
    return variants, by_word, listed_full


def listed_hits(
    text: str, variants: Variants, by_word: ByWord, rejected: frozenset[str]
) -> Iterator[Hit]:
    """Hits of listed participant names and of words a researcher confirmed."""
    wanted = set(by_word.get(None, ()))
    for word in {w.lower() for w in _WORD_RUN.findall(text)}:
        wanted.update(by_word.get(word, ()))
        wanted.update(by_word.get(word[:-1], ()) if word.endswith("s") else ())  # "Annas"
    for position in sorted(wanted):  # longest first, as without the index
        variant, key, flags, lower_too = variants[position]
        if not flags and word_surname(variant, key):
            # "frau busch hat gesagt" of a listed Jens Busch, "frau sommer" of a
            # listed Anna Sommer, as typed in chats
            for m in listed_pattern(variant.lower(), 0).finditer(text):
                if m.group(1):
                    continue
                after_address = search_before(ADDRESS_BEFORE, text, m.start(), "", 9)
                if after_address or chat_addressed(text, m):
                    yield Hit(m.start(), m.end(), "person", key, 0.9)
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
                yield Hit(m.start(), m.end(), "person", key, 1.0 if m.group()[0].isupper() else 0.9)
            elif noun and noun_context(text, m.start(), m.end()):
                # "Mehr Rosen am Zaun" of a listed Anna Rosen: the noun, for review;
                # elsewhere the person ("Ich stimme Rosen zu", "Frag Rosen")
                yield Hit(m.start(), m.end(), "person", key, NOUN_CONFIDENCE, m.group())
            elif m.group()[0].isupper() or m.group() == variant:  # or "al-Hassan"
                yield Hit(m.start(), m.end(), "person", key, 1.0)
            elif lower_too and m.group().islower():
                # typed in lower case, as in chats: "danke anna", "kowalczyk hier"
                yield Hit(m.start(), m.end(), "person", key, 0.9)
            elif lower_too is None and m.group().islower() and addressed(text, m):
                if fold(m.group()) in rejected:
                    continue  # a researcher said: no name here
                # "danke ali", "tom hat recht", "ben, kannst du …": only so addressed
                yield Hit(m.start(), m.end(), "person", key, 0.75, m.group())
