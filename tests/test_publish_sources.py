"""The public site's sentences for missing parts, written for residents at their source."""

from __future__ import annotations

import html
import re
from pathlib import Path

from tests.site_pages import WHEN, Page, page_files, squash
from tests.sparse_data import card_wall
from workbench.synthesis.reports import render
from workbench.synthesis.site import MAP_FILE, REPORT_FILE, publish


def test_each_missing_part_is_said_for_residents_where_it_is_written(tmp_path: Path) -> None:
    """Before any analysis the site read "Noch keine Themen berechnet." and "Noch kein
    Codebuch und keine kodierten Aussagen." (the team's sentences with their command cut
    off): method words for residents. Each sentence now has its public twin at its source;
    the team's report keeps its sentences and commands word for word."""
    with card_wall(tmp_path, needs=False) as project:  # no codebook, no runs, no indicators
        site = publish(project, tmp_path / "seite", generated_at=WHEN)
        team = squash(
            html.unescape(
                re.sub(r"<[^>]+>", " ", render(project, "html", generated_at=WHEN).decode())
            )
        )
    shown = {path.name: squash(Page(path).text) for path in page_files(site.folder)}
    for name, text in shown.items():
        found = re.search(r".{0,40}(berechnet|Codebuch|kodierte|workbench ).{0,20}", text)
        assert found is None, (name, found and found.group(0))
    report = shown[REPORT_FILE]
    for said in (
        "Die genannten Bedarfe sind noch nicht ausgewertet.",
        "Die Themen sind noch nicht ausgewertet.",
        "Die Aussagen sind hierzu noch nicht ausgewertet.",
        "Noch keine Indikatoren.",
        "Noch keine Empfehlungen.",
        "Noch keine Sozialräume.",
    ):
        assert said in report, said
    assert "Noch keine Themen." in shown[MAP_FILE]
    for said in (
        "Noch keine Bedarfscluster berechnet (workbench needs).",
        "Noch keine Themen berechnet (workbench topics).",
        "Noch kein Codebuch und keine kodierten Aussagen: workbench codebook import DATEI.",
        "Noch keine Indikatoren: workbench indicators --import DATEI.",
        "Noch keine Empfehlungen: workbench recommend add TEXT.",
        "Noch keine Sozialräume: workbench districts --add NAME",
        "Noch nichts zu zeigen: Karten brauchen Sozialräume mit Bedarfen (workbench needs)",
    ):
        assert said in team, said
