"""Coded spreadsheets with one column per code: a cross in the code's column for each
statement ("Aussage | Ressource | Herausforderung | Bedarf", "x" where it applies), as
planning teams code in Excel, and Dedoose's excerpt export ("Code: Bedarf Applied").

The columns are given by ``--code-columns`` (decision 029): a list ("Ressource,Bedarf")
or a range of neighbouring columns ("Ressource..Bedarf", "Ressource.." to the last).
A cross is ``x``, ``ja``, ``yes``, ``wahr``, ``true``, ``✓``, ``✔``, ``☑`` (any case) or a
number above 0 (a weight: kept per code in the attribute "Gewicht", as MAXQDA's, when a
number other than 1 occurs); empty, ``0``, ``nein``, ``no``, ``falsch``, ``false`` and
``-`` are not coded. Anything else ("xx", "vielleicht", a negative number) stops the
import with file, row, column and value: a typo must not lose or invent a coding.

Without the option no column is read as codes: a survey's checkbox columns (LimeSurvey
"Y", Microsoft Forms "Ja") look the same and are answers, not codings. Only Dedoose's
excerpt export is recognised by its header: "Excerpt Copy" and columns
"Code: NAME Applied" (True/False), as DedooseR (CRAN) documents the export.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.core.domain import SEPARATOR, InputError
from workbench.ingest.segment_list import code_path
from workbench.ingest.table_columns import column_list

MARKS = frozenset(("x", "ja", "yes", "wahr", "true", "✓", "✔", "☑", "✅"))
NOT_MARKED = frozenset(("", "0", "nein", "no", "falsch", "false", "-", "–"))
ACCEPTED = "x, ja, yes, wahr, true, ✓, ✔, ☑ oder eine Zahl über 0 (Gewicht); leer, 0, nein, falsch"
WEIGHT = "Gewicht"  # the attribute of a statement's weights per code ("2 (Bedarf)")
_RANGE = ".."
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_DEDOOSE_CODE = re.compile(r"Code:\s*(.+?)\s+(Applied|Weight|Range)", re.IGNORECASE)
DEDOOSE_TEXT = "Excerpt Copy"
# Dedoose's columns naming people (who made the excerpt, who uploaded the document) and
# its list of all codes of an excerpt (the code columns say the same): not attributes.
_DEDOOSE_LEFT_OUT = ("Excerpt Creator", "Resource Creator", "Codes Applied Combined")


@dataclass(frozen=True)
class CrossColumns:
    """The code columns of a table: (header, code path) in their order, the weight column of
    a code (Dedoose), and the columns not kept as attributes (Dedoose's ranges, creators)."""

    columns: tuple[tuple[str, str], ...]
    weights: dict[str, str] = field(default_factory=dict)  # code path → weight column
    left_out: tuple[str, ...] = ()
    dedoose: bool = False

    def headers(self) -> list[str]:
        """The code columns' headers."""
        return [h for h, _ in self.columns]


def cross_weight(value: Any) -> float | None:
    """The weight of a code column's cell: 1 for a cross, the number for a number above 0,
    ``None`` for not coded; :class:`ValueError` for anything else.

    >>> [cross_weight(v) for v in ("X", " ja ", "✔", "", "0", "nein", None, "2", 0.5, True)]
    [1.0, 1.0, 1.0, None, None, None, None, 2.0, 0.5, 1.0]
    >>> cross_weight("xx")
    Traceback (most recent call last):
    ValueError: xx
    """
    if value is None or value is False:
        return None
    if value is True:
        return 1.0
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().casefold()
        if text in NOT_MARKED:
            return None
        if text in MARKS:
            return 1.0
        if not _NUMBER.fullmatch(text):
            raise ValueError(str(value))
        number = float(text.replace(",", "."))
    if math.isnan(number) or number < 0:
        raise ValueError(str(value))
    return number or None


def _named(spec: Sequence[str], header: list[str], filename: str, taken: set[str]) -> list[str]:
    """The headers ``--code-columns`` names, ranges ("A..B", "A..") spelled out without the
    columns ``taken`` by another option (the text, the ID between codes)."""
    found: list[str] = []
    for item in (s.strip() for s in spec):
        first, dots, last = ("", "", "") if item in header else item.partition(_RANGE)
        ends = [first.strip(), last.strip()] if dots else [item]
        for end in (e for e in ends if e):
            if end not in header:
                raise InputError(
                    f"Spalte '{end}' (--code-columns) fehlt. Vorhandene Spalten: "
                    f"{column_list(header)}",
                    file=filename,
                    row=1,
                )
        if not dots:
            found.append(item)
            continue
        start = header.index(first.strip()) if first.strip() else 0
        stop = header.index(last.strip()) if last.strip() else len(header) - 1
        if stop < start:
            raise InputError(
                f"--code-columns '{item}': Spalte '{last.strip()}' steht vor '{first.strip()}'.",
                file=filename,
                row=1,
            )
        found.extend(h for h in header[start : stop + 1] if h not in taken)
    return list(dict.fromkeys(h for h in found if h))


def _dedoose(header: list[str]) -> CrossColumns | None:
    """Dedoose's excerpt export: "Excerpt Copy" and columns "Code: NAME Applied"."""
    if DEDOOSE_TEXT not in header:
        return None
    parts = {h: m for h in header if (m := _DEDOOSE_CODE.fullmatch(h.strip()))}
    applied = [(h, m[1]) for h, m in parts.items() if m[2].casefold() == "applied"]
    if not applied:
        return None
    paths = {name: code_path(name, SEPARATOR) for _, name in applied}
    weights = {
        paths[m[1]]: h for h, m in parts.items() if m[2].casefold() == "weight" and m[1] in paths
    }
    left_out = [h for h, m in parts.items() if m[2].casefold() != "applied"]
    left_out += [h for h in _DEDOOSE_LEFT_OUT if h in header]
    columns = tuple((h, paths[name]) for h, name in applied)
    return CrossColumns(columns, weights, tuple(left_out), dedoose=True)


def cross_columns(
    filename: str, header: list[str], spec: Sequence[str], taken: Sequence[str] = ()
) -> CrossColumns | None:
    """The code columns ``spec`` (``--code-columns``) names, or Dedoose's; ``None`` else.
    ``taken``: the columns other options name (a range leaves them out)."""
    if not spec:
        return _dedoose(header)
    named = _named(spec, header, filename, set(taken) - set(spec))
    columns = tuple((h, path) for h in named if (path := code_path(h, SEPARATOR)))
    return CrossColumns(columns) if columns else None


def _number(weight: float) -> str:
    """A weight as typed: 2, not 2.0."""
    return str(int(weight)) if weight.is_integer() else str(weight).replace(".", ",")


def read_crosses(
    crosses: CrossColumns,
    header: list[str],
    fields: Sequence[Any],
    filename: str,
    row: int,
) -> tuple[tuple[str, ...], list[str]]:
    """A row's codes by its crosses, and its weights other than 1 ("2 (Bedarf)")."""
    codes: list[str] = []
    weights: list[str] = []
    for column, path in crosses.columns:
        at = header.index(column)
        value = fields[at] if at < len(fields) else None
        try:
            weight = cross_weight(value)
        except ValueError:
            shown = str(value).strip()
            shown = shown if len(shown) <= 30 else shown[:29] + "…"
            raise InputError(
                f"Spalte '{column}' ist eine Codespalte, der Wert '{shown}' ist kein Kreuz. "
                f"Erwartet: {ACCEPTED}.",
                file=filename,
                row=row,
            ) from None
        if weight is None:
            continue
        codes.append(path)
        if path in crosses.weights:  # Dedoose: the weight in a column of its own
            given = header.index(crosses.weights[path])
            value = fields[given] if given < len(fields) else None
            try:
                weight = float(str(value).replace(",", ".")) if value not in (None, "") else 1.0
            except ValueError:
                weight = 1.0  # not a number: no weight said
            weight = 1.0 if math.isnan(weight) else weight
        if weight != 1:
            weights.append(f"{_number(weight)} ({path})")
    return tuple(dict.fromkeys(codes)), weights
