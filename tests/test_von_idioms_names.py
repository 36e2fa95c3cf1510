"""What stayed in clear beside a name: a nobility word after a form of address, a
district or an idiom after "von", an association in capitals, a second surname of a house,
a form of address in lower case (blind set: benchmarks/von_idioms_blind.py)."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _out(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the nobility part belongs to her name after a form of address too
        ("Herr Müller von Hohenstein sagt, dass es reicht.", "[Person 1] sagt, dass es reicht."),
        ("Frau Dr. Schmidt von Bredow meint, es reicht.", "[Person 1] meint, es reicht."),
        ("Frau Anna Schmidt von Bredow kam heute.", "[Person 1] kam heute."),
        # a district after "von" is where she is from: it stays
        ("Müller von Opladen sagt, es reicht.", "[Person 1] von Opladen sagt, es reicht."),
        ("Dazu: Becker von Manfort meint es.", "Dazu: [Person 1] von Manfort meint es."),
        # an idiom after "von": the surname goes, the idiom stays
        ("Becker von Anfang an sagt, es reicht.", "[Person 1] von Anfang an sagt, es reicht."),
        ("Meier von Herzen sagt, es reicht.", "[Person 1] von Herzen sagt, es reicht."),
        ("Yilmaz von Hause aus betont, es reicht.", "[Person 1] von Hause aus betont, es reicht."),
        ("Wie Wagner von nebenan erzählt, …", "Wie [Person 1] von nebenan erzählt, …"),
        # an association in capitals stays, the surname after it speaks for it
        ("AWO Mensah sagt, dass es reicht.", "AWO [Person 1] sagt, dass es reicht."),
        ("Die AWO Boateng meint, das reicht.", "Die AWO [Person 1] meint, das reicht."),
        ("Dazu: NABU Becker betont es.", "Dazu: NABU [Person 1] betont es."),
        # a double name of two surnames of a house or a farm
        ("Herr Ommo Brinkhaus Niehaus kam heute.", "[Person 1] kam heute."),
        ("Frau Talea Brinkhof Brinkhaus hilft.", "[Person 1] hilft."),
        ("Herr Peter Brinkhaus Niehaus kam heute.", "[Person 1] kam heute."),
        # a form of address in lower case goes with the name, as "Frau Anna Schmidt" does
        ("frau anna schmidt kam heute", "[Person 1] kam heute"),
        ("hab mit herrn dr. jens weber gesprochen", "hab mit [Person 1] gesprochen"),
        ("frau Anna Schmidt kam heute.", "[Person 1] kam heute."),
    ],
)  # fmt: skip
def test_names_beside_von_bodies_and_addresses(text: str, expected: str) -> None:
    assert _out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: what the rules did before stays so
        ("Herr Müller von Köln sagt es.", "[Person 1] von Köln sagt es."),
        ("Herr Müller von der Stadt sagt es.", "[Person 1] von der Stadt sagt es."),
        ("Herr Müller von Caritas sagt es.", "[Person 1] von Caritas sagt es."),
        ("Herr Müller von Anfang an sagt es.", "[Person 1] von Anfang an sagt es."),
        ("Müller von Hohenstein sagt es.", "[Person 1] sagt es."),
        ("Awo Mensah sagt es.", "[Person 1] sagt es."),
        ("Die Müllers von nebenan sagen es.", "Die [Person 1]s von nebenan sagen es."),
        ("Herr Ommo Brinkhaus Schule ist da.", "[Person 1] Schule ist da."),
        ("frau schmidt kam heute.", "[Person 1] kam heute."),
    ],
)  # fmt: skip
def test_neighbouring_rules_guard(text: str, expected: str) -> None:
    assert _out(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wir fahren von Opladen nach Manfort.",
        "Von Anfang an war klar, dass es reicht.",
        "Das kommt von Herzen, sagt sie.",
        "Die Leute von nebenan sagen, dass es reicht.",
        "Der Müller von nebenan sagt, dass es reicht.",
        "Die Kinder von Opladen sagen, dass es reicht.",
        "Post von Opladen erklärt, dass es reicht.",
        "Die AWO Manfort sagt, dass es reicht.",
        "AWO Ortsverein sagt, dass es reicht.",
        "AWO Leverkusen sagt, dass es reicht.",
        "AWO und NABU sagen, dass es reicht.",
        "Die AWO sagt, dass es reicht.",
        "Mit der AWO Ortsverein sprechen wir.",
        "frau und mann kamen zusammen",
        "ein herr von welt sagt nichts",
        "eine frau anfang 40 kam heute",
        "eine frau Anfang 40 kam heute",
        "Ein Herr von Welt sagt nichts.",
    ],
)
def test_ordinary_phrases_stay(text: str) -> None:
    assert _out(text) == text
