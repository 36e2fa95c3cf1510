"""Two files of one name (each breakout room's protokoll.md): a coding CSV that names a
statement by document and source id cannot tell which, and says so instead of guessing."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.core.domain import InputError


def test_a_coding_of_a_statement_two_documents_share_is_refused(
    project: Project, tmp_path: Path
) -> None:
    for room, wish in (("raum1", "Bänke am Markt fehlen"), ("raum2", "Ein Bus am Abend fehlt")):
        (tmp_path / room).mkdir()
        path = tmp_path / room / "protokoll.md"
        path.write_text(
            "---\nworkshop: Auftakt\ndistrict: Manfort\n---\n\n# Auftakt\n\n## Was fehlt?\n\n"
            f"- {wish}\n",
            encoding="utf-8",
        )
        project.import_files([path])
    project.add_code("Bedarf")
    codings = tmp_path / "codings.csv"
    codings.write_text("document,source_id,coder,code\nprotokoll.md,1,A,Bedarf\n", "utf-8")
    numbers = ", ".join(str(i) for i in sorted(project.segments()["segment_id"]))
    with pytest.raises(
        InputError, match=f"mehreren Dokumenten namens protokoll.md .Nummern {numbers}"
    ):
        project.import_codings(codings)
    assert project.status()["codings"] == 0  # nothing stored on either statement


def test_forgetting_a_source_id_two_documents_of_one_name_share_erases_neither(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A participant of room 1 asks to erase card 1: room 2's card 1 must not go with it."""
    from workbench.cli.main import main

    for room, wish in (("raum1", "Bänke am Markt fehlen"), ("raum2", "Ein Bus am Abend fehlt")):
        (tmp_path / room).mkdir()
        path = tmp_path / room / "protokoll.md"
        path.write_text(
            "---\nworkshop: Auftakt\ndistrict: Manfort\n---\n\n# Auftakt\n\n## Was fehlt?\n\n"
            f"- {wish}\n",
            encoding="utf-8",
        )
        project.import_files([path])
    ids = sorted(project.segments()["segment_id"])
    p = ["--project", str(project.path), "forget", "--source", "1"]
    assert main([*p, "--document", "protokoll.md"]) == 2
    err = capsys.readouterr().err
    assert f"namens protokoll.md (Aussagen {ids[0]} {ids[1]})" in err and "--statement" in err
    assert main(p) == 2
    assert len(project.segments()) == 2  # nothing erased
