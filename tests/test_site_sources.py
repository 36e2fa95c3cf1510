"""What the site, the reports and the profile app say about where a quote comes from.

A quote names its speaker's role only where the statement has one: a card wall or a
survey (a CSV without a role column) gave "· ohne Rolle" under every quote, noise that
said nothing about the statement.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import unescape
from pathlib import Path

from tests.sparse_data import card_wall, partial
from widgets.profile_view import ProfileView
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
