"""Who signs under a sign-off with two words ("LG\\nTjorven Kettelhack"): a rule of
:mod:`workbench.ingest.name_cued` (and of the initial, "LG\\nT. Kettelhack").

The line right under "LG", "Viele Grüße", "Mit freundlichen Grüßen" names who writes. Two
words there are a person's first name and surname where the first is written like a given
name — a first name of the gazetteer, or a word of no noun lexicon, place list, institution
or word list ("Tjorven", "Ocka", "Leberecht") — and the second a surname of no list
(:func:`unlisted_words.unlisted_surname_word`: "Kettelhack", "Kleinebekel-Wiechers"; also
ending in "-ing": "Nolting"). Offices, services and organisations ("Caritas Sozialstation",
"Quartiersbüro Manfort", "AG Wohnen", "Kita Sonnenschein"), roles ("Die Vorsitzende",
"Quartiersmanagerin Süd"), places and dates ("Leverkusen, 12.03.") and greeting tails ("und
Grüße", "Schönes Wochenende") stay: one of their words is a noun, a district, an
institution, a place or no name by its form.
"""

from __future__ import annotations

import re
from dataclasses import replace

from workbench.ingest import name_lists as lists
from workbench.ingest import unlisted_words as words
from workbench.ingest.facility_words import facility_compound
from workbench.ingest.name_cues import firm
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_known import ORDINARY
from workbench.ingest.name_tokens import COMPOUND_HEAD, NOUN_END, PLACE_END, Tok
from workbench.ingest.noun_lexicon import (
    compound_noun,
    is_german_noun,
    is_place_name,
    is_place_phrase,
)
from workbench.ingest.surname_heads import surname_compound

# Surnames ending in "-ing" (Westphalian: "Nolting", "Kassing", "Hessling"), which the
# rule for words of no list leaves to English words ("Training", "Meeting")
_ING = re.compile(r"[a-zäöüß]{2,}ing")
# Associations signing by their short name ("Nabu Opladen", "Awo Manfort") and heads of
# the compounds of a body ("Begegnungsstätte", "Sozialverband") no other list holds
_BODIES = lists.ASSOCIATION_WORDS | frozenset("awo drk vhs kjg dpsg".split())
_BODY_HEAD = re.compile(r".{3,}(?:statte|verband|bund|rat|dienst|stelle)$")


def signer_pair(finder: words.PersonFinder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` and the word after it, the line under a sign-off
    (:func:`name_cues.signed_pair`), are a first name and a surname of no list."""
    tok, nxt = toks[i], toks[i + 1]
    if association(tok):
        return False  # "Nabu Kunterbunt": an association's group
    if words.unlisted_surname(finder, text, toks, i):
        return True  # "LG\nTjorven Kettelhack": both of no list
    if not (finder.is_first(tok) or given_shaped(finder, tok)):
        return False
    if not signer_surname(finder, nxt):
        return False
    if is_place_phrase(f"{tok.folded} {nxt.folded}"):
        return False  # "Bergisch Gladbach"
    return not finder._institution_after(text, toks, i + 1)


def association(tok: Tok) -> bool:
    """Whether ``tok`` is an association's short name ("Nabu", "Awo", "DRK")."""
    return tok.folded in _BODIES


def given_shaped(finder: words.PersonFinder, tok: Tok) -> bool:
    """Whether ``tok`` is written like a given name and is no word of a list: no noun,
    place, institution, firm, common English word or word of the name lists; a compound
    of the lexicon's parts is one ("Leberecht", "Benedikta", "Ruprecht"), as the
    word alone under a sign-off needs no other reading."""
    f = tok.folded
    return (
        words.no_listed_word(finder, tok)
        and not firm(f)
        and not PLACE_END.search(f)
        and f not in _BODIES
        and not facility_compound(f)
        and not (COMPOUND_HEAD.match(f) or NOUN_END.search(f) or _BODY_HEAD.match(f))
    )


def signer_surname(finder: words.PersonFinder, tok: Tok) -> bool:
    """Whether ``tok``, after a first name or an initial under a sign-off, is a surname of
    no list ("Kettelhack", "Kleinebekel-Wiechers", "Nolting", "Brinkhaus",
    "Holtkötter-Wiechers")."""
    if words.unlisted_surname_word(finder, tok) or _signer_part(finder, tok):
        return True
    parts = tok.text.split("-")
    if not 2 <= len(parts) <= 3 or not finder.name_like(tok, named=True):
        return False
    split = [replace(tok, text=p, folded=fold(p), lower=p.lower()) for p in parts]
    if not all(words.plain_name(p.text) for p in split):
        return False  # "Open-Air", "Rheindorf-Nord" is a district's
    unlisted = [
        _signer_part(finder, p) or words.unlisted_word(finder, p, heads=True) for p in split
    ]
    listed = [finder.is_surname(p) for p in split]
    # "Holtkötter-Wiechers", "Nolting-Wiechers", "Brinkhaus-Overbeck": each part a surname
    return any(unlisted) and all(u or s for u, s in zip(unlisted, listed, strict=True))


def _signer_part(finder: words.PersonFinder, tok: Tok) -> bool:
    """Whether ``tok`` is a surname of no list that only a sign-off's line makes one: ending
    in "-ing" ("Nolting") or in "-haus"/"-hof" ("Brinkhaus": :func:`house_surname_word`)."""
    return _ing_surname(finder, tok) or words.house_surname_word(finder, tok)


def _ing_surname(finder: words.PersonFinder, tok: Tok) -> bool:
    """Whether ``tok`` is a surname of no list ending in "-ing" ("Nolting", "Kassing"):
    no noun, compound, place or English word ("Training", "Meeting", "Marketing")."""
    f = tok.folded
    return (
        _ING.fullmatch(tok.text[1:]) is not None
        and words.plain_name(tok.text)
        and finder.name_like(tok, named=True)
        and not finder.names.has_first(tok.text)
        and f not in words.english_words()
        and f not in ORDINARY
        and f not in lists.LOCAL_NAMES
        and f not in lists.INSTITUTION_NOUNS
        and not (is_german_noun(f) or is_place_name(f))
        and not (compound_noun(f) and not surname_compound(f, finder.names))
    )
