"""Surnames as a plural subject after a focus particle ("Auch Becker und Kaya kamen", "Nur
Schmidt und Frau Wolf waren da") are persons, all of them; nouns and surnames that are
words there stay ("Auch Fischer und Jäger kamen")."""

from __future__ import annotations

import re

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize("particle", ["Auch", "Nur", "Sogar", "Selbst", "Gerade"])
@pytest.mark.parametrize(
    ("subject", "rest"),
    [("Becker und Kaya", "kamen."), ("Schmidt und Frau Wolf", "waren da."),
     ("Neumann und Lehmann", "haben zugestimmt."), ("Petersen sowie Krüger", "fehlten."),
     ("Becker, Schmidt und Kaya", "kamen.")],
)  # fmt: skip
def test_every_surname_of_a_plural_subject_is_replaced(
    particle: str, subject: str, rest: str
) -> None:
    """ "Auch Becker und Kaya kamen" became "Auch Becker und [Person 1] kamen": a lone
    surname after the particle counted only before a verb in the singular."""
    out = Pseudonymiser().pseudonymise(f"{particle} {subject} {rest}")[0]
    expected = re.sub(r"(?:Frau )?[A-ZÄÖÜ]\w+", "X", subject)
    assert re.sub(r"\[Person \d+\]", "X", out) == f"{particle} {expected} {rest}"


@pytest.mark.parametrize("particle", ["Auch", "Nur", "Sogar", "Selbst", "Gerade"])
@pytest.mark.parametrize(
    "words",
    ["Kinder und Eltern kamen", "Fischer und Jäger kamen", "Koch und Kellner fehlten",
     "Berlin und Hamburg haben das", "Rewe und Lidl haben offen", "Kinder und Partner kamen",
     "Meister und Söhne kamen", "Jung und Alt kamen", "Caritas und Diakonie kamen"],
)  # fmt: skip
def test_nouns_places_firms_and_word_surnames_stay(particle: str, words: str) -> None:
    """A plural of nouns, places, firms or surnames that are words is no list of persons
    ("Becker und Söhne", the owner's firm, is replaced: decision 021, tests/test_firm_forms.py)."""
    text = f"{particle} {words}."
    assert Pseudonymiser().pseudonymise(text)[0] == text


@pytest.mark.parametrize(
    "text",
    ["Nur Kaya und Yilmaz haben abgestimmt.", "Selbst Kaya und Demir waren dafür.",
     "Auch Becker und Thomas kamen.", "Sogar Schmidt, Lehmann und Anna blieben."],
)  # fmt: skip
def test_a_first_name_among_the_surnames_makes_all_of_them_persons(text: str) -> None:
    """ "Nur Kaya und Yilmaz haben abgestimmt" became "Nur Kaya und [Person 1] …": a partner
    that is also a first name ("Yilmaz", "Thomas") was no partner, so the surname before it
    stayed in clear although the partner itself was replaced."""
    out = Pseudonymiser().pseudonymise(text)[0]
    names = re.sub(r"\[Person \d+\]", "X", out).replace(",", "").split()[1:]
    assert [w for w in names if w[:1].isupper() and w != "X"] == [], out
