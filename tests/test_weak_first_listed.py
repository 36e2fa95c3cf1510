"""A first name that is also a word ("Lasse", "Malte", "Ernst") before a surname that the
text's name list or the project's key holds is the person's first name: "Lasse Hartkopf
kommt." of a listed Gregor Hartkopf keeps no "Lasse" in clear. Where the word is no name
("Im Ernst, Hartkopf hat recht.", "Ich lasse Hartkopf ausreden.") it stays."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

LISTED = ["Gregor Hartkopf"]


def _known() -> Pseudonymiser:
    """A pseudonymiser whose key knows Herr Gregor Hartkopf (no list in the text)."""
    p = Pseudonymiser()
    assert p.pseudonymise("Herr Gregor Hartkopf hat eingeladen.")[0] == "[Person 1] hat eingeladen."
    return p


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lasse Hartkopf kommt.", "[Person 2] kommt."),
        ("Ich habe mit Mark Hartkopf gesprochen.", "Ich habe mit [Person 2] gesprochen."),
        ("Malte Hartkopf kommt heute.", "[Person 2] kommt heute."),
        ("Frank Hartkopf kommt heute.", "[Person 2] kommt heute."),
    ],
)
def test_a_word_first_name_before_a_listed_or_known_surname(text: str, expected: str) -> None:
    """The first name stayed in clear: a weak first name needed a surname of the bundled
    list; the text's own list and the key were not asked."""
    listed = Pseudonymiser()
    listed.pseudonymise("Herr Otto Quast kommt.")  # [Person 1]: the numbers as with the key
    assert listed.pseudonymise(text, LISTED)[0] == expected
    assert _known().pseudonymise(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Im Ernst, Hartkopf hat recht.",
        "Ich lasse Hartkopf ausreden.",
        "Unter der Linde sitzt Hartkopf gern.",
        "Die Tore am Bolzplatz hat Hartkopf repariert.",
    ],
)
def test_the_word_stays_where_it_is_no_name(text: str) -> None:
    """Only the surname is the person."""
    expected = text.replace("Hartkopf", "[Person 1]")
    assert Pseudonymiser().pseudonymise(text, LISTED)[0] == expected
    assert _known().pseudonymise(text)[0] == expected


def test_a_word_before_an_unknown_surname_stays() -> None:
    """Without a list or a key entry "Lasse" before a capitalised word is no name."""
    assert Pseudonymiser().pseudonymise("Lasse Kinder spielen.")[0] == "Lasse Kinder spielen."
