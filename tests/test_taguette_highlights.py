"""Taguette's highlight export (CSV and Excel: "id", "document", "tag", "content", one row
per highlight and tag) read as a list of coded segments."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from workbench import Project
from workbench.cli.main import main

HEADER = ["id", "document", "tag", "content"]
ROWS = [
    ["3", "Interview Jürgen Wieczorek.docx", "wohnen", "Die Mieten steigen, sagt Frau Özdemir."],
    ["3", "Interview Jürgen Wieczorek.docx", "bedarf", "Die Mieten steigen, sagt Frau Özdemir."],
    ["7", "Interview Jürgen Wieczorek.docx", "treffpunkt", "Der Jugendtreff ist zu klein."],
    ["9", "Forum Manfort", "", "Wir brauchen mehr Bänke im Park."],
]


def _csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def _xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "highlights"
    for row in [HEADER, *ROWS]:
        book.active.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_taguette_highlights_are_statements_with_their_tags_as_codes(
    project: Project, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A highlight with two tags is one statement with two codes, not two statements
    with the tag as an attribute; its number is the statement's ID; names are replaced."""
    path = tmp_path / f"all_tags.{kind}"
    path = _csv(path, HEADER, ROWS) if kind == "csv" else _xlsx(path)
    argv = ["--project", str(project.path), "import", str(path), "--coder", "Taguette"]
    assert main(argv) == 0
    assert "Spalte 'tag' als Codes erkannt" in capsys.readouterr().out
    segments = project.segments().sort_values("source_id")
    assert segments["source_id"].tolist() == ["3", "7", "9"]
    assert segments["text"].tolist()[0] == "Die Mieten steigen, sagt [Person 1]."
    assert all("tag" not in a for a in segments["attributes"])
    assert "Wieczorek" not in str(segments["attributes"].tolist())
    codings = project.codings()
    assert sorted(zip(codings["source_id"], codings["code"], strict=True)) == [
        ("3", "bedarf"),
        ("3", "wohnen"),
        ("7", "treffpunkt"),
    ]


def test_taguette_tags_without_coder_stop_before_anything_is_stored(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tags are codes and need a coder: exit 2 with a German message, nothing imported."""
    path = _csv(tmp_path / "all_tags.csv", HEADER, ROWS)
    assert main(["--project", str(project.path), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Taguette" in err and "--coder NAME" in err and "Traceback" not in err
    assert project.segments().empty


def test_a_table_that_only_resembles_taguettes_keeps_its_tag_an_attribute(
    project: Project, tmp_path: Path
) -> None:
    """Another header ("title" instead of "document") is no Taguette export."""
    rows = [["1", "Forum", "wohnen", "Die Mieten steigen."], ["2", "Forum", "park", "Schön."]]
    path = _csv(tmp_path / "liste.csv", ["id", "title", "tag", "content"], rows)
    assert main(["--project", str(project.path), "import", str(path), "--coder", "A"]) == 0
    assert project.codings().empty
    assert [a.get("tag") for a in project.segments()["attributes"]] == ["wohnen", "park"]
