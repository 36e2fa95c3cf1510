"""A restore reads each table's member of the backup line by line as it is unpacked and
inserts its rows in batches: a backup with a table of hundreds of MB restores with memory
bounded by a batch, not by the member (before: the member was read whole, split into
lines and decoded into rows before the first insert: peak memory 1.5 × the member)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import workbench
from workbench import Project
from workbench.cli.main import main

MEMBER = 30 * 1024 * 1024  # the memos' member, unpacked (300 MB: the same, in 90 s)
TEXT = "Der Spielplatz am Rheinufer braucht Schatten und eine Bank für Eltern. " * 14


def _big_backup(project: Project, tmp_path: Path) -> tuple[Path, int]:
    """A backup of ``project`` whose memos' member holds MEMBER bytes of canonical rows
    (the line of a real memo, repeated with new ids), its manifest entry to match."""
    base = ["--project", str(project.path)]
    assert main([*base, "memo", "--author", "Team", "Erste Notiz"]) == 0
    small = tmp_path / "klein.zip"
    assert main([*base, "backup", str(small)]) == 0
    with zipfile.ZipFile(small) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    memo = json.loads(members["tables/memos.jsonl"].splitlines()[0])
    digest, rows, size = hashlib.sha256(), 0, 0
    big = tmp_path / "sicherung.zip"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        with target.open("tables/memos.jsonl", "w", force_zip64=True) as lines:
            while size < MEMBER:
                rows += 1
                line = (json.dumps({**memo, "id": rows, "text": f"{rows}: {TEXT}"},
                                   ensure_ascii=False) + "\n").encode()  # fmt: skip
                digest.update(line)
                lines.write(line)
                size += len(line)
        manifest = json.loads(members.pop("manifest.json"))
        manifest["tables"]["memos"] = {"rows": rows, "sha256": digest.hexdigest()}
        members.pop("tables/memos.jsonl")
        for name, data in members.items():
            target.writestr(name, data)
        target.writestr("manifest.json", json.dumps(manifest))
    return big, rows


_RESTORE = """
import resource, sys
from workbench.cli.main import main
import workbench.store.backup, sqlalchemy  # loaded before measuring
start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
code = main(["restore", sys.argv[1], sys.argv[2]])
print(code, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start) * 1024)
"""


def test_a_backup_with_a_table_of_30_mb_restores_with_bounded_memory(
    project: Project, tmp_path: Path
) -> None:
    path, rows = _big_backup(project, tmp_path)
    code = Path(workbench.__file__).parent.parent  # the workbench under test
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(code), *sys.path])}
    run = subprocess.run(
        [sys.executable, "-c", _RESTORE, str(path), str(tmp_path / "neu")],
        capture_output=True, text=True, env=env, check=False, timeout=300,
    )  # fmt: skip
    exit_code, grown = map(int, run.stdout.split()[-2:])
    assert exit_code == 0, run.stderr[-2000:]
    assert grown < MEMBER // 4, grown  # read whole: 1.5 × the member (46 MB)
    restored = Project.open(tmp_path / "neu")
    memos = restored.memos()
    assert len(memos) == rows
    assert memos["text"].iloc[-1] == f"{rows}: {TEXT}"


def test_a_stored_member_changed_inside_a_line_is_named_as_damaged(
    project: Project, tmp_path: Path, capsys
) -> None:
    """A garbled line of a damaged member (here: stored, one byte changed) is found before
    its checksum; the restore reads on to the member's end and names the member as
    damaged, as when it was read whole, not the garbled line."""
    path = tmp_path / "sicherung.zip"
    assert main(["--project", str(project.path), "backup", str(path)]) == 0
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    stored = tmp_path / "gespeichert.zip"
    with zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as target:
        for name, data in members.items():
            target.writestr(name, data)
    data = bytearray(stored.read_bytes())
    line = members["tables/districts.jsonl"].split(b"\n")[0]
    data[data.find(line)] = ord("[")  # '{"id"…' → '["id"…': no JSON
    stored.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["restore", str(stored), str(tmp_path / "neu")]) == 2
    err = capsys.readouterr().err
    assert "Eintrag 'tables/districts.jsonl' im Archiv ist beschädigt" in err, err
    assert "Zeile" not in err and "Traceback" not in err
    assert not (tmp_path / "neu").exists()
