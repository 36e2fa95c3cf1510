"""A survey's response ID ("Antwort-ID" of LimeSurvey, "ResponseId" of Qualtrics) is the
statements' ID: a re-downloaded export from which the platform removed a response (spam,
a test) still adds its new rows, instead of taking every later row for a changed one.

A project that stored such an export by row numbers (before the response ID was read)
keeps growing by row numbers.
A download with an ID cell emptied by hand stops, naming the row.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from workbench import Project
from workbench.cli.main import main
from workbench.store import Document, Segment

NEED = "Was fehlt Ihnen in Ihrem Stadtteil?"
IDEAS = "Welche Ideen haben Sie für den Stadtteil?"
ANSWERS = {
    11: "Eine Bücherei in der Nähe wäre toll.",
    12: "Mehr Angebote für Familien mit Kindern.",
    13: "Bessere Beleuchtung am Bahnhof nachts.",
    14: "Ein Wochenmarkt am Samstag wäre schön.",
    15: "Mehr Sitzbänke im Park für Ältere.",
    16: "Eine sichere Querung an der Hauptstraße.",
}


def _download(
    folder: Path, header: str, ids: list[int], questions: tuple[str, ...] = (NEED,)
) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "results-survey123456.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow([header, "Datum Abgeschickt", "Start-Sprache", *questions])
        for i in ids:
            answers = [ANSWERS[i], *(f"Idee {n} von Antwort {i} für alle." for n in questions[1:])]
            out.writerow([i, f"2026-11-0{i - 10} 10:00:00", "de", *answers])
    return path


def _import(project: Project, path: Path) -> int:
    return main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])


def _as_stored_by_row_numbers(project: Project, keep_id: bool = False) -> None:
    """The project's export as an older workbench stored it: without its ID column, its
    rows by row number ("2.1", "2.2" …); ``keep_id``: the ID an attribute of each row."""
    with project.transaction() as session:
        document = session.scalars(select(Document)).one()
        document.options = {k: v for k, v in document.options.items() if k != "id_column"}
        for segment in session.scalars(select(Segment)):
            number, _, question = segment.source_id.partition(".")
            segment.source_id = f"{int(number) - 9}.{question}"
            if keep_id:
                segment.attributes = {**segment.attributes, "Antwort-ID": int(number)}


@pytest.mark.parametrize("header", ["Antwort-ID", "ResponseId"])
def test_a_download_without_a_removed_response_adds_its_new_rows(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str
) -> None:
    """Before: the rows were numbered by their place in the file; one response removed on
    the platform moved every later one up, the import stopped (exit code 2) and named the
    unchanged responses 13 and 14 as changed, advising to forget their statements."""
    assert _import(project, _download(tmp_path / "w1", header, [11, 12, 13, 14])) == 0
    assert f"Spalte '{header}' als ID erkannt." in capsys.readouterr().out
    assert _import(project, _download(tmp_path / "w2", header, [11, 13, 14, 15, 16])) == 0
    out = capsys.readouterr().out
    assert "3 Aussagen standen schon im Projekt" in out and "2 neue kamen hinzu" in out
    assert "fehlt in diesem Download (ID 12;" in out
    segments = project.segments()
    assert segments["source_id"].tolist() == ["11", "12", "13", "14", "15", "16"]
    assert segments["text"].tolist() == list(ANSWERS.values())
    assert segments["segment_id"].tolist()[:4] == [1, 2, 3, 4]  # kept their numbers


def test_a_survey_stored_by_row_numbers_grows_by_row_numbers(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An export stored before its response ID was read (IDs "2.1", "2.2" … by row) and
    downloaded again with more rows: the new rows come in, numbered as the stored ones,
    and the stored ones stay (not read as removed, nor their rows as new)."""
    questions = (NEED, IDEAS)
    assert _import(project, _download(tmp_path / "w1", "Antwort-ID", [11, 12], questions)) == 0
    _as_stored_by_row_numbers(project)
    capsys.readouterr()
    grown = _download(tmp_path / "w2", "Antwort-ID", [11, 12, 13], questions)
    assert _import(project, grown) == 0
    assert "4 Aussagen standen schon im Projekt" in capsys.readouterr().out
    segments = project.segments()
    assert sorted(segments["source_id"]) == ["2.1", "2.2", "3.1", "3.2", "4.1", "4.2"]
    assert _import(project, grown) == 0  # the same download again: nothing new
    assert len(project.segments()) == 6


@pytest.mark.parametrize("header", ["Antwort-ID", "ResponseId"])
def test_a_download_with_an_empty_response_id_stops_naming_its_row(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str
) -> None:
    """A re-download with a response removed and one ID cell emptied (edited by hand) stops
    with the row of the empty cell, and writes nothing. Before: compared by row numbers,
    the import advised to forget every stored statement ("forget --statement 1 2 3 4")."""
    assert _import(project, _download(tmp_path / "w1", header, [11, 12, 13, 14])) == 0
    path = _download(tmp_path / "w2", header, [11, 13, 14, 15])
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    rows[3][0] = ""  # response 14, in the spreadsheet's row 4

    def write() -> None:
        with path.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows)

    write()
    capsys.readouterr()
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert f"results-survey123456.csv, Zeile 4: Spalte '{header}' ist leer." in err
    assert "forget" not in err and "Traceback" not in err
    assert "zwei verschiedene Dateien gleichen Namens, nimmt --allow-duplicates beide" in err
    assert project.segments()["source_id"].tolist() == ["11", "12", "13", "14"]
    rows[3][0] = "14"  # the ID back: the new response comes in
    write()
    assert _import(project, path) == 0
    assert project.segments()["source_id"].tolist() == ["11", "12", "13", "14", "15"]


def test_rows_added_by_row_numbers_keep_their_response_id(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An export stored before its response ID was read keeps the ID as an attribute of
    each row; before, the rows a later download added by row numbers had none (a KoBo
    "_id", a LimeSurvey "Antwort-ID" lost: the new responses no longer led to the
    platform's)."""
    questions = (NEED, IDEAS)
    assert _import(project, _download(tmp_path / "w1", "Antwort-ID", [11, 12], questions)) == 0
    _as_stored_by_row_numbers(project, keep_id=True)
    grown = _download(tmp_path / "w2", "Antwort-ID", [11, 12, 13], questions)
    assert _import(project, grown) == 0
    segments = project.segments().sort_values("source_id")
    assert segments["source_id"].tolist() == ["2.1", "2.2", "3.1", "3.2", "4.1", "4.2"]
    assert [a.get("Antwort-ID") for a in segments["attributes"]] == [11, 11, 12, 12, 13, 13]
    assert _import(project, grown) == 0  # the same download again: nothing new
    assert len(project.segments()) == 6
