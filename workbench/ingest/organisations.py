"""Authors that are organisations, not people: "Caritas Opladen", "Bürgerverein Manfort
e. V.", "Jugendamt" stay readable (attribute ``organisation``), a person's name does not
(see :mod:`workbench.ingest.personal_columns`)."""

from __future__ import annotations

import re

from workbench.ingest.institution_accounts import institution_account
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_lists import ROLE_WORDS
from workbench.ingest.noun_lexicon import (
    compound_noun,
    is_german_noun,
    is_person_name,
    is_place_name,
    is_place_phrase,
    plural_noun,
)
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.resident_places import PERSON_WORD

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


# Bodies an author column names that no word of :func:`institution_word` says (only
# here, not in lead-ins): a body's head ("Schülervertretung", "Bürgerliste",
# "Bezirksregierung", "Verkehrsbetriebe", "Westdeutsche Zeitung"), an English one ("Youth
# Council", "Police Department"), and the broadcasters and news agencies read in Germany
# by their abbreviation (a closed list: "WDR", "dpa"; none of two letters: "BR" may be initials)
_BODY_HEAD = re.compile(
    r"^(?:[a-z]{3,})?(?:vertretung|pflegschaft|liste|regierung|betriebe?|pfarrei|zeitung|"
    r"anzeiger|rundschau)$|^(?:council|association|department|office|committee|society|"
    r"foundation|police|agency|authority|administration)$"
)
_MEDIA = frozenset("ard zdf wdr ndr swr mdr rbb dlf rtl dpa epd kna".split())
# A council or an alliance by its members or place ("Integrationsrat", "Seniorenrat",
# "Ortsrat", "Naturschutzbund"): a noun the lexicon knows before "rat"/"bund" (with its
# joint "s", "n", "en", "es"), unlike a surname ("Pankrat", "Konrat")
_COUNCIL = re.compile(r"^(?P<stem>[a-z]{3,})(?:rat|bund)$")
_JOINTS = ("", "s", "n", "en", "es", "e")
# A territory's administration or a local station before its place ("Stadt Leverkusen",
# "Landkreis Kassel", "Radio Leverkusen", "City of Leverkusen"), never after a name
# ("Maria Stadt") nor before a comma ("Stadt, Maria": Maria Stadt)
_TERRITORY = re.compile(
    r"(?:(?:Stadt|Landkreis|Kreis|Bezirk|Stadtbezirk|Radio)\s+|"
    r"(?:City|Town|Municipality|County|District|Borough)\s+of\s+)"
    r"(?P<place>[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*)?)\s*(?:$|[-–—,;:/(])"
)
# A body by its adjective ("Rheinische Post", "Deutsche Bahn", "Rotes Kreuz", "Red Cross")
_ADJECTIVE_BODY = re.compile(
    r"(?:[a-z]+(?:e|es|er|en)\s+(?:post|bahn|kreuz|kreuzes)|red\s+cross)(?:\s|$)"
)


def _body_word(word: str, several: bool) -> bool:
    """Whether a folded word of an author names a body beyond :func:`institution_word`."""
    if word in _MEDIA or institution_word(word, several):
        return True
    names = gazetteer()
    if names.has_first(word) or names.has_last(word):
        return False
    if _BODY_HEAD.match(word):
        return True
    council = _COUNCIL.match(word)
    if council is None:
        return False
    stem = council["stem"]
    stems = {stem.removesuffix(joint) for joint in _JOINTS if stem.endswith(joint)}
    return any(len(s) > 2 and (is_german_noun(s) or plural_noun(s)) for s in stems)


def _territory(name: str) -> bool:
    """Whether an author is a territory's administration or station ("Stadt Leverkusen",
    "City of Leverkusen", "Radio Köln"): its place is one, or a word no name list holds."""
    match = _TERRITORY.match(name.strip())
    if match is None:
        return False
    place = match["place"]
    if is_place_name(fold(place)) or is_place_phrase(fold(place)):
        return True
    names = gazetteer()
    return not any(
        names.has_first(w) or names.has_last(w) or is_person_name(fold(w)) for w in place.split()
    )


def _adjective_body(words: list[str]) -> bool:
    """Whether folded words hold a body named by its adjective ("Rheinische Post"), whose
    adjective is no first name ("Marie Bahn", "Sarah Post")."""
    match = _ADJECTIVE_BODY.search(" ".join(words))
    return match is not None and not gazetteer().has_first(match.group().split()[0])


# The parts of an author with a qualifier: "Schulz (Caritas)", "Becker, AWO", "AWO / Becker"
_ARTICLES = frozenset(("der", "die", "das"))
_PARTS = re.compile(r"\s*(?:[,;:/|()\[\]]|\s[-–—]\s)\s*")


def _named_part(name: str) -> bool:
    """Whether a part of an author beside its organisation is a name the gazetteer knows
    or an initial's ("Schulz (Caritas)", "AWO, T. Weber"), not a place or a unit
    ("Caritas (Opladen)", "Stadt Leverkusen – Fachbereich Umwelt")."""
    parts = [part for part in _PARTS.split(name) if part]
    if len(parts) < 2:
        return False
    names = gazetteer()
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 3 or is_place_name(fold(part)) or fold(words[0]) in _ARTICLES:
            continue  # a place, or a body with its article ("Bündnis 90/Die Grünen")
        if any(_body_word(w, len(words) > 1) for w in organisation_words(part)):
            continue
        bare = [w.strip(".") for w in words]
        if re.fullmatch(r"[A-ZÄÖÜ]\.", words[0]) or any(
            names.has_first(w) or names.has_last(w) for w in bare if w[:1].isupper()
        ):
            return True
    return False


# An e-mail address or a user name ("t.weber@caritas-opladen.de", "ortsrat_mueller",
# "WDR_Lisa", "kalle1999") is a person's contact or account, never a body's name
_ACCOUNT = re.compile(r"@|[^\W\d_]\d|\d[^\W\d_]|[^\W_]_|_[^\W_]")
# Words of an organisation's name that a gazetteer name may spell ("Stadt", "Post", a
# quarter "Nord", a number "II")
_NAME_OF_BODY = frozenset(
    "stadt kreis bezirk radio city post bahn kreuz nord sud ost west mitte".split()
)
_ROMAN = re.compile(r"[IVXLC]+")


def _name_beside(name: str) -> bool:
    """Whether a word beside the organisation's words is a first name or surname of the
    gazetteer, not a place ("Team Müller", "WDR Schulz", "Zeitung Becker"; not "Caritas
    Opladen", "Pfarrei St. Remigius")."""
    names = gazetteer()
    tokens = name.split()
    for before, token in zip(["", *tokens], tokens, strict=False):
        word = token.strip(".,;:()[]/–—")
        folded = fold(word)
        if (
            not word[:1].isupper()
            or not word.isalpha()
            or fold(before.strip(".")) in ("st", "sankt")  # a saint ("St. Maria")
            or fold(before) in _ARTICLES  # a party's or a body's name ("Fraktion Die Linke")
            or folded in _NAME_OF_BODY
            or _ROMAN.fullmatch(word)
            or folded in _ARTICLES
            or _body_word(folded, True)
            or institution_account(word)
            or is_place_name(folded)
        ):
            continue
        if names.has_first(word) or names.has_last(word):
            return True
    return False


def is_organisation(pseudonymiser: Pseudonymiser, name: str) -> bool:
    """Whether an author names an organisation (one of its words is an institution's,
    and no person is found in it: "Jugendzentrum – Herr Kaya" is a person).

    An institution's word is a legal form or an association's abbreviation ("e. V.",
    "gGmbH", "AWO", "TuS"), or ends like one ("Jugendamt", "Stadtteilforum",
    "Jugendparlament"; "…haus", "…rat", "…bund", "…kreis", "…runde" only beside other
    words) and is no first name or surname of the gazetteer; so is a body's head
    ("Schülervertretung", "Bürgerliste", "Westdeutsche Zeitung", "Youth Council"), a
    council after a noun ("Integrationsrat", "Ortsrat"), an institution's noun ("Polizei",
    "Stadtwerke"), a broadcaster's abbreviation ("WDR"), a body by its adjective
    ("Rheinische Post", "Deutsches Rotes Kreuz") or a territory before its place ("Stadt
    Leverkusen", "City of Leverkusen", "Radio Köln"; "Maria Stadt" is a person). A name
    beside the organisation makes it a person's ("Schulz (Caritas)", "AWO, T. Weber").
    """
    if _ACCOUNT.search(name):
        return False  # an address or a user name: a person's
    words = organisation_words(name)
    several = len(words) > 1
    if not (
        any(_body_word(w, several) for w in words)
        or any(institution_account(w) for w in _WORD.findall(name))  # "Polizei", "Jobcenter"
        or _territory(name)
        or _adjective_body(words)
    ):
        return False
    if _named_part(name) or _name_beside(name):  # "Schulz (Caritas)", "Team Müller"
        return False
    return not any(h.kind == "person" for h in pseudonymiser.detect(name))


# A gender mark before the feminine ending ("Anwohner*in", "Bürger:in", "Mieter/in")
_SOMEONE_END = re.compile(r"(?:erin|liche|licher|ende|ender)$")
_GENDER_MARK = re.compile(r"(?<=[a-zäöüß])(?:[*:_/]i|I)(?=n(?:nen)?$)")


def is_role_word(name: str) -> bool:
    """Whether an author is a word for someone unnamed ("Anwohner", "Bürgerin", "Mieterin",
    "Anwohner*in", "Nachbarin", "Radfahrerin", "Pfarrer"): an anonymous role, not a
    person; a surname the gazetteer holds ("Bürger", "Schüler") stays a person, unless a
    function ("Pfarrer").

    >>> [is_role_word(w) for w in ("Anwohner*in", "Bürgerin", "Bürger", "Anna", "Herr Rat")]
    [True, True, False, False, False]
    """
    word = _GENDER_MARK.sub("i", name.strip())
    if not word.isalpha() or not word[:1].isupper():
        return False
    folded = fold(word)
    if folded in ROLE_WORDS:
        return True
    names = gazetteer()
    if names.has_first(word) or names.has_last(word):
        return False
    if PERSON_WORD.fullmatch(folded):
        return True
    # a woman by what she does or a participle's noun the lexicon knows ("Radfahrerin",
    # "Ladenbesitzerin", "Jugendlicher"); other nouns may be surnames ("Vater", "Koch")
    return bool(_SOMEONE_END.search(folded)) and (is_german_noun(folded) or compound_noun(folded))
