"""A surname of the gazetteer alone after a focus particle that opens a sentence, before
a verb in the singular ("Auch Becker kam.", "Nur Schmidt war da.", "Sogar Krüger hat
zugestimmt."): the particle is a function word, so no rule took the surname after it.

Only a surname the gazetteer holds that is no ordinary word, no first name and no place:
a noun, a plural, a day or a place there stays ("Auch Kinder kamen", "Nur Montag geht",
"Sogar Berlin hat das", "Auch Bäcker kam", "Auch Koch kochte"). The hit is uncertain and
shown for review.
"""

from __future__ import annotations

from workbench.ingest import name_lists as lists
from workbench.ingest.name_known import Finder, singular_verb
from workbench.ingest.name_tokens import Tok
from workbench.ingest.noun_lexicon import is_place_name
from workbench.ingest.pii_patterns import Hit
from workbench.ingest.resident_places import where

FOCUSED_SURNAME_CONFIDENCE = 0.6  # replaced, and shown for review
# focus particles of the function words ("Erst", "Kaum" are the openers')
_PARTICLES = frozenset("nur sogar auch gerade selbst".split())
# finite verbs of the past in the singular after the surname ("Auch Becker kam."); the
# present's are :func:`singular_verb`'s ("kommt", "hat"), speaking the name lists'
_PAST = frozenset(
    """
    war hatte wurde wollte konnte musste sollte durfte mochte wusste kam ging fand sah stand
    blieb rief sprach nahm gab lief dachte brachte machte fragte stimmte wohnte arbeitete
    half schlug hielt fehlte meldete antwortete widersprach
    """.split()
)


def focused_surname(finder: Finder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """A surname of the gazetteer after "Auch", "Nur", "Sogar", "Gerade" or "Selbst"
    opening a sentence, before a verb in the singular ("Auch Becker kam."): a person."""
    if i == 0:
        return None
    particle, tok = toks[i - 1], toks[i]
    if not particle.sentence_start or particle.folded not in _PARTICLES:
        return None
    if text[particle.end : tok.start] != " " or not particle.text[:1].isupper():
        return None
    if not finder.is_surname(tok) or finder.is_first(tok) or finder.blocked(tok):
        return None  # "Auch Kinder kamen", "Auch Thomas kam" (the first names' rules)
    if is_place_name(tok.folded) or where(tok.text, ()) or tok.folded in finder.protected:
        return None  # "Sogar Bergedorf hat das"
    verb = toks[i + 1] if i + 1 < len(toks) else None
    past = verb is not None and verb.text.islower() and text[tok.end : verb.start] == " "
    past = past and verb is not None and verb.folded in _PAST | lists.SPEECH_VERBS
    if not (past or singular_verb(text, toks, i)) or finder._institution_after(text, toks, i):
        return None  # "Nur Becker Straße", "Auch Schmidt und Koch kamen"
    return Hit(tok.start, tok.end, "person", tok.lower, FOCUSED_SURNAME_CONFIDENCE, tok.text), i
