"""Names opening a sentence that stayed in clear beside a replaced one: two surnames joined
by "und" ("Becker und Kaya kamen", "Wie Merkel und Scholz sagten")."""

from __future__ import annotations

import re

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _out(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("pair", "rest"),
    [("Becker und Kaya", "waren eingeladen."), ("Merkel und Scholz", "haben zugestimmt."),
     ("Neumann sowie Lehmann", "fehlten beim Treffen."), ("Krüger und Demir", "kamen zu spät.")],
)  # fmt: skip
@pytest.mark.parametrize("opening", ["", "Der Bus ist voll. ", "Wie "])
def test_both_surnames_of_a_pair_opening_a_sentence_are_replaced(
    opening: str, pair: str, rest: str
) -> None:
    """ "Becker und Kaya waren eingeladen" became "Becker und [Person 1] …": the second
    surname was replaced, the first stayed in clear beside it (also a public figure's:
    the project names no one by fame)."""
    out = _out(f"{opening}{pair} {rest}")
    assert re.sub(r"\[Person \d+\]", "X", out) == f"{opening}X {pair.split()[1]} X {rest}"
    assert len(set(re.findall(r"\[Person \d+\]", out))) == 2


@pytest.mark.parametrize(
    "text",
    ["Kinder und Eltern kamen.", "Fischer und Jäger kamen.", "Becker und Söhne liefern.",
     "Schmidt und Partner beraten.", "Bus und Bahn fahren selten.", "Rewe und Lidl haben offen.",
     "Wie Caritas und Diakonie sagten, fehlt Geld.", "Bauer und Winzer klagten.",
     "Bosch und Siemens haben Stellen gestrichen.", "Polizei und Feuerwehr kamen."],
)  # fmt: skip
def test_nouns_firms_and_bodies_opening_a_sentence_stay(text: str) -> None:
    assert _out(text) == text
