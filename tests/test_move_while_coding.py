"""A coder keeps the app open while the administrator runs ``workbench migrate-db``.

docs/team.md asks to stop the apps first. Before, a coder who did not went on saving into
the old database, during the move (after the copy was taken) and after it: the app said
"kodiert", and the coding was missing from the project the team works on from then on.
Now every commit of a project opened before the move is refused with a German message
that says to reload; what was saved before the move is in the new database.
"""

from __future__ import annotations

import html
import json
import sqlite3
from pathlib import Path

import pytest

from tests.feedback_data import answer, fields, items, rated_project, stored
from tests.formular_http import serving
from tests.pg import Server
from widgets.coding_panel import CODER_UNAVAILABLE, CodingPanel
from widgets.formular import make_app
from workbench import Project
from workbench.cli import admin
from workbench.cli.main import main
from workbench.core.domain import WorkbenchError
from workbench.participation import feedback

CARDS = "ID;Sozialraum;Text\nK1;Manfort;Das Bürgerhaus ist abends offen\nK2;Manfort;Kein Bus\n"


@pytest.fixture
def coding(tmp_path: Path) -> Project:
    """A SQLite project with two statements and a code, open as in a coder's app."""
    from workbench.ingest.table import TableMapping

    table = tmp_path / "karten.csv"
    table.write_text(CARDS, encoding="utf-8")
    project = Project.create(tmp_path / "projekt", districts=["Manfort"])
    mapping = TableMapping(text_column="Text", id_column="ID", district_column="Sozialraum")
    project.import_files([table], mapping=mapping, workshop="Kartenwand")
    project.add_code("Ressource")
    yield project
    project.close()


def _segments(project: Project) -> list[int]:
    return [int(s) for s in project.segments()["segment_id"]]


def _old_codings(folder: Path) -> int:
    with sqlite3.connect(folder / "werkbank.sqlite") as old:
        return old.execute("SELECT count(*) FROM codings").fetchone()[0]


def test_a_coding_saved_after_the_move_is_refused_not_left_in_the_old_database(
    coding: Project, pg_server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _segments(coding)
    coding.code_segment(first, "Ressource", "Anna")
    panel = CodingPanel(coding, coder="Anna", co_researcher=True)
    assert (
        main(["--project", str(coding.path), "migrate-db", "--to", pg_server.new_database()]) == 0
    )
    capsys.readouterr()

    with pytest.raises(WorkbenchError, match="in eine andere Datenbank umgezogen") as said:
        coding.code_segment(second, "Ressource", "Anna")
    assert "neu laden" in str(said.value)
    panel.code_buttons["Ressource"].click()  # the app says it in its own words
    assert CODER_UNAVAILABLE in html.unescape(panel.status.value)
    assert _old_codings(coding.path) == 1  # nothing more written where nobody looks

    with Project.open(coding.path) as moved:  # reloaded: saves into the new database
        assert moved.engine.dialect.name == "postgresql"
        assert len(moved.codings()) == 1
        moved.code_segment(second, "Ressource", "Anna")
        assert len(moved.codings()) == 2


def test_a_coding_saved_during_the_move_is_refused_and_the_move_goes_through(
    coding: Project, pg_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _segments(coding)
    coding.code_segment(first, "Ressource", "Anna")
    refused: list[str] = []
    restore_into = admin._restore_into

    def while_copying(file: Path, url: str) -> object:
        try:  # the copy is taken; a coder saves before project.json names the target
            coding.code_segment(second, "Ressource", "Anna")
        except WorkbenchError as err:
            refused.append(str(err))
        return restore_into(file, url)

    monkeypatch.setattr(admin, "_restore_into", while_copying)
    assert (
        main(["--project", str(coding.path), "migrate-db", "--to", pg_server.new_database()]) == 0
    )
    assert len(refused) == 1 and "zieht gerade in eine andere Datenbank um" in refused[0]
    assert _old_codings(coding.path) == 1
    config = json.loads((coding.path / "project.json").read_text(encoding="utf-8"))
    assert set(config) == {"format", "db_url"}  # the move's mark is gone
    with Project.open(coding.path) as moved:
        assert len(moved.codings()) == 1


def test_a_move_that_fails_lets_the_coders_go_on_saving(
    coding: Project, pg_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = _segments(coding)
    before = (coding.path / "project.json").read_bytes()

    def broken(file: Path, url: str) -> object:
        raise WorkbenchError("Datenbank …: Der Datenbankserver ist nicht erreichbar.")

    monkeypatch.setattr(admin, "_restore_into", broken)  # the copy is taken, then it fails
    assert (
        main(["--project", str(coding.path), "migrate-db", "--to", pg_server.new_database()]) == 2
    )
    assert (coding.path / "project.json").read_bytes() == before
    coding.code_segment(first, "Ressource", "Anna")  # still the project's database
    assert _old_codings(coding.path) == 1


def test_the_participation_form_saves_into_the_new_database_after_the_move(
    tmp_path: Path, pg_server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    """The form is a long-running service with the project opened once: after the move it
    opens the project again (before: answers went on into the old file; with only the
    refusal, every answer failed until someone restarted the service)."""
    districts = ["Manfort", "Alkenrath", "Wiesdorf", "Opladen", "Steinbüchel"]
    with Project.create(tmp_path / "beteiligung", districts=districts) as project:
        rated_project(project, tmp_path)
        token = feedback.issue_tokens(project, 1, district="Manfort")[0]
        first, second = items(project, token)[:2]
    folder = tmp_path / "beteiligung"
    with serving(make_app(folder)) as client:
        assert client.send(token, fields(answer(first, "agree", "1"))).status == 303
        url = pg_server.new_database()
        assert main(["--project", str(folder), "migrate-db", "--to", url]) == 0
        assert client.send(token, fields(answer(second, "disagree", "0"))).status == 303
    capsys.readouterr()
    with Project.open(folder) as moved:
        assert moved.engine.dialect.name == "postgresql"
        saved = stored(moved, token)
        assert saved[first].rating == "agree" and saved[second].rating == "disagree"


def test_a_preheated_app_kernel_opens_the_moved_project_not_the_one_it_prepared(
    coding: Project, pg_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Voilà's pool opened the project in each waiting kernel before the move; the first
    visitors after it got that old project, whose every save is refused ("neu laden" led
    to the next such kernel). The kernel now opens the moved project instead."""
    from widgets import app_support

    location = str(coding.path)
    prepared = Project.open(coding.path)
    monkeypatch.setitem(app_support._prepared, location, prepared)
    assert main(["--project", location, "migrate-db", "--to", pg_server.new_database()]) == 0
    with app_support.open_project({app_support.PROJECT_ENV: location}) as opened:
        assert opened is not prepared and opened.engine.dialect.name == "postgresql"
        opened.code_segment(_segments(opened)[0], "Ressource", "Anna")
    assert location not in app_support._prepared


def test_a_move_broken_off_hard_leaves_no_project_that_refuses_every_save(
    coding: Project, pg_server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    """migrate-db killed during the copy (kill, closed terminal, crash) leaves its mark in
    project.json. Before, every save was refused for good ("… sobald der Umzug fertig
    ist"), and running migrate-db again carried the mark into the moved project: it too
    refused every save. Running migrate-db again is the way out, and the messages say so."""
    first, second = _segments(coding)
    config = json.loads((coding.path / "project.json").read_text(encoding="utf-8"))
    url = pg_server.new_database()
    left = {**config, "moving_to": url}  # what a killed migrate-db leaves behind
    (coding.path / "project.json").write_text(json.dumps(left), encoding="utf-8")
    with pytest.raises(WorkbenchError, match="zieht gerade") as said:
        coding.code_segment(first, "Ressource", "Anna")
    assert "abgebrochen" in str(said.value) and "migrate-db" in str(said.value)

    assert main(["--project", str(coding.path), "migrate-db", "--to", url]) == 0
    assert "nicht beendet" in capsys.readouterr().out
    config = json.loads((coding.path / "project.json").read_text(encoding="utf-8"))
    assert set(config) == {"format", "db_url"}
    with Project.open(coding.path) as moved:
        moved.code_segment(second, "Ressource", "Anna")
        assert len(moved.codings()) == 1


def test_a_move_broken_off_hard_is_undone_by_migrate_db_even_if_it_cannot_move(
    coding: Project, pg_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The target was half filled by the broken move ("nicht leer"): migrate-db still
    takes the mark away, and the team saves into the database project.json names."""
    first, _ = _segments(coding)
    config = json.loads((coding.path / "project.json").read_text(encoding="utf-8"))
    left = {**config, "moving_to": "postgresql://localhost/anderswo"}
    (coding.path / "project.json").write_text(json.dumps(left), encoding="utf-8")
    monkeypatch.setattr(admin, "_check_empty", _not_empty)
    url = pg_server.new_database()
    assert main(["--project", str(coding.path), "migrate-db", "--to", url]) == 2
    assert json.loads((coding.path / "project.json").read_text(encoding="utf-8")) == config
    with Project.open(coding.path) as reopened:
        reopened.code_segment(first, "Ressource", "Anna")
    assert _old_codings(coding.path) == 1


def _not_empty(url: str) -> None:
    raise WorkbenchError("Die Zieldatenbank … ist nicht leer.")


def test_a_failed_move_of_a_project_json_with_password_lets_the_coders_go_on(
    tmp_path: Path, pg_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """project.json written by hand with the password in the address (older setups): a
    failed move put project.json back through write_config, which leaves the password out.
    The open apps took the same address without password for another database and refused
    every save ("… umgezogen …") although nothing had moved."""
    url = pg_server.new_database()
    Project.create(tmp_path / "team", db_url=url, districts=["Manfort"]).close()
    config = json.loads((tmp_path / "team" / "project.json").read_text(encoding="utf-8"))
    config["db_url"] = config["db_url"].replace("@", ":geheim@", 1)
    (tmp_path / "team" / "project.json").write_text(json.dumps(config), encoding="utf-8")

    def broken(file: Path, url: str) -> object:
        raise WorkbenchError("Datenbank …: Der Datenbankserver ist nicht erreichbar.")

    with Project.open(tmp_path / "team") as project:
        project.add_code("Ressource")
        monkeypatch.setattr(admin, "_restore_into", broken)
        assert main(["--project", str(tmp_path / "team"), "migrate-db", "--to", "sqlite"]) == 2
        project.add_code("Bedarf")  # still the project's database: saved
        assert sorted(project.codes()["path"]) == ["Bedarf", "Ressource"]
