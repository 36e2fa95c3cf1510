"""A person's two names of no list after a focus particle opening a sentence ("Nur Okke
Tjaden kam", "Sogar Quirin Hartkopf war da", "Ja. Auch …", "- Gerade …") are replaced; an
adjective or a noun with its noun there ("Nur Rote Beete", "Erst Ende Mai") stays."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

_PARTICLES = ["Nur", "Sogar", "Auch", "Gerade", "Selbst", "Ausgerechnet"]


@pytest.mark.parametrize("particle", _PARTICLES)
@pytest.mark.parametrize("before", ["", "Ja. ", "- "])
def test_two_names_of_no_list_after_a_focus_particle(particle: str, before: str) -> None:
    """ "Nur Okke Tjaden kam" stayed in clear: after a sentence's first word the pair rule
    took two unknown names only after a preposition or the openers' particles."""
    for name, rest in (("Okke Tjaden", "kam."), ("Quirin Hartkopf", "war da.")):
        text = f"{before}{particle} {name} {rest}"
        assert Pseudonymiser().pseudonymise(text)[0] == f"{before}{particle} [Person 1] {rest}"


@pytest.mark.parametrize("particle", [*_PARTICLES, "Erst"])
@pytest.mark.parametrize(
    "words",
    ["Rote Beete", "Junge Leute", "Kleine Kinder", "Ende Mai", "Bürger Meister",
     "Neue Wege", "Hohe Mieten", "Anfang Juni", "Offene Türen"],
)  # fmt: skip
def test_an_adjective_or_a_noun_pair_after_the_particle_stays(particle: str, words: str) -> None:
    """Capitalised words of the lexicon after the particle are no names."""
    for text in (f"{particle} {words} gab es.", f"Ja. {particle} {words} fehlen hier."):
        assert Pseudonymiser().pseudonymise(text)[0] == text
