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

from workbench.ingest.discourse_labels import is_lead_in
from workbench.ingest.markdown_lines import _ITEM
from workbench.ingest.role_labels import role_label
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
