"""Footnotes at a PDF page's foot: a source or remark of the protocol's writer ("¹ Vgl.
Sozialbericht 2019, S. 12."), no participant's statement; Word's own footnotes are not
read from a DOCX either.

A footnote is a block of lines at the foot of a page, below the running text, set
smaller than the body text, its first line led by the note's mark ("1", "¹", "*") that
stands, set small as well, in the text above (the reference). A footer below it (in the
body's size or apart from the block by a wider gap) stays: it is page furniture, its names
go onto the name list (:mod:`workbench.ingest.pdf_pages`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_SMALL = 0.9  # a footnote's letters are at most this share of the body text's size
_SAME_ROW = 0.4  # pieces this close in height (share of the body size) stand on one row
_LEADING = 2.2  # lines of one footnote block are at most this many of its size apart
_MARK = re.compile(r"^(\d{1,3}|[¹²³⁴-⁹⁰]{1,3}|\*{1,3})(?=\s|$)")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

Piece = tuple[float, float, str, object, float]  # x, y, text, font, scale (PageReading)


def without_footnotes(laid_out: str, pieces: Sequence[Piece]) -> tuple[str, int]:
    """A page's laid-out text without the lines of its footnotes, and how many notes the
    page has (0: the text as it is); ``pieces`` are where its text is drawn, with size."""
    block = _footnote_rows(pieces)
    if not block:
        return laid_out, 0
    wanted = "".join(text for row in block for _, text, _ in row)
    compact = "".join(wanted.split())
    lines = laid_out.split("\n")
    for end in range(len(lines), 0, -1):  # the run of lines that shows the block
        found, taken = end, 0
        while found and (shown := "".join(lines[found - 1].split())) in compact:
            taken += len(shown)
            found -= 1
        if taken >= 0.9 * len(compact) and taken:
            marks = sum(_MARK.match(row[0][1]) is not None for row in block)
            return "\n".join(lines[:found] + lines[end:]), marks
    return laid_out, 0


def _footnote_rows(pieces: Sequence[Piece]) -> list[list[tuple[float, str, float]]]:
    """The rows of the page's footnote block (each its pieces ``(x, text, size)`` from left
    to right), or none."""
    letters: Counter[float] = Counter()
    for *_, text, _, scale in pieces:
        letters[round(1000 * scale, 1)] += len(text)
    if not letters:
        return []
    body = letters.most_common(1)[0][0]
    rows: list[tuple[float, list[tuple[float, str, float]]]] = []
    for x, y, text, _, scale in sorted(pieces, key=lambda p: (-p[1], p[0])):
        if not rows or rows[-1][0] - y > _SAME_ROW * body:
            rows.append((y, []))
        rows[-1][1].append((x, text, 1000 * scale))
    for start, (_, row) in enumerate(rows):
        row.sort()
        small = all(size <= _SMALL * body for *_, size in row)
        mark = _MARK.match(row[0][1])
        if start == 0 or not small or mark is None or start < len(rows) / 2:
            continue
        if not _referred(mark[1], [line for _, line in rows[:start]], body):
            continue
        block = [row]
        for (above, _), (below, following) in zip(rows[start:], rows[start + 1 :], strict=False):
            size = max(s for *_, s in following)
            if size > _SMALL * body or above - below > _LEADING * size:
                break
            block.append(sorted(following))
        return block
    return []


def _referred(mark: str, lines: Sequence[Sequence[tuple[float, str, float]]], body: float) -> bool:
    """Whether a footnote's mark stands in the running text above: set small in a line
    of the body's size or raised on its own (not a cell of a table set small: "3"), or, a
    superscript or asterisk, right after a word ("Sozialbericht*", not "Bürger*innen")."""
    number = mark.translate(_SUPERSCRIPT)
    after_word = re.compile(rf"(?<=[^\s*]){re.escape(mark)}(?![^\W\d_])")
    for line in lines:
        running = any(size > _SMALL * body for *_, size in line)
        for _, text, size in line:
            small = size <= _SMALL * body
            beside = running or len(line) == 1  # raised: a row of its own
            if beside and small and text.strip().translate(_SUPERSCRIPT) == number:
                return True
            if (not number.isdigit() or number != mark) and after_word.search(text):
                return True
    return False
