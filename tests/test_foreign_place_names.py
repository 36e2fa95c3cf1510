"""Places of several words with a first name inside ("São Paulo", "San Francisco") stay;
people of the same first names are replaced (blind set: benchmarks/foreign_places_blind.py)."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _out(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Ich komme aus São Paulo.",
        "Die Partnerstadt San Francisco liegt weit weg.",
        "Wir waren im Urlaub in Santa Monica.",
        "Er lebt seit Jahren in Saint Louis.",
        "Sie flog nach Port Elizabeth.",
        "Los Angeles ist groß.",
        "Meine Eltern kommen aus Sierra Leone.",
        "Sie hat in Rio de Janeiro gewohnt.",
        "Der Kaffee kommt aus Costa Rica.",
    ],
)
def test_place_of_several_words_with_a_first_name_stays(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Paulo Santos sagt, das reicht.", "[Person 1] sagt, das reicht."),
        ("Frau Monica Weber hat angerufen.", "[Person 1] hat angerufen."),
        ("Danke an Louis Becker!", "Danke an [Person 1]!"),
        (
            "Paulo Santos aus São Paulo sagt, das reicht.",
            "[Person 1] aus São Paulo sagt, das reicht.",
        ),
        ("Frau Monica Weber kommt aus Santa Monica.", "[Person 1] kommt aus Santa Monica."),
    ],
)
def test_person_of_the_same_first_name_is_replaced(text: str, want: str) -> None:
    assert _out(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("AWO MENSAH SAGT, DAS GEHT.", "AWO [Person 1] SAGT, DAS GEHT."),
        ("NABU BECKER MEINT: NEIN.", "NABU [Person 1] MEINT: NEIN."),
        ("AWO UND NABU LADEN EIN.", "AWO UND NABU LADEN EIN."),
        ("AWO LEVERKUSEN SAGT, DAS GEHT.", "AWO LEVERKUSEN SAGT, DAS GEHT."),
        ("AWO ORTSVEREIN SAGT JA.", "AWO ORTSVEREIN SAGT JA."),
    ],
)
def test_association_in_capitals_before_a_speaker_in_capitals_stays(text: str, want: str) -> None:
    assert _out(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Wir fahren im Sommer nach Maria Laach.",
        "In Maria Laach gibt es das auch.",
        "Sie hat lange in Maria Laach gewohnt.",
        "Ich komme aus Fort William.",
        "Fort William ist schön.",
    ],
)
def test_first_name_place_after_a_preposition_or_fort_stays(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Wir haben nach Maria Schmidt gefragt.", "Wir haben nach [Person 1] gefragt."),
        ("Alle suchen nach Anna Kassel.", "Alle suchen nach [Person 1]."),
        ("Er hat sich in Eva Lahr verliebt.", "Er hat sich in [Person 1] verliebt."),
        ("Das steht in Anna Beckers Bericht.", "Das steht in [Person 1] Bericht."),
    ],
)
def test_person_after_the_same_prepositions_is_replaced(text: str, want: str) -> None:
    assert _out(text) == want
