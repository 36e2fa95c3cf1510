"""A kernel of the older release keeps the project open while the team upgrades it.

``Project.open`` refuses a project written by a newer workbench, but a notebook or app
that had opened it before the ``upgrade`` went on writing into the upgraded tables. Every
commit now checks the schema's revision: once another workbench has moved it on, the
write is refused with a German message and nothing is stored.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.feedback_data import count, rated_project
from tests.test_feedback_widgets import all_html
from widgets.feedback import participant_app
from widgets.feedback_texts import SAVE_UNAVAILABLE
from workbench import Project
from workbench.core.domain import WorkbenchError
from workbench.participation import feedback
from workbench.store import FeedbackAnswer, make_engine

NEWER = "9999"  # the revision a newer workbench's upgrade leaves


def _upgraded_by_a_newer_workbench(project: Project, revision: str = NEWER) -> None:
    """What ``workbench upgrade`` of a later release does to the revision (elsewhere)."""
    engine = make_engine(project.db_url)
    with engine.begin() as connection:
        connection.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{revision}'")
    engine.dispose()


def test_a_project_set_back_to_an_older_schema_is_not_called_newer(project: Project) -> None:
    """An older backup restored under an open kernel: its revision is older, and the
    refusal said "mit einer neueren Werkbank aktualisiert"."""
    _upgraded_by_a_newer_workbench(project, "0001")
    with pytest.raises(WorkbenchError) as err:
        project.add_code("Bedarf")
    message = str(err.value)
    assert "älteren Schemastand (0001" in message and "workbench upgrade" in message
    assert "neueren" not in message and "nicht gespeichert" in message
    assert project.codes().empty


@pytest.mark.backends
def test_a_kernel_of_the_older_release_may_not_write_after_the_upgrade(
    project: Project,
) -> None:
    project.add_code("Ressource")  # writes before the upgrade go through
    _upgraded_by_a_newer_workbench(project)
    for write in (
        lambda: project.add_code("Bedarf"),
        lambda: project.add_memo("Nachfragen", "Anna"),
        lambda: project.rename_code("Ressource", "Stärke"),
    ):
        with pytest.raises(WorkbenchError) as err:
            write()
        message = str(err.value)
        assert "mit einer neueren Werkbank aktualisiert" in message
        assert f"Schemastand {NEWER}" in message and "nicht gespeichert" in message
    assert project.codes()["path"].tolist() == ["Ressource"]
    assert project.memos().empty
    with pytest.raises(WorkbenchError, match="neueren Werkbank"):
        Project.open(project.path)  # as before: a new session of it is refused at once


@pytest.mark.backends
def test_a_write_the_newer_schema_refuses_is_named_as_such_and_not_in_english(
    project: Project,
) -> None:
    """The newer schema has a column this release does not fill (as 0005 added
    ``codes.guid`` without a default): the insert failed before the commit, with the
    database's English "NOT NULL constraint failed"."""
    _upgraded_by_a_newer_workbench(project)
    engine = make_engine(project.db_url)
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":  # ADD COLUMN … NOT NULL needs a default
            connection.exec_driver_sql(
                "CREATE TRIGGER newer BEFORE INSERT ON codes BEGIN "
                "SELECT RAISE(ABORT, 'NOT NULL constraint failed: codes.category'); END"
            )
        else:
            connection.exec_driver_sql(
                "ALTER TABLE codes ADD COLUMN category text NOT NULL DEFAULT 'x'"
            )
            connection.exec_driver_sql("ALTER TABLE codes ALTER COLUMN category DROP DEFAULT")
    engine.dispose()
    with pytest.raises(WorkbenchError, match="mit einer neueren Werkbank aktualisiert"):
        project.add_code("Bedarf")
    assert project.codes().empty


def _moving_to_another_database(project: Project) -> None:
    """What ``workbench migrate-db`` writes into project.json while it copies."""
    config = json.loads((project.path / "project.json").read_text(encoding="utf-8"))
    moving = {**config, "moving_to": "postgresql://server.example/studie"}
    (project.path / "project.json").write_text(json.dumps(moving), encoding="utf-8")


@pytest.mark.parametrize("meanwhile", [_upgraded_by_a_newer_workbench, _moving_to_another_database])
def test_a_participant_whose_app_was_open_meanwhile_reads_a_sentence_for_participants(
    tmp_path: Path, meanwhile: Callable[[Project], None], caplog: pytest.LogCaptureFixture
) -> None:
    """The participants' app showed the researchers' refusal: schema versions, the
    database's address, "den Notebook-Kernel neu starten", "workbench migrate-db"."""
    project = rated_project(
        Project.create(tmp_path / "p", districts=["Manfort", "Opladen"]), tmp_path
    )
    [token] = feedback.issue_tokens(project, 1, district="Manfort")
    environ = {"WORKBENCH_PROJECT": str(project.path), "QUERY_STRING": f"token={token}"}
    card = next(c for c in participant_app(environ).children if "sw-item" in c._dom_classes)
    toggle = card.children[1].children[1]
    meanwhile(project)
    toggle.value = "agree"
    shown = html.unescape(all_html(card))
    assert SAVE_UNAVAILABLE in shown
    for researchers in ("Kernel", "Schemastand", "migrate-db", "server.example"):
        assert researchers not in shown
    assert toggle.value is None and count(project, FeedbackAnswer) == 0
    assert "nicht gespeichert" in caplog.text  # the reason stays in the server's log
    project.close()


@pytest.mark.backends
def test_a_kernel_of_the_older_release_reading_after_the_upgrade_is_told_why(
    project: Project,
) -> None:
    """The newer schema dropped a column this release reads: SQLite's "no such column"
    (PostgreSQL: "column … does not exist") became the refusal of a write, "dieser
    Schritt wurde nicht gespeichert", for a read that saves nothing."""
    project.add_code("Ressource")
    _upgraded_by_a_newer_workbench(project)
    engine = make_engine(project.db_url)
    with engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE codes DROP COLUMN example")
    engine.dispose()
    with pytest.raises(WorkbenchError) as err:
        project.codes()
    message = str(err.value)
    assert "mit einer neueren Werkbank aktualisiert" in message
    assert f"Schemastand {NEWER}" in message and "nicht mehr lesen" in message
    assert "gespeichert" not in message
    assert "column" not in message and "example" not in message
    with pytest.raises(WorkbenchError, match="nicht gespeichert"):  # a write says so
        project.add_code("Bedarf")
