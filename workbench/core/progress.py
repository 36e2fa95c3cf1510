"""Where a progress bar says something: on a terminal or in a notebook, not in a log."""

from __future__ import annotations

import sys


def progress_shown(wanted: bool = True) -> bool:
    """Whether to draw a progress bar: ``wanted`` and stderr a terminal or a Jupyter kernel.

    A bar redrawn with ``\\r`` fills a log file or a CI log with a line per update; tqdm's
    own ``disable=None`` avoids that but also hides the bar in notebooks, whose stderr is
    a kernel stream (``ipykernel.iostream.OutStream``) and no terminal.
    """
    if not wanted:
        return False
    stream = sys.stderr
    if stream is None:
        return False
    if type(stream).__module__.startswith("ipykernel."):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
