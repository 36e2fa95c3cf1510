"""Places a file writes: a capitalised word after "im", "ins", "in", "aus" or "nach" ("Ich
wohne im Hasenbergl", "Wer wohnt noch in Gorbitz?") that the gazetteer knows as no name and
the lexicon as no noun ("im Sommer" says when, and "Frau Sommer" stays a person). After a
word for a resident at a lead-in such a word is where she lives ("Nachbar Hasenbergl: …"),
not her surname. "nach" says where only in a sentence of travel or moving ("Wir fahren nach
Tenever", "nach Gaarden gezogen"); in a protocol it says more often who spoke after whom
("Nach Wedekind sprach Anna": the surname of "Bewohnerin Wedekind: …" stays hers)."""

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
# A sentence's end, and the verbs of travel or moving that make "nach" say where
_SENTENCE = re.compile(r"[^.!?\n]+")
_MOVING = re.compile(
    r"\b(?:(?:hin|her|um|weg|zurück|rüber|mit|raus|rein|ge)?(?:fahr|fähr|fuhr|zieh|zog|reis|pendel)"
    r"\w*|umzug\w*|umgezogen|weggezogen|hingezogen|hergezogen)\b",
    re.IGNORECASE,
)


def written_places(document: ParsedDocument) -> frozenset[str]:
    """The folded words a document writes as a place (see the module's docstring)."""
    names, found = gazetteer(), set()
    texts = (document.text, *(t for s in document.segments for t in (s.question, s.text)))
    sentences = (m.group() for text in texts for m in _SENTENCE.finditer(text or ""))
    for sentence in sentences:
        for match in _AFTER_PLACE.finditer(sentence):
            if match.group().lower().startswith("nach") and not _MOVING.search(sentence):
                continue  # "Nach Wedekind sprach Anna": who spoke after whom
            word = match.group(1)
            if names.has_first(word) or names.has_last(word) or is_german_noun(fold(word)):
                continue
            found.add(fold(word))
    return frozenset(found)
