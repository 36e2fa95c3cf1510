"""A coder undoes while a colleague imports: the wait for the write lock is limited and said.

``undo`` takes the project's write lock, which an import holds for its whole run. On
PostgreSQL the undo waited for it without any limit and the coding app showed nothing: the
researcher saw a frozen app. The wait now ends after the busy timeout (as on SQLite) with a
German message in the app and on the command line, and the app says that it waits.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from widgets.coding_panel import LOCK_WAIT, CodingPanel
from workbench import Project
from workbench.cli.main import main
from workbench.store import schema

CARDS = "ID;Sozialraum;Text\nK1;Manfort;Das Bürgerhaus ist abends offen\n"


def _coded(project: Project, tmp_path: Path) -> None:
    """One statement with the code ``Ressource``, coded by Anna (one step to undo)."""
    from workbench.ingest.table import TableMapping

    table = tmp_path / "karten.csv"
    table.write_text(CARDS, encoding="utf-8")
    mapping = TableMapping(text_column="Text", id_column="ID", district_column="Sozialraum")
    project.import_files([table], mapping=mapping, workshop="Kartenwand")
    project.add_code("Ressource")
    project.code_segment(int(project.segments()["segment_id"].iloc[0]), "Ressource", "Anna")


@contextmanager
def _import_running(project: Project) -> Iterator[threading.Event]:
    """A colleague's import (another connection) holds the write lock until the event
    yielded is set, at the latest when the block ends."""
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with Project.open(project.path) as other, other.transaction(exclusive=True):
            inside.set()
            release.wait(timeout=60)

    thread = threading.Thread(target=hold)
    thread.start()
    assert inside.wait(timeout=30)
    try:
        yield release
    finally:
        release.set()
        thread.join(timeout=60)


def _statuses(panel: CodingPanel) -> list[str]:
    """Every text the status line shows from now on (also during a handler)."""
    shown: list[str] = []
    panel.status.observe(lambda change: shown.append(html.unescape(change["new"])), "value")
    return shown


@pytest.mark.backends
def test_an_undo_during_an_import_gives_up_after_the_limit_with_a_german_message(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _coded(project, tmp_path)
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 300)
    panel = CodingPanel(project, coder="Anna")  # a researcher's panel in JupyterLab
    shown = _statuses(panel)
    with _import_running(project):
        panel.undo_button.click()
    assert any(LOCK_WAIT in text for text in shown)  # while it waited
    assert "0,3 Sekunden lang von einem anderen Prozess zum Schreiben gesperrt" in shown[-1]
    assert len(project.codings()) == 1  # nothing undone
    panel.undo_button.click()  # the import is done: now it goes through
    assert "Rückgängig gemacht" in shown[-1]
    assert project.codings().empty


@pytest.mark.backends
def test_an_undo_that_waits_for_an_import_says_so_and_then_goes_through(
    project: Project, tmp_path: Path
) -> None:
    _coded(project, tmp_path)
    panel = CodingPanel(project, coder="Anna", co_researcher=True)
    shown = _statuses(panel)
    with _import_running(project) as release:
        threading.Timer(1.0, release.set).start()  # the import ends a second later
        panel.undo_button.click()
    assert any(LOCK_WAIT in text for text in shown)
    assert "Rückgängig gemacht" in shown[-1]
    assert project.codings().empty


@pytest.mark.backends
def test_undo_on_the_command_line_during_an_import_exits_2_with_a_german_message(
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _coded(project, tmp_path)
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 300)
    with _import_running(project):
        code = main(["--project", str(project.path), "undo", "--coder", "Anna"])
    err = capsys.readouterr().err
    assert code == 2
    assert "0,3 Sekunden lang von einem anderen Prozess zum Schreiben gesperrt" in err
    assert "Traceback" not in err and "lock timeout" not in err
    assert len(project.codings()) == 1
