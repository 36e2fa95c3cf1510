"""District indicators: import (CSV/XLSX), validation, upsert, the city reference."""

from __future__ import annotations

import doctest
import math
import re
import unicodedata
from pathlib import Path

import openpyxl
import pytest

import workbench.synthesis.indicator_districts
import workbench.synthesis.indicator_layout
import workbench.synthesis.indicator_numbers
import workbench.synthesis.indicator_tables
import workbench.synthesis.indicator_units
import workbench.synthesis.indicator_years
import workbench.synthesis.indicators
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.synthesis.indicator_units import NO_CITY_VALUE, OTHER_UNIT
from workbench.synthesis.indicators import (
    INDICATOR_COLUMNS,
    city_reference,
    comparison,
    import_indicators,
    indicators,
)

HEADER = "district,indicator,year,value,unit,source,illustrative\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_doctests() -> None:
    assert doctest.testmod(workbench.synthesis.indicators).failed == 0
    assert doctest.testmod(workbench.synthesis.indicator_districts).failed == 0
    assert doctest.testmod(workbench.synthesis.indicator_layout).failed == 0
    assert doctest.testmod(workbench.synthesis.indicator_years).failed == 0
    assert doctest.testmod(workbench.synthesis.indicator_numbers).failed == 0
    assert doctest.testmod(workbench.synthesis.indicator_units).failed == 0
    assert doctest.testmod(workbench.synthesis.indicator_tables).failed == 0


def test_demo_indicators(demo_project: Project) -> None:
    table = indicators(demo_project)
    assert list(table.columns) == list(INDICATOR_COLUMNS)
    assert table.dtypes.astype(str).to_dict() == INDICATOR_COLUMNS
    assert len(table) == 44
    assert table["district"].iloc[0] == "Gesamtstadt"  # the city first
    official = table[~table["illustrative"]]
    assert set(official["source"]) == {"Sozialbericht Leverkusen 2019"}
    assert len(official) == 3
    reference = city_reference(demo_project)
    assert len(reference) == 8
    sgb2 = reference.set_index("indicator").loc["SGB-II-Empfänger"]
    assert (sgb2["value"], sgb2["unit"]) == (17763.0, "Personen")


def test_unknown_district_stops_the_whole_import_naming_valid_names(
    project: Project, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "werte.csv",
        HEADER + "Manfort,SGB-II-Quote,2019,13.9,%,Test,true\n"
        "Rheindorf,SGB-II-Quote,2019,9.1,%,Test,true\n",
    )
    with pytest.raises(InputError) as err:
        import_indicators(project, path)
    message = str(err.value)
    assert "Datei werte.csv" in message and "Zeile 3" in message
    assert "Rheindorf" in message
    for name in ("Gesamtstadt", "Alkenrath", "Manfort", "Opladen", "Steinbüchel", "Wiesdorf"):
        assert name in message
    assert indicators(project).empty  # one transaction: the good row is not kept either


def test_reimport_updates_instead_of_duplicating(project: Project, tmp_path: Path) -> None:
    rows = (
        "Gesamtstadt,SGB-II-Quote,2019,10.9,%,Test,false\n"
        "Manfort,SGB-II-Quote,2019,13.9,%,Test,false\n"
    )
    path = write(tmp_path / "werte.csv", HEADER + rows)
    first = import_indicators(project, path)
    assert (first.added, first.updated, first.unchanged, first.rows) == (2, 0, 0, 2)
    again = import_indicators(project, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    write(path, HEADER + rows.replace("13.9", "14.2"))
    changed = import_indicators(project, path)
    assert (changed.added, changed.updated, changed.unchanged) == (0, 1, 1)
    table = indicators(project)
    assert len(table) == 2
    assert table.set_index("district").loc["Manfort", "value"] == 14.2
    # a correction from the statistics office in a file of its own: the import said only
    # "1 geändert", not which figure it overwrote and where that came from
    fix = write(
        tmp_path / "berichtigung.csv", HEADER + "Manfort,SGB-II-Quote,2019,13.6,%,Amt,false\n"
    )
    result = import_indicators(project, fix)
    assert result.notices == (
        "Ersetzt: Manfort SGB-II-Quote 2019: 14,2 % → 13,6 % (bisher aus werte.csv).",
    )
    assert import_indicators(project, fix).notices == ()  # nothing replaced the second time


def test_xlsx_with_german_headers_and_decimal_comma(project: Project, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Sozialraum", "Indikator", "Jahr", "Wert", "Einheit", "Quelle"])
    sheet.append(["Gesamtstadt", "SGB-II-Empfänger", 2019, "17.763", "Personen", "Bericht"])
    sheet.append(["gesamtstadt", "Arbeitslosenquote", "2019", "6,4", "%", "Bericht"])
    # Excel on macOS may hand over decomposed umlauts: still the declared district.
    decomposed = unicodedata.normalize("NFD", "Steinbüchel")
    sheet.append([decomposed, "Arbeitslosenquote", 2019, 8.8, "%", "Bericht"])
    sheet.append([None, None, None, None, None, None])  # empty rows are skipped
    book.save(tmp_path / "werte.xlsx")
    result = import_indicators(project, tmp_path / "werte.xlsx")
    assert result.added == 3
    table = indicators(project).set_index(["district", "indicator"])
    assert table.loc[("Gesamtstadt", "Arbeitslosenquote"), "value"] == 6.4
    assert table.loc[("Steinbüchel", "Arbeitslosenquote"), "value"] == 8.8
    assert not table["illustrative"].any()  # no column: not illustrative


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("Manfort,SGB-II-Quote,2019,viel,%,Test,false", "Wert 'viel' ist keine Zahl"),
        ("Manfort,SGB-II-Quote,neunzehn,1,%,Test,false", "keine Jahreszahl"),
        # a slip for 2020: stored, it made every series run to the year 2202
        ("Manfort,SGB-II-Quote,2202,1,%,Test,false", "Jahr '2202' liegt nicht zwischen 1900"),
        # a grouped table's blank cell: the name above, a second value for 2019
        ("Manfort,,2019,1,%,Test,false", "Bitte hier den Indikator eintragen"),
        ("Manfort,SGB-II-Quote,2019,1,%,Test,vielleicht", "weder true noch false"),
        ("Manfort,SGB-II-Quote,2019,13.9,%,Test,false", "steht schon in Zeile 2"),
    ],
)
def test_bad_rows_stop_with_file_and_row(
    project: Project, tmp_path: Path, row: str, expected: str
) -> None:
    path = write(
        tmp_path / "werte.csv",
        HEADER + "Manfort,SGB-II-Quote,2019,13.9,%,Test,false\n" + row + "\n",
    )
    with pytest.raises(InputError) as err:
        import_indicators(project, path)
    assert expected in str(err.value) and "Zeile 3" in str(err.value)
    assert indicators(project).empty


def test_missing_columns_are_named(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "werte.csv", "district;indicator;value\nManfort;X;1\n")
    with pytest.raises(InputError, match="Spalten fehlen: year, unit, source"):
        import_indicators(project, path)


def test_missing_city_value_is_said_not_invented(project: Project, tmp_path: Path) -> None:
    path = write(
        tmp_path / "werte.csv",
        HEADER + "Manfort,Arbeitslosenquote,2019,8.1,%,Test,true\n"
        "Opladen,Arbeitslosenquote,2019,6.9,%,Test,true\n"
        "Gesamtstadt,Wohnfläche je Person,2019,41.2,m²,Test,true\n"
        "Manfort,Wohnfläche je Person,2019,37.5,qm,Test,true\n",
    )
    import_indicators(project, path)
    table = comparison(project).set_index(["district", "indicator"])
    missing = table.loc[("Manfort", "Arbeitslosenquote")]
    assert missing["note"] == NO_CITY_VALUE
    assert math.isnan(missing["city_value"]) and math.isnan(missing["index"])
    other_unit = table.loc[("Manfort", "Wohnfläche je Person")]
    assert other_unit["note"] == OTHER_UNIT and math.isnan(other_unit["difference"])


def test_comparison_of_one_district(demo_project: Project) -> None:
    table = comparison(demo_project, "Wiesdorf")
    assert set(table["district"]) == {"Wiesdorf"} and len(table) == 7
    row = table.set_index("indicator").loc["Lebenslagenindex"]
    assert row["index"] == pytest.approx(131.0) and row["difference"] == pytest.approx(31.0)
    with pytest.raises(InputError, match="Gültig sind: Gesamtstadt, Alkenrath"):
        comparison(demo_project, "Rheindorf")


def test_cli_import_and_compare(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path / "werte.csv",
        "district;indicator;year;value;unit;source\n"
        "Gesamtstadt;SGB-II-Quote;2019;10,9;%;Test\nManfort;SGB-II-Quote;2019;13,9;%;Test\n",
    )
    base = ["--project", str(project.path), "indicators"]
    assert main([*base, "--import", str(path)]) == 0
    assert "2 Werte – 2 neu" in capsys.readouterr().out
    assert main([*base, "--district", "Manfort"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("district,indicator,year,value,unit,city_value")
    assert "Manfort,SGB-II-Quote,2019,13.9,%,10.9" in out
    bad = write(tmp_path / "falsch.csv", HEADER + "Rheindorf,X,2019,1,%,Test,false\n")
    assert main([*base, "--import", str(bad)]) == 2
    assert "Gültig sind" in capsys.readouterr().err


def test_an_ods_from_libreoffice_imports_and_the_help_says_so(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: tables come as CSV, XLSX or ODS; indicators read all three, sheet by name."""
    import pandas as pd

    path = tmp_path / "werte.ods"
    pd.DataFrame(
        {
            "district": ["Gesamtstadt", "Manfort"],
            "indicator": ["SGB-II-Quote"] * 2,
            "year": [2019, 2019],
            "value": [10.9, 13.9],
            "unit": ["%"] * 2,
            "source": ["Test"] * 2,
        }
    ).to_excel(path, engine="odf", sheet_name="Werte", index=False)
    base = ["--project", str(project.path), "indicators"]
    assert main([*base, "--import", str(path), "--sheet", "Werte"]) == 0
    assert "2 Werte – 2 neu" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["indicators", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "CSV/XLSX/ODS" in help_text and "Tabellenblatt (XLSX, ODS)" in help_text


def test_thousands_separators_of_statistics_offices_are_read_as_thousands(
    project: Project, tmp_path: Path
) -> None:
    # Excel/statistics office CSV with semicolons: "163.729" inhabitants, not 163.729
    path = write(
        tmp_path / "einwohner.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;Einwohner;2022;163.729;Personen;Statistikstelle\n"
        "Manfort;Einwohner;2022;9.812;Personen;Statistikstelle\n",
    )
    import_indicators(project, path)
    table = indicators(project).set_index("district")
    assert table.loc["Gesamtstadt", "value"] == 163729.0
    assert table.loc["Manfort", "value"] == 9812.0
    # XLSX text cells: a decimal comma elsewhere in the column says the point groups thousands
    book = openpyxl.Workbook()
    book.active.append(["Sozialraum", "Indikator", "Jahr", "Wert", "Einheit", "Quelle"])
    book.active.append(["Gesamtstadt", "SGB-II-Empfänger", 2019, "17.763", "Personen", "B"])
    book.active.append(["Manfort", "SGB-II-Quote", 2019, "13,9", "%", "B"])
    book.save(tmp_path / "werte.xlsx")
    import_indicators(project, tmp_path / "werte.xlsx")
    table = indicators(project).set_index(["district", "indicator"])
    assert table.loc[("Gesamtstadt", "SGB-II-Empfänger"), "value"] == 17763.0


def test_the_city_row_as_statistics_offices_name_it(project: Project, tmp_path: Path) -> None:
    path = write(
        tmp_path / "quoten.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Manfort;SGB-II-Quote;2022;14,6;%;Statistikstelle\n"
        "Stadt gesamt;SGB-II-Quote;2022;11,3;%;Statistikstelle\n"
        "Insgesamt;Arbeitslosenquote;2022;6,5;%;Statistikstelle\n",
    )
    import_indicators(project, path)
    table = indicators(project).set_index(["district", "indicator"])
    assert table.loc[("Gesamtstadt", "SGB-II-Quote"), "value"] == 11.3
    assert table.loc[("Gesamtstadt", "Arbeitslosenquote"), "value"] == 6.5


def test_a_number_that_reads_two_ways_stops_the_import(project: Project, tmp_path: Path) -> None:
    # comma-separated, no decimal anywhere: 9.812 may be 9812 or 9,812 — never guessed
    path = write(tmp_path / "werte.csv", HEADER + "Manfort,Einwohner,2022,9.812,Personen,A,false\n")
    with pytest.raises(InputError) as err:
        import_indicators(project, path)
    message = str(err.value)
    assert "Zeile 2" in message and "mehrdeutig" in message and "9812" in message
    assert indicators(project).empty
    # both ways the message suggests import, neither is ambiguous again
    whole, decimal = re.search(
        r"Bitte (\S+) schreiben oder, als Dezimalzahl, (\S+) ", message
    ).groups()
    for written, expected in ((whole, 9812.0), (f'"{decimal}"', 9.812)):
        write(path, HEADER + f"Manfort,Einwohner,2022,{written},Personen,A,false\n")
        import_indicators(project, path)
        assert indicators(project)["value"].tolist() == [expected]


def test_nothing_imported_is_said_not_shown_as_a_bare_csv_header(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Like `monitoring indicators`: a sentence saying what to do, not a header alone."""
    base = ["--project", str(project.path), "indicators"]
    for extra in ([], ["--district", "manfort"]):
        assert main([*base, *extra]) == 0
        out = capsys.readouterr().out
        assert out == "Noch keine Indikatoren importiert (workbench indicators --import DATEI).\n"
    path = write(tmp_path / "werte.csv", HEADER + "Gesamtstadt,X,2019,1,%,T,false\n")
    assert main([*base, "--import", str(path)]) == 0
    capsys.readouterr()
    assert main([*base, "--district", "manfort"]) == 0
    assert capsys.readouterr().out == (
        "Keine Indikatoren für Manfort importiert (workbench indicators --import DATEI).\n"
    )
    out_file = tmp_path / "vergleich.csv"
    assert main([*base, "--district", "Manfort", "--out", str(out_file)]) == 0
    assert "Keine Indikatoren für Manfort" in capsys.readouterr().out
    assert out_file.read_text(encoding="utf-8-sig").startswith("district,indicator,year")


def test_school_years_count_as_their_first_year(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """School statistics (IT.NRW) write "2020/21": it is 2020, as the README says."""
    path = write(
        tmp_path / "schule.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;Schulabgänger ohne Abschluss;2020/21;6,1;%;IT.NRW\n"
        "Manfort;Schulabgänger ohne Abschluss;2020/2021;8,4;%;IT.NRW\n"
        "Manfort;Schulabgänger ohne Abschluss;2021 / 22;7,9;%;IT.NRW\n",
    )
    base = ["--project", str(project.path), "indicators", "--import"]
    assert main([*base, str(path)]) == 0
    years = indicators(project).set_index(["district", "year"])["value"].to_dict()
    assert years == {("Gesamtstadt", 2020): 6.1, ("Manfort", 2020): 8.4, ("Manfort", 2021): 7.9}
    capsys.readouterr()
    bad = write(tmp_path / "falsch.csv", HEADER + "Manfort,X,2020/22,1,%,T,false\n")
    assert main([*base, str(bad)]) == 2
    assert capsys.readouterr().err.strip() == (
        "Fehler: Datei falsch.csv, Zeile 2: Jahr '2020/22' ist keine Jahreszahl (erwartet: "
        "2020, ein Stichtag wie 31.12.2020 oder ein Schuljahr wie 2020/21, das als 2020 zählt)."
    )


def test_a_city_row_under_the_citys_own_name_gets_a_hint(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'Leverkusen' is no Sozialraum and no alias of the city: without a city row the error
    asks whether it is the city, as it does for 'Leverkusen insgesamt'."""
    base = ["--project", str(project.path), "indicators", "--import"]
    city = "der Wert der ganzen Stadt: in der Datei 'Gesamtstadt'"
    path = write(
        tmp_path / "amt.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Leverkusen;SGB-II-Quote;2022;11,3;%;Amt\nManfort;SGB-II-Quote;2022;14,6;%;Amt\n",
    )
    assert main([*base, str(path)]) == 2
    err = capsys.readouterr().err
    assert "Unbekannter Sozialraum 'Leverkusen'" in err and f"Ist 'Leverkusen' {city}" in err
    # the file has its city row: 'Leverkusen' is something else, no guess
    with_city = write(
        tmp_path / "amt2.csv",
        path.read_text(encoding="utf-8") + "Gesamtstadt;SGB-II-Quote;2022;11;%;Amt\n",
    )
    assert main([*base, str(with_city)]) == 2
    assert "ganzen Stadt" not in capsys.readouterr().err
    # two names that mean no Sozialraum: which one is the city is not guessed
    two = write(
        tmp_path / "amt3.csv",
        path.read_text(encoding="utf-8") + "Hitdorf;SGB-II-Quote;2022;9,0;%;Amt\n",
    )
    assert main([*base, str(two)]) == 2
    err = capsys.readouterr().err
    assert "Ist 'Leverkusen'" not in err
    assert "Die Datei hat keine Zeile für die ganze Stadt: Steht sie unter dem Namen" in err
    assert indicators(project).empty
