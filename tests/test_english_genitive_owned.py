"""The English genitive by what follows it: a frequent surname that is also a word or a
first name ("Fischer's Idee", "Nguyen's Vorschlag") is a person before what only a person
has; a word of no list before what a firm sells ("Tchibo's Kaffee") is a brand."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize("surname", ["Fischer", "Koch", "Wolf", "Bauer", "Hahn", "Nguyen"])
@pytest.mark.parametrize("owned", ["Idee", "Vorschlag", "Meinung", "Frau", "Einwand"])
def test_a_surname_that_is_a_word_or_first_name_before_what_a_person_has(
    surname: str, owned: str
) -> None:
    """ "Fischer's Idee", "Wolf's Frau", "Nguyen's Vorschlag" stayed in clear: a word, a
    first name or a place before the apostrophe-s was taken for a brand or a place."""
    text = f"Das war {surname}'s {owned}."
    assert Pseudonymiser().pseudonymise(text)[0] == f"Das war [Person 1]'s {owned}."


@pytest.mark.parametrize(
    "text",
    [
        "Koch's Rezept war gut.",
        "Bauer's Hof ist groß.",
        "Wolf's Revier ist groß.",
        "Kinder's Meinung zählt.",
        "Meister's Idee war gut.",
        "Bruder's Frau kam.",
        "Oma's Idee war gut.",
        "Chef's Idee war das.",
    ],
)
def test_a_word_before_what_no_person_owns_or_a_rare_word_surname_stays(text: str) -> None:
    """A thing after a surname that is also a word, or a word the gazetteer holds only as
    a rare surname: no person's genitive."""
    assert Pseudonymiser().pseudonymise(text)[0] == text


@pytest.mark.parametrize("brand", ["Tchibo", "Zalando", "Budni", "Primark"])
@pytest.mark.parametrize("owned", ["Kaffee", "Angebot", "Preise", "Werbung", "Filiale"])
def test_a_brand_of_no_list_before_what_it_sells_stays(brand: str, owned: str) -> None:
    """ "Tchibo's Kaffee" became "[Person 1]'s Kaffee": a word of no list was a person
    before any noun."""
    text = f"Wir mögen {brand}'s {owned}."
    assert Pseudonymiser().pseudonymise(text)[0] == text


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Das war Zabelberg's Bericht.", "Zabelberg"),
        ("Wir mochten Becker's Angebot, beim Fest zu helfen.", "Becker"),
        ("Tjaden's Garten ist groß.", "Tjaden"),
    ],
)
def test_a_surname_before_other_nouns_is_still_a_person(text: str, surname: str) -> None:
    """A surname of the gazetteer that is no word, or a word of no list before what no
    firm sells, stays a person."""
    assert Pseudonymiser().pseudonymise(text)[0] == text.replace(surname, "[Person 1]")
