"""A Sozialraum's former name after `districts --rename/--merge`, where a user types it:
the rows of an indicator file and the ``--district``/``--scope`` options of the commands
are read as the district it is today, with a notice; a name that never was one still
fails as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.feedback_data import store_need_run
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.table import TableMapping
from workbench.synthesis import geo
from workbench.synthesis import recommendations as rec
from workbench.synthesis.indicators import import_indicators, indicators

BEFORE = """district,indicator,year,value,unit,source
Gesamtstadt,SGB-II-Quote,2022,10.0,%,Statistik
Manfort,SGB-II-Quote,2022,12.0,%,Statistik
Steinbüchel,SGB-II-Quote,2022,9.0,%,Statistik
"""
# the statistics office's template of the next year still names both former districts
LATER = """district,indicator,year,value,unit,source
Gesamtstadt,SGB-II-Quote,2023,10.5,%,Statistik
Opladen,SGB-II-Quote,2023,14.0,%,Statistik
Manfort,SGB-II-Quote,2023,12.5,%,Statistik
opladen,Arbeitslosenquote,2023,7.0,%,Statistik
Steinbuechel,SGB-II-Quote,2023,8.5,%,Statistik
"""


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """Opladen merged into Manfort, Steinbüchel renamed Steinbüchel-Nord, with indicators
    and a need run (codes for the rating app need one)."""
    p = Project.create(tmp_path / "projekt", districts=["Manfort", "Opladen", "Steinbüchel"])
    (tmp_path / "vorher.csv").write_text(BEFORE, encoding="utf-8")
    import_indicators(p, tmp_path / "vorher.csv")
    cards = tmp_path / "karten.csv"
    cards.write_text("ID;Text;Sozialraum\nK1;Mehr Licht am Markt;Opladen\n", encoding="utf-8")
    p.import_files([cards], TableMapping(text_column="Text", id_column="ID",
                                         district_column="Sozialraum"))  # fmt: skip
    store_need_run(p, [("Licht", p.segments()["segment_id"].tolist())])
    where = ["--project", str(p.path)]
    assert main([*where, "districts", "--merge", "Opladen", "--into", "Manfort"]) == 0
    assert main([*where, "districts", "--rename", "Steinbüchel", "Steinbüchel-Nord"]) == 0
    yield p
    p.close()


def test_an_indicator_file_with_former_names_goes_to_the_districts_now(
    project: Project, tmp_path: Path, capsys
) -> None:
    """The next year's table says "Opladen" and "Steinbuechel": the import stopped with
    "Unbekannte Sozialräume" (exit 2). The rows are now today's districts, with a notice;
    Manfort's own row keeps its value over the row of the district merged into it."""
    path = tmp_path / "2023.csv"
    path.write_text(LATER, encoding="utf-8")
    capsys.readouterr()
    assert main(["--project", str(project.path), "indicators", "--import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Sozialraum Opladen: seit dem" in out and "Teil von Manfort" in out
    assert "umbenannt in Steinbüchel-Nord – die Werte stehen bei Steinbüchel-Nord" in out
    assert "Zeile 3: SGB-II-Quote 2023 von Opladen übergangen – Manfort hat in Zeile 4" in out
    table = indicators(project)
    values = {(r.district, r.indicator, r.year): r.value for r in table.itertuples()}
    assert values[("Manfort", "SGB-II-Quote", 2023)] == 12.5  # its own, not Opladen's 14,0
    assert values[("Manfort", "Arbeitslosenquote", 2023)] == 7.0
    assert values[("Steinbüchel-Nord", "SGB-II-Quote", 2023)] == 8.5
    assert set(table["district"]) == {"Gesamtstadt", "Manfort", "Steinbüchel-Nord"}
    assert "Opladen" not in project.districts()["district"].tolist()  # not declared again


def test_two_rows_of_a_district_itself_still_stop_the_import(
    project: Project, tmp_path: Path
) -> None:
    """Only a former name's row gives way: twice Manfort is an error, as before."""
    path = tmp_path / "doppelt.csv"
    path.write_text(LATER + "Manfort,SGB-II-Quote,2023,13.0,%,Statistik\n", encoding="utf-8")
    with pytest.raises(Exception, match="steht schon in Zeile 4"):
        import_indicators(project, path)


def test_a_former_name_does_not_replace_the_value_the_merged_district_has(
    project: Project, tmp_path: Path, capsys
) -> None:
    """Manfort's own 2022 value stays when a later file has only Opladen's row for 2022
    (Manfort's cell "."): it became Manfort's value, 14,0 % of a part for 12,0 % of the
    whole, "1 geändert" and no word. A renamed district's old name still updates its value,
    and the file that stored a value may correct it."""
    path = tmp_path / "nachlieferung.csv"
    path.write_text(
        "district,indicator,year,value,unit,source\n"
        "Opladen,SGB-II-Quote,2022,14.0,%,Statistik\n"
        "Manfort,SGB-II-Quote,2022,.,%,Statistik\n"
        "Opladen,SGB-II-Quote,2024,13.0,%,Statistik\n"
        "Steinbuechel,SGB-II-Quote,2022,9.5,%,Statistik\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["--project", str(project.path), "indicators", "--import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Zeile 2: SGB-II-Quote 2022 von Opladen übergangen – Manfort hat schon einen " in out
    assert "(12 %, aus vorher.csv)" in out
    values = {(r.district, r.indicator, r.year): r.value for r in indicators(project).itertuples()}
    assert values[("Manfort", "SGB-II-Quote", 2022)] == 12.0  # not Opladen's 14,0
    assert values[("Manfort", "SGB-II-Quote", 2024)] == 13.0  # nothing there: added
    assert values[("Steinbüchel-Nord", "SGB-II-Quote", 2022)] == 9.5  # renamed: same area
    path.write_text(path.read_text(encoding="utf-8").replace("13.0", "13.5"), encoding="utf-8")
    import_indicators(project, path)  # the corrected file replaces what it stored
    values = {(r.district, r.indicator, r.year): r.value for r in indicators(project).itertuples()}
    assert values[("Manfort", "SGB-II-Quote", 2024)] == 13.5


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["indicators", "--district", "Opladen"], "Manfort,SGB-II-Quote,2022,12.0"),
        (["indicators", "--district", "steinbuechel"], "Steinbüchel-Nord,SGB-II-Quote,2022"),
        (["monitoring", "indicators", "--district", "Opladen"], "Manfort"),
        (["tokens", "--n", "1", "--district", "Opladen", "--out", "{tmp}/codes.csv"],
         "(Manfort)"),
        (["recommend", "add", "Mehr Licht", "--scope", "Steinbüchel"], "angelegt"),
    ],
)  # fmt: skip
def test_an_option_with_a_former_name_means_the_district_now(
    project: Project, tmp_path: Path, capsys, command: list[str], shown: str
) -> None:
    """`--district Opladen` after the merge failed with "Unbekannter Sozialraum" (exit 2)
    and no word where Opladen went; it now means Manfort and says so on stderr."""
    command = [part.replace("{tmp}", str(tmp_path)) for part in command]
    capsys.readouterr()
    assert main(["--project", str(project.path), *command]) == 0
    captured = capsys.readouterr()
    assert shown in captured.out
    assert "Hinweis: Sozialraum " in captured.err and "weiter mit" in captured.err
    if command[0] == "recommend":
        assert rec.recommendations(project)["scope"].tolist() == ["Steinbüchel-Nord"]


def test_a_name_that_never_was_a_district_fails_as_before(
    project: Project, tmp_path: Path, capsys
) -> None:
    """Köln was never a Sozialraum of the project: the same error, exit 2, no notice."""
    where = ["--project", str(project.path)]
    capsys.readouterr()
    assert main([*where, "indicators", "--district", "Köln"]) == 2
    err = capsys.readouterr().err
    assert "Unbekannter Sozialraum 'Köln'. Gültig sind: Gesamtstadt, Manfort, " in err
    assert "Hinweis" not in err
    path = tmp_path / "koeln.csv"
    path.write_text(LATER + "Köln,SGB-II-Quote,2023,11.0,%,Statistik\n", encoding="utf-8")
    assert main([*where, "indicators", "--import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Unbekannter Sozialraum 'Köln'" in err and "Zeile 7" in err
    assert "Opladen" not in err  # the former names are read, not reported unknown


def _square(name: str, x: float) -> dict:
    ring = [[x, 51.0], [x + 0.01, 51.0], [x + 0.01, 51.01], [x, 51.01], [x, 51.0]]
    return {
        "type": "Feature",
        "properties": {"name": name},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def test_a_boundary_file_with_former_names_draws_the_districts_now(
    project: Project, tmp_path: Path, capsys
) -> None:
    """The city's boundary file still has the areas "Opladen" and "Steinbüchel": they
    were left over as fitting no district, so Steinbüchel-Nord lost its boundary and
    Manfort's map lacked Opladen's part. They are now the districts they became."""
    areas = [_square("Opladen", 7.0), _square("Manfort", 7.02), _square("Steinbüchel", 7.04)]
    path = tmp_path / "grenzen.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": areas}))
    capsys.readouterr()
    where = ["--project", str(project.path)]
    assert main([*where, "map", "--import", str(path), "--name-property", "name"]) == 0
    out = capsys.readouterr().out
    assert "Teil von Manfort – die Fläche gehört zu Manfort" in out
    assert "keinem Sozialraum" not in out and "Ohne Grenze" not in out
    shapes = geo.boundaries(project)
    assert sorted(shapes) == ["Manfort", "Steinbüchel-Nord"]
    assert len(shapes["Manfort"]) == 2  # its own area and Opladen's, as the merge joins them


def test_renaming_or_merging_again_says_where_the_district_went(project: Project, capsys) -> None:
    """The same script run twice: the second `--merge Opladen` said only that Opladen does
    not exist, as if mistyped. It now says what became of it; Köln's error is unchanged."""
    where = ["--project", str(project.path), "districts"]
    capsys.readouterr()
    assert main([*where, "--merge", "opladen", "--into", "Manfort"]) == 2
    err = capsys.readouterr().err
    assert "Sozialraum 'opladen' gibt es nicht mehr: seit dem " in err
    assert "Teil von Manfort (vorhanden: Manfort, Steinbüchel-Nord)" in err
    assert main([*where, "--rename", "Steinbüchel", "Steinbüchel-Nord"]) == 2
    assert "umbenannt in Steinbüchel-Nord" in capsys.readouterr().err
    assert main([*where, "--merge", "Köln", "--into", "Manfort"]) == 2
    err = capsys.readouterr().err
    assert "Sozialraum 'Köln' gibt es nicht (vorhanden: Manfort, Steinbüchel-Nord)." in err


def test_a_profile_link_sent_before_the_merge_opens_the_district_now(project: Project) -> None:
    """A link `?district=Opladen` (sent to stakeholders, printed on a flyer) opened the
    city-wide overview with "gibt es in dieser Studie nicht"; it is Manfort's profile now,
    with a notice saying why. An unknown name still gives the overview."""
    from widgets.profile_view import profile_app

    env = {"WORKBENCH_PROJECT": str(project.path), "QUERY_STRING": "district=opladen"}
    view = profile_app(env).view  # the page reads anew after a forget
    assert view.district.value == "Manfort"
    notice = view.notice.children[0].value  # then: the need run predates the merge
    assert "Sozialraum „Opladen“: seit dem " in notice
    assert "Teil von Manfort. Sie sehen das Profil von Manfort." in notice
    view = profile_app({**env, "QUERY_STRING": "district=Steinbuechel"}).view
    assert view.district.value == "Steinbüchel-Nord"
    view = profile_app({**env, "QUERY_STRING": "district=K%C3%B6ln"}).view
    assert view.district.value == "Gesamtstadt"
    assert "gibt es in dieser Studie nicht" in view.notice.children[0].value
