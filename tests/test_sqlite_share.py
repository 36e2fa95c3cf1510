"""A SQLite project on a network share: two researchers' computers open the same file.

SQLite's WAL mode coordinates through shared memory, which two computers do not share:
on an SMB/NFS share each would see its own state of the log, and their writes can corrupt
the project. Before, every project used WAL; on a share it now uses the rollback journal
(file locks), and an existing project in WAL mode is switched when it is opened there.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from workbench import Project
from workbench.store import shares


def _journal(folder: Path) -> str:
    with closing(sqlite3.connect(folder / "werkbank.sqlite")) as connection:
        return connection.execute("PRAGMA journal_mode").fetchone()[0]


def _mounted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> Path:
    """A folder that /proc/self/mounts lists as a mount of type ``kind``."""
    share = tmp_path / "Freigabe Team"
    share.mkdir()
    mounts = tmp_path / "mounts"
    point = str(share.resolve()).replace(" ", "\\040")
    mounts.write_text(
        f"/dev/sda1 / ext4 rw 0 0\n//fileserver/team {point} {kind} rw,vers=3.0 0 0\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(shares, "MOUNTS", mounts)
    return share


def test_a_project_on_an_smb_share_uses_the_rollback_journal_and_takes_two_writers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = _mounted(tmp_path, monkeypatch, "cifs")
    with Project.create(share / "studie", districts=["Manfort"]) as first:
        assert _journal(share / "studie") == "delete"
        with Project.open(share / "studie") as second:  # the colleague's computer
            first.add_code("Ressource")
            second.add_code("Bedarf")
            assert sorted(first.codes()["path"]) == ["Bedarf", "Ressource"]
    assert not (share / "studie" / "werkbank.sqlite-wal").exists()


def test_a_project_in_wal_mode_moved_onto_a_share_is_switched_when_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = tmp_path / "lokal"
    Project.create(local, districts=["Manfort"]).close()
    assert _journal(local) == "wal"
    share = _mounted(tmp_path, monkeypatch, "nfs4")
    local.rename(share / "studie")
    with Project.open(share / "studie") as project:
        project.add_code("Ressource")
        assert _journal(share / "studie") == "delete"
    assert shares.share_type(tmp_path / "lokal" / "werkbank.sqlite") is None


def test_a_local_project_keeps_wal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _mounted(tmp_path, monkeypatch, "cifs")
    with Project.create(tmp_path / "lokal", districts=["Manfort"]):
        assert _journal(tmp_path / "lokal") == "wal"


def test_a_share_mounted_by_the_automounter_is_recognised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """autofs (NFS home folders and team shares in most institutions) lists its own entry
    first and the share on the same mount point after it: the share is what is mounted
    there. Before, the first entry counted, and the project used WAL on NFS."""
    share = tmp_path / "team"
    share.mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(
        f"/dev/sda1 / ext4 rw 0 0\n/etc/auto.team {share} autofs rw,fd=6 0 0\n"
        f"fileserver:/team {share} nfs4 rw,vers=4.2 0 0\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(shares, "MOUNTS", mounts)
    assert shares.share_type(share / "studie" / "werkbank.sqlite") == "nfs4"
    with Project.create(share / "studie", districts=["Manfort"]):
        assert _journal(share / "studie") == "delete"
