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
name or surname the gazetteer knows, written as a name: not the "an" of "Der Spielplatz
an der Schulstraße") and they speak more than once — or, where nobody
speaks twice (questions in a forum's chat), two thirds are full names of first name and
surname the gazetteer knows: an agenda ``10:00 Begrüßung`` / text stays a protocol, and
so do timed topics ``[18:15] Verkehr: …``, ``(18:15:00) Grün: …`` (nouns, no name or
role, in time order; a topic may return under "Programm" or on full five minutes:
:func:`~workbench.ingest.few_turns.agenda_topics`), and an agenda of
stamped items ``A: [12:00:00] Mittagessen`` (:func:`~workbench.ingest.few_turns.agenda_stamps`);
above a recording's turns its lines are statements as written, no one's turns
(:func:`~workbench.ingest.few_turns.leading_agenda`).
Fewer than three turns make a transcript only as a tool writes them: speaker lines with
their times (``Anna Schmidt   0:03``), or under a tool's frame — a time line of its own
with seconds above them (Google Meet's ``00:00:00`` below ``Teilnehmer`` and
``Transkript``) — with speakers who are listed participants, role labels, "Nachname,
Vorname" or full names; two ``Verkehr: …`` lines of a protocol stay a protocol, and so do
``Wichtig: …`` / ``Fazit: …`` under a protocol's ``18:00``.

Every turn is one statement (``source_id`` 1, 2, … in order; Zoom's captions of one
speaker in a row are one turn, their lines joined with blanks, as WebVTT cues); lines
that start no turn continue the one before; lines that hold only a time stamp are
dropped (the time is the next turn's ``time``), as are f4's ``#hh:mm:ss-d#`` marks (f4
writes them at a turn's end: the last is its ``end_time``, the one of the turn before
its ``time``, its start; the first turn starts at ``00:00:00``; MAXQDA's ``[hh:mm:ss]`` or
``(hh:mm:ss)`` at a turn's end likewise), a Teams chat's reaction
counts (``👍 2``) and the tools' notices and header
(:mod:`workbench.ingest.transcript_frame`: participant lists go onto the name list, the
rest is the title; a title line that asks, "Was fehlt im Quartier?", is the turns' guiding
``question`` too, as in protocols). HTML entities (``&amp;``, BigBlueButton) are decoded. A speaker
written as a role label is a role, not a person
(:mod:`workbench.ingest.speaker_labels`); a name is a person (see
:mod:`workbench.ingest.speakers`) and becomes a placeholder. How lines become turns is
:mod:`workbench.ingest.turn_lines`; here: whether they make a transcript, and its
statements.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.core.textio import RawFile, Source, decode, read_source
from workbench.ingest.bullet_turns import lead_in_rows, with_lead_ins
from workbench.ingest.direction_marks import has_marks, unmarked
from workbench.ingest.discourse_labels import is_lead_in
from workbench.ingest.few_turns import (
    agenda_rounds,
    agenda_stamps,
    agenda_topics,
    answer_points,
    framed_turns,
    full_name,
    headed_turns,
    interview_evidence,
    is_interview,
    leading_agenda,
    person_like,
    right_to_left_name,
    role_turns,
    short_transcript,
    stamped_turns,
    voiced_turns,
)
from workbench.ingest.line_labels import F4_MARK
from workbench.ingest.paragraphs import OPENS
from workbench.ingest.protocol_meta import ROW_QUESTION_HEADERS, heading_text
from workbench.ingest.sound_tags import is_credit, only_tags
from workbench.ingest.speaker_labels import is_role, speaker_fields
from workbench.ingest.speakers import Speakers
from workbench.ingest.stamp_lines import stamp_end
from workbench.ingest.transcript_frame import (
    read_header,
    without_banner,
)
from workbench.ingest.turn_agenda import _agenda, _start_line
from workbench.ingest.turn_lines import (
    LOOSE,
    MIN_TURNS,
    Turn,
    head_turn,
    possible_time,
    read_turns,
)
from workbench.ingest.turn_markdown import (
    _MARKDOWN_HEADING,
    _markdown_plain,
    _under_title,
    _without_markup,
)
from workbench.ingest.turn_marks import _STAMP, _joined_segments, _marked, _unescape

IMPORTER = "speaker-turns"
FORMAT = "Transkript oder Chat (Sprecherzeilen)"

# aTrain: each segment of a speaker with its start ("[00:00:05] - …", "00:00:05 - …")
_SEGMENT_START = re.compile(r"(?:^|(?<=\s))\[?(\d{2}:\d{2}:\d{2})\]?\s+[-–]\s+")
_F4_TIME = re.compile(F4_MARK)  # a mark's time
# MAXQDA's "[00:00:12]" or "(00:00:12)" at a turn's end: like f4's mark, where it ended
_END_STAMP = re.compile(r"[\[(](\d{1,2}:\d{2}:\d{2})(?:[.,]\d{1,3})?[\])]\s*$")
# A heading that asks ("Was fehlt im Quartier?"): the guiding question of the turns below
_ASKS = re.compile(r"\?[\"'“”„«»)\]]*$")
_SHARE = 0.6  # of the lines that are not time stamps: at least this many start a turn
_PREAMBLE = 3  # title lines before the first turn ("Transkript", a date is no title line)


def are_speaker_heads(lines: list[str]) -> bool:
    """Whether lines (a Word file's headings) are a transcript's speaker heads with their
    times, but for a first one (the title): people who speak more than once, not an
    agenda's "Begrüßung 10:00"."""
    heads = [head_turn(line, row) for row, line in enumerate(lines, start=1)]
    if None in heads[1:] or len(lines) < MIN_TURNS:
        return False
    turns = [head for head in heads if head is not None]
    speakers = {t.who.casefold(): t.who for t in turns}
    repeated = len(speakers) <= 0.8 * len(turns)
    # the topics of an agenda held twice ("ברוכים הבאים 18:00", … the next evening 19:00)
    spoken = repeated and not agenda_rounds(turns)
    people = sum(_looks_like_person(w, spoken) for w in speakers.values())
    return repeated and 2 * people >= len(speakers)


def _looks_like_person(who: str, repeated: bool) -> bool:
    """Whether a speaker of a layout with times first or on lines of their own looks like a
    person (:func:`~workbench.ingest.few_turns.person_like`); a name in Arabic or Hebrew
    script ("عمر خليل", which the gazetteer cannot know) where people speak more than once."""
    return person_like(who) or (repeated and right_to_left_name(who))


def _over_text(turn: Turn) -> bool:
    """Whether a speaker line of time and name ("00:00:03 Sprecher 1") stands over what is
    said: text below it that opens with no time stamp. A service's export without speakers
    ("[00:00:13] Der Spielplatz an der Schulstraße" / "[00:00:24] ist seit Monaten
    gesperrt.") has a stamp on every line: a segment cut mid-sentence that comes twice reads
    as a name said twice, but its "text" is the next stamped segment or none."""
    return bool(turn.lines) and stamp_end(turn.lines[0].strip()) is None


def is_speaker_turns(text: str, timed_only: bool = False) -> bool:
    """Whether a plain text is a transcript or chat of speaker turns (not a protocol).

    ``timed_only``: only turns with times count (Word files: a protocol written as
    "Schulsozialarbeit: …" paragraphs stays a protocol; transcripts carry times, or
    stand under a time line of their own as in Google Meet's, or carry f4's or noScribe's
    time marks in their text: "B: … #00:01:02-5#"). Speakers set in bold in Markdown
    (``**Anna Schmidt:** [00:00:12] …``) count where the turns carry times: a protocol's
    ``**Ergebnis:** …`` lead-ins do not, nor do turns whose every label is a protocol's
    lead-in ("Idee: …", "Thema 1: …": :func:`~workbench.ingest.discourse_labels.is_lead_in`).
    """
    if _is_turns(text, timed_only):
        return True
    plain = _markdown_plain(text)
    return plain is not None and _is_turns(plain, timed_only=True)


def are_people_turns(text: str) -> bool:
    """Whether a text without times is turns of people (see :func:`is_speaker_turns`):
    every speaker a role ("Schulsozialarbeit") or a name the gazetteer knows, not a
    Word protocol's "Ziel: …", "Problem: …", "Herausforderungen: …" lines."""
    return _people_turns(text) is not None


def _people_turns(text: str) -> list[Turn] | None:
    """The turns of a text that :func:`are_people_turns` (read once); else None."""
    if not is_speaker_turns(text):
        return None
    turns = read_turns(text[:200_000]).turns
    return turns if all(is_role(t.who) or person_like(t.who) for t in turns) else None


def are_named_turns(text: str) -> bool:
    """Whether a Markdown text without headings and times is turns of people ("Anna
    Schmidt: …" paragraphs, :func:`are_people_turns`) with at least one speaker named or
    numbered voices ("Sprecher 1: …"), not only labels: "Ergebnis: …" lead-ins stay a protocol."""
    if any(_MARKDOWN_HEADING.match(line) for line in text[:200_000].splitlines()):
        return False  # sections under headings: a protocol (or timed turns under a title)
    turns = _people_turns(text)
    return turns is not None and (any(not is_role(t.who) for t in turns) or voiced_turns(turns))


def _is_turns(text: str, timed_only: bool) -> bool:
    """Whether a text as it is written is speaker turns (see :func:`is_speaker_turns`);
    under a Markdown title ("# Was fehlt im Quartier?") only turns with times count, and
    an interview's labelled turns (:func:`~workbench.ingest.few_turns.is_interview`)."""
    if _MARKDOWN_HEADING.match(text.lstrip("\ufeff")):  # not f4's "#00:00:05-1# I: …"
        titled = _under_title(text[:200_000])
        if titled is None:
            return False  # sections under Markdown headings: a protocol
        text, timed_only = titled, True
    if text.lstrip("\ufeff").startswith("---"):
        return False  # front matter: a protocol
    parse = read_turns(text[:200_000])
    header = read_header(parse.preamble, strict=False)
    turns, title = parse.turns, header.title
    # "I: …" / "B: …": a question and its answer are an interview however short
    interview = is_interview([t.who.casefold() for t in turns]) and interview_evidence(turns)
    framed = framed_turns(parse, header)
    short = short_transcript(turns) or framed or headed_turns(parse, header)
    voiced = voiced_turns(turns)  # "Sprecher 1: …" / "Sprecher 2: …": a transcript's voices
    voiced = voiced or (not timed_only and role_turns(turns))  # "Anwohnerin: …", each once
    short = short or stamped_turns(turns) or ((interview or voiced) and len(turns) == MIN_TURNS - 1)
    if (len(turns) < MIN_TURNS and not short) or len(title) > _PREAMBLE:
        return False
    if agenda_topics(turns, parse.preamble) or agenda_stamps(turns) or answer_points(turns):
        return False  # "[18:15] Verkehr: …", "A: [12:00:00] Mittagessen", "18:05 Ja: …"
    if not interview and all(is_lead_in(t.who) for t in turns):
        return False  # "Ergebnis: …" / "Idee: …" / "Thema 1: …": a protocol's lead-ins
    if any(len(line) > 80 for line in title):
        return False
    # People speak more than once, the labels of a list ("Ort: …", "Datum: …") do not;
    # time stamps make a chat or transcript of one-time speakers too.
    speakers = [t.who.casefold() for t in turns]
    said = set(speakers)
    for line in parse.preamble:  # "Moderation: Laura" above the turns: she speaks below
        key = line.partition(":")[0].strip(" *_")
        if key.casefold() in said and is_role(key):
            speakers.append(key.casefold())
    repeated = len(set(speakers)) <= 0.8 * len(speakers)
    interview = interview and is_interview(speakers)
    timed = sum(
        t.time is not None or t.section or bool(_marked(" ".join(t.lines))[1]) for t in turns
    )
    # A tool's head ("Transkribiert mit noScribe …") frames turns that carry no times
    # (noScribe writes them only if asked): the tool's transcript all the same
    told = framed and parse.notices > 0
    untimed = timed < _SHARE * len(turns) and (timed_only or not repeated)
    if untimed and not interview and not told and not voiced:
        return False
    loose = {t.who for t in turns if t.layout == LOOSE}
    heads = [t for t in turns if t.layout == LOOSE]
    if 2 * sum(map(_over_text, heads)) < len(heads):
        return False  # "[00:00:13] Der Spielplatz an der …" / "[00:00:24] ist …": stamped lines
    spoken = repeated and not agenda_rounds(heads)
    if loose and 2 * sum(_looks_like_person(w, spoken) for w in loose) < len(loose):
        return False  # "10:00 Begrüßung" / text: a protocol's agenda
    if loose and not repeated and 3 * sum(map(full_name, loose)) < 2 * len(loose):
        return False  # where nobody speaks twice, only full names make it a chat
    headed = {t.who for t in turns if t.layout == "header"}
    if headed and not repeated and 2 * sum(map(person_like, headed)) < len(headed):
        return False  # "Verkehr (18:15)" / text, each heading once: a protocol's agenda
    return len(turns) >= _SHARE * (len(turns) + parse.other)


def parse_speaker_turns(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse a speaker-turn transcript or chat into one statement per turn."""
    raw = read_source(source, name)
    written = decode(raw)
    text = unmarked(written)  # "\u2068Anna Schmidt\u2069: …": a speaker line
    if _is_turns(text, timed_only=False):
        plain = _under_title(text) if _MARKDOWN_HEADING.match(text.lstrip("\ufeff")) else None
    else:
        plain = _markdown_plain(text)
        if plain is not None and has_marks(written):  # "**Anna:** \u200fשלום *חשוב*"
            written = _without_markup(written)
    body = text if plain is None else plain
    rows = lead_ins_apart(body)
    if rows is None:
        return turns_document(raw, body, roles, written=written)
    document = turns_document(raw, blanked(body, rows), roles, written=blanked(written, rows))
    return with_lead_ins(document, body.split("\n"), rows)


def blanked(text: str, rows: set[int]) -> str:
    """The text with its lines at ``rows`` (from 0) left empty: rows stay the file's."""
    return "\n".join("" if row in rows else line for row, line in enumerate(text.split("\n")))


def lead_ins_apart(text: str) -> set[int] | None:
    """The rows (from 0) of a protocol's lead-ins among untyped turns of voices or roles
    ("Ziel: …", "Ergebnis: …" between "Sprecher 1: …" and "Anwohnerin: …"), read as the
    record's statements beside the turns (as bulleted and under Markdown headings); None
    unless each stands on its own line and at least two voices, roles or people speak,
    with no times (a transcript's) and no interview's "Frage:" / "Antwort:"."""
    lines = text[:200_000].split("\n")
    rows = lead_in_rows(lines)
    if not rows:
        return None
    turns = read_turns(blanked("\n".join(lines), rows)).turns
    starts = {t.row for t in turns} | {row + 1 for row in rows}
    if any(
        row + 1 < len(lines) and lines[row + 1].strip() and row + 2 not in starts for row in rows
    ):
        return None  # "Ergebnis: …" with lines below it: the record's paragraph
    whos = [t.who for t in turns]
    if any(t.time or t.section for t in turns) or is_interview([w.casefold() for w in whos]):
        return None
    voices = all(not is_lead_in(w) and (is_role(w) or person_like(w)) for w in whos)
    return rows if voices and len({w.casefold() for w in whos}) >= 2 else None


def _names_event(lines: list[str]) -> bool:
    """Whether a transcript's title may name its workshop (the writer asks it): one line,
    no sentence — a chat's welcome text over its messages ("Willkommen bei …!") names none."""
    return len(lines) == 1 and not re.search(r"[.!?]\s*$", lines[0])


def _question(line: str) -> str:
    """A title line that asks as its turns' question: without its number or a label
    ("Leitfrage: Was fehlt?", "1. Was fehlt?" → "Was fehlt?")."""
    label, colon, rest = line.partition(":")
    if colon and label.strip().casefold() in ROW_QUESTION_HEADERS and rest.strip():
        line = rest
    return heading_text(line)


def turns_in_sections(
    raw: RawFile,
    head: Sequence[str],
    sections: Sequence[tuple[str | None, Sequence[str]]],
    roles: Mapping[str, str] | None = None,
) -> ParsedDocument | None:
    """The timed speaker turns under a protocol's headings (``sections``: each heading's
    question, or None for one that asks nothing, and its lines; ``head``: the lines above
    the first; a heading's line itself is not among them), each turn with its
    section's question; None unless every section's text
    is turns ("18:05 Anna Schmidt: …", or typed without times: :func:`_typed`) and together
    they make a transcript."""
    lines, questions = list(head), []
    for question, body in sections:
        if read_turns("\n".join(body)).preamble:
            return None  # a section's own text above its turns: a protocol's
        lines.append("")  # the heading's line: rows stay the file's
        questions.append((len(lines), question))
        lines += body
    text = "\n".join(lines)
    if len(sections) < 2 or not (is_speaker_turns(text, timed_only=True) or _typed(text)):
        return None
    return turns_document(raw, text, roles, questions)


def _typed(text: str) -> bool:
    """Whether a protocol's sections are turns typed without times ("Anna Müller: …" under
    "TOP 1: Begrüßung"): people's or roles' turns, no list among them (a protocol's); the
    voices' turns alone where a protocol's lead-ins stand among them (:func:`lead_ins_apart`:
    "Ergebnis: …" between "Sprecher 1: …" and "Sprecher 2: …" is no speaker of its own)."""
    if any(OPENS.match(line.strip()) for line in text.split("\n")):
        return False
    rows = lead_ins_apart(text)
    return are_people_turns(text) or (rows is not None and are_people_turns(blanked(text, rows)))


def turns_document(
    raw: RawFile,
    text: str,
    roles: Mapping[str, str] | None = None,
    questions: Sequence[tuple[int, str | None]] = (),
    written: str | None = None,
) -> ParsedDocument:
    """The statements of ``text``, the content of file ``raw`` (plain text, or the
    paragraphs of a Word transcript), one per speaker turn; ``questions``: the line
    from which on a question holds (turns under a protocol's headings); ``written``: the
    text with its direction marks, line for line, whose turns' texts keep them."""
    text, items = _agenda(text)
    questions = sorted([*questions, *items], key=lambda q: q[0])
    parse = read_turns(text, written)
    bare = unmarked if written is not None and has_marks(written) else str  # a line as read
    if not parse.turns:
        raise InputError("Keine Sprecherzeile gefunden ('Name: Text').", file=raw.name)
    for turn in parse.turns:  # "[25:61] Anna Schmidt: …" among times: a broken export
        if turn.time and not possible_time(turn.time):
            raise InputError(
                f"Zeitangabe '{turn.time}' ist ungültig (Minuten und Sekunden gehen bis 59): "
                "die Zeile ist im Export beschädigt; sie berichtigen und erneut importieren.",
                file=raw.name,
                row=turn.row,
            )
    parse.turns = _joined_segments(parse.turns)
    agenda = leading_agenda(parse.turns)  # "A: [10:00:00] Begrüßung" above the turns
    if _start_line(parse.turns):  # "18:00" under the title: when the meeting began
        for turn in parse.turns:
            turn.time, turn.section = None, False
    header = read_header(parse.preamble, raw.name)
    speakers = Speakers(roles)
    for listed in (*header.names, *parse.names):
        speakers.add(listed)  # participants: pseudonymised wherever they are named
    asked = [_question(line) for line in header.title if _ASKS.search(line)]
    question = asked[-1] if asked else None  # the one nearest the turns, as in protocols
    segments: list[ParsedSegment] = []
    empty = sounds = credits = 0
    ended: str | None = "00:00:00"  # where the turn before ended (f4): the recording's start
    for index, turn in enumerate(parse.turns):
        turn.lines = [text for line in turn.lines if (text := without_banner(line))]
        if turn.layout == "label":  # aTrain's segments: their starts are no words
            starts = [t for line in turn.lines for t in _SEGMENT_START.findall(line)]
            turn.time = starts[0] if starts else None
            turn.lines = [" ".join(_SEGMENT_START.sub("", line) for line in turn.lines)]
        # "[Musik]", "[Applaus]"; f4's "(lacht) #00:02:31-0#" too: its time mark is no word
        lines = [line for line in turn.lines if not only_tags(_marked(bare(line))[0])]
        sounds += len(turn.lines) - len(lines)
        kept = [line for line in lines if not is_credit(_marked(bare(line))[0])]  # Whisper
        credits, lines = credits + len(lines) - len(kept), kept
        # a caption's lines are the screen's: one sentence runs on (as in WebVTT)
        text, marks = _marked(_unescape((" " if turn.caption else "\n").join(lines)))
        began, ends = ended, _F4_TIME.findall(" ".join(turn.lines))
        # MAXQDA's mark at the end: where the turn ended, as in f4 (noScribe's turn opens
        # with its start, "[00:00:09] …", and a minute's stamp may close it: no end mark)
        opening = _STAMP.match(turn.lines[0]) if turn.lines else None
        if not ends and not opening and (last := _END_STAMP.search(" ".join(turn.lines))):
            ends = [last[1]]
        ended = ends[-1] if ends else None
        if turn.lines and _F4_TIME.match(turn.lines[0]):
            ends = []  # "I: #00:00:05-2# Was fehlt?": marked at its start, as noScribe does
        if not text:
            empty += not turn.lines or len(lines) > 0  # a turn of sound tags is counted there
            continue
        attributes: dict[str, Any] = {}
        # f4 marks a turn's end: it began where the one before ended ("time" is the start)
        time = turn.time or (began if ends else marks[0] if marks else None)
        if opening and turn.section:  # its own start, not a minute's stamp line above it
            time = opening[1]
        if time:
            attributes["time"] = time
        if ends and not turn.time:
            attributes["end_time"] = ends[-1]
        if turn.caption:
            attributes["cues"] = turn.cues
        role, person = speaker_fields(speakers, turn.who) if index >= agenda else (None, None)
        if index < agenda:  # the agenda's line as a protocol keeps it, no one's turn
            text, attributes = f"{turn.who}: {turn.lines[0]}", {}
        asked = [q for row, q in questions if row <= turn.row]
        if person:
            attributes["speaker"] = person
        segments.append(
            ParsedSegment(
                text=text,
                source_id=str(len(segments) + 1),
                speaker_role=role,
                question=asked[-1] if asked else question,
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
        workshop=header.workshop,
        district=header.district,
        date=header.date,
        format=FORMAT,
        names=speakers.names,
        options={
            "skipped_rows": empty,
            "turns": len(parse.turns),
            "sound_cues": sounds,
            "credits": credits,
            "named_by_title": _names_event(header.title_lines),
            **({"messenger": {"poll_results": parse.polls}} if parse.polls else {}),
        },
    )
