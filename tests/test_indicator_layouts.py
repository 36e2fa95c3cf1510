"""District indicators in the layouts of official statistics tables: missing values,
footnotes, percent signs and formats, district numbers, reference dates, title blocks,
negative values, footnote marks on indicator names."""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from tests.test_indicators import write
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.synthesis.indicators import (
    comparison,
    import_indicators,
    indicators,
)


def test_missing_values_footnotes_and_percent_signs_of_official_tables(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path / "statistik.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;SGB-II-Quote;2021;10,9 %;%;Amt\n"
        "Manfort;SGB-II-Quote;2021;13,9¹;%;Amt\n"
        "Opladen;SGB-II-Quote;2021;–;%;Amt\n"
        "Wiesdorf;SGB-II-Quote;2021;.;%;Amt\n"
        "Alkenrath;SGB-II-Quote;2021;x;%;Amt\n"
        "Steinbüchel;SGB-II-Quote;2021;;%;Amt\n",
    )
    base = ["--project", str(project.path), "indicators"]
    assert main([*base, "--import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "3 Werte – 3 neu" in out and "Als 0 gelesen: Zeile 4 („–“: genau null" in out
    assert "Ohne Wert übergangen: Zeile 5 („.“: Zahlenwert unbekannt oder geheim" in out
    assert "Zeile 6 („x“: Tabellenfach gesperrt" in out and "Zeile 7 (leer)" in out
    table = indicators(project).set_index("district")
    assert table["value"].to_dict() == {"Gesamtstadt": 10.9, "Manfort": 13.9, "Opladen": 0.0}
    # a percent sign beside another unit is a contradiction, not a number
    bad = write(tmp_path / "falsch.csv", "district;indicator;year;value;unit;source\n"
                "Manfort;Einwohner;2021;9,8 %;Personen;Amt\n")  # fmt: skip
    assert main([*base, "--import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Zeile 2" in err and "Prozentzeichen" in err and "Traceback" not in err
    one = write(tmp_path / "eins.csv", "district;indicator;year;value;unit;source\n"
                "Manfort;Einwohner;2021;9812;Personen;Amt\n")  # fmt: skip
    assert main([*base, "--import", str(one)]) == 0
    assert "eins.csv: 1 Wert – 1 neu" in capsys.readouterr().out


def test_shares_excel_formats_as_percent_are_read_as_excel_shows_them(
    project: Project, tmp_path: Path
) -> None:
    # Statistics offices store 13,9 % as 0.139 with the number format "0,0 %".
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Sozialraum", "Indikator", "Jahr", "Wert", "Einheit", "Quelle"])
    for district, value in (("Gesamtstadt", 0.109), ("Manfort", 0.139), ("Wiesdorf", 0.2)):
        sheet.append([district, "SGB-II-Quote", 2021, value, "%", "Amt"])
        sheet.cell(sheet.max_row, 4).number_format = "0.0%"
    sheet.append(["Manfort", "Einwohner", 2021, 12345, "Personen", "Amt"])
    sheet.cell(sheet.max_row, 4).number_format = "#,##0"
    book.save(tmp_path / "quoten.xlsx")
    import_indicators(project, tmp_path / "quoten.xlsx")
    values = indicators(project).set_index(["district", "indicator"])["value"].to_dict()
    assert values == {
        ("Gesamtstadt", "SGB-II-Quote"): 10.9,
        ("Manfort", "Einwohner"): 12345.0,
        ("Manfort", "SGB-II-Quote"): 13.9,
        ("Wiesdorf", "SGB-II-Quote"): 20.0,
    }
    row = comparison(project, "Manfort").set_index("indicator").loc["SGB-II-Quote"]
    assert (row["city_value"], row["difference"]) == (10.9, 3.0)
    # a percentage beside another unit is the same contradiction as "9,8 %" in a CSV
    sheet.append(["Wiesdorf", "Einwohner", 2021, 0.5, "Personen", "Amt"])
    sheet.cell(sheet.max_row, 4).number_format = "0%"
    book.save(tmp_path / "quoten.xlsx")
    with pytest.raises(InputError) as err:
        import_indicators(project, tmp_path / "quoten.xlsx")
    assert "Zeile 6" in str(err.value) and "'50 %'" in str(err.value)


def test_a_percent_sign_with_the_unit_column_left_empty_is_the_unit(
    project: Project, tmp_path: Path
) -> None:
    # "14,2 %" in a long table whose Einheit column is empty (typed by hand, or Excel's
    # percent format): the import asked for the unit the values already show.
    path = write(
        tmp_path / "quoten.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;SGB-II-Quote;2022;10,1 %;;Stadt\n"
        "Manfort;SGB-II-Quote;2022;14,2 %;;Stadt\n",
    )
    import_indicators(project, path)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Sozialraum", "Indikator", "Jahr", "Wert", "Einheit", "Quelle"])
    sheet.append(["Wiesdorf", "SGB-II-Quote", 2022, 0.081, None, "Stadt"])
    sheet.cell(2, 4).number_format = "0.0%"
    book.save(tmp_path / "wiesdorf.xlsx")
    import_indicators(project, tmp_path / "wiesdorf.xlsx")
    rows = comparison(project).set_index("district")
    assert rows.loc["Manfort", ["value", "unit", "city_value", "index"]].tolist() == [
        14.2, "%", 10.1, 140.59,
    ]  # fmt: skip
    assert rows.loc["Wiesdorf", ["value", "unit", "note"]].tolist() == [8.1, "%", ""]


def test_official_district_numbers_and_all_unknown_names_at_once(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project.add_districts(["Quettingen-Nord", "Quettingen-Süd"])
    base = ["--project", str(project.path), "indicators", "--import"]
    numbered = write(
        tmp_path / "amt.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;SGB-II-Quote;2022;11,3;%;Amt\n"
        "010 Manfort;SGB-II-Quote;2022;14,6;%;Amt\n"
        "03 - Wiesdorf;SGB-II-Quote;2022;15,1;%;Amt\n"
        "2.1 Steinbüchel;SGB-II-Quote;2022;9,4;%;Amt\n",
    )
    assert main([*base, str(numbered)]) == 0
    values = indicators(project).set_index("district")["value"].to_dict()
    assert values == {"Gesamtstadt": 11.3, "Manfort": 14.6, "Wiesdorf": 15.1, "Steinbüchel": 9.4}
    capsys.readouterr()
    # every name the project does not know in one message, not one per run
    official = write(
        tmp_path / "amt2.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Leverkusen insgesamt;SGB-II-Quote;2023;11,3;%;Amt\n"
        "020 Manfrot;SGB-II-Quote;2023;14,6;%;Amt\n"
        "Quettingen;SGB-II-Quote;2023;8,0;%;Amt\n"
        "Alkenrath;SGB-II-Quote;2023;7,0;%;Amt\n"
        "Bürrig;SGB-II-Quote;2023;7,0;%;Amt\n",
    )
    assert main([*base, str(official)]) == 2
    err = capsys.readouterr().err
    assert "'Leverkusen insgesamt' (Zeile 2)" in err
    assert "'020 Manfrot' (Zeile 3) (gemeint: Manfort?)" in err
    assert "'Quettingen' (Zeile 4) (gemeint: Quettingen-Nord oder Quettingen-Süd?)" in err
    assert "'Bürrig' (Zeile 6)" in err and "Traceback" not in err
    assert "Ist 'Leverkusen insgesamt' der Wert der ganzen Stadt" in err
    assert set(indicators(project)["year"]) == {2022}  # nothing of the file is stored


def test_reference_dates_minus_signs_letter_footnotes_and_notes_below_the_table(
    project: Project, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Sozialraum", "Indikator", "Jahr", "Wert", "Einheit", "Quelle"])
    sheet.append([None, None, None, None, "in %", None])  # a row of units under the header
    sheet.append(["Gesamtstadt", "Veränderung Einwohner", datetime(2020, 12, 31), "−0,8", "%", "A"])
    sheet.append(["Manfort", "Veränderung Einwohner", "31.12.2020", "1,2 a)", "%", "A"])
    sheet.append(["Wiesdorf", "Veränderung Einwohner", 2020, "−2,5¹", "%", "A"])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["a) vorläufig; ¹ ohne Nebenwohnsitze", None, None, None, None, None])
    sheet.append(["Quelle: Statistikstelle", None, None, None, None, None])
    book.save(tmp_path / "stand.xlsx")
    result = import_indicators(project, tmp_path / "stand.xlsx")
    assert (result.added, result.skipped) == (3, ())
    table = indicators(project).set_index("district")
    assert table["value"].to_dict() == {"Gesamtstadt": -0.8, "Manfort": 1.2, "Wiesdorf": -2.5}
    assert set(table["year"]) == {2020}
    sheet.append(["Manfort", "Arbeitslose", "2020/22", 5, "%", "A"])
    sheet.append([None, "Arbeitslose", 2020, 5, "%", "A"])
    book.save(tmp_path / "stand.xlsx")
    with pytest.raises(InputError, match=r"Zeile 9: Jahr '2020/22' ist keine Jahreszahl"):
        import_indicators(project, tmp_path / "stand.xlsx")
    sheet.delete_rows(9)
    book.save(tmp_path / "stand.xlsx")
    with pytest.raises(InputError, match=r"Zeile 9: Der Sozialraum fehlt"):
        import_indicators(project, tmp_path / "stand.xlsx")


def test_a_title_block_above_the_header_and_a_wide_table(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Sozialindikatoren der Stadt 2022"])
    sheet.merge_cells("A1:F1")
    sheet.append(["Stand: 31.12.2022"])
    sheet.append([])
    sheet.append(["Sozialraum", "Indikator", "Jahr", "Wert", "Einheit", "Quelle"])
    sheet.append(["Gesamtstadt", "SGB-II-Quote", 2022, "11,3", "%", "Amt"])
    sheet.append(["Manfort", "SGB-II-Quote", 2022, "14,6", "%", "Amt"])
    sheet.append(["Wiesdorf", "SGB-II-Quote", 2022, "viel", "%", "Amt"])
    book.save(tmp_path / "tabelle.xlsx")
    with pytest.raises(InputError, match="Zeile 7: Wert 'viel'"):  # rows as Excel counts
        import_indicators(project, tmp_path / "tabelle.xlsx")
    sheet.delete_rows(7)
    book.save(tmp_path / "tabelle.xlsx")
    assert import_indicators(project, tmp_path / "tabelle.xlsx").added == 2
    assert indicators(project).set_index("district")["value"].to_dict() == {
        "Gesamtstadt": 11.3,
        "Manfort": 14.6,
    }
    wide = write(tmp_path / "breit.csv", "Sozialraum;2020;2021;2022\nManfort;13,9;14,1;14,6\n")
    base = ["--project", str(project.path), "indicators", "--import"]
    assert main([*base, str(wide)]) == 2
    err = capsys.readouterr().err
    assert "Spalten fehlen: indicator, unit, source" in err and "je Jahr eine Spalte" in err


def test_no_index_beside_a_negative_value(project: Project, tmp_path: Path) -> None:
    # Population change: Wiesdorf lost more than the city; an index of 312 ("far above the
    # city", orange in the profile) would say the opposite.
    path = write(
        tmp_path / "veraenderung.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;Veränderung Einwohner;2022;-0,8;%;Amt\n"
        "Wiesdorf;Veränderung Einwohner;2022;-2,5;%;Amt\n"
        "Manfort;Veränderung Einwohner;2022;1,2;%;Amt\n"
        "Gesamtstadt;SGB-II-Quote;2022;11,3;%;Amt\n"
        "Wiesdorf;SGB-II-Quote;2022;15,1;%;Amt\n",
    )
    import_indicators(project, path)
    table = comparison(project).set_index(["district", "indicator"])
    for district in ("Wiesdorf", "Manfort"):
        row = table.loc[(district, "Veränderung Einwohner")]
        assert math.isnan(row["index"]) and row["note"] == "kein Index bei negativen Werten"
    assert table.loc[("Wiesdorf", "Veränderung Einwohner"), "difference"] == -1.7
    assert table.loc[("Wiesdorf", "SGB-II-Quote"), "index"] == 133.63


def test_a_footnote_mark_on_the_indicator_name_keeps_the_series_together(
    project: Project, tmp_path: Path
) -> None:
    header = "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
    import_indicators(project, write(tmp_path / "2021.csv", header + (
        "Manfort;SGB-II-Quote;2021;13,9;%;Amt\n"
        "Manfort;Einwohner je km²;2021;4.100;Personen;Amt\n"
    )))  # fmt: skip
    import_indicators(project, write(tmp_path / "2022.csv", header + (
        "Manfort;SGB-II-Quote¹;2022;14,6;%;Amt\n"
        "Manfort;Arbeitslosenquote*;2022;8,1;%;Amt\n"
    )))  # fmt: skip
    table = indicators(project)
    assert sorted(set(table["indicator"])) == [
        "Arbeitslosenquote",
        "Einwohner je km²",
        "SGB-II-Quote",
    ]
    assert table[table["indicator"] == "SGB-II-Quote"]["year"].tolist() == [2021, 2022]
