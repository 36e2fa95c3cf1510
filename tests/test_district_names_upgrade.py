"""Projects of an older workbench: Sozialraum names stored with invisible characters
(migration 0010). ``workbench upgrade`` stores them by their visible characters, as
``districts --add`` does now; two that are then one name are merged as ``districts
--merge`` merges (and said so); a failed upgrade changes nothing. SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import OperationalError

from workbench.cli.main import main
from workbench.ingest import old_names
from workbench.project import Project
from workbench.store import District, Segment, make_engine
from workbench.store.synthesis_tables import Indicator, Recommendation

TWIN = "\x1b[31mopla\u200bden\x1b[0m"  # Opladen as an older import stored it from a log


def _at(project: Project, revision: str) -> None:
    """Set the project's revision outside its own sessions (they refuse a changed schema)."""
    engine = make_engine(project.db_url)
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE alembic_version SET version_num = '{revision}'"))
    engine.dispose()


def _import(p: list[str], folder: Path, name: str, district: str) -> None:
    protocol = folder / f"{name}.md"
    protocol.write_text(f"# {name}\n\n## Was fehlt?\n\n- Ein Treff fehlt in {name}.\n", "utf-8")
    argv = [*p, "import", str(protocol), "--district", district, "--workshop", name]
    assert main(argv) == 0


def _old_project(tmp_path: Path, db_url: str | None) -> Path:
    """A project as a workbench before 0010 left it: district names with control characters."""
    folder = tmp_path / "projekt"
    districts = ["Opladen", "Rheindorf", "Manfort", "Wiesdorf"]
    Project.create(folder, db_url=db_url, districts=districts).close()
    p = ["--project", str(folder)]
    _import(p, tmp_path, "Werkstatt A", "Opladen")
    _import(p, tmp_path, "Werkstatt B", "Rheindorf")
    _import(p, tmp_path, "Werkstatt C", "Manfort")
    assert main([*p, "recommend", "add", "Mehr Bänke", "--scope", "Rheindorf"]) == 0
    with Project.open(folder) as project, project.transaction() as s:
        ids = dict(s.execute(select(District.name, District.id)).tuples().all())
        s.add_all(
            [
                Indicator(district_id=ids["Opladen"], indicator="SGB-II-Quote", year=2019, value=1),
                Indicator(
                    district_id=ids["Rheindorf"], indicator="SGB-II-Quote", year=2019, value=2
                ),
                Indicator(
                    district_id=ids["Rheindorf"], indicator="SGB-II-Quote", year=2020, value=3
                ),
            ]
        )
        # what an older version stored: the twin of Opladen, two names with invisible marks
        for old, new in (
            ("Rheindorf", TWIN),
            ("Manfort", "Man\u202efort"),
            ("Wiesdorf", "Wies\x9bdorf"),
        ):
            s.execute(update(District).where(District.name == old).values(name=new))
    _at(Project.open(folder), "0009")
    return folder


@pytest.mark.backends
def test_upgrade_stores_visible_names_and_merges_the_twin(
    tmp_path: Path, db_url: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _old_project(tmp_path, db_url)
    p = ["--project", str(folder)]
    capsys.readouterr()
    assert main([*p, "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "Sozialraum „Opladen“: zwei Schreibweisen zusammengeführt" in out
    assert "SGB-II-Quote 2019: 2 (bleibt 1)" in out
    assert "2 Sozialraumname(n)" in out
    with Project.open(folder) as project:
        assert sorted(project.districts()["district"]) == [
            "Gesamtstadt",
            "Manfort",
            "Opladen",
            "Wiesdorf",
        ]
        with project.session() as s:
            opladen = s.scalar(select(District.id).where(District.name == "Opladen"))
            statements = s.scalars(select(Segment.district_id)).all()
            assert statements.count(opladen) == 2  # Werkstatt A and B: nothing lost
            assert s.scalar(select(Recommendation.district_id)) == opladen
            values = s.execute(
                select(Indicator.year, Indicator.value).where(Indicator.district_id == opladen)
            ).all()
            assert sorted(values) == [(2019, 1.0), (2020, 3.0)]
    # a name typed with the same invisible characters is the same district, no twin
    assert main([*p, "districts", "--add", "\x1b[1mOpladen", "Man\u202efort"]) == 0
    _import(p, tmp_path, "Werkstatt D", "Opla\u202eden")
    with Project.open(folder) as project:
        assert len(project.districts()) == 4


@pytest.mark.backends
def test_a_failed_upgrade_leaves_the_district_names_as_they_were(
    tmp_path: Path,
    db_url: str | None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = _old_project(tmp_path, db_url)

    def broken(session: object) -> None:
        raise OperationalError("SELECT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(old_names.Pseudonymiser, "of_project", broken)
    capsys.readouterr()
    assert main(["--project", str(folder), "upgrade"]) == 2
    err = capsys.readouterr().err
    assert "Nichts wurde geändert" in err and "Traceback" not in err
    monkeypatch.undo()
    from workbench.project import database_url, read_config

    engine = make_engine(database_url(folder, read_config(folder)))
    with engine.connect() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        names = set(connection.execute(text("SELECT name FROM districts")).scalars())
        count = connection.execute(text("SELECT count(*) FROM indicators")).scalar()
    engine.dispose()
    assert version == "0009"
    assert names == {"Gesamtstadt", "Opladen", TWIN, "Man\u202efort", "Wies\x9bdorf"}
    assert count == 3
