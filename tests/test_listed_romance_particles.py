"""A listed surname with a Romance, Dutch or Arabic particle ("João Dos Santos", "Jan Ten
Brink", "Lucia Della Rovere", "Rui Das Neves"): the particle alone is no name, the surname
with it is; a capitalised particle inside a venue's name names the venue."""

from __future__ import annotations

import pytest

from workbench.ingest.listed_variants import name_variants
from workbench.ingest.pseudonymise import Pseudonymiser

_LISTED = [
    "João Dos Santos",
    "Jan Ten Brink",
    "Lucia Della Rovere",
    "Rui Das Neves",
    "Kees Ter Horst",
    "Pieter Van Dijk",
    "Yusuf Bin Rashid",
    "Omar Ibn Said",
]


@pytest.mark.parametrize(
    "text",
    [
        "Die Dos und Don'ts stehen im Leitfaden.",
        "Das ist unsere Top Ten.",
        "Ten Sing ist ein Jugendprojekt.",
        "Della kam nicht zum Treffen.",
        "Das Treffen war gut.",
        "Wir machen Das Beste draus.",
        "Bin gleich da.",
        "Van Gogh malte Sonnenblumen.",
        "Ter Stegen hielt den Ball.",
    ],
)
def test_the_particle_alone_stays_a_word(text: str) -> None:
    """ "Das Treffen war gut" of a listed Rui Das Neves read "[Person 1] Treffen war gut",
    "Top Ten" "Top [Person 2]": every particle of three letters was a name variant."""
    assert Pseudonymiser().pseudonymise(text, _LISTED)[0] == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("João Dos Santos kam spät.", "[Person 1] kam spät."),
        ("Dos Santos sagte, es gehe.", "[Person 1] sagte, es gehe."),
        ("Laut Ten Brink fehlt Geld.", "Laut [Person 1] fehlt Geld."),
        ("Della Rovere hat das Protokoll.", "[Person 1] hat das Protokoll."),
        ("Mit Das Neves gesprochen.", "Mit [Person 1] gesprochen."),
        ("Bin Rashid sagte nichts.", "[Person 1] sagte nichts."),
        ("Ter Horst meinte, es reicht.", "[Person 1] meinte, es reicht."),
    ],
)
def test_the_surname_with_its_particle(text: str, expected: str) -> None:
    """The surname with its particle stays one person ("Mit Das Neves" was two)."""
    assert Pseudonymiser().pseudonymise(text, _LISTED)[0] == expected


def test_a_last_word_is_a_surname_not_a_particle() -> None:
    """ "Van" ending a listed name ("Thi Van") is her surname, still a variant."""
    assert ("Van", "thi van") in name_variants(["Thi Van"])
    assert ("Van", "nguyen minh") not in name_variants(["Nguyen Van Minh"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Café Della Nonna hat zu.", "Das Café Della Nonna hat zu."),
        ("Die Pizzeria Da Mario ist voll.", "Die Pizzeria Da Mario ist voll."),
        ("Wir waren im Cafe del Sol.", "Wir waren im Cafe del Sol."),
    ],
)
def test_a_capitalised_particle_in_a_venue(text: str, expected: str) -> None:
    """ "Café Della Nonna" read "Café Della [Person 1]" with no list at all: "Nonna" is a
    first name of the gazetteer, and only a lower-case "della" made the venue's name."""
    assert Pseudonymiser().pseudonymise(text, [])[0] == expected
