"""Old SQLite projects with values longer than their columns (migration 0008).

Before imports shortened long labels (session 29), SQLite stored a guiding question over
300 characters, a role over 200, a workshop name over 300 and so on whole. The next import
of the same question stored it shortened, a second label; ``migrate-db`` to PostgreSQL
stopped. ``workbench upgrade`` now shortens them as an import does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text, update

from tests.pg import Server
from workbench import Project
from workbench.cli.main import main
from workbench.ingest.long_names import shortened_filename
from workbench.store import Document, Recommendation, Segment, Workshop, make_engine
from workbench.store.workshop_keys import shortened, workshop_key
from workbench.synthesis.recommendations import recommendations

LONG = " ".join(["Stadtteilkonferenz"] * 20)  # 379 characters
QUESTION = f"{LONG}?"
ROLE = f"Vertretung {LONG}"
WORKSHOP = f"{LONG} Teil 1"
FILENAME = f"{LONG} {LONG}.md"


def _old_project(folder: Path, tmp_path: Path) -> None:
    """A project as an older workbench left it on SQLite: long values whole, revision 0007."""
    Project.create(folder, db_url=None, districts=["Manfort"]).close()
    table = tmp_path / "karten.csv"
    table.write_text("ID;Text;Rolle\n1;Mehr Bänke;Anwohnerin\n", encoding="utf-8")
    command = ["--project", str(folder), "import", str(table), "--district", "Manfort"]
    assert main([*command, "--role-column", "Rolle", "--workshop", "Kurz"]) == 0
    with Project.open(folder) as project:
        with project.transaction() as s:
            s.execute(update(Segment).values(question=QUESTION, speaker_role=ROLE))
            s.execute(update(Workshop).values(name=WORKSHOP, format=LONG))
            s.execute(update(Document).values(filename=FILENAME))
        # the revision outside the project's own sessions (they refuse a changed schema)
        engine = make_engine(project.db_url)
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '0007'"))
        engine.dispose()


def test_upgrade_shortens_long_values_so_a_new_import_finds_them_and_migrate_db_works(
    tmp_path: Path, pg_server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "projekt"
    _old_project(folder, tmp_path)
    assert main(["--project", str(folder), "upgrade"]) == 0
    with Project.open(folder) as project:
        (row,) = project.segments().to_dict("records")
        assert row["question"] == shortened(QUESTION, 300, tail=40)
        assert row["speaker_role"] == shortened(ROLE, 200, tail=40)
        (workshop,) = project.workshops().to_dict("records")
        assert workshop["workshop"] == workshop_key(WORKSHOP)
        assert workshop["format"] == shortened(LONG, 200)
        with project.session() as s:
            assert s.query(Document.filename).scalar() == shortened_filename(FILENAME)
    # the same question (a protocol), role (a table) and workshop again: one of each
    protocol = tmp_path / "nachtrag.md"
    protocol.write_text(f"# Protokoll\n\n## {QUESTION}\n\n- Mehr Licht\n", encoding="utf-8")
    table = tmp_path / "nachtrag.csv"
    table.write_text(f"ID;Text;Rolle\n2;Mehr Grün;{ROLE}\n", encoding="utf-8")
    command = ["--project", str(folder), "import", "--district", "Manfort", "--workshop"]
    assert main([*command, WORKSHOP, str(protocol)]) == 0
    assert main([*command, WORKSHOP, str(table), "--role-column", "Rolle"]) == 0
    with Project.open(folder) as project:
        segments = project.segments().set_index("text")
        assert segments["question"].dropna().unique().tolist() == [row["question"]]
        assert segments["speaker_role"].dropna().unique().tolist() == [row["speaker_role"]]
        assert segments["workshop"].unique().tolist() == [workshop_key(WORKSHOP)]
    capsys.readouterr()
    # and the project moves to PostgreSQL (it stopped there with the values whole)
    target = pg_server.new_database()
    assert main(["--project", str(folder), "migrate-db", "--to", target]) == 0
    assert "Traceback" not in capsys.readouterr().err
    with Project.open(folder) as project:
        assert len(project.segments()) == 3 and len(project.workshops()) == 1


def test_migrate_db_names_a_value_too_long_for_postgresql(
    tmp_path: Path, pg_server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    """A recommendation title of 379 characters that SQLite stored before titles were
    refused: migrate-db stopped with "… fehlgeschlagen (Tabelle recommendations):
    StringDataRightTruncation", naming neither the value nor what to do. Now it names
    table, column, row and length, and the project stays on SQLite as it was."""
    folder = tmp_path / "projekt"
    Project.create(folder, db_url=None, districts=["Manfort"]).close()
    assert main(["--project", str(folder), "recommend", "add", "Mehr Bänke", "--title", "B"]) == 0
    with Project.open(folder) as project, project.transaction() as s:
        s.execute(update(Recommendation).values(title=LONG))
    capsys.readouterr()
    target = pg_server.new_database()
    assert main(["--project", str(folder), "migrate-db", "--to", target]) == 2
    err = capsys.readouterr().err
    assert "Tabelle recommendations, Spalte title, Zeile mit id 1: 379 Zeichen" in err
    assert "höchstens 300" in err and "StringDataRightTruncation" not in err
    assert "Traceback" not in err and LONG not in err
    with Project.open(folder) as project:
        assert project.engine.dialect.name == "sqlite"
        assert recommendations(project)["title"].tolist() == [LONG]


def test_restoring_a_backup_with_a_value_too_long_for_postgresql_says_a_way_that_works(
    tmp_path: Path, pg_server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    """``restore --db`` of a backup holding a value SQLite stored whole said "Bitte den Wert
    im Projekt kürzen": there is no project yet. It says to restore into SQLite, shorten
    it there and move with migrate-db; that way works."""
    folder = tmp_path / "projekt"
    Project.create(folder, db_url=None, districts=["Manfort"]).close()
    assert main(["--project", str(folder), "recommend", "add", "Mehr Bänke", "--title", "B"]) == 0
    with Project.open(folder) as project, project.transaction() as s:
        s.execute(update(Recommendation).values(title=LONG))
    archive = tmp_path / "sicherung.zip"
    assert main(["--project", str(folder), "backup", str(archive)]) == 0
    capsys.readouterr()
    target = pg_server.new_database()
    assert main(["restore", "--db", target, str(archive), str(tmp_path / "neu")]) == 2
    err = capsys.readouterr().err
    assert "Tabelle recommendations, Spalte title, Zeile mit id 1: 379 Zeichen" in err
    assert "ohne --db wiederherstellen" in err and "migrate-db" in err
    assert "im Projekt kürzen" not in err and LONG not in err
    # the way it names: SQLite, shorten, move
    assert main(["restore", str(archive), str(tmp_path / "neu")]) == 0
    command = ["--project", str(tmp_path / "neu")]
    assert main([*command, "recommend", "edit", "1", "--title", "Mehr Bänke"]) == 0
    assert main([*command, "migrate-db", "--to", target]) == 0
