"""Plain-text transcripts and chats written as speaker turns, recognised by their content.

Many programs write a meeting or an interview as lines that begin with who speaks:
``Anna Schmidt: Guten Morgen`` (Google Meet, Jitsi, typed transcripts), ``[10:02] Anna
Schmidt : Hallo`` (BigBlueButton's chat), ``10:02:13 Anna: …``, f4/f5 interview
transcripts (``I: Wie war das? #00:01:02-5#``, ``B1: …``), Zoom's saved captions
(``[Anna Schmidt] 10:02:13 …``) or a speaker line with a time and the text below it
(``Anna Schmidt  0:03`` — Otter, Webex, Teams' Word export).
Every turn is one statement (``source_id`` 1, 2, … in order); lines that start no turn
continue the one before; lines that hold only a time stamp are dropped, as are f4's
``#hh:mm:ss-d#`` marks (the first is kept as ``time``). A speaker written as a role code
(``I``, ``B1``, ``Interviewer``, ``Moderation``, ``TN 3``) is a role, not a person; a
name is a person (see :mod:`workbench.ingest.speakers`) and becomes a placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.ingest.name_gazetteer import gazetteer
from workbench.ingest.speakers import Speakers
from workbench.ingest.textio import RawFile, Source, decode, read_source

IMPORTER = "speaker-turns"
FORMAT = "Transkript oder Chat (Sprecherzeilen)"

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_WHO = r"[^\W\d_][\w.'’ -]{0,48}?(?:\s*\([^()\n]{0,30}\))?"
# "[10:02] Anna Schmidt : Hallo", "10:02:13 - Anna: …", "Anna Schmidt: …", "B1: …"
_INLINE = re.compile(
    rf"^\s*(?:\[?(?P<time>{_TIME})\]?\s*(?:[-–|]\s*)?)?(?P<who>{_WHO})\s?:\s+(?P<text>\S.*)$"
)
# "[Anna Schmidt] 10:02:13 Guten Morgen" (Zoom's saved closed captions)
_BRACKETED = re.compile(rf"^\s*\[(?P<who>{_WHO})\]\s+(?P<time>{_TIME})\s+(?P<text>\S.*)$")
# "Anna Schmidt  0:03" or "Anna Schmidt (00:01:02)" alone on its line, the text below
_HEADER = re.compile(rf"^\s*(?P<who>{_WHO})\s+\(?(?P<time>{_TIME})\)?\s*$")
_ONLY_TIME = re.compile(rf"^\s*\[?{_TIME}\]?\s*$")
_F4_MARK = re.compile(r"\s*#\d{1,2}:\d{2}:\d{2}(?:[-.,]\d{1,3})?#\s*")
_ROLE = re.compile(
    r"^(?:[A-Z]{1,3}\d{0,2}|(?:Interviewer(?:in)?|Interviewte[rn]?|Befragte[rn]?|"
    r"Moderat(?:ion|or|orin)|Teilnehmer(?:in)?|Teilnehmende[rn]?|TN|Sprecher(?:in)?|Speaker|"
    r"Person|Host|Gast|Protokoll|Unbekannt|Unknown|Plenum|Publikum|Gruppe|Tisch|Alle|Mehrere|"
    # labels of a question-and-answer record: not people, never pseudonymised
    r"Frage|Antwort|Rückfrage|Nachfrage|Anmerkung|Hinweis|Ergänzung|Zwischenruf|Kommentar|"
    r"Ergebnis|Fazit|Beschluss|Vorschlag|Idee|Notiz|Thema)(?:\s*\d{1,3})?)$"
)
_FUNCTION_NOUN = re.compile(
    r"(?:arbeit|ung|schaft|heit|keit|büro|buero|management|verein|amt|stelle|dienst|zentrum|"
    r"treff|rat|haus|leitung|beirat|hilfe|initiative|netzwerk|gruppe|team|kreis)$",
    re.IGNORECASE,
)
MIN_TURNS = 3
_SHARE = 0.6  # of the lines that are not time stamps: at least this many start a turn
_PREAMBLE = 3  # short lines before the first turn that may be a title ("Transkript")


@dataclass
class _Turn:
    row: int
    who: str
    time: str | None
    lines: list[str] = field(default_factory=list)


def _start(line: str, following: str | None) -> _Turn | None:
    """The turn a line starts, or None (a header turn needs text on the next line)."""
    inline = _INLINE.match(line) or _BRACKETED.match(line)
    if inline and len(inline["who"].split()) <= 5:
        return _Turn(0, inline["who"].strip(), inline["time"], [inline["text"]])
    header = _HEADER.match(line)
    if header and len(header["who"].split()) <= 5 and following and following.strip():
        return _Turn(0, header["who"].strip(), header["time"])
    return None


def _turns(text: str) -> tuple[list[_Turn], list[str], int]:
    """(turns, lines before the first turn, lines that are neither turn nor time)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    turns: list[_Turn] = []
    preamble: list[str] = []
    other = 0
    stamp: str | None = None  # a time on a line of its own (Google Meet) times the next turn
    after = [len(lines)] * len(lines)  # index of the next non-empty line after each line
    for i in range(len(lines) - 2, -1, -1):
        after[i] = i + 1 if lines[i + 1].strip() else after[i + 1]
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if _ONLY_TIME.match(line):
            stamp = line.strip(" []")
            continue
        following = lines[after[number - 1]] if after[number - 1] < len(lines) else None
        turn = _start(line, following)
        if turn is not None:
            turn.row, turn.time = number, turn.time or stamp
            turns.append(turn)
        elif turns:
            # Text under a speaker line belongs there; after an inline turn it is more.
            other += bool(turns[-1].lines)
            turns[-1].lines.append(line.strip())
        else:
            preamble.append(line.strip())
        stamp = None
    return turns, preamble, other


def is_speaker_turns(text: str, timed_only: bool = False) -> bool:
    """Whether a plain text is a transcript or chat of speaker turns (not a protocol).

    ``timed_only``: only turns with times count (Word files: a protocol written as
    "Schulsozialarbeit: …" paragraphs stays a protocol; transcripts carry times).
    """
    if text.lstrip("\ufeff").startswith(("---", "#")):
        return False  # front matter or a Markdown heading: a protocol
    turns, preamble, other = _turns(text[:200_000])
    if len(turns) < MIN_TURNS or len(preamble) > _PREAMBLE:
        return False
    if any(len(line) > 80 for line in preamble):
        return False
    # People speak more than once, the labels of a list ("Ort: …", "Datum: …") do not;
    # time stamps make a chat or transcript of one-time speakers too.
    speakers = [t.who.casefold() for t in turns]
    timed = sum(t.time is not None for t in turns)
    if timed < _SHARE * len(turns) and (timed_only or len(set(speakers)) > 0.8 * len(speakers)):
        return False
    return len(turns) >= _SHARE * (len(turns) + other)


def _is_role(who: str) -> bool:
    """A role code or label, or a single word built like an organisation or function
    ("Schulsozialarbeit", "Quartiersbüro", "Jugendamt"): not a person's name."""
    if _ROLE.match(who):
        return True
    if " " in who or len(who) < 8 or not _FUNCTION_NOUN.search(who):
        return False
    names = gazetteer()
    return not (names.has_first(who) or names.has_last(who))  # "Hartung" is a surname


_LABEL = re.compile(rf"^\s*(?P<who>{_WHO})\s?:\s+(?=\S)")


def role_label(line: str) -> tuple[str, int] | None:
    """The role that opens a transcript line ("I: …", "B1: …", "Moderation: …") and
    where its text starts, or None (no label, or a person's name: that stays text and is
    pseudonymised with it)."""
    label = _LABEL.match(line)
    if label is None or not _is_role(label["who"].strip()):
        return None
    return label["who"].strip(), label.end()


def parse_speaker_turns(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse a speaker-turn transcript or chat into one statement per turn."""
    raw = read_source(source, name)
    return turns_document(raw, decode(raw), roles)


def turns_document(
    raw: RawFile, text: str, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """The statements of ``text``, the content of file ``raw`` (plain text, or the
    paragraphs of a Word transcript), one per speaker turn."""
    turns, preamble, _ = _turns(text)
    if not turns:
        raise InputError("Keine Sprecherzeile gefunden ('Name: Text').", file=raw.name)
    speakers = Speakers(roles)
    segments: list[ParsedSegment] = []
    empty = 0
    for turn in turns:
        text = "\n".join(turn.lines)
        marks = re.findall(r"#(\d{1,2}:\d{2}:\d{2})", text)
        text = _F4_MARK.sub(" ", text).strip()
        if not text:
            empty += 1
            continue
        attributes: dict[str, Any] = {}
        time = turn.time or (marks[0] if marks else None)
        if time:
            attributes["time"] = time
        role = turn.who if _is_role(turn.who) else None
        if role is None:
            person = speakers.add(turn.who)
            if person:
                attributes["speaker"] = person
                role = speakers.role(person)
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
        title=" – ".join(preamble) or None,
        format=FORMAT,
        names=speakers.names,
        options={"skipped_rows": empty, "turns": len(turns)},
    )
