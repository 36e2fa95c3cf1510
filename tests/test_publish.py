"""``workbench publish``: the static Sozialraum site (workbench.synthesis.site).

On the analysed demo study every page exists, is German, loads nothing from the network,
links every other page, and shows the same needs, quotes and indicators as the profiles
(the apps' data) and the same topics and quotes as the topic map; no page contains the
study's raw personal data. Sparse projects give pages with one sentence per missing part,
publishing again replaces the pages, a folder with other files is refused.
"""

from __future__ import annotations

import doctest
import html
import json
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

import workbench.analysis.topic_map
import workbench.synthesis.site.charts
from tests.sparse_data import FORBIDDEN, card_wall, no_statements, partial
from tests.synthesis_data import demo_copy
from workbench import Project
from workbench.analysis.topic_map import map_data, need_clusters, topic_name, topic_quotes
from workbench.cli.main import main
from workbench.core.domain import WorkbenchError
from workbench.core.formatting import format_number
from workbench.store import CITYWIDE
from workbench.synthesis.profiles import Profiles, build_profiles
from workbench.synthesis.reports import render
from workbench.synthesis.site import INDEX, MANIFEST, MAP_FILE, REPORT_FILE, publish
from workbench.synthesis.site.topic_map import QUOTES_SHOWN

WHEN = datetime(2026, 3, 4, 5, 6, tzinfo=UTC)


class Page(HTMLParser):
    """A page read as a browser would: visible text, links, scripts, styles, charts."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.raw = path.read_text(encoding="utf-8")
        self.texts: list[str] = []
        self.links: list[str] = []
        self.scripts: list[str] = []  # src of external scripts
        self.styles: list[str] = []  # href of stylesheets
        self.current: list[str] = []  # navigation links marked as the current page
        self.lang = ""
        self._skip = 0
        self.feed(self.raw)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag in ("script", "style"):
            self._skip += 1
            if tag == "script" and a.get("src"):
                self.scripts.append(a["src"])
        elif tag == "link" and a.get("rel") == "stylesheet":
            self.styles.append(a["href"])
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
            if a.get("aria-current") == "page":
                self.current.append(a["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.texts.append(data)

    @property
    def text(self) -> str:
        """Visible text, whitespace collapsed (entities are already decoded)."""
        return " ".join(" ".join(self.texts).split())

    def chart_data(self) -> list[dict]:
        """The traces of every chart (the arguments of each ``Plotly.newPlot``)."""
        decoder = json.JSONDecoder()
        traces = []
        for match in re.finditer(r'Plotly\.newPlot\(\s*"[^"]+",\s*', self.raw):
            data, _ = decoder.raw_decode(self.raw, match.end())
            traces.extend(data)
        return traces

    def chart_strings(self) -> str:
        """Every string in the charts' data (hover texts, labels), decoded."""
        found: list[str] = []

        def walk(value: object) -> None:
            if isinstance(value, str):
                found.append(html.unescape(value))
            elif isinstance(value, dict):
                for v in value.values():
                    walk(v)
            elif isinstance(value, list):
                for v in value:
                    walk(v)

        walk(self.chart_data())
        return " ".join(found)


def squash(text: str) -> str:
    return " ".join(str(text).split())


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


def page_files(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def profile_file(site: Path, district: str) -> Path:
    """The page whose title names ``district``'s profile (the city's: "Gesamtstadt (…)")."""
    title = f'<h1 id="sec-titel">Sozialraumprofil {html.escape(district)}'
    for path in site.glob("sozialraum-*.html"):
        text = path.read_text(encoding="utf-8")
        if f"{title}</h1>" in text or f"{title} (" in text:
            return path
    raise AssertionError(f"keine Seite für {district}")


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


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (
            no_statements,
            {
                INDEX: ["Noch keine Aussagen.", "Noch keine Sozialräume."],
                MAP_FILE: ["Noch keine Themen."],
            },
        ),
        (
            card_wall,
            {
                INDEX: ["Noch keine Sozialräume.", "Noch keine Indikatoren."],
                MAP_FILE: ["Noch keine Themen."],
            },
        ),
        (
            partial,  # district workshops only: the city page compares them, has none of its own
            {
                INDEX: ["Gesamtstadt – keine stadtweiten Aussagen; die Sozialräume im Vergleich"],
                MAP_FILE: ["Noch keine Themen."],
            },
        ),
    ],
)
def test_missing_data_gives_a_sentence_for_readers(
    tmp_path: Path, build, expected: dict[str, list[str]]
) -> None:
    with build(tmp_path) as project:
        site = publish(project, tmp_path / "seite", generated_at=WHEN)
    assert (site.folder / "sozialraum-gesamtstadt.html").is_file()
    for name, sentences in expected.items():
        text = Page(site.folder / name).text
        for sentence in sentences:
            assert sentence in text, (name, sentence)
    for path in page_files(site.folder):
        page = Page(path)
        assert page.lang == "de"
        assert FORBIDDEN.search(page.text) is None, (path.name, FORBIDDEN.search(page.text))
    themes = Page(site.folder / MAP_FILE)
    assert themes.scripts == [] and "Plotly.newPlot" not in themes.raw


def test_without_city_wide_statements_no_bar_says_gesamtstadt_0(tmp_path: Path) -> None:
    """District workshops only: the chart "Aussagen je Sozialraum" showed a bar
    "Gesamtstadt" at 0 beside them, as if the city had said nothing."""
    with partial(tmp_path) as project:
        site = publish(project, tmp_path / "seite", generated_at=WHEN)
    page = Page(site.folder / INDEX)
    bars = [t for t in page.chart_data() if t.get("name") == "Aussagen"]
    assert bars and all("Manfort" in [*t.get("x", []), *t.get("y", [])] for t in bars)
    assert not [t for t in bars if CITYWIDE in [*t.get("x", []), *t.get("y", [])]]
    assert not re.search(rf"{CITYWIDE}\s+0\b", page.text)


def test_the_public_site_names_no_run_and_no_team_command(tmp_path: Path) -> None:
    """A study in progress (one wave, a recommendation without status steps, a need run
    older than the statements): the site says what is missing in words for residents —
    no "workbench …" command, no run number; the team's report keeps both."""
    from workbench.ingest.table import TableMapping
    from workbench.synthesis.recommendations import add_recommendation

    with card_wall(tmp_path) as project:
        add_recommendation(project, "Den Jugendtreff abends öffnen.")
        later = tmp_path / "nachtrag.csv"
        later.write_text("Text\nDer Bolzplatz braucht neue Tore\n", encoding="utf-8")
        project.import_files([later], TableMapping(text_column="Text"))
        site = publish(project, tmp_path / "seite", generated_at=WHEN)
        team_html = render(project, "html", generated_at=WHEN).decode("utf-8")
    team = squash(html.unescape(re.sub(r"<[^>]+>", " ", team_html)))
    shown = {path.name: squash(Page(path).text) for path in page_files(site.folder)}
    for name, text in shown.items():
        found = re.search(r".{40}(workbench |\bLauf \d|lauf \d|--\w).{20}", text)
        assert found is None, (name, found and found.group(0))
    report = shown[REPORT_FILE]
    assert "Bisher gibt es eine Befragungswelle (Welle 1)" in report
    assert "Zur Umsetzung der Empfehlungen ist noch kein Schritt festgehalten." in report
    assert "Die Bedarfsanalyse vom " in report and "1 neue Aussage noch nicht." in report
    assert "Bedarfsanalyse: Alle Aussagen (nicht nur die als Bedarf kodierten) sind" in report
    assert "Die genauen Einstellungen hält das Projektteam fest" in report  # not the settings
    assert "backend=" not in report and "Noch keine Themen." in shown[MAP_FILE]
    assert "workbench recommend status NR STATUS" in team and "workbench import --wave" in team
    assert re.search(r"\(Lauf \d+ vom", team) and re.search(r"Bedarfslauf \d+\.", team)


def test_publishing_again_replaces_pages_and_a_foreign_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with partial(tmp_path) as project:
        first = publish(project, tmp_path / "seite")
        # a page of an earlier publication that no longer exists is removed
        stale = first.folder / "sozialraum-alt.html"
        stale.write_text("alt", encoding="utf-8")
        manifest = json.loads((first.folder / MANIFEST).read_text(encoding="utf-8"))
        manifest["files"].append(stale.name)
        (first.folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        publish(project, first.folder)
        assert not stale.exists() and (first.folder / INDEX).is_file()

        foreign = tmp_path / "fremd"
        foreign.mkdir()
        (foreign / "notizen.txt").write_text("meins", encoding="utf-8")
        with pytest.raises(WorkbenchError, match="nicht leer"):
            publish(project, foreign)
        assert (foreign / "notizen.txt").read_text(encoding="utf-8") == "meins"
        path = project.path
    assert main(["--project", str(path), "publish", "--out", str(foreign)]) == 2
    assert "nicht leer" in capsys.readouterr().err
    out = tmp_path / "neu" / "seite"
    out.parent.mkdir()  # the site's folder is made, a missing path above it is refused
    assert main(["--project", str(path), "publish", "--out", str(out)]) == 0
    assert "Seiten" in capsys.readouterr().out and (out / INDEX).is_file()
    assert CITYWIDE in Page(out / "sozialraum-gesamtstadt.html").text


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


def test_the_overview_maps_the_districts_as_links_once_boundaries_are_imported(
    tmp_path: Path,
) -> None:
    """A resident looks for "my neighbourhood" on the start page: with boundaries imported
    (workbench map --import) the districts are drawn as a map, each area a link to its
    page, with names on the areas and the numbers in a table (not colour alone); without
    boundaries the overview keeps its list and draws no schematic grid of squares."""
    from workbench.ingest.table import TableMapping

    odd = 'Alt & <Neu> "Süd"'
    project = Project.create(tmp_path / "projekt", districts=["Manfort", odd])
    source = tmp_path / "manfort.csv"
    source.write_text("Text\nEs fehlt ein Spielplatz\nDer Park ist schön\n", encoding="utf-8")
    project.import_files([source], TableMapping(text_column="Text"), district="Manfort")
    path = project.path
    project.close()
    base = ["--project", str(path)]
    assert main([*base, "publish", "--out", str(tmp_path / "ohne")]) == 0
    plain = Page(tmp_path / "ohne" / INDEX)
    assert "wb-map" not in plain.raw and "<svg" not in plain.raw
    assert "Klick auf einen Sozialraum" not in plain.text

    def square(lon: float) -> list:
        return [[[lon, 51.0], [lon + 0.02, 51.0], [lon + 0.02, 51.02], [lon, 51.02], [lon, 51.0]]]

    features = [
        {"type": "Feature", "properties": {"name": n}, "geometry": {"type": "Polygon",
                                                                   "coordinates": square(lon)}}
        for n, lon in (("Manfort", 7.0), (odd, 7.02))
    ]  # fmt: skip
    grenzen = tmp_path / "grenzen.geojson"
    grenzen.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    assert main([*base, "map", "--import", str(grenzen), "--name-property", "name"]) == 0
    out = tmp_path / "mit"
    assert main([*base, "publish", "--out", str(out)]) == 0
    page = Page(out / INDEX)
    figure = re.search(r'<figure class="wb-map" id="wb-map-sozialraeume".*?</figure>', page.raw)
    assert figure is not None
    areas = re.findall(
        r'<a class="wb-map-link" href="([^"]+)" aria-label="([^"]+)">'
        r'<path class="wb-map-area" data-district="([^"]+)"',
        figure.group(0),
    )
    shown = {html.unescape(d): (href, html.unescape(label)) for href, label, d in areas}
    assert set(shown) == {"Manfort", odd}
    for district, (href, label) in shown.items():
        assert href == profile_file(out, district).name  # the area leads to its page
        assert label.startswith(f"{district}: ")
    assert shown["Manfort"][1] == "Manfort: 100,0 %"  # both statements come from Manfort
    assert "<Neu>" not in page.raw  # the name escaped everywhere, in the map too
    assert 'role="group"' in figure.group(0)  # links inside, not one flat image
    # not colour alone: the names on the areas and the numbers in a table beside
    assert "Manfort" in re.sub(r"<title>.*?</title>", "", figure.group(0))
    assert "<th scope='row'>Manfort</th><td class='num'>100,0 %</td>" in figure.group(0)
    assert "Klick auf einen Sozialraum in der Karte öffnet seine Seite" in page.text
    assert FORBIDDEN.search(page.text) is None and "workbench" not in page.text
    for district in ("Manfort", odd):  # the list, the text alternative, stays
        assert profile_file(out, district).name in page.links


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


def test_the_site_speaks_of_needs_not_of_clusters_and_settings(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Residents read "Bedarfscluster fassen … zusammen", "In den Bedarfsclustern sind keine
    Aussagen aus Neudorf.", "Empfehlung → Bedarfscluster → …", "mit keinem Bedarfscluster
    verknüpft" and the runs' raw settings ("backend=use, cross_cutting_min=3, …") on every
    district page: the analysis's words. The site says in plain words how needs and topics
    were grouped; the team's report keeps the cluster words and the settings."""
    from workbench.ingest.table import TableMapping
    from workbench.synthesis.recommendations import add_recommendation

    later = tmp_path / "neudorf.csv"  # a district none of whose statements is a need
    later.write_text("Text\nDer Spielplatz am Markt ist schön\n", encoding="utf-8")
    with demo_copy(tmp_path_factory, tmp_path / "p") as project:
        project.import_files(
            [later], TableMapping(text_column="Text"), district="Neudorf", add_districts=True
        )
        add_recommendation(project, "Mehr Bänke am Markt aufstellen.")  # linked to no need
        site = publish(project, tmp_path / "seite", generated_at=WHEN)
        team = squash(
            html.unescape(
                re.sub(r"<[^>]+>", " ", render(project, "html", generated_at=WHEN).decode())
            )
        )
    for path in page_files(site.folder):
        page = Page(path)
        for words in (page.text, page.chart_strings()):
            found = re.search(r".{0,40}(cluster|backend=|cross_cutting_min).{0,20}", words, re.I)
            assert found is None, (path.name, found and found.group(0))
    neudorf = squash(Page(profile_file(site.folder, "Neudorf")).text)
    assert "In den ausgewerteten Bedarfen sind keine Aussagen aus Neudorf." in neudorf
    report = squash(Page(site.folder / REPORT_FILE).text)
    assert "Die Bedarfe fassen die als Bedarf kodierten Aussagen aller Workshops" in report
    assert "(Empfehlung → Bedarf → Aussage → Dokument → Workshop)" in report
    assert "mit keinem Bedarf verknüpft" in report
    assert "Bedarfsanalyse: Die als Bedarf kodierten Aussagen sind computergestützt" in report
    assert "Themenanalyse: Alle Aussagen sind computergestützt" in report
    for said in (
        "Bedarfscluster fassen die als Bedarf kodierten Aussagen",
        "In den Bedarfsclustern sind keine Aussagen aus Neudorf.",
        "(Empfehlung → Bedarfscluster → Aussage → Dokument → Workshop)",
        "mit keinem Bedarfscluster verknüpft",
    ):
        assert said in team, said
    assert re.search(r"Bedarfslauf \d+: backend=\w+, cross_cutting_min=3", team)


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
