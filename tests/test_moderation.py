"""Contributions a platform's moderation rejected are not statements unless asked for.

A Pol.is export lists every comment with ``moderated`` (-1 rejected, 0 not yet moderated,
1 accepted); in the Klimarat conversations half were rejected. Imported as they were, they
became statements and the needs analysis clustered what the moderation had filtered out
(benchmarks: NMI 0.292 on the accepted comments, 0.197 with the rejected ones). Now a column
whose header says moderation and whose values are all moderation decisions leaves the
rejected rows out, the import says how many, and ``--include-rejected`` keeps them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main

TEXTS = [
    "Mehr Radwege zwischen den Stadtteilen",
    "KAUFT JETZT BILLIGE UHREN",
    "Ein Treffpunkt für Jugendliche am Abend",
    "Mehr Radwege zwischen den Stadtteilen!!",
    "Bessere Busverbindungen nach Köln",
]


def _polis(path: Path, moderated: list[int] | None = None) -> Path:
    """A Pol.is comments.csv: one comment rejected as spam, one as a duplicate."""
    pd.DataFrame(
        {
            "timestamp": [1651744336822 + i for i in range(5)],
            "datetime": ["Thu May 05 16:52:16 WIB 2022"] * 5,
            "comment-id": [101, 102, 103, 104, 105],
            "author-id": [0, 7, 3, 9, 4],
            "agrees": [29, 0, 12, 1, 8],
            "disagrees": [4, 9, 1, 0, 2],
            "moderated": moderated or [1, -1, 0, -1, 1],
            "comment-body": TEXTS,
        }
    ).to_csv(path, index=False)
    return path


def _import(project: Project, *args: str) -> int:
    return main(["--project", str(project.path), "import", *args])


POLIS = ["--text-column", "comment-body", "--id-column", "comment-id"]


def test_rejected_pol_is_comments_are_left_out_and_counted(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _polis(tmp_path / "comments.csv")
    assert _import(project, str(path), *POLIS) == 0
    out = capsys.readouterr().out
    assert "comments.csv: 3 Aussagen importiert" in out
    assert (
        "2 Zeilen von der Moderation abgelehnt (Spalte 'moderated'): nicht übernommen. "
        "Wer sie mit auswerten will, importiert die Datei mit --include-rejected." in out
    )
    segments = project.segments()
    assert segments["source_id"].tolist() == ["101", "103", "105"]
    assert "UHREN" not in " ".join(segments["text"])
    # not yet moderated (0) is kept; the decision stays an attribute of the statements
    assert [a["moderated"] for a in segments["attributes"]] == [1, 0, 1]


def test_include_rejected_keeps_them_and_says_so(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _polis(tmp_path / "comments.csv")
    assert _import(project, str(path), *POLIS, "--include-rejected") == 0
    out = capsys.readouterr().out
    assert "comments.csv: 5 Aussagen importiert" in out
    assert "2 Zeilen von der Moderation abgelehnt (Spalte 'moderated'): mit übernommen" in out
    segments = project.segments()
    assert [a["moderated"] for a in segments["attributes"]] == [1, -1, 0, -1, 1]


def test_a_table_only_of_rejected_rows_stops_and_names_the_column_and_flag(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _polis(tmp_path / "comments.csv", moderated=[-1] * 5)
    assert _import(project, str(path), *POLIS) == 2
    err = capsys.readouterr().err
    assert "Alle Zeilen mit Text hat die Moderation abgelehnt (Spalte 'moderated')" in err
    assert "--include-rejected" in err and "Traceback" not in err
    assert project.status()["segments"] == 0 and project.status()["documents"] == 0


def test_a_german_moderation_status_in_a_workbook_is_read(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "beitraege.xlsx"
    pd.DataFrame(
        {
            "Beitrag": TEXTS,
            "Moderationsstatus": ["Freigegeben", "Abgelehnt", "ungeprüft", "gelöscht", ""],
        }
    ).to_excel(path, index=False)
    assert _import(project, str(path)) == 0
    assert "2 Zeilen von der Moderation abgelehnt (Spalte 'Moderationsstatus')" in (
        capsys.readouterr().out
    )
    assert project.segments()["text"].tolist() == [TEXTS[0], TEXTS[2], TEXTS[4]]


def test_numbers_from_a_spreadsheet_count_as_decisions(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "comments.xlsx"
    pd.DataFrame({"comment-body": TEXTS, "moderated": [1.0, -1.0, 0.0, -1.0, 1.0]}).to_excel(
        path, index=False
    )
    assert _import(project, str(path)) == 0
    assert project.segments()["text"].tolist() == [TEXTS[0], TEXTS[2], TEXTS[4]]


def test_a_pol_is_json_export_is_filtered_the_same_way(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "comments.json"
    rows = [
        {"tid": i, "txt": t, "moderated": m}
        for i, (t, m) in enumerate(zip(TEXTS, [1, -1, 1, 1, -1], strict=True))
    ]
    path.write_text(json.dumps(rows), encoding="utf-8")
    assert _import(project, str(path), "--text-column", "txt", "--id-column", "tid") == 0
    assert project.segments()["source_id"].tolist() == ["0", "2", "3"]


@pytest.mark.parametrize(
    "header, values",
    [
        # the council's answer to a proposal, not a moderation
        ("Status", ["angenommen", "abgelehnt", "in Prüfung", "abgelehnt", "umgesetzt"]),
        # the moderators' names or their reply: not decisions
        ("Moderation", ["Frau Brandt", "abgelehnt", "", "", ""]),
        ("Moderation", ["Danke, wir prüfen das.", "abgelehnt", "", "", ""]),
        # a decision the import does not know: nothing is guessed
        ("moderated", ["1", "-1", "vielleicht", "1", "1"]),
    ],
)
def test_other_columns_leave_every_row_in(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str, values
) -> None:
    path = tmp_path / "vorschlaege.csv"
    pd.DataFrame({"Beitrag": TEXTS, header: values}).to_csv(path, index=False)
    assert _import(project, str(path)) == 0
    assert "von der Moderation abgelehnt" not in capsys.readouterr().out
    assert project.status()["segments"] == 5


def test_include_rejected_is_refused_for_a_refi_qda_project(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "projekt.qdpx"
    path.write_bytes(b"")
    assert _import(project, str(path), "--include-rejected") == 2
    assert "--include-rejected" in capsys.readouterr().err
