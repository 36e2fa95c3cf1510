"""A ``forget`` in another process reaches the form server's kept key
(workbench/core/word_caches.py: forget mark; workbench/participation/comments.py).

The form server keeps the comments' pseudonymiser (the key with real names) while
comments come in. ``workbench forget`` runs in a process of its own: before, the server
kept the forgotten person's name until the pseudonymiser was unused for five minutes.
Here the test process is the server, and the CLI a real second process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import workbench
from tests.feedback_data import items
from tests.test_comment_key_cache import SURNAME, _commented, cached_names
from workbench import Project
from workbench.participation import comments, feedback

CODE = Path(workbench.__file__).resolve().parents[1]  # the code under test, for the CLI
WAIT = 10.0  # seconds: the server looks at the project folder every 2 s (IDLE_SECONDS: 300)


def cli_forget(project: Path, *request: str) -> subprocess.CompletedProcess[str]:
    """``workbench --project PROJECT forget REQUEST`` in a process of its own."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["PYTHONPATH"] = str(CODE)
    command = [sys.executable, "-m", "workbench", "--project", str(project), "forget", *request]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def _gone(project: Project, seconds: float) -> bool:
    """Whether the project's pseudonymiser is dropped within ``seconds``, no comment coming."""
    deadline = time.monotonic() + seconds
    while project in comments._cache and time.monotonic() < deadline:
        time.sleep(0.05)
    return project not in comments._cache


def test_a_forget_in_another_process_drops_the_kept_key_within_seconds(
    project: Project, tmp_path: Path
) -> None:
    rated = _commented(project, tmp_path)
    assert cached_names(SURNAME) == 1
    done = cli_forget(rated.path, "--person", f"Frau {SURNAME}", "--by", "Projektleitung")
    assert done.returncode == 0, done.stderr
    assert SURNAME not in done.stdout + done.stderr
    assert not rated.pseudonym_key()["original"].str.contains(SURNAME, regex=False).any()
    # no comment comes, the idle time (300 s) is far: the mark alone lets it go
    assert _gone(rated, WAIT)
    assert cached_names(SURNAME) == 0
    token = feedback.issue_tokens(rated, 1, district="Manfort")[0]  # and the form goes on
    saved = feedback.save_answer(rated, token, items(rated, token)[0], "agree", 0, "Frau Kaya")
    assert "Kaya" not in saved.comment
    assert cached_names(SURNAME) == 0 and cached_names("Kaya") == 1


def test_a_dry_run_in_another_process_keeps_the_key_and_the_mark(
    project: Project, tmp_path: Path
) -> None:
    """Guard: only a forget that removed something costs the server its pseudonymiser."""
    rated = _commented(project, tmp_path)
    kept = comments._cache[rated]
    done = cli_forget(rated.path, "--person", f"Frau {SURNAME}", "--dry-run")
    assert done.returncode == 0, done.stderr
    time.sleep(5.0)  # the watch has looked at least twice
    assert comments._cache.get(rated) is kept
    assert not (rated.path / ".forget-mark").exists()


def test_a_mark_that_cannot_be_written_is_said(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder the forget cannot write: the researcher hears that a server may keep it."""
    from workbench.store import erasure

    rated = _commented(project, tmp_path)
    monkeypatch.setattr(erasure, "mark_forgotten", lambda path: False)
    report = erasure.forget(rated, person=f"Frau {SURNAME}", actor="Projektleitung")
    assert report.counts["key_entries"] >= 1
    assert any(".forget-mark" in note and "5 Minuten" in note for note in report.notes)
    assert SURNAME not in " ".join(report.notes)
