"""Institutions that write in a chat or answer in a record under their own name
("Polizei", "Stadtbücherei"): roles, not people (pure; moved from
:mod:`workbench.ingest.speaker_labels`)."""

from __future__ import annotations

import re

from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.noun_lexicon import compound_noun, is_german_noun

# Institutions that write in a chat under their own name ("Polizei", "Feuerwehr", "Kita",
# "Jobcenter", "Stadtwerke", "Polizeiwache", "Stadtbücherei"); not a place ("Neustadt")
_INSTITUTION = re.compile(
    r"(?:polizei|feuerwehr|verwaltung|schule|kita|kindergarten|werke|kirche|gemeinde|center|"
    r"präsidium|behörde|ministerium|amt|wache|bücherei|bibliothek)",
    re.IGNORECASE,
)


def institution_account(who: str) -> bool:
    """Whether a chat's display name is an institution's noun alone ("Polizei", "Kita",
    "Stadtbücherei"): a role, not a person; a surname the gazetteer knows ("Koch", "Bauer")
    or a word the lexicon does not know as a noun stays a person.

    >>> institution_account("Polizei"), institution_account("Stadtwerke")
    (True, True)
    >>> institution_account("Koch"), institution_account("Neustadt"), institution_account("Anna")
    (False, False, False)
    """
    word = who.strip()
    if not word.isalpha() or not word[:1].isupper():
        return False
    if not any(_INSTITUTION.fullmatch(word[start:]) for start in range(len(word))):
        return False
    names = gazetteer()
    if names.has_first(word) or names.has_last(word):
        return False
    return is_german_noun(fold(word)) or bool(compound_noun(fold(word)))
