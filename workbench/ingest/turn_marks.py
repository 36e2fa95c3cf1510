"""The marks in a turn's text and turns joined (moved out of
:mod:`workbench.ingest.speaker_turns`, near its size limit): f4's, noScribe's and MAXQDA's
time marks, HTML entities, a recogniser's segments and Zoom's captions of one speaker."""

from __future__ import annotations

import html
import re

from workbench.ingest.direction_marks import DIRECTION_MARKS
from workbench.ingest.line_labels import F4_MARK, PARENS_MARK
from workbench.ingest.turn_lines import Turn, paused

_F4_MARK = re.compile(rf"\s*{F4_MARK}\s*")
# noScribe: "S00: [00:00:05] Schön, dass …", in a long turn again every minute
_STAMP = re.compile(r"\s*\[(\d{2}:\d{2}:\d{2})(?:[.,]\d{1,3})?\]\s*")
_LINE_END_PARENS = re.compile(rf"[ \t]*{PARENS_MARK}[ \t]*$", re.M)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,9});")


def _unescape(text: str) -> str:
    """The text with HTML entities ("&amp;", "&#39;") decoded (BigBlueButton saves them);
    "&nbsp;" is a blank, as in WebVTT cues (a no-break space breaks searching for words)."""
    return _ENTITY.sub(lambda m: html.unescape(m.group()).replace("\xa0", " "), text)


def _marked(text: str) -> tuple[str, list[str]]:
    """The text without the time marks in it (f4's ``#00:01:02-5#`` at a turn's end,
    noScribe's ``[00:00:05]`` at its start) and these times in order."""
    marks = re.findall(r"#(\d{1,2}:\d{2}:\d{2})|\[(\d{2}:\d{2}:\d{2})", text)
    text = _F4_MARK.sub(" ", _LINE_END_PARENS.sub("", text))
    # "\u202b[00:00:05] שלום\u202c": the text at the embedding's start, not behind a blank
    text = _STAMP.sub(lambda m: " " if text[: m.start()].strip(DIRECTION_MARKS) else "", text)
    return text.strip(), [f4 or stamp for f4, stamp in marks]


def _joined_segments(turns: list[Turn]) -> list[Turn]:
    """The turns with a recogniser's consecutive segments of one speaker joined into one
    (WhisperX writes ``[SPEAKER_01]: …`` per segment, often cut mid-sentence), as the
    cues of its subtitles are; so are Zoom's saved captions of one speaker (``cues``), unless
    more than a minute passes between two of them (:func:`paused`)."""
    out: list[Turn] = []
    for turn in turns:
        last = out[-1] if out else None
        if last and turn.layout == last.layout == "segment" and turn.who == last.who:
            last.lines[-1] = f"{last.lines[-1]} {' '.join(turn.lines)}"
        elif (
            last
            and turn.caption
            and last.caption
            and _same(turn.who, last.who)
            and not paused(last.end or last.time, turn.time)
        ):
            last.lines.extend(turn.lines)
            last.end = turn.time
            last.cues += 1
        else:
            out.append(turn)
    return out


def _same(who: str, other: str) -> bool:
    """Whether two speaker labels name the same speaker (case and spacing aside)."""
    return " ".join(who.split()).casefold() == " ".join(other.split()).casefold()
