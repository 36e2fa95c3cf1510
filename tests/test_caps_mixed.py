"""A name in capitals among words in lower case (chats, cards) is a name, as in natural case;
acronyms and shouted words in such texts stay."""

from __future__ import annotations

import re

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _out(text: str) -> str:
    return Pseudonymiser({}).pseudonymise(text)[0]


def _natural(text: str) -> str:
    """``text`` with its words in capitals written in natural case ("JENS" → "Jens")."""
    return re.sub(r"\b[^\W\d_]{2,}\b", lambda m: m[0].title() if m[0].isupper() else m[0], text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a first name alone after a cue in lower case, before a verb in lower case
        ("Danke an JENS!", "Danke an [Person 1]!"),
        ("LEA sagt, der Park ist zu dunkel", "[Person 1] sagt, der Park ist zu dunkel"),
        ("ok, TOM kommt auch", "ok, [Person 1] kommt auch"),
        ("Frage von MEHMET: wann kommt der Bus?", "Frage von [Person 1]: wann kommt der Bus?"),
        ("BIRGIT und JONAS haben geholfen", "[Person 1] und [Person 2] haben geholfen"),
        # a surname after a cue in lower case
        ("laut KRÄMER fehlt Licht", "laut [Person 1] fehlt Licht"),
        ("das sagt NOWAK schon lange", "das sagt [Person 1] schon lange"),
        # a sign-off before a name, after a comma or at the next line's start
        ("Gruß, JENS", "Gruß, [Person 1]"),
        ("Viele Grüße\nLEA", "Viele Grüße\n[Person 1]"),
        # the names of a list: after a cue, a label or a name before them
        ("Ich war mit ANNA und TOM im Park", "Ich war mit [Person 1] und [Person 2] im Park"),
        (
            "Anwesend: ANNA SCHMIDT, JENS BECKER, LEA",
            "Anwesend: [Person 1], [Person 2], [Person 3]",
        ),
        ("Moderation: SABINE, PETER", "Moderation: [Person 1], [Person 2]"),
    ],
)
def test_a_name_in_capitals_among_lower_case_is_replaced(text: str, expected: str) -> None:
    assert _out(text) == expected
    # the same text in natural case: the same people
    assert _out(_natural(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die AWO hilft beim Umzug.",
        "Das ist TOLL",
        "bitte MEHR Licht",
        "die KITA am Park",
        "LEA-Förderung beantragen",
        "MAX. 30 Personen",
        "MAX 30 Personen",
        "ROSE Garten",
        "Danke an die AWO",
        "Danke an ALLE!",
        "laut DIN 18040",
        "laut ADAC zu eng",
        "mit ÖPNV und RAD",
        "Gruß, EURE NACHBARN",
        "Viele Grüße\nDAS ORGA-TEAM",
        "laut MIR zu laut",
        "Anwesend: AWO, SPD, NABU",
        "Moderation: PRIMA",
        "Thema: MEHR Licht",
        "KITA kommt morgen",
        "ALLE sagen das",
    ],
)
def test_acronyms_and_shouting_among_lower_case_stay(text: str) -> None:
    assert _out(text) == text
