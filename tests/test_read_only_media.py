"""A project on a read-only file system (a DVD, a mounted snapshot, an archive share) can be
read: SQLite in WAL mode needs its -shm file even to read, which cannot be made there."""

from __future__ import annotations

import os
import shutil
import subprocess
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main

PROTOCOL = """---
workshop: Stadtteilkonferenz Manfort 2021
district: Manfort
date: 2021-05-04
---

# Stadtteilkonferenz Manfort 2021

## Was fehlt im Stadtteil?

- Der Spielplatz hinter der Kirche ist seit dem Winter gesperrt.
- Abends fährt kein Bus mehr vom Bahnhof in die Siedlung.
"""


@pytest.fixture
def archived(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A closed project in a folder nobody may write to, on a read-only file system.

    As root: a small tmpfs remounted read-only (skipped where mounting is not allowed).
    Otherwise: the folder and file without write permission, the file system reported
    read-only (``statvfs``) as on a DVD or a mounted snapshot.
    """
    made = tmp_path / "gemacht"
    with Project.create(made, districts=["Manfort"]) as project:
        (tmp_path / "manfort.md").write_text(PROTOCOL, encoding="utf-8")
        project.import_files([tmp_path / "manfort.md"], wave="Erhebung 2021")
    assert not (made / "werkbank.sqlite-wal").exists()  # closed: all in the file
    mount = tmp_path / "medium"
    mount.mkdir()
    if os.geteuid() == 0:
        ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)])
        if ok.returncode:
            pytest.skip("als root, aber ohne Erlaubnis, ein Dateisystem einzuhängen")
        shutil.copytree(made, mount / "archiv")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount / "archiv"
        subprocess.run(
            ["umount", "--lazy", str(mount)], check=True
        )  # a pooled connection may hold the file
        return
    shutil.copytree(made, mount / "archiv")
    folder = mount / "archiv"
    real = os.statvfs

    def statvfs(path: os.PathLike[str] | str) -> object:
        found = real(path)
        if Path(path).resolve() == folder.resolve():
            return types.SimpleNamespace(f_flag=found.f_flag | os.ST_RDONLY)
        return found

    monkeypatch.setattr(os, "statvfs", statvfs)
    for path in (*folder.rglob("*"), folder):
        path.chmod(path.stat().st_mode & ~0o222)
    yield folder
    for path in (folder, *folder.rglob("*")):
        path.chmod(path.stat().st_mode | 0o200)


def test_a_project_on_read_only_media_can_be_read_and_refuses_writes_clearly(
    archived: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = ["--project", str(archived)]
    assert main([*p, "status"]) == 0
    status = capsys.readouterr().out.splitlines()
    assert any(line.split() == ["Aussagen", "2"] for line in status)
    assert main([*p, "export", "--format", "csv", str(tmp_path / "aussagen.csv")]) == 0
    assert "Spielplatz" in (tmp_path / "aussagen.csv").read_text(encoding="utf-8")
    # A REFI-QDA export records what it held; here it cannot, and exports all the same.
    assert main([*p, "export", "--format", "qdpx", str(tmp_path / "projekt.qdpx")]) == 0
    assert main([*p, "backup", str(tmp_path / "sicherung.zip")]) == 0  # to take it elsewhere
    capsys.readouterr()
    assert main([*p, "districts", "--add", "Opladen"]) == 2
    err = capsys.readouterr().err
    assert "schreibgeschützt" in err and "Traceback" not in err
    assert main(["restore", str(tmp_path / "sicherung.zip"), str(tmp_path / "neu")]) == 0
    with Project.open(tmp_path / "neu") as project:
        assert len(project.segments()) == 2
