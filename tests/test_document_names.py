"""A document's file name is stored and shown on one line, a person in it pseudonymised.

Linux, macOS and ZIP or REFI-QDA packages allow a line break, tab, escape character or
U+2028 in a file name ("karten⏎zwei.csv"). The project stored it as read: the CSV export's
``document`` cell then opened in Excel as two rows, the REFI-QDA source name carried the
separator, and the import's own output sent the ESC to the terminal. A name across such a
break ("Protokoll⏎Anna Schmidt.md") escaped the pseudonymisation. Now the stored name is
one line (``workbench.core.typed_text.file_label``) before it is pseudonymised, and
messages show a file name's control characters as ⏎ or � (decision 019).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest

from workbench.cli.main import main
from workbench.core.errors import InputError
from workbench.project import Project

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
PROTOCOL = """---
workshop: Werkstatt Manfort
district: Manfort
date: 2021-03-03
---

# Protokoll

## Was fehlt im Quartier?

- Es fehlen Bänke am Marktplatz, vor allem für ältere Menschen.
- Der Spielplatz an der Schule ist seit Monaten gesperrt.
"""
NAMES = {
    "Zeilenumbruch": "karten\nzwei.md",
    "Tabulator": "karten\tzwei.md",
    "Escape": "karten\x1b[31mzwei.md",
    "Zeilentrenner": "karten\u2028zwei.md",
    "NEL": "karten\x85zwei.md",
}


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "p"
    assert main(["init", str(project), "--districts", "Manfort"]) == 0
    return project


def _import(project: Path, path: Path) -> int:
    return main(["--project", str(project), "import", str(path)])


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_a_file_name_with_a_control_character_is_one_line_in_every_export(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / name
    source.write_text(PROTOCOL, encoding="utf-8")
    project = _project(tmp_path)
    assert _import(project, source) == 0
    stored = set(Project.open(project).documents()["filename"])
    assert stored == {"karten zwei.md"}
    table = tmp_path / "aussagen.csv"
    assert main(["--project", str(project), "export", str(table)]) == 0
    rows = list(csv.DictReader(io.StringIO(table.read_text("utf-8-sig"), newline="")))
    assert len(rows) == 2 and all(not CONTROL.search(r["document"]) for r in rows)
    qdpx = tmp_path / "projekt.qdpx"
    assert main(["--project", str(project), "export", "--format", "qdpx", str(qdpx)]) == 0
    with zipfile.ZipFile(qdpx) as package:
        qde = package.read("project.qde").decode("utf-8")
    assert 'name="karten zwei.md"' in qde
    assert not CONTROL.search(qde.replace("\n", "").replace("\r", "").replace("\t", ""))
    assert "&#10;" not in qde and "&#9;" not in qde
    capsys.readouterr()
    # the same file again is recognised by its content, whatever its name
    assert _import(project, source) == 0
    out = capsys.readouterr().out
    assert "bereits importiert" in out
    assert "\x1b" not in out and out.count("\n") == 1, out


def test_the_import_names_the_file_with_its_control_characters_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "Werk\x1b[31mstatt\n.md"
    source.write_text(PROTOCOL, encoding="utf-8")
    project = _project(tmp_path)
    capsys.readouterr()
    assert _import(project, source) == 0
    out = capsys.readouterr().out
    assert "Werk�[31mstatt⏎.md: 2 Aussagen importiert" in out
    assert "\x1b" not in out


def test_an_error_names_its_file_without_control_characters() -> None:
    message = str(InputError("Die Datei enthält keine Aussagen.", file="leer\x1b[2J.md"))
    assert message == "Datei leer�[2J.md: Die Datei enthält keine Aussagen."


@pytest.mark.parametrize("sep", ["\n", "\t", "\u2028", "\x1b[1m"])
def test_a_person_across_a_break_in_a_file_name_is_pseudonymised(sep: str, tmp_path: Path) -> None:
    source = tmp_path / f"Protokoll{sep}Anna Schmidt.md"
    source.write_text(PROTOCOL, encoding="utf-8")
    project = _project(tmp_path)
    assert _import(project, source) == 0
    (stored,) = Project.open(project).documents()["filename"]
    assert "Schmidt" not in stored and not CONTROL.search(stored)
    assert stored.startswith("Protokoll") and "[Person" in stored


def test_a_document_is_found_by_its_file_name_with_the_control_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "karten\tzwei.md"
    source.write_text(PROTOCOL, encoding="utf-8")
    path = _project(tmp_path)
    assert _import(path, source) == 0
    project = Project.open(path)
    segment = project.segments().iloc[0]
    project.add_code("Spielen")
    table = tmp_path / "codierungen.csv"
    table.write_text(
        f'document,source_id,coder,code\n"karten\tzwei.md",{segment["source_id"]},A,Spielen\n',
        encoding="utf-8",
    )
    assert project.import_codings(table) == 1
    forget = ["--project", str(path), "forget", "--source", str(segment["source_id"])]
    assert main([*forget, "--document", "karten\tzwei.md"]) == 0
    assert len(project.segments()) == 1


def test_an_error_about_a_named_document_sends_no_escape_to_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _project(tmp_path)
    capsys.readouterr()
    forget = ["--project", str(path), "forget", "--source", "1", "--document", "x\x1b[2J\ty.md"]
    assert main(forget) == 2
    err = capsys.readouterr().err
    assert "gibt es im Projekt nicht" in err and "\x1b" not in err and "\t" not in err
