"""Places of several words with a first name inside ("São Paulo", "San Francisco", "Santa
Monica", "Los Angeles", "Sierra Leone"): no person, though a word of them is a first name
of the gazetteer. A place is one the Wiktionary list of the package holds as an entry of
several words (:func:`~workbench.ingest.noun_lexicon.is_place_phrase`), or a word after the
Romance and English "saint" words and "Port" ("Santa Monica", "Saint Louis", "Port
Elizabeth"), which open place names and no person's name."""

from __future__ import annotations

from workbench.ingest.name_tokens import Tok
from workbench.ingest.noun_lexicon import is_place_phrase

# The words that open a place of another language before a capitalised word ("San Diego",
# "São Tomé", "Sainte Marie", "Port Elizabeth"); "Santo" is an Italian first name
_OPENERS = frozenset("san santa são sao saint sainte port".split())
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
    return None
