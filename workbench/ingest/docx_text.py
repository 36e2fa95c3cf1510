"""The text of a Word document's paragraphs as Word shows it, read from its XML (lxml).

python-docx's ``Paragraph.text`` sees only runs directly in a paragraph or a hyperlink,
and ``iter_inner_content`` only paragraphs and tables directly in the body: text in
tracked insertions (``w:ins``), content controls (``w:sdt``, inline and around whole
paragraphs), custom XML (``w:customXml``), simple fields (``w:fldSimple``: their result),
smart tags and text boxes would be lost. Here a paragraph's text is every ``w:t`` under
it, ``w:tab``/``w:ptab`` a tab, ``w:br``/``w:cr`` a line break, ``w:noBreakHyphen`` a
hyphen and ``w:sym`` its character (unless from a symbol font's private range), except
in deleted or moved-away text (``w:del``, ``w:moveFrom``), text struck through by hand
(``w:strike``, ``w:dstrike``, also by a style: :func:`strike_styles`; no longer valid,
as in a PDF), field instructions
(``w:instrText``), a content control still showing its placeholder ("Klicken Sie hier, um
Text einzugeben") and text boxes. A text box's paragraphs (:func:`text_boxes`) follow
the paragraph that anchors them (the VML fallback copy of a text box is not read twice).
Footnotes, comments, headers and footers are not read (a header's or footer's names:
:func:`margin_texts`), nor the text of a SmartArt graphic
(its own part of the package): :func:`smartart_texts` counts it for a notice.
"""

from __future__ import annotations

from collections.abc import Iterator

from workbench.ingest.pdf_struck import STRUCK, without_struck

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


_SKIP = {_w(n) for n in ("del", "moveFrom", "instrText", "delInstrText", "txbxContent")}
_SKIP |= {_w(n) for n in ("rPr", "pPr", "sdtPr", "sdtEndPr", "footnoteReference")}
_SKIP.add(f"{{{_MC}}}Fallback")
_BLOCK_CONTAINERS = {_w("sdt"), _w("sdtContent"), _w("customXml"), _w("ins"), _w("moveTo")}
_GONE = {_w("del"), _w("moveFrom")}  # text no longer in the document
_BREAKS = {_w("br"), _w("cr")}
_TABS = {_w("tab"), _w("ptab")}
_OFF = {"0", "false", "off"}


def is_strict(document_xml_or_rels: bytes) -> bool:
    """Whether a part of a Word package is written in Strict Open XML (ISO 29500 strict)."""
    return _STRICT in document_xml_or_rels or b"purl.oclc.org/ooxml/officeDocument" in (
        document_xml_or_rels
    )


def blocks(element) -> Iterator:
    """The ``w:p`` and ``w:tbl`` elements of a body or table cell in order, also those in
    block-level content controls, custom XML and tracked insertions; not those of a table
    of contents (Word's content control "Table of Contents": the headings again, with
    page numbers)."""
    for child in element:
        if child.tag in (_w("p"), _w("tbl")):
            yield child
        elif child.tag in _BLOCK_CONTAINERS and not _placeholder(child) and not _contents(child):
            yield from blocks(child)


def _contents(element) -> bool:
    """Whether ``element`` is the content control Word puts a table of contents in."""
    if element.tag != _w("sdt"):
        return False
    gallery = element.find(f"{_w('sdtPr')}/{_w('docPartObj')}/{_w('docPartGallery')}")
    return gallery is not None and gallery.get(_w("val"), "") == "Table of Contents"


def _placeholder(element) -> bool:
    """Whether ``element`` is a content control that shows its placeholder text."""
    if element.tag != _w("sdt"):
        return False
    properties = element.find(_w("sdtPr"))
    return properties is not None and properties.find(_w("showingPlcHdr")) is not None


def _pieces(element, bold: bool = False) -> Iterator[tuple[str, bool]]:
    """(text, bold) of the text under ``element`` in document order (see the module)."""
    for child in element:
        tag = child.tag
        if tag in _GONE and _has_text(child):  # deleted: one space at most where it stood
            yield _left_out(child), bold
            continue
        if not isinstance(tag, str) or tag in _SKIP or _placeholder(child):
            continue
        if tag == _w("r") and _struck(child):  # no longer valid, as deleted text
            yield _left_out(child), bold
        elif tag == _w("r"):
            yield from _pieces(child, _bold(child))
        elif tag == _w("t"):
            yield child.text or "", bold
        elif tag in _TABS:
            yield "\t", bold
        elif tag in _BREAKS:
            yield "\n", bold
        elif tag == _w("noBreakHyphen"):
            yield "-", bold
        elif tag == _w("sym"):
            code = child.get(_w("char"), "")
            try:
                char = chr(int(code, 16))
            except ValueError:
                continue
            if not 0xE000 <= ord(char) <= 0xF8FF:  # a symbol font's private code
                yield char, bold
        else:
            yield from _pieces(child, bold)


def _left_out(element) -> str:
    """The mark of deleted or struck text, with the space its text starts or ends with
    (" am Dienstag " between "Treffen" and "fiel": the words stay apart)."""
    text = "".join(t.text or "" for t in element.iter(_w("t"), _w("delText")))
    return f"{' ' * text[:1].isspace()}{STRUCK}{' ' * text[-1:].isspace()}"


def _bold(run) -> bool:
    """Whether a ``w:r`` is bold by its direct formatting."""
    return _formatted(run, "b")


def _struck(run) -> bool:
    """Whether a ``w:r`` with text is struck through (once or twice) by its direct
    formatting."""
    shows = any((t.text or "").strip() for t in run.iter(_w("t")))
    return shows and (_formatted(run, "strike") or _formatted(run, "dstrike"))


def _switch(properties) -> bool | None:
    """Whether a ``w:rPr`` switches strike-through (once or twice) on or off; None when it
    says nothing about it."""
    found = (
        [properties.find(_w(n)) for n in ("strike", "dstrike")] if properties is not None else []
    )
    found = [f for f in found if f is not None]
    if not found:
        return None
    return any(f.get(_w("val"), "true").lower() not in _OFF for f in found)


def strike_styles(body, styles) -> None:
    """Mark the runs struck through by their character or paragraph style (a style
    "Gestrichen" or "Entfällt" of a template, not the button) as struck by direct formatting
    (``w:strike`` in their ``w:rPr``), so that :func:`paragraph_text`, :func:`struck_runs`
    and :func:`struck_readings` leave them out as text struck by hand. A run's direct
    formatting decides; without it, strike-through is a toggle (ISO 29500 §17.7.3): a
    character style's and a paragraph style's (each the first that says so along
    ``w:basedOn``) cancel each other."""
    rprs: dict[str, object] = {}
    parent: dict[str, str] = {}
    default_paragraph = ""
    for style in styles.iter(_w("style")):
        sid = style.get(_w("styleId"), "")
        rprs[sid] = style.find(_w("rPr"))
        based = style.find(_w("basedOn"))
        if based is not None:
            parent[sid] = based.get(_w("val"), "")
        default = style.get(_w("default"), "").lower() in ("1", "true", "on")
        if default and style.get(_w("type")) == "paragraph":
            default_paragraph = sid
    cache: dict[str, bool] = {}

    def struck(sid: str) -> bool:
        if sid not in cache:
            seen: set[str] = set()
            found, chain = None, sid
            while found is None and chain in rprs and chain not in seen:
                seen.add(chain)
                found, chain = _switch(rprs[chain]), parent.get(chain, "")
            cache[sid] = bool(found)
        return cache[sid]

    def style_of(properties, name: str) -> str:
        found = properties.find(_w(name)) if properties is not None else None
        return found.get(_w("val"), "") if found is not None else ""

    if not any(_switch(rpr) for rpr in rprs.values() if rpr is not None):
        return  # no style strikes through: the usual case
    for paragraph in body.iter(_w("p")):
        by_paragraph = struck(style_of(paragraph.find(_w("pPr")), "pStyle") or default_paragraph)
        for run in paragraph.iter(_w("r")):
            if _nearest_paragraph(run) is not paragraph:  # a text box's: its own
                continue
            properties = run.find(_w("rPr"))
            if _switch(properties) is not None:  # direct formatting decides
                continue
            if by_paragraph != struck(style_of(properties, "rStyle")):
                if properties is None:
                    properties = run.makeelement(_w("rPr"), {})
                    run.insert(0, properties)
                properties.append(properties.makeelement(_w("strike"), {}))


def _nearest_paragraph(element):
    """The ``w:p`` an element stands in (the innermost, for a text box's paragraph)."""
    ancestor = element.getparent()
    while ancestor is not None and ancestor.tag != _w("p"):
        ancestor = ancestor.getparent()
    return ancestor


def _has_text(element) -> bool:
    """Whether deleted or moved-away text (``w:del``, ``w:moveFrom``) has any."""
    return any((t.text or "").strip() for t in element.iter(_w("delText"), _w("t")))


def _formatted(run, name: str) -> bool:
    """Whether a ``w:r``'s direct formatting switches ``w:<name>`` on."""
    properties = run.find(_w("rPr"))
    found = properties.find(_w(name)) if properties is not None else None
    return found is not None and found.get(_w("val"), "true").lower() not in _OFF


def paragraph_text(paragraph) -> tuple[str, str]:
    """A ``w:p``'s text and its leading bold text (blank text between bold runs included)."""
    parts: list[str] = []
    bold: list[str] = []
    leading = True
    for text, is_bold in _pieces(paragraph):
        parts.append(text)
        if leading and text.strip():
            if is_bold:
                bold.append(text)
            else:
                leading = False
        elif leading and bold:
            bold.append(text)
    return without_struck("".join(parts)), without_struck("".join(bold)).rstrip()


def struck_runs(body) -> int:
    """How many runs with text struck through a document's body has (left out)."""
    return sum(_struck(run) for run in body.iter(_w("r")))


def left_out_runs(body) -> dict[str, int]:
    """Runs of a document's body left out, for the import's notices: text struck through
    (``struck_runs``) and marks of footnotes and endnotes, whose text is not read
    (``footnotes``)."""
    notes = sum(1 for _ in body.iter(_w("footnoteReference"), _w("endnoteReference")))
    return {"struck_runs": struck_runs(body), "footnotes": notes}


def struck_readings(body) -> list[str]:
    """The paragraphs with struck or deleted text as they read with it (for the names in
    them: :func:`~workbench.ingest.pdf_struck.struck_names`)."""
    readings = []
    for paragraph in body.iter(_w("p")):
        runs = paragraph.iter(_w("r"))
        if any(_struck(r) for r in runs) or any(_has_text(g) for g in paragraph.iter(*_GONE)):
            texts = paragraph.iter(_w("t"), _w("delText"))
            readings.append("".join(t.text or "" for t in texts))
    return readings


_MARGINS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer",
)


def margin_texts(document) -> list[str]:
    """The texts of the paragraphs in a python-docx document's headers and footers (every
    section's, first-page and even-page ones too; also in their tables and text boxes)."""
    texts = []
    for rel in document.part.rels.values():
        if rel.reltype in _MARGINS and not rel.is_external:
            element = getattr(rel.target_part, "element", None)
            for paragraph in element.iter(_w("p")) if element is not None else ():
                texts.append(paragraph_text(paragraph)[0])
    return texts


def text_boxes(paragraph) -> list:
    """The ``w:txbxContent`` elements anchored in a ``w:p`` (not their VML fallbacks)."""
    found = []
    for box in paragraph.iter(_w("txbxContent")):
        ancestor, inside = box.getparent(), False
        while ancestor is not None and ancestor is not paragraph:
            if ancestor.tag in (f"{{{_MC}}}Fallback", _w("txbxContent")):
                inside = True
                break
            ancestor = ancestor.getparent()
        if not inside:
            found.append(box)
    return found


def _numbering(properties) -> tuple[str, int | None] | None:
    """``(numId, ilvl)`` of a ``w:pPr``'s ``w:numPr`` (numId "0" switches a style's
    numbering off; ilvl None if not given); None when it has none."""
    numbering = properties.find(_w("numPr")) if properties is not None else None
    if numbering is None:
        return None
    number, level = numbering.find(_w("numId")), numbering.find(_w("ilvl"))
    value = level.get(_w("val"), "") if level is not None else ""
    ilvl = int(value) if value.isdigit() else None
    return (number.get(_w("val"), "") if number is not None else "", ilvl)


def _indent(properties) -> int | None:
    """The left indent (twips) a ``w:pPr`` sets, or None."""
    found = properties.find(_w("ind")) if properties is not None else None
    if found is None:
        return None
    value = found.get(_w("left")) or found.get(_w("start")) or ""
    return int(value) if value.lstrip("-").isdigit() else None


class ListLevels:
    """Which of a Word document's paragraphs are list items, and how deep each stands: its
    left indent as Word shows it (a second-level bullet, or Word's "Aufzählungszeichen 2",
    stands further right). Read from the styles (``w:numPr`` and ``w:ind``, also through
    ``w:basedOn``) and the numbering definitions (``w:numbering``: a level's indent, a
    level linked to a style)."""

    def __init__(self, styles, numbering=None) -> None:
        self._styles: dict[str, object] = {}
        self._parent: dict[str, str] = {}
        for style in styles.iter(_w("style")):
            sid = style.get(_w("styleId"), "")
            self._styles[sid] = style.find(_w("pPr"))
            based = style.find(_w("basedOn"))
            if based is not None:
                self._parent[sid] = based.get(_w("val"), "")
        self._abstract: dict[str, str] = {}  # numId → abstractNumId
        self._indents: dict[tuple[str, int], int] = {}  # (abstractNumId, ilvl) → indent
        self._linked: dict[str, int] = {}  # a style a level names → that level
        for definition in numbering.iter(_w("abstractNum")) if numbering is not None else ():
            aid = definition.get(_w("abstractNumId"), "")
            for level in definition.iter(_w("lvl")):
                value = level.get(_w("ilvl"), "0")
                ilvl = int(value) if value.isdigit() else 0
                indent = _indent(level.find(_w("pPr")))
                if indent is not None:
                    self._indents[aid, ilvl] = indent
                style = level.find(_w("pStyle"))
                if style is not None:
                    self._linked.setdefault(style.get(_w("val"), ""), ilvl)
        for number in numbering.iter(_w("num")) if numbering is not None else ():
            found = number.find(_w("abstractNumId"))
            if found is not None:
                self._abstract[number.get(_w("numId"), "")] = found.get(_w("val"), "")

    def _chain(self, sid: str) -> Iterator:
        """A style's ``w:pPr`` and those of the styles it is based on (a cycle ends it)."""
        seen: set[str] = set()
        while sid in self._styles and sid not in seen:
            seen.add(sid)
            yield self._styles[sid]
            sid = self._parent.get(sid, "")

    def depth(self, paragraph) -> int | None:
        """The left indent (twips) of a ``w:p`` Word shows as a list item, numbered or
        bulleted directly or by its style; None for a paragraph that is none."""
        properties = paragraph.find(_w("pPr"))
        style = properties.find(_w("pStyle")) if properties is not None else None
        sid = style.get(_w("val"), "") if style is not None else ""
        chain = [properties, *self._chain(sid)]
        found = [n for n in map(_numbering, chain) if n is not None]
        # the list a numPr names; one with only a level (Word's own 'Untertitel') is none
        number = next((n[0] for n in found if n[0]), None)
        if number is None or number == "0":
            return None
        direct = _numbering(properties)
        level = next((n[1] for n in found if n[1] is not None), None)
        candidates = (direct[1] if direct else None, self._linked.get(sid), level)
        ilvl = next((x for x in candidates if x is not None), 0)
        indent = _indent(properties)
        if indent is None:
            indent = self._indents.get((self._abstract.get(number, ""), ilvl))
        if indent is None:  # the style's indent, a level deeper half an inch further right
            own = next((i for i in map(_indent, chain[1:]) if i is not None), 0)
            indent = own + 720 * ilvl
        return indent


_DIAGRAM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def smartart_texts(document) -> int:
    """How many boxes with text the SmartArt graphics in a python-docx document's body
    have (Word keeps their text in a diagram part, not in the paragraphs)."""
    from defusedxml import DefusedXmlException, ElementTree

    count = 0
    for ids in document.element.body.iter(f"{{{_DIAGRAM}}}relIds"):
        part = document.part.related_parts.get(ids.get(f"{{{_RELS}}}dm"))
        if part is None:
            continue
        try:
            model = ElementTree.fromstring(part.blob)
        except (ElementTree.ParseError, DefusedXmlException):
            continue
        for point in model.iter(f"{{{_DIAGRAM}}}pt"):
            count += any((t.text or "").strip() for t in point.iter(f"{{{_DRAWING}}}t"))
    return count
