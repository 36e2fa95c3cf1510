"""A statement's id is never given twice, also after ``forget`` of the newest ones on
SQLite (workbench/store/segment_ids.py)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.pg import move_to
from workbench import Project
from workbench.cli.main import main


def _import(folder: Path, name: str, rows: dict[str, str]) -> None:
    """Import ``rows`` (source id → text) as the table ``name``."""
    source = folder.parent / name
    frame = pd.DataFrame({"ID": list(rows), "Text": list(rows.values())})
    frame.to_csv(source, sep=";", index=False)
    args = ["--project", str(folder), "import", str(source), "--text-column", "Text"]
    assert main([*args, "--id-column", "ID"]) == 0


def test_a_forgotten_statements_id_is_not_given_to_the_next_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After forget of the newest statement the next import got its id: the erasure log
    named an existing statement, and `forget --statement` repeated from it erased that."""
    folder = tmp_path / "projekt"
    assert main(["init", str(folder)]) == 0
    _import(folder, "a.csv", {"1": "Erste Karte.", "2": "Zweite Karte.", "3": "Dritte Karte."})
    with Project.open(folder) as project:
        first, _, newest = project.segments()["segment_id"].tolist()
    assert main(["--project", str(folder), "forget", "--statement", str(newest)]) == 0
    _import(folder, "b.csv", {"7": "Neue Karte.", "8": "Noch eine Karte."})
    with Project.open(folder) as project:
        ids = project.segments()["segment_id"].tolist()
    assert len(ids) == 4 and len(set(ids)) == 4 and newest not in ids
    assert min(ids[2:]) > newest  # numbered after every erased statement
    capsys.readouterr()
    assert main(["--project", str(folder), "forget", "--statement", str(newest)]) == 2
    assert f"Aussage {newest} gibt es nicht" in capsys.readouterr().err
    with Project.open(folder) as project:
        assert len(project.segments()) == 4  # nothing erased by the repeated request
        assert project.segments()["segment_id"].iloc[0] == first


def _new_ids(folder: Path, name: str, before: list[int]) -> list[int]:
    """The ids of two statements imported as ``name`` into the project in ``folder``."""
    _import(folder, name, {"7": "Neue Karte.", "8": "Noch eine Karte."})
    with Project.open(folder) as project:
        ids = project.segments()["segment_id"].tolist()
    assert ids[: len(before)] == before
    return ids[len(before) :]


@pytest.mark.backends
def test_restore_and_migrate_db_give_no_erased_id_again(
    tmp_path: Path, db_url: str | None, request: pytest.FixtureRequest
) -> None:
    """`restore --db` and `migrate-db` to PostgreSQL let the id sequence continue after the
    largest remaining id: after forget of the newest statement the next import took its id."""
    folder = tmp_path / "projekt"
    assert main(["init", str(folder)]) == 0
    _import(folder, "a.csv", {"1": "Erste Karte.", "2": "Zweite Karte.", "3": "Dritte Karte."})
    with Project.open(folder) as project:
        kept = project.segments()["segment_id"].tolist()[:2]
        newest = int(project.segments()["segment_id"].iloc[-1])
    assert main(["--project", str(folder), "forget", "--statement", str(newest)]) == 0
    assert main(["--project", str(folder), "backup", str(tmp_path / "s.zip")]) == 0
    target = tmp_path / "wiederhergestellt"
    other = request.getfixturevalue("pg_server").new_database() if db_url else None
    assert (
        main(["restore", str(tmp_path / "s.zip"), str(target), *(["--db", other] * bool(other))])
        == 0
    )
    assert min(_new_ids(target, "b.csv", kept)) > newest  # restored
    move_to(Project.open(folder), db_url).close()
    assert min(_new_ids(folder, "c.csv", kept)) > newest  # moved (migrate-db)
