"""A listed surname or full name joined to a noun by a hyphen ("das Kowalski-Fest", "die
Anna-Schmidt-Initiative"): the person is replaced, the noun stays."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

_LISTED = ["Jan Kowalski", "Anna Schmidt", "Anna Sommer", "Jan Bayer", "Eva Manfort"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Kowalski-Fest war schön.", "Das [Person 1]-Fest war schön."),
        ("Die Kowalski-Notiz liegt vor.", "Die [Person 1]-Notiz liegt vor."),
        ("Der Schmidt-Vorschlag kam gut an.", "Der [Person 1]-Vorschlag kam gut an."),
        ("Die Anna-Schmidt-Initiative hilft.", "Die [Person 1]-Initiative hilft."),
        ("Während des Kowalski-Festes regnete es.", "Während des [Person 1]-Festes regnete es."),
    ],
)
def test_the_listed_name_before_a_noun(text: str, expected: str) -> None:
    """ "Das Kowalski-Fest" of a listed Jan Kowalski stayed in clear: a listed name matched
    only as a whole word, and the hyphen joined it to the noun."""
    assert Pseudonymiser().pseudonymise(text, _LISTED)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Das Sommer-Fest fiel aus.",  # the surname is a German word
        "Das Bayer-Werk liegt nah.",  # an institution's noun
        "Wir wohnen in Manfort-Nord.",  # a place
        "Die Kowalski-Schule ist zu.",  # a school named after someone
        "Das Grill-Fest war schön.",
        "Die Kölner-Straße ist gesperrt.",
    ],
)
def test_words_places_and_institutions_stay(text: str) -> None:
    """Surnames that are words, places and institutions joined to a noun stay as written."""
    assert Pseudonymiser().pseudonymise(text, _LISTED)[0] == text


def test_a_double_surname_stays_one_name() -> None:
    """A listed double surname is the person as a whole, before a noun too; a name's second
    part ("Schmidt-Lüdenscheidt", an unlisted double surname as before) is no noun."""
    listed = ["Ines Zabelberg-Quast", "Anna Schmidt"]
    text = "Zabelberg-Quast kam. Die Zabelberg-Quast-Initiative läuft. Schmidt-Lüdenscheidt fehlte."
    assert Pseudonymiser().pseudonymise(text, listed)[0] == (
        "[Person 1] kam. Die [Person 1]-Initiative läuft. Schmidt-Lüdenscheidt fehlte."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das KOWALSKI-Fest war schön.", "Das [Person 1]-Fest war schön."),
        ("das kowalski-Fest war schön.", "das [Person 1]-Fest war schön."),
        ("Der SCHMIDT-Vorschlag kam gut an.", "Der [Person 1]-Vorschlag kam gut an."),
    ],
)
def test_the_listed_name_in_capitals_or_lower_case(text: str, expected: str) -> None:
    """ "Das KOWALSKI-Fest", "das kowalski-Fest" stayed in clear: the hyphen rule compared
    the listed name as written, and the list matches it in any case elsewhere."""
    assert Pseudonymiser().pseudonymise(text, _LISTED)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Schmidt-Kowalski-Treffen war gut.", "Das [Person 1]-[Person 2]-Treffen war gut."),
        ("Die Anna-Schmidt-Kowalski-Runde tagte.", "Die [Person 1]-[Person 2]-Runde tagte."),
        ("Das Meier-Kowalski-Fest war schön.", "Das Meier-[Person 1]-Fest war schön."),
    ],
)
def test_every_listed_name_of_a_chain_goes(text: str, expected: str) -> None:
    """ "Das Schmidt-Kowalski-Treffen" of a listed Anna Schmidt and Jan Kowalski kept
    "Schmidt" (and, as "Treffen" read as the institution "Treff", "Kowalski" too): only
    the last listed name before the noun was taken."""
    assert Pseudonymiser().pseudonymise(text, _LISTED)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Das SOMMER-Fest fiel aus.",
        "Die KOWALSKI-Schule ist zu.",
        "Der Kowalski-Treff ist zu.",
        "Wir wohnen in MANFORT-NORD.",
        "das sommer-Fest fiel aus.",
    ],
)
def test_capitals_keep_words_places_and_institutions(text: str) -> None:
    """In capitals or lower case a surname that is a word, an institution and a place stay."""
    assert Pseudonymiser().pseudonymise(text, _LISTED)[0] == text
