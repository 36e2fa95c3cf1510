"""A surname the key holds after "nach" or "bis" is the person, not a time or a direction:
with "Jens Becker" on the list, "Nach Becker kommt keiner." and "Das kam nach Becker."
kept "Becker" in clear ("nach" counted as an article before a noun, as in "nach Ostern")."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nach Becker kommt keiner.", "Nach [Person 1] kommt keiner."),
        ("Das kam nach Becker.", "Das kam nach [Person 1]."),
        (
            "Von Montag bis Becker kommt, warten wir.",
            "Von Montag bis [Person 1] kommt, warten wir.",
        ),
    ],
)
def test_a_known_surname_after_nach_or_bis_is_the_person(text: str, expected: str) -> None:
    p = Pseudonymiser()
    assert p.pseudonymise("Jens Becker kam.", ["Jens Becker"])[0] == "[Person 1] kam."
    assert p.pseudonymise(text)[0] == expected
    assert set(p.known.values()) == {"[Person 1]"}


def test_a_gazetteer_surname_that_is_also_an_old_noun_after_nach_is_the_person() -> None:
    """ "Meier" is a noun of the Wiktionary too (a dairy farmer), and a common surname."""
    p = Pseudonymiser()
    p.pseudonymise("Jens Meier kam.", ["Jens Meier"])
    assert p.pseudonymise("Nach Meier kommt keiner.")[0] == "Nach [Person 1] kommt keiner."


def test_a_listed_compound_like_surname_after_nach_is_the_person() -> None:
    p = Pseudonymiser()
    p.pseudonymise("Karin Wendland kam.", ["Karin Wendland"])
    assert p.pseudonymise("Nach Wendland ist das gut.")[0] == "Nach [Person 1] ist das gut."


@pytest.mark.parametrize(
    "text",
    [
        "Nach Ostern geht es weiter.",
        "Bis Freitag bitte melden.",
        "Wir fahren nach Köln.",
        "Nach Sommer kommt Herbst.",
        "Bis Weihnachten ist das fertig.",
    ],
)
def test_times_and_places_after_nach_stay(text: str) -> None:
    p = Pseudonymiser()
    p.pseudonymise("Jens Becker kam.", ["Jens Becker"])
    assert p.pseudonymise(text)[0] == text
