"""Names of venues and organisations that contain a first name or follow a cue ("Cafe del
Sol", "Plaza de la Cruz", "laut Club of Rome", "laut Rotes Kreuz") are no person's; a
person's name with the same particles still is ("José de la Cruz", "Frau de la Cruz")."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    "text",
    [
        "Wir waren im Cafe del Sol.",
        "Plaza de la Cruz ist schön.",
        "Das Hotel de la Paz ist neu.",
        "Ich war gestern bei Casa del Mar.",
        "Die SPÖ sieht das anders, obwohl es laut Club of Rome bedrohlich ist.",
        "Laut Hotel de la Paz fehlt Geld.",
        "Laut Rotes Kreuz fehlt Geld.",
        "Laut Grünes Band fehlt Geld.",
        "Mit Plaza de la Cruz reden wir morgen.",
    ],
)
def test_a_venue_or_an_organisation_stays(text: str) -> None:
    p = Pseudonymiser()
    assert p.pseudonymise(text)[0] == text
    assert not p.new


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("José de la Cruz kam.", "[Person 1] kam."),
        ("Frau de la Cruz kam.", "[Person 1] kam."),
        ("Familie de la Cruz kam.", "[Person 1] kam."),
        ("Maria del Carmen sagt, es geht.", "[Person 1] sagt, es geht."),
        ("Laut Quirin Zabelberg fehlt Geld.", "Laut [Person 1] fehlt Geld."),
        ("Gestern kam Sol.", "Gestern kam [Person 1]."),
        ("Laut Casa fehlt Geld.", "Laut [Person 1] fehlt Geld."),
    ],
)
def test_a_person_with_the_same_particles_is_replaced(text: str, expected: str) -> None:
    assert Pseudonymiser().pseudonymise(text)[0] == expected
