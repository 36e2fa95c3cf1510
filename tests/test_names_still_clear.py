"""Names still left in clear by earlier rules: a surname after particles ("Maria del Carmen
Ruiz"), …"""

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
