"""``workbench memos list|edit|delete`` (workbench/cli/memos.py, workbench/coding/memos.py):
a researcher changes or removes a memo, and a person only its old text named leaves the
pseudonym key (an export had put them there)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from workbench import Project
from workbench.cli.main import main
from workbench.store import Pseudonym

PROTOCOL = """---
workshop: Werkstatt Manfort
district: Manfort
date: 2025-05-20
---

## Was fehlt?

- Abends fährt kein Bus mehr vom Bahnhof in die Siedlung, sagt Herr Kowalczyk.
"""


def _originals(project: Project) -> str:
    with project.session() as session:
        return " ".join(session.scalars(select(Pseudonym.original)))


def test_a_memo_is_listed_edited_and_deleted_and_its_names_leave_the_key(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "werkstatt.md"
    source.write_text(PROTOCOL, encoding="utf-8")
    p = ["--project", str(project.path)]
    assert main([*p, "import", str(source)]) == 0
    assert main([*p, "memo", "--author", "Team", "Rückfrage bei Jürgen Wieczorek."]) == 0
    assert main([*p, "memo", "--author", "Team", "Herr Kowalczyk und Frau Hinz fragen."]) == 0
    assert main([*p, "export", "--format", "qdpx", str(tmp_path / "a.qdpx")]) == 0
    assert "Wieczorek" in _originals(project) and "Hinz" in _originals(project)
    first, second = project.memos()["memo_id"].tolist()
    capsys.readouterr()

    assert main([*p, "memos", "list"]) == 0
    listed = capsys.readouterr().out
    assert f"{first}  Projekt, Team: Rückfrage bei Jürgen Wieczorek." in listed

    assert main([*p, "memos", "edit", str(first), "Rückfrage beim Bauamt."]) == 0
    out = capsys.readouterr().out
    assert out == (
        f"Memo {first} geändert; aus dem Pseudonymschlüssel entfernt: 1 Person, "
        "die nur dieses Memo nannte.\n"
    )
    assert project.memos()["text"].tolist()[0] == "Rückfrage beim Bauamt."
    assert "Wieczorek" not in _originals(project)

    assert main([*p, "memos", "delete", str(second)]) == 0
    assert "Hinz" not in capsys.readouterr().out
    assert project.memos()["memo_id"].tolist() == [first]
    originals = _originals(project)
    assert "Hinz" not in originals
    assert "Kowalczyk" in originals  # the statement still names him


def test_memos_refuses_an_unknown_memo_and_an_empty_text(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    p = ["--project", str(project.path)]
    assert main([*p, "memo", "--author", "Team", "Eine Notiz."]) == 0
    [memo] = project.memos()["memo_id"].tolist()
    capsys.readouterr()
    assert main([*p, "memos", "delete", str(memo + 5)]) == 2
    assert f"Memo {memo + 5} gibt es nicht" in capsys.readouterr().err
    assert main([*p, "memos", "edit", str(memo), "  "]) == 2
    err = capsys.readouterr().err
    assert "Das Memo ist leer" in err and "Traceback" not in err
    assert project.memos()["text"].tolist() == ["Eine Notiz."]


def test_the_memo_of_a_resolved_disagreement_is_not_deleted(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "werkstatt.md"
    source.write_text(PROTOCOL, encoding="utf-8")
    project.import_files([source])
    project.add_code("Bedarf")
    project.add_code("Ressource")
    [segment] = project.segments()["segment_id"].tolist()
    project.code_segment(segment, "Bedarf", coder="A")
    project.code_segment(segment, "Ressource", coder="B")
    memo = project.resolve_disagreement(segment, "Bedarf", "Team", "Ist ein Bedarf.")
    capsys.readouterr()
    assert main(["--project", str(project.path), "memos", "delete", str(memo)]) == 2
    assert "Klärung einer Abweichung" in capsys.readouterr().err
    assert project.memos()["memo_id"].tolist() == [memo]
