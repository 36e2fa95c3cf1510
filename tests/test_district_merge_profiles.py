"""After ``districts --merge Opladen --into Manfort`` no profile, app or report names
Opladen as a district of its own: the need run made before names it as Manfort."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.need_run_data import need_run_project
from widgets.profile_view_html import needs_html
from workbench import Project
from workbench.analysis import needs
from workbench.analysis.need_clusters import latest_memberships
from workbench.cli.main import main
from workbench.synthesis.profiles import build_profiles

# cluster 0: the bus in all three districts; cluster 1: benches in Manfort and Opladen
ROWS = [
    *[(f"Der Bus fährt zu selten, Nummer {i}.", d, 0) for d in ("M", "O", "W") for i in (1, 2)],
    *[(f"Mehr Bänke am Platz, Nummer {i}.", d, 1) for d in ("M", "O") for i in (1, 2, 3)],
]


@pytest.fixture
def merged(tmp_path: Path) -> Path:
    """A project of ROWS with a need run, then Opladen merged into Manfort."""
    folder = need_run_project(tmp_path, ROWS)
    command = ["--project", str(folder), "districts", "--merge", "Opladen", "--into", "Manfort"]
    assert main(command) == 0
    return folder


def test_the_profile_of_the_district_merged_into_names_no_merged_district(merged: Path) -> None:
    with Project.open(merged) as project:
        profiles = build_profiles(project)
        clusters = needs.clusters(project).set_index("cluster")
        with project.session() as session:
            described = latest_memberships(session).described
    manfort = next(p for p in profiles.districts if p.district == "Manfort")
    html = needs_html(manfort)
    assert "Opladen" not in html
    assert "auch genannt in Wiesdorf" in html  # the bus: still named in Wiesdorf
    assert [tuple(d) for d in manfort.needs["districts"]] == [("Manfort",), ("Manfort", "Wiesdorf")]
    assert list(clusters.loc[1, "districts"]) == ["Manfort"] and clusters.loc[1, "n_districts"] == 1
    assert described[0]["districts"] == ["Manfort", "Wiesdorf"]  # reports and links read this
    assert "Opladen" not in str(described[1]["focus_districts"])
