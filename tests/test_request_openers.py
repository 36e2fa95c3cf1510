"""A verb of a request or a preposition opening a sentence before a known surname ("Such
Becker!", "Fahr Becker heim.", "Wegen Becker …", "Außer Becker kam keiner.") is no first
name: with "Jens Becker" as [Person 1] such a sentence made a second person "Fahr Becker"
(and "Such Becker!" in a project that knew no Becker kept him in clear)."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

OPENED = [
    ("Such Becker!", "Such [Person 1]!"),
    ("Fahr Becker heim.", "Fahr [Person 1] heim."),
    ("Geh Becker besuchen.", "Geh [Person 1] besuchen."),
    ("Komm Becker entgegen.", "Komm [Person 1] entgegen."),
    ("Hör Becker zu!", "Hör [Person 1] zu!"),
    ("Erzähl Becker davon.", "Erzähl [Person 1] davon."),
    ("Schau Becker an.", "Schau [Person 1] an."),
    ("Unterstützt Becker!", "Unterstützt [Person 1]!"),
    ("Wegen Becker fiel das aus.", "Wegen [Person 1] fiel das aus."),
    ("Außer Becker kam keiner.", "Außer [Person 1] kam keiner."),
    ("Gemäß Becker ist das gut.", "Gemäß [Person 1] ist das gut."),
    ("Hinter Becker saß niemand.", "Hinter [Person 1] saß niemand."),
    ("Anstatt Becker kam keiner.", "Anstatt [Person 1] kam keiner."),
]


@pytest.mark.parametrize(("text", "expected"), OPENED)
@pytest.mark.parametrize("surname", ["Becker", "Yilmaz"])
def test_an_opener_before_a_known_surname_is_no_first_name(
    surname: str, text: str, expected: str
) -> None:
    p = Pseudonymiser()
    listed = f"Jens {surname}"
    assert p.pseudonymise(f"{listed} kam.", [listed])[0] == "[Person 1] kam."
    assert p.pseudonymise(text.replace("Becker", surname))[0] == expected
    assert set(p.known.values()) == {"[Person 1]"}


@pytest.mark.parametrize("text", ["Such Becker!", "Such Becker im Park."])
def test_a_request_before_an_unknown_surname_replaces_it(text: str) -> None:
    """ "Such" is a surname and a word too: the rule for it came after the one that gave
    up on such words, and "Becker" stayed in clear."""
    out = Pseudonymiser().pseudonymise(text)[0]
    assert out.startswith("Such [Person 1]"), out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Okke Becker kam.", "[Person 2] kam."),  # a first name no list knows: all of it
        ("Lasse Becker kam.", "[Person 2] kam."),  # a first name, though "lasse" is a verb
        ("Wegen Paul Meier fiel das aus.", "Wegen [Person 2] fiel das aus."),
    ],
)
def test_a_full_name_after_or_instead_of_an_opener_is_all_replaced(
    text: str, expected: str
) -> None:
    p = Pseudonymiser()
    p.pseudonymise("Jens Becker kam.", ["Jens Becker"])
    assert p.pseudonymise(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    ["Wegen Regen fiel das aus.", "Außer Spesen nichts gewesen.", "Trotz Kälte kamen alle."],
)
def test_an_opener_before_a_noun_changes_nothing(text: str) -> None:
    p = Pseudonymiser()
    p.pseudonymise("Jens Becker kam.", ["Jens Becker"])
    assert p.pseudonymise(text)[0] == text
