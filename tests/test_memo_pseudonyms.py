"""Names in researchers' memos in a pseudonymised REFI-QDA export: the project's review
decisions apply, and a person named only in a memo keeps one placeholder of their own."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from workbench import Project
from workbench.cli.main import main
from workbench.exchange.qdpx import export_qdpx

PROTOCOL = """---
workshop: {workshop}
district: Manfort
date: 2026-03-0{day}
---
# Was fehlt?
{lines}
"""


def _import(project: Project, folder: Path, name: str, day: int, *lines: str) -> None:
    path = folder / f"{name}.md"
    body = "\n".join(f"- {line}" for line in lines)
    path.write_text(PROTOCOL.format(workshop=name, day=day, lines=body), encoding="utf-8")
    project.import_files([path])


def _memos(project: Project, out: Path) -> list[str]:
    export_qdpx(project, out)
    with zipfile.ZipFile(out) as archive:
        qde = archive.read("project.qde").decode("utf-8")
    return [m for m in re.findall(r"<PlainTextContent>([^<]*)<", qde) if m]


def test_a_name_the_researcher_confirmed_is_replaced_in_memos_too(tmp_path: Path) -> None:
    path = tmp_path / "projekt"
    with Project.create(path, districts=["Manfort"]) as project:
        _import(project, tmp_path, "Treffen", 1, "Sonne hat geholfen, den Raum zu finden.")
    assert main(["--project", str(path), "pseudonyms", "confirm", "Sonne"]) == 0
    with Project.open(path) as project:
        statement = project.segments()["text"].iloc[0]
        project.add_memo("Sonne nochmal anrufen wegen des Raums.", "forscherin")
        [memo] = _memos(project, tmp_path / "a.qdpx")
    [placeholder] = re.findall(r"\[Person \d+\]", statement)
    assert memo == f"{placeholder} nochmal anrufen wegen des Raums."


def test_a_person_named_only_in_a_memo_keeps_their_placeholder(tmp_path: Path) -> None:
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        _import(project, tmp_path, "Treffen", 1, "Frau Koch meint, es fehlen Bänke.")
        project.add_memo("Frau Koch und Herr Wójcik wissen mehr, sagt Frau Hinz.", "forscherin")
        [first] = _memos(project, tmp_path / "a.qdpx")
        # a later workshop names a new person and the one of the memo
        _import(project, tmp_path, "Treffen2", 2, "Herr Neumann und Frau Hinz wollen Licht.")
        [second] = _memos(project, tmp_path / "b.qdpx")
        texts = list(project.segments()["text"])
    assert "Wójcik" not in first and "Hinz" not in first
    assert second == first  # the same placeholders in every export
    koch, wojcik, hinz = re.findall(r"\[Person \d+\]", first)
    assert texts[0].startswith(f"{koch} meint")
    neumann, hinz_in_text = re.findall(r"\[Person \d+\]", texts[1])
    assert hinz_in_text == hinz  # the memo's Frau Hinz is the statement's
    assert neumann not in (koch, wojcik, hinz)  # nobody else gets a memo person's number


def test_a_name_a_memo_only_guesses_stays_out_of_the_key(tmp_path: Path) -> None:
    """An export put "Rosen" of a memo "Mehr Rosen am Zaun" into the key as a person: every
    later import linked the word to that person under the same number, and forget kept the
    entry because the memo names it. A guessed name is "[Person]" in the export only (a
    first name alone: "Rosen" itself is a word, see tests/test_names_nouns.py)."""
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        _import(project, tmp_path, "Treffen", 1, "Es fehlen Bänke.")
        project.add_memo("Mehr Rosen für Jannik am Zaun, sagt Frau Hinz.", "forscherin")
        [first] = _memos(project, tmp_path / "a.qdpx")
        originals = " ".join(project.pseudonym_key()["original"])
        [second] = _memos(project, tmp_path / "b.qdpx")
        assert main(["--project", str(project.path), "import", str(tmp_path / "a.qdpx")]) == 0
        assert len(project.memos()) == 1  # the export read back is the same memo
    assert "Hinz" in originals and "Jannik" not in originals and "Rosen" not in originals
    [hinz] = re.findall(r"\[Person \d+\]", first)
    assert first == f"Mehr Rosen für [Person] am Zaun, sagt {hinz}."
    assert second == first
