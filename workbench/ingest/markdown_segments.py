"""A speech recogniser's text in a plain-text protocol (Whisper's ``.txt``: a segment per
line, no blank lines): recognised and read sentence by sentence (moved out of
:mod:`workbench.ingest.markdown_protocol`)."""

from __future__ import annotations

import re

from workbench.ingest.markdown_lines import (
    _HEADING,
    _ITEM,
    _PAD_MACRO,
    _RULE,
    _TABLE_ROW,
    _UNDERLINE,
)
from workbench.ingest.paragraphs import MONTH_NAMES
from workbench.ingest.protocol_meta import detail_key
from workbench.ingest.sound_tags import is_credit, looped, only_tags, without_sounds

# A line that ends a sentence (also before a closing quote or bracket): the end of a
# segment of a speech recogniser's text (Whisper writes one segment per line).
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'»«“”‘’)\]]*$")
# A full stop that ends no sentence where the next line goes on: an abbreviation ("ca.",
# "z. B.", "Hauptstr."), a day before its month ("am 12." / "März …"), a lower-case word
# on the next line ("z. B." / "am Marktplatz").
_ABBREVIATED = re.compile(
    r"(?:^|[\s(])(?i:ca|bzw|vgl|ggf|evtl|inkl|bspw|sog|z\.\s?b|d\.\s?h|u\.\s?a|o\.\s?ä|dr|fr|hr|"
    r"prof|nr|tel|st|\w*str)\.$"
)
_DAY_END = re.compile(r"(?:^|\s)\d{1,2}\.$")
_MONTH_START = re.compile(rf"^\s*(?:{MONTH_NAMES})\b")
_GOES_ON = re.compile(r"^\s*[a-zäöüß]")
_DIALOGUE_DASH = re.compile(r"^[-–]\s+")  # Whisper's "- Genau. - Ja.": a new voice
_SEGMENT_LINES = 8  # lines at least: a recording's transcript, not a paragraph of notes


def _segment_lines(lines: list[str], whole: bool = False) -> bool:
    """Whether the lines of a paragraph are a speech recogniser's segments (Whisper's
    ``.txt``: one segment per line, no blank lines, no speakers), not a paragraph's
    wrapped lines: many lines (at least eight), and at least half of them end a sentence
    (a recogniser cuts some mid-sentence) — a wrapped paragraph's lines end where the page
    does, seldom (about one in ten) at a sentence's end. A ``whole`` text of fewer lines
    (a short recording) is one where every line but one, and two at least, end one."""
    after = [*lines[1:], ""]  # the line below each
    ending = sum(1 for i, line in enumerate(lines) if _ends_segment(line, after[i]))
    if len(lines) >= _SEGMENT_LINES:
        return 2 * ending >= len(lines)
    return whole and ending >= max(2, len(lines) - 1)


def _ends_segment(line: str, following: str) -> bool:
    """Whether a recogniser's line ends a sentence, not cut after an abbreviation or a
    day's number that the ``following`` line goes on with."""
    line = line.rstrip()
    if not _ENDS_SENTENCE.search(line):
        return False
    if _ABBREVIATED.search(line) or (_DAY_END.search(line) and _MONTH_START.match(following)):
        return False
    return not _GOES_ON.match(following)


def _segment_text(lines: list[str]) -> tuple[int, list[str]] | None:
    """``(index of the first line, lines)`` when a whole text is a recogniser's segments
    (:func:`_segment_lines`: no blank line between them, no heading, table or rule, no
    detail "Datum: …" at the top), else None. Whisper writes a dialogue's dash at a
    segment's start too ("- Genau. - Ja."): that is no list item here."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled or filled[-1] - filled[0] + 1 != len(filled):
        return None
    text = [line.strip() for line in lines[filled[0] : filled[-1] + 1]]
    structure = (_HEADING, _UNDERLINE, _RULE, _TABLE_ROW, _PAD_MACRO)
    if any(p.match(line) for line in text for p in structure) or any(
        detail_key(line) for line in text[:3]
    ):
        return None
    items = sum(1 for line in text if _ITEM.match(line))
    recognised = _segment_lines(text, whole=True) and 4 * items < len(text)
    return (filled[0], text) if recognised else None


def _sentence_groups(lines: list[str], first: int) -> tuple[list[tuple[int, str]], dict]:
    """``(row, text)`` of the sentences of a recogniser's segments: lines joined up to the
    one that ends a sentence (a segment may stop mid-sentence), as subtitles are; and what
    was left out as in subtitles (:mod:`workbench.ingest.sound_tags`): lines of only sound
    tags ("[Musik]", "*Applaus*"), sound tags in a line ("(lacht)"), subtitle credits
    the recogniser made up ("Untertitel im Auftrag des ZDF") and the repeats of a loop."""
    groups: list[tuple[int, str]] = []
    start, words = first, []
    counts = {"sound_cues": 0, "sound_tags": 0, "credits": 0}
    repeats = looped(lines)  # a recogniser's loop: "Vielen Dank." twenty times
    counts["repeats"] = len(repeats)
    for row, raw in enumerate(lines, start=first):
        if row - first in repeats:
            continue
        if is_credit(raw) or only_tags(raw):
            counts["credits" if is_credit(raw) else "sound_cues"] += 1
            continue
        line, sounds = without_sounds(_DIALOGUE_DASH.sub("", raw))  # "- Genau.": no item
        counts["sound_tags"] += sounds
        if not words:
            start = row
        words.append(line)
        following = lines[row - first + 1] if row - first + 1 < len(lines) else ""
        if _ends_segment(line, following):
            groups.append((start, " ".join(words)))
            words = []
    if words:
        groups.append((start, " ".join(words)))
    return groups, counts
