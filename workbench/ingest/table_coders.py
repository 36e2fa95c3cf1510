"""Codes with their coder in front ("A:Bedarf; B:Themen/Wohnen"), as the workbench's own
table export writes its column ``codes``.

A team that imports such an export again (``--code-column codes``) means the codings of
the people it names: read as plain codes, "A:Bedarf" became a new code beside "Bedarf"
(and "A:Themen" a new top code), every coding by the one ``--coder``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# "Name:Code": the name without ":" or a level separator; not ATLAS.ti's "Bedarf::Wohnen",
# not a code named "Bedarf: Wohnen".
_CODED = re.compile(r"([^:;/\\|\s][^:;/\\|]*?):(?=[^:\s])(.+)")
_SEPARATOR = re.compile(r"\s*[;|\r\n]\s*")  # as the table import splits a code cell


def split_coded(entry: str) -> tuple[str, str]:
    """The coder and the code of an entry "coder:code".

    >>> split_coded("A:Themen/Wohnen und Wohnumfeld")
    ('A', 'Themen/Wohnen und Wohnumfeld')
    """
    match = _CODED.fullmatch(entry.strip())
    if match is None:
        raise ValueError(entry)
    return match[1].strip(), match[2].strip()


def coders_in_codes(
    header: Sequence[str], records: Sequence[tuple[int, Sequence[Any]]], column: str | None
) -> bool:
    """Whether every code in the column ``column`` of a table export of the workbench
    (columns segment_id, source_id, text, codes) names its coder in front ("A:Bedarf").

    >>> head = ["segment_id", "source_id", "text", "codes"]
    >>> coders_in_codes(head, [(2, [1, "1", "Bänke", "A:Bedarf; B:Bedarf"])], "codes")
    True
    >>> coders_in_codes(head, [(2, [1, "1", "Bänke", "Bedarf::Wohnen"])], "codes")
    False
    """
    if column is None or not {"segment_id", "source_id", "text"} <= set(header):
        return False
    if column not in header:
        return False
    at = list(header).index(column)
    entries = [
        entry
        for _, cells in records
        if at < len(cells) and isinstance(cells[at], str)
        for entry in _SEPARATOR.split(cells[at])
        if entry.strip()
    ]
    return bool(entries) and all(_CODED.fullmatch(e.strip()) for e in entries)
