"""Where a resident lives: the word after a word for a person in a lead-in ("Bewohnerin
Ottensen", "Nachbarin Neudorf-Nord", "Anwohner Nord") names a place, not her surname
("Bewohnerin Zabelberg"). Read by the lead-in rules (:mod:`workbench.ingest.lead_in_names`)
and by the names after a role (:mod:`workbench.ingest.name_roles`)."""

from __future__ import annotations

import re
from collections.abc import Collection

from workbench.ingest import name_lists as lists
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_tokens import DIRECTION
from workbench.ingest.noun_lexicon import is_place_name, is_place_phrase

# Words for one person by where she lives, what she is or how she takes part, also as the
# head of a compound ("Bewohnerin Zabelberg", "Mitbewohnerin …", "Seniorin …", "Schüler …",
# "Elternvertreterin …", "Mieterbeirätin …": folded, "ä" as "a")
PERSON_WORD = re.compile(
    r"\w*(?:anwohner|bewohner|einwohner|mieter|nachbar|teilnehmer|besucher|vertreter|burger|"
    r"mitarbeiter|rentner|schuler|student|senior|sprecher|nutzer|beirat)(?:in)?"
    r"|\w*mitglied|ehrenamtlicher?"
)
# Words of a card wall's directions and colours after a word for a person ("Anwohner Mitte")
_DIRECTION_WORDS = frozenset("nord sud ost west mitte rot blau gelb grun".split())


# Endings surnames share with the names of quarters and villages ("Ottensen", "Osdorf",
# "Ehrenfeld", "Bockenheim", "Barmbek", "Eilbek"): after a word for a person a place,
# unless a known surname ("Hansen"; "-bek" after a vowel: Polish "Dorobek", "Jakubek";
# after fewer than three letters: Turkish "Özbek", Czech "Hrbek")
_TOWN_END = re.compile(
    r"(?:dorf|dorff|feld|hausen|heim|sen|(?<=\w{3})(?<![aeiouy])bek"
    # endings of places far more than of surnames (Wiktionary's 5,404 place names against
    # faker's 1,380 German surnames: "-ingen" 116 to 0, "-burg" 122 to 0, "-stadt" 71 to 0,
    # "-um" 32 to 4): "Walsum", "Lokstedt", "Hamborn", "Ruhrort", "Wedau", "Meiderich"
    r"|(?<=\w{3})(?:um|au|erich)|stedt|ingen|heide|born|hude|buttel|ort|rup|loh|kirchen|"
    r"bruch|scheid|rode|stadt|leben|burg|moor|fleth|wisch|rath)$"
)
# The shape of a place named after someone: a first part of five letters or more with a
# genitive "s" before "-berg"/"-burg" ("Mümmelmannsberg", "Wilhelmsburg", "Friedrichsberg";
# the surnames "Arnsberg", "Forsberg" have three). "Zabelberg", "Rosenberg" have no "s";
# "Neuenkamp" is left a surname's shape: "Hohenstein", "Altenhofen" are surnames too
_TOWN_SHAPE = re.compile(r"^\w{5,}s(?:berg|burg)$")


def where(word: str, folded_places: Collection[str]) -> bool:
    """Whether a word after a word for a resident names where she lives: the project's
    district, a place of the Wiktionary or the name lists, a direction or a word of a
    group, or a word shaped like a place's name the gazetteer knows as no surname."""
    folded = fold(word)
    if folded in folded_places or place(word) or folded in lists.LOCAL_NAMES:
        return True
    if folded in _DIRECTION_WORDS or DIRECTION.fullmatch(folded):
        return True
    return bool(_TOWN_END.search(folded) or _TOWN_SHAPE.search(folded)) and not (
        gazetteer().has_last(word)
    )


def double_place(word: str, folded_places: Collection[str]) -> bool:
    """Whether a word of two parts after a word for a resident names where she lives: a
    part is a direction ("Rheindorf-Nord", "Neudorf-Süd") or both parts name a place
    ("Opladen-Quettingen"); one place beside a surname is a double surname taken from a
    town ("Schulze-Delitzsch", "Hoffmann-Nordhausen"), no place."""
    parts = word.split("-")
    if any(DIRECTION.fullmatch(fold(part)) for part in parts):
        return True
    return all(where(part, folded_places) for part in parts)


def resident_place(role: str, word: str, written: Collection[str] = ()) -> bool:
    """Whether ``word`` after the word for a resident or neighbour ``role`` names where she
    lives ("Nachbarin Neudorf-Nord", "Nachbarin Hochfeld", "Nachbar Nordost"): a place, a
    direction or a town's shape in one of its parts (as in
    :func:`workbench.ingest.lead_in_names.role_surname`), or a word the file writes as a
    place (``written``, folded: :func:`workbench.ingest.written_places.written_places`)."""
    if not PERSON_WORD.fullmatch(fold(role)) or not word[:1].isupper():
        return False
    if place(word):
        return True
    return double_place(word, written) if "-" in word else where(word, written)


def place(name: str) -> bool:
    """Whether a plain lead-in names a place ("Paris Bar", "Mark Brandenburg"): its first
    word is a place's name, or a later one is and no surname ("Weber", "Luxemburg" are)."""
    first, *rest = name.split()
    if is_place_name(fold(first)) or is_place_phrase(fold(name)):
        return True
    return any(is_place_name(fold(w)) and not gazetteer().has_last(w) for w in rest)
