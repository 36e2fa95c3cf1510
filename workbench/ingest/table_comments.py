"""Comments a platform exports in one cell of their contribution's row.

adhocracy+ and meinBerlin (adhocracy4) export a proposal's comments in its row, in a
column "Comments"/"Kommentare": each comment as "date - username", a line break, its text;
replies start with "@reply: "; comments are joined by a line "----". Such a cell is an
attribute of its contribution (pseudonymised like any free text), not statements of its
own: the import says how many comments stayed there and how to get them as statements
(the platform's export of the comments, one comment a row).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from workbench.ingest.common import cell_at

# The head of one comment or reply in such a cell: "2021-03-05T11:00:00+01:00 - anna_s"
_COMMENT_HEAD = re.compile(
    r"^(?:@reply: )?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"(?:[+-]\d{2}:?\d{2}|Z)? - \S[^\n]*\n",
    re.MULTILINE,
)


def comment_count(cell: Any) -> int:
    """How many comments and replies a cell holds in adhocracy4's export form.

    >>> comment_count("2021-03-05T11:00:00+01:00 - anna\\nJa!\\n----\\n"
    ...               "@reply: 2021-03-05T12:00:00+01:00 - ben\\nGenau.")
    2
    >>> comment_count("Am 2021-03-05 - gut"), comment_count(None)
    (0, 0)
    """
    return len(_COMMENT_HEAD.findall(cell)) if isinstance(cell, str) else 0


def joined_comments(
    header: Sequence[str],
    records: Sequence[tuple[int, Sequence[Any]]],
    columns: Sequence[str],
) -> dict[str, list[int]]:
    """Of the ``columns`` (those kept as attributes), each that holds comments in
    adhocracy4's export form: [comments, rows with comments]."""
    found: dict[str, list[int]] = {}
    for column in columns:
        i = list(header).index(column)
        counts = [n for _, cells in records if (n := comment_count(cell_at(cells, i)))]
        if counts:
            found[column] = [sum(counts), len(counts)]
    return found


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def joined_comment_notices(options: Mapping[str, Any]) -> tuple[str, ...]:
    """What the import did with comments in their contribution's row."""
    return tuple(
        f"Spalte '{column}': {_plural(comments, 'Kommentar', 'Kommentare')} in "
        f"{_plural(rows, 'Zeile', 'Zeilen')} (Datum - Nutzername, Text; so exportieren "
        "adhocracy+ und meinBerlin) bleiben Merkmal ihres Beitrags (pseudonymisiert), keine "
        "eigenen Aussagen. Als Aussagen: auf der Plattform die Kommentare exportieren und "
        "diese Datei importieren."
        for column, (comments, rows) in (options.get("joined_comments") or {}).items()
    )
