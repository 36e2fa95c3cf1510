"""The topic map app and the published site call the statements without a Sozialraum
"ohne Sozialraum", as the README and the profile app do; a city-wide workshop's
statements stay "Gesamtstadt", their column in the table of topics per district says
"Gesamtstadt (Auftakt)" (workbench.synthesis.citywide, decision 015)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import ipywidgets as w
import pandas as pd
import pytest

from tests.test_apps_degenerate import TEXTS, all_text, analyse, check_page, run, widgets_below
from widgets.topic_map import heatmap_html, topic_map_app
from workbench import Project
from workbench.analysis.topic_map import map_data
from workbench.synthesis.citywide import place_name
from workbench.synthesis.site import publish
from workbench.synthesis.site.topic_map import heatmap_html as site_heatmap


def test_statements_without_a_district_are_ohne_sozialraum_on_the_map_and_the_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "projekt"
    run(capsys, None, "init", folder, "--districts", "Manfort,Opladen")
    places = ["Manfort", "Opladen", ""]  # every third row of the survey names no district
    rows = [(str(i), t, places[i % 3]) for i, t in enumerate(TEXTS * 2)]
    source = tmp_path / "umfrage.csv"
    pd.DataFrame(rows, columns=["ID", "Text", "Sozialraum"]).to_csv(source, sep=";", index=False)
    args = ["--text-column", "Text", "--id-column", "ID", "--district-column", "Sozialraum"]
    run(capsys, folder, "import", source, *args)
    analyse(capsys, folder)
    with Project.open(folder) as project:
        data = map_data(project)
        site = publish(project, tmp_path / "seite").folder
    assert "Gesamtstadt" in data.districts  # stored there, as the profiles read it
    app = topic_map_app({"WORKBENCH_PROJECT": str(folder), "QUERY_STRING": ""})
    page = check_page(app)
    menu = next(x for x in widgets_below(app) if getattr(x, "description", "") == "Aussagen aus:")
    assert ("ohne Sozialraum", "Gesamtstadt") in list(menu.options)
    site_page = (site / "themenlandkarte.html").read_text("utf-8")
    main = site_page[site_page.index("<main") :]  # the menu links the city's own page
    for shown, header in (
        (page + all_text(app), "<th class='sw-num'>"),
        (main, '<th class="num">'),
    ):
        assert "Gesamtstadt" not in shown
        assert f"{header}ohne Sozialraum</th>" in shown  # the heatmap's column
        assert "Aussagen ohne Sozialraum (" in shown  # the cells' titles
        assert "ohne Sozialraum · umfrage.csv, Aussage" in shown  # a quote's source
    assert isinstance(menu, w.Dropdown)
    # a kick-off's statements: the column says where they come from (decision 015), the
    # menu and each statement's source keep "Gesamtstadt"
    kickoff = replace(data, city_workshops=("Auftaktworkshop Gesamtstadt",))
    stadtkonferenz = replace(data, city_workshops=("Stadtkonferenz Gesamtstadt",))
    for table, header in (
        (heatmap_html, "<th class='sw-num'>"),
        (site_heatmap, '<th class="num">'),
    ):
        assert f"{header}Gesamtstadt (Auftakt)</th>" in table(kickoff)
        assert f"{header}Gesamtstadt (Workshop)</th>" in table(stadtkonferenz)
        assert f"{header}Gesamtstadt</th>" not in table(kickoff)
        assert f"{header}ohne Sozialraum</th>" in table(data)
    assert place_name("Gesamtstadt", kickoff.city_workshops) == "Gesamtstadt"
