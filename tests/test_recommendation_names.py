"""Names in a recommendation's actors and in the notes of its status history.

The recommendation's title and text were stored pseudonymised, its actors and the status
steps' actor and note as typed: "Frau Anna Becker (Jugendamt)" and "Herr Peter Schulz …,
Tel. 0171 …" stood in clear in every report, export and on the published site. They are
now stored as the text is, with the project's key; actors that name no person
("Verwaltung, Fachbereich Soziales", "Quartiersmanagement") stay as they are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project
from workbench.synthesis import recommendations as rec
from workbench.synthesis.recommendation_status import record_status, status_history

PLAIN = ["Quartiersmanagement", "Verwaltung, Fachbereich Soziales", "Caritas", "Jugendamt"]


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "p", districts=["Manfort"])
    yield project
    project.close()


def _in_clear(values: object, *names: str) -> list[str]:
    text = repr(values)
    return [name for name in names if name in text]


def test_a_person_named_as_an_actor_is_stored_pseudonymised(project: Project) -> None:
    rid = rec.add_recommendation(
        project,
        "Mehr Sozialarbeit im Quartier",
        "Manfort",
        actors=["Frau Anna Becker (Jugendamt)", *PLAIN],
        title="Sozialarbeit",
    )
    [actors] = rec.recommendations(project)["actors"]
    assert not _in_clear(actors, "Anna", "Becker")
    assert actors[0].startswith("[Person ") and actors[0].endswith("] (Jugendamt)")
    assert list(actors[1:]) == PLAIN
    rec.update_recommendation(project, rid, actors=["Herr Peter Schulz", "Jugendamt"])
    [actors] = rec.recommendations(project)["actors"]
    assert not _in_clear(actors, "Peter", "Schulz") and actors[1] == "Jugendamt"
    assert actors[0].startswith("[Person ")


def test_a_status_step_names_its_actor_and_note_pseudonymised(project: Project) -> None:
    rid = rec.add_recommendation(project, "Mehr Sozialarbeit", "Manfort", title="Sozialarbeit")
    record_status(
        project,
        rid,
        "abgestimmt",
        "2025-01-10",
        "Herr Peter Schulz, Sozialamt",
        "Frau Anna Becker (Jugendamt) kümmert sich, Tel. 0171 2345678",
    )
    record_status(project, rid, "in Umsetzung", "2025-03-01", PLAIN[1], "Stelle ausgeschrieben")
    history = status_history(project)
    assert not _in_clear(history.to_dict("records"), "Peter", "Schulz", "Anna", "Becker", "2345")
    first, second = history.to_dict("records")
    assert first["actor"].endswith(", Sozialamt") and first["actor"].startswith("[Person ")
    assert "kümmert sich, Tel. [Telefon]" in first["note"]
    assert (second["actor"], second["note"]) == (PLAIN[1], "Stelle ausgeschrieben")
    # one person, one placeholder: the note's Becker is the actor's Becker elsewhere too
    rid2 = rec.add_recommendation(project, "Text", "Manfort", actors=["Frau Anna Becker"])
    [actor] = rec.recommendations(project).set_index("recommendation_id").loc[rid2, "actors"]
    assert actor in first["note"]
