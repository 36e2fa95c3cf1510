"""Google Forms and Nextcloud Forms give their responses no ID: a re-download after a
response was deleted in the form matches the stored rows by their submission time
("Zeitstempel", "Timestamp", Nextcloud's older "Datum") instead of their row numbers;
responses of one second that lost or gained one stop the import, naming the rows.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest import form_timestamps

NEED, LIKE = "Was fehlt Ihnen in Ihrem Stadtteil?", "Was gefällt Ihnen besonders?"
ANSWERS = {
    1: ("Eine Bücherei in der Nähe wäre toll.", "Der Park am Fluss."),
    2: ("Mehr Angebote für Familien mit Kindern.", "Die netten Nachbarn."),
    3: ("Bessere Beleuchtung am Bahnhof nachts.", "Der Wochenmarkt."),
    4: ("Ein Wochenmarkt am Samstag wäre schön.", "Die Grundschule."),
    5: ("Mehr Sitzbänke im Park für Ältere.", "Das Stadtteilfest."),
    6: ("Sichere Radwege zur Schule.", "Die Bibliothek."),
}
GOOGLE = (["Zeitstempel", NEED, LIKE], [])
GOOGLE_EN = (["Timestamp", NEED, LIKE], [])
NEXTCLOUD = (["Benutzer-ID", "Benutzer-Anzeigename", "Zeitstempel", NEED, LIKE], ["", ""])
NEXTCLOUD_OLD = (["Benutzer-Anzeigename", "Datum", NEED, LIKE], ["Anonymer Benutzer"])
FORMS = {"google": GOOGLE, "google_en": GOOGLE_EN, "nextcloud": NEXTCLOUD, "old": NEXTCLOUD_OLD}


def _download(folder: Path, form: str, ids: list[int], same: dict[int, int] | None = None) -> Path:
    """A form's download of responses ``ids`` (response ``i`` submitted in the same second
    as ``same[i]``)."""
    header, user = FORMS[form]
    folder.mkdir(exist_ok=True)
    path = folder / "Stadtteilumfrage (Antworten).csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for i in ids:
            second = (same or {}).get(i, i)
            writer.writerow([*user, f"06.11.2026 10:{second:02d}:17", *ANSWERS[i]])
    return path


def _import(project: Project, path: Path) -> int:
    return main(["--project", str(project.path), "import", str(path), "--district", "Manfort"])


def _stored(project: Project) -> list[tuple[int, str, str]]:
    segments = project.segments().sort_values("segment_id")
    columns = (segments["segment_id"], segments["source_id"], segments["text"])
    return [(int(k), str(s), str(t)) for k, s, t in zip(*columns, strict=True)]


def test_the_examples_in_the_docstrings_hold() -> None:
    import doctest

    assert doctest.testmod(form_timestamps).failed == 0


@pytest.mark.parametrize("form", FORMS)
def test_a_download_without_a_deleted_response_adds_its_new_rows(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    """Before: compared by row numbers, responses 3 and 4 (moved up a row) counted as
    changed; the import stopped (exit code 2) advising to forget unchanged statements."""
    assert _import(project, _download(tmp_path / "w1", form, [1, 2, 3, 4])) == 0
    before = _stored(project)
    capsys.readouterr()
    assert _import(project, _download(tmp_path / "w2", form, [1, 3, 4, 5, 6])) == 0
    out = capsys.readouterr().out
    assert "6 Aussagen standen schon im Projekt" in out and "4 neue kamen hinzu" in out
    column = "Datum" if form == "old" else "Timestamp" if form == "google_en" else "Zeitstempel"
    assert f"(ID 3.1, 3.2 = {column} 06.11.2026 10:02:17; auf der Plattform entfernt?)" in out
    after = _stored(project)
    assert after[:8] == before  # kept their numbers, IDs and texts
    assert [(s, t) for _, s, t in after[8:]] == [
        ("6.1", ANSWERS[5][0]),
        ("7.1", ANSWERS[6][0]),
        ("6.2", ANSWERS[5][1]),
        ("7.2", ANSWERS[6][1]),
    ]
    assert _import(project, _download(tmp_path / "w3", form, [1, 3, 4, 5, 6])) == 0  # again
    assert _stored(project) == after


def test_reordered_and_again_adds_nothing_twice(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A download sorted newest first, then the same again: each response once."""
    assert _import(project, _download(tmp_path / "w1", "google", [1, 2, 3])) == 0
    assert _import(project, _download(tmp_path / "w2", "google", [5, 4, 3, 2, 1])) == 0
    assert _import(project, _download(tmp_path / "w3", "google", [1, 2, 3, 4, 5])) == 0
    texts = [t for _, _, t in _stored(project)]
    assert sorted(texts) == sorted(t for i in range(1, 6) for t in ANSWERS[i])
    assert "Manfort" in set(project.segments()["district"])  # the stored rows' Sozialraum


def test_an_edited_answer_of_the_same_time_is_named_as_changed(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(project, _download(tmp_path / "w1", "google", [1, 2, 3, 4])) == 0
    path = _download(tmp_path / "w2", "google", [1, 3, 4])
    path.write_text(path.read_text(encoding="utf-8").replace("Wochenmarkt.", "Markt."), "utf-8")
    capsys.readouterr()
    assert _import(project, path) == 2
    assert "1 Zeile der früheren ist geändert (ID 4.2)" in capsys.readouterr().err
    assert len(project.segments()) == 8


def test_responses_of_one_second_matched_in_order_or_named(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Responses 2 and 3 in the same second: matched in order while both are there; one of
    them deleted, the rows cannot be told apart: nothing imported, the rows named."""
    same = {3: 2}
    assert _import(project, _download(tmp_path / "w1", "google", [1, 2, 3, 4], same)) == 0
    assert _import(project, _download(tmp_path / "w2", "google", [2, 3, 4, 5], same)) == 0
    assert len(project.segments()) == 10
    capsys.readouterr()
    assert _import(project, _download(tmp_path / "w3", "google", [1, 3, 4, 5, 6], same)) == 2
    err = capsys.readouterr().err
    assert "Datei Stadtteilumfrage (Antworten).csv, Zeile 3: Spalte 'Zeitstempel': 1 Antwort" in err
    assert (
        "dem Zeitstempel '06.11.2026 10:02:17', im Projekt 2." in err and "Nichts importiert" in err
    )
    assert "Traceback" not in err and len(project.segments()) == 10


def test_a_hand_made_table_with_a_date_column_is_compared_by_row_numbers(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Datum" without Nextcloud's user columns is a card's date, no submission time."""
    folder = tmp_path / "w1"
    folder.mkdir()
    path = folder / "karten.csv"
    rows = [["Text", "Datum"], *([ANSWERS[i][0], "06.11.2026"] for i in (1, 2, 3))]
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    assert _import(project, path) == 0
    del rows[2]
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    capsys.readouterr()
    assert _import(project, path) == 2  # as before: row 3 changed
    assert "ist geändert (ID 3)" in capsys.readouterr().err


def test_a_response_edited_after_submission_stops_the_import(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Google Forms gives an edited response a new time in its old row. Before: read as
    response 2 deleted and a new one, its unchanged answer "Die netten Nachbarn." was
    added a second time (exit 0, 12 statements)."""
    assert _import(project, _download(tmp_path / "w1", "google", [1, 2, 3, 4])) == 0
    before = _stored(project)
    path = _download(tmp_path / "w2", "google", [1, 2, 3, 4, 5])
    text = path.read_text(encoding="utf-8")
    edited = text.replace(
        "10:02:17,Mehr Angebote für Familien mit Kindern.", "10:30:17,Mehr Kitas."
    )
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert "Datei Stadtteilumfrage (Antworten).csv, Zeile 3: Spalte 'Zeitstempel'" in err
    assert "'06.11.2026 10:30:17' steht nicht im Projekt" in err
    assert "gespeicherten Zeile 3 (Zeitstempel '06.11.2026 10:02:17')" in err
    assert "(Zeilen-ID 3.1, 3.2)" in err and "Nichts importiert" in err
    assert "Traceback" not in err and _stored(project) == before


def test_a_time_column_reformatted_by_a_spreadsheet_program_compares_by_row_numbers(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Saved by a spreadsheet program, "06.11.2026 10:02:17" reads "2026-11-06 10:02:17":
    no stored time is in the file. Before: every row seemed new, the import stopped
    advising to forget all 8 stored statements (and their codings) and import again."""
    assert _import(project, _download(tmp_path / "w1", "google", [1, 2, 3, 4])) == 0
    before = _stored(project)
    path = _download(tmp_path / "w2", "google", [1, 2, 3, 4, 5])
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    iso = [lines[0]] + [f"2026-11-06 10:{line[14:16]}:17{line[19:]}" for line in lines[1:]]
    path.write_text("".join(iso), encoding="utf-8")
    capsys.readouterr()
    assert _import(project, path) == 0
    assert "8 Aussagen standen schon im Projekt" in capsys.readouterr().out
    after = _stored(project)
    assert after[:8] == before
    assert [(s, t) for _, s, t in after[8:]] == [("6.1", ANSWERS[5][0]), ("6.2", ANSWERS[5][1])]
