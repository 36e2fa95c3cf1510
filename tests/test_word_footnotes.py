"""Footnotes in Word and ODT protocols: their text is not read (sources and remarks of the
protocol, no statements) — and, as for a PDF ("Fußnoten (Seite n) nicht gelesen"), the
import says so; before, they were dropped without a word."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w='
    '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1">'
    "<w:p><w:r><w:t>Vgl. Sozialbericht 2019, S. 12.</w:t></w:r></w:p></w:footnote></w:footnotes>"
)


def _import(tmp_path: Path, path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    with Project.create(tmp_path / "projekt", districts=["Manfort"]):
        pass
    assert main(["--project", str(tmp_path / "projekt"), "import", str(path)]) == 0
    return capsys.readouterr().out


def test_footnotes_of_a_word_protocol_are_named_as_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = docx.Document()
    document.add_paragraph("Sozialraum: Manfort")
    document.add_paragraph("Was fehlt im Quartier?", style="Heading 1")
    document.add_paragraph("Die Armut im Quartier wächst").add_run("NOTE")
    document.add_paragraph("Der Treff braucht längere Öffnungszeiten.")
    path = tmp_path / "fussnoten.docx"
    document.save(path)
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    mark = (
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        '<w:footnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r>'
    )
    xml = parts["word/document.xml"].decode()
    parts["word/document.xml"] = re.sub(r"<w:r>(?:(?!<w:r>).)*?<w:t>NOTE</w:t></w:r>", mark, xml)
    parts["word/footnotes.xml"] = FOOTNOTES
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == [
        "Die Armut im Quartier wächst.",
        "Der Treff braucht längere Öffnungszeiten.",
    ]
    assert parsed.options == {"footnotes": 1}
    assert "Fußnoten (1) nicht gelesen" in _import(tmp_path, path, capsys)


def test_footnotes_of_an_odt_protocol_are_named_as_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, Note, NoteBody, NoteCitation, P

    document = OpenDocumentText()
    document.text.addElement(P(text="Sozialraum: Manfort"))
    document.text.addElement(H(outlinelevel=1, text="Was fehlt im Quartier?"))
    for number, text in enumerate(["Die Armut wächst", "Der Treff schließt zu früh"], 1):
        paragraph = P(text=text)
        note = Note(id=f"ftn{number}", noteclass="footnote")
        note.addElement(NoteCitation(text=str(number)))
        body = NoteBody()
        body.addElement(P(text="Vgl. Sozialbericht 2019, S. 12."))
        note.addElement(body)
        paragraph.addElement(note)
        paragraph.addText(".")
        document.text.addElement(paragraph)
    path = tmp_path / "fussnoten.odt"
    document.save(str(path))
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == ["Die Armut wächst.", "Der Treff schließt zu früh."]
    assert parsed.options == {"footnotes": 2}
    assert "Fußnoten (2) nicht gelesen" in _import(tmp_path, path, capsys)


def test_footnotes_of_an_rtf_protocol_are_named_as_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Word's RTF keeps a footnote in a ``{\\footnote …}`` group: not read, now named."""
    path = tmp_path / "fussnoten.rtf"
    path.write_text(
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\n"
        "{\\pard Sozialraum: Manfort\\par}\n"
        "{\\pard Die Armut im Quartier w\\'e4chst{\\super\\chftn}{\\footnote\\pard\\plain"
        "{\\super\\chftn} Vgl. Sozialbericht 2019, S. 12.}.\\par}\n"
        "{\\pard Der Treff braucht l\\'e4ngere \\'d6ffnungszeiten.\\par}\n}\n",
        encoding="ascii",
    )
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == [
        "Die Armut im Quartier wächst.",
        "Der Treff braucht längere Öffnungszeiten.",
    ]
    assert parsed.options == {"footnotes": 1}
    assert "Fußnoten (1) nicht gelesen" in _import(tmp_path, path, capsys)
