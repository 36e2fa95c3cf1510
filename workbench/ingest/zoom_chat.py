"""Zoom (and Webex) meeting chats (``.txt``), recognised by their content.

Two forms: the cloud export, one message per line ``HH:MM:SS<TAB>Name:<TAB>Text`` (a
direct message there: ``Name to Other (Direct Message):``),
and the chat saved in the meeting ``HH:MM:SS From Name to Everyone:`` with the text on
the following (indented) lines (the current client puts the day before the time:
``2026-09-23 18:05:11 From …``; it is kept as ``date``, the first one is the document's)
— also ``From Name : Text`` on one line and, for direct messages, ``to Other (Direct
Message)``/``(Privately)`` (older clients: a bare ``to Other``; only a group, role or room
such as ``to Hosts and panelists``, ``an Gastgeber``, ``to Breakout Room 1`` is no one
person: its messages are imported like those to everyone, and one marked private to a
role is a direct message with ``recipient_role``). The German Zoom client writes
``Von Name an Alle:`` (older: ``Von  Name  an  Jeder : Text``) and ``(Direktnachricht)``/
``(Privat)``; Webex the same shape in lower case, with the text on the header line
(``von Name an alle: Text``, ``from Name to everyone: Text``) or, as its desktop app saves
the chat, with the time behind the header and the text below
(``from Name to Everyone:    4:23  PM``; the time is kept as 16:23). A header is a line that
starts with a time stamp and "From"/"Von" (any case) and names sender and recipient
(``Name to …:``/``Name an …:``; behind "From" also a bare ``Name:``): "von" and "an"
inside a message are text. A text whose first lines are such headers is a chat, unless a
line among them starts with a time and is no header ("10:30 Pause": a protocol's agenda).
Every message is one statement (``source_id`` 1, 2, … in order) and keeps its lines:
lines that do not start a message continue the one before, and in files whose lines end
in CRLF a bare LF is a line break inside a message. Reactions are not statements: each
is counted on the message it reacts to (attributes ``reactions`` and ``reaction_emoji``);
one taken back (``Removed a 👍 reaction from "…"``) is subtracted again.
A reply keeps the source id of the message it answers (``reply_to``). Time stamps are
kept (``time``); speakers are people (see :mod:`workbench.ingest.speakers`), and so is
the recipient of a direct message — except "Me" (German "Mir"/"Mich"), the person who
saved the chat: the role ``speichernde Person``, whose word is no name to replace in the
texts. A direct message (to one person, or to "Me") is private, no contribution to the
workshop: it is left out and counted (``direct_messages_left_out``); its sender and
recipient still go onto the name list. With ``direct_messages`` it is imported, marked
``direct_message`` with ``recipient`` (or ``recipient_role``). A reply that quotes a
message left out keeps its own words only; a reaction to one, or one sent privately, is
counted neither as a reaction nor as a direct message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.core.textio import RawFile, Source, decode, read_source
from workbench.ingest.chat_structure import Quotable, normalise, reaction, reply
from workbench.ingest.direction_marks import has_marks, marked_rest, unmarked
from workbench.ingest.speaker_labels import is_device, speaker_fields
from workbench.ingest.speakers import Speakers

IMPORTER = "zoom-chat"
FORMAT = "digital (Videokonferenz)"

_CLOUD = re.compile(r"^(?P<time>\d{1,2}:\d{2}:\d{2})\t(?P<name>[^\t]+?): *(?:\t(?P<text>.*))?$")
_WORD = r"(?P<word>(?i:from|von))"  # the sender's cue: "From" (English), "Von" (German)
# Zoom's current saved chat (meeting_saved_new_chat.txt) writes the day before the time.
_DAY = r"(?:(?P<day>\d{4}-\d{2}-\d{2})[ \t]+)?"
_LOCAL = re.compile(
    rf"^{_DAY}(?P<time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?)[ \t]+{_WORD}[ \t]+(?P<rest>.+)$"
)
# Lines built like a message header whose time stamp is not one.
_BROKEN_CLOUD = re.compile(r"^(?P<time>(?=[^\t]*\d)[0-9A-Za-z:.;,]{3,12}) *\t[^\t]+?: *(?:\t|$)")
_BROKEN_LOCAL = re.compile(
    rf"^{_DAY}(?P<time>(?=\S*\d)(?=\S*:)\S{{1,12}})[ \t]+{_WORD}[ \t]+(?P<rest>.+)$"
)
# Webex saves its meeting chat with the time behind the header and the text on the lines
# below: "from Anna Schmidt to Everyone:    4:23  PM" ("von Anna Schmidt an Alle:    16:23").
_WEBEX = re.compile(
    rf"^{_WORD}[ \t]+(?P<rest>\S.*?):(?P<gap>[ \t]+)(?P<time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?)"
    r"(?:[ \t\u202f\u00a0]*(?P<ampm>[AaPp]\.?[Mm]\.?))?[ \t]*$"
)
_STAMPED = re.compile(
    r"^(?:\d{4}-\d{2}-\d{2}[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?\s"
)  # begins with a time
# Sender cue → the word before the recipient ("to Everyone", "an Alle").
_TO_WORD = {"from": "to", "von": "an"}
_EVERYONE = r"(?:everyone|alle|jeder)(?:\s*\([^()]*\))?"  # "Everyone (in Waiting Room)"
_DIRECT = re.compile(r"\([^()]*\)\s*$")  # "(Direct Message)", "(Privately)", "(Privat)" …
_PRIVATE = re.compile(r"\((?:direct\s*message|privately|direktnachricht|privat)\)\s*$", re.I)
# "(privat)" also ends display names ("Petra an der Heiden (privat)": a private account)
_PRIVAT = re.compile(r"\s*\(privat\)\s*$", re.I)
# The recipient word as Zoom writes it between sender and recipient: in lower case
_LOWER_TO = re.compile(r"\s(?:an|to)\s")
# The groups, roles and rooms a meeting or webinar chat sends to ("Hosts and panelists",
# "All Panelists", "Waiting Room Participants", "Alle Diskussionsteilnehmer", "Teilnehmer
# im Warteraum", "Host", "Gastgeber", "Moderator", "Breakout Room 1", "Breakout-Raum 2");
# any other recipient is one person: a direct message, with or without "(Direct Message)".
_GROUP = re.compile(
    r"\b(?:everyone|alle|jeder|all|hosts?|co-?hosts?|panelists?|attendees|participants|"
    r"presenters?|waiting\s+room|diskussionsteilnehmer\w*|teilnehm\w*|warteraum\w*|"
    r"(?:co-?)?gastgeber\w*|moderat(?:or|ion)\w*|organi[sz]ator\w*|"
    r"veranstalter\w*|breakout\b.*|(?:main\s+)?room\s+\d+|raum\s+\d+|hauptsitzung|"
    r"main\s+(?:room|session))\b",
    re.IGNORECASE,
)
# A numbered participant ("Teilnehmer 3", "Gast 2", "Participant 4") is one person.
_NUMBERED = re.compile(
    r"(?:teilnehmer(?:in)?|teilnehmende[rs]?|gast|guest|participant|attendee|user)\s*\d+",
    re.IGNORECASE,
)
# The person who saved the chat is "Me" in it ("From Me to Everyone", "to Me (Direct
# Message)"; the German client: "Mir"/"Mich"): no name, and the word is no name either.
_SAVER_WORDS = {"me", "ich", "mir", "mich"}
SAVER = "speichernde Person"
_LEFT_OUT = ""  # the source id of a direct message that is not imported


@dataclass(frozen=True)
class _Who:
    sender: str
    recipient: str | None  # as written ("Everyone", "Anna (Direct Message)"), if named
    text: str


@dataclass
class _Message:
    row: int
    time: str
    speaker: str
    lines: list[str]
    local: bool
    recipient: str | None = None  # as written; a direct message's: see _direct
    day: str | None = None  # ISO date, where the header gives one
    written: str | None = None  # a cloud name field split only at "an"/"to" + "(Privat)"
    marked: list[str] | None = None  # the lines with the file's direction marks, if any

    @property
    def text(self) -> str:
        return self._joined(self.lines)

    def said(self, text: str) -> str:
        """``text`` (the message's text or its end, read without marks) with the marks in it."""
        return marked_rest(self._joined(self.marked), text) if self.marked else text

    def _joined(self, lines: list[str]) -> str:
        if self.local:  # the saved chat indents the text lines with one tab
            lines = [lines[0], *(ln[1:] if ln.startswith("\t") else ln for ln in lines[1:])]
        return "\n".join(line.rstrip() for line in lines).strip()


@dataclass
class _Statement:
    message: _Message
    text: str
    source_id: str
    attributes: dict[str, Any] = field(default_factory=dict)
    role: str | None = None  # a sender that is a role ("Moderation (Stadt Leverkusen)")


def _check_time(time: str, name: str, row: int, clock: bool = False) -> str:
    """Return ``time`` if minutes and seconds are valid, else stop with the line; ``clock``:
    a time of day (a chat saved in the meeting, Webex), so its hour is below 24 too (the
    cloud chat counts from the recording's start)."""
    parts = time.split(":")
    if any(int(p) > 59 for p in parts[1:]) or (clock and int(parts[0]) > 23):
        raise InputError(
            f"Zeitstempel '{time}' ist ungültig (erwartet hh:mm:ss).", file=name, row=row
        )
    return time


def _check_day(day: str | None, name: str, row: int) -> str | None:
    """Return a header's ISO date (or None) if it is a day of the calendar, else stop."""
    try:
        return date.fromisoformat(day).isoformat() if day else None
    except ValueError:
        raise InputError(
            f"Datum '{day}' ist ungültig (erwartet JJJJ-MM-TT).", file=name, row=row
        ) from None


def _split(who: str, word: str) -> tuple[str, str] | None:
    """(sender, recipient) of ``Name to Everyone``/``Name an Alle``, or None.

    The recipient word is written in lower case; in another case (``To``, ``AN``) it
    counts only where no lower-case one stands, so "Thi An an Alle" keeps its "An".
    """
    to = _TO_WORD[word.casefold()]
    everyone = re.match(rf"^(?P<sender>.+)\s(?i:{to})\s(?P<recipient>(?i:{_EVERYONE}))$", who)
    if everyone:
        return everyone["sender"], everyone["recipient"]
    for pattern in (rf"^(.+?)\s{to}\s(.+)$", rf"^(.+?)\s(?i:{to})\s(.+)$"):
        found = re.match(pattern, who)
        if found:
            return found[1], found[2]
    return None


def _local_who(word: str, rest: str) -> _Who | None:
    """Sender, recipient and text of a saved-chat header after From/Von, or None.

    The header ends at the first colon after ``Name to Everyone``/``Name an Alle`` or
    after a blank (``From  Name : Text``); only behind "From" may a bare ``Name:`` end it.
    Any text behind that colon is the message's first line.
    """
    rest = rest.strip()
    colons = [i for i, ch in enumerate(rest) if ch == ":"]
    for i in colons:
        who = " ".join(rest[:i].split())
        split = _split(who, word) if who else None
        if split:
            return _Who(split[0], split[1], rest[i + 1 :])
        if who and rest[i - 1] in " \t":
            return _Who(who, None, rest[i + 1 :])
    if word == "From" and colons and rest[colons[0] + 1 : colons[0] + 2] in ("", " ", "\t"):
        return _Who(" ".join(rest[: colons[0]].split()), None, rest[colons[0] + 1 :])
    return None


def _direct(recipient: str, senders: frozenset[str] = frozenset()) -> str | None:
    """The recipient of a direct message ("Anna (Direktnachricht)", also a bare "Anna" as
    older clients wrote it), None for everyone or a group ("Hosts and panelists").

    A recipient who writes in the chat (``senders``: their display names, folded) or is
    numbered ("Teilnehmer 3") is one person, even when named like a group ("Host").
    """
    if re.fullmatch(_EVERYONE, recipient, re.IGNORECASE):
        return None
    if _DIRECT.search(recipient) or _is_saver(recipient):
        return recipient
    if _folded(recipient) in senders or _NUMBERED.fullmatch(recipient.strip()):
        return recipient
    return None if _GROUP.search(recipient) else recipient


def _folded(display: str) -> str:
    """A display name for comparing sender and recipient: blanks collapsed, case folded."""
    return " ".join(display.split()).casefold()


def _cloud_who(who: str) -> tuple[str, str | None]:
    """Sender and recipient of a cloud export's name field: "Ben to Anna (Direct Message)"
    and "Ben an Alle" name both (only with everyone or a mark of privacy), else the sender."""
    who = " ".join(who.split())
    for word in ("From", "Von"):
        split = _split(who, word)
        if split and (re.fullmatch(_EVERYONE, split[1], re.I) or _PRIVATE.search(split[1])):
            return split
    return who, None


def _recipient_role(recipient: str | None) -> str | None:
    """The role a direct message goes to ("Me" → the saver, "Gastgeber (Privat)" → the
    host), None for one person or none: a role is no name to replace in the texts."""
    if not recipient:
        return None
    if _is_saver(recipient):
        return SAVER
    bare = " ".join(re.sub(r"\([^()]*\)", " ", recipient).split())  # "Anna (Host)": Anna
    return bare if bare and (_GROUP.search(bare) or is_device(bare)) else None


def _is_saver(display: str) -> bool:
    """Whether a sender or recipient is the person who saved the chat ("Me", "Mir")."""
    return _DIRECT.sub("", display).strip().casefold() in _SAVER_WORDS


def _local(line: str, pattern: re.Pattern[str] = _LOCAL) -> re.Match[str] | None:
    """A line built like a saved-chat header; behind any cue but "From" only a complete one."""
    found = pattern.match(line)
    if found is None or found["word"] == "From":
        return found
    return found if _local_who(found["word"], found["rest"]) else None


def _webex(line: str) -> tuple[_Who, str] | None:
    """Sender, recipient and 24-hour time of a Webex header ("from Anna to Everyone:  4:23
    PM"), or None: the line must name sender and recipient."""
    found = _WEBEX.match(line)
    split = _split(" ".join(found["rest"].split()), found["word"]) if found else None
    if found is None or split is None:
        return None
    hours, rest = found["time"].split(":", 1)
    hour, ampm = int(hours), (found["ampm"] or "").replace(".", "").lower()
    if ampm and 1 <= hour <= 12:
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    return _Who(split[0], split[1], ""), f"{hour:02d}:{rest}"


def _webex_gap(line: str) -> str | None:
    """How a Webex header spaces its time ("wide": a tab or blanks, as the app aligns
    it; "narrow": one blank), None for another line."""
    found = _WEBEX.match(line) if _webex(line) else None
    if found is None:
        return None
    return "narrow" if found["gap"] == " " else "wide"


def _header(line: str, name: str, row: int, webex_form: str | None) -> _Message | None:
    """The message a line starts, None for a continuation line; stops on a broken one.

    Webex's header ("from Anna to Everyone:  4:23 PM") starts a message only in a chat
    saved by Webex (``webex_form``, the spacing of its first header): elsewhere, and
    typed with other spacing in a message of it, "from Monday to Friday: 9:00" is text.
    """
    cloud = _CLOUD.match(line)
    if cloud:
        time = _check_time(cloud["time"], name, row)
        sender, recipient = _cloud_who(cloud["name"])
        message = _Message(row, time, sender, [cloud["text"] or ""], False, recipient)
        if recipient and _PRIVAT.search(recipient):
            message.written = " ".join(cloud["name"].split())
        return message
    webex = _webex(line) if webex_form and _webex_gap(line) == webex_form else None
    if webex:
        who, time = webex
        _check_time(time, name, row, clock=True)
        return _Message(row, time, who.sender, [], local=False, recipient=who.recipient)
    local = _local(line)
    if local:
        time = _check_time(local["time"], name, row, clock=True)
        who = _local_who(local["word"], local["rest"])
        if who is None:
            raise InputError(
                "Chatzeile nicht erkannt (erwartet 'From Name to Everyone:').", file=name, row=row
            )
        day = _check_day(local["day"], name, row)
        return _Message(row, time, who.sender, [who.text], True, who.recipient, day)
    broken = _BROKEN_CLOUD.match(line) or _local(line, _BROKEN_LOCAL)
    if broken:
        raise InputError(
            f"Zeitstempel '{broken['time']}' ist ungültig (erwartet hh:mm:ss).",
            file=name,
            row=row,
        )
    return None


def _records(text: str) -> list[tuple[int, str]]:
    """(first line number, record) pairs: CRLF ends a record where the file uses it."""
    records = text.split("\r\n") if "\r\n" in text else text.replace("\r", "\n").split("\n")
    out, row = [], 1
    for record in records:
        record = record.replace("\r", "\n")
        out.append((row, record))
        row += record.count("\n") + 1
    return out


def is_zoom_chat(text: str) -> bool:
    """Whether a text is a Zoom (or Webex) chat: its first non-empty lines are message headers.

    A saved chat's header ("10:00 Von Anna an Alle: …", "10:00 From idea to project: …")
    may also be an agenda item of a protocol: there, a line that begins with a time and is
    no header ("10:30 Pause") makes the text a protocol (the chat indents its text lines).
    Webex's header with the time behind it counts only as the first line (in another chat,
    "from Monday to Friday: 9:00" is a line of a message), and where one of them among the
    first lines is addressed to everyone or a group or marked private ("(privately)"): an
    agenda's items "From idea to project: 18:00" name no one of these.
    """
    text = text.lstrip("\ufeff")
    lines = [ln for ln in text.replace("\r", "\n").split("\n")[:400] if ln.strip()][:10]
    if not lines or not _built(lines[0]):
        return False
    if _webex(lines[0]):  # "From idea to project: 18:00", "From plan to action: 18:45": none
        webex = [found[0] for found in map(_webex, lines) if found]
        return any(
            w.recipient is None or _direct(w.recipient) is None or _DIRECT.search(w.recipient)
            for w in webex
        )
    heads = [ln for ln in lines if _CLOUD.match(ln) or _is_local(ln)]
    if not heads:
        return False
    if any(_CLOUD.match(ln) for ln in heads):
        return True
    return not any(_STAMPED.match(ln) and not _built(ln) for ln in lines)


def _built(line: str) -> bool:
    """Whether a line is built like a message header (its time stamp may be broken)."""
    if _CLOUD.match(line) or _BROKEN_CLOUD.match(line) or _webex(line):
        return True
    return bool(_local(line, _BROKEN_LOCAL))


def _is_local(line: str) -> bool:
    """Whether a line is a complete header of a chat saved in the meeting."""
    local = _local(line)
    return local is not None and _local_who(local["word"], local["rest"]) is not None


def _messages(raw: RawFile) -> list[_Message]:
    """Split a chat into its messages (header line plus continuation lines)."""
    messages: list[_Message] = []
    written = decode(raw)
    text = unmarked(written)  # "\u2068Anna Schmidt\u2069:" is Anna Schmidt's header
    opening = next((ln for ln in text.lstrip("\ufeff").splitlines() if ln.strip()), "")
    webex_form = _webex_gap(opening)  # the file's first header says its form
    # the records as written, for the texts' marks (a message's header is read without)
    marked = [r.split("\n") for _, r in _records(written)] if has_marks(written) else None
    headed: dict[int, tuple[str, str]] = {}  # message → its header's line as written, its text
    for index, (row, record) in enumerate(_records(text)):
        first, *more = record.split("\n")
        message = _header(first, raw.name, row, webex_form)
        lines = marked[index] if marked else []
        changed = bool(lines) and lines != [first, *more]  # marks in this record
        if message is not None:
            head = message.lines[:1]  # the text on the header's line (Webex: none)
            message.lines.extend(more)
            if changed:
                message.marked = [*head, *lines[1:]]  # its first line's marks: below
                headed.update({len(messages): (lines[0], t) for t in head})
            messages.append(message)
        elif messages:
            last = messages[-1]
            if changed and last.marked is None:
                last.marked = list(last.lines)  # its lines so far have none
            last.lines.extend(record.split("\n"))
            if last.marked is not None:
                last.marked.extend(lines or record.split("\n"))
        elif record.strip():
            raise InputError(
                "Aufbau nicht erkannt: ein Zoom-Chat beginnt mit 'hh:mm:ss<Tab>Name:<Tab>Text' "
                "oder 'hh:mm:ss From Name to Everyone:' ('Von Name an Alle:').",
                file=raw.name,
                row=row,
            )
    for index, (line, said) in headed.items():  # an embedding closed maybe on a line below
        found = messages[index].marked
        if found is not None:
            found[0] = marked_rest(line, said, "\n".join(found[1:]))
    return _names_with_privat(messages)


def _names_with_privat(messages: list[_Message]) -> list[_Message]:
    """The messages with a cloud name field that ends in "(privat)" read as one display
    name ("Petra an der Heiden (privat)") where "an" starts a surname ("an der Heiden",
    lower case after it) or is written "An" ("Thi An Nguyen (privat)") and neither side
    also writes in the chat; otherwise, and so
    whenever in doubt, it is "Ben an Anna (Privat)", a direct message (privacy first)."""
    senders = {_folded(m.speaker) for m in messages if m.written is None}
    for message in messages:
        recipient = _PRIVAT.sub("", message.recipient or "")
        # "der Heiden": the rest of a surname, no person; "Thi An Nguyen": Zoom writes
        # the recipient word in lower case, so a capital "An" or "To" is part of a name
        surname = recipient[:1].islower() or not _LOWER_TO.search(message.written or "")
        if (
            message.written
            and surname
            and not {_folded(message.speaker), _folded(recipient)} & senders
        ):
            message.speaker, message.recipient = message.written, None
    return messages


def _withdraw(attributes: dict[str, Any], emoji: str) -> bool:
    """Take one ``emoji`` reaction back from a message's counts; False if it had none."""
    counted = attributes["reaction_emoji"]
    at = counted.rfind(emoji) if emoji else -1
    if at < 0 or attributes["reactions"] < 1:
        return False
    attributes["reaction_emoji"] = counted[:at] + counted[at + len(emoji) :]
    attributes["reactions"] -= 1
    return True


def parse_zoom_chat(
    source: Source,
    name: str | None = None,
    roles: Mapping[str, str] | None = None,
    direct_messages: bool = False,
) -> ParsedDocument:
    """Parse a Zoom chat into one statement per message (reactions counted, not kept;
    direct messages left out unless ``direct_messages``)."""
    raw = read_source(source, name)
    speakers = Speakers(roles)
    statements: list[_Statement] = []
    quotables: list[Quotable] = []
    reactions = unmatched = withdrawn = empty = left_out = 0
    messages = _messages(raw)
    senders = frozenset(_folded(m.speaker) for m in messages)
    for message in messages:
        if _is_saver(message.speaker):
            role, person = SAVER, None
        else:
            role, person = speaker_fields(speakers, message.speaker)
        to = message.recipient and _direct(message.recipient, senders)
        to_role = _recipient_role(to)
        recipient = None if to_role else to and speakers.add(to)
        text = message.text
        if not text:
            empty += 1
            continue
        found = reaction(text, quotables)
        if found is not None and found.target and found.target.source_id == _LEFT_OUT:
            continue  # a reaction to a direct message left out
        if to and not direct_messages:  # to one person, a role or a device ("iPad")
            if found is not None:
                continue  # a reaction sent privately: no message, not counted as one
            left_out += 1  # quotable, so that a reply to it does not repeat its words
            quotables.append(Quotable(_LEFT_OUT, (normalise(text),)))
            continue
        if found is not None:
            target = None if found.target is None else statements[int(found.target.source_id) - 1]
            if found.withdrawn:
                withdrawn += bool(target and _withdraw(target.attributes, found.emoji))
                continue
            reactions += 1
            if target is None:
                unmatched += 1
                continue
            target.attributes["reactions"] += 1
            target.attributes["reaction_emoji"] += found.emoji
            continue
        attributes: dict[str, Any] = {"time": message.time}
        if message.day:
            attributes = {"date": message.day, **attributes}
        if person:
            attributes["speaker"] = person
        answered = reply(text, quotables)
        if answered is not None:
            quoted, text = answered
            if quoted.source_id != _LEFT_OUT:
                attributes["reply_to"] = quoted.source_id
        if recipient:
            attributes.update(direct_message=True, recipient=recipient)
        elif to_role:
            attributes.update(direct_message=True, recipient_role=to_role)
        attributes.update(reactions=0, reaction_emoji="")
        said = message.said(text)  # as written: with the direction marks in it
        statement = _Statement(message, said, str(len(statements) + 1), attributes, role)
        statements.append(statement)
        quotables.append(Quotable(statement.source_id, (normalise(text), normalise(message.text))))
    if not statements and left_out:
        raise InputError(
            f"Der Chat enthält nur Direktnachrichten ({left_out}, an eine Person), und die "
            "sind privat: nichts importiert. Mit --include-direct-messages werden sie "
            "übernommen.",
            file=raw.name,
        )
    if not statements:
        raise InputError("Der Chat enthält keine Nachrichten.", file=raw.name)
    segments = tuple(
        ParsedSegment(
            text=s.text,
            source_id=s.source_id,
            speaker_role=s.role,
            row=s.message.row,
            attributes=s.attributes,
        )
        for s in statements
    )
    return ParsedDocument(
        filename=raw.name,
        sha256=raw.sha256,
        importer=IMPORTER,
        segments=segments,
        format=FORMAT,
        date=next((s.message.day for s in statements if s.message.day), None),
        names=speakers.names,
        options={
            "reactions": reactions,
            "unmatched_reactions": unmatched,
            "withdrawn_reactions": withdrawn,
            "skipped_rows": empty,
            "direct_messages_left_out": left_out,
        },
    )
