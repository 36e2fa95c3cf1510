"""The ``workbench`` command: one subcommand per pipeline stage, thin over the stages."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command (:func:`workbench.cli.main.main`); Ctrl-C while it loads ends quietly.

    Loading the stages (pandas, SQLAlchemy, …) takes a second or two, before the command's
    own handler can catch an interrupt: Ctrl-C then showed a traceback.
    """
    try:
        run = importlib.import_module("workbench.cli.main").main
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return 130
    finally:  # importing the submodule bound its name here: `main` stays this function
        globals()["main"] = _ENTRY
    return run(argv)


_ENTRY = main


__all__ = ["main"]
