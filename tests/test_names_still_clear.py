"""Names still left in clear by earlier rules: a surname after particles ("Maria del Carmen
Ruiz"), an unlisted double surname ("Quirin Zabelberg-Ostwald"), …"""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


# -- particles inside a name ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Gestern sprach Maria del Carmen Ruiz über den Park.",
        "Gestern sprach José de la Cruz García über den Park.",
        "Gestern sprach Ana María de los Santos über den Park.",
    ],
)
def test_a_name_with_particles_is_replaced_up_to_its_last_surname(text: str) -> None:
    """The surname after the particles and a second one after it ("Ruiz", "García") belong
    to the name: nothing of it stays in clear."""
    assert _clear(text) == "Gestern sprach [Person 1] über den Park."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ich habe Anna von der Heide Kuchen gebracht.", "Ich habe [Person 1] Kuchen gebracht."),
        ("Die Anne von der Heide Schule ist zu.", "Die Anne von der Heide Schule ist zu."),
    ],
)
def test_after_a_name_with_particles_an_ordinary_word_stays(text: str, expected: str) -> None:
    """Only a surname the gazetteer knows or one spelled like a name goes on the name; a
    school keeps the name it bears."""
    assert _clear(text) == expected


# -- an unlisted hyphenated surname --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Moderation hatte Quirin Zabelberg-Ostwald.", "Die Moderation hatte [Person 1]."),
        ("Die Moderation hatte Quirin Schulte-Ostwald.", "Die Moderation hatte [Person 1]."),
        ("Laut Quirin Zabelberg-Ostwald fehlt nichts.", "Laut [Person 1] fehlt nichts."),
        ("Die Moderation hatte Anna Schulte-Zabelberg.", "Die Moderation hatte [Person 1]."),
        ("Die Moderation hatte Frau Zabelberg-Ostwald.", "Die Moderation hatte [Person 1]."),
    ],
)
def test_an_unlisted_hyphenated_surname_after_an_unlisted_first_name_is_replaced(
    text: str, expected: str
) -> None:
    """A double surname no list knows (one part may be listed) is a surname as the single
    one is ("mit Quirin Zabelberg gesprochen"): nothing of the name stays in clear."""
    assert _clear(text) == expected


def test_a_hyphenated_compound_after_an_unlisted_word_stays() -> None:
    """A compound of words ("Open-Air") is no surname."""
    text = "Gestern kam Quirin Open-Air vorbei."
    assert _clear(text) == text
