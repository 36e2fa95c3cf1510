"""First names that are German function words or months ("Nur Kaya", "An Nguyen", "Davor
Horvat", "August Kaya") are replaced whole where the context says person; sentences that open
with the words keep them (blind set: benchmarks/word_first_names_blind.py)."""

from __future__ import annotations

import pytest

from workbench.ingest.few_turns import full_name
from workbench.ingest.pseudonymise import Pseudonymiser


def _out(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Danke an Nur Kaya.", "Danke an [Person 1]."),
        ("Frau Nur Kaya kam.", "[Person 1] kam."),
        ("Nur Yılmaz sagt, das reicht.", "[Person 1] sagt, das reicht."),
        ("Gespräch mit Nur Yılmaz am Montag.", "Gespräch mit [Person 1] am Montag."),
        ("Laut Nur Öztürk fällt es aus.", "Laut [Person 1] fällt es aus."),
        ("Wir haben Nur Kaya gefragt.", "Wir haben [Person 1] gefragt."),
        ("Herrn An Nguyen danken wir.", "[Person 1] danken wir."),
        ("Davor Horvat kam zu spät.", "[Person 1] kam zu spät."),
        ("Grüße an Herrn Anders Jensen!", "Grüße an [Person 1]!"),
        ("Danke an August Kaya.", "Danke an [Person 1]."),
    ],
)
def test_function_word_first_name_goes_with_the_surname(text: str, want: str) -> None:
    assert _out(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Nur Anna kam.", "Nur [Person 1] kam."),
        ("Nur Kaya wusste Bescheid.", "Nur [Person 1] wusste Bescheid."),
        # the focus particle "only" before a surname that could be German (test_focus_surnames)
        ("Nur Kaya sagt, das reicht.", "Nur [Person 1] sagt, das reicht."),
        ("Wir haben im Juli Nguyen getroffen.", "Wir haben im Juli [Person 1] getroffen."),
        (
            "Solange Becker sagt, dass es reicht.",
            "Solange [Person 1] sagt, dass es reicht.",
        ),
    ],
)
def test_function_word_stays_where_it_is_one(text: str, want: str) -> None:
    assert _out(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Nur Mut!",
        "Nur wenige kamen.",
        "Nur Kinder dürfen hier spielen.",
        "An der Ecke steht eine Bank.",
        "Davor war es ruhig.",
        "Anders als gedacht kam keiner.",
        "Im August Kaffee und Kuchen!",
    ],
)
def test_sentences_opening_with_the_words_stay(text: str) -> None:
    assert _out(text) == text


def test_nur_is_a_speakers_first_name() -> None:
    assert full_name("Nur Kaya") and full_name("NUR BECKER") and full_name("Nur Kaya (Gast)")
    assert not full_name("Nur noch wenige Plätze frei")
