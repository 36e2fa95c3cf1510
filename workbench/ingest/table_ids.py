"""IDs that Excel changed before the table came back: a long number shortened ("1,23457E+11")
or a number like "2.1" made a date ("02. Jan").

German Excel opening a CSV file shows a number of twelve digits or more in scientific
notation and saves it so: the digits behind are lost, and two IDs may become one. It reads
"2.1" (the workbench's ID of a survey row's first answer) as 2 January and saves "02. Jan".
Stored as IDs, these no longer lead back to the source row or to a codings table.
"""

from __future__ import annotations

import re

from workbench.core.domain import InputError

_SHORTENED = re.compile(r"-?\d[,.]\d{1,14}E[+-]?\d{1,3}", re.IGNORECASE)
_MONTHS = "jan|feb|mrz|mär|apr|mai|jun|jul|aug|sep|sept|okt|nov|dez"
_DAY_MONTH = re.compile(rf"\d{{1,2}}\.? ?(?:{_MONTHS})\.?", re.IGNORECASE)  # "02. Jan"
_DATE_CELL = re.compile(r"\d{4}-\d{2}-\d{2} 00:00:00")  # an XLSX date cell as text
_TEXT_IMPORT = (
    "Bitte die Tabelle neu aus der Quelle holen oder in Excel über „Daten → Aus Text/CSV“ "
    "öffnen und die Spalte dort als Text einlesen."
)


def checked_id(value: str | None, filename: str, row: int) -> str | None:
    """``value`` of a table's ID column, or stop if Excel changed it (see the module).

    >>> checked_id("4711", "k.csv", 2), checked_id(None, "k.csv", 3)
    ('4711', None)
    >>> for shortened in ("1,23457E+11", "02. Jan"):
    ...     try:
    ...         checked_id(shortened, "k.csv", 2)
    ...     except InputError as err:
    ...         print(str(err)[:41])
    Datei k.csv, Zeile 2: ID '1,23457E+11' ha
    Datei k.csv, Zeile 2: ID '02. Jan' ist ei
    """
    if value is None:
        return None
    if _SHORTENED.fullmatch(value):
        reason = "hat Excel gekürzt (eine lange Nummer in wissenschaftlicher Schreibweise)"
    elif _DAY_MONTH.fullmatch(value) or _DATE_CELL.fullmatch(value):
        reason = "ist ein Datum, das Excel aus einer Nummer wie 2.1 gemacht hat"
    else:
        return value
    raise InputError(
        f"ID '{value}' {reason}: die ursprüngliche ID ist verloren. {_TEXT_IMPORT}",
        file=filename,
        row=row,
    )
