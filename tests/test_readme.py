"""The commands README.md and docs/ show in their shell blocks are commands the CLI accepts."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest

from workbench.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", ROOT / "REVIEWING.md", *sorted((ROOT / "docs").glob("*.md"))]


def shown_commands(page: Path) -> list[list[str]]:
    """The ``workbench …`` lines of a page's ```bash blocks, as argument lists."""
    commands = []
    for block in re.findall(r"```(?:bash|sh)\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
        for line in block.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):  # VAR=value workbench …
                words = words[1:]
            if words and Path(words[0]).name == "workbench":
                commands.append(words[1:])
    return commands


def test_the_pages_show_commands() -> None:
    """The check below reads the blocks at all (a changed fence would skip every command)."""
    assert len(shown_commands(ROOT / "README.md")) >= 20


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_command_a_page_shows_is_accepted_by_the_cli(page: Path) -> None:
    """A planning team copies these lines: an option that was renamed, a value that is no
    longer a choice or a missing required option would stop them at the first step."""
    refused = []
    for argv in shown_commands(page):
        err = io.StringIO()
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                build_parser().parse_args(argv)
        except SystemExit:
            refused.append(f"workbench {shlex.join(argv)}: {err.getvalue().strip()[-200:]}")
    assert not refused, refused
