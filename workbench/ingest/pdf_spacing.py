"""The space between paragraphs on a PDF page, as blank lines of its text.

Word sets paragraphs apart with space after each (6–8 pt more than between the lines of
one); the text layer keeps only the lines. :func:`gapped` puts a blank line where a page
leaves such a gap, and :func:`is_spaced` tells whether a document's paragraphs are set
apart so: then a sentence that ends at a line's end goes on in the same paragraph when
no gap follows (:func:`workbench.ingest.paragraphs.paragraph_spans` with ``spaced``).
"""

from __future__ import annotations

import re
from itertools import pairwise

from workbench.ingest.paragraphs import MARKED_END

_SAME_ROW = 2.0  # points: pieces of text this close in height stand on one line
_WIDER = 1.3  # a gap this much wider than the page's usual step between lines, at least
_MORE = 3.0  # points: and at least this much wider
_SENTENCE_END = re.compile(r"[.!…][\"'“”„«»)\]]*$")
_ITEM = re.compile(r"^\s*(?:[-–•*·▪]|\d{1,2}[.)])\s")


def gapped(laid_out: str, heights: list[float]) -> str:
    """A page's laid-out text with a blank line before each line that stands after a gap
    wider than the page's usual step from line to line (its lower quartile); ``heights``
    are where its pieces of text stand (their baselines). The text stays as it is where
    its lines and the pieces' rows do not match one to one."""
    rows: list[float] = []
    for y in sorted(heights, reverse=True):
        if not rows or rows[-1] - y > _SAME_ROW:
            rows.append(y)
    lines = [line for line in laid_out.splitlines() if line.strip()]
    if len(rows) != len(lines) or len(rows) < 3:
        return laid_out
    steps = [above - below for above, below in pairwise(rows)]
    usual = sorted(steps)[len(steps) // 4]  # within a paragraph (most are one line long)
    out = [lines[0]]
    for step, line in zip(steps, lines[1:], strict=True):
        if step >= _WIDER * usual and step >= usual + _MORE:
            out.append("")
        out.append(line)
    return "\n".join(out)


def is_spaced(pages: list[str]) -> bool:
    """Whether a document's paragraphs are set apart by space: of its lines that end a
    sentence and are followed on their page by a line of text (no list item), at least
    two and half have a blank line after them."""
    ends = spaced = 0
    for page in pages:
        lines = page.splitlines()
        for line, after in pairwise(lines):
            end = _SENTENCE_END.search(line.rstrip()) or MARKED_END.search(line.rstrip())
            if not end or _ITEM.match(after):
                continue
            ends += 1
            spaced += not after.strip()
    return spaced >= 2 and 2 * spaced >= ends
