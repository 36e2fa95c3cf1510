"""Zoom meeting chats (``.txt``), recognised by their content.

Two forms: the cloud export, one message per line ``HH:MM:SS<TAB>Name:<TAB>Text``,
and the chat saved in the meeting ``HH:MM:SS From Name to Everyone:`` with the text on
the following (indented) lines — also ``From Name : Text`` on one line and, for direct
messages, ``to Other (Direct Message)``/``(Privately)``. Every message is one statement
(``source_id`` 1, 2, … in order) and keeps its lines: lines that do not start a message
continue the one before, and in files whose lines end in CRLF a bare LF is a line break
inside a message. Reactions are not statements: each is counted on the message it
reacts to (attributes ``reactions`` and ``reaction_emoji``). A reply keeps the source id
of the message it answers (``reply_to``). Time stamps are kept (``time``); speakers are
people (see :mod:`workbench.ingest.speakers`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.ingest.chat_structure import Quotable, normalise, reaction, reply
from workbench.ingest.speakers import Speakers
from workbench.ingest.textio import RawFile, Source, decode, read_source

IMPORTER = "zoom-chat"
FORMAT = "digital (Videokonferenz)"

_CLOUD = re.compile(r"^(?P<time>\d{1,2}:\d{2}:\d{2})\t(?P<name>[^\t]+?): *(?:\t(?P<text>.*))?$")
_LOCAL = re.compile(r"^(?P<time>\d{1,2}:\d{2}(?::\d{2})?)[ \t]+From[ \t]+(?P<rest>.+)$")
# Lines built like a message header whose time stamp is not one.
_BROKEN_CLOUD = re.compile(r"^(?P<time>(?=[^\t]*\d)[0-9A-Za-z:.;,]{3,12}) *\t[^\t]+?: *(?:\t|$)")
_BROKEN_LOCAL = re.compile(r"^(?P<time>(?=\S*\d)(?=\S*:)\S{1,12})[ \t]+From[ \t]")
_LOCAL_WHO = (
    re.compile(r"^(?P<who>.+?)\s+:\s?(?P<text>.*)$"),  # From Name : Text
    re.compile(r"^(?P<who>.+?)\s*:\s*$"),  # From Name to Everyone:   (text follows)
    re.compile(r"^(?P<who>.+?\sto\s.+?):\s?(?P<text>.*)$"),  # From Name to Everyone: Text
    re.compile(r"^(?P<who>[^:]+?):\s(?P<text>.*)$"),  # From Name: Text
)
_TO = re.compile(r"^(?P<sender>.+?)\s+to\s+(?P<recipient>.+)$")
_DIRECT = re.compile(r"\([^()]*\)\s*$")


@dataclass
class _Message:
    row: int
    time: str
    speaker: str
    lines: list[str]
    local: bool
    recipient: str | None = None

    @property
    def text(self) -> str:
        lines = self.lines
        if self.local:  # the saved chat indents the text lines with one tab
            lines = [lines[0], *(ln[1:] if ln.startswith("\t") else ln for ln in lines[1:])]
        return "\n".join(line.rstrip() for line in lines).strip()


@dataclass
class _Statement:
    message: _Message
    text: str
    source_id: str
    attributes: dict[str, Any] = field(default_factory=dict)


def _check_time(time: str, name: str, row: int) -> str:
    """Return ``time`` if minutes and seconds are valid, else stop with the line."""
    parts = time.split(":")
    if any(int(p) > 59 for p in parts[1:]):
        raise InputError(
            f"Zeitstempel '{time}' ist ungültig (erwartet hh:mm:ss).", file=name, row=row
        )
    return time


def _local_who(rest: str) -> re.Match[str] | None:
    """Sender (and recipient) with the text of a saved-chat header line, or None."""
    for pattern in _LOCAL_WHO:
        who = pattern.match(rest.strip())
        if who:
            return who
    return None


def _header(line: str, name: str, row: int) -> _Message | None:
    """The message a line starts, None for a continuation line; stops on a broken one."""
    cloud = _CLOUD.match(line)
    if cloud:
        time = _check_time(cloud["time"], name, row)
        return _Message(row, time, cloud["name"].strip(), [cloud["text"] or ""], local=False)
    local = _LOCAL.match(line)
    if local:
        time = _check_time(local["time"], name, row)
        who = _local_who(local["rest"])
        if who is None:
            raise InputError(
                "Chatzeile nicht erkannt (erwartet 'From Name to Everyone:').", file=name, row=row
            )
        sender, recipient = " ".join(who["who"].split()), None
        to = _TO.match(sender)
        if to:
            sender = to["sender"]
            if _DIRECT.search(to["recipient"]):
                recipient = to["recipient"]
        text = who.groupdict().get("text") or ""
        return _Message(row, time, sender, [text], local=True, recipient=recipient)
    broken = _BROKEN_CLOUD.match(line) or _BROKEN_LOCAL.match(line)
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
    """Whether a text is a Zoom chat: its first non-empty lines are message headers."""
    text = text.lstrip("\ufeff")
    lines = [ln for ln in text.replace("\r", "\n").split("\n")[:400] if ln.strip()][:10]
    if not lines:
        return False
    built = (_CLOUD, _LOCAL, _BROKEN_CLOUD, _BROKEN_LOCAL)
    if not any(p.match(lines[0]) for p in built):
        return False
    return any(_CLOUD.match(ln) or _is_local(ln) for ln in lines)


def _is_local(line: str) -> bool:
    """Whether a line is a complete header of a chat saved in the meeting."""
    local = _LOCAL.match(line)
    return local is not None and _local_who(local["rest"]) is not None


def _messages(raw: RawFile) -> list[_Message]:
    """Split a chat into its messages (header line plus continuation lines)."""
    messages: list[_Message] = []
    for row, record in _records(decode(raw)):
        first, *more = record.split("\n")
        message = _header(first, raw.name, row)
        if message is not None:
            message.lines.extend(more)
            messages.append(message)
        elif messages:
            messages[-1].lines.extend(record.split("\n"))
        elif record.strip():
            raise InputError(
                "Aufbau nicht erkannt: ein Zoom-Chat beginnt mit 'hh:mm:ss<Tab>Name:<Tab>Text' "
                "oder 'hh:mm:ss From Name to Everyone:'.",
                file=raw.name,
                row=row,
            )
    return messages


def parse_zoom_chat(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse a Zoom chat into one statement per message (reactions counted, not kept)."""
    raw = read_source(source, name)
    speakers = Speakers(roles)
    statements: list[_Statement] = []
    quotables: list[Quotable] = []
    reactions = unmatched = empty = 0
    for message in _messages(raw):
        person = speakers.add(message.speaker)
        recipient = speakers.add(message.recipient) if message.recipient else None
        text = message.text
        if not text:
            empty += 1
            continue
        found = reaction(text, quotables)
        if found is not None:
            reactions += 1
            if found.target is None:
                unmatched += 1
                continue
            target = statements[int(found.target.source_id) - 1]
            target.attributes["reactions"] += 1
            target.attributes["reaction_emoji"] += found.emoji
            continue
        attributes: dict[str, Any] = {"time": message.time, "speaker": person}
        answered = reply(text, quotables)
        if answered is not None:
            quoted, text = answered
            attributes["reply_to"] = quoted.source_id
        if recipient:
            attributes.update(direct_message=True, recipient=recipient)
        attributes.update(reactions=0, reaction_emoji="")
        statement = _Statement(message, text, str(len(statements) + 1), attributes)
        statements.append(statement)
        quotables.append(Quotable(statement.source_id, (normalise(text), normalise(message.text))))
    if not statements:
        raise InputError("Der Chat enthält keine Nachrichten.", file=raw.name)
    segments = tuple(
        ParsedSegment(
            text=s.text,
            source_id=s.source_id,
            speaker_role=speakers.role(s.attributes["speaker"]),
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
        names=speakers.names,
        options={
            "reactions": reactions,
            "unmatched_reactions": unmatched,
            "skipped_rows": empty,
        },
    )
