"""An export whose statements were all erased, downloaded again: the erased rows stay out."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.test_export_growth import WISHES, _documents, _import, _polis
from workbench import Project
from workbench.cli.main import main
from workbench.store import Document


@pytest.mark.backends
def test_an_export_forgotten_whole_keeps_its_rows_out_of_the_next_download(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every statement of a Pol.is export erased (workbench forget): the next week's
    download, still listing them, imported them all again — the erasure undone. They stay
    out; only the comments new on the platform come in, to the same document."""
    assert _import(project, _polis(tmp_path / "a" / "comments.csv", 5)) == 0
    ids = [str(i) for i in project.segments()["segment_id"]]
    assert main(["--project", str(project.path), "forget", "--statement", *ids]) == 0
    capsys.readouterr()
    week = _polis(tmp_path / "b" / "comments.csv", 5)  # votes counted since: other bytes
    week.write_text(week.read_text().replace(",3,1,1,", ",5,2,1,"), encoding="utf-8")
    assert _import(project, week) == 0
    out = capsys.readouterr().out
    assert "nichts Neues — 5 Zeilen, die gelöscht wurden (workbench forget)" in out
    assert project.segments().empty
    assert _import(project, _polis(tmp_path / "c" / "comments.csv", 7)) == 0
    out = capsys.readouterr().out
    assert "früheren Aussagen sind alle im Projekt gelöscht, 2 neue kamen hinzu" in out
    assert sorted(project.segments()["text"]) == sorted(WISHES[5:7])
    (document,) = _documents(project)
    assert sorted(document.options["erased_rows"]) == ["0", "1", "2", "3", "4"]


def test_another_file_of_the_name_is_no_download_of_a_forgotten_export(
    project: Project, tmp_path: Path
) -> None:
    """A file of the same name that holds none of the erased rows is another file: it
    comes in whole, as its own document."""
    assert _import(project, _polis(tmp_path / "a" / "comments.csv", 3)) == 0
    ids = [str(i) for i in project.segments()["segment_id"]]
    assert main(["--project", str(project.path), "forget", "--statement", *ids]) == 0
    other = _polis(tmp_path / "b" / "comments.csv", 6, {i: WISHES[i + 6] for i in range(6)})
    assert _import(project, other) == 0
    assert sorted(project.segments()["text"]) == sorted(WISHES[6:12])
    with project.session() as session:
        assert len(session.scalars(select(Document)).all()) == 2


def test_an_export_forgotten_whole_keeps_its_rows_out_of_a_dated_download(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same under dated names ("polis_2026-12-01.csv", then "…-08.csv"): the erased
    comments came back in a document of their own."""
    assert _import(project, _polis(tmp_path / "polis_2026-12-01.csv", 5)) == 0
    ids = [str(i) for i in project.segments()["segment_id"]]
    assert main(["--project", str(project.path), "forget", "--statement", *ids]) == 0
    capsys.readouterr()
    assert _import(project, _polis(tmp_path / "polis_2026-12-08.csv", 7)) == 0
    assert "gespeichert unter 'polis_2026-12-01.csv'" in capsys.readouterr().out
    assert sorted(project.segments()["text"]) == sorted(WISHES[5:7])
    assert len(_documents(project)) == 1


@pytest.mark.backends
def test_another_file_sharing_a_short_erased_answer_comes_in_whole(
    project: Project, tmp_path: Path
) -> None:
    """A survey "umfrage.csv" whose answers were all erased, then another group's
    "umfrage.csv" whose first answer is also "Ja": that one short row made it the same
    export, its "Ja" stayed out as erased and its other answers went into the emptied
    document. "Ja" tells nothing: the file comes in whole, as its own document."""
    first = tmp_path / "a" / "umfrage.csv"
    first.parent.mkdir()
    first.write_text("Antwort\nJa\nNein\nMehr Grün\n", encoding="utf-8")
    assert _import(project, first) == 0
    ids = [str(i) for i in project.segments()["segment_id"]]
    assert main(["--project", str(project.path), "forget", "--statement", *ids]) == 0
    other = tmp_path / "b" / "umfrage.csv"
    other.parent.mkdir()
    answers = ["Ja", "Der Bus fährt zu selten", "Ein Jugendtreff fehlt"]
    other.write_text("Antwort\n" + "\n".join(answers) + "\n", encoding="utf-8")
    assert _import(project, other) == 0
    assert sorted(project.segments()["text"]) == sorted(answers)
    assert len(_documents(project)) == 2
