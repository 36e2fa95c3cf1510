"""Indicator values with two decimals are shown with them: in reports, profiles, monitoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from widgets.profile_view_html import city_indicator_html, indicator_table_html
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.core.formatting import value_places
from workbench.synthesis.indicators import comparison, import_indicators, indicators
from workbench.synthesis.profiles import build_profiles

# Ärzte je 1.000 Einwohner: 0,85 in Manfort beside 0,92 in the city — one decimal would
# show "0,9" twice and a difference of "-0,1".
VALUES = (
    "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
    "Gesamtstadt;Hausärzte;2021;0,92;je 1.000 Einw.;KV\n"
    "Manfort;Hausärzte;2021;0,85;je 1.000 Einw.;KV\n"
    "Gesamtstadt;Hausärzte;2022;0,93;je 1.000 Einw.;KV\n"
    "Manfort;Hausärzte;2022;0,81;je 1.000 Einw.;KV\n"
    "Gesamtstadt;SGB-II-Quote;2022;11,3;%;Amt\n"
    "Manfort;SGB-II-Quote;2022;15;%;Amt\n"
)


@pytest.fixture
def valued(project: Project, tmp_path: Path) -> Project:
    path = tmp_path / "werte.csv"
    path.write_text(VALUES, encoding="utf-8")
    import_indicators(project, path)
    return project


def test_places_follow_the_stored_values() -> None:
    assert value_places(13.9, 15.0) == 1  # as before: one decimal beside one
    assert value_places(17763.0, 163729.0) == 0
    assert value_places(0.85, 0.92) == 2


def test_profile_tables_show_two_decimals(valued: Project) -> None:
    html = indicator_table_html(comparison(valued, "Manfort"), "Manfort")
    assert ">0,81</td>" in html and ">0,93</td>" in html
    assert ">-0,12</td>" in html  # the difference, not -0,1
    assert "15,0 %" in html and "11,3 %" in html  # one decimal stays one decimal
    overview = city_indicator_html(build_profiles(valued))
    assert "0,85" in overview and "0,92" in overview


def test_report_and_monitoring_show_two_decimals(
    valued: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--project", str(valued.path)]
    out = tmp_path / "manfort.html"
    assert main([*base, "report", "--district", "Manfort", "--format", "html", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "0,85" in html and "0,92" in html and "-0,07" in html
    capsys.readouterr()
    assert main([*base, "monitoring", "indicators"]) == 0
    text = capsys.readouterr().out
    assert "0,85" in text and "0,81" in text and "0,92" in text
    # the change over the years, and the city's over the same years, not "-0,0"
    assert "-0,04 je 1.000 Einw. (Gesamtstadt +0,01 je 1.000 Einw.)" in text


def _ods(path: Path, rows: list[list[object]]) -> Path:
    """An ODS as LibreOffice Calc saves it: a share is a cell of value type "percentage"
    holding 0.139 for 13,9 %; empty cells repeated."""
    from odf.number import Number, PercentageStyle
    from odf.number import Text as NumberText
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    percent = PercentageStyle(name="prozent")
    percent.addElement(Number(decimalplaces="1", minintegerdigits="1"))
    percent.addElement(NumberText(text=" %"))
    doc.automaticstyles.addElement(percent)
    style = Style(name="anteil", family="table-cell", datastylename="prozent")
    doc.automaticstyles.addElement(style)
    table = Table(name="Indikatoren")
    for values in rows:
        row = TableRow()
        for value in values:
            if value is None:
                cell = TableCell(numbercolumnsrepeated=2)
            elif isinstance(value, tuple):  # (share,): shown as a percentage
                cell = TableCell(valuetype="percentage", value=value[0], stylename=style)
                cell.addElement(P(text=f"{100 * value[0]:.1f} %"))
            elif isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def test_shares_libreoffice_formats_as_percent_are_read_as_it_shows_them(
    project: Project, tmp_path: Path
) -> None:
    # LibreOffice Calc stores 14,2 % as 0.142 of type "percentage", as Excel does with its
    # format "0,0 %": the import stored 0,142 % (and the profile showed "0,1 %").
    head = ["Sozialraum", "Indikator", "Jahr", "Wert", "Einheit", "Quelle"]
    path = _ods(
        tmp_path / "quoten.ods",
        [
            ["Sozialindikatoren 2022"],
            [None],
            head,
            ["Gesamtstadt", "SGB-II-Quote", 2022, (0.104,), "%", "BA"],
            ["Manfort", "SGB-II-Quote", 2022, (0.142,), "%", "BA"],
            ["Manfort", "Einwohner", 2022, 12034, "Personen", "Amt"],
        ],
    )
    import_indicators(project, path)
    values = indicators(project).set_index(["district", "indicator"])["value"].to_dict()
    assert values == {
        ("Gesamtstadt", "SGB-II-Quote"): 10.4,
        ("Manfort", "SGB-II-Quote"): 14.2,
        ("Manfort", "Einwohner"): 12034.0,
    }
    wrong = _ods(
        tmp_path / "falsch.ods",
        [head, ["Manfort", "Einwohner", 2022, (0.5,), "Personen", "Amt"]],
    )
    with pytest.raises(InputError) as err:
        import_indicators(project, wrong)
    assert err.value.row == 2 and "'50 %'" in err.value.message
