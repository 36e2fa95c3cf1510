"""Text drawn twice on a PDF page for a bold it fakes, drawn once again.

A print driver, or Word on a font without a bold face, fakes bold by drawing the text a
second time a fraction of a point to the right: the same string twice ("Treffpunkt
fehlt?" + "Treffpunkt fehlt?" offset by 0.3 pt) or each glyph twice (``[(T) 470 (T) (r)
470 (r) …] TJ``: back by nearly the glyph's width, the glyph again). The text layer then
reads "Treffpunkt fehlt?Treffpunkt fehlt?" or "TTrreeffppuunnkktt".
:func:`drawn_once` takes the second drawing out of a page's content before its text is
read: a string shown again where the one before it started (within a point, the text
position set anew between them: shown right after it, it stands beside it), with no other
text between them, also across text objects; and in an array of glyphs a glyph shown
again after a step back of at least a fifth of the font size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pypdf import PageObject
    from pypdf.generic import ContentStream

_NEAR = 1.0  # points: a second drawing this close to the first is the same text again
_BACK = 200  # thousandths of the font size: a step back this long in a glyph array
_SHOW = (b"Tj", b"TJ", b"'", b'"')
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def drawn_once(page: PageObject) -> None:
    """Take text drawn a second time for a fake bold out of the page's content (in memory,
    for reading its text); a page without such text stays as it is."""
    from pypdf.generic import ArrayObject, ContentStream

    contents = page.get_contents()
    if not isinstance(contents, ContentStream):
        return
    operations = contents.operations
    kept: list = []
    changed = False
    x = y = 0.0  # where the current line starts, in points of the text space
    scale, leading = (1.0, 1.0), 0.0
    ctm, saved = _IDENTITY, []  # the page's transformation (a table's cell moved by "cm")
    last: tuple[float, float, object] | None = None  # the text shown last, and where
    moved = False  # whether the text position was set since: "(ja ) Tj (ja ) Tj" is "ja ja"
    for operands, operator in operations:
        if operator == b"q":
            saved.append(ctm)
        elif operator == b"Q" and saved:
            ctm = saved.pop()
        elif operator == b"cm" and len(operands) == 6:
            ctm = times([float(o) for o in operands], ctm)
        elif operator == b"BT":
            x = y = 0.0
            scale = (1.0, 1.0)
        elif operator == b"Tm" and len(operands) == 6:
            scale = (float(operands[0]) or 1.0, float(operands[3]) or 1.0)
            x, y = float(operands[4]), float(operands[5])
        elif operator in (b"Td", b"TD") and len(operands) == 2:
            x += float(operands[0]) * scale[0]
            y += float(operands[1]) * scale[1]
            if operator == b"TD":
                leading = -float(operands[1])
        elif operator == b"TL" and operands:
            leading = float(operands[0])
        elif operator in (b"T*", b"'", b'"'):
            y -= leading * scale[1]
        moved = moved or operator in (b"Tm", b"Td", b"TD", b"T*", b"'", b'"')
        if operator in _SHOW and operands:
            shown = operands[-1]
            if operator == b"TJ" and isinstance(shown, list):
                glyphs = _glyphs_once(shown)
                if len(glyphs) < len(shown):
                    operands = [ArrayObject(glyphs)]
                    changed = True
            at = (ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5])
            key = (*at, _bytes(shown) if not isinstance(shown, list) else repr(shown))
            if last is not None and moved and _again(last, key):
                changed = True
                continue
            last, moved = key, False
        kept.append((operands, operator))
    if changed:
        replace_contents(page, contents, kept)


def replace_contents(page: PageObject, contents: ContentStream, operations: list) -> None:
    """Give the page (in memory, for reading its text; the file stays unchanged) the
    operations as its content, each string as the bytes the page had (its glyph codes):
    pypdf's reading takes a string it parsed as text for letters already decoded, and a
    subset font's codes ("\\x01\\x02") would read as gibberish."""
    from pypdf.generic import NameObject

    contents.operations = [([_raw(o) for o in operands], op) for operands, op in operations]
    page[NameObject("/Contents")] = contents


def _raw(operand: object) -> object:
    """An operand with its strings as the bytes the page has (in arrays too)."""
    from pypdf.generic import ArrayObject, ByteStringObject, TextStringObject

    if isinstance(operand, TextStringObject):
        return ByteStringObject(operand.original_bytes)
    if isinstance(operand, list):
        return ArrayObject([_raw(item) for item in operand])
    return operand


def times(m: list[float], n: tuple[float, ...]) -> tuple[float, ...]:
    """The transformation ``m`` then ``n`` (a "cm" on the page's transformation ``n``)."""
    return (
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    )


def _again(before: tuple[float, float, object], now: tuple[float, float, object]) -> bool:
    """Whether a string is the one shown before it, again where that one started."""
    return (
        before[2] is not None
        and before[2] == now[2]
        and abs(before[0] - now[0]) <= _NEAR
        and abs(before[1] - now[1]) <= _NEAR / 2
    )


def _glyphs_once(array: list) -> list:
    """A glyph array (``TJ``) without the glyphs shown again right after a step back:
    ``(T) 470 (T)`` is one "T"."""
    out: list = []
    index = 0
    while index < len(array):
        item = array[index]
        glyph = _bytes(item)
        again = index + 2 < len(array) and glyph is not None and len(glyph) <= 2
        if again and _number(array[index + 1]) >= _BACK and _bytes(array[index + 2]) == glyph:
            out.append(item)
            index += 3
            continue
        out.append(item)
        index += 1
    return out


def _number(item: object) -> float:
    """A number in a glyph array (a step), or 0 for a string."""
    return float(item) if isinstance(item, int | float) else 0.0


def _bytes(item: object) -> bytes | None:
    """The bytes of a string operand as the page has them (its glyphs), else None."""
    if isinstance(item, bytes):
        return bytes(item)
    original = getattr(item, "original_bytes", None)
    return bytes(original) if original is not None else None
