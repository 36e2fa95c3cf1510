"""Where a progress bar says something: on a terminal or in a notebook, not in a log."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")


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


MANY_STATEMENTS = 1000  # an import of fewer is done in seconds: no bar


def statement_bar(items: Sequence[T], desc: str) -> Iterable[T]:
    """``items`` (one per statement) with a progress bar when there are many and a bar is
    shown (:func:`progress_shown`): a survey of 30,000 rows takes minutes to pseudonymise."""
    if len(items) < MANY_STATEMENTS or not progress_shown():
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit=" Aussagen")
