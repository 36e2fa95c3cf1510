"""What every subcommand shares: opening the project and the exit code for expected errors."""

from __future__ import annotations

import argparse
import os

from workbench.core.domain import WorkbenchError
from workbench.project import Project
from workbench.store.problems import database_problem

EXIT_ERROR = 2


def open_project(args: argparse.Namespace) -> Project:
    """Open the project from ``--project`` or ``WORKBENCH_PROJECT``."""
    path = args.project or os.environ.get("WORKBENCH_PROJECT")
    if not path:
        raise WorkbenchError("Kein Projekt angegeben: --project DIR oder WORKBENCH_PROJECT setzen.")
    return Project.open(path)


def database_reason(err: Exception) -> str | None:
    """The database errors a user meets (locked, read-only, no password, server not
    reachable, …) as a German sentence; ``None`` for any other (a bug, shown as such)."""
    return database_problem(err)
