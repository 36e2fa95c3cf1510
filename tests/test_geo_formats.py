"""Boundaries as GeoPackage and KML/KMZ, and the formats refused by name (GML, TopoJSON, Esri).

The files are written here: GeoPackages with sqlite3 and hand-packed WKB as the OGC
standard lays them out (what QGIS and GDAL write), KML as Google My Maps and QGIS export
it. Coordinates start as WGS84 squares around Leverkusen; after the import they must lie
within a metre of where they started.
"""

from __future__ import annotations

import json
import re
import sqlite3
import struct
import zipfile
from pathlib import Path

import pytest

from tests.test_geo_sweep import (
    MANFORT,
    OPLADEN,
    Lonlat,
    assert_within_a_metre,
    project_to,
    ring,
    write_shapefile,
)
from workbench import Project
from workbench.cli.main import main
from workbench.synthesis import geo, geo_gpkg

XY = list[tuple[float, float]]


# -- writing GeoPackages -------------------------------------------------------------------
def wkb_polygon(rings: list[XY], order: str = "<", z: bool = False) -> bytes:
    """An ISO WKB Polygon (with Z values 1003, as QGIS writes 3-D layers)."""
    out = struct.pack(f"{order}BII", order == "<", 1003 if z else 3, len(rings))
    for r in rings:
        out += struct.pack(f"{order}I", len(r))
        for x, y in r:
            out += struct.pack(f"{order}ddd", x, y, 40.0) if z else struct.pack(f"{order}dd", x, y)
    return out


def wkb_multipolygon(polygons: list[list[XY]], z: bool = False) -> bytes:
    head = struct.pack("<BII", 1, 1006 if z else 6, len(polygons))
    return head + b"".join(wkb_polygon(p, z=z) for p in polygons)


def gpkg_blob(wkb: bytes, srs_id: int) -> bytes:
    """A GeoPackage geometry: "GP", version 0, flags (little-endian, xy envelope), SRS id."""
    xs = [0.0, 1.0]
    return b"GP\x00\x03" + struct.pack("<i4d", srs_id, min(xs), max(xs), min(xs), max(xs)) + wkb


def write_gpkg(path: Path, layers: dict[str, tuple[str, list[tuple[dict, bytes | None]]]],
               srs_id: int = 25832) -> Path:  # fmt: skip
    """A GeoPackage with feature layers ``name → (geometry type, [(attributes, WKB)])``."""
    con = sqlite3.connect(path)
    con.executescript(
        """
        PRAGMA application_id = 1196444487;
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY,
            organization TEXT, organization_coordsys_id INTEGER, definition TEXT);
        INSERT INTO gpkg_spatial_ref_sys VALUES
            ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined'),
            ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined'),
            ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84"]'),
            ('ETRS89 / UTM zone 32N', 25832, 'EPSG', 25832, 'PROJCS["ETRS89 / UTM zone 32N"]');
        CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT,
            identifier TEXT, srs_id INTEGER);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT,
            geometry_type_name TEXT, srs_id INTEGER, z TINYINT, m TINYINT);
        """
    )
    for name, (kind, rows) in layers.items():
        fields = sorted({k for props, _ in rows for k in props})
        columns = "".join(f', "{f}" TEXT' for f in fields)
        con.execute(f'CREATE TABLE "{name}" (fid INTEGER PRIMARY KEY, geom {kind}{columns})')
        con.execute("INSERT INTO gpkg_contents VALUES (?, 'features', ?, ?)", (name, name, srs_id))
        con.execute(
            "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)", (name, kind, srs_id)
        )
        for props, wkb in rows:
            values = [None if wkb is None else gpkg_blob(wkb, srs_id), *map(props.get, fields)]
            names = "".join(f', "{f}"' for f in fields)
            marks = ", ".join("?" * len(values))
            con.execute(f'INSERT INTO "{name}" (geom{names}) VALUES ({marks})', values)
    con.commit()
    con.close()
    return path


def utm(points: list[Lonlat]) -> XY:
    return project_to(points, "EPSG:25832")


HOLE = list(reversed(ring(7.023, 51.043, 0.002)))
EXCLAVE = ring(7.05, 51.04, 0.005)


def stadtteile(path: Path) -> Path:
    """The city's GeoPackage: Stadtteile (Manfort with a hole and an exclave, 3-D as QGIS
    writes them; Opladen; one Ortsteil of no district) and a layer of centre points."""
    point = struct.pack("<BIdd", 1, 1, *utm([(7.03, 51.05)])[0])
    return write_gpkg(path, {
        "Stadtteile": ("MULTIPOLYGON", [
            ({"STT_NAME": "Manfort", "NR": "01"},
             wkb_multipolygon([[utm(MANFORT), utm(HOLE)], [utm(EXCLAVE)]], z=True)),
            ({"STT_NAME": "Opladen", "NR": "02"}, wkb_multipolygon([[utm(OPLADEN)]], z=True)),
            ({"STT_NAME": "Bürrig", "NR": "03"}, wkb_multipolygon([[utm(ring(6.99, 51.05))]])),
            ({"STT_NAME": "ohne Fläche", "NR": "04"}, None),
        ]),
        "Mittelpunkte": ("POINT", [({"STT_NAME": "Manfort"}, point)]),
    })  # fmt: skip


def test_geopackage_in_utm_is_imported_with_holes_exclaves_and_umlauts(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = stadtteile(tmp_path / "Stadtteile.gpkg")
    before = sorted(p.name for p in tmp_path.iterdir())
    base = ["--project", str(project.path), "map", "--import", str(path)]
    assert main([*base, "--name-property", "stt_name"]) == 0
    out = capsys.readouterr().out
    assert "Grenzen von 2 Sozialräumen aus 1 Datei gespeichert" in out
    assert "1 Fläche passt zu keinem Sozialraum und wurde übergangen: Bürrig\n" in out
    shapes = geo.boundaries(project)
    assert shapes is not None and sorted(shapes) == ["Manfort", "Opladen"]
    (outer, hole), (exclave,) = shapes["Manfort"]
    assert_within_a_metre(outer, MANFORT)
    assert_within_a_metre(hole, HOLE)
    assert_within_a_metre(exclave, EXCLAVE)
    assert_within_a_metre(shapes["Opladen"][0][0], OPLADEN)
    # read-only: no journal or WAL file left beside the city's file
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    (feature, *_) = geo.read_files([path])
    assert feature.properties == {"STT_NAME": "Manfort", "NR": "01"}  # no fid, no geometry


def test_geopackage_open_in_qgis_is_read_with_its_last_saved_edits(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QGIS keeps a GeoPackage it edits open in WAL mode: the last saved edits wait in
    # Stadtteile.gpkg-wal. The import read the file alone (immutable), and the area just
    # renamed to Alkenrath was silently missing from the map.
    path = stadtteile(tmp_path / "Stadtteile.gpkg")
    qgis = sqlite3.connect(path)
    qgis.execute("PRAGMA journal_mode = WAL")
    qgis.execute("PRAGMA wal_autocheckpoint = 0")
    qgis.execute("UPDATE Stadtteile SET STT_NAME = 'Alkenrath' WHERE STT_NAME = 'Bürrig'")
    qgis.commit()
    try:
        files = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
        assert (tmp_path / "Stadtteile.gpkg-wal").stat().st_size > 0
        base = ["--project", str(project.path), "map", "--import", str(path)]
        assert main([*base, "--name-property", "STT_NAME"]) == 0, capsys.readouterr().err
        assert sorted(geo.boundaries(project) or {}) == ["Alkenrath", "Manfort", "Opladen"]
        # the city's file, its log and QGIS's index beside it stay as they were
        assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == files
    finally:
        qgis.close()


def test_geopackage_layers_are_chosen_or_named(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    square = wkb_polygon([utm(MANFORT)])
    two = write_gpkg(tmp_path / "zwei.gpkg", {
        "Stadtbezirke": ("POLYGON", [({"name": "Manfort"}, square)]),
        "Stadtteile": ("MULTIPOLYGON", [({"name": "Opladen"}, wkb_multipolygon([[utm(OPLADEN)]]))]),
    })  # fmt: skip
    points = write_gpkg(tmp_path / "punkte.gpkg", {
        "Treffpunkte": ("POINT", [({"name": "Manfort"}, struct.pack("<BIdd", 1, 1, 1.0, 2.0))]),
    })  # fmt: skip
    broken = tmp_path / "kaputt.gpkg"
    broken.write_bytes(b"PK\x03\x04 kein SQLite")
    base = ["--project", str(project.path), "map", "--name-property", "name", "--import"]
    cases = [
        ([str(two)], "zwei.gpkg: enthält mehrere Ebenen mit Flächen: „Stadtbezirke“ (polygon), "
         "„Stadtteile“ (multipolygon). Bitte mit --layer NAME"),
        ([str(two), "--layer", "Ortsteile"], "zwei.gpkg: hat keine Ebene „Ortsteile“. Vorhanden:"),
        ([str(points)], "punkte.gpkg: enthält keine Ebene mit Flächen, nur „Treffpunkte“ (point)"),
        ([str(broken)], "kaputt.gpkg: keine gültige GeoPackage-Datei"),
        ([str(tmp_path / "zwei.gpkg"), "--layer", "Treffpunkte"], "keine Ebene „Treffpunkte“"),
    ]  # fmt: skip
    for args, message in cases:
        assert main([*base, *args]) == 2, args
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err, err
        assert not geo.boundaries_path(project.path).exists()
    assert main([*base, str(two), "--layer", "stadtteile"]) == 0
    assert sorted(geo.boundaries(project) or {}) == ["Opladen"]


def test_geopackage_wkb_big_endian_and_undefined_crs(project: Project, tmp_path: Path) -> None:
    wkb = wkb_polygon([utm(MANFORT)], order=">")
    polygons, skipped = geo_gpkg.polygons(gpkg_blob(wkb, 0), "Objekt 1", "x.gpkg")
    assert len(polygons) == 1 and not skipped
    assert polygons[0][0][0] == pytest.approx(utm(MANFORT)[0])
    path = write_gpkg(tmp_path / "ohne.gpkg", {"a": ("POLYGON", [({"name": "Manfort"}, wkb)])}, 0)
    with pytest.raises(geo.InputError, match="--crs EPSG:25832"):
        geo.read_files([path])
    (feature,) = geo.read_files([path], crs="EPSG:25832")
    assert_within_a_metre(feature.shape[0][0], MANFORT)
    # QGIS and ArcGIS write MULTISURFACE layers: CurvePolygons of straight LineString rings
    ring = struct.pack("<BI", 1, 2) + wkb_polygon([utm(MANFORT)])[9:]
    surface = struct.pack("<BII", 1, 12, 1) + struct.pack("<BII", 1, 10, 1) + ring
    polygons, _ = geo_gpkg.polygons(gpkg_blob(surface, 25832), "Objekt 1", "x.gpkg")
    assert polygons == [[utm(MANFORT)]]
    arc = struct.pack("<BII", 1, 10, 1) + struct.pack("<BI", 1, 8) + ring[5:]
    with pytest.raises(geo.InputError, match="Objekt 1: Kreisbögen oder Kurven"):
        geo_gpkg.polygons(gpkg_blob(arc, 25832), "Objekt 1", "x.gpkg")
    with pytest.raises(geo.InputError, match="Objekt 1: die Geometrie ist beschädigt"):
        geo_gpkg.polygons(gpkg_blob(wkb[:30], 0), "Objekt 1", "x.gpkg")


# -- KML and KMZ ---------------------------------------------------------------------------
def coordinates(points: list[Lonlat]) -> str:
    return "\n".join(f"  {x},{y},0" for x, y in points)


def my_maps_kml() -> str:
    """A map from Google My Maps: two drawn areas (one with a hole) and a marker."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Sozialräume</name>
<Folder><name>Ebene ohne Titel</name>
<Placemark><name>Manfort</name><description>Quartier &lt;b&gt;Süd&lt;/b&gt;</description>
  <ExtendedData><Data name="Nummer"><value>01</value></Data></ExtendedData>
  <Polygon><outerBoundaryIs><LinearRing><tessellate>1</tessellate>
  <coordinates>{coordinates(MANFORT)}</coordinates></LinearRing></outerBoundaryIs>
  <innerBoundaryIs><LinearRing><coordinates>{coordinates(HOLE)}</coordinates></LinearRing>
  </innerBoundaryIs></Polygon></Placemark>
<Placemark><name>Treffpunkt</name><Point><coordinates>7.03,51.05,0</coordinates></Point>
</Placemark>
<Placemark><name>Steinbüchel</name><MultiGeometry>
  <Polygon><outerBoundaryIs><LinearRing><coordinates>{coordinates(OPLADEN)}</coordinates>
  </LinearRing></outerBoundaryIs></Polygon>
  <Polygon><outerBoundaryIs><LinearRing><coordinates>{coordinates(EXCLAVE)}</coordinates>
  </LinearRing></outerBoundaryIs></Polygon></MultiGeometry></Placemark>
</Folder></Document></kml>
"""


def test_kml_and_kmz_from_google_my_maps_are_imported(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kml = tmp_path / "Sozialräume.kml"
    kml.write_text(my_maps_kml(), "utf-8")
    kmz = tmp_path / "Sozialräume.kmz"
    with zipfile.ZipFile(kmz, "w") as z:
        z.writestr("images/icon-1.png", b"\x89PNG")
        z.writestr("doc.kml", my_maps_kml())
    for path in (kml, kmz):
        base = ["--project", str(project.path), "map", "--import", str(path)]
        assert main([*base, "--name-property", "name"]) == 0
        assert "Grenzen von 2 Sozialräumen" in capsys.readouterr().out
        shapes = geo.boundaries(project) or {}
        assert sorted(shapes) == ["Manfort", "Steinbüchel"]
        (outer, hole), = shapes["Manfort"]  # fmt: skip
        assert_within_a_metre(outer, MANFORT)
        assert_within_a_metre(hole, HOLE)
        (opladen,), (exclave,) = shapes["Steinbüchel"]  # a MultiGeometry: two areas
        assert_within_a_metre(opladen, OPLADEN)
        assert_within_a_metre(exclave, EXCLAVE)
    features = geo.read_files([kml])
    assert features[0].properties == {"name": "Manfort", "Nummer": "01"}
    saved = tmp_path / "karte.json"  # a KML saved under the wrong name is still KML
    saved.write_text(my_maps_kml(), "utf-8")
    assert [f.properties["name"] for f in geo.read_files([saved])] == ["Manfort", "Steinbüchel"]
    area = {"type": "Polygon", "coordinates": [[list(p) for p in MANFORT]]}
    note = {"name": "Manfort", "Hinweis": "aus <kml> von My Maps umgewandelt"}
    text = json.dumps({"type": "Feature", "properties": note, "geometry": area})
    (tmp_path / "manfort.geojson").write_text(text, "utf-8")  # GeoJSON that mentions KML
    assert geo.read_files([tmp_path / "manfort.geojson"])[0].properties == note


def test_kml_that_is_not_an_area_file_is_refused_in_german(tmp_path: Path) -> None:
    markers = tmp_path / "treffpunkte.kml"
    markers.write_text(
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Café</name><Point>'
        "<coordinates>7.03,51.05</coordinates></Point></Placemark></kml>",
        "utf-8",
    )
    laughs = tmp_path / "laughs.kml"
    laughs.write_text(
        '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><kml><Placemark><name>&b;</name>'
        "</Placemark></kml>",
        "utf-8",
    )
    swapped = tmp_path / "vertauscht.kml"
    lat_first = " ".join(f"{y},{x}" for x, y in MANFORT)
    swapped.write_text(
        f"<kml><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>{lat_first}"
        "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>",
        "utf-8",
    )
    linked = tmp_path / "Sozialräume.kml"  # My Maps' "keep data up to date" export
    linked.write_text(
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><NetworkLink><name>Karte</name>'
        "<Link><href>https://www.google.com/maps/d/kml?mid=abc</href></Link></NetworkLink>"
        "</Document></kml>",
        "utf-8",
    )
    broken = tmp_path / "abgebrochen.kml"  # a download cut off
    broken.write_text(my_maps_kml()[:600], "utf-8")
    cases = {
        broken: "kein gültiges KML (XML-Fehler in Zeile",
        linked: "verweist nur auf eine Karte im Netz (NetworkLink)",
        markers: "enthält keine Flächen (Polygon oder MultiPolygon) – nur Punkte",
        laughs: "enthält XML-Entitäten",
        swapped: "hat Breite und Länge vertauscht",
    }
    for path, message in cases.items():
        with pytest.raises(geo.InputError, match=re.escape(message)) as err:
            geo.read_files([path])
        assert err.value.file == path.name


# -- formats refused by their content ------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("wfs.json", '<?xml version="1.0"?><wfs:FeatureCollection xmlns:gml='
         '"http://www.opengis.net/gml/3.2"/>', "GML liest die Werkbank nicht"),
        ("wfs.xml", '<?xml version="1.0"?><FeatureCollection xmlns="http://www.opengis.net/wfs"'
         ' xmlns:gml="http://www.opengis.net/gml"/>', "GML liest die Werkbank nicht"),
        ("download.geojson", "<!DOCTYPE html><html><body>Anmelden</body></html>",
         "ist eine Webseite (HTML), keine Grenzdatei"),
        ("stadtteile.json", json.dumps({"type": "Topology", "objects": {}, "arcs": []}),
         "TopoJSON liest die Werkbank nicht"),
        ("query.json", json.dumps({"spatialReference": {"wkid": 25832}, "features": []}),
         "Esri-JSON (ArcGIS REST) liest die Werkbank nicht"),
    ],
)  # fmt: skip
def test_gml_topojson_and_esri_json_are_named_with_the_way_out(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    name: str, text: str, kind: str,
) -> None:  # fmt: skip
    (tmp_path / name).write_text(text, "utf-8")
    args = ["--project", str(project.path), "map", "--import", str(tmp_path / name)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Fehler: Datei {name}: {kind}") and "GeoPackage" in err
    assert not geo.boundaries_path(project.path).exists()


def test_a_folder_is_read_for_geopackages_and_kml(tmp_path: Path) -> None:
    stadtteile(tmp_path / "Stadtteile.gpkg")
    (tmp_path / "steinbuechel.kml").write_text(my_maps_kml(), "utf-8")
    (tmp_path / "liesmich.txt").write_text("Quelle: Geoportal", "utf-8")
    features = geo.read_files([tmp_path])
    assert sorted({f.filename for f in features}) == ["Stadtteile.gpkg", "steinbuechel.kml"]
    with pytest.raises(geo.WorkbenchError, match="--layer wählt die Ebene eines GeoPackage"):
        geo.read_files([tmp_path / "steinbuechel.kml"], layer="Stadtteile")


def test_a_zipped_download_of_geojson_or_geopackage_is_read(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Portals zip every download: GeoJSON with its licence, a GeoPackage saved in WAL mode."""
    gpkg = stadtteile(tmp_path / "Stadtteile.gpkg")
    con = sqlite3.connect(gpkg)  # as QGIS leaves a GeoPackage it edited
    con.execute("PRAGMA journal_mode = WAL")
    con.close()
    assert gpkg.read_bytes()[18:20] == b"\x02\x02"
    area = {"type": "Polygon", "coordinates": [[list(p) for p in MANFORT]]}
    feature = {"type": "Feature", "properties": {"STT_NAME": "Wiesdorf"}, "geometry": area}
    text = json.dumps({"type": "FeatureCollection", "features": [feature]})
    downloads = {
        "geojson.zip": {"Stadtteile/Stadtteile.geojson": text.encode(), "Lizenz.txt": b"dl-de",
                        "Stadtteile/metadata.json": b'{"title": "Stadtteile"}',
                        "__MACOSX/Stadtteile/._Stadtteile.geojson": b"\0junk"},
        "gpkg.zip": {"Stadtteile.gpkg": gpkg.read_bytes()},
    }  # fmt: skip
    expected = {"geojson.zip": ["Wiesdorf"], "gpkg.zip": ["Manfort", "Opladen"]}
    for name, members in downloads.items():
        with zipfile.ZipFile(tmp_path / name, "w") as z:
            for member, data in members.items():
                z.writestr(member, data)
        args = ["--project", str(project.path), "map", "--import", str(tmp_path / name)]
        assert main([*args, "--name-property", "STT_NAME"]) == 0, capsys.readouterr().err
        capsys.readouterr()
        assert sorted(geo.boundaries(project) or {}) == expected[name]
    (feature, *_) = geo.read_files([tmp_path / "gpkg.zip"])
    assert feature.filename == "gpkg.zip" and feature.properties["STT_NAME"] == "Manfort"


def test_one_of_several_shapefiles_in_a_zip_is_chosen_with_layer(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Open data ZIPs hold several levels (Stadtbezirke, Stadtteile) as shapefiles."""
    bezirke = write_shapefile(tmp_path / "Stadtbezirke", [({"NAME": "Opladen"}, [OPLADEN[::-1]])])
    teile = write_shapefile(tmp_path / "Stadtteile", [({"NAME": "Manfort"}, [MANFORT[::-1]])])
    archive = tmp_path / "Verwaltungsgrenzen.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for part in [*tmp_path.glob("Stadtbezirke.*"), *tmp_path.glob("Stadtteile.*")]:
            z.write(part, f"Verwaltungsgrenzen/{part.name}")
    assert bezirke.exists() and teile.exists()
    base = ["--project", str(project.path), "map", "--import", str(archive)]
    assert main([*base, "--name-property", "NAME"]) == 2
    err = capsys.readouterr().err
    assert "mehrere Shapefiles (Stadtbezirke, Stadtteile). Bitte mit --layer NAME" in err
    assert main([*base, "--name-property", "NAME", "--layer", "stadtteile"]) == 0
    capsys.readouterr()
    assert sorted(geo.boundaries(project) or {}) == ["Manfort"]
    assert main([*base, "--name-property", "NAME", "--layer", "Ortsteile"]) == 2
    assert "keines heißt „Ortsteile“" in capsys.readouterr().err


def test_areas_collapsed_to_a_line_or_a_spot_are_not_reported_as_boundaries(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A district whose area collapsed in an export was reported 'Grenze hinterlegt' and
    drawn as nothing (a spot) or a line; a self-intersecting area is still drawn."""

    def feature(name: str, ring: list[list[float]]) -> dict:
        geometry = {"type": "Polygon", "coordinates": [ring]}
        return {"type": "Feature", "properties": {"name": name}, "geometry": geometry}

    bowtie = [[7.0, 51.0], [7.02, 51.02], [7.02, 51.0], [7.0, 51.02], [7.0, 51.0]]
    spot = [[7.05, 51.0]] * 4
    line = [[7.1, 51.0], [7.12, 51.0], [7.14, 51.0], [7.1, 51.0]]
    path = tmp_path / "grenzen.geojson"
    features = [feature("Manfort", bowtie), feature("Opladen", spot), feature("Wiesdorf", line)]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    base = ["--project", str(project.path), "map", "--name-property", "name", "--import"]
    assert main([*base, str(path)]) == 0
    out = capsys.readouterr().out
    assert "Ohne Grenze (auf den Karten nicht eingezeichnet" in out
    assert "Alkenrath, Opladen, Steinbüchel, Wiesdorf" in out
    assert sorted(geo.boundaries(project) or {}) == ["Manfort"]
    features = [feature("Opladen", spot), feature("Wiesdorf", line)]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    assert main([*base, str(path)]) == 2
    assert "nur Flächen ohne Ausdehnung" in capsys.readouterr().err


def test_a_zipped_geopackage_is_read_with_the_log_zipped_beside_it(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Zipped while QGIS had it open, the last saved edits are in Stadtteile.gpkg-wal in the
    # same archive; the import read the .gpkg alone and the renamed area was missing.
    path = stadtteile(tmp_path / "Stadtteile.gpkg")
    qgis = sqlite3.connect(path)
    qgis.execute("PRAGMA journal_mode = WAL")
    qgis.execute("PRAGMA wal_autocheckpoint = 0")
    qgis.execute("UPDATE Stadtteile SET STT_NAME = 'Alkenrath' WHERE STT_NAME = 'Bürrig'")
    qgis.commit()
    try:
        archive = tmp_path / "Stadtteile.zip"
        with zipfile.ZipFile(archive, "w") as z:
            for part in ("Stadtteile.gpkg", "Stadtteile.gpkg-wal"):
                z.writestr(f"Grenzen/{part}", (tmp_path / part).read_bytes())
    finally:
        qgis.close()
    base = ["--project", str(project.path), "map", "--import", str(archive)]
    assert main([*base, "--name-property", "STT_NAME"]) == 0, capsys.readouterr().err
    assert sorted(geo.boundaries(project) or {}) == ["Alkenrath", "Manfort", "Opladen"]
