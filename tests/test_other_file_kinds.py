"""``indicators --import projekt.qdpx`` read the archive as CSV, ``report --konzept
konzept.docx`` a Word document as Markdown: both ended in "enthält Nullbytes; beschädigt
oder keine Textdatei", about a file that is neither. They now say what the file is and
what the command reads (German, exit 2, nothing imported or written)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from workbench import Project
from workbench.cli.main import main
from workbench.core.textio import RawFile
from workbench.ingest.file_kinds import refuse_other_kind
from workbench.synthesis.indicators import indicators


@pytest.fixture
def small(tmp_path: Path) -> Path:
    folder = tmp_path / "projekt"
    assert main(["init", str(folder), "--districts", "Manfort"]) == 0
    return folder


def _zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", "<Project/>")
    return path


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("projekt.qdpx", "Das ist ein REFI-QDA-Projekt."),
        ("alt.xls", "Das ist eine Excel-Tabelle im alten Format (als .xlsx oder .csv speichern)"),
        ("umbenannt.csv", "Das ist ein ZIP-Archiv"),  # an XLSX renamed .csv
    ],
)
def test_an_indicator_import_of_another_kind_of_file_is_refused(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, says: str
) -> None:
    file = _zip(tmp_path / name)
    capsys.readouterr()
    assert main(["--project", str(small), "indicators", "--import", str(file)]) == 2
    err = capsys.readouterr().err
    assert f"Datei {name}: {says}" in err and "Nullbytes" not in err
    assert "CSV, XLSX oder ODS" in err and "Nichts importiert." in err
    assert "Traceback" not in err
    project = Project.open(small)
    try:
        assert indicators(project).empty
    finally:
        project.close()


@pytest.mark.parametrize(
    "command",
    [["report", "--konzept", "{file}", "{out}"], ["konzept", "--text", "{file}", "--out", "{out}"]],
)
@pytest.mark.parametrize(
    ("name", "says"),
    [("konzept.docx", "Das ist ein Word-Dokument."), ("konzept.md", "Das ist ein ZIP-Archiv")],
)
def test_a_concept_text_of_another_kind_of_file_is_refused(
    small: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    name: str,
    says: str,
) -> None:
    file, out = _zip(tmp_path / name), tmp_path / "bericht.html"
    args = [a.format(file=file, out=out) for a in command]
    capsys.readouterr()
    assert main(["--project", str(small), *args]) == 2
    err = capsys.readouterr().err
    assert f"Datei {name}: {says}" in err and "Nullbytes" not in err
    assert "Markdown oder Text (.md, .txt" in err and "Nichts geschrieben." in err
    assert not out.exists()


def test_text_under_an_unknown_ending_and_tables_under_theirs_pass() -> None:
    reads, packed = (".csv", ".xlsx"), (".xlsx",)
    for raw in (
        RawFile("daten.dat", b"Sozialraum;Wert\nManfort;1\n"),  # text: read as before
        RawFile("daten.xlsx", b"PK\x03\x04rest"),  # a ZIP where a ZIP belongs
        RawFile("daten.csv", b"Sozialraum;Wert\n"),
    ):
        refuse_other_kind(raw, reads, packed, "")
