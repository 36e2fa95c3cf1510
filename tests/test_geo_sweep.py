"""Boundaries as city GIS departments publish them: UTM/Gauß-Krüger/Web Mercator, Shapefiles.

Fixtures are made here: WGS84 squares around Leverkusen, transformed with pyproj into the
city's system, written as GeoJSON or (with pyshp) as a shapefile into tmp_path. Every
import must land within a metre of the WGS84 points it started from.
"""

from __future__ import annotations

import doctest
import json
import math
import zipfile
from pathlib import Path

import pyproj
import pytest
import shapefile

from workbench import InputError, Project
from workbench.cli.main import main
from workbench.synthesis import geo

LEVERKUSEN = ["Manfort", "Alkenrath", "Wiesdorf", "Opladen", "Steinbüchel"]
Lonlat = tuple[float, float]


def ring(lon: float, lat: float, size: float = 0.01, clockwise: bool = False) -> list[Lonlat]:
    """A closed square ring in WGS84, counter-clockwise (GeoJSON) or clockwise (shapefile)."""
    corners = [(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size)]
    if clockwise:
        corners.reverse()
    return [*corners, corners[0]]


def project_to(points: list[Lonlat], crs: str) -> list[tuple[float, float]]:
    """WGS84 lon/lat points in ``crs`` (x east, y north)."""
    t = pyproj.Transformer.from_crs("OGC:CRS84", crs, always_xy=True)
    return [t.transform(x, y) for x, y in points]


def assert_within_a_metre(got: tuple, want: list[Lonlat]) -> None:
    assert len(got) == len(want)
    for (lon, lat), (lon0, lat0) in zip(got, want, strict=True):
        east = (lon - lon0) * 111_320 * math.cos(math.radians(lat0))
        north = (lat - lat0) * 110_570
        assert math.hypot(east, north) < 1.0, ((lon, lat), (lon0, lat0))


def geojson(rings: dict[str, list[Lonlat]], crs_member: dict | None = None) -> str:
    """A FeatureCollection of one polygon per name (property ``name``)."""
    data: dict = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": name},
                "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in r]]},
            }
            for name, r in rings.items()
        ],
    }
    if crs_member is not None:
        data["crs"] = crs_member
    return json.dumps(data)


def write_shapefile(
    base: Path,
    records: list[tuple[dict, list[list[Lonlat]]]],
    crs: str | None = "EPSG:25832",
    encoding: str = "utf-8",
    cpg: str | None = None,
    kind: int = shapefile.POLYGON,
) -> Path:
    """A shapefile ``base.shp`` (+ .shx, .dbf, optional .prj/.cpg) of WGS84 rings in ``crs``."""
    fields = sorted({k for props, _ in records for k in props}) or ["ID"]
    with shapefile.Writer(str(base), shapeType=kind, encoding=encoding) as w:
        for name in fields:
            w.field(name, "C", size=40)
        for props, rings in records:
            parts = [[list(p) for p in project_to(r, crs or "EPSG:25832")] for r in rings]
            if kind == shapefile.POLYGON:
                w.poly(parts)
            elif kind == shapefile.POLYLINE:
                w.line(parts)
            else:
                w.point(*parts[0][0])
            w.record(*[props.get(k, "") for k in fields])
    if crs is not None:
        wkt = pyproj.CRS(crs).to_wkt(pyproj.enums.WktVersion.WKT1_ESRI)
        base.with_suffix(".prj").write_text(wkt, encoding="ascii")
    if cpg is not None:
        base.with_suffix(".cpg").write_text(cpg, encoding="ascii")
    return base.with_suffix(".shp")


def zip_parts(shp: Path, target: Path, junk: bool = True) -> Path:
    """The shapefile's parts zipped in a folder, with macOS junk beside them."""
    with zipfile.ZipFile(target, "w") as z:
        for part in sorted(shp.parent.glob(shp.stem + ".*")):
            z.write(part, f"Stadtteile/{part.name}")
            if junk:
                z.writestr(f"__MACOSX/Stadtteile/._{part.name}", b"\0\5\26\7 junk")
    return target


def test_doctests() -> None:
    from workbench.synthesis import geo_crs

    assert doctest.testmod(geo_crs).failed == 0


# -- GeoJSON in a projected CRS ------------------------------------------------------------
MANFORT = ring(7.02, 51.04)
OPLADEN = ring(7.00, 51.06, 0.02)


@pytest.mark.parametrize(
    "member",
    [
        {"type": "name", "properties": {"name": "EPSG:25832"}},
        {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}},
        {"type": "name", "properties": {"name": "http://www.opengis.net/def/crs/EPSG/0/25832"}},
        {"type": "EPSG", "properties": {"code": 25832}},  # GeoJSON 2008
    ],
)
def test_geojson_crs_member_in_any_spelling_is_reprojected(member: dict) -> None:
    text = geojson({"Manfort": project_to(MANFORT, "EPSG:25832")}, member)
    (feature,) = geo.read_geojson(text, "stadtteile.geojson")
    assert_within_a_metre(feature.shape[0][0], MANFORT)


@pytest.mark.parametrize(
    ("crs", "lon", "lat"),
    [
        ("EPSG:25832", 7.02, 51.04),  # Leverkusen
        ("EPSG:25833", 12.37, 51.34),  # Leipzig
        ("EPSG:31466", 6.08, 50.77),  # Aachen, Gauß-Krüger zone 2
        ("EPSG:31467", 7.02, 51.04),  # Gauß-Krüger zone 3
        ("EPSG:3857", 7.02, 51.04),  # Web Mercator
    ],
)
def test_file_without_crs_is_refused_naming_the_system_and_read_with_the_keyword(
    crs: str, lon: float, lat: float
) -> None:
    square = ring(lon, lat)
    text = geojson({"Manfort": project_to(square, crs)})
    with pytest.raises(InputError) as err:
        geo.read_geojson(text, "grenzen.geojson")
    message = str(err.value)
    assert "grenzen.geojson" in message and "kein Koordinatensystem" in message
    assert crs in message and "--crs EPSG:" in message and "rät es nicht" in message
    (feature,) = geo.read_geojson(text, "grenzen.geojson", crs=crs)
    assert_within_a_metre(feature.shape[0][0], square)


@pytest.mark.parametrize(
    ("x", "y", "advice", "family"),
    [
        (360_000, 5_650_000, "--crs EPSG:25832", "UTM Zone 32"),
        (3_360_000, 5_650_000, "--crs EPSG:31467", "Gauß-Krüger Zone 3"),
        (780_000, 6_600_000, "--crs EPSG:3857", "Web Mercator"),
    ],
)
def test_the_refusal_names_the_likely_family(x: float, y: float, advice: str, family: str) -> None:
    square = [(x, y), (x + 500, y), (x + 500, y + 500), (x, y + 500), (x, y)]
    with pytest.raises(InputError) as err:
        geo.read_geojson(geojson({"Manfort": square}), "a.geojson")
    assert advice in str(err.value) and family in str(err.value)


def test_crs_mixups_are_refused() -> None:
    utm = geojson(
        {"Manfort": project_to(MANFORT, "EPSG:25832")},
        {"type": "name", "properties": {"name": "EPSG:25832"}},
    )
    with pytest.raises(InputError, match=r"nennt das Koordinatensystem EPSG:25832.*EPSG:25833"):
        geo.read_geojson(utm, "a.geojson", crs="EPSG:25833")
    with pytest.raises(InputError, match="sehen aber wie Längen-/Breitengrade aus"):
        geo.read_geojson(geojson({"Manfort": MANFORT}), "a.geojson", crs="EPSG:25832")
    with pytest.raises(InputError, match="unbekanntes oder ungültiges Koordinatensystem"):
        geo.read_geojson(geojson({"Manfort": MANFORT}), "a.geojson", crs="EPSG:99999")
    bogus = geojson({"Manfort": MANFORT}, {"type": "name", "properties": {"name": "Gauss 3"}})
    with pytest.raises(InputError, match=r"Datei a\.geojson: „crs“ der Datei: unbekannt"):
        geo.read_geojson(bogus, "a.geojson")


def test_proj_never_goes_to_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    text = geojson({"Manfort": project_to(MANFORT, "EPSG:31467")})  # offline: Helmert
    monkeypatch.setenv("PROJ_NETWORK", "ON")  # with it PROJ would pick grids from a CDN
    pyproj.network.set_network_enabled(active=True)
    try:
        (feature,) = geo.read_geojson(text, "gk.geojson", crs="EPSG:31467")
        assert not pyproj.network.is_network_enabled()
        assert_within_a_metre(feature.shape[0][0], MANFORT)
    finally:
        pyproj.network.set_network_enabled(active=False)


# -- shapefiles ----------------------------------------------------------------------------
STEINBUECHEL = ring(7.05, 51.05, 0.02, clockwise=True)
HOLE = ring(7.055, 51.055, 0.005)  # counter-clockwise: a hole
ISLAND = ring(7.10, 51.00, clockwise=True)
ISLAND_HOLE = ring(7.102, 51.002, 0.002)


def city_shapefile(folder: Path, **options: object) -> Path:
    """Stadtteile as a geoportal exports them: cp1252 attributes, holes, a multi-part area."""
    folder.mkdir()
    records = [
        ({"STT_NAME": "Steinbüchel", "STT_NR": "7"}, [STEINBUECHEL, HOLE]),
        (
            {"STT_NAME": "Opladen", "STT_NR": "3"},
            [ring(7.0, 51.06, clockwise=True), ISLAND, ISLAND_HOLE],
        ),
        ({"STT_NAME": "Köln-Mülheim", "STT_NR": "99"}, [ring(6.99, 50.96, clockwise=True)]),
    ]
    return write_shapefile(folder / "Stadtteile", records, **{"encoding": "cp1252", **options})


def test_zipped_shapefile_in_utm_with_cp1252_holes_and_parts_is_imported(
    project: Project, tmp_path: Path
) -> None:
    archive = zip_parts(city_shapefile(tmp_path / "shp"), tmp_path / "Stadtteile_UTM32.zip")
    result = geo.import_boundaries(project, [archive], name_property="stt_name")
    assert sorted(result.shapes) == ["Opladen", "Steinbüchel"]
    assert result.unmatched == ("Köln-Mülheim",)  # umlauts survived the cp1252 .dbf
    stored = geo.boundaries(project)
    assert stored is not None
    (steinbuechel,) = stored["Steinbüchel"]  # one polygon: outer ring and its hole
    assert len(steinbuechel) == 2
    assert_within_a_metre(steinbuechel[0], STEINBUECHEL)
    assert_within_a_metre(steinbuechel[1], HOLE)
    opladen = sorted(stored["Opladen"], key=len)  # two parts, the island with its hole
    assert [len(p) for p in opladen] == [1, 2]
    assert_within_a_metre(opladen[1][0], ISLAND)
    assert_within_a_metre(opladen[1][1], ISLAND_HOLE)


def test_bare_shapefile_cpg_and_crs_option(tmp_path: Path) -> None:
    shp = city_shapefile(tmp_path / "shp", crs=None, encoding="utf-8", cpg="UTF-8")
    with pytest.raises(InputError, match=r"Stadtteile\.shp: .*--crs EPSG:25832"):
        geo.read_files([shp])
    features = geo.read_files([tmp_path / "shp"], crs="EPSG:25832")  # a folder: its .shp
    assert [f.properties["STT_NAME"] for f in features] == [
        "Steinbüchel",
        "Opladen",
        "Köln-Mülheim",
    ]
    assert_within_a_metre(features[0].shape[0][0], STEINBUECHEL)
    dos = city_shapefile(tmp_path / "dos", encoding="cp437", cpg="437")  # the .cpg decides
    assert geo.read_files([dos])[2].properties["STT_NAME"] == "Köln-Mülheim"


def test_shapefile_features_match_by_file_name_and_mapping(tmp_path: Path) -> None:
    shps = [
        write_shapefile(tmp_path / "508_manfort", [({}, [ring(7.02, 51.04, clockwise=True)])]),
        write_shapefile(tmp_path / "bezirk_a", [({}, [ring(7.0, 51.0, clockwise=True)])]),
    ]
    archive = zip_parts(shps[1], tmp_path / "bezirk_a.zip", junk=False)
    result = geo.match_features(geo.read_files([shps[0]]), LEVERKUSEN)
    assert list(result.shapes) == ["Manfort"]
    mapped = geo.match_features(
        geo.read_files([archive]), LEVERKUSEN, mapping={"bezirk_a": "Wiesdorf"}
    )
    assert list(mapped.shapes) == ["Wiesdorf"]


def _bad_inputs(tmp_path: Path) -> list[tuple[str, list[str], str]]:
    """(file named in the error, extra arguments, message) for each broken input."""
    made = tmp_path / "made"
    made.mkdir()
    area = [({"NAME": "Manfort"}, [ring(7.02, 51.04, clockwise=True)])]
    zipfile.ZipFile(made / "ohne_shp.zip", "w").writestr("Stadtteile.pdf", b"%PDF")
    with zipfile.ZipFile(made / "je_stadtteil.zip", "w") as z:  # one GeoJSON per Stadtteil
        for name in ("501_altstadt.json", "502_neuenkamp.json"):
            z.writestr(name, json.dumps({"type": "Polygon", "coordinates": [ring(7.02, 51.04)]}))
    nodbf = write_shapefile(made / "nodbf", area)
    nodbf.with_suffix(".dbf").unlink()
    badprj = write_shapefile(made / "badprj", area)
    badprj.with_suffix(".prj").write_text('PROJCS["kaputt"]', "ascii")
    write_shapefile(made / "punkte", area, kind=shapefile.POINT)
    write_shapefile(made / "linien", area, kind=shapefile.POLYLINE)
    write_shapefile(made / "leer", [])
    (made / "leer.geojson").write_bytes(b"")
    (made / "leer.zip").write_bytes(b"")
    two = zip_parts(write_shapefile(made / "eins", area), made / "zwei.zip", junk=False)
    with zipfile.ZipFile(two, "a") as z:
        z.write(nodbf, "Stadtteile/anderes.shp")
    geo_points = json.dumps({"type": "Point", "coordinates": [7.0, 51.0]})
    (made / "punkt.geojson").write_text(geo_points, "utf-8")
    return [
        ("ohne_shp.zip", [], "enthält kein Shapefile (.shp), sondern: Stadtteile.pdf"),
        ("je_stadtteil.zip", [], "mehrere Grenzdateien (501_altstadt.json, 502_neuenkamp.json)"),
        ("nodbf.shp", [], "fehlt die .dbf-Datei"),
        ("badprj.shp", [], "unbekanntes oder ungültiges Koordinatensystem"),
        ("punkte.shp", [], "enthält Punkte (POINT) statt Flächen"),
        ("linien.shp", [], "enthält Linien (POLYLINE) statt Flächen"),
        ("leer.shp", [], "enthält keine Flächen"),
        ("leer.geojson", [], "Die Datei ist leer"),
        ("leer.zip", [], "Die Datei ist leer"),
        ("zwei.zip", [], "mehrere Shapefiles"),
        ("punkt.geojson", [], "enthält keine Flächen (Polygon oder MultiPolygon) – nur Punkte"),
        ("badprj.shp", ["--crs", "EPSG:25832"], "unbekanntes oder ungültiges"),
        ("eins.shp", ["--crs", "EPSG:3857"], "nennt das Koordinatensystem EPSG:25832"),
    ]


def test_map_command_reprojects_and_refuses_broken_files_in_german(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = ["--project", str(project.path), "map"]
    utm = tmp_path / "grenzen.geojson"
    utm.write_text(geojson({"Manfort": project_to(MANFORT, "EPSG:25832")}), "utf-8")
    assert main([*where, "--import", str(utm), "--name-property", "name"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fehler: Datei grenzen.geojson: ") and "--crs EPSG:25832" in err
    assert not geo.boundaries_path(project.path).exists()
    args = ["--import", str(utm), "--name-property", "name", "--crs", "EPSG:25832"]
    assert main([*where, *args]) == 0
    assert "Grenzen von 1 Sozialraum aus 1 Datei gespeichert" in capsys.readouterr().out
    stored = geo.boundaries_path(project.path).read_bytes()
    assert_within_a_metre(
        json.loads(stored)["features"][0]["geometry"]["coordinates"][0][0], MANFORT
    )
    for name, extra, message in _bad_inputs(tmp_path):
        path = tmp_path / "made" / name
        code = main([*where, "--import", str(path), "--name-property", "NAME", *extra])
        err = capsys.readouterr().err
        assert code == 2, (name, err)
        assert err.startswith("Fehler: ") and "Traceback" not in err, (name, err)
        assert message in err and name in err, (name, err)
        assert geo.boundaries_path(project.path).read_bytes() == stored  # nothing half-written
    assert main([*where, "--import", str(utm), "--crs", "Gauss"]) == 2
    assert "Fehler: --crs: unbekanntes oder ungültiges Koordinatensystem „Gauss“" in (
        capsys.readouterr().err
    )
    assert main([*where, "--show", "--crs", "EPSG:25832"]) == 2
    assert "gehören zu --import" in capsys.readouterr().err


def test_a_zip_beside_its_unpacked_files_is_refused_not_drawn_blank(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A geoportal download unpacked where it lies: the folder holds Stadtteile.zip and
    Stadtteile.shp. Each area read twice and joined cancelled out (even-odd): blank maps."""
    folder = tmp_path / "download"
    folder.mkdir()
    areas = [({"NAME": "Manfort"}, [ring(7.0, 51.0, clockwise=True)]),
             ({"NAME": "Opladen"}, [ring(7.02, 51.0, clockwise=True)])]  # fmt: skip
    shp = write_shapefile(folder / "Stadtteile", areas)
    zip_parts(shp, folder / "Stadtteile.zip")
    base = ["--project", str(project.path), "map", "--import"]
    assert main([*base, str(shp), "--name-property", "NAME"]) == 0  # one copy: fine
    before = geo.boundaries_path(project.path).read_bytes()
    assert main([*base, str(folder), "--name-property", "NAME"]) == 2
    err = capsys.readouterr().err
    assert "Die Fläche von Manfort steht zweimal: in Stadtteile.shp und in Stadtteile.zip" in err
    assert "Bitte nur eine davon importieren." in err and "Traceback" not in err
    assert geo.boundaries_path(project.path).read_bytes() == before  # nothing half-written
    # the same GeoJSON given twice
    path = tmp_path / "grenzen.geojson"
    square = {"type": "Polygon", "coordinates": [ring(7.0, 51.0)]}
    feature = {"type": "Feature", "properties": {"name": "Manfort"}, "geometry": square}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), "utf-8")
    assert main([*base, str(path), str(path), "--name-property", "name"]) == 2
    assert "Datei grenzen.geojson: Die Fläche von Manfort steht zweimal darin" in (
        capsys.readouterr().err
    )
    # two different parts of one district in two files are joined as before
    other = tmp_path / "teil2.geojson"
    other.write_text(path.read_text("utf-8").replace("7.0,", "7.05,").replace("7.01,", "7.06,"))
    assert main([*base, str(path), str(other), "--name-property", "name"]) == 0
    assert len((geo.boundaries(project) or {})["Manfort"]) == 2


def test_import_option_given_twice_takes_both_files(project: Project, tmp_path: Path) -> None:
    """`map --import a --import b` reads both files, not only the last one."""
    for name, lon in (("Manfort", 7.0), ("Opladen", 7.02)):
        path = tmp_path / f"{name}.geojson"
        path.write_text(geojson({name: ring(lon, 51.0)}), "utf-8")
    base = ["--project", str(project.path), "map", "--name-property", "name"]
    argv = [*base, "--import", str(tmp_path / "Manfort.geojson")]
    assert main([*argv, "--import", str(tmp_path / "Opladen.geojson")]) == 0
    assert set(geo.boundaries(project) or {}) == {"Manfort", "Opladen"}


@pytest.mark.parametrize(
    ("part", "damage"),
    [(".dbf", "header"), (".shp", "records"), (".shp", "cut")],
)
def test_a_damaged_shapefile_is_refused_in_german(
    part: str, damage: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A .dbf with an unknown field type or a .shp with a broken record ended in a KeyError
    traceback out of pyshp; a cut .shp printed pyshp's English PossiblyCorruptFileHeader.
    The message names the part at fault."""
    import warnings

    shp = write_shapefile(tmp_path / "stadtteile", [({"NAME": "Manfort"}, [ring(7.02, 51.04)])])
    target = shp.with_suffix(part)
    data = target.read_bytes()
    if damage == "header":  # every field descriptor's type byte unknown to pyshp
        data = data[:32] + bytes(b if i % 32 != 11 else 0x21 for i, b in enumerate(data[32:]))
    elif damage == "records":  # the shape type of the first record
        data = data[:108] + (9999).to_bytes(4, "little") + data[112:]
    else:
        data = data[: len(data) // 2]
    target.write_bytes(data)
    capsys.readouterr()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        code = main(["--project", str(project.path), "map", "--import", str(shp)])
    err = capsys.readouterr().err
    assert code == 2, err
    said = f"Datei stadtteile.shp: kein lesbares Shapefile: stadtteile{part} ("
    assert err.startswith(f"Fehler: {said}") and "ist beschädigt oder abgeschnitten" in err
    assert not [w for w in caught if "shapefile" in w.filename]
    assert not geo.boundaries_path(project.path).exists()


@pytest.mark.parametrize("kind", ["zip", "kmz"])
def test_a_zip_with_a_damaged_member_is_refused_in_german(
    kind: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A zipped shapefile or a KMZ whose content failed its checksum said "(Bad CRC-32 for
    file 'Stadtteile/stadtteile.shp')": zipfile's English."""
    shp = write_shapefile(tmp_path / "stadtteile", [({"NAME": "Manfort"}, [ring(7.02, 51.04)])])
    if kind == "zip":
        archive, inner = zip_parts(shp, tmp_path / "grenzen.zip", junk=False), shp.read_bytes()
    else:
        inner = b'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"></kml>'
        archive = tmp_path / "grenzen.kmz"
        with zipfile.ZipFile(archive, "w") as z:
            z.writestr("doc.kml", inner)
    data = bytearray(archive.read_bytes())
    data[data.find(inner) + 40] ^= 0xFF  # stored, not compressed: the content's own bytes
    archive.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["--project", str(project.path), "map", "--import", str(archive)]) == 2
    err = capsys.readouterr().err
    assert f"Datei grenzen.{kind}: Die " in err and "lässt sich nicht entpacken (Prüfsumme" in err
    assert "CRC" not in err and "Traceback" not in err
    assert not geo.boundaries_path(project.path).exists()
