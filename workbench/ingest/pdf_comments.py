"""Word's comment balloons on a PDF page, left out.

Word saves a document with comments as PDF with its markup shown (the default while
comments are shown): the page's text set smaller on the left, and in a pane on the right
a balloon for each comment, "Kommentiert [AS1]: Bitte Quelle prüfen" (English: "Commented
[AS1]: …"; the author's initials and the comment's number in brackets), and balloons for
changes ("Gelöscht: …", "Formatiert: …"). A reviewer's remark is no statement of the
protocol, and deleted text no longer valid; read with the page, a balloon ran into the
line beside it. :func:`without_balloons` takes the pane's text out of the page (in
memory): every text that starts at or right of where the first balloon starts (right of
the page's middle: a "Kommentiert [AS1]:" in the running text stays).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.ingest.pdf_overprint import replace_contents
from workbench.ingest.pdf_struck import SHOW, drawn, moves, page_fonts, shown_text

if TYPE_CHECKING:
    from pypdf import PageObject

# A comment balloon's start: its label and the author's initials with the comment's number
_BALLOON = re.compile(r"^\s*(?:Kommentiert|Kommentar|Commented|Comment)\s*\[[^\]]{1,16}\]\s*:")
_SLACK = 1.0  # points: a text of the pane starts this far left of its balloons at most


def without_balloons(page: PageObject) -> int:
    """Take the text of Word's markup pane (comment balloons and what stands beside them)
    out of the page's content (in memory, for reading its text); the number of comments
    left out (0: the page is as it was)."""
    from pypdf.generic import ContentStream

    contents = page.get_contents()
    if not isinstance(contents, ContentStream):
        return 0
    operations = contents.operations
    try:
        shown, _ = drawn(operations)
    except (ValueError, TypeError, IndexError):  # an operand that is no number: as it is
        return 0
    fonts = page_fonts(page)
    try:
        half = float(page.mediabox.left) + float(page.mediabox.width) / 2
    except (ValueError, TypeError, KeyError):
        return 0
    balloons = [
        text
        for text in shown
        if text.font
        and text.x > half  # the pane stands right of the page's middle
        and _BALLOON.match(shown_text(*operations[text.index], fonts.get(text.font[0])) or "")
    ]
    if not balloons:
        return 0
    pane = min(text.x for text in balloons) - _SLACK
    starts = {text.index: text.x >= pane for text in shown}
    kept, inside = [], False
    for index, (operands, operator) in enumerate(operations):
        inside = starts.get(index, inside)  # a text moved on by the one before: its place
        if operator in SHOW and inside:
            kept += moves(operands, operator)  # without its text, its move to a next line
        else:
            kept.append((operands, operator))
    replace_contents(page, contents, kept)
    return len(balloons)
