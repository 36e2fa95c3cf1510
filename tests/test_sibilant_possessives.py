"""A listed surname ending in "z", "x" or "ß" before a genitive "s" written without the
apostrophe ("Yilmazs Vorschlag" for "Yilmaz' Vorschlag"): "Ich mag Yilmazs Idee." kept
the name in clear, and "Ayse Yilmazs Vorschlag" made a second person beside Ayse Yilmaz."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    ("listed", "text", "expected"),
    [
        ("Ayse Yilmaz", "Yilmazs Vorschlag ist gut.", "[Person 1]s Vorschlag ist gut."),
        ("Ayse Yilmaz", "Ich mag Yilmazs Idee.", "Ich mag [Person 1]s Idee."),
        ("Ayse Yilmaz", "Ayse Yilmazs Vorschlag ist gut.", "[Person 1] Vorschlag ist gut."),
        ("Max Fuchs-Kreutz", "Fuchs-Kreutzs Antrag kam spät.", "[Person 1]s Antrag kam spät."),
        ("Lena Marx", "Wir lesen Marxs Einwand.", "Wir lesen [Person 1]s Einwand."),
        ("Jens Becker", "Beckers Idee ist gut.", "[Person 1]s Idee ist gut."),
    ],
)
def test_a_listed_surname_before_a_genitive_s_is_the_person(
    listed: str, text: str, expected: str
) -> None:
    p = Pseudonymiser()
    assert p.pseudonymise(f"{listed} kam.", [listed])[0] == "[Person 1] kam."
    assert p.pseudonymise(text)[0] == expected
    assert set(p.known.values()) == {"[Person 1]"}


@pytest.mark.parametrize(
    "text",
    ["Der Prozess dauert.", "Das Kreuzs Zeichen.", "Mehr Platz im Park.", "Wir haben Spaß."],
)
def test_words_ending_in_a_sibilant_stay(text: str) -> None:
    """Only a name the key holds takes the "s" so: no other word loses its end."""
    p = Pseudonymiser()
    p.pseudonymise("Ayse Yilmaz kam.", ["Ayse Yilmaz"])
    assert p.pseudonymise(text)[0] == text
