"""A value with line breaks (a file, project, code or person named on the command line)
never makes an error look like several: every command's error is one "Fehler:" block,
the line breaks inside a value shown as ⏎."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from workbench.cli.main import build_parser, main
from workbench.core.errors import ListedError, message_lines, one_line

# a value that, printed as it is, forges a second error line
MULTI = "nicht-da\nFehler: erfunden\r\nnoch eine Zeile"


def _leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator:
    """Every command and sub-command with its parser."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, sub in subs[0].choices.items():
        yield from _leaves(sub, (*path, name))


COMMANDS = {
    path: parser
    for path, parser in _leaves(build_parser())
    if path not in {("init",), ("demo",)}  # these two make the project
}


def _argv(path: tuple[str, ...], parser: argparse.ArgumentParser) -> list[str]:
    """The command with the multi-line value as project and in every required slot."""
    args: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if not action.option_strings:
            args.append(MULTI)
        elif action.required:
            args += [action.option_strings[-1], MULTI]
    return ["--project", MULTI, *path, *args]


SHOWN: set[tuple[str, ...]] = set()  # the commands whose error repeated the value


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_every_command_shows_a_multi_line_value_in_one_error_block(
    path: tuple[str, ...],
    tmp_path: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # the value names no folder there
    try:
        code = main(_argv(path, COMMANDS[path]))
    except SystemExit as stop:  # argparse refuses the value
        code = stop.code
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    errors = [line for line in err.splitlines() if "Fehler:" in line]
    assert len(errors) == 1 and not errors[0].startswith("Fehler: erfunden")
    assert MULTI not in err and "\nnoch eine Zeile" not in err
    if one_line(MULTI) in err:
        SHOWN.add(path)


def test_the_value_was_shown_by_most_commands() -> None:
    """The test above saw the value in the errors (it ran first, pytest keeps file order)."""
    assert len(SHOWN) >= len(COMMANDS) // 2, sorted(SHOWN)


def test_a_listed_error_keeps_one_line_per_item() -> None:
    err = ListedError([f"{MULTI}.csv: eine frühere Fassung", "Nichts wurde gespeichert."])
    assert message_lines(err) == [
        "nicht-da⏎Fehler: erfunden⏎noch eine Zeile.csv: eine frühere Fassung",
        "Nichts wurde gespeichert.",
    ]
    assert str(err).count("\n") == 3  # the message itself is as it was
