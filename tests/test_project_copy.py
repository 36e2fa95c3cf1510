"""A test process that copies or asks a project in use still reads what a kernel stores.

The browser tests read a page's codings from the project right after the page shows them
(tests/browser/test_kodieren.py). Twice in one clean-clone run that read found nothing:
the test process had a connection left open by an in-process ``main([...])`` and lost its
SQLite locks when ``shutil.copytree`` copied the project (tests/project_copy.py). These
tests hold such a connection, copy the project the way the browser tests now do, let a
second process close its last connection and a third ("the page's kernel") store a
coding and stay open: the test process's next read must find it.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.coding_panel_data import card_wall
from tests.conftest import ROOT
from tests.project_copy import DATABASE, copy_project
from workbench import Project
from workbench.cli.main import main

CODER = "Seitenkern"


def _python(script: str, **keep: object) -> subprocess.Popen:
    """Run ``script`` in a new Python process of the code under test (stdin, stdout piped)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip


def _open_files(folder: Path) -> list[str]:
    """The files of ``folder``'s database this process holds open (Linux: /proc/self/fd)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:  # the listing's own handle, closed meanwhile
            continue
        if target.startswith(str(folder / DATABASE)):
            found.append(target)
    return sorted(found)


def test_a_kernels_coding_is_read_after_the_project_was_copied_while_in_use(
    tmp_path: Path,
) -> None:
    folder = card_wall(tmp_path / "karten")
    with Project.open(folder) as project:
        project.add_code("Treffpunkt")
        segment = int(project.segments()["segment_id"].iloc[0])
    held = Project.open(folder)  # a connection of the test process, as main([...]) left one
    try:
        held.segments()
        copy_project(folder, tmp_path / "kopie")  # a module's own server gets a copy
        closer = _python(f"""
            from workbench import Project
            with Project.open({str(folder)!r}) as project:
                project.segments()
        """)  # its last connection closes: it checkpoints if it takes itself for the last
        assert closer.wait(timeout=120) == 0
        kernel = _python(f"""
            import sys
            from workbench import Project
            project = Project.open({str(folder)!r})
            project.code_segment({segment}, "Treffpunkt", {CODER!r})
            print("gespeichert", flush=True)
            sys.stdin.readline()  # open, as a page's kernel stays
            project.close()
        """)
        try:
            assert kernel.stdout.readline().strip() == "gespeichert"
            with Project.open(folder) as project:  # the test's read, as stored() does it
                codings = project.codings()
            assert list(codings[codings["coder"] == CODER]["code"]) == ["Treffpunkt"]
        finally:
            kernel.communicate("\n", timeout=120)
    finally:
        held.close()
    with Project.open(tmp_path / "kopie") as copy:  # the copy is a project of its own
        assert int(copy.segments()["segment_id"].iloc[0]) == segment
        assert [c.path for c in copy.codebook()] == ["Treffpunkt"]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="/proc/self/fd (Linux)")
@pytest.mark.parametrize(
    "command",
    [["status"], ["feedback", "--json"], ["code", "--coder", "Anna", "99999", "Fehlt"]],
)
def test_a_command_run_in_process_leaves_no_database_file_open(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = card_wall(tmp_path / "karten")
    gc.disable()  # what the garbage collector would close some time later does not count
    try:
        status = main(["--project", str(folder), *command])  # the last: no such statement
        assert _open_files(folder) == []
    finally:
        gc.enable()
    assert status == (2 if command[0] == "code" else 0), capsys.readouterr().err
