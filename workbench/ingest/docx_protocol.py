"""DOCX workshop protocols (python-docx), structured like the Markdown protocols.

Style ``Title`` is the title; ``Key: value`` paragraphs before the first heading are
metadata (Workshop, Sozialraum, Datum, Format, Teilnehmende); ``Heading 1`` is a
guiding question, deeper headings are subsections; every other non-empty paragraph
is one statement, a leading bold ``Rolle:`` run gives the speaker role. Statements are
numbered 1, 2, … in document order (``source_id``). These rules
(:func:`protocol_document`) also read ODT protocols (:mod:`workbench.ingest.odt_protocol`).

Tables (:func:`table_paragraphs`) are read in document order, after the first heading:
the first row is the header, every other non-empty cell is a statement per line (its
column's header as attribute ``Spalte``). With two or more columns whose first column is
short below the header (at most four words, no sentence end) that column labels the
rows: attribute ``Zeile``, not a statement. Merged cells count once; a nested table's
text is part of its cell. Tables before the first heading (a list of participants?)
and tables of one row (a frame, a layout) are not read; ``options`` count them for the
import's notices. ``row`` ("Absatz N") counts every paragraph, those in cells too.
"""

from __future__ import annotations

import io
import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.ingest.common import add_statement, normalise_date
from workbench.ingest.speaker_turns import is_speaker_turns, turns_document
from workbench.ingest.textio import RawFile, Source, read_source

IMPORTER = "docx"

META_KEYS = {
    "workshop": "workshop",
    "sozialraum": "district",
    "stadtteil": "district",
    "district": "district",
    "datum": "date",
    "date": "date",
    "format": "format",
    "teilnehmende": "names",
    "teilnehmer": "names",
    "teilnehmer*innen": "names",
    "participants": "names",
}


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a word-processor protocol (DOCX, ODT), as the reader needs it."""

    text: str  # as in the document: line breaks "\n", tabs "\t"
    # "title", "question" (heading 1), "heading" (deeper) or "body"; in tables (see
    # table_paragraphs): "table" or "layout" (a table starts: read or not; no text),
    # "cell" (a statement's cell) or "table-text" (a header or row label, a table not read)
    kind: str = "body"
    bold: str = ""  # the paragraph's leading bold text (a speaker role if it ends in ':')
    attributes: Mapping[str, str] = field(default_factory=dict)  # a cell's Spalte, Zeile


# A table cell as a reader gives it: its identity (merged grid positions share it) and
# its paragraphs; None where a row has no cell.
Cell = tuple[Hashable, Sequence[Paragraph]]
_TABLE_KINDS = ("table", "layout", "cell", "table-text")
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


def _role(paragraph: Paragraph) -> tuple[str | None, str]:
    """Split a leading bold text ending in ':' off the paragraph text."""
    text = paragraph.text.strip()
    bold = paragraph.bold.strip()
    if bold.endswith(":") and len(bold) <= 80 and text.startswith(bold):
        return bold[:-1].strip(), text[len(bold) :].strip()
    return None, text


def _bold_prefix(paragraph) -> str:
    """The text of the leading bold runs of a python-docx paragraph (blank runs skipped)."""
    bold = ""
    for run in (r for r in paragraph.runs if r.text.strip()):
        if not run.bold:
            break
        bold += run.text
    return bold


def _style(paragraph) -> str:
    """The paragraph's style name as python-docx gives it (built-in styles in English:
    "Heading 1" also in a German Word)."""
    return (paragraph.style.name if paragraph.style is not None else "") or ""


def _kind(style: str) -> str:
    """A DOCX paragraph style as a :class:`Paragraph` kind."""
    if style == "Title":
        return "title"
    if style.startswith("Heading"):
        return "question" if style == "Heading 1" else "heading"
    return "body"


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
    a table of one row, not read), then each cell's paragraphs in order (a merged cell
    once), a "cell" (statements: attributes ``Spalte``, ``Zeile``) or a "table-text"."""
    rows = [row for row in rows if row]
    out: list[Paragraph] = []

    def add(cells: Sequence[Cell], kind: str, attributes: Mapping[str, str]) -> None:
        for _, paragraphs in cells:
            out.extend(replace(p, kind=kind, attributes=attributes) for p in paragraphs)

    if not any(p.text.strip() for _, ps in cells_in_order(rows) for p in ps):
        add(cells_in_order(rows), "table-text", {})  # an empty table: nothing to say
        return out
    if len(rows) < 2:
        out.append(Paragraph("", "layout"))
        add(cells_in_order(rows), "table-text", {})
        return out
    header, body = rows[0], rows[1:]
    labels = [_label(row[0]) for row in body]
    labelled = max(map(len, rows)) >= 2 and all(
        len(t.split()) <= 4 and not _SENTENCE_END.search(t) for t in labels
    )
    out.append(Paragraph("", "table"))
    seen: set[Hashable] = set()
    for number, row in enumerate(rows):
        for column, cell in enumerate(row):
            if cell is None or cell[0] in seen:
                continue
            seen.add(cell[0])
            if number == 0 or (labelled and column == 0):
                add([cell], "table-text", {})
                continue
            values = (
                ("Spalte", _label(header[column]) if column < len(header) else ""),
                ("Zeile", labels[number - 1] if labelled else ""),
            )
            add([cell], "cell", {key: value for key, value in values if value})
    return out


def _docx_paragraphs(container) -> list[Paragraph]:
    """The paragraphs of a python-docx table cell; a nested table's, cell by cell."""
    from docx.table import Table

    paragraphs: list[Paragraph] = []
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            paragraphs += [p for _, ps in cells_in_order(_docx_rows(item)) for p in ps]
        else:
            paragraphs.append(Paragraph(item.text, "body", _bold_prefix(item)))
    return paragraphs


def _docx_rows(table) -> list[list[Cell | None]]:
    """A python-docx table as rows of cells, identified by their ``w:tc`` (python-docx
    repeats a merged cell at every grid position it fills)."""
    from docx.table import _Cell

    read: dict[object, Cell] = {}
    rows: list[list[Cell | None]] = []
    for row in table.rows:
        try:
            cells = row.cells
        except ValueError:  # continues a vertical merge, but there is no cell above
            cells = tuple(_Cell(tc, table) for tc in row._tr.tc_lst)
        for cell in cells:
            if cell._tc not in read:
                read[cell._tc] = (cell._tc, _docx_paragraphs(cell))
        rows.append([None] * row.grid_cols_before + [read[cell._tc] for cell in cells])
    return rows


def parse_docx(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse a DOCX protocol (or a transcript of speaker turns, see
    :mod:`workbench.ingest.speaker_turns`) into a :class:`ParsedDocument`."""
    import docx  # python-docx; imported here so `import workbench` stays light
    from docx.table import Table

    raw = read_source(source, name)
    if not raw.data.strip():
        raise InputError("Die Datei ist leer.", file=raw.name)
    try:
        document = docx.Document(io.BytesIO(raw.data))
    except Exception as err:
        raise InputError(
            f"Keine lesbare DOCX-Datei (beschädigt oder abgeschnitten): {type(err).__name__}",
            file=raw.name,
        ) from None
    paragraphs: list[Paragraph] = []
    for item in document.iter_inner_content():  # paragraphs and tables, in order
        if isinstance(item, Table):
            paragraphs += table_paragraphs(_docx_rows(item))
        else:
            paragraphs.append(Paragraph(item.text, _kind(_style(item)), _bold_prefix(item)))
    return protocol_document(raw, paragraphs, IMPORTER, roles)


def protocol_document(
    raw: RawFile,
    paragraphs: Sequence[Paragraph],
    importer: str,
    roles: Mapping[str, str] | None = None,
) -> ParsedDocument:
    """The protocol (or, without headings, the timed speaker turns) in the paragraphs of
    a word-processor file ``raw``; rows in error messages count its paragraphs."""
    headings = any(p.kind in ("question", "heading") for p in paragraphs)
    plain = "\n".join(p.text for p in paragraphs if p.kind not in _TABLE_KINDS)
    marks = sum(p.kind in ("table", "layout") for p in paragraphs)
    if not headings and is_speaker_turns(plain, timed_only=True):  # Teams' or Meet's
        turns = turns_document(raw, plain, roles)
        if marks:  # no heading: every table is one before the first heading
            turns = replace(turns, options={**turns.options, "tables_skipped": marks})
        return turns
    fields: dict = {}
    segments: list[ParsedSegment] = []
    question: str | None = None
    seen_heading = False

    def add(text: str, role: str | None, row: int, attributes: Mapping[str, str]) -> None:
        add_statement(segments, text, question, row, role, attributes)

    tables = {"tables": 0, "tables_skipped": 0, "tables_one_row": 0}  # read, not read
    counted = False  # the current table gave a statement and is counted as read
    number = 0  # paragraphs, those in table cells too
    for paragraph in paragraphs:
        if paragraph.kind in ("table", "layout"):
            if not seen_heading:
                tables["tables_skipped"] += 1
            elif paragraph.kind == "layout":
                tables["tables_one_row"] += 1
            counted = False
            continue
        number += 1
        text = paragraph.text.strip()
        if not text or paragraph.kind == "table-text":
            continue
        if paragraph.kind == "cell":  # one statement per line; not before the first heading
            role, statement = _role(paragraph)
            lines = [line.strip() for line in statement.split("\n")] if seen_heading else []
            for line in filter(None, lines):
                add(line, role, number, paragraph.attributes)
                tables["tables"] += not counted
                counted = True
            continue
        if paragraph.kind == "title":
            fields.setdefault("title", text)
            continue
        if paragraph.kind in ("question", "heading"):
            seen_heading = True
            if paragraph.kind == "question":
                question = text
            continue
        if not seen_heading:
            key, sep, value = text.partition(":")
            meta = META_KEYS.get(key.strip().lower()) if sep else None
            if meta == "names":
                fields["names"] = tuple(v.strip() for v in value.split(",") if v.strip())
            elif meta == "date":
                fields["date"] = normalise_date(value, raw.name)
            elif meta:
                fields[meta] = value.strip()
            else:
                raise InputError(
                    "Text vor der ersten Leitfrage (Überschrift 1) ist weder Titel noch "
                    "Angabe der Form 'Schlüssel: Wert'.",
                    file=raw.name,
                    row=number,
                    unit="Absatz",
                )
            continue
        role, statement = _role(paragraph)
        if statement:
            add(statement, role, number, {})
    if not segments:
        hint = " (Tabellen vor der ersten Überschrift werden nicht gelesen)"
        message = f"Das Protokoll enthält keine Aussagen{hint if tables['tables_skipped'] else ''}."
        raise InputError(message, file=raw.name)
    return ParsedDocument(
        filename=raw.name,
        sha256=raw.sha256,
        importer=importer,
        segments=tuple(segments),
        options={key: count for key, count in tables.items() if count},
        **fields,
    )
