"""A surname before the first name, as lists and forms write it ("Terhorst Anna"), is one
person: both words are replaced, and the key knows her first name."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Terhorst Anna sagt, es fehlt Licht.", "[Person 1] sagt, es fehlt Licht."),
        ("Hinweis von Terhorst Anna", "Hinweis von [Person 1]"),
        ("Mit Tjaden Jens gesprochen.", "Mit [Person 1] gesprochen."),
        ("Terhorst Anna: Es fehlt Licht.", "[Person 1]: Es fehlt Licht."),
        ("Kontakt: Terhorst Anna", "Kontakt: [Person 1]"),
        ("Kontakt: Terhorst Anna, Tjaden Jens", "Kontakt: [Person 1], [Person 2]"),
    ],
)
def test_a_surname_before_the_first_name_is_one_person(text: str, expected: str) -> None:
    assert Pseudonymiser().pseudonymise(text)[0] == expected


def test_the_key_knows_her_in_either_order() -> None:
    p = Pseudonymiser()
    p.pseudonymise("Terhorst Anna sagt, es fehlt Licht.")
    texts = ["Anna Terhorst kommt.", "Frau Terhorst kommt.", "Peter Terhorst kommt."]
    assert [p.pseudonymise(t)[0] for t in texts] == [
        "[Person 1] kommt.",
        "[Person 1] kommt.",
        "[Person 2] kommt.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Liebe Anna, danke.", "Liebe [Person 1], danke."),
        ("Lieber Jens: danke!", "Lieber [Person 1]: danke!"),
        ("Hinweis von Mieterin Anna", "Hinweis von Mieterin [Person 1]"),
        ("Das sagt Mieter Fatma Arslan.", "Das sagt Mieter [Person 1]."),
        ("Die Idee von Jens Becker", "Die Idee von [Person 1]"),
    ],
)
def test_a_word_before_a_first_name_stays(text: str, expected: str) -> None:
    assert Pseudonymiser().pseudonymise(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Busch, Jens meldet sich.", "[Person 1] meldet sich."),
        ("Nickel Klaus sagt, wir brauchen Bänke.", "[Person 1] sagt, wir brauchen Bänke."),
        ("Kontakt: Kirsch Thomas", "Kontakt: [Person 1]"),
        ("Hinweis von Curry Ali", "Hinweis von [Person 1]"),
        ("Busch, Hecke und Rosen.", "Busch, Hecke und Rosen."),
    ],
)
def test_a_surname_that_is_a_noun_before_the_first_name(text: str, expected: str) -> None:
    """ "Busch, Jens", "Nickel Klaus sagt" kept the surname in clear once "Busch" and
    "Nickel" were listed as nouns: before a first name, as lists write names, they are
    the surname; among nouns they stay words."""
    assert Pseudonymiser().pseudonymise(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kontakt: Weber Olympia", "Kontakt: [Person 1]"),
        ("Weber Olympia sagt, es fehlt Licht.", "[Person 1] sagt, es fehlt Licht."),
        ("Hinweis von Costa Aura", "Hinweis von [Person 1]"),
        ("Schmidt Rosen pflanzen", "Schmidt Rosen pflanzen"),
    ],
)
def test_a_first_name_that_is_a_noun_after_the_surname(text: str, expected: str) -> None:
    """ "Kontakt: Weber Olympia" kept "Olympia" in clear once it was listed as a noun:
    after a surname of the gazetteer, as lists write names, it is her first name."""
    assert Pseudonymiser().pseudonymise(text)[0] == expected
