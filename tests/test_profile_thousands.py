"""The Sozialraumprofil app writes large counts with a thousands separator.

On the Pol.is study (5.760 statements without a Sozialraum) the app's table "Bedarfe nach
Sozialraum" read "1029" in a cell and in "Summe" while the card below said "1.029
Aussagen ohne Sozialraum", the report's table of the same needs "1.029" and the topic map
"1.104"; a district's table "Themen der Aussagen" did the same.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from tests.test_apps_degenerate import TEXTS, TWO, analyse, make_project
from widgets.profile_view import ProfileView
from workbench import Project
from workbench.synthesis.profiles import Profiles, build_profiles

TIMES = 1000  # a real study of this size takes half a minute to build; the counts scale


@pytest.fixture
def large(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Profiles:
    """Profiles of a two-district project (needs and topics run), every count × 1000."""
    folder = make_project(tmp_path, capsys, TEXTS, TWO)
    analyse(capsys, folder)
    with Project.open(folder) as project:
        profiles = build_profiles(project)
    counts = [c for c in profiles.need_matrix.columns if c in (*TWO, "size")]
    matrix = profiles.need_matrix.assign(**{c: profiles.need_matrix[c] * TIMES for c in counts})
    manfort = profiles.profile("Manfort")
    topics = manfort.topics.assign(segments=manfort.topics["segments"] * TIMES)
    scaled = dataclasses.replace(manfort, topics=topics)
    districts = tuple(scaled if p.district == "Manfort" else p for p in profiles.districts)
    return dataclasses.replace(profiles, need_matrix=matrix, districts=districts)


def numbers(html: str) -> list[str]:
    """The numbers in the table cells of ``html``."""
    return re.findall(r"<td class='sw-num'[^>]*>([\d.,]+)</td>", html)


def test_the_need_matrix_and_the_topic_shares_separate_thousands(large: Profiles) -> None:
    view = ProfileView(large)  # the city-wide overview first
    matrix = view.city_sections[0].value
    shown = numbers(matrix)
    assert shown and all(int(n.replace(".", "")) >= TIMES for n in shown)
    assert all("." in n for n in shown), shown  # "1.000", not "1000"
    view.district.value = "Manfort"
    topics = numbers(view.sections[3].value)
    counts = [n for n in topics if "," not in n]  # the shares are "25,0 %"
    assert counts and all("." in n for n in counts), topics
