"""What every subcommand shares: opening the project and the exit code for expected errors."""

from __future__ import annotations

import argparse
import os

from workbench.core.domain import WorkbenchError
from workbench.project import Project

EXIT_ERROR = 2


def open_project(args: argparse.Namespace) -> Project:
    """Open the project from ``--project`` or ``WORKBENCH_PROJECT``."""
    path = args.project or os.environ.get("WORKBENCH_PROJECT")
    if not path:
        raise WorkbenchError("Kein Projekt angegeben: --project DIR oder WORKBENCH_PROJECT setzen.")
    return Project.open(path)
