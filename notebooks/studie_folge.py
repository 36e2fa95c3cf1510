"""Helpers of the follow-up study (08_monitoring): one section of a rendered document, and
recommendations that follow their evidence into a new need run. Re-exported by ``studie``."""

from __future__ import annotations

import re

import pandas as pd

from workbench import Project
from workbench.core.domain import WorkbenchError


def html_section(document: str, anchor: str) -> str:
    """The part of a rendered HTML document from the heading with id ``anchor`` up to the
    next heading of the same or a higher level (to show one section of a long document).

    >>> html_section('<h2 id="a">A</h2><p>x</p><h3 id="b">B</h3><p>y</p><h2 id="c">C</h2>', "a")
    '<h2 id="a">A</h2><p>x</p><h3 id="b">B</h3><p>y</p>'
    """
    start = re.search(rf'<h([1-6]) id="{re.escape(anchor)}">', document)
    if start is None:
        raise WorkbenchError(f"Kein Abschnitt mit der Kennung '{anchor}'.")
    level = int(start.group(1))
    end = re.compile(rf"<h[1-{level}][ >]").search(document, start.end())
    return document[start.start() : end.start() if end else len(document)]


def relink_needs(project: Project) -> pd.DataFrame:
    """Let the recommendations follow their evidence into the latest need run.

    Every need link is replaced: each recommendation is linked to the clusters of the
    latest run that now hold its evidence (as :func:`add_recommendations` links a new one),
    so no link points to a cluster the run no longer has. Returns the provenance check:
    empty when every chain is complete.
    """
    from workbench.synthesis.recommendations import follow_evidence

    return follow_evidence(project)
