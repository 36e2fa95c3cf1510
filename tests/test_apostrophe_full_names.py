"""A full name with an apostrophe-s ("Anna Schmidt's Bericht"), two first names with it
joined by "und" ("Merle's und Tom's Idee") and a name with it after "von" at a line's end
("… von Sabine's") are persons: the whole name is replaced, the apostrophe-s stays outside
the placeholder; shops, brands, places and contractions stay."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

_NAMES = ["Anna Schmidt", "Tom Becker", "Leyla Yilmaz", "Maria Fischer", "Karl Zabelberg"]


@pytest.mark.parametrize("name", _NAMES)
@pytest.mark.parametrize(
    "frame",
    [
        "{}'s Bericht fehlt.",
        "Laut {}'s Bericht ist alles gut.",
        "Nach {}'s Bericht kam die Pause.",
        "Wir lasen {}'s Bericht.",
        "Das ist {}'s Garten.",
        "Wir sprachen über {}'s Hund.",
    ],
)
def test_a_full_name_with_an_apostrophe_s_is_replaced_whole(name: str, frame: str) -> None:
    """ "Anna Schmidt's Bericht" became "Anna [Person 1]'s Bericht": before a noun that also
    names an institution ("Bericht", "Garten") the full name was taken for its name."""
    text = frame.format(name)
    assert Pseudonymiser().pseudonymise(text)[0] == frame.format("[Person 1]")


def test_the_full_name_with_an_apostrophe_s_is_the_same_person() -> None:
    """The name with the apostrophe-s gets the key of the name without it."""
    text = "Anna Schmidt kam spät. Anna Schmidt's Bericht fehlt. Tom Becker's Garten blüht."
    out = Pseudonymiser().pseudonymise(text)[0]
    assert out == "[Person 1] kam spät. [Person 1]'s Bericht fehlt. [Person 2]'s Garten blüht."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Merle's und Tom's Idee war gut.", "[Person 1]'s und [Person 2]'s Idee war gut."),
        ("Anna's und Jens's Antrag kam.", "[Person 1]'s und [Person 2]'s Antrag kam."),
        ("Merle's and Tom's idea was good.", "[Person 1]'s and [Person 2]'s idea was good."),
    ],
)  # fmt: skip
def test_two_owners_joined_by_und_are_both_persons(text: str, expected: str) -> None:
    """ "Merle's und Tom's Idee" kept Merle in clear: only the apostrophe-s right before
    the noun told what a name owned."""
    assert Pseudonymiser().pseudonymise(text)[0] == expected


@pytest.mark.parametrize("name", ["Sabine", "Tom", "Leyla", "Becker"])
@pytest.mark.parametrize("end", ["", ".", "\nNächster Punkt"])
def test_a_name_with_an_apostrophe_s_after_von_at_a_line_end(name: str, end: str) -> None:
    """ "Die Notiz ist von Sabine's" at a line's end stayed in clear: no noun followed."""
    text = f"Die Notiz ist von {name}'s{end}"
    assert Pseudonymiser().pseudonymise(text)[0] == f"Die Notiz ist von [Person 1]'s{end}"


@pytest.mark.parametrize(
    "text",
    [
        "Wir gehen heute zu Rosi's Bar.",
        "Rosi's und Kemal's Kiosk haben zu.",
        "Bei McDonald's war es voll.",
        "Das ist von McDonald's",
        "Die Idee kam von Hamburg's",
        "Ein Gruß von Gibt's",
        "Gibt's noch Kaffee?",
        "Wie geht's?",
        "Wir gingen zu Anna's.",
        "Oma's und Opa's Idee war gut.",
        "Germany's proposal was rejected.",
        "Wir trafen uns bei Rosi's Bar und Kemal's Kiosk.",
    ],
)
def test_shops_brands_places_and_contractions_stay(text: str) -> None:
    """No person's genitive: the text stays as it is."""
    assert Pseudonymiser().pseudonymise(text)[0] == text


def test_a_known_name_with_an_apostrophe_s_after_von_at_a_line_end_is_still_replaced() -> None:
    """Once "Sabine" was on the key, "… von Sabine's" at a line's end stayed in clear: the
    rule for names of the key asked for a noun after the apostrophe-s."""
    pseudonymiser = Pseudonymiser()
    first, _ = pseudonymiser.pseudonymise("Die Notiz ist von Sabine's")
    again, _ = pseudonymiser.pseudonymise("Wir gehen.\nDie Liste ist von Sabine's.")
    assert first == "Die Notiz ist von [Person 1]'s"
    assert again == "Wir gehen.\nDie Liste ist von [Person 1]'s."


@pytest.mark.parametrize("surname", ["Richter", "Pastor", "Doktor", "Schüler", "Bruder"])
@pytest.mark.parametrize(
    "frame", ["{}'s Büro ist zu.", "Das Team hat {}'s Bericht gelesen.", "Laut {}'s Meinung …"]
)
def test_a_surname_that_is_a_role_with_an_apostrophe_s_is_replaced_with_its_first_name(
    surname: str, frame: str
) -> None:
    """ "Sophie Richter's Büro" left "Richter" in clear ("[Person 1] Richter's Büro", or two
    persons "[Person 1] [Person 2]'s Bericht"): "Richter's" was read as the genitive of
    the role "Richter", though the gazetteer knows it as a surname, as "Sophie Richter"."""
    text = frame.format(f"Sophie {surname}")
    assert Pseudonymiser().pseudonymise(text)[0] == frame.format("[Person 1]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Herr Doktor's Rat war gut.", "Herr Doktor's Rat war gut."),
        ("Der Herr Pastor's Predigt war lang.", "Der Herr Pastor's Predigt war lang."),
        ("Frau Pfarrerin's Predigt war gut.", "Frau Pfarrerin's Predigt war gut."),
        ("Frau Schüler's Antrag kam.", "[Person 1]'s Antrag kam."),
    ],
)  # fmt: skip
def test_a_role_people_are_addressed_by_with_an_apostrophe_s_stays(
    text: str, expected: str
) -> None:
    """ "Herr Doktor", "Herr Pastor" name nobody, with an apostrophe-s too; "Frau Schüler"
    (a surname of the gazetteer after a form of address) is a person."""
    assert Pseudonymiser().pseudonymise(text)[0] == expected
