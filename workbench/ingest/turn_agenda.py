"""Agenda items and a start line over a transcript's turns (moved out of
:mod:`workbench.ingest.speaker_turns`, near its size limit): "TOP 1 Spielplätze" or "1.
Begrüßung" above turns is their question, "18:00" under the title the meeting's start."""

from __future__ import annotations

import re

from workbench.ingest.paragraphs import agenda_items
from workbench.ingest.turn_lines import Turn, read_turns

# A numbered agenda item: "1. Begrüßung", "2) Verkehr und Parken"; no sentence, no turn
_NUMBERED_ITEM = re.compile(
    r"^\s*(\d{1,2})[.)]\s+(?=[A-ZÄÖÜ])(?![^:]*:\s+\S)(?!.*[.!…]\s*$).{1,60}$"
)


def _start_line(turns: list[Turn]) -> bool:
    """Whether the turns' only time is that of one line above them all ("18:00", "18:00
    Uhr" under a typed transcript's title): the meeting's start, not every turn's time. A
    recording's clock from zero (Google Meet's "00:00:00" over a short transcript) times
    its turns."""
    times = {turn.time for turn in turns}
    return (
        len(turns) > 1
        and all(turn.section for turn in turns)
        and len(times) == 1
        and not re.fullmatch(r"[0:]+", next(iter(times)) or "0")
    )


def _agenda(text: str) -> tuple[str, list[tuple[int, str | None]]]:
    """The text with its agenda items blanked ("TOP 1 Spielplätze" on a line of its own, or
    two or more numbered in order: "TOP 1 …", "1. Begrüßung") and, for each, its line number
    and heading: the question of the turns below it, as in a protocol (no line of a turn's text)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    found = {i for i in agenda_items(lines) if not _listed_item(lines, i)} or _numbered(lines)
    alone = {i for i in found if i == 0 or not lines[i - 1].strip()}
    items = sorted(found if len(found) >= 2 else alone)
    if not items:
        return text, []
    questions: list[tuple[int, str | None]] = [(i + 1, lines[i].strip()) for i in items]
    for i in items:
        lines[i] = ""
    return "\n".join(lines), questions


def _numbered(lines: list[str]) -> set[int]:
    """The lines of an agenda numbered "1. Begrüßung", "2. Verkehr": two or more in order from
    1 or 2, each on a line of its own (blank lines around it) with a turn below it; a list in a
    turn's text ("Vorschlag:" over "1. Ampel") is none."""
    found: dict[int, int] = {}
    for index, line in enumerate(lines):
        item = _NUMBERED_ITEM.match(line)
        alone = (index == 0 or not lines[index - 1].strip()) and (
            index + 1 == len(lines) or not lines[index + 1].strip()
        )
        if not item or not alone or _listed_item(lines, index):
            continue
        below = next((x for x in lines[index + 1 :] if x.strip()), "")
        if read_turns(below).turns:
            found[index] = int(item[1])
    numbers = list(found.values())
    ordered = numbers[:1] in ([1], [2]) and numbers == list(
        range(numbers[0], numbers[0] + len(numbers))
    )
    return set(found) if len(found) >= 2 and ordered else set()


def is_numbered_item(line: str) -> bool:
    """Whether a line has the shape of a numbered agenda item ("1. Begrüßung", "2) Verkehr")."""
    return _NUMBERED_ITEM.match(line) is not None


def _listed_item(lines: list[str], index: int) -> bool:
    """Whether an agenda item's line is one of a list in a turn's text, not a heading of
    the turns below it: beside another item ("TOP 1 Spielplatz" / "TOP 2 Verkehr" in a
    chat message) or under a line that opens a list ("Vorschlag für die Tagesordnung:")."""
    before = next((line for line in reversed(lines[:index]) if line.strip()), "")
    after = next((line for line in lines[index + 1 :] if line.strip()), "")
    listed = agenda_items([before, lines[index]]) == {0, 1}
    return (
        listed
        or bool(after and agenda_items([lines[index], after]) == {0, 1})
        or before.rstrip().endswith(":")
    )
