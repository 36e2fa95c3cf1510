"""Taguette's export of highlights ("Export highlights" as CSV or Excel): one row per
highlight and tag, under the header ``id``, ``document``, ``tag``, ``content``.

Taguette writes this header in every interface language, in this order and nothing else;
a highlight with two tags is two rows with the same ``id`` and ``content``, a highlight
without a tag one row with an empty ``tag``. Read like a QDA program's list of coded
segments: the highlight's number is the statement's ID, its tags its codes (which need a
coder, ``--coder``), the rows of one highlight one statement. The document's name stays an
attribute (pseudonymised like any cell), as in MAXQDA's list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from workbench.core.domain import InputError
from workbench.ingest.table_mapping import TableMapping

HEADER = ("id", "document", "tag", "content")
_ID, _TAG, _TEXT = HEADER[0], HEADER[2], HEADER[3]


def is_taguette_highlights(header: Sequence[str]) -> bool:
    """Whether ``header`` is that of Taguette's highlight export.

    >>> is_taguette_highlights(["id", "document", "tag", "content"])
    True
    >>> is_taguette_highlights(["id", "title", "tag", "content"])
    False
    """
    return tuple(str(h).strip().lstrip("\ufeff") for h in header) == HEADER


def taguette_mapping(
    filename: str,
    header: Sequence[str],
    records: Sequence[tuple[int, Sequence[Any]]],
    mapping: TableMapping,
) -> tuple[TableMapping, dict[str, str]]:
    """``mapping`` with the columns of a Taguette highlight export filled in where the
    options name none, and which columns were so detected (role → column); unchanged for
    any other table. Tags without ``--coder`` stop the import before anything is stored."""
    if not is_taguette_highlights(header):
        return mapping, {}
    place = {name: i for i, name in enumerate(HEADER)}
    tagged = any(
        len(values) > place[_TAG] and str(values[place[_TAG]] or "").strip()
        for _, values in records
    )
    found: dict[str, str] = {}
    if mapping.text_column is None:
        found["Text"] = header[place[_TEXT]]
    if mapping.id_column is None:
        found["ID"] = header[place[_ID]]
    if mapping.code_column is None and tagged:
        found["Codes"] = header[place[_TAG]]
        if not mapping.coder:
            raise InputError(
                "Markierungen aus Taguette mit Tags in Spalte 'tag': mit --coder NAME "
                "angeben, wer kodiert hat. Die Tags werden dann Codes, die Zeilen einer "
                "Markierung (gleiche id) eine Aussage.",
                file=filename,
            )
    return (
        replace(
            mapping,
            text_column=found.get("Text", mapping.text_column),
            id_column=found.get("ID", mapping.id_column),
            code_column=found.get("Codes", mapping.code_column),
        ),
        found,
    )
