"""A zipped or bare shapefile whose parts are damaged, missing or do not agree: the message
names the part at fault (``Eintrag 'Stadtteile/grenzen.dbf'``), exit code 2, nothing
written; parts that agree are read as before, whatever the ``.shx`` says.

Before, every damaged part said only "kein lesbares Shapefile"; a damaged or encrypted ZIP
member was not named; a ``.shx`` listing fewer records dropped areas without a word; a
``.dbf`` with more or fewer records than the ``.shp`` (or one record flagged as deleted)
put the names on the wrong areas; a ``.cpg`` naming a codec of bytes ended in a traceback.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.test_geo_sweep import ring, write_shapefile, zip_parts
from workbench import Project
from workbench.cli.main import main
from workbench.synthesis import geo

AREAS = [
    ({"NAME": "Manfort"}, [ring(7.00, 51.04, clockwise=True)]),
    ({"NAME": "Alkenrath"}, [ring(7.02, 51.04, clockwise=True)]),
    ({"NAME": "Wiesdorf"}, [ring(7.04, 51.04, clockwise=True)]),
]


def _import(project: Project, path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    argv = ["--project", str(project.path), "map", "--import", str(path), "--name-property", "NAME"]
    code = main(argv)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code != 0:
        assert not geo.boundaries_path(project.path).exists()  # nothing half-written
    return code, err


def _made(tmp_path: Path, areas: list = AREAS) -> Path:
    return write_shapefile(tmp_path / "made" / "grenzen", areas)


def _zip(shp: Path, tmp_path: Path, replace: dict[str, bytes] | None = None) -> Path:
    """The parts zipped in Stadtteile/, some replaced by other bytes."""
    for suffix, data in (replace or {}).items():
        shp.with_suffix(suffix).write_bytes(data)
    return zip_parts(shp, tmp_path / "grenzen.zip", junk=False)


def _damage(part: str, data: bytes) -> bytes:
    if part == ".shp":  # cut inside the second record
        return data[:200]
    if part == ".dbf":  # the header says 140 records, the file holds 3
        return data[:4] + (140).to_bytes(4, "little") + data[8:]
    return b"\x8a\x17" * (len(data) // 2)  # .shp header gone


@pytest.mark.parametrize("part", [".shp", ".dbf", "header"])
def test_a_damaged_part_of_a_zipped_shapefile_is_named(
    part: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shp = _made(tmp_path)
    suffix = ".shp" if part == "header" else part
    damaged = _damage(part, shp.with_suffix(suffix).read_bytes())
    code, err = _import(project, _zip(shp, tmp_path, {suffix: damaged}), capsys)
    assert code == 2, err
    assert err.startswith("Fehler: Datei grenzen.zip: kein lesbares Shapefile: ")
    assert f"Eintrag 'Stadtteile/grenzen{suffix}'" in err and "beschädigt" in err


@pytest.mark.parametrize("how", ["crc", "encrypted"])
def test_a_damaged_or_encrypted_zip_member_is_named(
    how: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = _zip(_made(tmp_path), tmp_path)
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as z:
        info = z.getinfo("Stadtteile/grenzen.dbf")
    central = data.find(b"PK\x01\x02" + data[info.header_offset + 4 : info.header_offset + 6])
    while data[central + 46 : central + 46 + len(info.filename)] != info.filename.encode():
        central = data.find(b"PK\x01\x02", central + 1)
    if how == "crc":
        data[info.header_offset + 14] ^= 0xFF
        data[central + 16] ^= 0xFF
    else:
        data[info.header_offset + 6] |= 1
        data[central + 8] |= 1
    archive.write_bytes(bytes(data))
    code, err = _import(project, archive, capsys)
    assert code == 2, err
    assert "Die ZIP-Datei lässt sich nicht entpacken (" in err
    assert "Eintrag 'Stadtteile/grenzen.dbf'" in err


def test_a_dbf_with_other_records_than_the_shp_is_refused_not_misnamed(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three areas, the attributes of two: which name belongs to which area is unknown."""
    fewer = write_shapefile(tmp_path / "zwei" / "grenzen", AREAS[:2])
    shp = _made(tmp_path)
    archive = _zip(shp, tmp_path, {".dbf": fewer.with_suffix(".dbf").read_bytes()})
    code, err = _import(project, archive, capsys)
    assert code == 2, err
    assert "Die Teile des Shapefiles passen nicht zusammen" in err
    assert "'Stadtteile/grenzen.shp' enthält 3 Objekte" in err
    assert "'Stadtteile/grenzen.dbf' Eigenschaften für 2" in err


def _west_edges(project: Project) -> dict[str, float]:
    """Each stored district's westernmost longitude: which square it got."""
    shapes = geo.boundaries(project) or {}
    return {name: round(min(x for x, _ in shape[0][0]), 3) for name, shape in shapes.items()}


def test_a_shx_listing_fewer_records_drops_no_area(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shp = _made(tmp_path)
    shorter = write_shapefile(tmp_path / "zwei" / "grenzen", AREAS[:2]).with_suffix(".shx")
    code, err = _import(project, _zip(shp, tmp_path, {".shx": shorter.read_bytes()}), capsys)
    assert code == 0, err
    assert _west_edges(project) == {"Manfort": 7.0, "Alkenrath": 7.02, "Wiesdorf": 7.04}


def test_a_deleted_dbf_record_leaves_the_other_names_on_their_areas(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """dBASE flags a deleted record with "*": its area goes with it, Alkenrath stays at 7.02."""
    shp = _made(tmp_path)
    dbf = bytearray(shp.with_suffix(".dbf").read_bytes())
    dbf[int.from_bytes(dbf[8:10], "little")] = ord("*")  # the first record's flag
    code, err = _import(project, _zip(shp, tmp_path, {".dbf": bytes(dbf)}), capsys)
    assert code == 0, err
    assert _west_edges(project) == {"Alkenrath": 7.02, "Wiesdorf": 7.04}


@pytest.mark.parametrize("cpg", [b"hex", b"rot13", b"UTF-8\x00"])
def test_a_cpg_naming_no_code_page_is_read_as_without_one(
    cpg: bytes, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    umlaut = [({"NAME": "Steinbüchel"}, AREAS[0][1])]
    shp = write_shapefile(tmp_path / "made" / "grenzen", umlaut, encoding="cp1252")
    code, err = _import(project, _zip(shp, tmp_path, {".cpg": cpg}), capsys)
    assert code == 0, err
    assert set(_west_edges(project)) == {"Steinbüchel"}


def test_a_binary_prj_is_named_without_control_characters(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shp = _made(tmp_path)
    code, err = _import(project, _zip(shp, tmp_path, {".prj": b"\x1b[2J\x00\x07PROJ"}), capsys)
    assert code == 2, err
    assert "Eintrag 'Stadtteile/grenzen.prj': unbekanntes oder ungültiges" in err
    assert not any(ord(c) < 32 and c != "\n" for c in err)


def test_a_bare_shapefile_names_its_damaged_sibling(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shp = _made(tmp_path)
    dbf = shp.with_suffix(".dbf")
    dbf.write_bytes(_damage(".dbf", dbf.read_bytes()))
    code, err = _import(project, shp, capsys)
    assert code == 2, err
    assert "Datei grenzen.shp: kein lesbares Shapefile: grenzen.dbf (Eigenschaften" in err


def _zip_members(tmp_path: Path, members: dict[str, Path]) -> Path:
    archive = tmp_path / "grenzen.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for name, source in members.items():
            z.write(source, name)
    return archive


def test_two_shapefiles_of_one_name_in_two_folders_are_chosen_by_folder(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "mehrere Shapefiles (grenzen, grenzen), keines heißt „grenzen“" named neither."""
    one = write_shapefile(tmp_path / "a" / "grenzen", AREAS[:1])
    two = write_shapefile(tmp_path / "b" / "grenzen", AREAS[1:])
    members = {f"{d}/grenzen{s}": p.with_suffix(s) for d, p in (("alt", one), ("neu", two))
               for s in (".shp", ".shx", ".dbf", ".prj")}  # fmt: skip
    archive = _zip_members(tmp_path, members)
    argv = ["--project", str(project.path), "map", "--import", str(archive)]
    assert main([*argv, "--name-property", "NAME", "--layer", "grenzen"]) == 2
    err = capsys.readouterr().err
    assert "mehrere Shapefiles (alt/grenzen, neu/grenzen), mehrere heißen „grenzen“" in err
    assert main([*argv, "--name-property", "NAME", "--layer", "neu/grenzen"]) == 0
    assert _west_edges(project) == {"Alkenrath": 7.02, "Wiesdorf": 7.04}


def test_a_dbf_in_another_folder_of_the_zip_is_named(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shp = _made(tmp_path)
    members = {"geo/grenzen.shp": shp, "geo/grenzen.prj": shp.with_suffix(".prj"),
               "daten/grenzen.dbf": shp.with_suffix(".dbf")}  # fmt: skip
    code, err = _import(project, _zip_members(tmp_path, members), capsys)
    assert code == 2, err
    assert "Die .dbf-Datei zu 'geo/grenzen.shp' liegt in einem anderen Ordner" in err
    assert "'daten/grenzen.dbf'" in err
