"""A surname opening a sentence, where she belongs, then a speech verb ("Müller von der Kvb
sagt, …", "Weber aus Manfort fragt, …"): a person (:mod:`workbench.ingest.name_affiliation`);
things, letters and roles before the same words stay ("Post vom Jugendamt erklärt …", "Der
Bäcker vom Markt sagt …")."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _clear(text: str) -> str:
    return Pseudonymiser().pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Müller von der Kvb sagt, der Bus kommt.", "[Person 1] von der Kvb sagt, der Bus kommt."),
        ("Schulz von der Awo meint, das reicht.", "[Person 1] von der Awo meint, das reicht."),
        (
            "Becker vom Jugendamt erklärt das Verfahren.",
            "[Person 1] vom Jugendamt erklärt das Verfahren.",
        ),
        (
            "Der Treff ist zu. Hoffmann von der Awo Opladen betont, es fehlt Geld.",
            "Der Treff ist zu. [Person 1] von der Awo Opladen betont, es fehlt Geld.",
        ),
        (
            "Weber aus Manfort fragt, wann der Bus kommt.",
            "[Person 1] aus Manfort fragt, wann der Bus kommt.",
        ),
        (
            "Krause aus der Nachbarschaft ergänzt: Es ist dunkel.",
            "[Person 1] aus der Nachbarschaft ergänzt: Es ist dunkel.",
        ),
        (
            "Weil Wagner vom Nabu sagte, der Teich kippt, kamen alle.",
            "Weil [Person 1] vom Nabu sagte, der Teich kippt, kamen alle.",
        ),
        # a surname that is also a noun, with a verb only a person does
        (
            "Fischer vom Angelverein sagt, der Teich ist leer.",
            "[Person 1] vom Angelverein sagt, der Teich ist leer.",
        ),
        (
            "Zum Spielplatz: Koch von der Diakonie meinte, es fehlt Licht.",
            "Zum Spielplatz: [Person 1] von der Diakonie meinte, es fehlt Licht.",
        ),
    ],
)
def test_a_surname_where_she_belongs_and_a_speech_verb_is_a_person(
    text: str, expected: str
) -> None:
    assert _clear(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Post vom Jugendamt kam gestern.",
        "Post vom Jugendamt erklärt die Frist nicht.",
        "Ein Brief von der Awo erklärt die neuen Regeln.",
        "Ein Bus von der Wupsi fährt nicht mehr.",
        "Hilfe von der Caritas kommt selten an.",
        "Der Bäcker vom Markt sagt, es ist zu teuer.",
        "Der Fischer vom Angelverein sagt, der Teich ist leer.",
        "Die Leiterin vom Jugendamt meint, es fehlen Plätze.",
        "Werbung von der Kvb verspricht mehr Busse.",
        "Kritik vom Nabu kam sofort.",
    ],
)
def test_things_letters_and_roles_where_from_stay(text: str) -> None:
    assert _clear(text) == text
