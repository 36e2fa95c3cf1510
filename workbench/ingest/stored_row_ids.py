"""A download's rows numbered as the project stored its earlier one: an export stored by row
numbers whose rows keep a platform's ID as an attribute (KoBo's "_id") is compared by that ID
(:func:`ids_as_stored`), so a response deleted on the platform moves no later one."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from workbench.core.domain import ParsedDocument, ParsedSegment
from workbench.ingest.common import attribute_value
from workbench.ingest.export_growth import has_row_ids
from workbench.ingest.table_ids import refuse_id_gaps
from workbench.store.erased_rows import ERASED_ROWS, row_digest


def ids_as_stored(
    document: ParsedDocument,
    options: Mapping[str, Any],
    same_name: bool = False,
    cells: Callable[[], Sequence[tuple[str, Mapping[str, Any]]]] = list,
) -> ParsedDocument:
    """``document`` with the row IDs of a stored download read before its ID column was
    found (a survey's "Antwort-ID", "ResponseId": then the row numbers, "3" or "3.1"), so
    that its rows are compared and added as stored; else as it is. If each stored row
    (its ``cells``: row ID, attributes) keeps its ID as an attribute (KoBo's "_id"), a
    row has the number of the stored row of its ID, a new one the next after them: a
    response deleted on the platform moves no later one. A download of the
    ``same_name`` stored by its ID column, read without it (a cell empty), stops
    (:func:`~workbench.ingest.table_ids.refuse_id_gaps`)."""
    stored_by = options.get("id_column") if same_name else None
    if stored_by and not document.options.get("id_column") and has_row_ids(document):
        refuse_id_gaps(document, stored_by)
    found = document.options.get("detected_columns") or {}
    if options.get("id_column") or "ID" not in found or not has_row_ids(document):
        return document
    if any(s.row is None for s in document.segments):
        return document
    several = bool(document.options.get("more_text_columns"))  # "11.2": the 2nd question
    numbers = _numbered(document, _stored_numbers(cells(), found["ID"]), options, several)
    segments = tuple(  # the ID stays an attribute, as in the stored rows
        replace(
            s,
            source_id=f"{row}.{s.source_id.rpartition('.')[2]}" if several else row,
            attributes={**(s.attributes or {}), found["ID"]: attribute_value(_own_id(s, several))},
        )
        for s in document.segments
        for row in [numbers.get(_own_id(s, several), str(s.row))]
    )
    kept = {k: v for k, v in document.options.items() if k != "id_column"}
    kept["detected_columns"] = {k: v for k, v in found.items() if k != "ID"}
    return replace(document, segments=segments, options=kept)


def _numbered(
    document: ParsedDocument,
    numbers: Mapping[str, str] | None,
    options: Mapping[str, Any],
    several: bool,
) -> dict[str, str]:
    """A file's own row IDs → row numbers: the stored ones' ``numbers``; a row the team
    erased (its number and text's fingerprint in ``options``) its own, to stay out; a new
    one the next after them all. An erased row is older than every new one: of rows of
    the same text, the lowest number ID (KoBo's "_id") takes it. Empty without ``numbers``."""
    if not numbers:
        return {}
    found, erased = dict(numbers), dict(options.get(ERASED_ROWS) or {})
    free = {key.partition(".")[0] for key in erased} - set(found.values())
    after = max(map(int, [*found.values(), *(n for n in free if n.isdigit())]))
    rows: dict[str, list[ParsedSegment]] = {}
    for s in document.segments:
        rows.setdefault(_own_id(s, several), []).append(s)
    new = [own for own in rows if own not in found]  # in the file's order
    for own in sorted(new, key=int) if all(o.isdigit() for o in new) else new:
        asked = [(f".{s.source_id.rpartition('.')[2]}" * several, s.text) for s in rows[own]]
        gone = [
            n for n in sorted(free) if any(erased.get(n + q) == row_digest(t) for q, t in asked)
        ]
        if gone:  # an erased row: its number, for growth to leave it out
            found[own] = gone[0]
            free.discard(gone[0])
    for own in new:
        if own not in found:
            after += 1
            found[own] = str(after)
    return found


def _stored_numbers(
    cells: Sequence[tuple[str, Mapping[str, Any]]], column: str
) -> dict[str, str] | None:
    """Stored rows' ID in ``column`` → their row number, if every stored row (numbered
    "3", or "3.1" for its first question) has one and no two rows share one; else None."""
    pairs = set()
    for source, attributes in cells:
        number, value = source.partition(".")[0], attributes.get(column)
        if not number.isdigit() or value is None or not str(value).strip():
            return None
        pairs.add((str(value).strip(), number))
    found = dict(pairs)
    return found if pairs and len(found) == len(pairs) == len(set(found.values())) else None


def _own_id(segment: ParsedSegment, several: bool) -> str:
    """A segment's ID in its file's ID column ("R_1a2b" of "R_1a2b.2": the 2nd question)."""
    return segment.source_id.rpartition(".")[0] if several else segment.source_id
