"""Backup, restore and moving a project between databases: every table's rows identical.

The project is the release fixture after ``workbench upgrade`` (codings, undo log, memos,
need and topic runs, recommendations, tokens, answers, pseudonym key), so every kind of
column (times, JSON, floats, booleans, self-references of codes) goes through.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.test_geo import collection, square, write_json
from tests.test_migrations import release_copy
from workbench import Project
from workbench.cli.main import main
from workbench.store import backup, make_engine, migrate
from workbench.synthesis import geo


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The upgraded release project on SQLite, with a moved code (parent after child)."""
    path = release_copy(tmp_path)
    assert main(["--project", str(path), "upgrade"]) == 0
    with Project.open(path) as project:
        project.add_code("Zuletzt")
        project.add_code("Zuletzt/Unterpunkt")  # a parent whose id is higher than …
        project.move_code("Ressource", "Zuletzt/Unterpunkt")  # … its new child's
    return path


def tables(folder: Path) -> dict[str, dict]:
    """Rows and content hash of every table of the project's database."""
    config = json.loads((folder / "project.json").read_text(encoding="utf-8"))
    engine = make_engine(config.get("db_url") or f"sqlite:///{folder / 'werkbank.sqlite'}")
    try:
        return backup.digests(engine)
    finally:
        engine.dispose()


def still_writable(folder: Path) -> None:
    """New rows get fresh ids after a restore (PostgreSQL: sequences continue)."""
    with Project.open(folder) as project:
        before = project.status()["codings"]
        segment = int(project.segments()["segment_id"].iloc[-1])
        project.code_segment(segment, "Bedarf", "neu")
        project.add_memo("Nach der Wiederherstellung", "neu")
        assert project.status()["codings"] == before + 1


@pytest.mark.backends
def test_backup_restore_round_trip(
    folder: Path, tmp_path: Path, db_url: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    original = tables(folder)
    assert main(["--project", str(folder), "backup", str(tmp_path / "sicherungen") + "/"]) == 0
    (file,) = (tmp_path / "sicherungen").glob("werkbank-sicherung-*.zip")
    assert str(file) in capsys.readouterr().out
    target = tmp_path / "wiederhergestellt"
    extra = ["--db", db_url] if db_url else []
    assert main(["restore", str(file), str(target), *extra]) == 0
    out = capsys.readouterr().out
    assert f"{len(original)} Tabellen, {sum(t['rows'] for t in original.values())} Zeilen" in out
    assert tables(target) == original
    config = json.loads((target / "project.json").read_text(encoding="utf-8"))
    assert config.get("db_url") == db_url
    still_writable(target)
    assert tables(folder) == original  # the backup changed nothing


def test_backup_file_is_portable_json_lines(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.zip"
    assert main(["--project", str(folder), "backup", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        codes = [json.loads(line) for line in archive.read("tables/codes.jsonl").splitlines()]
        settings = json.loads(archive.read("project.json"))
    assert manifest["revision"] == migrate.head()
    assert manifest["tables"]["codings"]["rows"] == tables(folder)["codings"]["rows"]
    assert [c["id"] for c in codes] == sorted(c["id"] for c in codes)
    assert set(codes[0]) == {
        *("id", "path", "name", "parent_id", "description", "example", "colour", "codable"),
        "guid",
    }
    assert "db_url" not in settings


@pytest.mark.backends
def test_backup_of_an_old_project_restores_upgraded(tmp_path: Path, db_url: str | None) -> None:
    """The release's schema is built by the migrations on either backend, then upgraded."""
    old = release_copy(tmp_path)
    assert main(["--project", str(old), "backup", str(tmp_path / "alt.zip")]) == 0
    assert backup.read_manifest(tmp_path / "alt.zip")["revision"] is None
    extra = ["--db", db_url] if db_url else []
    assert main(["restore", str(tmp_path / "alt.zip"), str(tmp_path / "neu"), *extra]) == 0
    with Project.open(tmp_path / "neu") as project:
        assert migrate.current_revision(project.engine) == migrate.head()
    # the release's project.json said "schema_version": 1; the restored project is at
    # head, and its folder says nothing a release could take for its own version
    config = json.loads((tmp_path / "neu" / "project.json").read_text(encoding="utf-8"))
    assert config.pop("db_url", None) == db_url
    assert config == {"format": "sozialraum-workbench"}
    moved = tables(tmp_path / "neu")
    assert main(["--project", str(old), "upgrade"]) == 0
    assert tables(old) == moved


def test_sqlite_to_postgresql_and_back(
    folder: Path, pg_server, capsys: pytest.CaptureFixture[str]
) -> None:
    original = tables(folder)
    url = pg_server.new_database()
    with_password = url.replace("wb@", "wb:geheim@")
    assert main(["--project", str(folder), "migrate-db", "--to", with_password]) == 0
    out = capsys.readouterr().out
    assert "geheim" not in out and "~/.pgpass" in out
    config = json.loads((folder / "project.json").read_text(encoding="utf-8"))
    assert config["db_url"] == url  # never the password (trust login: none needed here)
    assert tables(folder) == original
    with Project.open(folder) as project:
        assert project.engine.dialect.name == "postgresql"

    # Back to SQLite: the old file is still there and is not overwritten.
    assert main(["--project", str(folder), "migrate-db", "--to", "sqlite"]) == 2
    assert "gibt es schon" in capsys.readouterr().err
    shutil.move(folder / "werkbank.sqlite", folder / "alt.sqlite")
    for suffix in ("-wal", "-shm"):
        (folder / f"werkbank.sqlite{suffix}").unlink(missing_ok=True)
    assert main(["--project", str(folder), "migrate-db", "--to", "sqlite"]) == 0
    assert "db_url" not in json.loads((folder / "project.json").read_text(encoding="utf-8"))
    assert tables(folder) == original
    still_writable(folder)
    assert len(list((folder / "sicherungen").glob("werkbank-vor-umzug-*.zip"))) == 2


def test_backups_made_in_the_same_second_do_not_overwrite_each_other(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two migrations (or backups) within one second once left one safety copy of two."""
    from workbench.cli import admin

    monkeypatch.setattr(admin, "_stamp", lambda: "20261202-235223")
    out = tmp_path / "sicherungen"
    out.mkdir()
    for _ in range(3):
        assert main(["--project", str(folder), "backup", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "werkbank-sicherung-20261202-235223-2.zip",
        "werkbank-sicherung-20261202-235223-3.zip",
        "werkbank-sicherung-20261202-235223.zip",
    ]


def test_restore_refuses_bad_input_and_leaves_nothing_behind(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "s.zip"
    assert main(["--project", str(folder), "backup", str(good)]) == 0
    # Tampered content: a memo's text changed, the manifest not.
    bad = tmp_path / "manipuliert.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "tables/memos.jsonl":
                data = data.replace(b"Projektmemo", b"Projektnotiz")
            dst.writestr(item, data)
    target = tmp_path / "ziel"
    assert main(["restore", str(bad), str(target)]) == 2
    err = capsys.readouterr().err
    assert "Tabelle memos" in err and "andere Inhalte als gesichert (Prüfsumme)" in err
    assert not (target / "werkbank.sqlite").exists() and not (target / "project.json").exists()

    # A damaged line (not JSON): a clear message, again nothing left behind.
    broken = tmp_path / "kaputt-innen.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, b"{kein json\n" if item.filename == "tables/codes.jsonl" else data)
    assert main(["restore", str(broken), str(target)]) == 2
    assert "Tabelle codes der Sicherung ist beschädigt" in capsys.readouterr().err
    assert not (target / "werkbank.sqlite").exists()
    assert not target.exists()  # the folder the restore made is gone too

    (tmp_path / "kaputt.zip").write_text("kein zip", encoding="utf-8")
    assert main(["restore", str(tmp_path / "kaputt.zip"), str(target)]) == 2
    assert "keine Sicherung" in capsys.readouterr().err
    assert main(["restore", str(good), str(folder)]) == 2
    assert "schon ein Projekt" in capsys.readouterr().err


def test_errors_name_the_server_never_the_password(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    closed = "postgresql+psycopg://wb:geheim@127.0.0.1:9/nirgends"
    for argv in (
        ["--project", str(folder), "migrate-db", "--to", closed],
        ["restore", str(tmp_path / "x.zip"), str(tmp_path / "r"), "--db", closed],
        ["init", str(tmp_path / "neu"), "--db", closed],
    ):
        if argv[0] == "restore":
            assert main(["--project", str(folder), "backup", str(tmp_path / "x.zip")]) == 0
            capsys.readouterr()
        assert main(argv) == 2
        captured = capsys.readouterr()
        assert "127.0.0.1:9/nirgends" in captured.err
        assert "geheim" not in captured.err + captured.out
    assert main(["--project", str(folder), "migrate-db", "--to", "kein://url"]) == 2
    assert "keine gültige" in capsys.readouterr().err


def test_migrate_db_needs_an_upgraded_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = release_copy(tmp_path)
    target = f"sqlite:///{tmp_path / 'ziel.sqlite'}"
    assert main(["--project", str(old), "migrate-db", "--to", target]) == 2
    assert "upgrade" in capsys.readouterr().err
    assert not (tmp_path / "ziel.sqlite").exists()


def test_init_on_postgresql_stores_no_password_and_refuses_a_used_database(
    tmp_path: Path, pg_server, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_server.new_database()
    assert main(["init", str(tmp_path / "p"), "--db", url.replace("wb@", "wb:geheim@")]) == 0
    text = (tmp_path / "p" / "project.json").read_text(encoding="utf-8")
    assert json.loads(text)["db_url"] == url and "geheim" not in text
    assert main(["init", str(tmp_path / "q"), "--db", url]) == 2
    assert "enthält schon ein Projekt" in capsys.readouterr().err
    assert not (tmp_path / "q" / "project.json").exists()


def test_a_move_to_a_database_that_is_not_empty_or_not_there_writes_no_copy_of_the_data(
    folder: Path, pg_server, capsys: pytest.CaptureFixture[str]
) -> None:
    used = pg_server.new_database()
    assert main(["init", str(folder.parent / "anderes"), "--db", used]) == 0
    missing = pg_server.url("gibt_es_nicht")
    before = (folder / "project.json").read_text(encoding="utf-8")
    copies = sorted((folder / "sicherungen").glob("*"))  # the copy made by upgrade
    capsys.readouterr()

    assert main(["--project", str(folder), "migrate-db", "--to", used]) == 2
    assert "ist nicht leer" in capsys.readouterr().err
    assert main(["--project", str(folder), "migrate-db", "--to", missing]) == 2
    assert "gibt es auf dem Server nicht" in capsys.readouterr().err
    # each failed attempt used to leave a full backup (with the pseudonym key) behind
    assert sorted((folder / "sicherungen").glob("*")) == copies
    assert (folder / "project.json").read_text(encoding="utf-8") == before


def test_a_sqlite_file_named_relative_to_the_working_folder_is_found_from_anywhere(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """`restore … --db sqlite:///studie.sqlite` stored the relative address; opened from
    another folder, SQLite made a new empty file there and the project was 'kein
    Werkbank-Projekt'. The address is stored with its full path; a file that is gone is
    named, and no empty one is made."""
    assert main(["--project", str(folder), "backup", str(tmp_path / "s.zip")]) == 0
    work = tmp_path / "arbeit"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["restore", str(tmp_path / "s.zip"), "neu", "--db", "sqlite:///studie.sqlite"]) == 0
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    with Project.open(work / "neu") as project:
        assert len(project.segments()) > 0
    config = json.loads((work / "neu" / "project.json").read_text(encoding="utf-8"))
    assert config["db_url"] == f"sqlite:///{work / 'studie.sqlite'}"
    capsys.readouterr()

    (work / "studie.sqlite").rename(work / "studie-alt.sqlite")
    assert main(["--project", str(work / "neu"), "status"]) == 2
    err = capsys.readouterr().err
    assert f"die Datenbank {work / 'studie.sqlite'} aus project.json gibt es nicht" in err
    assert not (work / "studie.sqlite").exists() and not list(elsewhere.iterdir())


def test_a_restore_keeps_the_district_boundaries(tmp_path: Path) -> None:
    """The boundaries (`workbench map --import`) live in the project folder, not in the
    database: a project restored from its backup had lost its map (reports fell back to
    the schematic tile map), and the city's original file may be long gone."""
    source = Project.create(tmp_path / "projekt", districts=["Manfort", "Opladen"])
    source.close()
    shapes = collection(
        ("Manfort", {"type": "Polygon", "coordinates": [square(7.0, 51.0)]}),
        ("Opladen", {"type": "Polygon", "coordinates": [square(7.02, 51.0)]}),
    )
    where = ["--project", str(source.path)]
    grenzen = write_json(tmp_path / "grenzen.geojson", shapes)
    assert main([*where, "map", "--import", str(grenzen), "--name-property", "name"]) == 0
    stored = (source.path / "geo" / "districts.geojson").read_bytes()
    assert main([*where, "backup", str(tmp_path / "sicherung.zip")]) == 0
    assert main(["restore", str(tmp_path / "sicherung.zip"), str(tmp_path / "wieder")]) == 0
    assert (tmp_path / "wieder" / "geo" / "districts.geojson").read_bytes() == stored
    with Project.open(tmp_path / "wieder") as restored:
        assert sorted(geo.boundaries(restored)) == ["Manfort", "Opladen"]


def test_a_backup_whose_boundaries_were_changed_is_refused(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "projekt"
    Project.create(folder, districts=["Manfort"]).close()
    (folder / "geo").mkdir()
    (folder / "geo" / "districts.geojson").write_text('{"type": "FeatureCollection"}')
    assert main(["--project", str(folder), "backup", str(tmp_path / "s.zip")]) == 0
    with (
        zipfile.ZipFile(tmp_path / "s.zip") as old,
        zipfile.ZipFile(tmp_path / "t.zip", "w") as new,
    ):
        for item in old.infolist():
            data = old.read(item)
            new.writestr(item, b"{}" if item.filename.startswith("files/") else data)
    capsys.readouterr()
    assert main(["restore", str(tmp_path / "t.zip"), str(tmp_path / "wieder")]) == 2
    assert "beschädigt" in capsys.readouterr().err
    assert not (tmp_path / "wieder").exists()


def test_restore_interrupted_leaves_nothing_behind_and_can_be_repeated(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C halfway through the tables: no folder with a half-filled werkbank.sqlite that
    made the next ``workbench restore`` refuse ("werkbank.sqlite gibt es schon")."""
    good = tmp_path / "s.zip"
    assert main(["--project", str(folder), "backup", str(good)]) == 0
    load, calls = backup._load, []

    def interrupted(*args: object, **kwargs: object) -> int:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return load(*args, **kwargs)

    monkeypatch.setattr(backup, "_load", interrupted)
    target, kept = tmp_path / "ziel", tmp_path / "da"
    assert main(["restore", str(good), str(target)]) == 130
    assert not target.exists()
    kept.mkdir()
    (kept / "notiz.txt").write_text("bleibt", encoding="utf-8")
    calls.clear()
    assert main(["restore", str(good), str(kept)]) == 130
    assert [p.name for p in kept.iterdir()] == ["notiz.txt"]

    monkeypatch.setattr(backup, "_load", load)
    assert main(["restore", str(good), str(target)]) == 0
    assert tables(target) == tables(folder)
