"""Who wrote a Word or ODT protocol often stands only in its page header or footer
("Stadtteilworkshop Manfort⇥Protokoll: Okke Wübbenhorst", "Erstellt von Jonas Becker").
Headers and footers are no statements, but their names go onto the name list, as the same
line in the text does and as a PDF's running header does: before, a statement mentioning
the minute-taker ("Wübbenhorst schlägt … vor") was stored with the name in clear."""

from __future__ import annotations

from pathlib import Path

import docx

from tests.conftest import stored_text
from workbench import Project
from workbench.ingest import parse_file

STATEMENT = "Wübbenhorst schlägt einen Treffpunkt am Markt vor, Becker auch."


def _docx(path: Path) -> Path:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Stadtteilworkshop Manfort\tProtokoll: Okke Wübbenhorst"
    section.footer.paragraphs[0].text = "Erstellt von Jonas Becker | Seite 1"
    document.add_paragraph("Stadtteilworkshop Manfort", style="Title")
    document.add_paragraph("Datum: 12.03.2021")
    document.add_paragraph("Sozialraum: Manfort")
    document.add_paragraph("Was fehlt im Quartier?", style="Heading 1")
    document.add_paragraph(STATEMENT)
    document.save(path)
    return path


def _odt(path: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.style import Footer, Header, MasterPage, PageLayout
    from odf.text import H, P, Tab

    document = OpenDocumentText()
    layout = PageLayout(name="pm1")
    document.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    header, footer = Header(), Footer()
    line = P(text="Stadtteilworkshop Manfort")
    line.addElement(Tab())
    line.addText("Protokoll: Okke Wübbenhorst")
    header.addElement(line)
    footer.addElement(P(text="Erstellt von Jonas Becker | Seite 1"))
    master.addElement(header)
    master.addElement(footer)
    document.masterstyles.addElement(master)
    for text in ("Stadtteilworkshop Manfort", "Datum: 12.03.2021", "Sozialraum: Manfort"):
        document.text.addElement(P(text=text))
    document.text.addElement(H(outlinelevel=1, text="Was fehlt im Quartier?"))
    document.text.addElement(P(text=STATEMENT))
    document.save(str(path))
    return path


def test_names_in_a_word_or_odt_header_and_footer_are_pseudonymised(tmp_path: Path) -> None:
    files = [_docx(tmp_path / "kopfzeile.docx"), _odt(tmp_path / "kopfzeile.odt")]
    for path in files:
        parsed = parse_file(path)
        assert parsed.names == ("Okke Wübbenhorst", "Jonas Becker"), path.name
        assert [s.text for s in parsed.segments] == [STATEMENT], path.name
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files(files[:1])
        stored = stored_text(project)
    assert "Wübbenhorst" not in stored
    assert "Becker" not in stored


RTF = r"""{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}
{\header \pard\plain Stadtteilworkshop Manfort\tab Protokoll: Okke W\'fcbbenhorst\par}
{\footerf \pard\plain Erstellt von Jonas Becker | Seite 1\par}
\pard Stadtteilworkshop Manfort\par
Datum: 12.03.2021\par
Sozialraum: Manfort\par
\par
Was fehlt im Quartier?\par
{\pntext\'B7\tab}W\'fcbbenhorst schl\'e4gt einen Treffpunkt am Markt vor, Becker auch.\par
}
"""


def test_names_in_an_rtf_header_and_footer_are_pseudonymised(tmp_path: Path) -> None:
    """The same in an RTF file (WordPad, Word's "Rich Text"): its header and footer groups
    were dropped with the file's other destinations."""
    path = tmp_path / "kopfzeile.rtf"
    path.write_bytes(RTF.encode("ascii"))
    parsed = parse_file(path)
    assert parsed.names == ("Okke Wübbenhorst", "Jonas Becker")
    assert [s.text for s in parsed.segments] == [STATEMENT]
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([path])
        stored = stored_text(project)
    assert "Wübbenhorst" not in stored
    assert "Becker" not in stored
