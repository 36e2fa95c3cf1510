"""``workbench publish`` on projects built for one test: sparse ones (a sentence per
missing part), one in progress, one with boundaries, publishing again, a foreign folder."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from tests.site_pages import WHEN, Page, page_files, profile_file, squash
from tests.sparse_data import FORBIDDEN, card_wall, no_statements, partial
from tests.synthesis_data import demo_copy
from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import WorkbenchError
from workbench.store import CITYWIDE
from workbench.synthesis.reports import render
from workbench.synthesis.site import INDEX, MANIFEST, MAP_FILE, REPORT_FILE, publish


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
