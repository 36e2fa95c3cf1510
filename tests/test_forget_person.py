"""``forget --person``: a person has the right to erasure though she never spoke (named
only in a file name or in others' statements); and every forget says which texts keep the
key entry of a person the forgotten texts named."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from workbench import Project
from workbench.cli.main import main
from workbench.store import Pseudonym, PseudonymSpan

INTERVIEW = """---
workshop: Werkstatt Manfort
district: Manfort
date: 2025-05-20
---

## Was fehlt?

- **Karl Becker:** Frau Schmidt sagt, es fehlen Bänke am Spielplatz.
- **Karl Becker:** Die Straßenbeleuchtung ist zu dunkel.
"""


def _imported(project: Project, tmp_path: Path) -> list[str]:
    """Import the interview "Interview_Anna_Schmidt.md"; return the CLI's first arguments."""
    path = tmp_path / "Interview_Anna_Schmidt.md"
    path.write_text(INTERVIEW, encoding="utf-8")
    args = ["--project", str(project.path)]
    assert main([*args, "import", str(path)]) == 0
    return args


def _key(project: Project) -> list[str]:
    """The originals of the key's persons."""
    with project.session() as session:
        return sorted(session.scalars(select(Pseudonym.original)))


def test_a_person_who_never_spoke_is_taken_out_of_the_key_with_person(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Anna Schmidt is named in the file name and in Karl's statement, never a speaker:
    ``--speaker`` could only refuse, so her name stayed in the key. ``--person`` takes
    it (and the span of her name) out, keeps Karl's statements and names the texts that
    keep her placeholder by id, never by name."""
    args = _imported(project, tmp_path)
    assert "Anna Schmidt" in _key(project)
    capsys.readouterr()
    assert main([*args, "forget", "--speaker", "Anna Schmidt"]) == 2
    assert "--person" in capsys.readouterr().err
    assert main([*args, "forget", "--person", "Anna Schmidt"]) == 0
    out = capsys.readouterr().out
    assert _key(project) == ["Karl Becker"]
    with project.session() as session:
        assert not list(session.scalars(select(PseudonymSpan.original)))
    segments = project.segments()
    assert len(segments) == 2  # Karl's statements stay
    first = int(segments["segment_id"].iloc[0])
    assert "Hinweis: Der Name hinter [Person 1] ist aus dem Pseudonymschlüssel gelöscht" in out
    assert f"1 Aussage(n) anderer (ID {first})" in out
    assert "Dateiname oder Titel von 1 Dokument(en)" in out
    assert "Schmidt" not in out and "Anna" not in out
    # asked again: the key knows her no more, a German message, exit 2, no name
    assert main([*args, "forget", "--person", "Anna Schmidt"]) == 2
    err = capsys.readouterr().err
    assert "kennt der Pseudonymschlüssel nicht" in err and "Schmidt" not in err


def test_forget_person_also_forgets_her_statements_and_her_name_in_memos(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A person who spoke: ``--person`` forgets her statements as ``--speaker`` does."""
    path = tmp_path / "werkstatt.md"
    path.write_text(INTERVIEW.replace("**Karl Becker:** Die", "**Anna Schmidt:** Die"), "utf-8")
    args = ["--project", str(project.path)]
    assert main([*args, "import", str(path)]) == 0
    assert main([*args, "memo", "--author", "Team", "Rückfrage bei Frau Schmidt"]) == 0
    assert main([*args, "forget", "--person", "Anna Schmidt"]) == 0
    assert len(project.segments()) == 1
    assert _key(project) == ["Karl Becker"]
    assert project.memos()["text"].tolist() == ["Rückfrage bei [Person 1]"]


def test_forget_of_some_statements_says_the_file_name_keeps_the_persons_key_entry(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Forgetting the statement that named Anna Schmidt left her in the key (the file
    name "Interview_[Person 1].md" holds her placeholder) without a word: the "still
    named" note only ran for ``--speaker``. Every forget now says what still names her."""
    args = _imported(project, tmp_path)
    first = int(project.segments()["segment_id"].iloc[0])
    capsys.readouterr()
    assert main([*args, "forget", "--statement", str(first)]) == 0
    out = capsys.readouterr().out
    assert "Anna Schmidt" in _key(project)  # kept: the file name still names her
    assert "Hinweis: [Person 1], in den gelöschten Texten genannt, bleibt mit Namen" in out
    assert "Dateiname oder Titel von 1 Dokument(en)" in out
    assert "--person '[Person 1]'" in out and "Schmidt" not in out


def test_forget_says_that_reports_and_sites_written_before_still_hold_the_statements(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A published site and a report keep an erased statement (the README says so); the
    output of `forget` only asked for new analyses, so the old site stayed online."""
    args = _imported(project, tmp_path)
    assert main([*args, "forget", "--speaker", "Karl Becker"]) == 0
    out = capsys.readouterr().out
    assert "Berichte, Sozialraum-Seiten und Exporte, die vorher geschrieben wurden" in out
    assert "neu erzeugen (workbench report, publish, export) und die alten Dateien löschen" in out
