"""A KoBoToolbox export stored by row numbers (before its "_id" was read as the row ID),
each stored row keeping its "_id" as an attribute: a download without a deleted
submission matches the stored rows by that "_id" and adds its new ones. KoBo's "_index"
(the row's place in the download) is no count to refresh.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.test_forms_response_ids import ANSWERS, NEED, _import, _kobo
from workbench import Project
from workbench.cli.main import main
from workbench.store import Document, Segment


def _as_stored_by_row_numbers(project: Project) -> None:
    """The export as an older workbench stored it: rows by their number in the file (the
    first submission in row 2), each with its "_id" as an attribute."""
    with project.transaction() as session:
        document = session.scalars(select(Document)).one()
        document.options = {k: v for k, v in document.options.items() if k != "id_column"}
        for segment in session.scalars(select(Segment)):
            submission = int(segment.source_id)
            segment.source_id = str(submission - 40000 + 1)
            segment.attributes = {**segment.attributes, "_id": submission}


def _stored(project: Project) -> list[tuple[str, int, str]]:
    segments = project.segments().sort_values("segment_id")
    columns = (segments["source_id"], segments["attributes"], segments["text"])
    return [(s, a["_id"], t) for s, a, t in zip(*columns, strict=True)]


def test_a_kobo_export_stored_by_row_numbers_grows_after_a_deleted_submission(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: compared by row numbers, submission 40003 (now in row 3, where 40002 was)
    counted as changed and the import stopped, advising to forget unchanged statements."""
    assert _import(project, _kobo(tmp_path / "w1", [1, 2, 3])) == 0
    _as_stored_by_row_numbers(project)
    capsys.readouterr()
    assert _import(project, _kobo(tmp_path / "w2", [1, 3, 4, 5])) == 0
    out = capsys.readouterr().out
    assert "2 Aussagen standen schon im Projekt" in out and "2 neue kamen hinzu" in out
    assert "fehlt in diesem Download (ID 3 = _id 40002;" in out  # the project's and KoBo's
    assert "Zahlen" not in out  # "_index" moved up with each row: no count
    assert _stored(project) == [
        ("2", 40001, ANSWERS[1]),
        ("3", 40002, ANSWERS[2]),
        ("4", 40003, ANSWERS[3]),
        ("5", 40004, ANSWERS[4]),
        ("6", 40005, ANSWERS[5]),
    ]
    assert _import(project, _kobo(tmp_path / "w3", [1, 3, 4, 5])) == 0  # again: nothing new
    assert len(project.segments()) == 5


def test_a_submission_erased_in_the_project_stays_out(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stored row the team erased (workbench forget) has no "_id" left in the project:
    the download's row of its text takes its number and stays out, the new one comes in."""
    assert _import(project, _kobo(tmp_path / "w1", [1, 2, 3])) == 0
    _as_stored_by_row_numbers(project)
    erased = project.segments().set_index("source_id").loc["4", "segment_id"]
    assert main(["--project", str(project.path), "forget", "--statement", str(erased)]) == 0
    capsys.readouterr()
    assert _import(project, _kobo(tmp_path / "w2", [1, 3, 4])) == 0
    out = capsys.readouterr().out
    assert "1 neue kam hinzu" in out and "bleibt gelöscht" in out
    assert [(s, i) for s, i, _ in _stored(project)] == [("2", 40001), ("3", 40002), ("5", 40004)]


def test_kobo_index_is_no_count_to_refresh(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Stored by "_id": before, a deleted submission moved "_index" of every later one,
    and the import said it had brought their "counts" up to date."""
    assert _import(project, _kobo(tmp_path / "w1", [1, 2, 3])) == 0
    assert _import(project, _kobo(tmp_path / "w2", [1, 3, 4])) == 0
    assert "Zahlen" not in capsys.readouterr().out
    segments = project.segments()
    indexes = dict(zip(segments["source_id"], segments["attributes"], strict=True))
    assert indexes["40003"]["_index"] == 3  # as stored from the first download


def _kobo_rows(folder: Path, rows: list[tuple[int, str]]) -> Path:
    """A KoBoToolbox download of ``rows`` (submission number, answer) in this order."""
    folder.mkdir(exist_ok=True)
    lines = [f"start;{NEED};_id;_uuid;_submission_time;_index"]
    lines += [
        f"2026-11-0{i}T10:00:00.000+01:00;{text};{40000 + i};3f1c2a9e-{i:04d}-4a8b-9c0d;"
        f"2026-11-0{i}T09:05:31;{n}"
        for n, (i, text) in enumerate(rows, start=1)
    ]
    path = folder / "Stadtteilbefragung_-_all_versions_-_labels_-_2026-11-06.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_erased_submission_stays_out_beside_a_new_one_of_the_same_text(
    project: Project, tmp_path: Path
) -> None:
    """Submission 40003 ("Nichts.") erased in the project (withdrawn consent), a new one
    of the same words listed first (newest first): before, the new one took the erased
    row's number and stayed out, and the erased submission came back."""
    first = [(1, ANSWERS[1]), (2, ANSWERS[2]), (3, "Nichts."), (4, ANSWERS[4])]
    assert _import(project, _kobo_rows(tmp_path / "w1", first)) == 0
    _as_stored_by_row_numbers(project)
    erased = project.segments().set_index("source_id").loc["4", "segment_id"]
    assert main(["--project", str(project.path), "forget", "--statement", str(erased)]) == 0
    assert _import(project, _kobo_rows(tmp_path / "w2", [(6, "Nichts."), *first[::-1]])) == 0
    assert [(s, i) for s, i, _ in _stored(project)] == [
        ("2", 40001),
        ("3", 40002),
        ("5", 40004),
        ("6", 40006),
    ]
