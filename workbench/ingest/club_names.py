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
before a first name or surname ("Fortuna Schmidt" stays a person) — only a plural club word
names a club before a first name ("Sportfreunde Lotte", "Kickers Emden": no one person is
called by a plural), and no club word before a first name that an enumeration goes on
after ("meine Sportfreunde Lena und Anna" are people).

A club word that no list knows as a name stands for its club alone too, where no name
follows ("laut Union", "bei Eintracht", "Fortuna meint, …") and in its genitive before a
noun ("Laut Arminias Trainer"); a club word that is a first name or surname alone
("laut Hertha", "laut Viktorias Trainer") and a club word the project's key knows as a
person stay the person's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from workbench.ingest.name_gazetteer import fold, gazetteer
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
# Plural club words: before a first name a club's, no person's ("Sportfreunde Lotte")
PLURAL_CLUB_WORDS = frozenset("sportfreunde kickers".split())
# What goes on after the first of several people ("Sportfreunde Lena und Anna")
_ENUMERATION = (" und ", " oder ", ", ", " sowie ", " & ", "/")
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

    confirmed: frozenset[str]
    known: dict[str, str]


def club_end(finder: Finder, text: str, toks: list[Tok], i: int) -> int | None:
    """The index of the last word of a club's name that starts at ``toks[i]`` ("Fortuna"
    + "Düsseldorf", "Hertha" + "BSC"), or None where none starts there."""
    tok = toks[i]
    if tok.folded not in CLUB_WORDS:
        return _genitive(finder, text, toks, i)
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or text[tok.end : nxt.start] != " " or not nxt.text[:1].isupper():
        return i if _unnamed(finder, tok) else None  # "laut Union", "bei Eintracht"
    if nxt.folded in CLUB_ABBREVIATIONS and nxt.text[1:2].isupper():
        return i + 1  # "Hertha BSC", "Eintracht TSG"
    if finder.is_first(tok) or gazetteer().has_last(tok.text):
        # "Viktoria Köln", "Stahl Brandenburg"; "Hertha Hagen", "Viktoria Essen" may be people
        place = is_place_name(nxt.folded)
        return (
            i + 1 if place and not (finder.is_surname(nxt) or is_german_noun(nxt.folded)) else None
        )
    if nxt.text.isupper() and _named_in_capitals(nxt.text):
        return None  # "FORTUNA SCHMIDT": a surname in capitals, which no list reads so
    if finder.is_first(nxt) and text.startswith(_ENUMERATION, nxt.end):
        return None  # "meine Sportfreunde Lena und Anna"
    # "Wacker Burghausen": a city of no list too, but no first name or surname ("Fortuna
    # Schmidt" may be a person); after a plural a first name is the club's city
    # ("Sportfreunde Lotte"), not a surname ("Kickers Schmidt")
    listed = finder.is_first(nxt) or finder.is_surname(nxt)
    plural = tok.folded in PLURAL_CLUB_WORDS and not finder.is_surname(nxt)
    return i + 1 if is_place_name(nxt.folded) or not listed or plural else None


def _named_in_capitals(word: str) -> bool:
    """Whether ``word`` in capitals is a first name or surname of the gazetteer that is no
    place ("SCHMIDT", "ANNA"; not "DÜSSELDORF", "BERLIN")."""
    title = word.title()
    listed = gazetteer().has_first(title) or gazetteer().has_last(title)
    return listed and not is_place_name(fold(word))


def _unnamed(finder: Finder, tok: Tok) -> bool:
    """Whether the club word ``tok`` is no name of the gazetteer and none the project's key
    knows: alone it stands for its club ("laut Union"; not "laut Hertha")."""
    if finder.is_first(tok) or finder.is_surname(tok) or gazetteer().has_last(tok.text):
        return False
    return tok.folded not in finder.confirmed and tok.lower not in finder.known


def _genitive(finder: Finder, text: str, toks: list[Tok], i: int) -> int | None:
    """``i`` where ``toks[i]`` is the genitive of a club word of no list before a noun
    ("Arminias Trainer", "Borussias Fans"; not "Herthas Trainer", "Annas Trainer")."""
    tok = toks[i]
    stem = tok.text[:-1]
    if not tok.text.endswith("s") or fold(stem) not in CLUB_WORDS or i + 1 >= len(toks):
        return None
    nxt = toks[i + 1]
    if text[tok.end : nxt.start] != " " or not nxt.text[:1].isupper():
        return None
    club = replace(tok, end=tok.end - 1, text=stem, folded=fold(stem), lower=stem.lower())
    return i if _unnamed(finder, club) and is_german_noun(nxt.folded) else None
