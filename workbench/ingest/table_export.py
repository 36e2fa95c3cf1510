"""The workbench's own table export (``workbench export --format csv|xlsx``), imported again.

The export's columns are ``segment_id, document_id, document, source_id, position,
workshop, district, question, speaker_role, speaker, text, start, end, codes``
(:meth:`workbench.project.Project.export_table`). Without options the import took the
row number as a statement's ID (``source_id`` is no header it knew) and ``speaker_role``
as an attribute. Recognised by ``segment_id``, ``source_id`` and ``text`` together, the
export comes back with

- its IDs: ``source_id``; an export of several documents may repeat them ("1", "2" in
  each protocol): a repeated one gets its document's number before it ("D2:1", not its
  name: a file name may name a person), as for a QDA program's segment list;
- ``speaker_role`` as the role; ``speaker`` (the pseudonym, "[Person 3]") as the speaker,
  which the import reads as a placeholder, never as a name (decision 002: another
  project's placeholders are people of their own in the key, "[Person 3] aus export.csv");
- ``codes`` with their coders ("A:Bedarf; B:Bedarf", :mod:`~.table_coders`);
- ``question`` as the guiding question (also when every row's differs); ``workshop`` and
  ``district`` as before (found by their headers).

``start``, ``end`` and ``position`` (places in the old project's documents) are not kept;
``segment_id``, ``document_id`` and ``document`` stay as attributes. A statement's
attributes do not come back: the export has none (a card's "Farbe" is not in it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from workbench.ingest.table_coders import coders_in_codes
from workbench.ingest.table_mapping import TableMapping

SIGNATURE = frozenset(("segment_id", "source_id", "text"))  # only the export has all three
PLACES = ("position", "start", "end")  # places in the old project: not kept
Records = list[tuple[int, list[Any]]]


def is_own_export(header: Sequence[str]) -> bool:
    """Whether ``header`` is the workbench's own table export's (:data:`SIGNATURE`)."""
    return set(header) >= SIGNATURE


def _cell(cells: Sequence[Any], at: int | None) -> str:
    value = cells[at] if at is not None and at < len(cells) else None
    return "" if value is None else str(value).strip()


def own_export(
    header: list[str], records: Records, mapping: TableMapping
) -> tuple[TableMapping, list[str], Records, dict[str, Any]]:
    """The mapping for the workbench's own export (what options do not give), its header
    and records without the old places (IDs of several documents with the document's
    number) and what the import says; other tables as they are."""
    if not is_own_export(header):
        return mapping, header, records, {}
    found: dict[str, Any] = {}
    filled = [(row, cells) for row, cells in records if any(map(_cell_text, cells))]
    if mapping.id_column is None:
        ids = header.index("source_id")
        repeated = {v for v, n in Counter(_cell(c, ids) for _, c in filled).items() if n > 1}
        if repeated and "document_id" in header:
            documents = header.index("document_id")
            records = [
                (
                    row,
                    _with_document(cells, ids, documents)
                    if _cell(cells, ids) in repeated
                    else cells,
                )
                for row, cells in records
            ]
            found["document_ids"] = True
        mapping = replace(mapping, id_column="source_id")
        found["id"] = "source_id"
    if mapping.role_column is None and "speaker_role" in header:
        mapping = replace(mapping, role_column="speaker_role")
        found["role"] = "speaker_role"
    if mapping.question_column is None and "question" in header:
        mapping = replace(mapping, question_column="question")  # also when all differ
    if mapping.code_column is None and coders_in_codes(header, records, "codes"):
        mapping = replace(mapping, code_column="codes")
        found["codes"] = "codes"
    dropped = [
        i
        for i, h in enumerate(header)
        if h in PLACES and h not in (*mapping.mapped(), *(mapping.attribute_columns or ()))
    ]
    if dropped:
        found["dropped"] = [header[i] for i in dropped]
        keep = [i for i in range(len(header)) if i not in dropped]
        header = [header[i] for i in keep]
        records = [
            (row, [cells[i] if i < len(cells) else None for i in keep]) for row, cells in records
        ]
    return mapping, header, records, {"own_export": found}


def _cell_text(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def _with_document(cells: list[Any], ids: int, documents: int) -> list[Any]:
    """A row's cells with its ID as "D<document_id>:<source_id>"."""
    out = list(cells)
    source, document = _cell(cells, ids), _cell(cells, documents)
    if source and document:
        out[ids] = f"D{document}:{source}"
    return out


def own_export_notices(options: Mapping[str, Any]) -> list[str]:
    """What the import says when it recognised the workbench's own export."""
    found = options.get("own_export")
    if found is None:
        return []
    read = [
        f"{what} aus '{column}'"
        for what, column in (
            ("ID", found.get("id")),
            ("Rolle", found.get("role")),
            ("Kodierungen mit ihren Kodierenden", found.get("codes")),
        )
        if column
    ]
    notice = "Tabellenexport der Werkbank erkannt" + (f": {', '.join(read)}" if read else "")
    notice += "; Pseudonyme in 'speaker' und im Text bleiben Platzhalter, keine Namen."
    if found.get("document_ids"):
        notice += (
            " Eine source_id, die mehrere Dokumente haben, bekommt die Nummer des Dokuments "
            "davor ('D2:1' = document_id 2, source_id 1)."
        )
    if found.get("dropped"):
        dropped = ", ".join(f"'{c}'" for c in found["dropped"])
        notice += f" {dropped} (Stellen im alten Projekt) nicht übernommen."
    return [notice]
