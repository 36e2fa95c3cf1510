"""CSV, XLSX and ODS card-wall or survey exports, read through a column mapping."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from workbench.core.domain import SEPARATOR, InputError, ParsedDocument, ParsedSegment
from workbench.ingest.table_columns import (
    TEXT_HEADERS,
    TITLE_HEADERS,
    coder_columns,
    detect_column,
    segment_place,
)
from workbench.ingest.textio import RawFile, Source, decode, read_source, sniff_delimiter

IMPORTER_CSV = "csv"
IMPORTER_XLSX = "xlsx"
IMPORTER_ODS = "ods"

_INT = re.compile(r"^-?(?:0|[1-9]\d{0,17})$")
_FLOAT = re.compile(r"^-?(?:0|[1-9]\d*)\.\d+$")
_CODE_SEPARATOR = re.compile(r"\s*[;|]\s*")


@dataclass(frozen=True)
class TableMapping:
    """Which column holds what. ``None`` means: not in this table.

    Without ``text_column`` the text is found by its header (:data:`TEXT_HEADERS`);
    without ``title_column`` a title is (:data:`TITLE_HEADERS`) unless ``no_title``, and
    a statement is then "title. text" (:func:`with_title`). With ``more_text_columns`` (a
    survey's open questions) every text column of a row is a statement of its own: its
    question is the column's header (unless ``question_column``), its ID the row's plus
    ".1", ".2", …, and the document lists them question by question.
    ``attribute_columns=None`` keeps every unmapped column as an attribute.
    """

    text_column: str | None = None
    more_text_columns: tuple[str, ...] = ()  # further open questions of a survey
    title_column: str | None = None
    no_title: bool = False  # do not look for a title column
    id_column: str | None = None
    district_column: str | None = None
    workshop_column: str | None = None
    question_column: str | None = None
    role_column: str | None = None
    code_column: str | None = None
    coder: str | None = None
    attribute_columns: tuple[str, ...] | None = None
    sheet: str | None = None

    def mapped(self) -> list[str]:
        """The columns the mapping names (without attributes)."""
        return [
            c
            for c in (
                self.text_column,
                *self.more_text_columns,
                self.title_column,
                self.id_column,
                self.district_column,
                self.workshop_column,
                self.question_column,
                self.role_column,
                self.code_column,
            )
            if c
        ]


_TITLE_ROWS = 10  # rows above the header a sheet may have (a title, a date)


def _has_text_column(header: list[str], mapping: TableMapping) -> bool:
    if mapping.text_column is not None:
        return mapping.text_column in header
    return detect_column(header, TEXT_HEADERS, set(mapping.mapped())) is not None


def _header_below_title(
    header: list[str], records: list[tuple[int, list[Any]]], mapping: TableMapping
) -> tuple[list[str], list[tuple[int, list[Any]]], int]:
    """Header, data rows and header row, when a sheet has a title above its header.

    Spreadsheets made by hand often start with a line such as "Workshop Manfort,
    12.3.2021"; the header is then the first of the next rows that has the text column.
    """
    if _has_text_column(header, mapping):
        return header, records, 1
    for index, (row, cells) in enumerate(records[:_TITLE_ROWS]):
        candidate = ["" if c is None else str(c).strip() for c in cells]
        if _has_text_column(candidate, mapping):
            return candidate, records[index + 1 :], row
    return header, records, 1


def _own_titles(
    header: list[str], records: list[tuple[int, list[Any]]], column: str | None
) -> str | None:
    """``column`` if it titles each contribution, not one title for many rows (the
    process's or the sheet's: "Bürgerhaushalt 2019" before every text would be noise)."""
    if column is None:
        return None
    i = header.index(column)
    values = [
        str(cells[i]).strip()
        for _, cells in records
        if i < len(cells) and cells[i] is not None and str(cells[i]).strip()
    ]
    return column if len(set(values)) >= 0.5 * len(values) else None


def _opens(text: str, title: str) -> bool:
    """Whether ``text`` begins with ``title`` (a whole word, or the title is cut: "…").

    >>> _opens("Parkplätze fehlen", "Park"), _opens("Parkplätze fehlen", "Parkplä…")
    (False, True)
    """
    cut = title.endswith(("…", "..."))
    opening, folded = title.rstrip(".…!?:; ").casefold(), text.casefold()
    if not opening or not folded.startswith(opening):
        return False
    return cut or len(folded) == len(opening) or not folded[len(opening)].isalnum()


def with_title(title: str | None, text: str | None) -> str | None:
    """A contribution as one statement: its title, then its text.

    >>> with_title("Mehr Bänke", "Am Rhein fehlen Bänke.")
    'Mehr Bänke. Am Rhein fehlen Bänke.'
    >>> with_title("Bänke?", "Bänke? Ja, am Rhein.")  # the text repeats the title
    'Bänke? Ja, am Rhein.'
    >>> with_title("Am Rhein fehlen …", "Am Rhein fehlen Bänke.")  # … or it is cut from it
    'Am Rhein fehlen Bänke.'
    """
    title, text = (title or "").strip(), (text or "").strip()
    if not title or _opens(text, title):
        return text or None
    if not text:
        return title
    return f"{title}{'' if title[-1] in '.!?:;…' else '.'} {text}"


_HTML_TAG = re.compile(
    r"</?(?:p|br|div|span|strong|em|b|i|u|ul|ol|li|a|h[1-6]|blockquote)\b[^<>]*>", re.I
)
_HTML_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6]|blockquote)\s*>", re.I)


def plain_text(text: str) -> str:
    r"""Text of a cell that a platform exported as HTML (Decidim, Consul): tags removed,
    paragraphs and line breaks kept as line breaks, entities decoded; other text as is.

    >>> plain_text("<p>Mehr B&auml;nke</p><p>am <strong>Rhein</strong>.</p>")
    'Mehr Bänke\nam Rhein.'
    >>> plain_text("3 < 5 und 7 > 2 &amp; mehr")
    '3 < 5 und 7 > 2 &amp; mehr'
    """
    if not _HTML_TAG.search(text):
        return text
    text = _HTML_TAG.sub("", _HTML_BREAK.sub("\n", text))
    lines = (" ".join(line.split()) for line in html.unescape(text).split("\n"))
    return "\n".join(line for line in lines if line).strip()


def _value(cell: Any) -> Any:
    """Turn a cell into an attribute value: ints and decimals as numbers, else text."""
    if cell is None:
        return None
    if isinstance(cell, int | float):
        return cell
    text = str(cell).strip()
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


def _csv_rows(raw: RawFile) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line number, fields) of every record of a CSV file."""
    text = decode(raw)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        header = next(reader)
        previous = reader.line_num
        for fields in reader:
            records.append((previous + 1, fields))  # the line the record starts on
            previous = reader.line_num
    except csv.Error as err:
        raise InputError(
            f"CSV-Datei ist fehlerhaft oder abgeschnitten ({err}).",
            file=raw.name,
            row=reader.line_num,
        ) from None
    except StopIteration:
        raise InputError("Die Datei ist leer.", file=raw.name) from None
    return header, records


def _workbook(raw: RawFile, kind: str, open_book: Callable[[io.BytesIO], Any]) -> Any:
    """A spreadsheet opened with ``open_book``; empty or unreadable files stop the import."""
    if not raw.data.strip():
        raise InputError("Die Datei ist leer.", file=raw.name)
    try:
        return open_book(io.BytesIO(raw.data))
    except Exception as err:
        raise InputError(
            f"Keine lesbare {kind}-Datei (beschädigt oder abgeschnitten): {type(err).__name__}",
            file=raw.name,
        ) from None


def _check_sheet(raw: RawFile, sheet: str | None, names: Sequence[Any]) -> None:
    if sheet is not None and sheet not in names:
        raise InputError(
            f"Tabellenblatt '{sheet}' fehlt; vorhanden: {', '.join(map(str, names))}",
            file=raw.name,
        )


def _header_first(
    raw: RawFile, rows: Iterable[Sequence[Any]]
) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """The first row as header (text), the others as (row number, cells) from row 2."""
    iterator = iter(rows)
    try:
        header = ["" if c is None else str(c).strip() for c in next(iterator)]
    except StopIteration:
        raise InputError("Die Tabelle ist leer.", file=raw.name) from None
    return header, [(number, list(cells)) for number, cells in enumerate(iterator, start=2)]


def _xlsx_rows(raw: RawFile, sheet: str | None) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """Header and (row number, cells) of the first (or named) sheet of an XLSX file."""
    import openpyxl  # imported lazily: keeps `import workbench` light

    def open_book(data: io.BytesIO) -> Any:
        return openpyxl.load_workbook(data, read_only=True, data_only=True)

    book = _workbook(raw, "XLSX", open_book)
    _check_sheet(raw, sheet, book.sheetnames)
    rows = book[sheet] if sheet else book.worksheets[0]
    try:
        return _header_first(raw, rows.iter_rows(values_only=True))
    finally:
        book.close()


def _ods_rows(raw: RawFile, sheet: str | None) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """Header and (row number, cells) of the first (or named) sheet of an ODS file."""
    import pandas as pd  # its "odf" reader (odfpy); imported lazily like openpyxl

    book = _workbook(raw, "ODS", lambda data: pd.ExcelFile(data, engine="odf"))
    _check_sheet(raw, sheet, book.sheet_names)
    frame = pd.read_excel(
        book, sheet_name=sheet if sheet is not None else 0, header=None, dtype=object
    )
    rows = ([None if pd.isna(c) else c for c in row] for row in frame.itertuples(index=False))
    return _header_first(raw, rows)


def read_rows(
    raw: RawFile, sheet: str | None = None
) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """Header and (row number, cells) of a CSV, XLSX or ODS file (by its name's suffix)."""
    suffix = Path(raw.name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(raw, sheet)
    if suffix == ".ods":
        return _ods_rows(raw, sheet)
    return _csv_rows(raw)


def _resolve(header: list[str], column: str | None, filename: str, flag: str) -> int | None:
    """Index of a mapped column; a missing column stops with the list of columns."""
    if column is None:
        return None
    if column in header:
        return header.index(column)
    raise InputError(
        f"Spalte '{column}' ({flag}) fehlt. Vorhandene Spalten: {', '.join(header)}",
        file=filename,
        row=1,
    )


def reading_notices(options: Mapping[str, Any]) -> tuple[str, ...]:
    """What an import read in its own way (for the import's output): a table's header row,
    text and title columns found by their headers, merged rows; a protocol's tables."""
    notices = []
    if options.get("header_row", 1) > 1:
        row = options["header_row"]
        notices.append(f"Kopfzeile in Zeile {row} (darüber: Titel der Tabelle).")
    for role, column in (options.get("detected_columns") or {}).items():
        after = ": steht vor dem Text (--no-title: nur der Text)" if role == "Titel" else ""
        notices.append(f"Spalte '{column}' als {role} erkannt{after}.")
    if options.get("segment_place"):
        notices.append(
            "Codierte Segmente: "
            + ", ".join(f"'{c}'" for c in options["segment_place"])
            + " bestimmen die Aussage (ohne --id-column)."
        )
    if options.get("coder_columns"):
        notices.append(
            "Spalte(n) "
            + ", ".join(options["coder_columns"])
            + ": wer kodiert hat (nicht die sprechende Person), nicht übernommen."
        )
    if options.get("merged_rows"):
        same = "gleiche Stelle" if options.get("segment_place") else "gleiche ID, gleicher Text"
        notices.append(
            f"{options['merged_rows']} Zeilen wiederholen eine Aussage ({same}) mit weiteren "
            "Codes: zusammengeführt."
        )
    tables = {k: options.get(k, 0) for k in ("tables", "tables_skipped", "tables_one_row")}
    counted = {k: f"{n} Tabelle{'n' if n > 1 else ''}" for k, n in tables.items()}
    if tables["tables"]:  # tables in a DOCX or ODT protocol (docx_protocol.table_paragraphs)
        notices.append(
            f"{counted['tables']} gelesen: jede Zelle eine Aussage, eine je Zeile darin "
            "(Spaltenkopf → Attribut 'Spalte', kurze Einträge der ersten Spalte → 'Zeile')."
        )
    if tables["tables_skipped"]:
        notices.append(
            f"{counted['tables_skipped']} vor der ersten Überschrift nicht gelesen "
            "(Teilnehmendenliste?)."
        )
    if tables["tables_one_row"]:
        notices.append(
            f"{counted['tables_one_row']} mit nur einer Zeile nicht gelesen (Rahmen oder "
            "Layout?); mit einer Kopfzeile darüber wird jede Zelle eine Aussage."
        )
    return tuple(notices)


def parse_table(
    source: Source,
    mapping: TableMapping,
    name: str | None = None,
) -> ParsedDocument:
    """Parse a CSV, XLSX or ODS export into a :class:`ParsedDocument` using ``mapping``."""
    raw = read_source(source, name)
    suffix = Path(raw.name).suffix.lower()
    header, records = read_rows(raw, mapping.sheet)
    header = [h.strip() for h in header]
    header, records, header_row = _header_below_title(header, records, mapping)
    if mapping.code_column and not mapping.coder:
        raise InputError("Zu --code-column gehört --coder NAME (wer hat kodiert?).", file=raw.name)

    named = set(mapping.mapped())
    text_column = mapping.text_column or detect_column(header, TEXT_HEADERS, named)
    if text_column is None:
        raise InputError(
            "Keine Textspalte angegeben (--text-column). Vorhandene Spalten: " + ", ".join(header),
            file=raw.name,
            row=1,
        )
    text_columns = [text_column, *mapping.more_text_columns]
    survey = len(text_columns) > 1
    if survey and (mapping.title_column or mapping.code_column):
        flag = "--title-column" if mapping.title_column else "--code-column"
        raise InputError(
            f"{flag} gilt für Tabellen mit einer Textspalte, nicht für mehrere Fragen.",
            file=raw.name,
        )
    title_column = mapping.title_column
    if title_column is None and not mapping.no_title and not survey:
        title_column = _own_titles(
            header, records, detect_column(header, TITLE_HEADERS, named | {text_column})
        )
    texts = [(c, _resolve(header, c, raw.name, "--text-column")) for c in text_columns]
    idx = {
        "text": texts[0][1],
        "title": _resolve(header, title_column, raw.name, "--title-column"),
        "id": _resolve(header, mapping.id_column, raw.name, "--id-column"),
        "district": _resolve(header, mapping.district_column, raw.name, "--district-column"),
        "workshop": _resolve(header, mapping.workshop_column, raw.name, "--workshop-column"),
        "question": _resolve(header, mapping.question_column, raw.name, "--question-column"),
        "role": _resolve(header, mapping.role_column, raw.name, "--role-column"),
        "code": _resolve(header, mapping.code_column, raw.name, "--code-column"),
    }
    mapped = {*text_columns, title_column, *mapping.mapped()}
    # Without an ID, a coded segment's place (document, beginning, end) identifies it.
    place = None if idx["id"] is not None or survey else segment_place(header, named)
    coders = [] if survey else coder_columns(header, text_column, bool(place), mapped)
    if mapping.attribute_columns is None:
        attributes = [(h, i) for i, h in enumerate(header) if h and h not in {*mapped, *coders}]
    else:
        attributes = [
            (c, _resolve(header, c, raw.name, "--attribute-columns"))
            for c in mapping.attribute_columns
        ]

    segments: list[tuple[int, ParsedSegment]] = []  # (question number, segment), row order
    seen_ids: dict[str, int] = {}  # ID → row it was first seen in
    position: dict[str, int] = {}  # ID → its statement in ``segments`` (one text column)
    skipped = merged_rows = 0
    for row, fields in records:
        if all(f is None or str(f).strip() == "" for f in fields):
            continue
        if len(fields) < len(header):
            raise InputError(
                f"Datensatz hat {len(fields)} statt {len(header)} Felder "
                "(Datei abgeschnitten oder Trennzeichen falsch?).",
                file=raw.name,
                row=row,
            )
        if any(f not in (None, "") for f in fields[len(header) :]):
            raise InputError(
                f"Datensatz hat mehr Felder ({len(fields)}) als die Kopfzeile ({len(header)}).",
                file=raw.name,
                row=row,
            )

        def at(i: int | None, fields: list[Any] = fields) -> str | None:
            value = "" if i is None or fields[i] is None else str(fields[i]).strip()
            return value or None

        def cell(key: str) -> str | None:
            return at(idx[key])

        if survey:
            answers = [
                (number, column, plain_text(at(i) or ""))
                for number, (column, i) in enumerate(texts, start=1)
            ]
        else:
            title, body = (plain_text(cell(key) or "") for key in ("title", "text"))
            answers = [(1, text_column, with_title(title, body) or "")]
        answers = [a for a in answers if a[2]]
        if not answers:
            skipped += 1
            continue
        spot = [at(i) for i in place] if place else []
        if spot and all(spot):
            # MAXQDA gives paragraphs as beginning and end: two segments of one paragraph
            # share the place and differ in text.
            base = source_id = "{}:{}-{}".format(*spot)
            number = 1
            while source_id in position and segments[position[source_id]][1].text != answers[0][2]:
                number += 1
                source_id = f"{base}/{number}"
        else:
            source_id = cell("id") or str(row)
        # MAXQDA writes a code's path with backslashes ("Themen\\Jugend")
        codes = tuple(
            c.replace("\\", SEPARATOR) for c in _CODE_SEPARATOR.split(cell("code") or "") if c
        )
        if source_id in seen_ids:
            first = seen_ids[source_id]
            earlier = position.get(source_id)
            keyed = idx["code"] is not None or bool(place)
            long_format = keyed and not survey and earlier is not None
            if long_format and segments[earlier][1].text == answers[0][2]:
                # One row per statement and code (MAXQDA's coded segments, a long table).
                number, segment = segments[earlier]
                merged = tuple(dict.fromkeys((*segment.codes, *codes)))
                segments[earlier] = (number, replace(segment, codes=merged))
                merged_rows += 1
                continue
            raise InputError(
                f"ID '{source_id}' kommt doppelt vor (zuerst in Zeile {first})"
                + (", mit anderem Text." if long_format else "."),
                file=raw.name,
                row=row,
            )
        seen_ids[source_id] = row
        values = {
            column: _value(fields[i])
            for column, i in attributes
            if fields[i] is not None and str(fields[i]).strip() != ""
        }
        for number, column, text in answers:
            segment = ParsedSegment(
                text=text,
                source_id=f"{source_id}.{number}" if survey else source_id,
                question=cell("question") or (column if survey else None),
                speaker_role=cell("role"),
                row=row,
                workshop=cell("workshop"),
                district=cell("district"),
                attributes=dict(values),
                codes=codes,
            )
            if not survey:
                position[source_id] = len(segments)
            segments.append((number, segment))
    if not segments:
        raise InputError("Die Tabelle enthält keine Zeile mit Text.", file=raw.name)
    resolved = {"text_column": text_column, "title_column": title_column}
    if mapping.more_text_columns:
        resolved["more_text_columns"] = list(mapping.more_text_columns)
    detected = {
        role: column
        for role, column, given in (
            ("Text", text_column, mapping.text_column),
            ("Titel", title_column, mapping.title_column),
        )
        if column and not given
    }
    chosen = {**asdict(mapping), **resolved}
    options = {k: v for k, v in chosen.items() if v not in (None, False, ())}
    options["skipped_rows"] = skipped
    if detected:
        options["detected_columns"] = detected
    if header_row > 1:
        options["header_row"] = header_row
    if merged_rows:
        options["merged_rows"] = merged_rows
    if place:
        options["segment_place"] = [header[i] for i in place]
    if coders and mapping.attribute_columns is None:
        options["coder_columns"] = coders
    return ParsedDocument(
        filename=raw.name,
        sha256=raw.sha256,
        importer={".xlsx": IMPORTER_XLSX, ".xlsm": IMPORTER_XLSX, ".ods": IMPORTER_ODS}.get(
            suffix, IMPORTER_CSV
        ),
        segments=tuple(s for _, s in sorted(segments, key=lambda s: s[0])),  # stable
        options=options,
    )
