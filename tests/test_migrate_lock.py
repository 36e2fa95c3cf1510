"""Two ``workbench migrate-db`` of one project at once: the second stops (a lock in the
project folder), instead of taking the first one's "moving_to" mark for a broken-off move
and clearing it, so that open apps saved into the old database again during the copy."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.store import backup
from workbench.store.project_store import MOVING_KEY


def test_a_second_migrate_db_during_the_first_stops_and_keeps_its_mark(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "projekt"
    Project.create(folder, districts=["Manfort"]).close()
    inside, second_done = threading.Event(), threading.Event()
    wait = backup.wait_for_writers

    def held(engine: object) -> None:
        wait(engine)  # type: ignore[arg-type]
        if threading.current_thread().name == "erster":
            inside.set()  # the mark is written, the copy not yet taken
            second_done.wait(timeout=10)

    monkeypatch.setattr(backup, "wait_for_writers", held)
    first_target = f"sqlite:///{tmp_path / 'erste.sqlite'}"
    codes: list[int] = []
    first = threading.Thread(
        target=lambda: codes.append(
            main(["--project", str(folder), "migrate-db", "--to", first_target])
        ),
        name="erster",
    )
    first.start()
    try:
        assert inside.wait(timeout=60)
        second = ["--project", str(folder), "migrate-db", "--to", f"sqlite:///{tmp_path / 'b.db'}"]
        assert main(second) == 2
        err = capsys.readouterr().err
        assert "Ein anderes „workbench migrate-db“ zieht dieses Projekt gerade um" in err
        assert "Traceback" not in err
        config = json.loads((folder / "project.json").read_text(encoding="utf-8"))
        assert config[MOVING_KEY]  # apps still refuse to save into the old database
    finally:
        second_done.set()
        first.join(timeout=60)
    assert codes == [0]
    config = json.loads((folder / "project.json").read_text(encoding="utf-8"))
    assert MOVING_KEY not in config and config["db_url"].endswith("erste.sqlite")
    assert not (tmp_path / "b.db").exists()


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("begun", ["before", "during the copy"])
def test_a_move_into_a_database_being_restored_stops_before_its_safety_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], begun: str
) -> None:
    """Another restore writing into the target: migrate-db wrote its backup into
    sicherungen/ (a full copy of the project, minutes on a large one) and only then said
    "nichts geändert". A restore that begins while the copy is written: the copy goes."""
    import fcntl
    import os

    from workbench.cli import admin

    if begun != "before":  # the check found none
        monkeypatch.setattr(admin, "restore_running", lambda engine: False)

    folder = tmp_path / "projekt"
    Project.create(folder, districts=["Manfort"]).close()
    before = _files(folder)
    target = tmp_path / "ziel"
    target.mkdir()
    running = os.open(target, os.O_RDONLY)  # what a running restore holds (its folder)
    try:
        fcntl.flock(running, fcntl.LOCK_EX | fcntl.LOCK_NB)
        move = ["--project", str(folder), "migrate-db", "--to", f"sqlite:///{target}/w.sqlite"]
        assert main(move) == 2
    finally:
        os.close(running)
    err = capsys.readouterr().err
    assert "stellt gerade ein anderes „workbench restore“" in err and "Traceback" not in err
    after = _files(folder)
    after.pop(".migrate-db.lock", None)  # the move lock's empty file, as any refused move
    assert after == before and not (folder / "sicherungen").exists()
    assert list(target.iterdir()) == []


def test_a_move_into_a_server_database_being_restored_stops_first(
    tmp_path: Path, pg_server, capsys: pytest.CaptureFixture[str]
) -> None:
    import psycopg

    from workbench.store.restore_guard import _LOCK_KEY, RESTORE_MARK

    folder = tmp_path / "projekt"
    Project.create(folder, districts=["Manfort"]).close()
    before = _files(folder)
    url = pg_server.new_database()
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as running:
        running.execute(f"CREATE TABLE {RESTORE_MARK} (id integer)")
        running.execute("SELECT pg_advisory_lock(%s)", (_LOCK_KEY,))
        assert main(["--project", str(folder), "migrate-db", "--to", url]) == 2
    assert "stellt gerade ein anderes „workbench restore“" in capsys.readouterr().err
    after = _files(folder)
    after.pop(".migrate-db.lock", None)
    assert after == before and not (folder / "sicherungen").exists()
