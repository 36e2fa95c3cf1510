"""The shapes of a Markdown or plain-text protocol's lines (headings, list items, rules, a
pad's macros, quotes) and its pipe tables (moved out of
:mod:`workbench.ingest.markdown_protocol`)."""

from __future__ import annotations

import re

from workbench.ingest.answer_lines import SENTENCE_END
from workbench.ingest.card_columns import holds_cards
from workbench.ingest.paragraphs import CLUB_NAMES, MONTH_NAMES
from workbench.ingest.personal_columns import header_key
from workbench.ingest.protocol_meta import ROW_LABEL_HEADERS, ROW_QUESTION_HEADERS

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# A list item; group 1 its indent (an item indented below another is nested in it), group 2
# its text. A line that starts with the day of a date ("12. März: Stadtteilfest") is an item
# too, but the day is part of its text, no number of a list.
_ITEM = re.compile(
    rf"^(\s*)(?:(?:[-*+•–·▪◦‣]|\d{{1,3}}\))\s+|\d{{1,3}}\.\s+(?!\s)(?!(?:{MONTH_NAMES}|{CLUB_NAMES})\b)"
    rf"|(?=\d{{1,2}}\.\s+(?:{MONTH_NAMES})\b))(.*)$"
)
_DAY_START = re.compile(rf"^\s*\d{{1,2}}\.\s+(?:{MONTH_NAMES})\b")  # "3. Oktober …"
_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")  # a setext heading's underline
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|={3,}\s*)$")
_TABLE_ROW = re.compile(r"^\s{0,3}\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s{0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+(?!\s*\d)")  # "> Zitat", not "> 50 % der Kinder"
# A pad's table of contents ("[TOC]", "[[_TOC_]]") and the fences of a HedgeDoc container
# (":::info" … ":::"): lines without statements.
_PAD_MACRO = re.compile(r"^\s{0,3}(?:\[\[?_?toc_?\]?\]|:::.*)\s*$", re.IGNORECASE)


def _cells(line: str) -> list[str]:
    """The cells of a pipe table's row."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]


def _table(
    lines: list[tuple[int, str]], headless: bool = False
) -> list[tuple[int, str, dict[str, str]]] | None:
    """``(row, text, attributes)`` of each statement of a pipe table; None when the lines
    are no table (no ``|---|`` line under the first). In a text without headings
    (``headless``) a first column is labels or a row's question only by its header
    (``protocol_meta.ROW_LABEL_HEADERS``, ``ROW_QUESTION_HEADERS``; the question then
    stands as the row's ``Spalte``)."""
    if len(lines) < 2 or not _TABLE_RULE.match(lines[1][1]):
        return None
    header = _cells(lines[0][1])
    body = [(number, _cells(line)) for number, line in lines[2:]]
    labels = [cells[0] if cells else "" for _, cells in body]
    labelled = len(header) >= 2 and all(
        len(t.split()) <= 4 and not SENTENCE_END.search(t) for t in labels
    )
    labelled &= not holds_cards(header[0])  # "Herausforderungen": a column of cards
    first = header_key(header[0]) if headless and len(header) >= 2 else None
    asking = first in ROW_QUESTION_HEADERS
    labelled = asking or (labelled and (first is None or first in ROW_LABEL_HEADERS))
    out = []
    for number, cells in body:
        for column, cell in enumerate(cells):
            if not cell or (labelled and column == 0):
                continue
            attributes = {"Spalte": header[column] if column < len(header) else ""}
            if asking:
                attributes["Spalte"] = cells[0]
            attributes["Zeile"] = cells[0] if labelled and not asking else ""
            out.append((number, cell, {k: v for k, v in attributes.items() if v}))
    return out
