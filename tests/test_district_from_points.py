"""A table row's district from its map pin, when the table names no district.

Participation platforms and data collection forms (DIPAS, Consul, Decidim, KoBoToolbox,
ODK, Qualtrics, Ushahidi) give a contribution a point on a map but often no district.
Before, such statements were all city-wide, even with the district boundaries in the
project (``workbench map --import``); now the district whose area holds the point is the
statement's. The coordinates are still never stored.

The boundaries: Manfort a square with a hole, Wiesdorf an enclave in that hole, Opladen
the square beside Manfort.
"""

from __future__ import annotations

import csv
import doctest
import json
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.synthesis import geo

CITYWIDE = "Gesamtstadt"


def _square(west: float, south: float, east: float, north: float) -> list:
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


MANFORT = [_square(7.0, 51.0, 7.1, 51.1), _square(7.03, 51.03, 7.07, 51.07)]  # with a hole
WIESDORF = [_square(7.04, 51.04, 7.06, 51.06)]  # an enclave in Manfort's hole
OPLADEN = [_square(7.1, 51.0, 7.2, 51.1)]
# (lon, lat) of five contributions, their text and the district their point is in
POINTS = [
    ((7.0123, 51.0123), "Mehr Bänke am Rheinufer", "Manfort"),
    ((7.1512, 51.0512), "Bessere Busverbindung zum Bahnhof", "Opladen"),
    ((7.0333, 51.0333), "Ein Jugendtreff fehlt", CITYWIDE),  # in Manfort's hole
    ((7.0512, 51.0512), "Der Spielplatz muss saniert werden", "Wiesdorf"),  # the enclave
    ((6.9512, 50.9512), "Ein Radweg nach Köln", CITYWIDE),  # outside every area
]
TEXTS = [text for _, text, _ in POINTS]
EXPECTED = {text: district for _, text, district in POINTS}
# every coordinate as a platform may write it: none of them may be stored
SECRETS = [f"{v:.4f}" for (lon, lat), _, _ in POINTS for v in (lon, lat)]
SECRETS += [s.replace(".", ",") for s in SECRETS]
LEFT = "2 Zeilen außerhalb aller Sozialräume (ohne Sozialraum)"


def _feature(name: str, polygon: list) -> dict:
    geometry = {"type": "Polygon", "coordinates": polygon}
    return {"type": "Feature", "properties": {"name": name}, "geometry": geometry}


def _map(project: Project, tmp_path: Path, enclave: bool = True) -> None:
    """Import the boundaries as ``workbench map --import`` does."""
    features = [_feature("Manfort", MANFORT), _feature("Opladen", OPLADEN)]
    features += [_feature("Wiesdorf", WIESDORF)] if enclave else []
    path = tmp_path / "grenzen.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    geo.import_boundaries(project, [path], name_property="name")


def _csv(path: Path, rows: list[list], delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return path


def _import(project: Project, path: Path, *options: str) -> int:
    return main(["--project", str(project.path), "import", str(path), *options])


def _districts(project: Project, document: str | None = None) -> dict[str, str]:
    """Statement text → district (of one document)."""
    segments = project.segments()
    if document is not None:
        segments = segments[segments["document"] == document]
    return dict(zip(segments["text"], segments["district"], strict=True))


def _no_coordinates(project: Project) -> None:
    stored = stored_text(project)
    for secret in SECRETS:
        assert secret not in stored, secret
    assert "MultiPolygon" not in stored and '"areas"' not in stored  # nor the boundaries


@pytest.mark.parametrize(
    ("lat", "lon", "suffix"),
    [
        ("lat", "lon", ".csv"),
        ("latitude", "longitude", ".csv"),  # Consul, Go Vocal
        ("LocationLatitude", "LocationLongitude", ".csv"),  # Qualtrics
        ("_standort_latitude", "_standort_longitude", ".csv"),  # KoBoToolbox
        ("standort-Latitude", "standort-Longitude", ".csv"),  # ODK Central
        ("Location.lat", "Location.lng", ".csv"),  # Ushahidi-like: was stored before
        ("Breitengrad", "Längengrad", ".csv;"),  # German Excel CSV: decimal comma
        ("lat", "lng", ".xlsx"),  # numbers, not text
        ("Location (Latitude)", "Location (Longitude)", ".xlsx"),  # meinBerlin, adhocracy+
        ("Standort (Breitengrad)", "Standort (Längengrad)", ".csv"),  # … in German
    ],
)
def test_latitude_and_longitude_columns_give_the_district(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], lat: str, lon: str,
    suffix: str,
) -> None:  # fmt: skip
    _map(project, tmp_path)
    rows = [[text, lon_, lat_] for (lon_, lat_), text, _ in POINTS]  # longitude first
    path = tmp_path / f"beitraege{suffix.rstrip(';')}"
    if suffix == ".xlsx":
        pd.DataFrame(rows, columns=["Beitrag", lon, lat]).to_excel(path, index=False)
    elif suffix == ".csv;":
        german = [[t, str(x).replace(".", ","), str(y).replace(".", ",")] for t, x, y in rows]
        _csv(path, [["Beitrag", lon, lat], *german], delimiter=";")
    else:
        _csv(path, [["Beitrag", lon, lat], *rows])
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert (
        f"Sozialraum aus den Koordinaten bestimmt (Spalten '{lat}', '{lon}'): 3 Zeilen; "
        f"{LEFT}. Die Koordinaten werden nicht gespeichert." in out
    )
    assert _districts(project) == EXPECTED
    _no_coordinates(project)


@pytest.mark.parametrize("split", [False, True], ids=["geopoint", "geopoint-and-split"])
def test_a_kobo_or_odk_geopoint_is_latitude_first(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], split: bool
) -> None:
    """ODK's and KoBoToolbox's geopoint: "lat lon altitude accuracy"; KoBo's CSV export
    has its latitude and longitude beside it (the same point: both are read)."""
    _map(project, tmp_path)
    header = ["start", "group_wohnen/fehlt", "standort"]
    header += ["_standort_latitude", "_standort_longitude"] if split else []
    rows = [
        ["2021-03-12T10:02:11", text, f"{lat} {lon} 52.1 4.5"] + ([lat, lon] if split else [])
        for (lon, lat), text, _ in POINTS
    ]
    path = _csv(tmp_path / "kobo.csv", [header, *rows], delimiter=";")
    assert _import(project, path, "--text-column", "group_wohnen/fehlt") == 0
    out = capsys.readouterr().out
    assert "Sozialraum aus den Koordinaten bestimmt (" in out
    assert "Spalte 'standort': Geopunkt, Breite, Länge" in out
    assert ("Spalten '_standort_latitude', '_standort_longitude'" in out) is split
    assert _districts(project) == EXPECTED
    _no_coordinates(project)


def test_a_wkt_point_is_longitude_first_and_its_column_no_district_column(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A column "Ort" (a district column's header) holding WKT points is read as points,
    not reported as a district column naming unknown districts."""
    _map(project, tmp_path)
    forms = ["POINT({} {})", "POINT ({} {})", "SRID=4326;POINT({} {})", "POINT Z ({} {} 52)"]
    rows = [
        [text, forms[n % len(forms)].format(lon, lat)]
        for n, ((lon, lat), text, _) in enumerate(POINTS)
    ]
    path = _csv(tmp_path / "wkt.csv", [["Beschreibung", "Ort"], *rows])
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "(Spalte 'Ort': WKT POINT, Länge, Breite): 3 Zeilen;" in out
    assert "keine Sozialräume" not in out and "--district-column 'Ort'" not in out
    assert _districts(project) == EXPECTED
    _no_coordinates(project)


def _dipas(tmp_path: Path) -> tuple[Path, list[str]]:
    """A GeoJSON FeatureCollection of contributions (DIPAS): lon, lat."""
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"id": f"c{n}", "category": "Verkehr", "description": text},
        }
        for n, ((lon, lat), text, _) in enumerate(POINTS)
    ]
    path = tmp_path / "dipas.json"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return path, []  # a feature's properties are its columns: "description" is the text


def _kobo(tmp_path: Path) -> tuple[Path, list[str]]:
    """KoBoToolbox's JSON API: the geopoint and ``_geolocation`` [lat, lon]."""
    results = [
        {"_id": n, "fehlt": text, "standort": f"{lat} {lon} 52 4.5", "_geolocation": [lat, lon]}
        for n, ((lon, lat), text, _) in enumerate(POINTS)
    ]
    path = tmp_path / "kobo.json"
    path.write_text(json.dumps({"count": len(results), "results": results}), "utf-8")
    return path, ["--text-column", "fehlt"]


def _nested(tmp_path: Path) -> tuple[Path, list[str]]:
    """A platform's JSON with ``location: {lat, lng}`` (Ushahidi, Go Vocal-like)."""
    data = [
        {"id": n, "body": text, "location": {"lat": lat, "lng": lon, "name": "Karte"}}
        for n, ((lon, lat), text, _) in enumerate(POINTS)
    ]
    path = tmp_path / "ideen.json"
    path.write_text(json.dumps({"data": data}), "utf-8")
    return path, []


@pytest.mark.parametrize("export", [_dipas, _kobo, _nested], ids=["geojson", "kobo", "nested"])
def test_a_json_export_gives_the_district(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], export
) -> None:
    _map(project, tmp_path)
    path, options = export(tmp_path)
    assert _import(project, path, *options) == 0
    out = capsys.readouterr().out
    assert f"3 Zeilen; {LEFT}. Die Koordinaten werden nicht gespeichert." in out
    assert _districts(project) == EXPECTED
    _no_coordinates(project)  # KoBo's _geolocation and "location/lat" were stored before


def test_a_geojson_file_of_contributions_imports_and_one_of_boundaries_says_where_to(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """DIPAS saves its contributions as ``.geojson``: "Dateityp '.geojson' wird nicht
    unterstützt" before. A file of areas only is the boundaries, not contributions."""
    _map(project, tmp_path)
    folder = tmp_path / "dipas"
    folder.mkdir()
    source, _ = _dipas(tmp_path)
    path = source.rename(folder / "beitraege.geojson")
    (tmp_path / "grenzen.geojson").rename(folder / "bezirke.geojson")
    capsys.readouterr()
    assert _import(project, folder / "bezirke.geojson") == 2
    err = capsys.readouterr().err
    assert "bezirke.geojson: Die Datei enthält nur Flächen (GeoJSON-Polygone)" in err
    assert "workbench map --import DATEI --name-property NAME" in err
    assert "Traceback" not in err and project.segments().empty
    assert _import(project, folder) == 0  # the boundaries beside it: left out, said so
    out = capsys.readouterr().out
    assert "beitraege.geojson: 5 Aussagen importiert" in out
    assert "Grenzen (nur Flächen, keine Beiträge) nicht importiert: bezirke.geojson" in out
    assert _districts(project) == EXPECTED
    assert path.name in set(project.segments()["document"])
    _no_coordinates(project)


def test_points_in_metres_are_named_as_such_not_as_invalid(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A GeoJSON export in UTM (EPSG:25832, as Hamburg's DIPAS and many geoportals write
    it) was only "mit ungültigen Koordinaten": now the notice says why and what to do."""
    _map(project, tmp_path)
    metres = [[356000.12, 5655000.5], [357100.0, 5656200.25]]  # near Leverkusen, in UTM 32
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": xy},
            "properties": {"description": text},
        }
        for xy, text in zip(metres, TEXTS, strict=False)
    ]
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}
    path = tmp_path / "dipas_utm.geojson"
    data = {"type": "FeatureCollection", "crs": crs, "features": features}
    path.write_text(json.dumps(data), "utf-8")
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "0 Zeilen; 2 Zeilen mit Koordinaten in Metern statt Grad (ohne Sozialraum)" in out
    assert "ungültig" not in out
    assert "mit Länge und Breite in WGS84 (EPSG:4326) exportiert, ergibt sich der" in out
    assert set(_districts(project).values()) == {CITYWIDE}
    stored = stored_text(project)
    assert "356000" not in stored and "5655000" not in stored


def test_a_geojson_point_in_a_cell_gives_the_district_and_is_never_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """adhocracy4 exports a map idea's "Point" as GeoJSON in one cell: it was stored in
    clear as an attribute, and the district it gives was lost."""
    pins = [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": xy}}
        if n % 2
        else {"type": "Point", "coordinates": xy}
        for n, (xy, _, _) in enumerate(POINTS)
    ]
    rows = [[text, json.dumps(pin)] for (_, text, _), pin in zip(POINTS, pins, strict=True)]
    path = tmp_path / "mapideas.xlsx"
    pd.DataFrame(rows, columns=["Description", "Point"]).to_excel(path, index=False)
    capsys.readouterr()
    bare = Project.create(tmp_path / "ohne", districts=["Manfort", "Opladen", "Wiesdorf"])
    assert main(["--project", str(bare.path), "import", str(path)]) == 0  # no boundaries
    assert "Spalte 'Point': Koordinaten, nicht gespeichert." in capsys.readouterr().out
    _no_coordinates(bare)
    bare.close()
    _map(project, tmp_path)
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert f"(Spalte 'Point': GeoJSON-Punkt, Länge, Breite): 3 Zeilen; {LEFT}." in out
    assert _districts(project) == EXPECTED
    _no_coordinates(project)


def test_a_point_in_a_hole_is_not_in_the_district_around_it(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _map(project, tmp_path, enclave=False)  # Manfort's hole belongs to no district
    path = _csv(tmp_path / "loch.csv", [["Beitrag", "lat", "lon"], *[
        [text, lat, lon] for (lon, lat), text, _ in POINTS[2:4]
    ]])  # fmt: skip
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "(Spalten 'lat', 'lon'): 0 Zeilen; 2 Zeilen außerhalb aller Sozialräume" in out
    assert set(_districts(project).values()) == {CITYWIDE}
    from workbench.ingest.table_points import contains

    assert contains([MANFORT], 7.0123, 51.0123) and not contains([MANFORT], 7.0512, 51.0512)


def test_outside_every_area_unknown_and_overlapping_areas_give_no_district(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The stored boundaries may hold an area of a district the project does not know: it
    is none (the import is not refused for an unknown district); a point in two areas is
    in neither (not guessed)."""
    shapes = {
        "Manfort": (MANFORT,),
        "Köln": ([_square(6.9, 50.9, 7.0, 51.0)],),  # holds the "outside" point
        "Alkenrath": ([_square(7.15, 51.05, 7.25, 51.1)],),  # overlaps Opladen's corner
        "Opladen": (OPLADEN,),
    }
    target = geo.boundaries_path(project.path)
    target.parent.mkdir()
    target.write_bytes(geo.to_geojson(shapes))
    rows = [[text, lat, lon] for (lon, lat), text, _ in POINTS]
    path = _csv(tmp_path / "beitraege.csv", [["Beitrag", "lat", "lon"], *rows])
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert (
        "(Spalten 'lat', 'lon'): 1 Zeile; 3 Zeilen außerhalb aller Sozialräume; 1 Zeile in "
        "mehreren Sozialräumen zugleich (Grenzen überlappen) (ohne Sozialraum)." in out
    )
    assert _districts(project) == {text: "Manfort" if n == 0 else CITYWIDE
                                   for n, text in enumerate(TEXTS)}  # fmt: skip
    assert "Köln" not in set(project.districts()["district"])


def test_garbage_coordinates_give_no_district_and_no_error(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _map(project, tmp_path)
    cells = [
        ("51.0123", "7.0123"),  # Manfort
        ("abc", "7.0123"),
        ("95.5", "7.0123"),  # no latitude
        ("51.0123", "200.5"),  # no longitude
        ("51.0123", ""),  # half a point
        ("NaN", "inf"),
        ("51.0123 7.0123", "7.0123"),
        ("51°00'44\"N", "7°00'44\"E"),  # degrees, minutes, seconds: not read
        ("", ""),  # no point
    ]
    rows = [[f"Beitrag Nummer {n}", lat, lon] for n, (lat, lon) in enumerate(cells)]
    path = _csv(tmp_path / "kaputt.csv", [["Beitrag", "lat", "lon"], *rows])
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert (
        "(Spalten 'lat', 'lon'): 1 Zeile; 7 Zeilen mit ungültigen Koordinaten; 1 Zeile ohne "
        "Koordinaten (ohne Sozialraum)." in out
    )
    districts = _districts(project)
    assert len(districts) == 9 and districts.pop("Beitrag Nummer 0") == "Manfort"
    assert set(districts.values()) == {CITYWIDE}

    geopoints = ["51.0123 7.0123 52 4.5", "95.0123 7.0123 0 0", "51.0123", "POINT(7.0 51.0)"]
    rows = [[f"Antwort {n}", cell] for n, cell in enumerate(geopoints)]
    path = _csv(tmp_path / "geopunkte.csv", [["fehlt", "standort"], *rows])
    assert _import(project, path, "--text-column", "fehlt") == 0
    assert "1 Zeile; 3 Zeilen mit ungültigen Koordinaten (ohne" in capsys.readouterr().out
    assert _districts(project, "geopunkte.csv")["Antwort 0"] == "Manfort"


def test_coordinates_in_no_known_order_or_disagreeing_give_no_district(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing is guessed: "51.0123, 7.0123" may be either order; two points per row
    that differ (where the contribution is, where its author lives) are neither."""
    _map(project, tmp_path)
    rows = [[text, f"{lat}, {lon}"] for (lon, lat), text, _ in POINTS]
    path = _csv(tmp_path / "paare.csv", [["Beitrag", "Koordinaten"], *rows])
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "Spalte 'Koordinaten': Zahlenpaare ohne erkennbare Reihenfolge" in out
    header = ["Beitrag", "ort_lat", "ort_lon", "wohnort_lat", "wohnort_lon"]
    rows = [[text, lat, lon, 51.0123, 7.0123] for (lon, lat), text, _ in POINTS]
    path = _csv(tmp_path / "zwei.csv", [header, *rows])
    assert _import(project, path, "--allow-duplicates") == 0  # the same texts, row by row
    out = capsys.readouterr().out
    assert "Koordinaten, die einander widersprechen oder unvollständig sind" in out
    assert set(_districts(project).values()) == {CITYWIDE}
    _no_coordinates(project)


@pytest.mark.parametrize(
    "given",
    [("--district-column", "Gruppe"), ("Stadtteil",), ("--district", "Opladen")],
    ids=["district-column", "detected-column", "district"],
)
def test_a_district_column_or_the_files_district_wins(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], given: tuple
) -> None:
    _map(project, tmp_path)
    rows = [[text, lat, lon] for (lon, lat), text, _ in POINTS]
    path = _csv(tmp_path / "karte.csv", [["Beitrag", "lat", "lon"], *rows])
    assert _import(project, path) == 0  # the points: before, every statement city-wide
    assert _districts(project, "karte.csv") == EXPECTED
    column, options = (given[0], []) if len(given) == 1 else ("Gruppe", list(given))
    rows = [[f"{text} (2)", lat, lon, "Opladen"] for (lon, lat), text, _ in POINTS]
    path = _csv(tmp_path / "gruppen.csv", [["Beitrag", "lat", "lon", column], *rows])
    capsys.readouterr()
    assert _import(project, path, *options) == 0
    out = capsys.readouterr().out
    assert "aus den Koordinaten" not in out
    assert set(_districts(project, "gruppen.csv").values()) == {"Opladen"}
    _no_coordinates(project)


def test_a_point_gives_the_district_where_the_district_column_is_empty(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Decidim's scope is optional: a proposal without one but with a map pin was city-wide,
    although the project's boundaries say where it is. The scope still wins where given."""
    _map(project, tmp_path)
    header = ["body/de", "scope/name/de", "latitude", "longitude"]
    rows = [[text, "", lat, lon] for (lon, lat), text, _ in POINTS]
    rows[1][1] = "Manfort"  # a scope where the pin says Opladen: the scope wins
    rows.append(["Ein Café für alle fehlt", "", "", ""])  # neither: city-wide
    rows.append(["Mehr Licht im Park", "Wiesdorf", "", ""])
    assert _import(project, _csv(tmp_path / "proposals.csv", [header, *rows])) == 0
    out = capsys.readouterr().out
    assert (
        "Sozialraum aus den Koordinaten bestimmt, wo Spalte 'scope/name/de' leer ist "
        "(Spalten 'latitude', 'longitude'): 2 Zeilen; 2 Zeilen außerhalb aller Sozialräume; "
        "1 Zeile ohne Koordinaten (ohne Sozialraum). Die Koordinaten werden nicht "
        "gespeichert." in out
    )
    assert "3 Zeilen ohne Eintrag in Spalte 'scope/name/de'" in out  # two outside, one bare
    expected = {**EXPECTED, TEXTS[1]: "Manfort", "Ein Café für alle fehlt": CITYWIDE}
    assert _districts(project) == {**expected, "Mehr Licht im Park": "Wiesdorf"}
    _no_coordinates(project)
    rows = [[f"{text} (2)", "Opladen", lat, lon] for (lon, lat), text, _ in POINTS]
    assert _import(project, _csv(tmp_path / "scoped.csv", [header, *rows])) == 0
    out = capsys.readouterr().out  # every scope given: the coordinates are only dropped
    assert "aus den Koordinaten" not in out and "latitude, longitude: genaue Standorte" in out
    assert set(_districts(project, "scoped.csv").values()) == {"Opladen"}


def test_without_boundaries_nothing_changes_but_the_import_says_how(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [[text, lat, lon] for (lon, lat), text, _ in POINTS]
    path = _csv(tmp_path / "vorher.csv", [["Beitrag", "lat", "lon"], *rows])
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert (
        "Spalten 'lat', 'lon': Koordinaten, nicht gespeichert. Mit Grenzen der Sozialräume "
        "(vor dem Import: workbench map --import DATEI) ergäbe sich daraus der Sozialraum "
        "jeder Zeile." in out
    )
    assert set(_districts(project).values()) == {CITYWIDE}
    _no_coordinates(project)
    path = _csv(tmp_path / "ohne.csv", [["Beitrag"], *[[f"{t} (ohne)"] for t in TEXTS]])
    assert _import(project, path) == 0
    assert "Koordinaten" not in capsys.readouterr().out  # no coordinates: no hint
    _map(project, tmp_path)  # what the hint says
    path = _csv(tmp_path / "nachher.csv", [["Beitrag", "lat", "lon"], *[
        [f"{text} (neu)", lat, lon] for (lon, lat), text, _ in POINTS
    ]])  # fmt: skip
    assert _import(project, path) == 0
    assert _districts(project, "nachher.csv")["Mehr Bänke am Rheinufer (neu)"] == "Manfort"


def test_the_project_reads_the_boundaries_where_map_stores_them(project: Project) -> None:
    from workbench.ingest import table_points
    from workbench.project import BOUNDARIES

    assert geo.boundaries_path(project.path) == project.path / BOUNDARIES
    assert doctest.testmod(table_points).failed == 0


def test_an_unreadable_boundaries_file_stops_only_an_import_that_needs_it(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _map(project, tmp_path)
    geo.boundaries_path(project.path).write_text('{"type": "FeatureCollection", "feat', "utf-8")
    plain = _csv(tmp_path / "karten.csv", [["Beitrag"], ["Mehr Bänke am Rheinufer"]])
    assert _import(project, plain) == 0  # no coordinates: the boundaries are not read
    pins = [["Beitrag", "lat", "lon"], [TEXTS[0], "51.0123", "7.0123"]]
    assert _import(project, _csv(tmp_path / "pins.csv", pins)) == 2
    err = capsys.readouterr().err
    assert "Die Grenzen der Sozialräume sind nicht lesbar" in err and "workbench map" in err
    assert project.segments()["text"].tolist() == ["Mehr Bänke am Rheinufer"]


@pytest.mark.parametrize("boundaries", [True, False])
def test_the_coordinate_columns_are_named_in_one_notice(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], boundaries: bool
) -> None:
    if boundaries:
        _map(project, tmp_path)
    rows = [["Beitrag", "lat", "lon"], *[[t, lat, lon] for (lon, lat), t, _ in POINTS]]
    assert _import(project, _csv(tmp_path / "pins.csv", rows)) == 0
    notices = [line for line in capsys.readouterr().out.splitlines() if "Koordinaten" in line]
    assert len(notices) == 1, notices  # not also "lat, lon: genaue Standorte … nicht übernommen"
    assert "'lat', 'lon'" in notices[0] and "nicht gespeichert" in notices[0]
