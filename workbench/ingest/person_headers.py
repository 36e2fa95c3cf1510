"""Which person a column's header names: the statement's author, another person — or none.

Split from :mod:`workbench.ingest.personal_columns` (which says what is stored of such a
column). A header is a person column by its words (:func:`person_role`), not by a list of
whole headers: it needs a person word (``autor``, ``verfasser``, ``teilnehmer``,
``moderator``, ``assignee``, …, also as the head of a compound: "Beitragsautor",
"Sachbearbeiterin"), a name (``Name``, ``Vorname``, a compound whose first part is a person
or a part of a name: "Autorenname", "Benutzername" — not "Projektname", "Dateiname",
"Straßenname") or a participle with "von"/"by" ("Eingereicht von", "Posted by"), and no
other word than articles, possessives and such ("Name des Autors", "Ihr Name", "Author's
name"), or the contribution after a person ("Autor*in des Vorschlags", "Author of the
proposal"); "Name des Projekts" is no person column, nor "Anzahl Teilnehmende" nor "Autor-ID".
Who submitted, reported or commented is the row's author too ("Antragsteller*in", "Meldende
Person", "Gemeldet von", "Autor*in des Kommentars", "Proposal author"); a header about that
person ("Antwort an die Antragstellerin", "Status der Meldung") stays text or an attribute.
Gender marks are one word ("Moderator*in", "Bewerter:innen", "AutorInnen"). Headers are
compared without case, accents, punctuation and a trailing remark in brackets ("Name
(freiwillig)" is ``name``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.core.word_caches import word_cache
from workbench.ingest.name_gazetteer import fold

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
LANGUAGE_SUFFIXES = frozenset("de en fr tr ar ru uk pl it es nl pt fa ku".split())
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


def header_key(header: str) -> str:
    """A header without case, accents, punctuation and a bracketed remark."""
    return _header_key(str(header))


@word_cache
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
    "ansprechpartner ansprechperson kontaktperson "
    "antragsteller ideengeber hinweisgeber initiator applicant"  # who submitted or reported
) | {"person"}  # not "Personen": a count
# … only as a word of its own, never the head of a compound ("Rauchmelder", "kompetent")
_AUTHOR_WHOLE_WORDS = _forms("melder petent reporter") | frozenset(("meldende", "meldender"))
_OTHER_WORDS = _forms(
    "moderator administrator admin bewerter gutachter begutachter prufer pruefer reviewer "
    "assignee "
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
# :func:`~workbench.ingest.personal_columns.names_staff` — or the staff's text (a prose
# column: "Moderation" with an answer).
_STAFF_ACTIVITIES = frozenset(
    "moderation moderiertvon leitung gesprachsfuhrung gespraechsfuehrung protokoll "
    "protokollfuhrung protokollfuehrung durchfuhrung durchfuehrung begleitung transkription "
    "interview interviewfuhrung interviewfuehrung facilitation".split()
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
    "lastname surname givenname vollername klarname realname geburtsname heissen heisst "
    "zuname zunamen".split()
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
    zugewiesene zugewiesener zugewiesenen assigned
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
    gemeldet beantragt vorgeschlagen angeregt reported proposed suggested requested
    """.split()
)
_PARTICIPLE = re.compile(
    r"^(?:[a-z]{0,6}ge[a-z]{2,}(?:t|en)|(?:be|ver|er|ent|zer|emp)[a-z]{2,}t|[a-z]{3,}iert|"
    r"[a-z]{3,}ed|interviewt|written|sent|done|made)$"
)
_ASSIGNED = frozenset("zugewiesen zugeordnet weitergeleitet delegiert assigned delegated".split())
# … also inside a compound name ("Benutzer*innenname des/der Verfasser*in": Consul's author)
_GENDER_MARK = re.compile(
    r"(?<=[^\W\d_])(?:/-|[*:_/·|])(?=(?:in|innen)\b|innen(?:name|namen)\b)|(?<=e)[/*:_](?=r\b)",
    re.IGNORECASE,
)  # "Autor/-in" too, and "Meldende/r", "Meldende:r", "Teilnehmende*r"
# The contribution a person column's genitive names ("Autor*in des Vorschlags", "Verfasser/in
# der Idee", "Author of the proposal", "Bearbeiter*in des Vorschlags"): a word beside the
# person, as an article. Without a person before it ("Name des Vorschlags", "Titel der
# Idee", "Vorschlag angenommen") no person column.
_CONTRIBUTIONS = frozenset(
    """
    vorschlag vorschlags vorschlages vorschlage idee ideen beitrag beitrags beitrages eintrag
    eintrags eintrages initiative antrag antrags antrages anliegen anliegens eingabe meldung
    petition proposal proposals idea ideas contribution submission post entry debatte debate
    """.split()
)
# A comment in the genitive after its author ("Autor*in des Kommentars", "Author of the
# comment"): a comments export's row IS the comment, so this is the row's author. Written as
# a compound or before the person ("Kommentarautor", "Comment author") it stays another
# person, as a reply's author ("Autor*in der Antwort").
_COMMENTS = frozenset("kommentar kommentars kommentares comment".split())
_OF = frozenset(("des", "der", "of", "the"))
# "Name der einreichenden Person": who submitted the contribution, its author (not the
# noun "Einreicher*in": a form's enumerator)
_AUTHOR_ADJECTIVES = frozenset(
    "einreichende einreichenden vorschlagende vorschlagenden antragstellende antragstellenden "
    "meldende meldenden".split()
)
# A bracketed remark that says an author column holds a channel, a count or a date ("Gemeldet
# von (Kanal)": "App", "Telefon"; "Eingereicht durch (Datum)"): no name, no person column.
_VALUE_REMARKS = frozenset(
    "kanal kanale kanaele channel channels anzahl zahl count number datum date".split()
)
_REMARK = re.compile(r"[(\[](.*?)[)\]]")
_CAMEL = re.compile(r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])(?!In)")


def header_words(header: str) -> list[str]:
    """A header's words, folded, gender marks joined, without a bracketed remark or a
    trailing language ("Moderator*in (intern)" → ``["moderatorin"]``)."""
    return list(_header_words(str(header)))


@word_cache
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
    if word in _AUTHOR_WORDS or word in _AUTHOR_WHOLE_WORDS:
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


@word_cache
@lru_cache(maxsize=4096)  # asked for every column of every row
def person_role(header: str) -> str | None:
    """Whether a column names a person: AUTHOR (the statement's), NICKNAME (its author by
    a user name), OTHER (another person: assignee, moderator, reviewer, interviewer, who
    answered) — or None.

    A survey tool's meta column (its raw header starts with "_", as KoBoToolbox's
    ``_submitted_by``, ``_id``, ``_uuid``) that names a person names the account that
    entered the form — the enumerator, not the respondent: OTHER, never the author. A
    platform's "Submitted by" (no underscore) is the author of the contribution. An author
    column whose remark says it holds channels, counts or dates ("Gemeldet von (Kanal)":
    "App", "Telefon") names no person.
    """
    role = _role_by_words(header)
    if role in (AUTHOR, NICKNAME) and str(header).lstrip().startswith("_"):
        return OTHER
    if role in (AUTHOR, NICKNAME) and _remark_names_a_value(str(header)):
        return None
    return role


def _remark_names_a_value(header: str) -> bool:
    """Whether a header's bracketed remark says its values are channels, counts or dates
    ("Gemeldet von (Kanal)", "Reported by (channel)"; not "Name (freiwillig)")."""
    words = re.findall(r"[a-z]+", fold(" ".join(_REMARK.findall(header))))
    return bool(words) and all(word in _VALUE_REMARKS for word in words)


def _role_by_words(header: str) -> str | None:
    """:func:`person_role` by the header's words alone."""
    words = header_words(header)
    for i in range(len(words) - 1, 0, -1):  # "User name", "First name": one word
        if words[i] in ("name", "namen") and _word_kind(words[i - 1] + words[i]) in (
            "name",
            NICKNAME,
        ):
            words[i - 1 : i + 1] = [words[i - 1] + words[i]]
    if 2 <= len(words) <= 4 and words[-1] == "durch" and words[-2] in _AUTHOR_VERBS:
        return AUTHOR  # "Eingereicht durch"
    if 2 <= len(words) <= 4 and words[-1] in _BY:
        if words[-2] in _AUTHOR_VERBS:
            return AUTHOR
        if _PARTICIPLE.match(words[-2]) or words[-2] in _RESPONSE_WORDS:
            return OTHER  # "Kommentiert von", "Antwort von"
    if 2 <= len(words) <= 4 and words[-2] in _ASSIGNED and words[-1] in ("an", "to", "zu"):
        return OTHER
    kinds = _genitive_fillers(words, [_word_kind(w) for w in words])
    if not words or None in kinds or not {AUTHOR, OTHER, NICKNAME, "name"} & set(kinds):
        return AUTHOR if header_key(header) in PERSON_HEADERS else None
    if OTHER in kinds or "response" in kinds:  # not "Moderator feedback": the text itself
        text = kinds[-1] == "response" and AUTHOR not in kinds and is_prose_column(header)
        return None if text else OTHER
    return NICKNAME if NICKNAME in kinds and "name" not in kinds else AUTHOR


def _genitive_fillers(words: list[str], kinds: list[str | None]) -> list[str | None]:
    """``kinds`` with the contribution after a person ("des Vorschlags", "of the proposal")
    and the participle before "Person" ("einreichenden Person") as fillers — not in a
    response's header ("Kommentar des Autors des Vorschlags", "Antwort der Autorin der
    Idee": the text someone wrote, a prose column as before)."""
    out = list(kinds)
    response = "response" in kinds
    for i, word in enumerate(words):
        if word in _AUTHOR_ADJECTIVES and words[i + 1 : i + 2] == ["person"]:
            out[i] = "filler"
        person = {AUTHOR, OTHER, NICKNAME} & set(out[:i])
        genitive = bool(i) and words[i - 1] in _OF and bool(person)
        if word in _CONTRIBUTIONS and genitive and not response:
            out[i] = "filler"
        replies = [k for j, k in enumerate(out) if k == "response" and j != i]
        if word in _COMMENTS and genitive and AUTHOR in out[:i] and not replies:
            out[i] = "filler"  # "Autor*in des Kommentars"
        if word in _CONTRIBUTIONS and not i and kinds[1:] == [AUTHOR]:
            out[i] = "filler"  # "Proposal author", "Debate author"
    return out


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


@word_cache
@lru_cache(maxsize=4096)  # asked twice for every column of every row (0.5 ms each)
def person_id_owner(header: str) -> str | None:
    """Whose ID a column is ("User ID", "author/id": "user", "author"), or None."""
    words = [w for w in header_words(header) if w not in _FILLERS]
    if len(words) == 1 and words[0].endswith("id"):  # "userid"
        words = [words[0][:-2], "id"]
    if len(words) != 2 or words[1] not in ("id", "kennung"):
        return None
    return words[0] if _word_kind(words[0]) in (AUTHOR, NICKNAME) else None


def is_prose_column(header: str) -> bool:
    """Whether a column holds free text (title, comment, description, an answer, the
    moderation's feedback, …)."""
    if header_key(header).startswith(tuple(PROSE_PREFIXES)):
        return True
    words = header_words(header)
    return "moderation" in words or any(
        w.endswith(p) for w in words for p in PROSE_WORDS if p != "moderation"
    )
