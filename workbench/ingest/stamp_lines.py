"""A transcription service's export without speakers: every line opens with its time stamp.

``[00:01:02] Herzlich willkommen.``, ``(00:01:02) …``, ``00:01:02 …``, ``[01:02] …`` (no
dash after the stamp, as aTrain writes it: :mod:`workbench.ingest.transcript_segments`),
below at most three title lines ("Protokoll Stadtteilrunde Manfort", a date). The stamps
are the recording's, metadata as in WebVTT: no words of the statements; the lines above
are the title, no statement.

A time at the start of an agenda's or a protocol's line is content, not a stamp: a
researcher reads "18:15 Verkehr" as when the item was on, part of what was written, and
the agenda is no recording. So the lines stay a protocol when a time is a clock time
("18:30 Uhr Pause", a span "19:00–19:30 Arbeitsgruppen"), when only some lines have one,
when the times go back, and when stamps of two parts read as a day's hours and minutes
(18:15, 18:07: the first from 1 to 23, none from 24) rather than a recording's minutes
and seconds (00:05 from its start, 45:10 past a day's hours). A service's export of a
whole recording starts at 00:…; the excerpt of one that starts at 12:37 in two-part
stamps stays a protocol (its times cannot be told from a minutes' clock times). Stamps
with seconds are a day's clock too where they start at 06:00:00 or later and every one
falls on a full minute ("18:00:00 Begrüßung", "18:15:00 Bericht": no recording runs six
hours with each segment on the minute), and so are any times under a title that says
they are a plan's ("Tagesordnung", "Ablauf", "Programm", "Agenda", "Zeitplan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
# "[00:01:02] text", "(00:01:02) text", "00:01:02 text", "[01:02] text"
_STAMPED = re.compile(
    rf"^(?:\[(?P<b>{_TIME})\]|\((?P<p>{_TIME})\)|(?P<n>{_TIME})(?=\s))\s*(?P<text>\S.*)$"
)
# what says a time is a clock time: "Uhr" after it, a span "– 19:30" / "bis 19:30"
_CLOCK = re.compile(rf"^(?:Uhr\b|(?:[-–—]|bis\b)\s*{_TIME})", re.I)
_TITLE_LINES = 3  # title lines above the first stamp at most
_DAY_HOURS = 6  # three-part stamps from here, on full minutes: the times of a day
# a title that says the times are a plan's: "Tagesordnung", "Ablauf", "Programm 12.03."
_AGENDA_HEAD = re.compile(r"^\W*(?:Tagesordnung|Ablauf|Programm|Agenda|Zeitplan)\b", re.I)
_TITLE_LENGTH = 80  # a longer line above the stamps is text: no title
MIN_STAMPS = 3


@dataclass(frozen=True)
class Stamped:
    """A stamped export: its title lines and each line's (row, start "hh:mm:ss", text)."""

    head: list[str]
    lines: list[tuple[int, str, str]]


def _parts(time: str) -> list[int]:
    return [int(part) for part in time.split(":")]


def _seconds(times: list[str]) -> list[int] | None:
    """Each stamp in seconds of the recording, or None when the stamps are no recording's:
    out of range, going back, or two-part times that read as a day's clock."""
    parts = [_parts(time) for time in times]
    if any(p[-1] > 59 or (len(p) == 3 and p[1] > 59) for p in parts):
        return None
    # "xx:yy" are a recording's minutes and seconds from its start ("00:05") or past a
    # day's hours ("45:10"); from "01:00" to "23:59" the time of day ("18:15", "18:07")
    two_parts = all(len(p) == 2 for p in parts)
    if two_parts and parts[0][0] != 0 and all(p[0] < 24 for p in parts):
        return None
    # "18:00:00 Begrüßung", "18:15:00 Bericht": a day's hours from six on, no second but :00
    # (a recording of six hours whose every stamp falls on a full minute is none)
    if all(len(p) == 3 and p[2] == 0 for p in parts) and parts[0][0] >= _DAY_HOURS:
        return None
    seconds = [(p[0] * 3600 if len(p) == 3 else 0) + p[-2] * 60 + p[-1] for p in parts]
    if any(later < earlier for earlier, later in pairwise(seconds)):
        return None
    return seconds


def _clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def stamped_lines(lines: list[tuple[int, str]]) -> Stamped | None:
    """The export in ``lines`` (numbered, stripped, without empty ones) when every line
    below at most three short title lines opens with a recording's time stamp (three
    at least), else None (see the module)."""
    first = next((i for i, (_, line) in enumerate(lines) if _STAMPED.match(line)), None)
    if first is None or first > _TITLE_LINES or len(lines) - first < MIN_STAMPS:
        return None
    head = [line for _, line in lines[:first]]
    if any(len(line) > _TITLE_LENGTH for line in head):
        return None
    if any(map(agenda_head, head)):
        return None  # "Tagesordnung" over "[18:15:00] Verkehr": an agenda's times
    found = [(number, _STAMPED.match(line)) for number, line in lines[first:]]
    if not all(match for _, match in found):
        return None  # only some lines open with a time: a protocol's
    matches = [(number, match) for number, match in found if match]
    texts = [match["text"] for _, match in matches]
    if any(_CLOCK.match(text) for text in texts):
        return None  # "18:30 Uhr Pause", "19:00–19:30 Arbeitsgruppen": times of the day
    times = [match["b"] or match["p"] or match["n"] for _, match in matches]
    seconds = _seconds(times)
    if seconds is None:
        return None
    rows = [number for number, _ in matches]
    return Stamped(head, [(n, _clock(s), t) for n, s, t in zip(rows, seconds, texts, strict=True)])


def agenda_head(line: str) -> bool:
    """Whether a title line says the times below are a plan's ("Tagesordnung", "Ablauf",
    "Programm 12.03.2024", "# Agenda", "Zeitplan")."""
    return _AGENDA_HEAD.match(line) is not None


def stamp_end(line: str) -> int | None:
    """Where a stamped line's time stamp ends (its text starts), or None."""
    found = _STAMPED.match(line)
    return found.start("text") if found else None
