"""Speaker turns written as a list's items ("- Sprecher 1: …", "* Moderation: …", "• Anwohnerin:
…", "1. TN 2: …") in a Markdown or plain-text protocol (pure).

Where every item of a file's lists opens with a speaker's label, a voice ("Sprecher 1",
"SPEAKER_00"), a role ("Moderation") or a role word ("Anwohnerin": :mod:`role_labels`), the
list marks are only the note-taker's layout: the items are turns, read as the same lines
without their marks. A protocol's lead-ins among them ("- Ergebnis: …") stay its record.
A list of points ("- Ziel: mehr Grün", "- Ort: Spielplatz") has no voice: it stays a list.
"""

from __future__ import annotations

import re
from dataclasses import replace

from workbench.core.domain import ParsedDocument, ParsedSegment
from workbench.ingest.discourse_labels import is_lead_in
from workbench.ingest.markdown_lines import _HEADING, _ITEM
from workbench.ingest.role_labels import person_only, role_label
from workbench.ingest.speaker_labels import is_role

# An item's speaker label, plain or bold ("Sprecher 1: …", "**TN 2:** …", "__Mod.__: …")
_LABEL = re.compile(r"^(?:\*\*|__)?([^:*\n]{1,60}?)(?:\*\*|__)?:(?:\*\*|__)?\s+\S")


def _voice(label: str) -> bool:
    """Whether an item's label is who speaks: a voice, a role or a role word."""
    return is_role(label) or role_label(label) is not None


def unbulleted(lines: list[str]) -> list[str] | None:
    """The lines with the marks of their list items taken off where every item is a
    speaker's turn (see the module's docstring), at least two of them a voice's; None
    otherwise (a list of points, a nested list, an item without a label).

    >>> unbulleted(["- Sprecher 1: Zu klein.", "- Moderation: Danke.", "- Ergebnis: Prüfen."])
    ['Sprecher 1: Zu klein.', 'Moderation: Danke.', 'Ergebnis: Prüfen.']
    >>> unbulleted(["- Ziel: mehr Grün", "- Problem: Parken"]) is None
    True
    """
    items = [(row, found) for row, line in enumerate(lines) if (found := _ITEM.match(line))]
    if len(items) < 2 or any(found.group(1) for _, found in items):
        return None  # an item indented below another: a list's points
    labels = [_LABEL.match(found.group(2)) for _, found in items]
    if not all(labels):
        return None
    voices = [who for label in labels if label and not is_lead_in(who := label.group(1).strip())]
    if len(voices) < 2 or not all(map(_voice, voices)):
        return None
    plain = list(lines)
    for row, found in items:
        plain[row] = found.group(2)
    return plain


def lead_in_rows(lines: list[str]) -> set[int]:
    """The rows (from 0) of the lead-ins among unbulleted turns ("Ergebnis: …", "Ziel: …")."""
    return {
        row
        for row, line in enumerate(lines)
        if (label := _LABEL.match(line)) and is_lead_in(label.group(1).strip())
    }


def attendance_rows(lines: list[str]) -> dict[int, str]:
    """The rows (from 0) of an attendance list among unbulleted turns, with the name each
    gives: a voice's or role's label over only a person's name ("Anwohnerin: Frau Koch",
    :func:`~workbench.ingest.role_labels.person_only`), who was there, not what was said."""
    rows = {}
    for row, line in enumerate(lines):
        label = _LABEL.match(line)
        said = " ".join(line[label.end() - 1 :].split()) if label else ""
        if label and _voice(label.group(1).strip()) and person_only(said):
            rows[row] = said
    return rows


def with_lead_ins(document: ParsedDocument, lines: list[str], rows: set[int]) -> ParsedDocument:
    """The turns read without their lead-ins (``rows`` of ``lines``) with each lead-in put
    back as the record's statement: no speaker, its label in its text, the question of the
    turns beside it under the same heading."""

    def block(row: int) -> int:  # the headings above a line (rows from 1)
        return sum(bool(_HEADING.match(line)) for line in lines[: row - 1])

    segments = list(document.segments)
    for row in sorted(rows):
        number = row + 1
        beside = [s for s in segments if s.row and block(s.row) == block(number)]
        nearest = min(beside, key=lambda s: abs((s.row or 0) - number), default=None)
        asked = nearest.question if nearest else None
        label = _LABEL.match(lines[row])
        said = " ".join(lines[row][label.end() - 1 :].split()) if label else lines[row].strip()
        text = f"{label.group(1).strip()}: {said}" if label else said  # "**Ziel:**": "Ziel:"
        segments.append(ParsedSegment(text=text, source_id="", question=asked, row=number))
    segments.sort(key=lambda s: s.row or 0)
    numbered = tuple(replace(s, source_id=str(i)) for i, s in enumerate(segments, start=1))
    return replace(document, segments=numbered)
