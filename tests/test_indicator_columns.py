"""Indicator tables with one row per district and one column per indicator, as the annex
of a Sozialbericht prints them (workbench.synthesis.indicator_columns)."""

from __future__ import annotations

import doctest
from pathlib import Path

import openpyxl
import pytest

import workbench.synthesis.indicator_columns
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.synthesis.indicators import comparison, import_indicators, indicators


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_doctests() -> None:
    assert doctest.testmod(workbench.synthesis.indicator_columns).failed == 0


def test_an_annex_table_with_an_indicator_per_column_is_imported(
    project: Project, tmp_path: Path, capsys
) -> None:
    # "Spalten fehlen: indicator, year, value, unit, source" for the commonest shape of a
    # Sozialbericht annex: a row per Stadtteil, a column per indicator, the unit in the
    # header, the year as the reference date above, the source in a note below.
    path = write(
        tmp_path / "anhang.csv",
        "Tabelle A3: Sozialindikatoren nach Stadtteilen;;;;\n"
        "Stand: 31.12.2022;;;;\n"
        ";;;;\n"
        "Nr.;Stadtteil;Einwohner;SGB-II-Quote %;Anteil unter 18 (in %)\n"
        "101;Manfort;12.034;14,2;19,0\n"
        "102;Wiesdorf;15.500;18,1;20,2\n"
        "103;Opladen;25.000;.;17,5\n"
        ";Stadt insgesamt;163.729;10,4;17,2\n"
        ";;;;\n"
        "Quelle: Stadt Leverkusen, Statistikstelle;;;;\n",
    )
    assert main(["--project", str(project.path), "indicators", "--import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "11 Werte – 11 neu" in out
    assert "Zeile 7 (SGB-II-Quote) („.“: Zahlenwert unbekannt oder geheim" in out
    table = comparison(project).set_index(["district", "indicator"])
    assert sorted(set(table.index.get_level_values("indicator"))) == [
        "Anteil unter 18",
        "Einwohner",
        "SGB-II-Quote",
    ]  # fmt: skip  (no indicator "Nr.")
    assert set(table["year"]) == {2022}
    manfort = table.loc[("Manfort", "SGB-II-Quote")]
    assert (manfort["value"], manfort["unit"], manfort["city_value"]) == (14.2, "%", 10.4)
    assert manfort["index"] == 136.54
    assert table.loc[("Wiesdorf", "Anteil unter 18"), "unit"] == "%"
    assert table.loc[("Manfort", "Einwohner"), "value"] == 12034.0
    assert table.loc[("Manfort", "Einwohner"), "note"].startswith("Anzahl")
    assert set(table["source"]) == {"Stadt Leverkusen, Statistikstelle"}


def test_the_indicator_over_its_unit_and_the_year_per_row(project: Project, tmp_path: Path) -> None:
    # Two header rows, the indicator over its unit; SGB-II-Empfänger spans "Anzahl | %"
    # (an XLSX whose per cents are formatted "0,0 %"); the year in a column.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Stadtteil", "Einwohner", "SGB-II-Empfänger", None, "Jahr", "Quelle"])
    sheet.append([None, "Anzahl", "Anzahl", "%", None, None])
    sheet.append(["Gesamtstadt", 163729, 17763, 0.109, 2021, "BA"])
    sheet.append(["Manfort", 12034, 1700, 0.141, 2021, "BA"])
    sheet.append(["Gesamtstadt", 164000, 17500, 0.104, 2022, "BA"])
    sheet.append(["Manfort", 12100, 1720, 0.142, 2022, "BA"])
    for (cell,) in sheet.iter_rows(min_row=3, min_col=4, max_col=4):
        cell.number_format = "0.0 %"
    book.save(tmp_path / "anhang.xlsx")
    assert import_indicators(project, tmp_path / "anhang.xlsx").added == 12
    table = comparison(project).set_index(["district", "indicator", "year"])
    quota = table.loc[("Manfort", "SGB-II-Empfänger (%)", 2022)]
    assert (quota["value"], quota["unit"], quota["city_value"]) == (14.2, "%", 10.4)
    count = table.loc[("Manfort", "SGB-II-Empfänger (Anzahl)", 2021)]
    assert (count["value"], count["unit"], count["source"]) == (1700.0, "Anzahl", "BA")
    assert table.loc[("Manfort", "Einwohner", 2022), "value"] == 12100.0


def test_the_year_in_the_header_and_a_missing_year_is_asked_for(
    project: Project, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "quote.csv",
        "Sozialraum;SGB-II-Quote 2021 (%);SGB-II-Quote 2022 (%);Quelle\n"
        "Gesamtstadt;10,9;10,4;BA\n"
        "Manfort;14,1;14,3;BA\n",
    )
    import_indicators(project, path)
    values = indicators(project).set_index(["district", "year"])["value"].to_dict()
    assert values == {
        ("Gesamtstadt", 2021): 10.9, ("Gesamtstadt", 2022): 10.4,
        ("Manfort", 2021): 14.1, ("Manfort", 2022): 14.3,
    }  # fmt: skip
    assert set(indicators(project)["indicator"]) == {"SGB-II-Quote"}
    undated = write(tmp_path / "ohne_jahr.csv", "Sozialraum;Einwohner\nManfort;12.034\n")
    with pytest.raises(InputError, match="Das Jahr der Werte fehlt") as err:
        import_indicators(project, undated)
    assert "Stand: 31.12.2022" in err.value.message
    assert len(indicators(project)) == 4


def test_a_marked_year_in_a_header_or_the_reference_date_is_read(
    project: Project, tmp_path: Path
) -> None:
    # Statistics offices mark the newest year with a footnote or as provisional. A year
    # column "2022¹" was read, but the same mark on the reference date above the table or
    # after the year in an indicator's header stopped with "Das Jahr der Werte fehlt".
    stand = write(
        tmp_path / "anhang.csv",
        "Stand: 31.12.2022¹;;\n"
        "Stadtteil;Einwohner;Anteil 65+ %\n"
        "Manfort;12.034;18,2\n"
        "Gesamtstadt;163.729;21,4\n"
        ";;\n"
        "¹ vorläufige Werte;;\n"
        "Quelle: Statistikstelle;;\n",
    )
    import_indicators(project, stand)
    marked = write(
        tmp_path / "quote.csv",
        "Sozialraum;SGB-II-Quote 2021 (%);SGB-II-Quote 2022 p (%);Arbeitslose % 2022 (vorläufig)"
        ";Quelle\n"
        "Gesamtstadt;10,9;10,4;6,1;BA\n"
        "Manfort;14,1;14,3;8,0;BA\n",
    )
    import_indicators(project, marked)
    table = indicators(project).set_index(["district", "indicator", "year"])
    assert table["value"].to_dict() == {
        ("Gesamtstadt", "Anteil 65+", 2022): 21.4, ("Gesamtstadt", "Einwohner", 2022): 163729,
        ("Manfort", "Anteil 65+", 2022): 18.2, ("Manfort", "Einwohner", 2022): 12034,
        ("Gesamtstadt", "SGB-II-Quote", 2021): 10.9, ("Gesamtstadt", "SGB-II-Quote", 2022): 10.4,
        ("Manfort", "SGB-II-Quote", 2021): 14.1, ("Manfort", "SGB-II-Quote", 2022): 14.3,
        ("Gesamtstadt", "Arbeitslose", 2022): 6.1, ("Manfort", "Arbeitslose", 2022): 8.0,
    }  # fmt: skip
    assert set(table["unit"]) >= {"%"}
    assert table.loc[("Manfort", "Arbeitslose", 2022), "unit"] == "%"


def test_a_long_table_with_misnamed_columns_is_not_read_as_indicator_columns(
    project: Project, tmp_path: Path
) -> None:
    # "Werte" is no indicator, and a column of indicator names among numbers is a long table
    path = write(
        tmp_path / "lang.csv",
        "Sozialraum;Indikatorname;Jahr;Werte;Quelle\nManfort;SGB-II-Quote;2022;14,2;BA\n",
    )
    with pytest.raises(InputError, match="Spalten fehlen: indicator, value, unit"):
        import_indicators(project, path)
    mixed = write(tmp_path / "gemischt.csv", "Sozialraum;Einwohner\nManfort;viele\nOpladen;12\n")
    with pytest.raises(InputError, match="Spalten fehlen"):
        import_indicators(project, mixed)
    assert indicators(project).empty


def test_a_title_line_without_semicolons_above_a_german_csv(
    project: Project, tmp_path: Path
) -> None:
    # "Stand: 31.12.2022" typed above the table (no semicolon in that line): the file was
    # split at the decimal commas, and the import said "Spalten fehlen … Vorhanden: Stand".
    path = write(
        tmp_path / "anhang.csv",
        "Stand: 31.12.2022\n\nSozialraum;SGB-II-Quote;Einwohner\n"
        "Gesamtstadt;10,4 %;163.729\nManfort;14,2 %;12.034\n",
    )
    import_indicators(project, path)
    table = indicators(project).set_index(["district", "indicator"])
    assert table.loc[("Manfort", "SGB-II-Quote"), ["value", "unit", "year"]].tolist() == [
        14.2, "%", 2022,
    ]  # fmt: skip
    assert table.loc[("Gesamtstadt", "Einwohner"), "value"] == 163729.0


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_column_formatted_as_percent_is_a_share(
    project: Project, tmp_path: Path, kind: str
) -> None:
    # Excel and LibreOffice Calc store 10,4 % as 0.104 formatted as a percentage; the
    # header "SGB-II-Quote" names no unit. The import stopped with "Wert '10,4 %' hat ein
    # Prozentzeichen, die Einheit ist aber ''" — and such a table has no unit to fill in.
    rows = [
        ["Sozialindikatoren Leverkusen, Stand 31.12.2022"],
        [],
        ["Stadtteil", "Einwohner", "SGB-II-Quote"],
        ["Manfort", 5432, (0.104,)],
        ["Wiesdorf", 7000, (0.081,)],
        ["Gesamtstadt", 163729, (0.095,)],
    ]
    path = tmp_path / f"anhang.{kind}"
    if kind == "ods":
        from tests.test_indicator_decimals import _ods

        _ods(path, [row or [None] for row in rows])
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        for row in rows:
            sheet.append([c[0] if isinstance(c, tuple) else c for c in row])
            for column, c in enumerate(row, start=1):
                if isinstance(c, tuple):
                    sheet.cell(sheet.max_row, column).number_format = "0.0%"
        book.save(path)
    import_indicators(project, path)
    table = indicators(project)
    stored = {(r.district, r.indicator): (r.value, r.unit) for r in table.itertuples()}
    assert stored[("Manfort", "SGB-II-Quote")] == (pytest.approx(10.4), "%")
    assert stored[("Wiesdorf", "SGB-II-Quote")] == (pytest.approx(8.1), "%")
    assert stored[("Manfort", "Einwohner")] == (5432, "")


def test_a_title_line_with_a_comma_above_a_german_csv(project: Project, tmp_path: Path) -> None:
    # "Sozialindikatoren Leverkusen, Stand 31.12.2022" above a table with semicolons: the
    # comma of the title made the file one with commas ("Spalten fehlen … Vorhanden:
    # Sozialindikatoren Leverkusen, Stand 31.12.2022").
    path = write(
        tmp_path / "anhang.csv",
        "Sozialindikatoren Leverkusen, Stand 31.12.2022\n\nSozialraum;SGB-II-Quote %;Einwohner\n"
        "Gesamtstadt;10,4;163.729\nManfort;14,2;12.034\n",
    )
    import_indicators(project, path)
    table = indicators(project).set_index(["district", "indicator"])
    assert table.loc[("Manfort", "SGB-II-Quote"), ["value", "unit", "year"]].tolist() == [
        14.2, "%", 2022,
    ]  # fmt: skip
    assert table.loc[("Manfort", "Einwohner"), "value"] == 12034.0


def test_a_comma_table_keeps_its_commas_beside_quoted_semicolons(tmp_path: Path) -> None:
    """A header with commas over a row whose quoted text holds semicolons stays a table
    with commas (the title rule must not take the header for a title)."""
    from workbench.core.textio import sniff_delimiter

    assert sniff_delimiter('id,text\n1,"Mehr Bänke; bitte; sofort"\n2,Licht\n') == ","
    assert sniff_delimiter("Name\tRolle\nMüller, Anna\tModeration\n") == "\t"


def test_a_percent_sign_in_some_rows_makes_the_indicators_empty_unit_per_cent(
    project: Project, tmp_path: Path
) -> None:
    # Only Manfort's cell shows "%" (typed, or the one cell formatted as per cent), the
    # unit column is empty: before the empty unit became "%", the import asked for the
    # unit; then Manfort alone got "%" and lost its comparison ("Einheit weicht vom
    # Gesamtstadt-Wert ab") while the city and Opladen had no unit.
    path = write(
        tmp_path / "anteile.csv",
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;Anteil 65+;2022;21,4;;Stadt\n"
        "Manfort;Anteil 65+;2022;18,2 %;;Stadt\n"
        "Opladen;Anteil 65+;2022;23,1;;Stadt\n"
        "Gesamtstadt;Einwohner;2022;163.729;;Stadt\n",
    )
    import_indicators(project, path)
    rows = comparison(project).set_index(["district", "indicator"])
    manfort = rows.loc[("Manfort", "Anteil 65+")]
    assert manfort[["unit", "city_value", "index", "note"]].tolist() == ["%", 21.4, 85.05, ""]
    assert rows.loc[("Opladen", "Anteil 65+"), "unit"] == "%"
    assert set(indicators(project).query("indicator == 'Einwohner'")["unit"]) == {""}


def test_a_workbook_is_read_once_per_import(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import opened and parsed an XLSX two or three times (rows, then the cells shown
    as per cent): 10 s instead of 5 s for 58.500 values. Per cents are still recognised."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Sozialraum", "Indikator", "Einheit", "Quelle", "2021", "2022"])
    sheet.append(["Gesamtstadt", "SGB-II-Quote", None, "BA", 0.109, 0.104])
    sheet.append(["Manfort", "SGB-II-Quote", None, "BA", 0.141, 0.142])
    for row in sheet.iter_rows(min_row=2, min_col=5, max_col=6):
        for cell in row:
            cell.number_format = "0.0 %"
    book.save(tmp_path / "zeitreihe.xlsx")
    opened = []
    load = openpyxl.load_workbook
    monkeypatch.setattr(
        openpyxl, "load_workbook", lambda *a, **k: opened.append(1) or load(*a, **k)
    )
    assert import_indicators(project, tmp_path / "zeitreihe.xlsx").added == 4
    assert len(opened) == 1
    table = indicators(project).set_index(["district", "year"])
    assert (table.loc[("Manfort", 2022), "value"], table.loc[("Manfort", 2022), "unit"]) == (
        14.2,
        "%",
    )


def test_no_workbook_stays_in_memory_after_an_import(project: Project, tmp_path: Path) -> None:
    """The one-pass XLSX reader keeps the last workbook's bytes and raw rows for the next
    question about it; after an import (indicators, or a survey with names in it) nothing
    of it may stay in a long-running Voilà or notebook kernel."""
    from workbench.ingest import parse_all
    from workbench.ingest.table_rows import _xlsx_sheet

    book = openpyxl.Workbook()
    book.active.append(["Sozialraum", "Indikator", "Jahr", "Wert", "Einheit", "Quelle"])
    book.active.append(["Manfort", "Einwohner", 2022, 1200, "Personen", "Melderegister"])
    book.save(tmp_path / "werte.xlsx")
    assert import_indicators(project, tmp_path / "werte.xlsx").added == 1
    assert _xlsx_sheet.cache_info().currsize == 0
    survey = openpyxl.Workbook()
    survey.active.append(["Sozialraum", "Ansprechpartner", "Was fehlt?"])
    survey.active.append(["Manfort", "Quirin Zabelberg", "Ein Treffpunkt am Abend"])
    survey.save(tmp_path / "umfrage.xlsx")
    assert parse_all(tmp_path / "umfrage.xlsx")
    assert _xlsx_sheet.cache_info().currsize == 0


@pytest.mark.parametrize("area", ["Ortsteil", "Statistischer Bezirk", "Quartier", "Stadtbezirk"])
def test_the_area_column_may_be_headed_as_statistics_offices_do(
    project: Project, tmp_path: Path, area: str
) -> None:
    """A table whose areas stand under "Ortsteil", "Statistischer Bezirk", "Quartier" or
    "Stadtbezirk" stopped with "Spalten fehlen: district" (only Sozialraum/Stadtteil
    counted), long or with the indicators side by side."""
    long = write(
        tmp_path / "lang.csv",
        f"{area};Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;SGB-II-Quote;2022;10,9;%;BA\nManfort;SGB-II-Quote;2022;13,9;%;BA\n",
    )
    assert import_indicators(project, long).added == 2
    wide = write(
        tmp_path / "anhang.csv",
        f"Stand: 31.12.2023\n{area};Einwohner;SGB-II-Quote %\n"
        "Gesamtstadt;163.729;11,2\nManfort;12.034;14,1\n",
    )
    assert import_indicators(project, wide).added == 4
    values = indicators(project).set_index(["district", "indicator", "year"])["value"]
    assert values[("Manfort", "SGB-II-Quote", 2022)] == 13.9
    assert values[("Manfort", "Einwohner", 2023)] == 12034


def test_of_two_area_columns_the_finer_one_is_the_sozialraum(
    project: Project, tmp_path: Path
) -> None:
    """ "Stadtbezirk" beside "Stadtteil": the Stadtteil names the row, the Bezirk is left
    aside as a column of text."""
    path = write(
        tmp_path / "anhang.csv",
        "Stand: 31.12.2024\nStadtbezirk;Stadtteil;SGB-II-Quote %\n"
        ";Gesamtstadt;10,9\nII;Manfort;13,9\nIII;Opladen;9,9\n",
    )
    assert import_indicators(project, path).added == 3
    assert set(indicators(project)["district"]) == {"Gesamtstadt", "Manfort", "Opladen"}


def test_of_stadtteil_and_sozialraum_the_first_column_stays_the_sozialraum(
    project: Project, tmp_path: Path
) -> None:
    """ "Stadtteil" before "Sozialraum" (a city's grouping "SR 3" beside the Stadtteil the
    project studies): the Stadtteil named the row, as before the new area words; ranking
    the words put the grouping first and stopped the import ("Der Sozialraum fehlt")."""
    path = write(
        tmp_path / "anhang.csv",
        "Stand: 31.12.2023\nStadtteil;Sozialraum;SGB-II-Quote %\n"
        "Gesamtstadt;;11,2\nManfort;SR 3;14,1\nOpladen;SR 5;9,8\n",
    )
    assert import_indicators(project, path).added == 3
    values = indicators(project).set_index("district")["value"]
    assert (values["Gesamtstadt"], values["Manfort"], values["Opladen"]) == (11.2, 14.1, 9.8)
