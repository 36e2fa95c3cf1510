"""Places a file writes: a capitalised word after "im", "ins", "in", "aus" or "nach" ("Ich
wohne im Hasenbergl", "Wer wohnt noch in Gorbitz?") that the gazetteer knows as no name and
the lexicon as no noun ("im Sommer" says when, and "Frau Sommer" stays a person). After a
word for a resident at a lead-in such a word is where she lives ("Nachbar Hasenbergl: …"),
not her surname."""

from __future__ import annotations

import re

from workbench.core.domain import ParsedDocument
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.noun_lexicon import is_german_noun

# A capitalised word after a preposition of place, a double word whole ("in Ottensen-Nord")
_AFTER_PLACE = re.compile(
    r"(?<![\w-])(?:[Ii]m|[Ii]ns?|[Aa]us|[Nn]ach)[ \u00a0]+"
    r"([A-ZÄÖÜ][^\W\d_]+(?:-[A-ZÄÖÜ][^\W\d_]+)?)(?![\w'’-])"
)


def written_places(document: ParsedDocument) -> frozenset[str]:
    """The folded words a document writes as a place (see the module's docstring)."""
    names, found = gazetteer(), set()
    texts = (document.text, *(t for s in document.segments for t in (s.question, s.text)))
    for text in texts:
        for match in _AFTER_PLACE.finditer(text or ""):
            word = match.group(1)
            if names.has_first(word) or names.has_last(word) or is_german_noun(fold(word)):
                continue
            found.add(fold(word))
    return frozenset(found)
