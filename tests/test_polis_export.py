"""A Pol.is export folder imports as its comments: the other files are named and left out.

``workbench import FOLDER`` on a Pol.is export used to stop at participants-votes.csv
("Keine Textspalte", listing 500 columns), would have imported comment-groups.csv's copy
of every comment, and put the comments of every conversation into one workshop
"comments". Now the files without statements are recognised by their columns and left
out with a notice, the comments file's text and ID columns are found, and the topic from
summary.csv names the workshop.
"""

from __future__ import annotations

import doctest
from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.ingest import table_columns

TEXTS = ["Mehr Radwege bauen", "Spam spam", "Tempo 30 in Wohngebieten", "Bus öfter takten"]


def _export(folder: Path, topic: str = "Mobilität") -> Path:
    """A Pol.is conversation export with all six files."""
    folder.mkdir(parents=True)
    pd.DataFrame(
        {
            "timestamp": [1651744336822 + i for i in range(4)],
            "datetime": ["Thu May 05 16:52:16 WIB 2022"] * 4,
            "comment-id": [0, 1, 2, 3],
            "author-id": [0, 5, 5, 7],
            "agrees": [10, 0, 4, 2],
            "disagrees": [1, 3, 0, 0],
            "moderated": [1, -1, 1, 0],
            "comment-body": TEXTS,
        }
    ).to_csv(folder / "comments.csv", index=False)
    (folder / "summary.csv").write_text(
        f"topic,{topic}\nurl,https://pol.is/abc\nviews,20\nvoters,12\nvoters-in-conv,12\n"
        'commenters,3\ncomments,4\ngroups,2\nconversation-description,"Was braucht\n'
        'die Stadt?"\n',
        encoding="utf-8",
    )
    pd.DataFrame(
        {"timestamp": [1], "datetime": ["x"], "comment-id": [0], "voter-id": [3], "vote": [1]}
    ).to_csv(folder / "votes.csv", index=False)
    votes = {"participant": [3], "xid": [""], "group-id": [0], "n-comments": [0], "n-votes": [4]}
    votes |= {"n-agree": [3], "n-disagree": [1]} | {str(i): [1] for i in range(4)}
    pd.DataFrame(votes).to_csv(folder / "participants-votes.csv", index=False)
    pd.DataFrame(
        {"comment-id": [0, 2], "comment": [TEXTS[0], TEXTS[2]], "total-votes": [11, 4]}
    ).to_csv(folder / "comment-groups.csv", index=False)
    pd.DataFrame({"timestamp": [1], "votes": [4], "comments": [4], "visitors": [20]}).to_csv(
        folder / "stats-history.csv", index=False
    )
    return folder


def _import(project: Project, *args: str) -> int:
    return main(["--project", str(project.path), "import", *args])


def test_a_whole_export_folder_imports_its_comments_under_the_topic(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _export(tmp_path / "austria-climate.abc")
    assert _import(project, str(folder)) == 0
    out = capsys.readouterr().out
    assert "comments.csv: 3 Aussagen importiert" in out
    assert "Pol.is-Kommentare erkannt: Text aus 'comment-body', ID aus 'comment-id'." in out
    assert "Thema des Pol.is-Gesprächs (summary.csv): 'Mobilität'" in out
    assert (
        "Pol.is-Export: comment-groups.csv (Stimmen je Meinungsgruppe), participants-votes.csv "
        "(Abstimmungen je Person), stats-history.csv (Verlauf der Beteiligung), summary.csv "
        "(Zusammenfassung), votes.csv (einzelne Stimmen) enthalten keine Beiträge, nicht "
        "importiert." in out
    )
    segments = project.segments()
    assert segments["text"].tolist() == [TEXTS[0], TEXTS[2], TEXTS[3]]  # no copies, no spam
    assert segments["source_id"].tolist() == ["0", "2", "3"]
    assert set(segments["workshop"]) == {"Mobilität"}


def test_two_conversations_become_two_workshops_and_workshop_wins(
    project: Project, tmp_path: Path
) -> None:
    one, two = _export(tmp_path / "a", "Energie"), _export(tmp_path / "b", "Wohnen")
    (two / "comments.csv").write_text(
        (two / "comments.csv").read_text(encoding="utf-8").replace("Radwege", "Wohnungen"),
        encoding="utf-8",
    )
    assert _import(project, str(one), str(two)) == 0
    assert sorted(set(project.segments()["workshop"])) == ["Energie", "Wohnen"]
    three = _export(tmp_path / "c", "Ernährung")
    (three / "comments.csv").write_text(
        (three / "comments.csv").read_text(encoding="utf-8").replace("Radwege", "Gärten"),
        encoding="utf-8",
    )
    assert _import(project, str(three), "--workshop", "Klimarat") == 0
    assert "Klimarat" in set(project.segments()["workshop"])
    assert "Ernährung" not in set(project.segments()["workshop"])


def test_a_comments_file_without_summary_keeps_its_file_name_as_workshop(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _export(tmp_path / "x")
    (folder / "summary.csv").unlink()
    assert _import(project, str(folder / "comments.csv")) == 0
    assert "Thema des Pol.is-Gesprächs" not in capsys.readouterr().out
    assert set(project.segments()["workshop"]) == {"comments"}


@pytest.mark.parametrize(
    "name, kind",
    [
        ("votes.csv", "einzelne Stimmen"),
        ("participants-votes.csv", "Abstimmungen je Person"),
        ("summary.csv", "Zusammenfassung"),
    ],
)
def test_a_file_without_statements_given_by_name_says_where_they_are(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, kind: str
) -> None:
    folder = _export(tmp_path / "x")
    assert _import(project, str(folder / name)) == 2
    err = capsys.readouterr().err
    assert f"Pol.is-Export ({kind}), enthält keine Beiträge" in err and "comments.csv" in err
    assert project.status()["documents"] == 0


def test_a_folder_of_only_vote_files_is_refused(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _export(tmp_path / "x")
    (folder / "comments.csv").unlink()
    assert _import(project, str(folder)) == 2
    assert "nur Dateien eines Pol.is-Exports ohne Beiträge" in capsys.readouterr().err


def test_ordinary_tables_in_a_folder_are_not_taken_for_pol_is_files(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "karten"
    folder.mkdir()
    (folder / "thema.csv").write_text("topic,Text\nVerkehr,Mehr Radwege\n", encoding="utf-8")
    pd.DataFrame({"Text": ["Mehr Bänke"], "votes": [3], "comments": [1]}).to_csv(
        folder / "karten.csv", index=False
    )
    assert _import(project, str(folder)) == 0
    assert "Pol.is" not in capsys.readouterr().out
    assert sorted(project.segments()["text"]) == ["Mehr Bänke", "Mehr Radwege"]


def test_an_error_lists_at_most_thirty_columns(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "breit.csv"
    pd.DataFrame({f"F{i}": [1] for i in range(200)}).to_csv(path, index=False)
    assert _import(project, str(path)) == 2
    err = capsys.readouterr().err
    assert "F0, F1," in err and "F29 … und 170 weitere" in err and "F30," not in err


def test_doctests() -> None:
    assert doctest.testmod(table_columns).failed == 0


def test_a_summary_saved_again_by_german_excel_still_names_the_workshop(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """German Excel saves summary.csv in Windows-1252 with ";": the topic became
    "Mobilit�t in B�rgerh�usern" (read as UTF-8 with replacement), or with ";" no topic."""
    folder = _export(tmp_path / "x")
    (folder / "summary.csv").write_bytes(
        (
            "topic;Mobilität in Bürgerhäusern\r\nurl;https://pol.is/abc\r\nviews;20\r\n"
            'voters;12\r\ncomments;4\r\nconversation-description;"Was braucht\r\ndie Stadt?"\r\n'
        ).encode("cp1252")
    )
    assert _import(project, str(folder)) == 0
    assert "(summary.csv): 'Mobilität in Bürgerhäusern'" in capsys.readouterr().out
    assert set(project.segments()["workshop"]) == {"Mobilität in Bürgerhäusern"}
