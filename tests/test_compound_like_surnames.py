"""A listed surname that ends like a compound noun ("Wendland", "Neuhaus", "Hollweg") is
the person's alone too: with "Karin Wendland" on the name list, "Laut Wendland …",
"Wendland hat recht." and "Ich stimme Wendland zu." kept the name in clear."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laut Wendland ist das gut.", "Laut [Person 1] ist das gut."),
        ("Das ist laut Wendland gut.", "Das ist laut [Person 1] gut."),
        ("Wendland hat recht.", "[Person 1] hat recht."),
        ("Ich stimme Wendland zu.", "Ich stimme [Person 1] zu."),
    ],
)
def test_a_listed_surname_ending_like_a_compound_is_replaced_alone(
    text: str, expected: str
) -> None:
    p = Pseudonymiser()
    assert p.pseudonymise("Karin Wendland kam.", ["Karin Wendland"])[0] == "[Person 1] kam."
    assert p.pseudonymise(text)[0] == expected
    assert set(p.known.values()) == {"[Person 1]"}


@pytest.mark.parametrize("met", ["Frau Neuhaus kam.", "Herr Hollweg kam."])
def test_a_surname_met_with_a_form_of_address_is_replaced_alone(met: str) -> None:
    """Met as "Frau Neuhaus", the surname alone later is hers too."""
    p = Pseudonymiser()
    assert p.pseudonymise(met)[0] == "[Person 1] kam."
    surname = met.split()[1]
    assert p.pseudonymise(f"Ich stimme {surname} zu.")[0] == "Ich stimme [Person 1] zu."


@pytest.mark.parametrize(
    "text",
    [
        "Das Bürgerhaus braucht ein neues Dach.",
        "Im Wendland ist es schön.",
        "Der Jugendtreff hat zu.",
        "Mehr Stadtpark, weniger Parkhaus.",
    ],
)
def test_compound_nouns_and_the_region_after_an_article_stay(text: str) -> None:
    p = Pseudonymiser()
    p.pseudonymise("Karin Wendland kam.", ["Karin Wendland"])
    assert p.pseudonymise(text)[0] == text
