"""A record's label names a person with her surname's article ("Antwort vom Kirchhof",
"Frage an den Rosenkranz": a surname that is a thing's noun, the article fits it) or goes to
a body known in every town ("Frage an die Caritas", "Antwort der Post"). The first stayed a
role, the surname in clear in every statement's role; the second went into the key as a
person, "Frage" with it as a first name replaced in the other labels ("[Person 3] an die
Polizei"). Only the name of a record's label goes on the list now, its word is the role."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import import_into, record_file, record_roles
from workbench import Project
from workbench.cli.main import main

SAID = [
    "Wann wird der Weg über den Friedhof gemacht?",
    "Im Frühjahr beginnen die Arbeiten.",
    "Gibt es die Beratung am Markt wieder?",
    "Das wird derzeit geprüft.",
]


def _import(project: Project, tmp_path: Path, asking: str, answering: str) -> list[str]:
    return record_roles(project, tmp_path, asking, answering, SAID)


@pytest.mark.parametrize(
    ("asking", "answering", "name"),
    [
        ("Frage an den Rosenkranz", "Antwort vom Rosenkranz", "Rosenkranz"),
        ("Frage an den Kirchhof", "Antwort vom Kirchhof", "Kirchhof"),
        ("Frage an den Morgenstern", "Antwort des Sonnenschein", "Sonnenschein"),
    ],
)
def test_a_surname_that_is_a_things_noun_after_its_article_is_a_person(
    project: Project, tmp_path: Path, asking: str, answering: str, name: str
) -> None:
    """No one asks a rosary: "an den Rosenkranz" asks Herr Rosenkranz. His name is on the
    key alone; the roles are the record's words, with no name in them."""
    roles = _import(project, tmp_path, asking, answering)
    persons = set(project.pseudonym_key().query("kind == 'person'")["original"])
    assert name in persons
    assert roles == ["Frage", "Antwort"] * 2


@pytest.mark.parametrize(
    ("asking", "answering"),
    [
        ("Frage an die Caritas", "Antwort der Post"),
        ("Frage an die Post", "Antwort der Caritas"),
        ("Frage an die Telekom", "Antwort der AWO"),
        ("Frage an den Vorstand", "Antwort vom Bauhof"),
        ("Frage an den Hausmeister", "Antwort vom Landtag"),
        ("Frage an das Gremium", "Antwort des Sportvereins"),
    ],
)
def test_a_known_body_or_a_group_after_its_article_is_a_role(
    project: Project, tmp_path: Path, asking: str, answering: str
) -> None:
    """ "die Caritas" (no Wiktionary noun) and "die Post" (a surname too) went into the key
    as persons; bodies and functions after a masculine article stay roles."""
    roles = _import(project, tmp_path, asking, answering)
    assert project.pseudonym_key().query("kind == 'person'").empty
    assert roles == [asking, answering] * 2


def test_a_records_word_never_goes_on_the_key(project: Project, tmp_path: Path) -> None:
    """ "Frage an Frau Koch" put "Frage" on the key as a first name: the other record
    labels became "[Person 1] an die Polizei"."""
    path = record_file(
        tmp_path / "versammlung.txt",
        "Frage an Frau Koch",
        "Frage an die Polizei",
        SAID,
    )
    assert import_into(project, path) == 0
    originals = {o.casefold() for o in project.pseudonym_key()["original"]}
    assert "koch" in " ".join(originals)
    assert not any("frage" in original for original in originals)
    stored = project.segments().sort_values("position")
    assert list(stored["speaker_role"]) == ["Frage", "Frage an die Polizei"] * 2


@pytest.mark.parametrize(
    ("asking", "surname"),
    [("Frage an Herrn Dr. Özdemir", "Özdemir"), ("Frage an Frau Prof. Weber", "Weber")],
)
def test_a_title_in_a_records_label_keeps_the_records_word_off_the_key(
    project: Project, tmp_path: Path, asking: str, surname: str
) -> None:
    """ "Frage an Herrn Dr. Özdemir": the title's dot made the whole label a name, "Frage"
    its first name on the key; the record's word is the role, only the name is on the key."""
    path = record_file(tmp_path / "versammlung.txt", asking, "Antwort der Polizei", SAID)
    assert import_into(project, path) == 0
    originals = {o.casefold() for o in project.pseudonym_key()["original"]}
    assert surname.casefold() in " ".join(originals)
    assert not any("frage" in original for original in originals)
    stored = project.segments().sort_values("position")
    assert list(stored["text"]) == SAID
    assert list(stored["speaker_role"]) == ["Frage", "Antwort der Polizei"] * 2


@pytest.mark.parametrize(
    ("asking", "answering"),
    [
        ("Frage an das Café", "Antwort vom Pflegeheim"),
        ("Frage an das Hotel", "Antwort vom Spielmobil"),
        ("Frage an das Altenheim", "Antwort vom Jugendzentrum"),
    ],
)
def test_a_neuter_place_after_das_or_a_homes_word_is_a_role(
    project: Project, tmp_path: Path, asking: str, answering: str
) -> None:
    """ "an das Café" names no one (his surname takes "den", hers "die"); "vom Pflegeheim"
    and "vom Spielmobil" are bodies: the rule for a thing's noun after "vom" put them on the
    key as persons and left the record's word alone as the role."""
    roles = _import(project, tmp_path, asking, answering)
    assert project.pseudonym_key().query("kind == 'person'").empty
    assert roles == [asking, answering] * 2


def test_a_neuter_surname_after_vom_stays_a_person(project: Project, tmp_path: Path) -> None:
    """ "vom Lamm" may be Herr Lamm: only "das" rules a man out."""
    roles = _import(project, tmp_path, "Frage an das Café", "Antwort vom Lamm")
    assert set(project.pseudonym_key().query("kind == 'person'")["original"]) == {"Lamm"}
    assert roles == ["Frage an das Café", "Antwort"] * 2


def test_a_roles_file_naming_the_whole_label_gives_its_role(
    project: Project, tmp_path: Path
) -> None:
    """A roles file that lists the label as written ("Frage an den Becker,Ratsmitglied")
    gave that role before; the label's name alone found none, and the role became a
    placeholder."""
    path = record_file(
        tmp_path / "versammlung.txt", "Frage an den Becker", "Antwort der Polizei", SAID
    )
    roles = tmp_path / "rollen.csv"
    roles.write_text("Person,Rolle\nFrage an den Becker,Ratsmitglied\n", encoding="utf-8")
    args = ["--project", str(project.path), "import", str(path), "--district", "Manfort"]
    assert main([*args, "--roles", str(roles)]) == 0
    stored = project.segments().sort_values("position")
    assert list(stored["speaker_role"]) == ["Ratsmitglied", "Antwort der Polizei"] * 2
    assert list(stored["text"]) == SAID
