"""``workbench publish``: the static Sozialraum site (workbench.synthesis.site).

On the analysed demo study every page exists, is German, loads nothing from the network,
links every other page, and shows the same needs, quotes and indicators as the profiles
(the apps' data) and the same topics and quotes as the topic map; no page contains the
study's raw personal data. Projects built for one test (sparse ones, publishing again, a
foreign folder): test_publish_projects.
"""

from __future__ import annotations

import doctest
import html
import json
import re
from pathlib import Path

import pytest

import workbench.analysis.topic_map
import workbench.synthesis.site.charts
from tests.site_pages import WHEN, Page, page_files, profile_file, squash
from tests.sparse_data import FORBIDDEN, partial
from tests.synthesis_data import demo_copy
from workbench import Project
from workbench.analysis.topic_map import map_data, need_clusters, topic_name, topic_quotes
from workbench.core.formatting import format_number
from workbench.synthesis.profiles import Profiles, build_profiles
from workbench.synthesis.reports import render
from workbench.synthesis.site import INDEX, MANIFEST, MAP_FILE, REPORT_FILE, publish
from workbench.synthesis.site.topic_map import QUOTES_SHOWN


@pytest.fixture(scope="module")
def studied(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The analysed demo study (need and topic runs, indicators, codings)."""
    project = demo_copy(tmp_path_factory, tmp_path_factory.mktemp("publish") / "p")
    yield project
    project.close()


@pytest.fixture(scope="module")
def site(studied: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seite") / "sozialraum-seite"
    publish(studied, out, generated_at=WHEN)
    return out


@pytest.fixture(scope="module")
def profiles(studied: Project) -> Profiles:
    return build_profiles(studied)


def test_doctests() -> None:
    for module in (workbench.synthesis.site.charts, workbench.analysis.topic_map):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted >= 1, module.__name__


def test_every_page_exists_is_german_offline_and_linked(site: Path, profiles: Profiles) -> None:
    names = {p.name for p in page_files(site)}
    assert {INDEX, MAP_FILE, REPORT_FILE} <= names
    assert len([n for n in names if n.startswith("sozialraum-")]) == 1 + len(profiles.districts)
    plotly = list((site / "assets").glob("plotly-*.min.js"))
    assert len(plotly) == 1 and plotly[0].stat().st_size > 1_000_000  # plotly.js, once
    listed = json.loads((site / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert set(listed) == {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()} - {
        MANIFEST
    }
    for path in page_files(site):
        page = Page(path)
        assert page.lang == "de", path.name
        assert path.stat().st_size < 1_000_000, path.name  # plotly.js is not inlined
        for ref in page.scripts + page.styles:
            assert not re.match(r"(https?:)?//", ref), (path.name, ref)
            assert (site / ref).is_file(), (path.name, ref)
        assert page.scripts == [f"assets/{plotly[0].name}"], path.name
        assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=\"(https?:)?//", page.raw)
        local = {link for link in page.links if not link.startswith("#")}
        assert names <= local, path.name  # the navigation reaches every page
        assert all((site / link.split("#")[0]).is_file() for link in local)
        assert page.current == [path.name]
        assert FORBIDDEN.search(page.text) is None, (path.name, FORBIDDEN.search(page.text))


def test_profiles_show_the_needs_quotes_and_indicators_of_the_apps(
    site: Path, profiles: Profiles
) -> None:
    for profile in (profiles.city, *profiles.districts):
        text = Page(profile_file(site, profile.district)).text
        assert not profile.needs.empty
        for need in profile.needs.itertuples():
            assert squash(need.label) in text, (profile.district, need.label)
            quotes = profile.need_quotes[profile.need_quotes["cluster"] == need.cluster]
            for quote in quotes["quote"].head(3):
                assert squash(quote) in text, (profile.district, quote)
        assert not profile.indicators.empty
        for row in profile.indicators.itertuples():
            assert row.indicator in text and format_number(row.value) in text
        for dimension in ("Ressource", "Herausforderung"):
            for quote in profile.quotes(dimension, limit=1)["quote"]:
                assert squash(quote) in text


def test_the_overview_compares_districts_and_links_every_profile(
    site: Path, profiles: Profiles
) -> None:
    page = Page(site / INDEX)
    for profile in profiles.districts:
        assert profile_file(site, profile.district).name in page.links
        assert squash(profile.needs["label"].iloc[0]) in page.text
    for label in profiles.need_matrix["label"]:
        assert squash(label) in page.text
    for indicator in set(profiles.indicators["indicator"]):
        assert indicator in page.text
    keys = {t.get("name") for t in page.chart_data()}
    assert "Aussagen" in keys  # statements per district, besides the two heatmaps
    assert page.raw.count("Plotly.newPlot(") == 3


def test_the_topic_map_shows_topics_their_quotes_and_every_statement(
    site: Path, studied: Project
) -> None:
    data = map_data(studied)
    page = Page(site / MAP_FILE)
    for topic in data.topics.itertuples():
        assert squash(topic_name(topic.label)) in page.text
        for quote in topic_quotes(data, topic.topic)["text"].head(QUOTES_SHOWN):
            assert squash(quote) in page.text
    traces = page.chart_data()
    by_topic = traces[: len(data.topics)]
    assert sum(len(t["x"]) for t in by_topic) == len(data.statements)
    by_need = traces[len(data.topics) :]
    assert sum(len(t["x"]) for t in by_need) == len(data.statements)
    script_card = data.statements[data.statements["source_id"] == "MF-K28"]["text"].item()
    assert '<script>alert("x")</script>' in script_card
    assert squash(script_card) in page.text  # shown as text …
    assert '<script>alert("x")' not in page.raw  # … never as markup


def test_no_page_contains_raw_personal_data(site: Path, studied: Project) -> None:
    originals = [o for o in studied.pseudonym_key()["original"] if len(o) > 6]
    assert originals
    seen_placeholder = False
    for path in page_files(site):
        page = Page(path)
        text = page.text + " " + page.chart_strings() + " " + html.unescape(page.raw)
        seen_placeholder |= "[Person" in text
        for original in originals:
            assert not re.search(rf"\b{re.escape(original)}\b", text), (path.name, original)
    assert seen_placeholder


def test_the_public_site_counts_the_coders_instead_of_naming_them(
    site: Path, studied: Project
) -> None:
    """Coders may be co-researchers from the neighbourhood (kodieren?coder=Name): the site
    says how many coded a quote; the team's report names them."""
    shown = " ".join(Page(path).text for path in page_files(site))
    assert "kodiert von 2 Personen" in shown
    assert not re.search(r"kodiert von (A|B)\b", shown)
    assert "kodiert von A, B" in render(studied, "html", generated_at=WHEN).decode("utf-8")


def test_the_public_site_names_needs_not_the_teams_cluster_numbers(
    site: Path, studied: Project
) -> None:
    """ "Cluster 3" is the team's handle (workbench cluster rename 3); readers of the site see
    each need by its name, and no command for the team (workbench map --import). The team's
    report keeps both."""
    pages = [Page(path) for path in page_files(site)]
    shown = " ".join(page.text for page in pages)
    assert not re.search(r"\bCluster \d", shown), re.search(r".{60}\bCluster \d.{20}", shown)
    assert "workbench map" not in shown
    assert not re.search(r"(Themen|Bedarfs)lauf \d", shown)  # nor the team's run numbers
    labels = [
        label
        for page in pages
        for trace in page.chart_data()
        for axis in ("x", "y")
        for label in trace.get(axis) or ()
        if isinstance(label, str)
    ]
    assert labels and not [label for label in labels if re.match(r"\d+: ", label)]
    data = map_data(studied)  # the map by need cluster: its legend names the needs
    by_need = [t["name"] for t in Page(site / MAP_FILE).chart_data()[len(data.topics) :]]
    assert set(need_clusters(data)) <= set(by_need)
    assert not [name for name in by_need if re.match(r"\d+ · ", name)]
    team = render(studied, "html", generated_at=WHEN).decode("utf-8")
    assert re.search(r"\bCluster \d", team) and "workbench map --import" in team


def test_a_map_of_one_statement_reads_in_the_singular(studied: Project) -> None:
    """Not „1 Aussage, 1 Themen“ and „Jeder Punkt ist eine der 1 Aussagen“."""
    from dataclasses import replace

    from workbench.synthesis.site.topic_map import topic_map_body

    data = map_data(studied)
    first = data.statements.head(1)
    one = replace(
        data, statements=first, topics=data.topics[data.topics["topic"] == first["topic"].iloc[0]]
    )
    body = html.unescape(topic_map_body(one, WHEN)[0])
    assert "1 Aussage, 1 Thema." in body
    assert "<p>Der Punkt ist die eine Aussage; " in body
    demo = html.unescape(topic_map_body(data, WHEN)[0])
    assert "Jeder Punkt ist eine der 487 Aussagen; " in demo and ", 7 Themen." in demo


def test_no_chart_of_the_site_shows_plotlys_english_toolbar(site: Path) -> None:
    """The statement map on themenlandkarte.html showed plotly's mode bar: English buttons
    ("Download plot as a png", "Zoom in", "Box Select" …) on a page for residents, in the
    keyboard's way. No chart of any page has it (the report's charts dropped it too); the
    map still zooms by dragging and hovering a point still shows its statement."""
    decoder = json.JSONDecoder()
    seen = 0
    for path in page_files(site):
        raw = Page(path).raw
        for match in re.finditer(r'Plotly\.newPlot\(\s*"([^"]+)",\s*', raw):
            rest = raw[match.end() :]
            args: list = []
            for _ in range(3):  # data, layout, config
                value, end = decoder.raw_decode(rest)
                args.append(value)
                rest = rest[end:].lstrip().lstrip(",").lstrip()
            config = args[2]
            assert config.get("displayModeBar") is False, (path.name, match.group(1))
            assert config.get("showSendToCloud") is False, (path.name, match.group(1))
            seen += 1
    assert seen > 3 and 'id="wb-chart-karte"' in Page(site / MAP_FILE).raw


def test_the_site_says_needs_not_yet_analysed_in_plain_words(tmp_path: Path, site: Path) -> None:
    """Before the need analysis residents read "Noch keine Bedarfscluster." and "Noch keine
    Bedarfscluster berechnet." — the analysis's jargon. The site says it plainly; the
    topic map's second colouring is "nach Bedarf". The team's report keeps its words."""
    with partial(tmp_path) as project:
        published = publish(project, tmp_path / "seite", generated_at=WHEN)
        team = render(project, "html", generated_at=WHEN).decode("utf-8")
    texts = {path.name: Page(path).text for path in page_files(published.folder)}
    for name, text in texts.items():
        assert "Bedarfscluster berechnet" not in text, name
        assert "Noch keine Bedarfscluster" not in text, name
    assert "Die genannten Bedarfe sind noch nicht ausgewertet." in texts[INDEX]
    assert "Die genannten Bedarfe sind noch nicht ausgewertet." in texts[REPORT_FILE]
    assert "Noch keine Bedarfscluster: workbench needs" in team
    demo = Page(site / MAP_FILE)
    assert "Aussagen nach Bedarf" in demo.text and "Bedarfscluster" not in demo.text
    assert '"text":"Bedarfscluster"' not in demo.raw.replace(" ", "")  # the legend's title


def test_the_site_states_the_scope_rule_without_the_statistical_test(
    site: Path, studied: Project
) -> None:
    """Above the needs every district page and the overview said "(Schwerpunkt: …,
    einseitiger hypergeometrischer Test, Holm-korrigiert, α = 0,05)": the method's words.
    Residents read what a focus means; the team's report names the test."""
    for path in page_files(site):
        text = Page(path).text
        found = re.search(r".{0,40}(hypergeometr|Holm|α =).{0,20}", text)
        assert found is None, (path.name, found and found.group(0))
    overview = Page(site / INDEX).text
    assert (
        "(Schwerpunkt: mindestens 3 Aussagen von dort und deutlich mehr, als sein Anteil an "
        "allen Aussagen erwarten ließe) oder in weniger als 3 Sozialräumen genannt" in overview
    )
    team = render(studied, "html", generated_at=WHEN).decode("utf-8")
    assert "einseitiger hypergeometrischer Test, Holm-korrigiert, α = 0,05" in team
