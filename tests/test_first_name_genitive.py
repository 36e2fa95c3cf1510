"""A first name in a genitive typed with an apostrophe ("Toni's Idee", "Andrea's
Vorschlag") and a surname before what only a person has in an English text ("Fischer's
idea", "Koch's proposal") are persons; shops, brands, kin words and wrong plurals stay."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize("name", ["Toni", "Andrea", "Anna", "Sabine", "Uwe", "Heike"])
@pytest.mark.parametrize("owned", ["Idee", "Vorschlag", "Antrag", "Frau", "Tochter"])
def test_a_first_name_with_an_apostrophe_s_before_what_a_person_has(name: str, owned: str) -> None:
    """ "Toni's Idee" stayed in clear: a first name before the apostrophe-s was taken for a
    shop or a brand ("Rosi's Bar") whatever followed."""
    text = f"Wir diskutierten {name}'s {owned} lange."
    assert Pseudonymiser().pseudonymise(text)[0] == f"Wir diskutierten [Person 1]'s {owned} lange."


@pytest.mark.parametrize("surname", ["Fischer", "Koch", "Wolf", "Hahn", "Becker", "Vogel"])
@pytest.mark.parametrize(
    "frame", ["I liked {}'s idea.", "{}'s proposal was accepted.", "We discussed {}'s wife."]
)
def test_a_surname_before_what_a_person_has_in_english(surname: str, frame: str) -> None:
    """ "Fischer's idea" stayed in clear: only a capitalised (German) noun after the
    apostrophe-s made its owner a person."""
    text = frame.format(surname)
    assert Pseudonymiser().pseudonymise(text)[0] == frame.format("[Person 1]")


@pytest.mark.parametrize(
    "text",
    [
        "Oma's Kuchen ist der beste.",
        "Mama's Meinung zählt.",
        "Papa's Auto steht draußen.",
        "Die Kiosk's haben zu.",
        "Auto's parken überall auf dem Gehweg.",
        "Handy's sind im Unterricht verboten.",
        "Foto's vom Fest hängen im Flur.",
        "McDonald's hat bis Mitternacht offen.",
        "Kellogg's ist zu süß.",
        "Toni's Pizzeria hat zu.",
        "Rosi's Bar hat lange auf.",
        "Kemal's Kiosk hat alles.",
        "Wir gingen zu Anna's.",
        "McDonald's idea of a salad is odd.",
        "Everyone's opinion counts.",
        "Hamburg's proposal was rejected.",
        "The mayor's office did not answer.",
        "It's a good idea.",
    ],
)
def test_kin_words_brands_shops_and_wrong_plurals_stay(text: str) -> None:
    """Words of the language, brands and shops before the apostrophe-s, and what no person
    has after a first name, are no person's genitive."""
    assert Pseudonymiser().pseudonymise(text)[0] == text
