"""The files of ``--names`` and ``--roles``: one person a line, or the list of participants
a team keeps in a spreadsheet; people and their roles as CSV, XLSX or ODS.

A team's list of participants is often an Excel sheet ``Nachname | Vorname | Organisation``
saved as CSV (German Excel: ";" between the cells, rows of empty cells ";;;" where
something stood once) or kept as XLSX/ODS. Each line as one name ("Zabelberg;Quirin;
Bürgerverein") matched no one in the texts: the people stayed in them by name. Such a
table is read by its header (Vorname, Nachname, Name …); a comma stays part of a line
("Schmidt, Anna" is one person, see :func:`workbench.ingest.speakers.natural_order`)
unless the first line is such a header ("Nachname,Vorname,Organisation": LibreOffice and
Google Sheets save CSV with ",").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbench.core.domain import InputError
from workbench.core.textio import RawFile, decode, read_source, without_sep_hint
from workbench.ingest.mojibake import repaired_names
from workbench.ingest.personal_columns import PERSON_HEADERS, header_key
from workbench.ingest.speakers import roles_of_csv, roles_of_rows
from workbench.ingest.table_rows import IMPORTERS, read_rows

_FIRST = frozenset("vorname vornamen rufname firstname givenname".split())
_LAST = frozenset("nachname nachnamen familienname lastname surname".split())


def _cell(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def _table_names(raw: RawFile, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """The names of a table by its header: "Vorname Nachname" ("Name" beside "Vorname" is
    the surname), or a column of whole names."""
    keys = [header_key(h) for h in header]
    first = [i for i, k in enumerate(keys) if k in _FIRST]
    last = [i for i, k in enumerate(keys) if k in _LAST]
    whole = [i for i, k in enumerate(keys) if k in PERSON_HEADERS and i not in first + last]
    if first and not last:  # "Name | Vorname": German lists call the surname "Name"
        last = [i for i in whole if keys[i] in ("name", "namen")][:1]
        whole = [i for i in whole if i not in last]
    if not first + last + whole:
        raise InputError(
            "Die Namensliste hat mehrere Spalten, aber keine Kopfzeile, die die Namen "
            "zeigt: die erste Zeile braucht Spaltenköpfe wie Vorname und Nachname oder Name "
            "(oder eine Person je Zeile, ohne Semikolon und Tabulator).",
            file=raw.name,
            row=1,
        )
    names = []
    for cells in rows:
        texts = [_cell(c) for c in cells] + [""] * (len(header) - len(cells))
        joined = " ".join(t for t in (texts[i] for i in first + last) if t)
        names += [n for n in (joined, *(texts[i] for i in whole)) if n]
    return names


def _sheet_rows(raw: RawFile) -> list[list[str]]:
    """An XLSX or ODS sheet's header and records as rows of cells (spacing collapsed)."""
    header, records = read_rows(raw)
    return [[_cell(c) for c in header], *([_cell(c) for c in cells] for _, cells in records)]


def _unquoted(line: str) -> str:
    """A line as one name: "Anna Schmidt,,," (cells after it) or "\"Schmidt, Anna\"" (Google
    Sheets and Numbers quote a cell with a comma) is the name inside."""
    if len(line) > 1 and line[0] == line[-1] == '"':
        return line[1:-1].replace('""', '"').strip()
    return line


def _comma_header(lines: list[str]) -> bool:
    """Whether the first line is the header of a table with "," between its cells
    ("Nachname,Vorname,Organisation"), not a person ("Schmidt, Anna")."""
    cells = next(csv.reader(lines), []) if lines else []
    return len(cells) > 1 and any(header_key(c) in _FIRST | _LAST | {"name"} for c in cells)


def _rows(text: str) -> list[list[str]]:
    """The lines of a text as cells: split at ";" or tab if the text has them, at "," if
    its first line is a header of name columns."""
    lines = [line for line in text.splitlines() if line.strip()]
    separator = max(";\t", key=lambda s: sum(s in line for line in lines))
    if not any(separator in line for line in lines) and _comma_header(lines[:1]):
        separator = ","  # "Nachname,Vorname,…": LibreOffice's and Google Sheets' CSV
    elif not any(separator in line for line in lines):
        return [[_unquoted(line.strip().rstrip(",").strip())] for line in lines]
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=separator)
    return [[_cell(c) for c in row] for row in reader]


def read_names(path: str | Path) -> list[str]:
    """The names of a ``--names`` file: one person a line (text or CSV), or a table (CSV
    with ";" or tab, XLSX, ODS) with a header row naming its name columns; a name read
    with the wrong encoding ("JÃ¼rgen") also as repaired (:func:`repaired_names`), for
    every caller (the CLI, a notebook, the Python API)."""
    return repaired_names(_listed_names(read_source(path)))


def _listed_names(raw: RawFile) -> list[str]:
    """The names as the file lists them (see :func:`read_names`)."""
    if Path(raw.name).suffix.lower() in IMPORTERS:
        rows = _sheet_rows(raw)
    else:
        rows = _rows(without_sep_hint(decode(raw))[0])  # Excel's "sep=;" names no one
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    if all(sum(bool(c) for c in row) <= 1 for row in rows):  # one column (";;;" after it)
        names = [next(c for c in row if c) for row in rows]
        return names[1:] if header_key(names[0]) in PERSON_HEADERS else names  # "Name"
    at = next((i for i, row in enumerate(rows[:5]) if _names_header(row)), 0)  # a title above
    return _table_names(raw, rows[at], rows[at + 1 :])


def _names_header(row: Sequence[str]) -> bool:
    """Whether a row is the header of a list of people (two cells or more, one naming a
    name column), not a title above it ("Teilnehmende Workshop Manfort")."""
    keys = [header_key(c) for c in row if c]
    return len(keys) > 1 and any(k in _FIRST | _LAST | PERSON_HEADERS for k in keys)


def read_role_file(path: str | Path) -> dict[str, str]:
    """The roles of a ``--roles`` file: CSV ``Person,Rolle`` (:func:`roles_of_csv`), or the
    same two columns in an XLSX or ODS sheet."""
    raw = read_source(path)
    if Path(raw.name).suffix.lower() not in IMPORTERS:
        return roles_of_csv(raw)
    return roles_of_rows(_sheet_rows(raw), raw.name)
