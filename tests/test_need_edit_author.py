"""A participant who renames, merges or splits a need cluster: `cluster rename 0 --label …
--author "Gisela Brandhorst"`, after her statements, stored her name in clear in the edit
log (``workbench needs`` names an edit's author; ``forget --person`` left it). A name the
key or a name list holds in full is stored as her placeholder, as `recommend add --author`
does; a researcher's name stays as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import stored_text
from workbench import Project
from workbench.analysis import need_edits
from workbench.cli.main import main
from workbench.store import NeedEdit, NeedRun

PROTOCOL = """Gisela Brandhorst: Der Jugendtreff braucht längere Öffnungszeiten am Abend.

Moderation: Der Bus fährt abends selten, der Bus ist voll.

Gisela Brandhorst: Der Bus fährt nachts nie, Bus Bus.

Moderation: Der Spielplatz ist kaputt, der Spielplatz ist dreckig.

Moderation: Der Spielplatz braucht Bänke, Spielplatz Schaukel.

Moderation: Der Jugendtreff schließt um achtzehn Uhr.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A project of PROTOCOL (Gisela Brandhorst in the key) with a need run (TF-IDF)."""
    folder = tmp_path / "projekt"
    assert main(["init", str(folder), "--districts", "Manfort,Opladen"]) == 0
    source = tmp_path / "forum.md"
    source.write_text(PROTOCOL, encoding="utf-8")
    p = ["--project", str(folder)]
    assert main([*p, "import", "--district", "Manfort", "--workshop", "Forum", str(source)]) == 0
    assert main([*p, "needs", "--segments", "all", "--backend", "tfidf"]) == 0
    return folder


def _placeholder(project: Project) -> str:
    segments = project.segments()
    return str(segments.loc[segments["text"].str.contains("Öffnungszeiten"), "speaker"].item())


def _authors(project: Project) -> list[str]:
    with project.session() as session:
        return [e.author for e in session.scalars(select(NeedEdit).order_by(NeedEdit.id))]


@pytest.mark.parametrize("typed", ["Gisela Brandhorst", "gisela  brandhorst"])
def test_a_participant_as_author_of_an_edit_is_stored_as_her_placeholder(
    folder: Path, capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    p = ["--project", str(folder), "cluster"]
    assert main([*p, "rename", "0", "--label", "Jugendtreff", "--author", typed]) == 0
    assert main([*p, "merge", "1", "2", "--author", typed]) == 0
    assert main([*p, "split", "0", "--author", typed]) == 0
    with Project.open(folder) as project:
        placeholder = _placeholder(project)
        assert placeholder.startswith("[Person ")
        assert _authors(project) == [placeholder] * 3
        assert "brandhorst" not in stored_text(project).casefold()
        with project.transaction() as session:  # as a run words an edit it left out
            run = session.scalars(select(NeedRun).order_by(NeedRun.id.desc())).first()
            run.skipped_edits = [{"id": 1, "reason": "anders"}]
        [line] = need_edits.skipped_edits(project)
    assert f"von {placeholder}" in line and "Brandhorst" not in line


@pytest.mark.parametrize("author", ["kira", "Dr. Maria Forscherin", "Gisela"])
def test_a_researchers_name_as_author_of_an_edit_stays_as_typed(folder: Path, author: str) -> None:
    with Project.open(folder) as project:
        need_edits.rename_cluster(project, 0, "Jugendtreff", author=author)
        need_edits.split_cluster(project, 1, author=author)
        assert _authors(project) == [author, author]
