"""`forget --person` and a person as author: a participant who wrote a memo, or whose
recommendation or need cluster edit an earlier release stored with her name as typed,
kept her name there after her key entry went — `memos list`, `recommend list` showed it,
and the next pseudonymised REFI-QDA export named her in clear (``<Users>``). Her full name
as author is replaced by her placeholder; a colleague's name stays
(workbench/store/erasure_authors.py)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import forum_project, segment_with, stored_text
from workbench import Project
from workbench.analysis.suggest import accept_suggestion
from workbench.cli.main import main
from workbench.store import Coding, Memo, NeedEdit, Recommendation
from workbench.synthesis import recommendations as rec

PROTOCOL = """Gisela Brandhorst: Der Jugendtreff braucht längere Öffnungszeiten am Abend.

Moderation: Der Bus fährt abends selten, der Bus ist voll.

Gisela Brandhorst: Der Spielplatz ist kaputt.
"""


def _authors(project: Project) -> list[str]:
    with project.session() as session:
        return [
            record.author
            for model in (Memo, Recommendation, NeedEdit)
            for record in session.scalars(select(model).order_by(model.id))
        ]


@pytest.mark.parametrize(
    "request_", [["--person", "Gisela Brandhorst"], ["--speaker", "[Person 1]"]]
)
def test_a_forgotten_person_as_author_becomes_her_placeholder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], request_: list[str]
) -> None:
    folder, p = forum_project(tmp_path, PROTOCOL)
    other = segment_with(folder, "Bus")
    assert (
        main([*p, "memo", "Wichtig.", "--author", "Gisela Brandhorst", "--segment", str(other)])
        == 0
    )
    assert main([*p, "memo", "Prüfen.", "--author", "Dr. Maria Forscherin"]) == 0
    with Project.open(folder) as project:
        rec.add_recommendation(project, "Mehr Bänke", "Manfort", author="Forschungsteam")
        rec.add_recommendation(project, "Mehr Licht", "Manfort")
        with project.transaction() as session:  # as an earlier release stored them
            session.scalars(select(Recommendation)).all()[1].author = "gisela  Brandhorst"
            payload = {"members": [other], "label": "Bus"}
            session.add(NeedEdit(op="rename", payload=payload, author="Gisela Brandhorst"))
    capsys.readouterr()
    assert main([*p, "forget", *request_]) == 0
    out = capsys.readouterr().out
    assert "3  Memos, Empfehlungen und Änderungen an Bedarfsclustern, deren Autor*in" in out
    assert "Brandhorst" not in out
    assert "?coder=" not in out and "App Kodieren" not in out  # she coded nothing: no note
    with Project.open(folder) as project:
        assert _authors(project) == [
            "[Person 1]", "Dr. Maria Forscherin", "Forschungsteam", "[Person 1]", "[Person 1]"
        ]  # fmt: skip
        assert "brandhorst" not in stored_text(project).casefold()
    assert main([*p, "export", str(tmp_path / "nachher.qdpx")]) == 0
    with zipfile.ZipFile(tmp_path / "nachher.qdpx") as qdpx:
        xml = qdpx.read("project.qde").decode("utf-8")
    assert "Brandhorst" not in xml and 'name="Dr. Maria Forscherin"' in xml


def test_a_forgotten_participant_who_coded_becomes_her_placeholder_as_coder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Her codings (a co-researcher) and coding steps go to her placeholder: the next
    pseudonymised export named her in clear once the key no longer knew her."""
    folder, p = forum_project(tmp_path, PROTOCOL)
    other = segment_with(folder, "Bus")
    assert main([*p, "codebook", "add", "Bedarf"]) == 0
    for coder in ("Gisela Brandhorst", "kira"):
        assert main([*p, "code", str(other), "Bedarf", "--coder", coder]) == 0
    capsys.readouterr()
    assert main([*p, "forget", "--person", "Gisela Brandhorst", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "würden unter ihren Platzhalter gestellt. Links zur App Kodieren" in out
    assert main([*p, "forget", "--person", "Gisela Brandhorst"]) == 0
    out = capsys.readouterr().out
    assert "1  Kodierende, deren Name an ihren Kodierungen" in out and "Brandhorst" not in out
    # her old link (bookmark, e-mail) would bring the name back: replace it, without naming it
    note = next(line for line in out.splitlines() if "?coder=" in line)
    assert "Links zur App Kodieren, die diese Person als Kodierer*in nennen" in note
    assert "Lesezeichen" in note and "?coder=KÜRZEL" in note and "[Person" not in note
    with Project.open(folder) as project:
        assert sorted(project.codings()["coder"]) == ["[Person 1]", "kira"]
        assert "brandhorst" not in stored_text(project).casefold()
    assert main([*p, "undo", "--coder", "[Person 1]"]) == 0  # her step went with her codings
    assert main([*p, "export", str(tmp_path / "nachher.qdpx")]) == 0
    with zipfile.ZipFile(tmp_path / "nachher.qdpx") as qdpx:
        assert "Brandhorst" not in qdpx.read("project.qde").decode("utf-8")


def test_a_forgotten_participant_who_accepted_a_suggestion_leaves_no_name(
    tmp_path: Path,
) -> None:
    """A coding she accepted as a suggestion (app `kodieren`) also names her as the one who
    accepted it, in the coding and in its step: that name stayed in the database."""
    folder, p = forum_project(tmp_path, PROTOCOL)
    assert main([*p, "codebook", "add", "Bedarf"]) == 0
    other = segment_with(folder, "Bus")
    with Project.open(folder) as project:
        accept_suggestion(project, other, "Bedarf", "Gisela Brandhorst")
    assert main([*p, "forget", "--person", "Gisela Brandhorst"]) == 0
    with Project.open(folder) as project:
        assert list(project.codings()["coder"]) == ["[Person 1]"]
        assert "brandhorst" not in stored_text(project).casefold()
        with project.session() as session:
            assert session.scalars(select(Coding.accepted_by)).all() == ["[Person 1]"]
    assert main([*p, "undo", "--coder", "[Person 1]"]) == 0
    with Project.open(folder) as project:
        assert project.codings().empty
        assert "brandhorst" not in stored_text(project).casefold()
