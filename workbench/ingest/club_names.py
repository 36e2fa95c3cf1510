"""Sports clubs named by a word of their own and their city ("Fortuna Düsseldorf",
"Arminia Bielefeld", "Kickers Offenbach", "Hertha BSC"): no person's name, even after a
cue ("Laut Fortuna Düsseldorf ist …"), where the cue's rule took the club's word for an
unknown first name and left the city in clear ("Laut [Person 1] Düsseldorf").

The club words are a short list curated here (no data package lists clubs): the Latin
and Greek names of lands and virtues and the other words that German clubs are called by
before their city, as they stand in the names of the clubs of the German football
leagues and their regional leagues. A word of them that is a first name too ("Viktoria",
"Hertha", "Victoria", "Olympia") or a surname ("Stahl") names a club only before a city
that is no surname and no noun of the gazetteer or lexicon ("Viktoria Köln"; "Viktoria
Schulze", "Hertha Hagen", "Viktoria Essen" stay people) or before a club's abbreviation
("Hertha BSC"); the others also before a word of no list ("Wacker Burghausen"), not
before a first name or surname ("Sportfreunde Lotte", "Fortuna Schmidt" stay people).
"""

from __future__ import annotations

from typing import Protocol

from workbench.ingest.name_gazetteer import gazetteer
from workbench.ingest.name_tokens import Tok
from workbench.ingest.noun_lexicon import is_german_noun, is_place_name

CLUB_WORDS = frozenset(
    """
    fortuna arminia alemannia borussia kickers viktoria victoria hertha eintracht dynamo
    union werder preussen hansa holstein energie germania concordia teutonia wacker
    westfalia rhenania saxonia bavaria tasmania olympia sparta phonix vorwarts stahl motor
    lokomotive chemie sportfreunde rot-weiss blau-weiss schwarz-weiss gelb-weiss
    grun-weiss blau-gelb schwarz-gelb rot-gelb rot-blau
    """.split()
)
# A club's abbreviation after its word ("Hertha BSC", "Borussia VfB", "Union SG")
CLUB_ABBREVIATIONS = frozenset(
    "bsc fc ffc fsv sc sv ssv tsv tus vfb vfl vfr spvgg djk bc hc sg tsg tv ev".split()
)


class Finder(Protocol):
    """What this rule asks of :class:`workbench.ingest.names.PersonFinder`."""

    def is_first(self, tok: Tok) -> bool:
        """A first name of the gazetteer."""

    def is_surname(self, tok: Tok) -> bool:
        """A surname of the gazetteer."""


def club_end(finder: Finder, text: str, toks: list[Tok], i: int) -> int | None:
    """The index of the last word of a club's name that starts at ``toks[i]`` ("Fortuna"
    + "Düsseldorf", "Hertha" + "BSC"), or None where none starts there."""
    tok = toks[i]
    if tok.folded not in CLUB_WORDS or i + 1 >= len(toks):
        return None
    nxt = toks[i + 1]
    if text[tok.end : nxt.start] != " " or not nxt.text[:1].isupper():
        return None
    if nxt.folded in CLUB_ABBREVIATIONS and nxt.text[1:2].isupper():
        return i + 1  # "Hertha BSC", "Eintracht TSG"
    if finder.is_first(tok) or gazetteer().has_last(tok.text):
        # "Viktoria Köln", "Stahl Brandenburg"; "Hertha Hagen", "Viktoria Essen" may be people
        place = is_place_name(nxt.folded)
        return (
            i + 1 if place and not (finder.is_surname(nxt) or is_german_noun(nxt.folded)) else None
        )
    # "Wacker Burghausen": a city of no list too, but no first name or surname ("Fortuna
    # Schmidt", "Sportfreunde Lotte" may be people)
    listed = finder.is_first(nxt) or finder.is_surname(nxt)
    return i + 1 if is_place_name(nxt.folded) or not listed else None
