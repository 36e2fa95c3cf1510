"""Sports clubs and brands after a cue stay whole; people after the same cue do not
(:mod:`workbench.ingest.club_names`, the brands of ``name_lists.INSTITUTION_NOUNS``)."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _out(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Laut Fortuna Düsseldorf ist das Stadion am Samstag voll.",
        "laut Arminia Bielefeld fehlt am Stadion abends Licht.",
        "Das sagt Kickers Offenbach seit Jahren.",
        "Laut Hertha BSC ist das Training abgesagt.",
        "Hertha BSC spielt am Sonntag im Stadion.",
        "Laut Viktoria Köln fehlt Licht am Platz.",
        "Im Workshop hieß es, laut Rot-Weiss Essen sei die Halle zu teuer.",
        "Laut Alemannia Aachen fehlt Licht.",
    ],
)
def test_a_club_of_a_city_after_a_cue_stays_whole(text: str) -> None:
    """ "Laut Fortuna Düsseldorf …" became "Laut [Person 1] Düsseldorf …": half a club."""
    assert _out(text) == text


@pytest.mark.parametrize("brand", ["Netflix", "Spotify", "Vodafone", "Lufthansa"])
def test_a_brand_after_a_cue_stays(brand: str) -> None:
    """ "Laut Netflix ist die Serie beliebt" took the brand for a surname."""
    text = f"Laut {brand} ist das Angebot im Viertel beliebt."
    assert _out(text) == text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Laut Anna Schmidt ist der Weg zu dunkel.", ("Anna", "Schmidt")),
        ("laut Frau Kaya fehlt Licht.", ("Kaya",)),
        ("Laut Viktoria Schulze fehlt Licht am Platz.", ("Viktoria", "Schulze")),
        ("Laut Hertha Müller fehlt Licht am Platz.", ("Hertha", "Müller")),
        ("Laut Viktoria Essen fehlt Licht am Platz.", ("Viktoria", "Essen")),
        ("Laut Fortuna Schmidt fehlt Licht am Platz.", ("Fortuna", "Schmidt")),
    ],
)
def test_a_person_after_the_same_cue_is_replaced(text: str, words: tuple[str, ...]) -> None:
    """A club's word that is a first name, before a surname or a city that is a noun too,
    stays a person ("Viktoria Schulze", "Viktoria Essen")."""
    out = _out(text)
    assert "[Person 1]" in out
    assert not any(word in out for word in words)
