"""After ``workbench forget`` the SQLite file itself holds nothing of the erased text:
not in its free space, not in an old page, not in the write-ahead log beside it."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pandas as pd
import pytest

from workbench import Project
from workbench.cli.main import main

ERASED = "Zebrastreifenhaus"  # a word only the forgotten statement has


def _files(folder: Path) -> dict[str, bytes]:
    """The bytes of the database file and its write-ahead log (if any)."""
    return {f.name: f.read_bytes() for f in folder.glob("werkbank.sqlite*") if f.is_file()}


def test_the_database_file_keeps_no_trace_of_a_forgotten_statement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite leaves deleted rows in the file's free space and the old page in the file
    until a checkpoint: `strings werkbank.sqlite` showed the erased statement twice."""
    folder = tmp_path / "projekt"
    assert main(["init", str(folder)]) == 0
    texts = [f"Aussage {i}: der Bus fährt selten, im Park fehlen Bänke." for i in range(300)]
    texts[150] = f"Frau Quandtmeyerowa erzählt vom Jugendtreff im {ERASED}."
    source = tmp_path / "aussagen.csv"
    pd.DataFrame({"ID": [str(i) for i in range(300)], "Text": texts}).to_csv(
        source, sep=";", index=False
    )
    project_args = ["--project", str(folder)]
    assert main([*project_args, "import", str(source), "--text-column", "Text"]) == 0
    with Project.open(folder) as project:
        segments = project.segments()
        kept_open = Project.open(folder)  # a reader (an app) that stays open meanwhile
        assert len(kept_open.segments()) == 300
    erased = segments.loc[segments["text"].str.contains(ERASED), "segment_id"].iloc[0]
    assert any(ERASED.encode() in data for data in _files(folder).values())
    assert main([*project_args, "forget", "--statement", str(erased)]) == 0
    for name, data in _files(folder).items():
        assert ERASED.encode() not in data, name
        assert b"Quandtmeyerowa" not in data, name
    with kept_open:  # the reader sees today's state and the rest stays
        assert len(kept_open.segments()) == 299


def test_forget_does_not_wait_long_for_a_reader_and_says_what_is_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reader in the middle of a transaction (an app loading a page) keeps the log: the
    erasure is done at once and says that the log may still hold the texts."""
    folder = tmp_path / "projekt"
    assert main(["init", str(folder)]) == 0
    source = tmp_path / "aussagen.csv"
    pd.DataFrame({"ID": ["1", "2"], "Text": [f"Im {ERASED}.", "Busse fehlen."]}).to_csv(
        source, sep=";", index=False
    )
    args = ["--project", str(folder), "import", str(source), "--text-column", "Text"]
    assert main([*args, "--id-column", "ID"]) == 0
    reader = sqlite3.connect(folder / "werkbank.sqlite")
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM segments").fetchone()
        capsys.readouterr()
        started = time.monotonic()
        assert main(["--project", str(folder), "forget", "--source", "1"]) == 0
        assert time.monotonic() - started < 30
        out = capsys.readouterr().out
        assert "werkbank.sqlite-wal" in out and "Sitzungen schließen" in out
    finally:
        reader.close()
    assert main(["--project", str(folder), "forget", "--source", "2"]) == 0
    assert "werkbank.sqlite-wal" not in capsys.readouterr().out  # nobody reads: emptied
    for name, data in _files(folder).items():
        assert ERASED.encode() not in data, name
