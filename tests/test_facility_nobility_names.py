"""Names beside a facility word, a district, a nobility particle or an association's word
(blind set: benchmarks/facility_nobility_blind.py)."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _out(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname of a house or a farm before the facility she works at
        ("Herr Ommo Brinkhaus Schule ist wichtig.", "[Person 1] Schule ist wichtig."),
        ("Frau Dr. Hilke Kötterhaus Kita kommt später.", "[Person 1] Kita kommt später."),
        ("Herr Peter Brinkhaus Schule kam.", "[Person 1] Schule kam."),
        ("Frau Thalke Holthaus Jugendhaus …", "[Person 1] Jugendhaus …"),
        # a Low German compass word opens the surname ("Ost" is a noun)
        ("Dr. Ommo Osterhaus hat angerufen.", "[Person 1] hat angerufen."),
        ("Frau Tamme Westerhof kommt später.", "[Person 1] kommt später."),
    ],
)
def test_house_surnames_beside_facilities(text: str, expected: str) -> None:
    assert _out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Pfarrhof" after a form of address and a first name, before a verb: her surname
        ("Frau Hilke Pfarrhof kam zu spät.", "[Person 1] kam zu spät."),
        # a surname and her district: the district stays
        ("Frau Dr. Thalke Schulhof Manfort hat angerufen.", "[Person 1] Manfort hat angerufen."),
        ("Frau Hilke vom Jugendhaus Manfort kam.", "[Person 1] vom Jugendhaus Manfort kam."),
    ],
)
def test_house_words_as_surnames_guard(text: str, expected: str) -> None:
    assert _out(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Schule am Pfarrhof ist gut.",
        "Die Kita Schulhof Manfort ist voll.",
        "Das Jugendhaus Opladen hilft sehr.",
        "Im Rathaus Wiesdorf war es voll.",
        "Der Pfarrhof Alkenrath lädt ein.",
        "Das Osterhaus der Kita Manfort ist bunt.",
    ],
)
def test_facility_phrases_stay(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # said of her: the person is the object of "nachsagen"
        (
            "Müller vom Nabu sagt man nach, dass er streng ist.",
            "[Person 1] vom Nabu sagt man nach, dass er streng ist.",
        ),
        (
            "Kowalski von der Awo sagt man nach, dass er streng ist.",
            "[Person 1] von der Awo sagt man nach, dass er streng ist.",
        ),
        # "von" and a word of nobility after a surname of the gazetteer: one name
        ("Müller von Hohenstein sagt, dass es reicht.", "[Person 1] sagt, dass es reicht."),
        ("Becker von Bredow meint, es reicht.", "[Person 1] meint, es reicht."),
        # "von" and a place: where she belongs, the place stays
        ("Müller von Köln sagt, es reicht.", "[Person 1] von Köln sagt, es reicht."),
        # a body's word that is a first name too, before a surname of the gazetteer
        ("Awo Mensah sagt, dass es reicht.", "[Person 1] sagt, dass es reicht."),
        ("Laut Awo Boateng reicht es.", "Laut [Person 1] reicht es."),
        ("Frau Awo Mensah sagt es.", "[Person 1] sagt es."),
        ("Penny Schmidt kam.", "[Person 1] kam."),
    ],
)
def test_nobility_belonging_and_body_first_names(text: str, expected: str) -> None:
    assert _out(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wir fuhren von Hohenstein nach Manfort.",
        "Der Müller vom Markt sagt, dass es reicht.",
        "Dem Nabu sagt man nach, dass er streng ist.",
        "Nabu sagt man nach, dass er streng ist.",
        "Kindern vom Sportverein sagt man nach, dass sie laut sind.",
        "Termine vom Amt sagt man ab.",
        "Die Awo Manfort sagt, es reicht.",
        "Awo Opladen sagt, dass es reicht.",
        "AWO Leverkusen sagt, dass es reicht.",
        "Bei Penny Markt gibt es Brot.",
        "Die Awo Müller sagt es.",  # after an article: the body's word
        "Wie Bauer sagt man dazu?",
    ],
)
def test_lookalikes_stay(text: str) -> None:
    assert _out(text) == text
