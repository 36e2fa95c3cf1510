"""A Word or ODT table as the paragraphs of a protocol (pure; used by
:func:`workbench.ingest.docx_protocol.protocol_document`, whose docstring gives the rules
for tables)."""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import replace

from workbench.ingest.card_columns import holds_cards
from workbench.ingest.protocol_meta import table_details
from workbench.ingest.word_head import DETAILS, Cell, Paragraph

_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


def cells_in_order(rows: Sequence[Sequence[Cell | None]]) -> list[Cell]:
    """Every cell of a table once (merged cells fill several grid positions), row by row."""
    seen: set[Hashable] = set()
    cells = []
    for cell in (c for row in rows for c in row if c is not None):
        if cell[0] not in seen:
            seen.add(cell[0])
            cells.append(cell)
    return cells


def _label(cell: Cell | None) -> str:
    """A header's or row label's text, its lines joined by spaces."""
    return " ".join(" ".join(p.text for p in cell[1]).split()) if cell else ""


def table_paragraphs(rows: Sequence[Sequence[Cell | None]]) -> list[Paragraph]:
    """A table's paragraphs for :func:`protocol_document`: a mark ("table"; "layout" for
    a table of one row, not read; a table of the protocol's details gives its lines
    "Datum: …" as the mark's attribute :data:`DETAILS`, a blank line between them), then
    each cell's paragraphs in order (a merged cell once), a "cell" (statements: attributes
    ``Spalte``, ``Zeile``) or a "table-text"."""
    rows = [row for row in rows if row]
    out: list[Paragraph] = []

    def add(cells: Sequence[Cell], kind: str, attributes: Mapping[str, str]) -> None:
        for _, paragraphs in cells:
            out.extend(replace(p, kind=kind, attributes=attributes) for p in paragraphs)

    texts = [["\n".join(p.text for p in ps) for _, ps in cells_in_order([r])] for r in rows]
    details = table_details(texts)  # "Datum:" | "12.03.2021": before the first heading
    mark = {DETAILS: "\n\n".join(details)} if details else {}

    if not any(p.text.strip() for _, ps in cells_in_order(rows) for p in ps):
        add(cells_in_order(rows), "table-text", {})  # an empty table: nothing to say
        return out
    if len(rows) < 2:
        out.append(Paragraph("", "layout", attributes=mark))
        add(cells_in_order(rows), "table-text", {})
        return out
    header, body = rows[0], rows[1:]
    labels = [_label(row[0]) for row in body]
    short = all(len(t.split()) <= 4 and not _SENTENCE_END.search(t) for t in labels)
    labelled = max(map(len, rows)) >= 2 and short and not holds_cards(_label(header[0]))
    out.append(Paragraph("", "table", attributes=mark))
    seen: set[Hashable] = set()
    for number, row in enumerate(rows):
        for column, cell in enumerate(row):
            if cell is None or cell[0] in seen:
                continue
            seen.add(cell[0])
            if number == 0:
                add([cell], "table-text", {})
                continue
            if labelled and column == 0:  # a row's label (its column's header kept)
                first = _label(header[0]) if header else ""
                add([cell], "table-text", {"Zeile": labels[number - 1], "Spalte": first})
                continue
            values = (
                ("Spalte", _label(header[column]) if column < len(header) else ""),
                ("Zeile", labels[number - 1] if labelled else ""),
            )
            add([cell], "cell", {key: value for key, value in values if value})
    return out
