"""Indicator tables as statistics offices publish them: counts beside rates, the signs of
the Zeichenerklärung, the years side by side."""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl
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
    from widgets.profile_indicators_html import indicator_chart_text

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


def test_a_table_with_the_years_side_by_side_imports_one_value_per_year(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Social reports and the Regionaldatenbank put the years side by side; the import
    # refused such a table and asked for one row per value (six rows per indicator and
    # district, typed by hand). Each year's cell is now a value of that year, with the
    # header's year, the signs of the Zeichenerklärung and Excel's percent formats.
    path = write(
        tmp_path / "zeitreihe.csv",
        "Sozialindikatoren;;;;;;\n"
        "Stadtteil;Indikator;Einheit;Quelle;2019;2020;31.12.2021\n"
        "010 Manfort;SGB-II-Quote;%;Amt;13,9;14,1;14,6\n"
        "020 Opladen;Kinder in Notunterkünften;Personen;Amt;3;–;.\n"
        "Stadt insgesamt;SGB-II-Quote;%;Amt;10,9;11,0;11,3\n"
        ";;;;;;\n"
        "Quelle: Statistikstelle, Stand 31.12.2021;;;;;;\n",
    )
    base = ["--project", str(project.path), "indicators", "--import"]
    assert main([*base, str(path)]) == 0
    out = capsys.readouterr().out
    assert "zeitreihe.csv: 8 Werte – 8 neu" in out
    assert "Als 0 gelesen: Zeile 4 (2020)" in out
    assert "Ohne Wert übergangen: Zeile 4 (31.12.2021)" in out
    values = {(r.district, r.indicator, r.year): r.value for r in indicators(project).itertuples()}
    assert values[("Manfort", "SGB-II-Quote", 2021)] == 14.6
    assert values[("Gesamtstadt", "SGB-II-Quote", 2019)] == 10.9
    assert values[("Opladen", "Kinder in Notunterkünften", 2020)] == 0.0
    assert ("Opladen", "Kinder in Notunterkünften", 2021) not in values
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Sozialraum", "Indikator", "Einheit", "Quelle", 2022, 2023])
    sheet.append(["Manfort", "SGB-II-Quote", "%", "Amt", 0.152, 0.155])
    sheet.append(["Manfort", "Einwohner", "Personen", "Amt", 12034, "viel"])
    for column in (5, 6):
        sheet.cell(2, column).number_format = "0.0%"
    book.save(tmp_path / "breit.xlsx")
    assert main([*base, str(tmp_path / "breit.xlsx")]) == 2
    assert "Zeile 3: Wert 'viel' ist keine Zahl" in capsys.readouterr().err
    sheet.cell(3, 6).value = 12100
    book.save(tmp_path / "breit.xlsx")
    assert main([*base, str(tmp_path / "breit.xlsx")]) == 0
    values = {(r.district, r.indicator, r.year): r.value for r in indicators(project).itertuples()}
    assert values[("Manfort", "SGB-II-Quote", 2023)] == 15.5  # as Excel shows 0,155
    assert values[("Manfort", "Einwohner", 2023)] == 12100.0


def test_a_source_note_below_a_table_without_a_source_column_is_its_source(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the years side by side (or one value per row) and the source printed under the table,
    # as the column-per-indicator tables may: it was refused as "Spalten fehlen: source"
    base = ["--project", str(project.path), "indicators", "--import"]
    wide = write(
        tmp_path / "zeitreihe.csv",
        "Stadtteil;Indikator;Einheit;2019;2022\n"
        "Manfort;SGB-II-Quote;%;13,9;14,6\n"
        "Stadt insgesamt;SGB-II-Quote;%;10,9;11,3\n"
        ";;;;\n"
        "Quelle: IT.NRW, Sozialbericht 2023;;;;\n",
    )
    assert main([*base, str(wide)]) == 0
    assert "zeitreihe.csv: 4 Werte – 4 neu" in capsys.readouterr().out
    sources = {(r.district, r.year): r.source for r in indicators(project).itertuples()}
    assert (
        sources[("Manfort", 2022)] == sources[("Gesamtstadt", 2019)] == "IT.NRW, Sozialbericht 2023"
    )
    long = write(
        tmp_path / "lang.csv",
        "Sozialindikatoren 2023;;;;\nQuelle: Statistikstelle;;;;\n"
        "Sozialraum;Indikator;Einheit;Jahr;Wert\nOpladen;Einwohner;Personen;2023;9000\n",
    )
    assert main([*base, str(long)]) == 0
    sources = {(r.district, r.year): r.source for r in indicators(project).itertuples()}
    assert sources[("Opladen", 2023)] == "Statistikstelle"
    # without a note the column is still asked for, and the note named as the other way
    bare = write(tmp_path / "ohne.csv", "Sozialraum;Indikator;Einheit;2019\nManfort;X;%;1\n")
    assert main([*base, str(bare)]) == 2
    err = capsys.readouterr().err
    assert "Spalten fehlen: source" in err and "„Quelle: …“ über oder unter der Tabelle" in err


def test_a_table_of_the_whole_city_imports_the_studied_districts_with_skip_unknown(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The city's table has all its Stadtteile and the Stadtbezirke; the study has five.
    # The import stopped on every other Stadtteil, and the user had to delete the rows by
    # hand. --skip-unknown leaves them out and names them; a misspelt district still stops.
    path = write(
        tmp_path / "stadt.csv",
        "Stadtteil;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "010 Manfort;SGB-II-Quote;2022;13,9;%;Amt\n"
        "030 Rheindorf;SGB-II-Quote;2022;9,6;%;Amt\n"
        "Stadtbezirk I insgesamt;SGB-II-Quote;2022;12,0;%;Amt\n"
        "Stadt insgesamt;SGB-II-Quote;2022;10,9;%;Amt\n"
        "030 Rheindorf;Arbeitslosenquote;2022;5,1;%;Amt\n",
    )
    base = ["--project", str(project.path), "indicators", "--import", str(path)]
    assert main(base) == 2
    assert "--skip-unknown" in capsys.readouterr().err
    assert indicators(project).empty  # nothing half-written
    assert main([*base, "--skip-unknown"]) == 0
    out = capsys.readouterr().out
    assert "stadt.csv: 2 Werte – 2 neu" in out
    assert "Übergangen, weil das Projekt sie nicht hat: '030 Rheindorf' (Zeile 3), " in out
    assert "'Stadtbezirk I insgesamt' (Zeile 4)" in out
    values = {r.district: r.value for r in indicators(project).itertuples()}
    assert values == {"Gesamtstadt": 10.9, "Manfort": 13.9}
    typo = write(tmp_path / "tippfehler.csv", path.read_text().replace("Manfort", "Manfurt"))
    assert main(["--project", str(project.path), "indicators", "--import", str(typo),
                 "--skip-unknown"]) == 2  # fmt: skip
    assert "Manfurt' (gemeint: Manfort?)" in capsys.readouterr().err


def test_values_with_the_marks_of_official_statistics_are_read_and_named(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Destatis and the statistics offices mark values "12,3 p" (provisional), "r"
    # (corrected), "s" (estimated) and "(12,3)" (restricted reliability): the import
    # stopped with "Wert '12,3 p' ist keine Zahl" (exit 2).
    path = write(
        tmp_path / "vorlaeufig.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;SGB-II-Quote;2023;10,9 p;%;Amt\n"
        "Manfort;SGB-II-Quote;2023;(13,9);%;Amt\n"
        "Opladen;SGB-II-Quote;2023;11,6 r;%;Amt\n"
        "Opladen;Einwohner;2023;24.511 s;Personen;Amt\n",
    )
    assert main(["--project", str(project.path), "indicators", "--import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "4 Werte – 4 neu" in out
    assert "Mit Kennzeichen gelesen: Zeile 2 („p“: vorläufige Zahl); Zeile 3 („(…)“: " in out
    assert "Zeile 5 („s“: geschätzte Zahl)" in out
    values = {(r.district, r.indicator): r.value for r in indicators(project).itertuples()}
    assert values == {
        ("Gesamtstadt", "SGB-II-Quote"): 10.9,
        ("Manfort", "SGB-II-Quote"): 13.9,
        ("Opladen", "SGB-II-Quote"): 11.6,
        ("Opladen", "Einwohner"): 24511.0,
    }


def test_the_total_row_of_a_declared_district_is_that_district(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A study of Stadtbezirke: the city's table writes each Bezirk's sum below its
    # Stadtteile as "Stadtbezirk I insgesamt". The import refused it and asked whether it
    # was the whole city, although the file had the city's own row.
    project = Project.create(tmp_path / "bezirke", districts=["Stadtbezirk I", "Stadtbezirk II"])
    path = write(
        tmp_path / "bezirke.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Stadtbezirk I insgesamt;SGB-II-Quote;2022;12,0;%;Amt\n"
        "Stadtbezirk II zusammen;SGB-II-Quote;2022;9,0;%;Amt\n"
        "Stadt insgesamt;SGB-II-Quote;2022;10,9;%;Amt\n",
    )
    base = ["--project", str(project.path), "indicators", "--import"]
    assert main([*base, str(path)]) == 0
    values = {r.district: r.value for r in indicators(project).itertuples()}
    assert values == {"Gesamtstadt": 10.9, "Stadtbezirk I": 12.0, "Stadtbezirk II": 9.0}
    text = path.read_text(encoding="utf-8")
    other = write(tmp_path / "drei.csv", text.replace("II zusammen", "III insgesamt"))
    assert main([*base, str(other)]) == 2
    err = capsys.readouterr().err
    assert "'Stadtbezirk III insgesamt'" in err and "der Wert der ganzen Stadt" not in err
    project.close()


def test_two_columns_of_the_same_year_are_named_in_the_message(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A table with a column per reference date: '2021' and '31.12.2021' (or a calendar
    # and a school year) both mean 2021. The message said 'Zeile 2: … steht schon in
    # Zeile 2', pointing at the row it was reading; it names the two columns now.
    path = write(
        tmp_path / "stichtage.csv",
        "Sozialraum;Indikator;Einheit;Quelle;2020;2021;31.12.2021\n"
        "Manfort;SGB-II-Quote;%;Amt;12,1;12,3;12,5\n",
    )
    assert main(["--project", str(project.path), "indicators", "--import", str(path)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "Zeile 2: SGB-II-Quote 2021 für Manfort steht schon in Zeile 2 (Spalte „2021“)" in err
    assert "Spalte „31.12.2021“ meint dasselbe Jahr 2021" in err
    assert indicators(project).empty


def test_a_dash_meant_as_missing_is_corrected_by_the_files_own_legend(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A city's own spreadsheet writes '-' for 'no data'. Read as exactly zero, Wiesdorf
    # got an SGB-II-Quote of 0 % (index 0). The user added the legend the summary points
    # to and imported the file again: the zero stayed ('ein früher importierter bleibt').
    table = (
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Manfort;SGB-II-Quote;2022;12,3;%;Stadt\n"
        "Wiesdorf;SGB-II-Quote;2022;-;%;Stadt\n"
        "Gesamtstadt;SGB-II-Quote;2022;10,2;%;Stadt\n"
    )
    path = write(tmp_path / "sozialmonitoring.csv", table)
    other = write(tmp_path / "kitas.csv", table.replace("SGB-II-Quote", "Kita-Plätze"))
    base = ["--project", str(project.path), "indicators", "--import"]
    assert main([*base, str(path)]) == 0
    assert main([*base, str(other)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Als 0 gelesen: Zeile 3" in out
    assert "die Zeile „– = keine Angabe“ über oder unter die Tabelle schreiben" in out
    assert len(indicators(project)) == 6

    write(path, table + ";;;;;\n- = keine Angabe;;;;;\n")
    assert main([*base, str(path)]) == 0

    out = " ".join(capsys.readouterr().out.split())
    assert "Entfernt: der Wert 0, den ein früherer Import dieser Datei aus „–“ gelesen" in out
    values = {(r.district, r.indicator): r.value for r in indicators(project).itertuples()}
    assert ("Wiesdorf", "SGB-II-Quote") not in values
    assert values[("Manfort", "SGB-II-Quote")] == 12.3
    assert values[("Wiesdorf", "Kita-Plätze")] == 0.0  # another file's zero stays


def test_an_old_age_dependency_ratio_in_residents_is_compared_with_the_city(
    project: Project, tmp_path: Path
) -> None:
    # The Altenquotient (people 65+ per 100 aged 20-64), with the unit 'Einwohner' as
    # social reports write it, was taken for a count: no index, left out of the chart.
    path = write(
        tmp_path / "demografie.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;Altenquotient;2022;36,0;Einwohner;Amt\n"
        "Manfort;Altenquotient;2022;45,0;Einwohner;Amt\n",
    )
    import_indicators(project, path)
    row = comparison(project).set_index("indicator").loc["Altenquotient"]
    assert row["index"] == 125.0 and row["difference"] == 9.0


def test_a_grouped_table_names_the_district_once_for_its_block(
    project: Project, tmp_path: Path, capsys
) -> None:
    # A Sozialbericht annex prints each district once, above its further indicators, and
    # Excel users copy it that way: the blank cells below stopped the import ("Der
    # Sozialraum fehlt."). They mean the district above; an empty row ends the block.
    path = write(
        tmp_path / "anhang.csv",
        "Sozialraum;Indikator;Einheit;Quelle;2021;2022\n"
        "Gesamtstadt;SGB-II-Quote;%;Amt;10,5;10,4\n"
        ";Anteil unter 18;%;Amt;17,0;17,2\n"
        "Manfort;SGB-II-Quote;%;Amt;14,1;14,2\n"
        ";Anteil unter 18;%;Amt;19,0;19,2\n"
        ";;;;;\n"
        "Wiesdorf;SGB-II-Quote;%;Amt;18,0;18,1\n"
        ";Anteil unter 18;%;Amt;20,0;.\n"
        "Quelle: Amt für Statistik;;;;;\n",
    )
    assert main(["--project", str(project.path), "indicators", "--import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "11 Werte – 11 neu" in out
    assert (
        "Aus der Zeile darüber übernommen (gruppierte Tabelle): Sozialraum in Zeilen 3, 5, 8."
        in out
    )
    table = comparison(project).set_index(["district", "indicator", "year"])
    assert table.loc[("Manfort", "Anteil unter 18", 2022), "value"] == 19.2
    assert table.loc[("Manfort", "Anteil unter 18", 2022), "city_value"] == 17.2
    assert table.loc[("Wiesdorf", "Anteil unter 18", 2021), "value"] == 20.0
    assert len(indicators(project)) == 11


def test_a_table_grouped_by_indicator_takes_over_its_unit_and_source(
    project: Project, tmp_path: Path
) -> None:
    # The indicator named once over its districts (an XLSX without merged cells): the
    # rows below have the indicator's unit and source, not none (which compared "Einheit
    # weicht ab" with the city).
    book = openpyxl.Workbook()
    rows = [
        ["Indikator", "Sozialraum", "Jahr", "Wert", "Einheit", "Quelle"],
        ["Einwohner", "Gesamtstadt", 2022, 163729, "Personen", "Melderegister"],
        [None, "Manfort", 2022, 12034, None, None],
        ["SGB-II-Quote", "Gesamtstadt", 2022, 10.4, "%", "BA"],
        [None, "Manfort", 2022, 14.2, None, None],
        [None, "Wiesdorf", None, None, None, None],  # no value: ends the block
        [None, "Wiesdorf", 2022, 18.1, "%", "BA"],
    ]
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "indikatoren.xlsx")
    from workbench.core.domain import InputError

    with pytest.raises(InputError) as err:
        import_indicators(project, tmp_path / "indikatoren.xlsx")
    assert err.value.row == 7 and "Der Name des Indikators fehlt" in err.value.message
    book.active.delete_rows(6)
    book.save(tmp_path / "indikatoren.xlsx")
    import_indicators(project, tmp_path / "indikatoren.xlsx")
    table = comparison(project).set_index(["district", "indicator"])
    assert table.loc[("Manfort", "SGB-II-Quote"), ["unit", "source"]].tolist() == ["%", "BA"]
    assert table.loc[("Manfort", "SGB-II-Quote"), "index"] == 136.54
    assert table.loc[("Manfort", "Einwohner"), "unit"] == "Personen"
    assert table.loc[("Wiesdorf", "SGB-II-Quote"), "value"] == 18.1


def test_a_row_without_district_in_a_table_of_one_row_per_district_is_named(
    project: Project, tmp_path: Path
) -> None:
    # Not a grouped table: the district of the third row is missing. Taken from the row
    # above it gives a second value for Manfort, and the message says where that came from.
    path = write(
        tmp_path / "quote.csv",
        "Sozialraum;Indikator;Einheit;Quelle;2022\n"
        "Gesamtstadt;SGB-II-Quote;%;Amt;10,4\n"
        "Manfort;SGB-II-Quote;%;Amt;14,2\n"
        ";SGB-II-Quote;%;Amt;18,1\n",
    )
    from workbench.core.domain import InputError

    with pytest.raises(InputError) as err:
        import_indicators(project, path)
    assert err.value.row == 4
    assert "SGB-II-Quote 2022 für Manfort steht schon in Zeile 3" in err.value.message
    assert (
        "übernimmt ihn aus der Zeile darüber (gruppierte Tabelle): Bitte hier den "
        "Sozialraum eintragen." in err.value.message
    )
    assert indicators(project).empty


@pytest.mark.parametrize(
    "second_row",
    [
        "Sozialraum;Indikator;Einheit;Quelle;Stichtag 31.12.;;\n;;;;2020;2021;2022\n",
        "Sozialraum;Indikator;Einheit;Quelle;2020;2021;2022\n;;;;Anteil in %;Anteil in %;in %\n",
    ],
    ids=["years-under-their-label", "units-under-the-years"],
)
def test_a_header_over_two_rows_above_the_years(
    project: Project, tmp_path: Path, second_row: str
) -> None:
    # A printed table puts "Stichtag 31.12." over the years, or a row of units under them:
    # "Spalten fehlen: value" and "Der Sozialraum fehlt." for the second header row.
    path = write(
        tmp_path / "tabelle.csv",
        "Sozialindikatoren der Stadt;;;;;;\n"
        + second_row
        + "Gesamtstadt;SGB-II-Quote;%;BA;10,9;10,5;10,4\n"
        "Manfort;SGB-II-Quote;%;BA;14,2;14,1;14,3\n",
    )
    import_indicators(project, path)
    values = indicators(project).set_index(["district", "year"])["value"].to_dict()
    assert values == {
        ("Gesamtstadt", 2020): 10.9, ("Gesamtstadt", 2021): 10.5, ("Gesamtstadt", 2022): 10.4,
        ("Manfort", 2020): 14.2, ("Manfort", 2021): 14.1, ("Manfort", 2022): 14.3,
    }  # fmt: skip


def test_a_dash_before_a_number_is_its_minus(project: Project, tmp_path: Path, capsys) -> None:
    # Typeset tables (and Word's autocorrect) write a population change as "–0,8": the import
    # stopped with "Wert '–0,8' ist keine Zahl." A dash alone is still exactly zero.
    path = write(
        tmp_path / "veraenderung.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;Bevölkerungsveränderung;2022;–0,8;%;Amt\n"
        "Manfort;Bevölkerungsveränderung;2022;– 1,2 p;%;Amt\n"
        "Wiesdorf;Bevölkerungsveränderung;2022;—0,3;%;Amt\n"
        "Opladen;Bevölkerungsveränderung;2022;–;%;Amt\n",
    )
    assert main(["--project", str(project.path), "indicators", "--import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Als 0 gelesen: Zeile 5" in out and "Mit Kennzeichen gelesen: Zeile 3" in out
    values = indicators(project).set_index("district")["value"].to_dict()
    assert values == {"Gesamtstadt": -0.8, "Manfort": -1.2, "Wiesdorf": -0.3, "Opladen": 0.0}


def test_a_district_written_as_its_number_is_pointed_to_the_numbered_district(
    tmp_path: Path,
) -> None:
    # The project's Sozialräume are numbered like the statistics office's ("Stadtteil 101");
    # its table writes the bare number. The error named the rows but not what to write.
    from workbench.core.domain import InputError

    numbered = Project.create(
        tmp_path / "nummern", districts=["Stadtteil 101", "Stadtteil 102", "Stadtteil 201"]
    )
    try:
        path = write(
            tmp_path / "stadtteile.csv",
            "Stadtteil;Indikator;Einheit;Quelle;2022\n"
            "Gesamtstadt;SGB-II-Quote;%;BA;10,4\n"
            "101;SGB-II-Quote;%;BA;11,0\n"
            "ST 0102;SGB-II-Quote;%;BA;12,0\n",
        )
        with pytest.raises(InputError) as err:
            import_indicators(numbered, path)
        assert "'101' (Zeile 3) (gemeint: Stadtteil 101?)" in err.value.message
        assert "'ST 0102' (Zeile 4) (gemeint: Stadtteil 102?)" in err.value.message
        with pytest.raises(InputError, match="gemeint: Stadtteil 101"):  # not left out
            import_indicators(numbered, path, skip_unknown=True)
        assert indicators(numbered).empty
    finally:
        numbered.close()


def test_a_blank_district_in_a_table_that_writes_districts_out_still_stops(
    project: Project, tmp_path: Path
) -> None:
    # Every row names its district ("Manfort" twice in a row): the blank one is a name
    # missing, not a block's further row. Taken from the row above it would have filed
    # Opladen's (or anyone's) value silently under Wiesdorf.
    path = write(
        tmp_path / "lang.csv",
        "Sozialraum;Indikator;Einheit;Quelle;2022\n"
        "Gesamtstadt;SGB-II-Quote;%;Amt;10,4\n"
        "Gesamtstadt;Anteil unter 18;%;Amt;17,2\n"
        "Manfort;SGB-II-Quote;%;Amt;14,2\n"
        "Manfort;Anteil unter 18;%;Amt;19,2\n"
        "Wiesdorf;SGB-II-Quote;%;Amt;18,1\n"
        ";Anteil unter 18;%;Amt;20,0\n",
    )
    from workbench.core.domain import InputError

    with pytest.raises(InputError) as err:
        import_indicators(project, path)
    assert err.value.row == 7 and "Der Sozialraum fehlt" in err.value.message
    assert indicators(project).empty


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (  # a GENESIS export of IT.NRW: title block, the municipality key before the name
            "GENESIS-Tabelle: 12411-01i\nBevölkerungsstand: Gemeinden, Stichtag;;;\n"
            "Stichtag;;;\n;;Bevölkerungsstand;\n;;Anzahl;\n31.12.2022;;;\n"
            "05316000;Leverkusen, krfr. Stadt;163729;\n__________\n(C)opyright IT.NRW\n",
            "„GENESIS-Tabelle: 12411-01i“",
        ),
        (  # one row per municipality, the indicators side by side
            "Gemeinde;AGS;Jahr;Einwohner;SGB-II-Quote (%)\nLeverkusen;05316000;2022;163729;10,4\n"
            "Köln;05315000;2022;1084831;12,9\n",
            "Spalte „Gemeinde“",
        ),
        (  # the city only, its key and name in one cell
            "Stand: 31.12.2022\n\nRegion;Einwohner\n05316000 Leverkusen;163729\n",
            "„05316000 Leverkusen“",
        ),
    ],
)
def test_a_table_of_municipalities_is_refused_with_the_shape_the_city_value_needs(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, shown: str
) -> None:
    # The Landesdatenbank (GENESIS, IT.NRW) lists municipalities, not Sozialräume. The
    # import said "Spalten fehlen: district, indicator … Vorhanden: GENESIS-Tabelle:
    # 12411-01i" and left the user guessing; the city's value belongs in the Gesamtstadt
    # row of the district table, from the same statistic as the district values.
    path = write(tmp_path / "gemeinden.csv", text)
    assert main(["--project", str(project.path), "indicators", "--import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"gemeinden.csv: Die Tabelle nennt Gemeinden oder Kreise ({shown})" in err
    assert "als Zeile 'Gesamtstadt' in die Indikatordatei der Sozialräume" in err
    assert "Traceback" not in err and indicators(project).empty
    # a table of Sozialräume with a column of municipality keys is no such table
    ok = write(tmp_path / "stadtteile.csv", "Stadtteil;AGS;Jahr;Einwohner\n"
               "Manfort;05316000;2022;12034\nGesamtstadt;05316000;2022;163729\n")  # fmt: skip
    assert main(["--project", str(project.path), "indicators", "--import", str(ok)]) == 0
