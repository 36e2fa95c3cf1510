"""WebVTT transcripts (``.vtt``) of video conferences: Zoom and Microsoft Teams.

Zoom writes the speaker before the cue text (``Anna Schmidt: Guten Morgen``), Teams in a
voice tag (``<v Anna Schmidt>Guten Morgen</v>``), Webex in the cue's identifier
(``1 "Anna Schmidt" (3108273152)``); other programs in brackets (``[Anna Schmidt] Guten
Morgen``), as in SubRip files — a transcriber's note in brackets (``[auf Türkisch] …``,
``[zeigt auf Karte] …``) names no one and stays in the text. Consecutive cues of one speaker are
one statement, a turn, numbered 1, 2, … (``source_id``), with the attributes
``start_time`` and ``end_time`` (``hh:mm:ss.mmm``), ``cues`` and ``speaker``; speakers
are people (see :mod:`workbench.ingest.speakers`), except generic labels and role codes
(``SPEAKER_00``, ``Speaker 2``, ``Sprecher 1``, ``Interviewer``: the statement's role,
see :mod:`workbench.ingest.speaker_labels`). Cues without a speaker (Whisper) are
joined up to a sentence end, not into one statement of the whole recording. A new
speaker begins in a cue at a second voice tag, at YouTube's ``>>`` and at each line of a
dialogue written with dashes (``- Hallo`` / ``- Guten Tag``); rolling captions (YouTube's
automatic captions repeat the line before and add words) are read once. The cues
are read with the ``webvtt-py`` parser; the file is checked line by line first, so that
a broken time stamp or a block the format does not know is reported with its line. The
cue→turn logic (:class:`Cue`, :func:`make_cues`, :func:`split_label`,
:func:`transcript_document`) is shared with SubRip subtitles
(:mod:`workbench.ingest.transcript_srt`) and SubViewer captions
(:mod:`workbench.ingest.transcript_sbv`). A title after "WEBVTT" in the first line
("WEBVTT - Stadtteilrunde Nord") is the meeting's title.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.core.textio import RawFile, Source, decode, read_source
from workbench.core.transcript_notes import GAPS, SOUNDS
from workbench.ingest.direction_marks import has_marks, unmarked, unmarked_heads
from workbench.ingest.discourse_labels import is_discourse
from workbench.ingest.name_gazetteer import gazetteer
from workbench.ingest.name_known import ordinary_word
from workbench.ingest.name_lists import PARTICLES
from workbench.ingest.sound_tags import is_credit, looped, only_tags, without_sounds
from workbench.ingest.speaker_labels import is_label, is_role, speaker_fields
from workbench.ingest.speakers import Speakers, person_name
from workbench.ingest.transcript_frame import without_banner
from workbench.ingest.turn_lines import paused

IMPORTER = "webvtt"
FORMAT = "digital (Videokonferenz)"

_TIMING = re.compile(r"^\s*(?P<start>[^\s>]+?)\s*-->\s*(?P<end>[^\s>]+)(?:\s+.*)?$")
_STAMP = re.compile(r"^(?:(?P<h>\d{1,3}):)?(?P<m>\d{2}):(?P<s>\d{2})\.(?P<ms>\d{3})$")
_ZOOM_SPEAKER = re.compile(r"^(?P<name>[^:\n<>]{1,80}?):\s+(?P<text>\S.*)$", re.S)
_WEBEX_IDENTIFIER = re.compile(r'^\s*\d+\s+"(?P<name>[^"\n]{1,80})"(?:\s+\(\d+\))?\s*$')
_EXPECTED = "erwartet hh:mm:ss.mmm --> hh:mm:ss.mmm"
_SENTENCE_END = re.compile(r"[.?!…][\"'»«“”‘’)\]]*$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>")
_TAG = re.compile(r"<[^>]*>")  # spans, classes, inline time stamps: "<" itself is "&lt;"
_SENTENCE_IN_LABEL = re.compile(r"\b[a-zäöüß]{4,}[.!?…]\s")  # "Dr. ", "med. " are no ends
_RUBY_TEXT = re.compile(r"<rt(?:\.[^\s>]*)?>.*?(?:</rt>|(?=</ruby>)|$)")  # "</rt>" optional
_MARKER = re.compile(r"^>>\s*(?P<rest>.*)$")
_DASH_LINE = re.compile(r"^[-–—]\s*(?P<rest>\S.*)$", re.S)
_HEADER_TITLE = re.compile(r"^WEBVTT[ \t]+[-–—:|]?\s*(?P<title>\S.{0,150}?)\s*$")
_BRACKET = re.compile(r"^\[(?P<name>[^\[\]\n]{1,80})\]:?\s+(?P<text>\S.*)$", re.S)


ONLY_TAGS = -1  # a cue's ``sounds``: it holds only sound tags ("[Musik]"), no words
CREDIT = -2  # … only a subtitle credit a recogniser made up ("Untertitel im Auftrag des ZDF")


def is_vtt(text: str) -> bool:
    """Whether a plain text is WebVTT (saved as ``.txt``): its first line is "WEBVTT"."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    return first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))


@dataclass(frozen=True)
class Cue:
    """One subtitle: its line, start and end (``hh:mm:ss.mmm``), speaker and text."""

    row: int
    start: str
    end: str
    speaker: str | None
    text: str
    labelled: str = ""  # the whole cue text when the speaker was read from "Name: …"
    starts: bool = False  # a new speaker begins (">>", a dialogue's dash, a second voice)
    sounds: int = 0  # sound tags removed from the text ("(lacht)"); ONLY_TAGS, CREDIT: none


def stamp(value: str, pattern: re.Pattern[str] = _STAMP) -> tuple[str, int] | None:
    """(``hh:mm:ss.mmm``, milliseconds) of a time stamp (WebVTT by default), or None."""
    m = pattern.match(value)
    if not m:
        return None
    hours, minutes, seconds = int(m["h"] or 0), int(m["m"]), int(m["s"])
    if minutes > 59 or seconds > 59:
        return None
    millis = ((hours * 60 + minutes) * 60 + seconds) * 1000 + int(m["ms"])
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{m['ms']}", millis


def split_label(body: str) -> tuple[str | None, str]:
    """Speaker and text of a cue text that starts with ``Name: `` (Zoom), else (None, text)."""
    labelled = _ZOOM_SPEAKER.match(body)
    # "Ja: …", "Also: …", "Genau: …" open what is said (even where most cues open so)
    if labelled and _named(labelled["name"]) and not is_discourse(*labelled.group("name", "text")):
        return labelled["name"].strip(), labelled["text"].strip()
    return None, body


def cue_speaker(body: str) -> tuple[str | None, str]:
    """Speaker and text of a cue: ``Name: text``, ``- Name: text`` or ``[Name] text``
    (a bracket without a letter, a time stamp "[00:00:05]", names no one)."""
    dashed = _DASH_LINE.match(body)
    if dashed:
        speaker, text = split_label(dashed["rest"])
        if speaker is not None:
            return speaker, text
    bracket = _BRACKET.match(body)
    name = bracket["name"].strip() if bracket else ""
    if bracket and name.casefold() not in SOUNDS | GAPS and _names_someone(name):
        return name, bracket["text"].strip()
    return split_label(body)


# a line of a cue's timing, number or identifier: no letters ("1", "00:00:03.120 --> …",
# SubViewer's "0:00:03.120,0:00:08.450")
_NO_TEXT = re.compile(r"^[\d\s:.,;\-–>]*\d[\d\s:.,;\-–>]*$")


def cue_head_end(line: str, following: str) -> int | None:
    """Where the head of a subtitle file's line ends, the line read without direction
    marks: all of it for the header, a cue's timing and the number or identifier above a
    timing; in a cue's text, its ">>" or dash, then its voice tag or speaker label
    (:func:`cue_speaker`); None for text without a head."""
    if line.startswith("WEBVTT") or _NO_TEXT.match(line) or "-->" in line + following:
        return len(line)
    opening = _MARKER.match(line) or _DASH_LINE.match(line)
    at = opening.start("rest") if opening else 0
    voice = _VOICE.match(line, at)
    if voice:
        return voice.end()  # the voice is the speaker: "Frage an Ben: …" after it is text
    body = line[at:].rstrip()
    speaker, text = cue_speaker(body)
    return at + len(body) - len(text) if speaker is not None and body.endswith(text) else at or None


def unmarked_cue_heads(text: str) -> str:
    """A subtitle file's text with the direction marks out of its timings, voices and
    speaker labels; the cues' texts keep theirs (they steer right-to-left text)."""
    text = unmarked_heads(text, cue_head_end)
    return _VOICE.sub(lambda voice: unmarked(voice[0]), text) if has_marks(text) else text


def _names_someone(name: str) -> bool:
    """Whether a bracket at a cue's start names a speaker: a label or role ("SPEAKER_00",
    "Sprecher 1", "moderation"), a name ("Anna Schmidt", "Jan de Vries") or one typed in
    lower case: no word of the language and a first name or surname the gazetteer knows
    ("anna schmidt", "frau öztürk"). A transcriber's note ("auf Türkisch", "zeigt auf
    Karte", "Name entfernt", "nickt") names no one."""
    if not any(ch.isalpha() for ch in name):
        return False  # "[00:00:05]"
    if is_label(name) or is_role(name):
        return True
    words = name.split()
    if all(w[:1].isupper() or not w[:1].isalpha() or w in PARTICLES for w in words):
        return True
    return _known_name(name)


def _known_name(name: str) -> bool:
    """Whether a bracket's words are a name the gazetteer knows, in any case: no word of
    the language, a first name or surname among them ("anna schmidt", "Erik Newhard")."""
    words = name.split()
    parts = [p.strip(",.;") for w in words if w not in PARTICLES for p in w.split("-")]
    names = gazetteer()
    return (
        len(words) <= 4
        and not any(ordinary_word(p) for p in parts)
        and any(names.has_first(p) or names.has_last(p) for p in parts)
    )


def _named(label: str) -> bool:
    """Whether a cue's ``Label:`` can name a speaker: a comma separates "Nachname, Vorname"
    (capitals after it), not the words of a sentence ("Ja, genau: …", "Also, ich meine: …");
    a sentence that ends before it ("… stündlich. Mein Vorschlag: …") names no one."""
    if _SENTENCE_IN_LABEL.search(label):
        return False  # "Die Linie 5 fährt nur stündlich. Mein Vorschlag: …" (Whisper lines)
    _, comma, after = label.partition(",")
    return not comma or all(word[:1].isupper() for word in after.split())


def _blocks(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Blocks of (line number, line), separated by empty lines."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(lines, start=1):
        if line == "":
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append((number, line))
    return [b for b in blocks if b]


def _timings(lines: list[str], name: str) -> list[tuple[int, str, str, str]]:
    """Check the file's structure; return (line, start, end, block) of every cue."""
    if not lines or not lines[0].startswith("WEBVTT"):
        raise InputError(
            "Keine WebVTT-Datei: die erste Zeile muss mit 'WEBVTT' beginnen.", file=name, row=1
        )
    cues = []
    header, *blocks = _blocks(lines)
    for number, line in header:
        if "-->" in line:
            raise InputError("Nach dem Kopf 'WEBVTT' fehlt eine Leerzeile.", file=name, row=number)
    for block in blocks:
        first = block[0][1]
        if first.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in first:
            continue
        arrows = [i for i, (_, line) in enumerate(block) if "-->" in line]
        if not arrows:
            raise InputError(
                "Aufbau nicht erkannt: Textblock ohne Zeitangabe "
                f"({_EXPECTED}, davor eine Leerzeile).",
                file=name,
                row=block[0][0],
            )
        if arrows[0] > 1 or len(arrows) > 1:
            bad = arrows[0] if arrows[0] > 1 else arrows[1]
            raise InputError(
                "Vor dieser Zeitangabe fehlt eine Leerzeile.", file=name, row=block[bad][0]
            )
        number, line = block[arrows[0]]
        timing = _TIMING.match(line)
        start = stamp(timing["start"]) if timing else None
        end = stamp(timing["end"]) if timing else None
        if start is None or end is None:
            raise InputError(
                f"Zeitangabe '{line.strip()[:60]}' ist ungültig ({_EXPECTED}).",
                file=name,
                row=number,
            )
        if end[1] < start[1]:
            raise InputError(
                f"Zeitangabe '{line.strip()[:60]}' endet vor ihrem Beginn.", file=name, row=number
            )
        cues.append((number, start[0], end[0], "\n".join(line for _, line in block)))
    return cues


def _captions(text: str, timings: list[tuple[int, str, str, str]], name: str) -> list:
    """The captions as webvtt-py reads them, one per checked cue block."""
    try:
        captions = webvtt.from_string(text, strict=True).captions
    except (MalformedFileError, MalformedCaptionError, ValueError):
        captions = None
    if captions is not None and len(captions) == len(timings):
        return captions
    for row, _, _, block in timings:  # name the line of the cue the parser refuses
        try:
            webvtt.from_string(f"WEBVTT\n\n{block}\n", strict=True)
        except (MalformedFileError, MalformedCaptionError, ValueError):
            raise InputError(
                "Untertitel nicht lesbar (Zeitangabe oder Einstellungen ungültig).",
                file=name,
                row=row,
            ) from None
    raise InputError("Aufbau der WebVTT-Datei nicht erkannt.", file=name)


def _voices(raw_text: str) -> list[tuple[str | None, list[str]]]:
    """The cue text split at its voice tags: (voice or None, lines without tags)."""
    parts: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in raw_text.split("\n"):
        pieces = _VOICE.split(line)  # text, voice, text, voice, text …
        if pieces[0].strip() or len(pieces) == 1:
            parts[-1][1].append(pieces[0])
        for voice, text in zip(pieces[1::2], pieces[2::2], strict=True):
            parts.append(((voice or "").strip() or None, [text]))
    parts = [(voice, [_said(t) for t in lines]) for voice, lines in parts]
    return [(voice, lines) for voice, lines in parts if voice or any(t.strip() for t in lines)]


def _said(line: str) -> str:
    """A cue line as said: without tags and ruby text ("<ruby>Wiesdorf<rt>Stadtteil</rt>
    </ruby>": Wiesdorf), escapes read ("&amp;": "&")."""
    return html.unescape(_TAG.sub("", _RUBY_TEXT.sub("", line)))


def vtt_cues(raw_text: str, name: str) -> list[Cue]:
    """The cues of a WebVTT text with speaker, text and time stamps."""
    text = raw_text.replace("\r\n", "\n").replace("\r", "\n")
    timings = _timings(text.split("\n"), name)
    raw: list[RawCue] = []
    for (row, start, end, _), caption in zip(timings, _captions(text, timings, name), strict=True):
        webex = _WEBEX_IDENTIFIER.match(getattr(caption, "identifier", None) or "")
        fallback = webex["name"].strip() if webex else None  # Webex: the identifier names
        raw.append(RawCue(row, start, end, _voices(caption.raw_text), fallback))
    # Where Webex names the speakers, "[zeigt auf Karte] …" in a cue is a note, no speaker.
    return make_cues(raw, split_label if any(r.fallback for r in raw) else cue_speaker)


@dataclass
class RawCue:
    """A cue as read from the file: its parts (voice or None, text lines) and a speaker
    to fall back on when no part names one."""

    row: int
    start: str
    end: str
    parts: list[tuple[str | None, list[str]]]
    fallback: str | None = None


def _clean(lines: list[str]) -> list[str]:
    """The lines with blanks collapsed, empty lines left out."""
    return [" ".join(line.split()) for line in lines if line.strip()]


def _unroll(raw: list[RawCue]) -> None:
    """Drop the lines that rolling captions (YouTube) repeat from the cue before.

    Only where many cues begin with the last line of the cue before: an ordinary
    transcript may repeat a short line ("Ja.") and keeps it; and only in the same voice:
    where the next speaker echoes the line before (``<v Ben>Danke!`` below ``<v
    Anna>Danke!``), that is what they said.
    """
    single = [_clean(c.parts[0][1]) if len(c.parts) == 1 else [] for c in raw]
    voices = [c.parts[0][0] if c.parts else None for c in raw]
    same = [False, *(a == b for a, b in itertools.pairwise(voices))]
    pairs = list(itertools.pairwise(single))
    repeats = sum(1 for i, (a, b) in enumerate(pairs, 1) if a and b and b[0] == a[-1] and same[i])
    if repeats < 2 or 3 * repeats < len(pairs):
        return
    for i in range(len(raw) - 1, 0, -1):
        before, lines = single[i - 1], single[i]
        if not before or not lines or not same[i]:
            continue
        keep = next(
            (k for k in range(min(len(before), len(lines)), 0, -1) if before[-k:] == lines[:k]), 0
        )
        if keep:
            voice = raw[i].parts[0][0]
            raw[i].parts = [(voice, lines[keep:])]


def _turn_parts(lines: list[str]) -> list[tuple[bool, str]]:
    """The cue text split where a new speaker begins: (starts a turn, text).

    YouTube marks a change of speaker with ">>"; a dialogue in one subtitle is written as
    lines that begin with a dash ("- Hallo" / "- Guten Tag"), the first line too.
    """
    lines = _clean(lines)
    dashed = len(lines) > 1 and bool(_DASH_LINE.match(lines[0]))
    dashed = dashed and sum(1 for line in lines if _DASH_LINE.match(line)) > 1
    parts: list[tuple[bool, list[str]]] = []
    for line in lines:
        marker = _MARKER.match(line) or (_DASH_LINE.match(line) if dashed else None)
        if marker:
            parts.append((True, [marker["rest"]]))
        elif parts:
            parts[-1][1].append(line)
        else:
            parts.append((False, [line]))
    return [(starts, " ".join(" ".join(text).split())) for starts, text in parts]


def make_cues(raw: list[RawCue], label: Callable[[str], tuple[str | None, str]]) -> list[Cue]:
    """The cues of the cues read from a file: rolling captions unrolled, every part of a
    cue with its speaker (a voice, a ``label`` the text starts with, or the fallback)."""
    _unroll(raw)
    cues = []
    for item in raw:
        for voice, lines in item.parts:
            for starts, body in _turn_parts(lines):
                body = without_banner(body)  # "(Transcribed by TurboScribe.ai. …) Hallo"
                if not body:
                    continue
                if only_tags(body) or is_credit(body):  # no statement, counted for the notice
                    kind = CREDIT if is_credit(body) else ONLY_TAGS
                    cues.append(Cue(item.row, item.start, item.end, None, "", sounds=kind))
                    continue
                body, sounds = without_sounds(body)
                speaker, text, whole = voice, body, ""
                if speaker is None:
                    speaker, text = label(body)
                    whole = body if speaker else ""
                if speaker is not None and item.fallback and voice is None:
                    # Webex names the speaker in the identifier: "Mein Vorschlag: …" is text
                    same = _same_speaker(speaker, item.fallback)
                    speaker, text, whole = (speaker, text, "") if same else (None, body, "")
                if speaker is None:
                    speaker = item.fallback
                if text:
                    cue = Cue(item.row, item.start, item.end, speaker, text, whole, starts, sounds)
                    cues.append(cue)
    return cues


def rare_labels_are_text(cues: list[Cue]) -> list[Cue]:
    """Cues whose "speaker" was read from ``Label: text`` although most cues have no
    speaker: the label is part of the sentence ("Das Problem ist: …"), not a name. A name
    the gazetteer knows in brackets ("[anna schmidt] …" among notes "[auf Türkisch] …")
    stays the speaker."""
    labelled = sum(1 for c in cues if c.labelled)
    if not labelled or 2 * labelled >= len(cues):
        return cues
    return [
        Cue(c.row, c.start, c.end, None, c.labelled, starts=c.starts, sounds=c.sounds)
        if c.labelled and not (c.labelled.startswith("[") and _known_name(c.speaker or ""))
        else c
        for c in cues
    ]


def parse_vtt(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse a WebVTT transcript into speaker turns."""
    raw = read_source(source, name)
    text = unmarked_cue_heads(decode(raw))  # "<v \u2068Anna Schmidt\u2069>": a voice
    cues = vtt_cues(text, raw.name)
    document = transcript_document(
        raw, cues, roles, importer=IMPORTER, format=FORMAT, sentences=True
    )
    title = header_title(text)
    if title is None:
        return document
    # The title names the meeting, its workshop: "WEBVTT - Stadtteilrunde Nord"
    named = not re.search(r"[.!?]$", title)
    return replace(document, title=title, options={**document.options, "named_by_title": named})


def header_title(text: str) -> str | None:
    """The title after "WEBVTT" in a file's first line ("WEBVTT - Stadtteilrunde Nord"), or None
    (none, or the old "WEBVTT FILE")."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    found = _HEADER_TITLE.match(first)
    if found is None or found["title"].casefold() == "file":
        return None
    return found["title"]


def transcript_document(
    raw: RawFile,
    cues: list[Cue],
    roles: Mapping[str, str] | None,
    *,
    importer: str,
    format: str,
    sentences: bool = False,
    messages: bool = False,
) -> ParsedDocument:
    """The cues as statements, one per speaker turn (``sentences``: unnamed cues per sentence;
    ``messages``: the cues are chat messages, one statement each)."""
    speakers = Speakers(roles)
    sound_cues = sum(cue.sounds == ONLY_TAGS for cue in cues)
    credits = sum(cue.sounds == CREDIT for cue in cues)
    sound_tags = sum(max(cue.sounds, 0) for cue in cues)
    cues = [cue for cue in cues if cue.sounds >= 0]
    repeats = looped([f"{cue.speaker}\n{cue.text}" for cue in cues])  # "Danke." twenty times
    cues = [cue for i, cue in enumerate(cues) if i not in repeats]
    turns: list[list[Cue]] = []
    for cue in rare_labels_are_text(cues):
        if turns and not messages and _continues(turns[-1][-1], cue, sentences):
            turns[-1].append(cue)
        else:
            turns.append([cue])
    if not turns:
        raise InputError("Das Transkript enthält keine Untertitel mit Text.", file=raw.name)
    segments = []
    for number, turn in enumerate(turns, start=1):
        role, person = speaker_fields(speakers, turn[0].speaker)
        attributes: dict[str, Any] = {
            "start_time": turn[0].start,
            "end_time": turn[-1].end,
            "cues": len(turn),
        }
        if person:
            attributes["speaker"] = person
        segments.append(
            ParsedSegment(
                text=" ".join(cue.text for cue in turn),
                source_id=str(number),
                speaker_role=role,
                row=turn[0].row,
                attributes=attributes,
            )
        )
    return ParsedDocument(
        filename=raw.name,
        sha256=raw.sha256,
        importer=importer,
        segments=tuple(segments),
        format=format,
        names=speakers.names,
        options={
            "cues": sum(len(t) for t in turns),
            "sound_cues": sound_cues,
            "sound_tags": sound_tags,
            "credits": credits,
            "repeats": len(repeats),
        },
    )


def _continues(last: Cue, cue: Cue, sentences: bool) -> bool:
    """Whether a cue continues the turn that ends with ``last``."""
    if cue.starts or not _same_speaker(last.speaker, cue.speaker) or paused(last.end, cue.start):
        return False
    return cue.speaker is not None or not sentences or not _SENTENCE_END.search(last.text)


def _same_speaker(a: str | None, b: str | None) -> bool:
    """Whether two cue speakers are the same person."""
    if a is None or b is None:
        return a is b
    return person_name(a).casefold() == person_name(b).casefold()
