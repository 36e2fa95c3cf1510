"""A first name before a place word: its owner or a person with that surname (moved out
of :mod:`workbench.ingest.name_known`, near its size limit).

"Markus Haus ist offen" is Markus' house, the apostrophe left out; a compound place word
after such a first name is a surname ("Jonas Baumgarten kam", "Lukas Steinhaus hat
geholfen") unless a verb of a thing's state follows ("Markus Gartenhaus ist offen") and
nothing said of a person only after it ("Jonas Baumgarten ist krank").
"""

from __future__ import annotations

from workbench.ingest.name_tokens import PLACE_END, Tok

# Verbs that say how a thing is: after a first name and a compound place word it is his
_STATE_VERBS = frozenset("ist war wird wurde bleibt blieb steht stand liegt lag".split())
# … unless what follows is said of a person only ("Jonas Baumgarten ist krank")
_PERSON_PREDICATES = frozenset(
    """krank erkrankt da verhindert zustandig erreichbar verantwortlich vorsitzender
    vorsitzende sprecher sprecherin mitglied ansprechpartner ansprechpartnerin urlaub
    verreist umgezogen einverstanden dabei""".split()
)


def owner_first(toks: list[Tok], last: int) -> bool:
    """Whether the first name ``toks[last]`` reads as the owner of the place word after it:
    it ends like a genitive ("Markus", "Max") and the place word is a simple one ("Haus",
    "Garten") or a compound before a verb of its state ("Markus Gartenhaus ist offen")."""
    if not toks[last].text.endswith(("s", "x", "z", "ß")):
        return False
    place = PLACE_END.search(toks[last + 1].folded)
    if place is None or place.start() < 3:
        return True
    verb = last + 2
    return verb < len(toks) and toks[verb].folded in _STATE_VERBS and not _person_said(toks, verb)


def _person_said(toks: list[Tok], verb: int) -> bool:
    """Whether a word only said of a person follows the verb of state ``toks[verb]`` in the
    few words after it ("ist krank", "ist heute nicht da", "war lange Sprecher"): not
    what is said of a place ("ist offen", "ist wieder sauber", "bleibt zu")."""
    for tok in toks[verb + 1 : verb + 5]:
        if tok.folded in _PERSON_PREDICATES:
            return True
        if tok.sentence_start:
            return False
    return False
