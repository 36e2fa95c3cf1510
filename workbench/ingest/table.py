"""CSV, XLSX and ODS card-wall or survey exports, read through a column mapping."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from workbench.core.domain import InputError, ParsedDocument
from workbench.core.textio import RawFile, Source, read_source
from workbench.ingest.code_crosses import DEDOOSE_TEXT, CrossColumns, cross_columns
from workbench.ingest.contact_questions import contact_answer_columns
from workbench.ingest.decidim import decidim_id_column
from workbench.ingest.form_ids import forms_id_column
from workbench.ingest.form_timestamps import form_timestamp
from workbench.ingest.id_gaps import id_gaps
from workbench.ingest.personal_columns import header_key, is_personal_label
from workbench.ingest.segment_list import (
    DOCUMENT_HEADERS,
    QUOTATION_NAME,
    QUOTATION_NAME_HEADERS,
    SEGMENT_MEASURE_HEADERS,
    coder_columns,
    is_segment_list,
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
from workbench.ingest.table_districts import DistrictCells, find_district_column
from workbench.ingest.table_export import own_export
from workbench.ingest.table_headers import header_rows, mapping_by_labels
from workbench.ingest.table_identity import sheet_importer
from workbench.ingest.table_json import JSON_SUFFIXES, importer_of, read_table
from workbench.ingest.table_json import reading_notices as reading_notices  # writer reads it
from workbench.ingest.table_layout import Group, TableLayout, first
from workbench.ingest.table_mapping import TableMapping as TableMapping  # the façade's
from workbench.ingest.table_mapping import has_text_column, header_below_title
from workbench.ingest.table_mapping import with_title as with_title  # test_corpora reads it
from workbench.ingest.table_moderation import find_moderation
from workbench.ingest.table_options import stored_options
from workbench.ingest.table_points import PointCells, find_points, stored_areas
from workbench.ingest.table_qa import audience_questions
from workbench.ingest.table_reading import pad_short_rows
from workbench.ingest.table_rows import (
    IMPORTER_CSV,
    IMPORTERS,
    Rows,
)
from workbench.ingest.table_rows import read_rows as read_rows  # synthesis.indicators reads it
from workbench.ingest.table_statements import read_statements
from workbench.ingest.table_survey import (
    question_above,
    questions_beside,
    survey_text_columns,
)
from workbench.ingest.table_totals import totals_rows
from workbench.ingest.taguette import taguette_mapping

_NO_HEADER = "Spalte 1"  # the column of a table without header row
NOT_CSV = frozenset((*IMPORTERS, *JSON_SUFFIXES))  # a line break can split a CSV row only


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


def _repeats(records: Rows, group: Group) -> bool:
    """Whether the values of a column repeat (fewer than half of them differ): one title
    for many rows (the process's: "Bürgerhaushalt 2019"), a category, a guiding question."""
    values = [v for _, cells in records if (v := first(cells, group)[1])]
    return len(set(values)) < 0.5 * len(values)


def _read_sheet(raw: RawFile, mapping: TableMapping) -> TableLayout:
    """The sheet below its header rows and totals, its kind and the mapping its labels give."""
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
    taken = mapping.mapped()  # a range of code columns leaves out the text, the ID …
    crosses = cross_columns(raw.name, header, mapping.code_columns, taken)  # one per code
    if crosses is not None:
        dedoose = DEDOOSE_TEXT if crosses.dedoose and DEDOOSE_TEXT not in mapping.mapped() else None
        mapping = replace(
            mapping,
            code_columns=tuple(crosses.headers()),
            text_column=mapping.text_column or dedoose,
        )
        _need_coder(raw.name, crosses, mapping)
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
    return TableLayout(
        raw=raw,
        suffix=suffix,
        mapping=mapping,
        header=header,
        records=records,
        sheet=sheet,
        sheets=sheets,
        read_options=read_options,
        survey_header=survey_header,
        missing_codes=missing_codes,
        header_row=header_row,
        renamed=renamed,
        totals=totals,
        labels=labels,
        own=own,
        blocks=blocks,
        taguette=taguette,
        codes_found=codes_found,
        by_coder=by_coder,
        single=single,
        above=above,
        no_header=no_header,
        unnamed=unnamed,
        crosses=crosses,
    )


def _need_coder(filename: str, crosses: CrossColumns, mapping: TableMapping) -> None:
    """Codes need a coder: without ``--coder`` the import stops before anything is stored."""
    if mapping.coder:
        return
    if crosses.dedoose:
        raise InputError(
            "Auszüge aus Dedoose mit Codespalten ('Code: … Applied'): mit --coder NAME "
            "angeben, wer kodiert hat; die Codes werden dann übernommen.",
            file=filename,
        )
    raise InputError("Zu --code-columns gehört --coder NAME (wer hat kodiert?).", file=filename)


def _choose_text_column(t: TableLayout) -> None:
    """Choose the text column, or a form's open questions when none is given."""
    header, records, mapping, labels = t.header, t.records, t.mapping, t.labels
    named = set(mapping.mapped())
    text_column = mapping.text_column or text_column_of(header, records, named)
    text_column = _NO_HEADER if t.no_header else header[0] if t.above else text_column
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
        table = (t.sheet, t.sheets, repeated, t.single, t.header_row)
        survey_found = survey_text_columns(t.raw.name, header, records, labels, districts_, table)
    elif not (
        mapping.text_column
        or mapping.code_column
        or t.crosses
        or t.no_header
        or t.blocks is not None
    ):
        survey_found = questions_beside(text_column, header, records, labels, districts_)
        beside = text_column if survey_found else None  # "Kommentar" among a form's questions
    if survey_found:
        text_column = survey_found[0]
        mapping = replace(mapping, more_text_columns=tuple(survey_found[1:]))
        named |= set(survey_found)
    t.mapping, t.named, t.text_column = mapping, named, text_column
    t.survey_found, t.beside = survey_found, beside


def _choose_id_column(t: TableLayout) -> None:
    """Choose the ID column (a QDA program's segment list: its quotations' IDs)."""
    header, records, mapping, named = t.header, t.records, t.mapping, t.named
    detected_id, old_header = False, header
    listed = is_segment_list(t.text_column, segment_place(header, named) is not None)
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
    t.header, t.mapping, t.detected_id, t.old_header = header, mapping, detected_id, old_header
    t.listed, t.gaps = listed, gaps


def _choose_text_and_title(t: TableLayout) -> None:
    """Choose the text's columns in their languages, and the title's or category's."""
    header, records, mapping, text_column = t.header, t.records, t.mapping, t.text_column
    named = t.named
    text_columns = [text_column, *mapping.more_text_columns]
    survey = len(text_columns) > 1
    asking = survey or bool(t.survey_found)  # a form's question heads its answers
    if survey and (mapping.title_column or mapping.code_column or mapping.code_columns):
        flag = "--title-column" if mapping.title_column else "--code-column"
        flag = "--code-columns" if not (mapping.title_column or mapping.code_column) else flag
        raise InputError(
            f"{flag} gilt für Tabellen mit einer Textspalte, nicht für mehrere Fragen.",
            file=t.raw.name,
        )
    texts = [(c, _resolve(header, c, t.raw.name, "--text-column")) for c in text_columns]
    text_group: Group = texts[:1]
    if not survey:
        text_group = [(c, header.index(c)) for c in language_columns(header, text_column, named)]
    taken = named | {c for c, _ in text_group}
    title_group: Group = []
    category: Group = []  # a title column whose values repeat
    if mapping.title_column is not None:
        _resolve(header, mapping.title_column, t.raw.name, "--title-column")
        title_group = [
            (c, header.index(c)) for c in language_columns(header, mapping.title_column, taken)
        ]
    elif not mapping.no_title and not survey:
        found = detect_column(header, TITLE_HEADERS, taken)
        if found is not None:
            group = [(c, header.index(c)) for c in language_columns(header, found, taken)]
            category, title_group = (group, []) if _repeats(records, group) else ([], group)
    t.text_columns, t.survey, t.asking, t.texts = text_columns, survey, asking, texts
    t.text_group, t.taken, t.title_group, t.category = text_group, taken, title_group, category
    t.title_column = title_group[0][0] if title_group else None


def _choose_group_columns(t: TableLayout) -> None:
    """Choose the columns of repeating values: guiding question, workshop, role."""
    grouped: dict[str, str] = {}  # guiding question, workshop, role: repeating values
    if t.blocks is None and not t.survey:
        given = {field: getattr(t.mapping, field) for field in GROUP_COLUMNS}
        # A segment list's "Erstellt von" names the coder (MAXQDA's initials "AM" look
        # like a transcript's speaker labels): never the speaker's role.
        coded_by = set(coder_columns(t.header, t.text_column, t.listed, t.taken))
        grouped = find_group_columns(
            t.header, t.records, t.taken | coded_by | {c for c, _ in t.title_group}, given
        )
        t.mapping = replace(t.mapping, **grouped)
    t.grouped = grouped


def _choose_districts(t: TableLayout) -> None:
    """Choose the district column and the coordinates' columns; find the moderation's."""
    header, records, mapping, taken, grouped = t.header, t.records, t.mapping, t.taken, t.grouped
    guess, pins = None, find_points(header, records, taken)  # coordinates: no district column
    moderation = find_moderation(header, records, taken)  # rows the moderation rejected
    if mapping.find_district and mapping.district_column is None and mapping.districts:
        used = taken | {c for c, _ in (*t.title_group, *t.category)} | pins.all()
        used |= {h for h in header if t.listed and header_key(h) in SEGMENT_MEASURE_HEADERS}
        walls = [grouped["question_column"]] if "question_column" in grouped else []
        guess = find_district_column(header, records, mapping.districts, used, t.labels, walls)
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
    t.mapping, t.guess, t.pins, t.moderation, t.points = mapping, guess, pins, moderation, points


def _choose_cells(t: TableLayout) -> None:
    """Resolve the mapped columns to indices; a coded segment's place without an ID."""
    header, mapping, name = t.header, t.mapping, t.raw.name
    idx = {
        "id": _resolve(header, mapping.id_column, name, "--id-column"),
        "district": _resolve(header, mapping.district_column, name, "--district-column"),
        "workshop": _resolve(header, mapping.workshop_column, name, "--workshop-column"),
        "question": _resolve(header, mapping.question_column, name, "--question-column"),
        "role": _resolve(header, mapping.role_column, name, "--role-column"),
        "code": _resolve(header, mapping.code_column, name, "--code-column"),
    }
    t.idx = idx
    t.districts = DistrictCells.of(header, mapping.district_column, mapping.districts)
    # Without an ID, a coded segment's place (document, beginning, end) identifies it: with
    # --code-column, the rows of one place are one statement (its codes merged).
    placed = None if idx["id"] is not None or t.survey else segment_place(header, t.named)
    place = placed if idx["code"] is not None else None
    if place is None and placed is None and idx["code"] is not None and t.listed and not t.survey:
        # NVivo's coding summary has a document ("Datei") but no beginning and end: there
        # the document and the text place a segment (its rows per code are one statement)
        document = (
            None if idx["id"] is not None else detect_column(header, DOCUMENT_HEADERS, t.named)
        )
        place = None if document is None else [header.index(document)]
    t.place = place
    mapped = {*t.text_columns, *(c for c, _ in [*t.text_group, *t.title_group]), *mapping.mapped()}
    t.coders = [] if t.survey else coder_columns(header, t.text_column, bool(placed), mapped)
    _choose_attributes(t, mapped)


def _choose_attributes(t: TableLayout, mapped: set[str]) -> None:
    """Choose the attribute columns, without personal data's (labelled or asking for it)."""
    header, mapping, labels = t.header, t.mapping, t.labels
    if mapping.attribute_columns is None:
        left_out = {*mapped, *t.coders, *(t.crosses.left_out if t.crosses else ())}
        attributes = [(h, i) for i, h in enumerate(header) if h and h not in left_out]
    else:
        attributes = [
            (c, _resolve(header, c, t.raw.name, "--attribute-columns"))
            for c in mapping.attribute_columns
        ]
    private = {  # "KD01_01" labelled "Kontaktdaten" ("E-Mail" is dropped by its name)
        h: labels[h]
        for h, _ in attributes
        if is_personal_label(labels.get(h)) and not is_personal_label(h)
    }
    asked = contact_answer_columns(attributes, labels, t.records)  # "Anmerkungen? … E-Mail"
    t.attributes = [(h, i) for h, i in attributes if h not in private and h not in asked]
    t.private, t.asked = private, asked


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
    t = _read_sheet(read_source(source, name), mapping)
    _choose_text_column(t)
    _choose_id_column(t)
    _choose_text_and_title(t)
    _choose_group_columns(t)
    _choose_districts(t)
    _choose_cells(t)
    t.records, t.short = pad_short_rows(t.raw, t.header, t.records, t.suffix not in NOT_CSV)
    statements = read_statements(t)
    options = stored_options(t, statements)
    importer = importer_of(t.suffix, IMPORTERS.get(t.suffix, IMPORTER_CSV))
    return ParsedDocument(
        filename=t.raw.name,
        sha256=t.raw.sha256,
        importer=sheet_importer(importer, t.sheet, t.sheets[:1] == [t.sheet]),
        segments=tuple(s for _, s in sorted(statements.segments, key=lambda s: s[0])),  # stable
        options=options,
    )
