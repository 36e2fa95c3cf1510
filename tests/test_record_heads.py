"""A record's label with a feminine article before a surname that ends like a body ("Frage
an die Neuhaus", "Antwort von der Oppenheim", "der Hellwerk") kept her name in clear in the
role: the compound is unknown to the lexicon and its head ("Haus", "Heim", "Werk") is a
body's. The head's gender decides now: "die Neuhaus" cannot be a house, so she is a person;
"an das Rathaus", "an das Seniorenheim", "an die Stadtteilbibliothek" stay roles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import record_roles
from workbench import Project

SAID = [
    "Wann wird der Spielplatz saniert?",
    "Im Frühjahr beginnen die Arbeiten.",
    "Gibt es mehr Bänke am Platz?",
    "Das wird derzeit geprüft.",
]


@pytest.mark.parametrize(
    ("asking", "answering", "name"),
    [
        ("Frage an die Neuhaus", "Antwort von der Neuhaus", "Neuhaus"),
        ("Frage an die Oppenheim", "Antwort der Oppenheim", "Oppenheim"),
        ("Rückfrage an die Hellwerk", "Antwort der Verwaltung", "Hellwerk"),
        ("Frage an die Polizei", "Hinweis von der Neumarkt", "Neumarkt"),
        ("Frage an Herrn Professor Weber", "Antwort der Stadt", "Weber"),
        ("Frage an Herrn Kämmerer", "Antwort der Stadt", "Kämmerer"),
        ("Frage an Frau Oberlehrer", "Antwort der Stadt", "Oberlehrer"),
        ("Frage an Herrn Holzhelfer", "Antwort der Stadt", "Holzhelfer"),
    ],
)
def test_a_surname_ending_like_a_body_or_after_a_title_is_not_left_in_clear(
    project: Project, tmp_path: Path, asking: str, answering: str, name: str
) -> None:
    """ "die Neuhaus" cannot be a house: her name went into the role in clear; a name after
    "Herrn" and a title ("Herrn Professor Weber") or a surname that is a title's word
    ("Herrn Kämmerer") stays a person."""
    roles = record_roles(project, tmp_path, asking, answering, SAID)
    persons = list(project.pseudonym_key().query("kind == 'person'")["original"])
    assert any(name in person.split() for person in persons)
    assert not any(name in role for role in roles)


@pytest.mark.parametrize(
    ("asking", "answering"),
    [
        ("Frage an das Rathaus", "Antwort von der Stadtteilbibliothek"),
        ("Frage an das Pfarrhaus", "Antwort der Diakonie"),
        ("Frage an das Seniorenheim", "Antwort vom Jugendhaus"),
        ("Frage an die Stadtteilbibliothek", "Antwort aus dem Rathaus"),
        ("Frage an die Jugendhäuser", "Antwort der Neuen Heimat"),
        ("Frage an die Heimleitung", "Antwort der Hausverwaltung"),
        ("Frage an Herrn Professor", "Antwort des Herrn Stadtdirektors"),
        ("Frage an Herrn Dekan", "Antwort von Frau Superintendentin"),
        ("Frage an Herrn Ortsbürgermeister", "Antwort des Herrn Superintendenten"),
        ("Frage an Frau Professorin", "Antwort von Herrn Stadtkämmerer"),
    ],
)
def test_a_body_whose_head_agrees_or_a_title_without_a_name_stays_a_role(
    project: Project, tmp_path: Path, asking: str, answering: str
) -> None:
    """A body whose head agrees with its article ("an das Rathaus") stays a role; a title
    after "Herrn" ("Herrn Professor", "des Herrn Stadtdirektors") went on the key as a
    person: the word was replaced in every statement, the label lost its role."""
    roles = record_roles(project, tmp_path, asking, answering, SAID)
    assert project.pseudonym_key().query("kind == 'person'").empty
    assert roles == [asking, answering] * 2
