"""A table without ID column that lists its newest rows first, downloaded again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_export_growth import WISHES, _import
from workbench import Project


def _newest_first(path: Path, rows: int) -> Path:
    """A survey export of ``rows`` answers without ID column, the newest first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"2026-12-{i + 1:02d},{WISHES[i]}" for i in reversed(range(rows))]
    path.write_text("\n".join(["Datum,Beitrag", *lines]) + "\n", encoding="utf-8")
    return path


def test_a_table_listing_newest_first_says_why_and_how_to_add_the_new_rows(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The next download of a survey without ID column that lists newest first was
    refused as a corrected version, with the advice to forget every stored statement
    (their codings with them). It names the cause (no ID column, newest first, the stored
    rows two rows lower) and a way that keeps them: the top rows as a file of their own."""
    assert _import(project, _newest_first(tmp_path / "a" / "umfrage.csv", 3)) == 0
    capsys.readouterr()
    assert _import(project, _newest_first(tmp_path / "b" / "umfrage.csv", 5)) == 2
    err = capsys.readouterr().err
    assert "keine ID-Spalte und listet die neuesten Zeilen zuerst" in err
    assert "2 Zeilen tiefer" in err and "nur die obersten 2 Zeilen" in err
    assert "forget" not in err and "Traceback" not in err
    assert len(project.segments()) == 3
    top = (tmp_path / "b" / "umfrage.csv").read_text(encoding="utf-8").splitlines()[:3]
    (tmp_path / "umfrage_neu.csv").write_text("\n".join(top) + "\n", encoding="utf-8")
    assert _import(project, tmp_path / "umfrage_neu.csv") == 0
    assert sorted(project.segments()["text"]) == sorted(WISHES[:5])
