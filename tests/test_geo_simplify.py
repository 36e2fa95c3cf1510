"""A survey-grade boundary file (a vertex every few decimetres) is stored thinned."""

from __future__ import annotations

import doctest
import itertools
import json
import math
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.synthesis import geo, geo_simplify

M_LON = 111_320 * math.cos(math.radians(51.05))  # metres per degree of longitude here
M_LAT = 111_320


def dense_square(lon: float, lat: float, side_m: float = 1000, step_m: float = 0.25) -> list:
    """A square with a vertex every ``step_m`` metres along its sides, counter-clockwise."""
    n = round(side_m / step_m)
    corners = [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]
    ring = []
    for (x0, y0), (x1, y1) in itertools.pairwise(corners):
        for i in range(n):
            t = i / n
            x, y = (x0 + (x1 - x0) * t) * side_m, (y0 + (y1 - y0) * t) * side_m
            ring.append([lon + x / M_LON, lat + y / M_LAT])
    return [*ring, ring[0]]


def dense_circle(lon: float, lat: float, radius_m: float = 500, n: int = 12_000) -> list:
    ring = [
        [lon + radius_m * math.cos(a) / M_LON, lat + radius_m * math.sin(a) / M_LAT]
        for a in (2 * math.pi * i / n for i in range(n))
    ]
    return [*ring, ring[0]]


def test_a_survey_grade_file_is_stored_as_small_as_a_map_needs(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    features = [
        {"type": "Feature", "properties": {"name": name}, "geometry": geometry}
        for name, geometry in [
            ("Manfort", {"type": "Polygon", "coordinates": [dense_square(7.02, 51.04)]}),
            ("Opladen", {"type": "Polygon", "coordinates": [dense_circle(7.05, 51.06)]}),
        ]
    ]
    path = tmp_path / "vermessung.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    assert path.stat().st_size > 1_000_000
    base = ["--project", str(project.path), "map", "--import", str(path)]
    assert main([*base, "--name-property", "name"]) == 0
    capsys.readouterr()
    assert geo.boundaries_path(project.path).stat().st_size < 20_000  # was the whole file
    shapes = geo.boundaries(project) or {}
    ((square,),) = shapes["Manfort"]
    corners = dense_square(7.02, 51.04, step_m=1000)
    assert square == tuple((round(x, 6), round(y, 6)) for x, y in corners)  # only the corners
    ((circle,),) = shapes["Opladen"]
    assert len(circle) < 400
    for lon, lat in circle:  # kept vertices are the file's own: still on the circle
        r = math.hypot((lon - 7.05) * M_LON, (lat - 51.06) * M_LAT)
        assert r == pytest.approx(500, abs=0.2)  # stored to six decimals
    # and no stretch between them strays more than half a metre from it
    chord = max(
        math.hypot((a[0] - b[0]) * M_LON, (a[1] - b[1]) * M_LAT)
        for a, b in itertools.pairwise(circle)
    )
    assert 500 - math.sqrt(500**2 - (chord / 2) ** 2) <= geo_simplify.TOLERANCE_M


def test_rings_smaller_than_the_tolerance_stay_as_they_came() -> None:
    tiny = ((7.0, 51.0), (7.000001, 51.0), (7.000001, 51.000001), (7.0, 51.000001),
            (7.0, 51.0000005), (7.0, 51.0))  # fmt: skip
    assert geo_simplify.thin_ring(tiny) == tiny
    assert doctest.testmod(geo_simplify).failed == 0
