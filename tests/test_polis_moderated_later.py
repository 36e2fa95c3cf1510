"""A Pol.is comment the moderation rejected after an earlier download was imported: the next
download holds it with ``moderated`` = -1. It stays stored with its codings (coded work is
never lost silently), and the notice says the moderation rejected it, not that it is gone."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main

COMMENTS = [
    "Mehr Radwege in der Innenstadt bauen.",
    "Gemeinschaftsgärten im Quartier fördern.",
    "Der Bus soll abends öfter fahren.",
    "Solaranlagen auf alle Schuldächer setzen.",
    "Bäume in jeder Straße pflanzen.",
    "Carsharing am Stadtrand ausbauen.",
]
HEADER = ["timestamp", "comment-id", "author-id", "agrees", "disagrees", "moderated"]


def _download(folder: Path, count: int, rejected: set[int] = frozenset()) -> Path:
    """A conversation's export folder with its first ``count`` comments."""
    folder.mkdir()
    with open(folder / "comments.csv", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow([*HEADER, "comment-body"])
        for i, text in enumerate(COMMENTS[:count], start=1):
            out.writerow([1651824402645 + i, i, 100 + i, 3, 1, -1 if i in rejected else 1, text])
    summary = "topic,Mobilität\nurl,https://pol.is/abc123\nviews,10\n"
    (folder / "summary.csv").write_text(summary, encoding="utf-8")
    return folder


def _import(project: Project, folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["--project", str(project.path), "import", str(folder)]) == 0
    return " ".join(capsys.readouterr().out.split())


def test_a_comment_rejected_since_stays_coded_and_is_named_as_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = Project.create(tmp_path / "projekt")
    _import(project, _download(tmp_path / "d1", 4), capsys)
    project.add_code("Bedarf")
    third = int(project.segments().set_index("source_id").loc["3", "segment_id"])
    project.code_segment(third, "Bedarf", "anna")
    said = _import(project, _download(tmp_path / "d2", 6, rejected={3}), capsys)
    assert "2 neue kamen hinzu" in said
    assert "1 gespeicherte Zeile hat die Moderation seit dem früheren Download abgelehnt" in said
    assert "(ID 3; moderated = -1)" in said
    assert "fehlt in diesem Download" not in said  # it is in the download, hidden
    assert sorted(project.segments()["source_id"], key=int) == ["1", "2", "3", "4", "5", "6"]
    assert list(project.codings()["segment_id"]) == [third]


def test_a_comment_missing_from_the_download_is_still_named_as_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A comment left out of the download (not rejected) is named as before, and one
    rejected beside it is named apart."""
    project = Project.create(tmp_path / "projekt")
    _import(project, _download(tmp_path / "d1", 4), capsys)
    later = _download(tmp_path / "d2", 6, rejected={2})
    rows = (later / "comments.csv").read_text(encoding="utf-8").splitlines()
    kept = [r for r in rows if not r.startswith("1651824402649,")]  # comment 4 deleted
    (later / "comments.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    said = _import(project, later, capsys)
    assert "1 gespeicherte Zeile fehlt in diesem Download (ID 4;" in said
    assert "abgelehnt (ID 2; moderated = -1)" in said


def test_a_row_rejected_since_names_the_files_own_moderation_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another tool's export writes 'abgelehnt' in 'Moderationsstatus': the notice named
    Pol.is' 'moderated = -1', a column and value the file does not have."""
    project = Project.create(tmp_path / "projekt")

    def export(name: str, rejected: set[int]) -> Path:
        path = tmp_path / name
        with open(path, "w", newline="", encoding="utf-8") as f:
            out = csv.writer(f, delimiter=";")
            out.writerow(["Beitrags-ID", "Beitrag", "Moderationsstatus"])
            for i, text in enumerate(COMMENTS[:5], start=1):
                out.writerow([i, text, "abgelehnt" if i in rejected else "freigegeben"])
        return path

    _import(project, export("beitraege.csv", set()), capsys)
    (tmp_path / "beitraege.csv").unlink()
    said = _import(project, export("beitraege.csv", {3}), capsys)
    assert "abgelehnt (ID 3; Spalte 'Moderationsstatus') und bleibt im Projekt" in said
    assert "moderated" not in said
    assert sorted(project.segments()["source_id"], key=int) == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize(
    "ids", [["11", "12", "13"], ["Q3_1", "Q3_2", "Q3_3"], ["11.1", "11.2", "11.3"]]
)
def test_a_survey_row_rejected_since_is_named_so_not_missing(
    tmp_path: Path, ids: list[str]
) -> None:
    """A survey of two questions stores row 12's answers as "12.1" and "12.2"; when a later
    download's moderation rejects row 12, the notice said both "fehlen in diesem Download
    (… entfernt?)" — the import had looked the answers up under the row's ID."""
    head = "Antwort-ID;Moderation;Was fehlt Ihnen?;Was gefällt Ihnen?"
    answers = [
        "Es fehlen Treffpunkte für Jugendliche.;Die Nachbarschaft hält zusammen.",
        "Der Bus fährt abends zu selten.;Der Markt am Samstag ist schön.",
        "Mehr Bänke im Park wären schön.;Viel Grün am Rhein.",
    ]
    project = Project.create(tmp_path / "p")
    for folder, rejected in (("d1", ""), ("d2", ids[1])):
        path = tmp_path / folder / "export.csv"
        path.parent.mkdir()
        decided = ["abgelehnt" if i == rejected else "freigegeben" for i in ids]
        rows = [";".join(r) for r in zip(ids, decided, answers, strict=True)]
        path.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
        results = project.import_files([path], workshop="Beteiligung")
    notice = " ".join(n for r in results for n in r.notices)
    assert f"(ID {ids[1]}.1, {ids[1]}.2; Spalte 'Moderation')" in notice
    assert "seit dem früheren Download abgelehnt" in notice
    assert "fehlen in diesem Download" not in notice
    assert len(project.segments()) == 6  # they stay, with their codings


@pytest.mark.parametrize(("questions", "named"), [(2, "ID 3.1, 3.2"), (1, "ID 3;")])
def test_a_row_rejected_since_in_a_table_without_ids_is_named_so(
    tmp_path: Path, questions: int, named: str
) -> None:
    """A table without an ID column keeps its rows' numbers as IDs; when a later download's
    moderation rejects the second row (file row 3), the notice said its statements were
    missing from the download (removed on the platform?): only an ID column's values were
    noted as rejected."""
    head = ["Moderation", "Was fehlt Ihnen?", "Was gefällt Ihnen?"][: questions + 1]
    answers = [
        ["Es fehlen Treffpunkte für Jugendliche.", "Die Nachbarschaft hält zusammen."],
        ["Der Bus fährt abends zu selten.", "Der Markt am Samstag ist schön."],
        ["Mehr Bänke im Park wären schön.", "Viel Grün am Rhein."],
    ]
    project = Project.create(tmp_path / "p")
    for folder, rejected in (("d1", -1), ("d2", 1)):
        path = tmp_path / folder / "export.csv"
        path.parent.mkdir()
        rows = [
            ";".join(["abgelehnt" if i == rejected else "freigegeben", *texts[:questions]])
            for i, texts in enumerate(answers)
        ]
        path.write_text("\n".join([";".join(head), *rows]) + "\n", encoding="utf-8")
        results = project.import_files([path], workshop="Beteiligung")
    notice = " ".join(n for r in results for n in r.notices)
    assert f"seit dem früheren Download abgelehnt ({named}" in notice
    assert "fehlen in diesem Download" not in notice and "fehlt in diesem" not in notice
    assert len(project.segments()) == 3 * questions  # they stay, with their codings
