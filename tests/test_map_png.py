"""The district map as PNG (Pillow) and in the DOCX report: same layout as the SVG, alt text."""

from __future__ import annotations

import doctest
import html
import io
import itertools
import json
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest
from docx.shared import Inches
from PIL import Image

import workbench.synthesis.map_layout
from workbench import Project
from workbench.cli.main import main
from workbench.synthesis import geo, map_png
from workbench.synthesis.indicators import import_indicators
from workbench.synthesis.map_layout import INDEX_SCALE, WIDTH, layout_map, project, value_text
from workbench.synthesis.map_svg import map_svg
from workbench.synthesis.profiles import build_profiles
from workbench.synthesis.reports import write_report

from .conftest import SHARED, need

DUISBURG = SHARED / "geo" / "duisburg-osm"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
INDEX_FMT = value_text(False)


def ring(lon: float, lat: float, size: float = 0.01) -> tuple:
    """A closed square ring of (lon, lat) positions."""
    corners = [(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size)]
    return tuple([*corners, corners[0]])


# Manfort a square; Opladen a square with a hole plus a second, small square.
SHAPES = {
    "Manfort": ((ring(7.0, 51.0),),),
    "Opladen": ((ring(7.02, 51.0, 0.02), ring(7.025, 51.005, 0.01)), (ring(7.05, 51.02, 0.005),)),
}


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def inside(x: float, y: float, rings: Sequence[Sequence[tuple[float, float]]]) -> bool:
    """Even-odd point-in-polygon over all rings (ray casting)."""
    crossings = 0
    for points in rings:
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                crossings += 1
    return crossings % 2 == 1


def dominant_colour(image: Image.Image, rings: Sequence, step: int = 2) -> tuple:
    """The most common pixel colour inside the rings (drawing units; names cover a minority)."""
    xs = [x for r in rings for x, _ in r]
    ys = [y for r in rings for _, y in r]
    seen: Counter = Counter()
    for px in range(int(min(xs) * 2), int(max(xs) * 2) + 1, step):
        for py in range(int(min(ys) * 2), int(max(ys) * 2) + 1, step):
            if inside((px + 0.5) / 2, (py + 0.5) / 2, rings):
                seen[image.getpixel((px, py))] += 1
    assert seen, "no pixel inside the area"
    return seen.most_common(1)[0][0]


def open_png(data: bytes) -> Image.Image:
    assert data.startswith(PNG_SIGNATURE)
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.mode == "RGB"
    return image


def test_doctests() -> None:
    assert doctest.testmod(workbench.synthesis.map_layout).failed == 0


# -- the PNG -------------------------------------------------------------------------------
def test_png_has_the_svgs_size_classes_and_colours() -> None:
    values = {"Manfort": 130.0, "Opladen": 85.0, "Wiesdorf": None}
    data = map_png.map_png(values, SHAPES)
    image = open_png(data)
    layout = layout_map(values, SHAPES, INDEX_SCALE, INDEX_FMT)
    assert image.size == (round(WIDTH * 2), round(layout.height * 2)) == (960, image.height)
    assert image.info["dpi"] == pytest.approx((192, 192), abs=0.01)
    svg = map_svg("Test", values, SHAPES, INDEX_SCALE, INDEX_FMT)
    svg_height = float(re.search(r'viewBox="0 0 480 ([\d.]+)"', svg).group(1))
    assert image.height == round(svg_height * 2)  # the same drawing as the SVG
    polygons, _ = project(SHAPES)
    for district, expected in (("Manfort", "#e66101"), ("Opladen", "#b2abd2")):  # 120+, 80–95
        svg_fill = re.search(rf'data-district="{district}"[^>]* fill="(#\w+)"', svg).group(1)
        assert svg_fill == expected
        rings = [r for poly in polygons[district] for r in poly]
        assert dominant_colour(image, rings) == rgb(expected)
    # the hole in Opladen stays open: white inside it
    hole = polygons["Opladen"][0][1]
    cx = sum(x for x, _ in hole[:-1]) / 4
    cy = sum(y for _, y in hole[:-1]) / 4
    assert image.getpixel((round(cx * 2), round(cy * 2))) == (255, 255, 255)
    # the legend: one swatch per class in its colour (Wiesdorf, without a value, is not drawn)
    assert [i.colour for i in layout.legend] == list(INDEX_SCALE.colours)
    for item in layout.legend:
        assert image.getpixel((((8 + 9) * 2), round((item.top + 7) * 2))) == rgb(item.colour)
    map_png.render_png.cache_clear()
    assert map_png.map_png(values, SHAPES) == data  # reproducible, drawn anew


def test_legend_names_no_value_only_for_a_grey_area_on_the_map() -> None:
    # Wiesdorf has no value and no boundary: it is not drawn, so no grey swatch explains it
    values = {"Manfort": 130.0, "Opladen": 85.0, "Wiesdorf": None}
    svg = map_svg("Test", values, SHAPES, INDEX_SCALE, INDEX_FMT)
    assert "keine Angabe" not in svg and "#d9d9d9" not in svg
    assert "keine Angabe" not in {i.label for i in layout_map(values, SHAPES, INDEX_SCALE).legend}
    # Opladen drawn without a value: grey on the map, and the legend says what grey means
    values = {"Manfort": 130.0, "Opladen": None, "Wiesdorf": 90.0}
    svg = map_svg("Test", values, SHAPES, INDEX_SCALE, INDEX_FMT)
    assert re.search(r'data-district="Opladen"[^>]* fill="#d9d9d9"', svg)
    assert svg.count(">keine Angabe</text>") == 1
    # a schematic map draws every district: the missing one is a grey tile
    legend = layout_map({"Manfort": 1.0, "Wiesdorf": None}, None, INDEX_SCALE).legend
    assert legend[-1].label == "keine Angabe"


def test_png_draws_district_names_and_smooth_edges() -> None:
    triangle = (((7.0, 51.0), (7.04, 51.0), (7.0, 51.03), (7.0, 51.0)),)
    values = {"Manfort": 100.0}
    image = open_png(map_png.map_png(values, {"Manfort": (triangle,)}))
    (area,) = layout_map(values, {"Manfort": (triangle,)}, INDEX_SCALE).areas
    assert area.tag is not None  # the name fits: drawn where the SVG writes it
    x, y = area.tag.at
    assert inside(x, y, area.rings) and area.room > 50
    box = image.crop((round(x * 2) - 40, round(y * 2) - 8, round(x * 2) + 40, round(y * 2) + 8))
    dark = [p for p in box.get_flattened_data() if sum(p) < 150]
    assert len(dark) > 30  # black letters on the light fill
    # anti-aliased: along a row, the diagonal edge has colours between fill, border and paper
    pure = {(255, 255, 255), rgb("#f7f7f7"), rgb("#1d2935")}
    row = round(y * 2) + 20
    assert any(image.getpixel((px, row)) not in pure for px in range(image.width))


def test_schematic_png_has_tiles_in_class_colours_and_the_note() -> None:
    values = {"Manfort": 0.25, "Opladen": 0.05, "Wiesdorf": 0.0, "Alkenrath": None}
    image = open_png(map_png.map_png(values, None, percent=True))
    layout = layout_map(values, None, map_png.map_scale(values, True))
    assert layout.schematic and image.size == (960, round(layout.height * 2))
    for area in layout.areas:
        x, y, _ = area.tile
        assert image.getpixel((round((x + 8) * 2), round((y + 8) * 2))) == rgb(area.fill)
    assert [a.fill for a in layout.areas] == ["#08519c", "#bdd7e7", "#eff3ff", "#d9d9d9"]
    text, baseline = layout.note
    assert text == "Schematische Darstellung: keine Grenzen hinterlegt"
    strip = image.crop((400, round((baseline - 10) * 2), 960, round((baseline + 3) * 2)))
    assert sum(1 for p in strip.get_flattened_data() if sum(p) < 300) > 100  # the note is written
    drawn = layout_map({"Manfort": 0.25}, SHAPES, map_png.map_scale({"Manfort": 0.25}, True))
    assert drawn.note is None and not drawn.schematic  # with boundaries: no note


def test_png_without_a_system_font_spells_umlauts_out(monkeypatch: pytest.MonkeyPatch) -> None:
    map_png._font.cache_clear()
    map_png.render_png.cache_clear()
    monkeypatch.setattr(map_png, "_font_path", lambda: None)
    try:
        assert map_png._text("Steinbüchel „Treff“") == 'Steinbuechel "Treff"'
        image = open_png(map_png.map_png({"Steinbüchel": 130.0}, None))
        (area,) = layout_map({"Steinbüchel": 130.0}, None, INDEX_SCALE).areas
        x, y = (round(v * 2) for v in area.name_at)
        name = image.crop((x - 60, y - 10, x + 60, y + 10)).get_flattened_data()
        assert sum(1 for p in name if sum(p) < 150) > 30  # the name is written, in black
    finally:  # nothing drawn with the built-in font stays in the caches
        map_png._font.cache_clear()
        map_png.render_png.cache_clear()


def test_duisburg_boundaries_fill_each_district_in_its_class_colour() -> None:
    folder = need(DUISBURG, "Die Duisburger Grenzen (../shared/geo/duisburg-osm)")
    names = ["Hochfeld", "Neudorf-Süd", "Großenbaum", "Hüttenheim", "Dellviertel", "Marxloh"]
    shapes = geo.match_features(geo.read_files([folder]), names).shapes
    values = {n: 70.0 + 12 * i for i, n in enumerate(names)}  # 70 … 130: every class
    image = open_png(map_png.map_png(values, shapes))
    polygons, _ = project({d: shapes[d] for d in names if d in shapes})
    for district, shape in polygons.items():
        rings = [r for poly in shape for r in poly]
        assert dominant_colour(image, rings, 5) == rgb(INDEX_SCALE.colour(values[district]))


# -- names on the areas and borders between dark areas -----------------------------------
def name_boxes(svg: str) -> dict[str, tuple[float, float, float, float]]:
    """Each drawn name's box (left, top, right, bottom) as the layout estimates it."""
    names = re.search(r'<g class="wb-map-names"[^>]*aria-hidden="true">(.*?)</g>', svg).group(1)
    boxes = {}
    for text in re.findall(r"<text [^>]*>.*?</text>", names):
        size = float(m.group(1)) if (m := re.search(r'font-size="([\d.]+)"', text)) else 11.0
        spans = re.findall(r'<tspan x="([\d.]+)" y="([\d.]+)">([^<]*)</tspan>', text)
        lines = [html.unescape(t) for _, _, t in spans]
        half_w = max(len(t) for t in lines) * size * 0.6 / 2
        x = float(spans[0][0])
        top = float(spans[0][1]) - size * 0.35 - size * 0.6
        boxes["".join(lines)] = (x - half_w, top, x + half_w, top + len(lines) * size * 1.2)
    return boxes


def test_svg_writes_names_inside_their_areas_and_leaves_off_what_does_not_fit() -> None:
    # "Alt & Neu" is a U: its centroid lies in the gap between the arms, outside the area
    u_shape = ((7.0, 51.0), (7.03, 51.0), (7.03, 51.02), (7.022, 51.02), (7.022, 51.004),
               (7.008, 51.004), (7.008, 51.02), (7.0, 51.02), (7.0, 51.0))  # fmt: skip
    shapes = {
        "Alt & Neu": ((u_shape,),),
        "Wanheim-Angerhausen": ((ring(7.04, 51.0, 0.012),),),  # only on two lines
        "Winzig": ((ring(7.06, 51.0, 0.001),),),  # too small for any name
    }
    values = {"Alt & Neu": 70.0, "Wanheim-Angerhausen": 130.0, "Winzig": 100.0}
    svg = map_svg("Test", values, shapes, INDEX_SCALE, INDEX_FMT)
    boxes = name_boxes(svg)
    assert sorted(boxes) == ["Alt & Neu", "Wanheim-Angerhausen"]
    assert ">Alt &amp; Neu</tspan>" in svg  # escaped
    assert ">Wanheim-</tspan><tspan" in svg and ">Angerhausen</tspan>" in svg
    assert "<title>Winzig: 100</title>" in svg  # its name stays on hover and in the table
    layout = layout_map(values, shapes, INDEX_SCALE, INDEX_FMT)
    for area in layout.areas[:2]:
        left, top, right, bottom = boxes[area.district]
        grid = [(left + (right - left) * i / 8, top + (bottom - top) * j / 4)
                for i in range(9) for j in range(5)]  # fmt: skip
        assert all(inside(x, y, area.rings) for x, y in grid), area.district
    # white on the darkest class, with a dark halo; black with a white one on a light fill
    assert re.search(r'<text fill="#ffffff" stroke="#000000"><tspan[^>]*>Alt', svg)
    assert re.search(r'<text fill="#000000" stroke="#ffffff"[^>]*><tspan[^>]*>Wanheim-', svg)
    assert 'paint-order="stroke"' in svg


def test_borders_between_two_areas_of_the_darkest_class_read() -> None:
    # two neighbours, both "unter 80" (#5e3c99): the border between them is cased in white
    shapes = {"Manfort": ((ring(7.0, 51.0),),), "Opladen": ((ring(7.01, 51.0),),)}
    values = {"Manfort": 60.0, "Opladen": 70.0}
    svg = map_svg("Test", values, shapes, INDEX_SCALE, INDEX_FMT)
    assert svg.count('stroke="#ffffff" stroke-width="2.6"') == 2  # each area's casing
    borders = svg.index('class="wb-map-borders"')  # the dark line over all areas
    assert borders > svg.rindex('class="wb-map-area"')
    image = open_png(map_png.map_png(values, shapes))
    (area, _) = layout_map(values, shapes, INDEX_SCALE).areas
    border_x = max(x for x, _ in area.rings[0])
    y = round(area.name_at[1] * 2) + 30
    row = [
        image.getpixel((px, y)) for px in range(round(border_x * 2) - 8, round(border_x * 2) + 9)
    ]
    assert rgb("#5e3c99") in row[:3] and rgb("#5e3c99") in row[-3:]
    assert rgb("#1d2935") in row  # the line
    assert any(min(p) > 230 for p in row)  # and white beside it


def test_png_leaves_off_a_name_that_does_not_fit_its_area() -> None:
    # Winzig: 0.0008° wide beside a large Manfort; its name, cut to "Win…" and laid over
    # its borders, ran into Manfort in print. Now it is left off, as in the SVG.
    shapes = {"Manfort": ((ring(7.0, 51.0, 0.03),),), "Winzig": ((ring(7.031, 51.0, 0.0008),),)}
    values = {"Manfort": 100.0, "Winzig": 100.0}  # light fill: names are black
    image = open_png(map_png.map_png(values, shapes))
    manfort, winzig = layout_map(values, shapes, INDEX_SCALE).areas
    assert manfort.tag is not None and winzig.tag is None
    xs = [x * 2 for x, _ in winzig.rings[0]]
    ys = [y * 2 for _, y in winzig.rings[0]]
    around = image.crop((round(min(xs)) - 30, round(min(ys)), round(max(xs)) + 30, round(max(ys))))
    assert not [p for p in around.get_flattened_data() if sum(p) < 60]  # no black letters
    x, y = (round(v * 2) for v in manfort.tag.at)
    box = image.crop((x - 40, y - 8, x + 40, y + 8)).get_flattened_data()
    assert len([p for p in box if sum(p) < 60]) > 20  # Manfort's name is written


def test_duisburg_names_are_drawn_inside_their_districts() -> None:
    folder = need(DUISBURG, "Die Duisburger Grenzen (../shared/geo/duisburg-osm)")
    features = geo.read_files(
        sorted(folder.glob("[3-7]0[1-9]_*.json")) + sorted(folder.glob("710_*.json"))
    )
    names = [re.sub(r"^\d+_", "", f.filename.removesuffix(".json")).title() for f in features]
    shapes = geo.match_features(features, names).shapes
    values = {n: 70.0 + 2 * i for i, n in enumerate(names)}
    svg = map_svg("Test", values, shapes, INDEX_SCALE, INDEX_FMT)
    boxes = name_boxes(svg)
    assert len(shapes) == 27 and len(boxes) >= 18  # the narrow ones are left off
    layout = layout_map(values, shapes, INDEX_SCALE, INDEX_FMT)
    for area in layout.areas:
        if area.district in boxes:
            left, top, right, bottom = boxes[area.district]
            grid = [(left + (right - left) * i / 8, top + (bottom - top) * j / 4)
                    for i in range(9) for j in range(5)]  # fmt: skip
            assert all(inside(x, y, area.rings) for x, y in grid), area.district


# -- the DOCX report -----------------------------------------------------------------------
def _indicators(project: Project, tmp_path: Path) -> None:
    values = tmp_path / "werte.csv"
    values.write_text(
        "district,indicator,year,value,unit,source,illustrative\n"
        "Gesamtstadt,SGB-II-Quote,2019,10,%,Test,true\n"
        "Manfort,SGB-II-Quote,2019,13,%,Test,true\n"
        "Opladen,SGB-II-Quote,2019,8,%,Test,true\n",
        "utf-8",
    )
    import_indicators(project, values)


def _pictures(path: Path) -> tuple[docx.document.Document, list, list[bytes]]:
    document = docx.Document(path)
    with zipfile.ZipFile(path) as archive:
        media = [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]
    return document, list(document.inline_shapes), media


def _paragraphs(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_docx_report_holds_the_map_with_alt_text_and_numbers(
    project: Project, tmp_path: Path
) -> None:
    data = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"name": d},
             "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in ring(lon, 51.0)]]}}
            for d, lon in (("Manfort", 7.0), ("Opladen", 7.02))
        ],
    }  # fmt: skip
    source = tmp_path / "grenzen.geojson"
    source.write_text(json.dumps(data), "utf-8")
    args = ["--project", str(project.path), "map", "--import", str(source), "--name-property"]
    assert main([*args, "name"]) == 0
    _indicators(project, tmp_path)
    document, shapes, media = _pictures(write_report(project, tmp_path / "bericht.docx"))
    assert len(shapes) == 1 and len(media) == 1
    (image_part,) = [p for p in document.part.package.parts if p.content_type == "image/png"]
    values: dict[str, float | None] = dict.fromkeys(build_profiles(project).names)
    values.update({"Manfort": 130.0, "Opladen": 80.0})
    assert image_part.blob == media[0] == map_png.map_png(values, geo.boundaries(project))
    alt = shapes[0]._inline.docPr.get("descr")
    assert alt.startswith("Karte: SGB-II-Quote (2019) im Verhältnis zur Gesamtstadt (= 100).")
    assert "Höchster Wert: Manfort (130); niedrigster: Opladen (80)." in alt
    assert "schematisch" not in alt.lower()
    text = _paragraphs(document)
    caption = text.index("SGB-II-Quote (2019) im Verhältnis zur Gesamtstadt (= 100)")
    assert text[caption + 1] == ""  # the picture's paragraph, right under the caption
    assert text[caption + 2].startswith("Höchster Wert: Manfort (130); niedrigster: Opladen (80).")
    assert "Ohne hinterlegte Grenze: Alkenrath, Steinbüchel, Wiesdorf." in text[caption + 2]
    assert "Die Karte dazu steht im HTML-Bericht." not in text
    rows = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    assert ["Manfort", "130", "120 und mehr"] in rows and ["Wiesdorf", ".", "keine Angabe"] in rows
    assert shapes[0].width == Inches(5)


def test_docx_report_without_boundaries_has_the_schematic_map(
    project: Project, tmp_path: Path
) -> None:
    _indicators(project, tmp_path)
    document, shapes, media = _pictures(write_report(project, tmp_path / "bericht.docx"))
    assert len(shapes) == 1 and media[0].startswith(PNG_SIGNATURE)
    alt = shapes[0]._inline.docPr.get("descr")
    assert alt.startswith("Schematische Karte: SGB-II-Quote (2019)")
    assert "(schematisch)" in alt and "Schematische Darstellung: ein Quadrat je Sozialraum" in alt
    text = _paragraphs(document)
    assert "SGB-II-Quote (2019) im Verhältnis zur Gesamtstadt (= 100) (schematisch)" in text
    assert any(t.startswith("Keine Grenzen hinterlegt: die Karten sind schematisch") for t in text)
    image = open_png(media[0])
    values: dict[str, float | None] = dict.fromkeys(build_profiles(project).names)
    values.update({"Manfort": 130.0, "Opladen": 80.0})
    layout = layout_map(values, None, INDEX_SCALE)
    assert len(layout.areas) == 5 and layout.legend[-1].label == "keine Angabe"
    assert image.size == (960, round(layout.height * 2))
    assert media[0] == map_png.map_png(values, None)
