"""Reading a table file (CSV, XLSX, ODS) into a header and numbered rows, and which
sheet of a workbook an import is: a workbook's sheets are imports of their own; cells
that say "no answer", and the notices of a table's import."""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from workbench.core.archives import BROKEN_ZIP
from workbench.core.domain import InputError
from workbench.core.office_members import office_problem
from workbench.core.spreadsheet import unquoted_text
from workbench.core.textio import RawFile
from workbench.core.word_caches import word_cache
from workbench.ingest.merged_cells import fill_merged, merged_down
from workbench.ingest.ods import OdsSheet, check_sheet, ods_content, read_ods, sheet_of
from workbench.ingest.ooxml_escapes import cell_value, shared_strings
from workbench.ingest.polis import polis_notices
from workbench.ingest.table_comments import joined_comment_notices
from workbench.ingest.table_csv import csv_rows
from workbench.ingest.table_export import own_export_notices
from workbench.ingest.table_headers import header_notice
from workbench.ingest.table_missing import missing_notices
from workbench.ingest.table_moderation import moderation_notices
from workbench.ingest.table_points import point_notices
from workbench.ingest.table_reading import sheet_row_notices

P = ParamSpec("P")
T = TypeVar("T")

IMPORTER_CSV = "csv"
IMPORTER_XLSX = "xlsx"
IMPORTER_ODS = "ods"
IMPORTERS = {".xlsx": IMPORTER_XLSX, ".xlsm": IMPORTER_XLSX, ".ods": IMPORTER_ODS}
Rows = list[tuple[int, list[Any]]]  # (row number, cells) of a table's records
Sheet = tuple[list[str], Rows, str | None, list[str]]  # header, rows, sheet, all sheets


def _workbook(raw: RawFile, kind: str, open_book: Callable[[io.BytesIO], Any]) -> Any:
    """A spreadsheet opened with ``open_book``; empty or unreadable files stop the import."""
    if not raw.data.strip():
        raise InputError("Die Datei ist leer.", file=raw.name)
    try:
        return open_book(io.BytesIO(raw.data))
    except Exception:
        raise _unreadable(raw, kind) from None


def _unreadable(raw: RawFile, kind: str, why: str = "beschädigt oder abgeschnitten") -> InputError:
    """The error for a workbook its library could not read: the member at fault named
    (:func:`~workbench.core.office_members.office_problem`), else ``why``."""
    problem = office_problem(raw.data, raw.name, kind)
    return problem or InputError(f"Keine lesbare {kind}-Datei ({why}).", file=raw.name)


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


def _xlsx_rows(raw: RawFile, sheet: str | None) -> Sheet:
    """Header and (row number, cells) of the first (or named) sheet of an XLSX file."""
    header, records, title, names, _ = _xlsx_sheet(raw.data, raw.name, sheet)
    return list(header), [(n, list(cells)) for n, cells in records], title, list(names)


@word_cache
@functools.lru_cache(maxsize=1)
def _xlsx_sheet(
    data: bytes, name: str, sheet: str | None
) -> tuple[list[str], Rows, str, list[str], frozenset[tuple[int, int]]]:
    """:func:`_xlsx_rows` and the (row, column) of every number shown as a percentage, in
    one pass: an indicator import asks for the rows and then twice for the percent cells,
    which parsed a big workbook two or three times. Callers get copies of the rows."""
    import openpyxl  # imported lazily: keeps `import workbench` light

    def open_book(data: io.BytesIO) -> Any:
        return openpyxl.load_workbook(data, read_only=True, data_only=True)

    raw = RawFile(name, data)
    book = _workbook(raw, "XLSX", open_book)
    names = list(book.sheetnames)
    check_sheet(raw.name, sheet, names)
    if not book.worksheets:  # the workbook names sheets whose parts are missing
        book.close()
        raise _unreadable(raw, "XLSX", "kein Tabellenblatt lesbar")
    rows = book[sheet] if sheet else book.worksheets[0]
    percent: set[tuple[int, int]] = set()
    shared = shared_strings(data, raw.name)  # "_x001B_": as Excel shows it, as in a CSV

    def values() -> Iterable[list[Any]]:
        for number, cells in enumerate(rows.iter_rows(), start=1):
            found = [cell_value(c.value, shared) for c in cells]
            percent.update(
                (number, column)
                for column, (cell, value) in enumerate(zip(cells, found, strict=True))
                if isinstance(value, int | float)
                and not isinstance(value, bool)
                and _shown_as_percent(getattr(cell, "number_format", None))
            )
            yield found

    try:
        header, records = _header_first(raw, values())
    except (SyntaxError, *BROKEN_ZIP):  # openpyxl reads a sheet row by row: XML cut off
        raise _unreadable(raw, "XLSX") from None  # (a ParseError), a damaged member
    finally:
        book.close()
    fill_merged(records, merged_down(data, rows.title, raw.name))  # "Manfort" over rows 2–4
    return header, records, rows.title, names, frozenset(percent)


_reading: list[Callable[..., Any]] = []  # the readers of :func:`forgetting_workbook` running


def forgetting_workbook(read: Callable[P, T]) -> Callable[P, T]:
    """``read``, after which the last workbook read is dropped (:func:`_xlsx_sheet` keeps
    its bytes and raw rows for the next question about the same file, :func:`_ods_sheet`
    and :func:`_ods_content` within ``read`` only): after an import, no participant's data
    stays in a long-running kernel's memory."""

    @functools.wraps(read)
    def reading(*args: P.args, **kwargs: P.kwargs) -> T:
        _reading.append(read)
        try:
            return read(*args, **kwargs)
        finally:
            _reading.pop()
            _xlsx_sheet.cache_clear()
            _ods_sheet.cache_clear()
            _ods_content.cache_clear()

    return reading


def _shown_as_percent(number_format: str | None) -> bool:
    """Whether an Excel number format shows a percentage ("0,0 %"; not a "%" in quotes).

    >>> _shown_as_percent("0.0%"), _shown_as_percent('0.0" %"'), _shown_as_percent(None)
    (True, False, False)
    """
    return "%" in re.sub(r'"[^"]*"|\\.', "", str(number_format or ""))


def _ods_rows(raw: RawFile, sheet: str | None) -> Sheet:
    """Header and (row number, cells) of the first (or named) sheet of an ODS file."""
    book = _ods_book(raw.data, raw.name, sheet)
    header, records = _header_first(raw, [list(cells) for cells in book.rows])
    fill_merged(records, book.merged)  # as in XLSX
    return header, records, book.title, list(book.names)


def _ods_book(data: bytes, name: str, sheet: str | None) -> OdsSheet:
    """:func:`read_ods`; within :func:`forgetting_workbook` read once for all questions
    (an indicator import asks for the rows, then for the percent cells)."""
    return _ods_sheet(data, name, sheet) if _reading else read_ods(data, name, sheet)


@word_cache
@functools.lru_cache(maxsize=1)
def _ods_sheet(data: bytes, name: str, sheet: str | None) -> OdsSheet:
    """:func:`read_ods`, kept for the next question about the same file; callers copy
    the rows."""
    return sheet_of(_ods_content(data, name), name, sheet)


@word_cache
@functools.lru_cache(maxsize=1)
def _ods_content(data: bytes, name: str) -> Any:
    """:func:`ods_content`, kept for the file's next sheet: a workbook imported sheet by
    sheet parsed its whole ``content.xml`` (every sheet) once per sheet."""
    return ods_content(data, name)


def percent_cells(
    raw: RawFile, sheet: str | None, columns: Collection[int]
) -> set[tuple[int, int]]:
    """(row number as :func:`read_rows` counts them, column) of the cells in ``columns``
    (0-based) Excel or LibreOffice shows as a percentage: a cell formatted "0,0 %" holds
    0.139 for 13,9 %. Empty for CSV."""
    suffix = Path(raw.name).suffix.lower()
    if suffix == ".ods":
        try:
            shown = _ods_book(raw.data, raw.name, sheet).percent  # read with the rows
        except InputError:
            return set()
    elif suffix in (".xlsx", ".xlsm"):
        shown = _xlsx_sheet(raw.data, raw.name, sheet)[4]  # read with the rows, not again
    else:
        return set()
    return {(number, column) for number, column in shown if column in columns}


def read_sheet(raw: RawFile, sheet: str | None = None) -> Sheet:
    """Header, (row number, cells), the sheet read and all sheets (none for CSV) of a CSV,
    XLSX or ODS file (by its name's suffix).

    A cell the workbench's own export protected from formulas ("'- mehr Bänke") reads as
    it was before ("- mehr Bänke"): a team re-imports an export it edited in Excel.
    """
    suffix = Path(raw.name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        header, rows, title, names = _xlsx_rows(raw, sheet)
    elif suffix == ".ods":
        header, rows, title, names = _ods_rows(raw, sheet)
    else:
        header, rows, title, names = (*csv_rows(raw), None, [])
    header = [unquoted_text(name) for name in header]
    rows = [(number, [unquoted_text(cell) for cell in cells]) for number, cells in rows]
    return header, rows, title, names


def read_rows(raw: RawFile, sheet: str | None = None) -> tuple[list[str], Rows]:
    """Header and (row number, cells) of a CSV, XLSX or ODS file (by its name's suffix)."""
    return read_sheet(raw, sheet)[:2]


def _rows(count: int) -> str:
    return f"{count} Zeile{'' if count == 1 else 'n'}"


def _district_notices(options: Mapping[str, Any]) -> list[str]:
    """What the district column said beside districts (see ``table_districts``)."""
    notices = []
    column = options.get("district_column")
    other = options.get("district_other_column")
    if options.get("no_district_rows"):
        notices.append(
            f"{_rows(options['no_district_rows'])} mit Sozialraum 'Sonstiges', 'keine Angabe' "
            f"o. Ä. (Spalte '{column}'): ohne Sozialraum gespeichert (gesamtstädtisch)."
        )
    if options.get("empty_district_rows"):
        notices.append(
            f"{_rows(options['empty_district_rows'])} ohne Eintrag in Spalte '{column}': "
            "ohne Sozialraum gespeichert (gesamtstädtisch)."
        )
    if options.get("district_from_other"):
        notices.append(
            f"{_rows(options['district_from_other'])}: Sozialraum aus der Freitextspalte "
            f"'{other}' übernommen."
        )
    if options.get("district_other_unmatched"):
        unmatched = options["district_other_unmatched"]
        why = (
            f"{'nennt' if unmatched == 1 else 'nennen'} keinen Sozialraum des Projekts"
            if options.get("district_other_checked")
            else "nicht mit den Sozialräumen des Projekts verglichen"
        )
        notices.append(
            f"{_rows(options['district_other_unmatched'])} mit Freitext in '{other}': {why}, "
            "ohne Sozialraum; der Freitext bleibt als Attribut erhalten."
        )
    coded = options.get("district_codes") or []
    for column, count in (options.get("district_unknown") or {}).items():
        if column in coded:  # LimeSurvey's "A1", SoSci Survey's numbers
            notices.append(
                f"Spalte '{column}' nennt Antwortcodes statt Stadtteilen: nicht als Sozialraum "
                "übernommen (Aussagen ohne Sozialraum). Die Umfrage mit den Antworttexten "
                "exportieren (LimeSurvey: „Vollständige Antworten“; SoSci Survey, Qualtrics: "
                "Beschriftungen statt Codes) und erneut importieren."
            )
            continue
        if column in (options.get("district_joined") or []):  # "Manfort;Opladen"
            notices.append(
                f"Spalte '{column}' nennt in einer Antwort mehrere Sozialräume (eine "
                "Mehrfachauswahl): nicht als Sozialraum übernommen (Aussagen ohne Sozialraum; "
                "eine Aussage hat höchstens einen), die Antworten bleiben Merkmal."
            )
            continue
        notices.append(
            f"Spalte '{column}' nennt "
            + (
                "1 Wert, der kein Sozialraum"
                if count == 1
                else f"{count} Werte, die keine Sozialräume"
            )
            + " des Projekts "
            + ("ist" if count == 1 else "sind")
            + ": nicht als Sozialraum übernommen (Aussagen ohne Sozialraum). Sind es "
            f"Sozialräume: --district-column '{column}' (neue mit --add-districts)."
        )
    if options.get("district_ambiguous"):
        listed = ", ".join(f"'{c}'" for c in options["district_ambiguous"])
        notices.append(
            f"Mehrere Spalten nennen Sozialräume ({listed}): keine übernommen; "
            "--district-column NAME wählt eine."
        )
    return notices


def reading_notices(options: Mapping[str, Any]) -> tuple[str, ...]:
    """What an import read in its own way (for the import's output): a table's header row,
    text and title columns found by their headers, merged rows; a protocol's tables."""
    notices = []
    if options.get("sheets"):  # one of a workbook's sheets (ingest.workbook)
        notices.append(f"Tabellenblatt '{options.get('sheet')}' (eines von {options['sheets']}).")
    for sheet, reason in (options.get("sheets_skipped") or {}).items():
        notices.append(f"Tabellenblatt '{sheet}' nicht importiert: {reason}.")
    if options.get("sheet_district"):
        notices.append(f"Sozialraum {options['sheet_district']}: der Name des Tabellenblatts.")
    if options.get("sheet_question"):
        notices.append(f"Leitfrage '{options['sheet_question']}': der Name des Tabellenblatts.")
    if options.get("sheet_posts"):  # ingest.workbook: a sheet of comments on posts
        column, sheet = options["sheet_posts"]
        notices.append(
            f"Spalte '{column}' nennt den Beitrag im Tabellenblatt '{sheet}': jede Zeile hat "
            "Leitfrage und Sozialraum ihres Beitrags, wo sie keine eigenen nennt."
        )
    if options.get("sheet_workshop"):
        notices.append(
            f"Workshop '{options['sheet_workshop']}': der Name des Tabellenblatts "
            "(--workshop oder eine Workshop-Spalte gehen vor)."
        )
    if options.get("renamed_columns"):
        notices.append(
            "Spaltenkopf mehrfach: "
            + ", ".join(f"'{c}'" for c in options["renamed_columns"])
            + " nummeriert (z. B. für --text-column)."
        )
    if options.get("totals_rows"):
        rows = options["totals_rows"]
        notices.append(
            f"Zeile{'' if len(rows) == 1 else 'n'} {', '.join(map(str, rows))}: Summenzeile am "
            "Ende der Tabelle ('Summe', 'Gesamt' …), nicht als Aussage übernommen."
        )
    if options.get("coders_in_codes"):  # ingest.table_coders
        notices.append(
            f"Spalte '{options['code_column']}' nennt vor jedem Code, wer kodiert hat "
            "(„A:Bedarf“, wie der Export der Werkbank): Kodierungen dieser Personen"
            + (", nicht von --coder." if options.get("coder") else ".")
        )
    if options.get("code_columns"):  # ingest.code_crosses
        notices.append(
            "Als Codes gelesen (Kreuz = kodiert, Spaltenkopf = Code): "
            + ", ".join(f"'{c}'" for c in options["code_columns"])
            + (
                f"; Auszüge aus Dedoose, ohne {', '.join(map(repr, options['dedoose_left_out']))}"
                if options.get("dedoose_left_out")
                else ""
            )
            + "."
        )
    notices.extend(sheet_row_notices(options))  # short, hidden, filtered rows; formulas
    if options.get("unnamed_columns"):
        notices.append(
            "Spalte(n) ohne Spaltenkopf, aber mit Werten: als "
            + ", ".join(f"'{c}'" for c in options["unnamed_columns"])
            + " übernommen (nach ihrer Stelle gezählt)."
        )
    if options.get("header_rows"):
        notices.append(header_notice(*options["header_rows"]))
    if "question_blocks" in options:  # table_blocks: Mentimeter's questions in blocks
        results = options["question_blocks"]
        notices.append(
            "Keine Kopfzeile, sondern Fragen untereinander (Mentimeter): jede Antwort eine "
            "Aussage mit ihrer Frage"
            + (
                f"; {_rows(results)} mit Ergebnissen (Option und Stimmen) nicht übernommen."
                if results
                else "."
            )
        )
    if options.get("no_answer_rows"):
        rows = options["no_answer_rows"]
        notices.append(
            f"{rows} Zeile{'' if rows == 1 else 'n'} nur mit 'keine Angabe' (-, k. A., -99, …) "
            "wie leere übersprungen."
        )
    notices.extend(missing_notices(options))  # "Nein" to "Anmerkungen?", "N/A"
    if options.get("missing_codes"):
        cells = options["missing_codes"]
        notices.append(
            f"{cells} Zelle{'' if cells == 1 else 'n'} mit Fehlwert-Code von SoSci Survey "
            "(-9 nicht beantwortet, -1 keine Angabe …) wie leer gelesen: keine Aussage, kein "
            "Merkmal."
        )
    if options.get("question_above"):
        notices.append(
            f"Erste Zeile '{options['question_above']}' als Leitfrage der Zeilen darunter "
            "gelesen. Ist sie selbst ein Beitrag: eine Kopfzeile 'Text' darüber schreiben."
        )
    if options.get("header_row", 1) > 1:
        row = options["header_row"]
        notices.append(f"Kopfzeile in Zeile {row} (darüber: Titel der Tabelle).")
    notices.extend(own_export_notices(options))  # before the columns found beside
    for role, column in (options.get("detected_columns") or {}).items():
        after = ": steht vor dem Text (--no-title: nur der Text)" if role == "Titel" else ""
        notices.append(f"Spalte '{column}' als {role} erkannt{after}.")
    notices.extend(polis_notices(options))
    notices.extend(moderation_notices(options))
    notices.extend(_district_notices(options))  # after "… als Sozialraum erkannt"
    notices.extend(point_notices(options))  # a row's district from its coordinates
    notices.extend(joined_comment_notices(options))  # adhocracy+: comments in a cell
    if options.get("survey_questions"):
        beside = options.get("survey_text_column")
        asked = ", ".join(f"'{q}'" for q in options["survey_questions"] if q != beside)
        asked += f" und die Textspalte '{beside}'" if beside else ""
        notices.append(
            f"Umfrage{'' if beside else ' ohne Textspalte'}: offene Fragen {asked} gelesen, "
            "jede Antwort eine Aussage mit ihrer Frage; die übrigen Spalten sind Merkmale. "
            "Eine andere Wahl: "
            "jede offene Frage mit --text-column angeben."
        )
    if options.get("no_header"):
        notices.append(
            "Keine Kopfzeile: eine Spalte ohne bekannten Spaltenkopf, jede Zeile ist eine "
            "Aussage, auch die erste. Ist die erste doch eine Kopfzeile: ihren Text mit "
            "--text-column angeben."
        )
    for role, columns in (options.get("language_columns") or {}).items():
        rows = ", ".join(f"'{c}' {n} Zeile{'' if n == 1 else 'n'}" for c, n in columns.items())
        notices.append(
            f"{role} in mehreren Sprachen: je Zeile aus der ersten Spalte mit Inhalt "
            f"(Deutsch zuerst) gelesen – {rows}."
        )
    if options.get("title_as_text"):
        column, rows = options["title_as_text"]
        notices.append(
            f"Spalte '{column}' wiederholt sich (Kategorie), steht nicht vor dem Text; "
            f"{rows} Zeile{'' if rows == 1 else 'n'} nur mit '{column}': dieser als Text."
        )
    if options.get("segment_place"):
        notices.append(
            "Codierte Segmente: "
            + ", ".join(f"'{c}'" for c in options["segment_place"])
            + (" und der Text" if len(options["segment_place"]) == 1 else "")
            + " bestimmen die Aussage (ohne --id-column; Dokumente als D1, D2, … in der "
            "Reihenfolge ihres ersten Vorkommens, ohne ihren Namen)."
        )
    if options.get("quotation_name"):
        notices.append(
            f"Spalte '{options['quotation_name']}': Name des Zitats (nicht der sprechenden "
            "Person), als 'Titel des Zitats' gespeichert und wie Text pseudonymisiert."
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
            f"{_rows(options['merged_rows'])} "
            f"{'wiederholt' if options['merged_rows'] == 1 else 'wiederholen'} eine Aussage "
            f"({same}) mit weiteren Codes: zusammengeführt."
        )
    if options.get("merged_columns"):
        notices.append(
            "Spalte(n) "
            + ", ".join(f"'{c}'" for c in options["merged_columns"])
            + " je Code verschieden: jeder Wert mit seinem Code behalten („Wert (Code); …“)."
        )
    if options.get("pages_without_text"):  # pdf_protocol: scanned pages among typed ones
        pages = options["pages_without_text"]
        notices.append(
            f"Seite{'n' if len(pages) > 1 else ''} {', '.join(map(str, pages))} ohne Text, nur "
            "ein Bild (eingescannt?): nicht gelesen, ihr Inhalt fehlt im Projekt. Mit "
            "Texterkennung (OCR) gespeichert wird sie lesbar."
        )
    if options.get("pages_struck_through"):  # pdf_protocol: deleted text of tracked changes
        pages = options["pages_struck_through"]
        notices.append(
            f"Durchgestrichener Text (Seite{'n' if len(pages) > 1 else ''} "
            f"{', '.join(map(str, pages))}) nicht gelesen: gelöschter Text einer "
            "Änderungsverfolgung (auch aus Word-Dateien nicht gelesen) oder Gestrichenes gilt "
            "nicht mehr. Soll er zählen: im Dokument die Änderungen ablehnen oder die "
            "Durchstreichung entfernen und neu als PDF speichern."
        )
    if options.get("pages_with_comments"):  # pdf_protocol: Word's comment balloons
        pages = options["pages_with_comments"]
        notices.append(
            f"Kommentare am Rand (Seite{'n' if len(pages) > 1 else ''} "
            f"{', '.join(map(str, pages))}) nicht gelesen: Anmerkungen beim Prüfen sind "
            "keine Aussagen (auch aus Word-Dateien nicht gelesen)."
        )
    if options.get("pages_with_footnotes"):  # pdf_protocol: notes at a page's foot
        pages = options["pages_with_footnotes"]
        notices.append(
            f"Fußnoten (Seite{'n' if len(pages) > 1 else ''} {', '.join(map(str, pages))}) "
            "nicht gelesen: Quellen und Anmerkungen des Protokolls sind keine Aussagen (auch "
            "aus Word-Dateien nicht gelesen)."
        )
    if options.get("footnotes"):  # docx/odt_protocol: marks of footnotes and endnotes
        notes = options["footnotes"]
        notices.append(
            f"Fußnoten ({notes}) nicht gelesen: Quellen und Anmerkungen des Protokolls sind "
            "keine Aussagen (wie in PDF-Dateien)."
        )
    if options.get("captions"):  # docx/odt/markdown_protocol: captions of photos, figures
        captions = options["captions"]
        notices.append(
            f"{captions} Bildunterschrift{'en' if captions > 1 else ''} („Foto 1: …“, "
            "„Abbildung 2: …“, ein Bild allein in einer Zeile) nicht als Aussage gelesen: "
            + (
                "sie beschreiben Fotos, keine Beiträge der Teilnehmenden."
                if captions > 1
                else "sie beschreibt ein Foto, kein Beitrag der Teilnehmenden."
            )
        )
    if options.get("struck_runs"):  # docx_protocol: text struck through by hand
        notices.append(
            f"Durchgestrichener Text ({options['struck_runs']}-mal) nicht gelesen: "
            "Gestrichenes gilt nicht mehr, wie gelöschter Text der Änderungsverfolgung. Soll "
            "er zählen, im Dokument die Durchstreichung entfernen und erneut importieren."
        )
    if options.get("smartart_texts"):  # docx_protocol: text kept in a diagram part
        boxes = options["smartart_texts"]
        notices.append(
            f"Text in SmartArt-Grafiken ({boxes} Feld{'' if boxes == 1 else 'er'}) nicht gelesen: "
            "er fehlt im Projekt. Bitte als Absätze oder Aufzählung ins Dokument übernehmen "
            "und erneut importieren."
        )
    if options.get("unmarked_lines"):  # exchange.statements: QualCoder's uncoded statements
        source, lines = options["unmarked_lines"]  # source: its label (qdxml.source_label)
        notices.append(
            f"{source}: {lines} Zeile{'n' if lines > 1 else ''} ohne Markierung als "
            "Aussage gelesen (Quelle-ID „Z“ und Zeilennummer): QualCoder exportiert nur "
            "kodierte Textstellen, Aussagen ohne Code verlieren dort ihre Markierung. Bitte "
            "prüfen, ob Überschriften oder Leitfragen darunter sind."
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
    if options.get("tables_people"):
        people = options["tables_people"]
        notices.append(
            f"{people} Tabelle{'n' if people > 1 else ''} der Teilnehmenden nicht als Aussagen "
            "gelesen: ihre Namen stehen auf der Namensliste."
        )
    if tables["tables_one_row"]:
        notices.append(
            f"{counted['tables_one_row']} mit nur einer Zeile nicht gelesen (Rahmen oder "
            "Layout?); mit einer Kopfzeile darüber wird jede Zelle eine Aussage."
        )
    return tuple(notices)
