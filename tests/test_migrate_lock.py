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
