"""Names of venues, firms and organisations that contain a first name or look like one
("Cafe del Sol", "Plaza de la Cruz", "Club of Rome", "Rotes Kreuz"): no person's.

- A first name after particles ("del", "de la", "do", "of") that follow a word for a
  venue or a place ("Cafe", "Hotel", "Casa", "Garten") names the venue: "im Cafe del Sol",
  "Hotel de la Paz". After a first name or a surname it is a person's ("José de la Cruz",
  "Ramos de la Cruz"), after a form of address or a role too (those rules come first).
- A word after "laut", "mit", … that opens such a name, or an adjective before a noun
  ("Rotes Kreuz", "Grünes Band", "Weißer Ring"), is no person named by a cue.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.ingest.name_known import place_word
from workbench.ingest.name_tokens import Tok
from workbench.ingest.noun_lexicon import is_german_noun

# Words for a venue before "del", "de la", "do", "of" … (also Romance ones no German noun)
VENUE_WORDS = frozenset(
    """
    cafe casa bar plaza villa hotel club restaurant ristorante trattoria pizzeria bistro
    taverna osteria hostal museo museum teatro palazzo porta puerta playa hacienda finca
    quinta rua calle avenida praia isla monte cantina bodega galerie kino theater salon
    atelier studio centro fundacion instituto colegio escuela
    """.split()
)
# Particles inside a venue's name, lower case or (before its last word) capitalised as
# Italian and Portuguese venues write them ("Cafe del Sol", "Café Della Nonna", "Pizzeria
# Da Mario"); "Das" capitalised is the German article ("im Kino Das Boot")
_VENUE_PARTICLES = frozenset("del de la las los do da das dos di della of the".split())
_LOWER_ONLY = frozenset(("das",))


def _venue_particle(tok: Tok) -> bool:
    """A particle of a venue's name ("del", "Della", "Da"), not "Das"."""
    text = tok.text
    return tok.lower in _VENUE_PARTICLES and (
        text.islower() or (text.istitle() and tok.lower not in _LOWER_ONLY)
    )


# Endings of an adjective before a noun in a name ("Rotes Kreuz", "Weißer Ring")
_ADJECTIVE_ENDINGS = ("es", "er")


def venue_word(tok: Tok) -> bool:
    """A capitalised word for a venue or a place ("Cafe", "Hotel", "Casa", "Garten")."""
    return tok.text[:1].isupper() and (tok.folded in VENUE_WORDS or place_word(tok))


def in_venue(text: str, toks: list[Tok], i: int, person_word: Callable[[Tok], bool]) -> bool:
    """Whether ``toks[i]`` follows particles after a venue's word ("Cafe del Sol", "Plaza de
    la Cruz"); ``person_word`` says which words make it a person's ("José", "Ramos")."""
    j = i - 1
    while j >= 0 and _venue_particle(toks[j]):
        if text[toks[j].end : toks[j + 1].start] != " ":
            return False
        j -= 1
    if j == i - 1 or j < 0 or text[toks[j].end : toks[j + 1].start] != " ":
        return False
    venue = toks[j]  # "Plaza", "Casa" are surnames too: before "de la" a venue's
    return venue_word(venue) and (venue.folded in VENUE_WORDS or not person_word(venue))


def opens_venue(text: str, toks: list[Tok], i: int) -> bool:
    """Whether the capitalised ``toks[i]`` opens a venue's or an organisation's name: a
    venue's word before particles and a capitalised word ("Hotel de la Paz", "Club of
    Rome"), or an adjective before a German noun ("Rotes Kreuz", "Grünes Band")."""
    tok = toks[i]
    k = i + 1
    while k < len(toks) and toks[k].lower in _VENUE_PARTICLES and toks[k].text.islower():
        if text[toks[k - 1].end : toks[k].start] != " ":
            return False
        k += 1
    if k >= len(toks) or text[toks[k - 1].end : toks[k].start] != " ":
        return False
    nxt = toks[k]
    if not nxt.text[:1].isupper():
        return False
    if k > i + 1:
        return venue_word(tok) or is_german_noun(tok.folded)
    adjective = tok.text[1:].islower() and tok.folded.endswith(_ADJECTIVE_ENDINGS)
    return adjective and not is_german_noun(tok.folded) and is_german_noun(nxt.folded)
