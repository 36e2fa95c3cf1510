"""Names as local actors write them in protocols and chats: titles and initials typed
without a blank ("Fr.Schmidt", "M.Becker"), …"""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


# -- a title or an initial typed without the blank after its full stop ------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fr.Schmidt hat angerufen.", "[Person 1] hat angerufen."),
        ("Bitte Hr.Kowalski fragen.", "Bitte [Person 1] fragen."),
        ("Dr.Becker bietet Sprechstunden an.", "[Person 1] bietet Sprechstunden an."),
        ("Fr.Dr.Öztürk-Schmitz eröffnet.", "[Person 1] eröffnet."),
        ("Rückfragen an M.Becker vom Jugendamt.", "Rückfragen an [Person 1] vom Jugendamt."),
    ],
)
def test_a_title_or_initial_without_a_blank_before_the_name_is_a_person(
    text: str, expected: str
) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wir nehmen Plan B.Danach gehen wir.",
        "Gebäude A.Dort ist Platz.",
        "Die Firma E.ON hilft.",
        "St.Martin lädt zum Laternenumzug ein.",
        "z.B.Kinder und Jugendliche",
    ],
)
def test_a_letter_and_a_full_stop_before_an_ordinary_word_stay(text: str) -> None:
    assert _clear(text) == text
