"""Files holding personal data are readable only by their owner on a shared computer: the
project's SQLite database (texts and the re-identification key, like a backup) and exports
with the original texts; every other output follows the person's umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_migrations import release_copy
from workbench.cli.main import main

CSV = "Text;Sozialraum\nFrau Anna Schmidt sagt: Wir brauchen mehr Bänke;Manfort\n"


@pytest.fixture
def umask() -> Iterator[None]:
    """Run the test with the umask most systems start with (022), then restore it."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _project(tmp_path: Path) -> Path:
    folder = tmp_path / "projekt"
    assert main(["init", str(folder), "--districts", "Manfort"]) == 0
    cards = tmp_path / "karten.csv"
    cards.write_text(CSV, encoding="utf-8")
    assert main(["--project", str(folder), "import", str(cards)]) == 0
    return folder


def test_a_new_project_database_is_readable_by_its_owner_only(tmp_path: Path, umask) -> None:
    folder = _project(tmp_path)
    database = folder / "werkbank.sqlite"
    assert _mode(database) == 0o600
    for journal in folder.glob("werkbank.sqlite-*"):  # WAL and shared memory, if left
        assert not _mode(journal) & 0o077, journal


def test_a_restored_project_database_is_readable_by_its_owner_only(tmp_path: Path, umask) -> None:
    folder = _project(tmp_path)
    backup = tmp_path / "sicherung.zip"
    assert main(["--project", str(folder), "backup", str(backup)]) == 0
    assert main(["restore", str(backup), str(tmp_path / "wieder")]) == 0
    assert _mode(tmp_path / "wieder" / "werkbank.sqlite") == 0o600


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "qdpx"])
def test_an_export_with_original_texts_is_readable_by_its_owner_only(
    fmt: str, tmp_path: Path, umask
) -> None:
    folder = _project(tmp_path)
    originals, plain = tmp_path / f"original.{fmt}", tmp_path / f"pseudonym.{fmt}"
    assert (
        main(["--project", str(folder), "export", "--format", fmt, "--originals", str(originals)])
        == 0
    )
    assert main(["--project", str(folder), "export", "--format", fmt, str(plain)]) == 0
    assert _mode(originals) == 0o600
    assert _mode(plain) == 0o644  # pseudonymised: meant to be passed on


def test_outputs_follow_a_strict_umask(tmp_path: Path) -> None:
    """Someone who set umask 077 gets reports and exports nobody else can read."""
    before = os.umask(0o077)
    try:
        folder = _project(tmp_path)
        report, table = tmp_path / "bericht.html", tmp_path / "aussagen.csv"
        assert main(["--project", str(folder), "report", "--format", "html", str(report)]) == 0
        assert main(["--project", str(folder), "export", "--format", "csv", str(table)]) == 0
    finally:
        os.umask(before)
    assert _mode(report) == 0o600
    assert _mode(table) == 0o600


def test_upgrade_makes_an_older_project_database_owner_only(tmp_path: Path, umask, capsys) -> None:
    """A project made before new databases were 0600 keeps its world-readable file until
    `workbench upgrade`, which tightens it and says so."""
    release = release_copy(tmp_path)  # a real project of an older workbench
    os.chmod(release / "werkbank.sqlite", 0o644)
    current = _project(tmp_path)  # up to date, but its file was made readable before
    os.chmod(current / "werkbank.sqlite", 0o644)
    for folder in (release, current):
        capsys.readouterr()
        assert main(["--project", str(folder), "upgrade"]) == 0
        out = capsys.readouterr().out
        assert _mode(folder / "werkbank.sqlite") == 0o600
        assert "Rechte 644" in out and "Rechte 600" in out
        assert main(["--project", str(folder), "upgrade"]) == 0  # nothing more to say
        assert "Rechte" not in capsys.readouterr().out
