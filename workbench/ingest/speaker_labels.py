"""Which speaker labels of chats and transcripts are roles, not people (pure).

A transcript names its speakers by name (a person: a placeholder, see
:mod:`workbench.ingest.speakers`) or by a label: a role code (``I``, ``B1``, ``TN 3``,
``IP 2``), a role word (``Interviewer``, ``Moderation``, ``Frage``, ``Expertin``,
``Int.``, ``Dolmetscherin``), such a word with a letter where the transcript was anonymised before
(``Person A``, ``Befragte B``: a pseudonym already, and "Person" stays a word), a
generic label that a transcription tool writes for a voice it cannot name (``SPEAKER_00``
of WhisperX, ``Speaker 2`` of Otter, ``Sprecher 1`` of Word, ``Teilnehmer 3``, ``Unknown
Speaker``) or a single word built like an organisation or function (``Schulsozialarbeit``,
``Quartiersbüro``). A label is a role in every format (``.txt``, ``.docx``, ``.srt``,
``.vtt``): it is kept as the statement's role and never becomes a placeholder. So is the
microphone of a room in a hybrid meeting (``Saal``, ``Raum 1``, ``Konferenzraum``): many
people speak there, and the word is no name to replace in the texts.
"""

from __future__ import annotations

import re
from typing import Protocol

from workbench.ingest.discourse_labels import RECORD_LABELS
from workbench.ingest.institution_accounts import institution_account
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_lists import ROLE_WORDS
from workbench.ingest.name_tokens import tokens
from workbench.ingest.neuter_places import compound_head, neuter_place
from workbench.ingest.noun_lexicon import (
    compound_noun,
    is_german_noun,
    is_person_name,
    noun_articles,
    plural_noun,
)
from workbench.ingest.role_labels import role_label
from workbench.ingest.role_nouns import addressed_role, genitive_role


class SpeakerList(Protocol):
    """What :func:`speaker_fields` needs of :class:`workbench.ingest.speakers.Speakers`
    (which uses :func:`is_role`: no import back)."""

    def add(self, display: str) -> str | None:
        """Register a display name; return the person name."""

    def role(self, person: str | None) -> str | None:
        """The role the roles file gives this person, or None."""


_ROLE = re.compile(
    r"^(?:[A-Z]{1,3}(?:\s?\d{1,2})?|(?:Interviewer(?:in)?|Interviewte[rn]?|Befragte[rn]?|"
    r"Moderat(?:ion|or|orin)|Teilnehmer(?:in)?|Teilnehmende[rn]?|TN|Sprecher(?:in)?|"
    r"(?i:speaker)|Person|Host|Gast|Protokoll|Unbekannt|Unknown|Plenum|Publikum|Gruppe|Tisch|"
    r"Alle|Mehrere|"
    # who speaks in an expert interview, also abbreviated ("Int.", "Befr.", "IP 2")
    r"Expert(?:e|in)|(?:Interview|Gesprächs)partner(?:in)?|Erzählperson|Forscher(?:in)?|"
    r"Interviewperson|Int\.?|Interv\.?|Befr\.?|Mod\.?|"
    # English transcripts: "Resp.:", "Respondent 2:", "Interviewee:"
    r"Resp\.?|Respondent|Interviewee|"
    # who interprets for others ("[Dolmetscherin] Herr Y. sagt, …"): a function, no name
    r"(?:Gebärdensprach)?[Dd]olmetscher(?:in)?|Sprachmittler(?:in)?|Übersetzer(?:in)?|"
    # … and the labels of a question-and-answer record: not people, never pseudonymised
    r"(?i:interpreter)|" + "|".join(RECORD_LABELS) + r")"
    # a number or, in a transcript anonymised before, a letter: "Person A", "Befragte B"
    r"(?:\s*_?\s*\d{1,3}|\s[A-Z]\.?)?|"
    # a voice the tool could not name: "Unknown Speaker", "Unbekannter Sprecher 2",
    # "Sprecher unbekannt", aTrain's "Speaker undefined" (in any case: "Unknown speaker")
    r"(?i:(?:unknown|unbekannte[rs]?)\s+(?:speaker|sprecher(?:in)?)(?:\s*\d{1,3})?|"
    r"(?:speaker|sprecher(?:in)?)\s+(?:unknown|unbekannt|undefined))|"
    # a room's microphone in a hybrid meeting: "Saal", "Raum 1", "Konferenzraum 2.14",
    # "Meeting Room", a Teams Room's "Sitzungssaal 3.OG", "Konferenzraum Rathaus" — a place
    r"(?:Saal|Raum|Room|Meeting\s?[Rr]oom|Conference\s?[Rr]oom|[A-ZÄÖÜ][a-zäöüß]{2,}(?:raum|saal))"
    r"(?:\s*\d{1,3}(?:\.\d{1,3})?)?(?:\s+(?:\d[\w.-]*|[A-ZÄÖÜ][\w.-]*)){0,2})$"
)
# A Teams Room's device name says what it is: "LEV-Rathaus-R214 (Teams Room)"
_ROOM_DEVICE = re.compile(
    r"\((?:Microsoft\s+)?(?:Teams[- ]?)?(?:Room|Rooms|Raum|Meeting\s?Room|Konferenzraum)\)\s*$",
    re.IGNORECASE,
)
# A phone or tablet: a guest without an account is named after it ("iPhone", "iPad (2)",
# "Galaxy S21"); "iPhone von Anna" is Anna's (speakers.person_name)
DEVICE = r"(?:i(?:Phone|Pad)|Galaxy(?:\s+[A-Z]?\d+\w*)?|Android|Pixel(?:\s+\d+\w*)?)"
_BARE_DEVICE = re.compile(rf"{DEVICE}(?:\s+\(\d+\))?")
_QUALIFIED = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\]|\|.*)")
# A meeting tool's mark of who leads it, after the display name: "Anna Schmidt (Host)"
_HOST = re.compile(
    r"[(\[]\s*(?:Co-?\s?)?(?:Host|Hostin|Gastgeber(?:in)?|Moderat(?:or|orin|ion))\s*[)\]]",
    re.IGNORECASE,
)
_FUNCTION_NOUN = re.compile(
    r"(?:arbeit|ung|schaft|heit|keit|büro|buero|management|verein|amt|stelle|dienst|zentrum|"
    r"treff|rat|haus|leitung|beirat|hilfe|initiative|netzwerk|gruppe|team|kreis)$",
    re.IGNORECASE,
)


_GENDER_MARK = re.compile(r"(?<=[a-zäöüß])[*/:_](in|innen|r)\b")


def is_label(who: str) -> bool:
    """Whether a speaker is a role code or label ("B1", "Sprecher 1", "SPEAKER_00"): a
    role in any case, unlike a word built like a function ("Gruppenarbeit"). A first name
    in capitals ("BEN", "EVA") is no role code."""
    who = _GENDER_MARK.sub(r"\1", who.strip())  # "Moderator*in", "Teilnehmer:in 2"
    if re.fullmatch(r"[A-ZÄÖÜ]{3}", who) and gazetteer().has_first(who):
        return False
    if re.fullmatch(r"[^\W\d_]+(?:raum|saal)", who) and gazetteer().has_last(who):
        return False  # a surname built like a room
    return bool(_ROLE.match(who))


def is_device(display: str) -> bool:
    """Whether a display name is only a phone's or tablet's ("iPhone", "iPad (2)"): nobody's.

    >>> is_device("iPhone"), is_device("Galaxy S21 (2)"), is_device("iPhone von Anna")
    (True, True, False)
    """
    return bool(_BARE_DEVICE.fullmatch(" ".join(display.split())))


# Who asks in an interview or a round: "I", "I1", "IV", "Int.", "Interv.", "Interviewer*in",
# "Moderation", "Mod.", "Frage", English "Q"
_ASKING = re.compile(
    r"(?:I|IV|Int\.?|Interv\.?|Interviewer(?:in|\*in|:in|/in)?|Moderat(?:ion|or|orin)|Mod\.?|"
    r"Protokoll|Frage|Nachfrage|Rückfrage|Q)(?:\s*\d{1,2})?",
    re.IGNORECASE,
)


def is_asking(role: str | None) -> bool:
    """Whether a role label is who asks (an interview's "I:", "Int.:", "Q:", the
    moderation): their lines are not the interviewee's.

    >>> [is_asking(r) for r in ("I", "Int.", "Interviewer*in", "Q", "B", "IP 2", None)]
    [True, True, True, True, False, False, False]
    """
    return bool(role) and bool(_ASKING.fullmatch(role.strip()))


def is_role(who: str) -> bool:
    """Whether a speaker label is a role (see the module's docstring), not a person's name.

    >>> [is_role(w) for w in ("SPEAKER_00", "Speaker 2", "Sprecher 1", "Anna Schmidt")]
    [True, True, True, False]
    >>> is_role("Unknown Speaker"), is_role("Hartung"), is_role("BEN")
    (True, False, False)
    """
    who = who.strip()
    if is_label(who) or _record_label(who):
        return True
    if " " in who or len(who) < 8 or not _FUNCTION_NOUN.search(who):
        return False
    names = gazetteer()
    return not (names.has_first(who) or names.has_last(who))  # "Hartung" is a surname


# A record's labels with whom a question or answer comes from or goes to ("Frage aus dem
# Publikum", "Antwort Bezirksamt", "Frage an die Verwaltung", "Wortmeldung aus dem Chat")
_RECORD_LABELS = frozenset(
    "frage fragen antwort antworten rückfrage nachfrage anmerkung hinweis ergänzung "
    "zwischenruf kommentar wortmeldung stellungnahme".split()
)
_INDEFINITE = frozenset("ein einen einem einer eines".split())  # "von einem Anwohner"
_OF_WHOM = frozenset("aus an von vom der des dem den die das im in beim".split()) | _INDEFINITE
# Someone unnamed after an indefinite article, though surnames too ("von einem Mann")
_SOMEONE = frozenset("mann frau herr herrn dame kind junge madchen person burger burgerin".split())
# Functions that are common surnames too, few lists know ("Frage an Herrn Kaplan"): a name
_SURNAME_FUNCTIONS = frozenset("kaplan kantor kuster lehrer richter bruder".split())
# An office takes its article ("an die Polizei", "vom Jobcenter"); a bare preposition goes
# with a name ("Frage an Neustadt", "Antwort von Träger")
_ARTICLED = frozenset("der des dem den die das vom im beim".split())
# Offices and institutions a record's question goes to or its answer comes from, also as
# the head of a compound ("an die Polizei", "der Stadtwerke", "des Bürgermeisters", "der
# Bezirksbürgermeisterin", "vom Jobcenter"); the function of a person, never a name
_OFFICE_HEAD = re.compile(
    r"(?:polizei|feuerwehr|stadt|gemeinde|kommune|verwaltung|politik|schule|kita|"
    r"kindergarten|werke|kirche|bürgermeister(?:in)?|center|präsidium|fraktion|presse|"
    r"behörde|ministerium|bezirk|vertretung|träger(?:in)?|vermieter(?:in)?|planer(?:in)?|"
    r"betriebe|genossenschaft|gesellschaft|ausschuss|bahn|politiker(?:in)?|polizist(?:in)?|amt|"
    r"gymnasium)"
    r"(?:s|es|n|en|nen)?",  # "des Jugendamts", "des Ordnungsamtes"
    re.IGNORECASE,
)


def _record_label(who: str) -> bool:
    """Whether a label is a record's label with the group or office it comes from or goes
    to ("Frage aus dem Publikum", "Antwort Bezirksamt"), not a person's question ("Frage
    Anna Schmidt" names her).

    >>> _record_label("Frage aus dem Publikum"), _record_label("Antwort der Stadtverwaltung")
    (True, True)
    >>> _record_label("Frage von Anna"), _record_label("Anna Schmidt")
    (False, False)
    >>> _record_label("Frage an die Polizei"), _record_label("Antwort des Bürgermeisters")
    (True, True)
    >>> _record_label("Frage an Frau Koch"), _record_label("Antwort Stadtmann")
    (False, False)
    >>> _record_label("Antwort von Neustadt"), _record_label("Antwort Halberstadt")
    (False, False)
    >>> _record_label("Antwort des Ordnungsamts"), _record_label("Antwort des Bauamtes")
    (True, True)
    >>> _record_label("Antwort der Deutschen Bahn"), _record_label("Frage an die Marie Bahn")
    (True, False)
    >>> _record_label("Frage an die Neue Heimat"), _record_label("Antwort der Frau Bahn")
    (True, False)
    >>> _record_label("Frage an Polizei"), _record_label("Frage an die Anna")
    (True, False)
    >>> _record_label("Frage an die"), _record_label("Antwort vom")
    (False, False)
    """
    words = who.split()
    if not 2 <= len(words) <= 5 or words[0].casefold() not in _RECORD_LABELS:
        return False
    rest = [w for w in words[1:] if w.casefold() not in _OF_WHOM]
    if not rest:  # "Frage an die:", "Antwort vom:": a label cut off, no one named
        return False
    said = {w.casefold() for w in words[1:]}
    if said & _INDEFINITE and all(w[:1].islower() and _adjective(w) for w in rest[:-1]):
        return _someone(rest[-1])  # "von einem Anwohner", "von einer älteren Dame"
    if len(rest) == 2 and fold(rest[0]) in {"herr", "herrn", "frau"}:
        # "an den Herrn Bürgermeister", "Herrn Pastor", "des Herrn Bürgermeisters";
        # "Herrn Kaplan", "des Herrn Kaplans": a function that is a common surname, a name
        addressed = fold(rest[1])
        if any(addressed.removesuffix(end) in _SURNAME_FUNCTIONS for end in ("", "s", "es")):
            return False
        has_last = gazetteer().has_last  # "Herrn Professor", "Herrn Stadtdirektor": a title
        return (
            addressed in ROLE_WORDS
            or genitive_role(tokens(rest[1])[0], has_last)
            or addressed_role(rest[1], has_last, woman=fold(rest[0]) == "frau")
        )
    articled = bool(said & _ARTICLED)
    if articled and not _agrees(words, rest[-1]):  # "an die Rosenkranz": a woman's name
        return False
    if len(rest) > 1 and all(map(_adjective, rest[:-1])):  # "der Deutschen Bahn"
        return articled and rest[-1][:1].isupper() and _body(rest[-1])
    if len(rest) != 1:
        return False
    if rest[0].casefold() == "chat" or is_role(rest[0]):
        return True
    if fold(rest[0]) in _KNOWN_BODIES and (articled or not gazetteer().has_last(rest[0])):
        return True  # "an die Caritas", "der Post": no woman's name ("Antwort Post": his)
    if articled and neuter_place(words, rest[0]):  # "vom Schwimmbad", "im Kino"
        return True
    if articled:  # "an die Stadt", "an die Diakonie": an office's; "an die Anna": hers
        return _body(rest[0]) and (
            not _masculine_or_neuter(words) or _body_word(rest[0]) or _neuter(words, rest[0])
        )
    if len(words) > 2:  # a bare preposition: "an Polizei" an office's, "an Neustadt" his
        return institution_account(rest[0]) or bool(_BARE_FUNCTION.fullmatch(rest[0]))
    if not rest[0][:1].isupper() or not _office_head(rest[0]):
        return False
    # "Antwort Polizei": an office's word, not a place's ("Antwort Halberstadt") nor a
    # surname ("Antwort Planer": his)
    return is_german_noun(fold(rest[0])) and not gazetteer().has_last(rest[0])


def record_person(who: str) -> str | None:
    """The person a record's label names ("Frage an die Rosenkranz" → "Rosenkranz",
    "Antwort von Frau Koch" → "Frau Koch"), or None: no record's label, or one of a body (a
    role). Only the name goes on the name list, never the record's word ("Frage").

    >>> record_person("Frage an die Rosenkranz"), record_person("Antwort vom Kirchhof")
    ('Rosenkranz', 'Kirchhof')
    >>> record_person("Frage an Frau Koch"), record_person("Frage an die Polizei")
    ('Frau Koch', None)
    >>> record_person("Frage an Herrn Dr. Özdemir")
    'Herrn Dr. Özdemir'
    """
    words = who.split()
    if not 2 <= len(words) <= 5 or words[0].casefold() not in _RECORD_LABELS:
        return None
    at = 1
    while at < len(words) - 1 and words[at].casefold() in _OF_WHOM:
        at += 1  # "an die", "von der"
    named = words[at:]
    untitled = [w for w in named if w.casefold() not in _TITLES]  # "an Herrn Dr. Özdemir"
    if not untitled or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in untitled):
        return None  # "Frage zum Verkehr": no one named
    return None if _record_label(who) or record_topic(who) else " ".join(named)


# Words that address or title a person in a label ("Hinweis Frau Koch"): never a topic
_ADDRESSING = frozenset("frau herr herrn fr. hr. dr. prof.".split())


def record_topic(who: str) -> bool:
    """Whether a label is a record's word with the topic it is about, no preposition
    ("Hinweis Radweg", "Frage Parkplätze", "Frage Tempo 30"): a role as written, no one's
    name; a name either list holds ("Frage Becker", "Antwort Wolf", "Hinweis Frau Koch")
    is a person's. Unlike :func:`is_role` (turns): a topic does not make a line a turn.

    A single word is a topic only in the plural ("Frage Parkplätze") or as a role: "Hinweis
    Radweg" and "Frage Lamm" read alike, and a surname no list knows must not stay in clear
    in the role (a second reader: 50 of 110 such surnames did), so one noun goes on the key.

    >>> record_topic("Frage Parkplätze"), record_topic("Frage Tempo 30")
    (True, True)
    >>> record_topic("Frage Becker"), record_topic("Antwort Wolf"), record_topic("Frage an Anna")
    (False, False, False)
    >>> record_topic("Frage Lamm"), record_topic("Hinweis Radweg")
    (False, False)
    """
    words = who.split()
    if not 2 <= len(words) <= 4 or words[0].casefold() not in _RECORD_LABELS:
        return False
    rest = words[1:]
    if {w.casefold() for w in rest} & (_OF_WHOM | _ADDRESSING) or not rest[0][:1].isupper():
        return False
    one = rest[0]
    if len(rest) == 1 and not (plural_noun(fold(one.split("-")[-1])) or is_role(one)):
        return False  # "Frage Lamm", "Antwort Kranich": a surname no list knows reads alike
    return all(w.isdigit() or _topic_noun(w) for w in rest)


def _topic_noun(word: str) -> bool:
    """Whether a word is a noun the lexicon knows ("Radweg", "Kita-Plätze") and no name the
    gazetteer or the Wiktionary holds ("Becker", "Koch", "Schüler")."""
    if not word[:1].isupper() or not word.replace("-", "").isalpha():
        return False
    names = gazetteer()
    parts = word.split("-")
    if any(names.has_first(p) or names.has_last(p) or is_person_name(fold(p)) for p in parts):
        return False
    folded = fold(word)
    return is_german_noun(folded) or plural_noun(folded) or compound_noun(folded)


# A title before a name in a record's label ("Frage an Herrn Dr. Özdemir")
_TITLES = frozenset("dr. prof.".split())

# The case a record label's preposition governs; the article right after the label's
# word is a genitive ("Antwort der Tafel")
_GOVERNS = {"an": "akkusativ", "von": "dativ", "aus": "dativ", "bei": "dativ"}


def _agrees(words: list[str], noun: str) -> bool:
    """Whether a label's article fits its noun's gender and number where the lexicon knows
    the noun ("an die Tafel", "der Diakonie"); a noun it does not fit is a name ("an die
    Rosenkranz", "der Sonnenschein": Frau Rosenkranz, Frau Sonnenschein)."""
    at = next(i for i, w in enumerate(words) if i and w.casefold() in _ARTICLED)
    article = words[at].casefold()
    if article in ("vom", "im", "beim"):
        case = "dativ"
    elif at == 1:
        case = "genitiv"
    elif at == 2 and words[1].casefold() in _GOVERNS:
        case = _GOVERNS[words[1].casefold()]
    else:
        return True
    forms = _declined(noun)
    if forms is None and article in ("die", "der") and noun.isalpha():
        # a compound the lexicon lacks has its head's gender: "die Neuhaus", "der
        # Oppenheim" cannot be a house or a home, a woman's surname ("an die Stadtteilhäuser")
        forms = _declined(compound_head(noun).capitalize())
    return forms is None or f"{case} {article}" in forms


# A noun's singular forms by the gender of its nominative, where the lexicon lists only
# some ("Bauamt": "nominativ das" without "dativ dem"; "des Imams" under "Imam")
_SINGULAR = {
    "nominativ der": "akkusativ den|dativ dem|dativ vom|dativ im|dativ beim|genitiv des",
    "nominativ das": "akkusativ das|dativ dem|dativ vom|dativ im|dativ beim|genitiv des",
    "nominativ die": "akkusativ die|dativ der|genitiv der",
}


def _declined(noun: str) -> frozenset[str] | None:
    """The article forms the lexicon gives a noun, with the singular's other cases and its
    genitive in "-s"/"-es" ("von dem Bauamt", "des Imams"); None if it knows the noun not."""
    forms = noun_articles(noun)
    stems = [noun[: -len(end)] for end in ("s", "es") if noun.endswith(end) and len(noun) > 4]
    genitive = [noun_articles(stem) for stem in stems]
    if forms is None and not any(genitive):
        return None
    found = set(forms or ())
    for nominative, others in _SINGULAR.items():
        if nominative in found:
            found.update(others.split("|"))
    if any(g and ("nominativ der" in g or "nominativ das" in g) for g in genitive):
        found.add("genitiv des")
    return frozenset(found)


# Bodies known in every town by one word that no rule reads as a body: not in the
# Wiktionary ("Caritas", "Telekom", "AWO") or a surname of the gazetteer too ("Post")
_KNOWN_BODIES = frozenset(
    "caritas post telekom awo drk asb malteser johanniter vhs nabu adfc dekanat".split()
)
# The article of a masculine or neuter noun in the singular ("an den", "vom", "des")
_MASCULINE_OR_NEUTER = frozenset("den dem des das vom im beim".split())
# Heads of masculine and neuter nouns of a body, a group or a function ("Vorstand",
# "Landtag", "Bauhof", "Jugendheim", "Gremium", "Arzt"): unlike a thing's ("Rosenkranz", "Kirchhof")
_BODY_HEAD = re.compile(
    r"(?:vorstand|senat|tag|bund|verband|staat|land|kreis|bezirk|dienst|werk|betrieb|"
    r"unternehmen|konzern|gericht|komitee|gremium|plenum|podium|publikum|forum|institut|"
    r"club|klub|kollektiv|bundnis|parlament|museum|theater|kiosk|laden|markt|verlag|sender|"
    r"bauhof|betriebshof|wertstoffhof|recyclinghof|friedhof|gasthof|bad|stift|heim|mobil|arzt|anwalt|architekt|imam|"
    r"pastor|chef|wirt|kollegen?|experten?|vorsitz|vorsitzenden?|beauftragten?)$"
)
# An agent noun ("Hausmeister", "Investor", "Präsident", "Ingenieur"), also in the plural
_AGENT_END = re.compile(r"(?:er|(?<!st)ern|or|oren|eur|ent|enten|ant|anten|ist|isten)$")


def _masculine_or_neuter(words: list[str]) -> bool:
    """Whether a record label's article is a masculine or neuter noun's ("an den", "vom")."""
    return any(w.casefold() in _MASCULINE_OR_NEUTER for w in words[1:])


def _body_word(word: str) -> bool:
    """Whether a masculine or neuter noun after its article names a body, a group or a
    function ("den Vorstand", "vom Jobcenter", "den Hausmeister"), not a thing no one asks
    ("den Rosenkranz", "vom Kirchhof": a surname said with its article)."""
    stems = dict.fromkeys((word, word.removesuffix("s"), word.removesuffix("es")))  # "des Vereins"
    return any(
        _office_head(stem)
        or _FUNCTION_NOUN.search(stem)
        or is_role(stem)
        or plural_noun(fold(stem))
        or _BODY_HEAD.search(fold(stem))
        or _AGENT_END.search(fold(stem))
        for stem in stems
    )


def _neuter(words: list[str], noun: str) -> bool:
    """Whether a label says a neuter noun with "das" ("an das Café", "an das Hotel"): no
    one's surname, his takes "den", hers "die" ("vom Lamm" may be his: it needs a body's word)."""
    forms = noun_articles(noun) or frozenset()
    said = {w.casefold() for w in words[1:]}
    return "das" in said and "nominativ das" in forms and "nominativ der" not in forms


# A function named without its article, never a surname ("Frage an Bürgermeisterin")
_BARE_FUNCTION = re.compile(r"(?:bürgermeister|polizist|politiker)(?:in|innen|s|n)?", re.I)


def _body(word: str) -> bool:
    """Whether a word after an article is an office or another body ("der Bahn", "die
    Diakonie", "des Sportvereins"): an office's noun (:data:`_OFFICE_HEAD`) or a noun (or
    compound) the lexicon knows, never a name the gazetteer knows ("die Anna", "den Müller")."""
    if not word[:1].isupper():
        return False
    if _office_head(word):  # also a body named after a person ("der Anna-Seghers-Schule")
        return True
    if not word.isalpha():
        return False
    stems = dict.fromkeys((word, word.removesuffix("s"), word.removesuffix("es")))
    if any(fold(stem) in ROLE_WORDS for stem in stems):
        return True  # "an den Pastor", "des Imams": a function, though also a name
    names = gazetteer()
    if names.has_first(word) or names.has_last(word):
        return False
    if any(_compound_body(stem) for stem in stems):
        return True  # "den Ortsrat", "den Naturschutzbund": a compound the lexicon lacks
    known = (is_german_noun, compound_noun)  # "der Arbeiterwohlfahrt": a compound
    return any(test(fold(stem)) for stem in stems if len(stem) > 2 for test in known) or any(
        is_role(stem) for stem in stems
    )


def _compound_body(word: str) -> bool:
    """Whether a word is a compound ending in a body's or a function's noun after three
    letters or more ("Ortsrat", "Naturschutzbund", "Tierheim"), not a short word ("Rat")."""
    head = _BODY_HEAD.search(fold(word)) or _FUNCTION_NOUN.search(word)
    return head is not None and head.start() >= 3


def _someone(word: str) -> bool:
    """Whether the noun after an indefinite article names someone unnamed ("von einem
    Anwohner", "von einer Erzieherin", "von einem Vater"): a function or a noun the lexicon
    knows, no surname the gazetteer holds ("von einem Müller": a Herr Müller)."""
    folded = fold(word)
    if not word[:1].isupper() or not word.isalpha():
        return False
    if folded in ROLE_WORDS or folded in _SOMEONE:
        return True
    if gazetteer().has_last(word) or gazetteer().has_first(word):
        return False
    return is_german_noun(folded) or plural_noun(folded) or _body_word(word)


# An adjective's ending before an office ("der Deutschen Bahn", "der örtlichen Polizei")
_ADJECTIVE_END = re.compile(r"[^\W\d_]{2,}(?:e|en|er|es|em)")


def _adjective(word: str) -> bool:
    """Whether a word before an office is an adjective ("Deutschen", "städtische"), not a
    first name ("Marie", "Renate") the gazetteer knows."""
    if fold(word) in ROLE_WORDS or _office_head(word):  # "an den Pfarrer Neuhaus": his
        return False
    return bool(_ADJECTIVE_END.fullmatch(word)) and not gazetteer().has_first(word)


def _office_head(word: str) -> str:
    """The last part of a compound that ends in an office ("Bezirksbürgermeisterin" →
    "bürgermeisterin", "Stadtwerke" → "werke"): the match that reaches the word's end."""
    for start in range(len(word)):
        if _OFFICE_HEAD.fullmatch(word[start:]):
            return word[start:]
    return ""


_BRACKETED_NAME = re.compile(r"[(\[]\s*(?P<inner>[^()\[\]]{2,60}?)\s*[)\]]\s*$")
_ADDRESS = frozenset("frau herr fr. hr. dr. prof.".split())


def _named_in_brackets(who: str) -> str | None:
    """The person a role label names in brackets ("Interviewerin (Kerstin Wagner)",
    "Moderation (Frau Wagner)"), or None ("Moderation (Stadt Leverkusen)": a place).

    >>> _named_in_brackets("I (Kerstin Wagner)"), _named_in_brackets("Moderation (Stadt)")
    ('Kerstin Wagner', None)
    """
    match = _BRACKETED_NAME.search(who)
    if match is None:
        return None
    words = match["inner"].split()
    addressed = bool(words) and words[0].casefold() in _ADDRESS
    rest = [w for w in words if w.casefold() not in _ADDRESS]
    if not 1 <= len(rest) <= 3 or not all(w[:1].isupper() and not w.isupper() for w in rest):
        return None
    names = gazetteer()
    first, last = names.has_first(rest[0]), names.has_last(rest[-1])
    if (first and (len(rest) == 1 or last)) or (addressed and last):
        return match["inner"].strip()
    return None


def speaker_fields(speakers: SpeakerList, who: str | None) -> tuple[str | None, str | None]:
    """``(role, person)`` of a turn's speaker label: a role label is the role (unless the
    roles file gives it another) and no person; a name is a person (on the name list),
    with the role the roles file gives that person. A role with its organisation
    ("Moderation (Stadt Leverkusen)") is the role alone; one with a person's name
    ("Interviewerin (Kerstin Wagner)") is that role and that person (on the name list).
    A name marked as the meeting's host or moderator ("Anna Schmidt (Host)", "(Co-Host)",
    "(Moderatorin)") has the role "Moderation" unless the roles file gives another; a role
    word ("Anwohnerin", "Anwohnerin Frau Schulz": :func:`role_label`) is the role."""
    if not who or not who.strip():
        return None, None
    if is_role(who):
        return speakers.role(who.strip()) or who.strip(), None
    if _ROOM_DEVICE.search(who):  # the room's device: the room is the role
        return speakers.role(who.strip()) or " ".join(who.split()), None
    if is_device(who):  # a guest named "iPhone": the device, no name to replace in texts
        return speakers.role(who.strip()) or " ".join(who.split()), None
    bare = _QUALIFIED.sub("", who).strip()
    if bare != who.strip() and is_role(bare):
        named = _named_in_brackets(who)  # "Interviewerin (Kerstin Wagner)": that person
        person = speakers.add(named) if named else None
        return speakers.role(who.strip()) or speakers.role(bare) or bare, person
    if institution_account(who):  # "[18:06] Polizei: …": the institution speaks
        return speakers.role(who.strip()) or who.strip(), None
    if record_topic(who):  # "Hinweis Radweg": the record's word and its topic, no one's
        return speakers.role(who.strip()) or " ".join(who.split()), None
    worded = role_label(who)
    if worded:  # "Anwohnerin", "Vertreter Jugendamt": the role; "Anwohnerin Frau Schulz": she
        person = speakers.add(worded[1]) if worded[1] else None
        return speakers.role(who.strip()) or speakers.role(person) or worded[0], person
    named = record_person(who)
    if named:  # "Frage an die Rosenkranz": the record's word is the role, she the person
        person = speakers.add(named)
        role = speakers.role(who.strip()) or speakers.role(person)  # the roles file's
        return role or who.split()[0].capitalize(), person
    person = speakers.add(who)
    host = "Moderation" if _HOST.search(who) else None
    return speakers.role(person) or host, person
