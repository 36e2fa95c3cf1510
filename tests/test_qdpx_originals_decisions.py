"""REFI-QDA export with originals: the review decisions travel with the names.

A word confirmed as a name (``pseudonyms confirm``) came back in clear when the export with
originals was imported into a fresh project, and a rejected word became a person again.
The export with originals now writes the decisions under the project's description; a
pseudonymised export never does.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.qdpx_data import Q, fresh, qde_root, refi_schema, rezip
from workbench import InputError, Project
from workbench.cli.main import main
from workbench.exchange.export import export_qdpx
from workbench.exchange.qdpx import import_qdpx

PROTOCOL = """---
workshop: Werkstatt Manfort
date: 2021-03-03
district: Manfort
---
# Herausforderungen

- Die Projektleiterin Quandtmeyer hat den Raum organisiert.
- Im Garten sagt Rotkehl, es braucht Bänke.
"""


@pytest.fixture
def first(tmp_path: Path) -> Project:
    """A project whose researcher confirmed Quandtmeyer and rejected Rotkehl."""
    project = fresh(tmp_path / "erstes")
    (tmp_path / "manfort.md").write_text(PROTOCOL, encoding="utf-8")
    project.import_files([tmp_path / "manfort.md"])
    args = ["--project", str(project.path), "pseudonyms"]
    assert main([*args, "confirm", "Quandtmeyer"]) == 0
    assert main([*args, "reject", "Rotkehl"]) == 0
    return project


def _texts(project: Project) -> list[str]:
    """The statements, person numbers left out (a fresh project numbers its own)."""
    return sorted(re.sub(r"\[Person \d+\]", "[Person]", t) for t in project.segments().text)


def _key(project: Project) -> list[tuple[str, str]]:
    key = project.pseudonym_key()
    return sorted(zip(key.kind, key.original, strict=True))


def test_decisions_travel_with_the_originals_into_a_fresh_project(
    first: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = _texts(first)
    assert "Die Projektleiterin [Person] hat den Raum organisiert." in texts
    assert "Im Garten sagt Rotkehl, es braucht Bänke." in texts
    out = tmp_path / "original.qdpx"
    args = ["--project", str(first.path), "export", "--format", "qdpx", "--originals", str(out)]
    assert main(args) == 0
    refi_schema().assertValid(qde_root(out))
    again = fresh(tmp_path / "neu")
    capsys.readouterr()
    assert main(["--project", str(again.path), "import", str(out)]) == 0
    said = capsys.readouterr().out
    assert "2 Namensentscheidungen aus der Datei übernommen" in said
    assert "Quandtmeyer" not in said and "Rotkehl" not in said  # counts only
    assert _texts(again) == texts
    assert _key(again) == _key(first) == [("person", "Quandtmeyer")]
    # decided there, decided here: nothing left to review
    capsys.readouterr()
    assert main(["--project", str(again.path), "pseudonyms", "review"]) == 0
    assert "Keine offenen Namenskandidaten" in capsys.readouterr().out


def test_the_projects_own_decision_wins(first: Project, tmp_path: Path) -> None:
    out = tmp_path / "original.qdpx"
    export_qdpx(first, out, pseudonymised=False)
    again = fresh(tmp_path / "neu")
    (tmp_path / "b.md").write_text(
        PROTOCOL.replace("Werkstatt Manfort", "Werkstatt B"), encoding="utf-8"
    )
    again.import_files([tmp_path / "b.md"])
    assert main(["--project", str(again.path), "pseudonyms", "confirm", "Rotkehl"]) == 0
    result = import_qdpx(again, out)
    assert any("1 Namensentscheidung aus der Datei" in n for n in result.notices)
    assert any("1 Namensentscheidung der Datei weicht" in n for n in result.notices)
    assert "Rotkehl" not in " ".join(_texts(again))


def test_pseudonymised_export_carries_no_decisions(first: Project, tmp_path: Path) -> None:
    out = tmp_path / "weitergabe.qdpx"
    export_qdpx(first, out)
    with zipfile.ZipFile(out) as archive:
        everything = b"".join(archive.read(n) for n in archive.namelist())
    assert b"Quandtmeyer" not in everything and b"Namensentscheidungen" not in everything


def test_an_unreadable_decisions_block_stops_in_german(first: Project, tmp_path: Path) -> None:
    out = tmp_path / "original.qdpx"
    export_qdpx(first, out, pseudonymised=False)
    root = qde_root(out)
    description = root.find(f"{Q}Description")
    assert 'Name: ["Quandtmeyer"]' in description.text
    description.text = description.text.replace('["Quandtmeyer"]', "Quandtmeyer")
    broken = rezip(out, tmp_path / "kaputt.qdpx", etree.tostring(root))
    again = fresh(tmp_path / "neu")
    with pytest.raises(InputError, match="„Name“ ist keine Liste von Wörtern"):
        import_qdpx(again, broken)
    assert again.status()["segments"] == 0


def test_a_blank_decisions_field_holds_no_words(first: Project, tmp_path: Path) -> None:
    """A blank field of the decisions block (emptied by hand or by another program) stopped
    the import as "keine Liste von Wörtern", while a blank name list of a workshop set
    (Teilnehmende) holds no names: both fields are read by one rule now."""
    out = tmp_path / "original.qdpx"
    export_qdpx(first, out, pseudonymised=False)
    root = qde_root(out)
    description = root.find(f"{Q}Description")
    description.text = description.text.replace('Name: ["Quandtmeyer"]', "Name:  ")
    blank = rezip(out, tmp_path / "leer.qdpx", etree.tostring(root))
    again = fresh(tmp_path / "neu")
    result = import_qdpx(again, blank)
    assert any("1 Namensentscheidung aus der Datei" in n for n in result.notices)
    assert "Im Garten sagt Rotkehl, es braucht Bänke." in _texts(again)  # rejected: no name
