"""Two researchers issue access codes for the same items at the same moment (both backends).

Codes issued while the items stay the same belong to one round, so that the answers of
all workshops are counted together. Two ``workbench tokens`` at once (a colleague for
Manfort, another for Wiesdorf) both found no round yet: the later one failed on the
feedback item both stored (a unique-constraint traceback), or, with the items already
stored, made a second round with the same items. Issuing now takes the project's write
lock; the later one joins the round the first made.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.feedback_data import count, rated_project
from tests.test_concurrent_imports import _at_once
from workbench import Project
from workbench.participation import tokens
from workbench.store import FeedbackItem, FeedbackRound, FeedbackToken


@pytest.mark.backends
def test_codes_issued_at_once_for_two_workshops_share_one_round(
    project: Project, tmp_path: Path
) -> None:
    rated_project(project, tmp_path)
    inside, second_done = threading.Event(), threading.Event()
    round_for = tokens.round_for

    def held(*args: object, **kwargs: object) -> int:
        found = round_for(*args, **kwargs)  # type: ignore[arg-type]
        if threading.current_thread().name == "erster":  # made the round, not committed
            inside.set()
            second_done.wait(timeout=3)  # before the fix the second issue ran meanwhile
        return found

    tokens.round_for = held  # type: ignore[assignment]
    try:
        errors = _at_once(
            project,
            lambda p: tokens.issue_tokens(p, 3, district="Manfort"),
            lambda p: tokens.issue_tokens(p, 2, district="Wiesdorf"),
            inside,
            second_done,
        )
    finally:
        tokens.round_for = round_for
    assert errors == []
    assert count(project, FeedbackToken) == 5
    assert count(project, FeedbackRound) == 1
    assert count(project, FeedbackItem) == 3  # the three needs, stored once
