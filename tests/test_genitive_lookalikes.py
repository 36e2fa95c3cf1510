"""Look-alikes of a person's genitive with an apostrophe-s: a shop whose word is the last
part of a compound ("Rosi's Idee-Laden"), and in English texts words and countries before
what a person has ("Yesterday's proposal", "Germany's proposal"); first names there stay
persons ("Lena's request")."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    "text",
    [
        "Rosi's Idee-Laden hat zu.",
        "Toni's Ideen-Laden ist neu.",
        "Wir treffen uns in Mario's Fragen-Café.",
        "Anna's Wunsch-Kiosk hat alles.",
    ],
)
def test_a_first_name_before_a_compound_naming_a_shop_stays(text: str) -> None:
    """ "Rosi's Idee-Laden" became "[Person 1]'s Idee-Laden": the compound's first part
    ("Idee") was taken for what the owner has, not its last ("Laden")."""
    assert Pseudonymiser().pseudonymise(text)[0] == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir sprachen über Toni's Idee-Sammlung.", "Wir sprachen über Toni's Idee-Sammlung."),
        ("Becker's Ideen-Liste ist lang.", "[Person 1]'s Ideen-Liste ist lang."),
        ("Toni's Idee war gut.", "[Person 1]'s Idee war gut."),
    ],
)
def test_the_last_part_of_the_compound_decides(text: str, expected: str) -> None:
    """A surname stays a person before a compound, a first name before a plain person's
    noun; a first name before a compound of what nobody owns as a person is no owner."""
    assert Pseudonymiser().pseudonymise(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday's proposal was better.",
        "Monday's question was easy.",
        "Tomorrow's question is open.",
        "Germany's proposal was discussed.",
        "Austria's proposal was rejected.",
        "Georgia's opinion was not asked.",
    ],
)
def test_days_and_countries_before_what_a_person_has_in_english_stay(text: str) -> None:
    """ "Germany's proposal" became "[Person 1]'s proposal": a word of no list before what
    a person has counted as a surname, and the word list of English lacks days and countries."""
    assert Pseudonymiser().pseudonymise(text)[0] == text


@pytest.mark.parametrize("name", ["Lena", "Victoria", "Sabine", "Mark"])
@pytest.mark.parametrize("owned", ["request", "idea", "question"])
def test_a_first_name_that_is_also_a_place_is_a_person_in_english(name: str, owned: str) -> None:
    """ "Lena's request" stayed in clear: a place of the same name ("Lena", the river) came
    before the first name, as it does not in German texts ("Lena's Idee")."""
    text = f"We discussed {name}'s {owned} at length."
    expected = f"We discussed [Person 1]'s {owned} at length."
    assert Pseudonymiser().pseudonymise(text)[0] == expected
