"""A record of a citizens' meeting labels questions and answers by whom they come from:
"Frage aus dem Publikum: …?" / "Antwort Bezirksamt: …". Both labels went into the
pseudonym key as persons. A record's label with a group or office is a role now; one
with a person's name ("Frage von Anna Schmidt") still names that person."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import import_into, record_file
from workbench import Project

LABELS = [
    ("Frage aus dem Publikum", "Antwort Bezirksamt"),
    ("Frage aus dem Plenum", "Antwort der Stadtverwaltung"),
    ("Wortmeldung aus dem Chat", "Antwort Quartiersbüro"),
    ("Rückfrage an das Jugendamt", "Antwort Jugendamt"),
]


SAID = [
    "Wann wird der Spielplatz saniert?",
    "Im Frühjahr beginnen die Arbeiten.",
    "Gibt es mehr Parkplätze?",
    "Das wird derzeit geprüft.",
]


def _record(path: Path, asking: str, answering: str) -> Path:
    return record_file(path, asking, answering, SAID)


@pytest.mark.parametrize(("asking", "answering"), LABELS)
def test_a_records_labels_with_a_group_or_office_are_roles(
    project: Project, tmp_path: Path, asking: str, answering: str
) -> None:
    assert import_into(project, _record(tmp_path / "versammlung.txt", asking, answering)) == 0
    stored = project.segments().sort_values("position")
    assert project.pseudonym_key().query("kind == 'person'").empty
    assert list(stored["speaker_role"]) == [asking, answering] * 2
    assert list(stored["text"])[:2] == [
        "Wann wird der Spielplatz saniert?",
        "Im Frühjahr beginnen die Arbeiten.",
    ]


def test_a_question_a_person_asks_still_names_her(project: Project, tmp_path: Path) -> None:
    path = _record(tmp_path / "versammlung.txt", "Frage von Anna Schmidt", "Antwort Frau Müller")
    assert import_into(project, path) == 0
    persons = set(project.pseudonym_key().query("kind == 'person'")["original"])
    assert "Anna Schmidt" in " ".join(persons) and "Müller" in " ".join(persons)
    assert not any("Schmidt" in text or "Müller" in text for text in project.segments()["text"])
