"""The comments' pseudonymiser holds the project's key (real names): kept only while it
is used (workbench/participation/comments.py).

The form server keeps a project open for days; the pseudonymiser it built for the first
comment kept every name of the key as long as the project object lived — also the name
of a person ``forget`` had removed, and after the project was closed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.feedback_data import items, knowing_kaya, rated_project
from workbench import Project
from workbench.participation import comments, feedback
from workbench.store.erasure import forget

SURNAME = "Quirmbacher"


def _texts(obj: object, seen: set[int], depth: int = 0) -> Iterator[str]:
    """The strings reachable from ``obj`` (attributes, containers; a few levels deep)."""
    if depth > 5 or id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from _texts(key, seen, depth + 1)
            yield from _texts(value, seen, depth + 1)
    elif isinstance(obj, list | tuple | set | frozenset):
        if len(obj) < 50_000:  # not a fixed vocabulary (a gazetteer)
            for item in obj:
                yield from _texts(item, seen, depth + 1)
    elif hasattr(obj, "__dict__") and type(obj).__module__.startswith("workbench"):
        yield from _texts(vars(obj), seen, depth + 1)


def cached_names(word: str) -> int:
    """How many of the cached pseudonymisers know ``word``."""
    return sum(
        any(word.casefold() in text.casefold() for text in _texts(cached, set()))
        for cached in list(comments._cache.values())
    )


def _commented(project: Project, folder: Path) -> Project:
    """A project whose key learned "Frau Quirmbacher" from a comment (cached since)."""
    rated = knowing_kaya(rated_project(project, folder), folder)
    token = feedback.issue_tokens(rated, 1, district="Manfort")[0]
    comment = f"Frau {SURNAME} vom Sportverein kümmert sich, sagt auch Frau Kaya."
    saved = feedback.save_answer(rated, token, items(rated, token)[0], "agree", 0, comment)
    assert SURNAME not in saved.comment
    assert rated.pseudonym_key()["original"].str.contains(SURNAME, regex=False).any()
    return rated


def test_the_check_finds_the_name_in_the_cached_pseudonymiser(
    project: Project, tmp_path: Path
) -> None:
    """The checks below can fail: after the comment the cache knows the new person."""
    _commented(project, tmp_path)
    assert cached_names(SURNAME) == 1 and cached_names("Kaya") == 1


def test_after_forget_no_cached_pseudonymiser_knows_the_person(
    project: Project, tmp_path: Path
) -> None:
    rated = _commented(project, tmp_path)
    forget(rated, person=f"Frau {SURNAME}", actor="Projektleitung")
    assert not rated.pseudonym_key()["original"].str.contains(SURNAME, regex=False).any()
    assert cached_names(SURNAME) == 0


def test_forget_through_another_project_object_drops_it_as_well(
    project: Project, tmp_path: Path
) -> None:
    """The notebook forgets, the form server's project object (same folder) had cached."""
    rated = _commented(project, tmp_path)
    other = Project.open(rated.path)
    try:
        forget(other, person=f"Frau {SURNAME}", actor="Projektleitung")
    finally:
        other.close()
    assert cached_names(SURNAME) == 0


def test_closing_the_project_drops_its_pseudonymiser(project: Project, tmp_path: Path) -> None:
    rated = _commented(project, tmp_path)
    rated.close()
    assert rated not in comments._cache and cached_names("Kaya") == 0


def test_an_idle_pseudonymiser_is_dropped(project: Project, tmp_path: Path) -> None:
    rated = _commented(project, tmp_path)
    assert comments.drop_idle(time.monotonic() + comments.IDLE_SECONDS / 2) == 1  # in use
    assert rated in comments._cache
    assert comments.drop_idle(time.monotonic() + comments.IDLE_SECONDS) == 0
    assert cached_names(SURNAME) == 0


def test_the_idle_pseudonymiser_goes_without_anyone_asking(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A form server between two rounds: no comment comes that could drop it."""
    monkeypatch.setattr(comments, "IDLE_SECONDS", 0.2)
    pending = comments._sweeper[0]  # an earlier test's timer, set for 300 s
    if pending is not None:
        pending.cancel()
        comments._sweeper[0] = None
    rated = _commented(project, tmp_path)
    deadline = time.monotonic() + 10
    while rated in comments._cache and time.monotonic() < deadline:
        time.sleep(0.05)
    assert rated not in comments._cache
    token = feedback.issue_tokens(rated, 1, district="Manfort")[0]  # and comes back
    saved = feedback.save_answer(rated, token, items(rated, token)[0], "agree", 0, "Frau Kaya")
    assert "Kaya" not in saved.comment


def test_a_forked_kernel_watches_its_own_pseudonymisers(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Voilà forks kernels from a warm process: its timer thread is not in the fork."""
    monkeypatch.setattr(comments, "IDLE_SECONDS", 0.2)
    gone = threading.Timer(0, lambda: None)  # as a fork sees the parent's timer: not alive
    pending = comments._sweeper[0]
    if pending is not None:
        pending.cancel()
    comments._sweeper[0] = gone
    rated = _commented(project, tmp_path)
    assert comments._sweeper[0] is not gone
    deadline = time.monotonic() + 10
    while rated in comments._cache and time.monotonic() < deadline:
        time.sleep(0.05)
    assert rated not in comments._cache
