"""Line breaks and control characters typed into a command: refused where a folder is made,
one line where a name or title is stored, kept where a text is stored.

``init`` and ``demo`` created a project folder named "studie", line feed, "2" (or with a
bell or escape character) and printed "Projekt angelegt: …" over two lines; ``recommend
add``/``edit`` stored a title or author over two lines (lists, reports and exports then
showed it so); ``codebook add`` stored the code on one line but echoed it over two.
"""

from __future__ import annotations

import doctest
import sqlite3
from pathlib import Path

import pytest

import workbench.core.fileio
import workbench.core.typed_text
from workbench.cli.main import main

BAD = {
    "Zeilenumbruch": "studie\n2",
    "Windows-Zeilenende": "studie\r\n2",
    "Wagenrücklauf": "studie\r2",
    "Tabulator": "studie\t2",
    "Klingel": "studie\x072",
    "Escape": "studie\x1b[31m2",
    "Löschzeichen": "studie\x7f2",
    "NEL": "studie\x852",
    "Zeilentrenner": "studie\u20282",
    "Absatztrenner": "studie\u20292",
}
BREAKS = ["Neu\nZeile", "Neu\r\nZeile", " Neu \n\t Zeile \n", "Neu\u2028Zeile", "Neu\x0bZeile"]


@pytest.mark.parametrize("command", ["init", "demo"])
@pytest.mark.parametrize("name", BAD.values(), ids=BAD.keys())
def test_a_folder_name_with_a_line_break_or_control_character_is_refused(
    command: str, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for target in (tmp_path / name, tmp_path / name / "projekt"):
        assert main([command, str(target)]) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1 and "Traceback" not in err
        assert err.startswith("Fehler: Der Ordnername '") and "Steuerzeichen" in err
        assert not any(c in err for c in "\r\x07\x1b\x7f\x85\u2028\u2029")
        assert list(tmp_path.iterdir()) == []  # nothing created


@pytest.mark.parametrize("name", ["studie", "Studie Ströme 2021", "a-b_c.d", "ünïcödé/ünter"])
def test_ordinary_folder_names_are_created_as_typed(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / name)]) == 0
    assert (tmp_path / name / "project.json").is_file()
    assert capsys.readouterr().out.startswith(f"Projekt angelegt: {tmp_path / name}\n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty project."""
    assert main(["init", str(tmp_path / "p")]) == 0
    return tmp_path / "p"


def _rows(folder: Path, query: str) -> list[tuple]:
    with sqlite3.connect(folder / "werkbank.sqlite") as db:
        return list(db.execute(query))


@pytest.mark.parametrize("typed", BREAKS)
def test_a_code_name_is_stored_and_named_on_one_line(
    typed: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    steps = [["codebook", "add", typed], ["codebook", "set", typed, "--description", "x"]]
    for step in steps:
        assert main(["--project", str(folder), *step]) == 0
    out = capsys.readouterr().out
    assert out == "Code 'Neu Zeile' angelegt.\nCode 'Neu Zeile' geändert.\n"
    assert _rows(folder, "SELECT path, name FROM codes") == [("Neu Zeile", "Neu Zeile")]


@pytest.mark.parametrize("typed", BREAKS)
def test_a_recommendations_title_and_author_are_one_line_its_text_keeps_its_lines(
    typed: str, folder: Path
) -> None:
    text = "Erster Absatz.\n\nZweiter Absatz."
    add = ["recommend", "add", text, "--title", typed, "--author", typed, "--actor", typed]
    assert main(["--project", str(folder), *add]) == 0
    assert _rows(folder, "SELECT title, author, actors, text FROM recommendations") == [
        ("Neu Zeile", "Neu Zeile", '["Neu Zeile"]', text)
    ]
    assert main(["--project", str(folder), "recommend", "edit", "1", "--title", f"{typed} 2"]) == 0
    assert _rows(folder, "SELECT title FROM recommendations") == [("Neu Zeile 2",)]


@pytest.mark.parametrize("typed", BREAKS)
def test_a_memos_author_is_one_line_its_text_keeps_its_lines(typed: str, folder: Path) -> None:
    text = "Beobachtung:\n- erstens\n- zweitens"
    assert main(["--project", str(folder), "memo", text, "--author", typed]) == 0
    assert _rows(folder, "SELECT author, text FROM memos") == [("Neu Zeile", text)]


def test_doctests() -> None:
    for module in (workbench.core.fileio, workbench.core.typed_text):
        assert doctest.testmod(module).failed == 0
