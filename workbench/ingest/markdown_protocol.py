"""Markdown and plain-text workshop protocols, with or without YAML front matter.

``# Title``; ``## Guiding question`` (without any ``##``, the highest level used below
``#``: ``###``; several ``#`` and none deeper: each asks, the first is the title above
details); ``###`` and deeper are subsections; a line
underlined with ``===`` is a title, with ``---`` a guiding question (setext headings); a
line of only ``---``, ``***`` or ``___`` separates. Every list item (``-``, ``*``, ``+``,
``•``, ``–``, ``·``, ``▪``, ``◦`` or a number; with its indented continuation lines) and
every paragraph is one statement; a leading ``**Rolle:**`` gives the speaker role. Without
front matter (or besides it), lines ``Datum: …``, ``Teilnehmende: …``, ``Protokoll: …``
before the first guiding question and the first statement are the protocol's details
(:mod:`workbench.ingest.protocol_meta`; names listed one per item under a bare
"Teilnehmende:" too); a signature line ("gez. Anna Schmidt") is no statement, its name
goes onto the name list. A pipe table (``| a | b |`` with a ``|---|---|`` line under its
header) is read as in Word files: every cell below the header a statement (attribute
``Spalte``: its column's header), a first column of short labels their ``Zeile``; in a
text without any heading the column's header is the statement's guiding question. A
speech recogniser's text (Whisper's ``.txt``: a segment per line, no blank lines) is read
sentence by sentence.
Statements are numbered 1, 2, … in document order: that number is their ``source_id``.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from itertools import islice, takewhile

from workbench.core.domain import ParsedDocument, ParsedSegment
from workbench.core.textio import RawFile, Source, decode, read_source
from workbench.ingest.answer_lines import (
    ANSWER_LABEL,
    GLUE_WORDS,
    answer_groups,
    answer_head,
    card_lines,
    question_of,
)
from workbench.ingest.bullet_turns import (
    attendance_rows,
    lead_in_rows,
    unbulleted,
    with_lead_ins,
)
from workbench.ingest.captions import is_caption, is_lone_image
from workbench.ingest.common import add_statement, protocol_result, role_and_text
from workbench.ingest.direction_marks import unmarked
from workbench.ingest.discourse_labels import is_lead_in
from workbench.ingest.markdown_front import front_fields, front_matter
from workbench.ingest.markdown_inline import plain_markdown
from workbench.ingest.markdown_lines import (
    _DAY_START,
    _HEADING,
    _ITEM,
    _PAD_MACRO,
    _QUOTE,
    _RULE,
    _TABLE_ROW,
    _UNDERLINE,
    _table,
)
from workbench.ingest.markdown_questions import (
    _after,
    _asking_level,
    _label_below,
    _list_intros,
    _part_headings,
)
from workbench.ingest.markdown_segments import _segment_lines, _segment_text, _sentence_groups
from workbench.ingest.people_section import said_among_names, section_people
from workbench.ingest.protocol_meta import (
    add_detail,
    detail,
    heading_text,
    intro_like,
    is_names_line,
    is_people_line,
    people_heading,
    said_after_key,
    signature_names,
    split_names,
    title_like,
)
from workbench.ingest.speaker_turns import (
    are_named_turns,
    blanked,
    is_speaker_turns,
    lead_ins_apart,
    parse_speaker_turns,
    turns_in_sections,
)
from workbench.ingest.speakers import Speakers
from workbench.ingest.transcript_frame import is_service_banner, without_banner
from workbench.ingest.turn_lines import read_turns

IMPORTER = "markdown"


def _title_row(lines: list[str], first: int, name: str, intros: set[int]) -> int | None:
    """The line number of a plain text's title: its first line, if it reads as a title
    and the next line with text (below it or after a blank line) is a detail ("Datum: …",
    "Sozialraum: …") or, after a blank line, the first guiding question above its list
    (shared notes of BigBlueButton or an Etherpad: "Stadtteilrunde Manfort", blank,
    "Was fehlt im Stadtteil?", "- Bänke"); None otherwise."""
    texts = ((first + i, t) for i, line in enumerate(lines) if (t := line.strip()))
    filled = list(islice(texts, 2))  # the first two lines with text
    if len(filled) < 2 or _HEADING.match(filled[0][1]) or _ITEM.match(filled[0][1]):
        return None
    (row, text), (next_row, after) = filled[:2]
    if not title_like(text):
        return None
    alone = next_row > row + 1  # a blank line between: the title is a paragraph of its own
    return row if detail(after, name) is not None or (alone and next_row in intros) else None


def _turn_lines(lines: list[str]) -> bool:
    """Whether each of two or more lines starts a speaker's turn ("Anna Müller: …" below
    "Peter Schulz: …" under "Top 2 – Spielplatz"), also below a title's line ("Runde
    Manfort" over "[18:15] Verkehr: …"): each line is a statement, none glued."""
    below = lines[1:] if len(lines) > 2 and title_like(lines[0]) else lines
    return len(lines) > 1 and all(read_turns(line).turns for line in below)


def _wrapped_before_date(block: list[str], line: str) -> bool:
    """Whether ``line`` begins with a date's day ("3. Oktober statt.") that goes on with the
    sentence of the line above it ("… am Feiertag, dem"): that line ends with a comma or
    hyphen or a word that needs the next (``GLUE_WORDS``)."""
    if not block or not _DAY_START.match(line) or not (above := block[-1].split()):
        return False
    return above[-1].endswith((",", "-", "–")) or above[-1].lower() in GLUE_WORDS


def _detail_line(line: str, name: str) -> tuple[str, object] | None:
    """A detail line's ``(field, value)`` (:func:`detail`), not one of names whose value is
    what was said ("Moderation: Herzlich willkommen, wir beginnen.")."""
    return None if said_after_key(line) else detail(line, name)


def _after_names(lines: list[str]) -> str:
    """The lines of a block after its first lines of names, joined ("" if none)."""
    return " ".join(lines[len(list(takewhile(is_names_line, lines))) :])


def _turns_below(raw: RawFile, body: str, offset: int, fields: dict, roles) -> ParsedDocument:
    """A transcript of timed turns below front matter ("**Anna Schmidt:** [00:00:12] …"),
    with the front matter's workshop, district, date and names."""
    document = parse_speaker_turns(io.BytesIO(body.encode("utf-8")), raw.name, roles)
    names = (*fields.pop("names", ()), *document.names)
    segments = tuple(replace(s, row=(s.row or 0) + offset or None) for s in document.segments)
    return replace(document, sha256=raw.sha256, segments=segments, names=names, **fields)


# A turn's label set in bold at a line's start ("**Sprecher 1:** …", "__TN 2__: …")
_BOLD_LABEL = re.compile(r"^([ \t]*)(\*\*|__)([^:\n]{1,60}?)(?::\2|\2:)[ \t]*(?=\S)")


def _plain_label(line: str) -> str:
    """A line with its bold turn label written plain ("**TN 2:** Ja." → "TN 2: Ja."): as
    the paragraphs of a protocol read "**Rolle:**", so the turns under its headings."""
    return _BOLD_LABEL.sub(r"\1\3: ", line, count=1)


def _lead_ins_kept(document: ParsedDocument) -> ParsedDocument:
    """The turns with a lead-in among voices ("Ergebnis: …" between "Moderation:" and
    "Sprecher 1:") as the protocol's statements: no speaker, its label kept in the text
    (the note-taker's record, not words of the voice before it)."""
    roles = [s.speaker_role for s in document.segments]
    if not any(r and not is_lead_in(r) for r in roles):
        return document
    segments = tuple(
        replace(s, speaker_role=None, text=f"{s.speaker_role}: {s.text}")
        if s.speaker_role and is_lead_in(s.speaker_role) and "speaker" not in s.attributes
        else s
        for s in document.segments
    )
    return replace(document, segments=segments)


def _turns_under_headings(
    raw: RawFile, lines: list[str], roles: Mapping[str, str] | None
) -> ParsedDocument | None:
    """The timed speaker turns under the headings ("## Was fehlt?" over "18:05 Anna
    Schmidt: …"), each with its guiding question, or None (see
    :func:`~workbench.ingest.speaker_turns.turns_in_sections`). Several ``#`` headings
    and no deeper one ("# Block 1" over "Sprecher 1: …", "# Block 2") ask as ``##`` would;
    the first is the title only if no turn stands below it."""
    asking = _asking_level(lines)
    parts = _part_headings(lines)  # "# Block 1", "# Block 2"
    head: list[str] = []
    sections: list[tuple[str | None, list[str]]] = []
    for line in lines:
        found = _HEADING.match(line)
        if found is None:
            (sections[-1][1] if sections else head).append(_plain_label(line))
            continue
        level, title = len(found[1]), plain_markdown(found[2].strip())
        if level == 1 and not sections and not head and not parts:
            head.append(title)  # the title, its line kept
        elif level == asking or title.endswith("?") or parts:
            sections.append((heading_text(title), []))
        else:  # a subsection keeps its question
            sections.append((sections[-1][0] if sections else None, []))
    if parts and sections and not read_turns("\n".join(sections[0][1])).turns:
        head += [sections[0][0] or "", *sections[0][1]]  # the title over details: no turn
        sections = sections[1:]
    document = turns_in_sections(raw, head, sections, roles)
    return None if document is None else _lead_ins_kept(document)


def _asking_between(lines: list[str]) -> set[int]:
    """The rows (from 0) of a text without headings whose line of its own asks above a list
    of turns ("Was fehlt?" below "- Anwohnerin: Mehr Bänke." and a blank line, over "-
    Anwohnerin: …": :func:`~workbench.ingest.markdown_questions._list_intros`): the
    guiding question of the turns below it, as in protocols, not the words of the turn
    above; a turn's line ("Moderation: Was fehlt?") and a list's item stay turns."""
    return {
        row
        for row in _list_intros(lines, 0)
        if not _ITEM.match(lines[row]) and not read_turns(lines[row]).turns
    }


def _bulleted_turns(
    raw: RawFile, body: str, roles: Mapping[str, str] | None
) -> ParsedDocument | None:
    """The speaker turns a protocol writes as list items ("- Sprecher 1: …", "* Moderation:
    …": :func:`~workbench.ingest.bullet_turns.unbulleted`), under its headings or as a
    transcript's lines; None where the items are no turns (a list of points stays one)."""
    lines = unbulleted(body.split("\n"))
    if lines is None:
        return None
    leads = lead_in_rows(lines)  # "Ergebnis: …", "Ziel: …" among them: the record's
    present = attendance_rows(lines)  # "Anwohnerin: Frau Koch": who was there, no turn
    asking = _asking_between(body.split("\n"))  # "Was fehlt?" above a list: its question
    apart = leads | set(present) | asking
    voices = ["" if row in apart else line for row, line in enumerate(lines)]
    document = _turns_under_headings(raw, voices, roles)
    if document is None and are_named_turns(text := "\n".join(voices)):
        document = parse_speaker_turns(io.BytesIO(text.encode("utf-8")), raw.name, roles)
        document = replace(document, sha256=raw.sha256)
    if document is None:
        return None
    if present:  # the names pseudonymised wherever they are named, no statements
        listed = Speakers()
        for name in present.values():
            listed.add(name)
        names = tuple(sorted({*document.names, *listed.names}))
        options = {**document.options, "attendance": len(present)}
        document = replace(document, names=names, options=options)
    return _asked_below(with_lead_ins(document, lines, leads), lines, asking)


def _asked_below(document: ParsedDocument, lines: list[str], asking: set[int]) -> ParsedDocument:
    """The statements below each line of ``asking`` (rows from 0 of ``lines``) under its
    question ("Was fehlt?" → "Was fehlt?"); those above the first keep theirs."""
    if not asking:
        return document
    questions = sorted((row + 1, heading_text(lines[row].strip().rstrip(":"))) for row in asking)

    def asked(segment: ParsedSegment) -> str | None:
        above = [q for row, q in questions if row < (segment.row or 0)]
        return above[-1] if above else segment.question

    segments = tuple(replace(s, question=asked(s)) for s in document.segments)
    return replace(document, segments=segments)


def _turns_beside_lead_ins(
    raw: RawFile, body: str, roles: Mapping[str, str] | None
) -> ParsedDocument | None:
    """Typed turns of voices or roles with a protocol's lead-ins among them ("Sprecher 1:
    …", "Ziel: …", "Anwohnerin: …": :func:`~workbench.ingest.speaker_turns.lead_ins_apart`),
    the turns read without the lead-ins as :func:`~workbench.ingest.speaker_turns.are_named_turns`
    reads them; None otherwise (lead-ins only, a list of fields stay a protocol)."""
    rows = lead_ins_apart(body)
    if rows is None or not are_named_turns(blanked(body, rows)):
        return None
    document = parse_speaker_turns(io.BytesIO(body.encode("utf-8")), raw.name, roles)
    return replace(document, sha256=raw.sha256)


def parse_markdown(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse a Markdown/plain-text protocol into a :class:`ParsedDocument` (a transcript of
    timed turns below YAML front matter into its turns; ``roles`` as for ``--roles``)."""
    raw = read_source(source, name)
    text = decode(raw).replace("\r\n", "\n").replace("\r", "\n")
    meta, body, offset = front_matter(text, raw.name)
    fields = front_fields(meta, raw.name)
    # turns read without direction marks ("\u2068Anna Schmidt\u2069: …"); taking them out
    # keeps every line, so the body's rows still count from the front matter's end
    if meta and is_speaker_turns(unmarked(body), timed_only=True):
        return _turns_below(raw, body, offset, fields, roles)
    sectioned = None if meta else _turns_under_headings(raw, body.split("\n"), roles)
    sectioned = sectioned or (None if meta else _bulleted_turns(raw, body, roles))
    sectioned = sectioned or (None if meta else _turns_beside_lead_ins(raw, body, roles))
    if sectioned is not None:  # "18:05 Anna Schmidt: …" under each guiding question
        return sectioned

    segments: list[ParsedSegment] = []
    question: str | None = None
    block: list[str] = []
    block_row = 0
    block_item = False  # the block is a list item, not a paragraph
    whole_text = False  # the block is the whole text, a recogniser's segments
    table: list[tuple[int, str]] = []
    listing = False  # after a bare "Teilnehmende:": a list of names
    people_section = False  # under a heading "Teilnehmende": names, no statements
    plain_section = False  # under a heading that asks nothing ("Rahmendaten")
    left_out: Counter[str] = Counter()  # sounds, made-up credits, captions

    def statement(text: str, row: int, attributes: dict[str, str] | None = None) -> None:
        if is_lone_image(text) or is_caption(plain_markdown(text)):  # a photo, its caption
            left_out["captions"] += 1  # describe it: no participant's contribution
            return
        role, said = role_and_text(text)
        said = plain_markdown(said)  # a pad's **fett**, [Link](…), [x]: its words only
        names = signature_names(said) if role is None else None
        remark = people_section and role is None and said_among_names(said)
        if people_section and role is None and not remark:  # under "## Teilnehmende": names
            add_detail(fields, "names", section_people(said))
        elif names:  # "gez. Anna Schmidt": a name for the list, no statement
            add_detail(fields, "names", names)
        elif said:
            asked = None if people_section else question  # a remark among the names: none
            if headless and attributes and "Spalte" in attributes:  # a card query's table
                attributes = dict(attributes)
                asked = attributes.pop("Spalte")
            add_statement(segments, said, asked, row, role, attributes)

    def flush() -> None:
        nonlocal block, table, question
        lines = [line.strip() for line in block]
        answered = None if block_item else answer_groups(lines)
        asks = not answered and len(lines) > 2 and intro_like(lines[0]) and card_lines(lines[1:])
        if asks:  # "Was fehlt?" over cards, one per line: the question of the cards below
            question = question_of(lines[0])
        head = not block_item and answer_head(lines)  # "Frage: …?" / "Antwort:" over a list
        if head and len(lines) == 2:
            question = question_of(lines[0])
        if head:
            pass  # the answers listed below are its statements
        elif answered:  # "Frage: Was fehlt?" / "Antwort:" / one answer per line: one each
            for first, answers in answered:
                question = question_of(lines[first])
                for places in answers:  # wrapped prose: its lines one statement
                    statement(" ".join(lines[p] for p in places), block_row + places[0])
        elif asks or (not block_item and card_lines(lines) and len(lines) > 2):
            for place, line in enumerate(lines[1:] if asks else lines, start=block_row + asks):
                statement(line, place)
        elif not block_item and _turn_lines(lines):  # "Anna Müller: …" per line: one each
            for place, line in enumerate(lines, start=block_row):
                statement(line, place)
        elif not block_item and _segment_lines(lines, whole_text):  # Whisper's: by sentence
            sentences, counts = _sentence_groups(lines, block_row)
            left_out.update(counts)  # "[Musik]", "Untertitel im Auftrag des ZDF": not said
            for place, sentence in sentences:
                statement(sentence, place)
        elif people_section and said_among_names(_after_names(lines)):  # a remark run
            names = list(takewhile(is_names_line, lines))  # into the last name of a list
            for place, line in enumerate(names, start=block_row):
                statement(line, place)
            statement(" ".join(lines[len(names) :]), block_row + len(names))
        elif joined := " ".join(lines).strip():
            statement(joined, block_row)
        block = []
        if table:
            read = _table(table, headless)
            if read is None:  # no table after all: its lines are a paragraph
                statement(" ".join(line.strip() for _, line in table), table[0][0])
            for row, cell, attributes in read or ():
                statement(cell, row, attributes)
            table = []

    def heading(level: int, title: str, row: int | None = None) -> None:
        nonlocal question, people_section, plain_section
        title = plain_markdown(title)
        if parts and level == 1 and row != part_title:  # "# Block 2": a part that asks
            level = asking
        people_section = level > 1 and people_heading(title)
        plain_section = level > 1 and not title.rstrip().endswith("?")
        if level == 1:
            fields.setdefault("title", title)
            if sole and title.endswith("?"):  # "# Was fehlt?" alone: the question too
                question = heading_text(title)
        elif level == asking:
            question = heading_text(title)

    # a transcription service's banner ("(Transkribiert von TurboScribe.ai. …)"): no words
    lines = ["" if is_service_banner(line) else without_banner(line) for line in body.split("\n")]
    whole = _segment_text(lines)
    if whole is not None:  # Whisper's text, also with a dialogue's "- " in it: by sentence
        lines, block, block_row, whole_text = [], whole[1], offset + 1 + whole[0], True
    intros = _list_intros(lines, offset + 1)  # a plain text's guiding questions
    asking = _asking_level(lines)
    sole = sum(bool(_HEADING.match(n) or _UNDERLINE.match(n)) for n in lines) == 1
    parts = _part_headings(lines)  # several "#", none deeper: the first a title above details
    part_title = next((i for i, n in enumerate(lines) if _HEADING.match(n)), None)
    below = _after(lines, part_title) if part_title is not None else ""
    if not (_HEADING.match(below) or _detail_line(below.strip(), raw.name) is not None):
        part_title = None
    # Without any heading, a table's column headers are its guiding questions (as in Word).
    headless = not intros and not any(_HEADING.match(n) or _UNDERLINE.match(n) for n in lines)
    title_row = _title_row(lines, offset + 1, raw.name, intros)
    for row, line in enumerate(lines):
        number = offset + 1 + row
        line = _QUOTE.sub("", line)  # a quoted line's words are a statement too
        if _PAD_MACRO.match(line):  # HedgeDoc's "[TOC]" and ":::info" … ":::": no words
            flush()
            continue
        found = _HEADING.match(line)
        item = _ITEM.match(line)
        underline = _UNDERLINE.match(line)
        # before any statement, also under a heading of details ("## Rahmendaten")
        opening = (question is None or plain_section) and not segments and not block and not table
        if number == title_row and "title" not in fields:  # above the details: the title
            fields["title"] = heading_text(line.strip())
        elif number in intros:
            flush()
            asked = (item.group(2) if item else line).strip()
            labelled = _label_below(lines, number - offset - 1)  # "Frage: …?" / "Ergebnis:"
            question = question_of(asked) if labelled else heading_text(asked.rstrip(":"))
        elif _TABLE_ROW.match(line):
            if block:
                flush()
            table.append((number, line))
        elif underline and block and not block_item and not table:
            title = " ".join(part.strip() for part in block)
            block = []
            heading(1 if underline.group(1).startswith("=") else 2, title)
        elif found:
            flush()
            heading(len(found.group(1)), found.group(2).strip(), row)
        elif _RULE.match(line):
            flush()
        elif opening and (meta_line := _detail_line(line.strip(), raw.name)) is not None:
            add_detail(fields, *meta_line)
            listing = meta_line[0] == "names" and not meta_line[1]
        elif (
            opening and listing and (is_names_line(item.group(2)) if item else is_people_line(line))
        ):
            add_detail(fields, "names", split_names(item.group(2) if item else line))
        elif item and not _wrapped_before_date(block, line):
            flush()
            block, block_row, block_item = [item.group(2)], number, True
        elif not line.strip():
            flush()
        elif (
            block_item and ANSWER_LABEL.fullmatch(line.rstrip()) and _ITEM.match(_after(lines, row))
        ):
            flush()  # "Ergebnis 2:" between the answers of one question: no statement
        else:  # paragraph text or (lazy/indented) continuation of the current item
            if table:
                flush()
            if not block:
                block_row, block_item = number, False
            block.append(line)

    flush()
    if any(left_out.values()):
        fields["options"] = {k: v for k, v in left_out.items() if v}
    return protocol_result(raw, segments, IMPORTER, **fields)
