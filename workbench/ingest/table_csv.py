"""Reading a CSV file into a header and numbered rows (moved from
:mod:`workbench.ingest.table_rows`, unchanged)."""

from __future__ import annotations

import csv
import io

from workbench.core.domain import InputError
from workbench.core.textio import RawFile, decode, sniff_delimiter, without_sep_hint
from workbench.ingest.table_reading import check_resaved_with_semicolons, check_rows_in_one_cell


def csv_rows(raw: RawFile) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line number, fields) of every record of a CSV file."""
    text, hint = without_sep_hint(decode(raw))  # Excel's "sep=;" is no title above the header
    delimiter = hint or sniff_delimiter(text)
    # Rows are numbered as a spreadsheet shows them (the header is row 1), not by the file's
    # lines: a line break inside a quoted answer does not shift the rows below it. The
    # "sep=;" line keeps its row (LibreOffice shows it).
    skipped = int(hint is not None)
    # A cell may be longer than the csv module's 128 KiB (an image embedded in a post's
    # HTML), never longer than the file: a valid file is read whole.
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        header = next(reader)
        for fields in reader:
            records.append((len(records) + 2 + skipped, fields))
    except csv.Error as err:
        if delimiter == ",":
            check_resaved_with_semicolons(raw.name, text)  # German Excel opened it at ";"
        raise InputError(
            f"CSV-Datei ist fehlerhaft oder abgeschnitten{csv_problem(err, delimiter)}.",
            file=raw.name,
            row=reader.line_num + skipped,
        ) from None
    except StopIteration:
        raise InputError("Die Datei ist leer.", file=raw.name) from None
    check_rows_in_one_cell(raw.name, header, records, delimiter)  # Excel opened it with ";"
    return header, records


def csv_problem(err: csv.Error, delimiter: str) -> str:
    """What the csv module's English message means, in German (" (…)"), or nothing.

    >>> csv_problem(csv.Error("new-line character seen in unquoted field"), ";")
    ' (Zeilenumbruch in einem Feld ohne Anführungszeichen)'
    """
    text = str(err)
    if "expected after" in text:
        return (
            f" (nach einem schließenden Anführungszeichen muss {delimiter} folgen; "
            'ein " im Text wird verdoppelt: "")'
        )
    if "unexpected end of data" in text:
        return ' (ein Anführungszeichen " wird bis zum Ende der Datei nicht geschlossen)'
    if "new-line character" in text:
        return " (Zeilenumbruch in einem Feld ohne Anführungszeichen)"
    return ""
