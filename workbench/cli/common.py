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


def database_reason(err: Exception) -> str | None:
    """The database errors a user meets (locked, read-only, not to be opened) as a German
    sentence; ``None`` for any other (a bug, shown as such)."""
    text = str(getattr(err, "orig", err)).lower()
    if "database is locked" in text:
        return (
            "Das Projekt ist gerade von einem anderen Prozess gesperrt (ein Import oder eine "
            "App schreibt); bitte gleich noch einmal versuchen."
        )
    if "readonly database" in text or "read-only" in text:
        return (
            "Die Projektdatenbank ist schreibgeschützt: Schreibrechte für die Datei und ihren "
            "Ordner fehlen."
        )
    if "unable to open database file" in text:
        return "Die Projektdatenbank lässt sich nicht öffnen (Ordner oder Rechte fehlen)."
    return None
