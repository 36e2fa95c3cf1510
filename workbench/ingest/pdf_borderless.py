"""Tables without ruling lines in a PDF protocol (a card query typed into Word or
LibreOffice as a table without borders and saved as PDF): their columns, found from where
the text stands.

Without lines, only the layout tells a table: a header row of short cells side by side
(:func:`_header`: no sentence, no detail "Datum: …", no names), columns at least
:data:`_MIN_COLUMN` apart (not a list's bullet and its text), and at least two lines
below it whose every piece of text stands within one column (a line of running text
across the columns ends the table) with text in two columns at least. The PDF draws a
table's header before its body; a page set in two columns draws its left column first,
then the right one (whose first line would be a "header" cell drawn after the left
column's lines): no table. Lines under "Teilnehmende:" (names side by side) and details
set with a tab ("Datum:" and "12.03.2021" apart) are no table, nor are lines set with
tabs (an agenda's "18:00 Uhr⇥Begrüßung": columns at the default tab stops from where the
page's paragraphs begin; a table's text stands in by its cells' padding). Rows are set apart by
space larger than the lines' (cell padding, space after a paragraph); without it the
cells' cards are told apart as in a ruled table (a line's first word would have fitted
after the line before, a sentence's end). Rows at the top of the next page in the same
columns go on from the table (its header there once). :func:`borderless_grids` gives
each table's row and column borders for :mod:`workbench.ingest.pdf_tables` to read cell
by cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from workbench.ingest.protocol_meta import detail_key, known_people, signature_names

# A piece of text: x, y, its text, where it ends (None where its font cannot be
# measured), its place in the drawing order and the width of " " and its first word
Placed = tuple[float, float, str, "float | None", int, "float | None"]
# A table's borders: rows' from the top, columns' from the left, and where each column's
# text begins and ends
Grid = tuple[list[float], list[float], list[tuple[float, float]]]
_NEAR = 2.0  # points: pieces this close in height stand on one line
_SLACK = 3.0  # points: a cell's text may stand this far off its column's left edge
_MIN_COLUMN = 50.0  # points: columns of a table are this far apart at least
_BLOCK_GAP = 0.6  # a gap of this many font sizes between two pieces of a line: a new cell
_ROW_GAP = 1.3  # a line spacing this much larger than the table's smallest: a new row
_END_GAP = 2.5  # a line spacing this much larger than the smallest: the table has ended
_PADDING = 0.8  # font sizes between a column's text and the next column's: cells' padding
_HEADER_WORDS = 12
_TOP_LINES = 3  # a table going on from the page before begins in these lines of a page
_FAR = 10_000.0  # points: the right edge of a table without lines (the last column's)
_TAB_STOPS = (72 * 1.25 / 2.54, 36.0)  # points: default tab stops (1.25 cm; 0.5 in)
_TAB_SLACK = 1.5  # points: text at a tab stop stands this close to it
_SENTENCE = re.compile(r"[.!…;](?=\s|$)")


def borderless_grids(
    pieces: Sequence[Placed], size: float, going_on: Sequence[float] | None = None
) -> list[tuple[Grid, bool]]:
    """The grids of the tables without ruling lines among ``pieces`` (``size``: the body
    text's font size), top to bottom, each with whether it has no header row: with
    ``going_on``, the columns (:attr:`PdfTable.columns`) of a table at the end of the page
    before, lines at the top of the page in them (after a page's header at most) are a
    grid without a header row, rows going on from there."""
    if any(piece[3] is None for piece in pieces):
        return []  # a font that cannot be measured: no columns to tell
    lines = _lines(pieces)
    grids: list[tuple[Grid, bool]] = []
    index = 0
    if going_on:
        found = _going_on_at(lines, [x + _SLACK for x in going_on[:-1]], size)
        if found is not None:
            grids.append((found[0], True))
            index = found[1]
    while index < len(lines):
        found = _table_at(lines, index, size)
        if found is None:
            index += 1
            continue
        grid, end = found
        grids.append((grid, False))
        index = end
    return grids


def _going_on_at(
    lines: list[list[Placed]], xs: list[float], size: float
) -> tuple[Grid, int] | None:
    """The grid of the rows going on at the top of a page (in the first lines, page
    furniture above them) in the columns ``xs``, without a header; the line after them."""
    for index in range(min(_TOP_LINES, len(lines))):
        body = _body(lines[index:], xs, size)
        if body is not None and len({_column(p, xs) for line in body[0] for p in line}) >= 2:
            rows, pitch = body
            return _grid(None, rows, xs, pitch or size, size), index + len(rows)
    return None


def _lines(pieces: Sequence[Placed]) -> list[list[Placed]]:
    """The pieces by line (one baseline), top to bottom, each line from left to right."""
    lines: list[list[Placed]] = []
    for piece in sorted(pieces, key=lambda p: (-p[1], p[0])):
        if lines and abs(lines[-1][0][1] - piece[1]) <= _NEAR:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return [sorted(line) for line in lines]


def _cells(line: list[Placed], size: float) -> list[list[Placed]]:
    """A line's pieces in groups set apart by a gap wider than a space (cells side by
    side)."""
    cells: list[list[Placed]] = []
    for piece in line:
        end = cells[-1][-1][3] if cells else None
        if cells and end is not None and piece[0] - end < _BLOCK_GAP * size:
            cells[-1].append(piece)
        else:
            cells.append([piece])
    return cells


def _header(texts: list[str], above: list[Placed] | None) -> bool:
    """Whether a line's cells are a card query's column headers: short, no sentence, no
    detail ("Datum:", "12.03.2021"), no one's name (a row of names side by side, a
    line under "Teilnehmende:")."""
    under_names = above is not None and any(detail_key(p[2]) == "names" for p in above)
    return (
        not under_names
        and all(any(c.isalpha() for c in text) for text in texts)
        and all(len(text.split()) <= _HEADER_WORDS for text in texts)
        and not any(_SENTENCE.search(text) or detail_key(text) for text in texts)
        and not any(known_people(text) for text in texts)
    )


def _table_at(lines: list[list[Placed]], index: int, size: float) -> tuple[Grid, int] | None:
    """The grid of a table whose header is line ``index`` and the line after its last
    row, else None."""
    head = _cells(lines[index], size)
    texts = [" ".join(p[2] for p in cell) for cell in head]
    xs = [cell[0][0] for cell in head]
    if len(head) < 2 or any(b - a < _MIN_COLUMN for a, b in pairwise(xs)):
        return None
    if not _header(texts, lines[index - 1] if index else None):
        return None
    found = _body(lines[index:], xs, size)
    if found is None:
        return None
    body, pitch = found
    body = body[1:]  # below the header
    if index + 1 + len(body) < len(lines) and body and _asks_alone(body[-1], xs):
        body = body[:-1]  # a question right under the table, over the text after it
    used = {_column(piece, xs) for line in body for piece in line}
    left = min(line[0][0] for line in lines)  # where the page's paragraphs begin
    if len(body) < 2 or len(used) < 2 or _tabbed([lines[index], *body], xs, left):
        return None
    drawn = [piece[4] for line in body for piece in line]
    if max(p[4] for p in lines[index]) > min(drawn):
        return None  # the "header" drawn after the lines below it: columns of text
    return _grid(lines[index], body, xs, pitch or size, size), index + 1 + len(body)


def _tabbed(lines: list[list[Placed]], xs: list[float], left: float) -> bool:
    """Whether lines are text set apart with tabs, no table ("Uhrzeit⇥⇥Programm" over
    "18:00 Uhr⇥Begrüßung"): each starts at the first column, where the page's paragraphs
    begin (``left``; a LibreOffice table's text stands in by its cells' padding), the
    columns stand at default tab stops from it (Word's, LibreOffice's every 1.25 cm; every
    0.5 in), each at the first stop after the longest text before it (tabs typed until the
    lines align); a table's columns stand where its widths put them, apart from its text
    (two columns of a US-Letter page in LibreOffice are seven stops of 1.25 cm apart)."""
    if xs[0] - left > _TAB_SLACK or any(_column(line[0], xs) != 0 for line in lines):
        return False
    offsets = [x - xs[0] for x in xs[1:]]
    longest = dict.fromkeys(range(1, len(xs)), xs[0])  # a column: the text before it
    for line in lines:
        for before, after in pairwise(line):
            column = _column(after, xs)
            if column != _column(before, xs):
                longest[column] = max(longest[column], before[3] or 0.0)
    return any(
        all(abs(offset - stop * round(offset / stop)) <= _TAB_SLACK for offset in offsets)
        and all(xs[c] - end <= stop + _TAB_SLACK for c, end in longest.items())
        for stop in _TAB_STOPS
    )


def _asks_alone(line: list[Placed], xs: list[float]) -> bool:
    """Whether a line stands in the first column alone and ends in "?" or ":" (the shape
    of a guiding question: as the table's last line, with text after it on the page, the
    question over that text, no card)."""
    text = " ".join(piece[2] for piece in line).rstrip()
    return text.endswith(("?", ":")) and all(_column(piece, xs) == 0 for piece in line)


def _body(
    lines: list[list[Placed]], xs: list[float], size: float
) -> tuple[list[list[Placed]], float | None] | None:
    """The lines from the first on that stand within the columns ``xs``, up to a line
    across them, a wide space or a signature line alone ("gez. Anna Schmidt" under the
    table as far below as a row: no card), and the smallest spacing between them; None
    where a detail stands in a column ("Datum: …": no card table)."""
    body: list[list[Placed]] = []
    pitch: float | None = None
    for line in lines:
        step = body[-1][0][1] - line[0][1] if body else None
        if step is not None and pitch is not None and step > _END_GAP * pitch:
            break
        if not all(_within(piece, xs) for piece in line):
            break
        if len(_cells(line, size)) == 1 and signature_names(" ".join(p[2] for p in line)):
            break
        if any(detail_key(" ".join(p[2] for p in cell)) for cell in _cells(line, size)):
            return None
        pitch = step if pitch is None else min(pitch, step or pitch)
        body.append(line)
    return (body, pitch) if body else None


def _column(piece: Placed, xs: list[float]) -> int:
    """The column a piece stands in (the last whose left edge it is right of)."""
    return (
        max(c for c, x in enumerate(xs) if piece[0] >= x - _SLACK)
        if piece[0] >= xs[0] - _SLACK
        else -1
    )


def _within(piece: Placed, xs: list[float]) -> bool:
    """Whether a piece stands within one column: from its left edge (or right of the start
    of a line in it) and ending before the next column."""
    column = _column(piece, xs)
    end = piece[3]
    return column >= 0 and end is not None and (column == len(xs) - 1 or end < xs[column + 1])


def _grid(
    header: list[Placed] | None,
    body: list[list[Placed]],
    xs: list[float],
    pitch: float,
    size: float,
) -> Grid:
    """The borders of a table (its header row, if any, a row of its own): a row ends
    where more space than the lines' follows — without any such space, where a card ends
    in one column and no column's text goes on (:func:`_row_ends`); a column's right
    edge where its longest line ends, or near the next column's text."""
    top = header[0][1] if header else body[0][0][1]
    ys = [top + _NEAR] + ([(top + body[0][0][1]) / 2] if header else [])
    for above, below in pairwise(body):
        if above[0][1] - below[0][1] > _ROW_GAP * pitch:
            ys.append((above[0][1] + below[0][1]) / 2)
    edges = _edges(header, body, xs, size)
    if len(ys) == 1 + bool(header):  # no space between rows: where cards end
        ys += _row_ends(body, xs, [right for _, right in edges])
    ys.append(body[-1][0][1] - _NEAR)
    return ys, [x - _SLACK for x in xs] + [_FAR], edges


def _row_ends(body: list[list[Placed]], xs: list[float], rights: list[float]) -> list[float]:
    """Between which lines of a table without space between its rows a row ends: where
    in a column the next line's first word would have fitted after the line (its card
    ended) and in no column the line goes on (a line ending in "-" or ",", the next
    starting in lower case): a row ends in all columns at once."""
    ends: list[float] = []
    for above, below in pairwise(body):
        ended = goes_on = False
        for column, right in enumerate(rights):
            over = [p for p in above if _column(p, xs) == column]
            under = [p for p in below if _column(p, xs) == column]
            if not over or not under:
                continue
            goes_on |= over[-1][2].endswith(("-", ",")) or under[0][2][:1].islower()
            word, end = under[0][5], over[-1][3]
            ended |= word is not None and end is not None and word < right - end - _NEAR
        if ended and not goes_on:
            ends.append((above[0][1] + below[0][1]) / 2)
    return ends


def _edges(
    header: list[Placed] | None, body: list[list[Placed]], xs: list[float], size: float
) -> list[tuple[float, float]]:
    """Where each column's text begins and ends (see :func:`_grid`)."""
    ends = [
        max((p[3] or 0.0) for line in [header or [], *body] for p in line if _column(p, xs) == c)
        for c in range(len(xs))
    ]
    # a column's text reaches its longest line at least, and the next column's text less
    # the cells' padding (Word's 2 × 0.19 cm, LibreOffice's 2 × 0.1 cm)
    rights = [max(end, nxt - _PADDING * size) for end, nxt in zip(ends, xs[1:], strict=False)]
    rights.append(max(ends[-1], _last_right(xs, size)))
    return list(zip(xs, rights, strict=True))


def _last_right(xs: list[float], size: float) -> float:
    """Where the last column's text may reach: in a table of columns equally wide (Word's
    and LibreOffice's table as inserted) as far as the others', else nowhere beyond its
    own text (0: its longest line). Measured at its longest line only, a card in it
    whose one line is about as long seemed full: the next card went on in it."""
    steps = [b - a for a, b in pairwise(xs)]
    if max(steps) - min(steps) > 2 * _SLACK:
        return 0.0
    return xs[-1] + sum(steps) / len(steps) - _PADDING * size
