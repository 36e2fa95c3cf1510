"""A neuter place or body after a record label's dative article ("Antwort vom Schwimmbad",
"aus dem Stadion", "im Kino"), told from a surname said with its article ("vom Lamm",
"vom Rosenfeld") by the lexicon's gender and the noun's shape (pure; read by
:mod:`workbench.ingest.speaker_labels`)."""

from __future__ import annotations

import re

from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.noun_lexicon import is_person_name, noun_articles

# The article of a neuter noun in the dative ("vom Kino", "aus dem Stadion", "im Hotel")
_NEUTER_DATIVE = frozenset("dem vom im beim".split())
_VOWELS = re.compile(r"[aeiouyäöüéèáàâêô]+", re.IGNORECASE)
# A native noun's ending after its second syllable ("Silber", "Eisen", "Erbe"), as surnames have
_NATIVE_END = re.compile(r"(?:er|en|e)$")


def neuter_place(words: list[str], noun: str) -> bool:
    """Whether a label's noun after a neuter dative article is a place or a body ("vom
    Schwimmbad", "aus dem Stadion", "im Kino", "vom Eiscafé"): a noun the Wiktionary knows
    only as neuter, no name either list holds, built like no surname: surnames of neuter
    nouns are short native words or end in one ("vom Lamm", "vom Feld", "vom Silber",
    "vom Rosenfeld": persons).

    >>> neuter_place(["Antwort", "vom", "Stadion"], "Stadion")
    True
    >>> neuter_place(["Antwort", "vom", "Lamm"], "Lamm")
    False
    >>> neuter_place(["Antwort", "vom", "Rosenfeld"], "Rosenfeld")
    False
    """
    if not _NEUTER_DATIVE & {w.casefold() for w in words[1:]} or not noun.isalpha():
        return False
    head = compound_head(noun)
    forms = noun_articles(noun) or noun_articles(head.capitalize()) or frozenset()
    if "nominativ das" not in forms or "nominativ der" in forms or "nominativ die" in forms:
        return False  # a compound the lexicon lacks has its head's gender ("Jugendcafé")
    if gazetteer().has_last(noun) or is_person_name(fold(noun)):
        return False
    return not _surname_shaped(head)


def compound_head(noun: str) -> str:
    """The last noun of a compound ("Rosenfeld" → "feld", "Fitnessstudio" → "studio"), or
    the noun: the shortest end of four letters or more, after three, that is a noun's form
    as written ("Geschäft" ends in no "Schäft")."""
    for start in range(3, len(noun) - 3):
        if noun_articles(noun[start:].capitalize()) is not None:
            return noun[start:]
    return noun


def _surname_shaped(word: str) -> bool:
    """Whether a noun is built like a surname: one syllable ("Lamm", "Feld") or two with a
    native ending ("Silber", "Eisen"); not a loanword ("Hotel", "Kino", "Café", "Stadion")."""
    syllables = len(_VOWELS.findall(word))
    return syllables <= 1 or (syllables == 2 and bool(_NATIVE_END.search(word.casefold())))
