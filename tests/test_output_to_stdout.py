"""An output file named /dev/stdout (decision 013: for scripts) holds the data alone.

`workbench codebook export --format yaml /dev/stdout | skript` or `> codebuch.yaml`: the
line saying what was written goes to stderr, as for `export`, not after the data.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from workbench.cli.common import EXIT_PIPE
from workbench.cli.main import main
from workbench.project import Project

COMMAND = "import sys; from workbench.cli.main import main; sys.exit(main(sys.argv[1:]))"


def _run(arguments: list[str], stdout: object) -> subprocess.CompletedProcess[str]:
    """The CLI in a process of its own, its standard output ``stdout`` (a file or a pipe)."""
    return subprocess.run(
        [sys.executable, "-c", COMMAND, *arguments],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        timeout=300,
    )


@pytest.mark.parametrize("into", ["file", "pipe"])
def test_codebook_exported_to_dev_stdout_is_yaml_alone(
    project: Project, tmp_path: Path, into: str
) -> None:
    where = ["--project", str(project.path)]
    assert main([*where, "codebook", "add", "Bedarf"]) == 0
    assert main([*where, "codebook", "add", "Bedarf/Spielplatz"]) == 0
    arguments = [*where, "codebook", "export", "--format", "yaml", "/dev/fd/1"]
    if into == "file":
        target = tmp_path / "codebuch.yaml"
        with target.open("wb") as stdout:
            result = _run(arguments, stdout)
        data = target.read_text(encoding="utf-8")
    else:
        result = _run(arguments, subprocess.PIPE)
        data = result.stdout
    assert result.returncode == 0, result.stderr
    codes = yaml.safe_load(data)["codes"]  # the summary line made it no YAML
    assert "Spielplatz" in str(codes) and "exportiert" not in data
    assert "2 Codes nach /dev/fd/1 exportiert (yaml)." in result.stderr


def test_export_to_dev_stdout_whose_reader_stopped_ends_quietly(
    project: Project, tmp_path: Path
) -> None:
    # `workbench export --format csv /dev/stdout | head -1`: head has what it wanted and
    # goes; that is no error of the export ("Fehler: … lässt sich nicht schreiben: Broken
    # pipe", exit 2, before), but ends it as `export - | head` and `status | head` do: quiet,
    # with the status a shell reports for a Unix tool SIGPIPE ended (141).
    cards = tmp_path / "karten.csv"
    cards.write_text("Text,Sozialraum\nMehr Bänke am Markt,Nordstadt\n", encoding="utf-8")
    project.import_files([cards])
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before the first byte
    arguments = ["--project", str(project.path), "export", "--format", "csv", "/dev/fd/1"]
    try:
        result = _run(arguments, writer)
    finally:
        os.close(writer)
    assert "Fehler" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert result.returncode == EXIT_PIPE


def test_dash_as_output_is_the_standard_output_not_a_file_named_dash(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    # `workbench export --format csv -` writes to the standard output; the other commands
    # with an output file wrote a hidden file "-" into the current folder instead (the
    # codebook, a list of access codes, a report) and said "nach - exportiert".
    monkeypatch.chdir(tmp_path)
    where = ["--project", str(project.path)]
    assert main([*where, "codebook", "add", "Bedarf"]) == 0
    capsys.readouterr()
    assert main([*where, "codebook", "export", "--format", "yaml", "-"]) == 0
    out, err = capsys.readouterr()
    assert yaml.safe_load(out)["codes"][0]["name"] == "Bedarf"
    assert "1 Code nach der Standardausgabe exportiert (yaml)." in err
    indicators = tmp_path / "indikatoren.csv"
    indicators.write_text(
        "district,indicator,year,value,unit,source\n"
        "Gesamtstadt,SGB-II-Quote,2019,9.5,%,Amt\nManfort,SGB-II-Quote,2019,14.5,%,Amt\n",
        encoding="utf-8",
    )
    assert main([*where, "indicators", "--import", str(indicators)]) == 0
    capsys.readouterr()
    assert main([*where, "indicators", "--out", "-"]) == 0
    assert "SGB-II-Quote" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["indikatoren.csv", "projekt"]
