"""``workbench … | head``: a reader that stops early ends the command as it ends a Unix tool.

Before, a command whose output waited in the pipe's buffer (every short list: status,
districts, codebook list, recommend list, --help …) ended with "Exception ignored in:
<_io.TextIOWrapper name='<stdout>'> BrokenPipeError" on stderr and status 120, a long one
(an export to /dev/stdout) with status 1, the status of `recommend check`'s broken chains.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.common import EXIT_PIPE

ROOT = Path(__file__).resolve().parent.parent

COMMANDS = [
    ["status"],
    ["districts"],
    ["codebook", "list"],
    ["coders"],
    ["recommend", "list"],
    ["recommend", "check"],
    ["memos", "list"],
    ["export", "--format", "csv", "/dev/stdout"],
    ["recommend", "export", "-"],
    ["--help"],
]


def closed_early(project: Path, command: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Run ``workbench --project PROJECT COMMAND`` with its reader gone before it writes."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # as users run it
    env["PYTHONPATH"] = str(ROOT)
    process = subprocess.Popen(
        [sys.executable, "-m", "workbench", "--project", str(project), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None
    process.stdout.close()  # `| head -0`: the pipe is closed while the command still loads
    _, err = process.communicate(timeout=180)
    return subprocess.CompletedProcess(process.args, process.returncode, b"", err)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_closed_pipe_ends_quietly_with_the_sigpipe_status(
    demo_project: Project, command: list[str]
) -> None:
    result = closed_early(demo_project.path, command)
    assert result.stderr.decode() == ""  # no traceback, no "Exception ignored"
    assert result.returncode == EXIT_PIPE == 141  # as a shell reports `seq 99999 | head -1`


def test_an_open_pipe_gets_everything_and_status_zero(demo_project: Project) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--project", str(demo_project.path), "districts"],
        capture_output=True,
        env=env,
        timeout=180,
    )
    assert result.returncode == 0 and result.stderr == b""
    assert "Manfort" in result.stdout.decode()


def test_an_error_after_a_closed_pipe_keeps_its_message(tmp_path: Path) -> None:
    """The reader's end does not hide an error of the user's: it is said on stderr."""
    result = closed_early(tmp_path / "gibt-es-nicht", ["status"])
    assert result.returncode == 2
    assert "Fehler:" in result.stderr.decode() and "Traceback" not in result.stderr.decode()
