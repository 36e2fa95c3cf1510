"""A restore into PostgreSQL that was killed (SIGKILL: no cleanup ran) left its tables; the
next restore said only "ist nicht leer". It now finds the mark of a broken-off restore,
clears it and restores (workbench/store/restore_guard.py)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from sqlalchemy import inspect

from tests.test_backup import tables
from workbench.cli.main import main
from workbench.store import backup, make_engine
from workbench.store.restore_guard import _LOCK_KEY, RESTORE_MARK


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, Path]:
    """A small project and its backup."""
    cards = tmp_path / "karten.csv"
    cards.write_text("Text;Sozialraum\nBus fährt selten;Manfort\nKein Treff;Manfort\n", "utf-8")
    folder = tmp_path / "projekt"
    assert main(["init", str(folder), "--districts", "Manfort"]) == 0
    assert main(["--project", str(folder), "import", str(cards)]) == 0
    assert main(["--project", str(folder), "backup", str(tmp_path / "s.zip")]) == 0
    return folder, tmp_path / "s.zip"


def _names(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        return sorted(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def _kill_at_third_load(patch: pytest.MonkeyPatch) -> None:
    """Break the restore off at its third table load as a kill would: a KeyboardInterrupt
    stands for the signal, and none of the cleanup runs."""
    load, calls = backup._load, []

    def killed(*args: object, **kwargs: object) -> int:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return load(*args, **kwargs)

    patch.setattr(backup, "_load", killed)
    patch.setattr(backup, "_drop_everything", lambda engine: None)


def test_a_killed_restore_is_cleared_by_the_next(
    saved: tuple[Path, Path],
    tmp_path: Path,
    pg_server,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, good = saved
    url = pg_server.new_database()
    with monkeypatch.context() as patch:
        _kill_at_third_load(patch)
        assert main(["restore", str(good), str(tmp_path / "a"), "--db", url]) == 130
    assert RESTORE_MARK in _names(url) and "segments" in _names(url)  # what a kill leaves
    capsys.readouterr()
    assert main(["restore", str(good), str(tmp_path / "b"), "--db", url]) == 0
    out = capsys.readouterr().out
    assert "Tabellen eines abgebrochenen Wiederherstellens (oder Umzugs)" in out
    assert RESTORE_MARK not in _names(url)
    assert tables(tmp_path / "b") == tables(folder)
    # a complete project is no broken-off restore: refused as before, and left as it is
    before = tables(tmp_path / "b")
    assert main(["restore", str(good), str(tmp_path / "c"), "--db", url]) == 2
    assert "ist nicht leer" in capsys.readouterr().err
    assert tables(tmp_path / "b") == before


def test_a_restore_running_is_not_cleared_by_a_second(
    saved: tuple[Path, Path], tmp_path: Path, pg_server, capsys: pytest.CaptureFixture[str]
) -> None:
    _, good = saved
    url = pg_server.new_database()
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as running:  # holds the restore's lock
        running.execute(f"CREATE TABLE {RESTORE_MARK} (id integer)")
        running.execute("SELECT pg_advisory_lock(%s)", (_LOCK_KEY,))
        capsys.readouterr()
        assert main(["restore", str(good), str(tmp_path / "b"), "--db", url]) == 2
        err = capsys.readouterr().err
        assert "stellt gerade ein anderes „workbench restore“" in err
        assert _names(url) == [RESTORE_MARK] and not (tmp_path / "b").exists()


def test_a_killed_restore_into_a_folder_is_cleared_by_the_next(
    saved: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """SQLite: the killed restore's werkbank.sqlite made the next one say "gibt es schon"."""
    from workbench.cli import admin

    folder, good = saved
    target = tmp_path / "ziel"
    with monkeypatch.context() as patch:
        _kill_at_third_load(patch)
        patch.setattr(admin, "_remove_restored", lambda *args: None)
        assert main(["restore", str(good), str(target)]) == 130
    assert (target / "werkbank.sqlite").exists() and not (target / "project.json").exists()
    capsys.readouterr()
    assert main(["restore", str(good), str(target)]) == 0
    assert "abgebrochenen Wiederherstellens" in capsys.readouterr().out
    assert tables(target) == tables(folder)
    assert RESTORE_MARK not in _names(f"sqlite:///{target / 'werkbank.sqlite'}")


def test_a_retry_broken_off_in_turn_does_not_block_the_folder(
    saved: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The retry's Ctrl-C dropped the killed restore's tables (and the mark) but kept its
    werkbank.sqlite: the third restore said "gibt es schon". Also for a folder with "#"."""
    from workbench.cli import admin

    folder, good = saved
    load = backup._load

    def broken_off(kill: bool) -> None:
        calls: list[int] = []

        def load_until(*args: object, **kwargs: object) -> int:
            calls.append(1)
            if len(calls) == 3:
                raise KeyboardInterrupt
            return load(*args, **kwargs)

        with monkeypatch.context() as patch:
            patch.setattr(backup, "_load", load_until)
            if kill:  # none of the cleanup runs
                patch.setattr(backup, "_drop_everything", lambda engine: None)
                patch.setattr(admin, "_remove_restored", lambda *args: None)
            assert main(["restore", str(good), str(target)]) == 130

    target = tmp_path / "Ziel #2"
    broken_off(kill=True)
    broken_off(kill=False)  # the retry, interrupted with Ctrl-C
    assert (target / "werkbank.sqlite").exists() and not (target / "project.json").exists()
    capsys.readouterr()
    assert main(["restore", str(good), str(target)]) == 0, capsys.readouterr().err
    assert tables(target) == tables(folder)


def test_a_restore_refused_as_busy_leaves_the_running_ones_files(
    saved: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Two restores into one new folder started together: the second, refused because the
    first holds the folder's lock, deleted the first one's werkbank.sqlite on its way out."""
    import fcntl
    import os

    _, good = saved
    target = tmp_path / "ziel"
    target.mkdir()
    read_manifest, held, calls = backup.read_manifest, [], []

    def first_restore_starts(path: Path) -> dict:
        """The first restore takes the folder and makes its file just now (the second
        reading: after the command looked what was in the folder)."""
        calls.append(1)
        if len(calls) < 2 or held:
            return read_manifest(path)
        held.append(os.open(target, os.O_RDONLY))
        fcntl.flock(held[0], fcntl.LOCK_EX | fcntl.LOCK_NB)
        (target / "werkbank.sqlite").write_bytes(b"")
        (target / "werkbank.sqlite-wal").write_bytes(b"")
        return read_manifest(path)

    monkeypatch.setattr(backup, "read_manifest", first_restore_starts)
    try:
        assert main(["restore", str(good), str(target)]) == 2
    finally:
        os.close(held[0])
    assert "stellt gerade ein anderes „workbench restore“" in capsys.readouterr().err
    assert sorted(p.name for p in target.iterdir()) == ["werkbank.sqlite", "werkbank.sqlite-wal"]


def test_a_killed_move_to_sqlite_is_cleared_by_the_next(
    saved: tuple[Path, Path],
    pg_server,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """migrate-db --to sqlite killed while loading left a marked werkbank.sqlite in the
    project folder; every later move said "gibt es schon" (the folder has project.json)."""
    folder, _ = saved
    original = tables(folder)
    assert main(["--project", str(folder), "migrate-db", "--to", pg_server.new_database()]) == 0
    (folder / "werkbank.sqlite").rename(folder.parent / "alt.sqlite")
    for suffix in ("-wal", "-shm"):
        (folder / f"werkbank.sqlite{suffix}").unlink(missing_ok=True)
    with monkeypatch.context() as patch:
        _kill_at_third_load(patch)
        assert main(["--project", str(folder), "migrate-db", "--to", "sqlite"]) == 130
    assert RESTORE_MARK in _names(f"sqlite:///{folder / 'werkbank.sqlite'}")
    capsys.readouterr()
    assert main(["--project", str(folder), "migrate-db", "--to", "sqlite"]) == 0
    assert "abgebrochenen Wiederherstellens" in capsys.readouterr().out
    assert tables(folder) == original
    assert RESTORE_MARK not in _names(f"sqlite:///{folder / 'werkbank.sqlite'}")
