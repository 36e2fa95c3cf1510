"""What reading a table file sees beside its cells' values: rows shorter than the header,
rows an XLSX or ODS sheet hides, formulas saved without their result.

- **Short rows.** Survey tools (LimeSurvey) and hand-made files leave out a row's empty
  fields at its end ("Text;Sozialraum" over "Der Bus fährt zu selten"): the missing fields
  are empty, and the import says which rows. One case stays an error: in a file without
  quoted fields, a short row whose next line holds exactly the fields it lacks (their
  counts add up to the header's plus one) is likely a line break in a field without quotes
  — padding would split one answer into two statements and shift the rest of it into the
  wrong columns. A file that quotes fields (LimeSurvey, Excel, LibreOffice, pandas) quotes
  a field with a line break; there a short row is only short. A short last row with no
  line break after it is a file cut off (writers end their last row): an error too.
- **Rows in one cell.** Our export (",") opened in German Excel by double click and saved
  again has its rows with a quoted field whole in one quoted cell: the import stops and
  says so, instead of padding them empty (:func:`check_rows_in_one_cell`).
- **Hidden rows.** A team hides rows in Excel or LibreOffice to take them out (a card
  entered twice, an answer the group excluded), as it hides a sheet of lists: hidden rows
  are no statements, and the import names them; showing them again brings them back. Rows an
  AutoFilter hides are a view, not a decision (a colleague looked at one district): they
  are imported, and the import says the sheet was filtered and which rows it hid; so are
  the rows of a collapsed group (Excel's outline).
- **Formulas without result.** A file written by a script or another program (openpyxl,
  some exporters) holds a formula but no calculated value, and its cell reads as empty: an
  answer lost without a word. The import names the columns and rows and advises to open
  and save the file in Excel or LibreOffice, which calculates them. (A formula whose
  result is empty text, ``t="str"`` with an empty value, is calculated: nothing to say.)
  A formula's error value ("#REF!", "#NAME?", ``t="e"``) is no answer: empty, and named.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException, ElementTree

from workbench.core.archives import BROKEN_ZIP, read_member
from workbench.core.domain import InputError
from workbench.core.textio import RawFile, decode
from workbench.ingest.merged_cells import sheet_part

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CELL = re.compile(r"([A-Z]+)(\d+)")  # a cell's reference: column letters, row
_LISTED = 10  # row numbers a notice lists
_QUOTED = re.compile(r'(?:^|[,;\t])[ ]*"', re.MULTILINE)  # a field in quotes


def _listed(rows: Sequence[int]) -> str:
    """Row numbers for a notice: "3, 5, 9" (the first ten, then "…")."""
    shown = ", ".join(map(str, rows[:_LISTED]))
    return shown + (", …" if len(rows) > _LISTED else "")


def pad_short_rows(
    raw: RawFile, header: Sequence[str], records: list[tuple[int, list[Any]]], csv: bool
) -> tuple[list[tuple[int, list[Any]]], list[int]]:
    """The records with rows shorter than ``header`` filled with empty fields at the end,
    and the numbers of the rows that lacked a named column's field and were not empty. In
    a CSV file (``csv``) without quoted fields, a short row whose next line completes it
    (a line break in a field without quotes) stops the import, naming the row; so does a
    short last row without a line break after it (a file cut off)."""
    text = decode(raw) if csv else ""
    unquoted = csv and not _QUOTED.search(text)  # writers that quote, quote breaks
    cut = csv and not text.endswith(("\n", "\r"))  # a download cut off mid-row
    width = len(header)
    while width and not header[width - 1]:  # "Text;Sozialraum;": a trailing delimiter
        width -= 1
    padded: list[tuple[int, list[Any]]] = []
    short: list[int] = []
    for index, (row, fields) in enumerate(records):
        if len(fields) >= width:
            padded.append((row, [*fields, *[None] * (len(header) - len(fields))]))
            continue
        following = records[index + 1] if index + 1 < len(records) else None
        if (
            unquoted
            and following is not None
            and following[0] == row + 1
            and len(fields) + len(following[1]) - 1 == width
        ):
            raise InputError(
                f"Datensatz hat {len(fields)} statt {width} Felder und die Zeile darunter "
                f"{len(following[1])}: zusammen ein Datensatz mit Zeilenumbruch in einem Feld "
                'ohne Anführungszeichen? Das Feld in Anführungszeichen setzen ("…") oder den '
                "Umbruch entfernen; fehlen nur leere Felder am Ende, die Trennzeichen dafür "
                'ergänzen ("Text;Sozialraum;;").',
                file=raw.name,
                row=row,
            )
        if cut and following is None:
            raise InputError(
                f"Datensatz hat {len(fields)} statt {width} Felder und die Datei kein "
                "Zeilenende danach (Datei abgeschnitten?). Ist die Zeile vollständig: am Ende "
                "der Datei einen Zeilenumbruch einfügen.",
                file=raw.name,
                row=row,
            )
        if any(f is not None and str(f).strip() != "" for f in fields):
            short.append(row)
        padded.append((row, [*fields, *[None] * (len(header) - len(fields))]))
    return padded, short


def check_rows_in_one_cell(
    name: str, header: Sequence[str], records: Sequence[tuple[int, Sequence[Any]]], delimiter: str
) -> None:
    """Stop when rows of a CSV file are each one quoted field holding a whole row.

    German Excel opens a file with "," by double click at ";": a line with a quoted field
    ("Kein Endgerät, kein Drucker") lands whole in column A, and saving it again quotes the
    cell: ``"1,1,…,""Kein Endgerät, kein Drucker"",31,95,"``. Read as it is, such a row is
    one field: its statement was padded empty and skipped as an empty row, without a word.
    A row counts when its only field holds a quoted field between delimiters (the row's
    own: ``,"…",``; a text's quotes, "mehr" Bänke, are none) and splits into the header's
    fields.
    """
    if len(header) < 3:
        return
    rows: list[int] = []
    for row, fields in records:
        filled = [i for i, f in enumerate(fields) if f is not None and str(f).strip()]
        cell = str(fields[0]) if filled == [0] else ""
        quoted = rf'(?:^|{re.escape(delimiter)})"(?:[^"]|"")*"(?:{re.escape(delimiter)}|$)'
        if not re.search(quoted, cell):
            continue
        try:
            inner = next(csv.reader(io.StringIO(cell, newline=""), delimiter=delimiter), [])
        except csv.Error:
            continue
        if len(inner) == len(header):
            rows.append(row)
    if rows:
        raise InputError(
            f"{len(rows)} Zeile{'' if len(rows) == 1 else 'n'} ({_listed(rows)}) "
            f"{'steht' if len(rows) == 1 else 'stehen'} ganz in einem Feld in "
            "Anführungszeichen: Die Datei wurde wohl in Excel mit anderem Trennzeichen "
            "geöffnet (Doppelklick in deutschem Excel auf eine CSV mit Komma) und wieder "
            "gespeichert. Die ursprüngliche Datei importieren, oder sie in Excel über "
            "„Daten → Aus Text/CSV“ öffnen (Trennzeichen Komma) und dann speichern.",
            file=name,
            row=rows[0],
        )


def check_resaved_with_semicolons(name: str, text: str) -> None:
    """After a CSV file failed to read at ",": stop with :func:`check_rows_in_one_cell`'s
    explanation when German Excel saved it again at ";" (a text with ";" split its row
    into two cells, so Excel filled every row up with ";": ``"1,1,…,""…"",31,95,";``)."""
    if ";" not in text:
        return
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    try:
        first = next(reader, [])
        header = next(csv.reader([first[0]], delimiter=",")) if first else []
        records, previous = [], reader.line_num
        for fields in reader:
            records.append((previous + 1, fields))
            previous = reader.line_num
    except csv.Error:
        return
    check_rows_in_one_cell(name, header, records, ",")


def _sheet_root(data: bytes, sheet: str, name: str) -> Any:
    """The XML of the sheet titled ``sheet`` of the XLSX file ``name``; None if a part is
    missing or no XML (a damaged or encrypted part stops with its name)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = sheet_part(archive, sheet, name)
            return ElementTree.fromstring(read_member(archive, part, name)) if part else None
    except (KeyError, *BROKEN_ZIP, ElementTree.ParseError, DefusedXmlException):
        return None


def xlsx_sheet_rows(data: bytes, sheet: str, name: str) -> dict[str, Any]:
    """What a sheet of an XLSX file says beside its values: rows below the first hidden by
    hand (``hidden_rows``), by an AutoFilter (``filtered_rows``) or in a collapsed group
    (``grouped_rows``), and formula cells without a calculated value or with an error
    ("#REF!") by column letter (``formula_cells``, ``error_cells``); empty if none."""
    root = _sheet_root(data, sheet, name)
    if root is None:
        return {}
    filtered = any(
        child.tag == f"{_MAIN}filterColumn"
        for found in root.iter(f"{_MAIN}autoFilter")
        for child in found
    )
    found: dict[str, Any] = {}
    formulas: dict[str, list[int]] = {}
    errors: dict[str, list[int]] = {}
    for row in root.iter(f"{_MAIN}row"):
        number = int(row.get("r") or 0)
        for cell in row.iter(f"{_MAIN}c"):
            value = cell.find(f"{_MAIN}v")
            place = _CELL.fullmatch(cell.get("r") or "")
            if cell.get("t") == "e" and place and number > 1:  # "#REF!", "#NAME?": no answer
                errors.setdefault(place.group(1), []).append(number)
            elif (
                cell.find(f"{_MAIN}f") is not None
                and cell.get("t") not in ("str", "e")
                and (value is None or not (value.text or "").strip())
                and place
                and number > 1
            ):
                formulas.setdefault(place.group(1), []).append(number)
        if row.get("hidden") not in ("1", "true") or number < 2:
            continue
        grouped = int(row.get("outlineLevel") or 0) > 0  # a collapsed group: a view too
        kind = "filtered_rows" if filtered else "grouped_rows" if grouped else "hidden_rows"
        found.setdefault(kind, []).append(number)
    if formulas:
        found["formula_cells"] = formulas
    if errors:
        found["error_cells"] = errors
    return found


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def ods_sheet_rows(data: bytes, sheet: str, name: str) -> dict[str, Any]:
    """Like :func:`xlsx_sheet_rows` for a sheet of an ODS file (LibreOffice: a row's
    ``table:visibility`` "collapse" — hidden, or in a collapsed group — or "filter")."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = ElementTree.fromstring(read_member(archive, "content.xml", name))
    except (KeyError, *BROKEN_ZIP, ElementTree.ParseError, DefusedXmlException):
        return {}
    table = next((t for t in root.iter(f"{_TABLE}table") if t.get(f"{_TABLE}name") == sheet), None)
    if table is None:
        return {}
    grouped = {id(r) for g in table.iter(f"{_TABLE}table-row-group") for r in g.iter()}
    found: dict[str, Any] = {}
    number = 1
    for row in table.iter(f"{_TABLE}table-row"):
        repeated = int(row.get(f"{_TABLE}number-rows-repeated") or 1)
        seen = row.get(f"{_TABLE}visibility")
        if seen in ("collapse", "filter") and repeated < 1000:  # not the sheet's empty rest
            kind = "filtered_rows" if seen == "filter" else "hidden_rows"
            kind = "grouped_rows" if id(row) in grouped and seen == "collapse" else kind
            rows = [n for n in range(number, number + repeated) if n > 1]
            found.setdefault(kind, []).extend(rows)
        number += repeated
    return {k: v for k, v in found.items() if v}


def sheet_rows(
    raw: RawFile, sheet: str | None, header: Sequence[str], records: list[tuple[int, list[Any]]]
) -> tuple[list[tuple[int, list[Any]]], dict[str, Any]]:
    """The records of an XLSX or ODS sheet without the rows hidden by hand and with error
    values ("#REF!") empty, and what the import records of hidden and filtered rows and
    of formulas without value or with an error, by column ("D ('Text')"; other files: as
    they are, nothing)."""
    suffix = Path(raw.name).suffix.lower()
    if sheet is None or suffix not in (".xlsx", ".xlsm", ".ods"):
        return records, {}
    found = (ods_sheet_rows if suffix == ".ods" else xlsx_sheet_rows)(raw.data, sheet, raw.name)
    hidden = set(found.get("hidden_rows") or ())
    cells_of = dict(records)
    for key in ("formula_cells", "error_cells"):
        named = {}
        for letters, rows in sorted(found.pop(key, {}).items(), key=lambda f: f[0]):
            index = 0
            for letter in letters:
                index = index * 26 + ord(letter) - ord("A") + 1
            name = header[index - 1] if index <= len(header) else ""
            if shown := [row for row in rows if row not in hidden]:
                named[f"{letters} ('{name}')" if name else letters] = shown
            for row in rows if key == "error_cells" else ():  # "#REF!" is no answer
                if row in cells_of and index <= len(cells_of[row]):
                    cells_of[row][index - 1] = None
        if named:
            found[key] = named
    return [(row, cells) for row, cells in records if row not in hidden], found


def sheet_row_notices(options: Mapping[str, Any]) -> list[str]:
    """What the import says of short, hidden, filtered and grouped rows and of formulas."""
    notices = []
    if short := options.get("padded_rows"):
        notices.append(
            f"{len(short)} Zeile{'' if len(short) == 1 else 'n'} mit weniger Feldern als die "
            f"Kopfzeile (Zeile{'' if len(short) == 1 else 'n'} {_listed(short)}): fehlende "
            "Felder am Ende als leer gelesen."
        )
    if hidden := options.get("hidden_rows"):
        notices.append(
            f"{len(hidden)} ausgeblendete Zeile{'' if len(hidden) == 1 else 'n'} "
            f"({_listed(hidden)}) nicht importiert: ausgeblendet heißt ausgeschlossen. "
            "Sollen sie dazugehören: einblenden, speichern und erneut importieren."
        )
    if filtered := options.get("filtered_rows"):
        notices.append(
            f"Das Tabellenblatt ist gefiltert (AutoFilter): {len(filtered)} vom Filter "
            f"ausgeblendete Zeile{'' if len(filtered) == 1 else 'n'} ({_listed(filtered)}) "
            "trotzdem importiert – ein Filter ist eine Ansicht. Sollen sie nicht dazugehören: "
            "die Zeilen löschen oder den Filter aufheben und sie von Hand ausblenden."
        )
    for column, rows in (options.get("formula_cells") or {}).items():
        notices.append(
            f"Spalte {column}: {len(rows)} Formel{'' if len(rows) == 1 else 'n'} ohne "
            f"berechnetes Ergebnis (Zeile{'' if len(rows) == 1 else 'n'} {_listed(rows)}), "
            "als leer gelesen – die Datei hat ein Programm geschrieben, das Formeln nicht "
            "berechnet. In Excel oder LibreOffice öffnen, speichern und erneut importieren."
        )
    for column, rows in (options.get("error_cells") or {}).items():
        notices.append(
            f"Spalte {column}: {len(rows)} Fehlerwert{'' if len(rows) == 1 else 'e'} einer "
            f"Formel (#BEZUG!/#REF!, #NAME? …; Zeile{'' if len(rows) == 1 else 'n'} "
            f"{_listed(rows)}) als leer gelesen: keine Aussage, kein Merkmal."
        )
    if grouped := options.get("grouped_rows"):
        notices.append(
            f"{len(grouped)} Zeile{'' if len(grouped) == 1 else 'n'} in eingeklappten Gruppen "
            f"({_listed(grouped)}) importiert – eine Gliederung ist eine Ansicht."
        )
    return notices
