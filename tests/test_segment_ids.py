"""A statement's id is never given twice, also after ``forget`` of the newest ones on
SQLite (workbench/store/segment_ids.py)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main


def _import(folder: Path, name: str, rows: dict[str, str]) -> None:
    """Import ``rows`` (source id → text) as the table ``name``."""
    source = folder.parent / name
    frame = pd.DataFrame({"ID": list(rows), "Text": list(rows.values())})
    frame.to_csv(source, sep=";", index=False)
    args = ["--project", str(folder), "import", str(source), "--text-column", "Text"]
    assert main([*args, "--id-column", "ID"]) == 0


def test_a_forgotten_statements_id_is_not_given_to_the_next_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After forget of the newest statement the next import got its id: the erasure log
    named an existing statement, and `forget --statement` repeated from it erased that."""
    folder = tmp_path / "projekt"
    assert main(["init", str(folder)]) == 0
    _import(folder, "a.csv", {"1": "Erste Karte.", "2": "Zweite Karte.", "3": "Dritte Karte."})
    with Project.open(folder) as project:
        first, _, newest = project.segments()["segment_id"].tolist()
    assert main(["--project", str(folder), "forget", "--statement", str(newest)]) == 0
    _import(folder, "b.csv", {"7": "Neue Karte.", "8": "Noch eine Karte."})
    with Project.open(folder) as project:
        ids = project.segments()["segment_id"].tolist()
    assert len(ids) == 4 and len(set(ids)) == 4 and newest not in ids
    assert min(ids[2:]) > newest  # numbered after every erased statement
    capsys.readouterr()
    assert main(["--project", str(folder), "forget", "--statement", str(newest)]) == 2
    assert f"Aussage {newest} gibt es nicht" in capsys.readouterr().err
    with Project.open(folder) as project:
        assert len(project.segments()) == 4  # nothing erased by the repeated request
        assert project.segments()["segment_id"].iloc[0] == first
