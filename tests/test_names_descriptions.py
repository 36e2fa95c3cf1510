"""A role or description between a speech verb and the name ("sagt Mieterin Fatma Arslan",
"erzählt Ehrenamtlerin Gabi", "sagt Mieter Fatma Arslan") stays; only the name is replaced."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Wohnungsgesellschaft reagiert nicht, sagt Mieterin Fatma Arslan.",
            "Die Wohnungsgesellschaft reagiert nicht, sagt Mieterin [Person 1].",
        ),
        (
            "Viele schämen sich, zur Tafel zu gehen, erzählt Ehrenamtlerin Gabi.",
            "Viele schämen sich, zur Tafel zu gehen, erzählt Ehrenamtlerin [Person 1].",
        ),
        (
            "Die Beratung ist voll, meint Pflegerin Jelena.",
            "Die Beratung ist voll, meint Pflegerin [Person 1].",
        ),
        ("Das fehlt, sagt Kundin Anna Becker.", "Das fehlt, sagt Kundin [Person 1]."),
    ],
)
def test_a_description_before_the_name_stays(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kontakt: Terhorst Anna", "Kontakt: [Person 1]"),
        ("Sagt Terhorst Anna.", "Sagt [Person 1]."),
        ("Moderation: Tjaden Jens", "Moderation: [Person 1]"),
    ],
)
def test_a_surname_before_a_first_name_is_still_replaced(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Heizung fällt ständig aus, sagt Mieter Fatma Arslan.",
            "Die Heizung fällt ständig aus, sagt Mieter [Person 1].",
        ),
        ("Das fehlt, meint Anwohner Jens Becker.", "Das fehlt, meint Anwohner [Person 1]."),
        ("Laut Kunde Peter Schmitz fehlt Licht.", "Laut Kunde [Person 1] fehlt Licht."),
    ],
)
def test_a_masculine_description_before_a_full_name_stays(text: str, expected: str) -> None:
    assert _clear(text) == expected


def test_a_surname_of_the_lists_before_a_full_name_is_still_replaced() -> None:
    text, _ = Pseudonymiser().pseudonymise("Das fehlt, sagt Kowalczyk Anna Maria.")
    assert "Kowalczyk" not in text and "Anna" not in text
