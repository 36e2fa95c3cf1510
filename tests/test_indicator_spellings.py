"""Indicator tables as statistics offices write names and years: a district with a space
for its hyphen, a year column with a footnote or the mark of provisional figures."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import workbench.synthesis.indicator_names
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.synthesis.indicators import (
    comparison,
    import_indicators,
    indicators,
    read_indicators,
)
from workbench.synthesis.monitoring import indicator_series


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_doctests() -> None:
    assert doctest.testmod(workbench.synthesis.indicator_names).failed == 0


def test_a_district_written_with_a_space_for_its_hyphen_is_that_district(tmp_path: Path) -> None:
    # The statistics office writes "Opladen Nord", the project (and its map) "Opladen-Nord":
    # the map matched the area, the indicator import stopped on every row of every year.
    project = Project.create(tmp_path / "p", districts=["Opladen-Nord", "Opladen-Süd"])
    try:
        path = write(
            tmp_path / "werte.csv",
            "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
            "Opladen Nord;SGB-II-Quote;2022;12,1;%;Stadt\n"
            "Opladen - Sued;SGB-II-Quote;2022;9,4;%;Stadt\n"
            "Gesamtstadt;SGB-II-Quote;2022;10,1;%;Stadt\n",
        )
        import_indicators(project, path)
        values = indicators(project).set_index("district")["value"].to_dict()
        assert values == {"Gesamtstadt": 10.1, "Opladen-Nord": 12.1, "Opladen-Süd": 9.4}
        # "Opladen" alone is neither: still the question which one is meant
        bare = write(tmp_path / "alt.csv", path.read_text().replace("Opladen Nord", "Opladen"))
        with pytest.raises(InputError, match="gemeint: Opladen-Nord oder Opladen-Süd"):
            import_indicators(project, bare)
    finally:
        project.close()


def test_a_year_column_with_a_footnote_mark_is_read_not_dropped(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "2022¹" (footnote: provisional), "31.12.2021*", "2023 p": the column was not taken
    # for a year and left out without a word – the import said "4 Werte" of eight.
    path = write(
        tmp_path / "zeitreihe.csv",
        "Sozialraum;Indikator;Einheit;Quelle;2020;31.12.2021*;2022¹;2023 p;2024 (vorläufig)\n"
        "Manfort;SGB-II-Quote;%;Stadt;14,0;14,1;14,3;14,6;14,8\n"
        "Gesamtstadt;SGB-II-Quote;%;Stadt;10,0;10,1;10,3;10,2;10,2\n"
        "¹ vorläufig\n",
    )
    assert main(["--project", str(project.path), "indicators", "--import", str(path)]) == 0
    assert "zeitreihe.csv: 10 Werte – 10 neu" in capsys.readouterr().out
    manfort = indicators(project, "Manfort").set_index("year")["value"].to_dict()
    assert manfort == {2020: 14.0, 2021: 14.1, 2022: 14.3, 2023: 14.6, 2024: 14.8}


def test_a_footnote_mark_after_a_district_is_no_part_of_its_name(
    project: Project, tmp_path: Path
) -> None:
    """A statistics office marks a district whose area changed ("Wiesdorf¹", "Opladen 2)",
    the note under the table): the import stopped with "Unbekannter Sozialraum 'Wiesdorf¹'
    (gemeint: Wiesdorf?)" although it knew which one."""
    path = write(
        tmp_path / "werte.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;SGB-II-Quote;2023;10,9;%;Stadt\n"
        "Wiesdorf¹;SGB-II-Quote;2023;15,1;%;Stadt\n"
        "010 Opladen 2);SGB-II-Quote;2023;9,8;%;Stadt\n"
        "Manfort*;SGB-II-Quote;2023;13,9;%;Stadt\n"
        "1) Gebietsstand 1.1.2023\n",
    )
    import_indicators(project, path)
    values = indicators(project).set_index("district")["value"].to_dict()
    assert values == {"Gesamtstadt": 10.9, "Manfort": 13.9, "Opladen": 9.8, "Wiesdorf": 15.1}


def test_an_indicator_spelt_otherwise_in_a_later_year_continues_its_series(
    project: Project, tmp_path: Path
) -> None:
    """2022 "SGB-II-Quote", 2023 "SGB II-Quote", 2024 "sgb-ii-quote" for the city and
    "SGB-II-quote" for Manfort: four indicators of one year each, no series, and Manfort
    2024 without the city's value. Now one indicator under the stored spelling."""
    header = "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
    first = write(
        tmp_path / "2022.csv",
        header + "Gesamtstadt;SGB-II-Quote;2022;10,9;%;BA\nManfort;SGB-II-Quote;2022;13,9;%;BA\n",
    )
    later = write(
        tmp_path / "2023.csv",
        header + "Gesamtstadt;SGB II-Quote;2023;11,2;%;BA\nManfort;SGB II-Quote;2023;14,1;%;BA\n"
        "Gesamtstadt;sgb-ii-quote;2024;11,4;%;BA\nManfort;SGB-II-quote;2024;14,5;%;BA\n"
        "Manfort;Anteil 65+;2024;21,0;%;IT\nManfort;Anteil 65;2024;1,2;%;IT\n",
    )
    import_indicators(project, first)
    result = import_indicators(project, later)
    assert any("„SGB II-Quote“ (ab Zeile 2) als „SGB-II-Quote“" in n for n in result.notices)
    series = indicator_series(project, indicator="SGB-II-Quote").set_index("district")
    assert series.loc["Manfort", "values"] == (13.9, 14.1, 14.5)
    assert series.loc["Gesamtstadt", "values"] == (10.9, 11.2, 11.4)
    assert {"Anteil 65+", "Anteil 65"} < set(indicators(project)["indicator"])  # "+" counts
    twice = write(
        tmp_path / "doppelt.csv",
        header + "Manfort;SGB II-Quote;2025;14,1;%;BA\nManfort;SGB-II-Quote;2025;14,2;%;BA\n",
    )
    with pytest.raises(InputError, match="Zeile 3: SGB-II-Quote 2025 für Manfort steht schon"):
        import_indicators(project, twice)


@pytest.mark.parametrize("unit", ["v. H.", "vH", "Prozent"])
def test_a_percent_sign_beside_the_unit_vom_hundert_is_the_same_unit(
    project: Project, tmp_path: Path, unit: str
) -> None:
    """ "13,9 %" with the unit "v. H." (vom Hundert, as older social reports write it)
    stopped: "Wert '13,9 %' hat ein Prozentzeichen, die Einheit ist aber 'v. H.'",
    although the comparison with the city counts "v. H." as %."""
    path = write(
        tmp_path / "werte.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        f"Gesamtstadt;SGB-II-Quote;2022;10,9 %;{unit};BA\n"
        f"Manfort;SGB-II-Quote;2022;13,9 %;{unit};BA\n",
    )
    import_indicators(project, path)
    assert indicators(project).set_index("district")["value"].to_dict() == {
        "Gesamtstadt": 10.9,
        "Manfort": 13.9,
    }


def test_reading_a_file_knows_the_city_without_declaring_it(tmp_path: Path) -> None:
    """read_indicators (the pure reader for notebooks) with the project's Sozialräume
    stopped on the city's row: "Unbekannter Sozialraum 'Gesamtstadt'. Gültig sind:
    Gesamtstadt, Manfort" — while "Stadt gesamt" was read as the city."""
    path = write(
        tmp_path / "werte.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;SGB-II-Quote;2022;10,9;%;BA\nManfort;SGB-II-Quote;2022;13,9;%;BA\n",
    )
    rows = read_indicators(path, ["Manfort"])
    assert [(r.district, r.value) for r in rows] == [("Gesamtstadt", 10.9), ("Manfort", 13.9)]


def test_anzahl_one_year_and_personen_the_next_are_one_series(
    project: Project, tmp_path: Path
) -> None:
    """The 2021 table says "Anzahl", the 2022 table "Personen" for the same count: the
    monitoring said "Einheit wechselt zwischen den Jahren" and showed no change."""
    header = "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
    for year, unit, city, manfort in (
        (2021, "Anzahl", 17200, 1500),
        (2022, "Personen", 17763, 1620),
    ):
        rows = f"Gesamtstadt;SGB-II-Empfänger;{year};{city};{unit};BA\n"
        rows += f"Manfort;SGB-II-Empfänger;{year};{manfort};{unit};BA\n"
        rows += f"Manfort;Haushalte mit Kindern;{year};900;{'Anzahl' if year == 2021 else '%'};IT\n"
        import_indicators(project, write(tmp_path / f"{year}.csv", header + rows))
    series = indicator_series(project).set_index(["indicator", "district"])
    manfort = series.loc[("SGB-II-Empfänger", "Manfort")]
    assert manfort["note"] == "" and manfort["change"] == 120
    assert series.loc[("SGB-II-Empfänger", "Gesamtstadt"), "change"] == 563
    assert manfort["city_change"] == 563
    other = series.loc[("Haushalte mit Kindern", "Manfort")]  # a count, then a share: two
    assert other["note"].startswith("Einheit wechselt")


def test_a_count_in_personen_beside_the_citys_anzahl_is_a_count_not_another_unit(
    project: Project, tmp_path: Path
) -> None:
    """The city's row said "Anzahl", the districts' "Personen": the comparison said
    "Einheit weicht vom Gesamtstadt-Wert ab", as if the numbers could not be compared."""
    from workbench.synthesis.indicator_units import COUNT, OTHER_UNIT

    header = "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
    rows = "Gesamtstadt;Einwohner;2022;163729;Anzahl;IT\nManfort;Einwohner;2022;12034;Personen;IT\n"
    rows += "Gesamtstadt;Quote;2022;10,9;%;BA\nManfort;Quote;2022;13,9;;BA\n"
    import_indicators(project, write(tmp_path / "werte.csv", header + rows))
    notes = comparison(project).set_index("indicator")["note"]
    assert notes["Einwohner"] == COUNT
    assert notes["Quote"] == OTHER_UNIT  # a unit left empty is still not the city's %


def test_a_count_in_thousands_the_next_year_is_not_the_same_unit(
    project: Project, tmp_path: Path
) -> None:
    """2021 "Anzahl" 17.200, 2022 "Tsd. Personen" 17,8: the monitoring took them for one
    unit (a count written two ways) and said the city's count fell by 17.182."""
    from workbench.synthesis.indicator_units import OTHER_UNIT

    header = "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
    for year, unit, city, manfort in (
        (2021, "Anzahl", 17200, 1500),
        (2022, "Tsd. Personen", 17.8, 1.6),
    ):
        rows = f"Gesamtstadt;SGB-II-Empfänger;{year};{city};{unit};BA\n"
        rows += f"Manfort;SGB-II-Empfänger;{year};{manfort};{unit};BA\n"
        import_indicators(project, write(tmp_path / f"{year}.csv", header + rows))
    series = indicator_series(project).set_index(["indicator", "district"])
    for district in ("Gesamtstadt", "Manfort"):
        row = series.loc[("SGB-II-Empfänger", district)]
        assert row["note"].startswith("Einheit wechselt") and row["change"] != row["change"]
    rows = (
        "Gesamtstadt;Einwohner;2022;163729;Anzahl;IT\nManfort;Einwohner;2022;12,0;Tsd. Einw.;IT\n"
    )
    import_indicators(project, write(tmp_path / "einwohner.csv", header + rows))
    notes = comparison(project).set_index(["indicator", "year"])["note"]
    assert notes[("Einwohner", 2022)] == OTHER_UNIT  # thousands beside the city's count
