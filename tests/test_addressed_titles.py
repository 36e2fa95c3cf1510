"""A surname after "Herrn"/"Frau" and a title or an office ("Wir fragten Herrn Professor
Weber dazu.", "Frau Dekanin Richter", "Herrn Stadtdirektor Baumeister") stayed in clear in
the statement: the title stopped the form of address, and the name alone after it was no
name. Now the name is replaced with its address and title, as "Herrn Dr. Becker" is; a
plural noun or a noun after the title ("Herrn Professor Unterlagen geben") is no name."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcript_files import import_into, record_file
from workbench import Project

LABELS = ("Frage aus dem Publikum", "Antwort der Stadt")
REST = ["Im Frühjahr beginnen die Arbeiten.", "Gibt es mehr Bänke am Platz?", "Das wird geprüft."]


def _stored(project: Project, tmp_path: Path, sentence: str) -> str:
    """Import a record whose first statement is ``sentence``; that statement as stored."""
    path = record_file(tmp_path / "versammlung.txt", *LABELS, [sentence, *REST])
    assert import_into(project, path) == 0
    stored = list(project.segments().sort_values("position")["text"])
    assert stored[1:] == REST
    return stored[0]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Wir fragten Herrn Professor Weber dazu.", "Weber"),
        ("Laut Herrn Professor Özdemir fehlt Geld.", "Özdemir"),
        ("Frau Professorin Richter hat das bestätigt.", "Richter"),
        ("Wir fragten Frau Dekanin Baumeister dazu.", "Baumeister"),
        ("Herr Stadtdirektor Richter hat das bestätigt.", "Richter"),
        ("Laut Herrn Dekan Baumeister fehlt Geld.", "Baumeister"),
    ],
)
def test_a_surname_after_a_form_of_address_and_a_title_is_replaced(
    project: Project, tmp_path: Path, sentence: str, name: str
) -> None:
    text = _stored(project, tmp_path, sentence)
    assert name not in text
    assert "[Person 1]" in text
    persons = list(project.pseudonym_key().query("kind == 'person'")["original"])
    assert any(name in person.split() for person in persons)


@pytest.mark.parametrize(
    "sentence",
    [
        "Wir haben Herrn Professor Unterlagen gegeben.",
        "Wir schickten Frau Dekanin Briefe per Post.",
        "Wir haben Herrn Stadtdirektor Bescheid gegeben.",
        "Wir sprachen mit Herrn Professor über den Park.",
    ],
)
def test_a_title_before_a_noun_keeps_every_word(
    project: Project, tmp_path: Path, sentence: str
) -> None:
    assert _stored(project, tmp_path, sentence) == sentence
    assert project.pseudonym_key().query("kind == 'person'").empty
