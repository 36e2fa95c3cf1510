"""What frames a transcript's turns: its header and the tools' notices (pure).

Transcription tools write lines that are no one's words, and these are no statements:

* notices (:func:`notice`), wherever they stand: Teams' ``Anna Schmidt hat die
  Transkription beendet`` / ``… started transcription`` (the person goes onto the name
  list), Google Meet's ``Das Meeting wurde nach 00:07:12 beendet 👋`` and its disclaimer
  ``Dieses bearbeitbare Transkript wurde mithilfe von Computersoftware erstellt …``,
  the services' banners (Otter's ``Transcribed by https://otter.ai``, TurboScribe's
  ``(Transkribiert von TurboScribe.ai. …)``, ``Powered by Amberscript``), Jitsi's
  ``Transcript of conference held at …`` and ``End of transcript at …``, noScribe's
  ``Transkribiert mit noScribe Vers. …`` with the line of the audio file
  (``Audiodatei: C:/Users/…``) and of its options;
* the header before the first turn (:func:`read_header`): a list of participants —
  ``Teilnehmende: Anna Schmidt, Ben Berg`` on one line, or a line ``Teilnehmer``,
  ``Attendees``, ``SPEAKERS`` with the names on the next line (Google Meet, Otter) —
  whose names go onto the name list (pseudonymised wherever they occur; role labels such
  as "Speaker 2" left out); keywords (Otter's ``SUMMARY KEYWORDS`` and the line below);
  the word ``Transkript``; a recording's length (``1 Std. 2 Min. 15 Sek.``) and a line of
  date and time (``12. März 2021, 06:02PM``: the date is the document's date, as is a
  date in the title); the details of a transcript's head (:func:`head_line`: ``Datum:``
  is the document's date, ``Transkription:`` names a person for the name list, as does
  ``Moderation: Frau Schmidt``; ``Workshop:`` and ``Sozialraum:`` name the workshop and
  district as in a protocol (a sentence after them is said); ``Ort:``, ``Dauer:``,
  ``Beginn: 18 Uhr``, ``Teilnehmende: 12 Personen`` are not kept); BigBlueButton's
  welcome message over a saved chat (``system:``, ``[18:00] Willkommen bei …!``, a line
  with HTML or BigBlueButton) and the lines below it. What is left is the title, its lines
  joined by " – ".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from workbench.core.domain import InputError
from workbench.ingest.chat_events import CHAT_EVENTS, event_person, told
from workbench.ingest.common import normalise_date
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_lists import REACTIONS, TITLES
from workbench.ingest.noun_lexicon import is_german_noun
from workbench.ingest.protocol_meta import (
    META_KEYS,
    describes_group,
    detail_key,
    is_names_line,
    is_people_line,
    people_in,
    said_after_key,
)
from workbench.ingest.speaker_labels import is_role

_PARTICIPANTS = (
    r"(?:teilnehmende|teilnehmer(?:\*innen|:innen|innen)?|participants|attendees|anwesende?|"
    r"speakers|sprecher(?:\*innen|:innen)?|sprechende)"
)
_LIST_HEAD = re.compile(rf"^\s*{_PARTICIPANTS}\s*:?\s*$", re.I)
# Jitsi's transcriber (Jigasi): "Initial people present at 09:00:03:", a name per line below
_PRESENT = re.compile(r"^\s*Initial people present (?:at|on)\b.*:\s*$", re.I)
# BigBlueButton's welcome message over a saved chat ("system:", "[18:00] Willkommen bei …!",
# "Willkommen bei <b>…</b>!<br>…", "[18:00] Welcome to …", "Dieser Server verwendet
# BigBlueButton."): no title; the lines after it up to the first message are the rest of
# it. A welcome typed as a transcript's title ("Willkommen zum Stadtteilforum") is none.
_WELCOME = re.compile(
    r"^\s*(?:system\s*:\s*$|\[\d{1,2}:\d{2}(?::\d{2})?\]\s*"  # BBB 2.x stamps it like a message
    r"(?:herzlich\s+)?(?:willkommen\s+(?:bei|zu[mr]?|im|in)\b|welcome\s+to\b)"
    r"|.*\bBigBlueButton\b|.*<br\s*/?>)",
    re.I,
)
_LIST_LINE = re.compile(rf"^\s*{_PARTICIPANTS}\s*:\s*(?P<names>\S.*)$", re.I)
_KEYWORDS = re.compile(
    r"^\s*(?:(?:summary\s+)?keywords|schlüsselwörter|schlagwörter|stichwörter)\s*:?\s*$", re.I
)
_TRANSCRIPT_WORD = re.compile(r"^\s*(?:transkript|transcript|transkription)\s*:?\s*$", re.I)
_DURATION = re.compile(
    r"^\s*(?:\d+\s*(?:std|stunden?|h|hrs?|hours?|min|minuten?|m|mins?|minutes?|sek|sekunden?"
    r"|s|secs?|seconds?)\.?\s*)+$",
    re.I,
)
# A line of date and time only: digits, separators, month and weekday names, AM/PM, Uhr.
_DATE_WORDS = (
    r"jan|januar|january|feb|februar|february|mär|märz|mar|march|apr|april|mai|may|jun|juni|"
    r"june|jul|juli|july|aug|august|sep|sept|september|okt|oktober|oct|october|nov|november|"
    r"dez|dezember|dec|december|mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|"
    r"freitag|samstag|sonntag|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|am|pm|uhr|gmt|utc|mez|mesz|cet|cest"
)
_DATE_LINE = re.compile(
    rf"^(?=.*\d)(?:[\d\s.,:/•·|+()–-]|(?:{_DATE_WORDS})\b\.?|\d+(?:am|pm)\b)+$", re.I
)
# Also in a file name as title ("interview_2024-03-12", noScribe's title is the audio's)
_DATES = (
    re.compile(r"(?<![\d.-])\d{4}-\d{2}-\d{2}(?![\d.-])"),
    re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{2,4}(?![\d.])"),
    re.compile(r"\b\d{1,2}\.\s?[^\W\d_]{3,9}\.?\s+\d{4}\b"),
)
# A transcription service's line under or above its export: Otter's "Transcribed by
# https://otter.ai", TurboScribe's "(Transkribiert von TurboScribe.ai. Upgrade auf
# Unbegrenzt, um diese Nachricht zu entfernen.)", "Powered by Amberscript"
_SERVICES = (
    r"(?:otter|turboscribe|amberscript|sonix|trint|happy\s?scribe|descript|transkriptor|"
    r"tactiq|fireflies|notta|good\s?tape|rev\.com|temi\.com)"
)
SERVICE_BANNER = re.compile(
    r"^(?P<open>\()?\s*(?:Transcribed|Transkribiert|Transcript(?:ion)?\s+(?:generated|created)|"
    r"Transkript\s+erstellt|Powered|Created|Generated|Made|Erstellt|Generiert)\s+"
    rf"(?:by|with|using|von|mit|durch)\s+(?:https?://)?(?:www\.|app\.)?{_SERVICES}"
    r"(?:\.(?:ai|com|io|de|app))?(?![\w-])[^()]{0,80}(?(open)\))\s*$",
    re.I,
)
# TurboScribe writes its banners into a subtitle's or paragraph's text too: "(Transcribed by
# TurboScribe.ai. Go Unlimited to remove this message.) Hallo …", "(This file is longer
# than 30 minutes. Go Unlimited at TurboScribe.ai to transcribe files up to 10 hours long.)"
# The banner's own words must be there: "(statt otter.ai oder fireflies.ai)" is a statement's.
_BANNER_IN_TEXT = re.compile(
    r"\s*\((?=[^()]{0,200}(?:transcribed\s+by|transkribiert\s+(?:von|mit)|unlimited|unbegrenzt))"
    r"[^()]{0,200}\b(?:turboscribe|otter|sonix|happyscribe|notta|tactiq|fireflies)"
    r"\.(?:ai|com|io)\b[^()]{0,200}\)\s*",
    re.I,
)
_NOTICES = (
    re.compile(
        r"^(?P<who>\S.{0,80}?)\s+(?:hat\s+die\s+Transkription\s+(?:beendet|gestartet|angehalten"
        r"|gestoppt)|(?:started|stopped|ended|paused)\s+(?:the\s+)?transcription)\W*$",
        re.I,
    ),
    re.compile(r"^Das Meeting wurde nach [\d:]+ beendet\W*$", re.I),
    re.compile(r"^Meeting ended after [\d:]+\W*$", re.I),
    # Google Meet's last line, when transcription stopped before the meeting ended
    re.compile(r"^(?:Die )?Transkription wurde nach [\d:]+ beendet\W*$", re.I),
    re.compile(r"^Transcription ended after [\d:]+\W*$", re.I),
    re.compile(r"^(?:Dieses bearbeitbare Transkript wurde|This editable transcript was)\b", re.I),
    re.compile(r"^Transcript of conference held (?:at|on)\b", re.I),
    # BigBlueButton's saved chat, when a moderator cleared it (stamped, no sender)
    re.compile(
        r"^\[\d{1,2}:\d{2}\]\s*(?:Der öffentliche Chatverlauf wurde (?:durch|von) eine[mn] "
        r"Moderator(?:in)? gelöscht|The public chat history was cleared by a moderator)\W*$",
        re.I,
    ),
    re.compile(r"^End of transcript (?:at|on)\b", re.I),
    # Jitsi's transcriber (Jigasi): "Transcript, started at 09:00:03:", the rule of "_"
    # around the turns, "<09:00:20> Peter Krause joined the conference" ("left the
    # conference", "raised their hand")
    re.compile(r"^Transcript,? started (?:at|on)\b", re.I),
    # aTrain's first line names its file id, made of the audio file's name
    re.compile(r"^Transcription for \d{6}-\S+$"),
    re.compile(r"^_{10,}$"),
    re.compile(
        r"^<[^<>]{1,16}>\s+(?P<who>\S.{0,80}?)\s+(?:(?:joined|left)\s+the\s+conference"
        r"|raised\s+(?:their|his|her)\s+hand)$",
        re.I,
    ),
    # noScribe's head: "Transkribiert mit noScribe Vers. 0.6.2", the audio file's path (it
    # holds the account's name: "C:/Users/kerstin.wagner/…") and its options in parentheses
    re.compile(r"^(?:Transkribiert|Transcribed|Transcrit|Transcrito)\s+\w+\s+noScribe\b", re.I),
    re.compile(r"^(?:Audiodatei|Audio\s?file|Fichier\s+audio|Archivo\s+de\s+audio)\s*:\s*\S", re.I),
    re.compile(r"^\((?:Start|Stop|Sprache|Language)\b.*\|.*\)$"),
)


def is_service_banner(line: str) -> bool:
    """Whether a line is a transcription service's banner, no one's words.

    >>> is_service_banner("Powered by Amberscript"), is_service_banner("Transkription: Anna")
    (True, False)
    """
    line = line.strip()
    return SERVICE_BANNER.match(line) is not None or bool(line and not without_banner(line))


def without_banner(text: str) -> str:
    """The text without the banners a service wrote into it (TurboScribe's "(Transcribed
    by TurboScribe.ai. …)"), unchanged where there is none.

    >>> without_banner("(Transcribed by TurboScribe.ai. Go Unlimited.) Hallo zusammen.")
    'Hallo zusammen.'
    """
    if "(" not in text or _BANNER_IN_TEXT.search(text) is None:
        return text
    return _BANNER_IN_TEXT.sub(" ", text).strip()


def notice(line: str, below_sender: bool = False) -> tuple[str, ...] | None:
    """The people a tool's notice names (``()`` for none), or None for any other line
    (``below_sender``: right below a sender's line an app's event is the sender's message).

    >>> notice("Anna Schmidt hat die Transkription beendet"), notice("Danke, Anna.")
    (('Anna Schmidt',), None)
    >>> notice("Transcribed by https://otter.ai")
    ()
    """
    text = line.strip()
    if is_service_banner(text):
        return ()
    for pattern in (*_NOTICES, *(() if below_sender else CHAT_EVENTS)):
        match = pattern.match(text)
        if match:
            named = [who for key in ("who", "whom", "whom2") if (who := match.groupdict().get(key))]
            if pattern in CHAT_EVENTS and any(told(who) for who in named):
                return None  # "Sie hat die Besprechung verlassen.": a message's line
            people = (event_person(who) for who in named if not is_role(who))
            return tuple(person for person in people if person)
    return None


# A transcript's head as transcription rules ask for it (Dresing/Pehl): "Datum: 14.04.2021",
# "Ort: …", "Dauer: 00:42:13", "Transkription: Max Mustermann" — no one speaks there
_OF_INTERVIEW = r"(?:\s+de[rs]\s+(?:interviews?|gesprächs|aufnahme|aufzeichnung))?"
_HEAD_LINE = re.compile(
    rf"^\s*(?P<key>(?:interview|aufnahme|gesprächs)?datum{_OF_INTERVIEW}|date|"
    rf"ort{_OF_INTERVIEW}|location|dauer{_OF_INTERVIEW}|länge|laenge|aufnahmedauer|"
    r"interviewdauer|gesprächsdauer|duration|uhrzeit|zeit|transkription|transkribiert(?:\s+von)?|"
    r"transkriptor(?:in)?|transkribent(?:in)?|transcribed\s+by|interview-?nr\.?|"
    r"interviewnummer|aufnahme|projekt|befragte\s+person|interviewte\s+person|"
    r"interviewer(?:in)?|interviewt\s+von|interview\s+geführt\s+von|interviewführung)"
    r"\s*:\s*(?P<value>\S.*)$",
    re.I,
)
# who transcribed or interviewed: names to pseudonymise ("Interviewerin: Kerstin Wagner"; the
# interviewer's key is the head's only with names — "Interviewerin: Wie war das?" speaks)
_EVENT_KEYS = ("workshop", "district", "format")  # the event's details, as in a protocol


def _event_key(line: str) -> str | None:
    """The event's detail a head line gives ("Workshop: Quartiersworkshop", "Sozialraum:
    Opladen"), or None: a sentence after the key is said ("Format: leider nur digital,
    viele Ältere konnten nicht teilnehmen.", "Workshop: Ich fand ihn toll, danke!")."""
    key = detail_key(line)
    if key not in _EVENT_KEYS or said_after_key(line):
        return None
    value = line.partition(":")[2].strip(" *_\t")
    said = len(value.split()) >= 3 and _SAID_END.search(value) is not None
    return None if said else key


_SAID_END = re.compile(r"[a-zäöüß][.!…]+[\"'“”»«]*$")  # not "e.V.", "… leben?"
_NAMES_KEYS = ("transkri", "transcribed", "interviewer", "interviewt von", "interview geführt",
               "interviewführung")  # fmt: skip


def frame_heading(line: str) -> bool:
    """Whether a heading belongs to a transcript's frame, not to a protocol: "Teilnehmer",
    "Attendees", "Transkript" (the headings of Google Meet's transcript document)."""
    return bool(_LIST_HEAD.match(line) or _TRANSCRIPT_WORD.match(line))


def head_line(line: str) -> bool:
    """Whether a line before a transcript's first turn is a detail of its head
    ("Datum: 14.04.2021", "Dauer: 00:42:13", "Transkription: Max Mustermann",
    "Interviewerin: Kerstin Wagner", "Befragte Person: Quartiersmanagerin").

    >>> head_line("Datum: 14.04.2021"), head_line("I: Wie war das?")
    (True, False)
    >>> head_line("Interviewerin: Kerstin Wagner"), head_line("Interviewerin: Wie war das?")
    (True, False)
    """
    if _PRESENT.match(line) or names_detail(line) is not None:  # Jigasi's "Initial people …"
        return True
    if _COUNT_LINE.match(line) or _START_LINE.match(line) or _event_key(line):  # "Workshop: …"
        return True
    match = _HEAD_LINE.match(line)
    if match is None:
        return False
    key = match["key"].casefold()
    return not key.startswith(("interviewer", "interviewt von")) or _is_name_list(match["value"])


def names_detail(line: str) -> tuple[str, ...] | None:
    """The people of a header line "Protokoll: Anna Schmidt", "Moderation: Ben Berg" (a
    protocol's detail naming people, each by two words or more), or None for any other line
    ("Moderation: Herzlich willkommen." speaks).

    >>> names_detail("Protokoll: Bernd Kowalczyk"), names_detail("Moderation: Hallo")
    (('Bernd Kowalczyk',), None)
    >>> names_detail("Moderation: Hr. Yilmaz, Protokoll: Fr. Nowak")
    ('Yilmaz', 'Nowak')
    """
    if detail_key(line) != "names":
        return None
    parts = _NEXT_NAMES.split(line)
    if len(parts) > 1:  # "Moderation: Hr. Yilmaz, Protokoll: Fr. Nowak"
        found = [
            ()
            if _COUNT_LINE.match(part)  # "Teilnehmende: 12 Personen, Moderation: …"
            else participants_line(part)
            if _LIST_LINE.match(part)
            else names_detail(part)
            for part in parts
        ]
        return None if None in found else tuple(n for f in found for n in f or ())
    if _LIST_LINE.match(line):
        return None
    value = line.partition(":")[2].strip(" *_\t")
    if not (_is_name_list(value) and is_people_line(value)):
        return None
    names = tuple(n for n in people_in(value) if not is_role(n))
    # "Moderation: Frau Schmidt": a surname after a form of address is a person too
    addressed = {
        fold(after.strip(" ,;.:"))
        for before, after in pairwise(value.split())
        if fold(before.strip(",;")) in TITLES
    }
    if len(names) == 1 and " " not in names[0] and fold(names[0]) in _SAID_WORDS:
        return None  # "Moderation: Prima", "Moderation: Gut": the moderator speaks
    if len(names) == 1 and (_known_name(names[0]) or gazetteer().has_last(names[0])):
        return names  # "Moderation: Schmidt", "Moderation: Anna", "Moderation: Müller"
    return (
        names if names and all(len(n.split()) > 1 or fold(n) in addressed for n in names) else None
    )


# Where a header line names the next people ("…, Protokoll: Fr. Nowak")
_NEXT_NAMES = re.compile(
    r"\s*[,;|·•–—]\s*(?=(?:"
    + "|".join(
        re.escape(k)
        for k, v in sorted(META_KEYS.items(), key=lambda kv: -len(kv[0]))
        if v == "names"
    )
    + r")\s*:)",
    re.I,
)


# Words a moderator says alone that are surnames or first names too ("Prima", "Gut")
_SAID_WORDS = REACTIONS | frozenset("gut schon klar fein".split())


def _known_name(name: str) -> bool:
    """Whether one word is a first name, or a surname that is no German noun ("Schmidt",
    "Yilmaz"; not "Sommer", "Gut")."""
    names = gazetteer()
    return names.has_first(name) or (names.has_last(name) and not is_german_noun(fold(name)))


# "Beginn: 18 Uhr", "Ende: 20.30 Uhr", "Start: 18:00 – 20:00": when the meeting ran, not kept
_CLOCK = r"\d{1,2}(?:[:.]\d{2})?\s*(?:uhr|h)?"
_START_LINE = re.compile(
    rf"^\s*(?:beginn|ende|start|schluss)\s*:\s*(?:ca\.\s*)?{_CLOCK}(?:\s*[-–—]\s*{_CLOCK})?\s*$",
    re.I,
)


# "Teilnehmende: 12 Personen", "Anwesend: ca. 15": how many came, no one's name; the
# number alone or before who came ("3 Sachen fallen mir ein", "2 Kinder habe ich" speak)
_COUNT_LINE = re.compile(
    rf"^\s*{_PARTICIPANTS}\s*:\s*(?:ca\.|circa|etwa|rund|ungefähr|über|mehr\s+als|knapp)?\s*"
    r"\d{1,4}\s*(?:$|[,;(/+|]|(?:personen|pers\.|teilnehm|leute|menschen|bewohner|anwohner|"
    r"fachkr|erwachsene|gäste|vertreter|mitglieder|interessierte|bürger|nachbar|jugendliche|"
    r"frauen|männer|senior))"
    r"(?!.*[.!?…]\s*$).*$",  # "ca. 12 Personen (davon 3 online)"; "3 Sachen …." speaks
    re.I,
)


_ITEM = re.compile(r"^\s*(?:[-*•–·▪]|\d{1,2}[.)])\s+(?P<text>\S.*)$")


def _listed(line: str) -> tuple[str, ...] | None:
    """The names of a line in the list under a bare "Teilnehmer:" (one per line, also as a
    list item "- Anna Schmidt"), read as in a protocol's list; None for a line that is none
    (the title after the list, "Transkript", a date, a detail of the head)."""
    item = _ITEM.match(line)
    text = item["text"] if item else line
    if any(p.match(text) for p in (_TRANSCRIPT_WORD, _KEYWORDS, _LIST_HEAD, _PRESENT)):
        return None
    if describes_group(text):  # "Vertreter*innen der Träger" among them: no one's name
        return split_list(text)
    if head_line(text) or not _is_name_list(text):
        return None
    if not (is_names_line(text) if item else is_people_line(text)):
        return None
    return tuple(n for n in people_in(text) if not is_role(n))


def split_list(value: str) -> tuple[str, ...]:
    """The names of a list of participants, role labels ("Speaker 2") left out; of a list
    that names a group ("Nachbarschaft, Vertreter*innen der Träger"), as in a protocol,
    only the people it surely names (the group is no one's name).

    >>> split_list("Anna Schmidt, Speaker 2"), split_list("Vertreter*innen der Träger")
    (('Anna Schmidt',), ())
    """
    if describes_group(value):
        return tuple(n for n in people_in(value) if not is_role(n))
    parts = (" ".join(p.split()) for p in re.split(r"[,;]|\s+(?:und|and|&)\s+", value))
    return tuple(p for p in parts if p and not is_role(p))


# A participant named by a dial-in number (also masked: "+49 171 ***-**-78") or an address.
_CONTACT = re.compile(r"(?:\+|0)[\d*][\d* /().-]{4,24}[\d*]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _is_name_list(value: str) -> bool:
    """Whether a line is a list of names: short entries, no sentence, no digits (but
    participants named by a phone number or e-mail address among them)."""
    bare = re.sub(r"\([^()]*\)", " ", value)
    parts = [p.strip() for p in re.split(r"[,;]|\s+(?:und|and|&)\s+", bare) if p.strip()]
    # "Speaker 2" among Otter's speakers; a dial-in or a guest's address among Meet's
    parts = [p for p in parts if not is_role(p) and not _CONTACT.fullmatch(p)]
    return bool(parts) and all(
        len(p.split()) <= 4
        and not re.search(r"[\d@:!?]|[.…]$", p)
        and all(w[0].isupper() or w in _PARTICLES for w in p.split())
        for p in parts
    )


_PARTICLES = {"von", "van", "vom", "zu", "zur", "de", "der", "den", "di", "da", "del", "la", "le"}


def participants_line(line: str) -> tuple[str, ...] | None:
    """The names of a line ``Teilnehmende: Anna Schmidt, Ben Berg`` (also "Teilnehmer",
    "Attendees", "Participants", "Anwesend"), or None for any other line."""
    match = _LIST_LINE.match(line)
    if match is None or not _is_name_list(match["names"]):
        return None
    return split_list(match["names"])


@dataclass
class Header:
    """A transcript's header: title lines, names of its participants, its date."""

    title: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    date: str | None = None
    workshop: str | None = None  # "Workshop: Quartiersworkshop"
    district: str | None = None  # "Sozialraum: Opladen", "Stadtteil: …"

    @property
    def title_lines(self) -> list[str]:
        """The lines of the title (the bare word "Transkript" only if alone)."""
        return [t for t in self.title if not _TRANSCRIPT_WORD.match(t)] or self.title

    @property
    def title_text(self) -> str | None:
        """The title lines joined by " – "."""
        return " – ".join(self.title_lines) or None


# Teams and Zoom in English: "March 12, 2024, 6:02PM", "Mar 12, 2024", "12 March 2024"
_ENGLISH_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_ENGLISH_DATES = (
    re.compile(r"\b(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b"),
    re.compile(r"\b(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})\b"),
)


def _english_date(line: str) -> str | None:
    """The ISO date of an English "March 12, 2024" or "12 March 2024" in a line, or None."""
    for pattern in _ENGLISH_DATES:
        for found in pattern.finditer(line):
            month = _ENGLISH_MONTHS.get(found["month"].lower())
            if month is None:
                continue
            try:
                return date(int(found["year"]), month, int(found["day"])).isoformat()
            except ValueError:
                continue
    return None


def _date(line: str, filename: str) -> str | None:
    """The ISO date written in a line (German, ISO or English), or None."""
    for pattern in _DATES:
        for found in pattern.findall(line):
            try:
                return normalise_date(found, filename)
            except InputError:
                continue
    return _english_date(line)


def _header_date(value: str, filename: str, strict: bool) -> str | None:
    """The date of a header line "Datum: …" (German, ISO, English, also with more after
    it); a value with digits that is no date ("31.02.2021", "3/4/2021": day or month
    first?) stops the import, as in a protocol, rather than leave the date out unsaid."""
    try:
        return normalise_date(value, filename)
    except InputError:
        found = _date(value, filename)
        if strict and found is None and any(ch.isdigit() for ch in value):
            raise
        return found


def read_header(lines: list[str], filename: str = "", strict: bool = True) -> Header:
    """The header made of the lines before a transcript's first turn (see the module); a
    "Datum:" that is no date stops the import unless not ``strict`` (while recognising)."""
    header = Header()
    skip = listing = welcome = rolling = False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        more = _listed(line) if rolling else None
        rolling = more is not None
        if more is not None:  # a list under "Teilnehmer:" goes on: a name per line
            header.names += more
            continue
        welcome = welcome or (not header.title and _WELCOME.match(line) is not None)
        if welcome and not head_line(line):
            continue  # BigBlueButton's welcome message: no title, no statement
        if _PRESENT.match(line):
            listing = True
            continue
        listing = listing and "," not in line and _is_name_list(line)
        if listing:  # Jigasi's participants, one per line
            header.names += split_list(line)
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        listed = participants_line(line)
        if listed is None:
            listed = names_detail(line)  # "Protokoll: Bernd Kowalczyk"
        head = _HEAD_LINE.match(line) if head_line(line) else None
        event = _event_key(line)
        if listed is not None:
            header.names += listed
        elif head is not None:  # the date is the document's; place and length not kept
            key, value = head["key"].casefold(), head["value"]
            if key.startswith(("datum", "date")):
                header.date = header.date or _header_date(value, filename, strict)
            elif key.startswith(_NAMES_KEYS) and _is_name_list(value):
                header.names += split_list(value)
        elif event in _EVENT_KEYS:  # "Workshop: …", "Sozialraum: …"; the format not kept
            value = " ".join(line.partition(":")[2].strip(" *_").split()) or None
            if event == "workshop":
                header.workshop = header.workshop or value
            elif event == "district":
                header.district = header.district or value
        elif _LIST_HEAD.match(line) and (_is_name_list(following) or _listed(following)):
            rolling = True  # more names may follow, one per line
            third = lines[i + 2] if i + 2 < len(lines) else ""
            # one line of names (Meet: "Anna Schmidt, Ben Berg"), unless a name per line
            # follows: then each line is one person ("Kowalczyk, Bernd" as Teams shows it)
            one_per_line = _listed(following) is not None and _listed(third) is not None
            if _is_name_list(following) and not one_per_line:
                header.names += split_list(following)
                skip = True
        elif _KEYWORDS.match(line) and following:
            skip = True
        elif _DURATION.match(line) or _COUNT_LINE.match(line) or _START_LINE.match(line):
            continue
        elif _DATE_LINE.match(line):
            header.date = header.date or _date(line, filename)
        else:
            header.title.append(line)
            header.date = header.date or _date(line, filename)
    return header
