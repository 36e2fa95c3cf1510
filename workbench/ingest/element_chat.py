"""Element (Matrix) chats saved as plain text: "Chat exportieren" → "Nur-Text" (pure).

Element writes one line per event: the full date and time, " - ", then the event as its
timeline shows it — ``Thu, Dec 5 2026 18:01:12 - Anna Schmidt: Guten Abend``, in German
``Do., 5. Dez. 2026, 18:01:12 - Anna Schmidt: …``; lines of a message written over
several lines follow without a date. Events other than messages (``Anna Schmidt joined
the room``, ``… hat den Raum betreten``) have no "Name: " and are no statements. A reply
starts with the quoted start of the message answered, ``<Ben Berg "Der Spielplatz…">``:
it is dropped, as in Zoom's replies. A sender without display name is its Matrix ID
(``@anna.schmidt:matrix.org``): its local part names the person (``anna.schmidt``).

The lines become speaker turns (:mod:`workbench.ingest.speaker_turns`): one statement
per message with its time; the date of the first message is the document's date. A day
that does not exist ("Feb 31 2026") on any line is a broken export: the import stops
naming file and line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from workbench.core.domain import InputError, ParsedDocument
from workbench.core.textio import Source, decode, read_source
from workbench.ingest.common import MONTH_NUMBERS
from workbench.ingest.direction_marks import marked_rest, unmarked
from workbench.ingest.speaker_turns import turns_document

_DAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Mo|Di|Mi|Do|Fr|Sa|So)\.?,"
_HEADER = re.compile(
    rf"^{_DAY}\s+(?P<date>[^-\n]*?\d{{4}}),?\s+"
    r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?) - (?P<event>.*)$"
)
_MATRIX_ID = re.compile(r"^@(?P<local>[^:\s]+):[^\s:]+(?::\d+)?: ")
_SENDER = re.compile(r"^(?P<who>[^:\n]{1,80}?): ")
_REPLY = re.compile(r'^<[^<>\n"]{1,80}(?: "[^"\n]*")?> ')
# Element's date exactly, English "Dec 5 2026" or German "5. Dez. 2026": a time without
# seconds is Element's only in it (a typed note writes "4.3.2021" or "4. März 2021")
_ELEMENT_DATE = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2} \d{4}|"
    r"\d{1,2}\. (?:Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept?\.|Okt\.|Nov\.|Dez\.) \d{4}"
)


def is_element_chat(text: str) -> bool:
    """Whether a plain text is an Element chat export: its first line and most lines
    that start with a weekday are event lines."""
    lines = [line for line in text.lstrip("\ufeff").splitlines() if line.strip()]
    if len(lines) < 2 or not _is_event(lines[0]):
        return False
    headers = sum(1 for line in lines if _is_event(line))
    return headers >= 2 and headers >= 0.5 * len(lines)


def _is_event(line: str) -> bool:
    """Whether a line starts as Element writes an event: its month as a word and its time
    with seconds ("Thu, Dec 5 2026 18:01:12 - "), or without them (as some versions and
    locales write) in Element's own date ("Thu, Dec 5 2026 18:01 - ", "Do., 5. Dez. 2026,
    18:01 - "); not as notes are typed ("Mo., 4.3.2021, 10:15 - Spielplatz: …",
    "Mo, 4.3.2021 18:00 - Werkstatt Manfort")."""
    header = _HEADER.match(line)
    if header is None:
        return False
    if not re.search(r"\d:\d{2}:\d{2}", header["time"]):
        return bool(_ELEMENT_DATE.fullmatch(header["date"]))
    return any(w.casefold() in MONTH_NUMBERS for w in re.findall(r"[^\W\d_]+", header["date"]))


def parse_element_chat(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """One statement per message of an Element chat export, with sender and time."""
    raw = read_source(source, name)
    lines: list[str] = []  # one per line of the file, so that rows stay the file's
    written: list[str] = []  # the same with the direction marks in the messages' texts
    day: str | None = None
    message: int | None = None  # the line of the message the lines below continue
    heads: dict[int, tuple[str, str, str]] = {}  # message → label, its line as written, text
    text = decode(raw).lstrip("\ufeff")
    for line, marked in zip(unmarked(text).splitlines(), text.splitlines(), strict=True):
        lines.append("")
        written.append("")
        header = _HEADER.match(line)
        if header is None:
            if message is not None and line.strip():
                lines[message] += " " + line.strip()  # a message's next line
                written[message] += " " + marked.strip()
            continue
        iso = _iso(header["date"], raw.name, len(lines))
        event = header["event"]
        matrix = _MATRIX_ID.match(event)
        sender = None if matrix else _SENDER.match(event)
        found = matrix or sender
        if found is None:
            message = None  # "Anna Schmidt joined the room": no message
            continue
        who = matrix["local"] if matrix else found["who"]
        said = _REPLY.sub("", event[found.end() :])
        message = len(lines) - 1
        lines[message] = f"[{header['time']}] {who}: {said}"
        written[message] = label = f"[{header['time']}] {who}: "
        heads[message] = (label, marked, said)
        day = day or iso
    for number, (label, marked, said) in heads.items():  # closed maybe on a line below
        below = written[number][len(label) :]
        written[number] = label + marked_rest(marked, said, below) + below
    document = turns_document(raw, "\n".join(lines), roles, written="\n".join(written))
    return replace(document, date=document.date or day)


def _iso(written: str, name: str, row: int) -> str | None:
    """The ISO date of Element's "Dec 5 2026" or "5. Dez. 2026" in line ``row``, None if
    unreadable; a day that does not exist ("Feb 31 2026") is a broken export, which stops
    the import naming file and line, as in WhatsApp's chats."""
    words = re.findall(r"[^\W\d_]+|\d+", written)
    month = next(
        (MONTH_NUMBERS[w.casefold()] for w in words if w.casefold() in MONTH_NUMBERS), None
    )
    numbers = [int(w) for w in words if w.isdigit()]
    if month is None or len(numbers) != 2:
        return None
    try:
        return date(numbers[1], month, numbers[0]).isoformat()
    except ValueError:
        raise InputError(
            f"Datum '{written.strip()}' gibt es nicht: die Zeile ist im Export beschädigt; sie "
            "in einem Texteditor berichtigen und erneut importieren.",
            file=name,
            row=row,
        ) from None
