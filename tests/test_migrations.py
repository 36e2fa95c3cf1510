"""Schema migrations: the release's project upgrades, newer projects are refused, no drift.

``tests/fixtures/release-project`` was made by the last release before migrations (git
e8e2e03, see its make_fixture.py); the new code must open it only after ``workbench
upgrade`` and then find every row the release wrote.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, Table, inspect, select, text

from tests.conftest import ROOT
from workbench import Project, WorkbenchError
from workbench.analysis import needs, topics
from workbench.cli.main import main
from workbench.store import (
    SCHEMA_VERSION,
    Base,
    FeedbackAnswer,
    FeedbackToken,
    SchemaOutdatedError,
    SchemaTooNewError,
    code_guid,
    make_engine,
    migrate,
)
from workbench.synthesis import recommendations

RELEASE = ROOT / "tests" / "fixtures" / "release-project"
EXPECTED = json.loads((RELEASE / "expected.json").read_text(encoding="utf-8"))


def release_copy(tmp_path: Path) -> Path:
    """A private copy of the release's project folder (database and project.json)."""
    folder = tmp_path / "release"
    folder.mkdir()
    for name in ("werkbank.sqlite", "project.json"):
        shutil.copy(RELEASE / name, folder / name)
    return folder


def raw_tables(database: Path) -> dict[str, list[tuple]]:
    """Every table's rows as SQLite stores them, sorted (what the release wrote)."""
    with sqlite3.connect(database) as db:
        names = [
            n
            for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if n != migrate.VERSION_TABLE
        ]
        return {n: sorted(db.execute(f'SELECT * FROM "{n}"'), key=repr) for n in names}


def test_release_project_is_refused_until_upgraded(tmp_path: Path, capsys) -> None:
    folder = release_copy(tmp_path)
    with pytest.raises(SchemaOutdatedError, match=f"workbench --project {folder} upgrade"):
        Project.open(folder)
    assert main(["--project", str(folder), "status"]) == 2
    err = capsys.readouterr().err
    assert "älteren Werkbank" in err and "Traceback" not in err
    assert raw_tables(folder / "werkbank.sqlite") == raw_tables(RELEASE / "werkbank.sqlite")


def test_upgrade_keeps_every_row_the_release_wrote(tmp_path: Path, capsys) -> None:
    folder = release_copy(tmp_path)
    before = raw_tables(folder / "werkbank.sqlite")
    assert main(["--project", str(folder), "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "Schemastand 0001 → Schemastand " + migrate.head() in out
    # The copy taken first is the release's database, byte for byte in content.
    (copy,) = (folder / "sicherungen").glob("werkbank-vor-upgrade-*.sqlite")
    assert str(copy) in out
    assert raw_tables(copy) == before
    after = raw_tables(folder / "werkbank.sqlite")
    assert after.pop("meta") == [("schema_version", str(SCHEMA_VERSION))]
    before.pop("meta")
    # 0004: every workshop of a one-wave project is in its first wave, "Welle 1"
    assert after.pop("waves") == [(1, "Welle 1", 1)]
    assert [row[-1] for row in after["workshops"]] == [1] * len(before["workshops"])
    after["workshops"] = [row[:-1] for row in after["workshops"]]
    # 0007: every code of the release stays codable (as every earlier export wrote it)
    assert [row[-1] for row in after["codes"]] == [1] * len(before["codes"])
    after["codes"] = [row[:-1] for row in after["codes"]]
    # 0005: every code has the GUID the exports gave its path, so files exported before
    # the upgrade still find their codes
    assert [row[-1] for row in after["codes"]] == [code_guid(row[1]) for row in before["codes"]]
    assert code_guid("Ressource") == "B36F05E7-F1AC-5E9A-A3B7-85A0B5028B0D"
    after["codes"] = [row[:-1] for row in after["codes"]]
    # 0006: the release's resolution holds each coder's decision on its statement and code
    # (C and konsens applied "Bedarf", A and B coded the statement without it)
    states = [json.loads(row[-1]) for row in after["coding_resolutions"]]
    assert states == [{"A": 0, "B": 0, "C": 1, "konsens": 1}]
    after["coding_resolutions"] = [row[:-1] for row in after["coding_resolutions"]]
    # every segment, coding, memo, run, token, answer … and the later tables, empty
    assert {name: after[name] for name in before} == before
    assert set(after) == set(Base.metadata.tables) - {"meta", "waves"}
    assert all(after[name] == [] for name in set(after) - set(before))
    assert "schema_version" not in json.loads((folder / "project.json").read_text())

    with Project.open(folder) as project:
        assert project.status() == EXPECTED["status"]
        assert len(project.memos()) == EXPECTED["memos"]
        assert set(project.memos()["target_type"]) == {"project", "segment", "code", "cluster"}
        assert len(needs.runs(project)) == 2 and len(topics.runs(project)) == 1
        run_ids = needs.runs(project)["run_id"].astype(int)
        members = sum(len(needs.assignments(project, r)) for r in run_ids)
        assert members == EXPECTED["tables"]["need_assignments"]
        recs = recommendations.recommendations(project)
        assert recs["title"].tolist() == ["Treffpunkte"]
        with project.session() as s:
            assert len(s.scalars(select(FeedbackToken)).all()) == EXPECTED["tokens"]
            ratings = sorted(a.rating for a in s.scalars(select(FeedbackAnswer)))
        assert len(ratings) == EXPECTED["answers"]
        # The release's resolved disagreement is still resolved.
        table = project.disagreements()
        resolved = table[(table["segment_id"] == 2) & (table["code"] == "Bedarf")]["resolved"]
        assert resolved.tolist() == [True]
        # The release's undo log still works, and new rows get new ids.
        segment = int(project.segments()["segment_id"].iloc[2])
        project.code_segment(segment, "Bedarf", "C")
        assert project.undo("C") == 1
        assert project.undo("C") == 1  # the release's own last action of coder C
        assert project.status()["codings"] == EXPECTED["status"]["codings"] - 1

    assert main(["--project", str(folder), "upgrade"]) == 0
    assert "aktuell" in capsys.readouterr().out


def test_new_project_is_stamped_with_the_head(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p") as project:
        assert migrate.current_revision(project.engine) == migrate.head()
        with project.engine.connect() as c:
            version = c.execute(text("SELECT value FROM meta")).scalar()
        assert version == str(SCHEMA_VERSION)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("UPDATE alembic_version SET version_num='0999'", "Schemastand 0999"),
        ("UPDATE meta SET value='3' WHERE key='schema_version'", "Schemaversion 3"),
    ],
    ids=["newer-revision", "newer-schema-version"],
)
def test_project_of_a_newer_workbench_is_refused(
    tmp_path: Path, capsys, change: str, message: str
) -> None:
    Project.create(tmp_path / "p").close()
    with sqlite3.connect(tmp_path / "p" / "werkbank.sqlite") as db:
        db.execute(change)
    written = raw_tables(tmp_path / "p" / "werkbank.sqlite")
    with pytest.raises(SchemaTooNewError, match=message):
        Project.open(tmp_path / "p")
    for command in (["status"], ["upgrade"], ["backup", str(tmp_path / "b.zip")]):
        assert main(["--project", str(tmp_path / "p"), *command]) == 2
        err = capsys.readouterr().err
        assert "neueren Werkbank" in err and message in err and "Traceback" not in err
    assert raw_tables(tmp_path / "p" / "werkbank.sqlite") == written
    assert not (tmp_path / "b.zip").exists()


def test_a_database_that_is_no_project_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "project.json").write_text('{"format": "sozialraum-workbench"}', encoding="utf-8")
    sqlite3.connect(folder / "werkbank.sqlite").close()
    with pytest.raises(WorkbenchError, match="kein Werkbank-Projekt") as refused:
        Project.open(folder)
    # which database: a team's project.json may point at a server database
    assert str(folder / "werkbank.sqlite") in str(refused.value)


@pytest.mark.backends
def test_migrations_from_empty_build_exactly_the_models_schema(
    tmp_path: Path, db_url: str | None
) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = make_engine(db_url or f"sqlite:///{tmp_path / 'leer.sqlite'}")
    migrate.create_schema(engine, migrate.head())
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        # A table added to the models without a migration shows up here.
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_downgrade_to_the_release_and_back(tmp_path: Path) -> None:
    from alembic import command

    engine = make_engine(f"sqlite:///{tmp_path / 'p.sqlite'}")
    migrate.initialise(engine)
    with engine.begin() as connection:
        command.downgrade(migrate._config(connection), migrate.BASELINE)
    with engine.connect() as c:
        assert c.execute(text("SELECT value FROM meta")).scalar() == "1"
    with engine.begin() as connection:
        command.downgrade(migrate._config(connection), "base")
    assert inspect(engine).get_table_names() == [migrate.VERSION_TABLE]
    migrate.create_schema(engine, migrate.head())
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_next_revision_is_written_from_the_models(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The developer's tool: a new table in the models becomes the next revision."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS", folder)
    migrate.revisions.cache_clear()
    old_head = migrate.head()
    table = Table("probe_notes", Base.metadata, Column("id", Integer, primary_key=True))
    try:
        (path,) = migrate.new_revision("Tabelle für Notizen")
        assert path.parent == folder / "versions"
        assert path.name.startswith(f"{int(old_head) + 1:04d}_")
        source = path.read_text(encoding="utf-8")
        assert 'op.create_table(\n        "probe_notes",' in source and "# ###" not in source
        assert f'down_revision = "{old_head}"' in source
        assert migrate.head() == f"{int(old_head) + 1:04d}"
        engine = make_engine(f"sqlite:///{tmp_path / 'p.sqlite'}")
        Base.metadata.remove(table)
        table = None
        migrate.initialise(engine)  # a project of the previous head …
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": old_head})
        assert migrate.upgrade(engine) == (old_head, migrate.head())  # … gets the new table
        assert "probe_notes" in inspect(engine).get_table_names()
        engine.dispose()
    finally:
        if table is not None:
            Base.metadata.remove(table)
        monkeypatch.undo()
        migrate.revisions.cache_clear()
    assert "probe_notes" not in Base.metadata.tables


def test_the_revisions_read_from_the_files_are_alembics() -> None:
    """Opening a project reads the known revisions from the migration files, without
    Alembic: the same revisions in the same order as Alembic walks them."""
    assert migrate.revisions() == migrate._alembic_revisions()
    assert migrate.revisions()[0] == migrate.BASELINE


def test_a_branch_in_the_revisions_is_left_to_alembic(tmp_path: Path, monkeypatch) -> None:
    """Two revisions after the same one are no single line: Alembic orders them."""
    versions = tmp_path / "versions"
    versions.mkdir()
    for name, down in (("0001", None), ("0002", "0001"), ("0003", "0001")):
        (versions / f"{name}_x.py").write_text(
            f"revision: str = {name!r}\ndown_revision = {down!r}\n", encoding="utf-8"
        )
    monkeypatch.setattr(migrate, "MIGRATIONS", tmp_path)
    monkeypatch.setattr(migrate, "_alembic_revisions", lambda: ("alembic",))
    migrate.revisions.cache_clear()
    try:
        assert migrate.revisions() == ("alembic",)
        (versions / "0003_x.py").write_text('revision = "0003"\ndown_revision = "0002"\n')
        migrate.revisions.cache_clear()
        assert migrate.revisions() == ("0001", "0002", "0003")
    finally:
        migrate.revisions.cache_clear()
