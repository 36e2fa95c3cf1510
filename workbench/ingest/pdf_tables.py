"""Tables drawn with ruling lines in a PDF protocol (a card query typed into Word as a
table and saved as PDF): their cells, found by the lines' and the text's positions.

The text layer keeps no cells: read line by line, the wrapped lines of a row's cells run
together ("Lange Wartelisten in Sportverein mit Halle Mehr Plätze in der U3- den Kitas").
A grid of ruling lines (strokes or thin filled rectangles, as Word and LibreOffice draw
cell borders) with at least two columns and two rows, whose first row are short headers,
is a table: each cell's text is its wrapped lines in order. In the page's text the
table's lines give way to one mark line (:data:`MARK` and the table's number), read as
the DOCX reader reads a table (:func:`add_table`): without a guiding question above it,
the column headers are the guiding questions, as in Word protocols. A table without
ruling lines is read the same way from the columns its text stands in
(:mod:`workbench.ingest.pdf_borderless`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from workbench.core.domain import InputError, ParsedSegment
from workbench.ingest.card_columns import holds_cards
from workbench.ingest.common import add_statement
from workbench.ingest.paragraphs import OPENS
from workbench.ingest.pdf_borderless import Grid, borderless_grids
from workbench.ingest.personal_columns import header_key, is_contact_column, is_person_column
from workbench.ingest.protocol_meta import (
    ROW_LABEL_HEADERS,
    ROW_QUESTION_HEADERS,
    add_detail,
    detail_key,
    split_names,
)

if TYPE_CHECKING:
    from pypdf import PageObject

# A piece of text: x, y, its text, where it ends and where " " and its first word would
# end after a line (None where its font cannot be measured)
Piece = tuple[float, float, str, "float | None", "float | None"]
# A cell's room left after its last line and the width of " " and its first word
Fit = tuple["float | None", "float | None"]
MARK = "\ue000"  # a line of its own where a table stood: MARK and the table's number
_NEAR = 2.0  # points: lines this close are one (a border drawn twice, a joint)
_THIN = 3.0  # points: a filled rectangle this thin is a ruling line (Word's borders)
_MANY = 3000  # path pieces kept at most (a drawing, a chart: many thousands)
_MANY_LINES = 600  # more lines than this once joined: a drawing, not a table's borders
_HEADER_WORDS = 12  # a column header is short
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")
_LABEL_END = re.compile(r"[.!…;]$")


@dataclass(frozen=True)
class PdfTable:
    """A table on a page: its cells' lines row by row (the first row the header), its
    columns' borders, the text above and below it on the page and whether it goes on
    from the table at the end of the page before (without the header repeated)."""

    rows: tuple[tuple[tuple[str, ...], ...], ...]
    fits: tuple[tuple[Fit, ...], ...] = ()  # for each cell: see :func:`_lines`
    columns: tuple[float, ...] = ()
    above: tuple[str, ...] = ()
    below: tuple[str, ...] = ()
    goes_on: bool = False
    headless: bool = False  # without ruling lines nor a header: rows going on, or no table

    def headed(self) -> bool:
        """Whether the table has rows below a header of short column headers (two at
        least), or goes on from the page before: a card query, not a frame nor a grid of
        the protocol's details ("Datum: | 12.03.2021", "Sozialraum: | Opladen")."""
        headers = [" ".join(cell) for cell in self.rows[0] if cell]
        short = all(
            len(h.split()) <= _HEADER_WORDS and not _SENTENCE_END.search(h.rstrip("?:"))
            for h in headers
        )
        details = sum(
            detail_key(" ".join(row[0]).rstrip(":") + ":") is not None for row in self.rows
        )
        card = len(self.rows) >= 2 and len(headers) >= 2 and short and details < 2
        return self.goes_on or (card and not self.headless)

    def lines(self) -> list[str]:
        """The lines of the cells on its page (a header from the page before not)."""
        return [line for row in self.rows[self.goes_on :] for cell in row for line in cell]

    def keys(self) -> set[str]:
        """The cells' lines without white space (to find them in the page's text)."""
        return {_key(line) for line in self.lines()}

    def letters(self) -> int:
        """How many characters (no white space) the table's cells hold on its page."""
        return sum(len(_key(line)) for line in self.lines())


def _key(text: str) -> str:
    """A text without its white space (layout and drawing order space words apart
    differently)."""
    return "".join(text.split())


class PageReading:
    """What a page draws besides its text in reading order, collected by the visitors of
    pypdf's ``extract_text`` (:meth:`visit_text`, :meth:`visit_operator`): the pieces of
    text where they stand and the ruling lines; :meth:`tables` are its tables."""

    def __init__(self) -> None:
        self.pieces: list[tuple[float, float, str, object, float]] = []
        self.across: list[tuple[float, float, float]] = []  # (y, x0, x1)
        self.down: list[tuple[float, float, float]] = []  # (x, y0, y1)
        self.path: list[tuple[str, list[float], list[float]]] = []
        self.footnotes = 0  # footnotes left out of the page's text (pdf_footnotes)

    def visit_text(
        self, text: str, cm: list[float], tm: list[float], font: object, size: float
    ) -> None:
        """Keep a piece of upright text with its place, font and scale."""
        if text.strip() and abs(tm[1]) < 1e-6 and abs(tm[2]) < 1e-6:
            x, y = _point(cm, tm[4], tm[5])
            self.pieces.append((x, y, text.strip(), font, size * tm[0] * cm[0] / 1000))

    def visit_operator(self, operator: bytes, args: list, cm: list[float], tm: object) -> None:
        """Keep the horizontal and vertical lines a painted path draws."""
        if operator in (b"re", b"m", b"l"):
            with suppress(TypeError, ValueError):  # a broken operand: no line
                self.path.append((operator.decode(), [float(a) for a in args], list(cm)))
        elif operator in (b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"n"):
            if operator != b"n" and len(self.across) + len(self.down) < _MANY:
                _rulings(self.path, operator in (b"f", b"F", b"f*"), self.across, self.down)
            self.path.clear()

    def tables(self, before: Sequence[float] | None = None) -> list[PdfTable]:
        """The grids of ruling lines with text in them and the tables without lines
        (:func:`~workbench.ingest.pdf_borderless.borderless_grids`; ``before``: the
        columns of the last table on the page before) beside them, top to bottom (tables
        if :meth:`PdfTable.headed`)."""
        across, down = _merged(self.across), _merged(self.down)
        if len(across) + len(down) > _MANY_LINES:  # a drawing (a chart, a map): no table
            return []
        grids: list[tuple[Grid, bool]] = [((ys, xs, []), False) for ys, xs in _grids(across, down)]
        fonts: dict[int, object] = {}
        pieces: list[Piece] = []
        for x, y, text, font, scale in self.pieces:
            wide, word = _width(fonts, font, text), _width(fonts, font, " " + text.split()[0])
            end = None if wide is None else x + scale * wide
            pieces.append((x, y, text, end, None if word is None else scale * word))
        free = [  # the pieces outside the ruled tables, with their place in the drawing
            (x, y, text, end, drawn, word)
            for drawn, (x, y, text, end, word) in enumerate(pieces)
            if not any(xs[0] <= x <= xs[-1] and ys[-1] <= y <= ys[0] for (ys, xs, _), _ in grids)
        ]
        grids += borderless_grids(free, _body_size(self.pieces), before)
        grids.sort(key=lambda grid: -grid[0][0][0])
        tables = [_table(grid, pieces, headless) for grid, headless in grids]
        return [table for table in tables if table is not None]


def _body_size(pieces: list[tuple[float, float, str, object, float]]) -> float:
    """The font size (points) most of a page's letters are drawn in."""
    letters: Counter[float] = Counter()
    for *_, text, _, scale in pieces:
        letters[round(1000 * scale, 1)] += len(text)
    return letters.most_common(1)[0][0] if letters else 10.0


def page_tables(page: PageObject) -> list[PdfTable]:
    """The tables of a page (:meth:`PageReading.tables`)."""
    reading = PageReading()
    try:
        page.extract_text(
            visitor_text=reading.visit_text, visitor_operand_before=reading.visit_operator
        )
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, ZeroDivisionError):
        return []
    return reading.tables()


def _merged(lines: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Lines on one line that touch as one (Word draws a border cell by cell)."""
    out: list[tuple[float, float, float]] = []
    for at, low, high in sorted(lines, key=lambda line: (round(line[0] / _NEAR), line[1])):
        if out and abs(out[-1][0] - at) <= _NEAR and low <= out[-1][2] + _NEAR:
            out[-1] = (out[-1][0], out[-1][1], max(out[-1][2], high))
        else:
            out.append((at, low, high))
    return out


def _width(fonts: dict[int, object], font: object, text: str) -> float | None:
    """A text's width in the font's units (thousandths of its size), None if unknown."""
    if id(font) not in fonts:
        try:
            from pypdf.generic._font import Font  # the widths pypdf's layout reading uses

            measured = Font.from_font_resource(font)
            widths = measured.character_widths
            codes = {  # a subset font's widths are by its codes: the code of each letter
                letter: code
                for code, letter in measured.character_map.items()
                if isinstance(letter, str) and isinstance(code, str) and code in widths
            }
            fonts[id(font)] = (widths, codes)
        except Exception:  # a font pypdf cannot measure (any fault of its): no widths
            fonts[id(font)] = None
    known = fonts[id(font)]
    if not isinstance(known, tuple):
        return None
    widths, codes = known
    default = widths.get("default", 500)
    return sum(widths.get(codes.get(c, c), default) for c in text)


def _point(cm: Sequence[float], x: float, y: float) -> tuple[float, float]:
    """A point in user space drawn at ``(x, y)`` under the matrix ``cm``."""
    return cm[0] * x + cm[2] * y + cm[4], cm[1] * x + cm[3] * y + cm[5]


def _rulings(
    path: list[tuple[str, list[float], list[float]]],
    filled: bool,
    across: list[tuple[float, float, float]],
    down: list[tuple[float, float, float]],
) -> None:
    """The horizontal and vertical lines a painted path draws: stroked segments and
    rectangles, filled rectangles only where thin (a border)."""
    segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
    start: tuple[float, float] | None = None
    for operator, args, cm in path:
        if operator == "re" and len(args) == 4:
            x, y, w, h = args
            corners = [_point(cm, x, y), _point(cm, x + w, y), _point(cm, x + w, y + h)]
            corners.append(_point(cm, x, y + h))
            (x0, y0), (x1, y1) = corners[0], corners[2]
            thin = abs(x1 - x0) <= _THIN or abs(y1 - y0) <= _THIN
            if thin:  # a border drawn as a rectangle: its middle line
                mid = ((x0 + x1) / 2, (y0 + y1) / 2)
                if abs(x1 - x0) <= _THIN:
                    segments.append(((mid[0], y0), (mid[0], y1)))
                else:
                    segments.append(((x0, mid[1]), (x1, mid[1])))
            elif not filled:  # a stroked frame: its four sides
                segments += list(zip(corners, corners[1:] + corners[:1], strict=True))
        elif operator == "m" and len(args) == 2:
            start = _point(cm, *args)
        elif operator == "l" and len(args) == 2 and start is not None:
            end = _point(cm, *args)
            if not filled:
                segments.append((start, end))
            start = end
    for (x0, y0), (x1, y1) in segments:
        if abs(y1 - y0) <= 1 and abs(x1 - x0) >= 2 * _NEAR:
            across.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= 1 and abs(y1 - y0) >= 2 * _NEAR:
            down.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _grids(
    across: list[tuple[float, float, float]], down: list[tuple[float, float, float]]
) -> list[tuple[list[float], list[float]]]:
    """The grids the lines form (lines that touch belong together): each as its rows'
    borders from the top and its columns' borders from the left, two columns at least."""
    lines = [("-", *line) for line in across] + [("|", *line) for line in down]
    group = list(range(len(lines)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, (kind, at, low, high) in enumerate(lines):
        for j in range(i + 1, len(lines)):
            other, at2, low2, high2 = lines[j]
            crossing = low - _NEAR <= at2 <= high + _NEAR and low2 - _NEAR <= at <= high2 + _NEAR
            if kind != other and crossing:
                group[root(i)] = root(j)
    found: dict[int, tuple[list[float], list[float]]] = {}
    for i, (kind, at, _, _) in enumerate(lines):
        ys, xs = found.setdefault(root(i), ([], []))
        (ys if kind == "-" else xs).append(at)
    grids = [(_distinct(ys, reverse=True), _distinct(xs)) for ys, xs in found.values()]
    grids = [(ys, xs) for ys, xs in grids if len(ys) >= 2 and len(xs) >= 3]
    return sorted(grids, key=lambda grid: -grid[0][0])


def _distinct(values: list[float], reverse: bool = False) -> list[float]:
    """The values in order, those within :data:`_NEAR` of the one before left out."""
    out: list[float] = []
    for value in sorted(values, reverse=reverse):
        if not out or abs(value - out[-1]) > _NEAR:
            out.append(value)
    return out


def _table(grid: Grid, pieces: list[Piece], headless: bool = False) -> PdfTable | None:
    """The table of a grid: the text in each cell, line by line; None without text. A
    table without lines gives where each column's text begins and ends (else its cells'
    borders); ``headless``: its first row is no header (rows going on from a page before)."""
    ys, xs, edges = grid
    cells: dict[tuple[int, int], list[Piece]] = {}
    above = tuple(piece[2] for piece in pieces if piece[1] > ys[0])
    below = tuple(piece[2] for piece in pieces if piece[1] < ys[-1])
    for piece in pieces:
        x, y = piece[:2]
        row = next((r for r in range(len(ys) - 1) if ys[r + 1] < y + 1 <= ys[r]), None)
        column = next((c for c in range(len(xs) - 1) if xs[c] <= x + 1 < xs[c + 1]), None)
        if row is not None and column is not None:
            cells.setdefault((row, column), []).append(piece)
    read = [
        [
            _lines(cells.get((r, c), []), *(edges[c] if edges else (xs[c], xs[c + 1])))
            for c in range(len(xs) - 1)
        ]
        for r in range(len(ys) - 1)
    ]
    read = [row for row in read if any(lines for lines, _ in row)]
    rows = tuple(tuple(lines for lines, _ in row) for row in read)
    fits = tuple(tuple(fit for _, fit in row) for row in read)
    return PdfTable(rows, fits, tuple(xs), above, below, headless=headless) if rows else None


def going_on(previous: PdfTable, table: PdfTable, furniture: Callable[[str], bool]) -> PdfTable:
    """``table``, the first on its page, under the header of ``previous``, the last on the
    page before, where it goes on from there: the same columns, only page furniture
    (``furniture``: a page number, a letterhead) between them, its first row no repeated
    header (Word's "Überschrift wiederholen": then it is a table of its own)."""
    same = len(previous.columns) == len(table.columns) and all(
        abs(a - b) <= _NEAR for a, b in zip(previous.columns, table.columns, strict=True)
    )
    between = [*previous.below, *table.above]
    if not same or table.rows[0] == previous.rows[0] or not all(map(furniture, between)):
        return table
    table = _below_furniture(table, furniture)
    fits = (previous.fits[0], *table.fits)
    return PdfTable((previous.rows[0], *table.rows), fits, table.columns, goes_on=True)


def _below_furniture(table: PdfTable, furniture: Callable[[str], bool]) -> PdfTable:
    """A table going on at a page's top without the page's running header read as the
    first lines of its first column (a header set at the margin where a table without
    lines has its text): a row of its own or the first lines of the first cell."""
    cell = table.rows[0][0]
    count = 0  # the furniture's lines (and a paragraph's end after them)
    while count < len(cell) and (furniture(cell[count]) or (count and not cell[count])):
        count += 1
    alone = count == len(cell) and not any(table.rows[0][1:])
    if not count or (alone and len(table.rows) < 2):
        return table
    if alone:  # a row of its own
        return replace(table, rows=table.rows[1:], fits=table.fits[1:])
    first = (cell[count:], *table.rows[0][1:])
    return replace(table, rows=(first, *table.rows[1:]))


def joined(table: PdfTable, part: PdfTable) -> PdfTable:
    """``table`` with the rows of ``part`` (going on from it on the next page, see
    :func:`going_on`) after its own; a row broken at the page break (the first words on
    the next page would not have fitted after its lines) is one row."""
    rows, fits = list(table.rows), list(table.fits)
    body, more = list(part.rows[1:]), list(part.fits[1:])
    if body and _broken(fits[-1], rows[-1], more[0], body[0]):
        rows[-1] = tuple(a + b for a, b in zip(rows[-1], body.pop(0), strict=True))
        after = more.pop(0)
        fits[-1] = tuple(
            (
                late[0] if late[0] is not None else early[0],
                early[1] if early[1] is not None else late[1],
            )
            for early, late in zip(fits[-1], after, strict=True)
        )
    return replace(table, rows=(*rows, *body), fits=(*fits, *more), below=part.below)


def _broken(
    fits: tuple[Fit, ...],
    cells: tuple[tuple[str, ...], ...],
    next_fits: tuple[Fit, ...],
    next_cells: tuple[tuple[str, ...], ...],
) -> bool:
    """Whether a row goes on in the next: in each column with text in both, its first
    word would not have fitted after the line before (and there is such a column)."""
    pairs = [
        (fit[0], then[1])
        for fit, then, cell, following in zip(fits, next_fits, cells, next_cells, strict=True)
        if cell and following and fit[0] is not None and then[1] is not None
    ]
    return bool(pairs) and all(word >= room for room, word in pairs)


def _lines(pieces: list[Piece], left: float, right: float) -> tuple[tuple[str, ...], Fit]:
    """A cell's lines from top to bottom (pieces on one baseline are one line), with an
    empty line where a paragraph ends: where the next line's first word would have fitted
    at the end of the line (a line wrapped by the word processor is full); and its
    :data:`Fit` (to tell a row broken at a page break)."""
    rows: list[tuple[float, list[Piece]]] = []
    for piece in sorted(pieces, key=lambda p: (-p[1], p[0])):
        if rows and abs(rows[-1][0] - piece[1]) <= _NEAR:
            rows[-1][1].append(piece)
        else:
            rows.append((piece[1], [piece]))
    lines: list[str] = []
    room = None  # the room left at the end of the line before, if known
    word = None  # the width of " " and the first line's first word
    for _, parts in rows:
        parts.sort()
        text = " ".join(p[2] for p in parts)
        start, end = parts[0], parts[-1]
        if lines and room is not None and start[4] is not None and start[4] < room:
            lines.append("")  # its first word would have fitted: a paragraph ended
        word = start[4] if not lines else word
        margin = start[0] - left  # the cell's padding, the same on the right
        room = None if end[3] is None else right - margin - end[3] - _NEAR
        lines.append(text)
    return tuple(lines), (room, word)


def mark_tables(text: str, tables: list[PdfTable], first: int, name: str, page: int) -> str:
    """A page's text with the lines of each table replaced by a mark line (``MARK``
    and its number, counted from ``first``); a table whose lines the text does not give
    together stops with a message to import the DOCX."""
    lines = text.split("\n")
    for number, table in enumerate(tables, start=first):
        keys = table.keys()
        longest = max(map(len, keys))
        ours = [_made_of(_key(line), keys, longest) for line in lines]
        sizes = [  # a blank line (space between a table's rows) is no other text
            len(_key(line)) if mine else -int(bool(line.strip()))
            for line, mine in zip(lines, ours, strict=True)
        ]
        found = _window(sizes, table.letters())
        if found is None:
            raise InputError(
                "Auf der Seite steht eine Tabelle, deren Zellen der PDF-Import nicht "
                "auseinanderhalten kann. Bitte das Protokoll als .docx oder .odt importieren "
                "(die Tabelle bleibt dort eine Tabelle).",
                file=name,
                row=page,
                unit="Seite",
            )
        start, end = found
        lines[start:end] = ["", f"{MARK}{number}", ""]
    return "\n".join(lines)


def _window(sizes: list[int], total: int) -> tuple[int, int] | None:
    """The first run of lines (``sizes``: letters, 0 for a blank line, -1 for a line of
    other text) that holds exactly ``total`` letters, beginning and ending with text (a
    short line above made of the same words, "Opladen" under a title, is not the
    table's)."""
    for start, size in enumerate(sizes):
        count = 0
        for end in range(start, len(sizes)):
            if sizes[end] < 0 or size <= 0:
                break
            count += sizes[end]
            if count == total and sizes[end] > 0:
                return start, end + 1
            if count > total:
                break
    return None


def _made_of(key: str, keys: set[str], longest: int) -> bool:
    """Whether a line (without white space) is made of table lines side by side."""
    if not key:
        return False
    ends = [True] + [False] * len(key)
    for end in range(1, len(key) + 1):
        ends[end] = any(
            ends[start] and key[start:end] in keys for start in range(max(0, end - longest), end)
        )
    return ends[-1]


def table_number(paragraph: str) -> int | None:
    """The number of the table whose mark a paragraph is, else None."""
    if paragraph.startswith(MARK) and paragraph[1:].isdigit():
        return int(paragraph[1:])
    return None


def add_table(
    table: PdfTable,
    segments: list[ParsedSegment],
    fields: dict,
    question: str | None,
    row: int,
    unwrap: Callable[[str], str],
) -> None:
    """A table's cells as statements, as in a Word protocol: under a guiding question
    (``question``) each with its column (``Spalte``); without one, the column header
    is the question (a first column "Leitfrage" gives its row's, one headed "Thema",
    "Bereich" … labels the rows). A table of participants gives names, no statements.
    Wrapped lines of a cell are one statement, a list item in a cell one of its own."""
    header = [unwrap("\n".join(cell)) for cell in table.rows[0]]
    body = [[unwrap("\n".join(cell)) for cell in row] for row in table.rows[1:]]
    if any(is_person_column(h) or is_contact_column(h) for h in header if h):
        for cells in body:
            for head, cell in zip(header, cells, strict=True):
                if cell and is_person_column(head):
                    add_detail(fields, "names", split_names(cell))
        return
    by_column = question is None
    labelled = len(header) >= 2 and all(
        len(cells[0].split()) <= 4 and not _LABEL_END.search(cells[0]) for cells in body
    )
    labels = labelled and (not by_column or header_key(header[0]) in ROW_LABEL_HEADERS)
    labels &= not holds_cards(header[0])  # "Herausforderungen": a column of cards
    for cells, lines in zip(body, table.rows[1:], strict=True):
        asked = None
        for column, (head, cell) in enumerate(zip(header, cells, strict=True)):
            if not cell:
                continue
            if by_column and header_key(head) in ROW_QUESTION_HEADERS:
                asked = cell  # "Leitfrage": the question of its row
                continue
            if labels and column == 0:  # a row's label, no statement
                continue
            attributes = {"Spalte": head} if head and not by_column else {}
            if labels and cells[0]:
                attributes["Zeile"] = cells[0]
            for statement in _statements(lines[column], unwrap):
                said = question if not by_column else (asked or head or None)
                add_statement(segments, statement, said, row, None, attributes)


def _statements(lines: tuple[str, ...], unwrap: Callable[[str], str]) -> list[str]:
    """A cell's statements: its wrapped lines as one; a list item ("- ", "• ") and a line
    after a sentence's end start another."""
    items: list[list[str]] = []
    for line in lines:
        ended = bool(items and items[-1] and _SENTENCE_END.search(items[-1][-1]))
        if not items or not line or OPENS.match(line) or ended:
            items.append([])
        if line:
            items[-1].append(line)
    found = [OPENS.sub("", unwrap("\n".join(item)), count=1).strip() for item in items if item]
    return [statement for statement in found if statement]
