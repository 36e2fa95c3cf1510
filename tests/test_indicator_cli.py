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
