"""Listings on stdout show a stored name's control characters as ⏎ or � (decision 017).

A code, memo author, district or wave label with ESC, NUL, BEL or U+2028 (left by an older
version or a foreign file) reached the terminal from `codebook list`, `memos list`,
`status`, `districts` and `waves`: an ESC sequence cleared the screen. Data written to
stdout (`codebook export -`) stays byte-exact.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import text

from workbench import Project
from workbench.cli.main import main
from workbench.store import make_engine

BAD = "\x1b[2J\x00\x07\u2028"
COMMANDS = [["codebook", "list"], ["memos", "list"], ["status"], ["districts"], ["waves"]]


def _controls(output: str) -> int:
    return sum(ch != "\n" and unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in output)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    source = tmp_path / "p.md"
    source.write_text(
        "---\nworkshop: Werkstatt\ndistrict: Manfort\n---\n# W\n\n## Was fehlt?\n\n- Mehr Bänke.\n",
        encoding="utf-8",
    )
    folder = tmp_path / "projekt"
    with Project.create(folder, districts=["Manfort", "Opladen"]) as project:
        project.import_files([source])
        project.add_code("Bedarf")
        project.add_code("Bedarf/Wohnen")
        project.add_memo("Notiz", "Anna", code="Bedarf")
        url = project.db_url
    engine = make_engine(url)
    with engine.begin() as c:  # as an older version or a foreign file left them
        c.execute(
            text("UPDATE codes SET path=:p, name=:n, description=:n WHERE path='Bedarf/Wohnen'"),
            {"p": f"Bedarf/Woh{BAD}nen", "n": f"Woh{BAD}nen"},
        )
        c.execute(text("UPDATE memos SET author=:a, text=:t"), {"a": f"An{BAD}na", "t": "A\nB"})
        c.execute(text("UPDATE districts SET name=:n WHERE name='Opladen'"), {"n": f"Op{BAD}l"})
        c.execute(text("INSERT INTO waves (label, position) VALUES (:l, 2)"), {"l": f"W{BAD}2"})
    engine.dispose()
    return folder


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_listings_show_control_characters(
    folder: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--project", str(folder), *command]) == 0
    out = capsys.readouterr().out
    assert _controls(out) == 0
    if command[0] in ("codebook", "districts", "waves"):
        assert "�[2J" in out and "⏎" in out  # shown, not dropped: the name stays findable


def test_memo_lines_stay_and_data_on_stdout_is_byte_exact(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A memo of two lines stays two lines; a codebook exported to stdout is the file."""
    assert main(["--project", str(folder), "memos", "list"]) == 0
    assert capsys.readouterr().out.endswith("An�[2J��⏎na: A\nB\n")
    out = tmp_path / "codebuch.yaml"
    assert main(["--project", str(folder), "codebook", "export", str(out)]) == 0
    capsys.readouterr()
    assert main(["--project", str(folder), "codebook", "export", "--format", "yaml", "-"]) == 0
    assert capsys.readouterr().out == out.read_text(encoding="utf-8")
