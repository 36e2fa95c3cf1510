"""A platform's area column as the district column: Consul's German "Rahmenbedingungen"
(its geozone), Decidim's German "Bereich" (its scope) — only when it holds districts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest.table_districts import find_district_column

KNOWN = ["Opladen", "Manfort", "Wiesdorf"]
DISTRICTS = ["Opladen", "Manfort", "Wiesdorf", "Opladen"]


def _rows(*columns: list[str]) -> list[tuple[int, list[str]]]:
    return [(i + 2, ["Text", *values]) for i, values in enumerate(zip(*columns, strict=True))]


@pytest.mark.parametrize(
    "header", ["Rahmenbedingungen", "Bereich", "Geltungsbereich", "Planungsraum", "Veedel"]
)
def test_an_area_column_of_the_projects_districts_is_the_district_column(header: str) -> None:
    guess = find_district_column(["Text", header], _rows(DISTRICTS), KNOWN, {"Text"})
    assert guess.column == header


@pytest.mark.parametrize(
    "values",
    [
        ["Verkehr", "Umwelt", "Soziales", "Verkehr"],  # Decidim's topics
        ["Opladen", "Verkehr", "Opladen", "Manfort"],
        ["Opladen", "muss barrierefrei sein", "keine", "Manfort"],  # Consul's conditions
    ],
)
def test_an_area_column_of_other_values_is_neither_district_nor_unknown(
    values: list[str],
) -> None:
    guess = find_district_column(["Text", "Bereich"], _rows(values), KNOWN, {"Text"})
    assert (guess.column, guess.unknown, guess.ambiguous) == (None, None, ())
    guess = find_district_column(["Text", "Rahmenbedingungen"], _rows(values), KNOWN, {"Text"})
    assert (guess.column, guess.unknown, guess.ambiguous) == (None, None, ())


def test_a_column_named_for_the_district_comes_first() -> None:
    header = ["Text", "Bereich", "Stadtteil"]
    guess = find_district_column(header, _rows(DISTRICTS, DISTRICTS), KNOWN, {"Text"})
    assert guess.column == "Stadtteil" and guess.ambiguous == ()
    # … and its unknown places are reported, not replaced by the area column
    places = ["Opladen", "Köln", "Opladen", "Manfort"]
    guess = find_district_column(header, _rows(DISTRICTS, places), KNOWN, {"Text"})
    assert guess.column is None and guess.unknown == {"Stadtteil": 1}


def test_consuls_german_export_stores_each_proposal_in_its_geozone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = ["Am Rhein fehlen Bänke.", "Der Spielplatz braucht Geräte.", "Mehr Licht.", "Bänke!"]
    rows = [
        (str(i + 1), f"Vorschlag {i}", t, d)
        for i, (t, d) in enumerate(zip(texts, DISTRICTS, strict=True))
    ]
    path = tmp_path / "vorschlaege.csv"
    header = ["ID", "Titel", "Beschreibung", "Rahmenbedingungen"]
    pd.DataFrame(rows, columns=header).to_csv(path, index=False, sep=";")
    folder = tmp_path / "projekt"
    assert main(["init", str(folder), "--districts", ",".join(KNOWN)]) == 0
    assert main(["--project", str(folder), "import", str(path), "--id-column", "ID"]) == 0
    assert "Spalte 'Rahmenbedingungen' als Sozialraum erkannt" in capsys.readouterr().out
    segments = Project.open(folder).segments().set_index("source_id")
    assert segments["district"].to_dict() == {
        "1": "Opladen",
        "2": "Manfort",
        "3": "Wiesdorf",
        "4": "Opladen",
    }
