"""District boundaries (GeoJSON import, matching, storage) and the SVG maps drawn from them."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import pytest

import workbench.synthesis.geo
import workbench.synthesis.map_svg
from widgets.profile_view_html import city_parts
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.synthesis import geo
from workbench.synthesis.indicators import compare_to_city, import_indicators, indicators
from workbench.synthesis.map_layout import INDEX_SCALE, layout_map
from workbench.synthesis.map_svg import indicator_maps, map_figure
from workbench.synthesis.profiles import build_profiles
from workbench.synthesis.reports import write_report

from .conftest import SHARED, need

DUISBURG = SHARED / "geo" / "duisburg-osm"
LEVERKUSEN = ["Manfort", "Alkenrath", "Wiesdorf", "Opladen", "Steinbüchel"]


def square(lon: float, lat: float, size: float = 0.01, extra: tuple = ()) -> list:
    """A closed square ring; ``extra`` values (height, measure) are appended to each position."""
    corners = [(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size)]
    return [[x, y, *extra] for x, y in [*corners, corners[0]]]


def collection(*features: tuple[str, dict]) -> dict:
    """A FeatureCollection of (name, geometry) pairs, the name in property ``name``."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"name": n}, "geometry": g} for n, g in features
        ],
    }


def write_json(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_doctests() -> None:
    assert doctest.testmod(workbench.synthesis.geo).failed == 0
    assert doctest.testmod(workbench.synthesis.map_svg).failed == 0


# -- reading and matching ------------------------------------------------------------------
def test_duisburg_files_without_properties_match_by_file_name() -> None:
    folder = need(DUISBURG, "Die Duisburger Grenzen (../shared/geo/duisburg-osm)")
    features = geo.read_files([folder])
    assert len(features) == 35  # one area per file, README.upstream.md left out
    districts = ["Gesamtstadt", "Hochfeld", "Neudorf-Süd", "Großenbaum", "Hüttenheim", "Marxloh"]
    result = geo.match_features(features, districts)
    assert sorted(result.shapes) == ["Großenbaum", "Hochfeld", "Hüttenheim", "Neudorf-Süd"]
    assert result.missing == ("Marxloh",)  # not among the files: shown schematically
    assert "000_duisburg.json" in result.unmatched  # the city outline fits no district
    for shape in result.shapes.values():
        for polygon in shape:
            for ring in polygon:
                assert ring[0] == ring[-1]
                assert all(6.5 < x < 7.0 and 51.3 < y < 51.6 for x, y in ring)


def test_file_names_from_a_mac_match_their_districts(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # one file per district, named on macOS: "ü" is "u" + combining diaeresis (NFD)
    folder = tmp_path / "grenzen"
    folder.mkdir()
    steinbuechel = "Steinbu\u0308chel"
    write_json(
        folder / f"{steinbuechel}.geojson", {"type": "Polygon", "coordinates": [square(7.0, 51.0)]}
    )
    write_json(folder / "Manfort.geojson", {"type": "Polygon", "coordinates": [square(7.1, 51.0)]})
    base = ["--project", str(project.path), "map", "--import", str(folder)]
    assert main(base) == 0
    assert sorted(geo.boundaries(project) or {}) == ["Manfort", "Steinbüchel"]
    assert "passen zu keinem Sozialraum" not in capsys.readouterr().out
    # the same in a mapping table typed on a Mac: names in either form are one name
    mapping = tmp_path / "zuordnung.csv"
    mapping.write_text(f"{steinbuechel}.geojson,{steinbuechel}\nManfort,Manfort\n", "utf-8")
    assert main([*base, "--mapping", str(mapping)]) == 0
    assert sorted(geo.boundaries(project) or {}) == ["Manfort", "Steinbüchel"]


def test_multipolygon_and_3d_4d_coordinates_become_2d(tmp_path: Path) -> None:
    data = collection(
        ("Manfort", {"type": "Polygon", "coordinates": [square(7.0, 51.0, extra=(42.0,))]}),
        (
            "Opladen",
            {
                "type": "MultiPolygon",
                "coordinates": [
                    [square(7.1, 51.0, extra=(10.0, 3.0))],
                    [square(7.2, 51.0, 0.02), square(7.205, 51.005, 0.005)],  # with a hole
                ],
            },
        ),
    )
    data["features"][0]["geometry"]["coordinates"][0].pop()  # an unclosed ring is closed
    features = geo.read_files([write_json(tmp_path / "grenzen.geojson", data)])
    result = geo.match_features(features, LEVERKUSEN, name_property="name")
    assert sorted(result.shapes) == ["Manfort", "Opladen"]
    assert len(result.shapes["Opladen"]) == 2 and len(result.shapes["Opladen"][1]) == 2
    manfort = result.shapes["Manfort"][0][0]
    assert manfort[0] == manfort[-1] == (7.0, 51.0) and len(manfort) == 5
    stored = json.loads(geo.to_geojson(result.shapes))
    positions = [
        p
        for f in stored["features"]
        for poly in f["geometry"]["coordinates"]
        for ring in poly
        for p in ring
    ]
    assert {len(p) for p in positions} == {2}
    assert [f["properties"]["district"] for f in stored["features"]] == ["Manfort", "Opladen"]


def test_projected_coordinates_without_crs_are_refused_naming_the_option() -> None:
    ring = square(356000.0, 5655000.0, 500.0)  # UTM 32N metres, no crs member
    data = collection(("Manfort", {"type": "Polygon", "coordinates": [ring]}))
    with pytest.raises(InputError) as err:
        geo.read_geojson(json.dumps(data), "utm.geojson")
    assert "--crs EPSG:25832" in str(err.value) and "utm.geojson" in str(err.value)


def test_wgs84_crs_member_is_accepted() -> None:
    data = collection(("Manfort", {"type": "Polygon", "coordinates": [square(7.0, 51.0)]}))
    data["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
    assert len(geo.read_geojson(json.dumps(data), "wgs.geojson")) == 1


def test_mapping_file_assigns_files_to_districts(tmp_path: Path) -> None:
    one = write_json(tmp_path / "a.json", {"type": "Polygon", "coordinates": [square(7, 51)]})
    two = write_json(tmp_path / "b.json", {"type": "Polygon", "coordinates": [square(7.1, 51)]})
    mapping = tmp_path / "zuordnung.csv"
    mapping.write_text("file_or_feature,district\na.json,Wiesdorf\nb,Alkenrath\n", "utf-8")
    table = geo.read_mapping(mapping.read_bytes(), mapping.name)
    # saved by Excel on Windows (cp1252): read like a table, not refused with a traceback
    umlauts = "file_or_feature,district\nsüd.json,Steinbüchel\n".encode("cp1252")
    assert geo.read_mapping(umlauts, "zuordnung.csv") == {"süd.json": "Steinbüchel"}
    result = geo.match_features(geo.read_files([one, two]), LEVERKUSEN, mapping=table)
    assert sorted(result.shapes) == ["Alkenrath", "Wiesdorf"]
    with pytest.raises(InputError, match="unbekannten Sozialraum „Rheindorf“"):
        geo.match_features(geo.read_files([one]), LEVERKUSEN, mapping={"a": "Rheindorf"})
    # the district as typed into the table by hand: case and spelled-out umlauts, as on the
    # command line (before: "unbekannter Sozialraum „steinbuechel“")
    typed = {"a": "steinbuechel", "b": "WIESDORF"}
    result = geo.match_features(geo.read_files([one, two]), LEVERKUSEN, mapping=typed)
    assert sorted(result.shapes) == ["Steinbüchel", "Wiesdorf"]
    with pytest.raises(InputError, match=r"zuordnung\.csv, Zeile 2"):
        geo.read_mapping("file_or_feature,district\na.json\n", "zuordnung.csv")


def test_a_mapping_table_from_german_excel_names_only_the_names_that_differ(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the city's file: 3 areas named in STT_NAME, two of them not as the project names them
    path = write_json(tmp_path / "stadtteile.geojson", collection(
        ("Manfort", {"type": "Polygon", "coordinates": [square(7.0, 51.0)]}),
        ("Opladen-Mitte", {"type": "Polygon", "coordinates": [square(7.1, 51.0)]}),
        ("Stbü.", {"type": "Polygon", "coordinates": [square(7.2, 51.0)]}),
        ("Hitdorf", {"type": "Polygon", "coordinates": [square(7.3, 51.0)]}),
    ))  # fmt: skip
    # saved by Excel with German settings: semicolons, Windows-1252, a header row
    mapping = tmp_path / "zuordnung.csv"
    mapping.write_bytes("Fläche;Sozialraum\r\nOpladen-Mitte;Opladen\r\nStbü.;Steinbüchel\r\n"
                        .encode("cp1252"))  # fmt: skip
    assert geo.read_mapping(mapping.read_bytes(), mapping.name) == {
        "Opladen-Mitte": "Opladen", "Stbü.": "Steinbüchel"
    }  # fmt: skip
    # a column Excel once had and that was cleared stays as ";;" in every row
    cleared = "Fläche;Sozialraum;;\r\nOpladen-Mitte;Opladen;;\r\n;;;\r\nStbü.;Steinbüchel;;\r\n"
    assert geo.read_mapping(cleared.encode("cp1252"), mapping.name) == {
        "Opladen-Mitte": "Opladen", "Stbü.": "Steinbüchel"
    }  # fmt: skip
    base = ["--project", str(project.path), "map", "--import", str(path)]
    assert main([*base, "--name-property", "name", "--mapping", str(mapping)]) == 0
    out = capsys.readouterr().out
    assert sorted(geo.boundaries(project) or {}) == ["Manfort", "Opladen", "Steinbüchel"]
    assert "1 Fläche passt zu keinem Sozialraum und wurde übergangen: Hitdorf" in out
    # without the mapping the two are named, with the option that assigns them
    assert main([*base, "--name-property", "name"]) == 0
    out = capsys.readouterr().out
    assert "3 Flächen passen zu keinem Sozialraum und wurden übergangen: Hitdorf, Op" in out
    assert out.rstrip().endswith("zuordnen mit --mapping CSV (zwei Spalten: Name der Fläche "
                                 "oder Datei, Sozialraum).")  # fmt: skip
    # a mapping alone cannot tell the areas of one file apart: the message says what can
    assert main([*base, "--mapping", str(mapping)]) == 2
    err = capsys.readouterr().err
    assert "--name-property" in err and "(vorhanden: name)" in err and "Traceback" not in err


def test_district_numbers_match_however_excel_wrote_them(tmp_path: Path) -> None:
    # the geoportal keys its areas by number ("01", or 3 as a number); the team's Excel
    # table drops leading zeros ("1") or keeps them as text ("03")
    numbered = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"STT_NR": nr},
             "geometry": {"type": "Polygon", "coordinates": [square(7.0 + n / 10, 51.0)]}}
            for n, nr in enumerate(["01", "02", 3, "4"])
        ],
    }  # fmt: skip
    features = geo.read_files([write_json(tmp_path / "stadtteile.geojson", numbered)])
    table = geo.read_mapping("Nr;Sozialraum\n1;Manfort\n2;Opladen\n03;Wiesdorf\n", "z.csv")
    result = geo.match_features(features, LEVERKUSEN, "STT_NR", table)
    assert sorted(result.shapes) == ["Manfort", "Opladen", "Wiesdorf"]
    assert result.unmatched == ("4",)


def test_a_boundaries_file_put_in_place_by_hand_is_named_with_the_remedy(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the city's own file copied to geo/districts.geojson (no "district"), or a broken copy
    target = geo.boundaries_path(project.path)
    target.parent.mkdir()
    city = collection(("Manfort", {"type": "Polygon", "coordinates": [square(7.0, 51.0)]}))
    for content in (json.dumps(city), '{"type": "FeatureCollection", "features": ['):
        target.write_text(content, "utf-8")
        for args in (["map", "--show"], ["report", "--format", "html", str(tmp_path / "b.html")]):
            assert main(["--project", str(project.path), *args]) == 2
            err = capsys.readouterr().err
            assert err.startswith(f"Fehler: Datei {target}: Die Grenzen der Sozialräume sind "
                                  "nicht lesbar (")  # fmt: skip
            assert "neu importieren mit: workbench map --import DATEI" in err
            assert "Traceback" not in err
        assert not (tmp_path / "b.html").exists()


def test_latitude_first_as_a_wfs_writes_it_is_refused_not_drawn_elsewhere(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a WFS 2.0 answer in urn:ogc:def:crs:EPSG::4326 axis order: latitude, longitude
    data = collection(
        ("Manfort", {"type": "Polygon", "coordinates": [[[y, x] for x, y in square(7.0, 51.0)]]}),
        ("Opladen", {"type": "Polygon", "coordinates": [[[y, x] for x, y in square(7.1, 51.0)]]}),
    )
    for crs in ({"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4326"}}, None):
        data["crs"] = crs
        path = write_json(tmp_path / "wfs.geojson", {k: v for k, v in data.items() if v})
        base = ["--project", str(project.path), "map", "--import", str(path)]
        assert main([*base, "--name-property", "name"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("Fehler: Datei wfs.geojson: Koordinate (51, 7) hat Breite und "
                              "Länge vertauscht")  # fmt: skip
        assert "Traceback" not in err
        assert not geo.boundaries_path(project.path).exists()
    # the same areas longitude first are fine
    for feature in data["features"]:
        ring = feature["geometry"]["coordinates"][0]
        feature["geometry"]["coordinates"] = [[[x, y] for y, x in ring]]
    path = write_json(tmp_path / "wfs.geojson", data)
    assert main([*base, "--name-property", "name"]) == 0
    assert sorted(geo.boundaries(project) or {}) == ["Manfort", "Opladen"]


def test_several_areas_in_one_file_need_a_name_property(tmp_path: Path) -> None:
    data = collection(
        ("Manfort", {"type": "Polygon", "coordinates": [square(7.0, 51.0)]}),
        ("Opladen", {"type": "Polygon", "coordinates": [square(7.1, 51.0)]}),
    )
    features = geo.read_files([write_json(tmp_path / "zwei.geojson", data)])
    with pytest.raises(InputError, match="--name-property"):
        geo.match_features(features, LEVERKUSEN)
    with pytest.raises(InputError, match=r"keine Eigenschaft „gen“\. Vorhanden: name"):
        geo.match_features(features, LEVERKUSEN, name_property="gen")


# -- the maps ------------------------------------------------------------------------------
def test_svg_has_one_titled_path_per_district_and_a_table() -> None:
    shapes = {
        "Manfort": ((tuple(map(tuple, square(7.0, 51.0))),),),
        "Opladen": ((tuple(map(tuple, square(7.02, 51.0))),),),
    }
    values = {"Manfort": 130.0, "Opladen": 85.0, "Wiesdorf": None}
    html = map_figure("test", "SGB-II-Quote (2019)", values, shapes)
    paths = re.findall(r'<path class="wb-map-area" data-district="([^"]+)" aria-label="([^"]+)"',
                       html)  # fmt: skip
    assert paths == [("Manfort", "Manfort: 130"), ("Opladen", "Opladen: 85")]
    assert html.count("<title>") == 2
    assert "schematisch" not in html
    assert "Ohne hinterlegte Grenze: Wiesdorf." in html
    # the text alternative: every district with its number and class, the extremes in words;
    # the district names the row (a screen reader says it with the number and the class)
    assert "<th scope='row'>Manfort</th><td class='num'>130</td><td>120 und mehr</td>" in html
    assert "<th scope='row'>Wiesdorf</th><td class='num'>.</td><td>keine Angabe</td>" in html
    assert "<th scope='col'>Sozialraum</th>" in html
    assert "Höchster Wert: Manfort (130); niedrigster: Opladen (85)." in html
    # the two classes drawn differ in colour, the missing one is grey in the legend
    assert 'fill="#e66101"' in html and 'fill="#b2abd2"' in html and "keine Angabe" in html


def test_a_boundary_with_a_point_every_metre_gives_a_small_page() -> None:
    """A geoportal's boundary (ALKIS: a point every metre) drawn 480 units wide: the page
    holds what a reader can see, not every point of the file, and the shape stays."""
    import math
    from itertools import pairwise

    def circle(lon: float, points: int) -> tuple:
        turns = [2 * math.pi * n / points for n in range(points)]
        ring = [(lon + 0.02 * math.cos(t), 51.0 + 0.0125 * math.sin(t)) for t in turns]
        return tuple([*ring, ring[0]])

    # two round districts, 2.8 km across, 9,000 points each; Opladen with a notch
    manfort = circle(7.0, 9000)
    opladen = list(circle(7.05, 9000))
    opladen[4500:4510] = [(7.035, 51.0)] * 10  # a notch 1 km deep on its west side
    shapes = {"Manfort": ((manfort,),), "Opladen": ((tuple(opladen),),)}
    html = map_figure("test", "SGB-II-Quote (2019)", {"Manfort": 130.0, "Opladen": 85.0}, shapes)
    assert len(html) < 30_000  # was 330,000 characters: every point of the file
    layout = layout_map({"Manfort": 1.0, "Opladen": 1.0}, shapes, INDEX_SCALE)
    (ring,) = layout.areas[0].rings
    assert 40 < len(ring) < 400
    # still a circle: its area within 1 % of the ellipse through its extremes
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    area = abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(ring))) / 2
    assert area == pytest.approx(math.pi * width * height / 4, rel=0.01)
    # the notch (a spike about 25 units deep) is kept: its tip is drawn
    (notched,) = layout.areas[1].rings
    middle = min(ys) + height / 2
    west = min(x for x, _ in notched)
    assert any(west + 20 < x < west + 30 and abs(y - middle) < 0.5 for x, y in notched)


def test_a_study_of_one_district_has_no_highest_and_lowest_value() -> None:
    shapes = {"Manfort": ((tuple(map(tuple, square(7.0, 51.0))),),)}
    for boundaries in (shapes, None):
        html = map_figure("eins", "SGB-II-Quote (2019)", {"Manfort": 130.0}, boundaries)
        sentence = re.search(r"<p class='wb-map-text'>([^<]*)</p>", html).group(1)
        assert sentence.startswith("Wert nur für Manfort (130).")
        assert "Höchster" not in sentence and "niedrigster" not in sentence


def test_without_boundaries_the_tile_map_says_schematisch() -> None:
    values = {"Manfort": 0.25, "Opladen": 0.05, "Wiesdorf": 0.0}
    html = map_figure("anteil", "Anteil Bedarf Treffpunkte", values, None, percent=True)
    assert "<figcaption>Anteil Bedarf Treffpunkte (schematisch)</figcaption>" in html
    assert 'data-schematic="true"' in html
    assert html.count('class="wb-map-area"') == 3
    assert "Manfort: 25,0 %" in html
    assert "Schematische Darstellung" in html


def test_the_schematic_maps_text_names_no_command() -> None:
    """Residents read this text under the map (profile app, site) and hear it as its
    alternative text: it says what the squares are, not how the team imports borders."""
    values = {"Manfort": 0.25, "Opladen": 0.05}
    html = map_figure("anteil", "Anteil Bedarf Treffpunkte", values, None, percent=True)
    sentence = re.search(r"<p class='wb-map-text'>([^<]*)</p>", html).group(1)
    assert sentence.endswith(
        "Schematische Darstellung: ein Quadrat je Sozialraum, nicht ihre Lage."
    )
    assert "workbench" not in html and "DATEI" not in html


def test_indicator_maps_take_each_indicators_latest_comparable_year() -> None:
    import pandas as pd

    rows = [
        ("Gesamtstadt", "Quote", 2019, 10.0),
        ("Gesamtstadt", "Quote", 2021, 20.0),
        ("Manfort", "Quote", 2019, 5.0),
        ("Manfort", "Quote", 2021, 30.0),
    ]
    table = pd.DataFrame(
        [
            {
                "district": d,
                "indicator": i,
                "year": y,
                "value": v,
                "unit": "%",
                "source": "Test",
                "illustrative": False,
            }
            for d, i, y, v in rows
        ]
    )
    (only,) = indicator_maps(compare_to_city(table), ["Manfort", "Opladen"])
    assert only.title.startswith("Quote (2021)")
    assert only.values == {"Manfort": 150.0, "Opladen": None}


# -- the command and the report ------------------------------------------------------------
def test_map_command_stores_boundaries_and_the_report_draws_them(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = collection(
        ("Manfort", {"type": "Polygon", "coordinates": [square(7.0, 51.0)]}),
        ("Opladen", {"type": "Polygon", "coordinates": [square(7.02, 51.0)]}),
        ("Köln", {"type": "Polygon", "coordinates": [square(6.9, 50.9)]}),
    )
    source = write_json(tmp_path / "grenzen.geojson", data)
    where = ["--project", str(project.path)]
    assert main([*where, "map", "--import", str(source), "--name-property", "name"]) == 0
    out = capsys.readouterr().out
    assert "Grenzen von 2 Sozialräumen" in out and "übergangen: Köln" in out
    assert sorted(geo.boundaries(project)) == ["Manfort", "Opladen"]
    assert main([*where, "map", "--show"]) == 0
    assert "Wiesdorf: keine Grenze" in capsys.readouterr().out

    values = tmp_path / "werte.csv"
    values.write_text(
        "district,indicator,year,value,unit,source,illustrative\n"
        "Gesamtstadt,SGB-II-Quote,2019,10,%,Test,true\n"
        "Manfort,SGB-II-Quote,2019,13,%,Test,true\n"
        "Opladen,SGB-II-Quote,2019,8,%,Test,true\n",
        "utf-8",
    )
    import_indicators(project, values)
    assert len(indicators(project)) == 3
    report = write_report(project, tmp_path / "bericht.html").read_text("utf-8")
    section = report[report.index('id="sec-karte"') :]
    assert 'data-map="indikator-1"' in section and 'data-schematic="false"' in section
    assert 'aria-label="Manfort: 130"' in section and 'aria-label="Opladen: 80"' in section
    # the profile app's overview draws the same map from the stored boundaries
    overview = city_parts(build_profiles(project), geo.boundaries(project)).sections[2]
    assert "<h3>Karten</h3>" in overview and 'data-schematic="false"' in overview
    assert overview.count('class="wb-map-area"') == 2
    assert "schematisch" in city_parts(build_profiles(project)).sections[2]


def test_map_command_bad_input_exits_2_in_german_and_writes_nothing(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # UTM metres without a crs member: refused, naming the option that says which CRS
    utm = collection(("Manfort", {"type": "Polygon", "coordinates": [square(356e3, 5655e3, 500)]}))
    broken = tmp_path / "kaputt.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', "utf-8")
    mapping = tmp_path / "zuordnung.csv"
    mapping.write_text("utm.geojson,Rheindorf\n", "utf-8")
    cases = [
        (["--import", str(write_json(tmp_path / "utm.geojson", utm))], "--crs EPSG:25832"),
        (["--import", str(broken)], "kein gültiges GeoJSON"),
        (["--import", str(tmp_path / "fehlt.geojson")], "gibt es nicht"),
        (
            ["--import", str(tmp_path / "utm.geojson"), "--mapping", str(mapping)],
            "--crs EPSG:25832",
        ),
        (["--show", "--name-property", "name"], "gehören zu --import"),
    ]
    for args, message in cases:
        assert main(["--project", str(project.path), "map", *args]) == 2
        err = capsys.readouterr().err
        assert err.startswith("Fehler: ") and message in err and "Traceback" not in err
    assert not geo.boundaries_path(project.path).exists()


def test_geoportal_file_with_a_null_geometry_and_a_nameless_area(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # RFC 7946 allows "geometry": null; a Windows-1252 export spells Steinbüchel in one byte
    data = collection(
        ("Manfort", {"type": "Polygon", "coordinates": [square(7.0, 51.0)]}),
        ("Opladen", None),
        ("Steinbüchel", {"type": "Polygon", "coordinates": [square(7.1, 51.0)]}),
    )
    path = tmp_path / "stadtteile.geojson"
    path.write_bytes(json.dumps(data, ensure_ascii=False).encode("cp1252"))
    base = ["--project", str(project.path), "map", "--import"]
    assert main([*base, str(path), "--name-property", "name"]) == 0
    out = capsys.readouterr().out
    assert "Grenzen von 2 Sozialräumen" in out
    shapes = geo.boundaries(project) or {}
    assert sorted(shapes) == ["Manfort", "Steinbüchel"]
    # Opladen is left off the maps (only a map without any boundary is schematic), and
    # the import says so rather than promising a schematic square
    drawn = layout_map({"Manfort": 1.0, "Opladen": 2.0, "Steinbüchel": 3.0}, shapes, INDEX_SCALE)
    assert not drawn.schematic and [a.district for a in drawn.areas] == ["Manfort", "Steinbüchel"]
    assert "schematisch" not in out
    assert "Ohne Grenze (auf den Karten nicht eingezeichnet, ihre Werte stehen in der " in out
    assert out.rstrip().endswith("Tabelle unter jeder Karte): Alkenrath, Opladen, Wiesdorf")
    # a property that is there but empty is named as such, not as missing
    data["features"][1] = {
        "type": "Feature",
        "properties": {"name": None},
        "geometry": {"type": "Polygon", "coordinates": [square(7.2, 51.0)]},
    }
    write_json(path, data)
    assert main([*base, str(path), "--name-property", "name"]) == 2
    err = capsys.readouterr().err
    assert "Objekt 2 hat keinen Wert in der Eigenschaft „name“" in err


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("stadtteile.gml", b'<?xml version="1.0"?><gml:FeatureCollection/>', "GML"),
        ("stadtteile.fgb", b"fgb\x03fgb\x00", "FlatGeobuf"),
        ("stadtteile.csv", b"name;WKT\nManfort;POLYGON((7 51,7.1 51,7 51.1,7 51))\n", "CSV"),
    ],
)
def test_formats_that_need_gdal_are_refused_by_name(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
    data: bytes, kind: str,
) -> None:  # fmt: skip
    (tmp_path / name).write_bytes(data)
    args = ["--project", str(project.path), "map", "--import", str(tmp_path / name)]
    assert main([*args, "--name-property", "name"]) == 2
    err = capsys.readouterr().err
    assert kind in err and "liest die Werkbank nicht" in err and "GeoJSON" in err
    assert "Error" not in err and "Traceback" not in err
    assert not geo.boundaries_path(project.path).exists()
