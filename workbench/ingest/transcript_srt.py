"""SubRip subtitles (``.srt``) as transcripts: Otter.ai, Zoom, Descript, YouTube, Whisper.

A SubRip file is a sequence of blocks separated by empty lines: the cue number, the
timing line ``00:01:02,500 --> 00:01:05,000`` (a dot before the milliseconds is read
too; the hours are required, as in webvtt-py) and the text lines. Where the tool names
the speaker, the cue text starts with it: ``Anna Schmidt: text`` (the Zoom rule of
:mod:`workbench.ingest.transcript_vtt`), ``[Anna Schmidt] text`` or
``- Anna Schmidt: text``; sound notes such as ``[Musik]`` or ``[Applause]`` are no
speakers; generic labels (``[SPEAKER_00]`` of WhisperX, ``Speaker 2`` of Otter) are
roles, as in every format (:mod:`workbench.ingest.speaker_labels`). As for WebVTT,
consecutive cues of one speaker are one statement (a turn, attributes ``start_time``,
``end_time``, ``cues``, ``speaker``). Consecutive cues
without a speaker are joined up to a sentence end (``.``, ``?``, ``!``, ``…``), so that
the line wrapping of subtitles does not cut sentences into fragments. Tags (``<i>``,
``<b>``, ``<font color=…>``) and position codes (``{\\an8}``) are removed. A WebVTT file
saved as ``.srt`` is read as WebVTT. Rolling captions, ``>>`` and dialogues written with
dashes are read as in WebVTT (:func:`workbench.ingest.transcript_vtt.make_cues`).

The file is checked and read line by line here, so that a broken timing line is
reported with its line: webvtt-py's SubRip reader skips such cues without a word.
Empty lines inside a cue's text and a missing empty line before a numbered cue are
tolerated, as by webvtt-py. Tags are removed; a "<" that opens none is text ("Tempo < 30").
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from workbench.core.domain import InputError, ParsedDocument
from workbench.core.textio import Source, decode, read_source
from workbench.ingest import transcript_vtt
from workbench.ingest.transcript_vtt import (
    Cue,
    RawCue,
    cue_speaker,
    make_cues,
    stamp,
    transcript_document,
)

IMPORTER = "subrip"
FORMAT = "Transkript (Untertitel)"

# h:mm:ss,mmm or h:mm:ss.mmm: SRT's time stamp, also SBV's (transcript_sbv)
STAMP = re.compile(r"^(?P<h>\d{1,3}):(?P<m>\d{1,2}):(?P<s>\d{1,2})[,.](?P<ms>\d{3})$")
_TIMING = re.compile(r"^\s*(?P<start>[\d:,.]+)\s*-->\s*(?P<end>[\d:,.]+)(?:\s+.*)?$")
_LOOKS_TIMED = re.compile(r"^\s*\d{1,3}:\d{1,2}:\d{1,2}")
_POSITION = re.compile(r"\{\\[^{}]*\}")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")  # <i>, </i>, <font color="#ffff00">, <c.yellow>
_EXPECTED = "erwartet hh:mm:ss,mmm --> hh:mm:ss,mmm"

Line = tuple[int, str]


def is_srt(text: str) -> bool:
    """Whether a plain text is SubRip subtitles (saved as ``.txt``): it opens with a
    cue's number and its timing ("1" / "00:00:01,000 --> 00:00:04,000")."""
    lines = [line.strip() for line in text.lstrip("\ufeff").split("\n", 20) if line.strip()]
    return (
        len(lines) > 2
        and lines[0].isdigit()
        and bool(_TIMING.match(lines[1]) and _LOOKS_TIMED.match(lines[1]))
    )


def _is_number(line: str) -> bool:
    """Whether a line is a cue number."""
    return line.strip().isdigit()


def _blocks(lines: list[str]) -> list[list[Line]]:
    """Blocks of (line number, line) between blank lines, split where a numbered cue starts."""
    blocks: list[list[Line]] = [[]]
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        block = blocks[-1]
        if len(block) >= 2 and _is_number(block[-1][1]) and "-->" in line:
            blocks[-1] = block[:-1]  # a cue number and its timing without a blank line before
            blocks.append([block[-1]])
        blocks[-1].append((number, line))
    return [b for b in blocks if b]


def checked_timing(
    text: str,
    row: int,
    name: str,
    patterns: tuple[re.Pattern[str], re.Pattern[str]],
    expected: str,
) -> tuple[str, str]:
    """Start and end (``hh:mm:ss.mmm``) of a caption's timing line, read with ``patterns``
    (the line, one time stamp); InputError naming the line if it is broken (SRT, SBV)."""
    timing_re, stamp_re = patterns
    timing = timing_re.match(text)
    start = stamp(timing["start"], stamp_re) if timing else None
    end = stamp(timing["end"], stamp_re) if timing else None
    shown = text.strip()[:60]
    if start is None or end is None:
        raise InputError(f"Zeitangabe '{shown}' ist ungültig ({expected}).", file=name, row=row)
    if end[1] < start[1]:
        raise InputError(f"Zeitangabe '{shown}' endet vor ihrem Beginn.", file=name, row=row)
    return start[0], end[0]


def _timing(line: Line, name: str) -> tuple[str, str]:
    """Start and end of an SRT timing line; InputError if it is broken."""
    number, text = line
    return checked_timing(text, number, name, (_TIMING, STAMP), _EXPECTED)


def _cue_blocks(lines: list[str], name: str) -> list[tuple[int, str, str, list[str]]]:
    """Check the file's structure; return (line, start, end, text lines) of every cue."""
    cues: list[tuple[int, str, str, list[str]]] = []
    blocks = _blocks(lines)
    for i, block in enumerate(blocks):
        first = block[0][1]
        if len(block) >= 2 and _is_number(first) and "-->" in block[1][1]:
            timing, text = block[1], block[2:]
        elif "-->" in first:
            timing, text = block[0], block[1:]
        elif len(block) >= 2 and _is_number(first) and _LOOKS_TIMED.match(block[1][1]):
            raise InputError(
                f"Zeitangabe '{block[1][1].strip()[:60]}' ist ungültig ({_EXPECTED}).",
                file=name,
                row=block[1][0],
            )
        elif len(block) == 1 and _is_number(first) and "-->" in _first_line(blocks, i + 1):
            continue  # the cue number, a blank line, then the timing
        else:
            timing, text = None, block
        extra = next((n for n, line in text if "-->" in line), None)
        if extra is not None:
            raise InputError("Vor dieser Zeitangabe fehlt eine Leerzeile.", file=name, row=extra)
        if timing is not None:
            cues.append((timing[0], *_timing(timing, name), [line for _, line in text]))
        elif cues:  # an empty line inside the cue text: the text goes on
            cues[-1][3].extend(["", *(line for _, line in text)])
        else:
            raise InputError(
                "Aufbau nicht erkannt: Text vor dem ersten Untertitel (erwartet werden "
                "Nummer, Zeitangabe hh:mm:ss,mmm --> hh:mm:ss,mmm und Text).",
                file=name,
                row=block[0][0],
            )
    return cues


def _first_line(blocks: list[list[Line]], index: int) -> str:
    """The first line of a block, or "" past the last block."""
    return blocks[index][0][1] if index < len(blocks) else ""


def srt_cues(text: str, name: str) -> list[Cue]:
    """The cues of a SubRip text with speaker, text and time stamps."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    raw = []
    for row, start, end, body_lines in _cue_blocks(lines, name):
        # without <i>, <font …>; a "<" that opens no tag is text ("Tempo < 30")
        parts = [html.unescape(_POSITION.sub("", _TAG.sub("", line))) for line in body_lines]
        raw.append(RawCue(row, start, end, [(None, parts)]))
    return make_cues(raw, cue_speaker)


def parse_srt(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse SubRip subtitles into speaker turns (a WebVTT file is read as WebVTT)."""
    raw = read_source(source, name)
    text = transcript_vtt.unmarked_cue_heads(decode(raw))  # marks around labels and times
    if text.startswith("WEBVTT"):
        cues = transcript_vtt.vtt_cues(text, raw.name)
        return transcript_document(
            raw,
            cues,
            roles,
            importer=transcript_vtt.IMPORTER,
            format=transcript_vtt.FORMAT,
            sentences=True,
        )
    return transcript_document(
        raw, srt_cues(text, raw.name), roles, importer=IMPORTER, format=FORMAT, sentences=True
    )
