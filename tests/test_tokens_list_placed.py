"""`tokens --out` when the codes are committed but their list cannot take its name (session
37): before, the command said only "codes.csv lässt sich nicht schreiben" – as if nothing
had happened – while the codes were stored and their only copy deleted."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from tests.need_run_data import need_run_project
from workbench import Project
from workbench.cli.main import main
from workbench.participation import feedback
from workbench.participation.tokens import hash_token

ROWS = [("Bänke fehlen", "M", 0), ("Mehr Bänke", "O", 0), ("Kein Jugendtreff", "W", 1)]


def _hashes(folder: Path) -> set[str]:
    """The stored checksums of the project's access codes."""
    with Project.open(folder) as project, project.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT token_hash FROM feedback_tokens")
        return {row[0] for row in rows}


def test_a_folder_removed_before_the_list_is_named_says_the_codes_are_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    small = need_run_project(tmp_path, ROWS)
    out = tmp_path / "ausgabe" / "codes.csv"
    out.parent.mkdir()
    issue = feedback.issue_tokens

    def then_folder_gone(*args, **kwargs):  # type: ignore[no-untyped-def]
        tokens = issue(*args, **kwargs)  # committed
        shutil.rmtree(out.parent)  # someone tidies up meanwhile: the temporary file too
        return tokens

    monkeypatch.setattr(feedback, "issue_tokens", then_folder_gone)
    args = ["--project", str(small), "tokens", "--n", "2", "--district", "Manfort"]
    assert main([*args, "--formular", "--out", str(out)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert err.startswith("Fehler: Die 2 Zugangscodes sind gespeichert, aber ihre Liste ließ")
    assert "Traceback" not in err and "lassen sich nicht erneut ausgeben" in err
    assert err.endswith(
        f"Neue Codes mit Liste, sobald der Ordner da ist: workbench --project {small} tokens "
        f"--n 2 --district Manfort --formular --out {out}"
    )
    assert len(_hashes(small)) == 2  # stored, as the message says


def test_a_list_that_cannot_take_its_name_is_kept_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    small = need_run_project(tmp_path, ROWS)
    out = tmp_path / "codes.csv"
    replace = os.replace

    def refused(src, dst):  # type: ignore[no-untyped-def]
        if Path(dst) == out:
            raise OSError(errno.EACCES, "Permission denied")
        return replace(src, dst)

    monkeypatch.setattr(os, "replace", refused)
    assert main(["--project", str(small), "tokens", "--n", "3", "--out", str(out)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    [kept] = [p for p in tmp_path.iterdir() if p.name.startswith(".codes.csv.")]
    assert err.startswith("Fehler: Die 3 Zugangscodes sind gespeichert, aber ihre Liste ließ")
    assert f"Sie liegt in {kept}, der einzigen Kopie der Codes" in err
    assert f"mv {kept} {out}" in err and not out.exists()
    lines = kept.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "token;url" and len(lines) == 4
    assert {hash_token(line.split(";")[0]) for line in lines[1:]} == _hashes(small)
    assert kept.stat().st_mode & 0o077 == 0  # the codes' only copy: the owner's alone
