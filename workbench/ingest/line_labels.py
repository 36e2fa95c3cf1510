"""The labels that open a line of a QDA program's source: roles, interviews, f4 time marks.

A source a QDA program stores holds one statement per line already; these helpers read
who speaks on a line ("I: …", "B1: …", after a time "[00:00:05] I: …"), whether a short
source is an interview's turns, and where f4's time marks ("#00:00:12-8#") frame a line.
"""

from __future__ import annotations

import re

from workbench.ingest.speaker_labels import is_asking, is_role
from workbench.ingest.turn_lines import TIME, WHO

# also after the time QualCoder and noScribe write first: "[00:00:05] I: …"
_LABEL = re.compile(
    rf"^\s*(?:\[?{TIME}\]?\s*(?:[-–|]\s*)?)?(?P<who>{WHO})\s?:\s+"
    r"(?:\[\d{2}:\d{2}:\d{2}(?:[.,]\d{1,3})?\]\s+)?(?=\S)"  # noScribe: "S00: [00:00:05] …"
)


def role_label(line: str) -> tuple[str, int] | None:
    """The role that opens a transcript line ("I: …", "B1: …", "Moderation: …", also
    after a time: "[00:00:05] I: …") and where its text starts (after noScribe's time:
    "S00: [00:00:05] …"), or None (no label, or a person's name: that stays text and is
    pseudonymised with it)."""
    label = _LABEL.match(line)
    if label is None or not is_role(label["who"].strip()):
        return None
    return label["who"].strip(), label.end()


def is_labelled_interview(text: str) -> bool:
    """Whether the lines of a text each a statement already (a QDA program's source) are
    an interview's turns however few: at least half of its lines open with a speaker, one
    a role who asks ("I:", "Int.:", "Moderation:",
    :func:`~workbench.ingest.speaker_labels.is_asking`) and one who answers ("B:", "IP 2:",
    "Frau Brenner:"). ``I: Was fehlt Ihnen?`` / ``B: Ein Treffpunkt.`` is two turns; a
    protocol's ``Ergebnis: …`` / ``Fazit: …`` asks nothing."""
    lines = [line for line in text[:200_000].splitlines() if line.strip()]
    speakers = [label["who"].strip() for line in lines if (label := _LABEL.match(line))]
    asking = sum(is_role(who) and is_asking(who) for who in speakers)
    return len(speakers) >= 2 and 0 < asking < len(speakers) and 2 * len(speakers) >= len(lines)


_F4_END = re.compile(r"\s*#(\d{1,2}:\d{2}:\d{2})(?:[-.,]\d{1,3})?#\s*$")
_F4_START = re.compile(r"\s*#(\d{1,2}:\d{2}:\d{2})(?:[-.,]\d{1,3})?#\s*")


def f4_edges(line: str) -> tuple[int, int, str | None, str | None]:
    """Where a line's text lies between f4's time marks at its start and end, and their
    times: ``"Ein Treffpunkt. #00:00:12-8#"`` → ``(0, 15, None, "00:00:12")``.

    >>> f4_edges("#00:00:05-2# Was fehlt?"), f4_edges("#00:00:05-2#")
    ((13, 23, '00:00:05', None), (0, 0, None, '00:00:05'))
    """
    start, end, began, ended = 0, len(line), None, None
    if mark := _F4_END.search(line):
        end, ended = mark.start(), mark[1]
    if mark := _F4_START.match(line[:end]):
        start, began = mark.end(), mark[1]
    return start, end, began, ended
