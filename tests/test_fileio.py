"""Writing outputs: all or nothing into files, straight into pipes and devices."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import WorkbenchError
from workbench.core.fileio import atomic_path, write_csv


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "tabelle.csv"
    out.write_text("alt\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(out) as tmp:
        tmp.write_text("halb", encoding="utf-8")
        raise RuntimeError("Abbruch")
    assert out.read_text(encoding="utf-8") == "alt\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tabelle.csv"]


def _read_fifo(path: Path, got: list[bytes]) -> threading.Thread:
    """A reader of the pipe ``path`` in the background, its bytes in ``got``."""

    def read() -> None:
        with path.open("rb") as pipe:
            got.append(pipe.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


def test_a_pipe_is_written_into_not_replaced_by_a_file(tmp_path: Path) -> None:
    # `--out /dev/stdout`, `--out /dev/null` or a named pipe: replacing the path with the
    # finished temporary file (as for a normal file) would put a file where the device was.
    pipe = tmp_path / "ausgabe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = _read_fifo(pipe, got)
    write_csv(pd.DataFrame({"cluster": [0, 1], "label": ["Treffpunkt", "=1+1"]}), pipe)
    reader.join(timeout=10)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert got == [b"cluster,label\n0,Treffpunkt\n1,'=1+1\n"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ausgabe"]


def test_the_cli_writes_its_csv_into_a_pipe(demo_project: Project, tmp_path: Path) -> None:
    pipe = tmp_path / "bedarfe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = _read_fifo(pipe, got)
    assert main(["--project", str(demo_project.path), "needs", "--out", str(pipe)]) == 0
    reader.join(timeout=10)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert got[0].startswith(b"segment_id,document,source_id,cluster,cluster_label,scope\n")


def test_an_unwritable_target_is_named_in_german(tmp_path: Path) -> None:
    with pytest.raises(WorkbenchError, match=r"fehlt/tabelle\.csv lässt sich nicht schreiben"):
        write_csv(pd.DataFrame({"a": [1]}), tmp_path / "fehlt" / "tabelle.csv")
