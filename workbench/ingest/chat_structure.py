"""Reactions and replies in chat messages, recognised by their structure, in any language.

Zoom writes a reaction as a message of its own in the reacting person's interface
language: a few words, a quoted fragment of an earlier message and an emoji —
``Reacted to "…" with 👍``, ``Hat auf "…" mit 🎉 reagiert``, ``Se ha reaccionado a "…"
con 😂``, ``Heeft gereageerd op "…" met 👍``. A reply starts with a few words and a
quoted fragment of the message it answers, followed by a line break and the reply
(``Replying to "…"``, ``Antwort auf "…"``, ``Respondiendo a "…"``; Zoom's saved chat
adds a colon: ``Replying to «…»:``), or on the same line after a colon where the quote is
the whole message or its start cut with ``...`` (``Antwort auf „…“: Ja``, as copied
chats and the cloud export write it; not ``Zum Thema „Bänke“: …``).
No wording is listed here: what counts is that shape, and that the fragment is the beginning of an
earlier message (long ones are cut and end in ``...``). Taking a reaction back is a
message of the same shape (``Removed a 👍 reaction from "…"``); the one thing read from
its words is that it withdraws (:data:`WITHDRAWING`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# Opening quotation mark → the closing marks it may pair with.
QUOTES: dict[str, str] = {
    '"': '"”“',
    "“": '”“"',
    "”": '”"',
    "„": '“”"',
    "«": "»",
    "»": "«",
    "‹": "›",
    "「": "」",
    "『": "』",
}
_MAX_WORDS = 6
_MAX_FRAME = 60  # characters of the words around the quote
_TRUNCATION = re.compile(r"\s*(?:\.\.\.|…)\s*$")
# Words of a message that takes a reaction back: "Removed a 👍 reaction from …", German
# "… entfernt", Dutch "verwijderd", Spanish "eliminado"/"quitado", French "retiré".
WITHDRAWING = frozenset(
    {"removed", "entfernt", "verwijderd", "eliminado", "eliminó", "quitado", "quitó"}
    | {"retiré", "retirée", "supprimé", "supprimée", "rimosso", "rimossa"}
)


def is_emoji(char: str) -> bool:
    """Whether ``char`` belongs to an emoji (pictograph, modifier, joiner, selector)."""
    code = ord(char)
    if code in (0x200D, 0xFE0F, 0x20E3) or 0x1F3FB <= code <= 0x1F3FF:
        return True
    if 0xE0020 <= code <= 0xE007F:  # tag sequences (flags)
        return True
    return code > 0x7F and unicodedata.category(char) == "So"


def _words(frame: str, allow_emoji: bool) -> tuple[int, int] | None:
    """(words, emoji) in a frame of words around a quote, or None if it is not one."""
    if len(frame) > _MAX_FRAME:
        return None
    emoji = sum(1 for ch in frame if is_emoji(ch))
    if emoji and not allow_emoji:
        return None
    rest = "".join(" " if is_emoji(ch) else ch for ch in frame)
    words = rest.split()
    for word in words:
        if not all(ch.isalpha() or ch in "'’-." for ch in word) or not any(
            ch.isalpha() for ch in word
        ):
            return None
    if len(words) > _MAX_WORDS:
        return None
    return len(words), emoji


def normalise(text: str) -> str:
    """Collapse whitespace, for comparing a quoted fragment with a message."""
    return " ".join(text.split())


@dataclass
class Quotable:
    """An earlier message a reaction or reply may point to."""

    source_id: str
    texts: tuple[str, ...]  # normalised forms it may be quoted by (body, whole message)


def find_quoted(fragment: str, earlier: Sequence[Quotable]) -> Quotable | None:
    """The latest earlier message that begins with ``fragment`` (cut with "..." or not);
    a fragment not cut is a whole message: the latest that is just that comes first."""
    wanted = normalise(_TRUNCATION.sub("", fragment))
    if not wanted:
        return None
    if not _TRUNCATION.search(fragment):  # "Danke", not "Danke dir auch" said later
        for message in reversed(earlier):
            if wanted in message.texts:
                return message
    for message in reversed(earlier):
        if any(text.startswith(wanted) for text in message.texts):
            return message
    return None


def _quotes_whole(fragment: str, message: Quotable) -> bool:
    """Whether a quote on one line with its reply is the message it answers: all of it, or
    its start cut with "..." as the chat cuts it (not a word of it: 'Zum Thema „Bänke“:')."""
    return bool(_TRUNCATION.search(fragment)) or normalise(fragment) in message.texts


def _opening(text: str) -> int | None:
    """Index of the first opening quotation mark, or None."""
    for i, ch in enumerate(text):
        if ch in QUOTES:
            return i
    return None


@dataclass(frozen=True)
class Reaction:
    """A reaction message: the message it reacts to (None if not found), the emoji, and
    whether it takes that reaction back."""

    target: Quotable | None
    emoji: str
    withdrawn: bool = False


def reaction(text: str, earlier: Sequence[Quotable]) -> Reaction | None:
    """The reaction a message consists of, or None if it is an ordinary message.

    A reaction is a short frame of words with an emoji around one quoted fragment; the
    emoji stands among the words before the quote or after a word behind it. The
    fragment must begin an earlier message, or be cut off ("...") when that message
    is not in this file.
    """
    text = text.strip()
    start = _opening(text)
    if start is None or start == 0:
        return None
    closers = QUOTES[text[start]]
    end = max((j for j in range(start + 1, len(text)) if text[j] in closers), default=None)
    if end is None:
        return None
    lead, fragment, tail = text[:start], text[start + 1 : end], text[end + 1 :]
    before, after = _words(lead, allow_emoji=True), _words(tail, allow_emoji=True)
    if before is None or after is None or not fragment.strip() or before[0] == 0:
        return None
    if before[1] == 0 and (after[1] == 0 or not _word_before_emoji(tail)):
        return None
    target = find_quoted(fragment, earlier)
    if target is None and not _TRUNCATION.search(fragment):
        return None
    frame = "".join(" " if is_emoji(ch) else ch for ch in lead + " " + tail)
    withdrawn = any(word.strip("-.").casefold() in WITHDRAWING for word in frame.split())
    return Reaction(target, "".join(ch for ch in lead + tail if is_emoji(ch)), withdrawn)


def _word_before_emoji(tail: str) -> bool:
    """Whether a word stands between the closing quote and the first emoji."""
    first = next(i for i, ch in enumerate(tail) if is_emoji(ch))
    return any(ch.isalpha() for ch in tail[:first])


def reply(text: str, earlier: Sequence[Quotable]) -> tuple[Quotable, str] | None:
    """(message answered, reply text) if ``text`` starts by quoting an earlier message."""
    start = _opening(text)
    if start is None or start == 0:
        return None
    words = _words(text[:start], allow_emoji=False)
    if words is None or words[0] == 0:
        return None
    closers = QUOTES[text[start]]
    for end in range(start + 1, len(text)):
        if text[end] not in closers:
            continue
        rest = text[end + 1 :]
        opening = re.match(r"[ \t]*:?[ \t]*\n", rest)  # the saved chat: 'Replying to «…»:'
        fragment = text[start + 1 : end]
        one_line = opening is None and rest.lstrip(" \t")[:1] == ":"
        if one_line:
            opening = re.match(r"[ \t]*:[ \t]*", rest)  # one line: 'Antwort auf „…“: Ja'
        if opening is None:
            continue
        body = rest[opening.end() :].strip()
        target = find_quoted(fragment, earlier)
        if one_line and target is not None and not _quotes_whole(fragment, target):
            continue  # 'Zum Thema „Bänke“: …' quotes a word, not the message "Bänke fehlen"
        if body and target is not None:
            return target, body
    return None
