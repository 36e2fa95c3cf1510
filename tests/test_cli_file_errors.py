"""Files the operating system refuses (a symlink loop, a file grown too large, a rare
error): the CLI says why in German, naming the file, exit 2, never the system's English."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from workbench.cli.main import main
from workbench.core.fileio import describe_os_error, os_reason


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    """A symbolic link that points, through a second one, back at itself."""
    first, second = tmp_path / "schleife.csv", tmp_path / "zurueck.csv"
    first.symlink_to(second)
    second.symlink_to(first)
    return first


@pytest.mark.parametrize(
    "command",
    [
        ["restore", "{loop}", "{tmp}/neu"],
        ["--project", "{project}", "indicators", "--import", "{loop}"],
        ["--project", "{project}", "konzept", "--out", "{tmp}/k.html", "--text", "{loop}"],
        ["--project", "{project}", "report", "--format", "html", "{tmp}/r.html", "--konzept",
         "{loop}"],
    ],
)  # fmt: skip
def test_a_symlink_loop_is_named_in_german(
    command: list[str], loop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """restore, indicators, konzept and report said "Too many levels of symbolic links"."""
    project = tmp_path / "projekt"
    assert main(["init", str(project), "--districts", "Manfort"]) == 0
    capsys.readouterr()
    argv = [a.format(loop=loop, tmp=tmp_path, project=project) for a in command]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "schleife.csv" in err and "Kreis aus symbolischen Verknüpfungen" in err
    assert "Too many" not in err and "Traceback" not in err
    assert not (tmp_path / "neu").exists() and not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("code", [errno.ELOOP, errno.EFBIG, errno.EXDEV, errno.EIO, 999])
def test_no_error_of_the_system_stays_english(code: int) -> None:
    """A reason the table did not know came as the system's English text."""
    reason = describe_os_error(OSError(code, os.strerror(code), "daten.csv"))
    assert reason.startswith("daten.csv: ") and os.strerror(code) not in reason
    assert os_reason(OSError(code, "x")) == reason.removeprefix("daten.csv: ").rstrip(".")


def test_a_backup_with_a_row_twice_is_refused_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """restore of a backup whose table holds a row twice (edited by hand, merged from two)
    ended in "fehlgeschlagen (Tabelle districts): IntegrityError", a Python class name."""
    import zipfile

    project, backup, broken = tmp_path / "projekt", tmp_path / "s.zip", tmp_path / "d.zip"
    assert main(["init", str(project), "--districts", "Manfort"]) == 0
    assert main(["--project", str(project), "backup", str(backup)]) == 0
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "tables/districts.jsonl":
                data += data.splitlines(keepends=True)[0]
            target.writestr(name, data)
    capsys.readouterr()
    assert main(["restore", str(broken), str(tmp_path / "neu")]) == 2
    err = capsys.readouterr().err
    assert "Tabelle districts" in err and "verletzt eine Regel der Datenbank" in err
    assert "Error" not in err and "Traceback" not in err
    assert not (tmp_path / "neu").exists()


def test_an_unknown_database_error_is_said_in_german() -> None:
    """upgrade, backup and opening a project named an error they did not know by its class."""
    from sqlalchemy.exc import OperationalError

    from workbench.store.problems import database_failure

    err = OperationalError("SELECT 1", {}, Exception("some new failure"))
    said = database_failure(err)
    assert said.startswith("Unerwarteter Fehler der Datenbank") and "Error" not in said
