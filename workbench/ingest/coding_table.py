"""A table of codings ``document, source_id, coder, code`` as a team keeps it in a spreadsheet.

German Excel saves it as "CSV (Trennzeichen-getrennt)": Windows-1252, ";" and CRLF, often
with rows of empty cells (";;;") where something stood once; "CSV UTF-8" adds a byte order
mark; LibreOffice, Numbers and Google Sheets write ",". It is read like any table
(:func:`workbench.ingest.table_rows.read_rows`: encoding, delimiter, XLSX and ODS too).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench.core.domain import InputError
from workbench.core.textio import read_source
from workbench.ingest.table_ids import checked_id
from workbench.ingest.table_rows import read_rows

CODING_COLUMNS = ("document", "source_id", "coder", "code")


def _text(cell: Any) -> str:
    """A cell as text: a number from a spreadsheet (1 or 1.0) as it was typed ("1")."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def read_coding_rows(path: str | Path) -> list[tuple[int, dict[str, str]]]:
    """(row number, cells by column) of a codings table; rows without any text are left out.

    Stops with an :class:`InputError` naming the file when a column is missing, and the
    row of a source_id Excel changed ("1,23457E+11", "02. Jan" for 2.1).
    """
    raw = read_source(path)
    header, rows = read_rows(raw)
    columns = {name.strip().casefold(): at for at, name in enumerate(header) if name}
    missing = [name for name in CODING_COLUMNS if name not in columns]
    if missing:
        raise InputError(
            "Erwartet werden die Spalten document, source_id, coder, code; es fehlt "
            f"{', '.join(missing)}.",
            file=raw.name,
            row=1,
        )
    found = []
    for number, cells in rows:
        texts = [_text(c) for c in cells]
        if not any(texts):
            continue  # ";;;": a row Excel keeps after its cells were emptied
        padded = texts + [""] * (len(header) - len(texts))
        row = {name: padded[columns[name]] for name in CODING_COLUMNS}
        checked_id(row["source_id"] or None, raw.name, number)  # not Excel's "02. Jan"
        found.append((number, row))
    return found
