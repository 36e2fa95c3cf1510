"""CSV, XLSX and ODS card-wall or survey exports, read through a column mapping."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from workbench.core.domain import SEPARATOR, InputError, ParsedDocument, ParsedSegment
from workbench.core.textio import Source, read_source
from workbench.ingest.common import attribute_value
from workbench.ingest.contact_questions import contact_answer_columns, mixed_contact_columns
from workbench.ingest.decidim import decidim_id_column
from workbench.ingest.form_ids import forms_id_column
from workbench.ingest.form_timestamps import form_timestamp
from workbench.ingest.html_text import plain_text
from workbench.ingest.id_gaps import id_gaps
from workbench.ingest.personal_columns import header_key, is_personal_label
from workbench.ingest.segment_list import (
    DOCUMENT_HEADERS,
    QUOTATION_NAME,
    QUOTATION_NAME_HEADERS,
    SEGMENT_MEASURE_HEADERS,
    code_path,
    coder_columns,
    is_segment_list,
    merge_repeated_rows,
    quotation_ids,
    segment_code_column,
    segment_place,
)
from workbench.ingest.table_blocks import QUESTION as BLOCK_QUESTION
from workbench.ingest.table_blocks import question_blocks
from workbench.ingest.table_coders import coders_in_codes
from workbench.ingest.table_columns import (
    GROUP_COLUMNS,
    QUESTION_HEADERS,
    TITLE_HEADERS,
    column_language,
    column_list,
    detect_column,
    find_group_columns,
    find_id_column,
    headerless,
    language_columns,
    name_unnamed,
    number_repeated,
    single_column,
    text_column_of,
)
from workbench.ingest.table_comments import joined_comments
from workbench.ingest.table_districts import DistrictCells, find_district_column
from workbench.ingest.table_export import own_export
from workbench.ingest.table_headers import header_rows, mapping_by_labels
from workbench.ingest.table_identity import sheet_importer
from workbench.ingest.table_ids import row_id
from workbench.ingest.table_json import JSON_SUFFIXES, importer_of, read_table
from workbench.ingest.table_json import reading_notices as reading_notices  # writer reads it
from workbench.ingest.table_mapping import TableMapping as TableMapping  # the façade's
from workbench.ingest.table_mapping import has_text_column, header_below_title, with_title
from workbench.ingest.table_missing import (
    adds_nothing,
    is_minus,
    is_missing_value,
    is_no_answer,
    sign_scale,
)
from workbench.ingest.table_moderation import find_moderation
from workbench.ingest.table_points import PointCells, find_points, stored_areas
from workbench.ingest.table_qa import audience_questions
from workbench.ingest.table_reading import pad_short_rows
from workbench.ingest.table_rows import (
    IMPORTER_CSV,
    IMPORTERS,
    Rows,
)
from workbench.ingest.table_rows import read_rows as read_rows  # synthesis.indicators reads it
from workbench.ingest.table_survey import (
    question_above,
    questions_beside,
    statement_question,
    survey_text_columns,
)
from workbench.ingest.table_totals import totals_rows
from workbench.ingest.taguette import taguette_mapping

_CODE_SEPARATOR = re.compile(r"\s*[;|\r\n]\s*")  # ATLAS.ti: one code per line
_NO_HEADER = "Spalte 1"  # the column of a table without header row
NOT_CSV = frozenset((*IMPORTERS, *JSON_SUFFIXES))  # a line break can split a CSV row only


def _answer(cell: Any) -> str:
    """A text cell's plain text; empty when it says "no answer" ("-", "k. A.", "-99")."""
    text = plain_text("" if cell is None else str(cell).strip())
    return "" if is_no_answer(text) else text


def _resolve(header: list[str], column: str | None, filename: str, flag: str) -> int | None:
    """Index of a mapped column; a missing column stops with the list of columns."""
    if column is None:
        return None
    if column in header:
        return header.index(column)
    raise InputError(
        f"Spalte '{column}' ({flag}) fehlt. Vorhandene Spalten: {column_list(header)}",
        file=filename,
        row=1,
    )


Group = list[tuple[str, int]]  # a column in its languages, with its index


def _first(fields: Sequence[Any], group: Group) -> tuple[str | None, str]:
    """The first column of ``group`` with text in a row, and its plain text."""
    for column, i in group:
        value = _answer(fields[i] if i < len(fields) else None)
        if value:
            return column, value
    return None, ""


def _repeats(records: Rows, group: Group) -> bool:
    """Whether the values of a column repeat (fewer than half of them differ): one title
    for many rows (the process's: "Bürgerhaushalt 2019"), a category, a guiding question."""
    values = [v for _, cells in records if (v := _first(cells, group)[1])]
    return len(set(values)) < 0.5 * len(values)


def parse_table(
    source: Source,
    mapping: TableMapping,
    name: str | None = None,
) -> ParsedDocument:
    """Parse a CSV, XLSX or ODS export into a :class:`ParsedDocument` using ``mapping``.

    A text or title header in several languages (``body/de``, ``body/tr``; ``Title (en)``,
    ``Title (de-DE)``) is one column: a row's text is the first of them with content,
    German first (the column given by ``--text-column`` first), and the import says how
    many rows came from which. A title column whose values repeat is a category, not put
    before the text; a row with only such a title has it as its text. A table of one
    column without a known header has no header row: every row is a statement.

    A repeated header is numbered ("Anmerkungen (2)"); a text cell saying "no answer"
    ("-", "k. A.", "-99") is empty; a survey tool's further header rows are skipped
    (:mod:`workbench.ingest.table_headers`), its labels are the questions and name columns
    as their headers do; a header as question is plain text of at most 300 characters, and
    a text column's header asking a question ("…?") is its statements' question. A sheet of
    questions one below the other (Mentimeter) is read as rows of question and answer
    (:mod:`workbench.ingest.table_blocks`). In a QDA program's segment list, a quotation's
    "Name" is stored as ``QUOTATION_NAME`` (prose, not its author) and ATLAS.ti's "ID"
    ("1:1") is the ID; without an ID and with
    ``--code-column``, a segment's place identifies it, its document by number ("D1:4-4":
    a document's name may name a person) and the rows of one place are one statement. A
    district cell saying "other" or "none" ("-oth-", "Sonstiges", "keine Angabe") is no
    district, or the project's district its free-text column names (``table_districts``).
    """
    raw = read_source(source, name)
    suffix = Path(raw.name).suffix.lower()
    (header, records, sheet, sheets), read_options = read_table(raw, mapping.sheet)  # JSON too
    header = [h.strip() for h in header]
    survey_header = header_rows(header, records)  # SoSci, Qualtrics, SurveyMonkey
    records, missing_codes = survey_header.answers(records)  # SoSci's -9: no answer
    if survey_header.rows:
        header, header_row = survey_header.header, 1
    else:
        header, records, header_row = header_below_title(header, records, mapping)
    header, renamed = number_repeated(header)  # no column lost to a repeated header
    totals = totals_rows(records)  # "Summe" below the cards
    records = [record for record in records if record[0] not in totals]
    labels = survey_header.labels
    mapping = mapping_by_labels(mapping, header, labels)
    mapping, header, records, own = own_export(header, records, mapping)  # ours again
    blocks = None  # Mentimeter's questions one below the other
    if not survey_header.rows and not has_text_column(header, mapping):
        blocks = question_blocks(header, records)
    if blocks is not None:
        header, records = blocks.header, blocks.rows
        mapping = replace(mapping, question_column=mapping.question_column or BLOCK_QUESTION)
    mapping, taguette = taguette_mapping(raw.name, header, records, mapping)  # "id", "tag"
    codes_found = segment_code_column(raw.name, header, records, mapping)  # MAXQDA, ATLAS.ti
    mapping = replace(mapping, code_column=mapping.code_column or codes_found)
    by_coder = coders_in_codes(header, records, mapping.code_column)  # our export's "A:Bedarf"
    if mapping.code_column and not mapping.coder and not by_coder:
        raise InputError("Zu --code-column gehört --coder NAME (wer hat kodiert?).", file=raw.name)
    single = mapping.text_column is None and single_column(header, records)
    above = single and question_above(header[0], records)  # "Was fehlt?" over its answers
    no_header = single and not above and headerless(header[0])
    if no_header:
        header, records = [_NO_HEADER], [(1, [header[0]]), *records]
    header, unnamed = name_unnamed(header, records)  # values without a header cell are kept

    named = set(mapping.mapped())
    text_column = mapping.text_column or text_column_of(header, records, named)
    text_column = _NO_HEADER if no_header else header[0] if above else text_column
    if text_column and not mapping.text_column:  # Slido, frag.jetzt: questions, not answers
        text_column = audience_questions(header, records, text_column) or text_column
    repeated = None
    if text_column and not mapping.text_column:
        base = column_language(text_column)[0]
        if base in QUESTION_HEADERS and _repeats(
            records, [(text_column, header.index(text_column))]
        ):
            repeated, text_column = text_column, None
    survey_found: list[str] = []  # a form's open questions, read without --text-column
    districts_, beside = mapping.districts or (), None
    if text_column is None:
        table = (sheet, sheets, repeated, single, header_row)
        survey_found = survey_text_columns(raw.name, header, records, labels, districts_, table)
    elif not (mapping.text_column or mapping.code_column or no_header or blocks is not None):
        survey_found = questions_beside(text_column, header, records, labels, districts_)
        beside = text_column if survey_found else None  # "Kommentar" among a form's questions
    if survey_found:
        text_column = survey_found[0]
        mapping = replace(mapping, more_text_columns=tuple(survey_found[1:]))
        named |= set(survey_found)
    detected_id, old_header = False, header
    listed = is_segment_list(text_column, segment_place(header, named) is not None)
    if listed:
        header = [  # a quotation's name (ATLAS.ti) is content, not its author
            QUOTATION_NAME
            if header_key(h) in QUOTATION_NAME_HEADERS
            and h not in (*named, *(mapping.attribute_columns or ()))
            and QUOTATION_NAME not in header
            else h
            for h in header
        ]
        if quotation_ids(header, records) and mapping.id_column is None:
            mapping, detected_id = replace(mapping, id_column="ID"), True
    if mapping.id_column is None and (
        found_id := find_id_column(header, records, named)
        or decidim_id_column(header, records)
        or forms_id_column(header, records)
    ):
        mapping, detected_id = replace(mapping, id_column=found_id), True
    gaps = {} if mapping.id_column else id_gaps(header, records, named)  # "Antwort-ID" leer
    gaps |= {} if mapping.id_column else form_timestamp(header)  # Google Forms: no ID
    text_columns = [text_column, *mapping.more_text_columns]
    survey = len(text_columns) > 1
    asking = survey or bool(survey_found)  # a form's question heads its answers
    if survey and (mapping.title_column or mapping.code_column):
        flag = "--title-column" if mapping.title_column else "--code-column"
        raise InputError(
            f"{flag} gilt für Tabellen mit einer Textspalte, nicht für mehrere Fragen.",
            file=raw.name,
        )
    texts = [(c, _resolve(header, c, raw.name, "--text-column")) for c in text_columns]
    text_group: Group = texts[:1]
    if not survey:
        text_group = [(c, header.index(c)) for c in language_columns(header, text_column, named)]
    taken = named | {c for c, _ in text_group}
    title_group: Group = []
    category: Group = []  # a title column whose values repeat
    if mapping.title_column is not None:
        _resolve(header, mapping.title_column, raw.name, "--title-column")
        title_group = [
            (c, header.index(c)) for c in language_columns(header, mapping.title_column, taken)
        ]
    elif not mapping.no_title and not survey:
        found = detect_column(header, TITLE_HEADERS, taken)
        if found is not None:
            group = [(c, header.index(c)) for c in language_columns(header, found, taken)]
            category, title_group = (group, []) if _repeats(records, group) else ([], group)
    title_column = title_group[0][0] if title_group else None
    grouped: dict[str, str] = {}  # guiding question, workshop, role: repeating values
    if blocks is None and not survey:
        given = {field: getattr(mapping, field) for field in GROUP_COLUMNS}
        # A segment list's "Erstellt von" names the coder (MAXQDA's initials "AM" look
        # like a transcript's speaker labels): never the speaker's role.
        coded_by = set(coder_columns(header, text_column, listed, taken))
        grouped = find_group_columns(
            header, records, taken | coded_by | {c for c, _ in title_group}, given
        )
        mapping = replace(mapping, **grouped)
    guess, pins = None, find_points(header, records, taken)  # coordinates: no district column
    moderation = find_moderation(header, records, taken)  # rows the moderation rejected
    if mapping.find_district and mapping.district_column is None and mapping.districts:
        used = taken | {c for c, _ in (*title_group, *category)} | pins.all()
        used |= {h for h in header if listed and header_key(h) in SEGMENT_MEASURE_HEADERS}
        walls = [grouped["question_column"]] if "question_column" in grouped else []
        guess = find_district_column(header, records, mapping.districts, used, labels, walls)
        if guess.column and guess.column in walls:  # a section per district, not a question
            mapping, _ = replace(mapping, question_column=None), grouped.pop("question_column")
        mapping = replace(mapping, district_column=guess.column)
    several = guess is not None and bool(guess.ambiguous)  # district columns: one is chosen
    free = mapping.find_district and not mapping.district_column and not several
    # A district column with empty cells (Decidim's optional scope): a pin fills them in
    blank = mapping.find_district and bool(mapping.district_column) and not several
    areas = None  # the boundaries are read only for a table with coordinates
    if pins.all() and mapping.boundaries is not None:
        areas = stored_areas(mapping.boundaries, mapping.districts or ())
    blank_column = mapping.district_column if blank else None
    points = PointCells.of(pins, areas, mapping.districts, free or blank, blank_column)
    idx = {
        "id": _resolve(header, mapping.id_column, raw.name, "--id-column"),
        "district": _resolve(header, mapping.district_column, raw.name, "--district-column"),
        "workshop": _resolve(header, mapping.workshop_column, raw.name, "--workshop-column"),
        "question": _resolve(header, mapping.question_column, raw.name, "--question-column"),
        "role": _resolve(header, mapping.role_column, raw.name, "--role-column"),
        "code": _resolve(header, mapping.code_column, raw.name, "--code-column"),
    }
    districts = DistrictCells.of(header, mapping.district_column, mapping.districts)
    mapped = {*text_columns, *(c for c, _ in [*text_group, *title_group]), *mapping.mapped()}
    # Without an ID, a coded segment's place (document, beginning, end) identifies it: with
    # --code-column, the rows of one place are one statement (its codes merged).
    placed = None if idx["id"] is not None or survey else segment_place(header, named)
    place = placed if idx["code"] is not None else None
    if place is None and placed is None and idx["code"] is not None and listed and not survey:
        # NVivo's coding summary has a document ("Datei") but no beginning and end: there
        # the document and the text place a segment (its rows per code are one statement)
        document = None if idx["id"] is not None else detect_column(header, DOCUMENT_HEADERS, named)
        place = None if document is None else [header.index(document)]
    coders = [] if survey else coder_columns(header, text_column, bool(placed), mapped)
    if mapping.attribute_columns is None:
        attributes = [(h, i) for i, h in enumerate(header) if h and h not in {*mapped, *coders}]
    else:
        attributes = [
            (c, _resolve(header, c, raw.name, "--attribute-columns"))
            for c in mapping.attribute_columns
        ]
    private = {  # "KD01_01" labelled "Kontaktdaten" ("E-Mail" is dropped by its name)
        h: labels[h]
        for h, _ in attributes
        if is_personal_label(labels.get(h)) and not is_personal_label(h)
    }
    asked = contact_answer_columns(attributes, labels, records)  # "Anmerkungen? … E-Mail"
    attributes = [(h, i) for h, i in attributes if h not in private and h not in asked]

    segments: list[tuple[int, ParsedSegment]] = []  # (question number, segment), row order
    seen_ids: dict[str, int] = {}  # ID → row it was first seen in
    position: dict[str, int] = {}  # ID → its statement in ``segments`` (one text column)
    read = {"Text": Counter[str](), "Titel": Counter[str]()}  # rows by language column
    skipped = merged_rows = title_only = no_answer = rejected = 0
    rejected_ids: list[str] = []  # the IDs of the rows the moderation rejected
    nothing, missing = Counter[str](), Counter[str]()  # answers "Nein" to "Anmerkungen?", "N/A"
    repeats: dict[int, list[tuple[tuple[str, ...], dict[str, Any]]]] = {}  # merged rows
    documents: dict[str, int] = {}  # a segment's document → its number (not its name)
    texts_in: dict[int, dict[str, list[str]]] = {}  # document → text → its IDs (NVivo)
    placed_in = Counter[int]()  # document → its statements placed by text (NVivo)
    coded: dict[str, set[tuple[str, tuple[Any, ...]]]] = {}  # ID → (code, coder) (NVivo)
    records, short = pad_short_rows(raw, header, records, suffix not in NOT_CSV)
    scales = {i for _, i in attributes if sign_scale(fields[i] for _, fields in records)}

    def lacks(i: int, value: Any) -> bool:  # "N/A"; "-" on a scale "--" … "++" is an answer
        return is_missing_value(value) and not (i in scales and is_minus(value))

    for row, fields in records:
        if all(f is None or str(f).strip() == "" for f in fields):
            continue
        if any(f not in (None, "") for f in fields[len(header) :]):
            raise InputError(
                f"Datensatz hat mehr Felder ({len(fields)}) als die Kopfzeile ({len(header)}).",
                file=raw.name,
                row=row,
            )

        if moderation.rejects(fields):
            rejected += 1
            if idx["id"] is None or fields[idx["id"]] not in (None, ""):  # a later download's
                rejected_ids.append(str(row if idx["id"] is None else fields[idx["id"]]).strip())
            if not mapping.include_rejected:
                continue

        def at(i: int | None, fields: list[Any] = fields) -> str | None:
            value = "" if i is None or fields[i] is None else str(fields[i]).strip()
            return value or None

        def cell(key: str) -> str | None:
            return at(idx[key])

        if survey:
            answers = [
                (number, column, _answer(at(i)))
                for number, (column, i) in enumerate(texts, start=1)
            ]
            said = [a for a in answers if a[2] and adds_nothing(a[1], a[2])]  # "Nein, danke."
            answers = [a for a in answers if a not in said]
            if any(a[2] for a in answers):  # a row of only "-" is counted as no-answer row
                marked = [c for c, i in texts if (v := at(i)) and is_no_answer(plain_text(v))]
                nothing.update([*(column for _, column, _ in said), *marked])
            else:
                nothing.update(column for _, column, _ in said)
        else:
            (body_from, body), (title_from, title) = (
                _first(fields, text_group),
                _first(fields, title_group),
            )
            if not body and not title and category:
                body = _first(fields, category)[1]
                title_only += bool(body)
            read["Text"].update([body_from] if body_from else [])
            read["Titel"].update([title_from] if title_from else [])
            answers = [(1, text_column, with_title(title, body) or "")]
        answers = [a for a in answers if a[2]]
        if not answers:
            skipped += 1
            text_cells = [i for _, i in (*texts, *text_group, *title_group, *category)]
            no_answer += any(is_no_answer(at(i) or "") for i in text_cells if at(i))
            continue
        # MAXQDA writes a code's path with backslashes ("Themen\\Jugend"), NVivo doubled
        codes = tuple(
            path
            for c in _CODE_SEPARATOR.split(cell("code") or "")
            if (path := code_path(c, SEPARATOR))
        )
        spot = [at(i) for i in place] if place else []
        if spot and all(spot):
            # MAXQDA gives paragraphs as beginning and end: two segments of one paragraph
            # share the place and differ in text.
            document = documents.setdefault(str(spot[0]), len(documents) + 1)
            if len(spot) == 1:  # document and text (NVivo): the same text is one statement,
                # but a text met again at a code by the same coder is another passage ("Ja,
                # genau." twice); two coders' rows of one passage stay one statement
                who = tuple(fields[header.index(c)] for c in coders)
                pairs = {(code, who) for code in codes}
                passages = texts_in.setdefault(document, {}).setdefault(answers[0][2], [])
                source_id = next((p for p in passages if not pairs & coded[p]), "")
                if not source_id:
                    placed_in[document] += 1
                    source_id = f"D{document}:{placed_in[document]}"
                    passages.append(source_id)
                coded.setdefault(source_id, set()).update(pairs)
            else:
                base = source_id = "D{}:{}-{}".format(document, *spot[1:])
                number = 1
                while (
                    source_id in position and segments[position[source_id]][1].text != answers[0][2]
                ):
                    number += 1
                    source_id = f"{base}/{number}"
        else:
            source_id = row_id(cell("id"), raw.name, row, mapping.id_column)  # not 1,2E+11
        values = {  # an attribute in HTML (a platform's answer to a proposal) as text
            column: attribute_value(plain_text(f.strip()) if isinstance(f, str) else f)
            for column, i in attributes
            if (f := fields[i]) is not None and str(f).strip() != "" and not lacks(i, f)
        }
        missing.update(c for c, i in attributes if lacks(i, fields[i]))  # "N/A"
        if source_id in seen_ids:
            first = seen_ids[source_id]
            earlier = position.get(source_id)
            keyed = idx["code"] is not None
            long_format = keyed and not survey and earlier is not None
            if long_format and segments[earlier][1].text == answers[0][2]:
                # One row per statement and code (MAXQDA's coded segments, a long table).
                number, segment = segments[earlier]
                merged = tuple(dict.fromkeys((*segment.codes, *codes)))
                segments[earlier] = (number, replace(segment, codes=merged))
                repeats.setdefault(earlier, [(segment.codes, segment.attributes)])
                repeats[earlier].append((codes, values))
                merged_rows += 1
                continue
            raise InputError(
                f"ID '{source_id}' kommt doppelt vor (zuerst in Zeile {first})"
                + (", mit anderem Text." if long_format else "."),
                file=raw.name,
                row=row,
            )
        seen_ids[source_id] = row
        district = districts.read(fields, points.read)
        for number, column, text in answers:
            segment = ParsedSegment(
                text=text,
                source_id=f"{source_id}.{number}" if survey else source_id,
                question=statement_question(
                    cell("question"), labels.get(column, column), asking, labels
                ),
                speaker_role=cell("role"),
                row=row,
                workshop=cell("workshop"),
                district=district,
                attributes=dict(values),
                codes=codes,
            )
            if not survey:
                position[source_id] = len(segments)
            segments.append((number, segment))
    differing = merge_repeated_rows(segments, repeats)  # a comment per code is kept
    if not segments and rejected:
        raise InputError(
            f"Alle Zeilen mit Text hat die Moderation abgelehnt (Spalte '{moderation.column}'); "
            "--include-rejected übernimmt sie.",
            file=raw.name,
        )
    if not segments:  # rows hidden in Excel are left out (table_reading)
        but = " außer ausgeblendeten (zum Importieren einblenden)" * bool(
            read_options.get("hidden_rows")
        )
        raise InputError(f"Die Tabelle enthält keine Zeile mit Text{but}.", file=raw.name)
    resolved = {"text_column": text_column, "title_column": title_column}
    if mapping.more_text_columns:
        resolved["more_text_columns"] = list(mapping.more_text_columns)
    detected = {
        role: column
        for role, column, given in (
            ("Text", text_column, mapping.text_column),
            ("Titel", title_column, mapping.title_column),
        )
        if column and not given and not (no_header or above or survey_found) and blocks is None
    }
    if detected_id:
        detected["ID"] = str(mapping.id_column)
    if codes_found:
        detected["Codes"] = codes_found
    detected.update(taguette)
    detected.update({GROUP_COLUMNS[field][0]: column for field, column in grouped.items()})
    if guess is not None and guess.column:
        detected["Sozialraum"] = guess.column
    if sheet is not None:
        resolved["sheet"] = sheet
    unstored = replace(mapping, districts=None, find_district=False, boundaries=None)
    chosen = {**asdict(unstored), **resolved}
    options = {k: v for k, v in chosen.items() if v not in (None, False, ())}
    options.update({**districts.options(header), **points.options()})
    if guess is not None and not guess.column:
        found = {"district_unknown": guess.unknown, "district_ambiguous": list(guess.ambiguous)}
        options.update(
            {
                k: v
                for k, v in {
                    **found,
                    "district_codes": list(guess.coded),
                    "district_joined": list(guess.joined),
                }.items()
                if v
            }
        )
    options["skipped_rows"] = skipped
    options.update(gaps)
    if rejected:
        options["moderation_rejected"] = [moderation.column, rejected]
        options["moderation_rejected_ids"] = rejected_ids  # export_growth: rejected since
    options.update(read_options)
    options.update(own)
    if detected:
        options["detected_columns"] = detected
    if header_row > 1:
        options["header_row"] = header_row
    counted = {"merged_rows": merged_rows, "no_answer_rows": no_answer, "renamed_columns": renamed}
    counted.update(unnamed_columns=unnamed, merged_columns=[h for h in header if h in differing])
    counted["missing_codes"] = missing_codes
    counted["nothing_to_add"] = [nothing.total(), list(nothing)] if nothing else None
    counted["missing_attribute_cells"] = [missing.total(), list(missing)] if missing else None
    counted.update(totals_rows=totals, padded_rows=short, coders_in_codes=by_coder)
    options.update({key: value for key, value in counted.items() if value})
    if survey_header.tool:
        options["header_rows"] = [survey_header.tool, survey_header.rows]
    if private:
        options["personal_labels"] = private
    if asked:
        options["contact_answers"] = asked
    if mixed := mixed_contact_columns(text_columns if survey_found else (), labels):
        options["mixed_contact_columns"] = mixed  # "Anmerkungen? Dann bitte E-Mail angeben"
    if blocks is not None:
        options["question_blocks"] = blocks.results
    if renamed_name := [o for o, h in zip(old_header, header, strict=True) if o != h]:
        options["quotation_name"] = renamed_name[0]
    if place:
        options["segment_place"] = [header[i] for i in place]
    if coders and mapping.attribute_columns is None:
        options["coder_columns"] = coders
    languages = {
        role: {c: read[role][c] for c, _ in group}
        for role, group in (("Text", text_group), ("Titel", title_group))
        if len(group) > 1
    }
    if languages:
        options["language_columns"] = languages
    if title_only:
        options["title_as_text"] = [category[0][0], title_only]
    if no_header or above:
        options["no_header" if no_header else "question_above"] = header[0] if above else True
    if survey_found:
        options.update(survey_questions=survey_found, survey_text_column=beside)
    if comments := joined_comments(header, records, [c for c, _ in attributes]):
        options["joined_comments"] = comments  # adhocracy+: a proposal's comments in its row
    return ParsedDocument(
        filename=raw.name,
        sha256=raw.sha256,
        importer=sheet_importer(
            importer_of(suffix, IMPORTERS.get(suffix, IMPORTER_CSV)), sheet, sheets[:1] == [sheet]
        ),
        segments=tuple(s for _, s in sorted(segments, key=lambda s: s[0])),  # stable
        options=options,
    )
