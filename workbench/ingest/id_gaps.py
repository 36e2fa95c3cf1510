"""A table's ID column with an empty or repeated cell: its rows are numbered instead, and
the import says so; a renamed download of an export stored by that column stops.

A survey platform gives every response an ID ("Antwort-ID", "ResponseId", KoBo's "_id");
a card wall's "Karten-ID" is given by hand. A cell emptied or copied by hand makes the
column no ID: the rows are numbered (:func:`id_gaps`), and a later download of the export
is compared by row numbers, in which a response deleted on the platform moves every later
one (:func:`id_gap_notices` says so at the first import). A download under another name
("umfrage (1).csv") of an export the project stored by that column, which holds its
stored rows by their IDs, stops naming the row (:func:`refuse_renamed_gaps`), as one of
the same name does (:func:`~workbench.ingest.table_ids.refuse_id_gaps`): read by row
numbers it would come in whole, each statement twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from workbench.core.domain import ParsedDocument
from workbench.ingest.common import cell_at, cell_text
from workbench.ingest.decidim import ID_COLUMN as DECIDIM_ID
from workbench.ingest.decidim import is_decidim_export
from workbench.ingest.export_growth import RENAMED_ROWS, Row, growth, has_row_ids
from workbench.ingest.form_ids import forms_column
from workbench.ingest.table_columns import ID_HEADERS, only_column
from workbench.ingest.table_ids import refuse_id_gaps

ID_GAPS = "id_gaps"  # a table's options: [column, rows empty, rows repeating an ID]
_SHOWN = 10  # rows named


def id_gaps(
    header: Sequence[str], records: Sequence[tuple[int, Sequence[Any]]], taken: Iterable[str]
) -> dict[str, Any]:
    """``{ID_GAPS: [column, empty rows, repeated rows]}`` for the one column besides
    ``taken`` whose header names an ID (a form tool's, or :data:`ID_HEADERS`) if a row
    with text has it empty or as in a row before; else ``{}``. Decidim's ``id`` is one."""
    taken = set(taken)
    named = only_column(header, taken, ID_HEADERS)
    decidim = DECIDIM_ID if is_decidim_export(header) else None  # a proposal's "id"
    column = forms_column(header) or decidim or (named[1] if named else None)
    if column is None or column in taken:
        return {}
    at = list(header).index(column)
    rows = [(row, cell_at(cells, at)) for row, cells in records if any(map(cell_text, cells))]
    seen: set[str] = set()
    empty, repeated = [], []
    for row, value in rows:
        if not value:
            empty.append(row)
        elif value in seen:
            repeated.append(row)
        seen.add(value)
    if not (empty or repeated) or len(empty) == len(rows):
        return {}  # an ID column, or one never filled in
    return {ID_GAPS: [column, empty[:_SHOWN], repeated[:_SHOWN]]}


def id_gap_notices(options: Mapping[str, Any]) -> list[str]:
    """Why a table's ID column was not read as its rows' IDs (see :func:`id_gaps`)."""
    if not options.get(ID_GAPS):
        return []
    column, empty, repeated = options[ID_GAPS]
    said = [f"leer in Zeile {_rows(empty)}"] * bool(empty)
    said += [f"eine ID wiederholt in Zeile {_rows(repeated)}"] * bool(repeated)
    return [
        f"Spalte '{column}' nicht als ID gelesen: {' und '.join(said)} — die Zeilennummer "
        "ist die ID jeder Zeile, die Spalte ein Merkmal. Ein späterer Download desselben "
        "Exports wird daher nach Zeilennummern verglichen (eine auf der Plattform gelöschte "
        "Antwort verschiebt alle folgenden). Gibt die Plattform jeder Zeile eine ID: den "
        "Export unverändert neu herunterladen (nicht in Excel bearbeitet)."
    ]


def _rows(rows: Sequence[int]) -> str:
    """Row numbers for a message: "4, 9"."""
    return ", ".join(map(str, rows))


def refuse_renamed_gaps(
    document: ParsedDocument,
    options: Mapping[str, Any],
    stored: Sequence[tuple[int, Row, str]],
    erased: Mapping[str, str] | None = None,
) -> None:
    """Stop if ``document``, read without the ID column the stored document (its
    ``options``, its ``stored`` rows) was stored by, is a download of the same export
    under another name: read by the IDs it has, it holds at least :data:`RENAMED_ROWS`
    telling stored rows unchanged and changes none; else nothing."""
    column = options.get("id_column")
    if not column or document.options.get("id_column") or not has_row_ids(document):
        return
    several = bool(document.options.get("more_text_columns"))  # "R_1a2b.2": 2nd question
    segments = []
    for s in document.segments:
        own = str((s.attributes or {}).get(column) or "").strip()
        if own:
            source = f"{own}.{s.source_id.rpartition('.')[2]}" if several else own
            segments.append(replace(s, source_id=source))
    if len({s.source_id for s in segments}) != len(segments) or not segments:
        return  # an ID repeated: refuse_id_gaps names it below, if it is the same export
    found = growth(replace(document, segments=tuple(segments)), stored, erased)
    if found is not None and not found.changed and found.telling >= RENAMED_ROWS:
        refuse_id_gaps(document, column)
