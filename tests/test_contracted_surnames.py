"""Surnames with "vom", "zum", "zur" whose word is an ordinary noun of the land ("Herr vom
Bruch sagt", "Frau zum Winkel kam", "Frau zur Linde."), after a bare form of address where
the name ends; offices, workplaces and set phrases with the same particles stay ("Frau vom
Amt", "Frau vom Kiosk kam", "Frau zum Beispiel sagt", "Herr zur Sache:")."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _out(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "surname", "want"),
    [
        ("Herr vom Bruch sagt, der Bus fährt zu selten.", "Bruch", "[Person 1] sagt, der Bus"),
        ("Frau zum Winkel kam später dazu.", "Winkel", "[Person 1] kam später dazu."),
        ("Frau zur Linde.", "Linde", "[Person 1]."),
        ("Danke an Herrn zur Heide!", "Heide", "Danke an [Person 1]!"),
        ("Laut Frau vom Holz fehlt Licht am Spielplatz.", "Holz", "Laut [Person 1] fehlt"),
        ("Herr zum Busch: Das geht so nicht.", "Busch", "[Person 1]: Das geht"),
        ("Gestern kam Herr zum Winkel zum Treffen.", "Winkel", "kam [Person 1] zum Treffen."),
    ],
)
def test_a_landscape_surname_after_a_contracted_particle_is_replaced(
    text: str, surname: str, want: str
) -> None:
    """ "Bruch", "Winkel", "Linde" are nouns no name source knows as a name after "vom",
    "zum", "zur": the surname stayed in clear after a bare "Frau"/"Herr"."""
    out = _out(text)
    assert want in out and surname not in out


def test_the_same_surname_is_the_same_person_again() -> None:
    """The second mention of "Herr vom Bruch" gets the first one's placeholder."""
    out = _out("Herr vom Bruch sagt, es reicht. Später meint Herr vom Bruch, es fehlt Licht.")
    assert "Bruch" not in out and out.count("[Person 1]") == 2


@pytest.mark.parametrize(
    "text",
    [
        "Frau vom Kiosk kam später dazu.",
        "Herr vom Bau sagt, der Bus fährt zu selten.",
        "Frau vom Dorf hat angerufen.",
        "Herr vom Pflegedienst hat angerufen.",
        "Danke an Frau vom Mieterbund!",
        "Herr vom Kirchenvorstand meint, das reicht nicht.",
        "Frau zur Untermiete hat angerufen.",
        "Frau vom Quartiersbüro kam.",
        "Der Herr vom Jugendamt kam.",
        "Die Frau zur Linde sagt, der Bus fährt zu selten.",
        "Der Herr vom Winkel meint, das reicht nicht.",
        "Ich hole meine Frau vom Feld ab.",
    ],
)
def test_offices_workplaces_and_the_landscape_after_an_article_stay(text: str) -> None:
    """An office, a shop, a service ("vom Pflegedienst", a compound no lexicon holds) or a
    landscape word after an article or a possessive names nobody."""
    assert _out(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Frau zum Beispiel sagt, das geht nicht.",
        "Herr zur Sache: das geht nicht.",
        "Frau zum Glück kam später dazu.",
        "Herr zum Schluss meint, das reicht nicht.",
        "Frau vom Feinsten.",
        "Herr zur Zeit krank.",
        "Frau zum Teil sagt, es fehlt Licht.",
    ],
)
def test_set_phrases_after_a_form_of_address_stay(text: str) -> None:
    """ "zum Beispiel", "zur Sache", "zum Glück" are set phrases, no surname, also where a
    name list knows the word ("Glück")."""
    assert _out(text) == text
