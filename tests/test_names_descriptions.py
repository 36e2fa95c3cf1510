"""A woman's role or description between a speech verb and her name ("sagt Mieterin Fatma
Arslan", "erzählt Ehrenamtlerin Gabi") stays; only the name is replaced."""

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
        ("Kontakt: Terhorst Anna", "Kontakt: [Person 1] [Person 2]"),
        ("Sagt Terhorst Anna.", "Sagt [Person 1] [Person 2]."),
        ("Moderation: Tjaden Jens", "Moderation: [Person 1] [Person 2]"),
    ],
)
def test_a_surname_before_a_first_name_is_still_replaced(text: str, expected: str) -> None:
    assert _clear(text) == expected
