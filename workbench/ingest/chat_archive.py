"""WhatsApp chats exported with media ("Chat exportieren" → "Medien einbeziehen"): a ``.zip``.

The archive holds the chat as text (``_chat.txt`` from the iPhone, "WhatsApp Chat mit
….txt" from Android) and the photos, videos, voice messages and contact cards sent in
it. Only the chat text is read (as :mod:`workbench.ingest.whatsapp_chat` reads the
``.txt``); nothing is unpacked to disk, so member names ("../…") point nowhere. The media
are counted for the import's notices: voice messages are not transcribed, and contact
cards (``.vcf``: names and phone numbers) are never opened.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath

from workbench.core.archives import check_unpacked, read_member
from workbench.core.domain import InputError, ParsedDocument
from workbench.core.textio import DecodedFile, RawFile, decode
from workbench.ingest.mended_text import text_file
from workbench.ingest.whatsapp_chat import is_whatsapp_chat, parse_whatsapp_chat

_VOICE = (".opus", ".m4a", ".aac", ".amr", ".ogg", ".mp3", ".wav")
_CONTACTS = (".vcf", ".vcard")


def _texts(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The ``.txt`` members of an archive (not the Mac's resource forks): the only ones read."""
    found = []
    for info in archive.infolist():
        member = PurePosixPath(info.filename.replace("\\", "/"))
        if info.is_dir() or member.suffix.lower() != ".txt" or member.name.startswith("."):
            continue
        if member.parts and member.parts[0] == "__MACOSX":
            continue  # the Mac's resource forks ("._chat.txt"), no text
        found.append(info)
    return found


def _chat_members(archive: zipfile.ZipFile, name: str) -> list[DecodedFile]:
    """The ``.txt`` members of an archive that are WhatsApp chats, with their bytes and
    text (decoded once). Only their sizes are checked: the media (a 300 MB video) are never
    unpacked."""
    texts = _texts(archive)
    check_unpacked(archive, name, texts)
    found = []
    for info in texts:
        member = PurePosixPath(info.filename.replace("\\", "/"))
        data = read_member(archive, info, name)  # bounded; names a damaged or encrypted one
        try:
            text = decode(RawFile(member.name, data))
        except InputError:
            continue
        if is_whatsapp_chat(text):
            found.append(DecodedFile(member.name, data, text))
    return found


def _media(archive: zipfile.ZipFile, chat: str) -> dict[str, int]:
    """How many media files the archive holds besides the chat (voice, contact cards)."""
    names = [
        PurePosixPath(i.filename.replace("\\", "/"))
        for i in archive.infolist()
        if not i.is_dir() and not i.filename.startswith("__MACOSX")
    ]
    others = [n for n in names if n.name != chat and not n.name.startswith(".")]
    return {
        "files": len(others),
        "voice": sum(n.suffix.lower() in _VOICE for n in others),
        "contacts": sum(n.suffix.lower() in _CONTACTS for n in others),
    }


def is_whatsapp_archive(path: Path) -> bool:
    """Whether a ``.zip`` file is a WhatsApp export with media (it holds a chat text)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return bool(_chat_members(archive, path.name))
    except (zipfile.BadZipFile, InputError, OSError, EOFError):
        return False


def parse_whatsapp_archive(
    path: Path, roles: Mapping[str, str] | None = None
) -> ParsedDocument | None:
    """The chat of a WhatsApp export with media, or None if the ``.zip`` holds no chat
    (or is no readable archive)."""
    try:
        with zipfile.ZipFile(path) as archive:
            chats = _chat_members(archive, path.name)
            if len(chats) > 1:
                raise InputError(
                    "Das Archiv enthält mehrere WhatsApp-Chats "
                    f"({', '.join(sorted(c.name for c in chats))}); bitte entpacken und jeden "
                    "Chat einzeln importieren.",
                    file=path.name,
                )
            if not chats:
                return None
            chat = chats[0]
            media = _media(archive, chat.name)
    except FileNotFoundError:
        raise InputError("Datei nicht gefunden.", file=str(path)) from None
    except (zipfile.BadZipFile, EOFError):
        return None  # no archive, or a broken one: the import names the file type
    # its lines read with the wrong encoding repaired before parsing, as a chat's .txt is
    # (decision 027): who writes is decided on them; the digest stays the member's
    read = text_file(DecodedFile(path.name, chat.data, chat.text))
    document = read.counted(parse_whatsapp_chat(read.read, path.name, roles=roles))
    counts = {**document.options.get("messenger", {}), "archive": media}
    return replace(document, options={**document.options, "messenger": counts})
