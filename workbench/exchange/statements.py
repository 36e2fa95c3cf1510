"""Statements of a source without our markers: one per line, as the import reads them.

A source of another program has no ``Werkbank-Aussage`` selections: each non-blank line
(each paragraph of a PDF's text version) is a statement. QualCoder exports only coded
selections, so a file of ours coded there and exported again has markers only on the
statements that carry a code: the lines no marker touches are statements too
(:func:`unmarked_lines`), else they were lost in a new project.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from workbench.core.domain import ParsedSegment
from workbench.exchange.records_in import SourceIn
from workbench.ingest.line_labels import f4_edges, is_labelled_interview, role_label
from workbench.ingest.paragraphs import line_spans, paragraph_spans
from workbench.ingest.speaker_turns import is_speaker_turns
from workbench.ingest.turn_lines import WHO

# a line that opens with who speaks, a name too ("Frau Brenner: …")
_LABELLED = re.compile(rf"^\s*{WHO}\s?:\s")


def line_segments(
    source: SourceIn, attributes: dict[str, Any], spans: list[tuple[int, int]] | None = None
) -> list[ParsedSegment]:
    """A statement per non-blank line (``spans``: only these lines); a transcript line's
    role label ("I:", "B1:") becomes the statement's role."""
    whole = spans is None  # else the lines between others: no time of a line before
    if spans is None:
        of = paragraph_spans if source.kind == "Textfassung" else line_spans
        spans = list(of(source.text))
    transcript = (
        source.kind == "Transkript"
        or is_speaker_turns(source.text)
        or is_labelled_interview(source.text)  # "I: …" / "B: …": two turns are one too
    )
    segments: list[ParsedSegment] = []
    role: str | None = None
    # where the line before ended (f4): at first the recording's start
    ended: str | None = "00:00:00" if whole else None
    for start, end in spans:
        # "I: …", "B: …" of a transcript: the role, the statement is what follows
        label = role_label(source.text[start:end]) if transcript else None
        if label:
            role, start = label[0], start + label[1]
        elif not transcript or _LABELLED.match(source.text[start:end]) or not whole:
            role = None  # "Frau Brenner: …" speaks herself
        # else a line without a label goes on with the turn above: the interviewer's
        # second paragraph is the interviewer's too, not the interviewee's
        # f4's time marks ("… #00:01:02-3#") are times, not words of the statement
        inner, outer, began, own_end = f4_edges(source.text[start:end])
        start, end = start + inner, start + outer
        times = dict(attributes)
        if began or (own_end and ended):
            times["time"] = began or ended
        if own_end:
            times["end_time"] = own_end
        ended = own_end if whole else None
        if start == end:
            continue  # a line of nothing but a time mark
        number = len(segments) + 1
        segments.append(
            ParsedSegment(
                text=source.text[start:end],
                source_id=str(number),
                speaker_role=role,
                attributes=times,
                start=start,
                end=end,
                position=number,
            )
        )
    return segments


def from_qualcoder(origin: str) -> bool:
    """Whether QualCoder wrote the file (it drops every selection without a coding)."""
    return origin.strip().casefold().startswith("qualcoder")


def unmarked_lines(
    source: SourceIn, marked: list[ParsedSegment], attributes: dict[str, Any]
) -> tuple[list[ParsedSegment], int]:
    """``marked`` with a statement for each line no marked statement touches, all in text
    order, and how many were added (the import names them only where it adds the
    document: ``table_rows.reading_notices``, not when it is already there). A line that is the
    question of a marked statement is its heading, no statement; a line takes a question
    where the heading or marked statement before it and the marked statement after it
    both have that one (between them no other question began)."""
    taken = [(s.start or 0, s.end or 0) for s in marked]
    questions = {" ".join(s.question.split()) for s in marked if s.question}
    free, asked = [], [(s.start or 0, s.question) for s in marked]
    for start, end in line_spans(source.text):
        if any(start < b and a < end for a, b in taken):
            continue
        line = " ".join(source.text[start:end].split())
        if line in questions:  # the heading our export wrote over its statements
            asked.append((start, line))
        else:
            free.append((start, end))
    if not free:
        return marked, 0
    asked.sort(key=lambda a: a[0])  # ascending: where a question was (still) asked
    ids = {s.source_id for s in marked}
    added = []
    for segment in line_segments(source, attributes, free):
        line = source.text.count("\n", 0, segment.start or 0) + 1
        source_id = f"Z{line}"
        while source_id in ids:
            source_id += "'"
        ids.add(source_id)
        added.append(replace(segment, source_id=source_id, question=_asked(asked, segment)))
    ordered = sorted([*marked, *added], key=lambda s: (s.start or 0, s.end or 0))
    ordered = [replace(s, position=number) for number, s in enumerate(ordered, 1)]
    return ordered, len(added)


def _asked(asked: list[tuple[int, str | None]], segment: ParsedSegment) -> str | None:
    """The question of a line between two places (headings, marked statements) that have
    the same one, else None: a heading without a coded statement under it is unknown."""
    start = segment.start or 0
    before = [question for at, question in asked if at < start]
    after = [question for at, question in asked if at > start]
    if before and after and before[-1] is not None and before[-1] == after[0]:
        return before[-1]
    return None
