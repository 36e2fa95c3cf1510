"""The monitoring view of the Sozialraumprofil app (widgets/monitoring_view.py), in Python.

A constructed study with known truth (tests/monitoring_data.py), the demo with its
follow-up wave through the app itself, and projects with one wave or nothing: the view
shows a district's needs by status, its indicator trends beside the city and the status
history of its recommendations, the city's summary of all three — or one sentence naming
what is missing and the command that provides it. Tables carry captions and column
headers; every string from the data is escaped.
"""

from __future__ import annotations

import dataclasses
import doctest
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import widgets.monitoring_view
from tests.monitoring_data import SPARSE_PROJECTS, STEPS, two_waves
from tests.sparse_data import FORBIDDEN, card_wall, no_statements, partial
from tests.synthesis_data import follow_up_copy
from tests.test_reports_sparse import html_parts
from widgets.monitoring_view import HEADING
from widgets.profile_view import ProfileView, profile_app
from workbench import Project
from workbench.analysis import waves
from workbench.store import CITYWIDE
from workbench.synthesis.monitoring import Monitoring, read_monitoring
from workbench.synthesis.profiles import build_profiles

EVIL = '<img src=x onerror="alert(1)"><b>fett</b>'


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    project = two_waves(tmp_path_factory.mktemp("monitoring-view"))
    yield project
    project.close()


@pytest.fixture(scope="module")
def view(study: Project) -> ProfileView:
    return ProfileView(build_profiles(study), "Manfort", monitoring=read_monitoring(study))


def shown(view: ProfileView, district: str) -> tuple[list[str], list[list[list[str]]]]:
    """Texts and tables of the monitoring section after choosing ``district``."""
    view.district.value = district
    return html_parts(view.monitoring_section.value.encode("utf-8"))


def test_doctests() -> None:
    assert doctest.testmod(widgets.monitoring_view).failed == 0


def test_a_district_over_time(view: ProfileView) -> None:
    texts, tables = shown(view, "Manfort")
    assert view.body.children == (view.district_part, view.monitoring_section)
    assert texts[:2] == [HEADING, "Bedarfe über die Wellen"]
    needs, indicators, steps = tables
    assert needs == [
        ["Bedarf", "Verlauf", "2020/21", "2022"],
        ["Energiekosten", "neu", "0", "3"],
        ["Treffpunkt", "anhaltend", "3", "2"],
        ["Leihgeräte", "nicht mehr genannt", "2", "0"],
        ["Sprachmittler", "vereinzelt", "1", "0"],
    ]
    assert "Bedarfe in Manfort: 2020/21 und 2022 (Zahl der Aussagen)" in texts  # the caption
    assert indicators[1] == [
        "SGB-II-Quote", "2019–2022", "13,9 → 14,6 %", "0,7 Prozentpunkte mehr",
        "0,4 Prozentpunkte mehr",
    ]  # fmt: skip
    assert (
        "Manfort, 2019 bis 2022: 1 von 1 Indikatoren gestiegen. Stärker gestiegen als in der "
        "Gesamtstadt: SGB-II-Quote." in texts
    )
    # its own recommendation has no step yet; the city-wide one has two
    assert "Noch ohne erfassten Schritt: Empfehlung 2." in " ".join(texts)
    assert [row[:3] for row in steps[1:]] == [
        ["23.09.2021", "abgestimmt", "Sozialausschuss"],
        ["01.04.2022", "in Umsetzung", STEPS[1][2]],
    ]
    assert steps[2][3] == "–"  # a step without a note


def test_districts_not_surveyed_or_with_one_year_say_so(view: ProfileView) -> None:
    texts, tables = shown(view, "Opladen")
    assert any(t.startswith("Nicht erhoben: In der Welle „2022“ gibt es keine Aussagen aus Opl")
               for t in texts)  # fmt: skip
    assert tables[0][1] == ["Lebenslagenindex", "2019–2022", "104 → 103",
                            "1 Indexpunkt weniger", "unverändert"]  # fmt: skip
    texts, tables = shown(view, "Wiesdorf")
    assert "Für Wiesdorf liegen Indikatoren höchstens für ein Jahr vor: noch kein Verlauf." in texts
    assert [row[1] for row in tables[0][1:]] == ["anhaltend", "vereinzelt", "vereinzelt"]


def test_a_district_without_any_recommendation_is_not_told_of_missing_steps(
    study: Project,
) -> None:
    found = read_monitoring(study)
    recs, history = found.recommendations, found.history
    own_only = dataclasses.replace(  # only Manfort's recommendation, with one step
        found,
        recommendations=recs[recs["scope"] == "Manfort"],
        history=history.assign(recommendation_id=2, scope="Manfort", title="", text=""),
    )
    page = pages(own_only, study)
    assert "Opladen betreffen" not in page["Opladen"]
    expected = "Für Opladen gibt es keine Empfehlung, weder eine eigene noch eine gesamtstädtische."
    assert expected in " ".join(page["Opladen"].split())
    assert "Sozialausschuss" in page["Manfort"]  # Manfort's own step is shown
    city_unrecorded = dataclasses.replace(found, history=own_only.history)  # steps: Manfort's
    page = pages(city_unrecorded, study)
    assert (
        "Für Opladen gibt es keine eigene Empfehlung; für die gesamtstädtischen ist noch kein "
        "Schritt erfasst." in " ".join(page["Opladen"].split())
    )


def test_the_city_summary(view: ProfileView, study: Project) -> None:
    texts, tables = shown(view, CITYWIDE)
    assert view.body.children == (view.city_part, view.monitoring_section)
    summary, indicators, recommendations = tables
    expected = waves.need_comparison(study).summary()
    assert [row[0] for row in summary[1:]] == list(expected.index)
    assert summary[1] == ["Manfort", "1", "1", "1", "1", "0"]
    assert "Neu in der Welle „2022“: Energiekosten (Manfort)." in texts
    assert indicators[1:] == [
        ["Lebenslagenindex", "100 → 100", "unverändert", "–", "Opladen"],
        ["SGB-II-Quote", "10,9 → 11,3 %", "0,4 Prozentpunkte mehr", "Manfort", "–"],
    ]
    assert recommendations[1:] == [
        ["1: QM verstetigen", "gesamtstädtisch", "in Umsetzung", "01.04.2022", STEPS[1][2]],
        ["2: Jugendtreff öffnen", "Manfort", "Entwurf", "–", "–"],
    ]


def test_every_page_is_structured_for_screen_readers(view: ProfileView, study: Project) -> None:
    for district in (CITYWIDE, *build_profiles(study).names):
        view.district.value = district
        html = view.monitoring_section.value
        assert re.findall(r"<h(\d)>", html)[0] == "3"
        assert set(re.findall(r"<h(\d)>", html)) <= {"3", "4"}
        assert html.count("<table") == html.count("<table class='sw-table sw-monitoring-table'>"
                                                  "<caption>")  # fmt: skip
        assert len(re.findall(r"<th[ >]", html)) == html.count("<th scope='col'")
        text = re.sub(r"<[^>]+>", " ", html)
        assert not FORBIDDEN.search(text), (district, FORBIDDEN.findall(text))


def test_strings_from_the_data_are_escaped(study: Project) -> None:
    found = read_monitoring(study)
    comparison = found.comparison
    assert comparison is not None
    evil = dataclasses.replace(
        found,
        comparison=dataclasses.replace(comparison, table=comparison.table.assign(label=EVIL)),
        recommendations=found.recommendations.assign(title=EVIL),
        history=found.history.assign(actor=EVIL, note=EVIL),
        series=found.series.assign(indicator=EVIL),
    )
    view = ProfileView(build_profiles(study), "Manfort", monitoring=evil)
    for district in ("Manfort", CITYWIDE):
        view.district.value = district
        html = view.monitoring_section.value
        assert "<img" not in html and "<b>" not in html
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def pages(found: Monitoring, project: Project) -> dict[str, str]:
    view = ProfileView(build_profiles(project), monitoring=found)
    result = {}
    for district in (CITYWIDE, *view.profiles.names):
        view.district.value = district
        result[district] = re.sub(r"<[^>]+>", " ", view.monitoring_section.value)
    return result


# The app's readers are stakeholders: what is missing in the public site's words, no command
# (the report chapter says the team's sentences of SPARSE_PROJECTS, with the commands).
APP_SPARSE = [
    pytest.param(
        lambda f: card_wall(f, needs=False),
        [
            "Bisher gibt es eine Befragungswelle (Welle 1): Wie sich die Bedarfe verändern, "
            "zeigt sich erst im Vergleich mit der nächsten.",
            "Noch keine Indikatoren.",
            "Noch keine Empfehlungen.",
        ],
        id="karten",
    ),
    pytest.param(
        no_statements,
        [
            "Noch keine Befragungswelle ausgewertet.",
            "Noch keine Indikatoren.",
            "Noch keine Empfehlungen.",
        ],
        id="leer",
    ),
    pytest.param(
        partial,
        [
            "Bisher gibt es eine Befragungswelle (Welle 1)",
            "Indikatoren bisher nur für 2024: noch kein Verlauf, nur der Stand.",
            "Zur Umsetzung der Empfehlungen ist noch kein Schritt festgehalten.",
        ],
        id="teilweise",
    ),
]
assert len(APP_SPARSE) == len(SPARSE_PROJECTS)  # the same sparse projects as the report's


@pytest.mark.parametrize(("build", "expected"), APP_SPARSE)
def test_sparse_projects_name_what_is_missing(tmp_path: Path, build, expected) -> None:
    project = build(tmp_path)
    try:
        for district, page in pages(read_monitoring(project), project).items():
            assert not FORBIDDEN.search(page), (district, FORBIDDEN.findall(page))
            for sentence in expected:
                assert sentence in page, (district, sentence)
            assert "workbench" not in page, district
    finally:
        project.close()


def test_the_app_shows_the_demo_follow_up(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("app-welle2") / "p"
    with follow_up_copy(tmp_path_factory, folder) as project:
        comparison = waves.need_comparison(project)
    app = profile_app({"WORKBENCH_PROJECT": str(folder), "QUERY_STRING": "district=Manfort"}).view
    assert isinstance(app, ProfileView) and app.monitoring is not None
    _, tables = html_parts(app.monitoring_section.value.encode("utf-8"))
    statuses = [row[1] for row in tables[0][1:]]
    assert statuses == comparison.district("Manfort")["status"].tolist()
    assert {waves.NEW, waves.PERSISTING, waves.GONE} <= set(statuses)
    sgb = next(row for row in tables[1] if row[0] == "SGB-II-Quote")
    assert sgb[1:] == ["2019–2022", "13,9 → 14,6 %", "0,7 Prozentpunkte mehr",
                       "0,4 Prozentpunkte mehr"]  # fmt: skip
    assert any(row[:2] == ["15.02.2022", "umgesetzt"] for table in tables[2:] for row in table)
    app.district.value = CITYWIDE
    _, tables = html_parts(app.monitoring_section.value.encode("utf-8"))
    assert len(tables[0]) - 1 == len(comparison.summary())


def test_a_count_is_not_said_to_grow_less_than_the_whole_city() -> None:
    """150 more residents in Manfort beside 2,100 more in the city is no "grew less": a
    district's count is part of the city's. Rates are still compared."""
    from workbench.synthesis.monitoring import series_from

    table = pd.DataFrame(
        {
            "indicator": ["Einwohner", "Einwohner", "SGB-II-Quote", "SGB-II-Quote"] * 2,
            "district": ["Gesamtstadt"] * 4 + ["Manfort"] * 4,
            "year": [2021, 2025] * 4,
            "value": [163000, 165100, 11.0, 11.9, 5200, 5350, 14.1, 14.6],
            "unit": ["Personen", "Personen", "%", "%"] * 2,
            "illustrative": [False] * 8,
        }
    )
    rows = series_from(table)
    text = widgets.monitoring_view.trend_summary(rows[rows["district"] == "Manfort"], "Manfort")
    assert text == (
        "Manfort, 2021 bis 2025: 2 von 2 Indikatoren gestiegen. "
        "Weniger gestiegen oder stärker gesunken: SGB-II-Quote."
    )
