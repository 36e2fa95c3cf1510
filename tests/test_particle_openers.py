"""A word that is also a surname's particle ("Da", "Von") opening a sentence before a
listed surname ("Da Hartkopf sagte, …") stays a word when the list names the person
without it; a listed "Maria Da Silva" keeps all of her name."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

LISTED = ["Gregor Hartkopf", "Jens Becker", "Maria Da Silva"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Da Hartkopf sagte, es gehe nicht.", "Da [Person 1] sagte, es gehe nicht."),
        ("Da Becker meint, es reiche.", "Da [Person 1] meint, es reiche."),
        ("Da Hartkopf fragte nach, blieb es offen.", "Da [Person 1] fragte nach, blieb es offen."),
        ("Von Hartkopf kam die Idee.", "Von [Person 1] kam die Idee."),
    ],
)
def test_the_conjunction_stays_before_a_listed_surname(text: str, expected: str) -> None:
    """ "Da Hartkopf sagte" became "[Person 1] sagte": the cue rule read "Da" as the particle
    of a surname ("Da Silva sagt") and took it into the placeholder, though the list says
    Gregor Hartkopf."""
    p = Pseudonymiser()
    assert p.pseudonymise(text, LISTED)[0] == expected
    assert [original for original, _ in p.new.values()] == [text.split()[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Da Silva sagte, es gehe nicht.", "[Person 1] sagte, es gehe nicht."),
        ("Von Da Silva sagte, es gehe.", "Von [Person 1] sagte, es gehe."),
    ],
)
def test_a_listed_particle_stays_in_the_name(text: str, expected: str) -> None:
    """Maria Da Silva is listed with "Da": it is part of her name."""
    assert Pseudonymiser().pseudonymise(text, LISTED)[0] == expected
