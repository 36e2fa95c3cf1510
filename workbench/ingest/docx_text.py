"""The text of a Word document's paragraphs as Word shows it, read from its XML (lxml).

python-docx's ``Paragraph.text`` sees only runs directly in a paragraph or a hyperlink,
and ``iter_inner_content`` only paragraphs and tables directly in the body: text in
tracked insertions (``w:ins``), content controls (``w:sdt``, inline and around whole
paragraphs), custom XML (``w:customXml``), simple fields (``w:fldSimple``: their result),
smart tags and text boxes would be lost. Here a paragraph's text is every ``w:t`` under
it, ``w:tab``/``w:ptab`` a tab, ``w:br``/``w:cr`` a line break, ``w:noBreakHyphen`` a
hyphen and ``w:sym`` its character (unless from a symbol font's private range), except
in deleted or moved-away text (``w:del``, ``w:moveFrom``), field instructions
(``w:instrText``), a content control still showing its placeholder ("Klicken Sie hier, um
Text einzugeben") and text boxes. A text box's paragraphs (:func:`text_boxes`) follow
the paragraph that anchors them (the VML fallback copy of a text box is not read twice).
Footnotes, comments, headers and footers are not read.
"""

from __future__ import annotations

from collections.abc import Iterator

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


_SKIP = {_w(n) for n in ("del", "moveFrom", "instrText", "delInstrText", "txbxContent")}
_SKIP |= {_w(n) for n in ("rPr", "pPr", "sdtPr", "sdtEndPr", "footnoteReference")}
_SKIP.add(f"{{{_MC}}}Fallback")
_BLOCK_CONTAINERS = {_w("sdt"), _w("sdtContent"), _w("customXml"), _w("ins"), _w("moveTo")}
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
    block-level content controls, custom XML and tracked insertions."""
    for child in element:
        if child.tag in (_w("p"), _w("tbl")):
            yield child
        elif child.tag in _BLOCK_CONTAINERS and not _placeholder(child):
            yield from blocks(child)


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
        if not isinstance(tag, str) or tag in _SKIP or _placeholder(child):
            continue
        if tag == _w("r"):
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


def _bold(run) -> bool:
    """Whether a ``w:r`` is bold by its direct formatting."""
    properties = run.find(_w("rPr"))
    found = properties.find(_w("b")) if properties is not None else None
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
    return "".join(parts), "".join(bold).rstrip()


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


def _numbering(properties) -> bool | None:
    """Whether a ``w:pPr`` numbers its paragraph (``w:numPr``; numId 0 switches a style's
    numbering off); None when it does not say."""
    numbering = properties.find(_w("numPr")) if properties is not None else None
    if numbering is None:
        return None
    number = numbering.find(_w("numId"))
    return number is None or number.get(_w("val"), "") != "0"


def numbered_styles(styles) -> frozenset[str]:
    """The ids of the paragraph styles in a ``w:styles`` element that make their paragraphs
    list items ("Aufzählungszeichen", "Listennummer": a ``w:numPr``, also one inherited
    through ``w:basedOn``)."""
    own: dict[str, bool | None] = {}
    parent: dict[str, str] = {}
    for style in styles.iter(_w("style")):
        sid = style.get(_w("styleId"), "")
        own[sid] = _numbering(style.find(_w("pPr")))
        based = style.find(_w("basedOn"))
        if based is not None:
            parent[sid] = based.get(_w("val"), "")
    found = set()
    for sid in own:
        seen, current = set(), sid
        while current in own and current not in seen:  # a cycle ends the chain
            seen.add(current)
            if own[current] is not None:
                if own[current]:
                    found.add(sid)
                break
            current = parent.get(current, "")
    return frozenset(found)


def is_list_item(paragraph, numbered: frozenset[str]) -> bool:
    """Whether Word shows a ``w:p`` as a list item: numbered or bulleted directly or by its
    style (see :func:`numbered_styles`)."""
    properties = paragraph.find(_w("pPr"))
    direct = _numbering(properties)
    if direct is not None:
        return direct
    style = properties.find(_w("pStyle")) if properties is not None else None
    return style is not None and style.get(_w("val"), "") in numbered
