"""Reports: HTML, DOCX and XLSX open, show every district, and are reproducible."""

from __future__ import annotations

import doctest
import io
import itertools
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import openpyxl
import pytest

import workbench.core.formatting
import workbench.synthesis.reports
from tests.synthesis_data import demo_copy
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.synthesis import recommendations as rec
from workbench.synthesis.reports import (
    CHART_CLASS,
    GENERATED,
    model,
    office,
    outline,
    render,
    slug,
    write_report,
)
from workbench.synthesis.reports import (
    docx as report_docx,
)
from workbench.synthesis.reports import (
    html as report_html,
)
from workbench.synthesis.reports import (
    xlsx as report_xlsx,
)

DISTRICTS = ("Alkenrath", "Manfort", "Opladen", "Steinbüchel", "Wiesdorf")
REPORT_MODULES = (
    workbench.synthesis.reports, model, outline, office, report_html, report_docx, report_xlsx,
    workbench.core.formatting,
)  # fmt: skip
ONE = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
TWO = datetime(2027, 5, 6, 7, 8, tzinfo=UTC)


@pytest.fixture(scope="module")
def studied(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The analysed demo with two recommendations (one citing the card with HTML)."""
    project = demo_copy(tmp_path_factory, tmp_path_factory.mktemp("reports") / "p")
    first = rec.add_recommendation(
        project,
        "Quartiersmanagement in allen Sozialräumen verstetigen.",
        title="Quartiersmanagement verstetigen",
        actors=["Verwaltung", "Quartiersmanagement"],
        status="abgestimmt",
    )
    rec.link_need(project, first, 1)
    rec.link_evidence(project, first, [("manfort_karten.csv", "MF-K28")])
    second = rec.add_recommendation(
        project, "=SUMME(A1:A3) Jugendtreff öffnen", scope="Manfort", actors=["Jugendamt"]
    )
    rec.link_need(project, second, 0)
    yield project
    project.close()


@pytest.fixture(scope="module")
def html_report(studied: Project) -> str:
    return render(studied, "html", generated_at=ONE).decode("utf-8")


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def xlsx_strings(data: bytes) -> list[str]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def without_generated(fmt: str, data: bytes) -> dict[str, bytes]:
    """The file's content with the generated-at line taken out (per ZIP member)."""
    if fmt == "html":
        lines = data.decode("utf-8").split("\n")
        dropped = [line for line in lines if GENERATED in line]
        assert len(dropped) == 1
        return {"": "\n".join(line for line in lines if GENERATED not in line).encode()}
    members = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            content = archive.read(name)
            pattern = rb"<w:p>(?:(?!</w:p>).)*?" + GENERATED.encode() + rb".*?</w:p>"
            if fmt == "xlsx":  # an inline string of the cover sheet
                pattern = rb"<t>" + GENERATED.encode() + rb"[^<]*</t>"
            content = re.sub(pattern, b"", content, flags=re.S)
            members[name] = content
    return members


def test_doctests() -> None:
    attempted = 0
    for module in REPORT_MODULES:
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__
        attempted += result.attempted
    assert attempted >= 15


def test_html_has_every_district_with_charts(html_report: str) -> None:
    assert html_report.startswith('<!DOCTYPE html>\n<html lang="de">')
    for heading in ("Überblick", "Sozialraumübergreifende Bedarfe", "Indikatoren im Vergleich",
                    "Empfehlungen", "Sozialraumprofile", "Methodik und Herkunft"):  # fmt: skip
        assert f">{heading}</h2>" in html_report
    for district in DISTRICTS:
        assert f'<h3 id="sec-{slug(district)}">{district}</h3>' in html_report
        for chart in ("bedarfe", "themen", "indikatoren"):
            assert f'id="wb-chart-{slug(district)}-{chart}"' in html_report
    assert 'id="wb-chart-bedarfe-matrix"' in html_report
    charts = re.findall(rf'<figure class="{CHART_CLASS}" data-chart="([^"]+)">', html_report)
    assert len(charts) == len(set(charts)) >= 18
    # Offline: plotly.js is inline, nothing is fetched.
    head, body = html_report.split("</head>")
    assert "Plotly" in head
    own = re.sub(r"<script type=\"text/javascript\">.*?</script>", "", head, flags=re.S) + body
    assert not re.search(r"(src|href)=\"(https?:)?//", own)
    assert html_report.count("Plotly.newPlot(") == len(charts)


def test_html_escapes_quotes(html_report: str) -> None:
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html_report  # card MF-K28
    assert '<script>alert("x")' not in html_report


def test_reports_quote_only_pseudonymised_text(studied: Project, html_report: str) -> None:
    originals = [o for o in studied.pseudonym_key()["original"] if len(o) > 6]
    texts = {
        "html": html_report,
        "docx": docx_text(render(studied, "docx", generated_at=ONE)),
        "xlsx": "\n".join(xlsx_strings(render(studied, "xlsx", generated_at=ONE))),
    }
    for fmt, text in texts.items():
        assert "[Person" in text, fmt
        for original in originals:
            assert not re.search(rf"\b{re.escape(original)}\b", text), (fmt, original)


def test_docx_opens_with_profiles_and_evidence_trail(studied: Project) -> None:
    data = render(studied, "docx", generated_at=ONE)
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for district in DISTRICTS:
        assert district in headings
    assert "Empfehlungen" in headings
    assert "Empfehlung 1: Quartiersmanagement verstetigen" in headings
    text = docx_text(data)
    assert "Nachweiskette vollständig." in text
    assert "manfort_karten.csv, Aussage MF-K28" in text
    assert "█" in text  # bar charts drawn as tables
    assert document.core_properties.author == "Sozialraum-Werkbank"
    assert document.core_properties.created == datetime(1980, 1, 1, tzinfo=UTC)


def test_docx_pages_are_numbered_and_its_properties_say_nothing_foreign(studied: Project) -> None:
    """A printed report handed to a committee: "Seite 3 von 94" on every page; and the file's
    properties (shown by Word and the file manager) carry no text of the library it is
    written with ("generated by python-docx")."""
    data = render(studied, "docx", district="Manfort", generated_at=ONE)
    document = docx.Document(io.BytesIO(data))
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    fields = re.findall(r'w:instr="([A-Z]+)"', footer)
    assert fields == ["PAGE", "NUMPAGES"]
    assert re.sub(r"<[^>]+>", "", footer).split() == ["Seite", "1", "von", "1"]
    assert document.core_properties.comments == ""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        properties = b"".join(archive.read(n) for n in archive.namelist() if "docProps" in n)
    assert b"python-docx" not in properties


def test_docx_titles_stay_with_their_tables_and_quotes_with_their_sources(
    studied: Project,
) -> None:
    """Printed, no chart, table or map title stands alone at the foot of a page with its
    numbers on the next, and no quote is parted from the line naming its source."""
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    document = docx.Document(io.BytesIO(render(studied, "docx", generated_at=ONE)))

    def kept(paragraph: DocxParagraph) -> bool:
        style = paragraph.style
        return bool(paragraph.paragraph_format.keep_with_next or (
            style is not None and style.paragraph_format.keep_with_next))  # fmt: skip

    blocks = [
        DocxTable(e, document) if e.tag.endswith("}tbl") else DocxParagraph(e, document)
        for e in document.element.body.iterchildren()
        if e.tag.endswith(("}tbl", "}p"))
    ]
    titles = quotes = 0
    for before, after in itertools.pairwise(blocks):
        if isinstance(before, DocxParagraph) and before.text.strip():
            shown = isinstance(after, DocxTable) or "graphic" in after._p.xml  # table or map
            if shown and all(run.bold for run in before.runs):  # a bold title above it
                titles += 1
                assert kept(before), before.text
            if before.style.name == "Quote":
                quotes += 1
                assert kept(before) and after.text.startswith("— "), before.text
    assert titles > 20 and quotes > 20


def test_xlsx_opens_with_sheets_charts_and_plain_strings(studied: Project) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render(studied, "xlsx", generated_at=ONE)))
    assert book.sheetnames == [
        "Bericht", "Bedarfe", "Zitate", "Themen", "Indikatoren", "Indikatoren-Index",
        "Empfehlungen", "Nachweise", "Prüfung",
    ]  # fmt: skip
    assert book["Bericht"]["A2"].value.startswith(GENERATED)
    for sheet in book.worksheets[1:]:  # printed, each page of a table repeats its header
        assert sheet.print_title_rows == "$1:$1", sheet.title
    assert len(book["Bedarfe"]._charts) == 1 and len(book["Indikatoren-Index"]._charts) == 1
    districts = {row[0] for row in book["Zitate"].iter_rows(min_row=2, values_only=True)}
    assert districts == {"Gesamtstadt", *DISTRICTS}
    formula_like = book["Empfehlungen"]["C3"]
    # OWASP: a leading quote, so no spreadsheet program runs it; it reads the same
    assert formula_like.value == "'=SUMME(A1:A3) Jugendtreff öffnen"
    assert formula_like.data_type == "s"  # text, never a formula
    trail = list(book["Nachweise"].iter_rows(min_row=2, values_only=True))
    assert ("Beleg", "manfort_karten.csv", "MF-K28") in {(r[1], r[5], r[6]) for r in trail}
    # the first chain is complete; the second cites no statement of its own
    checked = list(book["Prüfung"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1]) for r in checked] == [(2, "Empfehlung")]
    assert checked[0][3].startswith("hat keine Belege")


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
def test_reproducible_apart_from_the_generated_line(studied: Project, fmt: str) -> None:
    first = render(studied, fmt, generated_at=ONE)
    assert render(studied, fmt, generated_at=ONE) == first  # same moment: same bytes
    later = render(studied, fmt, generated_at=TWO)
    assert later != first
    assert without_generated(fmt, later) == without_generated(fmt, first)


def test_the_generated_line_is_german_local_time(studied: Project) -> None:
    """A reader in Leverkusen reads "Erstellt am" by the clock on the wall: Berlin time,
    summer time included (22:30 UTC on 1 July is half past midnight on 2 July), no "UTC"."""
    summer = datetime(2026, 7, 1, 22, 30, tzinfo=UTC)
    line = "Erstellt am 02.07.2026, 00:30 Uhr"
    html = render(studied, "html", district="Manfort", generated_at=summer).decode("utf-8")
    assert f">{line}<" in html
    assert line in docx_text(render(studied, "docx", district="Manfort", generated_at=summer))
    book = openpyxl.load_workbook(
        io.BytesIO(render(studied, "xlsx", district="Manfort", generated_at=summer))
    )
    assert book["Bericht"]["A2"].value == line
    winter = render(studied, "docx", district="Manfort", generated_at=ONE)  # 03:04 UTC
    assert "Erstellt am 02.01.2026, 04:04 Uhr" in docx_text(winter)


def test_a_citywide_recommendation_reads_the_same_in_html_and_xlsx(
    studied: Project, html_report: str
) -> None:
    """The XLSX said "Gesamtstadt" where the HTML (and DOCX) say "gesamtstädtisch"."""
    assert "Geltungsbereich: gesamtstädtisch" in html_report
    book = openpyxl.load_workbook(io.BytesIO(render(studied, "xlsx", generated_at=ONE)))
    sheet = book["Empfehlungen"]
    column = [c.value for c in sheet[1]].index("Geltungsbereich")
    scopes = {row[0]: row[column] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert scopes == {1: "gesamtstädtisch", 2: "Manfort"}


def test_an_empty_check_sheet_says_why_on_the_cover(studied: Project) -> None:
    """Wiesdorf's report has the city-wide recommendation 1, whose evidence chain is
    complete: the sheet "Prüfung" has its header only, and the cover says that this is good
    news, not a sheet left unfilled."""
    data = render(studied, "xlsx", district="Wiesdorf", generated_at=ONE)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert [r[0] for r in book["Empfehlungen"].iter_rows(min_row=2, values_only=True)] == [1]
    assert book["Prüfung"].max_row == 1
    cover = [row[0] for row in book["Bericht"].iter_rows(values_only=True)]
    assert "Blatt „Prüfung“ ist leer. Alle Nachweisketten sind vollständig." in cover


def test_district_report(studied: Project) -> None:
    text = render(studied, "html", district="Manfort", generated_at=ONE).decode("utf-8")
    assert "<title>Sozialraumprofil Manfort</title>" in text
    assert 'id="wb-chart-manfort-bedarfe"' in text
    assert 'id="wb-chart-wiesdorf-bedarfe"' not in text
    assert "Empfehlung 2:" in text  # scoped to Manfort
    book = openpyxl.load_workbook(
        io.BytesIO(render(studied, "xlsx", district="Opladen", generated_at=ONE))
    )
    for sheet in ("Zitate", "Themen", "Indikatoren"):
        assert {r[0] for r in book[sheet].iter_rows(min_row=2, values_only=True)} == {"Opladen"}
    with pytest.raises(InputError, match="Gültig sind"):
        render(studied, "html", district="Rheindorf")


def test_report_of_an_empty_project(project: Project) -> None:
    text = render(project, "html", generated_at=ONE).decode("utf-8")
    assert "Noch keine Bedarfscluster berechnet" in text
    assert "Noch keine Empfehlungen: workbench recommend add" in text
    docx.Document(io.BytesIO(render(project, "docx", generated_at=ONE)))
    openpyxl.load_workbook(io.BytesIO(render(project, "xlsx", generated_at=ONE)))


def test_cli_writes_atomically(
    studied: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "manfort.docx"
    args = ["--project", str(studied.path), "report", "--format", "docx"]
    assert main([*args, "--district", "Manfort", str(out)]) == 0
    assert "Sozialraumprofil Manfort (docx)" in capsys.readouterr().out
    docx.Document(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["manfort.docx"]
    assert main([*args, str(tmp_path / "fehlt" / "bericht.docx")]) == 2
    assert "gibt es nicht" in capsys.readouterr().err
    assert write_report(studied, tmp_path / "b.xlsx").suffix == ".xlsx"  # format from suffix


def test_the_report_states_the_scope_rule_and_each_focus(studied: Project, html_report: str):
    """The scope rule in words (not "in wenigen genannt") and, for a need concentrated in
    one district, that district in its meta line (issue 14)."""
    from workbench.analysis.needs import clusters

    assert "„sozialraumspezifisch“: in wenigen" not in html_report
    assert "in einem Sozialraum gehäuft genannt (Schwerpunkt: mindestens 3 Aussagen" in html_report
    focused = [c for c in clusters(studied).itertuples() if list(c.focus_districts)]
    assert focused
    for c in focused:
        assert f"Schwerpunkt: {', '.join(c.focus_districts)} · genannt in: " in html_report
    book = openpyxl.load_workbook(io.BytesIO(render(studied, "xlsx", generated_at=ONE)))
    rows = list(book["Bedarfe"].iter_rows(values_only=True))
    assert rows[0][:6] == (
        "Cluster",
        "Bedarf",
        "Reichweite",
        "Schwerpunkt",
        "Sozialräume",
        "Aussagen",
    )
    by_cluster = {r[0]: r[3] for r in rows[1:]}
    for c in focused:
        assert by_cluster[c.cluster] == ", ".join(c.focus_districts)
    chart = book["Bedarfe"]._charts[0]  # the districts' columns, not the focus or the size
    assert chart.series[0].val.numRef.f.startswith("'Bedarfe'!$G$2")


def test_xlsx_actors_that_start_like_a_formula_stay_text(tmp_path: Path) -> None:
    """The actors of a recommendation are one cell: it gets the quote like every other cell."""
    project = Project.create(tmp_path / "p", districts=["Manfort"])
    rec.add_recommendation(
        project, "Jugendtreff öffnen", actors=['=HYPERLINK("http://x";"klick")', "Jugendamt"]
    )
    book = openpyxl.load_workbook(io.BytesIO(render(project, "xlsx", generated_at=ONE)))
    project.close()
    sheet = book["Empfehlungen"]
    actors = [c.value for c in sheet[1]].index("Adressiert an")
    cell = sheet.cell(row=2, column=actors + 1)
    assert cell.value == """'=HYPERLINK("http://x";"klick"), Jugendamt"""
    assert cell.data_type == "s"
