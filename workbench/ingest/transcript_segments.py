"""Timed segments without speakers: aTrain's text without speaker detection, Whisper's.

aTrain writes its file id first (``Transcription for 240305-Interview``: a tool's notice,
see :mod:`workbench.ingest.transcript_frame`), then one line per segment of the
recogniser with its start: ``[00:00:05] - Herzlich willkommen.`` (also ``00:00:05 - …``
for NVivo, all segments on one line for MAXQDA, or none at all: below aTrain's file id
every line is a segment). Whisper (and whisper.cpp) print a segment per line with its start
and end, ``[00:05.000 --> 00:09.480]  Herzlich willkommen.``, as saved from the console
(its header, "Detecting language using up to the first 30 seconds…" and "Detected
language: German", is dropped).
Nobody is named, so the segments are
read as subtitles without speakers are (:func:`workbench.ingest.transcript_vtt.
transcript_document`): joined up to a sentence end, each statement with its first
segment's start (``start_time``) and its last's end (the next segment's start); the
starts are no words of the text, nor is the file id (it holds part of the audio file's
name). A service's lines that open with their stamps without a dash
(:mod:`workbench.ingest.stamp_lines`) may stand below YAML front matter ("---" / "title: …"
/ "date: …" / "---", :mod:`workbench.ingest.markdown_front`): it is the head (title, date,
workshop, district; its names are listed for pseudonymisation), no statement.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from workbench.core.domain import InputError, ParsedDocument
from workbench.core.textio import RawFile, Source, decode, read_source
from workbench.ingest.direction_marks import unmarked, unmarked_heads
from workbench.ingest.markdown_front import front_fields, front_matter
from workbench.ingest.speaker_turns import is_speaker_turns
from workbench.ingest.stamp_lines import Stamped, stamp_end, stamped_lines
from workbench.ingest.transcript_frame import notice, read_header
from workbench.ingest.transcript_vtt import RawCue, make_cues, stamp, transcript_document

IMPORTER = "timed-segments"
FORMAT = "Transkript (Abschnitte mit Zeitmarken)"

# "[00:00:05] - …" or "00:00:05 - …" at a line's start or, on MAXQDA's one line, after a space
_START = re.compile(r"(?:^|(?<=\s))\[?(\d{2}:\d{2}:\d{2})\]?\s+[-–]\s+")
# aTrain's first line: the file id (the notice of transcript_frame)
_ATRAIN_ID = re.compile(r"^\ufeff?\s*Transcription for \d{6}-\S+\s*(?:\n|$)")
_MIN_SEGMENTS = 3
# Whisper's console: "[00:05.000 --> 00:09.480]  Text" (whisper.cpp with hours)
_RANGE = re.compile(
    r"^\[(?P<start>(?:\d{1,3}:)?\d{2}:\d{2}\.\d{3})\s*-->\s*"
    r"(?P<end>(?:\d{1,3}:)?\d{2}:\d{2}\.\d{3})\]\s*(?P<text>.*)$"
)

# What Whisper prints above the segments: "Detecting language using up to the first 30
# seconds. Use `--language` to specify the language", "Detected language: German";
# faster-whisper: "Detected language 'de' with probability 0.97".
_CONSOLE = re.compile(
    r"^(?:Detecting language using up to the first \d+ seconds\b.*"
    r"|Detected language(?::\s*[A-Za-z ]+| '[\w-]+' with probability [\d.]+)\.?)$"
)


def _lines(text: str) -> list[tuple[int, str]]:
    """The numbered lines that are no tool's notice, no line of Whisper's console header
    and not empty."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    return [
        (number, line.strip())
        for number, line in enumerate(lines, start=1)
        if line.strip() and notice(line) is None and not _CONSOLE.match(line.strip())
    ]


def _console_header(text: str) -> bool:
    """Whether a line of the text is one of Whisper's console header lines."""
    return any(_CONSOLE.match(line.strip()) for line in text.splitlines())


def is_timed_segments(text: str) -> bool:
    """Whether a plain text is segments with their starts only (aTrain without speakers;
    below aTrain's file id also without times, or fewer than three) or Whisper's console
    lines (three at least, or fewer below its header)."""
    lines = _lines(text[:200_000])
    if lines and _ATRAIN_ID.match(text):
        return True
    if lines and all(_RANGE.match(line) for _, line in lines):
        # Whisper's console header names the tool: a recording of one or two segments
        return len(lines) >= _MIN_SEGMENTS or _console_header(text[:200_000])
    if _dashed(lines):
        return sum(len(_START.findall(line)) for _, line in lines) >= _MIN_SEGMENTS
    return _stamped_export(text[:200_000], lines) is not None  # "[00:01:02] …" without a dash


def is_stamped_export(text: str) -> bool:
    """Whether a text (a Markdown file's) is a service's export of lines that each open
    with a time stamp without a dash (:mod:`workbench.ingest.stamp_lines`)."""
    return _stamped_export(text, _lines(text[:200_000])) is not None


def _stamped_export(text: str, lines: list[tuple[int, str]]) -> Stamped | None:
    """The stamped lines of a service's export without dashes (not aTrain's: its file id or
    dashed starts), below YAML front matter too (:func:`_front`; not speaker turns below it,
    "[00:00:12] Anna Schmidt: …", as the Markdown protocol's importer reads them), or None."""
    if _ATRAIN_ID.match(text) or _dashed(lines):
        return None
    if _opens_front(text):  # the lines below it, numbered as in the file
        front = _front(text)
        if front is None or is_speaker_turns(front[2]):
            return None  # a broken head (the protocol's importer names it) or turns below
        lines = [(number + front[1], line) for number, line in _lines(front[2])]
    return stamped_lines(lines)


def _opens_front(text: str) -> bool:
    """Whether a text opens with YAML front matter's "---" line."""
    return unmarked(text.lstrip("\ufeff").split("\n", 1)[0]).strip() == "---"


def _front(text: str) -> tuple[dict, int, str] | None:
    """A text's YAML front matter ("---" / "title: …" / "date: …" / "---"): its fields
    (:func:`~workbench.ingest.markdown_front.front_fields`), the lines it takes and the text
    below it; None without front matter or where it is not read (a protocol's importer names
    the fault)."""
    if not _opens_front(text):
        return None
    try:
        meta, body, offset = front_matter(text.lstrip("\ufeff").replace("\r\n", "\n"), "")
        return front_fields(meta, ""), offset, body
    except InputError:
        return None


def _dashed(lines: list[tuple[int, str]]) -> bool:
    """Whether every line opens with aTrain's or NVivo's start and dash ("[00:00:05] - …")."""
    return bool(lines) and all(_START.match(line) for _, line in lines)


def _segments(text: str) -> list[tuple[int, str | None, str]]:
    """(line, start, text) of every segment; a line without a start is one (aTrain
    without time stamps)."""
    out: list[tuple[int, str | None, str]] = []
    for number, line in _lines(text):
        parts = _START.split(line)  # "", start, text, start, text, …
        if parts[0].strip():
            out.append((number, None, parts[0].strip()))
        for start, said in zip(parts[1::2], parts[2::2], strict=True):
            out.append((number, start, said.strip()))
    return out


def _head_end(line: str, following: str) -> int | None:
    """Where a line's time stamp ends (all of a tool's notice or console line), read
    without direction marks; None for a line of text (see ``unmarked_heads``)."""
    indent = len(line) - len(line.lstrip())
    found = _RANGE.match(line.strip())
    if found:
        return indent + found.start("text")
    found = _START.match(line.lstrip())
    if found:
        return indent + found.end()
    end = stamp_end(line.lstrip())  # "[00:01:02] …" without a dash
    if end is not None:
        return indent + end
    return len(line) if notice(line) is not None or _CONSOLE.match(line.strip()) else None


def _ranged(text: str, name: str) -> list[RawCue]:
    """The segments of Whisper's console lines (``[00:05.000 --> 00:09.480]  Text``) as
    cues, or [] for other segments; a broken time stops with its line."""
    lines = _lines(text)
    matches = [found for _, line in lines if (found := _RANGE.match(line))]
    if not lines or len(matches) != len(lines):
        return []
    cues = []
    for (number, _), match in zip(lines, matches, strict=True):
        start, end = stamp(match["start"]), stamp(match["end"])
        if start is None or end is None or end[1] < start[1]:
            wrong = "ist ungültig" if start is None or end is None else "endet vor ihrem Beginn"
            raise InputError(
                f"Zeitangabe '{match['start']} --> {match['end']}' {wrong}.", file=name, row=number
            )
        cues.append(RawCue(number, start[0], end[0], [(None, [match["text"]])]))
    return cues


def parse_timed_segments(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse timed segments without speakers into statements, sentence by sentence."""
    raw = read_source(source, name)
    text = unmarked_heads(decode(raw), _head_end)  # the segments' texts keep their marks
    ranged = _ranged(text, raw.name)
    if ranged:
        cues = make_cues(ranged, lambda body: (None, body))
        return transcript_document(
            raw, cues, roles, importer=IMPORTER, format=FORMAT, sentences=True
        )
    stamped = _stamped_export(text, _lines(text))
    if stamped is not None:
        return _stamped_document(raw, stamped, roles, text)
    segments = _segments(text)
    if not segments:
        raise InputError("Keine Zeile mit Zeitmarke gefunden ('[00:00:05] - Text').", file=raw.name)
    timed = all(start for _, start, _ in segments)
    starts = [f"{start}.000" if timed else "" for _, start, _ in segments]
    ends = starts[1:] + starts[-1:]  # a segment ends where the next starts
    cues = [
        RawCue(number, start, end, [(None, [said])])
        for (number, _, said), start, end in zip(segments, starts, ends, strict=True)
    ]
    document = _unvoiced_document(raw, cues, roles)
    if timed:
        return document
    untimed = [  # no times to give: the statements have none
        replace(s, attributes={k: v for k, v in s.attributes.items() if not k.endswith("_time")})
        for s in document.segments
    ]
    return replace(document, segments=tuple(untimed))


def _unvoiced_document(
    raw: RawFile, cues: list[RawCue], roles: Mapping[str, str] | None
) -> ParsedDocument:
    """The statements of cues without a speaker, by sentence, as a transcript's."""
    return transcript_document(
        raw,
        make_cues(cues, lambda body: (None, body)),
        roles,
        importer=IMPORTER,
        format=FORMAT,
        sentences=True,
    )


# "# Protokoll …" above the stamps of a Markdown file: its words are the title
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def _stamped_document(
    raw: RawFile, stamped: Stamped, roles: Mapping[str, str] | None, text: str
) -> ParsedDocument:
    """A service's export "[00:01:02] text" as statements by sentence, each with its first
    line's start; the lines above are the title (and a date, names) as a transcript's."""
    ends = [start for _, start, _ in stamped.lines[1:]] + [stamped.lines[-1][1]]
    cues = [
        RawCue(number, f"{start}.000", f"{end}.000", [(None, [said])])
        for (number, start, said), end in zip(stamped.lines, ends, strict=True)
    ]
    document = _unvoiced_document(raw, cues, roles)
    header = read_header([_MARKDOWN_HEADING.sub("", line) for line in stamped.head], raw.name)
    # YAML front matter above: its title and date first, its names listed as the header's
    front = (_front(text) or ({}, 0, ""))[0]
    titled = [*filter(None, [front.get("title")]), *header.title_lines]
    # one title line and no sentence names the meeting (as a transcript's title does)
    named = len(titled) == 1 and not re.search(r"[.!?]\s*$", titled[0])
    return replace(
        document,
        title=" – ".join(titled) or None,
        options={**document.options, **({"named_by_title": True} if named else {})},
        workshop=front.get("workshop") or header.workshop,
        district=front.get("district") or header.district,
        date=front.get("date") or header.date,
        names=tuple(dict.fromkeys((*document.names, *front.get("names", ()), *header.names))),
    )
