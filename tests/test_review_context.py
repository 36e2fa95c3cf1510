"""The context of a name candidate in ``workbench pseudonyms review``.

It masked every capitalised word that was no cue or role, and German nouns are
capitalised: "Leitung … … ⟨Grabowski⟩", in the demo "… … … ⟨meier⟩" — nothing left to
decide by. Ordinary nouns are shown now unless they are a first name or surname as well
("Koch", "Licht"), and a run of masked words is one "…", so the context reaches the words
before it; names and what the import replaced stay masked.
"""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser
from workbench.ingest.review import masked_context


def _context(text: str, word: str) -> str:
    start = text.rindex(word)
    hidden = [(hit.start, hit.end) for hit in Pseudonymiser().detect(text)]
    return masked_context(text, start, start + len(word), hidden=hidden)


@pytest.mark.parametrize(
    ("text", "word", "context"),
    [
        ("Leitung Hausaufgabenhilfe Bücherei Grabowski", "Grabowski",
         "Leitung Hausaufgabenhilfe Bücherei ⟨Grabowski⟩"),
        ("Sprechstunde im Jugendzentrum: Quandtmeyer", "Quandtmeyer",
         "Sprechstunde im Jugendzentrum: ⟨Quandtmeyer⟩"),
        # the demo: the name and the address before the candidate are one mask
        ("Kontakt zur Koordination der Telefonketten: Frau Meier (AWO), k.meier@example.org",
         "meier", "Koordination der … ⟨meier⟩"),
    ],
)  # fmt: skip
def test_ordinary_nouns_before_a_candidate_are_shown(text: str, word: str, context: str) -> None:
    assert _context(text, word) == context


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Becker Koch Weber Grabowski", "… ⟨Grabowski⟩"),  # surnames that are nouns too
        ("Jan Licht Spielplatz: Jelena", "… Spielplatz: ⟨Jelena⟩"),
        ("Sabine und Wolf, Jelena", "… und … ⟨Jelena⟩"),
        ("Ansprechpartnerin Kowalski Bücherei: Grabowski",
         "Ansprechpartnerin … Bücherei: ⟨Grabowski⟩"),
        ("Treffpunkt Kirchstraße Jelena", "Treffpunkt … ⟨Jelena⟩"),  # a street: masked
    ],
)  # fmt: skip
def test_names_before_a_candidate_stay_masked(text: str, context: str) -> None:
    assert _context(text, text.split()[-1]) == context
