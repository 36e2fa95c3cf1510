"""A rare first name and a surname of no list: the whole name is replaced also where the
surname ends like an English word but has an umlaut ("Okke Lüdeking") and where the person's
club or street stands between the name and the verb ("Ysolde Harmsen vom Sportverein hat …");
organisations and brands in the same frames stay."""

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _out(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich habe mit Okke Lüdeking gesprochen.", "Ich habe mit [Person 1] gesprochen."),
        ("Das sagt auch Jorinde Lüdeking.", "Das sagt auch [Person 1]."),
        ("Laut Ysolde Möhring fehlt Geld.", "Laut [Person 1] fehlt Geld."),
        (
            "Ysolde Harmsen vom Sportverein hat das organisiert.",
            "[Person 1] vom Sportverein hat das organisiert.",
        ),
        (
            "Quirin Quirmbacher aus der Nachbarschaft kommt auch.",
            "[Person 1] aus der Nachbarschaft kommt auch.",
        ),
        ("Eike Zabelberg beim Jugendhaus hilft viel.", "[Person 1] beim Jugendhaus hilft viel."),
    ],
)
def test_rare_first_name_and_surname_replaced(text: str, expected: str) -> None:
    assert _out(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Offene Tür vom Jugendhaus hat zu.",
        "Repair Café aus der Nachbarschaft kommt gut an.",
        "Urban Gardening vom Sportverein hat geklappt.",
        "Caritas Leverkusen vom Sportverein hat das organisiert.",
        "Grünes Coaching aus dem Quartier hilft viel.",
        "Ich habe mit Radio Leverkusen gesprochen.",
        "Das sagt auch Caritas Leverkusen.",
    ],
)
def test_organisations_in_the_same_frames_stay(text: str) -> None:
    assert _out(text) == text
