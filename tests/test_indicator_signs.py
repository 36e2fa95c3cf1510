"""Indicator outputs write a number they do not have as DIN 55301 does — "." (unknown) or
"x" (a comparison that would say nothing) — never "–", which the same standard, and the
workbench's own import, read as "genau null"."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from tests.test_reports_sparse import html_parts
from widgets.profile_view_html import city_indicator_html, indicator_table_html
from workbench import Project
from workbench.cli.main import main
from workbench.synthesis.indicators import comparison, import_indicators
from workbench.synthesis.profiles import build_profiles
from workbench.synthesis.reports import render

WHEN = datetime(2026, 5, 6, 7, 8, tzinfo=UTC)
LEGEND = "Zeichen: . = Zahlenwert unbekannt, x = Aussage nicht sinnvoll."


def _with_gaps(project: Project, tmp_path: Path) -> Project:
    """A count (no difference, no index), a rate without a city value, a comparable rate."""
    values = tmp_path / "werte.csv"
    values.write_text(
        "district,indicator,year,value,unit,source\n"
        "Gesamtstadt,Einwohner,2022,163729,Personen,Amt\n"
        "Manfort,Einwohner,2022,12034,Personen,Amt\n"
        "Manfort,SGB-II-Quote,2022,14.6,%,Amt\n"
        "Gesamtstadt,Kinderarmut,2022,15.0,%,Amt\n"
        "Manfort,Kinderarmut,2022,21.5,%,Amt\n",
        encoding="utf-8",
    )
    import_indicators(project, values)
    return project


def test_report_profile_writes_dot_and_x_and_explains_them(
    project: Project, tmp_path: Path
) -> None:
    page = render(_with_gaps(project, tmp_path), "html", "Manfort", generated_at=WHEN)
    texts, tables = html_parts(page)
    head = ["Indikator", "Jahr", "Wert", "Einheit", "Gesamtstadt", "Differenz", "Quelle"]
    (table,) = [t for t in tables if t[0] == head]
    rows = {r[0]: r for r in table[1:]}
    assert rows["Einwohner"][5].startswith("x (Anzahl")  # a count: no difference
    assert rows["SGB-II-Quote"][4] == "." and rows["SGB-II-Quote"][5].startswith(". (kein")
    assert rows["Kinderarmut"][4:6] == ["15,0", "6,5"]
    assert "–" not in {c.split()[0] for r in table[1:] for c in r[2:6]}
    assert LEGEND in texts


def test_profile_app_table_writes_dot_and_x_and_explains_them(
    project: Project, tmp_path: Path
) -> None:
    table = comparison(_with_gaps(project, tmp_path), "Manfort")
    html = indicator_table_html(table, "Manfort")
    rows = re.findall(r"<tr><td>([^<]+)<div.*?</td>(.*?)</tr>", html)
    cells = {name: re.findall(r"<td class='sw-num'>([^<]*)</td>", rest) for name, rest in rows}
    assert cells["Einwohner"][2:] == ["x", "x"]  # difference, index
    assert cells["SGB-II-Quote"][1:] == [".", ".", "."]  # city, difference, index
    assert LEGEND in html and "–" not in {c for row in cells.values() for c in row}
    overview = city_indicator_html(build_profiles(project))  # the city's overview
    assert "<td class='sw-num'>.</td>" in overview  # Wiesdorf has no values
    assert "Zeichen: . = Zahlenwert unbekannt." in overview


def test_report_workbook_writes_dot_and_x(project: Project, tmp_path: Path) -> None:
    data = render(_with_gaps(project, tmp_path), "xlsx", generated_at=WHEN)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Indikatoren"]
    head, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    columns = ["Gesamtstadt", "Differenz", "Index (Gesamtstadt = 100)"]
    found = {r[1]: [r[head.index(c)] for c in columns] for r in rows if r[0] == "Manfort"}
    assert found["Einwohner"] == [163729, "x", "x"]
    assert found["SGB-II-Quote"] == [".", ".", "."]
    assert found["Kinderarmut"][:2] == [15, 6.5]


def test_monitoring_command_writes_dot_for_a_year_without_a_value(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    values = tmp_path / "werte.csv"
    values.write_text(
        "district,indicator,year,value,unit,source\n"
        "Gesamtstadt,SGB-II-Quote,2019,10.9,%,Amt\nGesamtstadt,SGB-II-Quote,2022,11.3,%,Amt\n"
        "Manfort,SGB-II-Quote,2019,13.9,%,Amt\nManfort,SGB-II-Quote,2022,14.6,%,Amt\n"
        "Wiesdorf,SGB-II-Quote,2022,18.9,%,Amt\n",
        encoding="utf-8",
    )
    import_indicators(project, values)
    assert main(["--project", str(project.path), "monitoring", "indicators"]) == 0
    out = capsys.readouterr().out
    (wiesdorf,) = [line.split() for line in out.splitlines() if "Wiesdorf" in line]
    assert wiesdorf[1:3] == [".", "18,9"]  # not "–": that would be a rate of exactly zero
    assert " ".join(wiesdorf[3:]) == "nur ein Jahr – kein Verlauf"  # no sign before the why
    assert "Zeichen: . = Zahlenwert unbekannt." in out
