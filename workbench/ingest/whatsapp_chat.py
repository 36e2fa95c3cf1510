"""WhatsApp group chats exported as text ("Chat exportieren", ``.txt``), recognised by content.

Every message starts a line with its date and time and the sender's display name: Android
``12.03.21, 18:02 - Anna Schmidt: Text``, iPhone ``[12.03.21, 18:02:11] Anna Schmidt: Text``
(often behind a left-to-right mark U+200E); with English settings ``3/12/21, 6:02 PM - Anna:
…`` or ``[12/03/2021, 18:02:11] Anna: …``. Whether ``3/12/21`` is the 3rd of December or the
12th of March is read from the whole file (a first number above 12 is a day, a second one a
month; else the order of the messages, which an export lists by date; else a 12-hour clock
as US phones write it (``3/4/21, 6:05 PM``: no leading zero, "PM") is the US order,
otherwise day first (``03/04/21``, ``6:05 pm``: British, Indian, Australian phones), and the
import says that it guessed). Lines that start no message continue the one before: one
statement per message, its lines kept.

Not statements, counted in the import's notices: the app's own lines (encryption notice,
"… hat die Gruppe erstellt", "… ist beigetreten", "+49 … wurde hinzugefügt"; Android
writes them without a sender, the iPhone with the group as sender and a U+200E before
the text; with a sender also "Warten auf diese Nachricht. …", a message the phone could
not decrypt, and "Verpasster Sprachanruf"), media left out or attached ("<Medien
ausgelassen>", "‎<Anhang: …>", "IMG-….jpg (Datei angehängt)", "‎Bild weggelassen"),
deleted messages and shared locations (their coordinates can identify a home: never
stored). A poll keeps its question as the statement and its options with their votes as
the attribute ``poll``.
"<Diese Nachricht wurde bearbeitet>" is dropped from the text (attribute ``edited``).

Senders are people (:mod:`workbench.ingest.speakers`); names of the app's own lines go
onto the name list too. Newer exports write "~ Anna Schmidt" for a name the sender gave
themselves (not in the exporter's contacts): the "~" is no part of the name. A sender that
is a phone number (not in the exporter's contacts) is a person of its own, never stored as
the number: its speaker is ``Kontakt`` and a digest of the number, which the writer turns
into a placeholder. ``@``-mentions of a sender (``@⁨Anna Schmidt⁩``, ``@491712345678``)
name that person in the text. Each message keeps ``date`` (ISO) and ``time``; the
document's date is the first one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.core.formatting import format_date, plural
from workbench.core.textio import RawFile, Source, decode, read_source
from workbench.ingest.direction_marks import DIRECTION_MARKS, has_marks, marked_rest, unmarked
from workbench.ingest.speaker_labels import speaker_fields
from workbench.ingest.speakers import Speakers
from workbench.ingest.whatsapp_rtl import right_to_left_app_line

IMPORTER = "whatsapp-chat"
FORMAT = "digital (Messenger-Chat)"

_MARKS = DIRECTION_MARKS + "\ufeff"
_OPENERS = "\u202a\u202b\u202d\u202e\u2066\u2067\u2068"  # embeddings, overrides, isolates
_DATE = r"(?P<d1>\d{1,4})(?P<sep>[./-])(?P<d2>\d{1,2})(?P=sep)(?P<d3>\d{2,4})"
_CLOCK = r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?)(?:[ \u202f\u00a0]?(?P<ampm>[AaPp]\.?\s?[Mm]\.?))?"
_ANDROID = re.compile(rf"^{_DATE},? {_CLOCK} [-–] (?P<rest>.*)$")
_IOS = re.compile(rf"^\[{_DATE},? {_CLOCK}\] (?P<rest>.*)$")
# "Anna Schmidt: text": a display name has no colon and no quotation marks.
_SENDER = re.compile(r"^(?P<who>[^:\"„“”«»]{1,80}?): (?P<text>.*)$", re.DOTALL)
_TILDE = re.compile(r"^~[\s\u202f\u00a0]*")  # "~ Anna": a name not in the contacts
_PHONE_SENDER = re.compile(r"^\+?[\d\s()\-‑/.]{6,}$")
_DIGITS = re.compile(r"\D")

# A whole message that is media, a deletion or a location (any case, marks removed).
_MEDIA = re.compile(
    r"^(?:<(?:Medien ausgelassen|Media omitted|Anhang: [^>]*|attached: [^>]*)>"
    r"|(?:Bild|Video|Audio|Sticker|GIF|Dokument|Kontaktkarte|image|video|audio|sticker|"
    r"GIF|document|Contact card) (?:weggelassen|omitted)"
    r"|[^\n<>]+?\.\w{2,5} \((?:Datei angehängt|file attached)\)"
    r"|null|Einmalansicht|View once)$",
    re.IGNORECASE | re.DOTALL,
)
# Android with media: the file, then the caption written with it on the lines below.
_CAPTIONED = re.compile(
    r"^[^\n<>]+?\.\w{2,5} \((?:Datei angehängt|file attached)\)\n(?P<caption>.*\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_DELETED = re.compile(
    r"^(?:Diese Nachricht wurde gelöscht|Du hast diese Nachricht gelöscht|"
    r"This message was deleted|You deleted this message)\.?$",
    re.IGNORECASE,
)
# The app's words in a sender's place: a message the phone could not decrypt (the export
# keeps the placeholder, not the words: "Warten auf diese Nachricht. Dies kann etwas
# dauern."; a sentence of one's own that begins so is a statement) and a missed call.
_APP_TEXT = re.compile(
    r"^(?:(?:Warten auf diese Nachricht|Waiting for this message)\.(?:\s.*)?"
    r"|(?:Verpasster (?:Gruppen)?(?:Sprach|Video)anruf|Missed (?:group )?(?:voice|video) call)"
    r"\.?)$",
    re.IGNORECASE | re.DOTALL,
)
_LOCATION = re.compile(
    r"^(?:Standort|Location|Live-Standort[^:\n]*|Live location[^:\n]*):\s*(?:https?://\S+)?\s*$",
    re.IGNORECASE,
)
_EDITED = re.compile(  # the iPhone puts U+200E before it
    rf"[\s{_MARKS}]*<(?:Diese Nachricht wurde bearbeitet|This message was edited)\.?>"
    rf"[\s{_MARKS}]*$",
    re.IGNORECASE,
)
_POLL = re.compile(r"^(?:UMFRAGE|POLL):\s*\n(?P<body>.*)$", re.DOTALL)
_OPTION = re.compile(r"^OPTION:\s*(?P<option>.*)$")
# People in the app's own lines: "Anna hat Bernd und +49 … hinzugefügt", "Anna ist beigetreten".
# Only these shapes: "Anna hat den Gruppenbetreff geändert" names no one in its words.
_SYSTEM_PEOPLE = re.compile(
    r"^(?P<a>.+?) ha(?:t|st) (?P<b>.+?) (?:hinzugefügt|entfernt)$"
    r"|^(?P<c>.+?) (?:added|removed) (?P<d>.+)$"
    r"|^(?P<e>.+?) (?:ist (?:über den Einladungslink dieser Gruppe )?beigetreten|"
    r"ha(?:t|st) die Gruppe (?:verlassen|\S.* erstellt)|wurde (?:hinzugefügt|entfernt)|"
    r"joined using this group's invite link|joined|left|was added|was removed|"
    r"created group \S.*)$"
)
_NOT_PEOPLE = {"du", "sie", "you", "dich", "dir"}
# A link with a coordinate pair (a map link pasted into a message): it can show a home.
_MAP_LINK = re.compile(r"https?://\S*?-?\d{1,3}\.\d{3,}(?:,|%2C|/)\s?-?\d{1,3}\.\d{3,}\S*", re.I)
PLACE = "[Standort]"


@dataclass
class _Message:
    row: int
    sep: str  # between the date's numbers: "." "/" "-"
    parts: tuple[str, str, str]  # the date's numbers as written
    time: str
    sender: str | None  # None: a line of the app itself (Android)
    lines: list[str]
    head: str | None  # the header's line as written, where its text has marks in or before it
    marked: bool = False  # the text began with U+200E: the iPhone's media and system lines

    @property
    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.lines).strip()


@dataclass
class _Counts:
    system: int = 0
    media: int = 0
    deleted: int = 0
    locations: int = 0
    polls: int = 0
    names: list[str] = field(default_factory=list)


def _strip_marks(text: str) -> str:
    """Text without direction marks and isolates (U+200E, U+2068 …) the app puts around names."""
    return text.translate({ord(ch): None for ch in _MARKS})


def _header(line: str) -> re.Match[str] | None:
    """The date/time header a line starts with, or None."""
    bare = line.lstrip(_MARKS)
    return _IOS.match(bare) or _ANDROID.match(bare)


def _valid(found: re.Match[str]) -> bool:
    """Whether a header's clock is a time of day (not "25:61", "18:04:61", "13:05 PM")."""
    hours, *rest = (int(p) for p in found["time"].split(":"))
    return hours < 24 and max(rest) < 60 and (not found["ampm"] or 1 <= hours <= 12)


def is_whatsapp_chat(text: str) -> bool:
    """Whether a text is a WhatsApp export: its first line and most of its first lines are
    message headers (a date, a time and " - " or brackets), most of them with a time of
    day: one header with an impossible time ("25:61") among them is a broken chat, which
    :func:`parse_whatsapp_chat` refuses, naming the line; a protocol's single line built
    so is none."""
    lines = [ln for ln in text.lstrip("\ufeff").replace("\r", "\n").split("\n") if ln.strip()][:40]
    if not lines or _header(lines[0]) is None:
        return False
    heads = [m for m in (_header(ln) for ln in lines) if m is not None]
    valid = sum(_valid(m) for m in heads)
    return (
        len(heads) >= min(2, len(lines)) and valid >= min(2, len(heads)) and 2 * valid > len(heads)
    )


def _day_first(headers: list[re.Match[str]]) -> tuple[bool, bool]:
    """Whether the file writes the day first (12.03.21, 12/03/2021) or the month (3/12/21),
    and whether that was guessed: the file leaves it open, and it changes a date.

    A number above 12 decides; else the order of the messages (an export lists them by
    date: 3/12/21 before 4/1/21 is the 12th of March, not the 3rd of December); else a
    12-hour clock reads as the US order, unless a day or month is written with a leading
    zero or the clock's "pm" in small letters (US phones write ``3/4/21, 6:05 PM``,
    British, Indian and Australian ones ``03/04/21`` or ``3/4/21, 6:05 pm``), and a
    24-hour clock as the day first."""
    if any(m["sep"] == "." for m in headers):
        return True, False
    if any(int(m["d1"]) > 12 for m in headers):
        return True, False
    if any(int(m["d2"]) > 12 for m in headers):
        return False, False
    in_order = [order for order in (True, False) if _chronological(headers, order)]
    if len(in_order) == 1:
        return in_order[0], False
    differs = any(int(m["d1"]) != int(m["d2"]) for m in headers)
    return not any(m["ampm"] for m in headers) or _not_us(headers), differs


def _not_us(headers: list[re.Match[str]]) -> bool:
    """Whether a header writes a day or month with a leading zero ("03/04/21") or "pm" in
    small letters — US phones do neither ("3/4/21, 6:05 PM"); British, Indian and
    Australian ones write the day first, with "pm" in small letters."""
    padded = any(m[key].startswith("0") for m in headers for key in ("d1", "d2"))
    return padded or any(m["ampm"] and m["ampm"].islower() for m in headers)


def _chronological(headers: list[re.Match[str]], day_first: bool) -> bool:
    """Whether the headers' dates, read with the day (or month) first, never go back."""
    days = [_iso((m["d1"], m["d2"], m["d3"]), day_first) for m in headers]
    known = [d for d in days if d is not None]
    return len(known) == len(days) and all(a <= b for a, b in pairwise(known))


def _iso(parts: tuple[str, str, str], day_first: bool) -> str | None:
    """The ISO date of a header's three numbers, or None if it is no date."""
    first, second, third = (int(p) for p in parts)
    if len(parts[0]) == 4:  # 2021-03-12
        year, month, day = first, second, third
    else:
        day, month = (first, second) if day_first else (second, first)
        year = third + 2000 if third < 100 else third
    try:
        return date(year, month, day).isoformat() if 1990 <= year <= 2100 else None
    except ValueError:  # 31.02.21
        return None


def _clock(found: re.Match[str]) -> str:
    """A header's time as 24-hour hh:mm[:ss]."""
    hours, rest = found["time"].split(":", 1)
    hour = int(hours)
    ampm = (found["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{rest}"


def _messages(text: str, name: str) -> tuple[list[_Message], list[re.Match[str]]]:
    """Split an export into its messages (header line plus continuation lines)."""
    messages: list[_Message] = []
    headers: list[re.Match[str]] = []
    for row, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        found = _header(line)
        if found is not None and not _valid(found):  # "12.03.21, 25:61 - Anna: …"
            raise InputError(
                f"Uhrzeit '{found['time']}{' ' + found['ampm'] if found['ampm'] else ''}' ist "
                "ungültig (erwartet eine Uhrzeit von 0:00 bis 23:59): die Zeile ist im Export "
                "beschädigt; sie in einem Texteditor berichtigen und erneut importieren.",
                file=name,
                row=row,
            )
        if found is None:
            if messages:
                messages[-1].lines.append(line)
            elif line.strip(_MARKS + " \t"):
                raise InputError(
                    "Aufbau nicht erkannt: ein WhatsApp-Chat beginnt mit "
                    "'TT.MM.JJ, hh:mm - Name: Text' oder '[TT.MM.JJ, hh:mm:ss] Name: Text'.",
                    file=name,
                    row=row,
                )
            continue
        headers.append(found)
        rest = found["rest"]
        # the sender read without marks ("\u202bAnna: שלום\u202c"), the text as written
        sender_line = _SENDER.match(unmarked(rest)) if has_marks(rest) else _SENDER.match(rest)
        sender, body = (sender_line["who"], sender_line["text"]) if sender_line else (None, rest)
        parts = (found["d1"], found["d2"], found["d3"])
        head = line if sender_line and has_marks(line) else None
        messages.append(_Message(row, found["sep"], parts, _clock(found), sender, [body], head))
    for message in messages:
        if message.head is not None:  # the marks in the text, closed maybe a line below
            below = "\n".join(message.lines[1:])
            message.lines[0] = marked_rest(message.head, message.lines[0], below)
        # a message in Arabic may open with U+200F, U+2067 or an embedding around it all
        message.marked = message.lines[0].lstrip(_OPENERS)[:1] == "\u200e"
    return messages, headers


def _system_people(line: str) -> list[str]:
    """The people an app line names ("Anna Schmidt hat Bernd und Eva hinzugefügt")."""
    found = _SYSTEM_PEOPLE.match(line.strip().rstrip("."))
    if found is None:
        return []
    named = [found[g] for g in "abcde" if found[g]]
    people = []
    for part in named:
        for who in re.split(r",\s*|\s+(?:und|and)\s+", part):
            who = who.strip()
            words = [w for w in who.split() if any(ch.isalpha() for ch in w)]
            plain = 0 < len(words) <= 4 and all(w[0].isupper() for w in words)
            if plain and who.casefold() not in _NOT_PEOPLE and not _PHONE_SENDER.match(who):
                people.append(who)
    return people


def without_coordinates(text: str) -> str:
    """``text`` with links that hold a coordinate pair replaced by ``[Standort]``."""
    return _MAP_LINK.sub(PLACE, text)


def _contact(number: str) -> str:
    """The stand-in for a sender known only by phone number: never the number itself."""
    digest = hashlib.sha256(_DIGITS.sub("", number).encode()).hexdigest()[:8]
    return f"Kontakt-{digest}"


def _display(name: str) -> str:
    """A sender's or mentioned name without the marks around it and without the "~" before
    a name someone gave themselves (not saved in the exporter's contacts: "~ Anna")."""
    return _TILDE.sub("", _strip_marks(name).strip())


def _mentions(text: str, senders: Mapping[str, str]) -> str:
    """``@``-mentions of the chat's senders as their name (or stand-in), the ``@`` dropped.

    Newer exports wrap a mentioned name in isolates (``@⁨Anna Schmidt⁩``); a sender known
    by number is mentioned by its digits (``@491712345678``)."""

    def named(found: re.Match[str]) -> str:
        who = _display(found["who"]) if found["who"] else found["digits"]
        key = _DIGITS.sub("", who) if found["digits"] else who.casefold()
        return senders.get(key, found[0] if found["digits"] else who)

    pattern = r"@\u2068(?P<who>[^\u2069\n]{1,80})\u2069|@(?P<digits>\d{6,15})\b"
    text = re.sub(pattern, named, text)
    for display in sorted(senders, key=len, reverse=True):
        if not display[:1].isdigit() and len(display) > 2:
            text = re.sub(rf"@{re.escape(display)}(?!\w)", senders[display], text, flags=re.I)
    return text


def _poll(text: str) -> tuple[str, str] | None:
    """(question, options with votes) of a poll message, or None."""
    found = _POLL.match(text)
    if found is None:
        return None
    question, options = [], []
    for line in found["body"].split("\n"):
        option = _OPTION.match(line.strip())
        if option:
            options.append(option["option"].strip())
        elif line.strip():
            question.append(line.strip())
    return " ".join(question), "; ".join(options)


def _kind(message: _Message) -> str | None:
    """What a message is besides a statement: "system", "media", "deleted", "location"."""
    text = _strip_marks(message.text)
    if message.sender is None:
        return "system"
    if _MEDIA.match(text):
        return "media"
    if _DELETED.match(text):
        return "deleted"
    if _LOCATION.match(text):
        return "location"
    written = right_to_left_app_line(text, message.lines[0][:1] in "\u200e\u200f")
    if written is not None:  # "‏<مرفق: …>", "‏تم حذف هذه الرسالة": an interface right to left
        return written
    if (message.marked and not _POLL.match(text)) or _APP_TEXT.match(text):
        return "system"  # the iPhone's lines of the app: "‎Nachrichten und Anrufe …"
    return None


def parse_whatsapp_chat(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse a WhatsApp export into one statement per message (app lines and media counted)."""
    raw = read_source(source, name)
    messages, headers = _messages(decode(raw), raw.name)
    day_first, guessed = _day_first(headers)
    speakers = Speakers(roles)
    counts = _Counts()
    kept: list[tuple[_Message, str]] = []
    senders: dict[str, str] = {}  # mention key → the name the writer pseudonymises
    for message in messages:
        captioned = _CAPTIONED.match(_strip_marks(message.text))
        if captioned and message.sender is not None:  # the caption is the statement
            message.lines = marked_rest(message.text, captioned["caption"]).split("\n")
        kind = _kind(message)
        if kind == "system":
            counts.system += 1
            counts.names += [_display(n) for n in _system_people(_strip_marks(message.text))]
            continue
        who = _display(message.sender or "")
        if _PHONE_SENDER.match(who):
            senders[_DIGITS.sub("", who)] = _contact(who)
            who = _contact(who)
        else:
            senders[who.casefold()] = who
        if kind is not None:
            attr = "locations" if kind == "location" else kind
            setattr(counts, attr, getattr(counts, attr) + 1)
            continue
        kept.append((message, who))
    segments = []
    for message, who in kept:
        iso = _iso(message.parts, day_first)
        if iso is None:
            raise InputError(
                f"Datum '{message.sep.join(message.parts)}' ist ungültig.",
                file=raw.name,
                row=message.row,
            )
        # the text as written, with its direction marks (they steer right-to-left text)
        text = without_coordinates(_mentions(message.text, senders)).replace("\ufeff", "")
        attributes: dict[str, Any] = {"date": iso, "time": message.time}
        edited = _EDITED.search(text)
        if edited:
            text = text[: edited.start()]
            attributes["edited"] = True
        poll = _poll(_strip_marks(text))
        if poll is not None:
            counts.polls += 1
            text, attributes["poll"] = poll
        if not text.strip():
            continue
        contact = who.startswith("Kontakt-") and who in senders.values()
        role, person = (None, who) if contact else speaker_fields(speakers, who)
        if person:
            attributes["speaker"] = person
            if contact:
                speakers.add(person)
        segments.append(
            ParsedSegment(
                text=text.strip(),
                source_id=str(len(segments) + 1),
                speaker_role=role,
                row=message.row,
                attributes=attributes,
            )
        )
    for person in counts.names:
        speakers.add(person)
    left_out: dict[str, Any] = {
        key: getattr(counts, key) for key in ("system", "media", "deleted", "locations", "polls")
    }
    if guessed:
        left_out["date_order"] = _guessed_order(headers, day_first)
    return messenger_document(raw, IMPORTER, segments, speakers.names, left_out)


def _guessed_order(headers: list[re.Match[str]], day_first: bool) -> dict[str, Any]:
    """How a chat whose dates leave day and month open was read: the first date that
    differs by the order as written, its reading and whether the day came first (for the
    import's notice)."""
    example = next(m for m in headers if int(m["d1"]) != int(m["d2"]))
    parts = (example["d1"], example["d2"], example["d3"])
    return {
        "written": example["sep"].join(parts),
        "read": _iso(parts, day_first),
        "day_first": day_first,
        "twelve_hour": any(m["ampm"] for m in headers),
    }


def messenger_document(
    raw: RawFile,
    importer: str,
    segments: list[ParsedSegment],
    names: Any,
    left_out: Mapping[str, int],
) -> ParsedDocument:
    """A messenger chat's document: its statements, the names it met and what it left out
    (``left_out``: app lines, media, deleted messages, locations, polls; see
    :func:`messenger_notices`). A chat without one message with text is refused."""
    if not segments:
        raise InputError("Der Chat enthält keine Nachrichten.", file=raw.name)
    return ParsedDocument(
        filename=raw.name,
        sha256=raw.sha256,
        importer=importer,
        segments=tuple(segments),
        format=FORMAT,
        date=segments[0].attributes["date"],
        names=names,
        options={"messenger": dict(left_out)},
    )


def messenger_notices(options: Mapping[str, Any]) -> tuple[str, ...]:
    """What a messenger chat's import left out (for the import's output)."""
    counts = options.get("messenger") or {}
    notices = []
    left = [
        plural(int(counts.get(key, 0)), one, many)
        for key, one, many in (
            ("system", "Hinweis der App", "Hinweise der App"),
            ("media", "Medien-Nachricht", "Medien-Nachrichten"),
            ("deleted", "gelöschte Nachricht", "gelöschte Nachrichten"),
        )
        if counts.get(key)
    ]
    if left:
        notices.append(f"Chat: {', '.join(left)} sind keine Aussagen.")
    if counts.get("locations"):
        what = plural(int(counts["locations"]), "geteilter Standort", "geteilte Standorte")
        notices.append(f"Chat: {what} nicht übernommen (Koordinaten werden nie gespeichert).")
    if counts.get("polls"):
        what = plural(int(counts["polls"]), "Umfrage", "Umfragen")
        notices.append(
            f"Chat: {what} mit ihrer Frage als Aussage, Optionen und Stimmen im Attribut poll."
        )
    if counts.get("poll_results"):
        what = plural(int(counts["poll_results"]), "Umfrageergebnis", "Umfrageergebnisse")
        notices.append(
            f"Chat: {what} der Konferenz-Software (Antworten mit Stimmen) ausgelassen: keine "
            "Aussagen, die Antworten keine Personen."
        )
    order = counts.get("date_order")
    if order:
        read = format_date(order["read"])
        if not order["day_first"]:
            first = "dem Monat vorn (12-Stunden-Uhr wie in den USA: „PM“, keine führende Null)"
        elif order.get("twelve_hour"):
            first = (
                "dem Tag vorn (führende Null oder „pm“ klein wie in Großbritannien, Indien "
                "oder Australien; in den USA „3/4/21, 6:05 PM“)"
            )
        else:
            first = "dem Tag vorn (24-Stunden-Uhr)"

        notices.append(
            f"Chat: Ob im Datum „{order['written']}“ der Tag oder der Monat vorn steht, zeigt "
            f"die Datei nicht (keine Zahl über 12); gelesen mit {first}: {read}. Bitte die "
            "Daten der Nachrichten und des Workshops prüfen."
        )
    archive = counts.get("archive") or {}
    if archive.get("files"):
        what = plural(int(archive["files"]), "Mediendatei", "Mediendateien")
        notices.append(
            f"Chat aus dem ZIP-Archiv: nur der Chattext gelesen, {what} nicht übernommen "
            "(Sprachnachrichten werden nicht transkribiert, Kontaktkarten (.vcf) mit Namen "
            "und Telefonnummern nie geöffnet)."
        )
    return tuple(notices)
