"""A surname of the gazetteer alone after "Auch", "Nur", "Sogar", "Gerade" or "Selbst"
opening a sentence, before a verb in the singular ("Auch Becker kam.") is a person; a
noun, a plural, a day, a place or a word there stays."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize("particle", ["Auch", "Nur", "Sogar", "Gerade", "Selbst"])
@pytest.mark.parametrize(
    ("surname", "rest"),
    [("Becker", "kam."), ("Schmidt", "war da."), ("Neumann", "hat zugestimmt."),
     ("Lehmann", "sagte nichts."), ("Petersen", "meinte, es gehe nicht.")],
)  # fmt: skip
@pytest.mark.parametrize("before", ["", "Ja. "])
def test_a_surname_alone_after_a_focus_particle(
    particle: str, surname: str, rest: str, before: str
) -> None:
    """ "Auch Becker kam." stayed in clear: the particle is a function word, and only
    "Erst", "Kaum", "Ausgerechnet" … opened a sentence before a lone surname."""
    text = f"{before}{particle} {surname} {rest}"
    assert Pseudonymiser().pseudonymise(text)[0] == f"{before}{particle} [Person 1] {rest}"


@pytest.mark.parametrize("particle", ["Auch", "Nur", "Sogar", "Gerade", "Selbst"])
@pytest.mark.parametrize(
    "words",
    ["Kinder kamen", "Montag geht", "Berlin hat das", "Bäcker kam", "Ottensen hat Probleme",
     "Koch kochte", "Fischer kamen", "Braun steht dir", "Winter ist schlimm", "Kiel hat das",
     "Stein war da", "Lange hilft", "Bürger kamen", "Geld fehlt"],
)  # fmt: skip
def test_a_noun_a_place_or_a_word_after_the_particle_stays(particle: str, words: str) -> None:
    """Nouns, plurals, days, places and surnames that are ordinary words stay."""
    text = f"{particle} {words}."
    assert Pseudonymiser().pseudonymise(text)[0] == text


@pytest.mark.parametrize("particle", ["Auch", "Nur", "Sogar", "Gerade", "Selbst"])
@pytest.mark.parametrize(
    "rest", ["fehlte.", "meldete sich.", "antwortete nicht.", "widersprach sofort."]
)
def test_a_surname_before_a_past_form_of_absence_or_reply(particle: str, rest: str) -> None:
    """ "Nur Krüger fehlte.", "Auch Hansen meldete sich." stayed in clear: these past
    forms do not end in "t" and were not on the closed list of the past."""
    text = f"{particle} Krüger {rest}"
    assert Pseudonymiser().pseudonymise(text)[0] == f"{particle} [Person 1] {rest}"


@pytest.mark.parametrize("words", ["Winter fehlte", "Geld fehlte", "Berlin antwortete"])
def test_a_word_or_place_before_those_past_forms_stays(words: str) -> None:
    """The new past forms take no word and no place for a person."""
    text = f"Nur {words}."
    assert Pseudonymiser().pseudonymise(text)[0] == text
