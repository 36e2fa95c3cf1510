"""Plain-text transcripts and chats written as speaker turns, recognised by their content.

Many programs write a meeting or an interview as lines that begin with who speaks:
``Anna Schmidt: Guten Morgen`` (Google Meet, Jitsi, typed transcripts; ``Schmidt, Anna:
…`` as Teams copies a message on one line), ``[10:02] Anna Schmidt : Hallo``
(BigBlueButton's chat), ``10:02:13 Anna: …``, f4/f5 interview
transcripts (``I: Wie war das? #00:01:02-5#``, ``B1: …``), Zoom's saved captions
(``[Anna Schmidt] 10:02:13 …``), WhisperX (``[SPEAKER_00]: …``), or a speaker line
with the text below it: name and time (``Anna Schmidt  0:03`` — Otter, Webex, Teams'
Word export; ``Sprecher 1 [00:00:12]`` — Amberscript; ``Speaker 1 (00:05):`` — Rev),
time and name (``[18:02] Schmidt, Anna`` — a Teams chat copied from the window;
``00:00:03 Sprecher 1`` — Word's "Transkribieren"), name and time on two lines
(``Anna Schmidt`` / ``18:02`` — the newer Teams chat) or a cue's timing and the name
(``0:0:3.120 --> 0:0:8.450`` / ``Anna Schmidt`` — Teams' transcript of 2021;
``00:00:03:20 - 00:00:31:20`` / ``Speaker 1`` — Premiere Pro's text export).
A speaker may be written "Nachname, Vorname" (Teams, Outlook) or be the phone number of a
dial-in (``+49 2171 1234567   1:30``: the writer replaces it as a phone number). The
layouts with time first or on lines of their own count only where at least half of the
speakers look like people (a role label, "Nachname, Vorname", a phone number, a first
name or surname the gazetteer knows) and they speak more than once — or, where nobody
speaks twice (questions in a forum's chat), two thirds are full names of first name and
surname the gazetteer knows: an agenda ``10:00 Begrüßung`` / text stays a protocol.

Every turn is one statement (``source_id`` 1, 2, … in order); lines that start no turn
continue the one before; lines that hold only a time stamp are dropped (the time is the
next turn's ``time``), as are f4's ``#hh:mm:ss-d#`` marks (f4 writes them at a turn's
end: the last is its ``end_time``, the one of the turn before its ``time``, its start;
the first turn starts at ``00:00:00``), a Teams chat's reaction counts (``👍 2``) and
the tools' notices and header (:mod:`workbench.ingest.transcript_frame`: participant lists
go onto the name list, the rest is the title). HTML entities (``&amp;``, BigBlueButton)
are decoded. A speaker written as a role label is a role, not a person
(:mod:`workbench.ingest.speaker_labels`); a name is a person (see
:mod:`workbench.ingest.speakers`) and becomes a placeholder.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.ingest.chat_structure import is_emoji
from workbench.ingest.markdown_inline import plain_markdown
from workbench.ingest.name_gazetteer import gazetteer
from workbench.ingest.pseudonymise import PERSON_PLACEHOLDER
from workbench.ingest.sound_tags import is_credit, only_tags
from workbench.ingest.speaker_labels import is_discourse, is_label, is_role, speaker_fields
from workbench.ingest.speakers import Speakers, natural_order
from workbench.ingest.textio import RawFile, Source, decode, read_source
from workbench.ingest.transcript_frame import (
    head_line,
    notice,
    participants_line,
    read_header,
    without_banner,
)

IMPORTER = "speaker-turns"
FORMAT = "Transkript oder Chat (Sprecherzeilen)"

# "18:02", "00:01:02.5"; "5:02 PM" in English interfaces (capitals: German "am" is a word)
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?(?:\s?[AP]M\b)?"
# also gender-inclusive labels: "Moderator*in", "Teilnehmer:in 2", "Interviewer/in", "Befragte*r"
_NAME = r"[^\W\d_](?:[\w.'’ -]|[*/:](?=(?:in|innen|r)\b)){0,48}?"
_QUALIFIER = r"(?:\s*\([^()\n]{0,30}\))?"
_WHO = rf"{_NAME}{_QUALIFIER}"
# On a speaker line of its own also "Schmidt, Anna (Stadt)" and a dial-in's phone number.
_PHONE = r"(?:\+|0)\d[\d /()-]{4,22}\d"
_ANYONE = rf"(?:{_PHONE}|{_NAME},\s*{_NAME}{_QUALIFIER}|{_WHO})"
# "[10:02] Anna Schmidt : Hallo", "10:02:13 - Anna: …", "<09:00:07> Anna Schmidt: …" (Jitsi's
# transcriber), "Anna Schmidt: …", "B1: …", and
# "Schmidt, Anna: …" (a Teams message copied as one line; _fits wants capitals after the
# comma, so "Ja, genau: …" is no speaker)
_INLINE = re.compile(
    rf"^\s*(?:[\[<]?(?P<time>{_TIME})[\]>]?\s*(?:[-–|]\s*)?)?"
    rf"(?P<who>{_NAME},\s*{_NAME}{_QUALIFIER}|{_WHO})\s?:\s+(?P<text>\S.*)$"
)
# "[Anna Schmidt] 10:02:13 Guten Morgen", "… 10:02:13: Guten Morgen" (Zoom's saved captions)
_BRACKETED = re.compile(rf"^\s*\[(?P<who>{_ANYONE})\]\s+(?P<time>{_TIME}):?\s+(?P<text>\S.*)$")
# "[SPEAKER_00]: Guten Morgen" (WhisperX)
_BRACKET_LABEL = re.compile(rf"^\s*\[(?P<who>{_WHO})\]:\s+(?P<text>\S.*)$")
# "Anna Schmidt  0:03", "Anna Schmidt (00:01:02)", "Sprecher 1 [00:00:12]" (Amberscript)
# or "Speaker 1 (00:05):" (Rev), "[Anna Schmidt] 10:02:13" (Zoom's saved closed captions)
# alone on its line, the text below
_HEADER = re.compile(
    rf"^\s*(?P<open>\[)?(?P<who>{_ANYONE})(?(open)\])\s+[(\[]?(?P<time>{_TIME})[)\]]?:?\s*$"
)
# "[18:02] Schmidt, Anna" or "00:00:03 Sprecher 1" alone on its line, the text below
_TIME_FIRST = re.compile(rf"^\s*\[?(?P<time>{_TIME})\]?\s+(?:[-–|]\s*)?(?P<who>{_ANYONE})\s*$")
_TIME_AFTER = re.compile(rf"\s*\(({_TIME})\)$")  # "Speaker 1 (00:05)"
_WHO_LINE = re.compile(rf"^\s*(?P<who>{_ANYONE})\s*$")
_CLOCK = r"\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?"
_CUE_TIMING = re.compile(rf"^\s*(?P<start>{_CLOCK})\s*-->\s*(?P<end>{_CLOCK})\s*$")
# Premiere Pro's transcript: "00:00:03:20 - 00:00:31:20" (frames after the seconds)
_FRAMES = re.compile(
    r"^\s*(?P<start>\d{1,2}:\d{2}:\d{2})[:;]\d{2}\s*[-–]\s*(?P<end>\d{1,2}:\d{2}:\d{2})[:;]\d{2}\s*$"
)


def _arrow(line: str) -> re.Match[str] | None:
    """A line of a cue's timing only ("0:0:3.120 --> 0:0:8.450", Premiere's
    "00:00:03:20 - 00:00:31:20"), or None."""
    return _CUE_TIMING.match(line) or _FRAMES.match(line)


_WRAPPED = re.compile(r"^ {8,}\S")
# aTrain: a diarisation label alone on its line, the speaker's segments below (each, or
# all on one line, with its start: "[00:00:05] - …", "00:00:05 - …")
_TOOL_LABEL = re.compile(r"^\s*(?:SPEAKER_\d{1,3}|Speaker undefined)\s*$")
_SEGMENT_START = re.compile(r"(?:^|(?<=\s))\[?(\d{2}:\d{2}:\d{2})\]?\s+[-–]\s+")
_ONLY_TIME = re.compile(rf"^\s*\[?{_TIME}\]?\s*$")
_F4_MARK = re.compile(r"\s*#\d{1,2}:\d{2}:\d{2}(?:[-.,]\d{1,3})?#\s*")
_F4_TIME = re.compile(r"#(\d{1,2}:\d{2}:\d{2})(?:[-.,]\d{1,3})?#")  # a mark's time
# noScribe: "S00: [00:00:05] Schön, dass …", in a long turn again every minute
_STAMP = re.compile(r"\s*\[(\d{2}:\d{2}:\d{2})(?:[.,]\d{1,3})?\]\s*")
_SURNAME_FIRST = re.compile(
    r"^[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2},\s*(?:(?:Dr|Prof)\.\s*)?"
    r"(?P<first>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,2})$"
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,9});")
MIN_TURNS = 3
_SHARE = 0.6  # of the lines that are not time stamps: at least this many start a turn
_PREAMBLE = 3  # title lines before the first turn ("Transkript", a date is no title line)
_LOOSE = "loose"  # time first or on a line of its own: speakers must speak more than once


@dataclass
class _Turn:
    row: int
    who: str
    time: str | None
    lines: list[str] = field(default_factory=list)
    layout: str = "inline"
    section: bool = False  # under a time line of its own (Google Meet: every 5 minutes)


@dataclass
class _Parse:
    turns: list[_Turn] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)  # lines before the first turn
    other: int = 0  # lines that are neither turn nor time nor notice
    names: list[str] = field(default_factory=list)  # people named in the tools' notices


def _fits(who: str) -> bool:
    """Whether a speaker read by a pattern is one: a name of at most five words ("Schmidt,
    Anna" with capitals after the comma), or a phone number of six digits or more — no
    word that opens a point within a turn ("Erstens: …", "Außerdem: …")."""
    who = re.sub(r"\s*\([^()]*\)$", "", who.strip())
    if is_discourse(who):
        return False
    if who[:1] in "+0123456789":
        return sum(ch.isdigit() for ch in who) >= 6
    if "," in who:
        match = _SURNAME_FIRST.match(who)
        return bool(match) and all(w[:1].isupper() for w in match["first"].split())
    return len(who.split()) <= 5


def _person_like(who: str) -> bool:
    """Whether a speaker looks like one: a role label, a phone number, "Nachname, Vorname"
    or a name with a first name or surname known to the gazetteer (not "Begrüßung")."""
    if is_label(who) or who[:1] in "+0" or "," in who:
        return True
    names = gazetteer()
    words = re.sub(r"\([^()]*\)", " ", who).split()
    return any(names.has_first(w) or names.has_last(w) for w in words)


def _full_name(who: str) -> bool:
    """Whether a speaker is a person's full name: a first name and a surname the gazetteer
    knows ("Schmidt, Anna (Gast)", "Anna Schmidt"), not an agenda's "Begrüßung, Anna"."""
    words = natural_order(re.sub(r"\s*\([^()]*\)", " ", who)).split()
    names = gazetteer()
    words = [w for w in words if w.rstrip(".") not in ("Dr", "Prof")]
    return len(words) >= 2 and names.has_first(words[0]) and names.has_last(words[-1])


def _head_speaker(line: str) -> str | None:
    """The speaker of a speaker's head with the time ("Anna Schmidt [00:00:12]", "Speaker 1
    (00:05):", "00:00:03 Sprecher 1"; the text below it), or None."""
    match = _HEADER.match(line) or _TIME_FIRST.match(line)
    return match["who"].strip() if match and _fits(match["who"]) else None


def are_speaker_heads(lines: list[str]) -> bool:
    """Whether lines (a Word file's headings) are a transcript's speaker heads with their
    times, but for a first one (the title): people who speak more than once, not an
    agenda's "Begrüßung 10:00"."""
    who = [_head_speaker(line) for line in lines]
    if None in who[1:] or len(lines) < MIN_TURNS:
        return False
    speakers = {w.casefold(): w for w in who if w is not None}
    repeated = len(speakers) <= 0.8 * sum(w is not None for w in who)
    return repeated and 2 * sum(map(_person_like, speakers.values())) >= len(speakers)


def _who_line(line: str | None) -> str | None:
    """The speaker a line consists of, or None."""
    match = _WHO_LINE.match(line or "")
    return match["who"].strip() if match and _fits(match["who"]) else None


def _is_time(line: str | None) -> bool:
    """Whether a line is a time stamp or a cue's timing only."""
    return bool(line) and bool(_ONLY_TIME.match(line) or _arrow(line))  # type: ignore[arg-type]


def _clock(value: str) -> str:
    """A cue time written loosely ("0:0:3.120") as ``hh:mm:ss.mmm``."""
    main, _, fraction = value.replace(",", ".").partition(".")
    hours, minutes, seconds = (int(p) for p in main.split(":"))
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}" + (
        f".{fraction.ljust(3, '0')}" * bool(fraction)
    )


def _start(line: str, following: str | None, inline: bool = True) -> _Turn | None:
    """The turn a line starts, or None (a speaker line needs text on the next line).
    ``inline``: whether ``Name: text`` without a time starts a turn (see :func:`_said`)."""
    for pattern in (_INLINE, _BRACKETED, _BRACKET_LABEL):
        match = pattern.match(line)
        if pattern is _INLINE and match and not inline and match["time"] is None:
            continue
        if match and _fits(match["who"]):
            who, time = match["who"].strip(), match.groupdict().get("time")
            if pattern is not _INLINE and PERSON_PLACEHOLDER.fullmatch(f"[{who}]"):
                who = f"[{who}]"  # "[Person 1]: …" anonymised before: that person, no role
            layout = "segment" if pattern is _BRACKET_LABEL and who[0] != "[" else "inline"
            timed = _TIME_AFTER.search(who) if time is None else None
            if timed:  # "Speaker 1 (00:05): …" (Rev on one line): name, then time, as a head
                who, time, layout = who[: timed.start()], timed[1], "header"
            return _Turn(0, who, time, [match["text"]], layout)
    if not following or _is_time(following) or _start(following, None, inline) is not None:
        return None  # the text below must be there, and not the next turn
    header = _HEADER.match(line)
    if header and _fits(header["who"]):
        return _Turn(0, header["who"].strip(), header["time"], layout="header")
    first = _TIME_FIRST.match(line)
    if first and _fits(first["who"]):
        return _Turn(0, first["who"].strip(), first["time"], layout=_LOOSE)
    return None


def _two_line_start(
    line: str, following: str | None, third: str | None, inline: bool = True
) -> _Turn | None:
    """A turn whose speaker line is followed by a line of its own with the time (name, time,
    text: Teams' chat) or that follows a cue's timing (timing, name, text: Teams 2021)."""
    if not third or _is_time(third):
        return None
    arrow = _arrow(line)
    who = _who_line(following)
    if arrow and who and _start(third, None, inline) is None:
        return _Turn(0, who, _clock(arrow["start"]), layout="timing")
    who = _who_line(line)
    if who and following and _ONLY_TIME.match(following) and _start(third, None, inline) is None:
        return _Turn(0, who, following.strip(" []"), layout=_LOOSE)
    return None


def _said(lines: list[str]) -> bool:
    """Whether ``Label: text`` without a time is said, not a turn: in a transcript of
    speaker lines with the text below (Teams, Otter, Webex: "Anna Schmidt   0:03"), a line
    "Zum Beispiel: die Schaukel …" is speech. So where such speaker lines (also time
    first, or name and time on two lines: "Schmidt, Anna" / "17:02"; or cue timings) are
    at least three and no fewer than the lines built like "Label: text"."""
    speaker_lines = labelled = 0
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        header = _HEADER.match(line) or _TIME_FIRST.match(line)
        inline = _INLINE.match(line)
        two_lines = _who_line(line) and _ONLY_TIME.match(following)
        if (header and _fits(header["who"])) or _arrow(line) or two_lines:
            speaker_lines += 1
        elif inline and inline["time"] is None and _fits(inline["who"]):
            labelled += 1
    return speaker_lines >= MIN_TURNS and speaker_lines >= labelled


def _discourse_line(line: str) -> bool:
    """Whether a line opens a point within a turn ("Erstens: …", "Außerdem: …")."""
    match = _INLINE.match(line)
    return bool(match) and is_discourse(re.sub(r"\s*\([^()]*\)$", "", match["who"].strip()))


def _reaction_count(line: str) -> bool:
    """Whether a line is a chat's count of reactions ("👍 2", "❤️ 3 😂 1")."""
    return (
        any(is_emoji(ch) for ch in line)
        and any(ch.isdigit() for ch in line)
        and all(is_emoji(ch) or ch.isdigit() or ch.isspace() for ch in line)
    )


_LINE_NUMBER = re.compile(r"^(\d{1,5})\s+(?=\S)")


def _without_line_numbers(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines without the numbers a transcript counts them with (GAT2: ``001   I:   …``,
    line-numbered exports), where nearly every line starts with the next number."""
    numbers = [
        (i, int(m[1])) for i, (_, line) in enumerate(rows) if (m := _LINE_NUMBER.match(line))
    ]
    counted = [n for _, n in numbers]
    if (
        len(numbers) < MIN_TURNS
        or len(numbers) < 0.9 * len(rows)
        or any(b <= a for a, b in itertools.pairwise(counted))
    ):
        return rows
    out = list(rows)
    for i, _ in numbers:
        out[i] = (out[i][0], _LINE_NUMBER.sub("", out[i][1]))
    return out


def _turns(text: str) -> _Parse:
    """The turns of a text, the lines before the first, and the lines that are neither."""
    split = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    rows = _without_line_numbers(
        [(number, line.strip()) for number, line in enumerate(split, start=1) if line.strip()]
    )
    # a turn's text wrapped and indented below its first line (Jitsi's transcriber)
    wrapped = {n for n, line in enumerate(split, start=1) if _WRAPPED.match(line)}
    parse = _Parse()
    turns = parse.turns
    stamp: str | None = None  # a time on a line of its own (Google Meet) times the next turn
    section = False
    inline = not _said([line for _, line in rows])
    i = 0
    while i < len(rows):
        number, line = rows[i]
        following = rows[i + 1][1] if i + 1 < len(rows) else None
        third = rows[i + 2][1] if i + 2 < len(rows) else None
        i += 1
        named = notice(line)
        if named is not None:
            parse.names += named
            continue
        if _TOOL_LABEL.match(line) and following and not _TOOL_LABEL.match(following):
            turns.append(_Turn(number, line.strip(), None, layout="label"))
            continue
        if turns and turns[-1].layout == "label":
            turns[-1].lines.append(line)  # aTrain: every line up to the next label
            continue
        turn = _two_line_start(line, following, third, inline)
        if turn is not None:
            i += 1  # the speaker's or the time's line
        elif _is_time(line):
            arrow = _arrow(line)
            stamp, section = _clock(arrow["start"]) if arrow else line.strip(" []"), True
            continue
        else:
            turn = _start(line, following, inline)
        head = participants_line(line) is not None or head_line(line)
        if turn is not None and not turns and head:
            turn = None  # "Teilnehmende: Anna Schmidt, Ben Berg", "Datum: …": the header's
        if turn is not None:
            turn.row, turn.time, turn.section = number, turn.time or stamp, section
            turns.append(turn)
        elif turns and turns[-1].lines and _reaction_count(line):
            pass  # a Teams chat counts reactions below the message
        elif turns and turns[-1].lines and number in wrapped and turns[-1].layout == "inline":
            turns[-1].lines[-1] += f" {line}"  # the rest of a wrapped line
        elif turns:
            # Text under a speaker line belongs there; after an inline turn it is more.
            # ("Erstens: …" under a turn continues it: neither turn nor other text)
            parse.other += bool(turns[-1].lines) and not _discourse_line(line)
            turns[-1].lines.append(line)
        else:
            parse.preamble.append(line)
        stamp = None
    return parse


# "**Anna Schmidt:** [00:00:12] …", "__Sprecher 1__ [00:00:05]": Markdown's emphasis at a
# line's start (Descript; a transcript typed into a pad)
_EMPHASISED = re.compile(r"^[ \t]*(\*\*|__)(?=\S)[^\n]{1,80}?(?<=\S)\1", re.M)
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")


def _markdown_plain(text: str) -> str | None:
    """A Markdown transcript's text without its markup (a first line "# Titel" is the
    title), where at least three lines start with emphasis and no heading but that first
    divides it; otherwise None."""
    if len(_EMPHASISED.findall(text[:200_000])) < MIN_TURNS:
        return None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if any(_MARKDOWN_HEADING.match(line) for line in lines[first + 1 :]):
        return None  # sections under headings: a protocol's (its reader keeps them)
    lines[first] = _MARKDOWN_HEADING.sub("", lines[first])
    return "\n".join(plain_markdown(line) for line in lines)


def is_speaker_turns(text: str, timed_only: bool = False) -> bool:
    """Whether a plain text is a transcript or chat of speaker turns (not a protocol).

    ``timed_only``: only turns with times count (Word files: a protocol written as
    "Schulsozialarbeit: …" paragraphs stays a protocol; transcripts carry times, or
    stand under a time line of their own as in Google Meet's, or carry f4's or noScribe's
    time marks in their text: "B: … #00:01:02-5#"). Speakers set in bold in Markdown
    (``**Anna Schmidt:** [00:00:12] …``) count where the turns carry times: a protocol's
    ``**Ergebnis:** …`` lead-ins do not.
    """
    if _is_turns(text, timed_only):
        return True
    plain = _markdown_plain(text)
    return plain is not None and _is_turns(plain, timed_only=True)


def _is_turns(text: str, timed_only: bool) -> bool:
    """Whether a text as it is written is speaker turns (see :func:`is_speaker_turns`)."""
    if text.lstrip("\ufeff").startswith(("---", "#")):
        return False  # front matter or a Markdown heading: a protocol
    parse = _turns(text[:200_000])
    turns, title = parse.turns, read_header(parse.preamble, strict=False).title
    if (len(turns) < MIN_TURNS and not _short_transcript(turns)) or len(title) > _PREAMBLE:
        return False
    if any(len(line) > 80 for line in title):
        return False
    # People speak more than once, the labels of a list ("Ort: …", "Datum: …") do not;
    # time stamps make a chat or transcript of one-time speakers too.
    speakers = [t.who.casefold() for t in turns]
    repeated = len(set(speakers)) <= 0.8 * len(speakers)
    timed = sum(
        t.time is not None or t.section or bool(_marked(" ".join(t.lines))[1]) for t in turns
    )
    if timed < _SHARE * len(turns) and (timed_only or not repeated):
        return False
    loose = {t.who for t in turns if t.layout == _LOOSE}
    if loose and 2 * sum(map(_person_like, loose)) < len(loose):
        return False  # "10:00 Begrüßung" / text: a protocol's agenda
    if loose and not repeated and 3 * sum(map(_full_name, loose)) < 2 * len(loose):
        return False  # where nobody speaks twice, only full names make it a chat
    headed = {t.who for t in turns if t.layout == "header"}
    if headed and not repeated and 2 * sum(map(_person_like, headed)) < len(headed):
        return False  # "Verkehr (18:15)" / text, each heading once: a protocol's agenda
    return len(turns) >= _SHARE * (len(turns) + parse.other)


def _short_transcript(turns: list[_Turn]) -> bool:
    """Whether two turns are a short transcript all the same: each a speaker line with its
    time above the text (Teams, Otter: "Anna Schmidt   0:03"), each speaker a role label,
    "Nachname, Vorname" or a full name ("Dzifa Kwarteng-Brühl"; not "Runde mit Anna",
    "Verkehr": an agenda's headings)."""
    return len(turns) == MIN_TURNS - 1 and all(
        t.time is not None
        and t.layout in ("header", "timing")
        and (is_label(t.who) or "," in t.who or _name_shaped(t.who))
        for t in turns
    )


def _name_shaped(who: str) -> bool:
    """Whether a speaker is written like a full name: two to four capitalised words."""
    words = re.sub(r"\([^()]*\)", " ", who).split()
    return 2 <= len(words) <= 4 and all(
        w[:1].isupper() and all(ch.isalpha() or ch in "-'’." for ch in w) for w in words
    )


# also after the time QualCoder and noScribe write first: "[00:00:05] I: …"
_LABEL = re.compile(
    rf"^\s*(?:\[?{_TIME}\]?\s*(?:[-–|]\s*)?)?(?P<who>{_WHO})\s?:\s+"
    r"(?:\[\d{2}:\d{2}:\d{2}(?:[.,]\d{1,3})?\]\s+)?(?=\S)"  # noScribe: "S00: [00:00:05] …"
)


def role_label(line: str) -> tuple[str, int] | None:
    """The role that opens a transcript line ("I: …", "B1: …", "Moderation: …", also
    after a time: "[00:00:05] I: …") and where its text starts (after noScribe's time:
    "S00: [00:00:05] …"), or None (no label, or a person's name: that stays text and is
    pseudonymised with it)."""
    label = _LABEL.match(line)
    if label is None or not is_role(label["who"].strip()):
        return None
    return label["who"].strip(), label.end()


def parse_speaker_turns(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse a speaker-turn transcript or chat into one statement per turn."""
    raw = read_source(source, name)
    text = decode(raw)
    plain = None if _is_turns(text, timed_only=False) else _markdown_plain(text)
    return turns_document(raw, text if plain is None else plain, roles)


def _unescape(text: str) -> str:
    """The text with HTML entities ("&amp;", "&#39;") decoded (BigBlueButton saves them)."""
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


def _marked(text: str) -> tuple[str, list[str]]:
    """The text without the time marks in it (f4's ``#00:01:02-5#`` at a turn's end,
    noScribe's ``[00:00:05]`` at its start) and these times in order."""
    marks = re.findall(r"#(\d{1,2}:\d{2}:\d{2})|\[(\d{2}:\d{2}:\d{2})", text)
    text = _STAMP.sub(" ", _F4_MARK.sub(" ", text))
    return text.strip(), [f4 or stamp for f4, stamp in marks]


def _joined_segments(turns: list[_Turn]) -> list[_Turn]:
    """The turns with a recogniser's consecutive segments of one speaker joined into one
    (WhisperX writes ``[SPEAKER_01]: …`` per segment, often cut mid-sentence), as the
    cues of its subtitles are."""
    out: list[_Turn] = []
    for turn in turns:
        last = out[-1] if out else None
        if last and turn.layout == last.layout == "segment" and turn.who == last.who:
            last.lines[-1] = f"{last.lines[-1]} {' '.join(turn.lines)}"
        else:
            out.append(turn)
    return out


def turns_document(
    raw: RawFile, text: str, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """The statements of ``text``, the content of file ``raw`` (plain text, or the
    paragraphs of a Word transcript), one per speaker turn."""
    parse = _turns(text)
    if not parse.turns:
        raise InputError("Keine Sprecherzeile gefunden ('Name: Text').", file=raw.name)
    parse.turns = _joined_segments(parse.turns)
    header = read_header(parse.preamble, raw.name)
    speakers = Speakers(roles)
    for listed in (*header.names, *parse.names):
        speakers.add(listed)  # participants: pseudonymised wherever they are named
    segments: list[ParsedSegment] = []
    empty = sounds = credits = 0
    ended: str | None = "00:00:00"  # where the turn before ended (f4): the recording's start
    for turn in parse.turns:
        turn.lines = [text for line in turn.lines if (text := without_banner(line))]
        if turn.layout == "label":  # aTrain's segments: their starts are no words
            starts = [t for line in turn.lines for t in _SEGMENT_START.findall(line)]
            turn.time = starts[0] if starts else None
            turn.lines = [" ".join(_SEGMENT_START.sub("", line) for line in turn.lines)]
        # "[Musik]", "[Applaus]"; f4's "(lacht) #00:02:31-0#" too: its time mark is no word
        lines = [line for line in turn.lines if not only_tags(_marked(line)[0])]
        sounds += len(turn.lines) - len(lines)
        kept = [line for line in lines if not is_credit(_marked(line)[0])]  # made up (Whisper)
        credits, lines = credits + len(lines) - len(kept), kept
        text, marks = _marked(_unescape("\n".join(lines)))
        began, ends = ended, _F4_TIME.findall(" ".join(turn.lines))
        ended = ends[-1] if ends else None
        if turn.lines and _F4_TIME.match(turn.lines[0]):
            ends = []  # "I: #00:00:05-2# Was fehlt?": marked at its start, as noScribe does
        if not text:
            empty += not turn.lines or len(lines) > 0  # a turn of sound tags is counted there
            continue
        attributes: dict[str, Any] = {}
        # f4 marks a turn's end: it began where the one before ended ("time" is the start)
        time = turn.time or (began if ends else marks[0] if marks else None)
        if time:
            attributes["time"] = time
        if ends and not turn.time:
            attributes["end_time"] = ends[-1]
        role, person = speaker_fields(speakers, turn.who)
        if person:
            attributes["speaker"] = person
        segments.append(
            ParsedSegment(
                text=text,
                source_id=str(len(segments) + 1),
                speaker_role=role,
                row=turn.row,
                attributes=attributes,
            )
        )
    if not segments:
        raise InputError("Die Datei enthält keine Redebeiträge mit Text.", file=raw.name)
    return ParsedDocument(
        filename=raw.name,
        sha256=raw.sha256,
        importer=IMPORTER,
        segments=tuple(segments),
        title=header.title_text,
        date=header.date,
        format=FORMAT,
        names=speakers.names,
        options={
            "skipped_rows": empty,
            "turns": len(parse.turns),
            "sound_cues": sounds,
            "credits": credits,
        },
    )
