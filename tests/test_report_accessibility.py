"""Reports a city publishes (BITV 2.0 / WCAG 2.1 AA): what a screen reader and Word need.

A small report built from blocks (a table, a bar chart, a heatmap, a map) is rendered to
DOCX and HTML, a project with indicators to XLSX and a small study over two waves (with a
need run, no embeddings) to HTML and DOCX; the checks read the files as Word, Excel and a
screen reader would: the language of the text, headings, table header rows, row and
column headers, names and alt texts of charts, contrast of text on colours, and no chart
that offers to send its data to Plotly Cloud. axe-core checks the HTML report in
``tests/browser/test_report_html.py``.
"""

from __future__ import annotations

import html
import io
import itertools
import json
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest
from docx.oxml.ns import qn
from plotly.colors import sample_colorscale

from tests.monitoring_data import two_waves
from workbench.analysis.topic_map import MapData
from workbench.core.colours import MIN_CONTRAST, contrast_ratio, rgb
from workbench.synthesis.concept import concept_chapter, with_chapter
from workbench.synthesis.indicators import import_indicators
from workbench.synthesis.reports import build_report, collect, render
from workbench.synthesis.reports.charts import chart_div, plotly_figure
from workbench.synthesis.reports.docx import render_docx
from workbench.synthesis.reports.html import render_html
from workbench.synthesis.reports.model import (
    Chart,
    Heading,
    MapFigure,
    Paragraph,
    Report,
    Table,
)
from workbench.synthesis.site.charts import map_div

WHEN = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)


def small_report() -> Report:
    """A title, a table, a bar chart, a heatmap and a schematic map."""
    return Report(
        "Sozialbericht Teststadt",
        (
            Heading(1, "Sozialbericht Teststadt", "sec-titel"),
            Paragraph("Grundlage: zwei Workshops.", "meta"),
            Heading(2, "Überblick", "sec-ueberblick"),
            Table(("Workshop", "Aussagen"), (("Auftakt", "12"), ("Manfort", "30")), (False, True)),
            Chart(
                "aussagen",
                "Aussagen je Sozialraum",
                "bar",
                ("Manfort", "Opladen"),
                series=(("Aussagen", (30.0, 12.0)),),
                axis="Aussagen",
            ),
            Chart(
                "matrix",
                "Bedarfe nach Sozialraum (Aussagen)",
                "heatmap",
                ("1: Treffpunkte", "2: Beratung"),
                columns=("Manfort", "Opladen"),
                z=((4.0, 1.0), (0.0, 3.0)),
                axis="Aussagen",
            ),
            Heading(2, "Karte", "sec-karte"),
            MapFigure(
                "sgb",
                "SGB-II-Quote (2022) im Verhältnis zur Gesamtstadt (= 100)",
                (("Manfort", 130.0), ("Opladen", 85.0)),
                False,
                "Index (Gesamtstadt = 100)",
            ),
        ),
    )


@pytest.fixture(scope="module")
def word() -> docx.document.Document:
    """The small report as DOCX, opened with python-docx."""
    return docx.Document(io.BytesIO(render_docx(small_report(), WHEN)))


def test_docx_text_is_german_not_the_templates_english(word: docx.document.Document) -> None:
    """Word's spell check, a screen reader's voice and the PDF made from the file take the
    language of the text from the styles; python-docx's template said en-US."""
    defaults = word.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "de-DE"
    langs = word.styles.element.xpath(".//w:lang/@w:val") + word.element.xpath(".//w:lang/@w:val")
    assert set(langs) == {"de-DE"}  # no style or run says otherwise
    assert word.core_properties.language == "de-DE"
    assert word.core_properties.title == "Sozialbericht Teststadt"


def test_docx_tables_mark_their_first_row_as_header(word: docx.document.Document) -> None:
    """Every table (data, bar chart, heatmap, the numbers of a map) has its column names
    as a header row: read as headers, repeated at the top of each page it runs onto."""
    assert len(word.tables) == 4
    for table in word.tables:
        flagged = [bool(row._tr.xpath("./w:trPr/w:tblHeader")) for row in table.rows]
        assert flagged == [True] + [False] * (len(table.rows) - 1), table.rows[0].cells[0].text


def plotly_config(div: str) -> dict:
    """The config object of the (one) ``Plotly.newPlot`` call in ``div``."""
    return json.loads(re.search(r"\}, (\{[^{}]*\}) \) \}; </script>", div).group(1))


def test_report_charts_offer_no_upload_to_plotly_cloud() -> None:
    """plotly.js 3+ shows a "Share chart..." button by default that opens Plotly Cloud and
    sends the figure there: no chart of a report may offer to send its data away."""
    for chart in small_report().blocks:
        if isinstance(chart, Chart):
            assert plotly_config(chart_div(chart))["showSendToCloud"] is False


def test_the_sites_statement_map_offers_no_upload_to_plotly_cloud() -> None:
    """The site's map carries participants' quotes in its hover texts."""
    statements = pd.DataFrame(
        {
            "segment_id": [1, 2], "topic": [0, 0], "topic_label": ["Treffpunkte"] * 2,
            "probability": [0.9, 0.8], "x": [0.0, 1.0], "y": [0.0, 1.0],
            "source_id": ["K1", "K2"], "district": ["Manfort"] * 2,
            "document": ["karten.csv"] * 2, "text": ["Ein Treffpunkt fehlt.", "Mehr Bänke."],
            "need": [1, pd.NA], "need_label": ["Treffpunkte", pd.NA],
        }
    )  # fmt: skip
    data = MapData(statements, pd.DataFrame(), ("Manfort",), topic_run=1, need_run=1)
    assert plotly_config(map_div(data, True, "karte"))["showSendToCloud"] is False


@pytest.fixture(scope="module")
def report_page() -> str:
    """The small report as HTML (without plotly.js: the markup is what is checked)."""
    return render_html(small_report(), WHEN, include_plotlyjs=False).decode("utf-8")


def test_html_tables_name_their_columns_and_the_rows_of_charts_and_maps(report_page: str) -> None:
    """A screen reader says the column and the row with each number: every column header
    has ``scope="col"``; in the tables of a chart and of a map the first cell of each row
    (the district, the need) is its row header; an empty corner is no header."""
    headers = re.findall(r"<th\b[^>]*>", report_page)
    assert headers and all(re.search(r"scope=[\"'](col|row)[\"']", h) for h in headers)
    tables = re.findall(r"<table\b.*?</table>", report_page)
    assert len(tables) == 4  # overview, bar chart, heatmap, map
    overview, bars, heatmap, map_table = tables
    assert '<th scope="col">Workshop</th>' in overview
    assert "<td>Auftakt</td>" in overview  # a plain table keeps plain rows
    assert '<thead><tr><td></td><th scope="col">Aussagen</th></tr></thead>' in bars
    assert '<tr><th scope="row">Manfort</th><td class="num">30</td></tr>' in bars
    assert '<td></td><th scope="col">Manfort</th><th scope="col">Opladen</th>' in heatmap
    assert '<tr><th scope="row">1: Treffpunkte</th><td class="num">4</td>' in heatmap
    assert "<th scope='row'>Manfort</th><td class='num'>130</td>" in map_table
    assert "<th scope='col'>Index (Gesamtstadt = 100)</th>" in map_table


def test_html_charts_are_one_named_image_without_english_buttons(report_page: str) -> None:
    """A screen reader met each plotly chart as a heap of axis labels ("0 10 20 30
    Aussagen Manfort Opladen") and ten English buttons ("Download plot as a PNG",
    "Box Select", "Autoscale" …) in the keyboard's way; each chart is now one image named
    by its title, saying where its numbers are, and has no mode bar."""
    figures = re.findall(r'<figure class="wb-chart".*?</figure>', report_page, re.S)
    assert len(figures) == 2
    for figure, title in zip(
        figures, ("Aussagen je Sozialraum", "Bedarfe nach Sozialraum (Aussagen)"), strict=True
    ):
        label = f"Diagramm: {title}. Die Zahlen stehen in der Tabelle „Daten“."
        assert f'<div role="img" aria-label="{label}"><div style=' in figure
        config = plotly_config(figure)
        assert config["displayModeBar"] is False and config["showSendToCloud"] is False
        assert "<summary>Daten</summary><table" in figure


def test_xlsx_charts_have_alt_text(project, tmp_path: Path) -> None:
    """Excel's accessibility check reported "Fehlender Alternativtext" for the native bar
    chart: openpyxl writes a chart's frame without a description."""
    values = tmp_path / "werte.csv"
    values.write_text(
        "district,indicator,year,value,unit,source,illustrative\n"
        "Gesamtstadt,SGB-II-Quote,2022,10,%,Test,true\n"
        "Manfort,SGB-II-Quote,2022,13,%,Test,true\n"
        "Opladen,SGB-II-Quote,2022,8,%,Test,true\n",
        "utf-8",
    )
    import_indicators(project, values)
    data = render(project, "xlsx", generated_at=WHEN)
    book = openpyxl.load_workbook(io.BytesIO(data))
    charted = [sheet.title for sheet in book.worksheets if sheet._charts]
    assert charted == ["Indikatoren-Index"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        drawings = [n for n in archive.namelist() if n.startswith("xl/drawings/drawing")]
        frames = re.findall(rb"<cNvPr [^>]*>", archive.read(drawings[0]))
    assert len(drawings) == 1 and len(frames) == 1
    described = re.search(rb'descr="([^"]*)"', frames[0]).group(1).decode("utf-8")
    assert described == (
        "Balkendiagramm: Indikatoren im Verhältnis zur Gesamtstadt (= 100). "
        "Die Zahlen stehen in der Tabelle darüber."
    )
    assert book["Indikatoren-Index"]["A1"].value == "Indikator"  # the table it points to


@pytest.mark.parametrize("reference", [None, 100.0])
def test_docx_heatmap_numbers_are_readable_on_their_shading(reference: float | None) -> None:
    """A count (white to dark blue) or an index around 100 (blue, white, red): the number in
    each shaded cell has a contrast of at least 4.5:1 (WCAG 1.4.3). White text started at
    55 % of the scale, where white on mid-blue or mid-red reached only 3.1–4.4:1."""
    values = (
        tuple(float(v) for v in range(0, 201, 10))
        if reference
        else tuple(float(v) for v in range(11))
    )
    chart = Chart(
        "heat", "Werte", "heatmap", tuple(f"Zeile {i}" for i in range(len(values))),
        columns=("Manfort",), z=tuple((v,) for v in values), reference=reference,
    )  # fmt: skip
    word = docx.Document(io.BytesIO(render_docx(Report("Test", (chart,)), WHEN)))
    [table] = word.tables
    checked = 0
    for row in table.rows[1:]:
        cell = row.cells[1]
        fill = cell._tc.xpath("./w:tcPr/w:shd/@w:fill")[0]
        [run] = cell.paragraphs[0].runs
        text = run.font.color.rgb if run.font.color.type is not None else None
        ink = (255, 255, 255) if str(text) == "FFFFFF" else (0, 0, 0)
        ratio = contrast_ratio(rgb(f"#{fill}"), ink)
        assert ratio >= MIN_CONTRAST, f"{cell.text} auf #{fill}: {ratio:.2f}:1"
        checked += 1
    assert checked == len(values)


@pytest.mark.parametrize("reference", [None, 100.0])
def test_html_heatmap_numbers_are_readable_on_their_cells(reference: float | None) -> None:
    """plotly wrote a heatmap's numbers in #444 or white by its own rule: on mid-blue and
    mid-red cells 3.2–4.4:1 (30 of the 142 numbers of the demo's report). Each number is
    now black or white by contrast with the colour plotly paints its cell with."""
    values = [float(v) for v in range(0, 201, 10)] if reference else [float(v) for v in range(11)]
    chart = Chart(
        "heat", "Werte", "heatmap", tuple(f"Zeile {i}" for i in range(len(values))),
        columns=("Manfort",), z=tuple((v,) for v in values), reference=reference,
    )  # fmt: skip
    figure, _ = plotly_figure(chart)
    [heatmap] = figure.data
    numbers = figure.layout.annotations
    assert [(a.y, a.text) for a in numbers] == [
        (f"Zeile {i}", str(int(v))) for i, v in enumerate(values)
    ]
    scale = [list(stop) for stop in heatmap.colorscale]
    for number, value in zip(numbers, values, strict=True):
        [cell] = sample_colorscale(scale, [(value - heatmap.zmin) / (heatmap.zmax - heatmap.zmin)])
        cell_rgb = tuple(float(c) for c in cell[4:-1].split(","))
        ratio = contrast_ratio(cell_rgb, rgb(number.font.color))
        assert ratio >= MIN_CONTRAST, f"{number.text} auf {cell}: {ratio:.2f}:1"
    if reference is not None:  # the scale's middle stays at the reference
        assert heatmap.zmin + heatmap.zmax == 2 * reference


def test_each_need_over_its_quotes_is_a_heading(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A district's needs and the monitoring's new and no longer raised needs were bold
    paragraphs over their quotes: a screen reader could not jump from need to need, Word's
    navigation pane and a PDF's bookmarks did not list them. Each is a heading now, one
    level below its section, in HTML and DOCX; the heading levels have no gaps."""
    project = two_waves(tmp_path_factory.mktemp("ueberschriften"))
    try:
        page = render(project, "html", generated_at=WHEN).decode("utf-8")
        word = docx.Document(io.BytesIO(render(project, "docx", generated_at=WHEN)))
    finally:
        project.close()
    headings = re.findall(r"<h([1-6]) id=\"[^\"]+\">([^<]*)</h\1>", page)
    levels = [int(level) for level, _ in headings]
    assert all(b <= a + 1 for a, b in itertools.pairwise([0, *levels]))
    manfort = next(i for i, (lv, t) in enumerate(headings) if (lv, t) == ("3", "Manfort"))
    needs = next(i for i, h in enumerate(headings) if i > manfort and h[1] == "Bedarfe")
    first_need = headings[needs + 1]
    assert (
        first_need[0] == "5"
        and first_need[1] == "Treffpunkt – 5 Aussagen (übergreifend, Cluster 0)"
    )
    after = page[page.index(first_need[1]) :]
    assert after.index("<blockquote") < after.index("<h")  # its quotes follow it
    assert ("5", "neu: Energiekosten") in headings  # monitoring: under Manfort's h4
    assert ("5", "nicht mehr genannt: Leihgeräte") in headings
    assert 'class="wb-item"' not in page
    styles = {p.text: p.style.name for p in word.paragraphs}
    assert styles[first_need[1]] == "Heading 4" and styles["neu: Energiekosten"] == "Heading 4"


def test_docx_headings_and_captions_read_on_white(word: docx.document.Document) -> None:
    """python-docx's template writes Heading 2, 3, 4 (and 8) and Caption in 4F81BD: 4.0:1 on
    white, below the 4.5:1 WCAG 1.4.3 asks of text that size (13 pt bold and smaller)."""
    names = ["Title", *(f"Heading {n}" for n in range(1, 10)), "Caption", "Quote"]
    for name in names:
        style, colour = word.styles[name], None
        while style is not None and colour is None:  # the colour it shows, maybe inherited
            if style.font.color.type is not None:
                colour = style.font.color.rgb
            style = style.base_style
        if colour is not None:
            ratio = contrast_ratio(rgb(f"#{colour}"), (255, 255, 255))
            assert ratio >= MIN_CONTRAST, f"{name}: #{colour} {ratio:.2f}:1"
    assert str(word.styles["Heading 2"].font.color.rgb) == "365F91"  # Heading 1's blue


def test_the_concept_chapter_keeps_its_table_captions(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """In the city-wide report with ``--konzept`` a district's two need tables (cross-cutting
    and district-specific, the same columns) stood one under the other without their
    captions, in HTML and DOCX: nobody could tell which was which. The chapter's tables
    carry their captions as the concept itself does."""
    project = two_waves(tmp_path_factory.mktemp("konzept-kapitel"))
    try:
        chapter = concept_chapter(project, None)
        report = with_chapter(build_report(collect(project)), chapter)
    finally:
        project.close()
    captions = [b.caption for b in chapter if isinstance(b, Table) and b.caption]
    assert "Sozialraumspezifische Bedarfe: Manfort" in captions
    page = render_html(report, WHEN, include_plotlyjs=False).decode("utf-8")
    shown = re.findall(r'<table class="wb-table"><caption>([^<]*)</caption>', page)
    assert shown == [html.escape(c) for c in captions]
    word = docx.Document(io.BytesIO(render_docx(report, WHEN)))
    lines = [p.text for p in word.paragraphs if p.runs and all(r.bold for r in p.runs)]
    assert all(c in lines for c in captions)
