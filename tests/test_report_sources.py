"""The report's and the site's opening line count workshops only where one was held."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.site_pages import WHEN, Page, squash
from workbench import Project
from workbench.ingest.table import TableMapping
from workbench.synthesis.reports import render
from workbench.synthesis.site import publish

CARDS = ["Mehr Bänke im Park", "Der Jugendtreff fehlt abends", "Der Bus fährt zu selten"]


def _import(project: Project, folder: Path, name: str, rows: list[str], **options: str) -> None:
    source = folder / name
    source.write_text("\n".join(["Text", *rows]) + "\n", encoding="utf-8")
    project.import_files([source], TableMapping(text_column="Text"), add_districts=True, **options)


def _report_text(project: Project) -> str:
    page = render(project, "html", generated_at=WHEN).decode()
    return squash(html.unescape(re.sub(r"<[^>]+>", " ", page)))


# (files: name, rows, import options) → the opening line's count, the overview's first header
CASES = {
    "Kartenwand ohne Workshop": ([("karten.csv", CARDS, {})], "1 Quelle", "Quelle"),
    "Pol.is-Gespräch „Energie“": (
        [("comments.csv", CARDS, {"workshop": "Energie"})],
        "1 Quelle",
        "Quelle",
    ),
    "Chat und Transkript": (
        [("chat.csv", CARDS[:2], {}), ("transkript.csv", CARDS[2:], {})],
        "2 Quellen",
        "Quelle",
    ),
    "Workshop und Umfrage": (
        [
            ("protokoll.csv", CARDS[:2], {"workshop": "Quartiersworkshop", "district": "Manfort"}),
            ("umfrage.csv", CARDS[2:], {}),
        ],
        "1 Workshop und eine weitere Quelle",
        "Workshop oder Quelle",
    ),
    # ordinary studies: as before
    "Auftaktworkshop": (
        [("auftakt.csv", CARDS, {"workshop": "Auftaktworkshop Gesamtstadt"})],
        "1 Workshop",
        "Workshop",
    ),
    "zwei Quartiersworkshops": (
        [
            ("a.csv", CARDS[:2], {"workshop": "Quartiersworkshop Manfort", "district": "Manfort"}),
            ("b.csv", CARDS[2:], {"workshop": "Quartiersworkshop Opladen", "district": "Opladen"}),
        ],
        "2 Workshops",
        "Workshop",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_opening_line_counts_sources_not_workshops_where_none_was_held(
    tmp_path: Path, case: str
) -> None:
    """A card wall, a survey or a Pol.is conversation imported alone read "Projekt …:
    1 Workshop, 3 Aussagen" and a table headed "Workshop": a reader takes it that a
    workshop was held. They count as sources now ("1 Quelle"); a study with workshops
    reads as before."""
    files, count, header = CASES[case]
    project = Project.create(tmp_path / "projekt")
    for name, rows, options in files:
        _import(project, tmp_path, name, rows, **options)
    text = _report_text(project)
    statements = sum(len(rows) for _, rows, _ in files)
    assert f"Projekt projekt: {count}, {statements} Aussagen." in text
    assert f"Überblick {header} Sozialraum Datum Format Aussagen" in text
    method = "Aussagen: Protokolle und Kartenwände der Workshops"
    if header == "Quelle":  # the method section said so too, for a Pol.is export or a chat
        method = "Aussagen: die importierten Dateien (Umfragen, Kartenwände, Chats o. Ä., ohne"
    elif header != "Workshop":
        method += " sowie weitere importierte Dateien, beim Import"
    assert method in text
    if "Workshop" not in count:
        assert not re.search(r"\d Workshops?\b", text), re.search(r".{40}\d Workshops?.{20}", text)


def test_site_overview_counts_a_card_wall_as_a_source(tmp_path: Path) -> None:
    """The public site's overview shares the report's opening line: "1 Quelle"; its list of
    profiles began "Was die Workshops in jedem Sozialraum ergeben haben" for a card wall
    alone."""
    project = Project.create(tmp_path / "projekt")
    _import(project, tmp_path, "karten.csv", CARDS)
    site = publish(project, tmp_path / "seite", generated_at=WHEN)
    overview = squash(Page(site.folder / "index.html").text)
    assert "Projekt projekt: 1 Quelle, 3 Aussagen." in overview
    assert "1 Workshop" not in overview
    assert "Was die Quellen in jedem Sozialraum ergeben haben" in overview
    assert "Was die Workshops" not in overview
