"""A surname of the gazetteer alone after a focus particle that opens a sentence, before
a verb in the singular ("Auch Becker kam.", "Nur Schmidt war da.", "Sogar Krüger hat
zugestimmt."): the particle is a function word, so no rule took the surname after it.

Only a surname the gazetteer holds that is no ordinary word, no first name and no place:
a noun, a plural, a day or a place there stays ("Auch Kinder kamen", "Nur Montag geht",
"Sogar Berlin hat das", "Auch Bäcker kam", "Auch Koch kochte"). A plural subject of
such surnames, also with a form of address, counts as well ("Auch Becker und Kaya kamen",
"Nur Schmidt und Frau Wolf waren da"), if no surname of it is a word ("Auch Fischer und
Jäger kamen" stays). The hit is uncertain and shown for review.

Such a plural subject opening a sentence without a particle, or after "Wie" ("Becker und
Kaya kamen", "Wie Merkel und Scholz sagten, …"), counts the same: the second surname was
replaced already and the first stayed in clear beside it. A first word of no list there
is a person too when nothing makes it a word: no noun, no place, no English word, no
compound of nouns or street ("Merkel und Scholz"; "Hamm und Soest", "Bus und Bahn", "Becker
und Söhne", "Quartiersmanagement und Weber", "Bahnhofstraße und Schulz" stay).
"""

from __future__ import annotations

from functools import lru_cache

from workbench.core.word_caches import word_cache
from workbench.ingest import name_lists as lists
from workbench.ingest.name_known import Finder, ordinary_word, singular_verb
from workbench.ingest.name_tokens import Tok
from workbench.ingest.noun_lexicon import is_german_noun, is_person_name, is_place_name
from workbench.ingest.pii_patterns import Hit
from workbench.ingest.resident_places import where
from workbench.ingest.unlisted_words import english_words

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
    if i == 0 or toks[i].sentence_start:
        return _opening(finder, text, toks, i)
    particle, tok = toks[i - 1], toks[i]
    if particle.text == "Wie" and particle.sentence_start and text[particle.end : tok.start] == " ":
        return _opening(finder, text, toks, i)
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
    verb = past or singular_verb(text, toks, i) or _coordinated(finder, text, toks, i)
    if not verb or finder._institution_after(text, toks, i):
        return None  # "Nur Becker Straße", "Auch Schmidt und Koch kamen"
    return Hit(tok.start, tok.end, "person", tok.lower, FOCUSED_SURNAME_CONFIDENCE, tok.text), i


_AND = frozenset(("und", "sowie"))


def _coordinated(finder: Finder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether the surname ``toks[i]``, no word itself, opens a plural subject of surnames
    that are no words or of names after "Frau"/"Herr", before a lower-case word ("Auch
    Becker und Kaya kamen", "Nur Becker, Schmidt und Frau Wolf waren da")."""
    if ordinary_word(toks[i].text):
        return False
    k, partners = i, 0
    while k + 2 < len(toks):
        gap, nxt = text[toks[k].end : toks[k + 1].start], toks[k + 1]
        if gap == " " and nxt.text in _AND:
            k += 1
            gap, nxt = text[toks[k].end : toks[k + 1].start], toks[k + 1]
        elif gap != ", ":
            break
        if gap != " " and not (gap == ", " and nxt.text[:1].isupper()):
            return False
        if nxt.folded in ("frau", "herr") and text[nxt.end : toks[k + 2].start] == " ":
            k += 1  # "Frau Wolf": the form of address names a person
            nxt = toks[k + 1]
            if not (nxt.text[:1].isupper() and nxt.text[1:].islower()):
                return False
        elif not _plain_surname(finder, nxt):
            return False
        k, partners = k + 1, partners + 1
    after = toks[k + 1] if k + 1 < len(toks) else None
    lower = after is not None and after.text.islower() and text[toks[k].end : after.start] == " "
    return partners > 0 and lower and after is not None and after.text not in _AND


def _plain_surname(finder: Finder, tok: Tok) -> bool:
    """Whether ``tok`` is a surname or a first name of the gazetteer that is no word and no
    place ("Kaya", "Schmidt", "Yilmaz", "Thomas"; not "Jäger", "Rose", "Berlin")."""
    if not (finder.is_surname(tok) or finder.is_first(tok)) or finder.blocked(tok):
        return False
    if ordinary_word(tok.text) or is_place_name(tok.folded) or where(tok.text, ()):
        return False
    return tok.folded not in finder.protected


def _opening(finder: Finder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """The first surname of a plural subject of surnames opening a sentence, alone or after
    "Wie" ("Becker und Kaya kamen.", "Wie Merkel und Scholz sagten, …"): a person."""
    tok = toks[i]
    if not (tok.text[:1].isupper() and tok.text[1:].islower()) or finder.blocked(tok):
        return None
    if not (_plain_surname(finder, tok) or _no_word(finder, tok)):
        return None  # "Kinder und Eltern kamen", "Hamm und Soest", "Anna und Tom" (first names')
    if not _coordinated(finder, text, toks, i) or finder._institution_after(text, toks, i):
        return None  # "Becker und Söhne liefern", "Schmidt und Partner beraten"
    return Hit(tok.start, tok.end, "person", tok.lower, FOCUSED_SURNAME_CONFIDENCE, tok.text), i


def _no_word(finder: Finder, tok: Tok) -> bool:
    """Whether ``tok`` is of no name list and no word: no noun, place or English word."""
    if finder.is_surname(tok) or finder.is_first(tok) or len(tok.text) < 3:
        return False
    if ordinary_word(tok.text) or is_german_noun(tok.folded) or is_place_name(tok.folded):
        return False
    if tok.folded in english_words() or where(tok.text, ()) or tok.folded in finder.protected:
        return False
    if tok.folded in lists.LOCAL_NAMES or tok.folded in lists.INSTITUTION_NOUNS:
        return False
    return not _compound_word(tok.folded)


# the ends of a street's name ("Bahnhofstraße", "Lindenallee"), no surname's
_STREET_ENDS = ("strasse", "gasse", "allee", "chaussee", "platz", "stieg", "twiete")
# the linking letters between the parts of a compound ("Quartiers|management")
_LINKS = ("s", "n", "en", "es")


@word_cache
@lru_cache(maxsize=2**14)  # a word of the texts: bounded, emptied after an operation
def _compound_word(folded: str) -> bool:
    """Whether a folded word of no list is a compound of nouns the lexicon lacks or a street
    ("quartiersmanagement", "lastenradverleih", "bahnhofstrasse", "streetwork"), no surname
    ("hartkopf", "zabelberg", "wennemann": a part is short, no noun or a name)."""
    if folded.endswith(_STREET_ENDS) and not folded.startswith(_STREET_ENDS):
        return True
    for k in range(3, len(folded) - 2):
        head, tail = folded[:k], folded[k:]
        if len(head) < 6 and len(tail) < 6:
            continue  # "hart|kopf", "haber|korn": surnames are built so
        if is_german_noun(tail) and not is_person_name(tail) and _noun_part(head, True):
            return True
    words = english_words()
    return any(folded[:k] in words and folded[k:] in words for k in range(3, len(folded) - 2))


def _noun_part(part: str, split: bool) -> bool:
    """Whether ``part`` is a noun, also before a linking letter ("quartiers", "senioren"):
    if ``split``, one that is no name ("stein" of "steinbrink" is one) or two nouns of any
    kind ("lasten|rad", "park|raum", "nachbarschafts|garten")."""
    forms = [part] + [part[: -len(link)] for link in _LINKS if part.endswith(link)]
    if any(len(f) >= 3 and is_german_noun(f) and not (split and is_person_name(f)) for f in forms):
        return True
    halves = ((part[:k], part[k:]) for k in range(3, len(part) - 2))
    return split and any(_noun_part(a, False) and _noun_part(b, False) for a, b in halves)
