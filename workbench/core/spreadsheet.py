"""Spreadsheet cells that are never evaluated as formulas (OWASP "CSV injection").

A participant's card ``=HYPERLINK("http://…";"Hier klicken")`` must stay text on a city
employee's machine. As OWASP recommends, a text cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return (also after leading blanks, and their full-width forms)
gets a single quote in front: it still reads the same, and no spreadsheet program runs it.

Use :func:`safe_text` for one value (e.g. a DOCX table cell), :func:`safe_frame` before
``DataFrame.to_csv``/``to_excel``, and :func:`write_xlsx` to write sheets whose text cells
all have the data type "string" in openpyxl. A table the workbench wrote comes back without
the quote: its readers take every cell through :func:`unquoted_text`.

An XLSX cell's text is OOXML text: Excel (and the import, ``ingest/ooxml_escapes.py``)
reads ``_xHHHH_`` as the character U+HHHH. :func:`ooxml_text` writes a literal "_x001B_"
as "_x005F_x001B_" and a character XML cannot hold (ESC, BEL, U+FFFF) as its escape, as
Excel itself does: the file opens, and the text comes back as a CSV export brings it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

# Characters that make a spreadsheet program read a cell as a formula or a command.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
# Characters XML 1.0 cannot hold (openpyxl refuses the control characters, lxml U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The underscore of a literal "_xHHHH_", which Excel would read as an escape.
_ESCAPE_START = re.compile("_(?=x[0-9A-Fa-f]{4}_)")


def needs_quote(value: str) -> bool:
    """Whether a spreadsheet could take the text for a formula.

    A plain number ("-1", the outlier topic; "+49") is no formula and stays as it is.

    >>> needs_quote('=HYPERLINK("http://x")'), needs_quote("-5 Grad"), needs_quote("Kita")
    (True, True, False)
    >>> needs_quote("-1"), needs_quote("-0.25"), needs_quote("-1+1"), needs_quote("-")
    (False, False, True, True)
    """
    if _NUMBER.fullmatch(value):
        return False
    return value.startswith(FORMULA_STARTS) or value.lstrip(" ").startswith(FORMULA_STARTS)


def safe_text(value: Any) -> Any:
    """The value as a cell can hold it safely: text that starts like a formula gets ``'``.

    Anything that is not text (numbers, dates, None) is returned unchanged.

    Text that already starts with such a quote ("'=1") gets a second one, so that
    :func:`unquoted_text` gives every text back as it was.

    >>> safe_text("=1+1"), safe_text("@SUMME(A1)"), safe_text(3), safe_text("Hallo")
    ("'=1+1", "'@SUMME(A1)", 3, 'Hallo')
    """
    if isinstance(value, str) and (needs_quote(value) or _quoted(value)):
        return "'" + value
    return value


def _quoted(value: str) -> bool:
    """Whether ``value`` looks like a text :func:`safe_text` quoted ("'=1", "''=1").

    Counted, not recursed: a cell of a thousand quotes stopped the import and the export
    with a RecursionError.

    >>> _quoted("''=1"), _quoted("'s Haus"), _quoted("'" * 5000), _quoted("'" * 5000 + "-x")
    (True, False, False, True)
    """
    rest = value.lstrip("'")  # no formula starts with "'": the quotes before it all count
    return rest != value and needs_quote(rest)


def unquoted_text(value: Any) -> Any:
    """The value as it was before :func:`safe_text`: a re-imported cell ``'=1+1`` is ``=1+1``.

    Only the quote :func:`safe_text` adds goes (a ``'`` before text that starts like a
    formula); any other text, and anything that is not text, is returned unchanged.

    >>> unquoted_text("'=1+1"), unquoted_text("'- mehr Bänke"), unquoted_text("'Hallo")
    ('=1+1', '- mehr Bänke', "'Hallo")
    >>> texts = ("=A1", "-1", "'=A1", "''-x", " -x", "'", "Kita")
    >>> all(unquoted_text(safe_text(t)) == t for t in texts)
    True
    """
    if isinstance(value, str) and _quoted(value):
        return value[1:]
    return value


def safe_frame(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` with every text cell (and column name) made safe."""
    out = table.copy()
    for column in out.columns:
        series = out[column]
        if series.dtype == object or isinstance(series.dtype, pd.StringDtype):
            out[column] = series.map(safe_text, na_action="ignore")
    out.columns = [safe_text(c) for c in out.columns]
    return out


def write_xlsx(path: str | Path, sheets: Mapping[str, pd.DataFrame]) -> None:
    """Write ``sheets`` (name → table) to ``path``; every text cell has data type string.

    Text is made safe (:func:`safe_text`), written as OOXML text (:func:`ooxml_text`: a
    control character escaped, not dropped, so the file reads back as the CSV export), and
    the cell type is set to string explicitly, so nothing is ever stored as a formula.
    """
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, table in sheets.items():
        sheet = workbook.create_sheet(title=_sheet_title(name))
        sheet.append([_xlsx_text(str(c)) for c in table.columns])
        for row in table.itertuples(index=False, name=None):
            sheet.append([_xlsx_value(v) for v in row])
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    workbook.save(path)


def _sheet_title(name: str) -> str:
    """An allowed sheet title: at most 31 characters, none of ``[]:*?/\\``."""
    return re.sub(r"[\[\]:*?/\\]", " ", name)[:31] or "Tabelle"


def ooxml_text(text: str) -> str:
    """``text`` as an XLSX cell holds it for Excel to show ``text``: the underscore of a
    literal ``_xHHHH_`` escaped (``_x005F_``), a character XML cannot hold as ``_xHHHH_``.

    >>> ooxml_text("Kind\x1b[31m"), ooxml_text("_x001B_ wörtlich"), ooxml_text("a_x_b")
    ('Kind_x001B_[31m', '_x005F_x001B_ wörtlich', 'a_x_b')
    >>> from workbench.ingest.ooxml_escapes import decoded
    >>> texts = ("_x0041__x0042_", "_x005F_", "\x07\uffff", "_x0041_x0042_", "Kita")
    >>> all(decoded(ooxml_text(t)) == t for t in texts)
    True
    """
    text = _ESCAPE_START.sub("_x005F_", text)
    return _NOT_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def _xlsx_text(value: str) -> str:
    """A text cell of :func:`write_xlsx`: never a formula, every character kept (escaped)."""
    return ooxml_text(safe_text(value))


def _xlsx_value(value: Any) -> Any:
    """A cell value for openpyxl: safe text, plain numbers, empty for missing values."""
    if value is None or (not isinstance(value, str | list | dict) and pd.isna(value)):
        return None
    if isinstance(value, str):
        return _xlsx_text(value)
    if isinstance(value, bool | int | float):
        return value
    if hasattr(value, "item") and not isinstance(value, pd.Timestamp):
        return value.item()  # numpy scalars
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime | date):
        return value.replace(tzinfo=None) if isinstance(value, datetime) else value
    return _xlsx_text(str(value))
