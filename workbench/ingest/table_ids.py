"""IDs that Excel changed before the table came back: a long number shortened ("1,23457E+11")
or a number like "2.1" made a date ("02. Jan").

German Excel opening a CSV file shows a number of twelve digits or more in scientific
notation and saves it so: the digits behind are lost, and two IDs may become one. It reads
"2.1" (the workbench's ID of a survey row's first answer) as 2 January and saves "02. Jan".
Stored as IDs, these no longer lead back to the source row or to a codings table.

A download of an export the project stored by its ID column ("Antwort-ID", "ResponseId"),
in which that column has an empty or repeated cell (edited by hand: LimeSurvey and
Qualtrics give every response an ID), cannot be matched to its stored rows: it stops,
naming the rows (:func:`refuse_id_gaps`), instead of comparing by row numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.domain import InputError, ParsedDocument

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


def row_id(value: str | None, filename: str, row: int, column: str | None) -> str:
    """The ID of a table's ``row``: ``value`` of its ID ``column`` (checked as in
    :func:`checked_id`), or the row number if the table has no ID column. An empty cell of
    the ID column stops: its row number would mix with the IDs (and may equal one).

    >>> row_id("4711", "k.csv", 2, "Karten-ID"), row_id(None, "k.csv", 3, None)
    ('4711', '3')
    >>> try:
    ...     row_id(None, "k.csv", 4, "Karten-ID")
    ... except InputError as err:
    ...     print(str(err)[:49])
    Datei k.csv, Zeile 4: Spalte 'Karten-ID' ist leer
    """
    if column is None:
        return str(row)
    found = checked_id(value, filename, row)
    if found is None:
        raise InputError(
            f"Spalte '{column}' ist leer, die Spalte der IDs (--id-column). Jede Zeile mit "
            "Text braucht dort eine ID: die Zeilennummer an ihrer Stelle vermischte sich mit "
            "den IDs der übrigen Zeilen. Die ID eintragen, oder ohne --id-column importieren "
            "(dann ist die Zeilennummer die ID jeder Zeile).",
            file=filename,
            row=row,
        )
    return found


def _id_cells(document: ParsedDocument, column: str) -> list[tuple[int, str]]:
    """(row, value of ``column``) of each row with statements, in the file's order."""
    cells: dict[int, str] = {}
    for segment in document.segments:
        if segment.row is not None and segment.row not in cells:
            value = (segment.attributes or {}).get(column)
            cells[segment.row] = "" if value is None else str(value).strip()
    return list(cells.items())


def refuse_id_gaps(document: ParsedDocument, column: str) -> None:
    """Stop if ``document`` (a download read without ID column) has ``column``, by which
    the project stored its earlier download, empty or repeated in a row with statements
    (see the module); else nothing.

    >>> from workbench.core.domain import ParsedSegment
    >>> rows = [("1", "Mehr Bänke"), (None, "Ein Jugendtreff"), ("3", "Radwege")]
    >>> segments = tuple(
    ...     ParsedSegment(t, str(r), row=r, attributes={"Antwort-ID": i} if i else {})
    ...     for r, (i, t) in enumerate(rows, start=2)
    ... )
    >>> doc = ParsedDocument("u.csv", "0", "table", segments)
    >>> try:
    ...     refuse_id_gaps(doc, "Antwort-ID")
    ... except InputError as err:
    ...     print(str(err)[:51])
    Datei u.csv, Zeile 3: Spalte 'Antwort-ID' ist leer.
    """
    cells = _id_cells(document, column)
    if not any(value for _, value in cells):
        return  # the column is gone: another table, compared as such
    empty = [row for row, value in cells if not value]
    first: dict[str, int] = {}
    repeated = [(row, first.setdefault(value, row)) for row, value in cells if value]
    repeated = [(row, earlier) for row, earlier in repeated if row != earlier]
    if not empty and not repeated:
        return
    if empty:
        row, what = empty[0], f"Spalte '{column}' ist leer{_also(empty[1:])}."
    else:
        row, earlier = repeated[0]
        what = f"{column} steht schon in Zeile {earlier}{_also([r for r, _ in repeated[1:]])}."
    raise InputError(
        f"{what} Eine frühere Fassung dieser Datei ist schon im Projekt, gespeichert nach "
        f"'{column}': ohne eigene ID in jeder Zeile lassen sich die Zeilen dieser Datei den "
        "gespeicherten nicht zuordnen (nach Zeilennummern verschöbe jede gelöschte Zeile "
        "alle folgenden). Die ID in dieser Zeile eintragen (in einer neuen Zeile eine noch "
        "nicht vergebene); ein Export einer Plattform, die jeder Antwort eine ID gibt, "
        "lässt sich auch unverändert neu herunterladen (nicht in Excel bearbeitet). Sind es "
        "zwei verschiedene Dateien gleichen Namens, "
        "nimmt --allow-duplicates beide auf. Nichts importiert.",
        file=document.filename,
        row=row,
    )


def _also(rows: Sequence[int]) -> str:
    """The further rows of a gap, for the message: " (auch Zeile 9, 12)"; else ""."""
    return f" (auch Zeile {', '.join(map(str, rows))})" if rows else ""
