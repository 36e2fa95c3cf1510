"""Indicator time series of the monitoring (issue 16): changes against the city, one year
only, decimals, percentage points across unit spellings, unchanged rates."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import InputError
from workbench.synthesis import monitoring

INDICATORS = """district,indicator,year,value,unit,source
Gesamtstadt,SGB-II-Quote,2019,10.9,%,Test
Gesamtstadt,SGB-II-Quote,2022,11.3,%,Test
Manfort,SGB-II-Quote,2019,13.9,%,Test
Manfort,SGB-II-Quote,2021,14.1,%,Test
Manfort,SGB-II-Quote,2022,14.6,%,Test
Wiesdorf,SGB-II-Quote,2022,18.9,%,Test
Manfort,Wohnfläche je Person,2019,37.5,m²,Test
Manfort,Wohnfläche je Person,2022,37.5,m²,Test
Opladen,Einwohner,2019,20000,Personen,Test
Opladen,Einwohner,2022,21,Tausend,Test
"""


def test_indicator_series(project: Project, tmp_path: Path, capsys) -> None:
    from workbench.synthesis.indicators import import_indicators

    path = tmp_path / "indikatoren.csv"
    path.write_text(INDICATORS, encoding="utf-8")
    import_indicators(project, path)
    table = monitoring.indicator_series(project).set_index(["indicator", "district"])
    city = table.loc[("SGB-II-Quote", "Gesamtstadt")]
    assert city["is_citywide"] and city["change"] == pytest.approx(0.4)
    assert pd_isna(city["city_change"]) and city["trend"] == monitoring.RISING
    manfort = table.loc[("SGB-II-Quote", "Manfort")]
    assert manfort["years"] == (2019, 2021, 2022) and manfort["values"] == (13.9, 14.1, 14.6)
    assert manfort["change"] == pytest.approx(0.7) and manfort["city_change"] == pytest.approx(0.4)
    one = table.loc[("SGB-II-Quote", "Wiesdorf")]
    assert pd_isna(one["change"]) and one["trend"] == monitoring.ONE_YEAR
    assert one["note"] == monitoring.NO_TREND
    flat = table.loc[("Wohnfläche je Person", "Manfort")]
    assert flat["trend"] == monitoring.STEADY and flat["note"] == monitoring.NO_CITY_SERIES
    units = table.loc[("Einwohner", "Opladen")]
    assert pd_isna(units["change"]) and units["trend"] == monitoring.NOT_COMPARABLE

    only = monitoring.indicator_series(project, indicator="SGB-II-Quote", district="Manfort")
    assert only["district"].tolist() == ["Gesamtstadt", "Manfort"]
    with pytest.raises(InputError, match="Unbekannter Indikator 'Miete'"):
        monitoring.indicator_series(project, indicator="Miete")

    assert main(["--project", str(project.path), "monitoring", "indicators",
                 "--indicator", "SGB-II-Quote"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out.startswith("Indikatoren für 2019, 2021 und 2022: Veränderung")
    assert "+0,7 Prozentpunkte (Gesamtstadt +0,4 Prozentpunkte)" in out
    assert "nur ein Jahr – kein Verlauf" in out and "(nur ein Jahr" not in out
    # typed as in the other options, without case: the same series, not "unbekannt"
    assert main(["--project", str(project.path), "monitoring", "indicators",
                 "--indicator", "sgb-ii-quote"]) == 0  # fmt: skip
    assert capsys.readouterr().out == out


def test_indicator_series_with_one_year_says_so(project: Project, tmp_path: Path, capsys) -> None:
    from workbench.synthesis.indicators import import_indicators

    path = tmp_path / "indikatoren.csv"
    rows = [*INDICATORS.splitlines()[:2], "Manfort,SGB-II-Quote,2019,13.9,%,T"]
    path.write_text("\n".join(rows), encoding="utf-8")
    import_indicators(project, path)
    table = monitoring.indicator_series(project)
    assert set(table["trend"]) == {monitoring.ONE_YEAR} and table["change"].isna().all()
    assert main(["--project", str(project.path), "monitoring", "indicators"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Indikatoren liegen nur für 2019 vor: noch kein Verlauf, nur der Stand.")
    assert "Veränderung" not in out


def test_the_numbers_of_one_indicator_have_the_same_decimals(
    project: Project, tmp_path: Path, capsys
) -> None:
    from workbench.synthesis.indicators import import_indicators

    path = tmp_path / "indikatoren.csv"
    rows = ["district,indicator,year,value,unit,source"]
    rows += [f"{d},Arbeitslosenquote,{y},{v},%,T" for d, y, v in
             [("Gesamtstadt", 2019, 7), ("Gesamtstadt", 2022, 6.5), ("Manfort", 2019, 9.5),
              ("Manfort", 2022, 9)]]  # fmt: skip
    path.write_text("\n".join(rows), encoding="utf-8")
    import_indicators(project, path)
    assert main(["--project", str(project.path), "monitoring", "indicators"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert next(line for line in out if "Manfort" in line).split()[1:3] == ["9,5", "9,0"]
    assert next(line for line in out if "Gesamtstadt" in line).split()[1:3] == ["7,0", "6,5"]


def test_a_share_in_prozent_changes_by_percentage_points_also_across_spellings(
    project: Project, tmp_path: Path, capsys
) -> None:
    """The statistics office wrote "Prozent" for years and "%" in 2024: the same unit.
    A quota's change is in percentage points, never "Prozent" (a relative change)."""
    from workbench.synthesis.indicators import import_indicators

    path = tmp_path / "indikatoren.csv"
    rows = ["district;indicator;year;value;unit;source"]
    rows += [f"{d};SGB-II-Quote;{y};{v};{u};Sozialbericht" for d, y, v, u in
             [("Gesamtstadt", 2021, "10,9", "Prozent"), ("Manfort", 2021, "18,2", "Prozent"),
              ("Gesamtstadt", 2022, "11,3", "Prozent"), ("Manfort", 2022, "19,0", "in %"),
              ("Gesamtstadt", 2024, "10,5", "%"), ("Manfort", 2024, "17,0", "%")]]  # fmt: skip
    path.write_text("\n".join(rows), encoding="utf-8")
    import_indicators(project, path)
    manfort = monitoring.indicator_series(project).set_index("district").loc["Manfort"]
    assert manfort["change"] == pytest.approx(-1.2) and manfort["city_change"] == pytest.approx(
        -0.4
    )
    assert manfort["trend"] == monitoring.FALLING and manfort["note"] == ""
    assert main(["--project", str(project.path), "monitoring", "indicators"]) == 0
    out = capsys.readouterr().out
    assert "-1,2 Prozentpunkte (Gesamtstadt -0,4 Prozentpunkte)" in out
    assert "Einheit wechselt" not in out
    assert monitoring.change_words(-1.2, "Prozent") == "1,2 Prozentpunkte weniger"


def test_an_unchanged_rate_is_unchanged_not_plus_zero_percentage_points(
    project: Project, tmp_path: Path, capsys
) -> None:
    """The Arbeitslosenquote stayed at 6,4 % in the city and 8,1 % in Manfort: the CLI and
    the sentence beside the report's chart say "unverändert", never "+0 Prozentpunkte"."""
    from workbench.synthesis.indicators import import_indicators

    path = tmp_path / "indikatoren.csv"
    path.write_text(
        "Sozialraum;Indikator;Einheit;Quelle;2021;2022\n"
        "Gesamtstadt;Arbeitslosenquote;%;Stadt;6,4;6,4\n"
        "Manfort;Arbeitslosenquote;%;Stadt;8,1;8,1\n",
        encoding="utf-8",
    )
    import_indicators(project, path)
    assert main(["--project", str(project.path), "monitoring", "indicators"]) == 0
    out = capsys.readouterr().out
    manfort = next(line for line in out.splitlines() if "Manfort" in line)
    assert manfort.split("8,1")[-1].strip() == "unverändert (Gesamtstadt unverändert)"
    assert "+0" not in out and "-0 " not in out
    sentence = monitoring.trend_sentence(monitoring.indicator_series(project))
    assert sentence == (
        "Arbeitslosenquote, 2021 bis 2022: Gesamtstadt unverändert; unverändert in Manfort."
    )


def pd_isna(value: object) -> bool:
    import pandas as pd

    return bool(pd.isna(value))
