"""A Sozialraum that migration 0010 called "Gesamtstadt (2)" (its name without invisible
characters was the city-wide area's) keeps the boundary the project's boundaries file
holds under its old name ("Gesamt\\u200bstadt"): maps show it, a rename moves it; where the
file cannot say which of several it was, upgrade and ``map --show`` say which boundary
lost its district and how to import it again (decision 025, Nachtrag Runde 49)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from workbench.cli.main import main
from workbench.project import BOUNDARIES, Project
from workbench.store import make_engine
from workbench.synthesis import geo

SQUARE = (((7.0, 51.0), (7.1, 51.0), (7.1, 51.1), (7.0, 51.1), (7.0, 51.0)),)
OTHER = (((7.2, 51.0), (7.3, 51.0), (7.3, 51.1), (7.2, 51.1), (7.2, 51.0)),)


def _older_project(tmp_path: Path, db_url: str | None, *old: str) -> Path:
    """A project at revision 0009 with districts ``old`` stored as an older workbench did,
    each with a boundary under that name (as ``map --import`` wrote it then)."""
    folder = tmp_path / "projekt"
    Project.create(folder, db_url=db_url, districts=["Manfort"]).close()
    with Project.open(folder) as project:
        engine = make_engine(project.db_url)
    with engine.begin() as connection:
        for name in old:
            connection.execute(
                text("INSERT INTO districts (name, is_citywide) VALUES (:n, false)"), {"n": name}
            )
        connection.execute(text("UPDATE alembic_version SET version_num = '0009'"))
    engine.dispose()
    shapes = {"Manfort": (OTHER,), **{name: (SQUARE,) for name in old}}
    (folder / BOUNDARIES).parent.mkdir(exist_ok=True)
    (folder / BOUNDARIES).write_bytes(geo.to_geojson(shapes))
    return folder


@pytest.mark.backends
def test_the_district_0010_numbered_keeps_its_boundary(
    tmp_path: Path, db_url: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _older_project(tmp_path, db_url, "Gesamt\u200bstadt")
    p = ["--project", str(folder)]
    assert main([*p, "upgrade"]) == 0
    assert "„Gesamtstadt (2)“" in capsys.readouterr().out
    assert main([*p, "map", "--show"]) == 0
    out = capsys.readouterr().out
    assert "Gesamtstadt (2): Grenze hinterlegt" in out and "Hinweis" not in out
    with Project.open(folder) as project:
        assert sorted(geo.boundaries(project) or {}) == ["Gesamtstadt (2)", "Manfort"]
    assert main([*p, "districts", "--rename", "Gesamtstadt (2)", "Neustadt"]) == 0
    features = json.loads((folder / BOUNDARIES).read_bytes())["features"]
    assert [f["properties"]["district"] for f in features] == ["Manfort", "Neustadt"]
    with Project.open(folder) as project:
        assert (geo.boundaries(project) or {})["Neustadt"] == (SQUARE,)


def test_a_table_s_pins_find_the_numbered_district(tmp_path: Path) -> None:
    folder = _older_project(tmp_path, None, "Gesamt\u202estadt")
    assert main(["--project", str(folder), "upgrade"]) == 0
    table = tmp_path / "beitraege.csv"
    table.write_text("Beitrag,lat,lon\nMehr Bänke am Markt,51.05,7.05\n", encoding="utf-8")
    assert main(["--project", str(folder), "import", str(table)]) == 0
    with Project.open(folder) as project:
        assert list(project.segments()["district"]) == ["Gesamtstadt (2)"]


def test_two_numbered_districts_are_named_with_how_to_fix_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _older_project(tmp_path, None, "Gesamt\u200bstadt", "\x1b[1mGesamtstadt")
    capsys.readouterr()
    assert main(["--project", str(folder), "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "2 Grenzen „Gesamtstadt“, „Gesamtstadt“" not in out  # each name once
    assert "Die Grenze „Gesamtstadt“ in geo/districts.geojson gehört zu keinem Sozialraum" in out
    assert "workbench map --import DATEI" in out
    with Project.open(folder) as project:  # not given to the city-wide area either
        assert sorted(geo.boundaries(project) or {}) == ["Manfort"]
