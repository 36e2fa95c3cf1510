"""A download's rows numbered as the project stored its earlier one: an export stored by row
numbers whose rows keep a platform's ID as an attribute (KoBo's "_id") is compared by that ID
(:func:`ids_as_stored`), so a response deleted on the platform moves no later one."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from workbench.core.domain import ParsedDocument, ParsedSegment
from workbench.ingest.common import attribute_value
from workbench.ingest.export_growth import Growth, has_row_ids
from workbench.ingest.form_timestamps import (
    FORM_TIMESTAMP,
    refuse_ambiguous,
    refuse_edited,
    timestamp_keys,
)
from workbench.ingest.table_ids import refuse_id_gaps
from workbench.store.erased_rows import ERASED_ROWS, row_digest


def rows_as_stored(
    document: ParsedDocument,
    options: Mapping[str, Any],
    same_name: bool,
    cells: Callable[[], Sequence[tuple[str, Mapping[str, Any]]]],
) -> tuple[ParsedDocument, str | None]:
    """``document`` numbered as the stored rows (``options``, ``cells``) by a platform's ID
    (:func:`ids_as_stored`) or a form tool's submission time (:func:`by_timestamp`), and
    the column it was matched by (None: as it is)."""
    found = ids_as_stored(document, options, same_name, cells)
    if found is not document:
        return found, (document.options.get("detected_columns") or {}).get("ID")
    timed = by_timestamp(document, options, cells)
    return timed, (document.options.get(FORM_TIMESTAMP) if timed is not document else None)


def with_platform_ids(
    found: Growth | None,
    column: str | None,
    cells: Callable[[], Sequence[tuple[str, Mapping[str, Any]]]],
) -> Growth | None:
    """``found`` with each missing stored row named by its row ID and, where the stored
    row (its ``cells``) keeps it, the platform's ID it was matched by ("3 = _id 40002",
    "3.1, 3.2 = Zeitstempel …"): the number alone is the project's, not the platform's."""
    if found is None or not column or not found.missing:
        return found
    own = {s.partition(".")[0]: str(a[column]).strip() for s, a in cells() if a.get(column)}
    rows = [source.partition(".")[0] for _, source in found.missing]
    named = tuple(  # a row's questions ("3.1, 3.2"): its platform ID once, after the last
        (
            key,
            f"{source} = {column} {own[row]}"
            if row in own and row not in rows[at + 1 :]
            else source,
        )
        for at, ((key, source), row) in enumerate(zip(found.missing, rows, strict=True))
    )
    return replace(found, missing=named)


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


def by_timestamp(
    document: ParsedDocument,
    options: Mapping[str, Any],
    cells: Callable[[], Sequence[tuple[str, Mapping[str, Any]]]],
) -> ParsedDocument:
    """``document`` (a form tool's download stored by row numbers: "3", or "3.1" for a row's
    first question) with each row numbered as the stored row (``cells``: row ID,
    attributes) of its submission time, a new one after them (:func:`_numbered`); as it
    is if the file or the stored document (``options``) has an ID column, a stored row
    lacks its time or none of the stored times is in the file (reformatted by a
    spreadsheet program: compared by row numbers). Stops where responses of one second
    lost or gained one, or a row of a new time stands in a missing stored row's place
    (:mod:`workbench.ingest.form_timestamps`)."""
    column = document.options.get(FORM_TIMESTAMP)
    if not column or options.get("id_column") or document.options.get("id_column"):
        return document
    if not has_row_ids(document):
        return document
    if not document.segments or any(s.row is None for s in document.segments):
        return document
    several = bool(document.options.get("more_text_columns"))  # "3.2": the 2nd question
    question = lambda s: f".{s.source_id.rpartition('.')[2]}" if several else ""  # noqa: E731
    stored: dict[int, str] = {}
    stored_cells = cells()
    for source, attributes in stored_cells:
        number, value = source.partition(".")[0], str(attributes.get(column) or "").strip()
        if not number.isdigit() or not value or stored.setdefault(int(number), value) != value:
            return document
    mine: dict[int, str] = {}
    for s in document.segments:
        value = str((s.attributes or {}).get(column) or "").strip()
        if not value:
            return document
        mine.setdefault(int(s.row or 0), value)
    if not set(mine.values()) & set(stored.values()):
        return document  # no time in common: reformatted ("2026-11-06 10:02"), by row numbers
    refuse_ambiguous(document, column, stored, mine)
    theirs = timestamp_keys(sorted(stored.items()))
    own = timestamp_keys(list(mine.items()))  # in the file's order
    known = {key: str(row) for row, key in theirs.items()}
    matched = {row: int(known[own[row]]) if own[row] in known else None for row in mine}
    refuse_edited(document, column, stored, mine, matched, _sources(stored_cells))
    keyed = tuple(
        replace(s, source_id=own[int(s.row or 0)] + question(s)) for s in document.segments
    )
    numbers = _numbered(replace(document, segments=keyed), known, options, several)
    segments = tuple(
        replace(s, source_id=numbers[own[int(s.row or 0)]] + question(s)) for s in document.segments
    )
    return replace(document, segments=segments)


def _sources(cells: Sequence[tuple[str, Mapping[str, Any]]]) -> dict[int, list[str]]:
    """Stored row number → its statements' row IDs ("3.1", "3.2"), in order."""
    found: dict[int, list[str]] = {}
    for source, _ in cells:
        number = source.partition(".")[0]
        if number.isdigit():
            found.setdefault(int(number), []).append(source)
    return {
        n: sorted(ids, key=lambda s: [int(p) for p in s.split(".") if p.isdigit()])
        for n, ids in found.items()
    }
