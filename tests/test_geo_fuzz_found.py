"""What fuzzing `workbench map --import` found beyond shapefile parts (session 44): a
sawtooth boundary of many vertices took hours to thin, and names or attribute names with
a terminal's escape codes or NUL bytes were printed as they were."""

from __future__ import annotations

import doctest
import json
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_geo_sweep import ring, write_shapefile
from workbench import Project
from workbench.cli.main import main
from workbench.synthesis import geo
from workbench.synthesis.geo_simplify import thin_ring


@pytest.fixture
def seconds() -> Iterator[None]:
    """Stop the test after 20 s (the old code needed minutes) instead of hanging."""

    def stop(*_: object) -> None:
        raise TimeoutError("thinning did not finish in 20 s")

    before = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, before)


def test_doctests() -> None:
    assert doctest.testmod(geo).failed == 0


def test_a_sawtooth_boundary_is_thinned_in_bounded_time_keeping_every_tooth(
    seconds: None,
) -> None:
    """Douglas–Peucker splits a sawtooth next to one end each time: n² steps (60,000
    teeth took about three minutes). Past the bound the rest is kept whole."""
    teeth = [(7.0 + 0.01 * (i % 2), 51.0 + i * 1e-6) for i in range(60_000)]
    saw = (*teeth, teeth[0])
    thinned = thin_ring(saw)
    assert thinned[0] == thinned[-1] == saw[0]
    assert len(thinned) >= len(saw) - 10  # every tooth is more than half a metre high
    assert set(thinned) <= set(saw)


def test_a_survey_grade_ring_is_thinned_as_before() -> None:
    """A vertex every ~10 cm on a square of 1 km: the corners alone remain."""
    side = [(7.0 + i * 1.4e-6, 51.0) for i in range(10_000)]
    square = [*side, *[(7.014, 51.0 + i * 9e-7) for i in range(10_000)], (7.014, 51.009),
              (7.0, 51.009), (7.0, 51.0)]  # fmt: skip
    assert thin_ring(tuple(square)) == ((7.0, 51.0), (7.014, 51.0), (7.014, 51.009),
                                        (7.0, 51.009), (7.0, 51.0))  # fmt: skip


def _feature(name: str, lon: float) -> dict:
    geometry = {"type": "Polygon", "coordinates": [ring(lon, 51.04)]}
    return {"type": "Feature", "properties": {"name": name}, "geometry": geometry}


@pytest.mark.parametrize("name", ["\x1b[2J\x1b[31mManfort", "Man\x00fort", "Man\x07fort"])
def test_names_with_control_characters_are_shown_without_them(
    name: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An escape code in a district name of the file cleared the terminal or coloured it."""
    path = tmp_path / "grenzen.geojson"
    features = [_feature(name, 7.0), _feature("Opladen", 7.02)]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    argv = ["--project", str(project.path), "map", "--import", str(path)]
    assert main([*argv, "--name-property", "name"]) == 0
    out = capsys.readouterr().out
    assert "übergangen: " in out and "Man" in out
    assert not any(ord(c) < 32 and c != "\n" for c in out)
    features[1] = _feature(name + "2", 7.02)
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    assert main([*argv, "--name-property", "name"]) == 2
    err = capsys.readouterr().err
    assert "Keine Fläche passt" in err and "Gelesen aus grenzen.geojson: " in err
    assert not any(ord(c) < 32 and c != "\n" for c in err)


def test_attribute_names_with_nul_bytes_are_shown_without_them(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shp = write_shapefile(tmp_path / "grenzen", [({"NA\x01ME": "Manfort"}, [ring(7.0, 51.04)])])
    argv = ["--project", str(project.path), "map", "--import", str(shp)]
    assert main([*argv, "--name-property", "name"]) == 2
    err = capsys.readouterr().err
    assert "Vorhanden: NA�ME" in err
    assert not geo.boundaries_path(project.path).exists()
