"""Statements in plain text laid out as lines: one per line, or one per paragraph of text
that comes as a page's lines (a PDF's extracted text) (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterator

_LINE = re.compile(r"[^\r\n]+")
# A line that ends a paragraph of a PDF's text: a sentence end (also before a closing
# quote or bracket); a line that starts one: a list item.
_CLOSES = re.compile(r"[.!?:;][\"'“”„«»)\]]*$")
_HEADING = 0.6  # a line shorter than this share of the page's width ends a paragraph
OPENS = re.compile(r"^(?:[-–—•▪◦*·]\s*|\d{1,3}[.)]\s|[a-z][.)]\s)")


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each non-blank line, without its surrounding white space."""
    for match in _LINE.finditer(text):
        line = match.group()
        if line.strip():
            yield (
                match.start() + len(line) - len(line.lstrip()),
                match.end() - (len(line) - len(line.rstrip())),
            )


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    r"""``(start, end)`` of each paragraph of a PDF's extracted text.

    PDF text comes as the page's lines, a sentence wrapped over several of them. A
    paragraph ends at a blank line, after a line that ends a sentence and after a line
    well short of the page's width (a heading; the width: the 90th percentile of the
    lines' lengths, at least the second longest line's); a list item starts a new one.

    >>> text = "Bänke\nDie Bänke am Markt\nfehlen.\n- Licht im Park an der\nStraße\n\nSchluss"
    >>> [text[s:e] for s, e in paragraph_spans(text)]
    ['Bänke', 'Die Bänke am Markt\nfehlen.', '- Licht im Park an der\nStraße', 'Schluss']
    """
    lines = list(line_spans(text))
    lengths = sorted(e - s for s, e in lines)
    # the page's width in characters: the 90th percentile of the lines' lengths, or with
    # few lines of running text the second longest line
    width = max(lengths[int(0.9 * (len(lengths) - 1))], lengths[-2]) if len(lengths) > 1 else 0
    start = end = None
    previous = ""
    for begin, stop in lines:
        line = text[begin:stop]
        gap = start is not None and text.count("\n", end, begin) > 1
        short = len(previous) < _HEADING * width
        if start is not None and (gap or short or _CLOSES.search(previous) or OPENS.match(line)):
            yield start, end
            start = None
        start = begin if start is None else start
        end, previous = stop, line
    if start is not None:
        yield start, end
