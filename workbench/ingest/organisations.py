"""Authors that are organisations, not people: "Caritas Opladen", "Bürgerverein Manfort
e. V.", "Jugendamt" stay readable (attribute ``organisation``), a person's name does not
(see :mod:`workbench.ingest.personal_columns`)."""

from __future__ import annotations

import re

from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.pseudonymise import Pseudonymiser

_WORD = re.compile(r"[^\W\d_]+")

# Words of an organisation's name: an author "Caritas Opladen" or "Bürgerverein Manfort"
# is a local actor, not a person, and stays readable (attribute ``organisation``).
_ORGANISATION_HEAD = re.compile(  # a word, or the head of a compound ("Jugendamt")
    r"^(?:[a-z]{3,})?(?:verein|zentrum|buro|amt|stelle|dienst|schule|kita|kindergarten|"
    r"kirche|gemeinde|beirat|initiative|stiftung|werk|treff|netzwerk|verband|bibliothek|"
    r"bucherei|hilfe|management|gesellschaft|genossenschaft|fraktion|partei|einrichtung|"
    r"trager|caritas|diakonie|parlament|forum|club|klub|team|gruppe|bundnis|ausschuss|"
    r"akademie|museum|theater|bewegung|gemeinschaft|konferenz|kollektiv)$"
)
# Heads that end surnames and first names too ("Neuhaus", "Pankrat", "Kreis"): they
# count in a name of several words that is no first name or surname ("Jugendhaus
# Lindenhof", "Seniorenrat Opladen"); "Neuhaus" alone stays a person.
_ORGANISATION_WEAK_HEAD = re.compile(r"^(?:[a-z]{3,})?(?:haus|rat|bund|kreis|runde)$")
_ORGANISATION_WORD = frozenset(  # whole words: legal forms, associations, sports clubs
    "awo drk asb vhs cvjm kjg dpsg vdk sovd nabu adfc ev eg ggmbh gmbh ag ug gbr ig sv tsv "
    "tus vfl vfb vfr fc sc ssv djk tv tsg".split()
)
# A dotted abbreviation is one word: "e.V.", "e. V.", "g.e.V." (not "B. Schröder").
_DOTTED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]{1,2}\.\s?){2,}")


def organisation_words(name: str) -> list[str]:
    """An author's words, folded, dotted abbreviations as one ("e. V." → ``ev``)."""
    joined = _DOTTED.sub(lambda m: re.sub(r"[.\s]", "", m.group()) + " ", name)
    return [fold(w) for w in _WORD.findall(joined)]


def institution_word(word: str, several: bool) -> bool:
    """Whether a folded word (:func:`organisation_words`) is an institution's (see
    :func:`is_organisation`); ``several``: it stands beside other words."""
    if word in _ORGANISATION_WORD:
        return True
    names = gazetteer()
    if names.has_first(word) or names.has_last(word):
        return False  # "Matthäus", "Pankrat", "Niehaus"
    weak = several and _ORGANISATION_WEAK_HEAD.match(word)
    return bool(weak or _ORGANISATION_HEAD.match(word))


def is_organisation(pseudonymiser: Pseudonymiser, name: str) -> bool:
    """Whether an author names an organisation (one of its words is an institution's,
    and no person is found in it: "Jugendzentrum – Herr Kaya" is a person).

    An institution's word is a legal form or an association's abbreviation ("e. V.",
    "gGmbH", "AWO", "TuS"), or ends like one ("Jugendamt", "Stadtteilforum",
    "Jugendparlament"; "…haus", "…rat", "…bund", "…kreis", "…runde" only beside other
    words) and is no first name or surname of the gazetteer.
    """
    words = organisation_words(name)
    if not any(institution_word(w, len(words) > 1) for w in words):
        return False
    return not any(h.kind == "person" for h in pseudonymiser.detect(name))
