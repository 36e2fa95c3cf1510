"""A statement is erased while someone else writes to the same project (both backends).

``workbench forget`` reads the statements a request names and then deletes them and what
follows from them (codings, key entries). An import that adds a statement of the same
person, a coder who codes one of the statements, or a participant who answers with the
token being erased, at that moment must neither leave something of the erased person
behind nor end in a traceback. On PostgreSQL the erasure failed on a foreign key (a
coding stored meanwhile), deadlocked with the participant, or deleted the key entry the
import had just used (her later statement could no longer be found by her name). The
erasure now takes the write lock (:func:`workbench.store.schema.lock_writes`) and locks
the rows it erases.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_concurrent_imports import _at_once
from workbench import Project
from workbench.store import erasure


def _held_forget(
    project: Project,
    first: Callable[[Project], object],
    second: Callable[[Project], object],
    at: str = "select_statements",
) -> list[BaseException]:
    """Run ``first`` and ``second`` at once; the second starts once the first is in
    ``erasure.<at>`` (``select_statements``: has read the statements to erase, deleted
    nothing; ``cut_segments``: has deleted their codings, not yet the statements;
    ``_audit``: has deleted everything, key entries too, and not yet committed)."""
    inside, second_done = threading.Event(), threading.Event()
    select = getattr(erasure, at)

    def held(*args: object, **kwargs: object) -> object:
        found = select(*args, **kwargs)
        if threading.current_thread().name == "erster":
            inside.set()
            second_done.wait(timeout=3)  # before the fix the second writer ran meanwhile
        return found

    setattr(erasure, at, held)
    try:
        return _at_once(project, first, second, inside, second_done)
    finally:
        setattr(erasure, at, select)


def _chat(folder: Path, name: str, text: str) -> Path:
    """A Zoom chat of a workshop in Manfort: Anna Schmidt writes ``text``, Karl Becker answers."""
    path = folder / name
    path.write_text(
        f"10:02:43 From Anna Schmidt to Everyone:\n\t{text}\n"
        "10:03:10 From Karl Becker to Everyone:\n\tEs fehlen Bänke am Spielplatz.\n",
        encoding="utf-8",
    )
    return path


def _import(project: Project, path: Path) -> object:
    return project.import_files([path], district="Manfort", workshop=path.stem)


def _forget_anna(p: Project) -> object:
    return erasure.forget(p, speaker="Anna Schmidt", actor="Forschung")


@pytest.mark.backends
@pytest.mark.parametrize("at", ["select_statements", "_audit"])
def test_an_import_of_the_same_person_during_an_erasure(
    project: Project, tmp_path: Path, at: str
) -> None:
    _import(project, _chat(tmp_path, "chat_1.txt", "Der Treffpunkt im Viertel fehlt."))
    later = _chat(tmp_path, "chat_2.txt", "Die Beleuchtung am Bahnhof ist zu schwach.")

    errors = _held_forget(project, _forget_anna, lambda p: _import(p, later), at)

    assert errors == []
    texts = list(project.segments()["text"])
    assert "Der Treffpunkt im Viertel fehlt." not in texts  # erased
    assert "Die Beleuchtung am Bahnhof ist zu schwach." in texts  # imported after it
    assert len(texts) == 3
    # the later statement is hers under a key entry of her name: she can be forgotten again
    report = erasure.forget(project, speaker="Anna Schmidt", dry_run=True)
    assert report.counts["statements"] == 1


@pytest.mark.backends
@pytest.mark.parametrize("at", ["select_statements", "cut_segments"])
def test_coding_a_statement_while_it_is_erased(project: Project, tmp_path: Path, at: str) -> None:
    _import(project, _chat(tmp_path, "chat_1.txt", "Der Treffpunkt im Viertel fehlt."))
    project.add_code("Ort")
    segments = project.segments()
    erased = int(
        segments.loc[segments["text"].str.startswith("Der Treffpunkt"), "segment_id"].item()
    )

    errors = _held_forget(
        project, _forget_anna, lambda p: p.code_segment(erased, "Ort", coder="kira"), at
    )

    assert erased not in set(project.segments()["segment_id"]), errors
    assert project.codings().empty or erased not in set(project.codings()["segment_id"])
    for error in errors:  # the coder may be told the statement is gone, in German
        assert type(error).__name__ == "InputError", repr(error)


@pytest.mark.backends
def test_a_participant_answers_while_the_token_is_erased(project: Project, tmp_path: Path) -> None:
    from tests.feedback_data import rated_project
    from workbench.participation import feedback
    from workbench.participation.feedback import InvalidToken
    from workbench.store import FeedbackAnswer, FeedbackToken

    rated = rated_project(project, tmp_path)
    [token] = feedback.issue_tokens(rated, 1)
    item = feedback.open_ballot(rated, token).items[0].item_id
    feedback.save_answer(rated, token, item, "trifft zu", 1, "stimmt")
    inside, second_done = threading.Event(), threading.Event()
    delete = erasure.delete_rows

    def held(session: object, model: type, condition: object) -> int:
        deleted = delete(session, model, condition)  # type: ignore[arg-type]
        if model is FeedbackAnswer and threading.current_thread().name == "erster":
            inside.set()  # the answers are deleted, the token not yet
            second_done.wait(timeout=3)  # before the fix the participant saved meanwhile
        return deleted

    erasure.delete_rows = held  # type: ignore[assignment]
    try:
        errors = _at_once(
            rated,
            lambda p: erasure.forget(p, token=token, actor="Forschung"),
            lambda p: feedback.save_answer(p, token, item, "trifft nicht zu", 2, "doch nicht"),
            inside,
            second_done,
        )
    finally:
        erasure.delete_rows = delete  # type: ignore[assignment]
    assert [type(e) for e in errors] == [InvalidToken], errors  # the participant is told
    with rated.session() as session:
        assert session.query(FeedbackToken).count() == 0
        assert session.query(FeedbackAnswer).count() == 0
