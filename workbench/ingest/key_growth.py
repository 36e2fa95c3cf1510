"""The names the key learned since a point of an import, to read again what came before.

The key knows a person from where it learns the name on: "Becker hat recht. Herr Jens
Becker kommt." finds "Becker" alone only once "Herr Jens Becker" is in the key
(:class:`~workbench.ingest.person_keys.NamedSurnames`). What was pseudonymised before and
still shows a word of a name learned since is read again with the grown key: the text
before it, an earlier statement, question, attribute or title of the same import. The key
only grows (entries are added, never removed), so its size marks a point; an import that
learns nothing reads nothing again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import islice

from workbench.ingest.person_keys import name_words


def learned_words(
    known: Mapping[tuple[str, str], str], originals: Mapping[tuple[str, str], str], since: int
) -> re.Pattern[str] | None:
    """A pattern of the name words of the persons the key learned after its first ``since``
    entries ("Herr Jens Becker" → "Jens", "Becker"), or ``None`` if it learned none."""
    return word_pattern(learned_names(known, originals, since))


def word_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern of ``words`` as whole words, or ``None`` if there are none."""
    words = set(words)
    if not words:
        return None
    # the whole word, or with a genitive "s" ("Beckers"): "Jan" does not make "Januar" read again
    names = "|".join(map(re.escape, sorted(words)))
    return re.compile(r"\b(?:" + names + r")s?\b", re.IGNORECASE)


def either(*patterns: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """A pattern that matches where one of ``patterns`` does, or ``None`` if all are."""
    given = [p for p in patterns if p is not None]
    if len(given) < 2:
        return given[0] if given else None
    return re.compile("|".join(p.pattern for p in given), re.IGNORECASE)


def learned_names(
    known: Mapping[tuple[str, str], str], originals: Mapping[tuple[str, str], str], since: int
) -> set[str]:
    """The name words (three letters or more) of the persons the key learned after its
    first ``since`` entries."""
    # the entries after ``since`` from the end: skipping the first ones cost a pass over
    # the whole key for every text of an import (its key grows with thousands of authors)
    count = len(known) - since
    if count <= 0:
        return set()
    learned = (
        islice(reversed(known), count) if isinstance(known, dict) else islice(known, since, None)
    )
    return {
        token.text
        for ident in learned
        if ident[0] == "person"
        for token in name_words(originals.get(ident, ""))
        if len(token.text) >= 3
    }


def shows(pattern: re.Pattern[str] | None, values: Iterable[object]) -> bool:
    """Whether one of ``values`` (as text) contains a word of ``pattern``."""
    return pattern is not None and any(
        value is not None and pattern.search(str(value)) for value in values
    )
