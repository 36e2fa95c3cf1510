"""A small project of statements in three districts with a stored need run of given
clusters (tests of scope, rescoping and district merges)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from workbench import Project
from workbench.analysis import needs
from workbench.cli.main import main

NAMES = {"M": "Manfort", "O": "Opladen", "W": "Wiesdorf"}


def need_run_project(tmp_path: Path, rows: Sequence[tuple[str, str, int]]) -> Path:
    """A project of ``rows`` (text, district letter, cluster) with a need run of those clusters."""
    folder = tmp_path / "projekt"
    assert main(["init", str(folder), "--districts", "Manfort,Opladen,Wiesdorf"]) == 0
    source = tmp_path / "aussagen.csv"
    table = [(str(k), text, NAMES[d]) for k, (text, d, _) in enumerate(rows)]
    pd.DataFrame(table, columns=["ID", "Text", "Sozialraum"]).to_csv(source, sep=";", index=False)
    args = ["--project", str(folder), "import", str(source), "--text-column", "Text"]
    assert main([*args, "--id-column", "ID", "--district-column", "Sozialraum"]) == 0
    with Project.open(folder) as project:
        segments = project.segments().sort_values("segment_id").reset_index(drop=True)
        labels = np.array([c for _, _, c in rows])
        vectors = np.random.default_rng(0).normal(size=(len(rows), 4))
        clusters = needs.describe(segments, labels, vectors, {}, 3)
        with project.transaction() as session:
            params = needs.NeedParams(segments="all")
            needs.insert_run(session, params, segments, labels, clusters, [], "test")
    return folder
