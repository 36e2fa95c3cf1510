"""PDF protocols: the text layer of a PDF, read with ``pypdf``, as statements.

A PDF keeps no paragraphs, only the page's lines (read top to bottom where they stand,
whatever order the PDF draws them in); statements are paragraphs
(:func:`workbench.ingest.paragraphs.paragraph_spans`: a blank line, a sentence end, a line
well short of the page width or a list item ends one; one goes on over a page break
from a full line into one that continues it). Page furniture is left out
(:func:`workbench.ingest.pdf_pages.without_furniture`): page numbers ("3", "Seite 3 von
5", a footer "Workshop Opladen, 22.04.2021 – Seite 1 von 3") and the lines of a header or
footer (a letterhead, a footer: at the page's edge on most pages); names in them ("Protokollführung:
Anna Schmidt") go onto the name list. Ligatures (ﬀ, ﬁ, ﬂ, …) are letters again; text struck
through (deleted text of tracked changes: :mod:`pdf_struck`) and Word's comment balloons
(:mod:`pdf_comments`) and footnotes (:mod:`pdf_footnotes`) are left out. Among the
first lines, before the first paragraph of running text, ``Workshop: …``, ``Sozialraum:
…``, ``Datum: …``, ``Teilnehmende: …`` are the protocol's details as in Word protocols,
wherever they stand there; of the short lines above them one is the title, as in Word
(:func:`~workbench.ingest.protocol_title.title_at`: the others, a letterhead or a subtitle,
are left out), without details a first short line. A short line of its own
ending in "?" or ":" (or without punctuation, also numbered: "1. Herausforderungen"),
followed by statements, is a guiding question (without its number). List markers are not
part of a statement (Word's Symbol/Wingdings bullets too); a signature line ("gez. Anna
Schmidt") is none, its name goes onto the name list, as do the names listed one a line (or
two, side by side) under a bare "Teilnehmende:" or one a line right of its key (a
header table's cell). A table drawn with ruling lines (a card
query saved from Word) is read cell by cell as in the DOCX (:mod:`pdf_tables`), and so is
one without lines told by its columns (:mod:`pdf_borderless`); a short line right above it
is its guiding question. A PDF without a text layer (a scan), one
whose text layer is glyph numbers, a filled-in form and a portfolio stop with a message.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import warnings
from collections import Counter
from dataclasses import replace
from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.core.textio import Source, read_source
from workbench.ingest.answer_lines import label_heads, numbered_asks
from workbench.ingest.captions import is_caption
from workbench.ingest.common import add_statement, protocol_result
from workbench.ingest.paragraphs import (
    CLUB_NAMES,
    MARKED_END,
    OPENS,
    PAGE_BREAK,
    fits,
    paragraph_spans,
    text_width,
)
from workbench.ingest.pdf_checks import check_form_fields, check_portfolio, check_readable
from workbench.ingest.pdf_comments import without_balloons
from workbench.ingest.pdf_footnotes import without_footnotes
from workbench.ingest.pdf_overprint import drawn_once
from workbench.ingest.pdf_pages import (
    furniture_names,
    recurs,
    without_furniture,
)
from workbench.ingest.pdf_spacing import gapped, is_spaced
from workbench.ingest.pdf_struck import (
    cell_without_struck,
    struck_names,
    struck_out,
    without_struck,
)
from workbench.ingest.pdf_tables import (
    MARK,
    PageReading,
    PdfTable,
    add_table,
    going_on,
    joined,
    mark_tables,
    table_number,
)
from workbench.ingest.people_section import named_people
from workbench.ingest.protocol_meta import (
    META_KEYS,
    add_detail,
    describes_group,
    detail,
    detail_key,
    heading_text,
    is_names_line,
    is_people_line,
    names_alone,
    names_heading,
    people_heading,
    people_in,
    said_after_key,
    signature_names,
    split_names,
)
from workbench.ingest.protocol_title import title_at

if TYPE_CHECKING:
    from pypdf import PageObject

IMPORTER = "pdf"
FORMAT = "Protokoll (PDF)"
_LIGATURES = re.compile("[\ufb00-\ufb06]")  # ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ: two or three letters
# "1. Bedarfe", "2.1 Orte"; not the "1." of a club's name ("1. FC Köln")
_NUMBERED = re.compile(rf"^\d{{1,2}}(?:\.\d{{1,2}})*\.?\s+(?=\S)(?!(?:{CLUB_NAMES})\b)")
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")  # spaces the layout puts between words or columns
_COLUMN_GAP = re.compile(r"(?<=\S) {4,}(?=\S)")  # a gap between two columns in a laid-out line
_GOES_ON = re.compile(r"(?:[,;/&]|\bund)\s*$")  # a detail line broken in its list of names
_TITLE_SIZE = 1.3  # a title's font is this much larger than the body text's, at least
_QUESTION_WORDS = 12  # a guiding question is a short line of its own
_HEAD_LINES = 6  # lines above a protocol's details at most: a letterhead's, the title's
_SENTENCE_END = re.compile(r"[.!;,…]$")
_PAGE_BREAKS = re.compile(rf"[ \t]*\n\s*{PAGE_BREAK}\s*")  # a paragraph's page break
# A hyphen at a line end between lower-case letters, not before "und", "oder", "bis" …
# (the hyphen stands for a word left out: "Grund-" + "bis Oberschule")
_ELIDED = r"(?!(?:und|oder|bzw|sowie|bis|wie|als)\b)"
_HYPHENATED = re.compile(rf"([a-zäöüß])-[ \t]*\n[ \t]*{_ELIDED}([a-zäöüß])")
# A compound's own hyphen at a line end: before a capital or digit ("Kita-" + "Ausbau"),
# or after a number ("14-" + "jährige"), unless it stands for a word left out ("20- bis")
_COMPOUND = re.compile(
    r"(\w)-[ \t]*\n[ \t]*(?=[A-ZÄÖÜ\d])"
    rf"|(\d)-[ \t]*\n[ \t]*{_ELIDED}(?=[a-zäöüß])"
)
# A soft hyphen (U+00AD) where the line was broken, and any other (invisible) one
_SOFT_HYPHEN = re.compile(r"\xad(?:[ \t]*\n[ \t]*)?")
# A bullet drawn in Symbol or Wingdings (Word: U+F0B7, U+F0A7, U+F0D8 …), as a shape or
# as Word's second-level "o": a list item like "•"
_BULLET = re.compile(
    r"^([ \t]*)(?:[\uf020-\uf0ff●■□○◆◇►▸➢➤✓✔❖→]|o(?=[ \t\xa0]+\S))[ \t\xa0]*", re.M
)


def _pages(
    raw_data: bytes, name: str
) -> tuple[list[str], dict[str, set[float]], list[PdfTable], dict[str, list]]:
    """The text of every page (a table's lines as its mark), the words the first page sets
    large (with their font sizes: a title), the tables and the numbers of the pages that
    show an image but have no text (scanned) and of those with text struck through (left
    out: :func:`~workbench.ingest.pdf_struck.struck_out`, with the names struck from a list
    of people); a broken or locked PDF stops with a German message."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    log = logging.getLogger("pypdf")  # its repair notes ("EOF marker not found") are
    level = log.level  # not the user's business: a broken file gets our message
    log.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(raw_data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise FileNotDecryptedError
            check_portfolio(reader, name)
            readings = [PageReading() for _ in reader.pages]
            balloons = [without_balloons(page) for page in reader.pages]  # Word's comments
            unstruck = [struck_out(page) for page in reader.pages]  # their text as it was
            struck = [number for number, text in enumerate(unstruck, 1) if text is not None]
            pages = [
                _text(page, reading) for page, reading in zip(reader.pages, readings, strict=True)
            ]
            check_form_fields(reader, pages, name)
            large = _large_words(reader.pages[0]) if pages else {}
            tables = _marked_tables(readings, pages, name)
            scanned = [
                number
                for number, (page, text) in enumerate(zip(reader.pages, pages, strict=True), 1)
                if not _letter_count(text) and _shows_image(page)
            ]
            left_out = {"pages_without_text": scanned, "pages_struck_through": struck}
            left_out["pages_with_comments"] = [n for n, c in enumerate(balloons, 1) if c]
            left_out["pages_with_footnotes"] = [n for n, r in enumerate(readings, 1) if r.footnotes]
            left_out["names"] = list(struck_names([t for t in unstruck if t is not None]))
            return [_cleaned(p) for p in pages], large, tables, left_out
    except (FileNotDecryptedError, DependencyError):  # AES would need `cryptography`
        raise InputError(
            "Das PDF ist mit einem Passwort geschützt; bitte ohne Passwort speichern.",
            file=name,
        ) from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise InputError(
            "Keine lesbare PDF-Datei (beschädigt oder abgeschnitten).",
            file=name,
        ) from None
    finally:
        log.setLevel(level)


def _shows_image(page: PageObject) -> bool:
    """Whether a page draws an image (a scanned page)."""
    try:
        return len(page.images) > 0
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        return False


def _cleaned(text: str) -> str:
    """A text with ligatures as letters and Word's Symbol bullets as "•"."""
    return _BULLET.sub(r"\1• ", _LIGATURES.sub(_letters, text))


def _marked_tables(readings: list[PageReading], pages: list[str], name: str) -> list[PdfTable]:
    """The tables of the pages (:mod:`workbench.ingest.pdf_tables`), each page's text
    with their marks in place of their lines; the rows of a table going on over a page
    break are rows of the table on the page before (its mark on the next page gives none).
    A table the same on two pages or more is page furniture (a letterhead), no table."""
    tables: list[PdfTable] = []
    last: int | None = None  # the table that the last one on the page before is part of
    every: list[list[PdfTable]] = []
    for reading in readings:  # a table without lines goes on in the columns of the last
        every.append(reading.tables(every[-1][-1].columns if every and every[-1] else None))
    seen = Counter(rows for found in every for rows in {table.rows for table in found})
    for number, found in enumerate(every, start=1):
        found = [table for table in found if seen[table.rows] < 2]
        if found and last is not None:
            found[0] = going_on(tables[last], found[0], partial(recurs, pages[number - 2 : number]))
        found = [table for table in found if table.headed()]
        text = pages[number - 1].replace(MARK, "")  # the mark is ours alone
        pages[number - 1] = mark_tables(text, found, len(tables), name, number)
        for table in found:
            if table.goes_on and last is not None:  # rows of the table on the page before
                tables[last] = joined(tables[last], table)
                table = replace(table, rows=table.rows[:1])
            else:
                last = len(tables)
            tables.append(table)
        last = last if found else None
    return [replace(t, rows=_cleaned_rows(t.rows)) for t in tables]


def _cleaned_rows(rows: tuple[tuple[tuple[str, ...], ...], ...]) -> tuple:
    """A table's rows with each cell's lines :func:`_cleaned`, struck text left out."""
    return tuple(tuple(cell_without_struck(tuple(map(_cleaned, c))) for c in row) for row in rows)


def _text(page: PageObject, reading: PageReading) -> str:
    """A page's text in reading order: lines from top to bottom, each from left to right,
    whatever order the PDF draws them in (a title block in a frame drawn last); a wide gap
    in a line (names in two columns) is a tab. Where the layout misses text (turned text, a
    font it cannot measure), the text as drawn. ``reading`` collects where the text and
    the lines are drawn (a table's cells). Text drawn twice for a fake bold is read once
    (:func:`~workbench.ingest.pdf_overprint.drawn_once`); space between paragraphs is a
    blank line (:func:`~workbench.ingest.pdf_spacing.gapped`)."""
    drawn_once(page)
    drawn = (
        page.extract_text(
            visitor_text=reading.visit_text, visitor_operand_before=reading.visit_operator
        )
        or ""
    )
    try:
        laid_out = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=False)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, ZeroDivisionError):
        return drawn
    if _letter_count(laid_out) < _letter_count(drawn) or _drawn_in_columns(laid_out, drawn):
        return drawn
    laid_out = gapped(laid_out, [piece[1] for piece in reading.pieces])  # paragraphs' space
    laid_out, reading.footnotes = without_footnotes(laid_out, reading.pieces)  # "¹ Vgl. …"
    return _GAP.sub(lambda gap: "\t" if len(gap[0]) >= 4 else " ", laid_out)


def _drawn_in_columns(laid_out: str, drawn: str) -> bool:
    """Whether the page is set in columns that the PDF draws one after the other (running
    text in two columns, as Word and LibreOffice write it): then the order as drawn is the
    reading order, and the layout, reading across the columns, would mix their lines. Names
    side by side in a list are drawn row by row and keep the layout."""
    lines = {line.strip(): k for k, line in enumerate(drawn.splitlines()) if line.strip()}
    across = apart = 0
    for line in laid_out.splitlines():
        parts = [p.strip() for p in _COLUMN_GAP.split(line.strip())]
        if len(parts) != 2:
            continue
        across += 1
        left, right = (lines.get(p) for p in parts)
        apart += left is not None and right is not None and abs(right - left) > 1
    return apart >= 3 and 2 * apart >= across


def _letter_count(text: str) -> int:
    """How many letters and digits a text has (to compare two readings of a page)."""
    return sum(c.isalnum() for c in text)


def _large_words(page: PageObject) -> dict[str, set[float]]:
    """The words of a page drawn in a font well larger than its body text (a title), with
    the sizes they are drawn in."""
    sizes: dict[str, set[float]] = {}
    letters: Counter[float] = Counter()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        shown = round(size * (abs(tm[3] * cm[3]) or 1.0), 1)
        letters[shown] += len(text.strip())
        for word in text.split():
            sizes.setdefault(word, set()).add(shown)

    try:
        page.extract_text(visitor_text=visit)
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, ZeroDivisionError):
        return {}
    if not letters:
        return {}
    body = letters.most_common(1)[0][0]
    large = {w: {s for s in found if s >= _TITLE_SIZE * body} for w, found in sizes.items()}
    return {word: found for word, found in large.items() if found}


def _joined_title(parts: list[str], large: dict[str, set[float]]) -> list[str]:
    """The paragraphs with a title set large and wrapped over lines as one ("Protokoll
    Stadtteilkonferenz" + "Opladen"): neighbours at the top whose words are all drawn in
    the same large size."""
    joined: list[str] = []
    previous: set[float] = set()
    for index, part in enumerate(parts):
        words = part.split()
        size = set.intersection(*(large.get(w, set()) for w in words)) if words else set()
        if size & previous and index < 12:  # the top of the first page
            joined[-1] += "\n" + part
        else:
            joined.append(part)
        previous = size
    return joined


def _letters(ligature: re.Match[str]) -> str:
    """The letters of a ligature glyph ("ﬁ" → "fi")."""
    return unicodedata.normalize("NFKC", ligature[0])


def parse_pdf(source: Source, name: str | None = None) -> ParsedDocument:
    """Parse a PDF protocol (its text layer) into a :class:`ParsedDocument`."""
    raw = read_source(source, name)
    if not raw.data.strip():
        raise InputError("Die Datei ist leer.", file=raw.name)
    if not raw.data.lstrip()[:5] == b"%PDF-":
        raise InputError("Keine PDF-Datei (es fehlt der Kopf '%PDF-').", file=raw.name)
    pages, large, tables, left_out = _pages(raw.data, raw.name)
    check_readable(pages, raw.name)
    text, furniture = without_furniture(pages)
    # a paragraph may go on over a page break, and over a sentence's end at a line's end
    # where space sets paragraphs apart
    spans = paragraph_spans(text, pages=True, spaced=is_spaced(pages))
    kept = (without_struck(_PAGE_BREAKS.sub("\n", text[s:e])) for s, e in spans)
    parts = _at_details([part for part in kept if part.strip()])
    parts = _head_apart(parts, text_width(text))
    parts = _joined_title(parts, large)
    paragraphs = [_unwrapped(p) for p in parts]
    if not paragraphs:
        raise InputError(
            "Das PDF enthält keinen Text (eine eingescannte Seite?); bitte mit "
            "Texterkennung (OCR) speichern oder den Text als .docx/.txt importieren.",
            file=raw.name,
        )
    names = left_out.pop("names")  # struck from a list: still names to pseudonymise
    options = {key: pages for key, pages in left_out.items() if pages}
    fields: dict = {"options": options} if options else {}
    add_detail(fields, "names", furniture_names([without_struck(f) for f in furniture]))
    segments: list[ParsedSegment] = []
    question: str | None = None
    details = [_detail(p, raw.name) for p in paragraphs]
    head = next(  # the head: details and short lines before the first paragraph of text
        (i for i, p in enumerate(paragraphs) if details[i] is None and not _short(p)),
        len(paragraphs),
    )
    first = next((i for i in range(head) if details[i] is not None), None)
    above = [i for i in range(first or 0) if table_number(paragraphs[i]) is None]
    titled = above[title_at([paragraphs[i] for i in above])] if above else None
    listing = False  # after "Teilnehmende:" without names: a list of names, one a line
    asks, labels = label_heads(paragraphs, lambda p: OPENS.match(p) is not None)
    numbered = _numbered_questions(paragraphs)  # "1. Was fehlt?" over its answers, "2. …"
    captions = 0  # of photos and figures (captions), left out
    for number, paragraph in enumerate(paragraphs, start=1):
        index = number - 1
        following = paragraphs[number] if number < len(paragraphs) else None
        if index < head and details[index] is not None:  # the protocol's details
            add_detail(fields, *details[index])
            continue
        table = table_number(paragraph)
        if table is not None:  # a table: its cells, as in a Word protocol; above the
            if first is None or index > first:  # details: a letterhead's
                add_table(tables[table], segments, fields, question, number, _unwrapped)
            listing = False
            continue
        if names_heading(paragraph) and (people_heading(paragraph) or not (segments or question)):
            listing = True  # "Teilnehmende:" alone: a list of names follows
            continue
        listed = parts[index].replace("\t", "\n")  # names side by side: a gap between
        if listing and _names_line(listed, following):  # not "Nachbarschaft"
            add_detail(fields, "names", people_in(listed))
            continue
        listing = False
        if first is not None and index < first:  # the title above the details; the
            if index == titled:  # other lines: a letterhead, a subtitle, names
                fields["title"] = paragraph
            add_detail(fields, "names", names_alone(paragraph))
            continue
        if index in numbered:  # "1) Was fehlt im Quartier?" over its own answers
            question = numbered[index]
            continue
        if index in asks or index in labels:  # "Frage: Was fehlt?" / "Ergebnis:" / a list
            question = asks.get(index, question)
            continue
        if is_caption(paragraph):  # "Foto 2: Stellwand …": a photo's, no guiding question
            captions += 1
            continue
        if not segments and question is None and names_alone(paragraph):
            add_detail(fields, "names", names_alone(paragraph))  # under the title, no key
            continue
        if (
            first is None
            and not segments
            and question is None
            and "title" not in fields
            and _short(paragraph)
            and not paragraph.endswith(("?", ":"))
            and (following is None or _short(following) or number in numbered)
        ):
            fields["title"] = paragraph
            continue
        over_text = following is not None and not _short(following) and number not in numbered
        over_text |= following is not None and _tab_set(parts[index], parts[number])
        if _short(paragraph) and (over_text or table_number(following or "") is not None):
            question = heading_text(paragraph.rstrip(":").strip())
            continue
        signature = signature_names(paragraph)
        if signature:  # "gez. Anna Schmidt": a name for the list, no statement
            add_detail(fields, "names", signature)
            continue
        statement = OPENS.sub("", paragraph, count=1).strip()
        if statement:
            add_statement(segments, statement, question, number)
    if captions:
        fields["options"] = {**fields.get("options", {}), "captions": captions}
    add_detail(fields, "names", names)
    fields.setdefault("format", FORMAT)  # unless the protocol names its own ("Format: digital")
    return protocol_result(raw, segments, IMPORTER, **fields)


def _numbered_questions(paragraphs: list[str]) -> dict[int, str]:
    """Questions typed as numbered paragraphs, each over answers of its own ("1. Was
    fehlt im Quartier?" or "1) …", also wrapped over lines, then "2. Was läuft gut?"), as
    :func:`~workbench.ingest.answer_lines.numbered_asks` reads them: index → the question
    without its number. A date ("3. Oktober: …") or a club ("1. FC Köln") is no number.

    >>> _numbered_questions(["1) Was fehlt?", "- Arzt", "2) Was läuft gut?", "Der Treff."])
    {0: 'Was fehlt?', 2: 'Was läuft gut?'}
    >>> _numbered_questions(["1. Begrüßung", "- Runde", "2. Was fehlt?", "- Arzt"])
    {}
    """
    typed = [OPENS.match(paragraph) for paragraph in paragraphs]
    numbers = [
        (int(digits[0]), paragraph[found.end() :].strip())
        if found and (digits := re.match(r"\d+(?=[.)])", found[0]))
        else None
        for paragraph, found in zip(paragraphs, typed, strict=True)
    ]
    asked = numbered_asks(numbers, paragraphs)
    return {i: number[1] for i, number in enumerate(numbers) if number and i in asked}


def _at_details(paragraphs: list[str]) -> list[str]:
    """The paragraphs split before and after each line that is a detail ("Datum: …",
    "Sozialraum: …"); a list of names broken after a comma goes on in the next line. Under
    a bare "Teilnehmende:" each line of names is a part of its own (short lines run
    together in a short protocol), and so is the first line after them."""
    parts: list[list[str]] = []
    listing = False
    for paragraph in paragraphs:
        in_detail = goes_on = False
        for number, line in enumerate(paragraph.split("\n")):
            key, sep, value = line.partition(":")
            is_detail = sep and value.strip() and " ".join(key.lower().split()) in META_KEYS
            if not number or is_detail or (in_detail and not goes_on) or listing:
                parts.append([])
            parts[-1].append(line)
            in_detail = bool(is_detail or (in_detail and goes_on))
            goes_on = _GOES_ON.search(line) is not None
            names = line.replace("\t", "\n")
            listed = is_names_line(names) or describes_group(line)
            listing = names_heading(line.strip()) or (listing and listed)
    return ["\n".join(part) for part in parts]


def _head_apart(parts: list[str], width: int) -> list[str]:
    """The parts above the first detail ("Datum: …") with their lines apart where a line
    was not wrapped, the next line's first word would have fitted after it (``width``:
    the page's in characters): a letterhead over the title ("Stadt Leverkusen –
    Fachbereich Soziales und Integration" + "Protokoll Stadtteilworkshop"), not a title
    wrapped over two lines. Only a head of a few lines (:data:`_HEAD_LINES`) is split: a
    detail further down (the next meeting's "Datum: …") leaves the text above it whole."""
    first = next((i for i, part in enumerate(parts) if _detail_line(part)), 0)
    if sum(part.count("\n") + 1 for part in parts[:first]) > _HEAD_LINES:
        return parts
    apart: list[str] = []
    for part in parts[:first]:
        lines = part.split("\n")
        apart.append(lines[0])
        for previous, line in pairwise(lines):
            if fits(previous, line, width):
                apart.append(line)
            else:
                apart[-1] += "\n" + line
    return apart + parts[first:]


def _detail_line(part: str) -> bool:
    """Whether a part is a detail line ("Datum: 12.03.2021", "Sozialraum: Manfort")."""
    key, sep, value = part.partition(":")
    return bool(sep and value.strip()) and len(key.split()) <= 2 and detail_key(part) is not None


def _unwrapped(paragraph: str) -> str:
    r"""A paragraph on one line: a word hyphenated at a line end joined again ("Spiel-" +
    "platz"), unless the hyphen stands for a word left out ("Rad- und Fußwege").

    A compound's hyphen before a capital stays ("Kita-" + "Ausbau"), a soft hyphen goes.

    >>> _unwrapped("Der Spiel-\nplatz und die Rad-\nund Fußwege")
    'Der Spielplatz und die Rad- und Fußwege'
    >>> _unwrapped("Der Kita-\nAusbau, die Kinder\xad\nbetreuung")
    'Der Kita-Ausbau, die Kinderbetreuung'
    >>> _unwrapped("Die 14-\njährigen, die 20-\nbis 30-jährigen der Grund-\nbis Oberschulen")
    'Die 14-jährigen, die 20- bis 30-jährigen der Grund- bis Oberschulen'
    """
    joined = _COMPOUND.sub(lambda m: f"{m[1] or m[2]}-", _SOFT_HYPHEN.sub("", paragraph))
    return " ".join(_HYPHENATED.sub(r"\1\2", joined).split())


def _short(paragraph: str) -> bool:
    """A heading's shape: one short line, no sentence end but "?" or ":", no list item
    (a number in front is the heading's: "1. Herausforderungen und Bedarfe")."""
    shown = _NUMBERED.sub("", paragraph, count=1)
    return (
        len(shown.split()) <= _QUESTION_WORDS
        and not _SENTENCE_END.search(shown)
        and not MARKED_END.search(shown)
        and OPENS.match(shown) is None
    )


def _tab_set(paragraph: str, following: str) -> bool:
    """Whether a line of its own stands over lines set with tabs (an agenda's "Uhrzeit⇥
    Programm"): a heading over them, as over a table."""
    return "\t" not in paragraph and "\n" not in paragraph and "\t" in following


def _names_line(paragraph: str, following: str | None) -> bool:
    """Whether a paragraph in the list under "Teilnehmende:" is one of names, not the
    heading after the list (a short line over text or a list, or ending in ":", not led by
    a first name: "Jonas Becker (Kita)" over a remark is a name); a line naming a group
    ("Vertreter*innen der Träger") is part of the list, no statement, and so is one of
    several names the gazetteer need not know ("Wiśniewska, Okonkwo")."""
    heading = following is not None and _short(paragraph) and not _short(following)
    heading &= not named_people(paragraph)
    over_list = following is not None and OPENS.match(following) is not None
    several = is_names_line(paragraph) and len(split_names(paragraph)) > 1
    listed = is_people_line(paragraph) or describes_group(paragraph) or several
    return not (heading or over_list or paragraph.endswith(":")) and listed


def _detail(paragraph: str, name: str) -> tuple[str, object] | None:
    """``(field, value)`` of a "Workshop: …", "Datum: …" line (with a value), or None."""
    key, sep, value = paragraph.partition(":")
    shaped = sep and value.strip() and len(key.split()) <= 2 and not said_after_key(paragraph)
    return detail(paragraph, name) if shaped else None
