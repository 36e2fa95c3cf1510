"""What a Word protocol shows that is not its text. A SmartArt graphic: Word keeps the
graphic's text in a diagram part of its own (``word/diagrams/data1.xml``), not in the
paragraphs; the import does not read it, and says so (before, it was lost without a word).
Text struck through by hand: no longer valid, left out like deleted text (and so like the
same protocol saved as PDF)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest import parse_file

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _point(number: int, text: str) -> str:
    return (
        f'<dgm:pt modelId="{{{number}}}"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p>'
        f'<a:r><a:rPr lang="de-DE"/><a:t>{text}</a:t></a:r></a:p></dgm:t></dgm:pt>'
    )


def _smartart_docx(path: Path, paragraphs: list[tuple[str, str | None]], boxes: list[str]) -> Path:
    """A DOCX of ``paragraphs`` (text, style) with a SmartArt graphic where a paragraph
    reads "SMARTART", its boxes holding ``boxes``, as Word writes it."""
    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    drawing = (
        '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/'
        '2006/wordprocessingDrawing"><wp:extent cx="5486400" cy="3200400"/>'
        f'<wp:docPr id="1" name="Diagramm 1"/><a:graphic xmlns:a="{A}"><a:graphicData '
        f'uri="{DGM}"><dgm:relIds xmlns:dgm="{DGM}" xmlns:r="{R}" r:dm="rId90" r:lo="rId91" '
        'r:qs="rId92" r:cs="rId93"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    )
    xml = parts["word/document.xml"].decode()
    parts["word/document.xml"] = re.sub(
        r"<w:r>(?:(?!<w:r>).)*?<w:t>SMARTART</w:t></w:r>", drawing, xml
    ).encode()
    parts["word/diagrams/data1.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><dgm:dataModel xmlns:dgm="{DGM}" '
        f'xmlns:a="{A}"><dgm:ptLst><dgm:pt modelId="{{0}}" type="doc"><dgm:prSet/>'
        "<dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:endParaRPr/></a:p></dgm:t></dgm:pt>"
        + "".join(_point(n, text) for n, text in enumerate(boxes, start=1))
        + "</dgm:ptLst><dgm:cxnLst/></dgm:dataModel>"
    ).encode()
    targets = [
        ("rId90", "diagramData", "data1", "drawingml.diagramData"),
        ("rId91", "diagramLayout", "layout1", "drawingml.diagramLayout"),
        ("rId92", "diagramQuickStyle", "quickStyle1", "drawingml.diagramStyle"),
        ("rId93", "diagramColors", "colors1", "drawingml.diagramColors"),
    ]
    for _, _, name, _ in targets[1:]:
        parts[f"word/diagrams/{name}.xml"] = b'<?xml version="1.0"?><x/>'
    rels = parts["word/_rels/document.xml.rels"].decode()
    added = "".join(
        f'<Relationship Id="{rid}" Type="{RELS}{kind}" Target="diagrams/{name}.xml"/>'
        for rid, kind, name, _ in targets
    )
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", added + "</Relationships>"
    ).encode()
    types = parts["[Content_Types].xml"].decode()
    overrides = "".join(
        f'<Override PartName="/word/diagrams/{name}.xml" '
        f'ContentType="application/vnd.openxmlformats-officedocument.{kind}+xml"/>'
        for _, _, name, kind in targets
    )
    parts["[Content_Types].xml"] = types.replace("</Types>", overrides + "</Types>").encode()
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


HEAD = [
    ("Stadtteilworkshop Manfort", "Title"),
    ("Sozialraum: Manfort", None),
    ("Was fehlt im Quartier?", "Heading 1"),
]


def test_text_in_a_smartart_graphic_is_named_as_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _smartart_docx(
        tmp_path / "grafik.docx",
        [*HEAD, ("Die Jugendlichen wünschen sich einen Treffpunkt.", None), ("SMARTART", None)],
        ["Mehr Bänke am Rhein", "Licht im Park"],
    )
    document = parse_file(path)
    assert [s.text for s in document.segments] == [
        "Die Jugendlichen wünschen sich einen Treffpunkt."
    ]
    assert document.options == {"smartart_texts": 2}
    with Project.create(tmp_path / "projekt", districts=["Manfort"]):
        pass
    assert main(["--project", str(tmp_path / "projekt"), "import", str(path)]) == 0
    assert "Text in SmartArt-Grafiken (2 Felder) nicht gelesen" in capsys.readouterr().out


def test_a_protocol_all_in_smartart_stops_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _smartart_docx(
        tmp_path / "nur_grafik.docx", [*HEAD, ("SMARTART", None)], ["Mehr Bänke am Rhein"]
    )
    with Project.create(tmp_path / "projekt", districts=["Manfort"]):
        pass
    assert main(["--project", str(tmp_path / "projekt"), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "keine Aussagen" in err and "SmartArt-Grafiken (1 Feld)" in err
    assert "Traceback" not in err


def test_text_struck_through_by_hand_is_left_out_as_deleted_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name struck through by hand ("auf Wunsch gestrichen") was stored, while the same
    protocol saved as PDF leaves it out; deleted text of tracked changes left two spaces
    ("Ein  großes Problem")."""
    document = docx.Document()
    document.add_paragraph("Stadtteilworkshop Manfort", style="Title")
    document.add_paragraph("Sozialraum: Manfort")
    document.add_paragraph("Was fehlt im Quartier?", style="Heading 1")
    paragraph = document.add_paragraph("Die Bank am Spielplatz ")
    paragraph.add_run("vor dem Haus von Familie Yilmaz").font.strike = True
    paragraph.add_run(" ist kaputt.")
    paragraph = document.add_paragraph("Ein ")
    paragraph.add_run("sehr").font.double_strike = True
    paragraph.add_run(" großes Problem ist der Verkehr.")
    document.add_paragraph("Der Treff ").add_run("TRACKED")
    path = tmp_path / "gestrichen.docx"
    document.save(path)
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    deleted = (
        '<w:del w:id="1" w:author="A"><w:r><w:delText xml:space="preserve">von Herrn Quast'
        '</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> öffnet wieder.</w:t></w:r>'
    )
    xml = parts["word/document.xml"].decode()
    parts["word/document.xml"] = re.sub(
        r"<w:r>(?:(?!<w:r>).)*?<w:t>TRACKED</w:t></w:r>", deleted, xml
    ).encode()
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == [
        "Die Bank am Spielplatz ist kaputt.",
        "Ein großes Problem ist der Verkehr.",
        "Der Treff öffnet wieder.",
    ]
    assert parsed.options == {"struck_runs": 2}
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        pass
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    assert "Durchgestrichener Text (2-mal) nicht gelesen" in capsys.readouterr().out


def test_text_struck_through_in_an_odt_protocol_is_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same in LibreOffice's own format: a span in a struck-through character style."""
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, P, Span

    document = OpenDocumentText()
    struck = Style(name="T1", family="text")
    struck.addElement(TextProperties(textlinethroughstyle="solid"))
    document.automaticstyles.addElement(struck)
    document.text.addElement(P(text="Sozialraum: Manfort"))
    document.text.addElement(H(outlinelevel=1, text="Was fehlt im Quartier?"))
    paragraph = P(text="Die Bank am Spielplatz ")
    paragraph.addElement(Span(stylename=struck, text="vor dem Haus von Familie Yilmaz"))
    paragraph.addText(" ist kaputt.")
    document.text.addElement(paragraph)
    path = tmp_path / "gestrichen.odt"
    document.save(str(path))
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == ["Die Bank am Spielplatz ist kaputt."]
    assert parsed.options == {"struck_runs": 1}


def test_a_participant_struck_from_the_list_is_still_pseudonymised(tmp_path: Path) -> None:
    """Struck from the list of participants (by hand or as a tracked deletion), a name is
    no text of the protocol but still a name: mentioned in a statement, it is replaced."""
    document = docx.Document()
    document.add_paragraph("Stadtteilworkshop Manfort", style="Title")
    document.add_paragraph("Sozialraum: Manfort")
    paragraph = document.add_paragraph("Teilnehmende: Anna Schmidt, ")
    paragraph.add_run("Okke Wübbenhorst").font.strike = True
    paragraph.add_run(", Peter Braun")
    document.add_paragraph("Was fehlt im Quartier?", style="Heading 1")
    document.add_paragraph("Wübbenhorst schlägt einen Treffpunkt am Markt vor.")
    path = tmp_path / "liste.docx"
    document.save(path)
    assert parse_file(path).names == ("Anna Schmidt", "Peter Braun", "Okke Wübbenhorst")
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([path])
        assert "Wübbenhorst" not in " ".join(project.segments()["text"])


def test_a_participant_struck_from_an_odt_list_is_still_pseudonymised(tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, P, Span

    document = OpenDocumentText()
    struck = Style(name="T1", family="text")
    struck.addElement(TextProperties(textlinethroughstyle="solid"))
    document.automaticstyles.addElement(struck)
    document.text.addElement(P(text="Sozialraum: Manfort"))
    paragraph = P(text="Teilnehmende: Anna Schmidt, ")
    paragraph.addElement(Span(stylename=struck, text="Okke Wübbenhorst"))
    paragraph.addText(", Peter Braun")
    document.text.addElement(paragraph)
    document.text.addElement(H(outlinelevel=1, text="Was fehlt im Quartier?"))
    document.text.addElement(P(text="Wübbenhorst schlägt einen Treffpunkt am Markt vor."))
    path = tmp_path / "liste.odt"
    document.save(str(path))
    assert parse_file(path).names == ("Anna Schmidt", "Peter Braun", "Okke Wübbenhorst")


def test_struck_text_with_its_own_spaces_leaves_the_words_around_it_apart(
    tmp_path: Path,
) -> None:
    """Struck text selected with the spaces around it (" am Dienstag ") between words
    without space ran them together: 'Das Treffenfiel aus', 'istsicher'."""
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, P, Span

    runs = [
        ("Das Treffen", " am Dienstag bei Familie Yilmaz ", "fiel leider aus."),
        ("Der Spielplatz ist", " sehr ", "sicher geworden."),
        ("Die Halle ", "wird", " ist offen."),
        ("Der Treffpunkt", " am Markt", "."),
    ]
    document = docx.Document()
    document.add_paragraph("Sozialraum: Manfort")
    document.add_paragraph("Was fehlt im Quartier?", style="Heading 1")
    for before, struck, after in runs:
        paragraph = document.add_paragraph(before)
        paragraph.add_run(struck).font.strike = True
        paragraph.add_run(after)
    word = tmp_path / "gestrichen.docx"
    document.save(word)

    odt = OpenDocumentText()
    style = Style(name="T1", family="text")
    style.addElement(TextProperties(textlinethroughstyle="solid"))
    odt.automaticstyles.addElement(style)
    odt.text.addElement(P(text="Sozialraum: Manfort"))
    odt.text.addElement(H(outlinelevel=1, text="Was fehlt im Quartier?"))
    for before, struck, after in runs:
        paragraph = P(text=before)
        paragraph.addElement(Span(stylename=style, text=struck))
        paragraph.addText(after)
        odt.text.addElement(paragraph)
    libre = tmp_path / "gestrichen.odt"
    odt.save(str(libre))

    for path in (word, libre):
        assert [s.text for s in parse_file(path).segments] == [
            "Das Treffen fiel leider aus.",
            "Der Spielplatz ist sicher geworden.",
            "Die Halle ist offen.",
            "Der Treffpunkt.",
        ], path.name


def test_text_struck_through_by_its_style_is_left_out_as_struck_by_hand(tmp_path: Path) -> None:
    """A template's styles "Gestrichen" (characters) and "Entfällt" (paragraphs) strike text
    through as the button does; before, only the button's direct formatting was read and
    the text the author had struck stayed a statement. Direct formatting decides (a run
    set not struck in a struck paragraph stands), and a struck character style in a
    struck paragraph style cancels it, as Word shows it."""
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.add_paragraph("Stadtteilworkshop Manfort", style="Title")
    document.add_paragraph("Sozialraum: Manfort")
    document.add_paragraph("Was fehlt im Quartier?", style="Heading 1")
    characters = document.styles.add_style("Gestrichen", WD_STYLE_TYPE.CHARACTER)
    characters.font.strike = True
    based = document.styles.add_style("Gestrichen 2", WD_STYLE_TYPE.CHARACTER)
    based.base_style = characters
    lines = document.styles.add_style("Entfällt", WD_STYLE_TYPE.PARAGRAPH)
    lines.base_style = document.styles["Normal"]
    lines.font.strike = True
    paragraph = document.add_paragraph("Die Bank am Spielplatz ")
    paragraph.add_run("vor dem Haus von Familie Yilmaz", style="Gestrichen")
    paragraph.add_run(" ist kaputt.")
    paragraph = document.add_paragraph("Ein ")
    paragraph.add_run("sehr", style="Gestrichen 2")
    paragraph.add_run(" großes Problem ist der Verkehr.")
    document.add_paragraph("Der Kiosk am Markt schließt im Mai.", style="Entfällt")
    paragraph = document.add_paragraph("Gilt nicht: ", style="Entfällt")
    paragraph.add_run("Mehr Licht im Park.").font.strike = False
    paragraph.add_run(" Der Bus fährt", style="Gestrichen")
    path = tmp_path / "vorlage.docx"
    document.save(path)
    parsed = parse_file(path)
    assert [s.text for s in parsed.segments] == [
        "Die Bank am Spielplatz ist kaputt.",
        "Ein großes Problem ist der Verkehr.",
        "Mehr Licht im Park. Der Bus fährt",
    ]
    assert parsed.options == {"struck_runs": 4}
