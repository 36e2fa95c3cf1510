"""Ctrl-C while ``workbench`` starts ends it with one German line, never a traceback.

Loading the stages (pandas, SQLAlchemy, the store) takes a second or two. The command's
own handler catches an interrupt only once it runs: before, Ctrl-C in that time showed a
KeyboardInterrupt traceback of whatever module was being imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the console script does (pyproject: workbench = "workbench.cli:main"), with Ctrl-C
# pressed while the project's modules load (an import hook raises it at that moment).
START = """
import sys

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, CtrlC())
from workbench.cli import main
sys.exit(main(["status"]))
"""


def start_interrupted(module: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """Run the command's start with Ctrl-C while ``module`` is imported."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", START.format(module=module)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_ctrl_c_while_the_command_loads_ends_quietly(tmp_path: Path) -> None:
    for module in ("workbench.project", "workbench.core.domain", "sqlalchemy", "pandas"):
        result = start_interrupted(module, tmp_path)
        assert result.stderr == "Abgebrochen.\n", (module, result.stderr[-2000:])
        assert result.returncode == 130
        assert result.stdout == ""


def test_the_command_still_runs_and_its_names_still_import(tmp_path: Path) -> None:
    code = (
        "import workbench.cli as cli\n"
        "from workbench import InputError, Project, WorkbenchError\n"
        "entry = cli.main\n"
        "code = cli.main(['status'])\n"  # no project in tmp_path: a German error, status 2
        "from workbench.cli import main\n"
        "print(code, main is entry, Project.__name__, issubclass(InputError, WorkbenchError))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.stdout.strip().splitlines()[-1] == "2 True Project True", result.stderr
