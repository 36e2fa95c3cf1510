"""New people numbered at the same moment: a confirmed name and an import, two comments.

``workbench pseudonyms confirm WORT`` replaces the word by a person placeholder in every
statement; a new person gets the number after the highest in the key, as in an import.
On PostgreSQL the confirmation did not wait for an import that was numbering new people
at the same moment: both read the same key, and two different people came out under one
placeholder (the key could no longer tell them apart). A confirmation now takes the
project's write lock, like an import (decision 001, Nachtrag).
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.feedback_data import items, rated_project
from tests.test_concurrent_imports import _at_once, _protocol
from workbench import Project
from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.review import decide
from workbench.participation import ballots, feedback
from workbench.store import FeedbackAnswer


@pytest.mark.backends
def test_a_confirmed_name_and_an_imported_person_get_different_placeholders(
    project: Project, tmp_path: Path
) -> None:
    earlier = _protocol(tmp_path, "a.md", "Workshop Manfort", "Manfort", "Anna Schmidt")
    project.import_files([earlier])
    with_word = tmp_path / "b.md"
    with_word.write_text(
        earlier.read_text(encoding="utf-8")
        .replace("Workshop Manfort", "Folgeworkshop Manfort")
        .replace(
            "Es gibt zu wenige Bänke am Spielplatz.",
            "Die Projektleiterin Quandtmeyer hat den Raum organisiert.",
        ),
        encoding="utf-8",
    )
    project.import_files([with_word])
    assert project.segments()["text"].str.contains("Quandtmeyer").any()
    other = _protocol(tmp_path, "c.md", "Workshop Wiesdorf", "Wiesdorf", "Dieter Maus")

    inside, second_done = threading.Event(), threading.Event()
    store_new = Pseudonymiser.store_new

    def held(self: Pseudonymiser, session: object) -> None:
        store_new(self, session)
        if threading.current_thread().name == "erster":  # numbered, not committed yet
            inside.set()
            second_done.wait(timeout=3)  # before the fix the import ran meanwhile

    Pseudonymiser.store_new = held  # type: ignore[method-assign]
    try:
        errors = _at_once(
            project,
            lambda p: decide(p, ["Quandtmeyer"], "confirm", "Forschung"),
            lambda p: p.import_files([other]),
            inside,
            second_done,
        )
    finally:
        Pseudonymiser.store_new = store_new  # type: ignore[method-assign]

    assert errors == []
    key = project.pseudonym_key()
    people = key[key["kind"] == "person"]
    assert sorted(people["original"]) == ["Anna Schmidt", "Dieter Maus", "Quandtmeyer"]
    assert people["placeholder"].is_unique, people
    texts = " ".join(project.segments()["text"])
    assert "Quandtmeyer" not in texts and "Dieter Maus" not in texts


@pytest.mark.backends
def test_two_comments_naming_new_people_at_once_give_them_different_placeholders(
    project: Project, tmp_path: Path
) -> None:
    """Two participants (two app processes) save a comment naming a new person in the same
    moment. On PostgreSQL the second comment's transaction read the key without the first's
    uncommitted person and gave its person the same number; it now takes the write lock
    once it finds a new person, waits for the first to commit and numbers after it."""
    rated_project(project, tmp_path)
    first_token, second_token = feedback.issue_tokens(project, 2, district="Manfort")
    item = items(project, first_token)[0]
    inside, second_done = threading.Event(), threading.Event()
    pseudonymise = ballots.pseudonymise_comment

    def held(*args: object) -> str:
        stored = pseudonymise(*args)
        if threading.current_thread().name == "erster":  # key grown, not committed yet
            inside.set()
            second_done.wait(timeout=3)  # without the lock the second one commits meanwhile
        return stored

    ballots.pseudonymise_comment = held  # type: ignore[assignment]
    try:
        errors = _at_once(
            project,
            lambda p: feedback.save_answer(
                p, first_token, item, "agree", 0, "Herr Brzezinski vom Sportverein hilft."
            ),
            lambda p: feedback.save_answer(
                p, second_token, item, "agree", 0, "Frau Oltmanns aus der Kita fragt nach."
            ),
            inside,
            second_done,
        )
    finally:
        ballots.pseudonymise_comment = pseudonymise  # type: ignore[assignment]

    assert errors == []
    key = project.pseudonym_key()
    people = key[key["kind"] == "person"]
    assert {"Brzezinski", "Oltmanns"} <= {name.split()[-1] for name in people["original"]}
    assert people["placeholder"].is_unique, people
    with project.session() as session:
        said = list(session.scalars(select(FeedbackAnswer.comment)))
    assert len(said) == 2 and not any("Brzezinski" in c or "Oltmanns" in c for c in said)
    named = [re.findall(r"\[Person \d+\]", comment) for comment in said]
    assert all(len(n) == 1 for n in named) and named[0] != named[1], said
