"""Reports of sparse projects: every format renders, missing data is named, never "nan".

A card wall without date, districts or roles (issue 11: ``TypeError: boolean value of NA
is ambiguous``), a single statement, an empty project and a project with gaps in every
part. Each output is opened the way a reader opens it (HTML parsed, DOCX with
python-docx, XLSX with openpyxl) and its texts are checked cell by cell.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.sparse_data import CARDS, FORBIDDEN, card_wall, no_statements, one_statement, partial
from workbench import Project
from workbench.cli.main import main
from workbench.synthesis.profiles import NO_INDICATORS
from workbench.synthesis.reports import render
from workbench.synthesis.reports.outline import (
    NO_CODEBOOK,
    NO_CODINGS,
    NO_DISTRICTS,
    NO_NEED_CLUSTERS,
    NO_RECOMMENDATIONS,
    NO_STATEMENTS,
    NO_TOPICS,
)

WHEN = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)


class _Html(HTMLParser):
    """Text nodes outside scripts and styles, and the cells of every table."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.tables: list[list[list[str]]] = []
        self._skip = 0
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if data.strip():
            self.texts.append(data.strip())
        if self._cell is not None:
            self._cell.append(data)


def html_parts(data: bytes) -> tuple[list[str], list[list[list[str]]]]:
    parser = _Html()
    parser.feed(data.decode("utf-8"))
    return parser.texts, parser.tables


def docx_parts(data: bytes) -> tuple[list[str], list[list[list[str]]]]:
    document = docx.Document(io.BytesIO(data))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    texts = [p.text for p in document.paragraphs] + [c for t in tables for r in t for c in r]
    return texts, tables


def xlsx_parts(data: bytes) -> tuple[list[str], list[list[list[str]]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    tables = [
        [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        for sheet in book.worksheets
        if sheet.title != "Bericht"  # the cover: one column of sentences
    ]
    texts = [
        str(c.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for c in row
        if c.value is not None  # empty cells: checked in check()
    ]
    return texts, tables


PARTS: dict[str, Callable[[bytes], tuple[list[str], list[list[list[str]]]]]] = {
    "html": html_parts,
    "docx": docx_parts,
    "xlsx": xlsx_parts,
}


def _empty_columns(table: list[list[str]]) -> list[str]:
    """Headers of columns that hold nothing in any data row."""
    if len(table) < 2:
        return []
    header, rows = table[0], table[1:]
    return [
        header[i] or f"Spalte {i + 1}"
        for i in range(len(header))
        if not any(i < len(r) and r[i].strip() for r in rows)
    ]


def check(project: Project, fmt: str, district: str | None = None, max_quotes: int = 3) -> str:
    """Render; no forbidden text, no empty column; return the texts joined."""
    data = render(project, fmt, district=district, generated_at=WHEN, max_quotes=max_quotes)
    texts, tables = PARTS[fmt](data)
    bad = [t for t in texts if FORBIDDEN.search(t)]
    assert not bad, (fmt, bad[:5])
    for table in tables:
        assert not _empty_columns(table), (fmt, table[0], _empty_columns(table))
    if fmt == "xlsx":  # a missing value in a sheet is a named value, not an empty cell
        book = openpyxl.load_workbook(io.BytesIO(data))
        for sheet in book.worksheets[1:]:
            for row in sheet.iter_rows(min_row=2, values_only=True):
                assert None not in row, (sheet.title, row)
    return "\n".join(texts)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sparse")


@pytest.fixture(scope="module")
def cards(folder: Path) -> Iterator[Project]:
    project = card_wall(folder / "karten")
    yield project
    project.close()


@pytest.fixture(scope="module")
def single(folder: Path) -> Iterator[Project]:
    project = one_statement(folder / "eine")
    yield project
    project.close()


@pytest.fixture(scope="module")
def empty(folder: Path) -> Iterator[Project]:
    project = no_statements(folder / "leer")
    yield project
    project.close()


@pytest.fixture(scope="module")
def gaps(folder: Path) -> Iterator[Project]:
    project = partial(folder / "teilweise")
    yield project
    project.close()


def test_the_cli_reports_a_card_wall_without_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 11, as reported: init, import a CSV with a text column only, needs, report."""
    project = tmp_path / "p"
    cards = tmp_path / "karten.csv"
    cards.write_text("Text\nMehr Bänke im Park\nJugendtreff fehlt\n", encoding="utf-8")
    assert main(["init", str(project)]) == 0
    assert main(["--project", str(project), "import", str(cards), "--text-column", "Text"]) == 0
    for fmt in ("html", "docx", "xlsx"):
        out = tmp_path / f"bericht.{fmt}"
        assert main(["--project", str(project), "report", "--format", fmt, str(out)]) == 0
        assert out.stat().st_size > 0
    capsys.readouterr()
    overview = html_parts((tmp_path / "bericht.html").read_bytes())[1][0]
    # a card wall, no workshop held: "Quelle"
    assert overview[0] == ["Quelle", "Sozialraum", "Datum", "Format", "Aussagen"]
    # the card wall names its file, no workshop
    assert overview[1] == [
        "karten.csv",
        "ohne Sozialraum",
        "ohne Datum",
        "ohne Angabe",
        "2",
    ]


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
def test_card_wall_names_what_is_missing(cards: Project, fmt: str) -> None:
    text = check(cards, fmt)
    if fmt == "xlsx":  # findings as sheets, the sentences on the cover
        book = openpyxl.load_workbook(io.BytesIO(render(cards, fmt, generated_at=WHEN)))
        quotes = list(book["Zitate"].iter_rows(values_only=True))
        role = quotes[0].index("Rolle")
        assert len(quotes) == 1 + len(CARDS)  # each card once, in its need cluster
        assert {row[role] for row in quotes[1:]} == {"–"}  # no card has a role
        for sheet, sentence in (("Themen", NO_TOPICS), ("Empfehlungen", NO_RECOMMENDATIONS)):
            assert f"Blatt „{sheet}“ ist leer. {sentence}" in text  # on the cover
        return
    assert "ohne Datum" in text
    assert "karten.csv, Aussage 2" in text  # every card's source line, without a role
    assert "ohne Rolle" not in text and "Rolle:" not in text
    assert "ohne Sozialraum (nur gesamtstädtisch genannt)" in text  # needs of the city only
    # no district to compare: no scope, one section, a sentence why
    assert "Die Bedarfe im Einzelnen" in text
    assert "Sozialraumspezifische Bedarfe" not in text
    assert "hier nennt keine der Aussagen einen Sozialraum" in text
    if fmt == "html":
        tables = html_parts(render(cards, fmt, generated_at=WHEN))[1]
        [needs] = [t for t in tables if t[0][:2] == ["Cluster", "Bedarf"]]
        assert needs[0][2:] == ["ohne Sozialraum"]  # no column "Reichweite"
    for sentence in (NO_DISTRICTS, NO_TOPICS, NO_INDICATORS, NO_RECOMMENDATIONS, NO_CODEBOOK):
        assert sentence in text, sentence
    assert NO_NEED_CLUSTERS not in text  # the need run exists


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
def test_a_single_statement_without_any_analysis(single: Project, fmt: str) -> None:
    text = check(single, fmt)
    assert "1 Quelle, 1 Aussage" in text  # a CSV file, no workshop
    for sentence in (NO_NEED_CLUSTERS, NO_TOPICS, NO_INDICATORS):
        assert sentence in text, sentence
    if fmt == "xlsx":
        assert f"Blatt „Zitate“ ist leer. {NO_CODINGS}" in text
    else:
        assert NO_CODINGS in text


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
def test_a_project_without_statements(empty: Project, fmt: str) -> None:
    text = check(empty, fmt)
    assert NO_STATEMENTS in text
    assert "0 Workshops, 0 Aussagen" in text


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
def test_gaps_in_districts_roles_codings_and_indicators(gaps: Project, fmt: str) -> None:
    text = check(gaps, fmt)
    if fmt != "xlsx":
        assert "manfort.csv, Aussage 2 · Rolle: Jugendhilfe" in text
        assert "manfort.csv, Aussage 3" in text and "ohne Rolle" not in text
        assert NO_NEED_CLUSTERS in text  # coded needs, not clustered yet
        assert "Aus Opladen liegen keine Aussagen vor." in text
        assert "Für Opladen sind keine Indikatoren importiert." in text
        assert "Empfehlung 1: Einen Spielplatz bauen" in text
        assert "Adressiert an: ohne Angabe" in text
        assert "Auftaktworkshop" not in text  # no city-wide statements: "Gesamtstadt" only
    else:
        assert "Jugendhilfe" in text and "ohne Rolle" in text
        assert "kein Wert für die Gesamtstadt" in text
    for district in ("Manfort", "Opladen"):
        check(gaps, fmt, district=district)
    # the study has a recommendation (for Manfort): Opladen's profile says none is for it,
    # not "Noch keine Empfehlungen: workbench recommend add"
    opladen = check(gaps, fmt, district="Opladen")
    assert "Keine Empfehlung für Opladen." in opladen and NO_RECOMMENDATIONS not in opladen
    # no city-wide workshop: the city's profile says so in German ("aus der Gesamtstadt")
    city = check(gaps, fmt, district="Gesamtstadt")
    assert "Aus der Gesamtstadt liegen keine Aussagen vor." in city
    assert "Aus Gesamtstadt" not in text + city
    assert "Keine Empfehlung für die Gesamtstadt." in city and "für der" not in city


def test_the_forbidden_pattern_finds_what_it_should() -> None:
    for shown in ("nan", "Wert: NaN", "<NA>", "&lt;NA&gt;", "None", "Bedarf ()", "( )"):
        assert FORBIDDEN.search(shown), shown
    for fine in ("Finanzen", "Nonnenwerth", "Index (Gesamtstadt = 100)", "–"):
        assert not FORBIDDEN.search(fine), fine


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
def test_districts_whose_names_differ_only_in_punctuation(tmp_path: Path, fmt: str) -> None:
    """„Nord-Ost“ and „Nord Ost“ share an id part: the report still has both, each its own."""
    from workbench.synthesis.indicators import import_indicators

    project = Project.create(tmp_path / "p", districts=["Nord-Ost", "Nord Ost"])
    rows = ["Gesamtstadt,SGB-II-Quote,2019,10,%,Stadt", "Nord-Ost,SGB-II-Quote,2019,15,%,Stadt"]
    rows.append("Nord Ost,SGB-II-Quote,2019,5,%,Stadt")
    indicators = tmp_path / "indikatoren.csv"
    indicators.write_text("district,indicator,year,value,unit,source\n" + "\n".join(rows) + "\n")
    import_indicators(project, indicators)
    data = render(project, fmt, generated_at=WHEN)  # was: AssertionError, chart key used twice
    project.close()
    if fmt != "html":
        return
    page = data.decode("utf-8")
    charts = re.findall(r'data-chart="([^"]+)-indikatoren"', page)
    assert sorted(charts) == ["nord-ost", "nord-ost-2"]
    for title in (
        "Nord-Ost im Verhältnis zur Gesamtstadt",
        "Nord Ost im Verhältnis zur Gesamtstadt",
    ):
        assert page.count(title) >= 1, title


def test_numbers_of_one_row_have_the_same_decimals(tmp_path: Path) -> None:
    """4.0 % beside 8.4 % reads „4,0“, not „4“ (it is no whole count of anything)."""
    from workbench.synthesis.indicators import import_indicators

    project = Project.create(tmp_path / "p", districts=["Alkenrath", "Manfort"])
    indicators = tmp_path / "indikatoren.csv"
    rows = ["Gesamtstadt,Arbeitslosenquote,2022,6.6,%,Stadt", "Alkenrath,Arbeitslosenquote,2022,4"]
    rows[-1] += ",%,Stadt"
    rows.append("Manfort,Arbeitslosenquote,2022,8.4,%,Stadt")
    indicators.write_text("district,indicator,year,value,unit,source\n" + "\n".join(rows) + "\n")
    import_indicators(project, indicators)
    tables = html_parts(render(project, "html", generated_at=WHEN))[1]
    alkenrath = html_parts(render(project, "html", "Alkenrath", generated_at=WHEN))[1]
    document = docx.Document(io.BytesIO(render(project, "docx", "Alkenrath", generated_at=WHEN)))
    project.close()
    rows_shown = [row for table in tables for row in table]
    assert ["Arbeitslosenquote", "2022", "%", "6,6", "4,0", "8,4"] in rows_shown  # overview
    index = 100 * 4 / 6.6  # 60,6; Manfort 127,3: a row of the heatmap's table
    assert ["Arbeitslosenquote (2022)", f"{index:.1f}".replace(".", ","), "127,3"] in rows_shown
    district_rows = [row for table in alkenrath for row in table]
    assert ["Arbeitslosenquote", "2022", "4,0", "%", "6,6", "-2,6", "Stadt"] in district_rows
    docx_cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert "4,0" in docx_cells and "4" not in docx_cells


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_a_report_without_quotes_ends_its_sentences(gaps: Project, fmt: str) -> None:
    """--max-quotes 0: „1 Aussage kodiert.“, not „…; 0 davon als Beispiel:“ over nothing."""
    text = check(gaps, fmt, max_quotes=0)
    assert "1 Aussage kodiert." in text
    assert "0 davon als Beispiel" not in text
    assert "1 Aussage kodiert; 1 davon als Beispiel:" in check(gaps, fmt)
