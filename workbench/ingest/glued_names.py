"""Letters glued to a number or to a leading underscore are one token, not a number and a
guessed name.

The name rules read words from the first letter on, so in "von 9YrA" (a token's random
start typed into a comment), "9Anna" or "4You" the letters after the digit were a word of
their own: "Yra" is a first name of the gazetteer, and the comment was stored as
"von 9[Person]"; "I8ov" ended like a surname ("-ov"). A name starts at a word boundary,
and a word with a digit in it is a token, not a guessed name. A person the text names for
sure stays replaced with a digit glued to it: a name the key knows, a listed or confirmed
one ("Danke an 3Kaya" of the known Frau Kaya), a name of several words ("3Anna Schmidt").

An underscore is the same ("von _YrA", "_Anna" of a token: "von _[Person]"). In Markdown
an underscore starts emphasis only at a word's start and with a closing mark after the
word ("_Frau Kaya_", read without its marks: :mod:`workbench.ingest.emphasis_view`); one
inside a word separates a file name's words ("Foto_Ewa_Kowalczyk.jpg", names as before).
A lone leading underscore glued to letters, with no letter or digit before it, is a token.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from workbench.ingest.name_gazetteer import fold
from workbench.ingest.pii_patterns import Hit


def glued_guess(text: str, hit: Hit, known: Mapping[str, str], *sure: Collection[str]) -> bool:
    """Whether ``hit`` is a guessed one-word name glued to a digit ("9YrA", "I8ov") or to a
    lone leading underscore ("_YrA"; ``text`` as typed, its underscores in place).

    ``known`` are the key's person words, ``sure`` the folded words of the name list and
    of the confirmed names: such a word glued to a number is still the person.

    >>> glued_guess("von 9YrA", Hit(5, 8, "person", "yra", 0.9), {})
    True
    >>> glued_guess("von YrA", Hit(4, 7, "person", "yra", 0.9), {})
    False
    >>> glued_guess("von I8ov", Hit(4, 8, "person", "i8ov", 0.8), {})
    True
    >>> glued_guess("an 3Kaya", Hit(4, 8, "person", "kaya", 0.8), {"kaya": "kaya"})
    False
    >>> glued_guess("von _YrA", Hit(5, 8, "person", "yra", 0.9), {})
    True
    >>> glued_guess("Foto_Ewa.jpg", Hit(5, 8, "person", "ewa", 0.9), {})
    False
    """
    if hit.kind != "person":
        return False
    words = text[hit.start : hit.end].split()
    if len(words) > 1 or hit.confidence >= 1.0:
        return False
    glued = (hit.start > 0 and text[hit.start - 1].isdigit()) or _lone_underscore(text, hit.start)
    if not glued and not any(ch.isdigit() for ch in words[0]):  # "I8ov": a token too
        return False
    folded = fold(words[0])
    return hit.key not in known and not any(folded in group for group in sure)


def _lone_underscore(text: str, start: int) -> bool:
    """Whether underscores stand right before ``start`` with no letter or digit before them.

    >>> _lone_underscore("von __Ewa", 6), _lone_underscore("Foto_Ewa", 5)
    (True, False)
    """
    at = start
    while at > 0 and text[at - 1] == "_":
        at -= 1
    return at < start and (at == 0 or not text[at - 1].isalnum())
