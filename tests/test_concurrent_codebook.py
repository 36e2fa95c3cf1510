"""A code is deleted (``codebook delete --force``) while a colleague codes with it or
undoes a step on it, or a coder is renamed while the name it becomes codes (both backends).

On PostgreSQL the deletion failed on a foreign key when a coding was stored between its
deleting the codings and the code (a traceback for whoever deleted), and an undo of a step
on the code at that moment ended in a traceback. The deletion now locks the code rows
first (a coder waits, then hears the code is gone), deletes codings before the log, and
an undo whose step vanished with its code starts again on what is left. A coder rename
failed on the unique coding when the target name stored the same coding meanwhile; it
now reads again and keeps that coding once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_concurrent_imports import _at_once
from workbench import Project
from workbench.coding import codebook_ops

PROTOCOL = """---
workshop: Quartiersworkshop Manfort
district: Manfort
date: 2021-03-12
---
# Quartiersworkshop Manfort

## Herausforderungen und Bedarfe

- Es fehlen Treffpunkte für Jugendliche am Abend.
- Die Busverbindung nach Opladen ist abends zu selten.
"""


def _held_delete(project: Project, second: Callable[[Project], object]) -> list[BaseException]:
    """Delete 'Themen/Treffpunkte' (force) and run ``second`` once the deletion has removed
    the codings, before it removes the code and commits."""
    inside, second_done = threading.Event(), threading.Event()
    subtree, calls = codebook_ops._subtree, []

    def held(*args: object, **kwargs: object) -> object:
        found = subtree(*args, **kwargs)
        if threading.current_thread().name == "erster":
            calls.append(1)
            if len(calls) == 2:  # the second call: codings deleted, code not yet
                inside.set()
                second_done.wait(timeout=3)  # before the fix the second writer ran meanwhile
        return found

    codebook_ops._subtree = held
    try:
        return _at_once(
            project, lambda p: p.remove_code("Themen/Treffpunkte", force=True), second,
            inside, second_done,
        )  # fmt: skip
    finally:
        codebook_ops._subtree = subtree


@pytest.fixture
def coded(project: Project, tmp_path: Path) -> list[int]:
    """Two statements; Jürgen coded the first with the code about to be deleted."""
    protocol = tmp_path / "manfort.md"
    protocol.write_text(PROTOCOL, encoding="utf-8")
    project.import_files([protocol])
    for path in ("Themen", "Themen/Treffpunkte", "Bedarf"):
        project.add_code(path)
    ids = sorted(int(i) for i in project.segments()["segment_id"])
    project.code_segment(ids[1], "Bedarf", "Jürgen")
    project.code_segment(ids[0], "Themen/Treffpunkte", "Jürgen")
    return ids


@pytest.mark.backends
def test_coding_with_a_code_while_it_is_deleted(project: Project, coded: list[int]) -> None:
    errors = _held_delete(
        project, lambda p: p.code_segment(coded[1], "Themen/Treffpunkte", "Ayşe Öztürk")
    )
    for error in errors:  # the coder may be told the code is gone, in German
        assert type(error).__name__ == "InputError", repr(error)
        assert "steht nicht im Codebuch" in str(error)
    assert "Themen/Treffpunkte" not in {s.path for s in project.codebook()}
    assert set(project.codings()["code"]) == {"Bedarf"}


@pytest.mark.backends
@pytest.mark.filterwarnings("error::sqlalchemy.exc.SAWarning")  # English, on stderr
def test_undoing_a_step_on_a_code_while_it_is_deleted(project: Project, coded: list[int]) -> None:
    errors = _held_delete(project, lambda p: p.undo("Jürgen"))
    assert errors == []
    assert "Themen/Treffpunkte" not in {s.path for s in project.codebook()}
    # The step on the deleted code went with it; the undo took the one before.
    assert project.codings().empty


def _held_rename(project: Project, second: Callable[[Project], object]) -> list[BaseException]:
    """Rename coder 'Jürgn' to 'Jürgen' and run ``second`` once the rename has read the
    codings of both, before it writes."""
    from workbench.coding import coders

    inside, second_done = threading.Event(), threading.Event()
    key = coders._key

    def held(coding: object) -> object:
        if threading.current_thread().name == "erster" and not inside.is_set():
            inside.set()
            second_done.wait(timeout=3)  # before the fix the second writer ran meanwhile
        return key(coding)  # type: ignore[arg-type]

    coders._key = held  # type: ignore[assignment]
    try:
        return _at_once(
            project, lambda p: p.rename_coder("Jürgn", "Jürgen"), second, inside, second_done
        )
    finally:
        coders._key = key


@pytest.mark.backends
def test_renaming_a_coder_while_the_right_name_codes_the_same(
    project: Project, coded: list[int]
) -> None:
    """Jürgen coded a statement once under a typo ('Jürgn'); while a colleague merges the
    typo into his name, he codes the same statement with the same code in the app. Both
    end without an error and the coding is his, once."""
    project.code_segment(coded[1], "Themen/Treffpunkte", "Jürgn")

    errors = _held_rename(
        project, lambda p: p.code_segment(coded[1], "Themen/Treffpunkte", "Jürgen")
    )

    assert errors == []
    codings = project.codings()
    mine = codings[(codings["segment_id"] == coded[1]) & (codings["code"] == "Themen/Treffpunkte")]
    assert mine["coder"].tolist() == ["Jürgen"]
    assert "Jürgn" not in set(codings["coder"])


def _held_removal(project: Project, second: Callable[[Project], object]) -> list[BaseException]:
    """Remove all codings of Jürgen and run ``second`` once the removal has read them,
    before it logs and deletes them."""
    from workbench.coding import coders

    inside, second_done = threading.Event(), threading.Event()
    log = coders.log_action

    def held(*args: object, **kwargs: object) -> object:
        if threading.current_thread().name == "erster" and not inside.is_set():
            inside.set()
            second_done.wait(timeout=3)  # before the fix the second writer ran meanwhile
        return log(*args, **kwargs)  # type: ignore[arg-type]

    coders.log_action = held  # type: ignore[assignment]
    try:
        return _at_once(project, lambda p: p.remove_coder("Jürgen"), second, inside, second_done)
    finally:
        coders.log_action = log


@pytest.mark.backends
@pytest.mark.filterwarnings("error::sqlalchemy.exc.SAWarning")  # English, on stderr
def test_removing_a_coder_while_she_undoes_a_step(project: Project, coded: list[int]) -> None:
    """Jürgen undoes his last coding while a colleague removes all his codings. Before,
    the removal logged the coding the undo had just taken away, and undoing the removal
    brought it back: undoing every step he has then left a coding nobody made. Now the
    two wait for each other (here the undo, second, takes back the removal), and undoing
    every step leaves nothing of his."""
    errors = _held_removal(project, lambda p: p.undo("Jürgen"))

    assert errors == []
    while project.undo("Jürgen"):  # back through the removal and his steps before it
        pass
    assert project.codings().empty
