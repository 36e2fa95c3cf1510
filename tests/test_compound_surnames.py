"""A surname after particles goes on with a second surname the gazetteer knows, even one
that is also a word ("Anna de la Fuente Bauer"), and a double surname of a surname and a
town after an unknown first name ("Quirin Meier-Lüdenscheid"): no part stays in clear."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna de la Fuente Bauer kam.", "[Person 1] kam."),
        ("Laut Maria del Carmen Vogel fehlt Geld.", "Laut [Person 1] fehlt Geld."),
        ("Ich habe mit Carlos da Silva Koch gesprochen.", "Ich habe mit [Person 1] gesprochen."),
        ("Maria del Carmen Ruiz kam.", "[Person 1] kam."),
    ],
)
def test_the_second_surname_after_particles_is_replaced(text: str, expected: str) -> None:
    assert Pseudonymiser().pseudonymise(text)[0] == expected


def test_a_place_word_after_the_name_stays() -> None:
    text = "Wir trafen José de la Cruz am Montag im Garten."
    assert Pseudonymiser().pseudonymise(text)[0] == "Wir trafen [Person 1] am Montag im Garten."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quirin Meier-Lüdenscheid kam auch.", "[Person 1] kam auch."),
        ("Laut Quirin Meier-Lüdenscheid fehlt Geld.", "Laut [Person 1] fehlt Geld."),
        ("Gestern kam Quirin Meier-Lüdenscheid.", "Gestern kam [Person 1]."),
    ],
)
def test_a_double_surname_with_a_town_after_an_unknown_first_name(text: str, expected: str) -> None:
    assert Pseudonymiser().pseudonymise(text)[0] == expected


@pytest.mark.parametrize(
    "text", ["Im Bezirk Berlin-Mitte fehlt Geld.", "Wir fahren nach Köln-Mülheim."]
)
def test_a_place_of_two_places_stays(text: str) -> None:
    assert Pseudonymiser().pseudonymise(text)[0] == text
