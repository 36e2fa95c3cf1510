"""Markdown and plain-text workshop protocols, with or without YAML front matter.

``# Title``; ``## Guiding question`` (without any ``##``, the highest level used below
``#``: ``###``); ``###`` and deeper are subsections; a line
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
    SENTENCE_END,
    answer_groups,
    answer_head,
    card_lines,
    numbered_asks,
    question_of,
    reported,
)
from workbench.ingest.captions import is_caption, is_lone_image
from workbench.ingest.card_columns import holds_cards
from workbench.ingest.common import add_statement, protocol_result, role_and_text
from workbench.ingest.direction_marks import unmarked
from workbench.ingest.markdown_front import front_fields, front_matter
from workbench.ingest.markdown_inline import plain_markdown
from workbench.ingest.paragraphs import CLUB_NAMES, MONTH_NAMES, agenda_items
from workbench.ingest.people_section import said_among_names, section_people
from workbench.ingest.personal_columns import header_key
from workbench.ingest.protocol_meta import (
    ROW_LABEL_HEADERS,
    ROW_QUESTION_HEADERS,
    add_detail,
    detail,
    detail_key,
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
from workbench.ingest.sound_tags import is_credit, looped, only_tags, without_sounds
from workbench.ingest.speaker_turns import (
    is_speaker_turns,
    parse_speaker_turns,
    turns_in_sections,
)
from workbench.ingest.transcript_frame import is_service_banner, without_banner
from workbench.ingest.turn_lines import read_turns

IMPORTER = "markdown"

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# A list item; group 1 its indent (an item indented below another is nested in it), group 2
# its text. A line that starts with the day of a date ("12. März: Stadtteilfest") is an item
# too, but the day is part of its text, no number of a list.
_ITEM = re.compile(
    rf"^(\s*)(?:(?:[-*+•–·▪◦‣]|\d{{1,3}}\))\s+|\d{{1,3}}\.\s+(?!\s)(?!(?:{MONTH_NAMES}|{CLUB_NAMES})\b)"
    rf"|(?=\d{{1,2}}\.\s+(?:{MONTH_NAMES})\b))(.*)$"
)
_DAY_START = re.compile(rf"^\s*\d{{1,2}}\.\s+(?:{MONTH_NAMES})\b")  # "3. Oktober …"
_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")  # a setext heading's underline
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|={3,}\s*)$")
_TABLE_ROW = re.compile(r"^\s{0,3}\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s{0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
# A line that ends a sentence (also before a closing quote or bracket): the end of a
# segment of a speech recogniser's text (Whisper writes one segment per line).
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'»«“”‘’)\]]*$")
# A full stop that ends no sentence where the next line goes on: an abbreviation ("ca.",
# "z. B.", "Hauptstr."), a day before its month ("am 12." / "März …"), a lower-case word
# on the next line ("z. B." / "am Marktplatz").
_ABBREVIATED = re.compile(
    r"(?:^|[\s(])(?i:ca|bzw|vgl|ggf|evtl|inkl|bspw|sog|z\.\s?b|d\.\s?h|u\.\s?a|o\.\s?ä|dr|fr|hr|"
    r"prof|nr|tel|st|\w*str)\.$"
)
_DAY_END = re.compile(r"(?:^|\s)\d{1,2}\.$")
_MONTH_START = re.compile(rf"^\s*(?:{MONTH_NAMES})\b")
_GOES_ON = re.compile(r"^\s*[a-zäöüß]")
_DIALOGUE_DASH = re.compile(r"^[-–]\s+")  # Whisper's "- Genau. - Ja.": a new voice
_SEGMENT_LINES = 8  # lines at least: a recording's transcript, not a paragraph of notes
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+(?!\s*\d)")  # "> Zitat", not "> 50 % der Kinder"
# A pad's table of contents ("[TOC]", "[[_TOC_]]") and the fences of a HedgeDoc container
# (":::info" … ":::"): lines without statements.
_PAD_MACRO = re.compile(r"^\s{0,3}(?:\[\[?_?toc_?\]?\]|:::.*)\s*$", re.IGNORECASE)


def _cells(line: str) -> list[str]:
    """The cells of a pipe table's row."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]


def _table(
    lines: list[tuple[int, str]], headless: bool = False
) -> list[tuple[int, str, dict[str, str]]] | None:
    """``(row, text, attributes)`` of each statement of a pipe table; None when the lines
    are no table (no ``|---|`` line under the first). In a text without headings
    (``headless``) a first column is labels or a row's question only by its header
    (``protocol_meta.ROW_LABEL_HEADERS``, ``ROW_QUESTION_HEADERS``; the question then
    stands as the row's ``Spalte``)."""
    if len(lines) < 2 or not _TABLE_RULE.match(lines[1][1]):
        return None
    header = _cells(lines[0][1])
    body = [(number, _cells(line)) for number, line in lines[2:]]
    labels = [cells[0] if cells else "" for _, cells in body]
    labelled = len(header) >= 2 and all(
        len(t.split()) <= 4 and not SENTENCE_END.search(t) for t in labels
    )
    labelled &= not holds_cards(header[0])  # "Herausforderungen": a column of cards
    first = header_key(header[0]) if headless and len(header) >= 2 else None
    asking = first in ROW_QUESTION_HEADERS
    labelled = asking or (labelled and (first is None or first in ROW_LABEL_HEADERS))
    out = []
    for number, cells in body:
        for column, cell in enumerate(cells):
            if not cell or (labelled and column == 0):
                continue
            attributes = {"Spalte": header[column] if column < len(header) else ""}
            if asking:
                attributes["Spalte"] = cells[0]
            attributes["Zeile"] = cells[0] if labelled and not asking else ""
            out.append((number, cell, {k: v for k, v in attributes.items() if v}))
    return out


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


def _segment_lines(lines: list[str], whole: bool = False) -> bool:
    """Whether the lines of a paragraph are a speech recogniser's segments (Whisper's
    ``.txt``: one segment per line, no blank lines, no speakers), not a paragraph's
    wrapped lines: many lines (at least eight), and at least half of them end a sentence
    (a recogniser cuts some mid-sentence) — a wrapped paragraph's lines end where the page
    does, seldom (about one in ten) at a sentence's end. A ``whole`` text of fewer lines
    (a short recording) is one where every line but one, and two at least, end one."""
    after = [*lines[1:], ""]  # the line below each
    ending = sum(1 for i, line in enumerate(lines) if _ends_segment(line, after[i]))
    if len(lines) >= _SEGMENT_LINES:
        return 2 * ending >= len(lines)
    return whole and ending >= max(2, len(lines) - 1)


def _ends_segment(line: str, following: str) -> bool:
    """Whether a recogniser's line ends a sentence, not cut after an abbreviation or a
    day's number that the ``following`` line goes on with."""
    line = line.rstrip()
    if not _ENDS_SENTENCE.search(line):
        return False
    if _ABBREVIATED.search(line) or (_DAY_END.search(line) and _MONTH_START.match(following)):
        return False
    return not _GOES_ON.match(following)


def _segment_text(lines: list[str]) -> tuple[int, list[str]] | None:
    """``(index of the first line, lines)`` when a whole text is a recogniser's segments
    (:func:`_segment_lines`: no blank line between them, no heading, table or rule, no
    detail "Datum: …" at the top), else None. Whisper writes a dialogue's dash at a
    segment's start too ("- Genau. - Ja."): that is no list item here."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled or filled[-1] - filled[0] + 1 != len(filled):
        return None
    text = [line.strip() for line in lines[filled[0] : filled[-1] + 1]]
    structure = (_HEADING, _UNDERLINE, _RULE, _TABLE_ROW, _PAD_MACRO)
    if any(p.match(line) for line in text for p in structure) or any(
        detail_key(line) for line in text[:3]
    ):
        return None
    items = sum(1 for line in text if _ITEM.match(line))
    recognised = _segment_lines(text, whole=True) and 4 * items < len(text)
    return (filled[0], text) if recognised else None


def _turn_lines(lines: list[str]) -> bool:
    """Whether each of two or more lines starts a speaker's turn ("Anna Müller: …" below
    "Peter Schulz: …" under "Top 2 – Spielplatz"), also below a title's line ("Runde
    Manfort" over "[18:15] Verkehr: …"): each line is a statement, none glued."""
    below = lines[1:] if len(lines) > 2 and title_like(lines[0]) else lines
    return len(lines) > 1 and all(read_turns(line).turns for line in below)


def _sentence_groups(lines: list[str], first: int) -> tuple[list[tuple[int, str]], dict]:
    """``(row, text)`` of the sentences of a recogniser's segments: lines joined up to the
    one that ends a sentence (a segment may stop mid-sentence), as subtitles are; and what
    was left out as in subtitles (:mod:`workbench.ingest.sound_tags`): lines of only sound
    tags ("[Musik]", "*Applaus*"), sound tags in a line ("(lacht)"), subtitle credits
    the recogniser made up ("Untertitel im Auftrag des ZDF") and the repeats of a loop."""
    groups: list[tuple[int, str]] = []
    start, words = first, []
    counts = {"sound_cues": 0, "sound_tags": 0, "credits": 0}
    repeats = looped(lines)  # a recogniser's loop: "Vielen Dank." twenty times
    counts["repeats"] = len(repeats)
    for row, raw in enumerate(lines, start=first):
        if row - first in repeats:
            continue
        if is_credit(raw) or only_tags(raw):
            counts["credits" if is_credit(raw) else "sound_cues"] += 1
            continue
        line, sounds = without_sounds(_DIALOGUE_DASH.sub("", raw))  # "- Genau.": no item
        counts["sound_tags"] += sounds
        if not words:
            start = row
        words.append(line)
        following = lines[row - first + 1] if row - first + 1 < len(lines) else ""
        if _ends_segment(line, following):
            groups.append((start, " ".join(words)))
            words = []
    if words:
        groups.append((start, " ".join(words)))
    return groups, counts


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


def _indent(item: re.Match) -> int:
    """A list item's indent in columns (a tab is four)."""
    return len(item.group(1).expandtabs(4))


def _asking_level(lines: list[str]) -> int:
    """The heading level of the guiding questions: ``##`` (or a line underlined with
    ``---``); without any, the highest level used below the title (``###``), as Word's
    ‚Überschrift 2‘ without ‚Überschrift 1‘."""
    levels = {len(found[1]) for line in lines if (found := _HEADING.match(line))}
    setext = any((found := _UNDERLINE.match(line)) and found[1][0] == "-" for line in lines)
    if 2 in levels or setext:
        return 2
    return min((level for level in levels if level > 1), default=2)


def _after_names(lines: list[str]) -> str:
    """The lines of a block after its first lines of names, joined ("" if none)."""
    return " ".join(lines[len(list(takewhile(is_names_line, lines))) :])


def _list_intros(lines: list[str], first: int) -> set[int]:
    """Line numbers of a plain text's guiding questions: in a text without Markdown or
    underlined headings, a short line of its own that ends with "?" or ":" and is followed
    by a list ("Was fehlt im Stadtteil?" above "- Bänke am Markt") — as written in an
    editor, or left of an RTF protocol once it is plain text); so is a list item of that
    shape directly above items indented below it ("1. Was fehlt?" above "   - Bänke").
    A detail ("Teilnehmende:" above a list of names) is none. An agenda item of its own
    ("TOP 1: Begrüßung") heads what follows it, text or list. Under headings only a
    question above a bare answer label over a list is one (:func:`_asked_above`)."""
    if any(_HEADING.match(line) or _UNDERLINE.match(line) for line in lines):
        labels = [i for i in range(len(lines)) if _ITEM.match(_after(lines, i))]
        asked = (_asked_above(lines, label) for label in labels)  # "Frage: …?" / "Ergebnis:"
        heads = [
            found for line in lines if (found := _HEADING.match(line) or _UNDERLINE.match(line))
        ]
        titled = len(heads) == 1 and heads[0][1] == "#"  # only the title: "1. Was fehlt?" …
        numbered = _numbered_asks(lines, first) if titled else set()
        return numbered | {
            first + a for a in asked if a is not None and not _HEADING.match(lines[a])
        }
    intros = _numbered_asks(lines, first)  # "1. Was fehlt?" over its answers, "2. …"
    agenda = agenda_items(
        [x if not (i and lines[i - 1].strip()) else "" for i, x in enumerate(lines)]
    )
    for i, line in enumerate(lines):
        if i in agenda:  # "TOP 1: Begrüßung" on a line of its own
            intros.add(first + i)
            continue
        item = _ITEM.match(line)
        if not intro_like(item.group(2) if item else line):
            continue
        if item:  # a list item with items nested below it (a loose list: a blank between)
            after = next((n for n in islice(lines, i + 1, None) if n.strip()), "")
            below = _ITEM.match(after)
            if below and _indent(below) > _indent(item):
                intros.add(first + i)
            continue
        if i and lines[i - 1].strip():  # the end of a paragraph, not a line of its own
            continue
        after = next((n for n in islice(lines, i + 1, None) if n.strip()), "")  # next text
        directly = i + 1 == len(lines) or not lines[i + 1].strip() or _ITEM.match(lines[i + 1])
        if directly and _ITEM.match(after):
            asked = _asked_above(lines, i)  # "Was fehlt?", blank, "Ergebnis:": the question
            if asked is None and ANSWER_LABEL.fullmatch(line.strip()):
                continue  # a bare label below a statement asks nothing, as under headings
            intros.add(first + (i if asked is None else asked))
    return intros


def _numbered_asks(lines: list[str], first: int) -> set[int]:
    """Line numbers of questions typed as numbered items over answers of their own
    (:func:`~workbench.ingest.answer_lines.numbered_asks`); an item's number at the margin."""
    items = [_ITEM.match(line) for line in lines]
    numbered = [
        (int(found[0]), item.group(2).strip())
        if item
        and not item.group(1)
        and not _DAY_START.match(line)
        and (found := re.match(r"\d+(?=[.)])", line))
        else None
        for line, item in zip(lines, items, strict=True)
    ]
    return {first + i for i in numbered_asks(numbered, [line.strip() for line in lines])}


def _asked_above(lines: list[str], label: int) -> int | None:
    """The index of the question a bare answer label answers ("Was fehlt?", blank,
    "Ergebnis:" over "- Ein Arzt"): a line of its own that asks (:func:`intro_like`,
    ending with "?") as the last text above the label; None for another label or text, and
    for a question someone asked, told in the protocol ("Eine Anwohnerin fragte: Wann kommt
    der Radweg?", :func:`~workbench.ingest.answer_lines.reported`): a statement."""
    if not ANSWER_LABEL.fullmatch(lines[label].strip()):
        return None
    above = next((i for i in range(label - 1, -1, -1) if lines[i].strip()), None)
    if above is None or above + 1 == label or (above and lines[above - 1].strip()):
        return None  # no question, or a paragraph's line ("… gefragt:" / "Ergebnis:")
    asked = lines[above].strip()
    asks = asked.endswith("?") and intro_like(asked) and not reported(asked)
    return above if asks and not _ITEM.match(asked) else None


def _after(lines: list[str], row: int) -> str:
    """The next text below line ``row`` ("" if none)."""
    return next((n for n in islice(lines, row + 1, None) if n.strip()), "")


def _label_below(lines: list[str], row: int) -> bool:
    """Whether the next text below line ``row`` is a bare answer label that it asks over
    (:func:`_asked_above`): its question is then without its label ("Frage: …?")."""
    below = next((i for i in range(row + 1, len(lines)) if lines[i].strip()), None)
    return below is not None and _asked_above(lines, below) == row


def _turns_below(raw: RawFile, body: str, offset: int, fields: dict, roles) -> ParsedDocument:
    """A transcript of timed turns below front matter ("**Anna Schmidt:** [00:00:12] …"),
    with the front matter's workshop, district, date and names."""
    document = parse_speaker_turns(io.BytesIO(body.encode("utf-8")), raw.name, roles)
    names = (*fields.pop("names", ()), *document.names)
    segments = tuple(replace(s, row=(s.row or 0) + offset or None) for s in document.segments)
    return replace(document, sha256=raw.sha256, segments=segments, names=names, **fields)


def _turns_under_headings(
    raw: RawFile, lines: list[str], roles: Mapping[str, str] | None
) -> ParsedDocument | None:
    """The timed speaker turns under the headings ("## Was fehlt?" over "18:05 Anna
    Schmidt: …"), each with its guiding question, or None (see
    :func:`~workbench.ingest.speaker_turns.turns_in_sections`)."""
    asking = _asking_level(lines)
    head: list[str] = []
    sections: list[tuple[str | None, list[str]]] = []
    for line in lines:
        found = _HEADING.match(line)
        if found is None:
            (sections[-1][1] if sections else head).append(line)
            continue
        level, title = len(found[1]), plain_markdown(found[2].strip())
        if level == 1 and not sections and not head:
            head.append(title)  # the title, its line kept
        elif level == asking or title.endswith("?"):
            sections.append((heading_text(title), []))
        else:  # a subsection keeps its question
            sections.append((sections[-1][0] if sections else None, []))
    return turns_in_sections(raw, head, sections, roles)


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

    def heading(level: int, title: str) -> None:
        nonlocal question, people_section, plain_section
        title = plain_markdown(title)
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
            heading(len(found.group(1)), found.group(2).strip())
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
