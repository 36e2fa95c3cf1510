"""A surname ending in "x", "z" or "ß" before a genitive "s" ("Straußs Vorschlag", as
people write it without the apostrophe) is the listed or known person, not a word."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

LISTED = ["Jonas Strauß", "Ayse Yilmaz", "Maria Rosenkranz", "Max Katz", "Anna Weiß"]


@pytest.mark.parametrize("surname", ["Strauß", "Yilmaz", "Rosenkranz", "Katz", "Weiß"])
def test_a_listed_surname_with_a_genitive_s_is_the_person(surname: str) -> None:
    """ "Straußs Vorschlag" of a protocol listing Jonas Strauß stayed in clear, while
    "Beckers Vorschlag" of a listed Jens Becker was replaced."""
    text = f"{surname}s Vorschlag wurde angenommen."
    assert (
        Pseudonymiser().pseudonymise(text, LISTED)[0] == "[Person 1]s Vorschlag wurde angenommen."
    )


@pytest.mark.parametrize("surname", ["Strauß", "Weiß"])
def test_a_known_surname_that_is_a_word_with_a_genitive_s_is_the_person(surname: str) -> None:
    """The key holds Jonas Strauß from an earlier protocol: "Straußs Vorschlag" in the next
    one stayed in clear, as "Strauß" is also a word ("Kochs Rezept" may be the cook's)."""
    p = Pseudonymiser()
    p.pseudonymise("Anwesend: " + ", ".join(LISTED), LISTED)
    number = p.known["person", surname.lower()]
    out = p.pseudonymise(f"Wir folgen {surname}s Idee.")[0]
    assert out == f"Wir folgen {number}s Idee."


@pytest.mark.parametrize(
    "text",
    [
        "Der Strauß Blumen steht auf dem Tisch.",
        "Der Duft des Straußes war stark.",
        "Das Weiß der Wände blendet.",
        "Keiner weiß, wann der Bus kommt.",
        "Die Katz lässt das Mausen nicht.",
        "Der Rosenkranz hängt an der Wand.",
    ],
)
@pytest.mark.parametrize("listed", [True, False])
def test_the_words_stay(text: str, listed: bool) -> None:
    p = Pseudonymiser()
    if not listed:
        p.pseudonymise("Anwesend: " + ", ".join(LISTED), LISTED)
    assert p.pseudonymise(text, LISTED if listed else ())[0] == text
