"""Renaming and merging Sozialräume over the years (`workbench districts --rename/--merge`):
a district imported under a misspelt name, renamed, or merged by the city, on SQLite and
PostgreSQL; the comparison of waves says what changed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import select

from tests.feedback_data import store_need_run
from tests.synthesis_data import legacy_districts
from widgets.monitoring_view import (
    city_indicators_html,
    city_needs_html,
    district_indicators_html,
    district_needs_html,
)
from workbench import Project
from workbench.analysis import waves
from workbench.analysis.needs import corpus_hash
from workbench.cli.main import main
from workbench.ingest.table import TableMapping
from workbench.store import Indicator, NeedRun, TopicAssignment, TopicRun
from workbench.synthesis import geo
from workbench.synthesis import recommendations as rec
from workbench.synthesis.indicators import import_indicators
from workbench.synthesis.monitoring import read_monitoring
from workbench.synthesis.reports import render
from workbench.synthesis.reports.model import Paragraph, collect, latest_stale_notes
from workbench.synthesis.reports.outline import build_report

MAPPING = TableMapping(text_column="Text", id_column="ID", district_column="Sozialraum")
EARLIER = [
    ("A1", "Es fehlt ein Treffpunkt für Jugendliche", "Steinbüchel"),
    ("A2", "Wir brauchen Beratung für Familien", "Steinbüchel"),
    ("A3", "Der Spielplatz ist kaputt", "Manfort"),
]
LATER = [  # the follow-up's survey spells the district out, declared by hand as a new one
    ("B1", "Immer noch kein Treffpunkt für Jugendliche", "Steinbuechel"),
    ("B2", "Beratung für Familien fehlt weiter", "Steinbuechel"),
    ("B3", "Der Spielplatz ist immer noch kaputt", "Manfort"),
]
INDICATORS = """district,indicator,year,value,unit,source
Steinbüchel,SGB-II-Quote,2019,20.1,%,Test
Steinbuechel,SGB-II-Quote,2019,99.9,%,Test
Steinbuechel,SGB-II-Quote,2022,21.5,%,Test
"""


def _cards(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    lines = ["ID;Text;Sozialraum", *(";".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _two_waves(project: Project, folder: Path) -> None:
    """Two waves of cards, the second under the misspelt "Steinbuechel", and a need run
    over all statements whose statements are today's (so only a merge makes it stale)."""
    project.import_files([_cards(folder / "w1.csv", EARLIER)], MAPPING, wave="2020")
    legacy_districts(project, ["Steinbuechel"])
    project.import_files([_cards(folder / "w2.csv", LATER)], MAPPING, wave="2022")
    segments = project.segments()
    ids = dict(zip(segments["source_id"], segments["segment_id"], strict=True))
    run_id = store_need_run(
        project,
        [
            ("Treffpunkt", [int(ids["A1"]), int(ids["B1"])]),
            ("Beratung", [int(ids["A2"]), int(ids["B2"])]),
            ("Spielplatz", [int(ids["A3"]), int(ids["B3"])]),
        ],
    )
    with project.transaction() as session:
        run = session.get(NeedRun, run_id)
        run.params = {"segments": "all"}
        run.corpus_hash = corpus_hash(segments.sort_values("segment_id"))


def _statuses(project: Project) -> dict[tuple[str, str], str]:
    table = waves.need_comparison(project).table
    return {(r.district, r.label): r.status for r in table.itertuples()}


@pytest.mark.backends
def test_merge_moves_everything_and_the_comparison_says_so(
    project: Project, tmp_path: Path, capsys
) -> None:
    _two_waves(project, tmp_path)
    path = tmp_path / "indikatoren.csv"
    path.write_text(INDICATORS, encoding="utf-8")
    import_indicators(project, path)
    rec.add_recommendation(project, "Jugendtreff öffnen", scope="Steinbuechel")
    # before: the same district counts as two, each "nicht erhoben" in one wave
    assert _statuses(project)[("Steinbüchel", "Treffpunkt")] == waves.NOT_SURVEYED
    assert latest_stale_notes(project) == ()
    capsys.readouterr()

    folder = str(project.path)
    assert main(["--project", folder, "districts", "--merge", "steinbuechel", "--into",
                 "STEINBÜCHEL"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "Sozialraum 'Steinbuechel' mit 'Steinbüchel' zusammengelegt" in out
    assert "1 Workshop, 2 Aussagen, 1 Indikatorwert, 1 Empfehlung übernommen" in out
    assert "SGB-II-Quote 2019" in out  # the source's value the target already had

    assert list(project.districts()["district"]) == [
        "Gesamtstadt", "Alkenrath", "Manfort", "Opladen", "Steinbüchel", "Wiesdorf",
    ]  # fmt: skip
    segments = project.segments().set_index("source_id")
    assert set(segments.loc[["A1", "A2", "B1", "B2"], "district"]) == {"Steinbüchel"}
    assert "Steinbuechel" not in set(project.workshops()["district"])
    with project.session() as session:
        values = {
            (i.year, i.value)
            for i in session.scalars(select(Indicator).where(Indicator.indicator == "SGB-II-Quote"))
        }
    assert values == {(2019, 20.1), (2022, 21.5)}  # the target's own 2019 value stays
    assert rec.recommendations(project)["scope"].tolist() == ["Steinbüchel"]

    comparison = waves.need_comparison(project)
    assert _statuses(project)[("Steinbüchel", "Treffpunkt")] == waves.PERSISTING
    assert any("früheren Sozialraum Steinbuechel (zusammengelegt)" in n for n in comparison.notes)
    assert comparison.reader_notes[-1] == comparison.notes[-1]
    found = read_monitoring(project)  # the profile app says it under the district and the city
    for html in (district_needs_html(found, "Steinbüchel"), city_needs_html(found)):
        assert "auch den früheren Sozialraum Steinbuechel (zusammengelegt)" in html
    assert "Steinbuechel" not in district_needs_html(found, "Manfort")
    (stale,) = latest_stale_notes(project)  # the clusters' scope was of two districts
    assert "Zusammenlegung von Steinbuechel mit Steinbüchel" in stale

    # and once more: the source is gone ("Steinbuechel" now names Steinbüchel itself)
    assert main(["--project", folder, "districts", "--merge", "Steinbuechel", "--into",
                 "Steinbüchel"]) == 2  # fmt: skip
    err = capsys.readouterr().err
    assert "meinen beide den Sozialraum 'Steinbüchel'" in err and "Traceback" not in err


@pytest.mark.backends
def test_rename_fixes_the_name_everywhere(tmp_path: Path, db_url: str | None, capsys) -> None:
    project = Project.create(tmp_path / "p", db_url=db_url, districts=["Manfort", "Steinbuechel"])
    cards = [("A1", "Es fehlt ein Treffpunkt", "Steinbuechel"), ("A2", "Spielplatz", "Manfort")]
    project.import_files([_cards(tmp_path / "w1.csv", cards)], MAPPING)
    ids = project.segments().set_index("source_id")["segment_id"]
    store_need_run(project, [("Treffpunkt", [int(ids["A1"]), int(ids["A2"])])])
    with project.transaction() as session:  # a topic run --by district, as topics stores it
        run = TopicRun(
            params={"by": "district"},
            corpus_hash="x",
            versions={},
            topics=[{"group": "Steinbuechel", "key": "Steinbuechel:0", "topic": 0, "size": 1}],
        )
        session.add(run)
        session.flush()
        session.add(
            TopicAssignment(run_id=run.id, segment_id=int(ids["A1"]), group="Steinbuechel",
                            topic="Steinbuechel:0", probability=1.0)
        )  # fmt: skip
    square = [[[[7.0, 51.0], [7.1, 51.0], [7.1, 51.1], [7.0, 51.0]]]]
    target = geo.boundaries_path(project.path)
    target.parent.mkdir()
    target.write_bytes(geo.to_geojson({"Steinbuechel": square, "Manfort": square}))
    folder = str(project.path)
    capsys.readouterr()

    assert main(["--project", folder, "districts", "--rename", "steinbuechel",
                 "Steinbüchel"]) == 0  # fmt: skip
    assert "Sozialraum 'Steinbuechel' heißt jetzt 'Steinbüchel'." in capsys.readouterr().out
    assert list(project.districts()["district"]) == ["Gesamtstadt", "Manfort", "Steinbüchel"]
    assert project.segments().set_index("source_id").loc["A1", "district"] == "Steinbüchel"
    with project.session() as session:
        clusters = session.scalars(select(NeedRun.clusters)).one()
        topics = session.scalars(select(TopicRun.topics)).one()
        assignment = session.scalars(select(TopicAssignment)).one()
    assert clusters[0]["districts"] == ["Manfort", "Steinbüchel"]
    assert (topics[0]["group"], topics[0]["key"]) == ("Steinbüchel", "Steinbüchel:0")
    assert (assignment.group, assignment.topic) == ("Steinbüchel", "Steinbüchel:0")
    assert set(geo.boundaries(project)) == {"Manfort", "Steinbüchel"}

    # a name another district has is a merge; the city-wide scope is no district
    for args, message in (
        (["Manfort", "STEINBUECHEL"], "--merge Manfort --into Steinbüchel"),
        (["Gesamtstadt", "Mitte"], "gesamtstädtische Bereich"),
        (["Köln", "Mitte"], "Sozialraum 'Köln' gibt es nicht (vorhanden: Manfort, Steinbüchel)"),
        (["Manfort", "  "], "neue Name des Sozialraums ist leer"),
    ):
        assert main(["--project", folder, "districts", "--rename", *args]) == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err
    assert list(project.districts()["district"]) == ["Gesamtstadt", "Manfort", "Steinbüchel"]
    project.close()


def test_merge_joins_the_boundaries_and_notes_follow_later_renames(
    project: Project, tmp_path: Path, capsys
) -> None:
    _two_waves(project, tmp_path)
    west = [[[[7.0, 51.0], [7.1, 51.0], [7.1, 51.1], [7.0, 51.0]]]]
    east = [[[[7.1, 51.0], [7.2, 51.0], [7.2, 51.1], [7.1, 51.0]]]]
    target = geo.boundaries_path(project.path)
    target.parent.mkdir()
    target.write_bytes(geo.to_geojson({"Steinbüchel": west, "Steinbuechel": east}))
    folder = str(project.path)
    assert main(["--project", folder, "districts", "--merge", "Steinbuechel", "--into",
                 "Steinbüchel"]) == 0  # fmt: skip
    joined = json.loads(json.dumps(geo.boundaries(project)))  # tuples as lists
    assert joined == {"Steinbüchel": west + east}
    assert (
        main(["--project", folder, "districts", "--rename", "Steinbüchel", "Steinbüchel-Mitte"])
        == 0
    )
    assert set(geo.boundaries(project)) == {"Steinbüchel-Mitte"}
    notes = waves.need_comparison(project).notes
    assert any(
        n.startswith("Steinbüchel-Mitte umfasst seit dem ") and "Steinbuechel" in n for n in notes
    )
    assert any("Steinbüchel-Mitte hieß bis zum " in n and "„Steinbüchel“" in n for n in notes)
    capsys.readouterr()
    assert main(["--project", folder, "districts", "--merge", "Manfort"]) == 2
    assert "--merge QUELLE und --into ZIEL gehören zusammen" in capsys.readouterr().err


def test_add_districts_reads_a_spelled_out_name_as_the_declared_district(
    project: Project, tmp_path: Path, capsys
) -> None:
    """Before: the import refused "Steinbuechel" (meant: Steinbüchel?), and --add-districts,
    which its message offers, declared it as a second Sozialraum beside Steinbüchel."""
    rows = [*LATER, ("B4", "Ein Bolzplatz fehlt", "Hitdorf")]
    path = _cards(tmp_path / "w2.csv", rows)
    args = ["--project", str(project.path), "import", str(path), "--district-column",
            "Sozialraum", "--text-column", "Text", "--id-column", "ID"]  # fmt: skip
    assert main(args) == 2  # without --add-districts: stopped for Hitdorf only; Steinbuechel
    err = capsys.readouterr().err  # is Steinbüchel as "STEINBÜCHEL" is (Runde 49)
    assert "Unbekannte Sozialräume (Spalte Sozialraum): Hitdorf." in err
    assert "Steinbuechel" not in err
    assert main([*args, "--add-districts"]) == 0
    out = capsys.readouterr().out
    assert "Neue Sozialräume angelegt: Hitdorf." in out
    assert "Sozialraum 'Steinbuechel' als 'Steinbüchel' gelesen" in out
    assert "Steinbuechel" not in set(project.districts()["district"])
    segments = project.segments().set_index("source_id")
    assert segments.loc[["B1", "B2"], "district"].tolist() == ["Steinbüchel", "Steinbüchel"]


def test_a_concept_text_naming_a_merged_district_says_where_it_went(
    project: Project, tmp_path: Path
) -> None:
    """The researchers' text was written before the city merged Alkenrath into Manfort."""
    from workbench.synthesis.concept import build_concept, read_concept_text

    cards = [("A1", "Es fehlt ein Treffpunkt", "Alkenrath"), ("A2", "Kein Treffpunkt", "Manfort")]
    project.import_files([_cards(tmp_path / "w1.csv", cards)], MAPPING)
    ids = project.segments().set_index("source_id")["segment_id"]
    store_need_run(project, [("Treffpunkt", [int(ids["A1"]), int(ids["A2"])])])
    rec.add_recommendation(project, "Einen Treffpunkt öffnen", scope="Alkenrath")
    assert main(["--project", str(project.path), "districts", "--merge", "Alkenrath", "--into",
                 "Manfort"]) == 0  # fmt: skip
    text = tmp_path / "konzept.md"
    text.write_text(
        "# Konzept\n\n## Säule 1: Beteiligung\n\nText.\n\n## Säule 2: Quartiersmanagement\n\n"
        "Empfehlung: 1\n\n## Sozialraum: Alkenrath\n\nDer Text zu Alkenrath.\n",
        encoding="utf-8",
    )
    concept = build_concept(project, read_concept_text(text))
    (message,) = [w.message for w in concept.warnings if "Alkenrath" in w.message]
    assert "Sozialraum „Alkenrath“ gibt es nicht (seit dem " in message
    assert " Teil von Manfort; gültig: Manfort, Opladen, Steinbüchel, Wiesdorf)" in message


def _series_across_a_merge(project: Project, tmp_path: Path) -> None:
    """Indicators of 2019, Steinbüchel merged into Manfort, indicators of 2022."""
    first = tmp_path / "2019.csv"
    first.write_text(
        "district,indicator,year,value,unit,source\n"
        "Gesamtstadt,SGB-II-Quote,2019,10.9,%,A\nManfort,SGB-II-Quote,2019,13.9,%,A\n"
        "Steinbüchel,SGB-II-Quote,2018,6.5,%,A\nWiesdorf,SGB-II-Quote,2019,15.0,%,A\n",
        encoding="utf-8",
    )
    later = tmp_path / "2022.csv"
    later.write_text(
        "district,indicator,year,value,unit,source\n"
        "Gesamtstadt,SGB-II-Quote,2022,11.3,%,A\nManfort,SGB-II-Quote,2022,11.0,%,A\n"
        "Wiesdorf,SGB-II-Quote,2022,15.5,%,A\n",
        encoding="utf-8",
    )
    import_indicators(project, first)
    assert main(["--project", str(project.path), "districts", "--merge", "Steinbüchel",
                 "--into", "Manfort"]) == 0  # fmt: skip
    import_indicators(project, later)


def test_an_indicator_series_across_a_merge_says_it_mixes_two_areas(
    project: Project, tmp_path: Path, capsys
) -> None:
    """Manfort 2019 (the old area) → 2022 (Manfort with Steinbüchel): the change compares two
    areas; the CLI, the report and the monitoring views say so, as the wave comparison does."""
    _series_across_a_merge(project, tmp_path)
    folder = str(project.path)
    capsys.readouterr()
    assert main(["--project", folder, "monitoring", "indicators"]) == 0
    out = capsys.readouterr().out
    note = next(line for line in out.splitlines() if line.startswith("Hinweis: "))
    assert note.startswith("Hinweis: Manfort umfasst seit dem ")
    assert "den früheren Sozialraum Steinbüchel (zusammengelegt)" in note
    assert "(1 Wert von Steinbüchel)" in note and "vergleicht verschiedene Gebiete" in note
    assert main(["--project", folder, "monitoring", "indicators", "--district", "Wiesdorf"]) == 0
    assert "Hinweis" not in capsys.readouterr().out  # Wiesdorf's series is one area
    found = read_monitoring(project)
    [(district, sentence)] = found.series_notes
    assert district == "Manfort" and note == f"Hinweis: {sentence}"
    assert "früheren Sozialraum Steinbüchel" in district_indicators_html(found, "Manfort")
    assert "früheren Sozialraum" not in district_indicators_html(found, "Wiesdorf")
    assert "früheren Sozialraum Steinbüchel" in city_indicators_html(found)
    report = build_report(collect(project))
    assert sentence in [b.text for b in report.blocks if isinstance(b, Paragraph)]


def test_the_exported_series_across_a_merge_say_so_too(
    project: Project, tmp_path: Path, capsys
) -> None:
    """The XLSX report's sheet „Indikatorverlauf“ and `monitoring indicators --out` showed
    Manfort's fall from 13,9 to 11,0 without a word that 2022 counts Steinbüchel too (only
    the screen and the HTML report said so): the row's note says it now."""
    _series_across_a_merge(project, tmp_path)
    [(_, sentence)] = read_monitoring(project).series_notes
    book = openpyxl.load_workbook(io.BytesIO(render(project, "xlsx")))
    rows = list(book["Indikatorverlauf"].iter_rows(values_only=True))
    notes = {r[1]: r[rows[0].index("Hinweis")] for r in rows[1:]}
    # Steinbüchel's value of 2018 came along: the city has none for 2018
    manfort = f"kein Gesamtstadt-Wert für beide Jahre. {sentence}"
    assert notes == {"Gesamtstadt": "–", "Manfort": manfort, "Wiesdorf": "–"}
    out = tmp_path / "verlauf.csv"
    assert (
        main(["--project", str(project.path), "monitoring", "indicators", "--out", str(out)]) == 0
    )
    table = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False).set_index("district")
    assert table.loc["Manfort", "note"] == manfort
    assert table.loc["Wiesdorf", "note"] == ""
    assert sentence in capsys.readouterr().out  # and the screen, as before


def test_a_later_file_with_a_former_name_goes_to_the_district_now(
    project: Project, tmp_path: Path, capsys
) -> None:
    """The next wave's export still says "Opladen" (merged into Manfort) and "Steinbüchel"
    (renamed): the column was taken for no district at all and every card was stored
    without one (exit 0), and the notice advised --add-districts, which splits the
    monitoring again. A former name is now the district it became, with a notice."""
    where = ["--project", str(project.path)]
    assert main([*where, "districts", "--merge", "Opladen", "--into", "Manfort"]) == 0
    assert main([*where, "districts", "--rename", "Steinbüchel", "Steinbüchel-Nord"]) == 0
    rows = [
        ("C1", "Mehr Bänke am Markt", "Opladen"),
        ("C2", "Längere Öffnungszeiten", "Steinbüchel"),
    ]
    cards = _cards(tmp_path / "welle3.csv", rows)
    capsys.readouterr()
    assert main([*where, "import", str(cards), "--wave", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Opladen: seit dem" in out and "Teil von Manfort" in out
    assert "umbenannt in Steinbüchel-Nord" in out
    assert project.segments()["district"].tolist() == ["Manfort", "Steinbüchel-Nord"]
    protocol = tmp_path / "protokoll.md"
    protocol.write_text("---\nworkshop: Runde\ndistrict: Opladen\n---\n## Was fehlt?\n\n- Licht\n")
    assert main([*where, "import", str(protocol), "--wave", "2025"]) == 0
    assert main([*where, "import", str(_cards(tmp_path / "w4.csv", rows[:1])), "--district",
                 "opladen", "--allow-duplicates"]) == 0  # fmt: skip
    assert project.segments()["district"].tolist()[2:] == ["Manfort", "Manfort"]
    assert "Opladen" not in project.districts()["district"].tolist()  # not split again


def test_a_merge_that_leaves_values_out_does_not_say_there_were_none(
    project: Project, tmp_path: Path, capsys
) -> None:
    """Opladen had only indicator values, each for a year Manfort has its own: the merge
    said "(er hatte noch nichts)" and in the next line named the values it left out."""
    values = tmp_path / "werte.csv"
    values.write_text(
        "district,indicator,year,value,unit,source\n"
        "Manfort,SGB-II-Quote,2022,13.9,%,A\nOpladen,SGB-II-Quote,2022,9.8,%,A\n",
        encoding="utf-8",
    )
    import_indicators(project, values)
    where = ["--project", str(project.path), "districts"]
    assert main([*where, "--merge", "Opladen", "--into", "Manfort"]) == 0
    out = capsys.readouterr().out
    assert "Sozialraum 'Opladen' mit 'Manfort' zusammengelegt (nichts übernommen)." in out
    assert "er hatte noch nichts" not in out
    assert "Nicht übernommen, weil 'Manfort' für dasselbe Jahr einen eigenen Wert hat: " in out
