"""Waves and monitoring (issue 16): waves on import and after the upgrade, needs compared
across waves, indicator time series, the status history of recommendations, the demo's
follow-up wave."""

from __future__ import annotations

import doctest
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.feedback_data import store_need_run
from tests.test_migrations import RELEASE
from workbench import Project
from workbench.analysis import waves
from workbench.cli.main import main
from workbench.core.domain import InputError, WorkbenchError
from workbench.ingest.table import TableMapping
from workbench.store import backup, make_engine, migrate
from workbench.store import waves as store_waves
from workbench.synthesis import monitoring, recommendation_status
from workbench.synthesis import recommendations as rec

MAPPING = TableMapping(text_column="Text", id_column="ID", district_column="Sozialraum")
FOLLOW_UP = "Folgebefragung 2022"


def write_cards(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """A card table ``ID;Text;Sozialraum`` (an empty district: the city-wide scope)."""
    lines = ["ID;Text;Sozialraum", *(";".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The single German error line of a failed command (no traceback)."""
    err = capsys.readouterr().err.strip()
    assert err.startswith("Fehler: ") and "\n" not in err and "Traceback" not in err
    return err


# -- waves on import ---------------------------------------------------------------------
def test_import_puts_workshops_into_waves(project: Project, tmp_path: Path, capsys) -> None:
    first = write_cards(tmp_path / "manfort.csv", [("M1", "Kein Treffpunkt im Viertel", "Manfort")])
    second = write_cards(tmp_path / "manfort_folge.csv", [("F1", "Strom ist zu teuer", "Manfort")])
    folder = str(project.path)
    common = ["--text-column", "Text", "--id-column", "ID", "--district-column", "Sozialraum"]
    assert main(["--project", folder, "status"]) == 0
    assert "davon" not in capsys.readouterr().out  # no wave at all yet: nothing per wave
    assert main(["--project", folder, "import", str(first), *common]) == 0
    assert main(["--project", folder, "status"]) == 0
    assert "davon" not in capsys.readouterr().out  # one wave: no breakdown
    assert main(["--project", folder, "import", str(second), *common, "--wave", FOLLOW_UP]) == 0
    capsys.readouterr()

    table = project.workshops().set_index("workshop")["wave"].to_dict()
    assert table == {"manfort": store_waves.DEFAULT_WAVE, "manfort_folge": FOLLOW_UP}
    listed = waves.waves(project)
    assert listed["wave"].tolist() == [store_waves.DEFAULT_WAVE, FOLLOW_UP]
    assert listed["segments"].tolist() == [1, 1] and listed["position"].tolist() == [1, 2]

    assert main(["--project", folder, "status"]) == 0
    out = capsys.readouterr().out
    assert "davon Welle 1" in out and f"davon {FOLLOW_UP}" in out
    assert main(["--project", folder, "status", "--json"]) == 0  # the JSON keys stay as they were
    assert "wave" not in capsys.readouterr().out

    # the same label in other spelling is the same wave; without a label: the first wave
    third = write_cards(tmp_path / "wiesdorf_folge.csv", [("W1", "Heizung kalt", "Wiesdorf")])
    project.import_files([third], mapping=MAPPING, wave="  folgebefragung   2022 ")
    fourth = write_cards(tmp_path / "opladen.csv", [("O1", "Bus fährt selten", "Opladen")])
    project.import_files([fourth], mapping=MAPPING)
    table = project.workshops().set_index("workshop")["wave"].to_dict()
    assert table["wiesdorf_folge"] == FOLLOW_UP and table["opladen"] == store_waves.DEFAULT_WAVE
    assert len(waves.waves(project)) == 2


def test_a_workshop_stays_in_its_wave(project: Project, tmp_path: Path, capsys) -> None:
    first = write_cards(tmp_path / "a.csv", [("1", "Kein Treffpunkt", "Manfort")])
    project.import_files([first], mapping=MAPPING, workshop="Workshop Manfort")
    again = write_cards(tmp_path / "b.csv", [("2", "Kein Jugendtreff", "Manfort")])
    before = project.status()
    with pytest.raises(InputError, match="gehört schon zu einer anderen Welle"):
        project.import_files([again], mapping=MAPPING, workshop="Workshop Manfort", wave="2022")
    assert project.status() == before and len(waves.waves(project)) == 1  # nothing stored
    with pytest.raises(InputError, match="Bezeichnung der Welle ist leer"):
        project.import_files([again], mapping=MAPPING, wave="   ")
    assert main(["--project", str(project.path), "import", "x.qdpx", "--wave", "2022"]) == 2
    assert "--wave" in one_error_line(capsys)


def test_rename_wave(project: Project, tmp_path: Path, capsys) -> None:
    project.import_files([write_cards(tmp_path / "a.csv", [("1", "Text", "Manfort")])], MAPPING)
    project.import_files(
        [write_cards(tmp_path / "b.csv", [("2", "Text zwei", "Manfort")])], MAPPING, wave="2022"
    )
    folder = str(project.path)
    assert main(["--project", folder, "waves", "--rename", "Welle 1", "2020/21"]) == 0
    out = capsys.readouterr().out
    assert "1. 2020/21: 1 Quelle, 1 Aussage (Manfort)" in out
    assert "2. 2022: 1 Quelle, 1 Aussage (Manfort)" in out
    assert main(["--project", folder, "waves", "--rename", "2022", "2020/21"]) == 2
    assert "gibt es schon" in one_error_line(capsys)
    assert main(["--project", folder, "waves", "--rename", "Welle 9", "x"]) == 2
    assert "Welle 'Welle 9' gibt es nicht" in one_error_line(capsys)


# -- the migration -----------------------------------------------------------------------
def test_upgraded_release_project_has_its_workshops_in_the_first_wave(
    tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "release"
    folder.mkdir()
    for name in ("werkbank.sqlite", "project.json"):
        shutil.copy(RELEASE / name, folder / name)
    assert main(["--project", str(folder), "upgrade"]) == 0
    capsys.readouterr()
    with Project.open(folder) as project:
        workshops = project.workshops()
        assert len(workshops) == 2 and set(workshops["wave"]) == {store_waves.DEFAULT_WAVE}
        listed = waves.waves(project)
        assert listed["wave"].tolist() == [store_waves.DEFAULT_WAVE]
        assert listed["segments"].item() == len(project.segments())
        # a follow-up goes after it
        cards = write_cards(tmp_path / "folge.csv", [("1", "Neue Aussage zur Folge", "Manfort")])
        project.import_files([cards], mapping=MAPPING, wave=FOLLOW_UP)
        assert waves.waves(project)["wave"].tolist() == [store_waves.DEFAULT_WAVE, FOLLOW_UP]


@pytest.mark.backends
def test_migration_puts_existing_workshops_into_one_wave(
    tmp_path: Path, db_url: str | None
) -> None:
    engine = make_engine(db_url or f"sqlite:///{tmp_path / 'alt.sqlite'}")
    migrate.create_schema(engine, "0003")
    with engine.begin() as c:
        c.execute(text("INSERT INTO meta (key, value) VALUES ('schema_version', '2')"))
        c.execute(
            text("INSERT INTO districts (id, name, is_citywide) VALUES (1, 'Manfort', false)")
        )
        for number in (1, 2, 3):
            c.execute(
                text("INSERT INTO workshops (id, name, district_id) VALUES (:i, :n, 1)"),
                {"i": number, "n": f"Workshop {number}"},
            )
    assert migrate.upgrade(engine) == ("0003", migrate.head())
    with engine.begin() as c:
        assert c.execute(text("SELECT label, position FROM waves")).all() == [("Welle 1", 1)]
        first = c.execute(text("SELECT id FROM waves")).scalar()
        assert {w for (w,) in c.execute(text("SELECT wave_id FROM workshops"))} == {first}
        # the next wave gets a new id (on PostgreSQL too: the id sequence moved on)
        c.execute(text("INSERT INTO waves (label, position) VALUES ('2022', 2)"))
        assert c.execute(text("SELECT count(*) FROM waves")).scalar() == 2
    engine.dispose()


# -- needs across waves ------------------------------------------------------------------
WAVE_A = [  # (id, district, cluster); "" = city-wide
    *[(f"A-MT{i}", "Manfort", "T") for i in range(3)],
    *[(f"A-MG{i}", "Manfort", "G") for i in range(2)],
    ("A-MS0", "Manfort", "S"),
    ("A-WT0", "Wiesdorf", "T"),
    ("A-WG0", "Wiesdorf", "G"),
    *[(f"A-OT{i}", "Opladen", "T") for i in range(2)],
    ("A-CT0", "", "T"),
]
WAVE_B = [
    *[(f"B-MT{i}", "Manfort", "T") for i in range(2)],
    *[(f"B-ME{i}", "Manfort", "E") for i in range(3)],
    ("B-WT0", "Wiesdorf", "T"),
    ("B-WE0", "Wiesdorf", "E"),
    ("B-MX0", "Manfort", ""),  # a statement in no cluster (not a need)
]
LABELS = {"T": "Treffpunkt", "E": "Energiekosten", "G": "Leihgeräte", "S": "Sprachmittler"}


def constructed(project: Project, tmp_path: Path) -> dict[str, int]:
    """Two waves with known truth and a need run over both; source id → segment id."""
    for name, rows, wave in (("welle_a", WAVE_A, None), ("welle_b", WAVE_B, "2022")):
        cards = [(i, f"Aussage {i}", district) for i, district, _ in rows]
        project.import_files([write_cards(tmp_path / f"{name}.csv", cards)], MAPPING, wave=wave)
    ids = dict(zip(project.segments()["source_id"], project.segments()["segment_id"], strict=True))
    groups = [
        (LABELS[key], sorted(ids[i] for i, _, c in WAVE_A + WAVE_B if c == key)) for key in "TEGS"
    ]
    store_need_run(project, groups)
    waves.rename_wave(project, store_waves.DEFAULT_WAVE, "2020/21")
    return {str(k): int(v) for k, v in ids.items()}


def test_an_earlier_wave_imported_later_is_put_in_its_place(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the follow-up 2022 was imported first, the 2020/21 archive afterwards
    said = []
    for name, rows, wave in (("welle_b", WAVE_B, "2022"), ("welle_a", WAVE_A, "2020/21")):
        cards = [(i, f"Aussage {i}", district) for i, district, _ in rows]
        path = write_cards(tmp_path / f"{name}.csv", cards)
        said.append(project.import_files([path], MAPPING, wave=wave)[0].notices)
    # the first wave is no news; the one placed after it is said, with how to move it
    assert not any("Welle" in notice for notice in said[0])
    new = "Neue Welle '2020/21' nach '2022' angelegt. War sie früher: workbench waves --order"
    assert any(notice.startswith(new) for notice in said[1])
    ids = dict(zip(project.segments()["source_id"], project.segments()["segment_id"], strict=True))
    store_need_run(project, [
        (LABELS[key], sorted(ids[i] for i, _, c in WAVE_A + WAVE_B if c == key)) for key in "TEGS"
    ])  # fmt: skip
    folder = str(project.path)
    assert main(["--project", folder, "waves", "--order", "2020/21"]) == 2
    assert "es fehlt: 2022" in one_error_line(capsys)
    assert main(["--project", folder, "waves", "--order", "2020/21", "2021"]) == 2
    assert "Welle '2021' gibt es nicht" in one_error_line(capsys)
    assert waves.need_comparison(project).earlier == "2022"  # unchanged by the refusals
    assert main(["--project", folder, "waves", "--order", "2020/21", "2022"]) == 0
    out = capsys.readouterr().out
    assert out.index("1. 2020/21: 1 Quelle, 11 Aussagen") < out.index("2. 2022")
    result = waves.need_comparison(project)  # the default: the last two waves, in time order
    assert (result.earlier, result.later) == ("2020/21", "2022")
    manfort = {r.label: r.status for r in result.district("Manfort").itertuples()}
    assert manfort["Energiekosten"] == waves.NEW and manfort["Leihgeräte"] == waves.GONE


def test_needs_compared_across_waves(project: Project, tmp_path: Path) -> None:
    ids = constructed(project, tmp_path)
    result = waves.need_comparison(project)
    assert (result.earlier, result.later, result.min_count) == ("2020/21", "2022", 2)
    found = {
        (r.district, r.label): (r.earlier, r.later, r.status) for r in result.table.itertuples()
    }
    assert found == {
        ("Manfort", "Treffpunkt"): (3, 2, waves.PERSISTING),
        ("Manfort", "Energiekosten"): (0, 3, waves.NEW),
        ("Manfort", "Leihgeräte"): (2, 0, waves.GONE),
        ("Manfort", "Sprachmittler"): (1, 0, waves.SPARSE),
        ("Wiesdorf", "Treffpunkt"): (1, 1, waves.PERSISTING),
        ("Wiesdorf", "Energiekosten"): (0, 1, waves.SPARSE),
        ("Wiesdorf", "Leihgeräte"): (1, 0, waves.SPARSE),
        ("Opladen", "Treffpunkt"): (2, 0, waves.NOT_SURVEYED),  # no workshop there in 2022
        ("ohne Sozialraum", "Treffpunkt"): (1, 0, waves.NOT_SURVEYED),
    }
    # districts A–Z, "ohne Sozialraum" last; within one: new, persisting, gone, sparse
    assert result.table["district"].drop_duplicates().tolist() == [
        "Manfort", "Opladen", "Wiesdorf", "ohne Sozialraum",
    ]  # fmt: skip
    manfort = result.district("Manfort")
    assert manfort["status"].tolist() == [waves.NEW, waves.PERSISTING, waves.GONE, waves.SPARSE]
    # every status is traceable to its statements
    new = manfort.iloc[0]
    assert new["later_ids"] == tuple(sorted(ids[f"B-ME{i}"] for i in range(3)))
    assert new["earlier_ids"] == () and new["per_wave"] == {"2020/21": 0, "2022": 3}
    summary = result.summary()
    assert summary.loc["Manfort"].tolist() == [1, 1, 1, 1, 0]
    assert summary.loc["ohne Sozialraum", waves.NOT_SURVEYED] == 1

    # a stricter minimum: two statements in both waves together are not enough
    strict = waves.need_comparison(project, min_count=3)
    found = {(r.district, r.label): r.status for r in strict.table.itertuples()}
    assert found[("Manfort", "Leihgeräte")] == waves.SPARSE
    assert found[("Manfort", "Energiekosten")] == waves.NEW
    assert found[("Wiesdorf", "Treffpunkt")] == waves.SPARSE
    with pytest.raises(InputError, match="mindestens 1"):
        waves.need_comparison(project, min_count=0)
    with pytest.raises(InputError, match="liegt nicht vor"):
        waves.need_comparison(project, earlier="2022", later="2020/21")
    with pytest.raises(InputError, match="Welle '2019' gibt es nicht"):
        waves.need_comparison(project, earlier="2019")


def test_comparison_warns_about_needs_the_run_does_not_hold(
    project: Project, tmp_path: Path
) -> None:
    ids = constructed(project, tmp_path)
    project.add_code("Bedarf")
    project.code_segment(ids["B-MX0"], "Bedarf", "A")  # a need coded after the run
    result = waves.need_comparison(project)
    assert result.notes == (
        "1 Bedarfsaussagen der Welle '2022' sind nicht im Bedarfslauf 1; für einen "
        "vollständigen Vergleich neu berechnen (workbench needs).",
    )
    # the public site says the same without the run number and the team's command
    from dataclasses import replace

    from workbench.synthesis.reports.model import Paragraph, collect
    from workbench.synthesis.reports.outline import build_report

    reader = "1 Bedarfsaussagen der Welle '2022' sind im Vergleich noch nicht berücksichtigt."
    assert result.reader_notes == (reader,)
    for public in (True, False):
        report = build_report(replace(collect(project), public=public))
        said = [b.text for b in report.blocks if isinstance(b, Paragraph)]
        assert (reader in said) is public and (result.notes[0] in said) is not public
    # a run from before the second wave cannot be compared at all
    project.code_segment(ids["B-ME0"], "Bedarf", "A")
    store_need_run(project, [("Treffpunkt", [ids[i] for i, _, c in WAVE_A if c == "T"])])
    with pytest.raises(WorkbenchError, match="enthält keine Aussagen der Welle '2022'"):
        waves.need_comparison(project)


def test_needs_command(project: Project, tmp_path: Path, capsys) -> None:
    folder = str(project.path)
    project.import_files([write_cards(tmp_path / "a.csv", [("1", "Text", "Manfort")])], MAPPING)
    assert main(["--project", folder, "monitoring", "needs"]) == 2
    assert "mindestens zwei Wellen" in one_error_line(capsys)
    constructed(project, tmp_path)
    assert main(["--project", folder, "monitoring", "needs", "--district", "Manfort"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Bedarfe im Vergleich: 2020/21 → 2022 (Bedarfslauf 1;")
    assert "  neu                  0 → 3    Energiekosten" in out
    assert "  nicht mehr genannt   2 → 0    Leihgeräte" in out
    assert main(["--project", folder, "monitoring", "needs"]) == 0
    out = capsys.readouterr().out
    # which wave lacks the Sozialraum (renamed, merged, not visited), in good German
    assert (
        "Opladen\n  nicht erhoben: in der Welle '2022' keine Aussagen von hier "
        "(1 Bedarf nicht verglichen)" in out
    )
    assert "ohne Sozialraum" in out
    # "Gesamtstadt" (valid everywhere else) is the row of the city-wide statements
    assert main(["--project", folder, "monitoring", "needs", "--district", "Gesamtstadt"]) == 0
    out = capsys.readouterr().out
    assert "Keine Bedarfe" not in out
    assert "\nohne Sozialraum\n  nicht erhoben: in der Welle '2022' keine Aussagen" in out
    csv = tmp_path / "vergleich.csv"
    assert main(["--project", folder, "monitoring", "needs", "--out", str(csv)]) == 0
    header = csv.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("cluster,label,scope,district,2020/21,2022,status,per_wave")
    assert main(["--project", folder, "monitoring", "needs", "--district", "Nirgendwo"]) == 2
    assert "Unbekannter Sozialraum 'Nirgendwo'" in one_error_line(capsys)


def test_needs_command_without_a_need_run(project: Project, tmp_path: Path, capsys) -> None:
    project.import_files([write_cards(tmp_path / "a.csv", [("1", "Text", "Manfort")])], MAPPING)
    project.import_files(
        [write_cards(tmp_path / "b.csv", [("2", "Noch ein Text", "Manfort")])], MAPPING, wave="2"
    )
    assert main(["--project", str(project.path), "monitoring", "needs"]) == 2
    assert (
        one_error_line(capsys) == "Fehler: Noch keine Bedarfscluster berechnet (workbench needs)."
    )


def test_doctests() -> None:
    for module in (waves, monitoring, recommendation_status, store_waves):
        assert doctest.testmod(module).failed == 0


# -- the status history of recommendations -----------------------------------------------
def test_status_history(project: Project, tmp_path: Path, capsys) -> None:
    rec_id = rec.add_recommendation(project, "Ein Treffpunkt für Manfort", scope="Manfort")
    record = recommendation_status.record_status
    record(project, rec_id, "abgestimmt", "2021-09-23", "Sozialausschuss", "Beschluss")
    record(project, rec_id, "umgesetzt", "2022-09-01", "Quartiersbüro")
    late = record(project, rec_id, "in Umsetzung", "2022-03-01", "Verwaltung")  # entered late
    assert record(project, rec_id, "in Umsetzung", "2022-03-01", "jemand anderes") == late
    history = recommendation_status.status_history(project, rec_id)
    assert history["date"].tolist() == ["2021-09-23", "2022-03-01", "2022-09-01"]
    assert history["status"].tolist() == ["abgestimmt", "in Umsetzung", "umgesetzt"]
    assert history["actor"].tolist() == ["Sozialausschuss", "Verwaltung", "Quartiersbüro"]
    assert rec.recommendations(project)["status"].item() == "umgesetzt"  # the latest step

    folder = str(project.path)
    base = ["--project", folder, "recommend", "status", str(rec_id)]
    assert main([*base, "zurückgestellt", "--date", "2022-10-01", "--by", "Kämmerei",
                 "--note", "kein Geld"]) == 0  # fmt: skip
    assert "zurückgestellt am 2022-10-01 (Kämmerei)" in capsys.readouterr().out
    assert rec.recommendations(project)["status"].item() == "zurückgestellt"
    for args, message in [
        (["erledigt", "--date", "2022-01-01", "--by", "X"], "Unbekannter Status 'erledigt'"),
        (["umgesetzt", "--date", "März 2022", "--by", "X"], "ist kein Datum (JJJJ-MM-TT"),
        (["umgesetzt", "--date", "2022-02-30", "--by", "X"], "ist kein Datum (JJJJ-MM-TT"),
        (["umgesetzt", "--date", "2999-01-01", "--by", "X"], "in der Zukunft"),
        (["umgesetzt", "--date", "2022-01-01", "--by", "  "], "verantwortlich"),
    ]:
        assert main([*base, *args]) == 2
        assert message in one_error_line(capsys)
    assert main(["--project", folder, "recommend", "status", "99", "umgesetzt",
                 "--date", "2022-01-01", "--by", "X"]) == 2  # fmt: skip
    assert "Empfehlung 99 gibt es nicht" in one_error_line(capsys)
    assert len(recommendation_status.status_history(project)) == 4  # errors stored nothing

    assert main(["--project", folder, "recommend", "history"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Empfehlung {rec_id}: Ein Treffpunkt für Manfort (Manfort)"  # its label
    assert out[1] == "  2021-09-23  abgestimmt      Sozialausschuss – Beschluss"
    assert out[-1] == "  2022-10-01  zurückgestellt  Kämmerei – kein Geld"

    # the portable backup carries the history; deleting the recommendation removes it
    manifest = backup.write_backup(project.engine, tmp_path / "s.zip", {}, "test")
    assert manifest["tables"]["recommendation_status"]["rows"] == 4
    rec.delete_recommendation(project, rec_id)
    assert recommendation_status.status_history(project).empty


# -- the demo's follow-up wave -----------------------------------------------------------
def test_demo_follow_up(demo_copy: Project, capsys) -> None:
    from workbench.demo import FIRST_WAVE, FOLLOW_UP_WAVE, add_follow_up

    before = demo_copy.status()["segments"]
    added = add_follow_up(demo_copy, analyse=True, progress=False)
    assert 95 <= added.statements <= 110 and added.need_run is not None
    assert added.indicators == 42 and added.recommendations == 4 and added.status_steps >= 4
    assert demo_copy.status()["segments"] == before + added.statements
    assert waves.waves(demo_copy)["wave"].tolist() == [FIRST_WAVE, FOLLOW_UP_WAVE]

    # pseudonymised like the first wave: no planted name, address or number is stored
    texts = " ".join(demo_copy.segments()["text"])
    for planted in ("Albers", "Nowak", "Lindqvist", "Okafor", "Hahn", "Ahornweg", "7788990",
                    "5566778", "example.org", "example.com", "Frau Koch", "Frau Kaya"):  # fmt: skip
        assert planted not in texts, planted

    # new, persisting and no longer raised needs, each in a district surveyed twice
    result = waves.need_comparison(demo_copy)
    assert (result.earlier, result.later, result.notes) == (FIRST_WAVE, FOLLOW_UP_WAVE, ())
    summary = result.summary()
    both = summary[(summary[[waves.NEW, waves.PERSISTING, waves.GONE]] > 0).all(axis=1)]
    assert len(both) >= 1, summary
    for r in result.table.itertuples():
        if r.status == waves.NEW:
            assert r.earlier == 0 and r.later >= 2 and len(r.later_ids) == r.later
        elif r.status == waves.GONE:
            assert r.earlier >= 2 and r.later == 0
    # Opladen and Alkenrath had no follow-up workshop: nothing there counts as gone
    for district in ("Opladen", "Alkenrath", "ohne Sozialraum"):
        assert set(result.district(district)["status"]) == {waves.NOT_SURVEYED}

    # an indicator trend beside the city
    series = monitoring.indicator_series(demo_copy, indicator="SGB-II-Quote")
    manfort = series.set_index("district").loc["Manfort"]
    assert manfort["years"] == (2019, 2022) and manfort["trend"] == monitoring.RISING
    assert manfort["change"] == pytest.approx(0.7) and manfort["city_change"] == pytest.approx(0.4)

    # a recommendation with a dated status history; its status is the latest step
    history = recommendation_status.status_history(demo_copy)
    current = rec.recommendations(demo_copy).set_index("recommendation_id")["status"]
    longest = history.groupby("recommendation_id").size().idxmax()
    steps = history[history["recommendation_id"] == longest]
    assert len(steps) >= 2 and steps["date"].is_monotonic_increasing
    assert current[longest] == steps["status"].iloc[-1]

    again = add_follow_up(demo_copy, analyse=True, progress=False)
    assert (again.statements, again.indicators, again.recommendations, again.status_steps) == (
        0, 0, 0, 0,
    )  # fmt: skip
    assert again.need_run is None


def test_demo_command_with_follow_up(tmp_path: Path, capsys) -> None:
    assert main(["demo", str(tmp_path / "demo"), "--welle2"]) == 0
    out = capsys.readouterr().out
    assert "9 Workshops" in out
    with Project.open(tmp_path / "demo") as project:
        assert len(waves.waves(project)) == 2
        assert not recommendation_status.status_history(project).empty
