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


@pytest.mark.parametrize(
    "text",
    [
        "Laut Sportfreunde Lotte ist das Training abgesagt.",
        "Sportfreunde Lotte spielt am Sonntag im Stadion.",
        "Laut Union ist das Training abgesagt.",
        "Nach dem Spiel bei Eintracht war der Bus voll.",
        "Fortuna meint, der Platz ist zu klein.",
        "Laut Arminias Trainer fällt das Training aus.",
        "Das sagt Borussias Vorstand seit Jahren.",
        "LAUT FORTUNA DÜSSELDORF IST DAS TRAINING ABGESAGT.",
    ],
)
def test_a_club_by_its_word_alone_its_genitive_or_a_plural_stays(text: str) -> None:
    """ "Laut Union …", "Laut Arminias Trainer …", "Laut Sportfreunde Lotte …" became
    "Laut [Person 1] …": a club's word of no name list, or a plural before a city."""
    assert _out(text) == text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Meine Sportfreunde Lena und Anna kommen am Samstag.", ("Lena", "Anna")),
        ("Die Sportfreunde Lotte, Jens und Ben helfen mit.", ("Lotte", "Jens")),
        ("Laut Hertha ist der Weg zu dunkel.", ("Hertha",)),
        ("Laut Herthas Trainer fällt das Training aus.", ("Hertha",)),
        ("Laut Kickers Schmidt fehlt Licht am Platz.", ("Schmidt",)),
        ("Das sagt FORTUNA SCHMIDT seit Jahren.", ("SCHMIDT",)),
    ],
)
def test_people_after_a_club_word_are_still_replaced(text: str, words: tuple[str, ...]) -> None:
    """First names enumerated after a plural ("Sportfreunde Lena und Anna"), a club word
    that is a first name alone ("laut Hertha") and a surname in capitals stay people."""
    out = _out(text)
    assert not any(word in out for word in words)


def test_a_club_word_the_key_knows_as_a_person_is_replaced() -> None:
    """A participant the project's key knows by the surname "Fortuna" is no club alone."""
    pseudonymiser = Pseudonymiser()
    pseudonymiser.pseudonymise("Frau Anna Fortuna hat geholfen.")
    out = pseudonymiser.pseudonymise("Laut Fortuna ist der Weg zu dunkel.")[0]
    assert "Fortuna" not in out
