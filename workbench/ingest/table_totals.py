"""A totals row at the end of a table ("Summe", "Gesamt: 3 Karten") is no statement.

Teams count their cards or dots in Excel and leave the sum below the table. Imported as a
row, it became a statement ("Summe", "3 Karten") and, with an empty ID cell, kept the ID
column from being the statements' IDs. A row is a totals row when one of its cells says
so ("Summe", "Gesamt", "Insgesamt", "Total", "Anzahl", with or without a colon or a
number after it) and every other cell is empty, a number or a short count ("3 Karten");
only rows at the end of the table count (below them: nothing but other totals rows or
empty rows), so a statement in the middle is never one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from workbench.ingest.common import cell_text

_TOTAL = re.compile(
    r"(?:summe|gesamtsumme|gesamt|insgesamt|total|anzahl|σ|∑)\s*[:=]?\s*[\d.,]*",
    re.IGNORECASE,
)
_COUNT = re.compile(r"[\d.,]+(?:\s+[^\W\d_]+)?")  # "25", "3 Karten", "1.234,5"


def _is_totals_row(cells: Sequence[Any]) -> bool:
    texts = [cell_text(c) for c in cells if cell_text(c)]
    said = [t for t in texts if _TOTAL.fullmatch(t)]
    return bool(said) and all(t in said or _COUNT.fullmatch(t) for t in texts)


def totals_rows(records: Sequence[tuple[int, Sequence[Any]]]) -> list[int]:
    """The numbers of the totals rows at the end of ``records`` ((row number, cells)).

    >>> totals_rows([(2, ["Bus fehlt", 3]), (3, ["Summe", 3]), (4, [None, None])])
    [3]
    >>> totals_rows([(2, ["Summe", 3]), (3, ["Bus fehlt", 3])])
    []
    """
    found = []
    for number, cells in reversed(records):
        if not any(cell_text(c) for c in cells):
            continue
        if not _is_totals_row(cells):
            break
        found.append(number)
    return sorted(found)
