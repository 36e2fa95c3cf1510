"""What reading a table file sees beside its cells' values: rows shorter than the header.

- **Short rows.** Survey tools (LimeSurvey) and hand-made files leave out a row's empty
  fields at its end ("Text;Sozialraum" over "Der Bus fährt zu selten"): the missing fields
  are empty, and the import says which rows. One case stays an error: in a file without
  quoted fields, a short row whose next line holds exactly the fields it lacks (their
  counts add up to the header's plus one) is likely a line break in a field without quotes
  — padding would split one answer into two statements and shift the rest of it into the
  wrong columns. A file that quotes fields (LimeSurvey, Excel, LibreOffice, pandas) quotes
  a field with a line break; there a short row is only short. A short last row with no
  line break after it is a file cut off (writers end their last row): an error too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from workbench.core.domain import InputError
from workbench.ingest.textio import RawFile, decode

_LISTED = 10  # row numbers a notice lists
_QUOTED = re.compile(r'(?:^|[,;\t])[ ]*"', re.MULTILINE)  # a field in quotes


def _listed(rows: Sequence[int]) -> str:
    """Row numbers for a notice: "3, 5, 9" (the first ten, then "…")."""
    shown = ", ".join(map(str, rows[:_LISTED]))
    return shown + (", …" if len(rows) > _LISTED else "")


def pad_short_rows(
    raw: RawFile, header: Sequence[str], records: list[tuple[int, list[Any]]], csv: bool
) -> tuple[list[tuple[int, list[Any]]], list[int]]:
    """The records with rows shorter than ``header`` filled with empty fields at the end,
    and the numbers of the rows that lacked a named column's field and were not empty. In
    a CSV file (``csv``) without quoted fields, a short row whose next line completes it
    (a line break in a field without quotes) stops the import, naming the row; so does a
    short last row without a line break after it (a file cut off)."""
    text = decode(raw) if csv else ""
    unquoted = csv and not _QUOTED.search(text)  # writers that quote, quote breaks
    cut = csv and not text.endswith(("\n", "\r"))  # a download cut off mid-row
    width = len(header)
    while width and not header[width - 1]:  # "Text;Sozialraum;": a trailing delimiter
        width -= 1
    padded: list[tuple[int, list[Any]]] = []
    short: list[int] = []
    for index, (row, fields) in enumerate(records):
        if len(fields) >= width:
            padded.append((row, [*fields, *[None] * (len(header) - len(fields))]))
            continue
        following = records[index + 1] if index + 1 < len(records) else None
        if (
            unquoted
            and following is not None
            and following[0] == row + 1
            and len(fields) + len(following[1]) - 1 == width
        ):
            raise InputError(
                f"Datensatz hat {len(fields)} statt {width} Felder und die Zeile darunter "
                f"{len(following[1])}: zusammen ein Datensatz mit Zeilenumbruch in einem Feld "
                'ohne Anführungszeichen? Das Feld in Anführungszeichen setzen ("…") oder den '
                "Umbruch entfernen; fehlen nur leere Felder am Ende, die Trennzeichen dafür "
                'ergänzen ("Text;Sozialraum;;").',
                file=raw.name,
                row=row,
            )
        if cut and following is None:
            raise InputError(
                f"Datensatz hat {len(fields)} statt {width} Felder und die Datei kein "
                "Zeilenende danach (Datei abgeschnitten?).",
                file=raw.name,
                row=row,
            )
        if any(f is not None and str(f).strip() != "" for f in fields):
            short.append(row)
        padded.append((row, [*fields, *[None] * (len(header) - len(fields))]))
    return padded, short


def sheet_row_notices(options: Mapping[str, Any]) -> list[str]:
    """What the import says of rows shorter than the header."""
    notices = []
    if short := options.get("padded_rows"):
        notices.append(
            f"{len(short)} Zeile{'' if len(short) == 1 else 'n'} mit weniger Feldern als die "
            f"Kopfzeile (Zeile{'' if len(short) == 1 else 'n'} {_listed(short)}): fehlende "
            "Felder am Ende als leer gelesen."
        )
    return notices
