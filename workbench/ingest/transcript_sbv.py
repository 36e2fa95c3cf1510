"""SubViewer captions (``.sbv``) as transcripts: YouTube's and Google Meet's caption files.

A ``.sbv`` file is a sequence of blocks separated by empty lines: the timing line
``0:00:01.000,0:00:03.500`` (start and end, hours of one or more digits) and the text
lines. Speakers, tags, rolling captions and turns are read as in SubRip subtitles
(:mod:`workbench.ingest.transcript_srt`): ``Name: text``, ``[Name] text``, ``>>`` for a
change of speaker; consecutive cues of one speaker are one statement, cues without a
speaker are joined up to a sentence end. Google Meet saves a meeting's chat as ``.sbv``
too, every message a cue without duration: there each cue is one statement. A broken
timing line, or a timing line without an empty line before it, stops the import with its
line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from workbench.core.domain import InputError, ParsedDocument
from workbench.core.textio import Source, decode, read_source
from workbench.ingest.transcript_srt import STAMP, checked_timing
from workbench.ingest.transcript_vtt import (
    RawCue,
    cue_speaker,
    make_cues,
    transcript_document,
    unmarked_cue_heads,
)

IMPORTER = "subviewer"
FORMAT = "Transkript (Untertitel)"

_TIMING = re.compile(r"^\s*(?P<start>\d[\d:.]*)\s*,\s*(?P<end>\d[\d:.]*)\s*$")
_LOOKS_TIMED = re.compile(r"^\s*\d{1,3}:\d{1,2}:\d{1,2}\S*\s*,\s*\d")
_TAG = re.compile(r"<[^>]*>")
_EXPECTED = "erwartet h:mm:ss.mmm,h:mm:ss.mmm"


def is_sbv(text: str) -> bool:
    """Whether a plain text is SubViewer captions (saved as ``.txt``): it opens with a
    caption's timing ("0:00:05.123,0:00:07.000") and the caption's text below."""
    lines = [line.strip() for line in text.lstrip("\ufeff").split("\n", 20) if line.strip()]
    return len(lines) > 1 and bool(_TIMING.match(lines[0]) and _LOOKS_TIMED.match(lines[0]))


def _timing(row: int, line: str, name: str) -> tuple[str, str]:
    """Start and end of an SBV timing line; InputError if it is broken."""
    return checked_timing(line, row, name, (_TIMING, STAMP), _EXPECTED)


def sbv_cues(text: str, name: str) -> list[RawCue]:
    """The cues of a SubViewer text, checked line by line."""
    cues: list[RawCue] = []
    block: list[tuple[int, str]] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    for number, line in [*enumerate(lines, start=1), (len(lines) + 1, "")]:
        if line.strip():
            block.append((number, line))
            continue
        if not block:
            continue
        (row, first), body = block[0], block[1:]
        if not _LOOKS_TIMED.match(first) and not _TIMING.match(first):
            raise InputError(
                f"Aufbau nicht erkannt: Text ohne Zeitangabe davor ({_EXPECTED}, davor eine "
                "Leerzeile).",
                file=name,
                row=row,
            )
        start, end = _timing(row, first, name)
        extra = next((n for n, text_line in body if _LOOKS_TIMED.match(text_line)), None)
        if extra is not None:
            raise InputError("Vor dieser Zeitangabe fehlt eine Leerzeile.", file=name, row=extra)
        parts = [html.unescape(_TAG.sub("", text_line)) for _, text_line in body]
        cues.append(RawCue(row, start, end, [(None, parts)]))
        block = []
    return cues


def parse_sbv(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse SubViewer captions (``.sbv``) into speaker turns (a chat log: its messages)."""
    raw = read_source(source, name)
    cues = make_cues(sbv_cues(unmarked_cue_heads(decode(raw)), raw.name), cue_speaker)
    chat = bool(cues) and all(cue.start == cue.end for cue in cues)  # Google Meet's chat
    return transcript_document(
        raw, cues, roles, importer=IMPORTER, format=FORMAT, sentences=True, messages=chat
    )
