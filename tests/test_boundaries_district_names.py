"""The boundaries file of a project upgraded by migration 0010 (decision 025): the database
calls a district "Opladen" now, while ``geo/districts.geojson`` — outside the database,
not rewritten — still names it as an older workbench stored it ("Opla\\u202eden",
"Opladen\\x1b[0m"). Its boundary must still be that district's: in maps (reports, apps,
``workbench map``) and when the district is renamed or merged
(workbench/synthesis/geo.py ``stored_shapes``, ``boundaries``;
workbench/store/district_changes.py ``rewrite_boundaries``). The user's file is read by
the stored names' rule, not rewritten on upgrade.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli.main import main
from workbench.project import BOUNDARIES, Project
from workbench.synthesis import geo

SQUARE = (((7.0, 51.0), (7.1, 51.0), (7.1, 51.1), (7.0, 51.1), (7.0, 51.0)),)
OTHER = (((7.2, 51.0), (7.3, 51.0), (7.3, 51.1), (7.2, 51.1), (7.2, 51.0)),)
# as an older workbench wrote the file for districts it stored with invisible characters
OLD_NAMES = ["Opla\u202eden", "\x1b[31mOpladen\x1b[0m", "Opladen\x9b", " Opladen\u200b"]


def older_file(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "projekt"
    Project.create(folder, districts=["Opladen", "Manfort"]).close()
    (folder / BOUNDARIES).parent.mkdir(exist_ok=True)
    shapes = {name: (SQUARE,), "Manfort": (OTHER,)}
    (folder / BOUNDARIES).write_bytes(geo.to_geojson(shapes))
    return folder


def file_names(folder: Path) -> list[str]:
    features = json.loads((folder / BOUNDARIES).read_bytes())["features"]
    return [f["properties"]["district"] for f in features]


@pytest.mark.parametrize("name", OLD_NAMES)
def test_a_boundary_named_as_stored_before_is_its_district_s(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = older_file(tmp_path, name)
    with Project.open(folder) as project:
        assert sorted(geo.boundaries(project) or {}) == ["Manfort", "Opladen"]
    assert main(["--project", str(folder), "map", "--show"]) == 0
    assert "Opladen: Grenze hinterlegt" in capsys.readouterr().out
    assert file_names(folder) == sorted([name, "Manfort"])  # the file stays as it is


def test_two_spellings_the_upgrade_merged_are_one_district_with_both_areas(
    tmp_path: Path,
) -> None:
    folder = older_file(tmp_path, "Opla\u202eden")
    shapes = {"Opla\u202eden": (SQUARE,), "opladen": (OTHER,)}  # merged as "Opladen"
    (folder / BOUNDARIES).write_bytes(geo.to_geojson(shapes))
    with Project.open(folder) as project:
        found = geo.boundaries(project) or {}
    assert list(found) == ["Opladen"] and len(found["Opladen"]) == 2


@pytest.mark.parametrize("how", ["rename", "merge"])
def test_renaming_or_merging_the_district_moves_its_older_boundary(
    how: str, tmp_path: Path
) -> None:
    folder = older_file(tmp_path, "Opla\u202eden")
    with Project.open(folder) as project:
        if how == "rename":
            project.rename_district("Opladen", "Opladen-Nord")
            wanted = ["Manfort", "Opladen-Nord"]
        else:
            project.merge_districts("Opladen", "Manfort")
            wanted = ["Manfort"]
        shapes = geo.boundaries(project) or {}
    assert sorted(shapes) == wanted and file_names(folder) == wanted
    if how == "merge":
        assert len(shapes["Manfort"]) == 2  # both areas


@pytest.mark.parametrize("name", OLD_NAMES)
def test_a_table_s_map_pins_find_the_district_of_an_older_boundary(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = older_file(tmp_path, name)
    table = tmp_path / "beitraege.csv"
    table.write_text("Beitrag,lat,lon\nMehr Bänke am Markt,51.05,7.05\n", encoding="utf-8")
    assert main(["--project", str(folder), "import", str(table)]) == 0
    assert "Sozialraum aus den Koordinaten bestimmt" in capsys.readouterr().out
    with Project.open(folder) as project:
        segments = project.segments()
    assert list(segments["district"]) == ["Opladen"]
