"""Columns of a table or variables of a project that hold personal data.

Participation platforms export who wrote a contribution (``Name``, ``Vorname`` and
``Nachname``, ``Autor``, ``Nutzername``) and how to reach them (``E-Mail``, ``Telefon``)
next to the text. The writer stores the author as the statement's ``speaker`` (a
``[Person N]`` placeholder, as for chats and transcripts: erasure by person finds it),
lists the authors' names for the pseudonymisation of every text, and never stores the
contact columns. Headers are compared without case, accents, punctuation and a trailing
remark in brackets ("Name (freiwillig)" is ``name``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from workbench.core.domain import ParsedSegment, person_key
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.pseudonymise import Pseudonymiser

PERSON_ATTRIBUTES = ("speaker", "recipient")  # attributes whose value is a person

PERSON_HEADERS = frozenset(
    """
    name namen vorname vornamen nachname familienname vollername vorundnachname
    nachnamevorname namevorname vornamenachname nameteilnehmer nameteilnehmerin
    namedereinreichenden namedesverfassers namederverfasserin
    autor autorin autorinnen author authors verfasser verfasserin urheber urheberin
    teilnehmer teilnehmerin teilnehmende teilnehmendername participant participantname
    einreicher einreicherin einreichende eingereichtvon erstelltvon submittedby createdby
    ersteller erstellerin creator creatorname creatorusername verfasstvon geschriebenvon
    benutzer benutzerin benutzername nutzer nutzerin nutzername
    username user firstname lastname fullname surname givenname kontaktperson
    ansprechpartner ansprechpartnerin ansprechperson sprecher sprecherin
    authorname autorname autorinname autorenname authornickname nickname spitzname
    interviewpartner interviewpartnerin interviewte interviewter befragte befragter
    gespraechspartner gespraechspartnerin gesprachspartner gesprachspartnerin interviewee
    respondent
    """.split()
)
CONTACT_HEADERS = frozenset(
    """
    email emails emailadresse emailaddress mail mailadresse kontaktemail
    telefon telefonnummer tel telnr telefonnr phone phonenumber handy handynummer mobil
    mobilnummer mobiltelefon mobilfunknummer fax faxnummer
    anschrift postanschrift wohnanschrift wohnadresse privatadresse strasseundhausnummer
    strassehausnummer hausnummer
    ip ipaddr ipadresse ipaddress useragent iban kontonummer geburtsdatum geburtstag
    dateofbirth birthdate
    """.split()
)
# A short header that ends with one of these (or starts with e-mail or a phone number)
# names contact data too: "Creator email", "Kontakt-Telefon", "E-Mail der Verfasserin".
CONTACT_ENDINGS = (
    "email emailadresse emailaddress telefon telefonnummer phone phonenumber handynummer "
    "mobilnummer faxnummer ipadresse ipaddress iban geburtsdatum"
).split()
CONTACT_STARTS = ("email", "telefonnummer", "handynummer", "mobilnummer")
NOT_CONTACT = frozenset({"smartphone", "iphone"})
# Columns that list further people (Decidim's "endorsements/user_endorsements": who
# supported a proposal): not the author, not needed for the analysis, never stored.
PEOPLE_LIST_HEADERS = frozenset(
    """
    userendorsements endorsers endorsedby supporters unterstuetzer unterstutzer
    unterstuetzerinnen unterstutzerinnen unterstuetzende unterstutzende signatories
    unterzeichner unterzeichnerinnen unterzeichnende coauthors koautoren koautorinnen
    mitautoren mitautorinnen likedby
    """.split()
)
# A structured header whose first part is a person and whose last identifies them
# ("author/url", "user_avatar": a profile address, an account) is not stored; the
# person's number on a platform ("author-id") is pseudonymous and kept, as are an age.
PERSON_OWNERS = frozenset(
    "author autor autorin user benutzer nutzer creator ersteller erstellerin verfasser "
    "verfasserin participant teilnehmer teilnehmerin submitter einreicher".split()
)
LANGUAGE_SUFFIXES = frozenset("de en fr tr ar ru uk pl it es nl pt fa ku".split())
_IDENTIFYING = frozenset(
    "url link profil profile profileurl profilurl account konto handle avatar foto photo "
    "picture image bild".split()
)
# Headers of free text (a title, a comment): pseudonymised like a statement. Other text
# fields (dates, categories, places) only lose listed names and structured data.
PROSE_PREFIXES = (
    "titel title ueberschrift uberschrift betreff subject kommentar comment beschreibung "
    "description anmerkung bemerkung notiz note begruendung begrundung zusammenfassung "
    "summary antwort answer "
    "idee vorschlag "
    "zeile spalte"  # a protocol table's row label and column header (docx_protocol)
).split()
_LOWER_WORD = re.compile(r"(?<![\w-])[a-zäöüß]{3,}(?![\w-])")
# Values that say "no name given": not a person (all of them would be one otherwise).
NO_NAME = frozenset(
    "anonym anonymous anonymus unbekannt unknown keineangabe keineangaben ka kA na nn none "
    "null nichtangegeben ohnenamen".lower().split()
)


def header_key(header: str) -> str:
    """A header without case, accents, punctuation and a bracketed remark."""
    return re.sub(r"[^a-z]", "", fold(re.sub(r"[(\[].*?[)\]]", "", str(header))))


def is_person_column(header: str) -> bool:
    """Whether a column names the person who wrote or said the statement."""
    return header_key(header) in PERSON_HEADERS


def is_contact_column(header: str) -> bool:
    """Whether a column holds contact data (e-mail, phone, postal address, …)."""
    key = header_key(header)
    if key in CONTACT_HEADERS:
        return True
    short = len(str(header).split()) <= 4 and key not in NOT_CONTACT
    return short and (key.endswith(tuple(CONTACT_ENDINGS)) or key.startswith(CONTACT_STARTS))


def is_people_list_column(header: str) -> bool:
    """Whether a column lists further people (supporters, co-authors), or identifies the
    author other than by name (``author/url``, ``user_avatar``; a number is kept)."""

    def parts(separators: str) -> list[str]:
        keys = [k for k in (header_key(p) for p in re.split(separators, str(header))) if k]
        return keys[:-1] if keys and keys[-1] in LANGUAGE_SUFFIXES else keys

    fields = parts(r"[/.]")  # "endorsements/user_endorsements"
    if fields and fields[-1] in PEOPLE_LIST_HEADERS:
        return True
    parts = parts(r"[/._\s-]+")  # "author/url", "user_profile"
    return (
        len(parts) >= 2
        and parts[0] in PERSON_OWNERS
        and parts[-1] in _IDENTIFYING  # not a number (pseudonymous), an age, a group
    )


def is_prose_column(header: str) -> bool:
    """Whether a column holds free text (title, comment, description, …)."""
    return header_key(header).startswith(tuple(PROSE_PREFIXES))


def is_prose(value: str) -> bool:
    """Whether a value reads like a sentence (two lower-case words): a survey's other open
    answers are pseudonymised like statements, a date or a category is not.

    >>> is_prose("Meine Nachbarin Frau Kaya hilft sehr"), is_prose("Thu May 05 16:52:16 2022")
    (True, False)
    """
    return len(_LOWER_WORD.findall(value)) >= 2


def author(attributes: Mapping[str, Any]) -> str | None:
    """The author's name from the person columns (in column order), or None.

    Several columns (``Vorname``, ``Nachname``) make one name; "anonym", "k. A." and
    empty values are no name.
    """
    keys = [k for k in attributes if is_person_column(k)]
    parts = [str(attributes[k]).strip() for k in keys if attributes.get(k) not in (None, "")]
    name = " ".join(p for p in parts if header_key(p) not in NO_NAME and p.strip("-–. "))
    return name or None


def person_placeholder(pseudonymiser: Pseudonymiser, name: str, names: Sequence[str]) -> str:
    """The placeholder of the person ``name`` (whatever it looks like, never in clear)."""
    value = pseudonymiser.pseudonymise(name, names)[0]
    if not re.fullmatch(r"\[[^\[\]]+\]", value):
        value = pseudonymiser.person(person_key(name), name)
    return value


# Words of an organisation's name: an author "Caritas Opladen" or "Bürgerverein Manfort"
# is a local actor, not a person, and stays readable (attribute ``organisation``).
_ORGANISATION_HEAD = re.compile(  # a word, or the head of a compound ("Jugendamt")
    r"^(?:[a-z]{3,})?(?:verein|zentrum|buro|amt|stelle|dienst|schule|kita|kindergarten|"
    r"kirche|gemeinde|beirat|initiative|stiftung|werk|treff|netzwerk|verband|bibliothek|"
    r"bucherei|hilfe|management|gesellschaft|genossenschaft|fraktion|partei|einrichtung|"
    r"trager|caritas|diakonie)$"
)
_ORGANISATION_WORD = frozenset("awo drk asb vhs ev ggmbh gmbh ag".split())  # whole words


def is_organisation(pseudonymiser: Pseudonymiser, name: str) -> bool:
    """Whether an author names an organisation (one of its words is an institution's,
    and no person is found in it: "Jugendzentrum – Herr Kaya" is a person)."""
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", name)]
    if not any(w in _ORGANISATION_WORD or _ORGANISATION_HEAD.match(w) for w in words):
        return False
    return not any(h.kind == "person" for h in pseudonymiser.detect(name))


def safe_attributes(
    pseudonymiser: Pseudonymiser, attributes: Mapping[str, Any], names: Sequence[str]
) -> dict[str, Any]:
    """``attributes`` safe to store: people as placeholders, no contact data.

    The person attributes (speaker, recipient) become their placeholder; the person
    columns (``Name``, ``Vorname`` + ``Nachname``, …) become one ``speaker`` (unless
    there is one), or ``organisation`` in clear when they name one; contact columns are
    dropped; free text (a title, another open answer: it may name someone) is
    pseudonymised like a statement, other text fields (dates, categories) lose listed
    names and structured data (e-mail, phone, …).
    """
    who = author(attributes)
    out: dict[str, Any] = {}
    for key, value in attributes.items():
        if key in PERSON_ATTRIBUTES:
            if isinstance(value, str) and value.strip():
                value = person_placeholder(pseudonymiser, value, names)
        elif is_contact_column(key) or is_person_column(key) or is_people_list_column(key):
            continue
        elif isinstance(value, str):
            prose = is_prose_column(key) or is_prose(value)
            value = pseudonymiser.pseudonymise(value, names, prose)[0]
        out[key] = value
    if who is not None and is_organisation(pseudonymiser, who):
        out.setdefault("organisation", who)
    elif who is not None:
        out.setdefault("speaker", person_placeholder(pseudonymiser, who, names))
    return out


def listed_authors(pseudonymiser: Pseudonymiser, segments: Iterable[ParsedSegment]) -> list[str]:
    """The authors in person columns whose name reads as a person's name.

    They join the name list, so a text that mentions its author or another one is
    pseudonymised too. An organisation ("Bürgerverein Opladen") or a user name is not
    listed (its words would vanish from every text); only its ``speaker`` is a placeholder.
    """
    found = dict.fromkeys(filter(None, (author(s.attributes) for s in segments)))
    return [name for name in found if any(h.kind == "person" for h in pseudonymiser.detect(name))]


def personal_notices(segments: Iterable[ParsedSegment]) -> tuple[str, ...]:
    """What the import did with person and contact columns (for the import's output)."""
    columns = dict.fromkeys(key for s in segments for key in s.attributes)
    people = [c for c in columns if is_person_column(c) and c not in PERSON_ATTRIBUTES]
    contact = [c for c in columns if is_contact_column(c) and c not in PERSON_ATTRIBUTES]
    others = [
        c
        for c in columns
        if is_people_list_column(c) and c not in PERSON_ATTRIBUTES and c not in people + contact
    ]
    notices = []
    if people:
        notices.append(
            f"Spalte(n) {', '.join(people)}: als pseudonyme Person gespeichert (speaker); "
            "Personennamen daraus werden auch in den Texten ersetzt."
        )
    if contact:
        notices.append(f"Spalte(n) {', '.join(contact)}: Kontaktdaten, nicht übernommen.")
    if others:
        notices.append(
            f"Spalte(n) {', '.join(others)}: weitere Personen (Unterstützende, Profile, "
            "Konten), nicht übernommen."
        )
    return tuple(notices)
