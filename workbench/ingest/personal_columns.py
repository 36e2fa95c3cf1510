"""Columns of a table or variables of a project that hold personal data.

Participation platforms export who wrote a contribution (``Name``, ``Vorname`` and
``Nachname``, ``Autor``, ``Name des Autors``, ``Author username``, ``Posted by``) and how
to reach them (``E-Mail``, ``Telefon``) next to the text, and often further people:
who handles it (``Zugewiesen an``, ``Assignee``, ``Bewerter*in``), who moderated or
answered (``Moderator*in``, ``Reply author``, ``Kommentiert von``), who interviewed
(``Interviewer*in``, ``Name des Interviewers``, KoBoToolbox's ``_submitted_by``, ODK's
``SubmitterName``, ``Einreicher*in``: the enumerator's account, not the respondent; a
platform's author is ``Eingereicht von``), and a workshop's staff (a column
``Moderation``, ``Leitung``, ``Gesprächsführung`` holding names, not a sentence; see
:func:`names_staff`). A value that is already one placeholder (``[Person 3]``, set by
an importer) stays. The writer stores the
author as the statement's ``speaker`` (a ``[Person N]`` placeholder, as for chats and
transcripts: erasure by person finds it), lists the authors' and the further people's
names for the pseudonymisation of every text, and never stores the contact columns nor
the further people. Headers are compared without case, accents, punctuation and a
trailing remark in brackets ("Name (freiwillig)" is ``name``); which person a header
names is decided in :mod:`workbench.ingest.person_headers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any

from workbench.core.domain import person_key
from workbench.core.word_caches import word_cache
from workbench.ingest.account_names import account_in_capitals
from workbench.ingest.account_names import is_account_name as is_account_name
from workbench.ingest.field_memo import FieldMemo
from workbench.ingest.form_ids import is_sosci_survey
from workbench.ingest.location_columns import GEOJSON_POINT as GEOJSON_POINT
from workbench.ingest.location_columns import is_location as is_location
from workbench.ingest.organisations import is_organisation as is_organisation
from workbench.ingest.organisations import is_role_word
from workbench.ingest.organisations import organisation_words as organisation_words
from workbench.ingest.person_headers import (
    AUTHOR,
    LANGUAGE_SUFFIXES,
    NICKNAME,
    OTHER,
    header_key,
    is_prose_column,
    is_staff_column,
    person_id_owner,
    person_role,
)
from workbench.ingest.person_headers import PERSON_HEADERS as PERSON_HEADERS
from workbench.ingest.person_headers import header_words as header_words
from workbench.ingest.person_headers import is_other_person_column as is_other_person_column
from workbench.ingest.person_headers import is_person_column as is_person_column
from workbench.ingest.person_headers import is_role_column as is_role_column
from workbench.ingest.pseudonymise import EMAIL, Pseudonymiser

PERSON_ATTRIBUTES = ("speaker", "recipient")  # attributes whose value is a person

CONTACT_HEADERS = frozenset(
    """
    email emails emailadresse emailaddress mail mailadresse kontaktemail
    telefon telefonnummer tel telnr telefonnr phone phonenumber handy handynummer mobil
    mobilnummer mobiltelefon mobilfunknummer fax faxnummer
    anschrift postanschrift wohnanschrift wohnadresse privatadresse strasseundhausnummer
    strassehausnummer hausnummer
    ip ipaddr ipadresse ipaddress useragent iban kontonummer geburtsdatum geburtstag
    dateofbirth birthdate deviceid imei simserial subscriberid geratid geraeteid networkid
    """.split()
)  # a device's ID (KoBoToolbox's, ODK's "deviceid", an IMEI) identifies its owner too, as
# Typeform's "Network ID" (a hash of the respondent's IP address) does
# Keys that lead to one respondent without being contact data: a survey's access code
# (LimeSurvey's "token", "Zugangsschlüssel", "Zugangscode", "Access code": its participant
# table holds name and e-mail beside it, and the code opens the survey again; SoSci
# Survey's "SERIAL" beside its "QUESTNNR": the serial number of a serial mail's link, which
# the survey's address list holds beside the e-mail); never stored.
KEY_HEADERS = frozenset("token zugangsschlussel zugangsschluessel zugangscode accesscode".split())
_SOSCI_SERIAL = "SERIAL"
# Codes that recognise one respondent across surveys: a self-generated code ("MUEL1203":
# the mother's initials, a birthday …, asked as "Teilnehmercode", "Persönlicher Code"),
# SoSci Survey's "REF" beside its "QUESTNNR" (the link's reference: a panel ID, an
# address), Qualtrics' "ExternalReference"; built from or leading to the person, never
# stored (a bare "Code" is left: a card wall's category, a codebook's code).
CODE_HEADERS = frozenset(
    """
    teilnehmercode teilnehmendencode teilnehmerinnencode personlichercode persoenlichercode
    pseudonymcode personencode probandencode probandinnencode codewort individuellercode
    selbstgeneriertercode selbsterstelltercode identifikationscode participantcode
    personalcode respondentcode selfgeneratedcode externalreference externaldatareference
    """.split()
)
_SOSCI_REFERENCE = "REF"
# A person's ID that is a number, a UUID or a hash (kept without a name: "author-id"); any
# other ("anna.brandt", Nextcloud Forms' "Benutzer-ID") is an account's name.
_PSEUDONYMOUS_ID = re.compile(
    r"^(?:\d+|[0-9a-f]{8}(?:-?[0-9a-f]{4}){3}-?[0-9a-f]{12}|[0-9a-f]{16,})$", re.IGNORECASE
)
# A short header that ends with one of these (or starts with e-mail or a phone number)
# names contact data too: "Creator email", "Kontakt-Telefon", "E-Mail der Verfasserin".
CONTACT_ENDINGS = (
    "email emailadresse emailaddress telefon telefonnummer phone phonenumber handynummer "
    "mobilnummer faxnummer ipadresse ipaddress iban geburtsdatum"
).split()
CONTACT_STARTS = ("email", "telefonnummer", "handynummer", "mobilnummer", "iban")
NOT_CONTACT = frozenset({"smartphone", "iphone"})
# A form's question for contact data ("Kontaktdaten (freiwillig)", "Ihre E-Mail-Adresse /
# Telefonnummer für Rückfragen", "Wie können wir Sie erreichen?", "How can we contact
# you?"): its answers are contact data, not a contribution. A question that mentions
# contact ("Wo fehlt Ihnen Kontakt zu Nachbarn?", "Welche Kontaktstellen kennen Sie?",
# "Wie erreichen Sie die Beratungsstelle?", "Wie können wir Sie besser erreichen?") is none.
_CONTACT_NOUNS = frozenset(
    "kontakt kontaktdaten kontaktangaben kontaktinformation kontaktinformationen kontaktinfo "
    "kontaktinfos kontaktadresse kontaktdetails contact contactdetails contactinformation "
    "contactinfo contactdata".split()
)
_CONTACT_PAIRS = frozenset(("contact details", "contact information", "contact info"))
_CONTACT_FIELDS = frozenset(
    "email emailadresse mailadresse emailaddress telefon telefonnummer telnr handynummer "
    "mobilnummer anschrift adresse postanschrift phone phonenumber address".split()
)
_POSSESSIVES = frozenset("ihre ihr deine dein eure euer your".split())
_REACH = frozenset("erreichen erreichbar kontaktieren contact reach".split())
_OF_WORDS = frozenset("der des von vom zu zum of".split())  # "Kontaktdaten der …"
_NOT_REACHING = frozenset(
    "besser better kunftig zukunftig leichter einfacher easier more mehr haufiger".split()
)
# "Über welche Kanäle können wir Sie erreichen?" asks which channels (answers "Newsletter,
# Instagram"), a question of the study, not for contact data
_CHANNELS = frozenset(
    "kanale kanaele kanalen kanaelen medien plattformen netzwerke netzwerken wege "
    "channels platforms media".split()
)
_WHICH = frozenset("welche welchen welcher which".split())
# "which address … we" asks for the respondent's when it names her or asks leave ("Unter
# welcher Adresse können wir Ihnen …", "… dürfen wir nutzen?"), not "Welche Adresse
# sollten wir für den Jugendtreff wählen?"
_YOURS = frozenset("sie ihnen ihre ihr you your durfen duerfen may ruckfragen rueckfragen".split())
# Words beside "Kontakt" and contact fields in a header that lists only them ("Kontakt:
# E-Mail oder Telefon für Rückfragen"), not "Kontakt zu Behörden per Telefon: Bitte …"
_LISTED = frozenset(
    "kontakt contact oder und bzw or and fur fuer for ruckfragen rueckfragen".split()
)
# A question's later sentence that asks only for an e-mail address or a phone number
# ("Möchten Sie eingeladen werden? Dann bitte E-Mail angeben", "Falls ja: Telefonnummer"):
# its answers are contact data. Every word is one of these or such a field; an address
# alone stays ("Wo ist es dunkel? Bitte Adresse angeben": a place), as does a sentence
# with another word ("Bitte angeben: E-Mail, Telefon oder Brief", "… der Hotline").
_REQUEST_FIELDS = _CONTACT_FIELDS - {"adresse", "anschrift", "postanschrift", "address"}
_REQUEST_WORDS = frozenset(
    "dann bitte hier die ihre ihr deine dein eure euer sie wenn falls ja gerne uns an "
    "angeben eintragen hinterlassen nennen mitteilen notieren geben tragen ein lassen "
    "oder und bzw adresse then please if so yes your you an a the enter provide give "
    "leave write add or and address number".split()
)
# A question that asks which or how ("Wie möchten Sie informiert werden? Bitte angeben:
# E-Mail oder Telefon") asks for a choice, not for the data
_W_QUESTIONS = frozenset(
    "wie was wo wann warum welche welcher welchen how what where which".split()
)
# Where a header's question begins after a topic ("Ihre Adresse im Viertel: was fehlt?")
_TOPIC_END = re.compile(r"[:–—]|\s-\s")
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
# ("author/url", "user_avatar": a profile address, an account) is not stored; an age is.
PERSON_OWNERS = frozenset(
    "author autor autorin user benutzer nutzer creator ersteller erstellerin verfasser "
    "verfasserin participant teilnehmer teilnehmerin submitter einreicher".split()
)
_ACCOUNT_OWNERS = PERSON_OWNERS - {"participant", "teilnehmer", "teilnehmerin", "submitter"}
_IDENTIFYING = frozenset(
    "url link profil profile profileurl profilurl account konto handle avatar foto photo "
    "picture image bild".split()
)
# A count written as text in a person column ("Teilnehmende": "14", "ca. 14", "12-15",
# "20 Personen"); a number with a leading zero ("007") is a participant's ID, not a count.
_COUNT = re.compile(
    r"(?:(?:ca|circa|etwa|rund|ungefähr|knapp|über|unter|mehr als|weniger als|bis zu)\.?\s*"
    r"|[~>≈<]\s*)?(?:0|[1-9]\d*)(?:\s*(?:-|–|bis)\s*[1-9]\d*)?\+?"
    r"(?:\s*(?:Personen|Pers\.|Teilnehmende|Teilnehmer\w*|TN|Leute|Menschen|Anwesende))?",
    re.IGNORECASE,
)
_LOWER_WORD = re.compile(r"(?<![\w-])[a-zäöüß]{3,}(?![\w-])")
_WORD = re.compile(r"[^\W\d_]+")
# "No name given" (also a card wall's guest "Gast", a pad's "unnamed"): not one person.
NO_NAME = frozenset(
    "anonym anonymous anonymus unbekannt unknown keineangabe keineangaben ka kA na nn none "
    "null nichtangegeben ohnenamen gast guest unbenannt unnamed keiner keine niemand nobody "
    "keinname".lower().split()
)


# A value that reads as one or a few names ("Dr. Stefan Richter (Jugendamt)", "Kaya und
# Roth", "A. Weber"): capitalised words, initials, particles, titles; no digit, no sentence.
_NAMES_VALUE = re.compile(
    r"(?:[A-ZÄÖÜ][\w'’.-]*|von|van|de|der|den|zu|und|u\.|&|,|/|\s)+(?:\s*[(\[][^)\]]*[)\]])?"
)
_FORM_ACCOUNTS = frozenset(("username",))
_SUBMISSION_IDS = frozenset(("_uuid", "meta-instanceID", "instanceID", "meta/instanceID"))


def names_staff(header: str, value: Any) -> bool:
    """Whether ``value`` of a staff column names the person(s) who did it: another person
    (never stored, the name joins the name list, as for "Moderator*in"). A sentence in
    such a column ("Moderation": the moderation's answer) is free text, kept pseudonymised.
    """
    if not isinstance(value, str) or not is_staff_column(header):
        return False
    text = given_value(value)
    if text is None or is_prose(text) or re.fullmatch(r"\[[^\[\]]+\]", text):
        return False  # nobody, a sentence, or a placeholder already
    return bool(_NAMES_VALUE.fullmatch(text))


def _already_placeholder(value: Any) -> bool:
    """A value that is one placeholder ("[Person 3]", set by an importer): no clear name."""
    return isinstance(value, str) and re.fullmatch(r"\[Person \d+\]", value.strip()) is not None


def is_form_account(header: str, columns: Iterable[str]) -> bool:
    """Whether a column of a row with ``columns`` is a data collection form's account
    (ODK's, KoBoToolbox's metadata ``username`` beside the submission's ID ``_uuid`` or
    ``meta-instanceID``): the enumerator's, not the respondent's — another person."""
    return header.strip() in _FORM_ACCOUNTS and not _SUBMISSION_IDS.isdisjoint(columns)


def is_contact_column(header: str) -> bool:
    """Whether a column holds contact data (e-mail, phone, postal address, …), also a
    form's question for it (:func:`asks_for_contact`)."""
    key = header_key(header)
    if key in CONTACT_HEADERS or asks_for_contact(str(header)):
        return True
    short = len(str(header).split()) <= 4 and key not in NOT_CONTACT
    return short and (key.endswith(tuple(CONTACT_ENDINGS)) or key.startswith(CONTACT_STARTS))


@word_cache
@lru_cache(maxsize=4096)  # asked for every column of every row
def asks_for_contact(header: str) -> bool:
    """Whether a header asks for the respondent's contact data: it names them
    ("Kontaktdaten", "Kontakt für Rückfragen"), the respondent's own e-mail address or
    phone number ("Ihre E-Mail-Adresse"), or asks how we reach them.

    >>> asks_for_contact("Ihre E-Mail-Adresse / Telefonnummer für Rückfragen")
    True
    >>> asks_for_contact("Wie können wir Sie erreichen?"), asks_for_contact("Kontakt")
    (True, True)
    >>> asks_for_contact("Wo fehlt Ihnen Kontakt zu Nachbarn?")
    False
    >>> asks_for_contact("Wie erreichen Sie die Beratungsstelle?")
    False
    >>> asks_for_contact("Welche Orte sind für Sie schwer erreichbar?")
    False
    >>> asks_for_contact("Wo finden Sie Kontaktdaten zu Angeboten?")
    False
    >>> asks_for_contact("Über welche Kanäle können wir Sie erreichen?")
    False
    >>> asks_for_contact("Ihre Adresse im Viertel: was fehlt?")
    False
    >>> asks_for_contact("Ihre Telefonnummer: Dürfen wir Sie anrufen?")
    True
    >>> asks_for_contact("Welche Adresse sollten wir für den neuen Jugendtreff wählen?")
    False
    >>> asks_for_contact("Kontakt zu Behörden per Telefon: Bitte beschreiben Sie es.")
    False
    """
    words = _words(header)
    said = set(words)
    named = {w for i, w in enumerate(words) if not _of_others(words[i + 1 : i + 3])}
    if named & (_CONTACT_NOUNS - {"kontakt", "contact"}) or words in (["kontakt"], ["contact"]):
        return True  # "Kontaktdaten", "Kontakt (freiwillig)"
    if {" ".join(pair) for pair in pairwise(words)} & _CONTACT_PAIRS:
        return True  # "Contact details"
    if "kontakt" in said and said & {"ruckfragen", "rueckfragen"}:
        return True  # "Kontakt für Rückfragen"
    if words[:1] in (["kontakt"], ["contact"]) and said & _CONTACT_FIELDS:  # fields only:
        return said <= _CONTACT_FIELDS | _LISTED  # "Kontakt (freiwillig): E-Mail oder Telefon"
    which = {b for a, b in pairwise(words) if a in _WHICH | {"what"}}  # "welche E-Mail …"
    if which & _CONTACT_FIELDS and said & {"wir", "we"} and said & _YOURS:
        return True  # "Unter welcher Adresse können wir Ihnen …", "… dürfen wir nutzen?"
    owner = next((i for i, w in enumerate(words) if w in _POSSESSIVES), None)
    if owner is not None and _CONTACT_FIELDS.intersection(words[owner + 1 :]):
        return not _other_question(header)  # "Ihre E-Mail-Adresse", "Your phone number"
    # the respondent, not "für Sie" (a place "für Sie erreichbar" is a question of the study)
    asked = {w for i, w in enumerate(words) if not (i and words[i - 1] in {"fur", "fuer", "for"})}
    us = said & {"wir", "we"} and asked & {
        "sie",
        "dich",
        "euch",
        "you",
    }  # not "Wie erreichen Sie …"
    reachable = "erreichbar" in said and "sie" in asked
    channels = bool(said & _WHICH and said & _CHANNELS)  # which channels: not the data
    if said & _REACH and (us or reachable) and not said & _NOT_REACHING and not channels:
        return True
    return _then_asks_for_contact(header)


def _then_asks_for_contact(header: str) -> bool:
    """Whether a question's later sentence asks only for an e-mail address or a phone
    number (see :data:`_REQUEST_WORDS`).

    >>> _then_asks_for_contact("Möchten Sie eingeladen werden? Dann bitte E-Mail angeben")
    True
    >>> _then_asks_for_contact("Wo ist es nachts zu dunkel? Bitte Adresse angeben.")
    False
    >>> _then_asks_for_contact("Wie möchten Sie informiert werden? Bitte angeben: E-Mail")
    False
    """
    sentences = [_words(s) for s in re.split(r"(?<=[.?!])\s+", header.strip())]
    if len(sentences) < 2 or set(sentences[0][:1]) & _W_QUESTIONS:
        return False
    return any(
        set(words) & _REQUEST_FIELDS and set(words) <= _REQUEST_FIELDS | _REQUEST_WORDS
        for words in sentences[1:]
    )


def _words(header: str) -> list[str]:
    """A header's words as compared (header_key), without remarks in brackets."""
    words = [header_key(w) for w in re.split(r"[\s/]+", re.sub(r"[(\[].*?[)\]]", "", header))]
    return [w for w in words if w]


def _other_question(header: str) -> bool:
    """Whether a header names a topic, then asks a question of the study about it ("Ihre
    Adresse im Viertel: was fehlt?"): its question names no contact data, nor reaching. A
    topic of the contact field alone asks for it ("Ihre Telefonnummer: Dürfen wir Sie
    anrufen?")."""
    topic = _TOPIC_END.split(header)
    question = topic[-1].strip()
    if len(topic) < 2 or not question.endswith("?"):
        return False
    if set(_words(" ".join(topic[:-1]))) <= _POSSESSIVES | _CONTACT_FIELDS | _LISTED:
        return False
    said = set(_words(question))
    return not said & (_CONTACT_FIELDS | _CONTACT_NOUNS | _REACH) and not asks_for_contact(question)


def _of_others(following: list[str]) -> bool:
    """Whether the words after a contact noun make it someone else's ("Kontaktdaten der
    Beratungsstelle", "… zu Angeboten"), not the respondent's ("… zu Ihrer Person")."""
    if not following or following[0] not in _OF_WORDS:
        return False
    return len(following) < 2 or following[1] not in _POSSESSIVES | {"ihrer", "ihnen", "dir"}


def is_key_column(header: str, columns: Iterable[str] = ()) -> bool:
    """Whether a column of a row with ``columns`` holds a key that leads to one respondent
    (a survey's access code, SoSci Survey's serial number).

    >>> is_key_column("Zugangsschlüssel"), is_key_column("token"), is_key_column("Schlüssel")
    (True, True, False)
    >>> is_key_column("SERIAL", ["CASE", "SERIAL", "QUESTNNR"]), is_key_column("SERIAL")
    (True, False)
    """
    if str(header).strip() == _SOSCI_SERIAL:
        return is_sosci_survey(columns)
    return header_key(header) in KEY_HEADERS


def is_respondent_code(header: str, columns: Iterable[str] = ()) -> bool:
    """Whether a column of a row with ``columns`` holds a code that recognises one
    respondent (:data:`CODE_HEADERS`; SoSci Survey's ``REF``).

    >>> is_respondent_code("Ihr persönlicher Code"), is_respondent_code("Code")
    (True, False)
    >>> is_respondent_code("REF", ["CASE", "REF", "QUESTNNR"]), is_respondent_code("REF")
    (True, False)
    """
    if str(header).strip() == _SOSCI_REFERENCE:
        return is_sosci_survey(columns)
    key = header_key(header)
    return key in CODE_HEADERS or key.removeprefix("ihr").removeprefix("dein") in CODE_HEADERS


def is_personal_label(label: str | None) -> bool:
    """Whether a column's label (a survey tool's question text under a variable's name:
    SoSci Survey's "KD01_01", Qualtrics' "Q3") asks for contact data or a respondent's code.

    >>> is_personal_label("Kontaktdaten (freiwillig): [01]"), is_personal_label("Alter")
    (True, False)
    """
    if not label:
        return False
    text = re.sub(r":\s*\[\d+\]$", "", str(label)).strip()  # SoSci's item number
    return is_contact_column(text) or is_respondent_code(text) or is_key_column(text)


def is_account_id(header: str, value: Any) -> bool:
    """Whether a person's ID ("User ID", "Benutzer-ID", "author/id") is an account's name
    ("anna.brandt"), not a number, UUID or hash.

    >>> is_account_id("Benutzer-ID", "anna.brandt"), is_account_id("author/id", "4711")
    (True, False)
    """
    text = value.strip() if isinstance(value, str) else None
    return (
        person_id_owner(header) is not None
        and text is not None
        and not _PSEUDONYMOUS_ID.match(text)
    )


def is_account_number(header: str, value: Any) -> bool:
    """Whether a column is the author's account number ("author/id": 77): not stored beside
    a name (the pseudonym tells the persons apart; the number points at the account).

    >>> is_account_number("author/id", 77), is_account_number("author/id", "anna.b")
    (True, False)
    >>> is_account_number("User ID", "4711"), is_account_number("Teilnehmer-ID", 12)
    (True, False)
    """
    number = isinstance(value, int) or bool(_PSEUDONYMOUS_ID.match(str(value).strip()))
    return person_id_owner(header) in _ACCOUNT_OWNERS and number and not isinstance(value, bool)


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


def is_prose(value: str) -> bool:
    """Whether a value reads like a sentence: two lower-case words, or four words ending
    with a full stop, "!" or "?" ("Vielen Dank, Ihr Ansprechpartner ist Herr Berger.").
    A survey's other open answers are pseudonymised like statements, a date or a category
    is not.

    >>> is_prose("Meine Nachbarin Frau Kaya hilft sehr"), is_prose("Thu May 05 16:52:16 2022")
    (True, False)
    """
    if len(_LOWER_WORD.findall(value)) >= 2:
        return True
    return len(_WORD.findall(value)) >= 4 and value.rstrip(" \"'”“»«)").endswith((".", "!", "?"))


def given_value(value: Any) -> str | None:
    """A person column's value as a name: not empty, "anonym", "k. A." or "-", nor a
    number an importer read as one (a REFI-QDA Integer variable "Teilnehmende": a count)."""
    if value in (None, "") or is_count(value):
        return None
    text, key = str(value).strip(), header_key(value)
    anonymous = key in NO_NAME or key.startswith("anonym")  # "Anonymer Benutzer" (Nextcloud)
    return text if not anonymous and text.strip("-–. ") else None


def is_count(value: Any) -> bool:
    """Whether an attribute value is a number (int or float, NaN too) or a count written
    as text ("ca. 14", "12–15", "20 Personen"), never a name; "007" is an ID.

    >>> is_count(14), is_count("ca. 14"), is_count("20 Personen"), is_count("007")
    (True, True, True, False)
    """
    if isinstance(value, str):
        return _COUNT.fullmatch(value.strip()) is not None
    return isinstance(value, int | float) and not isinstance(value, bool)


def author(attributes: Mapping[str, Any]) -> str | None:
    """The author's name from the person columns (in column order), or None.

    Several name columns (``Vorname``, ``Nachname``) make one name; a user name
    (``author/nickname``, ``Benutzername des Autors``) is the name only when no real name
    is given, and never joined to one (the same person mentioned in a text must get the
    same placeholder). "anonym", "k. A." and empty values are no name, nor a data
    collection form's account (:func:`is_form_account`).
    """
    names: dict[str, list[str]] = {AUTHOR: [], NICKNAME: []}
    for key, value in attributes.items():
        role = OTHER if is_form_account(key, attributes) else person_role(key)
        if role in names and (text := given_value(value)) is not None:
            names[role].append(text)
    if names[AUTHOR]:
        return " ".join(dict.fromkeys(names[AUTHOR]))
    return names[NICKNAME][0] if names[NICKNAME] else None


def person_placeholder(
    pseudonymiser: Pseudonymiser, name: str, names: Sequence[str], account: bool = False
) -> str:
    """The placeholder of the person ``name`` (whatever it looks like, never in clear);
    ``account``: an author's value, a user name (:func:`is_account_name`) its own account."""
    if account and (is_account_name(name) or account_in_capitals(pseudonymiser, name, names)):
        return pseudonymiser.person(person_key(name), name)  # "tom" is not "tom.w"
    value = pseudonymiser.pseudonymise(name, names)[0]
    if not re.fullmatch(r"\[[^\[\]]+\]", value) or value == EMAIL:  # an address: one each
        value = pseudonymiser.person(person_key(name), name)
    return value


def safe_attributes(
    pseudonymiser: Pseudonymiser,
    attributes: Mapping[str, Any],
    names: Sequence[str],
    fields: FieldMemo | None = None,
) -> dict[str, Any]:
    """``attributes`` safe to store: people as placeholders, no contact data, no places.

    The person attributes (speaker, recipient) become their placeholder; the person
    columns (``Name``, ``Vorname`` + ``Nachname``, …) become one ``speaker`` (unless
    there is one), or ``organisation`` in clear when they name one (``author_role`` when a
    word for someone unnamed: "Anwohnerin"); contact columns,
    exact coordinates, access codes, respondents' codes, accounts' names and columns of other people
    (assignee, moderator, reviewer, supporters) are dropped;
    free text (a title, another open answer: it may name someone) is
    pseudonymised like a statement, other text fields (dates, categories) lose listed
    names and structured data (e-mail, phone, …). ``fields`` keeps the values read
    across the rows of an import (:mod:`workbench.ingest.field_memo`).
    """
    fields = fields or FieldMemo(pseudonymiser)
    who = author(attributes)
    out: dict[str, Any] = {}
    for key, value in attributes.items():
        if key in PERSON_ATTRIBUTES:
            if isinstance(value, str) and value.strip():
                value = person_placeholder(pseudonymiser, value, names)
        elif person_role(key) == OTHER and _already_placeholder(value):
            pass  # a person-role variable an importer already replaced ("Protokollant")
        elif person_role(key) and is_count(value):
            pass  # a number ("Teilnehmende: 14", typed as one by the file), not a person
        elif (
            is_contact_column(key)
            or is_key_column(key, attributes)
            or is_respondent_code(key, attributes)
            or person_role(key)
            or is_people_list_column(key)
            or names_staff(key, value)
            or is_location(key, value)
            or is_account_id(key, value)
            or (who is not None and is_account_number(key, value))  # "author/id" by a name
        ):
            continue
        elif isinstance(value, str):
            prose = is_prose_column(key) or is_prose(value)
            value = fields.pseudonymise(value, names, prose)
        out[key] = value
    if who is not None and is_organisation(pseudonymiser, who):
        out.setdefault("organisation", who)
    elif who is not None and is_role_word(who):
        out.setdefault("author_role", who)  # "Anwohner", "Bürgerin": no one's name
    elif who is not None:
        out.setdefault("speaker", person_placeholder(pseudonymiser, who, names, account=True))
    return out
