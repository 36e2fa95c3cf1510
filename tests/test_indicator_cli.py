"""`workbench indicators --district`: every declared Sozialraum, the city included."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main


def test_the_city_s_own_values_are_listed_not_denied(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`indicators --district Gesamtstadt` said "Keine Indikatoren für Gesamtstadt
    importiert" although the city's values were there (they are no district's comparison)."""
    values = tmp_path / "werte.csv"
    values.write_text(
        "district,indicator,year,value,unit,source\n"
        "Gesamtstadt,SGB-II-Quote,2022,11.3,%,BA\nManfort,SGB-II-Quote,2022,14.6,%,BA\n",
        encoding="utf-8",
    )
    where = ["--project", str(project.path), "indicators"]
    assert main([*where, "--import", str(values)]) == 0
    capsys.readouterr()
    assert main([*where, "--district", "gesamtstadt"]) == 0
    out = capsys.readouterr().out
    assert "Keine Indikatoren" not in out
    table = pd.read_csv(io.StringIO(out))
    assert table[["district", "value", "index"]].values.tolist() == [["Gesamtstadt", 11.3, 100.0]]


def test_the_series_file_keeps_every_digit_of_a_big_count(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`monitoring indicators --out` wrote the values with six digits: 1.084.831 residents
    became "1.08483e+06", which reads back as 1.084.830."""
    values = tmp_path / "werte.csv"
    values.write_text(
        "district,indicator,year,value,unit,source\n"
        "Gesamtstadt,Einwohner,2022,1084831,Personen,IT.NRW\n"
        "Gesamtstadt,Einwohner,2023,1087353,Personen,IT.NRW\n"
        "Manfort,SGB-II-Quote,2022,14.6,%,BA\nManfort,SGB-II-Quote,2023,0.1,%,BA\n",
        encoding="utf-8",
    )
    where = ["--project", str(project.path)]
    assert main([*where, "indicators", "--import", str(values)]) == 0
    out = tmp_path / "verlauf.csv"
    assert main([*where, "monitoring", "indicators", "--out", str(out)]) == 0
    table = pd.read_csv(out, dtype=str, encoding="utf-8-sig").set_index("district")
    assert table.loc["Gesamtstadt", "values"] == "1084831 1087353"
    assert table.loc["Manfort", "values"] == "14.6 0.1"
