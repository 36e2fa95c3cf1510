"""The report as DOCX (python-docx): charts drawn as tables, maps as PNG images.

Bar charts become bars of block characters, heatmaps shaded cells. Maps are PNG pictures
(:mod:`workbench.synthesis.map_png`, the same layout as the HTML report's SVG) with alt
text for screen readers, followed by their text alternative: a sentence and the numbers
as a table. Every page's footer numbers it ("Seite 3 von 94"). Metadata and ZIP timestamps
are fixed (:mod:`.office`), so the same project gives the same file apart from the
"Erstellt am" line.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from workbench.core.colours import MIN_CONTRAST, WHITE, contrast_ratio, readable_text, rgb
from workbench.core.formatting import format_number
from workbench.core.spreadsheet import safe_text
from workbench.synthesis.map_layout import (
    WIDTH,
    alt_text,
    is_schematic,
    map_caption,
    map_rows,
    map_sentence,
)
from workbench.synthesis.map_png import map_png
from workbench.synthesis.reports.model import (
    BAR_COLOURS,
    Bullets,
    Chart,
    Heading,
    MapFigure,
    Paragraph,
    Quote,
    Report,
    Table,
    chart_number,
    chart_table,
    generated_line,
    series_places,
)
from workbench.synthesis.reports.office import (
    AUTHOR,
    clean,
    fixed_time,
    normalise_zip,
    property_title,
)

DOCX_BAR_WIDTH = 30  # block characters of the longest bar
MAP_WIDTH_INCHES = WIDTH / 96  # as wide as the SVG map in a browser (96 px per inch)
MAP_MAX_HEIGHT_INCHES = 8.0  # a tall map is made smaller to fit the page
LANGUAGE = "de-DE"  # of the text (styles) and in the core properties
# Styles the report writes in, and the colour of those whose template colour reads too
# faintly on white: Heading 1's dark blue (6.6:1) instead of the template's 4F81BD (4.0:1).
TEXT_STYLES = ("Title", *(f"Heading {n}" for n in range(1, 10)), "Caption", "Quote")
DARK_BLUE = "365F91"
KEPT_WITH_NEXT = ("item", "meta")  # paragraph kinds that lead into the block after them


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def heat(value: float, values: Sequence[float], middle: float | None = None) -> tuple[str, bool]:
    """Cell fill (hex) and whether text on it should be white (else black): whichever of
    the two has the higher contrast on the fill, at least 4.5:1 (WCAG 1.4.3).

    Without ``middle``: white to dark blue from 0 to the largest value. With ``middle``
    (e.g. 100 for an index): blue below it, red above it, white at it.

    >>> heat(0, [0, 10]), heat(10, [0, 10]), heat(100, [80, 100, 120], 100)[0]
    (('F7FBFF', False), ('08306B', True), 'F7F7F7')
    >>> heat(6, [0, 10])  # black text: 5.3:1 (white was chosen here, at 4.0:1)
    ('6881A6', False)
    """
    white = (247, 251, 255)
    if math.isnan(value):
        return "FFFFFF", False
    finite = [v for v in values if not math.isnan(v)]
    if middle is None:
        top = max(finite, default=0.0)
        t, high, low = (value / top if top > 0 else 0.0), (8, 48, 107), white
    else:
        spread = max((abs(v - middle) for v in finite), default=0.0)
        t = abs(value - middle) / spread if spread else 0.0
        low = (247, 247, 247)
        high = (178, 24, 43) if value > middle else (33, 102, 172)
    t = max(0.0, min(1.0, t))
    fill = tuple(round(a + (b - a) * t) for a, b in zip(low, high, strict=True))
    return "".join(f"{c:02X}" for c in fill), readable_text(fill) == WHITE


def header_row(grid: Any) -> None:
    """Mark a table's first row as its header: read as such, repeated on every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    row = grid.rows[0]._tr.get_or_add_trPr()
    if row.find(qn("w:tblHeader")) is None:
        row.append(OxmlElement("w:tblHeader"))


def german(doc: Any) -> None:
    """Make German (de-DE) the language of the document's text (Word's template says en-US).

    Word, screen readers and a PDF made from the file take the language from here.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    parent = doc.styles.element
    for tag in ("w:docDefaults", "w:rPrDefault", "w:rPr"):  # each the first of its parent
        child = parent.find(qn(tag))
        if child is None:
            child = OxmlElement(tag)
            parent.insert(0, child)
        parent = child
    lang = parent.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        parent.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def readable_styles(doc: Any) -> None:
    """Give every style the report writes in a text colour of at least 4.5:1 on white
    (WCAG 1.4.3): python-docx's template has Heading 2–4, 8 and Caption in 4F81BD (4.0:1)."""
    from docx.shared import RGBColor

    for name in TEXT_STYLES:
        font = doc.styles[name].font
        if font.color.type is not None and font.color.rgb is not None:
            colour = rgb(f"#{font.color.rgb}")
            if contrast_ratio(colour, (255, 255, 255)) < MIN_CONTRAST:
                font.color.rgb = RGBColor.from_string(DARK_BLUE)


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) with the text shown until it is computed."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def page_numbers(doc: Any) -> None:
    """ "Seite 3 von 94" centred in every page's footer: a printed report handed to a
    committee needs pages one can refer to (Word and LibreOffice compute the fields)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for section in doc.sections:
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("Seite ")
        _field(paragraph, "PAGE", "1")
        paragraph.add_run(" von ")
        _field(paragraph, "NUMPAGES", "1")


def _docx_table(doc: Any, table: Table) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    grid = doc.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    header_row(grid)
    for cell, name in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(safe_text(clean(name))).bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value, numeric in zip(cells, row, table.numeric, strict=True):
            cell.text = safe_text(clean(value))
            if numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return grid


def _docx_chart(doc: Any, chart: Chart) -> None:
    """A chart without images: a bar table (block characters) or a shaded heatmap table."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    caption = doc.add_paragraph()
    caption.add_run(clean(chart.title)).bold = True
    caption.paragraph_format.keep_with_next = True  # the title stays with its chart
    if chart.kind == "heatmap":
        grid = _docx_table(doc, chart_table(chart))
        values = [v for row in chart.z for v in row]
        for r, row in enumerate(chart.z, start=1):
            for c, value in enumerate(row, start=1):
                fill, white = heat(value, values, chart.reference)
                cell = grid.rows[r].cells[c]
                _shade(cell, fill)
                if white:
                    for run in cell.paragraphs[0].runs:
                        run.font.color.rgb = RGBColor(255, 255, 255)
        return
    grid = doc.add_table(rows=1, cols=3)
    grid.style = "Table Grid"
    header_row(grid)
    for cell, name in zip(grid.rows[0].cells, ("", chart.axis, "Wert"), strict=True):
        cell.paragraphs[0].add_run(clean(name)).bold = True
    finite = [v for _, values in chart.series for v in values if not math.isnan(v)]
    top = max(finite, default=0.0)  # a missing value (NaN) gets no bar and "."
    places = series_places(chart)  # the numbers of one series look alike
    for i, category in enumerate(chart.categories):
        label, bars, numbers = grid.add_row().cells
        label.text = clean(category)
        for j, (name, values) in enumerate(chart.series):
            value = values[i]
            length = 0 if top <= 0 or math.isnan(value) else round(DOCX_BAR_WIDTH * value / top)
            paragraph = bars.paragraphs[0] if j == 0 else bars.add_paragraph()
            run = paragraph.add_run("█" * max(length, 1 if value > 0 else 0) or "·")
            run.font.size = Pt(7)
            run.font.color.rgb = RGBColor.from_string(BAR_COLOURS[j % len(BAR_COLOURS)][1:].upper())
            text = chart_number(chart, value, places[j])
            target = numbers.paragraphs[0] if j == 0 else numbers.add_paragraph()
            target.add_run(clean(text + (f" – {name}" if len(chart.series) > 1 else "")))
            target.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if chart.reference is not None:
        doc.add_paragraph(
            f"Vergleichswert Gesamtstadt: {format_number(chart.reference)}", style="Caption"
        )


def _docx_map(doc: Any, block: MapFigure) -> None:
    """A map as a PNG picture with alt text, then a sentence and its numbers as a table."""
    from docx.shared import Inches

    values = dict(block.values)
    caption = map_caption(block.title, values, block.shapes)
    sentence = map_sentence(values, block.shapes, block.percent)
    title = doc.add_paragraph()
    title.add_run(clean(caption)).bold = True
    title.paragraph_format.keep_with_next = True  # the title stays with its map
    png = map_png(values, block.shapes, block.percent)
    picture = (
        doc.add_paragraph().add_run().add_picture(io.BytesIO(png), width=Inches(MAP_WIDTH_INCHES))
    )
    if picture.height > Inches(MAP_MAX_HEIGHT_INCHES):
        picture.width = round(picture.width * Inches(MAP_MAX_HEIGHT_INCHES) / picture.height)
        picture.height = Inches(MAP_MAX_HEIGHT_INCHES)
    described = f"{alt_text(caption, is_schematic(values, block.shapes))} {sentence}"
    picture._inline.docPr.set("descr", clean(described))
    said = doc.add_paragraph(clean(sentence))
    said.paragraph_format.keep_with_next = True  # the sentence leads into its numbers
    rows = map_rows(values, block.percent)
    _docx_table(doc, Table(("Sozialraum", block.value_label, "Stufe"),
                           tuple(rows), (False, True, False)))  # fmt: skip


def _docx_paragraph(doc: Any, block: Paragraph, generated_at: datetime) -> None:
    text = generated_line(generated_at) if block.kind == "generated" else block.text
    paragraph = doc.add_paragraph()
    # a bold lead-in (a table's caption) or a line about what follows ("3 davon als
    # Beispiel:") is not left alone at the foot of a page
    paragraph.paragraph_format.keep_with_next = block.kind in KEPT_WITH_NEXT
    run = paragraph.add_run(clean(text))
    run.italic = block.kind in ("note", "meta", "generated")
    run.bold = block.kind == "item"


def render_docx(report: Report, generated_at: datetime) -> bytes:
    """The report as DOCX (python-docx), with fixed metadata and ZIP timestamps."""
    import docx
    from docx.shared import Pt

    doc = docx.Document()
    fixed = fixed_time().replace(tzinfo=None)
    props = doc.core_properties
    props.title = property_title(report.title)
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.created = fixed
    props.modified = fixed
    props.revision = 1
    props.language = LANGUAGE
    props.comments = ""  # the template's "generated by python-docx"
    german(doc)
    page_numbers(doc)
    readable_styles(doc)
    doc.styles["Normal"].font.size = Pt(10)
    for block in report.blocks:
        if isinstance(block, Heading):
            doc.add_heading(clean(block.text), 0 if block.level == 1 else min(block.level - 1, 9))
        elif isinstance(block, Paragraph):
            _docx_paragraph(doc, block, generated_at)
        elif isinstance(block, Bullets):
            for item in block.items:
                doc.add_paragraph(clean(item), style="List Bullet")
        elif isinstance(block, Table):
            if block.caption:  # DOCX tables have no caption: a bold line above it
                _docx_paragraph(doc, Paragraph(block.caption, "item"), generated_at)
            _docx_table(doc, block)
        elif isinstance(block, Quote):
            quoted = doc.add_paragraph(clean(block.shown), style="Quote")
            quoted.paragraph_format.keep_with_next = True  # with its source line
            source = doc.add_paragraph()
            run = source.add_run(clean("— " + block.source))
            run.italic = True
            run.font.size = Pt(8)
        elif isinstance(block, Chart):
            _docx_chart(doc, block)
        elif isinstance(block, MapFigure):
            _docx_map(doc, block)
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalise_zip(buffer.getvalue())
