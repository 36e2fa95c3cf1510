"""A survey's response-ID column with an empty cell: a first import numbers the rows and
says so (a Decidim export's ``id`` too); a download under another name ("… (1).csv") of an
export stored by the IDs stops naming the row, as a download of the same name does.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.test_decidim_comments import PROPOSALS
from tests.test_survey_response_ids import _download, _import
from workbench import Project
from workbench.cli.main import main


def _emptied(path: Path, row: int, name: str | None = None) -> Path:
    """``path`` with the ID cell of spreadsheet ``row`` emptied (saved as ``name``)."""
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    rows[row - 1][0] = ""
    out = path.with_name(name or path.name)
    with out.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return out


def test_a_first_import_with_an_empty_response_id_says_the_rows_are_numbered(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the rows were numbered without a word; a later download with a deleted
    response then stopped, naming unchanged responses as changed."""
    path = _emptied(_download(tmp_path / "w1", "Antwort-ID", [11, 12, 13, 14]), 4)
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "Spalte 'Antwort-ID' nicht als ID gelesen: leer in Zeile 4 —" in out
    assert "als ID erkannt" not in out
    assert project.segments()["source_id"].tolist() == ["2", "3", "4", "5"]


def test_a_first_import_with_a_repeated_response_id_says_so(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _download(tmp_path / "w1", "ResponseId", [11, 12, 13])
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    rows[3][0] = rows[2][0]
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "Spalte 'ResponseId' nicht als ID gelesen: eine ID wiederholt in Zeile 4 —" in out


def test_a_renamed_download_with_an_empty_response_id_stops_naming_its_row(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: compared by row numbers, the renamed download matched no stored row and
    came in whole as a document of its own: every stored answer twice."""
    assert _import(project, _download(tmp_path / "w1", "Antwort-ID", [11, 12, 13, 14])) == 0
    later = _download(tmp_path / "w2", "Antwort-ID", [11, 13, 14, 15])
    path = _emptied(later, 5, "results-survey123456 (1).csv")  # response 15
    capsys.readouterr()
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert "results-survey123456 (1).csv, Zeile 5: Spalte 'Antwort-ID' ist leer." in err
    assert "Traceback" not in err
    assert project.segments()["source_id"].tolist() == ["11", "12", "13", "14"]


def test_another_survey_with_an_empty_response_id_comes_in_as_its_own(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another export (other answers) under another name is no download of the stored one:
    it comes in, its rows numbered, and the import says why."""
    assert _import(project, _download(tmp_path / "w1", "Antwort-ID", [11, 12, 13])) == 0
    other = _emptied(_download(tmp_path / "w2", "Antwort-ID", [14, 15, 16]), 3, "zweite.csv")
    assert _import(project, other) == 0
    assert "Spalte 'Antwort-ID' nicht als ID gelesen: leer in Zeile 3" in capsys.readouterr().out
    assert len(project.segments()) == 6


def test_a_decidim_id_with_an_empty_cell_says_the_rows_are_numbered(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the rows were numbered without a word, as KoBo's "_id" once was."""
    rows = [list(r) for r in PROPOSALS]
    rows[2][0] = ""
    path = tmp_path / "proposals.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    assert main(["--project", str(project.path), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Spalte 'id' nicht als ID gelesen: leer in Zeile 3 —" in out
    assert project.segments()["source_id"].tolist() == ["2", "3", "4"]
