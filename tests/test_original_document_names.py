"""A document stored under a pseudonymised name is found by the name it had before import.

A participant asks for their interview to be deleted; the researcher knows the file as
"Interview_Anna_Schmidt.txt", the project stores it as "Interview_[Person 1].txt". The
right to erasure (``forget --document``) and the coding-CSV import accept either name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import InputError


def _import_interview(project: Project, tmp_path: Path) -> tuple[str, str]:
    interview = tmp_path / "Interview_Anna_Schmidt.txt"
    interview.write_text(
        "Anna Schmidt: Der Spielplatz ist zu klein.\n\nAnna Schmidt: Es fehlen Bänke.\n",
        encoding="utf-8",
    )
    other = tmp_path / "Workshop Manfort.txt"
    other.write_text("Es fehlt ein Treffpunkt.\n\nDer Bus fährt zu selten.\n", encoding="utf-8")
    assert main(["--project", str(project.path), "import", str(interview), str(other)]) == 0
    segments = project.segments()
    stored = next(d for d in set(segments["document"]) if d.startswith("Interview"))
    assert "Schmidt" not in stored
    source = segments[segments["document"] == stored]["source_id"].iloc[0]
    # the other file has a statement with the same source ID: --document is needed
    assert source in set(segments[segments["document"] == "Workshop Manfort.txt"]["source_id"])
    return stored, str(source)


def test_forget_finds_a_document_by_its_name_before_import(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stored, source = _import_interview(project, tmp_path)
    before = len(project.segments())
    args = ["--project", str(project.path), "forget", "--source", source]
    assert main([*args, "--document", "Interview_Anna_Schmidt.txt"]) == 0
    segments = project.segments()
    assert len(segments) == before - 1
    left = segments[segments["document"] == stored]
    assert source not in set(left["source_id"])
    assert len(segments[segments["document"] == "Workshop Manfort.txt"]) == 2
    # the stored name still works, and a name that is neither fails with a message
    capsys.readouterr()
    assert main([*args, "--document", "Interview_Berta_Nowak.txt"]) == 2
    err = capsys.readouterr().err
    assert "gibt es im Projekt nicht" in err and "Nowak" not in err
    assert len(project.segments()) == before - 1


def test_codings_csv_may_name_a_document_by_its_name_before_import(
    project: Project, tmp_path: Path
) -> None:
    stored, source = _import_interview(project, tmp_path)
    project.add_code("Spielen")
    table = tmp_path / "codierungen.csv"
    table.write_text(
        "document,source_id,coder,code\n"
        f"Interview_Anna_Schmidt.txt,{source},Team A,Spielen\n"
        f"{stored},{source},Team B,Spielen\n",
        encoding="utf-8",
    )
    assert project.import_codings(table) == 2
    codings = project.codings()
    assert len(codings) == 2 and set(codings["coder"]) == {"Team A", "Team B"}

    table.write_text(
        f"document,source_id,coder,code\nInterview_Berta_Nowak.txt,{source},Team A,Spielen\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="nicht importiert"):
        project.import_codings(table)
