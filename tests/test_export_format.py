"""``workbench export``: the ending decides the format when --format is missing; an ending
of another format is refused (German, exit 2, nothing written)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from workbench.cli.main import main

CARDS = "Sozialraum;Text\nManfort;Es fehlen Bänke am Spielplatz.\nManfort;Mehr Licht am Weg.\n"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A project with two cards."""
    cards = tmp_path / "karten.csv"
    cards.write_text(CARDS, encoding="utf-8")
    folder = tmp_path / "projekt"
    assert main(["init", str(folder), "--districts", "Manfort"]) == 0
    assert main(["--project", str(folder), "import", str(cards)]) == 0
    return folder


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "qdpx"])
def test_without_format_the_ending_decides(small: Path, tmp_path: Path, fmt: str) -> None:
    """Without --format, "export out.csv" was refused; now the ending decides."""
    out = tmp_path / f"weitergabe.{fmt}"
    assert main(["--project", str(small), "export", str(out)]) == 0
    if fmt == "csv":
        assert out.read_text(encoding="utf-8-sig").startswith("segment_id")
    else:
        names = zipfile.ZipFile(out).namelist()
        assert ("project.qde" in names) == (fmt == "qdpx")
        assert any(n.startswith("xl/") for n in names) == (fmt == "xlsx")


@pytest.mark.parametrize(
    ("args", "name", "says"),
    [
        (["--format", "xlsx"], "x.ods", "die Endung .ods passt nicht zum Format xlsx"),
        (["--format", "csv"], "x.tsv", "die Endung .tsv passt nicht zum Format csv"),
        ([], "x.ods", "Format unklar"),
        ([], "weitergabe", "Format unklar"),
    ],
)
def test_an_ending_of_another_or_no_format_is_refused(
    small: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    name: str,
    says: str,
) -> None:
    """XLSX content under ".ods" would not open; no ending and no --format says nothing."""
    out = tmp_path / name
    capsys.readouterr()
    assert main(["--project", str(small), "export", *args, str(out)]) == 2
    err = capsys.readouterr().err
    assert says in err and "Nichts geschrieben" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize(("name", "fmt"), [("codebuch.qdc", "qdc"), ("codebuch.yml", "yaml")])
def test_a_codebook_export_without_format_takes_it_from_the_ending(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, fmt: str
) -> None:
    """Without --format, "codebook export codebuch.qdc" was refused."""
    assert main(["--project", str(small), "codebook", "add", "Bedarf"]) == 0
    out = tmp_path / name
    assert main(["--project", str(small), "codebook", "export", str(out)]) == 0
    assert f"({fmt})" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml") == (fmt == "qdc")


@pytest.mark.parametrize(
    ("args", "says"),
    [(["--format", "qdc"], "die Endung .ods passt nicht zum Format qdc"), ([], "Format unklar")],
)
def test_a_codebook_under_an_ods_name_is_refused(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    """REFI-QDA XML under "codebuch.ods" was written; LibreOffice could not open it."""
    assert main(["--project", str(small), "codebook", "add", "Bedarf"]) == 0
    out = tmp_path / "codebuch.ods"
    capsys.readouterr()
    assert main(["--project", str(small), "codebook", "export", *args, str(out)]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert not out.exists()


def test_a_report_without_format_takes_it_from_the_ending(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --format, "report bericht.docx" was refused; "bericht.pdf" without
    it says which endings work (exit 2, no file)."""
    out = tmp_path / "bericht.docx"
    assert main(["--project", str(small), "report", str(out)]) == 0
    assert "Gesamtbericht (docx)" in capsys.readouterr().out
    assert zipfile.ZipFile(out).namelist()
    pdf = tmp_path / "bericht.pdf"
    assert main(["--project", str(small), "report", str(pdf)]) == 2
    err = capsys.readouterr().err
    assert "Format unklar" in err and ".docx" in err and "Traceback" not in err
    assert not pdf.exists()


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["export", "--format", "xlsx"], "weitergabe.csv"),
        (["report", "--format", "html"], "bericht.docx"),
        (["report", "--format", "html"], "bericht.pdf"),
        (["codebook", "export", "--format", "qdc"], "codebuch.yaml"),
        (["codebook", "export", "--format", "yaml"], "codebuch.qdpx"),
    ],
)
def test_every_refused_ending_says_that_nothing_was_written(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], name: str
) -> None:
    """``export`` said "Nichts geschrieben.", ``report`` and ``codebook export`` did not: a
    planner could not tell whether an old file of that name had been replaced."""
    out = tmp_path / name
    out.write_text("alter Stand", encoding="utf-8")
    capsys.readouterr()
    assert main(["--project", str(small), *command, str(out)]) == 2
    err = capsys.readouterr().err
    assert "passt nicht zum Format" in err and err.rstrip().endswith("Nichts geschrieben.")
    assert out.read_text(encoding="utf-8") == "alter Stand"


@pytest.mark.parametrize(
    ("command", "fmt"),
    [
        (["export", "--format", "xlsx"], "xlsx"),
        (["export", "--format", "csv"], "csv"),
        (["export", "--format", "qdpx"], "qdpx"),
        (["report", "--format", "docx"], "docx"),
        (["codebook", "export", "--format", "qdc"], "qdc"),
    ],
)
@pytest.mark.parametrize("name", ["a", "out.xyz", "bericht_14.10.2025"])
def test_with_format_a_name_without_its_ending_is_refused_and_nothing_appended(
    small: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    fmt: str,
    name: str,
) -> None:
    """``export --format xlsx a`` wrote an XLSX named "a", ``--format csv out.xyz`` a CSV
    named .xyz: neither opens by double-click. The command stops and names the ending to
    use; it does not write "a.xlsx" behind the user's back (a script would look for "a")."""
    assert main(["--project", str(small), "codebook", "add", "Bedarf"]) == 0
    folder = tmp_path / "ausgaben"
    folder.mkdir()
    capsys.readouterr()
    assert main(["--project", str(small), *command, str(folder / name)]) == 2
    err = capsys.readouterr().err
    assert f"{name}: " in err and f"passt nicht zum Format {fmt}" in err
    assert f"endet auf .{fmt})" in err and "Nichts geschrieben." in err
    assert "Traceback" not in err
    assert list(folder.iterdir()) == []
    fitting = folder / f"{name}.{fmt}"
    assert main(["--project", str(small), *command, str(fitting)]) == 0
    assert [p.name for p in folder.iterdir()] == [fitting.name]


def test_a_codebook_exported_to_standard_output_says_so_in_words(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``codebook export --format yaml -`` said "1 Code nach - exportiert" (export says
    "nach der Standardausgabe"); the codebook itself on stdout, the line on stderr."""
    assert main(["--project", str(small), "codebook", "add", "Bedarf"]) == 0
    capsys.readouterr()
    assert main(["--project", str(small), "codebook", "export", "--format", "yaml", "-"]) == 0
    out, err = capsys.readouterr()
    assert out.lstrip().startswith("codes:") and "exportiert" not in out
    assert "1 Code nach der Standardausgabe exportiert (yaml)." in err
