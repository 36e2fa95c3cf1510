"""Indicator tables as statistics offices publish them: counts beside rates, the signs of
the Zeichenerklärung."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.synthesis.indicators import comparison, import_indicators, indicators


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_counts_are_shown_beside_the_city_without_an_index(
    project: Project, tmp_path: Path, capsys
) -> None:
    # 12.034 residents of Manfort beside the city's 163.729 got "index 7,35" and a
    # difference of -151.695: the profile showed Manfort far "below the city" in residents
    # and SGB-II recipients. A count (unit Personen, Anzahl, absolut; no unit and a name
    # like "Einwohnerzahl") keeps the city value beside it, without index or difference;
    # rates, shares, densities and averages are compared as before.
    path = write(
        tmp_path / "kommunalprofil.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;Einwohner;2022;163.729;Personen;Amt\n"
        "Manfort;Einwohner;2022;12.034;Personen;Amt\n"
        "Gesamtstadt;Kinder unter 6 Jahren;2022;9.812;absolut;Amt\n"
        "Manfort;Kinder unter 6 Jahren;2022;804;absolut;Amt\n"
        "Gesamtstadt;Einwohnerzahl;2021;163.000;;Amt\n"
        "Manfort;Einwohnerzahl;2021;12.000;;Amt\n"
        "Gesamtstadt;Bevölkerungsdichte;2022;2.080;Einwohner je km²;Amt\n"
        "Manfort;Bevölkerungsdichte;2022;3.120;Einwohner je km²;Amt\n"
        "Gesamtstadt;Haushaltsgröße;2022;2,0;Personen;Amt\n"
        "Manfort;Haushaltsgröße;2022;2,2;Personen;Amt\n"
        "Gesamtstadt;SGB-II-Quote;2022;10,9;%;Amt\n"
        "Manfort;SGB-II-Quote;2022;13,9;%;Amt\n",
    )
    import_indicators(project, path)
    table = comparison(project).set_index("indicator")
    for count in ("Einwohner", "Kinder unter 6 Jahren", "Einwohnerzahl"):
        row = table.loc[count]
        assert math.isnan(row["index"]) and math.isnan(row["difference"]), count
        assert row["note"].startswith("Anzahl: kein Index und keine Differenz"), count
    assert table.loc["Einwohner", "city_value"] == 163729.0  # still beside it
    assert table.loc["Bevölkerungsdichte", "index"] == 150.0
    assert table.loc["Haushaltsgröße", "index"] == 110.0  # persons per household: an average
    assert table.loc["SGB-II-Quote", "index"] == 127.52
    from widgets.profile_view_html import indicator_chart_text

    text = indicator_chart_text(comparison(project, "Manfort"), "Manfort")
    assert "Einwohner" not in text and "Kinder" not in text and "SGB-II-Quote (128)" in text


def test_a_dash_is_exactly_zero_unless_the_tables_own_legend_says_otherwise(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Official tables (DIN 55301) write "–" for "genau null": Opladen's 0 children in
    # shelters were left out as if unknown, and no comparison showed them. A legend in the
    # file (above or below the table, "sign = words" or sign and words in two cells) wins:
    # a social report's "- = keine Angabe" leaves the value out.
    base = ["--project", str(project.path), "indicators", "--import"]
    official = write(
        tmp_path / "amtlich.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;Kinder in Notunterkünften;2022;41;Personen;Amt\n"
        "Opladen;Kinder in Notunterkünften;2022;-;Personen;Amt\n"
        "Manfort;Kinder in Notunterkünften;2022;…;Personen;Amt\n"
        ";;;;;\n"
        "Zeichenerklärung;;;;;\n"
        "–;nichts vorhanden;;;;\n"
        "…;Angabe fällt später an;;;;\n",
    )
    assert main([*base, str(official)]) == 0
    out = capsys.readouterr().out
    assert "Als 0 gelesen: Zeile 3 („–“: nichts vorhanden, laut Zeichenerklärung der Datei)" in out
    assert "Zeile 4 („…“: Angabe fällt später an, laut Zeichenerklärung der Datei)" in out
    values = {(r.district, r.indicator): r.value for r in indicators(project).itertuples()}
    assert values[("Opladen", "Kinder in Notunterkünften")] == 0.0
    assert ("Manfort", "Kinder in Notunterkünften") not in values
    own = write(
        tmp_path / "sozialbericht.csv",
        "Sozialbericht 2022;;;;;\n"
        "Zeichenerklärung: - = keine Angabe; x = nicht sinnvoll;;;;;\n"
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;SGB-II-Quote;2022;10,9;%;Amt\n"
        "Manfort;SGB-II-Quote;2022;-;%;Amt\n",
    )
    assert main([*base, str(own)]) == 0
    out = capsys.readouterr().out
    assert "Zeile 5 („–“: keine Angabe, laut Zeichenerklärung der Datei)" in out
    assert "Als 0" not in out
    assert ("Manfort", "SGB-II-Quote") not in {
        (r.district, r.indicator) for r in indicators(project).itertuples()
    }
