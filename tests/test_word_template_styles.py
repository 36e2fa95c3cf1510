"""A city's Word template has its own styles: "Leitfrage Stadt" based on ‚Überschrift 1‘,
"Protokolltitel" based on ‚Titel‘, "Unterpunkt" that only sets an outline level. Word
shows them as headings (navigation pane, table of contents); before, only the built-in
style names were read and such a protocol stopped with "Das Dokument hat keine
Überschriften"."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from workbench.ingest import parse_file


def test_a_templates_own_heading_styles_are_headings(tmp_path: Path) -> None:
    document = docx.Document()
    styles = document.styles
    title = styles.add_style("Protokolltitel", WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = styles["Title"]
    asking = styles.add_style("Leitfrage Stadt", WD_STYLE_TYPE.PARAGRAPH)
    asking.base_style = styles["Heading 1"]
    deeper = styles.add_style("Leitfrage Variante", WD_STYLE_TYPE.PARAGRAPH)
    deeper.base_style = asking  # a style based on the template's own
    part = styles.add_style("Unterpunkt", WD_STYLE_TYPE.PARAGRAPH)
    part.base_style = styles["Normal"]
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "1")  # Word's "Ebene 2"
    part.element.get_or_add_pPr().append(level)
    document.add_paragraph("Stadtteilworkshop Manfort", style="Protokolltitel")
    document.add_paragraph("Datum: 12.03.2021")
    document.add_paragraph("Sozialraum: Manfort")
    document.add_paragraph("Was fehlt im Quartier?", style="Leitfrage Stadt")
    document.add_paragraph("Am Rhein", style="Unterpunkt")
    document.add_paragraph("Mehr Bänke am Rhein.")
    document.add_paragraph("Was gibt es schon?", style="Leitfrage Variante")
    document.add_paragraph("Der Sportverein hat eine Halle.")
    path = tmp_path / "vorlage.docx"
    document.save(path)
    parsed = parse_file(path)
    assert parsed.title == "Stadtteilworkshop Manfort"
    assert [(s.question, s.text) for s in parsed.segments] == [
        ("Was fehlt im Quartier?", "Mehr Bänke am Rhein."),
        ("Was gibt es schon?", "Der Sportverein hat eine Halle."),
    ]
