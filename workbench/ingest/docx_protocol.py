"""DOCX workshop protocols (python-docx), structured like the Markdown protocols.

Style ``Title`` is the title; ``Key: value`` paragraphs before the first heading are details
(:mod:`workbench.ingest.protocol_meta`: Workshop, Sozialraum, Datum, Format, Teilnehmende —
also as a list, one name per paragraph, under a bare "Teilnehmende:" —, Protokoll,
Moderation; Ort is known but not kept); ``Heading 1`` is a guiding question (without its
number, "1. Bedarfe" → "Bedarfe"), deeper headings are subsections; without ``Heading 1``,
the highest level used asks the questions, and a single ``Heading 1`` over the details with
``Heading 2`` below it is the title (:func:`~workbench.ingest.word_head.guiding_levels`);
every other non-empty paragraph is one statement, a leading bold ``Rolle:`` run gives the
speaker role; a signature line ("gez. Anna Schmidt") is no statement, its name goes onto the
name list. Speaker heads with their times set as headings ("Anna Schmidt [00:00:12]", the
text below) make the file a transcript (:mod:`workbench.ingest.speaker_turns`), as do timed
speaker lines in a document without headings or with a title and a transcript's frame
headings only ("Teilnehmer", "Transkript": Google Meet's document), or under headings
("18:05 Anna Schmidt: …" below each guiding question). A document without any
heading style takes a short paragraph all in bold without a sentence end for a heading (the
first, before any text, for the title); without bold ones either, the rules of plain-text
protocols: a short paragraph ending in "?" or ":" directly above a list item (Word's bullets
or numbering, a bullet typed "– ") is a guiding question, a first paragraph of a title's
shape above a detail the title. With no heading at all, text before the first guiding
question stops the import with a message that names the forms a guiding question may take. A
typed bullet is not part of a statement. Statements are numbered 1, 2, … in document order
(``source_id``). These rules (:func:`protocol_document`) also read ODT protocols
(:mod:`workbench.ingest.odt_protocol`). A paragraph's text is read from the XML
(:mod:`workbench.ingest.docx_text`: tracked insertions, content controls, fields, smart
tags; a text box's paragraphs are statements after the paragraph that holds it, and before
the first guiding question — a letterhead, a logo's caption — not read). A file saved as
Strict Open XML stops with a message to save it as a normal Word document.

Without any heading, a table is the card query itself: its column headers are the guiding
questions (a first column "Leitfrage" gives its row's, one headed "Thema", "Bereich" …
labels the rows). A table of participants (a column of names or contacts) is never read as
statements, with or without headings: its names go onto the name list.

Tables (:func:`table_paragraphs`) are read in document order, after the first heading:
the first row is the header, every other non-empty cell is a statement per line (its
column's header as attribute ``Spalte``). With two or more columns whose first column is
short below the header (at most four words, no sentence end) that column labels the
rows: attribute ``Zeile``, no statement (unless its header names what cards answer,
"Herausforderungen", or asks: :mod:`~workbench.ingest.card_columns`). Merged cells count
once; a nested table's text is part of its cell. A table of the protocol's details
before the first heading (a template's header table: "Datum:" | "12.03.2021",
:func:`~workbench.ingest.protocol_meta.table_details`) gives the details as their
paragraphs would. Other tables before the first heading and tables of one row (a frame,
a layout) are not read; ``options`` count them for the import's notices. ``row``
("Absatz N") counts every paragraph, those in cells too."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import replace

from workbench.core.archives import unpack_member
from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.core.office_members import office_problem
from workbench.core.textio import RawFile, Source, read_source
from workbench.ingest.captions import style_kind, without_captions
from workbench.ingest.common import add_statement
from workbench.ingest.direction_marks import unmarked
from workbench.ingest.docx_tables import cells_in_order, table_paragraphs
from workbench.ingest.docx_text import (
    ListLevels,
    W,
    blocks,
    is_strict,
    left_out_runs,
    margin_texts,
    paragraph_text,
    smartart_texts,
    strike_styles,
    struck_readings,
    text_boxes,
)
from workbench.ingest.docx_turns import (
    frame_headings,
    paragraphs_text,
    speaker_heads,
    turn_heads,
    turns_under_headings,
)
from workbench.ingest.pdf_struck import struck_names
from workbench.ingest.people_section import said_among_names, section_people
from workbench.ingest.personal_columns import header_key, is_contact_column, is_person_column
from workbench.ingest.protocol_meta import (
    ROW_LABEL_HEADERS,
    ROW_QUESTION_HEADERS,
    add_detail,
    describes_group,
    detail,
    heading_text,
    is_names_line,
    margin_names,
    names_alone,
    people_heading,
    people_in,
    said_after_key,
    signature_names,
    split_names,
)
from workbench.ingest.speaker_turns import are_people_turns, is_speaker_turns, turns_document
from workbench.ingest.word_head import (
    BOX,
    DETAILS,
    TABLE_KINDS,
    Cell,
    Paragraph,
    answer_heads,
    guiding_levels,
    heading_as_title,
    marked_heads,
    numbered_questions,
    typed_bullets,
)

IMPORTER = "docx"


def _typed_heads(paragraphs: Sequence[Paragraph]) -> bool:
    """Whether paragraphs whose only heading is their title type the others as text:
    "TOP 1: Spielplatz" or a bold heading, or "Anna Müller: …" turns."""
    marked = marked_heads(paragraphs)
    body = "\n".join(p.text for p in paragraphs if p.kind not in (*TABLE_KINDS, "title"))
    return any(p.kind in ("question", "heading") for p in marked) or are_people_turns(body)


def _role(paragraph: Paragraph) -> tuple[str | None, str]:
    """Split a leading bold text ending in ':' off the paragraph text."""
    text = paragraph.text.strip()
    bold = paragraph.bold.strip()
    if bold.endswith(":") and len(bold) <= 80 and text.startswith(bold):
        return bold[:-1].strip(), text[len(bold) :].strip()
    return None, text


_W = f"{{{W}}}"
_OUTLINE = re.compile(r"^Heading (\d)$")  # a heading style's level


def _style(paragraph) -> str:
    """The paragraph's style name as python-docx gives it (built-in styles in English:
    "Heading 1" also in a German Word); for a template's own style ("Leitfrage Stadt") the
    title or heading style it is based on, or "Heading N" for the outline level it sets,
    as Word shows it (navigation pane, table of contents); else its own name."""
    style = paragraph.style
    own = (style.name if style is not None else "") or ""
    seen: set[str] = set()
    while style is not None and style.style_id not in seen:
        seen.add(style.style_id)
        name = style.name or ""
        if name == "Title" or _OUTLINE.match(name):
            return name
        level = style.element.find(f"{_W}pPr/{_W}outlineLvl")
        value = level.get(f"{_W}val", "") if level is not None else ""
        if value.isdigit() and int(value) < 9:  # 9: body text
            return f"Heading {int(value) + 1}"
        style = style.base_style
    return own


def _docx_paragraphs(container, kind=None, levels: ListLevels | None = None) -> list[Paragraph]:
    """The paragraphs of a python-docx body or table cell in order (:mod:`docx_text`: also
    those in content controls, each followed by its text boxes' paragraphs); a nested
    table's cell by cell (in a body, :func:`table_paragraphs`). ``kind`` gives a body
    paragraph's kind by its style; in a cell all are "body". A body paragraph is
    ``listed`` when Word shows it as a list item, its ``level`` how deep (``levels``)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph as DocxParagraph

    paragraphs: list[Paragraph] = []
    element = getattr(container, "_tc", None)
    element = element if element is not None else container._element
    for item in blocks(element):
        if item.tag.endswith("}tbl"):
            rows = _docx_rows(Table(item, container))
            nested = [p for _, ps in cells_in_order(rows) for p in ps]
            paragraphs += table_paragraphs(rows) if kind else nested
            continue
        text, bold = paragraph_text(item)
        style, outline = kind(DocxParagraph(item, container)) if kind else ("body", 0)
        level = levels.depth(item) if kind and levels else None
        listed = level is not None
        paragraphs.append(
            Paragraph(text, style, bold, listed=listed, level=level or 0, outline=outline)
        )
        for box in text_boxes(item):  # a text box's paragraphs: statements of their own
            for inner in (p for p in blocks(box) if p.tag.endswith("}p")):
                box_text, box_bold = paragraph_text(inner)
                paragraphs.append(Paragraph(box_text, BOX if kind else "body", box_bold))
    return paragraphs


def _docx_rows(table) -> list[list[Cell | None]]:
    """A python-docx table as rows of cells, identified by their ``w:tc`` (python-docx
    repeats a merged cell at every grid position it fills)."""
    from docx.table import _Cell

    read: dict[object, Cell] = {}
    rows: list[list[Cell | None]] = []
    for row in table.rows:
        try:
            cells = row.cells
        except ValueError:  # continues a vertical merge, but there is no cell above
            cells = tuple(_Cell(tc, table) for tc in row._tr.tc_lst)
        for cell in cells:
            if cell._tc not in read:
                read[cell._tc] = (cell._tc, _docx_paragraphs(cell))
        rows.append([None] * row.grid_cols_before + [read[cell._tc] for cell in cells])
    return rows


def _strict(data: bytes, name: str) -> bool:
    """Whether a Word package is written in Strict Open XML (python-docx cannot read it)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            parts = [n for n in ("_rels/.rels", "word/document.xml") if n in names]
            return any(is_strict(unpack_member(package, n, name)[:4000]) for n in parts)
    except Exception:  # not a zip: a broken file
        return False


def _numbering_part(document):
    """The document's ``w:numbering`` element, or None without a numbering part."""
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return None


def parse_docx(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse a DOCX protocol (or a transcript of speaker turns, see
    :mod:`workbench.ingest.speaker_turns`) into a :class:`ParsedDocument`."""
    import docx  # python-docx; imported here so `import workbench` stays light

    raw = read_source(source, name)
    if not raw.data.strip():
        raise InputError("Die Datei ist leer.", file=raw.name)
    try:
        document = docx.Document(io.BytesIO(raw.data))
    except Exception:
        if _strict(raw.data, raw.name):
            raise InputError(
                "Die Datei ist im Format ‚Strict Open XML‘ gespeichert; bitte in Word als "
                "normales Word-Dokument (.docx) speichern und erneut importieren.",
                file=raw.name,
            ) from None
        raise office_problem(raw.data, raw.name, "DOCX") or InputError(
            "Keine lesbare DOCX-Datei (beschädigt oder abgeschnitten).",
            file=raw.name,
        ) from None
    unlinked = _lacks_parts(document)  # before python-docx adds default styles to it
    levels = ListLevels(document.styles.element, _numbering_part(document))
    strike_styles(document.element.body, document.styles.element)  # "Gestrichen": by hand
    kinds: dict[str | None, tuple[str, int]] = {}  # by style ID: python-docx looks a
    # style up in all

    def kind(paragraph) -> tuple[str, int]:
        style_id = paragraph._p.style
        if style_id not in kinds:
            style = _style(paragraph)
            outline = _OUTLINE.match(style)
            kinds[style_id] = (style_kind(style), int(outline[1]) if outline else 0)
        return kinds[style_id]

    paragraphs, captions = without_captions(_docx_paragraphs(document._body, kind, levels))
    diagrams = smartart_texts(document)
    try:
        parsed = protocol_document(raw, paragraphs, IMPORTER, roles)
    except InputError as err:
        # python-docx opened it, but a package without the parts Word always writes (no
        # word/_rels/document.xml.rels: no styles, so "keine Überschriften") is damaged;
        # looked into only now, so a readable file costs nothing
        missing = office_problem(raw.data, raw.name, "DOCX") if unlinked else None
        if missing is not None:
            raise missing from None
        if diagrams and "keine Aussagen" in err.message:  # all in the graphic, maybe
            hint = _SMARTART_HINT.format(diagrams, "Feld" if diagrams == 1 else "Felder")
            raise InputError(f"{err.message} {hint}", err.file, err.row, err.unit) from None
        raise
    left_out = {"smartart_texts": diagrams, "captions": captions}
    left_out.update(left_out_runs(document.element.body))
    left_out = {key: count for key, count in left_out.items() if count}
    if left_out:  # for the notices: their text is not read
        parsed = replace(parsed, options={**parsed.options, **left_out})
    struck = struck_names(struck_readings(document.element.body))  # a name struck from
    # the list of participants, the minute-taker in a header: still names to pseudonymise
    named = (*struck, *margin_names(margin_texts(document)))
    if named:
        parsed = replace(parsed, names=tuple(dict.fromkeys((*parsed.names, *named))))
    return parsed


def _lacks_parts(document) -> bool:
    """Whether the main part of a Word document links no other part (Word writes at least
    styles, settings and fonts): its relationships are missing or damaged."""
    return not document.part.rels


_SMARTART_HINT = (
    "Text in SmartArt-Grafiken ({} {}) liest der Import nicht; bitte als Absätze oder "
    "Aufzählung ins Dokument übernehmen."
)


def _box_details(text: str, name: str, fields: dict) -> None:
    """The details and names in a text box's line before the first heading (a template's
    box beside the title: "Datum: 12.03.2021", "Protokoll: Anna Schmidt"); a line that is
    none, or a date that cannot be read there, is left out as the box's other text."""
    try:
        found = detail(text, name) or (
            ("names", signature) if (signature := signature_names(text)) else None
        )
    except InputError:
        return
    if found is not None:
        add_detail(fields, *found)


def _people_tables(paragraphs: Sequence[Paragraph]) -> set[int]:
    """The positions of the table marks whose columns name people or their contacts (a
    list of participants: Name, Organisation, E-Mail)."""
    found: set[int] = set()
    mark = None
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind in ("table", "layout"):
            mark = index
        elif paragraph.kind not in ("cell", "table-text"):
            mark = None
        elif mark is not None:
            column = paragraph.attributes.get("Spalte", "")
            if column and (is_person_column(column) or is_contact_column(column)):
                found.add(mark)
    return found


def _before_heading(styled: bool) -> str:
    """The message for text before the first guiding question that is no title or detail."""
    if styled:
        return (
            "Text vor der ersten Leitfrage (Überschrift 1) ist weder Titel noch Angabe der "
            "Form 'Schlüssel: Wert'."
        )
    return (
        "Das Dokument hat keine Überschriften: Text vor der ersten Leitfrage ist weder Titel "
        "noch eine bekannte Angabe ('Datum: …', 'Sozialraum: …', 'Teilnehmende: …'; "
        "'Ziel: …' oder 'Thema 1: …' ist eine Aussage). Leitfragen erkennt der Import an der "
        "Formatvorlage ‚Überschrift 1‘, an einem kurzen fett gesetzten Absatz, an einer "
        "Frage (mit '?' oder ':') direkt über einer Aufzählung oder als Spaltenköpfe einer "
        "Tabelle. Bitte die Leitfragen so "
        "kennzeichnen (am sichersten mit ‚Überschrift 1‘, den Titel mit ‚Titel‘) und erneut "
        "importieren. Hat das Protokoll keine Leitfragen, als Nur-Text (.txt) speichern: "
        "dort ist jeder Absatz eine Aussage ohne Leitfrage."
    )


def protocol_document(
    raw: RawFile,
    paragraphs: Sequence[Paragraph],
    importer: str,
    roles: Mapping[str, str] | None = None,
) -> ParsedDocument:
    """The protocol (or, without headings, the timed speaker turns) in the paragraphs of
    a word-processor file ``raw``; rows in error messages count its paragraphs."""
    headings = any(p.kind in ("question", "heading") for p in paragraphs)
    # read as turns without direction marks ("\u2068Anna Schmidt\u2069   0:03", Teams)
    written = paragraphs_text([p.text for p in paragraphs if p.kind not in TABLE_KINDS])
    plain = unmarked(written)  # the turns' texts keep their marks (written=)
    marks = sum(p.kind in ("table", "layout") for p in paragraphs)
    # Teams' or Meet's transcript; speaker heads set as headings ("Anna Schmidt [00:00:12]")
    framed = not headings or speaker_heads(paragraphs) or frame_headings(paragraphs)
    if framed and is_speaker_turns(plain, timed_only=True):
        turns = turns_document(raw, plain, roles, written=written)
        if marks:  # no heading: every table is one before the first heading
            turns = replace(turns, options={**turns.options, "tables_skipped": marks})
        return turns
    paragraphs = guiding_levels(typed_bullets(numbered_questions(paragraphs)))
    sectioned = None if marks else turns_under_headings(raw, paragraphs, roles)
    if sectioned is not None:  # "18:05 Anna Schmidt: …" under each guiding question
        return sectioned
    styled = any(p.kind in ("question", "heading") for p in paragraphs)
    titled = heading_as_title(paragraphs) if styled and not marks else None
    if titled is not None and _typed_heads(titled):  # only the title is a heading
        paragraphs, styled = titled, False
    paragraphs = marked_heads(answer_heads(paragraphs))  # "Frage: …?" / "Ergebnis:" / list
    sectioned = None if styled or marks else turns_under_headings(raw, paragraphs, roles)
    if sectioned is not None:  # "Anna Müller: …" under "TOP 1: Begrüßung" typed as text
        return sectioned
    unheaded = not any(p.kind in ("question", "heading") for p in paragraphs)
    unheaded = unheaded or (not styled and turn_heads(paragraphs))  # "Anna: Ideen:" / "1. …"
    if unheaded and not marks and are_people_turns(plain):  # not "Ziel: …", "Problem: …"
        # "Anna Müller: …" typed without times
        return turns_document(raw, plain, roles, written=written)
    fields: dict = {}
    segments: list[ParsedSegment] = []
    question: str | None = None
    seen_heading = False
    # Without any heading, a table's column headers are its guiding questions (a card
    # query typed into Word: "Herausforderungen | Ressourcen | Bedarfe"). A list of
    # participants (columns Name, Organisation, E-Mail) is no statements: its names go
    # onto the name list.
    headed = any(p.kind in ("question", "heading") for p in paragraphs)
    people = _people_tables(paragraphs)
    by_column = skip_table = labels_read = False
    row_question: str | None = None  # a "Leitfrage" column: the question of its row

    def add(
        text: str, role: str | None, row: int, attributes: Mapping[str, str], asked=None
    ) -> None:
        add_statement(segments, text, asked or question, row, role, attributes)

    tables = {"tables": 0, "tables_skipped": 0, "tables_one_row": 0, "tables_people": 0}
    counted = False  # the current table gave a statement and is counted as read
    number = 0  # paragraphs, those in table cells too
    listing = False  # after "Teilnehmende:" without names: a list of names follows
    people_section = False  # under a heading "Teilnehmende": a list of names
    details_section = False  # under a heading "Rahmendaten" before the first statement
    for index, paragraph in enumerate(paragraphs):
        if DETAILS in paragraph.attributes and not seen_heading:  # "Datum:" | "…"
            skip_table, by_column, counted = True, False, False  # details, no statements
            for found in (detail(x, raw.name) for x in paragraph.attributes[DETAILS].split("\n\n")):
                if found is not None:
                    add_detail(fields, *found)
            continue
        if paragraph.kind in ("table", "layout"):
            skip_table = index in people
            by_column = not headed and paragraph.kind == "table" and not skip_table
            labels_read, row_question = False, None
            seen_heading = seen_heading or by_column
            if skip_table:
                tables["tables_people"] += 1
            elif not seen_heading:
                tables["tables_skipped"] += 1
            elif paragraph.kind == "layout":
                tables["tables_one_row"] += 1
            counted = False
            continue
        number += not paragraph.broken  # a line split off the paragraph above: its number
        if paragraph.kind == BOX:  # a text box: not before the first heading (a letterhead)
            if not seen_heading:  # but its details ("Datum: …", "Protokoll: …") are read
                _box_details(paragraph.text.strip(), raw.name, fields)
                continue
            paragraph = replace(paragraph, kind="body")
        text = paragraph.text.strip()
        if skip_table and is_person_column(paragraph.attributes.get("Spalte", "")):
            add_detail(fields, "names", split_names(text))  # a participant: on the list
        if by_column and paragraph.kind == "table-text" and "Zeile" in paragraph.attributes:
            column = paragraph.attributes.get("Spalte", "")  # a row's label: read?
            if header_key(column) not in ROW_LABEL_HEADERS:
                paragraph, labels_read = replace(paragraph, kind="cell"), True
        if not text or paragraph.kind == "table-text":
            continue
        if paragraph.kind == "cell":  # one statement per line; not before the first heading
            role, statement = _role(paragraph)
            read = seen_heading and not skip_table
            lines = [line.strip() for line in statement.split("\n")] if read else []
            attributes, asked = dict(paragraph.attributes), None
            if by_column:  # the column's header (or the row's) is the question
                asked = attributes.pop("Spalte", None)
                if labels_read:
                    attributes.pop("Zeile", None)
                if header_key(asked or "") in ROW_QUESTION_HEADERS:
                    row_question = " ".join(statement.split())
                    continue
                asked = row_question or asked
            for line in filter(None, lines):
                add(line, role, number, attributes, asked)
                tables["tables"] += not counted
                counted = True
            continue
        if paragraph.kind == "title":  # broken with Shift+Enter: one line, as in the PDF
            fields.setdefault("title", " ".join(text.split()))
            continue
        if paragraph.kind == "letterhead":  # short lines above the title (word_head),
            add_detail(fields, "names", names_alone(text))  # names beside it without a key
            continue
        if paragraph.kind in ("question", "heading"):
            seen_heading, people_section = True, people_heading(text)
            details_section = not segments and not text.rstrip().endswith("?")
            if paragraph.kind == "question":
                question = heading_text(text)
            continue
        if not seen_heading:
            found = detail(text, raw.name)
            if found is not None:
                add_detail(fields, *found)
                listing = found[0] == "names" and not found[1]
            elif listing and (is_names_line(text) or describes_group(text)):
                add_detail(fields, "names", people_in(text))
            elif signature := signature_names(text):  # "gez. …" below a list of names
                add_detail(fields, "names", signature)
            else:
                raise InputError(_before_heading(styled), file=raw.name, row=number, unit="Absatz")
            continue
        if people_section and said_among_names(text):  # a remark about the meeting, no
            add_statement(segments, text, None, number, None, {})  # guiding question's
            continue
        if people_section:  # under a heading "Teilnehmende": names, no statements
            add_detail(fields, "names", section_people(text))
            continue
        if details_section and paragraph.kind == "body":  # under "Rahmendaten", before
            found = None if said_after_key(text) else detail(text, raw.name)  # any statement
            if found is not None or (listing and is_names_line(text)):
                add_detail(fields, *(found or ("names", people_in(text))))
                listing = found is not None and found[0] == "names" and not found[1]
                continue
        details_section = listing = False
        signature = signature_names(text) if paragraph.kind == "body" else None
        if signature:  # "gez. Anna Schmidt": a name for the list, no statement
            add_detail(fields, "names", signature)
            continue
        role, statement = _role(paragraph)
        if statement:
            add(statement, role, number, {})
    if not segments:
        hint = (
            " (Tabellen vor der ersten Überschrift werden nicht gelesen)"
            if tables["tables_skipped"]
            else " (eine Tabelle der Teilnehmenden ist keine Aussage)"
            if tables["tables_people"]
            else ""
        )
        message = f"Das Protokoll enthält keine Aussagen{hint}."
        raise InputError(message, file=raw.name)
    return ParsedDocument(
        filename=raw.name,
        sha256=raw.sha256,
        importer=importer,
        segments=tuple(segments),
        options={key: count for key, count in tables.items() if count},
        **fields,
    )
