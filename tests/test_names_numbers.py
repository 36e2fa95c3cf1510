"""A first name right before her age, date of birth or phone number ("Anna 12 Jahre",
"Anna 03.04.1961") is a person, not an abbreviation before a number ("Max. 10")."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna 03.04.1961 wohnt hier", "[Person 1] [Geburtsdatum] wohnt hier"),
        ("Anna 12 Jahre wohnt hier", "[Person 1] 12 Jahre wohnt hier"),
        ("Teilnehmerin: Lea 34 J.", "Teilnehmerin: [Person 1] 34 J."),
        ("Jonas 7-jährig kam mit.", "[Person 1] 7-jährig kam mit."),
        ("Paul 7 Jahre, Mia 9 Jahre", "[Person 1] 7 Jahre, [Person 2] 9 Jahre"),
        ("Kontakt: Anna 0171 2345678", "Kontakt: [Person 1] [Telefon]"),
        ("Kontakt: Max 0171 2345678", "Kontakt: [Person 1] [Telefon]"),
    ],
)
def test_a_first_name_before_her_number_is_replaced(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Max. 10 Jahre Wartezeit",
        "Max 10 Personen pro Raum",
        "Für Kinder bis Max 12 Jahre.",
        "Kinder (Max 12 Jahre) dürfen mitmachen.",
        "Max 5 Jahre Garantie.",
        "Stand 03.04.2024",
        "Sitzung 03.04.2024 im Rathaus",
        "Mai 2024",
    ],
)
def test_an_abbreviation_before_a_number_stays(text: str) -> None:
    assert _clear(text) == text
