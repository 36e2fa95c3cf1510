"""A Word template's text box beside the title with the protocol's details ("Datum:
12.03.2021", "Protokoll: Okke Wübbenhorst"): a text box before the first heading is a
letterhead, its text no statement, but its details are read. Before, the date was lost
and the minute-taker's name never reached the name list, so "Wübbenhorst schlägt … vor"
was stored in clear."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx

from tests.conftest import stored_text
from workbench import Project
from workbench.ingest import parse_file


def _para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _box(lines: list[str]) -> str:
    """A run holding a text box as Word writes it (DrawingML with a VML fallback copy)."""
    inner = "".join(_para(line) for line in lines)
    return (
        '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-'
        'compatibility/2006"><mc:Choice xmlns:wps="http://schemas.microsoft.com/office/word/'
        '2010/wordprocessingShape" Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
        f"<w:txbxContent>{inner}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><w:txbxContent>{inner}</w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def test_the_details_in_a_text_box_beside_the_title_are_read(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Stadtteilworkshop Manfort", style="Title").add_run("BOX")
    document.add_paragraph("Sozialraum: Manfort")
    document.add_paragraph("Was fehlt im Quartier?", style="Heading 1")
    document.add_paragraph("Wübbenhorst schlägt einen Treffpunkt am Markt vor.")
    path = tmp_path / "vorlage.docx"
    document.save(path)
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    box = _box(["Stadt Leverkusen", "Datum: 12.03.2021", "Protokoll: Okke Wübbenhorst"])
    xml = parts["word/document.xml"].decode()
    xml = re.sub(r"<w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t>BOX</w:t></w:r>", box, xml)
    parts["word/document.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    parsed = parse_file(path)
    assert (parsed.title, str(parsed.date), parsed.district) == (
        "Stadtteilworkshop Manfort",
        "2021-03-12",
        "Manfort",
    )
    assert parsed.names == ("Okke Wübbenhorst",)
    assert [s.text for s in parsed.segments] == [
        "Wübbenhorst schlägt einen Treffpunkt am Markt vor."
    ]
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        project.import_files([path])
        assert "Wübbenhorst" not in stored_text(project)
