"""How a listed participant's name word is matched in a text: as the person, as a word.

The helpers :meth:`workbench.ingest.pseudonymise.Pseudonymiser` uses to read a listed
name where it stands: a noun surname beside its first name, a lower-case name addressed
in a chat, a name with a genitive "s" that is a word of its own ("montags").
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.core.word_caches import word_cache
from workbench.ingest.listed_nouns import is_noun_word
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_lists import NOUN_FIRST_NAMES, NOUN_SURNAMES, S_WORDS, lower_case_name_ok
from workbench.ingest.name_tokens import last_char, search_before

NOUN_NAMES = NOUN_FIRST_NAMES | NOUN_SURNAMES


def word_surname(variant: str, key: str) -> bool:
    """Whether the listed word ``variant`` is the surname of ``key`` and also a German noun
    of the name lists or the lexicon ("Busch", "Sommer"): in lower case only a word."""
    surname = key.rsplit(" ", 1)[-1] == variant.lower()  # "Herr Koch" listed: "koch"
    return surname and (fold(variant) in NOUN_NAMES or is_noun_word(variant))


def noun_surname(variant: str, key: str) -> bool:
    """Whether the listed word ``variant`` is the surname of the listed full name ``key``
    and also a German noun ("Rosen" of "Anna Rosen", "Busch" of "Jens Busch")."""
    return " " in key and key.rsplit(" ", 1)[1] == variant.lower() and fold(variant) in NOUN_NAMES


ADDRESS_BEFORE = re.compile(r"(?<![\w-])(?:frau|herr|herrn)[ \u00a0]$")


def named_beside(text: str, m: re.Match[str], key: str) -> bool:
    """Whether the listed noun surname at ``m`` stands right before its person's first
    name, as lists and forms write it ("Busch Jens", "Busch, Jens"): the person."""
    first = re.escape(key.rsplit(" ", 1)[0])
    after = re.compile(rf",?[ \u00a0]{first}(?![\w-])", re.IGNORECASE)
    return bool(after.match(text, m.end()))


_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:;\n•–-])[\s\"'„“»(]*$")


def s_word(text: str, m: re.Match[str]) -> bool:
    """Whether a listed name with an "s" is a word of its own ("montags", "teils",
    "Langes Warten"): in lower case, or capitalised because it opens a sentence."""
    word = m.group() + "s"
    return fold(word) in S_WORDS and (
        word.islower() or bool(search_before(_SENTENCE_BEFORE, text, m.start(), " \"'„“»(", 1))
    )


@word_cache
@lru_cache(maxsize=65_536)
def listed_pattern(variant: str, flags: int) -> re.Pattern[str]:
    """A listed name as a whole word, or before a genitive "s" (group 1); compiled once."""
    return re.compile(rf"(?<![\w-]){re.escape(variant)}(?=(s?)(?![\w-]))", flags)


_GREETING_BEFORE = re.compile(
    r"(?:^|[\s,(])(?:danke|dank|hallo|hi|hey|moin|servus|liebe|lieber|sorry|an)\s*,?\s*$",
    re.IGNORECASE,
)
_SPEAKING_AFTER = re.compile(
    r"\s*[,:]|\s(?:hat|hatte|ist|war|sagt|sagte|meint|meinte|schreibt|fragt|kann|will)\b"
)


def addressed(text: str, m: re.Match[str]) -> bool:
    """Whether a short lower-case name is addressed or speaks: after a greeting ("danke
    ali"), or opening a sentence before a comma, a colon or a verb ("tom hat recht")."""
    if search_before(_GREETING_BEFORE, text, m.start(), " ,", 8):
        return True
    opening = last_char(text, m.start())
    return (not opening or opening in ".!?:\n") and bool(_SPEAKING_AFTER.match(text, m.end()))


def lower_case_ok(variant: str) -> bool:
    """Whether a listed name is also found written in lower case: a full name ("anna
    schmidt"), or a single name word that is no German word (:func:`lower_case_name_ok`)."""
    words = variant.split()
    if len(words) > 1:
        return all(any(ch.isalpha() for ch in w) for w in words)
    parts = variant.split("-")
    if len(parts) > 1:  # "anna-lena", "schulte-brinkmann": no German word is written so
        return all(p.isalpha() for p in parts) and any(lower_case_name_ok(p) for p in parts)
    return lower_case_name_ok(variant)
