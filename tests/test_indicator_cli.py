"""`workbench indicators --district` (every declared Sozialraum, the city included) and the
files `--out` writes."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.synthesis.indicators import indicators


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


def test_an_exported_comparison_imports_with_the_city_s_values(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`indicators --out` writes each district's value beside the city's (`city_value`);
    imported into another project, that file lost the city's values: no index, no
    difference, "kein Wert für die Gesamtstadt" in every row."""
    values = tmp_path / "werte.csv"
    values.write_text(
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;SGB-II-Quote;2022;10,9;%;BA\nManfort;SGB-II-Quote;2022;13,9;%;BA\n"
        "Wiesdorf;SGB-II-Quote;2022;15,1;%;BA\nGesamtstadt;Einwohner;2022;163729;Personen;IT\n"
        "Manfort;Einwohner;2022;12034;Personen;IT\n",
        encoding="utf-8",
    )
    exported = tmp_path / "vergleich.csv"
    assert main(["--project", str(project.path), "indicators", "--import", str(values)]) == 0
    assert main(["--project", str(project.path), "indicators", "--out", str(exported)]) == 0
    other = Project.create(tmp_path / "zweites", districts=["Manfort", "Wiesdorf"])
    other.close()
    where = ["--project", str(tmp_path / "zweites"), "indicators"]
    assert main([*where, "--import", str(exported)]) == 0
    assert "5 Werte – 5 neu" in capsys.readouterr().out
    assert main([*where]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    rows = table.set_index(["district", "indicator"])
    assert rows.loc[("Manfort", "SGB-II-Quote"), ["city_value", "index"]].tolist() == [
        10.9,
        127.52,
    ]
    assert rows.loc[("Wiesdorf", "SGB-II-Quote"), "city_value"] == 10.9
    assert rows.loc[("Manfort", "Einwohner"), "city_value"] == 163729
    assert table["note"].isna().sum() == 2  # only the count keeps its note (no index)
    # the city's value twice, and not the same: a slip in Excel, named with both rows
    edited = exported.read_text(encoding="utf-8-sig").replace("15.1,%,10.9", "15.1,%,11.2")
    (tmp_path / "bearbeitet.csv").write_text(edited, encoding="utf-8")
    fresh = Project.create(tmp_path / "drittes", districts=["Manfort", "Wiesdorf"])
    fresh.close()
    third = ["--project", str(tmp_path / "drittes"), "indicators"]
    assert main([*third, "--import", str(tmp_path / "bearbeitet.csv")]) == 2
    err = capsys.readouterr().err
    assert "bearbeitet.csv, Zeile 4" in err and "in Zeile 3 aber '10.9'" in err
    assert "Traceback" not in err
    with Project.open(tmp_path / "drittes") as reopened:  # one transaction: nothing kept
        assert indicators(reopened).empty


def test_one_value_written_is_said_in_the_singular(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`indicators --out` said "1 Vergleichswerte", `monitoring indicators --out`
    "1 Zeitreihen"."""
    values = tmp_path / "werte.csv"
    values.write_text(
        "district,indicator,year,value,unit,source\n"
        "Gesamtstadt,SGB-II-Quote,2022,11.3,%,BA\nManfort,SGB-II-Quote,2022,14.6,%,BA\n",
        encoding="utf-8",
    )
    where = ["--project", str(project.path)]
    assert main([*where, "indicators", "--import", str(values)]) == 0
    capsys.readouterr()
    assert main([*where, "indicators", "--out", str(tmp_path / "v.csv")]) == 0
    assert f"1 Vergleichswert → {tmp_path / 'v.csv'}" in capsys.readouterr().out
    out = tmp_path / "z.csv"
    assert main([*where, "monitoring", "indicators", "--district", "Gesamtstadt", "--out",
                 str(out)]) == 0  # fmt: skip
    assert f"1 Zeitreihe → {out}" in capsys.readouterr().out


def test_the_indicator_sheet_of_a_district_report_imports_with_the_city_s_values(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The XLSX report of one Sozialraum has the city's value in a column „Gesamtstadt“
    beside each value (the city's own rows are not in it); imported, the values stood
    without the city's."""
    values = tmp_path / "werte.csv"
    values.write_text(
        "district,indicator,year,value,unit,source\n"
        "Gesamtstadt,SGB-II-Quote,2022,10.9,%,BA\nManfort,SGB-II-Quote,2022,13.9,%,BA\n"
        "Manfort,SGB-II-Quote,2023,14.1,%,BA\n",
        encoding="utf-8",
    )
    report = tmp_path / "manfort.xlsx"
    where = ["--project", str(project.path)]
    assert main([*where, "indicators", "--import", str(values)]) == 0
    assert main([*where, "report", "--format", "xlsx", "--district", "Manfort", str(report)]) == 0
    other = Project.create(tmp_path / "zweites", districts=["Manfort"])
    other.close()
    capsys.readouterr()
    again = ["--project", str(tmp_path / "zweites"), "indicators"]
    assert main([*again, "--import", str(report), "--sheet", "Indikatoren"]) == 0
    out = capsys.readouterr().out
    assert "3 Werte – 3 neu" in out and "übergangen" not in out  # 2023: "." for the city
    assert main(again) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out)).set_index("year")
    assert table.loc[2022, ["city_value", "index"]].tolist() == [10.9, 127.52]
    assert table.loc[2023, "note"] == "kein Wert für die Gesamtstadt"
