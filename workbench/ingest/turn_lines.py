"""Reading a transcript's or chat's lines into speaker turns (pure).

The line layouts of :mod:`workbench.ingest.speaker_turns` — ``Name: text``, a speaker
line with its time and the text below, time first, name and time on two lines, a cue's
timing above the name, aTrain's labels — and the rules that tell a speaker from text:
:func:`read_turns` gives the turns, the lines before the first and the lines that are
neither. Whether those turns make a transcript, and the statements they become, is
:mod:`workbench.ingest.speaker_turns`'s part.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from workbench.ingest.chat_structure import is_emoji
from workbench.ingest.direction_marks import has_marks, marked_rest
from workbench.ingest.discourse_labels import is_answer_word, is_discourse, is_mail_field
from workbench.ingest.pseudonymise import PERSON_PLACEHOLDER
from workbench.ingest.transcript_frame import head_line, notice, participants_line

# A speaker's pause longer than this ends the turn: a minute without a caption or cue of
# anyone (a break, an exercise), then the same voice again, is a new statement.
TURN_PAUSE_SECONDS = 60
_STAMP_PARTS = re.compile(r"(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?")


def paused(before: str | None, after: str | None) -> bool:
    """Whether more than :data:`TURN_PAUSE_SECONDS` lie between two time stamps
    ("00:02:18.000", "18:02:13"); False where one is missing or unreadable.

    >>> paused("18:02:13", "18:09:40"), paused("00:00:05.000", "00:00:09,500")
    (True, False)
    """
    times = [_STAMP_PARTS.fullmatch(t.strip()) if t else None for t in (before, after)]
    if times[0] is None or times[1] is None:
        return False
    first, second = (
        int(m[1] or 0) * 3600 + int(m[2]) * 60 + int(m[3]) + int((m[4] or "0").ljust(3, "0")) / 1000
        for m in times
    )
    return second - first > TURN_PAUSE_SECONDS


def possible_time(time: str) -> bool:
    """Whether a turn's time stamp can be one: minutes and seconds below 60, a 12-hour
    clock's hour from 1 to 12 (the hour of a recording's time may pass 24).

    >>> possible_time("18:02"), possible_time("1:02:03.5"), possible_time("25:61")
    (True, True, False)
    """
    found = _STAMP.fullmatch(time.strip())
    if found is None:  # no stamp of hours, minutes and seconds: nothing to say about it
        return True
    rest = [int(part) for part in found.group("m", "s") if part]
    return all(part < 60 for part in rest) and (not found["ampm"] or 1 <= int(found["h"]) <= 12)


_STAMP = re.compile(
    r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?(?:[.,]\d{1,3})?(?:\s?(?P<ampm>[AP]M))?"
)


# "18:02", "00:01:02.5"; "5:02 PM" in English interfaces (capitals: German "am" is a word)
TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?(?:\s?[AP]M\b)?"
# also gender-inclusive labels: "Moderator*in", "Teilnehmer:in 2", "Interviewer/in", "Befragte*r",
# and the zero-width non-joiner Persian writes inside a name ("علی‌رضا کریمی")
_NAME = r"[^\W\d_](?:[\w.'’ \u200c-]|[*/:](?=(?:in|innen|r)\b)){0,48}?"
_QUALIFIER = r"(?:\s*\([^()\n]{0,30}\))?"
WHO = rf"{_NAME}{_QUALIFIER}"
# On a speaker line of its own also "Schmidt, Anna (Stadt)" and a dial-in's phone number.
_PHONE = r"(?:\+|0)\d[\d /()-]{4,22}\d"
_ANYONE = rf"(?:{_PHONE}|{_NAME},\s*{_NAME}{_QUALIFIER}|{WHO})"
# "[10:02] Anna Schmidt : Hallo", "10:02:13 - Anna: …", "<09:00:07> Anna Schmidt: …" (Jitsi's
# transcriber), "Anna Schmidt: …", "B1: …", f4's mark or MAXQDA's time at a turn's start
# ("#00:00:05-1# I: …", "(00:00:05) I: …": a recording's time, with seconds; a protocol's
# "(18:15) Verkehr: …" is an agenda item), a clock's "18:00 Uhr Anna Schmidt: …", and
# "Schmidt, Anna: …" (a Teams message copied as one line; _fits wants capitals after the
# comma, so "Ja, genau: …" is no speaker)
_INLINE = re.compile(
    rf"^\s*(?:(?:[\[<]|[(#](?=\d{{1,2}}:\d\d:\d\d))?(?P<time>{TIME})(?:-\d{{1,3}}(?=#))?[\]>)#]?(?:\s+Uhr\b)?\s*(?:[-–|]\s*)?)?"
    rf"(?P<who>{_NAME},\s*{_NAME}{_QUALIFIER}|{WHO})\s?:\s+(?P<text>\S.*)$"
)
_MAIL_LABEL = re.compile(r"^\s*([^\W\d_]+)\s?:\s")  # "An: …", "Cc: …", "Betreff: …"
# "[Anna Schmidt] 10:02:13 Guten Morgen", "… 10:02:13: Guten Morgen" (Zoom's saved captions)
_BRACKETED = re.compile(rf"^\s*\[(?P<who>{_ANYONE})\]\s+(?P<time>{TIME}):?\s+(?P<text>\S.*)$")
# "[SPEAKER_00]: Guten Morgen" (WhisperX)
_BRACKET_LABEL = re.compile(rf"^\s*\[(?P<who>{WHO})\]:\s+(?P<text>\S.*)$")
# "Anna Schmidt  0:03", "Anna Schmidt (00:01:02)", "Sprecher 1 [00:00:12]" (Amberscript)
# or "Speaker 1 (00:05):" (Rev), "[Anna Schmidt] 10:02:13" (Zoom's saved closed captions)
# alone on its line, the text below
_HEADER = re.compile(
    rf"^\s*(?P<open>\[)?(?P<who>{_ANYONE})(?(open)\])\s+[(\[]?(?P<time>{TIME})[)\]]?:?\s*$"
)
# "[18:02] Schmidt, Anna" or "00:00:03 Sprecher 1" alone on its line, the text below
_TIME_FIRST = re.compile(rf"^\s*\[?(?P<time>{TIME})\]?\s+(?:[-–|]\s*)?(?P<who>{_ANYONE})\s*$")
_TIME_AFTER = re.compile(rf"\s*\(({TIME})\)$")  # "Speaker 1 (00:05)"
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
_ONLY_TIME = re.compile(rf"^\s*\[?{TIME}\]?\s*$")
_SURNAME_FIRST = re.compile(
    r"^[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2},\s*(?:(?:Dr|Prof)\.\s*)?"
    r"(?P<first>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,2})$"
)
MIN_TURNS = 3
LOOSE = "loose"  # time first or on a line of its own: speakers must speak more than once


@dataclass
class Turn:
    """A speaker's turn as read: its first line, speaker, time, lines and layout."""

    row: int
    who: str
    time: str | None
    lines: list[str] = field(default_factory=list)
    layout: str = "inline"
    section: bool = False  # under a time line of its own (Google Meet: every 5 minutes)
    caption: bool = False  # a caption Zoom saved: "[Name] 18:02:11", one every few seconds
    cues: int = 1  # captions joined into the turn
    end: str | None = None  # the time of the last caption joined into the turn


@dataclass
class TurnParse:
    """What :func:`read_turns` read from a text."""

    turns: list[Turn] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)  # lines before the first turn
    other: int = 0  # lines that are neither turn nor time nor notice
    names: list[str] = field(default_factory=list)  # people named in the tools' notices
    notices: int = 0  # the tools' notices (Teams' "… hat die Transkription gestartet")
    polls: int = 0  # poll results BigBlueButton saved into its chat (no one's words)


def _fits(who: str, said: str | None = None, timed: bool = False) -> bool:
    """Whether a speaker read by a pattern is one: a name of at most five words ("Schmidt,
    Anna" with capitals after the comma), or a phone number of six digits or more — no
    word that opens a point within a turn ("Erstens: …", "Außerdem: …"; ``said``: the
    text after it, see :func:`is_discourse`); an answer word after a message's time
    (``timed``: "[18:01] Okay : …") is a sender's nickname."""
    who = re.sub(r"\s*\([^()]*\)$", "", who.strip())
    if is_discourse(who, said) and not (timed and is_answer_word(who)):
        return False
    if who[:1] in "+0123456789":
        return sum(ch.isdigit() for ch in who) >= 6
    if "," in who:
        match = _SURNAME_FIRST.match(who)
        return bool(match) and all(w[:1].isupper() for w in match["first"].split())
    return len(who.split()) <= 5


def head_speaker(line: str) -> str | None:
    """The speaker of a speaker's head with the time ("Anna Schmidt [00:00:12]", "Speaker 1
    (00:05):", "00:00:03 Sprecher 1"; the text below it), or None."""
    turn = head_turn(line)
    return turn.who if turn is not None else None


def head_turn(line: str, row: int = 0) -> Turn | None:
    """The turn a speaker's head with the time opens (its speaker and time, no text yet;
    see :func:`head_speaker`), or None."""
    match = _HEADER.match(line) or _TIME_FIRST.match(line)
    if match is None or not _fits(match["who"]):
        return None
    return Turn(row, match["who"].strip(), match["time"], layout="header")


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


def _start(line: str, following: str | None, inline: bool = True) -> Turn | None:
    """The turn a line starts, or None (a speaker line needs text on the next line).
    ``inline``: whether ``Name: text`` without a time starts a turn (see :func:`_said`)."""
    for pattern in (_INLINE, _BRACKETED, _BRACKET_LABEL):
        match = pattern.match(line)
        if pattern is _INLINE and match and not inline and match["time"] is None:
            continue
        if match and _fits(match["who"], match["text"], match.groupdict().get("time") is not None):
            who, time = match["who"].strip(), match.groupdict().get("time")
            if pattern is not _INLINE and PERSON_PLACEHOLDER.fullmatch(f"[{who}]"):
                who = f"[{who}]"  # "[Person 1]: …" anonymised before: that person, no role
            layout = "segment" if pattern is _BRACKET_LABEL and who[0] != "[" else "inline"
            timed = _TIME_AFTER.search(who) if time is None else None
            if timed:  # "Speaker 1 (00:05): …" (Rev on one line): name, then time, as a head
                who, time, layout = who[: timed.start()], timed[1], "header"
            caption = pattern is _BRACKETED
            return Turn(0, who, time, [match["text"]], layout, caption=caption)
    if not following or _is_time(following) or _start(following, None, inline) is not None:
        return None  # the text below must be there, and not the next turn
    header = _HEADER.match(line)
    if header and _fits(header["who"]):
        caption = header["open"] is not None  # "[Anna Schmidt] 18:02:11": Zoom's captions
        return Turn(0, header["who"].strip(), header["time"], layout="header", caption=caption)
    first = _TIME_FIRST.match(line)
    if first and _fits(first["who"]):
        return Turn(0, first["who"].strip(), first["time"], layout=LOOSE)
    return None


def _two_line_start(
    line: str, following: str | None, third: str | None, inline: bool = True
) -> Turn | None:
    """A turn whose speaker line is followed by a line of its own with the time (name, time,
    text: Teams' chat) or that follows a cue's timing (timing, name, text: Teams 2021)."""
    if not third or _is_time(third):
        return None
    arrow = _arrow(line)
    who = _who_line(following)
    if arrow and who and _start(third, None, inline) is None:
        return Turn(0, who, _clock(arrow["start"]), layout="timing")
    who = _who_line(line)
    if who and following and _ONLY_TIME.match(following) and _start(third, None, inline) is None:
        return Turn(0, who, following.strip(" []"), layout=LOOSE)
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
        elif inline and inline["time"] is None and _fits(inline["who"], inline["text"]):
            labelled += 1
    return speaker_lines >= MIN_TURNS and speaker_lines >= labelled


def _discourse_line(line: str) -> bool:
    """Whether a line opens a point within a turn ("Erstens: …", "Außerdem: …")."""
    match = _INLINE.match(line)
    who = re.sub(r"\s*\([^()]*\)$", "", match["who"].strip()) if match else ""
    return bool(match) and is_discourse(who, match["text"])


def _mail_line(line: str) -> bool:
    """Whether a line is a field of an e-mail's head ("An: Quartiersbüro", "Cc: …")."""
    match = _MAIL_LABEL.match(line)
    return bool(match) and is_mail_field(match[1])


def _in_mail_head(turn: Turn, line: str) -> bool:
    """Whether ``line`` continues the head of an e-mail read out in ``turn`` (its last
    line "Gesendet: …", this one "An: …"): the same turn, no new speaker "An"."""
    return bool(turn.lines) and _mail_line(turn.lines[-1]) and _mail_line(line)


def _reaction_count(line: str) -> bool:
    """Whether a line is a chat's count of reactions ("👍 2", "❤️ 3 😂 1")."""
    return (
        any(is_emoji(ch) for ch in line)
        and any(ch.isdigit() for ch in line)
        and all(is_emoji(ch) or ch.isdigit() or ch.isspace() for ch in line)
    )


_LINE_NUMBER = re.compile(r"^(\d{1,5})\s+(?=\S)")
# BigBlueButton's saved chat: a poll's result as a message of its own, "[18:05]
# Umfrageergebnisse:" ("Poll Results:"), its answers with their votes below ("Ja: 5 ||| 62%",
# "Nein: 3 ∎∎∎ 38%", a custom poll's legend "Umfrageoptionen" / "1: Mehr Bänke"). Only such
# lines are the result: "Anna Schmidt: Fünf sind dafür." below a protocol's "[18:05]
# Umfrageergebnisse:" is Anna's turn, and without an answer below the line is no poll's.
_POLL_RESULT = re.compile(r"^\[\d{1,2}:\d{2}\]\s*(?:Umfrageergebnisse|Poll\s+results)\s*:$", re.I)
_POLL_LINE = re.compile(
    r"^(?:[^:]{1,80}:\s*\d+\b.{0,120}?\b\d{1,3}\s*%|Umfrageoptionen|Poll\s+options|\d{1,2}\s*:\s*\D.*)$",
    re.I,
)


def _without_poll_results(rows: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], int]:
    """The lines without the poll results of a BigBlueButton chat (see :data:`_POLL_RESULT`:
    the answers are no speakers, "Ja: 5 ||| 62%" no turn of a person "Ja") and their number."""
    out: list[tuple[int, str]] = []
    polls, i = 0, 0
    while i < len(rows):
        end = i + 1
        if _POLL_RESULT.match(rows[i][1]):
            while end < len(rows) and _POLL_LINE.match(rows[end][1]):
                end += 1
        if end > i + 1:
            polls += 1  # the result and its answers, up to the first other line
        else:
            out.append(rows[i])
        i = end
    return out, polls


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


def text_lines(text: str) -> list[str]:
    """The lines of a text as :func:`read_turns` numbers them (any line break, no BOM)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")


def read_turns(text: str, written: str | None = None) -> TurnParse:
    """The turns of a text, the lines before the first, and the lines that are neither.

    ``written``: the file's text with its direction marks, ``text`` read from it without
    them, line for line; the turns' texts keep the marks written in and before them
    (:func:`~workbench.ingest.direction_marks.marked_rest`), the labels are read without."""
    split = text_lines(text)
    lines = text_lines(written) if written is not None and has_marks(written) else None
    if lines is not None and len(lines) != len(split):
        lines = None  # not the same lines: the texts as read

    def said(number: int, line: str) -> str:
        """The text ``line`` (an end of line ``number``) with the marks the file has in it."""
        return marked_rest(lines[number - 1].strip(), line) if lines is not None else line

    rows = _without_line_numbers(
        [(number, line.strip()) for number, line in enumerate(split, start=1) if line.strip()]
    )
    # a turn's text wrapped and indented below its first line (Jitsi's transcriber)
    wrapped = {n for n, line in enumerate(split, start=1) if _WRAPPED.match(line)}
    parse = TurnParse()
    rows, parse.polls = _without_poll_results(rows)
    turns = parse.turns
    # a time on a line of its own (Google Meet, every 5 minutes) times the turns below it
    # up to the next, as a joined caption or label has its first start (the block began then)
    stamp: str | None = None
    section = False
    inline = not _said([line for _, line in rows])
    i = 0
    while i < len(rows):
        number, line = rows[i]
        following = rows[i + 1][1] if i + 1 < len(rows) else None
        third = rows[i + 2][1] if i + 2 < len(rows) else None
        i += 1
        # right below a speaker line a chat app's event is what the speaker wrote: "[18:03]
        # Becker, Jonas" / "Frau Kaya hat die Besprechung verlassen." is Jonas's message (a
        # transcript's "Anna Schmidt started transcription" or a banner stays a notice)
        named = notice(line, below_sender=bool(turns) and not turns[-1].lines)
        if named is not None:
            parse.names += named
            parse.notices += 1
            continue
        if _TOOL_LABEL.match(line) and following and not _TOOL_LABEL.match(following):
            turns.append(Turn(number, line.strip(), None, layout="label"))
            continue
        if turns and turns[-1].layout == "label":
            turns[-1].lines.append(said(number, line))  # aTrain: every line up to the next label
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
        if turn is not None and turns and _in_mail_head(turns[-1], line):
            turn = None  # "Von: Grünflächenamt" / "An: Quartiersbüro": an e-mail read out
        if turn is not None:
            turn.row, turn.time, turn.section = number, turn.time or stamp, section
            turn.lines = [said(number, text) for text in turn.lines]
            turns.append(turn)
        elif turns and turns[-1].lines and _reaction_count(line):
            pass  # a Teams chat counts reactions below the message
        elif turns and turns[-1].lines and number in wrapped and turns[-1].layout == "inline":
            turns[-1].lines[-1] += f" {said(number, line)}"  # the rest of a wrapped line
        elif turns:
            # Text under a speaker line belongs there; after an inline turn it is more.
            # ("Erstens: …" under a turn continues it: neither turn nor other text)
            spoken = _discourse_line(line) or _in_mail_head(turns[-1], line)
            parse.other += bool(turns[-1].lines) and not spoken
            turns[-1].lines.append(said(number, line))
        else:
            parse.preamble.append(line)
    return parse
