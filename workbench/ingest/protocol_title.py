"""A protocol's title and the workshop it names (pure): which of the short lines above its
details is the title (:func:`title_at`), a letterhead's lines left out
(:func:`without_letterhead`), the event a title names (:func:`workshop_in_title`, also
without what Google Meet and Teams add to a transcript's title).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A word naming an event, no person ("Stadtteilworkshop", "Bürgerforum", "Sitzung"): after
# "Protokoll:" it is the protocol's title, not who wrote it ("Runde", "Abend" only as
# a compound's head: they are surnames too)
_EVENTS = (
    r"workshop|werkstatt|forum|konferenz|veranstaltung|sitzung|treffen|dialog|begehung|"
    r"spaziergang|rundgang|befragung|beteiligung|versammlung|abfrage|gespräch|austausch|"
    r"tagung|\w{3,}runde|\w{3,}abend"
)
_EVENT_WORD = re.compile(rf"(?:{_EVENTS})$", re.I)
_TITLE_WORD = re.compile(rf"(?:{_EVENTS}|protokoll|dokumentation)$", re.I)  # or the protocol
_LEGAL_FORM = re.compile(r"\b(?:e\.\s?V\.|g?GmbH|gAG)(?=\W|$)")
# An office of a city's administration ("Stabsstelle Bürgerbeteiligung", "Fachbereich
# Soziales", "Büro für Bürgerbeteiligung"): a letterhead, whatever event its name mentions
_OFFICE = re.compile(
    r"(?:^|\s)(?:\w*(?:stelle|büro|referat|abteilung|dezernat)|Fachbereich|Amt|Geschäftsbereich)"
    r"(?=\s|$)",
    re.I,
)


def is_event(word: str) -> bool:
    """Whether a word names an event ("Stadtteilworkshop", "Sitzung", "Bürgerforum")."""
    return _EVENT_WORD.search(word.strip(",;()")) is not None


# An event's word also inflected ("des Stadtteilworkshops", "der Sitzungen"); a title led by
# "Protokoll"/"Dokumentation" before the event's own word names the event after it
_EVENT_FORM = re.compile(rf"(?:{_EVENTS})(?:e?s|e?n)?$", re.I)


def is_event_form(word: str) -> bool:
    """Whether a word names an event, inflected too ("des Stadtteilworkshops")."""
    return _EVENT_FORM.search(word.strip(",;:()–-")) is not None


# What Google Meet ("Forum (2026-03-12 18:00 GMT+01:00) – Transkript") and Teams ("Forum-
# 20260312_180212-Besprechungstranskript") add to the event in a transcript's title
_TOOL_SUFFIX = re.compile(
    r"\s*\(\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}[^()]*\)|\s+[–-]\s*(?:transkript|transcript)$|"
    r"-\d{8}_\d{6}(?:-(?:besprechungstranskript|besprechungsaufzeichnung|meeting\s+"
    r"(?:transcript|recording)))?$",
    re.I,
)
_PROTOCOL_LEAD = re.compile(
    r"^(?:Ergebnis|Gedächtnis|Kurz)?(?:protokoll|dokumentation)\s*[:–-]?\s+(?=\S)", re.I
)


def workshop_in_title(title: str | None) -> str | None:
    """The workshop a protocol's title names, for a protocol without "Workshop:": the
    title ("Protokoll" before the event's word left out) if it names an event, else None.

    >>> workshop_in_title("Protokoll Quartiersworkshop Alkenrath")
    'Quartiersworkshop Alkenrath'
    >>> workshop_in_title("Protokoll des Stadtteilworkshops Manfort")
    'Protokoll des Stadtteilworkshops Manfort'
    >>> workshop_in_title("Notizen vom Dienstag") is None
    True
    >>> workshop_in_title("Forum (2026-03-12 18:00 GMT+1) – Transkript")
    'Forum'
    >>> workshop_in_title("Forum-20260312_180212-Besprechungstranskript")
    'Forum'
    """
    line = _TOOL_SUFFIX.sub("", " ".join((title or "").split()))
    words = [w.strip(",;:()–-") for w in line.split()]
    if not any(_EVENT_FORM.search(w) for w in words) or _LEGAL_FORM.search(line):
        return None
    if _OFFICE.search(line):  # "Stabsstelle Bürgerbeteiligung": a letterhead, no event
        return None
    rest = _PROTOCOL_LEAD.sub("", line, count=1)
    return rest if rest != line and is_event(rest.split()[0]) else line


def title_at(lines: Sequence[str]) -> int:
    """Which of the short lines above a protocol's details is its title: the last that
    names the event or the protocol ("Protokoll Stadtteilworkshop" under "Stadt Leverkusen
    – Fachbereich Soziales", a letterhead; "Stadtteilworkshop Manfort" over "Was fehlt im
    Quartier?", its subtitle); without one, the last that asks no question, else the last.

    >>> title_at(["Stadt Leverkusen – Fachbereich Soziales", "Protokoll Stadtteilworkshop"])
    1
    >>> title_at(["Stadtteilworkshop Manfort", "Ideen für den Marktplatz"])
    0
    """
    named = [i for i, line in enumerate(lines) if _titles_event(line)]
    plain = [i for i, line in enumerate(lines) if not line.rstrip().endswith("?")]
    return (named or plain or [len(lines) - 1])[-1]


def _titles_event(line: str) -> bool:
    """Whether a head's line names the event or the protocol, no letterhead's office."""
    return (
        not _LEGAL_FORM.search(line)  # "Jugendforum Leverkusen e.V.": a letterhead
        and not _OFFICE.search(line)  # "Stabsstelle Bürgerbeteiligung": one too
        and any(_TITLE_WORD.search(w.strip(",;:()–-")) for w in line.split())
    )


def without_letterhead(title: str) -> str:
    r"""A title whose first lines (split by Shift+Enter) are a letterhead without it: the
    lines from the first that names the event or the protocol on.

    >>> without_letterhead("Stadt Leverkusen\nFachbereich Soziales\nProtokoll Workshop Manfort")
    'Protokoll Workshop Manfort'
    >>> without_letterhead("Protokoll des Stadtteilworkshops\nManfort-Süd")
    'Protokoll des Stadtteilworkshops\nManfort-Süd'
    """
    lines = title.split("\n")
    first = next((i for i, line in enumerate(lines) if _titles_event(line)), 0)
    return "\n".join(lines[first:])
