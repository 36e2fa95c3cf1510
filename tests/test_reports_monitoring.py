"""The city-wide report's "Monitoring" chapter (issue 16) in HTML, DOCX and XLSX.

A constructed study with known truth (tests/monitoring_data.py: two waves, two indicator
years, a status history), the demo with its follow-up wave (``workbench demo --welle2``),
and projects with one wave, one year, no history or nothing at all: each part of the
chapter either shows the data or says in one sentence what is missing and which command
provides it — never "nan", "<NA>" or "()".
"""

from __future__ import annotations

import doctest
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import docx
import openpyxl
import pytest

import workbench.synthesis.reports.monitoring as report_monitoring
from tests.monitoring_data import EARLIER, LATER, SPARSE_PROJECTS, STEPS, two_waves
from tests.sparse_data import FORBIDDEN
from tests.synthesis_data import demo_copy, follow_up_copy
from tests.test_reports_sparse import check, html_parts
from workbench import Project
from workbench.analysis import waves
from workbench.analysis.need_clusters import NO_NEED_RUN
from workbench.ingest.table import TableMapping
from workbench.synthesis import monitoring
from workbench.synthesis import recommendations as rec
from workbench.synthesis.recommendation_status import status_history
from workbench.synthesis.reports import render
from workbench.synthesis.reports.model import short

WHEN = datetime(2026, 5, 6, 7, 8, tzinfo=UTC)
NEED_COLUMNS = ["Verlauf", "Bedarf", "Cluster"]


def chapter(project: Project) -> tuple[list[str], list[list[list[str]]]]:
    """The texts and tables of the HTML report's chapter "Monitoring"."""
    page = render(project, "html", generated_at=WHEN).decode("utf-8")
    start = page.index('<h2 id="sec-monitoring">Monitoring</h2>')
    end = page.index("<h2 ", start + 10)
    return html_parts(page[start:end].encode("utf-8"))


def table_with(tables: list[list[list[str]]], header: list[str]) -> list[list[list[str]]]:
    """The tables whose header starts with ``header`` (the chart data tables left out)."""
    return [t for t in tables if t[0][: len(header)] == header]


@pytest.fixture(scope="module")
def constructed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    project = two_waves(tmp_path_factory.mktemp("monitoring-report"))
    yield project
    project.close()


@pytest.fixture(scope="module")
def follow_up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    project = follow_up_copy(tmp_path_factory, tmp_path_factory.mktemp("report-welle2") / "p")
    yield project
    project.close()


def test_doctests() -> None:
    assert doctest.testmod(report_monitoring).failed == 0
    assert doctest.testmod(monitoring).failed == 0


# -- a constructed study: every number is known ------------------------------------------
def test_needs_by_status_per_district(constructed: Project) -> None:
    texts, tables = chapter(constructed)
    text = "\n".join(texts)
    for heading in ("Bedarfe im Vergleich der Wellen", "Indikatoren im Zeitverlauf",
                    "Umsetzung der Empfehlungen"):  # fmt: skip
        assert heading in texts
    manfort, wiesdorf = table_with(tables, [*NEED_COLUMNS, EARLIER, LATER])
    assert [row[:2] + row[3:] for row in manfort[1:]] == [
        ["neu", "Energiekosten", "0", "3"],
        ["anhaltend", "Treffpunkt", "3", "2"],
        ["nicht mehr genannt", "Leihgeräte", "2", "0"],
        ["vereinzelt", "Sprachmittler", "1", "0"],
    ]
    assert [row[0] for row in wiesdorf[1:]] == ["anhaltend", "vereinzelt", "vereinzelt"]
    # nobody was asked in Opladen or city-wide in 2022: not "nicht mehr genannt"
    assert "Nicht erhoben: In der Welle „2022“ gibt es keine Aussagen aus Opladen" in text
    assert "keine gesamtstädtischen Aussagen (ohne Sozialraum); 1 Bedarf nicht verglichen" in text
    # the summary chart's numbers: one status per need and Sozialraum
    [summary] = table_with(tables, ["", *waves.STATUSES])
    assert summary[1] == ["Manfort", "1", "1", "1", "1", "0"]
    assert summary[-1] == ["ohne Sozialraum", "0", "0", "0", "0", "1"]
    # a new and a no longer raised need, each with what was said and where
    assert "Die Stromkosten sind zu hoch (B-ME0)" in text
    assert "welle_b.csv, Aussage B-ME0" in text and "ohne Rolle" not in text
    assert "Leihgeräte ohne Internet helfen nicht (A-MG0)" in text


def test_indicator_series_beside_the_city(constructed: Project) -> None:
    texts, tables = chapter(constructed)
    text = "\n".join(texts)
    header = ["Sozialraum", "2019", "2022", "Veränderung", "Gesamtstadt im selben Zeitraum"]
    index, quote = table_with(tables, header)  # indicators A–Z
    assert quote[1:] == [
        ["Gesamtstadt", "10,9", "11,3", "0,4 Prozentpunkte mehr", "x"],
        ["Manfort", "13,9", "14,6", "0,7 Prozentpunkte mehr", "0,4 Prozentpunkte mehr"],
        ["Wiesdorf", ".", "18,9", "nur ein Jahr – kein Verlauf", "."],
    ]  # DIN 55301: "." unknown, "x" would say nothing; "–" would read as "genau null"
    assert "Zeichen: . = Zahlenwert unbekannt, x = Aussage nicht sinnvoll." in text
    assert index[2] == ["Opladen", "104", "103", "1 Indexpunkt weniger", "unverändert"]
    # the chart in words, and its numbers beside it
    assert (
        "SGB-II-Quote, 2019 bis 2022: Gesamtstadt +0,4 Prozentpunkte; steigt in Manfort "
        "(+0,7 Prozentpunkte); nur ein Jahr: Wiesdorf." in texts
    )
    page = render(constructed, "html", generated_at=WHEN).decode("utf-8")
    assert 'id="wb-chart-monitoring-sgb-ii-quote"' in page
    assert 'id="wb-chart-monitoring-bedarfe"' in page
    assert "Nur für ein Jahr, daher ohne Verlauf: Einwohner (2019)." in text


def test_status_history_with_dates_and_actors(constructed: Project) -> None:
    texts, tables = chapter(constructed)
    [overview] = table_with(tables, ["Nr.", "Empfehlung", "Geltungsbereich", "aktueller Status"])
    assert overview[1:] == [
        ["1", "QM verstetigen", "gesamtstädtisch", "in Umsetzung", "01.04.2022", "2"],
        ["2", "Jugendtreff öffnen", "Manfort", "Entwurf", "–", "0"],
    ]
    [steps] = table_with(tables, ["Datum", "Status", "Verantwortlich", "Notiz"])
    assert steps[1:] == [
        ["23.09.2021", "abgestimmt", "Sozialausschuss", "Grundsatzbeschluss"],
        ["01.04.2022", "in Umsetzung", STEPS[1][2], "–"],  # no note: "–", not empty
    ]
    assert "Empfehlung 1: QM verstetigen" in texts
    assert any(t.startswith("Noch ohne Statusverlauf: Empfehlung 2 (") for t in texts)


def checked(project: Project, fmt: str) -> str:
    """``check`` of the sparse report tests; in XLSX only the chapter's sheets must be free
    of empty cells (the index sheet leaves a missing index empty for its native chart)."""
    if fmt != "xlsx":
        return check(project, fmt)
    book = openpyxl.load_workbook(io.BytesIO(render(project, fmt, generated_at=WHEN)))
    texts = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None]  # fmt: skip
    assert not [t for t in texts if FORBIDDEN.search(t)]
    for name in set(report_monitoring.SHEETS) & set(book.sheetnames):
        for row in book[name].iter_rows(values_only=True):
            assert None not in row, (name, row)
    return "\n".join(texts)


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
def test_constructed_study_shows_no_nan_and_no_empty_column(constructed: Project, fmt: str) -> None:
    text = checked(constructed, fmt)
    assert "Energiekosten" in text


def test_docx_and_xlsx_carry_the_chapter(constructed: Project) -> None:
    document = docx.Document(io.BytesIO(render(constructed, "docx", generated_at=WHEN)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    at = headings.index("Monitoring")
    assert headings[at + 1 : at + 3] == ["Bedarfe im Vergleich der Wellen", "Manfort"]
    assert headings.index("Methodik und Herkunft") > headings.index("Umsetzung der Empfehlungen")
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert {"0,7 Prozentpunkte mehr", "nicht mehr genannt", "Grundsatzbeschluss"} <= cells
    assert not [c for c in cells if "punkte" in c and c.startswith("'")]  # no formula quote

    book = openpyxl.load_workbook(io.BytesIO(render(constructed, "xlsx", generated_at=WHEN)))
    assert book.sheetnames[-3:] == list(report_monitoring.SHEETS)
    comparison = waves.need_comparison(constructed)
    rows = list(book["Wellenvergleich"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(comparison.table)
    new = next(r for r in rows if r[4] == waves.NEW)
    segments = constructed.segments().set_index("segment_id")
    traced = {segments.loc[int(i), "source_id"] for i in new[-1].split()}
    assert traced == {"B-ME0", "B-ME1", "B-ME2"}  # the statements behind "neu"
    assert new[-2] == "–"
    series = list(book["Indikatorverlauf"].iter_rows(values_only=True))
    assert series[0][3:5] == ("2019", "2022")
    assert ("SGB-II-Quote", "Manfort", "%", 13.9, 14.6) in {r[:5] for r in series}
    history = list(book["Statusverlauf"].iter_rows(min_row=2, values_only=True))
    # the step's date is a date, shown as 23.09.2021 (not the text "2021-09-23"): it reads
    # the German way and sorts and filters as a date in Excel and LibreOffice
    assert [(r[3], r[4]) for r in history] == [(datetime(2021, 9, 23), "abgestimmt"),
                                               (datetime(2022, 4, 1), "in Umsetzung")]  # fmt: skip
    assert {c.number_format for c in book["Statusverlauf"]["D"][1:]} == {"dd.mm.yyyy"}


def test_district_reports_leave_the_chapter_out(constructed: Project) -> None:
    page = render(constructed, "html", district="Manfort", generated_at=WHEN).decode("utf-8")
    assert 'id="sec-monitoring"' not in page


# -- the demo with its follow-up wave ---------------------------------------------------
def test_the_demo_follow_up_in_the_report(follow_up: Project) -> None:
    texts, tables = chapter(follow_up)
    comparison = waves.need_comparison(follow_up)
    shown = table_with(tables, [*NEED_COLUMNS, *comparison.waves])
    surveyed = [
        rows for _, rows in comparison.table.groupby("district", sort=False)
        if not (rows["status"] == waves.NOT_SURVEYED).all()
    ]  # fmt: skip
    assert len(shown) == len(surveyed) >= 1
    for table, rows in zip(shown, surveyed, strict=True):
        expected = [
            [s, short(label)] for s, label in zip(rows["status"], rows["label"], strict=True)
        ]
        assert [r[:2] for r in table[1:]] == expected
    statuses = {row[0] for table in shown for row in table[1:]}
    assert {waves.NEW, waves.PERSISTING, waves.GONE} <= statuses
    # every new need is shown with a statement of the follow-up wave
    segments = follow_up.segments().set_index("segment_id")
    for r in comparison.table[comparison.table["status"] == waves.NEW].itertuples():
        quote = segments.loc[r.later_ids[0]]
        assert quote["text"] in texts and quote["workshop"] in "\n".join(texts)
    # an indicator trend beside the city, and a dated status history
    manfort = ["Manfort", "13,9", "14,6", "0,7 Prozentpunkte mehr", "0,4 Prozentpunkte mehr"]
    [sgb] = [t for t in table_with(tables, ["Sozialraum", "2019", "2022"]) if manfort in t]
    assert sgb[1][0] == "Gesamtstadt"
    history = status_history(follow_up)
    steps = table_with(tables, ["Datum", "Status", "Verantwortlich", "Notiz"])
    assert sum(len(t) - 1 for t in steps) == len(history)
    assert ["15.02.2022", "umgesetzt", "Schulverwaltungsamt"] in [r[:3] for t in steps for r in t]


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
def test_the_demo_follow_up_shows_no_nan_and_no_empty_column(follow_up: Project, fmt: str) -> None:
    checked(follow_up, fmt)


# -- one wave, one year, no history, nothing ---------------------------------------------
def test_one_wave_one_year_no_history_each_say_so(tmp_path_factory: pytest.TempPathFactory) -> None:
    with demo_copy(tmp_path_factory, tmp_path_factory.mktemp("eine-welle") / "p") as project:
        rec.add_recommendation(project, "Quartiersmanagement verstetigen.")
        texts, tables = chapter(project)
        book = openpyxl.load_workbook(io.BytesIO(render(project, "xlsx", generated_at=WHEN)))
    notes = [
        monitoring.ONE_WAVE.format(wave="Welle 1"),
        monitoring.ONE_INDICATOR_YEAR.format(year=2019),
        monitoring.NO_HISTORY,
    ]
    assert [t for t in texts if t in notes] == notes  # one sentence each, in this order
    assert "workbench import --wave" in notes[0] and "workbench indicators --import" in notes[1]
    assert "workbench recommend status" in notes[2]
    assert tables == []
    assert not set(report_monitoring.SHEETS) & set(book.sheetnames)
    cover = [c.value for c in book["Bericht"]["A"]]
    assert f"Kein Blatt „Wellenvergleich“. {notes[0]}" in cover
    assert f"Kein Blatt „Statusverlauf“. {notes[2]}" in cover


@pytest.mark.parametrize(("build", "expected"), SPARSE_PROJECTS)
def test_sparse_projects_name_what_is_missing(tmp_path: Path, build, expected) -> None:
    project = build(tmp_path)
    try:
        texts, _ = chapter(project)
        assert [t for t in texts if t in expected] == expected
        for fmt in ("html", "docx", "xlsx"):
            check(project, fmt)
    finally:
        project.close()


def test_two_waves_without_a_need_run(project: Project, tmp_path: Path) -> None:
    cards = tmp_path / "karten.csv"
    cards.write_text("Text\nMehr Bänke im Park\n", encoding="utf-8")
    later = tmp_path / "folge.csv"
    later.write_text("Text\nStrom ist zu teuer\n", encoding="utf-8")
    mapping = TableMapping(text_column="Text")
    project.import_files([cards], mapping, district="Manfort")
    project.import_files([later], mapping, district="Manfort", wave="2022")
    texts, _ = chapter(project)
    assert NO_NEED_RUN in texts
    assert not [t for t in texts if re.search(r"\bnan\b|<NA>|\(\s*\)", t)]


def test_a_year_without_a_unit_continues_the_series_of_the_years_with_one(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """2024 came as a long table with the unit "Personen", 2025 as the Sozialbericht's
    table with a column "Einwohner" that names none: the residents' series goes on
    (+88 Personen), it is not "Einheit wechselt". A real change of unit still stops it."""
    from workbench.cli.main import main
    from workbench.synthesis.indicators import import_indicators

    long = tmp_path / "indikatoren_2024.csv"
    long.write_text(
        "Sozialraum;Indikator;Jahr;Wert;Einheit;Quelle\n"
        "Gesamtstadt;Einwohner;2024;98310;Personen;Melderegister\n"
        "Manfort;Einwohner;2024;8012;Personen;Melderegister\n"
        "Gesamtstadt;Kinder unter 6;2024;5,9;%;Melderegister\n"
        "Manfort;Kinder unter 6;2024;6,4;%;Melderegister\n",
        encoding="utf-8",
    )
    wide = tmp_path / "sozialbericht_2025.csv"
    wide.write_text(
        "Stand: 31.12.2025\nStadtteil;Einwohner;Kinder unter 6 (Anzahl)\n"
        "Manfort;8.100;520\nGesamtstadt;98.500;5.830\n",  # the share now as a count
        encoding="utf-8",
    )
    import_indicators(project, long)
    import_indicators(project, wide)
    series = monitoring.indicator_series(project).set_index(["indicator", "district"])
    residents = series.loc[("Einwohner", "Manfort")]
    assert (residents["change"], residents["city_change"]) == (88, 190)
    assert residents["unit"] == "Personen" and residents["note"] == ""
    assert series.loc[("Kinder unter 6", "Manfort"), "note"] == monitoring.UNIT_CHANGED
    assert main(["--project", str(project.path), "monitoring", "indicators"]) == 0
    out = capsys.readouterr().out
    assert "Einwohner (Personen)" in out and "Einwohner ()" not in out
    assert "+88 Personen (Gesamtstadt +190 Personen)" in out


def test_indicator_series_lines_stay_aligned_and_name_no_empty_unit(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Sozialbericht table whose "Einwohner" names no unit, and a district whose name is
    longer than the column ("Überruhr-Holthausen"): `monitoring indicators` shows the
    heading "Einwohner", not "Einwohner ()", and every year's value under its year."""
    from workbench.cli.main import main
    from workbench.synthesis.indicators import import_indicators

    project.add_districts(["Überruhr-Holthausen"])
    for year, values in (
        (2024, ("8.012", "15.402", "98.310")),
        (2025, ("8.100", "15.390", "98.500")),
    ):
        table = tmp_path / f"sozialbericht_{year}.csv"
        table.write_text(
            f"Stand: 31.12.{year}\nStadtteil;Einwohner\nManfort;{values[0]}\n"
            f"Überruhr-Holthausen;{values[1]}\nGesamtstadt;{values[2]}\n",
            encoding="utf-8",
        )
        import_indicators(project, table)
    assert main(["--project", str(project.path), "monitoring", "indicators"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Einwohner" in lines and not [line for line in lines if "()" in line]
    head = next(line for line in lines if "Sozialraum" in line)
    rows = [line for line in lines if line.startswith(("  Manfort", "  Überruhr", "  Gesamt"))]
    assert len(rows) == 3
    for line in rows:  # the last digit of each value under the last digit of its year
        for year in ("2024", "2025"):
            end = head.index(year) + 3
            assert line[end].isdigit() and line[end + 1] == " ", (line, year)
