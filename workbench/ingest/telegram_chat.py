"""Telegram group chats exported by Telegram Desktop as JSON (``result.json``).

The export is an object with the chat's ``name`` and its ``messages``: each has an
``id``, a ``type`` ("message" or "service"), a ``date`` (``2021-03-12T18:02:11``), the
sender's display name ``from`` and a ``text`` that is a string or a list of strings and
entities (``{"type": "mention", "text": "@anna"}``). Every message with text is one
statement (``source_id``: its id; a reply keeps the id it answers as ``reply_to``), its
sender a person (:mod:`workbench.ingest.speakers`), with ``date`` and ``time``. Not
statements, counted in the import's notices: service messages (the group was created,
someone joined; their names go onto the name list), media without a caption, and shared
locations and contacts (coordinates and phone numbers are never stored). A poll's
question is the statement, its answers with their votes the attribute ``poll``. Account
ids (``from_id``), file paths and the like are never stored. The export of a whole account
("Export Telegram data": every chat, contacts, personal information) is refused.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, time
from typing import Any

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.core.formatting import plural
from workbench.core.textio import RawFile, Source, decode, read_source
from workbench.ingest.speaker_labels import speaker_fields
from workbench.ingest.speakers import Speakers
from workbench.ingest.whatsapp_chat import messenger_document, without_coordinates

IMPORTER = "telegram-chat"
_PLACES = ("location_information", "contact_information", "place_name", "contact_vcard")


def _load(raw: RawFile) -> Any:
    """The JSON value of a file, or None when it is no JSON (the table import says why)."""
    try:
        return json.loads(decode(raw))
    except (json.JSONDecodeError, InputError, RecursionError):
        return None


def _is_export(data: Any) -> bool:
    """Whether a JSON value is a Telegram chat export (messages with type, date and sender)."""
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        return False
    messages = [m for m in data["messages"][:50] if isinstance(m, dict)]
    typed = all(m.get("type") in ("message", "service") and "date" in m for m in messages)
    return bool(messages) and typed and any("from" in m or "actor" in m for m in messages)


def is_telegram_json(source: Source) -> bool:
    """Whether a ``.json`` file is a chat exported by Telegram Desktop."""
    try:
        raw = read_source(source)
    except InputError:
        return False
    data = _load(raw)
    return _is_export(data) or _is_account_export(data)


def _is_account_export(data: Any) -> bool:
    """Whether a JSON value is Telegram's export of a whole account ("Export Telegram data":
    every chat under ``chats.list``, with contacts and personal information)."""
    chats = data.get("chats") if isinstance(data, dict) else None
    listed = chats.get("list") if isinstance(chats, dict) else None
    return isinstance(listed, list) and any(
        isinstance(chat, dict) and isinstance(chat.get("messages"), list) for chat in listed
    )


def _text(value: Any) -> str:
    """A message's text: a string, or strings and entities (``{"text": …}``) one after another."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text", ""))
            for part in value
            if isinstance(part, (str, dict))
        )
    return ""


def _poll(poll: Any) -> tuple[str, str]:
    """(question, answers with their votes) of a poll."""
    if not isinstance(poll, dict):
        return "", ""
    answers = [
        f"{_text(a.get('text'))} ({plural(int(a.get('voters') or 0), 'Stimme', 'Stimmen')})"
        if "voters" in a
        else _text(a.get("text"))  # the HTML export shows no votes per answer
        for a in poll.get("answers") or []
        if isinstance(a, dict)
    ]
    return _text(poll.get("question")).strip(), "; ".join(answers)


def _when(value: Any, name: str, row: int) -> tuple[str, str]:
    """(ISO date, time) of a message's ``date``; stops with the message on a broken one."""
    text = str(value or "")
    day, _, clock = text.partition("T")
    try:  # a day that does not exist ("2021-02-31T…") is as broken as a cut-off one
        date.fromisoformat(day if len(day) == 10 else "")
        time.fromisoformat(clock)
    except ValueError:
        raise InputError(
            f"Nachricht {row}: Datum '{text}' ist ungültig (erwartet JJJJ-MM-TTThh:mm:ss).",
            file=name,
        ) from None
    return day, clock


def parse_telegram_json(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse a Telegram JSON export into one statement per message with text."""
    raw = read_source(source, name)
    data = _load(raw)
    if _is_account_export(data):
        raise InputError(
            "Das ist der Export eines ganzen Telegram-Kontos (alle Chats, Kontakte und "
            "persönliche Angaben): nichts importiert. Bitte nur den Gruppenchat exportieren: "
            "in Telegram Desktop den Chat öffnen, ⋮ › „Chatverlauf exportieren“, Format JSON.",
            file=raw.name,
        )
    if not _is_export(data):
        raise InputError(
            "Kein Telegram-Export (erwartet 'messages' mit 'type' und 'date').", file=raw.name
        )
    return telegram_document(data["messages"], raw, roles)


def telegram_document(
    messages: list[Any], raw: RawFile, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """One statement per message with text of a Telegram export's messages (as in its JSON:
    ``type``, ``date``, ``from``, ``text`` …; the HTML export is read into the same)."""
    speakers = Speakers(roles)
    counts = {"system": 0, "media": 0, "deleted": 0, "locations": 0, "polls": 0}
    segments: list[ParsedSegment] = []
    kept: set[str] = set()
    for number, message in enumerate(messages, start=1):
        if not isinstance(message, dict):
            continue
        if message.get("type") == "service":
            counts["system"] += 1
            for who in [message.get("actor"), *(message.get("members") or [])]:
                if isinstance(who, str) and who.strip():
                    speakers.add(who)
            continue
        if any(key in message for key in _PLACES):
            counts["locations"] += 1
            continue
        text = without_coordinates(_text(message.get("text"))).strip()
        attributes: dict[str, Any] = {}
        if isinstance(message.get("poll"), dict):
            counts["polls"] += 1
            text, attributes["poll"] = _poll(message["poll"])
        if not text:
            counts["media"] += 1  # a photo, a sticker, a voice message without a caption
            continue
        day, clock = _when(message.get("date"), raw.name, number)
        attributes.update(date=day, time=clock)
        sender = message.get("from")
        role, person = speaker_fields(speakers, sender if isinstance(sender, str) else None)
        if person:
            attributes["speaker"] = person
        answered = str(message.get("reply_to_message_id", ""))
        if answered in kept:
            attributes["reply_to"] = answered
        if message.get("edited"):
            attributes["edited"] = True
        if message.get("forwarded_from"):
            attributes["forwarded"] = True
        source_id = str(message.get("id", number))
        kept.add(source_id)
        segments.append(
            ParsedSegment(
                text=text,
                source_id=source_id,
                speaker_role=role,
                row=number,
                attributes=attributes,
            )
        )
    return messenger_document(raw, IMPORTER, segments, speakers.names, counts)
