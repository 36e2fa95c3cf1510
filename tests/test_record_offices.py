"""A record of a citizens' meeting puts its questions to an office and takes its answers
from one: "Frage an die Polizei: …?" / "Antwort der Polizei: …". Both labels went into the
pseudonym key as persons, the article "die" with them, so every "die" in the texts became
a placeholder. A record's label with an article or preposition and an office or institution
is a role now; a question to a person ("Frage an Frau Koch") still names her."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import import_into, record_file, record_roles
from workbench import Project

LABELS = [
    ("Frage an die Polizei", "Antwort der Polizei"),
    ("Frage an die Stadt", "Antwort von der Stadt"),
    ("Frage an den Bürgermeister", "Antwort des Bürgermeisters"),
    ("Frage an die Bezirksbürgermeisterin", "Antwort der Bezirksbürgermeisterin"),
    ("Frage an die Stadtwerke", "Antwort der Stadtwerke"),
    ("Frage an das Jobcenter", "Antwort vom Jobcenter"),
    ("Frage an die Kita", "Antwort Polizei"),
    ("Frage an das Ordnungsamt", "Antwort des Ordnungsamts"),
    ("Frage an das Sozialamt", "Antwort des Sozialamtes"),
]
SAID = [
    "Wann wird die Ampel repariert?",
    "Im Frühjahr beginnen die Arbeiten.",
    "Gibt es mehr Streifen am Abend?",
    "Das wird derzeit geprüft.",
]


def _record(path: Path, asking: str, answering: str) -> Path:
    return record_file(path, asking, answering, SAID)


def _assert_roles(project: Project, tmp_path: Path, asking: str, answering: str) -> None:
    """Both labels are the statements' roles: no person in the key, no placeholder in the
    texts ("die Ampel", "die Arbeiten")."""
    roles = record_roles(project, tmp_path, asking, answering, SAID)
    assert project.pseudonym_key().query("kind == 'person'").empty
    assert roles == [asking, answering] * 2


def _assert_person(
    project: Project, tmp_path: Path, asking: str, answering: str, name: str
) -> None:
    """``name`` is a person of the key, in no statement's role; the texts keep every word."""
    roles = record_roles(project, tmp_path, asking, answering, SAID)
    persons = " ".join(project.pseudonym_key().query("kind == 'person'")["original"])
    assert name in persons
    assert not any(name in role for role in roles)


@pytest.mark.parametrize(("asking", "answering"), LABELS)
def test_a_records_labels_with_an_office_are_roles(
    project: Project, tmp_path: Path, asking: str, answering: str
) -> None:
    _assert_roles(project, tmp_path, asking, answering)


@pytest.mark.parametrize(
    ("asking", "answering", "name"),
    [
        ("Frage an Frau Koch", "Antwort von Frau Koch", "Koch"),
        ("Frage an Herrn Becker", "Antwort Herr Becker", "Becker"),
        ("Frage von Peter", "Antwort Maria", "Maria"),
    ],
)
def test_a_question_to_a_person_still_names_her(
    project: Project, tmp_path: Path, asking: str, answering: str, name: str
) -> None:
    _assert_person(project, tmp_path, asking, answering, name)


@pytest.mark.parametrize(
    ("asking", "answering", "name"),
    [
        ("Frage an Neustadt", "Antwort von Neustadt", "Neustadt"),
        ("Frage an Träger", "Antwort von Träger", "Träger"),
        ("Frage an Halberstadt", "Antwort Halberstadt", "Halberstadt"),
    ],
)
def test_a_surname_ending_in_an_office_after_a_bare_preposition_is_a_person(
    project: Project, tmp_path: Path, asking: str, answering: str, name: str
) -> None:
    """An office takes its article ("an die Stadt"); "an Neustadt" asks a person, whose
    name went into the speaker roles as it was."""
    _assert_person(project, tmp_path, asking, answering, name)


@pytest.mark.parametrize(
    ("asking", "answering"),
    [
        ("Frage an die Deutsche Bahn", "Antwort der Deutschen Bahn"),
        ("Frage an die städtische Kita", "Antwort der Städtischen Kita"),
        ("Frage an das Zuständige Amt", "Antwort des zuständigen Amtes"),
        ("Frage an die Freiwillige Feuerwehr", "Antwort der Freiwilligen Feuerwehr"),
    ],
)
def test_an_office_with_its_adjective_is_a_role(
    project: Project, tmp_path: Path, asking: str, answering: str
) -> None:
    """ "Antwort der Deutschen Bahn": the adjective before the office made the label a person
    and "die" a name, replaced in every text."""
    _assert_roles(project, tmp_path, asking, answering)


def test_an_article_of_a_label_read_as_a_person_is_no_name(
    project: Project, tmp_path: Path
) -> None:
    """ "Frage an die Neue Heimat" is no office the rules know and stays a listed label; its
    article "die" went into the key as a person of its own and out of every text."""
    path = _record(tmp_path / "versammlung.txt", "Frage an die Neue Heimat", "Antwort Heimat")
    assert import_into(project, path) == 0
    originals = {o.casefold() for o in project.pseudonym_key()["original"]}
    assert not originals & {"die", "der", "das", "den", "dem", "des"}
    assert list(project.segments().sort_values("position")["text"]) == SAID


@pytest.mark.parametrize(
    ("asking", "answering"),
    [
        ("Frage an die Neue Heimat", "Antwort der Neuen Heimat"),
        ("Frage an die Diakonie", "Antwort der Diakonie"),
        ("Frage an den Sportverein", "Antwort des Sportvereins"),
        ("Frage an die Arbeiterwohlfahrt", "Antwort der Tafel"),
        ("Frage an Polizei", "Antwort von Polizei"),
        ("Frage an Jobcenter", "Antwort von Feuerwehr"),
        ("Frage an Bürgermeisterin", "Antwort von Bürgermeister"),
    ],
)
def test_a_body_after_its_article_or_a_bare_office_is_a_role(
    project: Project, tmp_path: Path, asking: str, answering: str
) -> None:
    """ "Frage an die Neue Heimat" (a body the office words do not name) and "Frage an
    Polizei" (an office without its article) went into the key as persons, "Frage", "Neue",
    "Heimat", "Polizei" as name variants replaced in every text."""
    _assert_roles(project, tmp_path, asking, answering)


@pytest.mark.parametrize(
    ("asking", "answering", "name"),
    [
        ("Frage an die Frau Schmidt", "Antwort der Frau Schmidt", "Schmidt"),
        ("Frage an die Anna", "Antwort vom Peter", "Peter"),
        ("Frage an den Müller", "Antwort vom Müller", "Müller"),
        ("Frage an die Familie Yilmaz", "Antwort der Familie Yilmaz", "Yilmaz"),
        ("Frage an Koch", "Antwort von Planer", "Planer"),
    ],
)
def test_a_name_after_an_article_or_a_bare_preposition_still_names_a_person(
    project: Project, tmp_path: Path, asking: str, answering: str, name: str
) -> None:
    """An article goes with a name too ("die Anna", "den Müller", "der Frau Schmidt")."""
    _assert_person(project, tmp_path, asking, answering, name)


@pytest.mark.parametrize(
    ("asking", "answering"),
    [
        ("Frage an die Anna-Seghers-Schule", "Antwort der Otto-Hahn-Realschule"),
        ("Frage an die Geschwister-Scholl-Schule", "Antwort des Heinrich-Heine-Gymnasiums"),
    ],
)
def test_a_school_named_after_a_person_is_a_role(
    project: Project, tmp_path: Path, asking: str, answering: str
) -> None:
    """A school after its article, named after a person: 'Frage an die Anna-Seghers-Schule'
    went into the key as a person (the hyphens made it no word the rules read), its
    speakers' labels with it."""
    _assert_roles(project, tmp_path, asking, answering)


@pytest.mark.parametrize(
    ("asking", "answering", "name"),
    [
        ("Frage an die Rosenkranz", "Antwort der Rosenkranz", "Rosenkranz"),
        ("Frage an die Sonnenschein", "Antwort der Sonnenschein", "Sonnenschein"),
        ("Frage an die Kirchhof", "Antwort des Kirchhof", "Kirchhof"),
    ],
)
def test_a_noun_its_article_does_not_fit_is_a_persons_name(
    project: Project, tmp_path: Path, asking: str, answering: str, name: str
) -> None:
    """ "an die Rosenkranz": the noun is masculine ("der Rosenkranz"), so "die" goes with a
    woman of that name; the label was a role and her name stood in clear in the roles."""
    _assert_person(project, tmp_path, asking, answering, name)


@pytest.mark.parametrize(
    ("asking", "answering"),
    [
        ("Frage an die Neue Heimat", "Antwort der Diakonie"),
        ("Frage an die Tafel", "Antwort der Tafel"),
        ("Frage an den Sportverein", "Antwort des Sportvereins"),
        ("Frage an die Ämter", "Antwort der Arbeiterwohlfahrt"),
    ],
)
def test_a_body_its_article_fits_stays_a_role(
    project: Project, tmp_path: Path, asking: str, answering: str
) -> None:
    _assert_roles(project, tmp_path, asking, answering)
