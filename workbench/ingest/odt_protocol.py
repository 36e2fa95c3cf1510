"""ODT workshop protocols (LibreOffice Writer, odfpy), read like DOCX protocols.

The rules are those of :mod:`workbench.ingest.docx_protocol`: a paragraph in style
``Title`` ("Titel") is the title; ``Key: value`` paragraphs before the first heading are
metadata; a heading of outline level 1 (``text:h``, or a paragraph in "Heading 1" /
"Überschrift 1") is a guiding question, deeper headings are subsections; every other
non-empty paragraph or list item is one statement, leading bold text ``Rolle:`` gives
the speaker role. Automatic styles (``P1`` derived from ``Title``) count as the style
they derive from. Tables (``table:table``) are read as in Word files
(:func:`~workbench.ingest.docx_protocol.table_paragraphs`): rows in header rows and row
groups too, repeated cells and rows written out, a covered cell as the merged cell that
covers it, a cell's text its paragraphs and list items. Text frames (``draw:frame`` with a
``draw:text-box``) and drawing shapes with text are read like a Word file's text boxes:
their paragraphs are statements of their own after the paragraph (or table cell) that
anchors them; before the first guiding question (a letterhead, a frame anchored to the
page, which LibreOffice writes first) they are not read, as tables there. Tracked changes
are read as the document shows them: inserted text stands in the running text, deleted
text only in ``text:tracked-changes``, which is not read. Footnotes, comments and images
are not read, as in Word files (footnotes counted for a notice); heading-less documents
of timed speaker turns are transcripts, other heading-less documents take bold paragraphs
and questions above a list (``text:list``) for guiding questions as Word files do.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING
from xml.sax import handler

from workbench.core.archives import unpack_member
from workbench.core.domain import InputError, ParsedDocument
from workbench.core.office_members import office_problem
from workbench.core.textio import RawFile, Source, read_source
from workbench.ingest.captions import CAPTION, is_caption_style, without_captions
from workbench.ingest.docx_protocol import protocol_document
from workbench.ingest.docx_tables import cells_in_order, table_paragraphs
from workbench.ingest.pdf_struck import STRUCK, struck_names, without_struck
from workbench.ingest.protocol_meta import margin_names
from workbench.ingest.word_head import BOX, Cell, Paragraph

if TYPE_CHECKING:
    from odf.element import Element

IMPORTER = "odt"

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_BODY = (_OFFICE, "text")
_TEXT_MIME = "application/vnd.oasis.opendocument.text"
_OTHER_KINDS = {
    "spreadsheet": "eine Tabelle (ODS); Tabellen werden als .ods importiert",
    "presentation": "eine Präsentation (ODP)",
    "graphics": "eine Zeichnung (ODG)",
}
# Containers whose paragraphs belong to the running text; all else in the body but
# tables is not read (indexes, tracked changes, forms), as python-docx skips them.
_CONTAINERS = {(_TEXT, n) for n in ("list", "list-item", "list-header", "section")} | {
    (_TEXT, "numbered-paragraph")
}
_LISTS = {(_TEXT, "list"), (_TEXT, "numbered-paragraph")}  # their paragraphs: list items
_SPANS = {(_TEXT, "span"), (_TEXT, "a")}  # inline elements that may set a text style
# Inside a paragraph: not part of its text (footnotes, comments with their authors,
# text frames and images, ruby annotations, the cached number of a numbered heading).
_NOT_TEXT = {(_TEXT, n) for n in ("note", "ruby-text", "number")} | {(_OFFICE, "annotation")}
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_NOT_TEXT_NS = {_DRAW}  # frames and shapes: their text follows the paragraph (_text_boxes)
# Drawing elements whose content is not text of the document: an image's or embedded
# object's replacement, a frame's or shape's name and description (alternative text).
_NOT_BOXES = {(_DRAW, n) for n in ("image", "object", "object-ole", "plugin", "applet")}
_BLOCKS = {(_TEXT, "p"), (_TEXT, "h"), (_TEXT, "list"), (_TABLE, "table")}
_ROW_GROUPS = {(_TABLE, n) for n in ("table-header-rows", "table-rows", "table-row-group")}
_CELLS = {(_TABLE, "table-cell"), (_TABLE, "covered-table-cell")}
_MAX_REPEAT = 100  # a repeated (or spanned) row or cell counts at most this often
_SPACE = re.compile(r"[ \t\r\n]+")
_HEADING = re.compile(r"^(?:heading|überschrift)\s*(\d{1,2})$", re.IGNORECASE)
_TITLES = {"title", "titel"}


def _decoded(name: str) -> str:
    """A style name as shown: ODF writes "Heading 1" as ``Heading_20_1``."""
    return re.sub(r"_([0-9a-fA-F]{2,4})_", lambda m: chr(int(m[1], 16)), name).strip()


class _Styles:
    """The document's named and automatic styles, looked up along their parents."""

    def __init__(self, document) -> None:
        self.struck_spans = 0  # spans of text struck through, left out (for a notice)
        self.struck_texts: list[str] = []  # paragraphs with them, as read with them
        self._by_name: dict[tuple[str, str], Element] = {}
        for container in (document.styles, document.automaticstyles):
            for style in container.childNodes:
                if getattr(style, "qname", None) == (_STYLE, "style"):
                    key = (style.attributes.get((_STYLE, "family"), ""), _attr(style, "name"))
                    self._by_name.setdefault(key, style)

    def chain(self, family: str, name: str) -> Iterator[Element]:
        """The style ``name`` and its parents (at most 20; a cycle ends the chain)."""
        seen: set[str] = set()
        while name and name not in seen and len(seen) < 20:
            seen.add(name)
            style = self._by_name.get((family, name))
            if style is None:
                return
            yield style
            name = _attr(style, "parent-style-name")

    def kind(self, name: str) -> tuple[str | None, int | None]:
        """("title", None), ("heading", level), a caption's or (None, default outline level) for a
        paragraph style, by its own name or an ancestor's (name or display name)."""
        chain = list(self.chain("paragraph", name))
        own = ("name", "display-name", "parent-style-name")  # a parent may be undefined
        names = [name, *(_attr(s, a) for s in chain for a in own)]
        for shown in (_decoded(n) for n in names if n):
            if shown.lower() in _TITLES:
                return "title", None
            if is_caption_style(shown):  # "Illustration", "Abbildung": a photo's caption
                return CAPTION, None
            heading = _HEADING.match(shown)
            if heading:
                return "heading", int(heading[1])
        levels = (_attr(s, "default-outline-level") for s in chain)
        return None, next((int(v) for v in levels if v.isdigit()), None)

    def struck(self, name: str) -> bool:
        """Whether text in text style ``name`` is struck through (by it or a parent)."""
        for style in self.chain("text", name):
            for child in style.childNodes:
                if getattr(child, "qname", None) == (_STYLE, "text-properties"):
                    line = child.attributes.get((_STYLE, "text-line-through-style"))
                    if line:
                        return line != "none"
        return False

    def bold(self, family: str, name: str) -> bool | None:
        """Whether text in style ``name`` is bold; None when no style in its chain says."""
        for style in self.chain(family, name):
            for child in style.childNodes:
                if getattr(child, "qname", None) == (_STYLE, "text-properties"):
                    weight = child.attributes.get((_FO, "font-weight"))
                    if weight:
                        return weight == "bold" or (weight.isdigit() and int(weight) >= 600)
        return None


def _attr(element: Element, name: str, namespace: str = _STYLE) -> str:
    """An attribute's value, or ""."""
    return element.attributes.get((namespace, name)) or ""


def _pieces(element: Element, bold: bool, styles: _Styles) -> Iterator[tuple[str, bool, bool]]:
    """(text, bold, written out) for the text in a paragraph, in order: character data
    is not written out (its white space collapses), ``text:s``, tabs and breaks are."""
    for child in element.childNodes:
        if child.nodeType == child.TEXT_NODE:
            yield child.data, bold, False
            continue
        qname = getattr(child, "qname", None)
        if qname == (_TEXT, "line-break"):
            yield "\n", bold, True
        elif qname == (_TEXT, "tab"):
            yield "\t", bold, True
        elif qname == (_TEXT, "s"):
            count = _attr(child, "c", _TEXT)
            yield " " * (int(count) if count.isdigit() else 1), bold, True
        elif qname in _NOT_TEXT or (qname and qname[0] in _NOT_TEXT_NS):
            continue
        elif qname in _SPANS and styles.struck(_attr(child, "style-name", _TEXT)):
            text = _text_of(child)  # no longer valid: left out, one space at most where
            styles.struck_spans += bool(text.strip())  # it stood (its own space kept)
            yield from ((" ", bold, False),) * text[:1].isspace()
            yield STRUCK, bold, True
            yield from ((" ", bold, False),) * text[-1:].isspace()
        else:
            inner = bold
            if qname in _SPANS:
                said = styles.bold("text", _attr(child, "style-name", _TEXT))
                inner = bold if said is None else said
            yield from _pieces(child, inner, styles)


_MARGINS = {
    (_STYLE, n) for n in ("header", "footer", "header-left", "footer-left", "header-first")
} | {(_STYLE, "footer-first")}


def _margin_texts(document, styles: _Styles) -> list[str]:
    """The texts of the paragraphs in a document's page headers and footers (its master
    pages', in styles.xml)."""
    texts: list[str] = []

    def walk(element: Element, inside: bool) -> None:
        for child in element.childNodes:
            qname = getattr(child, "qname", None)
            if inside and qname in ((_TEXT, "p"), (_TEXT, "h")):
                texts.append(_paragraph(child, "body", styles).text)
            elif qname is not None:
                walk(child, inside or qname in _MARGINS)

    walk(document.masterstyles, False)
    return texts


def _text_of(element: Element) -> str:
    """The character data under an element."""
    return "".join(
        child.data if child.nodeType == child.TEXT_NODE else _text_of(child)
        for child in element.childNodes
    )


def _paragraph(element: Element, kind: str, styles: _Styles) -> Paragraph:
    """A ``text:p`` or ``text:h`` as a :class:`Paragraph`: its text as displayed (white
    space in character data collapsed, ODF §6.1.2) and its leading bold text."""
    base = styles.bold("paragraph", _attr(element, "style-name", _TEXT)) or False
    parts: list[str] = []
    bold: list[str] = []
    leading = True  # still in the leading bold text
    after_space = True  # a paragraph's leading white space is dropped
    for text, is_bold, written in _pieces(element, base, styles):
        if not written:
            text = _SPACE.sub(" ", text)
            if after_space:
                text = text.lstrip(" ")
            if not text:
                continue
            after_space = text.endswith(" ")
        else:
            after_space = False
        parts.append(text)
        if leading and text.strip():
            if is_bold:
                bold.append(text)
            else:
                leading = False
    if any(STRUCK in part for part in parts):  # its names, for the name list
        styles.struck_texts.append(_text_of(element))
    return Paragraph(without_struck("".join(parts)), kind, without_struck("".join(bold)))


def _rows(table: Element) -> Iterator[Element]:
    """The rows of a ``table:table``, also those in header rows and row groups."""
    for child in table.childNodes:
        qname = getattr(child, "qname", None)
        if qname in _ROW_GROUPS:
            yield from _rows(child)
        elif qname == (_TABLE, "table-row"):
            yield child


def _count(element: Element, name: str) -> int:
    """A repeat or span count (1 when missing or invalid; at most :data:`_MAX_REPEAT`)."""
    value = _attr(element, name, _TABLE)
    return min(int(value), _MAX_REPEAT) if value.isdigit() and int(value) > 0 else 1


def _grid(table: Element, styles: _Styles) -> list[list[Cell | None]]:
    """A ``table:table`` as rows of cells: repeated cells and rows written out, a covered
    cell (under a merged one) as the cell that covers it."""
    grid: list[list[Cell | None]] = []
    covers: dict[tuple[int, int], Cell] = {}  # (row, column) → the merged cell there
    for row in _rows(table):
        elements = [c for c in row.childNodes if getattr(c, "qname", None) in _CELLS]
        read = [_cell_paragraphs(c, styles) if c.qname[1] == "table-cell" else () for c in elements]
        for _ in range(_count(row, "number-rows-repeated")):
            number, cells = len(grid), []
            for element, paragraphs in zip(elements, read, strict=True):
                for _ in range(_count(element, "number-columns-repeated")):
                    column = len(cells)
                    if element.qname[1] != "table-cell":
                        cells.append(covers.get((number, column)))
                        continue
                    cell: Cell = (object(), paragraphs)  # a repeated cell is a cell of its own
                    cells.append(cell)
                    for down in range(_count(element, "number-rows-spanned")):
                        for right in range(_count(element, "number-columns-spanned")):
                            covers.setdefault((number + down, column + right), cell)
            grid.append(cells)
    return grid


def _is_box(element: Element) -> bool:
    """Whether ``element`` is a text box or a drawing shape with text (draw:custom-shape,
    draw:rect, … with paragraphs in it)."""
    qname = getattr(element, "qname", None)
    if qname is None or qname[0] != _DRAW or qname in _NOT_BOXES:
        return False
    blocks = (getattr(c, "qname", None) in _BLOCKS for c in element.childNodes)
    return qname == (_DRAW, "text-box") or any(blocks)


def _text_boxes(element: Element, itself: bool = False) -> Iterator[Element]:
    """The text boxes and shapes with text in ``element`` (``itself``: or it), in order:
    not those in footnotes, comments or images, nor those inside a text box (its
    paragraphs give them)."""
    if itself and _is_box(element):
        yield element
        return
    for child in element.childNodes:
        qname = getattr(child, "qname", None)
        if qname is None or qname in _NOT_TEXT or qname in _NOT_BOXES:
            continue
        if _is_box(child):
            yield child
        else:
            yield from _text_boxes(child)


def _boxed(element: Element, styles: _Styles, itself: bool = False) -> list[Paragraph]:
    """The paragraphs of the text boxes in ``element`` (all as body text)."""
    boxes = _text_boxes(element, itself)
    return [p for box in boxes for p in _cell_paragraphs(box, styles)]


def _cell_paragraphs(container: Element, styles: _Styles) -> list[Paragraph]:
    """The paragraphs of a table cell or text box, list items included, each followed by
    those of its text boxes; a nested table's, cell by cell."""
    paragraphs: list[Paragraph] = []
    for child in container.childNodes:
        qname = getattr(child, "qname", None)
        if qname in _CONTAINERS:
            paragraphs += _cell_paragraphs(child, styles)
        elif qname in ((_TEXT, "p"), (_TEXT, "h")):
            paragraphs.append(_paragraph(child, "body", styles))
            paragraphs += _boxed(child, styles)
        elif qname == (_TABLE, "table"):
            paragraphs += [p for _, ps in cells_in_order(_grid(child, styles)) for p in ps]
        elif qname and qname[0] == _DRAW:
            paragraphs += _boxed(child, styles, itself=True)
    return paragraphs


def _paragraphs(container: Element, styles: _Styles, lists: int = 0) -> Iterator[Paragraph]:
    """The paragraphs of the running text in document order, list items included (and
    ``listed``, their ``level`` one less than the ``lists`` around them), and those of its
    tables (:func:`table_paragraphs`)."""
    for child in container.childNodes:
        qname = getattr(child, "qname", None)
        if qname in _CONTAINERS:
            inner = 0 if qname == (_TEXT, "list-header") else lists + (qname in _LISTS)
            yield from _paragraphs(child, styles, inner)  # a list's header: no bullet
        elif qname == (_TABLE, "table"):
            yield from table_paragraphs(_grid(child, styles))
        elif qname in ((_TEXT, "p"), (_TEXT, "h")):
            found, level = styles.kind(_attr(child, "style-name", _TEXT))
            if qname == (_TEXT, "h"):
                written = _attr(child, "outline-level", _TEXT)
                level = int(written) if written.isdigit() else level
                found = found or "heading"
            if found == "heading":
                kind = "question" if (level or 1) == 1 else "heading"
            else:
                kind = found or "body"
            listed = {"listed": True, "level": lists - 1} if lists else {}
            outline = (level or 1) if found == "heading" else 0
            yield replace(_paragraph(child, kind, styles), outline=outline, **listed)
            yield from (replace(p, kind=BOX) for p in _boxed(child, styles))
        elif qname and qname[0] == _DRAW:  # a frame anchored to the page
            yield from (replace(p, kind=BOX) for p in _boxed(child, styles, itself=True))


LOCKED = (
    "Die Datei ist mit einem Passwort geschützt; bitte ohne Passwort speichern und erneut "
    "importieren."
)


def _mimetype(package: zipfile.ZipFile, filename: str) -> str:
    """The package's media type ("docx" for a Word file; "" when there is none)."""
    names = set(package.namelist())
    if "mimetype" in names:
        return unpack_member(package, "mimetype", filename).decode("utf-8", "replace").strip()
    if "word/document.xml" in names:
        return "docx"
    return _TEXT_MIME if "content.xml" in names else ""  # odfpy reads these as text


def _check_package(raw: RawFile) -> None:
    """Stop unless the bytes are an OpenDocument text with well-formed XML parts (odfpy
    prints a broken part to stdout and reads on with what it got), each unpacked in
    bounded steps (a part holding more than it declares stops with its name)."""
    from defusedxml.sax import parseString  # the XML parser odfpy uses

    unreadable = "Keine lesbare ODT-Datei (beschädigt, abgeschnitten oder kein ODF-Text)"
    try:
        with zipfile.ZipFile(io.BytesIO(raw.data)) as package:
            mime = _mimetype(package, raw.name)
            names = set(package.namelist()) if mime.startswith(_TEXT_MIME) else set()
            manifest = "META-INF/manifest.xml"
            if manifest in names and b"encryption-data" in unpack_member(
                package, manifest, raw.name
            ):
                raise InputError(LOCKED, file=raw.name)
            for part in ("content.xml", "styles.xml", "meta.xml", "settings.xml"):
                if part in names:
                    parseString(unpack_member(package, part, raw.name), handler.ContentHandler())
    except InputError:
        raise
    except Exception as err:  # a broken zip or XML part, an encrypted member, a .txt renamed …
        problem = office_problem(raw.data, raw.name, "ODT")  # the member at fault, if any
        locked = isinstance(err, RuntimeError) and "encrypted" in str(err)  # zipfile's words
        raise problem or InputError(LOCKED if locked else f"{unreadable}.", file=raw.name) from None
    if mime.startswith(_TEXT_MIME):
        return
    if mime == "docx":
        raise InputError(
            "Die Datei ist ein Word-Dokument (DOCX) mit der Endung .odt; bitte als .docx "
            "importieren.",
            file=raw.name,
        )
    kind = mime.removeprefix("application/vnd.oasis.opendocument.")
    if kind and kind != mime:
        what = _OTHER_KINDS.get(kind.split("-")[0], f"ein anderes OpenDocument-Format ({kind})")
        raise InputError(f"Die Datei ist kein Textdokument (ODT), sondern {what}.", file=raw.name)
    raise InputError(f"{unreadable}: kein OpenDocument-Typ angegeben", file=raw.name)


def _notes(node) -> int:
    """How many footnotes and endnotes (``text:note``) a node holds, not counting deleted
    text (``text:tracked-changes``)."""
    count = 0
    for child in node.childNodes:
        qname = getattr(child, "qname", None)
        if qname == (_TEXT, "note"):
            count += 1
        elif qname != (_TEXT, "tracked-changes"):
            count += _notes(child)
    return count


def parse_odt(
    source: Source, name: str | None = None, roles: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse an ODT protocol (or a transcript of speaker turns) like a DOCX protocol."""
    from odf.opendocument import load  # odfpy; imported here so `import workbench` stays light

    raw = read_source(source, name)
    if not raw.data.strip():
        raise InputError("Die Datei ist leer.", file=raw.name)
    _check_package(raw)
    try:
        document = load(io.BytesIO(raw.data))
        # office:text; odfpy's document.text is the body's first child, which in an
        # indented file is white space
        text = next(c for c in document.body.childNodes if getattr(c, "qname", None) == _BODY)
    except Exception:
        raise office_problem(raw.data, raw.name, "ODT") or InputError(
            "Keine lesbare ODT-Datei (beschädigt oder abgeschnitten).",
            file=raw.name,
        ) from None
    styles = _Styles(document)
    paragraphs, captions = without_captions(list(_paragraphs(text, styles)))
    parsed = protocol_document(raw, paragraphs, IMPORTER, roles)
    left_out = {"struck_runs": styles.struck_spans, "footnotes": _notes(text), "captions": captions}
    left_out = {key: count for key, count in left_out.items() if count}
    if left_out:  # for the notices, as in a Word protocol
        parsed = replace(parsed, options={**parsed.options, **left_out})
    margins = margin_names(_margin_texts(document, styles))  # "Protokoll: …" in a header
    struck = struck_names(styles.struck_texts)  # struck from a list: still names
    if struck or margins:
        named = (*parsed.names, *struck, *margins)
        parsed = replace(parsed, names=tuple(dict.fromkeys(named)))
    return parsed
