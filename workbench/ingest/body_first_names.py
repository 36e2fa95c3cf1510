"""A word of an association or a shop that is a first name too ("Awo", "Penny") before a
surname of the gazetteer: her first name ("Awo Mensah sagt, …", "Laut Penny Schmidt …").

The word stays the body's where it is written as one ("AWO Mensah"), after an article
("die Awo Müller …") and before a place, a district or what no surname list knows ("Awo
Manfort", "Awo Opladen sagt", "Penny Markt"); decision record 021 keeps it the body's
after a cue ("laut Awo"). A miss leaks a surname in clear, which the body's word beside
it would not hide.
"""

from __future__ import annotations

from typing import Protocol

from workbench.ingest import name_lists as lists
from workbench.ingest.name_tokens import Tok
from workbench.ingest.noun_lexicon import is_place_name
from workbench.ingest.pii_patterns import Hit


class Finder(Protocol):
    """What this rule uses of :class:`workbench.ingest.names.PersonFinder`."""

    protected: frozenset[str]

    def is_first(self, tok: Tok) -> bool:
        """A first name of the gazetteer."""

    def is_surname(self, tok: Tok) -> bool:
        """A surname of the gazetteer."""

    def _institution_after(
        self, text: str, toks: list[Tok], last: int, streets_only: bool = False
    ) -> bool:
        """Whether the name is followed by "Schule", "Platz", …"""

    def _hit(
        self, text: str, toks: list[Tok], start: int, i: int, last: int, surname: int | None,
        confidence: float, word: str = "",
    ) -> tuple[Hit, int] | None:  # fmt: skip
        """The hit of the name from ``toks[i]`` to ``toks[last]``."""


def body_first_name(finder: Finder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """The person whose first name ``toks[i]`` is also a body's word ("Awo", "Penny"),
    written as a name, with a surname of the gazetteer one blank after it that is no place
    or district ("Awo Mensah sagt", "Frau Awo Mensah"); not "AWO Mensah", "die Awo Müller",
    "Awo Manfort", "Penny Müller Straße"."""
    tok = toks[i]
    if tok.folded not in lists.INSTITUTION_NOUNS or not tok.text[1:].islower():
        return None
    if i + 1 >= len(toks) or text[tok.end : toks[i + 1].start] != " " or not finder.is_first(tok):
        return None
    nxt = toks[i + 1]
    if not finder.is_surname(nxt) or nxt.folded in finder.protected or is_place_name(nxt.folded):
        return None
    prev = toks[i - 1] if i else None
    if prev is not None and prev.lower in lists.ARTICLES:
        return None  # "die Awo Müller": the body's
    if finder._institution_after(text, toks, i + 1):
        return None  # "Penny Müller Straße"
    addressed = prev is not None and prev.lower in lists.TITLES and prev.end + 1 == tok.start
    start = prev.start if prev is not None and addressed else tok.start
    return finder._hit(text, toks, start, i, i + 1, i + 1, 0.85)
