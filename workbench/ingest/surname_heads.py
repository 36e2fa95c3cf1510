"""Surnames of no list that end in a noun as German surnames do ("Terhorst", "Kleinheide",
"Wiesmeier", "Brockbusch"): the noun lexicon reads them as compounds
(:func:`workbench.ingest.noun_lexicon.compound_noun`), so a rare first name before them
("Das sagt auch Okke Terhorst.") or a sign-off above them ("Viele Grüße\\n\\nTerhorst")
left them in clear.

Such a word counts as a surname of no list only where its head — the longest noun it ends
in — is one surnames end in (``SURNAME_HEADS``: the heads of the compound-like surnames
of faker's German, Austrian and Dutch lists, "-bauer", "-horst", "-brink", "-meister",
…, and the landscape words of North German surnames, "-busch", "-heide", "-winkel") and
its first part is no noun of seven letters or more and no noun or first name before a
joining "s" ("Quartiersmeister", "Stadtteilmeister", "Vereinsmeister" are roles;
"Karlshorst" is a district). A compound with any other head stays a word
("Sozialstation", "Stadtteilbüro", "Jugendhilfe"), and so do "-mühle" and "-hammer",
which name mills and forges as places as often as people ("Brandmühle")."""

from __future__ import annotations

from workbench.ingest.name_gazetteer import Gazetteer
from workbench.ingest.noun_lexicon import compound_noun, is_german_noun, is_place_name

# Heads of German and Dutch surnames (folded): occupations and landscape words
SURNAME_HEADS = frozenset(
    """horst brink busch stein winkel heide heiden linde linden hagen velde meier bauer
    meister reiter knecht muller schafer jager gartner huber kotter hauser""".split()
)
# A first part this long that is a noun makes a role or an office ("Stadtteilmeister")
_LONG_NOUN = 7


def _head(folded: str) -> str | None:
    """The longest noun of five letters or more that ``folded`` ends in after a first part
    of three, as :func:`compound_noun` finds one ("terhorst" → "horst")."""
    for k in range(3, len(folded) - 4):
        if is_german_noun(folded[k:]):
            return folded[k:]
    return None


def surname_compound(folded: str, names: Gazetteer) -> bool:
    """Whether the folded word, read as a compound, ends in a surname's head after a first
    part that makes no role or district of it ("terhorst", "wiesmeier", "brandbusch"; not
    "sozialstation", "quartiersmeister", "karlshorst"); the caller rules out the word as a
    noun or a place of its own ("delmenhorst")."""
    head = _head(folded)
    if head is None or head not in SURNAME_HEADS:
        return False
    first = folded[: -len(head)]
    joined = first[:-1] if first.endswith("s") and len(first) > 4 else ""  # not "Wies"
    if joined and (is_german_noun(joined) or names.has_first(joined)):
        return False  # "Quartiersmeister", "Vereinsmeister", "Karlshorst"
    return len(first) < _LONG_NOUN or not is_german_noun(first)  # "Stadtteilmeister"


# Heads of surnames that end like a house or a farm ("Brinkhaus", "Niehaus", "Westhof")
_HOUSE_HEADS = ("haus", "hof")
# Stems of a first part before a joining letter ("Kinder-", "Senioren-", "Quartiers-")
_JOINING = ("s", "n", "e", "en", "er", "es")
# Nouns of the land that open Westphalian surnames ("Brinkhaus", "Kötterhaus", "Kamphof"),
# and the Low German compass words ("Osterhaus", "Westerhof": "Ost" is a noun, "Oster-" no
# house's or yard's kind)
_LAND_PARTS = frozenset(("brink", "kotter", "kamp", "horst", "oster", "wester", "norder", "suder"))


def house_surname(folded: str) -> bool:
    """Whether the folded word ends in "-haus" or "-hof" after a first part that makes no
    house or yard of it ("brinkhaus", "kotterhaus", "holthaus", "niehaus"; not "jugendhaus",
    "kinderhaus", "seniorenhaus", "quartiershaus", "lindenhof"): the first part, or its stem
    before a joining letter, is no noun and no place and no noun before "-er" ("Pfarrhof"),
    or is a noun of the land that opens such surnames ("Brink", "Kötter") or a Low German
    compass word ("Osterhaus", "Westerhof"). The caller
    rules out the word as a noun, a place or a facility of its own ("Rathaus")."""
    head = next((h for h in _HOUSE_HEADS if folded.endswith(h)), None)
    if head is None:
        return False
    first = folded[: -len(head)]
    if len(first) < 3:
        return False  # "Hof", "Uhof"
    if first in _LAND_PARTS:
        return True  # "Brinkhaus", "Kötterhaus"
    if is_german_noun(first + "er"):
        return False  # "Pfarrhof"
    stems = [first] + [first[: -len(j)] for j in _JOINING if first.endswith(j)]
    return not any(
        is_german_noun(s) or is_place_name(s) or compound_noun(s) for s in stems if len(s) >= 3
    )
