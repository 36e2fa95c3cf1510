"""Places and organisations before a speech verb ("Ophoven erklärt", "Kolping berichtet",
"Sprungbrett meint") and ordinary nouns after a role ("Kommissar Zufall") are no persons,
whatever districts a project declares; a person of that name with a form of address or
a first name still is."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Sprungbrett erklärt, dass es passt.",
        "Kolping erklärt das Angebot.",
        "Bethel erklärt das.",
        "Ophoven erklärt das.",  # a quarter of Leverkusen
        "Hitdorf meint, das reicht.",
        "Schlebusch erklärt, wo es hakt.",
        "Rheindorf-Nord meint, das reicht.",
        "Mathildenhof sagt nein.",
        "Quartiersmanagerin Rheindorf sagt, das geht.",
        "Der Kommissar Zufall hilft.",
    ],
)
def test_a_place_or_organisation_before_a_speech_verb_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frau Schlebusch kommt später.", "[Person 1] kommt später."),
        ("Anna Hitdorf hat die Liste.", "[Person 1] hat die Liste."),
        ("Terhorst sagt, das geht.", "[Person 1] sagt, das geht."),
        ("Kommissar Becker hilft.", "Kommissar [Person 1] hilft."),
    ],
)
def test_a_person_is_still_replaced(text: str, expected: str) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kontakt: Schlebusch Hanna", "Kontakt: [Person 1]"),
        ("Schlebusch Hanna sagt, wir brauchen Bänke.", "[Person 1] sagt, wir brauchen Bänke."),
        ("Hinweis von Imbach Markus", "Hinweis von [Person 1]"),
        ("Kontakt: Kolping Lena", "Kontakt: [Person 1]"),
    ],
)
def test_a_surname_that_is_a_local_name_before_a_first_name(text: str, expected: str) -> None:
    """ "Kontakt: Schlebusch Hanna" kept "Schlebusch" in clear: a place's or an
    organisation's name before a first name, as forms write names, is her surname."""
    assert _clear(text) == expected
