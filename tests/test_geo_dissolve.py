"""A layer of Ortsteile mapped to fewer Sozialräume: the map draws the Sozialräume."""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.synthesis import geo, geo_dissolve
from workbench.synthesis.map_svg import map_figure

DISTRICTS = ["Alkenrath", "Manfort", "Opladen", "Steinbüchel", "Wiesdorf"]


def square(x: float, y: float, size: float = 0.01) -> list[list[float]]:
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def ortsteile(tmp_path: Path) -> tuple[Path, Path]:
    """60 Ortsteile in a 12 × 5 grid (one row per Sozialraum) and the mapping table."""
    features, rows = [], ["Ortsteil;Sozialraum"]
    for i in range(12):
        for j, district in enumerate(DISTRICTS):
            name = f"{j + 1}.{i + 1:02d} Ortsteil"
            geometry = {"type": "Polygon", "coordinates": [square(6.95 + i / 100, 51 + j / 100)]}
            features.append({"type": "Feature", "properties": {"OT": name}, "geometry": geometry})
            rows.append(f"{name};{district}")
    layer = tmp_path / "ortsteile.geojson"
    layer.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    mapping = tmp_path / "zuordnung.csv"
    mapping.write_text("\n".join(rows) + "\n", "utf-8")
    return layer, mapping


def test_sixty_ortsteile_become_five_sozialraeume_on_the_map(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layer, mapping = ortsteile(tmp_path)
    args = ["--project", str(project.path), "map", "--import", str(layer)]
    assert main([*args, "--name-property", "OT", "--mapping", str(mapping)]) == 0
    assert "Grenzen von 5 Sozialräumen aus 1 Datei" in capsys.readouterr().out
    shapes = geo.boundaries(project) or {}
    for j, district in enumerate(DISTRICTS):
        (polygon,) = shapes[district]  # one area, no inner borders
        (outline,) = polygon
        xs, ys = {x for x, _ in outline}, {y for _, y in outline}
        assert (min(xs), max(xs)) == pytest.approx((6.95, 7.07))
        assert (min(ys), max(ys)) == pytest.approx((51 + j / 100, 51 + (j + 1) / 100))
        assert geo_dissolve.signed_area(outline) == pytest.approx(2 * 0.12 * 0.01)
    html = map_figure("test", "SGB-II-Quote (2019)", dict.fromkeys(DISTRICTS, 100.0), shapes)
    for district in DISTRICTS:
        path = re.search(rf'data-district="{district}"[^>]* d="([^"]+)"', html)
        assert path is not None and path.group(1).count("M") == 1, district  # one outline
        assert f">{district}</tspan></text>" in html  # the name fits in the joined area


def test_joined_areas_keep_holes_exclaves_and_what_does_not_fit() -> None:
    a = (tuple(map(tuple, square(0, 0, 2))), tuple(map(tuple, reversed(square(0.5, 0.5, 0.5)))))
    b = (tuple(map(tuple, square(2, 0, 2))),)
    exclave = (tuple(map(tuple, square(5, 5))),)
    joined = geo_dissolve.dissolve([a, b, exclave])
    assert sorted(len(p) for p in joined) == [1, 2]  # the exclave apart, the hole kept
    (main_area,) = [p for p in joined if len(p) == 2]
    assert geo_dissolve.signed_area(main_area[0]) == pytest.approx(2 * 8.0)
    assert geo_dissolve.signed_area(main_area[1]) == pytest.approx(-2 * 0.25)
    # a neighbour whose shared border has a vertex only on its side: kept as it came
    c = (((2.0, 0.0), (3.0, 0.0), (3.0, 2.0), (2.0, 2.0), (2.0, 1.0), (2.0, 0.0)),)
    assert geo_dissolve.dissolve([a, c]) == (a, c)
    assert geo_dissolve.dissolve([a, a]) == (a, a)  # overlapping: never drawn as a hole
    assert doctest.testmod(geo_dissolve).failed == 0


def test_a_stadtbezirk_and_its_ortsteile_in_one_district_are_refused_not_drawn_blank(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Bezirk matched by its name, its Ortsteile by the mapping: one on top of the other,
    the even-odd fill of the map left the district empty."""
    layer, mapping = ortsteile(tmp_path)
    data = json.loads(layer.read_text("utf-8"))
    bezirk = {"type": "Polygon", "coordinates": [square(6.95, 51.01, 0.12)]}  # over row 2
    data["features"].append(
        {"type": "Feature", "properties": {"OT": "Manfort"}, "geometry": bezirk}
    )
    layer.write_text(json.dumps(data), "utf-8")
    args = ["--project", str(project.path), "map", "--import", str(layer), "--name-property"]
    assert main([*args, "OT", "--mapping", str(mapping)]) == 2
    err = capsys.readouterr().err
    assert "Die Flächen „2.01 Ortsteil“ und „Manfort“ gehören beide zu Manfort und liegen " in err
    assert "Traceback" not in err and not geo.boundaries_path(project.path).exists()
    # an Ortsteil enclosed by another of the same Sozialraum is no overlap: joined whole
    ring = (((0.0, 0.0), (3.0, 0.0), (3.0, 3.0), (0.0, 3.0), (0.0, 0.0)),
            ((1.0, 1.0), (1.0, 2.0), (2.0, 2.0), (2.0, 1.0), (1.0, 1.0)))  # fmt: skip
    inner = (((1.0, 1.0), (2.0, 1.0), (2.0, 2.0), (1.0, 2.0), (1.0, 1.0)),)
    assert geo_dissolve.overlap([ring, inner], ["Ring", "Kern"]) is None
    ((outline,),) = geo_dissolve.dissolve([ring, inner])
    assert geo_dissolve.signed_area(outline) == pytest.approx(2 * 9.0)
