"""Speaker roles that read as a person's name (decision 002, Nachtrag Sitzung 26).

A protocol's bold lead-in (``**Okke Wübbenhorst:** …`` in Markdown and plain text, a bold
run at the start of a Word or LibreOffice paragraph) is a speaker role. A role that names
a person was pseudonymised only when the name was recognised (on a name list, in the
gazetteer, with "Frau"/"Herr"); a name the gazetteer does not know stayed in clear. A
lead-in of two to four capitalised words, none of them a word of an organisation, a
group, a role, a place or an ordinary noun, whose first or last word is name-like, is a
person: it goes onto the name list, so the role becomes ``[Person N]`` and the name is
replaced in every text. Roles stay roles ("Moderation", "Stadtteilbüro Nord", "AG
Verkehr", "Gruppe Blau", "Anwohnerin Manfort", "Offene Tür").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable

from workbench.ingest import name_lists as lists
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_known import ordinary_word
from workbench.ingest.name_tokens import (
    CAMEL_OK,
    COMPOUND_HEAD,
    FOREIGN_END,
    FOREIGN_LETTERS,
    NOUN_END,
    PLACE_END,
)
from workbench.ingest.noun_lexicon import compound_noun, is_german_noun
from workbench.ingest.organisations import institution_word
from workbench.ingest.resident_places import PERSON_WORD, double_place, place, where
from workbench.ingest.speaker_labels import is_label, is_role
from workbench.ingest.unlisted_words import english_first_names, english_words

# The parts of a role with a qualifier: "Okke Wübbenhorst (Kita)", "Okke Wübbenhorst,
# Kita", "Kita – Okke Wübbenhorst", "Interviewerin (Okke Wübbenhorst)": each is read.
_PARTS = re.compile(r"\s*(?:[,;/|()\[\]]|\s[-–—]\s)\s*")
# Words for people as a group or by what they are ("Anwohnerin Manfort"), for things,
# directions and colours of a card wall ("Pinnwand Rot", "Nord Ost"): never a name
_GROUP_WORDS = frozenset(
    """
    anwohner anwohnerin bewohner bewohnerin vertreter vertreterin mieter mieterin besucher
    besucherin teilnehmer teilnehmerin burger burgerin einwohner einwohnerin nachbarn jugend
    senioren seniorin senior madchen jungen junge eltern migranten gaste gast publikum
    mitglied mitglieder frau frauen herr herren mann manner kind kinder mutter vater
    vertretung verwaltung stadt leitung politik presse polizei feuerwehr union liste mitte
    tur tisch runde ecke gruppe kreis verein aus von fur mit und der die das for of the
    nord sud ost west rot blau gelb grun lila orange wand pinnwand tafel werkstatt karte
    """.split()
)
# Endings of group nouns ("Teilnehmende", "Jugendliche", "Ehrenamtliche", "Bürgerinnen")
_GROUP_END = re.compile(r"(?:erin|innen|ende|enden|ender|liche|lichen|licher)$")
# Words for a person by where she lives or what she belongs to (folded; see
# :data:`workbench.ingest.resident_places.PERSON_WORD`): an unknown word after them may be
# a quarter or an organisation ("Bewohnerin Marzahn", "Mieter Vivawest", "Schüler Gesamtschule")
_LIVES_OR_BELONGS = re.compile(
    r"\w*(?:anwohner|bewohner|einwohner|nachbar|mieter|vertreter|mitarbeiter|nutzer|besucher|"
    r"schuler|student|sprecher|beirat|burger)(?:in)?|\w*mitglied"
)
# Words for a resident: an unknown word after them no lexicon knows is her surname
_RESIDENT = re.compile(r"(?:an|be)wohner(?:in)?|mieter(?:in)?")
# An inflected adjective in front ("Offene", "Runder", "Neues"): a thing, unless a name
_ADJECTIVE_END = re.compile(r"(?:e|er|es|en|em)$")
# Endings of German family names ("Wübbenhorst", "Brinkmann", "Oltmanns", "Tjarks", "Oldenkamp")
_SURNAME_END = re.compile(
    r"(?:manns?|horst|brink|kamp|kemper|meier|meyer|maier|mayer|hoff|hoven|berg|berger|feld|"
    r"stein|bach|beck|brock|busch|dorf|dorff|hausen|inger|ecke|mey|rich|bold|hardt|hart|"
    r"wald|baum|heim|ski|sky|sen|son|ks|ke|ek|ig|tz)$"
)


def capitalised(word: str) -> bool:
    """Whether a word is written like a name: a capital, then small letters (also in each
    part of "Przybylski-Öztürk"; "McDonald", "O'Brien")."""
    parts = word.split("-")
    for part in parts:
        rest = part[1:].replace("'", "").replace("’", "")
        if len(part) < 2 or not part[0].isupper() or not rest.isalpha():
            return False
        if not rest.islower() and not CAMEL_OK.match(part):
            return False
    return True


# Heads of English names of groups and organisations ("Youth Council", "Tenants Union",
# "Climate Club"): an organisation beside a role ("Bewohnerin (Youth Council)"), no person
_ENGLISH_GROUPS = frozenset(
    """
    council club union crew committee board network centre center hub lab forum collective
    alliance initiative project society association foundation team group office campaign
    """.split()
)
# English nouns of a neighbourhood's topics that faker's ~1,000 common words lack and no
# ending gives away ("Traffic", "Noise", "Cleanup" on an English card among German turns);
# none a first name of the gazetteer or of faker's English names
_ENGLISH_TOPICS = frozenset(
    """
    traffic noise climate youth garbage litter waste rubbish trash pollution crime safety
    security housing rent rents cleanup greenery heat transit transport childcare
    daycare health wellbeing leisure graffiti sidewalk sidewalks crosswalk pavement
    """.split()
)
# English endings of nouns no German word has ("Mobility", "Neighbourhood", "Vandalism";
# German writes "-ität", "-ismus"), of six letters or more ("Hood"), no English first name;
# "-ity" of seven letters or more and never after "rr": the names "Verity", "Garrity",
# "McGarrity" are none of faker's English first names; an adjective in "-ical" ("Critical
# Mass", "Kidical Mass": a bicycle ride's group), no one's first name
_ENGLISH_END = re.compile(r"\w{4,}(?<!rr)ity|\w{2,}hood|\w{3,}ism|\w{3,}ical")
# A gerund whose "-ing" follows a consonant no Pinyin syllable starts with or a cluster
# ("Parking", "Lighting", "Recycling"); "Xiaoming", "Jiaming" stay open
_GERUND = re.compile(r"(?:[cfghkrsvwz]|[^aeiouy][bdjlmnpqtxy])ing$")


def english_word(word: str, spelling: bool = True) -> bool:
    """Whether a capitalised word is English, not a name: one of faker's common English
    words ("Street", "Community") or of a neighbourhood's topics ("Traffic", "Noise"), a
    gerund ("Parking", "Gardening": its stem such a word or, with ``spelling``, its spelling
    English), an "-ness", "-ship", "-ity", "-hood" or "-ism" noun ("Mobility"), a compound of
    two such words ("Streetwork", "Playground") or the head of a group ("Council").

    >>> [english_word(w) for w in ("Parking", "Streetwork", "Council", "Quirin", "Xiaoming")]
    [True, True, True, False, False]
    >>> [english_word(w) for w in ("Traffic", "Mobility", "Neighbourhood", "Okke", "Hood")]
    [True, True, True, False, False]
    """
    folded, common = fold(word), english_words()
    if folded in common or folded in _ENGLISH_GROUPS or folded.endswith(("ness", "ship")):
        return True
    topic = folded in _ENGLISH_TOPICS or bool(_ENGLISH_END.fullmatch(folded))
    if topic and folded not in english_first_names():  # "Felicity", "Trinity" are names
        return True
    stem = folded[:-3]
    if folded.endswith("ing") and len(folded) >= 6:
        undoubled = stem[:-1] if stem[-1:] == stem[-2:-1] else stem
        if (spelling and _GERUND.search(folded)) or {stem, stem + "e", undoubled} & common:
            return True
    return any(
        folded[:k] in common and folded[k:] in common and (k >= 5 or len(folded) - k >= 3)
        for k in range(3, len(folded) - 1)
    )


# Words of the name lists that are never a name in a lead-in, joined once, not per word
_LISTED_WORDS = (
    lists.INSTITUTION_NOUNS
    | lists.COMMON_NOUNS
    | lists.FUNCTION_WORDS
    | lists.ARTICLES
    | lists.CALENDAR
    | lists.LANGUAGE_WORDS
)


def ordinary(word: str, several: bool) -> bool:
    """Whether a word of a lead-in is a word of a role, group, organisation or thing."""
    folded = fold(word)
    names = gazetteer()
    known = names.has_first(word) or names.has_last(word)
    if is_label(word) or folded in lists.ROLE_WORDS or folded in lists.TITLES:
        return True
    if institution_word(folded, several) or folded in _GROUP_WORDS:
        return True
    if folded in _LISTED_WORDS:
        return True
    if known:
        return False
    if PERSON_WORD.fullmatch(folded):
        return True  # "Rentner Rheindorf", "Seniorin (…)": a word for a person, no name
    # "Youth Council", "Parking": no English lexicon, these signs; beside other words only
    # English words say so, no spelling ("Bewohnerin (Quirin Wenning)")
    if english_word(word, spelling=not several):
        return True
    if folded.endswith(tuple(lists.ROLE_SUFFIXES)) or _GROUP_END.search(folded):
        return True
    return bool(NOUN_END.search(folded) or COMPOUND_HEAD.match(folded) or is_role(word))


def _name_like(word: str, first: bool) -> bool:
    """Whether the first (a first name) or last word (a surname) is name-like."""
    names = gazetteer()
    if (names.has_first(word) if first else names.has_last(word)) or FOREIGN_LETTERS.search(word):
        return True
    folded = fold(word)
    if FOREIGN_END.search(folded):
        return True
    return bool(_SURNAME_END.search(folded)) if not first else not _ADJECTIVE_END.search(folded)


def lead_in_name(role: str, places: Collection[str] = ()) -> str | None:
    """The person's name a speaker role reads as, also beside a qualifier (``places``: the
    project's district names, never a name), or None for a role.

    >>> lead_in_name("Okke Wübbenhorst"), lead_in_name("Kita – Okke Wübbenhorst")
    ('Okke Wübbenhorst', 'Okke Wübbenhorst')
    >>> [lead_in_name(r) for r in ("Moderation", "Stadtteilbüro Nord", "Offene Tür")]
    [None, None, None]
    """
    if is_role(role.strip()):
        return None
    parts = [" ".join(part.split()) for part in _PARTS.split(role)]
    found = next((part for part in parts if part and _reads_as_name(part, places)), None)
    return found or next((s for part in parts if (s := role_surname(part, places))), None)


def role_surname(lead_in: str, places: Collection[str] = ()) -> str | None:
    """The surname after a word for a person in a lead-in ("Bewohnerin Zabelberg",
    "Anwohner Schmidt", "Seniorin Zabelberg-Quast"), or None: a word of a place, a thing or
    a direction ("Anwohner Nord", "Bewohnerin Altbau", "Mieterin Manfort", "Bewohner
    Mümmelmannsberg") or one not built like a surname.

    >>> role_surname("Bewohnerin Zabelberg"), role_surname("Bewohnerin Altbau")
    ('Zabelberg', None)
    >>> role_surname("Seniorin Zabelberg-Quast"), role_surname("Anwohner Rheindorf-Nord")
    ('Zabelberg-Quast', None)
    """
    words = lead_in.split()
    if len(words) != 2 or not PERSON_WORD.fullmatch(fold(words[0])):
        return None
    word, folded_places = words[1], {fold(p) for p in places}
    parts = word.split("-")
    if not capitalised(word) or len(parts) > 2 or fold(word) in folded_places or place(word):
        return None
    if len(parts) == 1:
        return word if _surname(word, folded_places, fold(words[0])) else None
    # a double surname ("Zabelberg-Quast", "Müller-Lüdenscheidt", "Schulze-Delitzsch"): no
    # direction nor two places ("Rheindorf-Nord", "Opladen-Quettingen"), one part that is no
    # place a surname by the rules of one
    names = gazetteer()
    if double_place(word, folded_places):
        return None
    surname = [p for p in parts if not where(p, folded_places)]
    return word if any(names.has_last(p) or _surname(p, folded_places) for p in surname) else None


def _surname(word: str, folded_places: Collection[str], person: str = "") -> bool:
    """Whether one word after the word for a person ``person`` (folded) is a surname (see
    :func:`role_surname`)."""
    folded = fold(word)
    if where(word, folded_places) or ordinary(word, True) or ordinary_word(word):
        return False
    if is_german_noun(folded) or PLACE_END.search(folded) or _WORD_SHAPE.search(folded):
        return False  # "Bewohnerin Koch", "Anwohner Hochdorf", "Mieterin Ungeklärt"
    if _name_like(word, False):
        return True
    # a word of no noun, compound, place or thing after a word for a person names her, also
    # without a surname's ending ("Seniorin Terwiel", "Teilnehmerin Schnittker"), also after
    # a resident's word ("Bewohnerin Wedekind", "Mieter Oltrogge"; a quarter the file writes
    # as a place is a place: "Bewohner Marzahn" beside "im Marzahn"); not after a word for a
    # neighbour (read by the rule of roles) or what she belongs to: there an unknown word is
    # as often an organisation ("Mieter Gewobag" is a tenant, "Vertreterin Ditib")
    resident = _RESIDENT.fullmatch(person) is not None
    return (resident or not _LIVES_OR_BELONGS.fullmatch(person)) and not compound_noun(folded)


def _reads_as_name(bare: str, places: Collection[str]) -> bool:
    """Whether one part of a role reads as a person's name (see the module's docstring)."""
    if is_role(bare):
        return False
    words = bare.split()
    core = [w for w in words if fold(w) not in lists.PARTICLES]
    if not 2 <= len(core) <= 4 or len(words) > 5 or fold(words[0]) in lists.PARTICLES:
        return False
    folded_places = {fold(p) for p in places}
    if not all(capitalised(w) and fold(w) not in folded_places for w in core):
        return False
    if any(ordinary(w, True) for w in core):
        return False
    return _name_like(core[0], True) or _name_like(core[-1], False)


def lead_in_names(roles: Iterable[str | None], places: Collection[str] = ()) -> list[str]:
    """The names of the speaker roles that read as a person's name, each once."""
    found = (lead_in_name(r, places) for r in dict.fromkeys(roles) if r)  # each role once
    return list(dict.fromkeys(n for n in found if n))


# A statement that opens with a plain lead-in: "Karl Weber: Guten Abend …" (a protocol
# written without bold, where the speaker stays in the text), also a role and a name apart
# by a dash or comma ("Bewohnerin – Quirin Zabelberg: …", "Kita, Okke Wübbenhorst: …")
_PLAIN_LEAD_IN = re.compile(
    r"[^\W\d_][\w'’.-]*,?(?:[ \t]+(?:[–—]|[\w'’.()-]+,?)){1,4}(?<!,)(?=:[ \t]+\S)"
)


# How often an unknown first name must open a file's lead-ins to make them a speaker's
REPEATED = 2


def plain_lead_ins(texts: Iterable[str | None], places: Collection[str] = ()) -> list[str]:
    """The names of the plain lead-ins that open ``texts`` ("Karl Weber: Danke …"), each
    once: a speaker named in the text, as a bold role is one (see :func:`lead_in_names`).
    Without the bold a lead-in is often a topic ("Praktischer Klimaschutz: …"): its name
    starts with a first name the gazetteer knows, or it opens :data:`REPEATED` statements
    of the file with words of no noun or place ("Okke Wübbenhorst: …" twice; Frisian,
    Turkish or Ukrainian first names the gazetteer lacks), or stands beside a role
    ("Bewohnerin (Quirin Zabelberg): …", "Bewohnerin – Quirin Zabelberg: …", a surname after
    it: "Bewohnerin Zabelberg: …"; once: the role says a person speaks)."""
    roles = [m.group() if (m := _PLAIN_LEAD_IN.match(t or "")) else None for t in texts]
    named = {r: lead_in_name(r, places) for r in dict.fromkeys(roles) if r}  # each role once
    found = list(dict.fromkeys(n for n in named.values() if n))  # as lead_in_names
    counts = Counter(named[r] for r in roles if r)
    beside = {name for r, name in named.items() if _beside_role(r)}
    return [
        name
        for name in found
        if " " not in name  # a surname after a role ("Bewohnerin Zabelberg"): role_surname
        or (
            not place(name)
            and (
                gazetteer().has_first(name.split()[0])
                or ((counts[name] >= REPEATED or name in beside) and no_word(name))
            )
        )
    ]


def _beside_role(lead_in: str) -> bool:
    """Whether a part of a lead-in is a role or group of people ("Bewohnerin (…)",
    "Moderation – …", "Kita, …"): the other part is who speaks in it."""
    parts = [" ".join(p.split()) for p in _PARTS.split(lead_in)]
    parts = [p for p in parts if p]
    return len(parts) >= 2 and any(all(ordinary(w, True) for w in p.split()) for p in parts)


# Shapes of adjectives, adverbs and participles of a heading ("Kurz Notiert", "Gemeinsam
# Vereinbart", "Zusätzlich Gewünscht"): a word of a card wall, no unknown first name ("Wisam")
_WORD_SHAPE = re.compile(
    r"(?:lich|isch|haft|los|end|weise|iert|ierte)$"
    r"|^(?:ab|an|auf|aus|bei|ein|fest|mit|nach|um|vor|weg|zu|zuruck|dar|her|hin)?ge\w{4,}(?:(?<!d)t|en)$"
    r"|^(?:be|ver|er|ent|zer|uber|unter|miss)\w{3,}(?:t|en)$"
)


def no_word(name: str) -> bool:
    """Whether a lead-in's words are no German nouns (a surname the gazetteer knows may be
    one: "Okke Bauer"), no ordinary word, adjective or participle ("Kurz Notiert"), no
    local organisation or place ("Kolping", "Lindenhof Schlebusch"), and its first word is no
    word the gazetteer knows only as a surname ("Frisch Gemeldet": an unknown first name is
    unknown)."""
    first, *rest = name.split()
    names = gazetteer()
    if is_german_noun(fold(first)) or PLACE_END.search(fold(first)):
        return False
    if names.has_last(first) and not names.has_first(first):
        return False
    for w in (first, *rest):
        folded = fold(w)
        if folded in lists.LOCAL_NAMES or ordinary_word(w):
            return False
        if not (names.has_first(w) or names.has_last(w)) and _WORD_SHAPE.search(folded):
            return False
    return all(not is_german_noun(fold(w)) or (w == rest[-1] and names.has_last(w)) for w in rest)
