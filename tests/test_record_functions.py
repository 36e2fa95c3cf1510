"""A record's label with a function addressed ("Frage an den Herrn Bürgermeister"), someone
unnamed ("Frage von einem Anwohner"), an office after "von dem" ("Antwort von dem Bauamt")
or a body the lexicon knows without its cases or not at all ("vom Tierheim", "des Imams",
"an den Ortsrat", "vom Naturschutzbund", "vom Dekanat") went on the pseudonym key as a
person ("Bauamt", "Herrn Bürgermeister", the whole label "Frage von einem Anwohner"). They
are roles now; a name after the same words ("Frage an Herrn Imhof", "Frage an Herrn Dr.
Özdemir", "Frage an Herrn Bürger", "Frage von einer Frau Schulte") is still a person."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import record_roles
from workbench import Project
from workbench.ingest.names import NameContext, PersonFinder

SAID = [
    "Wann wird die Ampel repariert?",
    "Im Frühjahr beginnen die Arbeiten.",
    "Gibt es mehr Streifen am Abend?",
    "Das wird derzeit geprüft.",
]


@pytest.mark.parametrize(
    ("asking", "answering"),
    [
        ("Frage an den Herrn Bürgermeister", "Antwort von Herrn Bürgermeister"),
        ("Frage an Herrn Pastor", "Antwort der Frau Bürgermeisterin"),
        ("Frage von einem Anwohner", "Antwort von einer Erzieherin"),
        ("Frage an die Polizei", "Antwort von dem Bauamt"),
        ("Frage an den Imam", "Antwort des Imams"),
        ("Frage an den Pastor", "Antwort vom Tierheim"),
        ("Frage an den Ortsrat", "Antwort des Ortsrats"),
        ("Frage an den Naturschutzbund", "Antwort vom Dekanat"),
    ],
)
def test_a_function_or_body_in_a_records_label_is_a_role(
    project: Project, tmp_path: Path, asking: str, answering: str
) -> None:
    roles = record_roles(project, tmp_path, asking, answering, SAID)
    assert project.pseudonym_key().query("kind == 'person'").empty
    assert roles == [asking, answering] * 2


@pytest.mark.parametrize(
    ("asking", "answering", "name"),
    [
        ("Frage an Herrn Dr. Özdemir", "Antwort von Herrn Dr. Özdemir", "Özdemir"),
        ("Frage an Herrn Imhof", "Antwort von Herrn Imhof", "Imhof"),
        ("Frage an Herrn Bürger", "Antwort des Herrn Becker", "Bürger"),
        ("Frage von einer Frau Schulte", "Antwort an Frau Schulte", "Schulte"),
        ("Frage an Imam Yilmaz", "Antwort von Pastor Schmidt", "Yilmaz"),
    ],
)
def test_a_name_after_the_same_words_is_still_a_person(
    project: Project, tmp_path: Path, asking: str, answering: str, name: str
) -> None:
    """The name is on the key and in no statement's role; the label's words stay out of
    the key ("Frage", "einer")."""
    roles = record_roles(project, tmp_path, asking, answering, SAID)
    persons = list(project.pseudonym_key().query("kind == 'person'")["original"])
    assert any(name in person.split() for person in persons)
    assert not any(name in role for role in roles)
    assert not any(word in {"Frage", "Antwort", "einer"} for p in persons for word in p.split())


@pytest.mark.parametrize(
    "answering",
    [
        "Antwort des Herrn Bürgermeisters",
        "Antwort des Herrn Oberbürgermeisters",
        "Antwort des Herrn Pfarrers",
        "Antwort des Herrn Dezernenten",
    ],
)
def test_a_role_in_the_genitive_after_herrn_is_a_role(
    project: Project, tmp_path: Path, answering: str
) -> None:
    """'des Herrn Bürgermeisters' was read as a form of address and a surname: the key
    held 'Herrn Bürgermeisters' as a person and the label lost its role."""
    roles = record_roles(project, tmp_path, "Frage an die Stadt", answering, SAID)
    assert project.pseudonym_key().query("kind == 'person'").empty
    assert roles == ["Frage an die Stadt", answering] * 2


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Antwort des Herrn Bürgermeisters kam erst im Mai.", None),
        ("Das Schreiben des Herrn Landrates liegt vor.", None),
        ("Die Antwort des Herrn Peters kam erst im Mai.", "Herrn Peters"),
        ("Die Antwort des Herrn Richters kam erst im Mai.", "Herrn Richters"),
        ("Die Antwort des Herrn Wolters kam erst im Mai.", "Herrn Wolters"),
    ],
)
def test_a_surname_with_a_genitive_s_is_still_a_name(text: str, name: str | None) -> None:
    """A role with a genitive ending is no name; a surname ending so ('Peters'), also of
    a role the gazetteer knows as a surname ('Richter'), still is."""
    found = [text[h.start : h.end] for h in PersonFinder(NameContext(known={})).find(text)]
    assert found == ([name] if name else [])


@pytest.mark.parametrize(
    ("asking", "answering", "name"),
    [
        ("Frage an Herrn Kaplan", "Antwort von Herrn Kaplan", "Kaplan"),
        ("Frage an Herrn Kantor", "Antwort von Herrn Küster", "Kantor"),
        ("Frage an Herrn Lehrer", "Antwort des Herrn Lehrer", "Lehrer"),
        ("Frage an den Pfarrer Neuhaus", "Antwort vom Pfarrer Neuhaus", "Neuhaus"),
        ("Frage an den Bürgermeister Althaus", "Antwort der Polizei", "Althaus"),
    ],
)
def test_a_surname_that_is_a_function_or_ends_like_a_body_is_not_left_in_clear(
    project: Project, tmp_path: Path, asking: str, answering: str, name: str
) -> None:
    """A function that is a common surname after "Herrn" ("Herrn Kaplan") and a name after a
    function ("an den Pfarrer Neuhaus": no adjective as in "der Deutschen Bahn") stayed in
    the role in clear; they go on the key, the role keeps no name."""
    roles = record_roles(project, tmp_path, asking, answering, SAID)
    persons = list(project.pseudonym_key().query("kind == 'person'")["original"])
    assert any(name in person.split() for person in persons)
    assert not any(name in role for role in roles)


@pytest.mark.parametrize(
    ("asking", "answering"),
    [
        ("Frage von einem Mann", "Antwort der Verwaltung"),
        ("Frage von einem Kind", "Antwort der Verwaltung"),
        ("Frage von einem Bürger", "Antwort der Polizei"),
        ("Frage von einem Herrn", "Antwort von einer Frau"),
        ("Frage von einer älteren Dame", "Antwort der Verwaltung"),
        ("Frage von einem jungen Mann", "Antwort der Verwaltung"),
    ],
)
def test_someone_unnamed_is_no_person(
    project: Project, tmp_path: Path, asking: str, answering: str
) -> None:
    """A noun that is a surname too ("Mann", "Kind", "Bürger") or follows an adjective
    ("einer älteren Dame") after an indefinite article went on the key as a person ("Mann",
    the whole label "Frage von einer älteren Dame")."""
    roles = record_roles(project, tmp_path, asking, answering, SAID)
    assert project.pseudonym_key().query("kind == 'person'").empty
    assert roles == [asking, answering] * 2
