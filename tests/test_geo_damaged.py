"""Boundary files nested deeper than Python's parser goes, or with numbers no float holds,
stop ``workbench map --import`` with a German message naming the file (exit 2, no
traceback, no boundaries written); KML ``MultiGeometry`` and GeoJSON collections nested
deep are read without recursion."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.synthesis import geo
from workbench.synthesis.geo_read import read_geojson

DEPTH = 100_000
SQUARE = [[[6.99, 51.05], [7.0, 51.05], [7.0, 51.06], [6.99, 51.06], [6.99, 51.05]]]


def collection(geometry: dict | str) -> str:
    """One feature named Manfort with ``geometry`` (a dict, or JSON text put in as it is)."""
    text = geometry if isinstance(geometry, str) else json.dumps(geometry)
    return (
        '{"type": "FeatureCollection", "features": [{"type": "Feature", '
        f'"properties": {{"name": "Manfort"}}, "geometry": {text}}}]}}'
    )


def polygon_with_first_x(number: str) -> str:
    """A polygon whose first longitude is the literal ``number``."""
    ring = json.dumps(SQUARE)
    return '{"type": "Polygon", "coordinates": ' + ring.replace("6.99", number, 1) + "}"


def nested_collections(depth: int) -> str:
    """A polygon inside ``depth`` GeometryCollections."""
    head = '{"type": "GeometryCollection", "geometries": ['
    return head * depth + json.dumps({"type": "Polygon", "coordinates": SQUARE}) + "]}" * depth


def zipped(name: str, text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, text)
    return buffer.getvalue()


BROKEN = {
    "listen.geojson": ("[" * DEPTH + "]" * DEPTH, "zu tief ineinander verschachtelt"),
    "objekte.geojson": ('{"a":' * DEPTH + "1" + "}" * DEPTH, "zu tief ineinander verschachtelt"),
    "sammlungen.geojson": (collection(nested_collections(500)), "zu tief ineinander"),
    "stellen.geojson": (collection(polygon_with_first_x("1" + "0" * 400)), "nicht endlich"),
    "ziffern.geojson": (collection(polygon_with_first_x("1" + "0" * 5000)), "mehr Stellen"),
    "download.zip": (zipped("grenzen.geojson", "[" * DEPTH + "]" * DEPTH), "zu tief"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_boundary_file_too_deep_or_with_too_long_numbers_is_refused_in_german(
    name: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, message = BROKEN[name]
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    argv = ["--project", str(project.path), "map", "--import", str(path)]
    assert main([*argv, "--name-property", "name"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Fehler: Datei {name}: ") and "Traceback" not in err
    assert message in err
    assert not geo.boundaries_path(project.path).exists()


def test_kml_multigeometry_nested_thousands_deep_is_imported(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ring = " ".join(f"{x},{y}" for x, y in SQUARE[0])
    polygon = (
        "<Polygon><outerBoundaryIs><LinearRing><coordinates>"
        f"{ring}</coordinates></LinearRing></outerBoundaryIs></Polygon>"
    )
    nested = "<MultiGeometry>" * 5000 + polygon + "</MultiGeometry>" * 5000
    path = tmp_path / "verschachtelt.kml"
    path.write_text(
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Manfort</name>'
        f"{nested}</Placemark></kml>",
        encoding="utf-8",
    )
    argv = ["--project", str(project.path), "map", "--import", str(path)]
    assert main([*argv, "--name-property", "name"]) == 0, capsys.readouterr().err
    stored = json.loads(geo.boundaries_path(project.path).read_text(encoding="utf-8"))
    (outer,) = stored["features"][0]["geometry"]["coordinates"][0]
    assert {(round(x, 6), round(y, 6)) for x, y in outer} == {tuple(p) for p in SQUARE[0]}


def test_nested_collections_keep_their_parts_in_order_and_leave_points_out() -> None:
    second = [[[7.01, 51.05], [7.02, 51.05], [7.02, 51.06], [7.01, 51.05]]]
    inner = {
        "type": "GeometryCollection",
        "geometries": [
            {"type": "Point", "coordinates": [7.0, 51.0]},
            {"type": "Polygon", "coordinates": second},
        ],
    }
    outer = {
        "type": "GeometryCollection",
        "geometries": [{"type": "Polygon", "coordinates": SQUARE}, inner],
    }
    (feature,) = read_geojson(collection(outer), "teile.geojson")
    assert [part[0][0] for part in feature.shape] == [(6.99, 51.05), (7.01, 51.05)]
