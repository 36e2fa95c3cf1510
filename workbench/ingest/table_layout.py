"""What a table import has found before it reads the rows: the table, its columns and their
roles (:func:`workbench.ingest.table.parse_table` fills it in step by step).

The import's steps share this state: :mod:`workbench.ingest.table` chooses the columns,
:mod:`workbench.ingest.table_statements` reads the rows as statements and
:mod:`workbench.ingest.table_options` says what was found (the document's options).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.core.textio import RawFile
from workbench.ingest.code_crosses import CrossColumns
from workbench.ingest.html_text import plain_text
from workbench.ingest.table_blocks import Blocks
from workbench.ingest.table_districts import DistrictCells, DistrictGuess
from workbench.ingest.table_headers import HeaderRows
from workbench.ingest.table_mapping import TableMapping
from workbench.ingest.table_missing import is_no_answer
from workbench.ingest.table_moderation import Moderation
from workbench.ingest.table_points import PointCells, PointColumns
from workbench.ingest.table_rows import Rows

Group = list[tuple[str, int]]  # a column in its languages, with its index


def answer(cell: Any) -> str:
    """A text cell's plain text; empty when it says "no answer" ("-", "k. A.", "-99")."""
    text = plain_text("" if cell is None else str(cell).strip())
    return "" if is_no_answer(text) else text


def first(fields: Sequence[Any], group: Group) -> tuple[str | None, str]:
    """The first column of ``group`` with text in a row, and its plain text."""
    for column, i in group:
        value = answer(fields[i] if i < len(fields) else None)
        if value:
            return column, value
    return None, ""


@dataclass
class TableLayout:
    """A table as read, and its columns as the import's steps chose them, in their order."""

    # read: the sheet below its header rows (table.py: _read_sheet)
    raw: RawFile
    suffix: str
    mapping: TableMapping
    header: list[str]
    records: Rows
    sheet: str | None
    sheets: list[str]
    read_options: dict[str, Any]
    survey_header: HeaderRows
    missing_codes: int
    header_row: int
    renamed: list[str]
    totals: list[int]
    labels: dict[str, str]
    own: dict[str, Any]
    blocks: Blocks | None
    taguette: dict[str, str]
    codes_found: str | None
    by_coder: bool
    single: bool
    above: bool
    no_header: bool
    unnamed: list[str]
    # the text column and a form's open questions (_choose_text_column)
    named: set[str] = field(default_factory=set)
    text_column: str | None = None
    survey_found: list[str] = field(default_factory=list)
    beside: str | None = None
    # the ID column (_choose_id_column)
    detected_id: bool = False
    old_header: list[str] = field(default_factory=list)
    listed: bool = False
    gaps: dict[str, Any] = field(default_factory=dict)
    # the text's and the title's columns in their languages (_choose_text_and_title)
    text_columns: list[Any] = field(default_factory=list)
    survey: bool = False
    asking: bool = False
    texts: list[tuple[Any, int | None]] = field(default_factory=list)
    text_group: Group = field(default_factory=list)
    taken: set[str] = field(default_factory=set)
    title_group: Group = field(default_factory=list)
    category: Group = field(default_factory=list)
    title_column: str | None = None
    # guiding question, workshop, role (_choose_group_columns)
    grouped: dict[str, str] = field(default_factory=dict)
    # districts, points and moderation (_choose_districts)
    guess: DistrictGuess | None = None
    pins: PointColumns | None = None
    moderation: Moderation | None = None
    points: PointCells | None = None
    # the cells a row is read from (_choose_cells)
    idx: dict[str, int | None] = field(default_factory=dict)
    districts: DistrictCells | None = None
    place: list[int] | None = None
    coders: list[str] = field(default_factory=list)
    attributes: list[tuple[str, int | None]] = field(default_factory=list)
    private: dict[str, str] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)
    crosses: CrossColumns | None = None  # one column per code (code_crosses)
    short: list[int] = field(default_factory=list)  # rows padded to the header (_pad_rows)
