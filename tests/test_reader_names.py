"""What a reader sees for the city's statements, a workshop named after its file and a
missing speaker role: alike in the profile app, the coding app, the report, the site and the
Sozialraumkonzept.

- A card wall imported without a workshop is stored under the workshop "karten" (the file's
  stem). The report's and the site's overview listed it as a workshop, the coding app in its
  context line and workshop filter; now both name the file, "karten.csv" (two such sources
  stay two rows a reader can tell apart). A named workshop keeps its name.
- The statements under Gesamtstadt were "Gesamtstadt (ohne Sozialraum)" / "Gesamtstadt
  (Auftakt)" in the app's matrix, "ohne Sozialraum" / "Gesamtstadt" in the report's and
  "Gesamtstadt" in the XLSX's: now one column name everywhere
  (:func:`workbench.synthesis.citywide.column_name`, docs/decisions/015).
- The concept wrote "ohne Rolle" after a quote without a role in a study with roles; the
  report writes nothing there, and now the concept does the same.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from html import unescape
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.sparse_data import card_wall, partial
from widgets.coding_panel import CodingPanel
from widgets.profile_view import ProfileView
from workbench import Project
from workbench.analysis.needs import NeedParams, run_needs
from workbench.ingest.table import TableMapping
from workbench.synthesis import recommendations as rec
from workbench.synthesis.concept import build_concept, render_concept
from workbench.synthesis.profiles import build_profiles
from workbench.synthesis.reports import render
from workbench.synthesis.reports.model import Chart, collect
from workbench.synthesis.reports.outline import build_report
from workbench.synthesis.site import publish

WHEN = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)
DISTRICTS = ("Manfort", "Opladen", "Wiesdorf")
NEEDS = (
    "Es fehlt ein Jugendtreff am Abend",
    "Mehr Bänke und Schatten im Park",
    "Sichere Radwege zur Schule fehlen",
    "Beratung für Familien in einfacher Sprache",
    "Ein Treffpunkt für ältere Menschen fehlt",
    "Mehr Grünflächen zwischen den Häusern",
)


def words(html: str) -> str:
    """Page text without tags, whitespace folded."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def named_cards(folder: Path, workshop: str) -> Project:
    """The sparse card wall's kind of file, imported as the workshop ``workshop``."""
    project = Project.create(folder / "karten-projekt")
    cards = folder / "karten.csv"
    cards.write_text("Text\nMehr Bänke im Park\nDer Jugendtreff fehlt\n", encoding="utf-8")
    project.import_files([cards], TableMapping(text_column="Text"), workshop=workshop)
    return project


def overview_rows(project: Project, folder: Path) -> dict[str, str]:
    """The overview's workshop row as the HTML report, the DOCX report and the site's start
    page show it (cells joined by " | " for DOCX)."""
    site = folder / "seite"
    publish(project, site, generated_at=WHEN)
    html = words(render(project, "html", generated_at=WHEN).decode("utf-8"))
    page = words((site / "index.html").read_text(encoding="utf-8"))
    document = docx.Document(io.BytesIO(render(project, "docx", generated_at=WHEN)))
    table = next(t for t in document.tables if "Format" in [c.text for c in t.rows[0].cells])
    row = " | ".join(c.text for c in table.rows[1].cells)
    # the first column: "Quelle" where no workshop was held (a card wall), else "Workshop"
    pattern = r"(?:Workshop|Quelle) Sozialraum Datum Format Aussagen (.+?) \d+ "
    return {
        "head": table.rows[0].cells[0].text,
        "html": re.search(pattern, html).group(1),
        "site": re.search(pattern, page).group(1),
        "docx": row.rsplit(" | ", 1)[0],
    }


def test_the_overview_lists_no_file_as_a_workshop(tmp_path: Path) -> None:
    """The card wall's row names its file "karten.csv" where the stem "karten" stood as if a
    workshop; a named workshop stays."""
    with card_wall(tmp_path / "wand", needs=False) as project:
        rows = overview_rows(project, tmp_path / "wand")
    assert rows == {
        "head": "Quelle",
        "html": "karten.csv ohne Sozialraum ohne Datum ohne Angabe",
        "site": "karten.csv ohne Sozialraum ohne Datum ohne Angabe",
        "docx": "karten.csv | ohne Sozialraum | ohne Datum | ohne Angabe",
    }
    with named_cards(tmp_path / "benannt", "Kartenwand Ottensen") as project:
        rows = overview_rows(project, tmp_path / "benannt")
    assert {r.split(" ")[0] for k, r in rows.items() if k != "head"} == {"Kartenwand"}


def test_the_coding_app_names_the_file_not_a_file_workshop(tmp_path: Path) -> None:
    """Context line and workshop filter: "karten.csv", not the workshop "karten"."""
    with card_wall(tmp_path / "wand", needs=False) as project:
        panel = CodingPanel(project, coder="Anna")
        context, labels = words(panel.context.value), list(panel.workshop_filter.options)
        panel.workshop_filter.value = "karten"  # the filter still selects the cards
        assert len(panel.model.visible_) == len(project.segments()) > 0
    assert " · ohne Sozialraum · karten.csv · Aussage 1 von " in context, context
    assert labels == [("Alle Workshops", ""), ("karten.csv", "karten")]
    with named_cards(tmp_path / "benannt", "Kartenwand Ottensen") as project:
        panel = CodingPanel(project, coder="Anna")
        context, labels = words(panel.context.value), list(panel.workshop_filter.options)
    assert " · Kartenwand Ottensen · Aussage 1 von " in context
    assert [label for label, _ in labels] == ["Alle Workshops", "Kartenwand Ottensen"]


def study(folder: Path, city_workshop: str) -> Project:
    """Three districts' workshops and city-wide statements from ``city_workshop``."""
    project = Project.create(folder / "projekt", districts=list(DISTRICTS))
    rows = [f"{t};{DISTRICTS[i % 3]};Workshop {DISTRICTS[i % 3]}" for i, t in enumerate(NEEDS)]
    rows += [f"{t};Gesamtstadt;{city_workshop}" for t in NEEDS[::2]]
    source = folder / "karten.csv"
    source.write_text("\n".join(["Text;Sozialraum;Workshop", *rows]) + "\n", encoding="utf-8")
    mapping = TableMapping(
        text_column="Text", district_column="Sozialraum", workshop_column="Workshop"
    )
    project.import_files([source], mapping)
    run_needs(project, NeedParams(segments="all", backend="tfidf"), progress=False)
    return project


def city_columns(project: Project) -> dict[str, str]:
    """The city's column in the app's matrix, the report's heatmap, its chart of statements
    per place and the XLSX's needs sheet."""
    view = ProfileView(build_profiles(project))
    heads = re.findall(r"<th class='sw-num'>([^<]+)</th>", view.city_sections[0].value)
    charts = {b.key: b for b in build_report(collect(project)).blocks if isinstance(b, Chart)}
    book = openpyxl.load_workbook(io.BytesIO(render(project, "xlsx", generated_at=WHEN)))
    sheet = [c.value for c in next(book["Bedarfe"].iter_rows(max_row=1))]
    places = ("Summe", "Aussagen", "Sozialräume", *DISTRICTS)
    found = {
        "app": heads,
        "heatmap": charts["bedarfe-matrix"].columns,
        "statements": charts["aussagen-je-sozialraum"].categories,
        "xlsx": sheet[6:],
    }
    return {k: "/".join(unescape(c) for c in v if c not in places) for k, v in found.items()}


@pytest.mark.parametrize(
    ("workshop", "column"),
    [
        ("Auftaktworkshop Gesamtstadt", "Gesamtstadt (Auftakt)"),
        ("Stadtkonferenz Gesamtstadt", "Gesamtstadt (Workshop)"),
        ("Bürgerbefragung 2024", "ohne Sozialraum"),
    ],
)
def test_one_name_for_the_citys_column(tmp_path: Path, workshop: str, column: str) -> None:
    """A kick-off's statements are "Gesamtstadt (Auftakt)" (not "Gesamtstadt", which reads
    like the city's total), a survey's "ohne Sozialraum", in every matrix and chart."""
    with study(tmp_path, workshop) as project:
        columns = city_columns(project)
    assert columns == dict.fromkeys(("app", "heatmap", "statements", "xlsx"), column)


def concept_text(project: Project) -> str:
    """The concept as HTML, tags removed."""
    return words(render_concept(build_concept(project), "html", WHEN).decode("utf-8"))


def test_the_concept_names_a_role_only_where_there_is_one(tmp_path: Path) -> None:
    """A study with roles: the quote with a role says it, the one without says nothing (not
    "ohne Rolle", which reads like a speaker without a function), as in the report."""
    with partial(tmp_path) as project:
        rec.link_evidence(project, 1, [("manfort.csv", "3")])
        run_needs(project, NeedParams(segments="all"), progress=False)
        text = concept_text(project)
        report = words(render(project, "html", generated_at=WHEN).decode("utf-8"))
    assert "manfort.csv, Aussage 2 (Nr. 1) · Rolle: Jugendhilfe " in text  # the resource
    assert "Es fehlt ein Spielplatz manfort.csv, Aussage 3 (Nr. 2) " in text  # the evidence
    assert "ohne Rolle" not in text and "ohne Rolle" not in report
    assert "manfort.csv, Aussage 2 · Rolle: Jugendhilfe" in report
