"""A Word, Excel or LibreOffice file whose library cannot open it names the member at fault
and why (beschädigt, verschlüsselt, fehlt, unvollständiges XML): exit code 2, nothing
imported. Before, all of them read "Keine lesbare DOCX-Datei (beschädigt oder
abgeschnitten)" — the file named, not what is wrong in it — and an Excel sheet cut off
mid-XML ended in a ParseError traceback. GeoPackages for ``map --import``: a damaged SQLite
file, text that is not UTF-8, an EPSG code written as text and a collection nested
thousands deep ended in tracebacks (UnicodeDecodeError, ValueError, RecursionError)."""

from __future__ import annotations

import io
import sqlite3
import struct
import zipfile
from pathlib import Path

import pytest

from tests import zip_damage
from tests.test_geo_formats import stadtteile, write_gpkg
from tests.test_geo_sweep import MANFORT
from workbench import Project
from workbench.cli.main import main
from workbench.core.office_members import office_problem
from workbench.synthesis import geo


def _import(project: Project, path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """stderr of a refused import (exit 2, the project unchanged)."""
    before = project.status()
    capsys.readouterr()
    code = main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    assert project.status() == before and project.documents().empty
    return err


def _without(data: bytes, member: str) -> bytes:
    """A ZIP package without ``member``."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename != member:
                target.writestr(info, source.read(info))
    return buffer.getvalue()


def _cut(data: bytes, member: str) -> bytes:
    """A ZIP package whose ``member`` holds only its first half (checksum right)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            body = source.read(info)
            target.writestr(
                info.filename, body[: len(body) // 2] if info.filename == member else body
            )
    return buffer.getvalue()


CASES = {
    "DOCX, document.xml damaged": (
        "protokoll.docx",
        lambda: zip_damage.damaged(zip_damage.docx(), "word/document.xml"),
        "Keine lesbare DOCX-Datei: ihr Eintrag 'word/document.xml' ist beschädigt",
    ),
    "DOCX, styles.xml damaged": (
        "protokoll.docx",
        lambda: zip_damage.damaged(zip_damage.docx(), "word/styles.xml"),
        "ihr Eintrag 'word/styles.xml' ist beschädigt",
    ),
    "DOCX, core.xml missing": (
        "protokoll.docx",
        lambda: _without(zip_damage.docx(), "docProps/core.xml"),
        "Keine lesbare DOCX-Datei: ihr Eintrag 'docProps/core.xml' fehlt.",
    ),
    "DOCX, document.xml cut off": (
        "protokoll.docx",
        lambda: _cut(zip_damage.docx(), "word/document.xml"),
        "ihr Eintrag 'word/document.xml' ist kein vollständiges XML",
    ),
    "XLSX, sheet encrypted": (
        "karten.xlsx",
        lambda: zip_damage.encrypted(zip_damage.xlsx(), "xl/worksheets/sheet1.xml"),
        "Keine lesbare XLSX-Datei: ihr Eintrag 'xl/worksheets/sheet1.xml' ist verschlüsselt "
        "(mit einem Passwort geschützt)",
    ),
    "XLSX, styles encrypted": (
        "karten.xlsx",
        lambda: zip_damage.encrypted(zip_damage.xlsx(), "xl/styles.xml"),
        "ihr Eintrag 'xl/styles.xml' ist verschlüsselt",
    ),
    "XLSX, sheet cut off (a traceback before)": (
        "karten.xlsx",
        lambda: _cut(zip_damage.xlsx(), "xl/worksheets/sheet1.xml"),
        "ihr Eintrag 'xl/worksheets/sheet1.xml' ist kein vollständiges XML",
    ),
    "XLSX, workbook relationships missing": (
        "karten.xlsx",
        lambda: _without(zip_damage.xlsx(), "xl/_rels/workbook.xml.rels"),
        "ihr Eintrag 'xl/_rels/workbook.xml.rels' fehlt",
    ),
    "ODS, content.xml damaged": (
        "karten.ods",
        lambda: zip_damage.damaged(zip_damage.ods(), "content.xml"),
        "Keine lesbare ODS-Datei: ihr Eintrag 'content.xml' ist beschädigt",
    ),
    "ODT, manifest missing": (
        "protokoll.odt",
        lambda: _without(zip_damage.odt(), "META-INF/manifest.xml"),
        "Keine lesbare ODT-Datei: ihr Eintrag 'META-INF/manifest.xml' fehlt",
    ),
    "ODT, styles.xml damaged": (
        "protokoll.odt",
        lambda: zip_damage.damaged(zip_damage.odt(), "styles.xml"),
        "ihr Eintrag 'styles.xml' ist beschädigt",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_member_at_fault_is_named_with_its_reason(
    case: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, build, says = CASES[case]
    path = tmp_path / name
    path.write_bytes(build())
    err = _import(project, path, capsys)
    assert err.startswith(f"Fehler: Datei {name}: "), err
    assert says in err, err


def _compound_file(*streams: str) -> bytes:
    """The start of an old-style Office compound file naming ``streams`` in its directory
    (UTF-16, as Excel and Word write a file saved "Mit Kennwort verschlüsseln")."""
    names = b"".join(s.encode("utf-16-le") + bytes(2) for s in streams)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1016) + names + bytes(2048)


@pytest.mark.parametrize("name", ["karten.xlsx", "protokoll.docx"])
def test_an_office_file_saved_with_a_password_is_named_so(
    name: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel and Word encrypt the whole file into a compound file (no ZIP at all)."""
    path = tmp_path / name
    path.write_bytes(_compound_file("EncryptionInfo", "EncryptedPackage"))
    err = _import(project, path, capsys)
    assert "mit einem Kennwort verschlüsselt" in err, err
    path.write_bytes(_compound_file("WordDocument", "1Table"))  # a .doc renamed
    assert "im alten Office-Format (.doc, .xls) gespeichert" in _import(project, path, capsys)


def test_a_zip_bomb_member_is_still_refused_before_it_is_unpacked() -> None:
    """Looking for the member at fault unpacks in bounded steps: a member declaring its
    few KB but holding 200 MB stops at its first step beyond."""
    data = zip_damage.bomb(zip_damage.docx(), "word/document.xml")
    problem = office_problem(data, "protokoll.docx", "DOCX")
    assert problem is not None and "ZIP-Bombe" in problem.message
    assert "'word/document.xml'" in problem.message


def test_an_intact_package_has_no_member_at_fault() -> None:
    for kind, build in [("DOCX", zip_damage.docx), ("XLSX", zip_damage.xlsx),
                        ("ODS", zip_damage.ods), ("ODT", zip_damage.odt)]:  # fmt: skip
        assert office_problem(build(), f"datei.{kind.lower()}", kind) is None, kind


# -- GeoPackages (map --import) ---------------------------------------------------------------
def _map(project: Project, path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    argv = ["--project", str(project.path), "map", "--import", str(path)]
    code = main([*argv, "--name-property", "STT_NAME"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code == 2:
        assert not geo.boundaries_path(project.path).exists()
    return code, err


def _a_table(path: Path) -> Path:
    path.write_text("Sozialraum;Fläche\nManfort;12\n", encoding="utf-8")
    return path


def _no_geometry_table(path: Path) -> Path:
    stadtteile(path)
    with sqlite3.connect(path) as con:
        con.execute("DROP TABLE gpkg_geometry_columns")
    return path


def _text_code(path: Path) -> Path:
    """EPSG code written as text (a hand-made or converted file): the definition counts."""
    stadtteile(path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE gpkg_spatial_ref_sys SET organization_coordsys_id = 'abc'")
    return path


def _schema_not_utf8(path: Path) -> Path:
    data = stadtteile(path).read_bytes()
    path.write_bytes(data.replace(b'CREATE TABLE "Stadtteile"', b'CREATE TABLX "\xf4tadtteile"'))
    return path


def _cut_sqlite(path: Path) -> Path:
    data = stadtteile(path).read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


GEOPACKAGES = {
    "no SQLite file": (
        _a_table,
        "keine gültige GeoPackage-Datei (keine SQLite-Datenbank)",
    ),
    "no geometry table": (
        _no_geometry_table,
        "ist keine GeoPackage-Datei (es fehlen die Tabellen gpkg_contents und "
        "gpkg_geometry_columns)",
    ),
    "SQLite cut off": (_cut_sqlite, "ist beschädigt (eine SQLite-Datenbank mit fehlerhaftem"),
    "schema not UTF-8": (_schema_not_utf8, "ist beschädigt (eine SQLite-Datenbank"),
    "EPSG code as text": (_text_code, "unbekanntes oder ungültiges Koordinatensystem"),
}


@pytest.mark.parametrize("case", sorted(GEOPACKAGES))
def test_a_broken_geopackage_stops_in_german(
    case: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build, says = GEOPACKAGES[case]
    path = build(tmp_path / "grenzen.gpkg")
    code, err = _map(project, path, capsys)
    assert code == 2, err
    assert err.startswith("Fehler: Datei grenzen.gpkg: "), err
    assert says in err, err


def test_a_geopackage_collection_nested_thousands_deep_is_read(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A GeometryCollection in a GeometryCollection … 5,000 deep around Manfort's polygon
    (a converter's output): read without recursion, as KML's MultiGeometry is."""
    ring = struct.pack("<I", len(MANFORT)) + b"".join(struct.pack("<dd", *p) for p in MANFORT)
    polygon = struct.pack("<BII", 1, 3, 1) + ring
    deep = struct.pack("<BII", 1, 7, 1) * 5000 + polygon
    path = write_gpkg(
        tmp_path / "tief.gpkg",
        {"Tief": ("GEOMETRYCOLLECTION", [({"STT_NAME": "Manfort"}, deep)])},
        4326,
    )
    code, err = _map(project, path, capsys)
    assert code == 0, err
    assert geo.boundaries_path(project.path).exists()


def test_a_damaged_member_of_a_zipped_geopackage_is_named(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = stadtteile(tmp_path / "g.gpkg").read_bytes()
    path = tmp_path / "grenzen.zip"
    for how in ("damaged", "encrypted"):
        path.write_bytes(
            getattr(zip_damage, how)(zip_damage._zip({"grenzen.gpkg": data}), "grenzen.gpkg")
        )
        code, err = _map(project, path, capsys)
        assert code == 2 and "Eintrag 'grenzen.gpkg'" in err, err


ENDINGS = {
    "an ODS as .xlsx": (
        "karten.xlsx",
        zip_damage.ods,
        "eine LibreOffice-Tabelle (ODS) mit der Endung .xlsx",
    ),
    "an XLSX as .ods": (
        "karten.ods",
        zip_damage.xlsx,
        "eine Excel-Tabelle (XLSX) mit der Endung .ods",
    ),
    "an ODT as .docx": (
        "protokoll.docx",
        zip_damage.odt,
        "ein LibreOffice-Textdokument (ODT) mit der Endung .docx",
    ),
    "a DOCX as .xlsx": (
        "karten.xlsx",
        zip_damage.docx,
        "ein Word-Dokument (DOCX) mit der Endung .xlsx",
    ),
    "a PPTX as .docx": (
        "folien.docx",
        lambda: zip_damage._zip(
            {"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"}
        ),
        "eine PowerPoint-Präsentation (PPTX) mit der Endung .docx; Präsentationen liest",
    ),
}


@pytest.mark.parametrize("case", sorted(ENDINGS))
def test_an_office_file_under_another_formats_ending_is_named_as_what_it_is(
    case: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: "Keine lesbare XLSX-Datei (beschädigt oder abgeschnitten)" for an intact file."""
    name, build, says = ENDINGS[case]
    path = tmp_path / name
    path.write_bytes(build())
    assert says in _import(project, path, capsys)
