"""Word files that are transcripts: speaker heads or a tool's frame as headings, and
speaker turns under a protocol's headings (pure)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from workbench.core.domain import ParsedDocument
from workbench.core.textio import RawFile
from workbench.ingest.direction_marks import unmarked
from workbench.ingest.few_turns import person_like
from workbench.ingest.protocol_meta import heading_text
from workbench.ingest.speaker_labels import is_label
from workbench.ingest.speaker_turns import (
    are_speaker_heads,
    turns_in_sections,
)
from workbench.ingest.transcript_frame import frame_heading
from workbench.ingest.turn_agenda import is_numbered_item
from workbench.ingest.word_head import BOX, HEADINGS, Paragraph


def paragraphs_text(texts: Sequence[str]) -> str:
    """The texts of paragraphs, one a line; a numbered item on its own ("2. Verkehr") stands
    between blank lines, as a typed agenda item does in a text file (Word paragraphs have
    no blank lines between them)."""
    lines: list[str] = []
    for text in texts:
        lines += ["", text, ""] if is_numbered_item(text) else [text]
    return "\n".join(lines)


def frame_headings(paragraphs: Sequence[Paragraph]) -> bool:
    """Whether the headings are only a transcript's frame: a title and "Teilnehmer",
    "Transkript" (Google Meet's transcript document), not guiding questions."""
    texts = [p.text.strip() for p in paragraphs if p.kind in HEADINGS]
    return all(frame_heading(text) for text in texts[1:])


def speaker_heads(paragraphs: Sequence[Paragraph]) -> bool:
    """Whether the headings are a transcript's speaker heads ("Anna Schmidt [00:00:12]"
    set as headings; one above them all is its title), not guiding questions."""
    heads = [unmarked(p.text).strip() for p in paragraphs if p.kind in HEADINGS]
    return are_speaker_heads(heads)  # "\u2068Anna Schmidt\u2069 0:03": read without marks


# "Jonas Becker: Ich habe Vorschläge:": who speaks, then what she says
_TURN = re.compile(r"\s*(?P<who>[^:\n]{2,60}?)\s?:\s+\S")


def turn_heads(paragraphs: Sequence[Paragraph]) -> bool:
    """Whether the headings a document without heading styles types as text are all
    turns of people ("Jonas Becker: Ich habe Vorschläge:" above a numbered list, read as
    a question that opens a list), not agenda items ("TOP 1: Begrüßung") or questions."""
    heads = [p.text for p in paragraphs if p.kind in HEADINGS]
    turns = [_TURN.match(text) for text in heads]
    return bool(heads) and all(
        t is not None and person_like(t["who"]) and not is_label(t["who"]) for t in turns
    )


def turns_under_headings(
    raw: RawFile, paragraphs: Sequence[Paragraph], roles: Mapping[str, str] | None
) -> ParsedDocument | None:
    """The timed speaker turns under the headings, each with its guiding question (see
    :func:`~workbench.ingest.speaker_turns.turns_in_sections`), or None."""
    head: list[str] = []
    sections: list[tuple[str | None, list[str]]] = []
    for paragraph in paragraphs:
        if paragraph.kind in HEADINGS:
            asked = sections[-1][0] if sections else None  # a subsection keeps it
            text = paragraph.text.strip()
            sections.append((heading_text(text) if paragraph.kind == "question" else asked, []))
        elif paragraph.kind != BOX:
            (sections[-1][1] if sections else head).append(paragraph.text)
    return turns_in_sections(raw, head, sections, roles)
