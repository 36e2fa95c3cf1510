"""Text struck through on a PDF page, read as a mark (:data:`STRUCK`) and left out.

A Word or LibreOffice document with tracked changes, saved as PDF with its changes shown,
draws the deleted words in colour with a line through them (LibreOffice: a stroke about
0.28 of the font size above the baseline, from where the deleted text starts to where it
ends; Word: a thin filled bar there), the inserted words underlined and a change bar in the
margin. The text layer keeps the deleted words as if they were text: a family name taken
out of the protocol would be stored, and words run together where deleted and inserted
text meet. The DOCX and ODT import leave deleted text out; :func:`struck_out` does the same
for a PDF: a piece of text with a horizontal line starting where it starts, at the height
of a strikethrough, is drawn instead as marks of the same width (a font of our own, on the
page in memory; a space before or after them where the struck text had one), so that
the page's lines keep their length (a line whose end was deleted is no short line ending
a paragraph) and the text around it its place;
:func:`without_struck` takes the marks out of the text read, with the space around them.
Text struck through on purpose ("erledigt") is no longer valid either; the import says on
which pages it left struck text out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from workbench.ingest.pdf_overprint import replace_contents, times
from workbench.ingest.protocol_meta import names_listed

if TYPE_CHECKING:
    from pypdf import PageObject

STRUCK = "\ue001"  # what the import reads where text is struck through
_FONT = "/WorkbenchStruck"  # the name of our font among the page's fonts
_GLYPH = 0.5  # our mark's width, in font sizes
_START = 1.0  # points: a line starting this close to where a text starts is its own
_LOW, _HIGH = 0.15, 0.5  # a strikethrough's height over the baseline, in font sizes
_THIN = 1.5  # points: a filled bar this high at most is a line
SHOW = (b"Tj", b"TJ", b"'", b'"')  # the operators that show text
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Workbench-Struck def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfchar <41> <E001> <42> <0020> endbfchar
endcmap CMapName currentdict /CMapType get end end"""
# Marks with the space around them: one space where there was space, none in a word or
# before punctuation, the line break where they stood over one
_MARKS = re.compile(rf"\s*{STRUCK}[{STRUCK}\s]*")
_CLOSING = re.compile(r"[.,;:!?)\]“”…]")


class _Rule(NamedTuple):
    """A horizontal line drawn on the page: from ``left`` to ``right`` at height ``y``."""

    left: float
    right: float
    y: float


class _Shown(NamedTuple):
    """A text shown on the page: its operation's index, where it starts, its font size on
    the page and the font set for it ("Tf": its name and size)."""

    index: int
    x: float
    y: float
    size: float
    font: tuple


def struck_out(page: PageObject) -> str | None:
    """Draw text struck through as marks of its width (in memory, for reading the page's
    text: :data:`STRUCK`); the page's text as it read with the struck text (for
    :func:`struck_names`), None if it has none."""
    from pypdf.generic import ContentStream

    contents = page.get_contents()
    if not isinstance(contents, ContentStream):
        return None
    operations = contents.operations
    try:
        shown, rules = drawn(operations)
    except (ValueError, TypeError, IndexError):  # an operand that is no number: as it is
        return None
    starting: dict[int, list[_Rule]] = {}  # the lines by where they start
    for rule in rules:
        starting.setdefault(round(rule.left), []).append(rule)
    widths, striking = {}, set()
    for text in shown:
        near = (r for at in (-1, 0, 1) for r in starting.get(round(text.x) + at, ()))
        found = [r for r in near if _strikes(r, text)]
        if found:
            widths[text.index] = (text, max(r.right - r.left for r in found))
            striking.update(found)
    if not widths:
        return None
    # the texts further along a line struck (Chrome, a print driver: a glyph or a word at a
    # time): in the marks of its start already
    within = {t.index for t in shown if t.index not in widths and _within(striking, t)}
    read = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=False)
    kept = []
    fonts = page_fonts(page)
    for index, (operands, operator) in enumerate(operations):
        if index in widths:
            text, width = widths[index]
            spaced = _spaced_ends(
                operands, operator, fonts.get(text.font[0]) if text.font else None
            )
            kept += _marks(operands, operator, text, width, spaced)
        elif index in within:
            kept += moves(operands, operator)
        else:
            kept.append((operands, operator))
    _add_font(page)
    replace_contents(page, contents, kept)  # the page read, the file unchanged
    return read


def struck_names(texts: list[str]) -> tuple[str, ...]:
    """The names in lines that list people ("Teilnehmende: …", "Moderation: …") read with
    their struck text: a participant struck from the list is left out of the text but
    stays a name to pseudonymise wherever the protocol mentions them."""
    names: dict[str, None] = {}
    for line in (line for text in texts for line in text.splitlines()):
        names.update(dict.fromkeys(names_listed(" ".join(line.split()))))
    return tuple(names)


def without_struck(text: str) -> str:
    r"""A text without the marks of struck text: one space where space stood around them,
    none inside a word or before punctuation, a line break where they spanned one.

    >>> without_struck("Treffpunkt \ue001\ue001 im Zentrum, Herr \ue001X am Rhein\ue001\n\ue001.")
    'Treffpunkt im Zentrum, Herr X am Rhein.'
    >>> without_struck("öffnet\ue001\ue001 seine Halle\n\ue001\ue001\nam Markt")
    'öffnet seine Halle\nam Markt'
    """
    if STRUCK not in text:
        return text

    def spaced(match: re.Match[str]) -> str:
        before, after = text[: match.start()], text[match.end() :]
        run = match[0]
        if not before.strip() or not after.strip() or _CLOSING.match(after):
            return ""
        if "\n" in run:
            return "\n"
        return " " if run[0].isspace() or run[-1].isspace() else ""

    return _MARKS.sub(spaced, text)


def cell_without_struck(lines: tuple[str, ...]) -> tuple[str, ...]:
    """A table cell's lines without struck text (:func:`without_struck`, each card of the
    cell on its own: its blank lines stay); a line struck through as a whole is none."""
    if not any(STRUCK in line for line in lines):
        return lines
    cards = "\n".join(lines).split("\n\n")
    return tuple("\n\n".join(without_struck(card).strip("\n") for card in cards).split("\n"))


def page_fonts(page: PageObject) -> dict:
    """The page's fonts by their names in its resources."""
    try:
        fonts = page["/Resources"].get_object()["/Font"].get_object()
        return {name: font.get_object() for name, font in fonts.items()}
    except (KeyError, AttributeError, TypeError):
        return {}


def shown_text(operands: list, operator: bytes, font) -> str | None:
    """The text a text-showing operation (``Tj``, ``TJ``, ``'``, ``"``) shows, decoded with
    its font's encoding and ``/ToUnicode`` map as pypdf's text extraction does; None when
    that cannot be read."""
    from pypdf._cmap import get_encoding  # pinned pypdf: its reading of a font's codes
    from pypdf.generic import TextStringObject

    shown = operands[0] if operator == b"TJ" and operands else operands[-1:] or [b""]
    pieces = [
        p for p in (shown if isinstance(shown, list) else [shown]) if isinstance(p, str | bytes)
    ]
    if font is None:
        return None
    try:
        encoding, mapping = get_encoding(font)
        decoded = []
        for piece in pieces:
            data = (
                piece.get_original_bytes() if isinstance(piece, TextStringObject) else bytes(piece)
            )
            if isinstance(encoding, str):
                text = data.decode(encoding, "surrogatepass")
            else:
                text = "".join(encoding.get(code, chr(code)) for code in data)
            decoded.append("".join(str(mapping.get(c, c)) for c in text))
    except Exception:  # a font pypdf cannot read
        return None
    return "".join(decoded)


def _spaced_ends(operands: list, operator: bytes, font) -> tuple[bool, bool]:
    """Whether the text an operation shows starts and ends with a space (LibreOffice draws
    a struck " sehr " between "ist" and "sicher" with its spaces); (False, False) when its
    text cannot be read."""
    text = shown_text(operands, operator, font) or ""
    return text[:1].isspace(), text[-1:].isspace()


def _marks(
    operands: list, operator: bytes, shown: _Shown, width: float, spaced=(False, False)
) -> list:
    """The operations drawing marks in place of a struck text: as wide as its line, in
    our font, the text's font set again after them; a space before and after them where
    the struck text started or ended with one (``spaced``)."""
    from pypdf.generic import ArrayObject, ByteStringObject, FloatObject, NameObject

    lead, trail = (int(end) for end in spaced)
    count = max(1, round(width / (_GLYPH * shown.size)) - lead - trail)
    rest = (width - (lead + count + trail) * _GLYPH * shown.size) / shown.size * 1000
    size = FloatObject(shown.font[1]) if shown.font else FloatObject(1)
    out: list = []
    if operator == b'"' and len(operands) == 3:  # word and character spacing, next line
        out += [([operands[0]], b"Tw"), ([operands[1]], b"Tc")]
    if operator in (b"'", b'"'):
        out.append(([], b"T*"))
    out.append(([NameObject(_FONT), size], b"Tf"))
    glyphs = ArrayObject(
        [ByteStringObject(b"B" * lead + b"A" * count + b"B" * trail), FloatObject(-rest)]
    )
    out.append(([glyphs], b"TJ"))
    if shown.font:
        out.append((list(shown.font), b"Tf"))
    return out


def moves(operands: list, operator: bytes) -> list:
    """The operations of a text shown without its text: the moves to a next line (and the
    spacing ``"`` sets)."""
    out: list = []
    if operator == b'"' and len(operands) == 3:
        out += [([operands[0]], b"Tw"), ([operands[1]], b"Tc")]
    return [*out, ([], b"T*")] if operator in (b"'", b'"') else out


def _within(rules: set[_Rule], shown: _Shown) -> bool:
    """Whether a text starts inside one of the lines striking a text through, at the height
    of a strikethrough."""
    return any(
        rule.left < shown.x <= rule.right - _START
        and _LOW * shown.size <= rule.y - shown.y <= _HIGH * shown.size
        for rule in rules
    )


def _add_font(page: PageObject) -> None:
    """Put our font (one glyph, read as :data:`STRUCK`) among the page's fonts."""
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        StreamObject,
    )

    cmap = StreamObject()
    cmap.set_data(_CMAP)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/FirstChar"): NumberObject(65),
            NameObject("/LastChar"): NumberObject(66),
            NameObject("/Widths"): ArrayObject([NumberObject(int(1000 * _GLYPH))] * 2),
            NameObject("/ToUnicode"): cmap,
        }
    )
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else DictionaryObject()
    fonts = resources.get("/Font")
    fonts = fonts.get_object() if fonts is not None else DictionaryObject()
    fonts[NameObject(_FONT)] = font
    resources[NameObject("/Font")] = fonts
    page[NameObject("/Resources")] = resources


def _strikes(rule: _Rule, shown: _Shown) -> bool:
    """Whether a line strikes a text through: it starts where the text starts, at the
    height of a strikethrough, and is at least a third of a letter long."""
    height = rule.y - shown.y
    return (
        shown.size > 0
        and abs(rule.left - shown.x) <= _START
        and _LOW * shown.size <= height <= _HIGH * shown.size
        and rule.right - rule.left >= 0.3 * shown.size
    )


def drawn(operations: list) -> tuple[list[_Shown], list[_Rule]]:
    """The texts shown and the horizontal lines drawn (stroked, or filled thin bars)."""
    shown: list[_Shown] = []
    rules: list[_Rule] = []
    ctm, saved = _IDENTITY, []
    matrix = line = _IDENTITY  # the text matrix (at a text's start) and the line matrix
    size = leading = 0.0
    font: tuple = ()
    start: tuple[float, float] | None = None  # the current point of a path, on the page
    bars: list[_Rule] = []
    known = False  # whether the text's place is known (not moved on by a text before)
    for index, (operands, operator) in enumerate(operations):
        known = known or operator in (b"BT", b"Tm", b"Td", b"TD", b"T*", b"'", b'"')
        if operator == b"q":
            saved.append(ctm)
        elif operator == b"Q" and saved:
            ctm = saved.pop()
        elif operator == b"cm" and len(operands) == 6:
            ctm = times([float(o) for o in operands], ctm)
        elif operator == b"BT":
            matrix = line = _IDENTITY
        elif operator == b"Tf" and len(operands) == 2:
            font, size = tuple(operands), float(operands[1])
        elif operator == b"TL" and operands:
            leading = float(operands[0])
        elif operator == b"Tm" and len(operands) == 6:
            matrix = line = tuple(float(o) for o in operands)
        elif operator in (b"Td", b"TD") and len(operands) == 2:
            leading = -float(operands[1]) if operator == b"TD" else leading
            matrix = line = times([1, 0, 0, 1, float(operands[0]), float(operands[1])], line)
        elif operator in (b"T*", b"'", b'"'):
            matrix = line = times([1, 0, 0, 1, 0, -leading], line)
        elif operator == b"m" and len(operands) == 2:
            start = _at(ctm, float(operands[0]), float(operands[1]))
        elif operator == b"l" and len(operands) == 2 and start is not None:
            end = _at(ctm, float(operands[0]), float(operands[1]))
            if abs(end[1] - start[1]) <= 0.01 and abs(end[0] - start[0]) > 0:
                rules.append(_Rule(min(end[0], start[0]), max(end[0], start[0]), end[1]))
            start = end
        elif operator == b"re" and len(operands) == 4:
            x, y, w, h = (float(o) for o in operands)
            (x0, y0), (x1, y1) = _at(ctm, x, y), _at(ctm, x + w, y + h)
            if 0 < abs(y1 - y0) <= _THIN and abs(x1 - x0) > 3 * abs(y1 - y0):
                bars.append(_Rule(min(x0, x1), max(x0, x1), (y0 + y1) / 2))
        elif operator in (b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"n", b"S", b"s"):
            rules += bars if operator not in (b"n", b"S", b"s") else []
            bars, start = [], None
        if operator in SHOW and operands:
            on_page = times(list(matrix), ctm)
            scale = (on_page[2] ** 2 + on_page[3] ** 2) ** 0.5 or 1.0
            if known:
                shown.append(_Shown(index, on_page[4], on_page[5], size * scale, font))
            known = False  # moved on by the text's width
    return shown, rules


def _at(ctm: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    """Where a point of user space stands on the page."""
    return (ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5])
