"""The JSON (and TSV) of speech recognisers (Whisper, faster-whisper, WhisperX) as transcripts.

Whisper writes ``{"text": …, "segments": [{"id", "seek", "start", "end", "text",
"tokens", "temperature", "avg_logprob", "compression_ratio", "no_speech_prob"}, …],
"language": …}``; WhisperX adds a ``speaker`` (``SPEAKER_00``) and the segment's
``words`` to each segment and a list ``word_segments``. A file whose segments (or a list
of such objects at the top) all have a ``text`` and numeric ``start`` and ``end`` (in
seconds) is read like the same recording's subtitles (:mod:`workbench.ingest.transcript_vtt`):
consecutive segments of one speaker are one statement, segments without a speaker are
joined up to a sentence end; a statement keeps ``start_time``, ``end_time``
(``hh:mm:ss.mmm``), ``cues`` and its speaker, not the recogniser's token ids,
probabilities and word timings. Whisper's ``.tsv`` (``start``, ``end``, ``text`` in
milliseconds) is read the same way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from workbench.core.domain import InputError, ParsedDocument
from workbench.core.textio import RawFile, Source, decode, read_source
from workbench.ingest.transcript_vtt import RawCue, make_cues, transcript_document

IMPORTER = "whisper-json"
FORMAT = "Transkript (Spracherkennung)"


def _seconds(value: Any) -> bool:
    """Whether a JSON value is a time in seconds (a number, not a truth value)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0


def _segment(value: Any) -> bool:
    """Whether a JSON value is a recogniser's segment: text, start and end."""
    return (
        isinstance(value, dict)
        and isinstance(value.get("text"), str)
        and _seconds(value.get("start"))
        and _seconds(value.get("end"))
    )


def recogniser_segments(value: Any) -> list[dict[str, Any]] | None:
    """The segments of a recogniser's JSON value (``{"segments": […]}`` or the list
    itself), or None when the value is something else (a platform's export)."""
    segments = value.get("segments") if isinstance(value, dict) else value
    if isinstance(segments, list) and segments and all(map(_segment, segments)):
        return segments
    return None


def _load(raw: RawFile) -> Any:
    """The JSON value of a file, or None when it is no JSON (the table import says why)."""
    try:
        return json.loads(decode(raw))
    except (json.JSONDecodeError, InputError):
        return None


def is_recogniser_json(source: Source) -> bool:
    """Whether a ``.json`` file is the output of a speech recogniser (Whisper, WhisperX)."""
    try:
        raw = read_source(source)
    except InputError:
        return False
    return recogniser_segments(_load(raw)) is not None


def tsv_segments(raw: RawFile) -> list[dict[str, Any]] | None:
    """The segments of Whisper's ``.tsv`` (header ``start  end  text``, times in
    milliseconds), or None when the file is another table."""
    try:
        lines = decode(raw).replace("\r\n", "\n").split("\n")
    except InputError:
        return None
    if [cell.strip().lower() for cell in lines[0].lstrip("\ufeff").split("\t")] != [
        "start",
        "end",
        "text",
    ]:
        return None
    segments = []
    for line in filter(None, lines[1:]):
        start, end, text = [*line.split("\t", 2), "", ""][:3]
        if not (start.strip().isdigit() and end.strip().isdigit()):
            return None
        segments.append({"start": int(start) / 1000, "end": int(end) / 1000, "text": text})
    return segments or None


def is_recogniser_tsv(source: Source) -> bool:
    """Whether a ``.tsv`` file is Whisper's (``start``, ``end``, ``text``)."""
    try:
        return tsv_segments(read_source(source)) is not None
    except InputError:
        return False


def _clock(seconds: float) -> str:
    """Seconds as ``hh:mm:ss.mmm``, the subtitles' time stamps."""
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def _speaker(segment: dict[str, Any]) -> str | None:
    """A segment's speaker label (WhisperX: ``SPEAKER_00``), or None."""
    speaker = segment.get("speaker")
    return speaker.strip() or None if isinstance(speaker, str) else None


def parse_recogniser_json(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse a speech recogniser's JSON or TSV (Whisper, WhisperX) into speaker turns."""
    raw = read_source(source, name)
    if raw.name.lower().endswith(".tsv"):
        segments = tsv_segments(raw) or []
    else:
        segments = recogniser_segments(_load(raw)) or []
    cues = [
        RawCue(
            number,
            _clock(segment["start"]),
            _clock(segment["end"]),
            [(_speaker(segment), segment["text"].strip().split("\n"))],
        )
        for number, segment in enumerate(segments, start=1)
    ]
    read = make_cues(cues, lambda body: (None, body))  # a segment's text has no label
    return transcript_document(raw, read, roles, importer=IMPORTER, format=FORMAT, sentences=True)
