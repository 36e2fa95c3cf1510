"""A surname of no key in a genitive written as in English ("Das war Becker's Idee",
"Hartkopf's Vorschlag"): German takes the apostrophe-s from no noun, so a word shaped like
a surname before it, and before what a person owns, is a person.

Contractions ("Gibt's", "Wie geht's") are no capitalised word with a noun after; a first
name or a word of the language before it is a shop or a brand ("Rosi's Bar", "Domino's
Pizza", "McDonald's"), and so is a word for a shop or a dish after it ("… 's Imbiss"); a
place or an institution is no person either ("Hamburg's Hafen", "Vonovia's Mieter").
The hit is uncertain and shown for review; the apostrophe-s stays outside the placeholder.
"""

from __future__ import annotations

import re
from dataclasses import replace

from workbench.ingest import name_lists as lists
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_known import Finder, ordinary_word
from workbench.ingest.name_pairs import english_words
from workbench.ingest.name_tokens import Tok
from workbench.ingest.noun_lexicon import is_german_noun, is_place_name
from workbench.ingest.pii_patterns import Hit
from workbench.ingest.resident_places import where

ENGLISH_GENITIVE_CONFIDENCE = 0.6  # replaced, and shown for review
# the apostrophe-s and the capitalised word owned after it
_OWNED = re.compile(r"['’]s[ \u00a0]+([A-ZÄÖÜ][a-zäöüß]+)")
# what a shop or a bar is called after its owner's name ("Rosi's Bar", "Uschi's Eck")
_SHOP_WORDS = frozenset(
    fold(w)
    for w in """
    bar imbiss kiosk eck ecke küche kitchen kneipe pizza pizzeria grill diner pub lounge
    shop store eiscafé café burger döner späti stube stübchen treff salon backstube
    """.split()
)


def unknown_owner(finder: Finder, text: str, tok: Tok, i: int) -> tuple[Hit, int] | None:
    """A capitalised word of no key, no first name and no word of the language before an
    apostrophe-s and a noun it owns ("Becker's Idee", "Zabelberg's Bericht"): a person."""
    if not tok.text.endswith(("'s", "’s")):
        return None
    owned = _OWNED.match(text, tok.end - 2)
    stem = tok.text[:-2]
    if owned is None or len(stem) < 3 or not (stem[0].isupper() and stem[1:].islower()):
        return None
    noun = owned.group(1)
    if fold(noun) in _SHOP_WORDS:
        return None  # "Rosi's Bar", "Kemal's Kiosk", "Omi's Küche"
    if not is_german_noun(fold(noun)):
        return None  # what follows is owned only if it is a noun
    owner = replace(tok, end=tok.end - 2, text=stem, folded=fold(stem), lower=stem.lower())
    if finder.blocked(owner) or finder.is_first(owner):
        return None  # "Rosi's", "Toni's", "Levi's": a first name names a shop or a brand
    folded = owner.folded
    if is_place_name(folded) or where(stem, ()) or folded in lists.INSTITUTION_NOUNS:
        return None  # "Hamburg's Hafen", "Ottensen's Straßen", "Vonovia's Mieter"
    word = folded in english_words() or ordinary_word(stem) or is_german_noun(folded)
    surname = finder.names.has_last(stem) and not ordinary_word(stem)
    if word and not surname:
        return None  # "Domino's Pizza", "Kaiser's Tengelmann": a word names a brand
    return Hit(tok.start, tok.end - 2, "person", stem.lower(), ENGLISH_GENITIVE_CONFIDENCE, stem), i
