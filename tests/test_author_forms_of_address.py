"""A participant the key knows with a form of address ("Dr. Anna Schmidt: …" in a protocol)
who codes or writes a memo under her name without it ("Anna Schmidt", as the app
`kodieren` and `--coder`/`--author` take it): the pseudonymised export named her in clear
(``<Users>``), and `forget --person` left her name on her memo and codings. Her name with
or without the form of address is her placeholder there; a colleague of the same surname
and a researcher stay as typed (workbench/store/erasure_names.py, people_by_full_name)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.store import ListedName

PROTOCOL = """---
workshop: Werkstatt Manfort
district: Manfort
date: 2025-05-20
---

## Was fehlt?

- **Dr. Anna Schmidt:** Es fehlen Bänke am Spielplatz.
- **Karl Becker:** Die Straßenbeleuchtung ist zu dunkel.
"""


def _qde(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("project.qde").decode("utf-8")


def _users(path: Path) -> list[str]:
    return sorted(re.findall(r'<User [^>]*name="([^"]*)"', _qde(path)))


@pytest.fixture
def coded(project: Project, tmp_path: Path) -> list[str]:
    """Statement 2 coded by "Anna Schmidt", "Jonas Schmidt" and kira; her memo on it."""
    path = tmp_path / "werkstatt.md"
    path.write_text(PROTOCOL, encoding="utf-8")
    args = ["--project", str(project.path)]
    assert main([*args, "import", str(path)]) == 0
    assert main([*args, "codebook", "add", "Bedarf"]) == 0
    for coder in ("Anna Schmidt", "Jonas Schmidt", "kira"):
        assert main([*args, "code", "2", "Bedarf", "--coder", coder]) == 0
    assert main([*args, "memo", "Wichtig.", "--author", "Anna Schmidt", "--segment", "2"]) == 0
    assert main([*args, "memo", "Prüfen.", "--author", "Dr. Maria Forscherin"]) == 0
    return args


@pytest.mark.backends
def test_her_name_without_the_form_of_address_is_her_placeholder_in_the_qdpx(
    project: Project, coded: list[str], tmp_path: Path
) -> None:
    [anna] = project.pseudonym_key().query("original == 'Dr. Anna Schmidt'")["placeholder"]
    out = tmp_path / "p.qdpx"
    assert main([*coded, "export", str(out)]) == 0
    assert _users(out) == sorted([anna, "Jonas Schmidt", "kira", "Dr. Maria Forscherin"])
    assert "Anna" not in _qde(out)
    before = project.codings()[["segment_id", "coder"]].sort_values("coder").to_dict("records")
    assert main([*coded, "import", str(out)]) == 0  # her codings come back as hers
    after = project.codings()[["segment_id", "coder"]].sort_values("coder").to_dict("records")
    assert after == before


@pytest.mark.backends
def test_forget_person_replaces_her_name_without_the_form_of_address(
    project: Project, coded: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [anna] = project.pseudonym_key().query("original == 'Dr. Anna Schmidt'")["placeholder"]
    capsys.readouterr()
    assert main([*coded, "forget", "--person", "Anna Schmidt"]) == 0
    out = capsys.readouterr().out
    assert "Anna" not in out
    assert sorted(project.memos()["author"]) == sorted([anna, "Dr. Maria Forscherin"])
    assert sorted(project.codings()["coder"]) == sorted([anna, "Jonas Schmidt", "kira"])
    assert "anna" not in stored_text(project).casefold()
    assert main([*coded, "export", str(tmp_path / "nachher.qdpx")]) == 0
    assert "Anna" not in _qde(tmp_path / "nachher.qdpx")


@pytest.mark.backends
@pytest.mark.parametrize("person", ["Anna Schmidt", "Dr. Anna Schmidt"])
def test_forget_person_takes_her_name_without_the_form_of_address_off_the_list(
    project: Project, tmp_path: Path, person: str
) -> None:
    """The participant list holds "Anna Schmidt" where the key has "Dr. Anna Schmidt":
    `forget --person` deleted the key entry and left her name on the list."""
    path = tmp_path / "werkstatt.md"
    path.write_text(
        PROTOCOL.replace(
            "## Was fehlt?", "Teilnehmende: Dr. Anna Schmidt, Karl Becker\n\n## Was fehlt?"
        ),
        encoding="utf-8",
    )
    args = ["--project", str(project.path)]
    assert main([*args, "import", str(path)]) == 0
    with project.session() as session:
        listed = sorted(session.scalars(select(ListedName.name)))
    assert "Anna Schmidt" in listed and "Karl Becker" in listed
    assert main([*args, "forget", "--person", person]) == 0
    with project.session() as session:
        left = sorted(session.scalars(select(ListedName.name)))
    assert left == [name for name in listed if name != "Anna Schmidt"]
    assert "anna" not in stored_text(project).casefold()
