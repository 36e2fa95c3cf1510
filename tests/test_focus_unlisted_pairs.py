"""A first name and a surname of no list after a focus particle opening the sentence
("Ausgerechnet Quirin Hartkopf wählen die Leute"): a person, as after "Mit"."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ausgerechnet Quirin Hartkopf wählen die Leute.",
            "Ausgerechnet [Person 1] wählen die Leute.",
        ),
        ("Erst Okke Tjaden hat zugesagt.", "Erst [Person 1] hat zugesagt."),
        ("Kaum Chidinma Nwachukwuike kam noch.", "Kaum [Person 1] kam noch."),
        ("Bloß Quirin Zabelberg fehlt.", "Bloß [Person 1] fehlt."),
    ],
)
def test_the_pair_after_a_focus_particle(text: str, expected: str) -> None:
    """ "Ausgerechnet Anna Hartkopf …" was replaced (a first name of the gazetteer), "Quirin
    Hartkopf" stayed in clear: the pair of no list counted only after a lower-case word."""
    assert Pseudonymiser().pseudonymise(text, [])[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ausgerechnet Offene Tür hat zu.",
        "Erst Ende Mai kommt Hilfe.",
        "Erst Gelder machen es möglich.",
        "Lediglich Caritas Leverkusen hat geantwortet.",
        "Ausgerechnet Addis Abeba war Thema.",
        "Bloß Zoom Meetings gab es.",
    ],
)
def test_nouns_and_places_after_a_focus_particle_stay(text: str) -> None:
    """Nouns, organisations and places after the particle are no pair of names."""
    assert Pseudonymiser().pseudonymise(text, [])[0] == text
