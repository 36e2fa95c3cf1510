"""A surname of no key in a genitive written as in English ("Das war Becker's Idee") is a
person; contractions, shops and brands with an apostrophe-s stay."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Das war Becker's Idee.", "Becker"),
        ("Hartkopf's Vorschlag war gut.", "Hartkopf"),
        ("Laut Zabelberg's Bericht fehlt Geld.", "Zabelberg"),
        ("Wir folgten Krüger’s Plan.", "Krüger"),
    ],
)
def test_an_unknown_surname_with_an_english_genitive(text: str, surname: str) -> None:
    """ "Das war Becker's Idee" stayed in clear: the English genitive was a person's only
    for a surname the key knew from a full name."""
    assert Pseudonymiser().pseudonymise(text)[0] == text.replace(surname, "[Person 1]")


@pytest.mark.parametrize(
    "text",
    [
        "Gibt's hier noch Kaffee?",
        "Wie geht's dir?",
        "Das war's für heute.",
        "Im Sommer gibt's Eis.",
        "Wir aßen bei McDonald's Pommes.",
        "Rosi's Bar hat lange auf.",
        "Wir trafen uns in Charly's Imbiss.",
        "Bei Domino's Pizza bestellt.",
        "Die Kneipe Uschi's Eck schließt.",
        "Beim Späti Kemal's Kiosk gibt es alles.",
        "Bei Kaiser's Tengelmann kauften wir ein.",
        "Der Laden Kaufland's Filiale ist groß.",
    ],
)
def test_contractions_shops_and_brands_stay(text: str) -> None:
    """A contraction, a first name or a word before the apostrophe-s, or a word for a shop
    after it: no person's genitive."""
    assert Pseudonymiser().pseudonymise(text)[0] == text


@pytest.mark.parametrize(
    "text",
    [
        "Hamburg's Hafen ist groß.",
        "Altona's Bahnhof wird verlegt.",
        "Ottensen's Straßen sind eng.",
        "Deutschland's Schulen sind alt.",
        "Europa's Städte wachsen.",
        "Vonovia's Mieter beschweren sich.",
    ],
)
def test_a_place_or_an_institution_with_an_english_genitive_stays(text: str) -> None:
    """ "Hamburg's Hafen" became "[Person 1]'s Hafen": a place's or an institution's name
    before the apostrophe-s is no person's."""
    assert Pseudonymiser().pseudonymise(text)[0] == text
