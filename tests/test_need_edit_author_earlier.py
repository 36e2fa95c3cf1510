"""Need clusters' edits whose author an earlier release stored as typed.

Since session 35 a participant who renames, merges or splits a need cluster (`cluster
rename 0 --author "Gisela Brandhorst"`, her full name in the key) is stored as her
placeholder; an edit stored before kept her name in clear (``workbench needs`` names an
edit's author), and only `forget --person` removed it: `recommend pseudonymise` and the
hint of `upgrade` covered recommendations only. Both cover the edits now; a researcher's
name stays as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.store import NeedEdit

PROTOCOL = """Gisela Brandhorst: Der Jugendtreff braucht längere Öffnungszeiten am Abend.

Moderation: Der Bus fährt abends selten, der Bus ist voll.

Gisela Brandhorst: Der Spielplatz ist kaputt, der Spielplatz ist dreckig.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Her protocol and three edits of the need clusters: the second's author as an
    earlier release stored it (her name as typed), the others' researchers'."""
    folder, source = tmp_path / "projekt", tmp_path / "forum.md"
    source.write_text(PROTOCOL, encoding="utf-8")
    assert main(["init", str(folder), "--districts", "Manfort"]) == 0
    p = ["--project", str(folder)]
    assert main([*p, "import", "--district", "Manfort", "--workshop", "Forum", str(source)]) == 0
    with Project.open(folder) as project, project.transaction() as session:
        for author in ("Dr. Maria Forscherin", "Gisela  Brandhorst", "Gisela"):
            payload = {"members": [1], "label": "Jugendtreff"}
            session.add(NeedEdit(op="rename", payload=payload, author=author))
    return folder


def _authors(folder: Path) -> list[str]:
    with Project.open(folder) as project, project.session() as session:
        return [e.author for e in session.scalars(select(NeedEdit).order_by(NeedEdit.id))]


def test_recommend_pseudonymise_stores_a_participant_as_edit_author_as_her_placeholder(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--project", str(folder), "recommend", "pseudonymise"]
    capsys.readouterr()
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 Änderung(en) an Bedarfsclustern" in out and "(Nummer 2)" in out
    assert "Brandhorst" not in out and "Empfehlung(en)" not in out
    assert _authors(folder) == ["Dr. Maria Forscherin", "Gisela  Brandhorst", "Gisela"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "1 Änderung(en) an Bedarfsclustern pseudonymisiert" in out and "Brandhorst" not in out
    with Project.open(folder) as project:
        placeholder = project.pseudonym_key().set_index("original")["placeholder"][
            "Gisela Brandhorst"
        ]
        assert "brandhorst" not in stored_text(project).casefold()
    assert placeholder.startswith("[Person ")
    assert _authors(folder) == ["Dr. Maria Forscherin", placeholder, "Gisela"]
    assert main(args) == 0  # once is enough
    assert "schon pseudonymisiert" in capsys.readouterr().out


def test_upgrade_names_an_edit_with_its_author_in_clear(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--project", str(folder), "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "Hinweis: 1 Änderung(en) an Bedarfsclustern (Nummer 2)" in out
    assert "recommend pseudonymise" in out and "Brandhorst" not in out
