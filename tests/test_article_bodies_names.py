"""A surname after a cue, the body's article and an association ("Mit der AWO Mensah."),
the same sentences in capitals, a name in capitals before the sentence's dot, and "vom
Graben"/"zur Brücke"/"vom Ende" after a bare form of address (blind set:
benchmarks/article_bodies_blind.py)."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _out(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Danke an die AWO Mensah.", "Danke an die AWO [Person 1]."),
        ("Mit der AWO Mensah.", "Mit der AWO [Person 1]."),
        (
            "Wir haben mit dem NABU Becker gesprochen.",
            "Wir haben mit dem NABU [Person 1] gesprochen.",
        ),
        ("Laut dem VdK Owusu fällt es aus.", "Laut dem VdK [Person 1] fällt es aus."),
        ("Danke an den ADFC Schmidt!", "Danke an den ADFC [Person 1]!"),
    ],
)
def test_surname_after_cue_article_and_association_is_replaced(text: str, want: str) -> None:
    assert _out(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("DANKE FÜR AWO MENSAH.", "DANKE FÜR AWO [Person 1]."),
        ("DANKE AN DIE AWO MENSAH!", "DANKE AN DIE AWO [Person 1]!"),
        ("GESPRÄCH MIT NABU BECKER HEUTE.", "GESPRÄCH MIT NABU [Person 1] HEUTE."),
        ("LAUT AWO MENSAH FÄLLT ES AUS.", "LAUT AWO [Person 1] FÄLLT ES AUS."),
        ("MIT DEM VdK SCHMIDT.", "MIT DEM VdK [Person 1]."),
    ],
)
def test_association_and_surname_in_capitals_read_as_in_title_case(text: str, want: str) -> None:
    assert _out(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("DANKE AN FRAU KAYA.", "DANKE AN [Person 1]."),
        ("GESPRÄCH MIT ANNA SCHMIDT.", "GESPRÄCH MIT [Person 1]."),
        ("WIR DANKEN FRAU DR. OWUSU.\nBIS BALD", "WIR DANKEN [Person 1].\nBIS BALD"),
    ],
)
def test_name_in_capitals_before_the_sentences_dot_is_replaced_whole(text: str, want: str) -> None:
    assert _out(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Herr vom Graben sagt, dass es reicht.", "[Person 1] sagt, dass es reicht."),
        ("Frau zur Brücke hat angerufen.", "[Person 1] hat angerufen."),
        ("Herr vom Ende kam heute.", "[Person 1] kam heute."),
        ("Gut. Frau vom Graben hat uns geholfen.", "Gut. [Person 1] hat uns geholfen."),
    ],
)
def test_street_surname_after_bare_address_before_a_persons_verb(text: str, want: str) -> None:
    assert _out(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Wir sprachen mit der AWO Leverkusen.",
        "Das ist der AWO Ortsverein.",
        "Die Kinder sind bei der AWO Kita.",
        "Wir haben mit dem NABU Kreisverband gesprochen.",
        "Danke an die AWO Manfort.",
        "AWO UND NABU LADEN EIN",
        "TOP 3: VERKEHR.",
        "DANKE FÜR AWO LEVERKUSEN.",
        "MIT DER AWO KITA.",
        "WIR BRAUCHEN MEHR BÄNKE.",
        "Die Frau vom Graben gegenüber kam heute.",
        "Frau vom Graben gegenüber kam heute.",
        "Er wohnt zur Brücke hin.",
        "Zum Ende sagt sie nichts.",
        "Frau vom Ende der Straße kam heute.",
        "Die Frau zur Brücke hat angerufen.",
        "Frau vom Amt kam heute.",
        "Herr vom Kiosk kam heute.",
        "Frau zum Ende hin sagt nichts mehr.",
    ],
)
def test_bodies_units_headings_and_street_places_stay(text: str) -> None:
    assert _out(text) == text
