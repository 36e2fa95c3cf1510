"""Code colours with an alpha (8 digits) from REFI-QDA files: kept, said, exported validly.

REFI-QDA allows only ``#RRGGBB``/``#RGB``. Other tools write the alpha too: .NET and Qt
``#AARRGGBB``, CSS ``#RRGGBBAA``. Before, a translucent colour (``#1F77B480``) and one
with ``FF`` at both ends were dropped.
"""

from __future__ import annotations

import doctest
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import workbench.coding.codebook
from tests.conftest import SHARED, need
from tests.qdpx_data import refi_schema
from workbench import Project
from workbench.cli.main import main
from workbench.exchange.qdpx import export_qdpx, import_qdpx

NS = "urn:QDA-XML:project:1.0"
SOURCE = "C0000000-0000-4000-8000-000000000001"
CODES = (
    '<Code guid="A0000000-0000-4000-8000-0000000000C1" name="Bedarf" isCodable="true" '
    'color="#1F77B480">'  # translucent: order unknown
    '<Code guid="A2" name="Weg" isCodable="true" color="#FF0000FF"/>'  # FF at both ends
    '<Code guid="A3" name="Zeit" isCodable="true" color="#FF2CA02C"/>'  # opaque .NET/Qt
    '<Code guid="A4" name="Ort" isCodable="true" color="#D6272833"/>'  # translucent
    '<Code guid="A5" name="Rad" isCodable="true" color="rot"/></Code>'
)
GUESSED = (
    "Farbe mit Deckkraft (8 Ziffern) in {file}, Reihenfolge unbekannt: die ersten sechs "
    "Ziffern übernommen (#RRGGBBAA wie CSS; .NET und Qt schreiben #AARRGGBB, dann gilt die "
    "Farbe in Klammern): 'Bedarf' #1F77B480 als #1f77b4 (sonst #77b480), 'Weg' #FF0000FF "
    "als #ff0000 (sonst #0000ff), 'Ort' #D6272833 als #d62728 (sonst #272833). Ändern mit: "
    "workbench codebook set CODE --colour '#RRGGBB'."
)
DROPPED = (
    "Farbe nicht lesbar in {file} (erwartet #RRGGBB), Code ohne Farbe übernommen: 'Rad' (rot)."
)
KEPT = {
    "Bedarf": "#1f77b4",
    "Bedarf/Weg": "#ff0000",
    "Bedarf/Zeit": "#2ca02c",
    "Bedarf/Ort": "#d62728",
    "Bedarf/Rad": None,
}


def _archive(path: Path) -> Path:
    qde = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="{NS}" name="Beirat" '
        f'origin="Konverter"><CodeBook><Codes>{CODES}</Codes></CodeBook><Sources>'
        f'<TextSource guid="{SOURCE}" name="Sitzung" plainTextPath="internal://{SOURCE}.txt"/>'
        "</Sources></Project>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr(f"Sources/{SOURCE}.txt", "Wir brauchen mehr Bänke am Markt.\n")
    return path


def _colours(project: Project) -> dict[str, str | None]:
    return {spec.path: spec.colour for spec in project.codebook()}


def test_doctests() -> None:
    assert doctest.testmod(workbench.coding.codebook).failed == 0


def test_a_colour_with_alpha_keeps_its_rgb_and_the_notice_says_which(
    project: Project, tmp_path: Path
) -> None:
    result = import_qdpx(project, _archive(tmp_path / "konverter.qdpx"))
    assert _colours(project) == KEPT
    file = "konverter.qdpx/project.qde"
    assert result.notices == (GUESSED.format(file=file), DROPPED.format(file=file))


def test_a_codebook_file_reads_colours_the_same_way(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "web.qdc"
    path.write_text(
        f'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>{CODES}</Codes></CodeBook>',
        encoding="utf-8",
    )
    assert main(["--project", str(project.path), "codebook", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"  Hinweis: {GUESSED.format(file='web.qdc')}\n" in out
    assert f"  Hinweis: {DROPPED.format(file='web.qdc')}\n" in out
    assert str(tmp_path) not in out  # the name, not where it lies
    assert _colours(project) == KEPT


def test_the_kept_colours_export_valid_against_the_schemas(
    project: Project, tmp_path: Path
) -> None:
    """Round trip: what was read from 8 digits leaves as #rrggbb, valid REFI-QDA."""
    import_qdpx(project, _archive(tmp_path / "konverter.qdpx"))
    out = tmp_path / "wieder.qdpx"
    export_qdpx(project, out)
    with zipfile.ZipFile(out) as archive:
        qde = etree.fromstring(archive.read("project.qde"))
    schema = refi_schema()
    assert schema.validate(qde), schema.error_log
    colours = {c.get("name"): c.get("color") for c in qde.iter(f"{{{NS}}}Code")}
    assert colours == {path.rsplit("/", 1)[-1]: colour for path, colour in KEPT.items()}

    qdc = tmp_path / "codebuch.qdc"
    project.export_codebook(qdc, "qdc")
    codebook = etree.XMLSchema(etree.parse(str(need(SHARED / "refi-qda" / "Codebook.xsd", "XSD"))))
    assert codebook.validate(etree.parse(str(qdc))), codebook.error_log

    again = Project.create(tmp_path / "wieder", districts=list(project.districts()["district"]))
    assert import_qdpx(again, out).notices == ()
    assert _colours(again) == KEPT
