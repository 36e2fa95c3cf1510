"""Sozialraum profiles: needs, coded findings, topics and indicators per district."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.coding_data import cards_project
from tests.synthesis_data import demo_copy
from workbench import InputError, Project
from workbench.analysis.needs import CROSS_CUTTING, DISTRICT_SPECIFIC
from workbench.synthesis.profiles import (
    DIMENSIONS,
    FINDING_COLUMNS,
    NEED_COLUMNS,
    TOPIC_COLUMNS,
    Profiles,
    build_profiles,
    district_profile,
)

DEMO_DISTRICTS = ("Alkenrath", "Manfort", "Opladen", "Steinbüchel", "Wiesdorf")


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = demo_copy(tmp_path_factory, tmp_path_factory.mktemp("profiles") / "p")
    yield project
    project.close()


@pytest.fixture(scope="module")
def profiles(analysed: Project) -> Profiles:
    return build_profiles(analysed)


def test_every_demo_district_has_a_full_profile(analysed: Project, profiles: Profiles) -> None:
    assert profiles.names == DEMO_DISTRICTS
    assert profiles.need_run is not None and profiles.topic_run is not None
    assert profiles.notes == ()
    segments = analysed.segments()
    for name in DEMO_DISTRICTS:
        profile = profiles.profile(name)
        assert profile.segments == int((segments["district"] == name).sum())
        assert profile.workshops == (f"Quartiersworkshop {name}",)
        assert list(profile.needs.columns) == list(NEED_COLUMNS)
        assert not profile.needs.empty and not profile.need_quotes.empty
        assert list(profile.findings.columns) == list(FINDING_COLUMNS)
        assert set(profile.findings["dimension"]) == set(DIMENSIONS)
        assert list(profile.topics.columns) == list(TOPIC_COLUMNS)
        assert profile.topics["share"].sum() == pytest.approx(1.0)
        assert len(profile.indicators) >= 7
        assert profile.indicators["city_value"].notna().sum() == 7
    # The Wohnpark figure has no city counterpart: shown, but without a comparison.
    wohnpark = profiles.profile("Steinbüchel").indicators
    row = wohnpark[wohnpark["indicator"].str.contains("Wohnpark")].iloc[0]
    assert row["note"] == "kein Wert für die Gesamtstadt"


def test_need_quotes_are_the_districts_own(analysed: Project, profiles: Profiles) -> None:
    district_of = analysed.segments().set_index("segment_id")["district"]
    for profile in profiles.districts:
        assert set(district_of[profile.need_quotes["segment_id"]]) == {profile.district}
        counts = profile.need_quotes.groupby("cluster").size()
        assert counts.to_dict() == dict(
            zip(profile.needs["cluster"], profile.needs["segments"], strict=True)
        )
        assert profile.needs["segments"].is_monotonic_decreasing


def test_findings_put_agreed_quotes_first(profiles: Profiles) -> None:
    findings = profiles.profile("Manfort").findings
    order = [list(DIMENSIONS).index(d) for d in findings["dimension"]]
    assert order == sorted(order)
    for _, part in findings.groupby("dimension"):
        assert part["n_coders"].is_monotonic_decreasing
    resources = profiles.profile("Manfort").quotes("Ressource", limit=2)
    assert len(resources) == 2 and set(resources["dimension"]) == {"Ressource"}
    with pytest.raises(Exception, match="Unbekannte Dimension"):
        profiles.profile("Manfort").quotes("Chance")


def test_quotes_are_pseudonymised(analysed: Project, profiles: Profiles) -> None:
    originals = [
        o for o in analysed.pseudonym_key()["original"] if len(o) > 6
    ]  # full names, e-mail addresses, phone numbers, street addresses
    texts = " ".join(
        " ".join(p.findings["quote"]) + " ".join(p.need_quotes["quote"])
        for p in (profiles.city, *profiles.districts)
    )
    assert "[Person" in texts
    for original in originals:
        assert not re.search(rf"\b{re.escape(original)}\b", texts), original


def test_need_matrix_separates_cross_cutting_from_district_specific(
    analysed: Project, profiles: Profiles
) -> None:
    from workbench.analysis import needs

    matrix = profiles.need_matrix
    clusters = needs.clusters(analysed)
    assert sorted(matrix["cluster"]) == sorted(clusters["cluster"])
    districts = ["Gesamtstadt", *DEMO_DISTRICTS]
    assert list(matrix.columns[-6:]) == districts
    assert (matrix[districts].sum(axis=1) == matrix["size"]).all()
    raised = (matrix[list(DEMO_DISTRICTS)] > 0).sum(axis=1)
    assert (raised == matrix["n_districts"]).all()
    assert set(matrix["scope"]) <= {CROSS_CUTTING, DISTRICT_SPECIFIC}
    both = len(profiles.cross_cutting()) + len(profiles.district_specific())
    assert both == len(matrix)
    scopes = list(matrix["scope"])
    assert scopes == sorted(scopes, key=lambda s: s != CROSS_CUTTING)  # cross-cutting first


def test_profiles_without_runs_say_what_is_missing(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    project = demo_copy(tmp_path_factory, tmp_path_factory.mktemp("plain") / "p", analysed=False)
    result = build_profiles(project)
    assert result.need_run is None and result.topic_run is None
    assert any("workbench needs" in n for n in result.notes)
    assert any("workbench topics" in n for n in result.notes)
    assert result.need_matrix.empty
    manfort = result.profile("Manfort")
    assert manfort.needs.empty and manfort.topics.empty
    assert not manfort.findings.empty and not manfort.indicators.empty
    project.close()


def test_city_profile_and_unknown_districts(analysed: Project, profiles: Profiles) -> None:
    city = profiles.profile("Gesamtstadt")
    assert city.workshops == ("Auftaktworkshop Gesamtstadt",)
    assert (city.indicators["index"] == 100).all() and len(city.indicators) == 8
    with pytest.raises(InputError, match="Gültig sind: Gesamtstadt, Alkenrath"):
        profiles.profile("Rheindorf")
    with pytest.raises(InputError, match="Unbekannter Sozialraum 'Rheindorf'"):
        district_profile(analysed, "Rheindorf")
    one = district_profile(analysed, "Opladen")
    assert one.needs.equals(profiles.profile("Opladen").needs)


def test_declared_district_without_data(project: Project) -> None:
    result = build_profiles(project)
    assert result.names == ("Alkenrath", "Manfort", "Opladen", "Steinbüchel", "Wiesdorf")
    empty = result.profile("Opladen")
    assert empty.segments == 0 and empty.findings.empty
    assert any("keine Aussagen" in n for n in empty.notes)


def test_a_renamed_dimension_code_keeps_its_findings_in_the_profile(
    project: Project, tmp_path: Path
) -> None:
    """`codebook rename Herausforderung Belastung`: the district profile (and the reports
    and the concept built on it) read the dimension from the code's name and silently lost
    every finding coded with it; the code's GUID says it is still the dimension."""
    ids = cards_project(project, tmp_path)
    project.code_segment(ids["K4"], "Herausforderung", "A")
    project.code_segment(ids["K3"], "Ressource", "A")
    before = district_profile(project, "Wiesdorf").findings
    assert sorted(before["dimension"]) == ["Herausforderung", "Ressource"]
    project.rename_code("Herausforderung", "Belastung")
    after = district_profile(project, "Wiesdorf").findings
    assert sorted(after["dimension"]) == ["Herausforderung", "Ressource"]
    assert sorted(after["code"]) == ["Belastung", "Ressource"]
