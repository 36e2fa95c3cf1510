"""What the site, the reports and the profile app say about where a quote comes from.

A quote names its speaker's role only where the statement has one: a card wall or a
survey (a CSV without a role column) gave "· ohne Rolle" under every quote, noise that
said nothing about the statement.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape
from pathlib import Path

from tests.sparse_data import card_wall, partial
from widgets.profile_view import ProfileView
from workbench import Project
from workbench.ingest.table import TableMapping
from workbench.synthesis.profiles import build_profiles
from workbench.synthesis.reports import render
from workbench.synthesis.site import publish

WHEN = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)


def site_text(folder: Path) -> dict[str, str]:
    """Every page of a published site by file name, its HTML unescaped."""
    return {p.name: unescape(p.read_text(encoding="utf-8")) for p in folder.glob("*.html")}


def test_quotes_without_a_role_name_none(tmp_path: Path) -> None:
    """A card wall without roles: no page, report or app view says "ohne Rolle"; a
    statement with a role keeps it beside one without."""
    with card_wall(tmp_path) as project:
        pages = site_text(publish(project, tmp_path / "seite", generated_at=WHEN).folder)
        report = render(project, "html", generated_at=WHEN).decode()
        view = ProfileView(build_profiles(project))
    assert any("karten.csv, Aussage 2" in text for text in pages.values())
    for name, text in pages.items():
        assert "ohne Rolle" not in text, name
    assert "karten.csv, Aussage 2" in report and "ohne Rolle" not in report
    assert "(karten.csv, Aussage 2)" in view.city_sections[-1].value
    assert "ohne Rolle" not in view.city_sections[-1].value
    with partial(tmp_path / "teilweise") as project:
        page = site_text(publish(project, tmp_path / "seite2", generated_at=WHEN).folder)
    manfort = page["sozialraum-manfort.html"]
    assert "manfort.csv, Aussage 2 · Rolle: Jugendhilfe" in manfort
    assert "manfort.csv, Aussage 3" in manfort and "ohne Rolle" not in manfort


def two_files(folder: Path) -> Project:
    """Manfort: a survey export imported without a workshop (named after its file) and
    a workshop's cards imported with ``--workshop``."""
    project = Project.create(folder / "projekt", districts=["Manfort"])
    survey = folder / "umfrage_2024-05.csv"
    survey.write_text("Text\nEs fehlt ein Jugendtreff\nMehr Bänke im Park\n", encoding="utf-8")
    cards = folder / "karten.csv"
    cards.write_text("Text\nDer Bus fährt zu selten\n", encoding="utf-8")
    mapping = TableMapping(text_column="Text")
    project.import_files([survey], mapping, district="Manfort")
    project.import_files([cards], mapping, district="Manfort", workshop="Quartiersworkshop")
    return project


def test_a_workshop_named_after_its_file_is_not_shown_as_one(tmp_path: Path) -> None:
    """The profile's opening line in the app, the report and the site names the workshops
    a resident took part in, not "umfrage_2024-05" (the file of a survey import); a quote
    from it names its file once."""
    with two_files(tmp_path) as project:
        pages = site_text(publish(project, tmp_path / "seite", generated_at=WHEN).folder)
        report = unescape(render(project, "html", generated_at=WHEN, district="Manfort").decode())
        view = ProfileView(build_profiles(project), "Manfort")
    line = "3 Aussagen aus Quartiersworkshop und einer weiteren Quelle."
    assert f"<p class='sw-lead'>{line} Entspricht" in view.heading.value
    line = line.replace("aus", "aus:")  # the report's and site's meta line
    assert line in report and line in pages["sozialraum-manfort.html"]
    for text in (report, pages["sozialraum-manfort.html"], view.heading.value):
        assert "umfrage_2024-05 ·" not in text and "aus: umfrage" not in text
    with card_wall(tmp_path / "karten") as project:  # the only workshop: "karten"
        report = render(project, "html", generated_at=WHEN, district="Gesamtstadt").decode()
    assert "5 Aussagen." in report and "aus: karten" not in report
    assert "karten.csv, Aussage 2" in report and "karten · karten.csv" not in report


def test_statements_without_a_district_are_not_the_city_in_the_site(tmp_path: Path) -> None:
    """A card wall without districts (a survey, a Pol.is export): the site's menu, the city
    page's title, the overview's chart and workshop table and the needs table named its
    statements "Gesamtstadt", the topic map and the apps "ohne Sozialraum"."""
    with card_wall(tmp_path) as project:
        pages = site_text(publish(project, tmp_path / "seite", generated_at=WHEN).folder)
    for name, text in pages.items():
        nav = text[text.index('<nav class="wb-site-nav"') :].split("</nav>")[0]
        assert re.search(r'"sozialraum-gesamtstadt.html"[^>]*>ohne Sozialraum</a>', nav), name
        assert ">Gesamtstadt</" not in text and '"Gesamtstadt"' not in text, name
    city = pages["sozialraum-gesamtstadt.html"]
    assert "<h1" in city and "Sozialraumprofil Gesamtstadt (Aussagen ohne Sozialraum)</h1>" in city
    assert "<td>karten.csv</td><td>ohne Sozialraum</td>" in pages["index.html"]  # its file
    with partial(tmp_path / "teilweise") as project:  # no statements of the city: its indicators
        page = site_text(publish(project, tmp_path / "seite2", generated_at=WHEN).folder)
    assert '"sozialraum-gesamtstadt.html">Gesamtstadt</a>' in page["index.html"]
