"""A place after a subordinating conjunction before a speech verb ("Als Berlin das gestern so
erklärte, …", "Weil Ottensen es so sagte, …") is the clause's subject as a place, no person;
a surname that is a place too ("Hahn", "Berg", "Hagen") and a name of the key stay persons."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

_FRAMES = (
    "Als {} das gestern so erklärte, wurde es still.",
    "Weil {} es uns so sagte, gingen wir.",
    "Als {} das sagte, wurde es still.",
    "Es war ruhig, als {} es heute so betonte.",
)


@pytest.mark.parametrize("place", ["Berlin", "Hamburg", "Eimsbüttel", "Europa", "Brüssel", "Köln"])
def test_a_place_after_a_conjunction_is_no_speaker(place: str) -> None:
    """ "Als Berlin das gestern so erklärte" became "Als [Person 1] das gestern so
    erklärte": the clause rule took any capitalised word before the speech verb for a
    speaker, a place of the Wiktionary too."""
    for frame in _FRAMES:
        sentence = frame.format(place)
        assert Pseudonymiser().pseudonymise(sentence)[0] == sentence


def test_the_projects_district_after_a_conjunction_is_no_speaker() -> None:
    """A district of the project no lexicon knows stays, as the project named it."""
    p = Pseudonymiser()
    p.protect(["Tammsaar"])
    for frame in _FRAMES:
        sentence = frame.format("Tammsaar")
        assert p.pseudonymise(sentence)[0] == sentence
    # without the district the same word is a surname of no list
    out = Pseudonymiser().pseudonymise(_FRAMES[0].format("Tammsaar"))[0]
    assert out == _FRAMES[0].format("[Person 1]")


@pytest.mark.parametrize("surname", ["Hahn", "Berg", "Hagen", "Hansen", "Hartkopf"])
def test_a_surname_that_is_a_place_too_still_speaks(surname: str) -> None:
    """Surnames of the gazetteer that also name places stay persons."""
    for frame in _FRAMES:
        out = Pseudonymiser().pseudonymise(frame.format(surname))[0]
        assert out == frame.format("[Person 1]")


def test_a_place_the_key_knows_as_a_surname_speaks() -> None:
    """The key's Herr Tim Berlin: "Als Berlin das sagte" is him."""
    p = Pseudonymiser()
    assert p.pseudonymise("Herr Tim Berlin hat eingeladen.")[0] == "[Person 1] hat eingeladen."
    assert p.pseudonymise(_FRAMES[0].format("Berlin"))[0] == _FRAMES[0].format("[Person 1]")
