"""Names beside an association in capitals, a city after "von", a "vom" surname and
surnames on "-mühle"/"-hammer" (blind set: benchmarks/association_origin_blind.py)."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _out(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Danke für AWO Mensah.", "Danke für AWO [Person 1]."),
        ("Laut AWO Boateng fällt es aus.", "Laut AWO [Person 1] fällt es aus."),
        ("Gespräch mit AWO Müller heute.", "Gespräch mit AWO [Person 1] heute."),
        ("Danke für NABU Becker.", "Danke für NABU [Person 1]."),
    ],
)
def test_association_in_capitals_after_a_cue_stays_beside_the_person(text: str, want: str) -> None:
    assert _out(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Awo Mensah sagt, dass es reicht.", "[Person 1] sagt, dass es reicht."),
        ("Danke für Awo Mensah.", "Danke für [Person 1]."),
    ],
)
def test_awo_written_as_a_name_is_her_first_name(text: str, want: str) -> None:
    assert _out(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Danke für AWO Manfort.",
        "Danke an AWO Leverkusen!",
        "Danke für die AWO.",
        "Danke für AWO Ortsverein.",
    ],
)
def test_association_without_a_person_stays(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Frau Yilmaz von Köln hat angerufen.", "[Person 1] von Köln hat angerufen."),
        ("Herr Dr. Nguyen von Dortmund kam heute.", "[Person 1] von Dortmund kam heute."),
        ("Wir danken Frau Otto von Mainz.", "Wir danken [Person 1] von Mainz."),
        ("Yilmaz von Köln sagt, dass es reicht.", "[Person 1] von Köln sagt, dass es reicht."),
    ],
)
def test_city_after_von_is_where_she_is_from(text: str, want: str) -> None:
    assert _out(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Frau Schmidt von Falkenhorst hat angerufen.",
        "Frau Yilmaz von Falkenhorst war da.",
        "Herr Becker von Hohenstein sagt, dass es reicht.",
    ],
)
def test_nobility_after_von_is_replaced_with_the_name(text: str) -> None:
    out = _out(text)
    assert out.startswith("[Person 1] ") and "von" not in out


def test_the_woman_from_a_city_is_no_name() -> None:
    assert _out("Die Frau von Köln kam nicht.") == "Die Frau von Köln kam nicht."


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Frau vom Stein kam.", "[Person 1] kam."),
        ("Herr vom Berg hat angerufen.", "[Person 1] hat angerufen."),
        ("Herr vom Hofe sagt, dass es reicht.", "[Person 1] sagt, dass es reicht."),
    ],
)
def test_vom_surname_after_address_is_replaced_whole(text: str, want: str) -> None:
    assert _out(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Frau vom Amt kam heute.",
        "Der Müller vom Markt sagt, dass es reicht.",
        "Die Frau vom Stein kam heute.",
        "Herr vom Fischer hat angerufen.",
        "Frau vom Grill kam heute.",
    ],
)
def test_vom_phrases_stay(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Frau Obermühle kam heute.",
        "Gespräch mit Herrn Kupferhammer heute.",
        "Laut Frau Steinmühle fällt es aus.",
    ],
)
def test_mill_and_hammer_surnames_after_address_are_replaced(text: str) -> None:
    out = _out(text)
    assert "[Person 1]" in out and not any(w in out for w in ("mühle", "hammer"))
