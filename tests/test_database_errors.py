"""What a user reads when the database says no: never a participant's data, always why."""

from __future__ import annotations

import json
import socket
import sqlite3
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from sqlalchemy import event, inspect, text
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from tests.pg import USER, Server
from workbench import Project
from workbench.cli.main import main
from workbench.store import Pseudonym, make_engine
from workbench.store.problems import database_problem


@pytest.mark.backends
def test_a_database_error_does_not_show_the_key_or_texts_it_was_writing(
    project: Project,
) -> None:
    row = {"kind": "person", "normalised": "szymanowski", "placeholder": "[Person 1]"}
    with project.transaction() as session:
        session.add(Pseudonym(original="Jolanta Szymanowski", **row))
    with pytest.raises(IntegrityError) as caught, project.transaction() as session:
        session.add(Pseudonym(original="Jolanta Szymanowska", **row))
    shown = str(caught.value)
    assert "uq_pseudonym" in shown or "UNIQUE" in shown  # the error itself is still said
    # the statement's parameters (the original name) stay hidden; PostgreSQL's own DETAIL
    # names the duplicated key (kind, normalised surname) and is the server's text
    assert "Jolanta" not in shown and "Szymanowsk" not in shown


# What libpq and the server say (psycopg 3.3, PostgreSQL 15), and in a German server's words.
SAID = {
    'connection to server at "db", port 5432 failed: fe_sendauth: no password supplied': (
        "keines ist hinterlegt"
    ),
    'connection to server at "db", port 5432 failed: FATAL:  password authentication failed '
    'for user "werkbank"': "Nutzername oder Passwort stimmen nicht",
    "FATAL:  Passwort-Authentifizierung für Benutzer »werkbank« fehlgeschlagen": (
        "Nutzername oder Passwort stimmen nicht"
    ),
    'connection to server at "db", port 5432 failed: FATAL:  database "studie" does not exist': (
        "Die Datenbank gibt es auf dem Server nicht"
    ),
    "FATAL:  Datenbank »studie« existiert nicht": "Die Datenbank gibt es auf dem Server nicht",
    "failed to resolve host 'db.invalid': [Errno -2] Name or service not known": (
        "Rechnername prüfen"
    ),
    'connection to server at "10.0.0.9", port 5432 failed: timeout expired': "antwortet nicht",
    'FATAL:  no pg_hba.conf entry for host "10.0.0.7", user "werkbank", database "studie"': (
        "pg_hba.conf"
    ),
    "permission denied for table pseudonyms": "keine Rechte",
    'could not extend file "base/16384/16402": No space left on device': "kein Platz mehr",
    "konnte Datei »base/16384/16402« nicht erweitern: Auf dem Gerät ist kein Speicherplatz "
    "mehr verfügbar": "kein Platz mehr",
}


@pytest.mark.parametrize("said", SAID)
def test_what_the_postgresql_client_says_is_told_in_german(said: str) -> None:
    err = OperationalError("SELECT 1", {}, psycopg.OperationalError(said))
    assert SAID[said] in database_problem(err)


def test_a_missing_table_is_no_missing_database() -> None:
    err = ProgrammingError("SELECT", {}, psycopg.ProgrammingError('relation "meta" does not exist'))
    assert database_problem(err) is None  # a bug: shown as such


def _sql(server: Server, database: str, *statements: str) -> None:
    with psycopg.connect(
        f"host=127.0.0.1 port={server.port} user={USER} dbname={database}", autocommit=True
    ) as connection:
        for statement in statements:
            connection.execute(statement)


def test_a_server_that_does_not_run_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "neu"
    # a port nobody listens on: held (bound, not listening, so a connection is refused)
    # until the command has tried, or another test's PostgreSQL server may start on it
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        url = f"postgresql://wb@127.0.0.1:{port}/studie"
        assert main(["init", str(target), "--db", url]) == 2
    err = capsys.readouterr().err
    assert "Er läuft nicht oder nimmt an dieser Adresse und diesem Port keine" in err
    assert "OperationalError" not in err
    assert not target.exists()


def test_a_database_or_role_that_is_not_on_the_server_is_named_as_such(
    pg_server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = pg_server.url("gibt_es_nicht")
    assert main(["init", str(tmp_path / "a"), "--db", missing]) == 2
    assert "Die Datenbank gibt es auf dem Server nicht" in capsys.readouterr().err
    nobody = pg_server.new_database().replace(f"//{USER}@", "//niemand@")
    assert main(["init", str(tmp_path / "b"), "--db", nobody]) == 2
    assert "Den Datenbanknutzer (die Rolle) gibt es" in capsys.readouterr().err


def _reader_project(pg_server: Server, url: str, folder: Path) -> Path:
    """A project folder whose project.json reaches ``url``'s database as a role that may
    only read (SELECT on every table)."""
    database = url.rsplit("/", 1)[1]
    reader = f"leser_{database}"
    _sql(pg_server, database, f"CREATE ROLE {reader} LOGIN",
         f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader}")  # fmt: skip
    folder.mkdir()
    (folder / "project.json").write_text(
        json.dumps({"format": "sozialraum-workbench", "db_url": url.replace(USER, reader, 1)}),
        encoding="utf-8",
    )
    return folder


def test_a_role_that_may_only_read_gets_a_message_and_nothing_is_written(
    pg_server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_server.new_database()
    folder = tmp_path / "projekt"
    assert main(["init", str(folder), "--db", url, "--districts", "Manfort"]) == 0
    readonly = _reader_project(pg_server, url, tmp_path / "nur-lesen")
    protocol = tmp_path / "manfort.md"
    protocol.write_text(
        "---\nworkshop: W\ndistrict: Manfort\nparticipants:\n  - Anna Schmidt\n---\n\n"
        "## Herausforderungen\n\n- Anna Schmidt sagt, der Treffpunkt fehlt.\n",
        encoding="utf-8",
    )
    capsys.readouterr()

    assert main(["--project", str(readonly), "status"]) == 0  # reading works
    assert main(["--project", str(readonly), "import", str(protocol)]) == 2
    err = capsys.readouterr().err
    assert "keine Rechte (z. B. nur Leserechte)" in err
    assert "Traceback" not in err and "Anna" not in err
    assert main(["--project", str(readonly), "districts", "--add", "Wiesdorf"]) == 2
    assert "keine Rechte" in capsys.readouterr().err
    with Project.open(folder) as project:
        assert project.segments().empty
        assert list(project.districts()["district"]) == ["Gesamtstadt", "Manfort"]


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgresql://werkbank@db.stadt.example:54x2/studie", "keine gültige SQLAlchemy-URL"),
        ("postgresq://werkbank@db.stadt.example/studie", "keine gültige SQLAlchemy-URL"),
        ("werkbank@db.stadt.example/studie", "keine gültige SQLAlchemy-URL"),
        ("postgresql+psycopg2://werkbank@db.stadt.example/studie", "fehlt der Treiber"),
    ],
)
def test_a_mistyped_database_address_is_refused_and_init_leaves_no_folder(
    url: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "neu"
    assert main(["init", str(target), "--db", url]) == 2
    assert said in capsys.readouterr().err
    assert not target.exists()


def test_restore_and_migrate_db_refuse_a_port_that_is_no_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, saved = tmp_path / "projekt", tmp_path / "sicherung.zip"
    assert main(["init", str(folder), "--districts", "Manfort"]) == 0
    assert main(["--project", str(folder), "backup", str(saved)]) == 0
    capsys.readouterr()
    url = "postgresql://werkbank@db.stadt.example:5432x/studie"

    assert main(["restore", str(saved), str(tmp_path / "neu"), "--db", url]) == 2
    assert "keine gültige SQLAlchemy-URL" in capsys.readouterr().err
    assert not (tmp_path / "neu").exists()
    before = (folder / "project.json").read_text(encoding="utf-8")
    assert main(["--project", str(folder), "migrate-db", "--to", url]) == 2
    assert "keine gültige SQLAlchemy-URL" in capsys.readouterr().err
    assert (folder / "project.json").read_text(encoding="utf-8") == before


@pytest.mark.backends
def test_init_refuses_a_database_that_holds_another_programs_tables(
    db_url: str | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = db_url or f"sqlite:///{tmp_path / 'andere.sqlite'}"
    engine = make_engine(url)
    with engine.begin() as connection:  # another program's table of the same name
        connection.execute(text("CREATE TABLE codes (id INTEGER PRIMARY KEY, label TEXT)"))
        connection.execute(text("INSERT INTO codes (id, label) VALUES (1, 'fremd')"))
    target = tmp_path / "neu"

    assert main(["init", str(target), "--db", url]) == 2
    assert "ist nicht leer (Tabellen codes); ein neues Projekt braucht" in capsys.readouterr().err
    assert not target.exists()
    with engine.connect() as connection:
        assert inspect(connection).get_table_names() == ["codes"]  # nothing added
        assert connection.execute(text("SELECT label FROM codes")).scalars().all() == ["fremd"]
    engine.dispose()


def test_a_unix_socket_written_as_libpq_writes_it_reaches_the_server(
    pg_server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = pg_server.new_database().rsplit("/", 1)[1]
    socket_folder = quote(str(pg_server.folder), safe="")  # the server's -k folder
    url = f"postgresql://{USER}@{socket_folder}:{pg_server.port}/{database}"
    folder = tmp_path / "projekt"

    assert main(["init", str(folder), "--db", url, "--districts", "Manfort"]) == 0
    assert json.loads((folder / "project.json").read_text(encoding="utf-8"))["db_url"] == url
    assert main(["--project", str(folder), "districts"]) == 0
    assert "Manfort" in capsys.readouterr().out
    query = f"postgresql:///{database}?host={pg_server.folder}&port={pg_server.port}&user={USER}"
    with Project.open(folder) as project, make_engine(query).connect() as connection:
        assert project.engine.url.query["host"] == str(pg_server.folder)
        names = connection.execute(text("SELECT name FROM districts ORDER BY id")).scalars()
        assert names.all() == ["Gesamtstadt", "Manfort"]  # the same database, both ways


def test_an_upgrade_by_a_role_that_may_only_read_says_so_and_changes_nothing(
    pg_server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.store.migrate import _run, current_revision

    url = pg_server.new_database()
    assert main(["init", str(tmp_path / "projekt"), "--db", url]) == 0
    engine = make_engine(url)
    _run(engine, "downgrade", "0003")  # as a project of the workbench before 0004
    readonly = _reader_project(pg_server, url, tmp_path / "nur-lesen")
    capsys.readouterr()

    assert main(["--project", str(readonly), "upgrade"]) == 2
    err = capsys.readouterr().err
    assert "Aktualisierung fehlgeschlagen: Der Datenbanknutzer hat dafür keine Rechte" in err
    assert "Nichts wurde geändert" in err
    assert current_revision(engine) == "0003"
    engine.dispose()


def test_a_password_file_others_may_read_is_named_when_the_password_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = 'connection to server at "db", port 5432 failed: fe_sendauth: no password supplied'
    err = OperationalError("SELECT 1", {}, psycopg.OperationalError(said))
    passfile = tmp_path / "leverkusen.pgpass"
    passfile.write_text("db:5432:leverkusen:werkbank:GEHEIM\n", encoding="utf-8")
    monkeypatch.setenv("PGPASSFILE", str(passfile))

    passfile.chmod(0o640)  # libpq ignores it (and warns in English only)
    assert f"Die Passwortdatei {passfile} dürfen auch andere lesen (Rechte 640)" in (
        database_problem(err)
    )
    assert "GEHEIM" not in database_problem(err)
    passfile.chmod(0o600)  # read, but no entry for this server: the general sentence
    assert "keines ist hinterlegt" in database_problem(err)


def test_an_import_that_waited_out_the_write_lock_says_so_and_who_may_hold_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A notebook left a write transaction open: the import waits the busy timeout, then
    says how long it waited, what holds such a lock and what to do; nothing is written."""
    from workbench.store import schema

    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 300)
    with Project.create(tmp_path / "p", districts=["Manfort"]) as project:
        pass
    protocol = tmp_path / "manfort.md"
    protocol.write_text("## Was fehlt?\n\n- Ein Treffpunkt am Markt.\n", encoding="utf-8")
    holder = sqlite3.connect(tmp_path / "p" / "werkbank.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # e.g. a notebook's `with project.transaction()`
    try:
        args = ["--project", str(tmp_path / "p"), "import", str(protocol), "--district", "Manfort"]
        assert main(args) == 2
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert "0,3 Sekunden lang von einem anderen Prozess zum Schreiben gesperrt" in err
    assert "Notebook" in err and "Traceback" not in err
    with Project.open(tmp_path / "p") as project:
        assert project.segments().empty


def test_a_write_that_lost_the_race_for_a_changed_snapshot_is_asked_to_try_again() -> None:
    """SQLite's busy snapshot (another writer committed meanwhile) comes at once: no wait
    is claimed, the step is simply to be repeated."""
    error = sqlite3.OperationalError("database is locked")
    error.sqlite_errorname = "SQLITE_BUSY_SNAPSHOT"
    said = database_problem(OperationalError("UPDATE …", {}, error))
    assert "noch einmal versuchen" in said and "Minuten" not in said


def test_an_import_onto_a_full_disk_says_so_and_keeps_the_project_as_it_was(
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """SQLite's 'database or disk is full' (here: the file may not grow by a page) was a
    traceback; it is a German sentence, exit code 2, and the import is rolled back."""
    from workbench.store import schema

    folder = project.path
    project.close()
    plain = schema._enable_sqlite_wal

    def no_room(engine: object) -> None:
        plain(engine)

        @event.listens_for(engine, "connect")
        def _full(dbapi_connection, _record) -> None:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    monkeypatch.setattr(schema, "_enable_sqlite_wal", no_room)
    table = tmp_path / "karten.csv"
    rows = [
        f"Karte {i}: Der Spielplatz am Markt braucht Schatten und Bänke;Manfort" for i in range(400)
    ]
    table.write_text("Text;Sozialraum\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["--project", str(folder), "import", str(table)]) == 2
    err = capsys.readouterr().err
    assert "kein Platz mehr" in err and "Traceback" not in err
    monkeypatch.setattr(schema, "_enable_sqlite_wal", plain)
    with Project.open(folder) as again:
        assert again.segments().empty
