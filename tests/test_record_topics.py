"""A record's label with a place or a topic instead of a person: "Antwort vom Schwimmbad",
"aus dem Stadion", "im Kino" (a neuter body after its dative article) and "Hinweis
Radweg", "Frage Parkplätze" (the record's word and its topic, no preposition). Both put the
noun on the key as a person's name, the role cut to the record's word; they are roles as
written now. Surnames stay persons: "Antwort vom Lamm", "Frage Becker", "Antwort Wolf"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import record_roles
from workbench import Project

SAID = [
    "Der Radweg an der Kreuzung ist seit Wochen gesperrt.",
    "Die Sperrung endet im Mai.",
    "Im Schwimmbad und im Stadion fehlen Parkplätze für Räder.",
    "Das Stadion prüft neue Stellplätze.",
]


def _import(project: Project, tmp_path: Path, asking: str, answering: str) -> list[str]:
    return record_roles(project, tmp_path, asking, answering, SAID)


def _persons(project: Project) -> set[str]:
    return set(project.pseudonym_key().query("kind == 'person'")["original"])


@pytest.mark.parametrize(
    ("asking", "answering"),
    [
        ("Frage an das Schwimmbad", "Antwort vom Schwimmbad"),
        ("Frage aus dem Stadion", "Antwort vom Kino"),
        ("Frage im Hotel", "Antwort vom Eiscafé"),
        ("Frage an die Polizei", "Antwort vom Hospital"),
        ("Frage an die Polizei", "Antwort vom Geschäft"),
        ("Frage an die Polizei", "Antwort vom Gasthof"),
        ("Frage an die Polizei", "Antwort aus dem Fitnessstudio"),
    ],
)
def test_a_neuter_place_after_its_dative_article_is_a_role(
    project: Project, tmp_path: Path, asking: str, answering: str
) -> None:
    """ "vom Schwimmbad" put "Schwimmbad" on the key as a person; no one is named."""
    roles = _import(project, tmp_path, asking, answering)
    assert _persons(project) == set()
    assert roles == [asking, answering] * 2


@pytest.mark.parametrize(
    ("answering", "name"),
    [("Antwort vom Lamm", "Lamm"), ("Antwort vom Feld", "Feld"), ("Antwort vom Holz", "Holz")],
)
def test_a_surname_after_vom_stays_a_person(
    project: Project, tmp_path: Path, answering: str, name: str
) -> None:
    """Herr Lamm, Herr Feld: a short native noun is a surname's shape; his name on the key."""
    roles = _import(project, tmp_path, "Frage an die Polizei", answering)
    assert _persons(project) == {name}
    assert roles == ["Frage an die Polizei", "Antwort"] * 2


@pytest.mark.parametrize(
    ("asking", "answering"),
    [
        ("Hinweis Radweg Kreuzung", "Antwort Bezirksamt"),
        ("Frage Parkplätze", "Kommentar Kita-Plätze"),
        ("Frage Bänke", "Frage Tempo 30"),
    ],
)
def test_a_records_word_with_its_topic_is_a_role(
    project: Project, tmp_path: Path, asking: str, answering: str
) -> None:
    """ "Frage Parkplätze" put "Parkplätze" on the key as a person and left "Frage" alone as
    the role: the topic was lost."""
    roles = _import(project, tmp_path, asking, answering)
    assert _persons(project) == set()
    assert roles == [asking, answering] * 2


@pytest.mark.parametrize(
    ("asking", "answering", "keyed"),
    [
        ("Hinweis Radweg", "Frage Lamm", {"Radweg", "Lamm"}),
        ("Antwort Kranich", "Anmerkung Spielplatz", {"Kranich", "Spielplatz"}),
    ],
)
def test_one_singular_noun_after_a_records_word_goes_on_the_key(
    project: Project, tmp_path: Path, asking: str, answering: str, keyed: set[str]
) -> None:
    """ "Frage Lamm" (Herr Lamm, a surname no list knows) reads as "Hinweis Radweg": both
    go on the key rather than one leaving a name in clear in the role; the texts keep their
    words ("Der Radweg an der Kreuzung …")."""
    roles = _import(project, tmp_path, asking, answering)
    assert _persons(project) == keyed
    assert roles == [asking.split()[0], answering.split()[0]] * 2


@pytest.mark.parametrize(
    ("asking", "answering", "names"),
    [
        ("Frage Becker", "Antwort Schmidt", {"Becker", "Schmidt"}),
        ("Frage Koch", "Antwort Wolf", {"Koch", "Wolf"}),
        ("Hinweis Becker", "Antwort vom Lamm", {"Becker", "Lamm"}),
    ],
)
def test_a_records_word_with_a_surname_stays_a_person(
    project: Project, tmp_path: Path, asking: str, answering: str, names: set[str]
) -> None:
    """Surnames that are nouns too ("Koch", "Wolf") are names: on the key, not in the role."""
    roles = _import(project, tmp_path, asking, answering)
    assert _persons(project) == names
    assert roles == [asking.split()[0], answering.split()[0]] * 2


def test_a_title_keeps_a_label_a_persons(project: Project, tmp_path: Path) -> None:
    """ "Hinweis Frau Koch": an address is never a topic."""
    roles = _import(project, tmp_path, "Hinweis Frau Koch", "Antwort Bezirksamt")
    assert "Koch" in " ".join(_persons(project))
    assert roles == ["Hinweis", "Antwort Bezirksamt"] * 2


def test_a_label_cut_off_after_its_article_imports(project: Project, tmp_path: Path) -> None:
    """ "Frage an die:" and "Antwort vom:" (the name never typed) stopped the import with a
    traceback (an IndexError in the record-label rule)."""
    roles = _import(project, tmp_path, "Frage an die", "Antwort vom")
    assert len(roles) == len(SAID)
