"""Names of the name lists that are German nouns ("Rosen", "Busch", "Motte", "Delphine"):
in a sentence about flowers, bushes or animals they stay words; with a form of address,
a first name or a verb of a person they are still names."""

from __future__ import annotations

import pytest

from workbench.ingest import name_lists as lists
from workbench.ingest.pseudonymise import REVIEW_BELOW, Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Rosen im Park pflanzen",
        "Mehr Rosen am Zaun",
        "Wir wollen Rosen und Tulpen",
        "Die Rosen blühen",
        "Mehr Kraus und Busch.",
        "Delphine im Zoo sind toll.",
        "Curry und Nickel, Fasching und Mensa.",
        "Sitzbänke und Hecke, Spielplatz und Bach.",
        "Im Sommer und Bach ist es schön.",
    ],
)
def test_nouns_of_the_name_lists_stay(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize("word", sorted(lists.NOUN_FIRST_NAMES | lists.NOUN_SURNAMES))
def test_every_listed_noun_stays_a_word(word: str) -> None:
    noun = word.capitalize().replace("ss", "ß") if word == "spiess" else word.capitalize()
    for text in (f"Wir wollen mehr {noun} und Tulpen.", f"{noun} im Park, bitte."):
        assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frau Rosen kommt später.", "[Person 1] kommt später."),
        ("Anna Rosen hat die Liste.", "[Person 1] hat die Liste."),
        ("Herr Busch sagt nein.", "[Person 1] sagt nein."),
        ("Rosen sagt, dass es gut ist.", "[Person 1] sagt, dass es gut ist."),
        ("Maxime hat angerufen.", "[Person 1] hat angerufen."),
        ("Delphine Dubois kommt.", "[Person 1] kommt."),
    ],
)
def test_such_a_name_of_a_person_is_still_replaced(text: str, expected: str) -> None:
    assert _clear(text) == expected


def test_a_name_alone_that_is_a_noun_goes_to_the_review_queue() -> None:
    # replaced, but not as certain: a researcher sees "Rosen sagt" and may reject it
    hits = [h for h in Pseudonymiser().detect("Rosen sagt, dass es gut ist.") if h.kind == "person"]
    assert [h.confidence < REVIEW_BELOW for h in hits] == [True]


def test_the_key_does_not_turn_the_noun_into_a_person_in_later_imports() -> None:
    pseudonymiser = Pseudonymiser()
    assert pseudonymiser.pseudonymise("Frau Rosen kommt.")[0] == "[Person 1] kommt."
    for text in ("rosen und tulpen im park", "Rosen im Park pflanzen", "Mehr Rosen am Zaun"):
        assert pseudonymiser.pseudonymise(text)[0] == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Violette Blumen pflanzen.", "Violette Blumen pflanzen."),
        ("Zivile Projekte fördern.", "Zivile Projekte fördern."),
        ("Manuelle Zählung der Besucher.", "Manuelle Zählung der Besucher."),
        ("Rares Gut ist das.", "Rares Gut ist das."),
        ("Gottlob ist der Platz jetzt sauber.", "Gottlob ist der Platz jetzt sauber."),
        ("Violette hat angerufen.", "[Person 1] hat angerufen."),
        ("Wir danken Violette.", "Wir danken [Person 1]."),
        ("Violette Dubois kommt.", "[Person 1] kommt."),
    ],
)
def test_a_first_name_that_is_an_adjective_opening_a_sentence(text: str, expected: str) -> None:
    """ "Violette Blumen", "Zivile Projekte" became "[Person 1] Blumen", "[Person 1]
    fördern": opening a sentence such a name is the adjective, unless the person acts."""
    assert _clear(text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tara Busch hat die Liste mitgebracht.", "Tara Busch"),
        ("Wir danken Tara Busch und den anderen.", "Tara Busch"),
        ("Ich bin Mercedes Fink und wohne in Manfort.", "Mercedes Fink"),
        ("Die Idee kam von Maxime Faust.", "Maxime Faust"),
        ("Mit Medina Kirsch reden wir nächste Woche.", "Medina Kirsch"),
        ("Teddy Hummel kommt später.", "Teddy Hummel"),
        ("Mercedes Bauer hat die Liste mitgebracht.", "Mercedes Bauer"),
    ],
)
def test_a_noun_first_name_before_a_noun_surname_is_a_person(text: str, name: str) -> None:
    """ "Tara Busch", "Mercedes Fink" stayed in clear, both words, where any cue named
    them: both are nouns of the word list, yet two in a row are a person's full name."""
    assert _clear(text) == text.replace(name, "[Person 1]")
