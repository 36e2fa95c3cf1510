"""Wave names in the monitoring section of the Sozialraumprofil app read as names.

A study's first wave is called "Welle 1" by default, so a team names the next one
"Welle 2"; the section then said "Neu in der Welle Welle 2: …" and "In den Wellen Welle 1
und Welle 2 gibt es keine Bedarfsaussagen aus …", while the sentence beside them already
quoted the name ("In der Welle „Welle 2“ gibt es keine Aussagen aus Opladen").
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.monitoring_data import EARLIER, LATER, two_waves
from widgets.monitoring_view import city_needs_html, district_needs_html
from workbench import Project
from workbench.analysis import waves
from workbench.synthesis.monitoring import Monitoring, read_monitoring


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The constructed two-wave study with its waves named "Welle 1" and "Welle 2", and a
    Sozialraum "Leer" without statements."""
    project = two_waves(tmp_path_factory.mktemp("wave-names"))
    waves.rename_wave(project, EARLIER, "Welle 1")
    waves.rename_wave(project, LATER, "Welle 2")
    project.add_districts(["Leer"])
    yield project
    project.close()


@pytest.fixture(scope="module")
def found(study: Project) -> Monitoring:
    return read_monitoring(study)


def test_the_city_names_the_new_wave_once(found: Monitoring) -> None:
    html = city_needs_html(found)
    assert "Welle Welle" not in html
    assert "Neu in der Welle „Welle 2“: Energiekosten (Manfort)." in html


def test_a_district_without_statements_names_both_waves_once(found: Monitoring) -> None:
    html = district_needs_html(found, "Leer")
    assert "Wellen Welle" not in html
    assert "In den Wellen „Welle 1“ und „Welle 2“ gibt es keine Bedarfsaussagen aus Leer." in html
