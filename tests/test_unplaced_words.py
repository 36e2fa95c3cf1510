"""A study without districts (a card wall, a survey, a Pol.is export) in the coding app, the
report's charts and notes, the Sozialraumkonzept and the XLSX report.

Its statements are stored under Gesamtstadt; the site, the profile app and the topic map
call them "ohne Sozialraum" (``workbench.synthesis.citywide``). The coding app's list and
filter, the report's chart titles and "keine … aus der Gesamtstadt" notes still said
"Gesamtstadt"; the concept and the XLSX report put "ohne Rolle" after every quote and named
the file-named workshop ("karten") beside its file. A study with a city-wide workshop keeps
"Gesamtstadt"; a study with roles keeps "ohne Rolle" where one is missing in the XLSX
report's role column (the concept names a role only where there is one:
tests/test_reader_names.py).
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from html import unescape
from pathlib import Path

import openpyxl

from tests.sparse_data import _codebook, card_wall, partial
from widgets.coding_panel import CodingPanel
from workbench import Project
from workbench.analysis.needs import NeedParams, run_needs
from workbench.ingest.table import TableMapping
from workbench.store import CITYWIDE
from workbench.synthesis import recommendations as rec
from workbench.synthesis.concept import build_concept, render_concept
from workbench.synthesis.reports import render

WHEN = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)


def coded_cards(folder: Path, workshop: str | None = None) -> Project:
    """The sparse card wall (optionally as a named ``workshop``), a codebook, card 1 coded
    as Ressource, a need run and a recommendation with card 2 as evidence."""
    if workshop is None:
        project = card_wall(folder)
    else:
        project = Project.create(folder / "karten-projekt")
        cards = folder / "karten.csv"
        cards.write_text("Text\nMehr Bänke im Park\nDer Jugendtreff fehlt\n", encoding="utf-8")
        project.import_files([cards], TableMapping(text_column="Text"), workshop=workshop)
        run_needs(project, NeedParams(segments="all"), progress=False)
    _codebook(project, folder)
    codings = folder / "kodierungen.csv"
    codings.write_text("document,source_id,coder,code\nkarten.csv,2,A,Ressource\n", "utf-8")
    project.import_codings(codings)
    number = rec.add_recommendation(project, "Mehr Bänke aufstellen", title="Bänke")
    rec.link_evidence(project, number, [("karten.csv", "3")])
    return project


def panel_texts(project: Project) -> tuple[list[str], str, list[str]]:
    """The coding app's list entries, its context header and its district filter labels."""
    panel = CodingPanel(project, coder="Anna")
    labels = [label for label, _ in panel.district_filter.options]
    return list(panel.segment_list.options), panel.context.value, labels


def test_the_coding_app_calls_a_card_walls_statements_ohne_sozialraum(tmp_path: Path) -> None:
    """List, header and filter say "ohne Sozialraum"; the filter still selects them; a
    city-wide workshop's statements stay "Gesamtstadt"."""
    with card_wall(tmp_path, needs=False) as project:
        entries, context, labels = panel_texts(project)
        panel = CodingPanel(project, coder="Anna")
        panel.district_filter.value = CITYWIDE
        assert len(panel.model.visible_) == 5
    assert entries and all(" · ohne Sozialraum: " in e for e in entries), entries[:2]
    assert "ohne Sozialraum" in context and "Gesamtstadt" not in context
    assert labels == ["Alle Sozialräume", "ohne Sozialraum"]
    with coded_cards(tmp_path / "auftakt", "Auftaktworkshop Gesamtstadt") as project:
        entries, context, labels = panel_texts(project)
    assert all(" · Gesamtstadt: " in e for e in entries) and "Gesamtstadt" in context
    assert labels == ["Alle Sozialräume", "Gesamtstadt"]


def test_report_titles_and_notes_say_ohne_sozialraum(tmp_path: Path) -> None:
    """The city profile's need chart and its "no findings" notes in the HTML report."""
    with coded_cards(tmp_path) as project:
        report = unescape(render(project, "html", generated_at=WHEN).decode())
    assert "Bedarfe ohne Sozialraum (Aussagen je Cluster)" in report
    assert "Keine als Herausforderung kodierten Aussagen ohne Sozialraum." in report
    assert "in der Gesamtstadt" not in report and "aus der Gesamtstadt" not in report
    with coded_cards(tmp_path / "auftakt", "Auftaktworkshop Gesamtstadt") as project:
        report = unescape(render(project, "html", generated_at=WHEN).decode())
    assert "Bedarfe in der Gesamtstadt (Aussagen je Cluster)" in report
    assert "Keine als Herausforderung kodierten Aussagen aus der Gesamtstadt." in report


def concept_text(project: Project) -> str:
    """The concept as HTML, tags removed."""
    page = render_concept(build_concept(project), "html", WHEN).decode("utf-8")
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", page)))


def test_the_concept_of_a_card_wall_names_neither_missing_roles_nor_file_workshops(
    tmp_path: Path,
) -> None:
    """Quotes end with their statement, not "· karten · ohne Rolle"; the city chapter is
    the statements without a Sozialraum's; a named workshop stays in the trail."""
    with coded_cards(tmp_path) as project:
        text = concept_text(project)
    assert "karten.csv, Aussage 2 (Nr. 1) " in text  # the resource
    assert "karten.csv, Aussage 3 (Nr. 2) " in text  # the evidence
    assert "ohne Rolle" not in text and "· karten" not in text
    assert "Aussagen ohne Sozialraum: Bedarfe und Ressourcen" in text
    assert "Gesamtstadt: Bedarfe" not in text
    with coded_cards(tmp_path / "auftakt", "Auftaktworkshop Gesamtstadt") as project:
        text = concept_text(project)
    assert "karten.csv, Aussage 2 (Nr. 1) · Auftaktworkshop Gesamtstadt " in text
    assert "Gesamtstadt: Bedarfe und Ressourcen" in text


def quote_rows(project: Project, sheet: str) -> list[dict[str, object]]:
    """The rows of one sheet of the XLSX report, by column header."""
    book = openpyxl.load_workbook(io.BytesIO(render(project, "xlsx", generated_at=WHEN)))
    head, *rows = book[sheet].iter_rows(values_only=True)
    return [dict(zip(head, row, strict=True)) for row in rows]


def test_the_xlsx_report_of_a_card_wall_leaves_role_and_file_workshop_empty(
    tmp_path: Path,
) -> None:
    """Quotes and evidence: "–" for the role nobody has and for the workshop that is only
    the file beside it; a study with roles keeps "ohne Rolle" where one is missing."""
    with coded_cards(tmp_path) as project:
        quotes, trail = quote_rows(project, "Zitate"), quote_rows(project, "Nachweise")
    assert quotes and trail
    for row in (*quotes, *trail):
        assert (row["Workshop"], row["Dokument"], row["Rolle"]) == ("–", "karten.csv", "–")
    with partial(tmp_path / "teilweise") as project:
        quotes = quote_rows(project, "Zitate")
    assert {r["Rolle"] for r in quotes} == {"Jugendhilfe", "ohne Rolle"}
