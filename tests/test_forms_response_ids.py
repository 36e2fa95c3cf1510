"""Microsoft Forms' response number ("ID" beside "Startzeit", "Fertigstellungszeit") is
the statements' ID: a re-downloaded export from which a response was deleted still adds
its new rows; so do SoSci Survey's "CASE", KoBoToolbox's "_id" and ODK Central's "KEY". A
bare "ID" in another table stays an attribute.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from workbench import Project
from workbench.cli.main import main

NEED = "Was fehlt Ihnen in Ihrem Stadtteil?"
ANSWERS = {
    1: "Eine Bücherei in der Nähe wäre toll.",
    2: "Mehr Angebote für Familien mit Kindern.",
    3: "Bessere Beleuchtung am Bahnhof nachts.",
    4: "Ein Wochenmarkt am Samstag wäre schön.",
    5: "Mehr Sitzbänke im Park für Ältere.",
}
GERMAN = ["ID", "Startzeit", "Fertigstellungszeit", "E-Mail", "Name", NEED]
ENGLISH = ["ID", "Start time", "Completion time", "Email", "Name", NEED]


def _download(folder: Path, header: list[str], ids: list[int]) -> Path:
    folder.mkdir(exist_ok=True)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for i in ids:
        when = f"11/{i}/26 10:00:00"
        cells = [i, when, when, "anonymous", ""][: len(header) - 1]  # the form's columns
        sheet.append([*cells, ANSWERS[i]])
    path = folder / "Stadtteilumfrage(1-4).xlsx"
    book.save(path)
    return path


def _import(project: Project, path: Path) -> int:
    return main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])


def _redownloaded(
    project: Project,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    column: str,
    make: Callable[[Path, list[int]], Path],
) -> str:
    """Import a tool's download of responses 1-3 (``make(folder, ids)``; ``column``
    detected as the ID), then one without response 2 and with 4 and 5; what it said."""
    assert _import(project, make(tmp_path / "w1", [1, 2, 3])) == 0
    assert f"Spalte '{column}' als ID erkannt." in capsys.readouterr().out
    assert _import(project, make(tmp_path / "w2", [1, 3, 4, 5])) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("header", [GERMAN, ENGLISH])
def test_a_forms_download_without_a_deleted_response_adds_its_new_rows(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], header: list[str]
) -> None:
    """Before: the rows were numbered by their place in the file; a response deleted in
    Microsoft Forms moved every later one up, the import stopped (exit code 2) and named
    the unchanged responses as changed, advising to forget their statements."""
    out = _redownloaded(project, tmp_path, capsys, "ID", lambda f, ids: _download(f, header, ids))
    assert "2 Aussagen standen schon im Projekt" in out and "2 neue kamen hinzu" in out
    assert "fehlt in diesem Download (ID 2;" in out
    segments = project.segments()
    assert segments["source_id"].tolist() == ["1", "2", "3", "4", "5"]
    assert segments["text"].tolist() == list(ANSWERS.values())
    assert segments["segment_id"].tolist()[:3] == [1, 2, 3]  # kept their numbers


def test_a_bare_id_column_of_another_table_stays_an_attribute(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hand-made table's "ID" (without the form's times) is no row ID: rows by number."""
    header = ["ID", "Datum", NEED]
    assert _import(project, _download(tmp_path / "w1", header, [1, 2, 3])) == 0
    assert "als ID erkannt" not in capsys.readouterr().out
    segments = project.segments()
    assert segments["source_id"].tolist() == ["2", "3", "4"]
    assert all("ID" in a for a in segments["attributes"])


def _sosci(folder: Path, cases: list[int]) -> Path:
    folder.mkdir(exist_ok=True)
    lines = [
        "CASE\tSERIAL\tREF\tQUESTNNR\tMODE\tSTARTED\tOF01_01",
        "Interview-Nummer (fortlaufend)\tSeriennummer\tReferenz\tFragebogen\tModus\tBeginn\t"
        f"{NEED}: [01]",
        *(f"{100 + i}\t\t\tbase\tinterview\t2026-11-0{i} 10:00\t{ANSWERS[i]}" for i in cases),
    ]
    path = folder / "rdata_stadtteil.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_sosci_download_without_a_deleted_case_adds_its_new_rows(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: SoSci Survey's CASE (the interview's number, kept when another is deleted)
    was an attribute; one deleted case stopped the next download's import."""
    assert "2 neue kamen hinzu" in _redownloaded(project, tmp_path, capsys, "CASE", _sosci)
    segments = project.segments()
    assert segments["source_id"].tolist() == ["101", "102", "103", "104", "105"]
    assert segments["text"].tolist() == list(ANSWERS.values())


def _kobo(folder: Path, ids: list[int]) -> Path:
    folder.mkdir(exist_ok=True)
    lines = [f"start;{NEED};_id;_uuid;_submission_time;_status;__version__;_index"]
    lines += [
        f"2026-11-0{i}T10:00:00.000+01:00;{ANSWERS[i]};{40000 + i};"
        f"3f1c2a9e-{i:04d}-4a8b-9c0d-123456789abc;2026-11-0{i}T09:05:31;"
        f"submitted_via_web;vAbCdEf;{n}"
        for n, i in enumerate(ids, start=1)
    ]
    path = folder / "Stadtteilbefragung_-_all_versions_-_labels_-_2026-11-06.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_kobo_download_without_a_deleted_submission_adds_its_new_rows(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: KoBoToolbox's "_id" (the submission's number, kept when another is deleted)
    was an attribute; one deleted submission stopped the next download's import, naming
    unchanged submissions as changed and advising to forget their statements."""
    out = _redownloaded(project, tmp_path, capsys, "_id", _kobo)
    assert "2 neue kamen hinzu" in out and "fehlt in diesem Download (ID 40002;" in out
    segments = project.segments()
    assert segments["source_id"].tolist() == ["40001", "40002", "40003", "40004", "40005"]
    assert segments["text"].tolist() == list(ANSWERS.values())


def _odk(folder: Path, ids: list[int]) -> Path:
    folder.mkdir(exist_ok=True)
    lines = [f"SubmissionDate,sozialraum,{NEED},meta-instanceID,KEY,SubmitterID,ReviewState"]
    lines += [
        f"2026-11-0{i}T09:05:31.000Z,Manfort,{ANSWERS[i]},uuid:3f1c2a9e-{i:04d},"
        f"uuid:3f1c2a9e-{i:04d},7,"
        for i in ids
    ]
    path = folder / "Stadtteilbefragung.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_odk_central_download_without_a_deleted_submission_adds_its_new_rows(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: ODK Central's "KEY" (the submission's instance ID, kept when another is
    deleted) was an attribute; one deleted submission stopped the next download's import,
    naming unchanged submissions as changed and advising to forget their statements."""
    out = _redownloaded(project, tmp_path, capsys, "KEY", _odk)
    assert "2 neue kamen hinzu" in out and "(ID uuid:3f1c2a9e-0002;" in out
    segments = project.segments()
    assert segments["source_id"].tolist() == [f"uuid:3f1c2a9e-{i:04d}" for i in range(1, 6)]
    assert segments["text"].tolist() == list(ANSWERS.values())
