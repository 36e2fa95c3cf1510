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
trailing remark in brackets ("Name (freiwillig)" is ``name``).

A header is a person column by its words (:func:`person_role`), not by a list of whole
headers: it needs a person word (``autor``, ``verfasser``, ``teilnehmer``, ``moderator``,
``assignee``, …, also as the head of a compound: "Beitragsautor", "Sachbearbeiterin"), a
name (``Name``, ``Vorname``, a compound whose first part is a person or a part of a
name: "Autorenname", "Benutzername" — not "Projektname", "Dateiname", "Straßenname") or
a participle with "von"/"by" ("Eingereicht von", "Posted by"), and no other word than
articles, possessives and such ("Name des Autors", "Ihr Name", "Author's name"; "Name
des Projekts" is no person column, nor "Anzahl Teilnehmende" nor "Autor-ID").
Gender marks are one word ("Moderator*in", "Bewerter:innen", "AutorInnen").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from workbench.core.domain import person_key
from workbench.ingest.field_memo import FieldMemo
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.organisations import is_organisation as is_organisation
from workbench.ingest.organisations import organisation_words as organisation_words
from workbench.ingest.pseudonymise import EMAIL, Pseudonymiser

PERSON_ATTRIBUTES = ("speaker", "recipient")  # attributes whose value is a person

PERSON_HEADERS = frozenset(
    """
    name namen vorname vornamen nachname familienname vollername vorundnachname
    nachnamevorname namevorname vornamenachname nameteilnehmer nameteilnehmerin
    namedesverfassers namederverfasserin
    autor autorin autorinnen author authors verfasser verfasserin urheber urheberin
    teilnehmer teilnehmerin teilnehmende teilnehmendername participant participantname
    eingereichtvon erstelltvon submittedby createdby
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
    dateofbirth birthdate deviceid imei simserial subscriberid geratid geraeteid
    """.split()
)  # a device's ID (KoBoToolbox's, ODK's "deviceid", an IMEI) identifies its owner too
# Exact places: where someone lives or was asked (Qualtrics' "LocationLatitude",
# KoBoToolbox's "_standort_latitude", ODK's "standort-Longitude", a geopoint's value
# "51.0303 6.9843 52 4.5"); never stored, the district says where.
LOCATION_HEADERS = frozenset("lat lon lng latlon latlng geopoint gps geolocation".split())
LOCATION_ENDINGS = (
    "latitude longitude breitengrad langengrad laengengrad koordinaten coordinates"
).split()
_GEOPOINT = re.compile(
    r"^(?:(?:SRID=\w+;\s*)?POINT\s*(?:ZM|Z|M)?\s*\(\s*)?-?\d{1,3}\.\d{4,}(?:[,;]\s*|\s+)"
    r"-?\d{1,3}\.\d{4,}"
    r"(?:\s+-?\d+(?:\.\d+)?){0,2}\s*\)?$",
    re.IGNORECASE,
)
# A GeoJSON point in a cell (adhocracy4's "Point": a Feature or a geometry): lon, lat
GEOJSON_POINT = re.compile(
    r'^\{(?=.*"type"\s*:\s*"Point").*?"coordinates"\s*:\s*\[\s*(-?\d+(?:\.\d+)?)\s*,'
    r"\s*(-?\d+(?:\.\d+)?)\s*(?:,\s*-?\d+(?:\.\d+)?\s*)?\].*\}$",
    re.DOTALL,
)
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
# ("author/url", "user_avatar": a profile address, an account) is not stored; an age is.
PERSON_OWNERS = frozenset(
    "author autor autorin user benutzer nutzer creator ersteller erstellerin verfasser "
    "verfasserin participant teilnehmer teilnehmerin submitter einreicher".split()
)
_ACCOUNT_OWNERS = PERSON_OWNERS - {"participant", "teilnehmer", "teilnehmerin", "submitter"}
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
    "summary antwort answer rueckmeldung ruckmeldung stellungnahme reply response feedback "
    "nachricht message hinweis erlaeuterung erlauterung "
    "idee vorschlag "
    "zeile spalte"  # a protocol table's row label and column header (docx_protocol)
).split()
# … and a header with one of these words, or compounds ending so ("Offizielle Antwort",
# "Rückmeldung der Moderation", "Moderationsantwort"; not "Moderationsstatus").
PROSE_WORDS = frozenset(
    "antwort answer reply response ruckmeldung rueckmeldung stellungnahme kommentar comment "
    "anmerkung bemerkung notiz hinweis feedback moderation begrundung erlauterung".split()
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


def header_key(header: str) -> str:
    """A header without case, accents, punctuation and a bracketed remark."""
    return _header_key(str(header))


@lru_cache(maxsize=65536)  # asked for every column of every row (30,000 rows: millions)
def _header_key(header: str) -> str:
    return re.sub(r"[^a-z]", "", fold(re.sub(r"[(\[].*?[)\]]", "", header)))


AUTHOR = "author"  # the person who wrote or said the statement: its speaker
NICKNAME = "nickname"  # … by a user name, used only when no real name is given
OTHER = "other"  # another person (assignee, moderator, reviewer, who answered)


def _forms(roots: str) -> frozenset[str]:
    """Person nouns with their endings: gender, plural, genitive ("Autor*innen", "des
    Verfassers", "Teilnehmenden")."""
    endings = ("", "s", "n", "en", "e", "es", "r", "in", "innen")
    return frozenset(root + ending for root in roots.split() for ending in endings)


# Who wrote the statement; who else is named beside it (never the statement's author).
_AUTHOR_WORDS = _forms(
    "autor author verfasser urheber ersteller creator "
    "poster absender sender teilnehmer teilnehmende participant befragte interviewte "
    "interviewpartner gesprachspartner gespraechspartner interviewee respondent sprecher "
    "ansprechpartner ansprechperson kontaktperson"
) | {"person"}  # not "Personen": a count
_OTHER_WORDS = _forms(
    "moderator administrator admin bewerter gutachter prufer pruefer reviewer assignee "
    "valuator evaluator evaluierer assessor "
    "bearbeiter zustandig zustandige verantwortlich verantwortliche responsible betreuer "
    "koordinator coordinator editor redakteur kommentator commenter empfanger recipient "
    "beantworter antwortende mitarbeiter interviewer interviewende enumerator protokollant "
    "einreicher einreichende submitter "
    "protokollfuhrer protokollfuehrer schriftfuhrer schriftfuehrer gesprachsfuhrer "
    "gespraechsfuehrer beobachter kodierer leiter facilitator moderierend"
)
# What a workshop's staff does: a column so named ("Moderation", "Gesprächsführung",
# "Workshopleitung") holds either a person's name — another person, see
# :func:`names_staff` — or the staff's text (a prose column: "Moderation" with an answer).
_STAFF_ACTIVITIES = frozenset(
    "moderation moderiertvon leitung gesprachsfuhrung gespraechsfuehrung protokoll "
    "protokollfuhrung protokollfuehrung durchfuhrung durchfuehrung begleitung transkription "
    "interview interviewfuhrung interviewfuehrung facilitation".split()
)
# A value that reads as one or a few names ("Dr. Stefan Richter (Jugendamt)", "Kaya und
# Roth", "A. Weber"): capitalised words, initials, particles, titles; no digit, no sentence.
_NAMES_VALUE = re.compile(
    r"(?:[A-ZÄÖÜ][\w'’.-]*|von|van|de|der|den|zu|und|u\.|&|,|/|\s)+(?:\s*[(\[][^)\]]*[)\]])?"
)
# What someone else wrote about the statement: its author is another person ("Reply
# author", "Autor der Antwort", "Kommentarautor").
_RESPONSE_WORDS = frozenset(
    "reply replies antwort antworten answer answers response ruckmeldung rueckmeldung "
    "feedback stellungnahme kommentar kommentare comment comments moderation bewertung "
    "review zuweisung bearbeitung notiz note".split()
)
_USER_WORDS = _forms("user benutzer nutzer member")  # an account: its name is a user name
_NAME_WORDS = frozenset(
    "name namen vorname vornamen nachname nachnamen familienname rufname fullname firstname "
    "lastname surname givenname vollername klarname realname geburtsname heissen heisst".split()
)
_NICK_WORDS = frozenset(
    "username usernames benutzername nutzername nickname nick spitzname login loginname "
    "handle account accountname kontoname anzeigename displayname screenname alias "
    "pseudonym kennung benutzerkennung".split()
)
# First parts of a compound name of a person ("Vorname", "Autorenname", "Anzeigename");
# any other ("Projektname", "Dateiname", "Straßenname") names a thing.
_NAME_PARTS = frozenset("vor nach familien ruf voll klar real geburts full first last".split())
_NICK_PARTS = frozenset("nick spitz login anzeige display screen konto account".split())
# Words that may stand beside a person word in a person column's header.
_FILLERS = frozenset(
    """
    des der die das den dem von vom by of the und oder and or bzw s ihr ihre ihres ihrer
    dein deine deines deiner euer eure your wie ist lautet lauten what is sie du
    vollstandiger vollstandige vollstandig full ganzer kompletter optional freiwillig bitte
    vor nach first last given family real echter kontakt angabe
    """.split()
)
# "<participle> von/by": who did what with the statement ("Eingereicht von", "Posted
# by": its author; "Kommentiert von", "Bearbeitet von": someone else).
_BY = frozenset(("von", "vom", "by", "from"))
_AUTHOR_VERBS = frozenset(
    """
    eingereicht erstellt verfasst geschrieben gepostet gesendet eingesendet eingestellt
    hochgeladen veroffentlicht angelegt hinzugefugt submitted created posted written sent
    authored uploaded published added
    """.split()
)
_PARTICIPLE = re.compile(
    r"^(?:[a-z]{0,6}ge[a-z]{2,}(?:t|en)|(?:be|ver|er|ent|zer|emp)[a-z]{2,}t|[a-z]{3,}iert|"
    r"[a-z]{3,}ed|interviewt|written|sent|done|made)$"
)
_ASSIGNED = frozenset("zugewiesen zugeordnet weitergeleitet delegiert assigned delegated".split())
_GENDER_MARK = re.compile(r"(?<=[^\W\d_])[*:_/·|](?=(?:in|innen)\b)", re.IGNORECASE)
_FORM_ACCOUNTS = frozenset(("username",))
_SUBMISSION_IDS = frozenset(("_uuid", "meta-instanceID", "instanceID", "meta/instanceID"))
_CAMEL = re.compile(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])(?!In)")


def header_words(header: str) -> list[str]:
    """A header's words, folded, gender marks joined, without a bracketed remark or a
    trailing language ("Moderator*in (intern)" → ``["moderatorin"]``)."""
    return list(_header_words(str(header)))


@lru_cache(maxsize=4096)  # asked for every column of every row
def _header_words(header: str) -> tuple[str, ...]:
    text = _GENDER_MARK.sub("", re.sub(r"[(\[].*?[)\]]", "", header))
    text = _CAMEL.sub(" ", text)  # "RecipientLastName" (Qualtrics), not "NutzerInnenname"
    words = re.findall(r"[a-z]+", fold(text))
    return tuple(words[:-1] if len(words) > 1 and words[-1] in LANGUAGE_SUFFIXES else words)


def _word_kind(word: str) -> str | None:
    """What a header word says about a person: AUTHOR, OTHER, a name, a user name, a
    response, a filler — or None (a word of anything else)."""
    if word in _FILLERS:
        return "filler"
    if word in _RESPONSE_WORDS:
        return "response"
    if word in _NICK_WORDS or word in _USER_WORDS:
        return NICKNAME
    if word in _NAME_WORDS:
        return "name"
    if word in _AUTHOR_WORDS:
        return AUTHOR
    if word in _OTHER_WORDS:
        return OTHER
    for head in ("namen", "name"):  # "Autorenname", "Benutzername", not "Dateiname"
        if word.endswith(head) and len(word) > len(head):
            part = word[: -len(head)]
            if part in _NICK_PARTS or part in _USER_WORDS:
                return NICKNAME
            if part in _NAME_PARTS or part in _AUTHOR_WORDS:
                return "name"
            return OTHER if part in _OTHER_WORDS else None
    for words, kind in ((_AUTHOR_WORDS, AUTHOR), (_OTHER_WORDS, OTHER)):
        for form in words:  # the head of a compound: "Beitragsautor", "Sachbearbeiter"
            if len(form) >= 5 and word.endswith(form) and len(word) - len(form) >= 3:
                first = word[: -len(form)]
                return OTHER if first.rstrip("s") in _RESPONSE_WORDS else kind
    return None


@lru_cache(maxsize=4096)  # asked for every column of every row
def person_role(header: str) -> str | None:
    """Whether a column names a person: AUTHOR (the statement's), NICKNAME (its author by
    a user name), OTHER (another person: assignee, moderator, reviewer, interviewer, who
    answered) — or None.

    A survey tool's meta column (its raw header starts with "_", as KoBoToolbox's
    ``_submitted_by``, ``_id``, ``_uuid``) that names a person names the account that
    entered the form — the enumerator, not the respondent: OTHER, never the author. A
    platform's "Submitted by" (no underscore) is the author of the contribution.
    """
    role = _role_by_words(header)
    if role in (AUTHOR, NICKNAME) and str(header).lstrip().startswith("_"):
        return OTHER
    return role


def _role_by_words(header: str) -> str | None:
    """:func:`person_role` by the header's words alone."""
    words = header_words(header)
    for i in range(len(words) - 1, 0, -1):  # "User name", "First name": one word
        if words[i] in ("name", "namen") and _word_kind(words[i - 1] + words[i]) in (
            "name",
            NICKNAME,
        ):
            words[i - 1 : i + 1] = [words[i - 1] + words[i]]
    if 2 <= len(words) <= 4 and words[-1] in _BY:
        if words[-2] in _AUTHOR_VERBS:
            return AUTHOR
        if _PARTICIPLE.match(words[-2]) or words[-2] in _RESPONSE_WORDS:
            return OTHER  # "Kommentiert von", "Antwort von"
    if 2 <= len(words) <= 4 and words[-2] in _ASSIGNED and words[-1] in ("an", "to", "zu"):
        return OTHER
    kinds = [_word_kind(w) for w in words]
    if not words or None in kinds or not {AUTHOR, OTHER, NICKNAME, "name"} & set(kinds):
        return AUTHOR if header_key(header) in PERSON_HEADERS else None
    if OTHER in kinds or "response" in kinds:  # not "Moderator feedback": the text itself
        text = kinds[-1] == "response" and AUTHOR not in kinds and is_prose_column(header)
        return None if text else OTHER
    return NICKNAME if NICKNAME in kinds and "name" not in kinds else AUTHOR


def is_person_column(header: str) -> bool:
    """Whether a column names the person who wrote or said the statement."""
    return person_role(header) in (AUTHOR, NICKNAME)


def is_other_person_column(header: str) -> bool:
    """Whether a column names another person than the author (assignee, moderator, …)."""
    return person_role(header) == OTHER


def is_staff_column(header: str) -> bool:
    """Whether a column is named by what a workshop's staff does ("Moderation", "Leitung",
    "Gesprächsführung", "Workshopleitung"; not "Moderationsstatus")."""
    words = [w for w in header_words(header) if w not in _FILLERS]
    return len(words) == 1 and (words[0] in _STAFF_ACTIVITIES or words[0].endswith("leitung"))


def is_role_column(header: str) -> bool:
    """Whether a column or variable names someone with a role at the event who is not the
    author: another person ("Moderator*in", "Interviewt von") or the staff's activity."""
    return is_other_person_column(header) or is_staff_column(header)


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
    """Whether a column holds contact data (e-mail, phone, postal address, …)."""
    key = header_key(header)
    if key in CONTACT_HEADERS:
        return True
    short = len(str(header).split()) <= 4 and key not in NOT_CONTACT
    return short and (key.endswith(tuple(CONTACT_ENDINGS)) or key.startswith(CONTACT_STARTS))


def is_location(header: str, value: Any = None) -> bool:
    """Whether a column holds exact coordinates (by its header), or ``value`` is one.

    >>> is_location("_standort_latitude"), is_location("standort", "51.0303 6.9843 52 4.5")
    (True, True)
    """
    key, full = header_key(header), re.sub(r"[^a-z]", "", fold(str(header)))
    if key in LOCATION_HEADERS or any(k.endswith(tuple(LOCATION_ENDINGS)) for k in (key, full)):
        return True  # ``full`` keeps a bracket: adhocracy4's "Location (Longitude)"
    if header_words(header)[-1:] in (["lat"], ["lon"], ["lng"]):  # "Location.lat", "geo_lng"
        return True
    text = value.strip() if isinstance(value, str) else ""
    return bool(text) and (_GEOPOINT.match(text) or GEOJSON_POINT.match(text)) is not None


def is_account_id(header: str, value: Any) -> bool:
    """Whether a person's ID ("User ID", "Benutzer-ID", "author/id") is an account's name
    ("anna.brandt"), not a number, UUID or hash.

    >>> is_account_id("Benutzer-ID", "anna.brandt"), is_account_id("author/id", "4711")
    (True, False)
    """
    text = value.strip() if isinstance(value, str) else None
    return _person_id(header) is not None and text is not None and not _PSEUDONYMOUS_ID.match(text)


def _person_id(header: str) -> str | None:
    """Whose ID a column is ("User ID", "author/id": "user", "author"), or None."""
    words = [w for w in header_words(header) if w not in _FILLERS]
    if len(words) == 1 and words[0].endswith("id"):  # "userid"
        words = [words[0][:-2], "id"]
    if len(words) != 2 or words[1] not in ("id", "kennung"):
        return None
    return words[0] if _word_kind(words[0]) in (AUTHOR, NICKNAME) else None


def is_account_number(header: str, value: Any) -> bool:
    """Whether a column is the author's account number ("author/id": 77): not stored beside
    a name (the pseudonym tells the persons apart; the number points at the account).

    >>> is_account_number("author/id", 77), is_account_number("author/id", "anna.b")
    (True, False)
    >>> is_account_number("User ID", "4711"), is_account_number("Teilnehmer-ID", 12)
    (True, False)
    """
    number = isinstance(value, int) or bool(_PSEUDONYMOUS_ID.match(str(value).strip()))
    return _person_id(header) in _ACCOUNT_OWNERS and number and not isinstance(value, bool)


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
    """Whether a column holds free text (title, comment, description, an answer, the
    moderation's feedback, …)."""
    if header_key(header).startswith(tuple(PROSE_PREFIXES)):
        return True
    words = header_words(header)
    return "moderation" in words or any(
        w.endswith(p) for w in words for p in PROSE_WORDS if p != "moderation"
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


def person_placeholder(pseudonymiser: Pseudonymiser, name: str, names: Sequence[str]) -> str:
    """The placeholder of the person ``name`` (whatever it looks like, never in clear)."""
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
    there is one), or ``organisation`` in clear when they name one; contact columns,
    exact coordinates, accounts' names and columns of other people (assignee, moderator,
    reviewer, supporters) are dropped;
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
    elif who is not None:
        out.setdefault("speaker", person_placeholder(pseudonymiser, who, names))
    return out
