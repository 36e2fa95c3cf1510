"""The people on any workshop's name list, known to the key's rules but not yet numbered.

Listed names apply as names only in their own workshop (broad rules: a first name alone,
lower case); a person listed in one workshop and named by surname alone in another ("Ich
stimme Becker zu.") stayed in clear there. :class:`ListedElsewhere` holds the surnames of
the project's listed people so that the key's rules (a known surname alone, see
:func:`workbench.ingest.name_known.known_word`) find them in every workshop's texts; the
key gets a person's entry and number only where a text is replaced, so a project whose
texts never name a listed person numbers its people as before (entering every listed
person at import renumbered later documents' placeholders).

Only a first name with a surname that is no word of the language counts: "Sommer",
"Bahn", "Klein" on a list made "für Winter, wo …", "die S Bahn", "Klein und Groß" persons
in other workshops' texts (measured on Ottensen and Pol.is), and a first name alone may be
another person of that name. A noun that names a person, one the Wiktionary also knows
with "-in" ("Müller"/"Müllerin", "Koch"/"Köchin", "Richter"/"Richterin"), is rare as a
bare noun in such texts: those surnames count, and the key's rules for nouns
(:mod:`~workbench.ingest.known_nouns`: "der Koch", "Fischer Allee" stay) apply to them.
A surname that names a place in the Wiktionary ("Hamburg", "Rhein", "Köln") is left out
as well: "Wie in Hamburg …", "Köln ist zu weit." are places.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from functools import lru_cache

from workbench.core.word_caches import word_cache
from workbench.ingest.key_growth import word_pattern
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_known import ordinary_word
from workbench.ingest.name_lists import NOUN_SURNAMES
from workbench.ingest.noun_lexicon import is_german_noun, is_place_name
from workbench.ingest.person_keys import name_words
from workbench.ingest.speakers import natural_order


def listed_surname(name: str) -> str | None:
    """The key of a listed name's surname if the name has a first name and a surname that
    is no word, or a noun naming a person, and no place ("Jens Becker", "Becker, Jens" →
    "becker"; "Jens Müller" → "müller"; "Anna Sommer", "Dirk Hamburg", "Anna" → None)."""
    words = name_words(natural_order(name))
    if len(words) < 2 or len(words[-1].text) < 3:
        return None
    return words[-1].lower if name_surname(words[-1].text) else None


@word_cache
@lru_cache(maxsize=8)
def listed_surnames(names: tuple[str, ...]) -> frozenset[str]:
    """The surname keys of a text's name list that are no word (:func:`listed_surname`),
    worked out once per list, not for every statement."""
    return frozenset(filter(None, map(listed_surname, names)))


def name_surname(surname: str) -> bool:
    """Whether ``surname`` names a person wherever it stands: no word, or a noun naming a
    person, and no place ("Becker", "Müller", "Koch"; not "Sommer", "Klein", "Hamburg")."""
    folded = fold(surname)
    if not surname[:1].isupper() or not any(ch.isalpha() for ch in surname):
        return False
    word = ordinary_word(surname) or folded in NOUN_SURNAMES or is_german_noun(folded)
    if word and not is_german_noun(folded + "in"):
        return False  # "Sommer", "Klein", "Lang"; not "Müller", "Koch" ("Müllerin", "Köchin")
    # "Wie in Hamburg braucht es mehr Grün.": the city, not Dirk Hamburg
    return not is_place_name(folded)


class ListedElsewhere:
    """The surnames of the project's listed people (key → surname as written), in the
    order they became known."""

    def __init__(self) -> None:
        self.surnames: dict[str, str] = {}
        self.words: dict[str, str] = {}  # lower-case word → key, also without diacritics

    def add(self, names: Iterable[str]) -> None:
        """Know the people of ``names`` whose surname is no word."""
        for name in names:
            key = listed_surname(name)
            if key is not None and key not in self.surnames:
                self.surnames[key] = name_words(natural_order(name))[-1].text
                self.words[key] = key
                self.words.setdefault(fold(key), key)  # "Yilmaz" of a listed "Yılmaz"

    def mark(self) -> int:
        """A point to ask :meth:`words_since` from: the surnames known so far."""
        return len(self.surnames)

    def words_since(self, mark: int) -> re.Pattern[str] | None:
        """A pattern of the surnames that became known after ``mark``, or ``None``."""
        return word_pattern(list(self.surnames.values())[mark:])


class KnownOrListed(Mapping[str, str]):
    """The key's person words (a mapping word → key) and, where the key does not know a
    word, the listed surnames (their own key, numbered when replaced)."""

    def __init__(self, known: Mapping[str, str], listed: Mapping[str, str]):
        self._known = known
        self._listed = listed

    def __getitem__(self, word: str) -> str:
        try:
            return self._known[word]
        except KeyError:
            if word in self._listed:
                return self._listed[word]
            raise

    def __iter__(self) -> Iterator[str]:
        yield from self._known
        yield from (w for w in self._listed if w not in self._known)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class NamedOrListed(Collection[str]):
    """The person keys met with a first name, and the listed surnames (met so, on a list)."""

    def __init__(self, named: Collection[str], listed: Collection[str]):
        self._named = named
        self._listed = listed

    def __contains__(self, key: object) -> bool:
        return key in self._named or key in self._listed

    def __iter__(self) -> Iterator[str]:
        yield from self._named
        yield from (k for k in self._listed if k not in self._named)

    def __len__(self) -> int:
        return sum(1 for _ in self)
