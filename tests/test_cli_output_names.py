"""Output paths with line breaks or control characters: refused before anything is written.

``export``, ``report``, ``publish``, ``backup``, ``restore``, ``migrate-db --to`` and every
``--out``/``--csv`` wrote a file or folder named "aus", line feed, "gabe.csv" (or with a tab,
an escape character, U+0085, U+2028), which every file list then shows over two lines or
with a hidden part; ``migrate-db --to`` even moved the project's database to such a name.
A NUL ended in a traceback ("embedded null byte"). Now argparse refuses the value with the
option's name, exit 2, and nothing is created. Since session 46 also a mark that turns the
rest of the name around (U+202A–E, U+2066–9): "bericht", U+202E, "xcod.html" was written
under a name that reads "berichtlmth.docx".
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from workbench.cli.main import build_parser, main

CHARACTERS = {
    "Zeilenumbruch": "\n",
    "Wagenrücklauf": "\r",
    "Tabulator": "\t",
    "NEL": "\x85",
    "Zeilentrenner": "\u2028",
    "Nullbyte": "\x00",
    "Escape": "\x1b",
    # a name that reads otherwise: "bericht", U+202E, "xcod.html" shows as "berichtlmth.docx"
    "Richtungsumkehr": "\u202e",
    "Isolat": "\u2067",
}
# must stay: names in right-to-left scripts, with the marks U+200E/U+200F that order
# neutral characters (no override), and ordinary ones
WRITTEN = [
    "Bericht Ströme 2021.csv",
    "تقرير مانفورت 2021.csv",
    "דוח אופלדן.html",
    "تقرير\u200f 2021.csv",
    "Bericht\u200e(2).html",
]
# (command line with {p} for the output path, the name the message gives the option)
COMMANDS = [
    (["export", "{p}.csv"], "OUT"),
    (["export", "--format", "qdpx", "{p}.qdpx"], "OUT"),
    (["indicators", "--out", "{p}.csv"], "--out"),
    (["recommend", "export", "{p}.json"], "OUT"),
    (["report", "{p}.html"], "OUT"),
    (["publish", "--out", "{p}"], "--out"),
    (["backup", "{p}.zip"], "DIR|DATEI"),
    (["monitoring", "indicators", "--out", "{p}.csv"], "--out"),
    (["migrate-db", "--to", "sqlite:///{p}.sqlite"], "--to"),
    (["restore", "{backup}", "{p}"], "DIR"),
]


def _output_actions() -> list[tuple[str, argparse.Action]]:
    """Every argument of every command that names a file, folder or database to write."""
    found: list[tuple[str, argparse.Action]] = []

    def walk(parser: argparse.ArgumentParser, command: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, f"{command} {name}".strip())
            elif action.dest in ("out", "csv", "to") or (command, action.dest) == (
                "restore",
                "dir",
            ):
                found.append((command, action))

    walk(build_parser(), "")
    return found


def test_every_output_argument_refuses_control_characters() -> None:
    actions = _output_actions()
    assert len(actions) >= 18  # export, report, publish, backup, every --out, …
    for command, action in actions:
        for name in ("aus\ngabe.csv", "bericht\u202excod.html", "bericht\u2066x\u2069.html"):
            with pytest.raises(argparse.ArgumentTypeError, match="Steuerzeichen"):
                action.type(name)  # type: ignore[misc]
        for name in WRITTEN:
            assert action.type(name) == name, command  # type: ignore[misc]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ausgabe")
    assert main(["init", str(root / "p"), "--districts", "Manfort"]) == 0
    assert main(["--project", str(root / "p"), "backup", str(root / "b.zip")]) == 0
    return root


@pytest.mark.parametrize("char", CHARACTERS.values(), ids=CHARACTERS.keys())
@pytest.mark.parametrize("argv,option", COMMANDS, ids=[" ".join(c[:2]) for c, _ in COMMANDS])
def test_an_output_path_with_a_control_character_is_refused_and_nothing_written(
    argv: list[str],
    option: str,
    char: str,
    project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    capsys.readouterr()
    target = str(tmp_path / f"aus{char}gabe")
    line = [a.replace("{p}", target).replace("{backup}", str(project / "b.zip")) for a in argv]
    before = _files(project)
    with pytest.raises(SystemExit) as stop:
        main(["--project", str(project / "p"), *line])
    assert stop.value.code == 2
    out, err = capsys.readouterr()
    message = err.strip().splitlines()[-1]
    assert out == "" and "Traceback" not in err
    assert f"Fehler: {option}: '" in message and f"{tmp_path}/aus" in message
    assert "Steuerzeichen" in message
    assert not any(c in message for c in CHARACTERS.values())  # shown as ⏎ or �
    assert list(tmp_path.iterdir()) == []  # nothing written
    assert _files(project) == before  # the project (its database) untouched


def _files(folder: Path) -> list[Path]:
    """The files under ``folder`` without SQLite's journal files (``-wal``, ``-shm``): a
    connection an earlier command left to the garbage collector removes them when closed."""
    return sorted(p for p in folder.rglob("*") if not p.name.endswith(("-wal", "-shm")))


def test_an_ordinary_output_name_is_written_as_typed(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path / "p"), "--districts", "Manfort"]) == 0
    target = tmp_path / "Indikatoren Ströme 2021.csv"
    assert main(["--project", str(tmp_path / "p"), "indicators", "--out", str(target)]) == 0
    assert target.is_file()


def test_a_project_folder_that_reads_otherwise_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``init`` with an override in the folder name: refused, nothing created."""
    assert main(["init", str(tmp_path / "studie\u202e1202"), "--districts", "Manfort"]) == 2
    assert "Steuerzeichen" in capsys.readouterr().err and list(tmp_path.iterdir()) == []
    assert main(["init", str(tmp_path / "دراسة 2021"), "--districts", "Manfort"]) == 0
