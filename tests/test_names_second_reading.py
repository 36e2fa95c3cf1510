"""A second reading of the name rules added in session 28: ordinary sentences that the new
rules took for names ("Von Hand sagt man", "Ich bin die Hausfrau", "Das Lutz Haus")."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


# -- "Von …" opening the sentence before a speech verb with its own subject -----------------
@pytest.mark.parametrize(
    "text",
    [
        "Von Hand sagt man das nicht.",
        "Von Oben sagt man nichts dazu.",
        "Von Seiten sagte die Stadt nichts.",
        "Von Anwohnern meint man, sie seien dagegen.",
        "Von Nachbarn erzählt man sich viel.",
        "Von Vorteil meint keiner was.",
        "Von Leverkusen sagt er, es sei zu weit.",
    ],
)
def test_a_preposition_before_a_verb_with_its_own_subject_stays(text: str) -> None:
    assert _clear(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Von Weizsäcker sagte, das sei gut.", "[Person 1] sagte, das sei gut."),
        ("Von Tjaden betont, dass Licht fehlt.", "[Person 1] betont, dass Licht fehlt."),
    ],
)
def test_a_surname_with_a_particle_that_speaks_is_still_a_person(text: str, expected: str) -> None:
    assert _clear(text) == expected
