"""The paragraphs of a word-processor protocol (DOCX, ODT) and the kinds of those that no
style marks: a heading set in bold, a question above a list, the title typed above the
details (see :mod:`workbench.ingest.docx_protocol`)."""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from workbench.ingest.answer_lines import answer_head, question_of, reported
from workbench.ingest.paragraphs import CLUB_NAMES, MONTH_NAMES, agenda_items
from workbench.ingest.protocol_meta import detail_key, heading_text, intro_like, title_like
from workbench.ingest.protocol_title import title_at, without_letterhead


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a word-processor protocol (DOCX, ODT), as the reader needs it."""

    text: str  # as in the document: line breaks "\n", tabs "\t"
    # "title", "question" (heading 1), "heading" (deeper) or "body"; in tables (see
    # table_paragraphs): "table" or "layout" (a table starts: read or not; no text),
    # "cell" (a statement's cell) or "table-text" (a header or row label, a table not read)
    kind: str = "body"
    bold: str = ""  # the paragraph's leading bold text (a speaker role if it ends in ':')
    attributes: Mapping[str, str] = field(default_factory=dict)  # a cell's Spalte, Zeile
    listed: bool = False  # a list item (numbered or bulleted) in the running text
    level: int = 0  # a list item's depth: greater when nested deeper (Word: its indent)
    broken: bool = False  # a line after a line break, split off the paragraph above it
    outline: int = 0  # a heading's level (1: Heading 1, 2: Heading 2 …), else 0


# A table cell as a reader gives it: its identity (merged grid positions share it) and
# its paragraphs; None where a row has no cell.
Cell = tuple[Hashable, Sequence[Paragraph]]
TABLE_KINDS = ("table", "layout", "cell", "table-text")
DETAILS = "details"  # a table mark's attribute: the table's detail lines (table_details)
HEADINGS = ("question", "heading")
# A text box's (or ODT frame's) paragraph in the running text: a statement after the first
# guiding question; before it (a letterhead, a logo's caption) not read, as tables there.
BOX = "box"
# A bullet or number typed ("– Bänke", "1. Bänke", "2) Busse"), not Word's list; not the day
# of a date ("12. März: …")
_TYPED_BULLET = re.compile(
    rf"^\s*(?:[-*+•–·▪◦‣]\s+|\d{{1,3}}\)\s+|\d{{1,3}}\.\s+(?!\s)(?!(?:{MONTH_NAMES}|{CLUB_NAMES})\b))"
)
_TYPED_NUMBER = re.compile(r"^\s*(\d+)")  # the number of a typed one
_HEAD_LINES = 3  # short paragraphs above the details at most: a letterhead's, the title


def _all_bold(paragraph: Paragraph) -> bool:
    """A heading's shape in bold: one short line all in bold, no sentence end, not "…:"."""
    text = paragraph.text.strip()
    shown = heading_text(text)
    return (
        paragraph.kind == "body"
        and bool(text)
        and paragraph.bold.strip() == text
        and "\n" not in text
        and len(shown.split()) <= 12
        and not re.search(r"[.!…;,:]$|[.!?…]\s", shown)
    )


def _bold_headings(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Without heading styles, a paragraph in bold of a heading's shape (:func:`_all_bold`)
    is a guiding question; the first, before any other text, the title (if none is styled).
    Short lines right above the details are the head (:func:`_head_title` picks the title
    among them), no question: the details under them are no statements."""
    if any(p.kind in ("question", "heading") for p in paragraphs):
        return list(paragraphs)
    titled = any(p.kind == "title" for p in paragraphs)
    head = _head_end(paragraphs)
    out = []
    for index, paragraph in enumerate(paragraphs):
        if index < head:
            pass
        elif _all_bold(paragraph):
            paragraph = replace(paragraph, kind="question" if titled else "title")
        titled = titled or (paragraph.kind != BOX and bool(paragraph.text.strip()))
        out.append(paragraph)
    return out


def _head_end(paragraphs: Sequence[Paragraph]) -> int:
    """Where the details begin ("Datum: …", a table of details) if only short lines
    (:func:`_head_line`, a letterhead and the title) stand above them, else 0."""
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text.strip()
        if DETAILS in paragraph.attributes or (
            paragraph.kind == "body" and detail_key(text) is not None
        ):
            return index
        if paragraph.kind in (*TABLE_KINDS, BOX) or not text:
            continue
        if paragraph.kind not in ("body", "title") or paragraph.listed or not _head_line(text):
            return 0
    return 0


def _head_line(text: str) -> bool:
    """A short line of a protocol's head: a title's shape or a subtitle asking the
    workshop's question ("Was fehlt im Quartier?")."""
    asks = text.endswith("?") and len(text.split()) <= 12 and "\n" not in text
    return title_like(text) or asks


def guiding_levels(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The headings of the level that asks the guiding questions as "question", the others
    "heading": ‚Überschrift 1‘; without any, the highest level used (a protocol that sets
    its questions in ‚Überschrift 2‘). One heading above all others, first, with nothing
    but details under it ("Protokoll Stadtteilworkshop" in ‚Überschrift 1‘ over "Datum: …"
    and questions in ‚Überschrift 2‘) is the title, as ``#`` over ``##`` in Markdown."""
    heads = [i for i, p in enumerate(paragraphs) if p.kind in HEADINGS]
    if not heads:
        return list(paragraphs)
    out = list(paragraphs)
    levels = {i: paragraphs[i].outline or 1 for i in heads}
    top = min(levels.values())
    first, rest = heads[0], heads[1:]
    under = paragraphs[first + 1 : rest[0]] if rest else ()
    alone = rest and all(levels[i] > top for i in rest)
    if alone and all(_detail_or_empty(p) for p in under):
        out[first] = replace(paragraphs[first], kind="title")
        heads, top = rest, min(levels[i] for i in rest)
    for index in heads:
        kind = "question" if levels[index] == top else "heading"
        out[index] = replace(paragraphs[index], kind=kind)
    return out


def _detail_or_empty(paragraph: Paragraph) -> bool:
    """Whether a paragraph is empty, a detail ("Datum: …", a table of details) or none of
    the running text (a table's mark, a text box)."""
    text = paragraph.text.strip()
    if DETAILS in paragraph.attributes or not text or paragraph.kind in ("table", "layout", BOX):
        return True
    return paragraph.kind == "body" and detail_key(text) is not None


def typed_bullets(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """A body paragraph that starts with a typed bullet ("– Bänke am Markt") is a list item
    without it, as if Word had bulleted it. A typed number is one if it is 1 or follows
    the number of the paragraph above ("2." under "1."); else it belongs to the text
    ("2. Etage des Bürgerhauses …", "3. Welt Laden …")."""
    out = []
    above = 0  # the typed number of the paragraph above, 0 if none
    for paragraph in paragraphs:
        typed = _TYPED_BULLET.match(paragraph.text) if paragraph.kind == "body" else None
        number = _TYPED_NUMBER.match(typed.group()) if typed else None
        if number:
            value = int(number.group(1))
            typed = typed if value in (1, above + 1) else None
            above = value if typed else 0
        else:
            above = 0
        if typed:
            text = paragraph.text[typed.end() :]
            bold = _TYPED_BULLET.sub("", paragraph.bold, count=1)
            paragraph = replace(paragraph, text=text, bold=bold, listed=True)
        out.append(paragraph)
    return out


def numbered_questions(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Without headings, questions typed as numbered paragraphs, each over answers of its
    own ("1. Was fehlt im Quartier?" over bullets or paragraphs, then "2. Was läuft gut?"
    over its own), are the guiding questions, without their numbers. Only where every
    typed number (not Word's list) stands before a one-line question (ending in "?"), the
    numbers count 1, 2, 3 …, each has running text below it before the next one and no
    question or label ("Was fehlt?", "Ideen:") stands above the first: under one the
    numbered items are its answers ("1. Warum gibt es keinen Treff?"). A run of numbered
    items one below the other and agenda items ("1. Begrüßung") stay as they were."""
    if any(p.kind in HEADINGS for p in paragraphs):
        return list(paragraphs)
    shown = [i for i, p in enumerate(paragraphs) if p.text.strip() or p.kind in TABLE_KINDS]
    numbered = {i: _typed_number(paragraphs[i]) for i in shown}
    numbered = {i: typed for i, typed in numbered.items() if typed is not None}
    if not numbered:
        return list(paragraphs)
    first = min(numbered)
    for count, (number, text) in enumerate((numbered[i] for i in sorted(numbered)), start=1):
        if number != count or "\n" in text or not text.endswith("?") or not intro_like(text):
            return list(paragraphs)
    ends = [*sorted(numbered)[1:], len(paragraphs)]
    for index, end in zip(sorted(numbered), ends, strict=True):
        below = [paragraphs[i] for i in shown if index < i < end]
        if not any(p.kind == "body" for p in below):  # no answers of its own
            return list(paragraphs)
    before = [paragraphs[i] for i in shown if i < first]
    asked = [p for p in before if p.kind == "body" and not p.listed and _asks(p.text)]
    later = [paragraphs[i] for i in shown if i > first and i not in numbered]
    if asked or any(_all_bold(p) for p in later):  # their answers; or bold headings
        return list(paragraphs)
    out = list(paragraphs)
    for index, (_, text) in numbered.items():
        out[index] = replace(paragraphs[index], text=text, bold="", kind="question")
    return out


def _typed_number(paragraph: Paragraph) -> tuple[int, str] | None:
    """A body paragraph's typed number and its text after it ("2) Was läuft gut?" → 2,
    "Was läuft gut?"), None without one (a bullet, Word's list, a date "12. März")."""
    if paragraph.kind != "body" or paragraph.listed:
        return None
    typed = _TYPED_BULLET.match(paragraph.text)
    number = _TYPED_NUMBER.match(typed.group()) if typed else None
    if typed is None or number is None:
        return None
    return int(number.group(1)), paragraph.text[typed.end() :].strip()


def _asks(text: str) -> bool:
    """Whether a paragraph reads as a question or label over the lines below it."""
    text = text.strip()
    return "\n" not in text and intro_like(text)


def _plain_headings(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Without headings, styled or bold, the rules of a plain-text protocol
    (:mod:`workbench.ingest.markdown_protocol`): a short paragraph ending in "?" or ":"
    directly above a list item is a guiding question ("Was fehlt im Stadtteil?" above
    "• Bänke am Markt"), and so is a list item of that shape directly above items nested
    below it ("1. Was fehlt?" above "   ◦ Bänke am Markt"); an agenda item ("TOP 1:
    Begrüßung") heads what follows it."""
    if any(p.kind in ("question", "heading") for p in paragraphs):
        return list(paragraphs)
    shown = [i for i, p in enumerate(paragraphs) if p.text.strip() or p.kind in TABLE_KINDS]
    out = list(paragraphs)
    plain = [p.text.strip() if p.kind == "body" and not p.listed else "" for p in paragraphs]
    agenda = agenda_items(plain)
    for index, after in pairwise(shown):
        paragraph, nxt = paragraphs[index], paragraphs[after]
        if DETAILS in nxt.attributes:  # a table of details: as if its lines
            nxt = replace(nxt, kind="body", text=nxt.attributes[DETAILS])
        text = paragraph.text.strip()
        if index in agenda:
            out[index] = replace(paragraph, kind="question", text=text)  # "TOP 1: Begrüßung"
            continue
        if paragraph.kind != "body" or nxt.kind != "body":
            continue
        above = nxt.listed and (not paragraph.listed or nxt.level > paragraph.level)
        if above and "\n" not in text and intro_like(text):
            out[index] = replace(paragraph, kind="question", text=text.rstrip(":").strip())
    return out


def _head_title(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The title typed as a plain paragraph (style ‚Standard‘, in bold, large or not): of
    the short paragraphs (:func:`title_like`, at most :data:`_HEAD_LINES`) that open the
    document right above its details ("Datum: …", a table of details) or its first guiding
    question (a heading; without any, a table of cards), one is the title (of those all in
    bold, if any is, the one :func:`~workbench.ingest.protocol_title.title_at` picks), the
    others (a letterhead, a date, a subtitle) are left out ("letterhead"),
    all of them if a paragraph is styled ‚Titel‘. Running text there is no title: the
    import stops as before."""
    headless = not any(p.kind in HEADINGS for p in paragraphs)
    titled = False
    lead: list[int] = []
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text.strip()
        detailed = paragraph.kind == "body" and detail_key(text) is not None
        table = headless and paragraph.kind == "table"
        if DETAILS in paragraph.attributes or paragraph.kind in HEADINGS or detailed or table:
            break
        if paragraph.kind in (*TABLE_KINDS, BOX) or not text:
            continue
        if paragraph.kind == "title":
            titled = True
            continue
        if paragraph.kind != "body" or paragraph.listed or not _head_line(text):
            return list(paragraphs)
        lead.append(index)
    else:
        return list(paragraphs)  # nothing below the short paragraphs: no protocol's head
    if not lead or len(lead) > _HEAD_LINES:
        return list(paragraphs)
    out = list(paragraphs)
    bold = [i for i in lead if paragraphs[i].bold.strip() == paragraphs[i].text.strip()]
    named = bold or lead  # the title set in bold: not its date
    title = None if titled else named[title_at([paragraphs[i].text.strip() for i in named])]
    for index in lead:
        kind = "title" if index == title else "letterhead"
        out[index] = replace(paragraphs[index], kind=kind)
    if title is not None:  # "Stadt Leverkusen⏎Fachbereich Soziales⏎Protokoll …" in one
        text = without_letterhead(paragraphs[title].text.strip())
        out[title] = replace(out[title], text=text)
    return out


def answer_heads(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """A question's head over the answers listed below it, as in plain-text protocols
    (:func:`~workbench.ingest.answer_lines.answer_head`): "Frage: Was fehlt?" and a bare
    "Ergebnis:" ("Antwort:", "Ergebnisse:" …) above a list make the question, without its
    label, the answers' question; the label is no statement (its paragraph left empty, so
    that rows still count it), nor is a label right below a heading. In a document with
    headings the question is a guiding question; without, it stays text that
    :func:`marked_heads` reads as the question above a list. A further bare label between
    the answers of that question ("Ergebnis 2:" under those of "Ergebnis 1:") is none
    either: the answers below it are the same question's. A question someone asked, told
    in a paragraph above the label ("Eine Anwohnerin fragte: Wann kommt der Radweg?",
    :func:`~workbench.ingest.answer_lines.reported`), is a statement, as in a PDF."""
    shown = [i for i, p in enumerate(paragraphs) if p.text.strip() or p.kind in TABLE_KINDS]
    headed = any(p.kind in HEADINGS for p in paragraphs)
    out = list(paragraphs)
    answering = False  # in the answers below a question's label
    for above, index, below in zip([None, *shown], shown, [*shown[1:], None], strict=False):
        paragraph = paragraphs[index]
        lines = [line.strip() for line in paragraph.text.strip().split("\n")]
        listed = below is not None and paragraphs[below].listed
        if paragraph.kind != "body" or paragraph.listed or not listed or not answer_head(lines):
            answering = answering and paragraph.listed
            continue
        if len(lines) == 2:  # "Frage: Was fehlt?" and "Ergebnis:" in one paragraph
            asked, asking = paragraph, lines[:1]
        else:
            asked = None if above is None else paragraphs[above]
            if asked is not None and (asked.kind in HEADINGS or (answering and asked.listed)):
                out[index] = replace(paragraph, text="", bold="")  # its heading asks, or
                answering = True  # the question of the answers above it
                continue
            usable = asked is not None and asked.kind == "body" and not asked.listed
            usable = usable and not reported(asked.text.strip())  # "Ein Vater fragte: …?"
            if not (usable and answer_head([asked.text.strip(), lines[0]])):
                continue  # a statement above the label: left as it is
            out[index] = replace(paragraph, text="", bold="")
            index = above
            # all its lines ("Frage 2:" + Shift+Enter + "Was fehlt?"), as an ODT's are one
            asking = [line.strip() for line in asked.text.strip().split("\n")]
        text = question_of(" ".join(asking))
        out[index] = replace(asked, text=text, bold="", kind="question" if headed else "body")
        answering = True
    return out


def _head_lines(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Before the first heading, a paragraph whose lines (split by Shift+Enter) hold a
    detail after its first ("Workshop Manfort" + "Datum: 12.03.2021", also a bare
    "Teilnehmende:" over names) or start with one over running text ("Datum: …" +
    "Die Moderation begrüßt …") as one paragraph each, the lines after the first marked
    :attr:`Paragraph.broken` (they count as the paragraph they stand in)."""
    out: list[Paragraph] = []
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind in HEADINGS or paragraph.kind == "table":
            return [*out, *paragraphs[index:]]
        lines = paragraph.text.split("\n")
        details = [  # a detail with its value, or "Teilnehmende:" over its names
            line.partition(":")[2].strip() or detail_key(line) == "names"
            if detail_key(line) is not None
            else False
            for line in lines
        ]
        # a detail over running text ("Datum: …" + "Die Moderation begrüßt …"): apart,
        # the text is what stands before the first guiding question (names may go on)
        over_text = bool(details[0]) and detail_key(lines[0]) != "names"
        over_text = over_text and not all(title_like(line) for line in lines[1:])
        if paragraph.kind != "body" or paragraph.listed or not (any(details[1:]) or over_text):
            out.append(paragraph)
            continue
        start, bold = 0, paragraph.bold if paragraph.text.startswith(paragraph.bold) else ""
        for number, line in enumerate(lines):
            shown = bold[start : start + len(line)]
            out.append(replace(paragraph, text=line, bold=shown, broken=number > 0))
            start += len(line) + 1
    return out


def marked_heads(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The paragraphs with their kinds for headings and the title where no style marks
    them: lines of the head split by line breaks, bold headings, questions above a list,
    the title above the details."""
    return _head_title(_plain_headings(_bold_headings(_head_lines(paragraphs))))


def heading_as_title(paragraphs: Sequence[Paragraph]) -> list[Paragraph] | None:
    """The paragraphs with their only heading as the title, where it opens the document
    and asks nothing ("Protokoll Stadtteilwerkstatt" in ‚Überschrift 1‘ over "TOP 1: …"
    typed as text); else None."""
    heads = [i for i, p in enumerate(paragraphs) if p.kind in HEADINGS]
    shown = [i for i, p in enumerate(paragraphs) if p.text.strip() or p.kind in TABLE_KINDS]
    if len(heads) != 1 or heads[0] != shown[0]:
        return None
    opening = paragraphs[heads[0]]
    if opening.text.strip().endswith("?"):
        return None
    out = list(paragraphs)
    out[heads[0]] = replace(opening, kind="title")
    return out
