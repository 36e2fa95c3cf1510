"""Places of several words with a first name inside ("São Paulo", "San Francisco", "Santa
Monica", "Los Angeles", "Sierra Leone"): no person, though a word of them is a first name
of the gazetteer. A place is one the Wiktionary list of the package holds as an entry of
several words (:func:`~workbench.ingest.noun_lexicon.is_place_phrase`), or a word after the
Romance and English "saint" words, "Port" and "Fort" ("Santa Monica", "Saint Louis", "Port
Elizabeth", "Fort William"), which open place names and no person's name; or, after "nach",
"in", "aus", a first name before a word the Wiktionary list holds as a place and no name
list as a name ("nach Maria Laach", "in Maria Laach"; "nach Maria Schmidt gefragt" and
"aus Anna Kassels Garten" stay a person, and so does a name in a sentence that asks or
looks for someone: "Alle suchen nach Anna Kassel.")."""

from __future__ import annotations

import re

from workbench.ingest.name_gazetteer import gazetteer
from workbench.ingest.name_tokens import Tok
from workbench.ingest.noun_lexicon import is_person_name, is_place_name, is_place_phrase

# The words that open a place of another language before a capitalised word ("San Diego",
# "São Tomé", "Sainte Marie", "Port Elizabeth"); "Santo" is an Italian first name
_OPENERS = frozenset("san santa são sao saint sainte port fort".split())
# Prepositions of where to or from before a place ("nach Maria Laach")
_PLACE_PREPOSITIONS = frozenset(("nach", "in", "aus"))
# Verbs in the sentence that ask after a person, or fall for one ("nach Anna Kassel gefragt",
# "suchen nach …", "sich in … verliebt"): there the words are a name
_PERSON_SOUGHT = re.compile(
    r"\b(?:ge)?(?:frag|such|erkundig|schau|ruf|sehn|verlieb|telefonier|geschrieben)\w*",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n]")
_LONGEST = 4  # "Vereinigte Staaten von Amerika" is a country, never beside a name


def place_phrase_end(text: str, toks: list[Tok], i: int) -> int | None:
    """The index of the last token of a place of several words that starts at token ``i``
    ("São Paulo", "Rio de Janeiro"), its words one blank apart; None if none starts there."""
    tok = toks[i]
    if not tok.text[:1].isupper():
        return None
    last = i
    words = [tok.folded]
    found = None
    while last + 1 < len(toks) and last + 1 - i < _LONGEST:
        nxt = toks[last + 1]
        if text[toks[last].end : nxt.start] != " ":
            break
        last += 1
        words.append(nxt.folded)
        if nxt.text[:1].isupper() and is_place_phrase(" ".join(words)):
            found = last
    if found is not None:
        return found
    if tok.lower in _OPENERS and i + 1 < len(toks):
        nxt = toks[i + 1]
        if text[tok.end : nxt.start] == " " and nxt.text[:1].isupper() and not nxt.text.isupper():
            return i + 1
    return _first_name_place(text, toks, i)


def _first_name_place(text: str, toks: list[Tok], i: int) -> int | None:
    """The index of the place word after a first name after "nach", "in", "aus" ("nach
    Maria Laach"): a word the Wiktionary list holds as a place, no name list as a name."""
    if i == 0 or i + 1 >= len(toks) or toks[i - 1].lower not in _PLACE_PREPOSITIONS:
        return None
    first, place = toks[i], toks[i + 1]
    blanks = text[toks[i - 1].end : first.start] == " " == text[first.end : place.start]
    names = gazetteer()
    if not blanks or first.text.isupper() or not names.has_first(first.text):
        return None
    if not place.text[:1].isupper() or place.text.isupper():
        return None
    named = names.has_first(place.text) or names.has_last(place.text)
    if named or is_person_name(place.folded) or not is_place_name(place.folded):
        return None
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, first.start)]
    end = _SENTENCE_END.search(text, place.end)
    sentence = text[starts[-1] if starts else 0 : end.start() if end else len(text)]
    return None if _PERSON_SOUGHT.search(sentence) else i + 1
