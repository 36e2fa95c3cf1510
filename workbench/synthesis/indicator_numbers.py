"""Numbers in an indicator file as statistics offices write them.

German and English decimal marks, thousands separators, footnote marks after a value and
the signs a statistics office writes instead of a value (Zeichenerklärung).
"""

from __future__ import annotations

import math
import re
from typing import Any

# A number written with thousands separators only: ``1.234``, ``17.763``, ``1,234,567``.
# With one group it reads two ways (1234 or 1.234); the file's other values decide.
GROUPED = re.compile(r"[+-]?[1-9][0-9]{0,2}([.,])[0-9]{3}(?:\1[0-9]{3})*")
# footnote marks after a value: "12,3¹", "12,3*", "12,3 a)", "12,3 (b)", "12,3 2)"
FOOTNOTE = re.compile(r"(?:[\s\u00b9\u00b2\u00b3\u2070-\u207e*]|[a-z]\)|\([a-z]\)|\s\d\))+$")
# What statistics offices write instead of a value (Zeichenerklärung): nothing there,
# unknown or secret, not sensible, not reliable, not yet available, no answer.
MISSING = {"-", "–", "—", "−", ".", "x", "/", "…", "...", "k.a.", "k. a.", "n.v.", "n. v."}


def parse_number(cell: Any, decimal: str | None = None) -> float:
    """A number from a cell: ``13.9``, German ``13,9``, ``17.763,5`` or English ``17,763.5``.

    ``decimal`` is the decimal mark of the file ("," or "."): it settles a number with
    thousands separators only (``17.763`` is 17763 in a German file).

    >>> parse_number("13,9"), parse_number("17.763,5"), parse_number(" 10.9 ")
    (13.9, 17763.5, 10.9)
    >>> parse_number("17,763.5"), parse_number("17.763", ","), parse_number("1.234.567")
    (17763.5, 17763.0, 1234567.0)
    """
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, int | float):
        number = float(cell)
    else:
        text = re.sub(r"[\s\u00a0\u202f]", "", str(cell or "")).replace("\u2212", "-")
        if "," in text and "." in text:  # the later mark is the decimal mark
            mark = "," if text.rfind(",") > text.rfind(".") else "."
        elif "," in text:
            thousands = text.count(",") > 1 or (decimal == "." and GROUPED.fullmatch(text))
            mark = "." if thousands else ","
        else:
            thousands = text.count(".") > 1 or (decimal == "," and GROUPED.fullmatch(text))
            mark = "," if thousands else "."
        group = "." if mark == "," else ","
        whole = text.split(mark)[0]
        if (group in whole and not GROUPED.fullmatch(whole)) or text.count(mark) > 1:
            raise ValueError(cell)
        number = float(text.replace(group, "").replace(mark, "."))
    if not math.isfinite(number):
        raise ValueError(cell)
    return number


def decimal_mark(cells: list[Any]) -> str | None:
    """The decimal mark the text cells of a column use ("," or "."), None if they don't say.

    >>> decimal_mark(["13,9", "17.763"]), decimal_mark(["13.9", "1,234"]), decimal_mark(["17.763"])
    (',', '.', None)
    """
    marks = set()
    for cell in cells:
        if not isinstance(cell, str):
            continue
        text = re.sub(r"[\s\u00a0\u202f]", "", cell)
        if not re.search(r"[0-9][.,][0-9]", text):
            continue
        if (match := GROUPED.fullmatch(text)) and text.count(match.group(1)) == 1:
            continue  # 1.234 or 1,234: says nothing by itself
        if "," in text and "." in text:
            marks.add("," if text.rfind(",") > text.rfind(".") else ".")
        elif "," in text:
            marks.add("." if text.count(",") > 1 else ",")
        else:
            marks.add("," if text.count(".") > 1 else ".")
    return marks.pop() if len(marks) == 1 else None


def value_text(cell: Any) -> Any:
    """A value cell without footnote marks ("12,3¹", "12,3*") and surrounding space."""
    if not isinstance(cell, str):
        return cell
    return FOOTNOTE.sub("", cell.strip()).replace("\u2212", "-")  # "−0,8": a minus sign
