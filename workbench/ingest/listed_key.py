"""A person on a workshop's participant list enters the project's key at import.

Listed names apply as names only in their own workshop (broad rules); a person listed in
one workshop and named by surname alone in another ("Ich stimme Becker zu.") was left in
clear there. Entered into the key with a placeholder, the person is found everywhere by
the key's narrower rules, in statements imported later and (read again) stored earlier.
Only a first name with a surname that is no word of the language enters: "Sommer",
"Bahn", "Klein" on a list would make "für Winter, wo …", "die S Bahn", "Klein und Groß"
persons in other workshops' texts (measured on Ottensen and Pol.is), and a first name
alone may be another person of that name.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_known import ordinary_word
from workbench.ingest.name_lists import NOUN_SURNAMES
from workbench.ingest.noun_lexicon import is_german_noun
from workbench.ingest.person_keys import name_words
from workbench.ingest.pseudonymise import Pseudonymiser


def enter_listed(key: Pseudonymiser, names: Iterable[str]) -> None:
    """Enter the listed people of ``names`` with a first name and a surname that is no
    word into ``key`` ("Jens Becker" yes; "Anna Sommer", "Anna" no)."""
    for name in dict.fromkeys(names):
        words = name_words(name)
        if len(words) < 2 or not _no_word(words[-1].text):
            continue
        key.pseudonymise(name, [name], prose=False)


def _no_word(surname: str) -> bool:
    """Whether the surname is no word of the language ("Becker", not "Sommer", "Lang")."""
    folded = fold(surname)
    return not (ordinary_word(surname) or folded in NOUN_SURNAMES or is_german_noun(folded))
