"""The profile app's city overview for a study without Sozialräume (a survey, a Pol.is
export, a card wall without a district column)."""

from __future__ import annotations

from pathlib import Path

from tests.test_report_sources import CARDS, _import
from widgets.profile_view_html import NO_DISTRICTS, city_parts
from workbench import Project
from workbench.synthesis.profiles import build_profiles


def test_a_study_without_districts_is_not_asked_to_choose_one(tmp_path: Path) -> None:
    """The overview read "Gesamtstadt: alle Sozialräume im Überblick … Wählen Sie oben
    einen Sozialraum für sein Profil." beside "noch keine Sozialräume angelegt", and
    "Bedarfe (0) keine" under "Noch keine Bedarfe gruppiert"."""
    project = Project.create(tmp_path / "projekt")
    _import(project, tmp_path, "karten.csv", CARDS)
    parts = city_parts(build_profiles(project))
    assert parts.heading.startswith("<h2>Gesamtstadt im Überblick</h2>")
    assert NO_DISTRICTS in parts.heading
    assert "Sozialräume im Überblick" not in parts.heading
    assert "Wählen Sie oben" not in parts.heading
    page = "".join(parts.sections)
    assert "Noch keine Bedarfe gruppiert." in page
    assert "Bedarfe (0)" not in page and "keine</p>" not in page


def test_a_study_with_districts_still_asks_to_choose_one(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "projekt", districts=["Manfort"])
    _import(project, tmp_path, "karten.csv", CARDS, district="Manfort")
    heading = city_parts(build_profiles(project)).heading
    assert heading.startswith("<h2>Gesamtstadt: alle Sozialräume im Überblick</h2>")
    assert "Wählen Sie oben einen Sozialraum für sein Profil." in heading
    assert NO_DISTRICTS not in heading
