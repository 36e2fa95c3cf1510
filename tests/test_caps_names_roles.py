"""Names in capitals after a role or with particles; the words in capitals after a name
that are no surname (a noun, a verb) stay words."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FRAU OBERBÜRGERMEISTERIN RICHRATH HAT ZUGESAGT", "[Person 1] HAT ZUGESAGT"),
        ("Gespräch mit HERR PFARRER KOWALSKI im Rathaus.", "Gespräch mit [Person 1] im Rathaus."),
        ("DANK AN FRAU PRÄSIDENTIN BERGMANN!", "DANK AN [Person 1]!"),
        ("FRAU SOZIALARBEITERIN KESSLER HAT ZEIT", "[Person 1] HAT ZEIT"),
        ("FRAU DE LUCA HILFT", "[Person 1] HILFT"),
        ("HERR VAN DER BERG KOMMT", "[Person 1] KOMMT"),
    ],
)
def test_a_surname_in_capitals_after_a_role_or_with_particles_is_replaced(
    text: str, expected: str
) -> None:
    assert Pseudonymiser({}).pseudonymise(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb after a form of address and a first name (the gazetteer has "Öztürk")
        ("HERR ÖZTÜRK KOMMT MORGEN", "[Person 1] KOMMT MORGEN"),
        # a noun or a verb after a first name on a card
        ("MARIA KIRCHE", "MARIA KIRCHE"),
        ("JANA SPORTHALLE", "JANA SPORTHALLE"),
        ("MERLE TREFFPUNKT", "MERLE TREFFPUNKT"),
        # the verb stays; the first name before it is a person, as in "Lea braucht Hilfe"
        ("LEA BRAUCHT HILFE", "[Person 1] BRAUCHT HILFE"),
        ("LINA NACHBARSCHAFT", "LINA NACHBARSCHAFT"),
        # a role alone, a place after "von"/"da"
        ("FRAU OBERBÜRGERMEISTERIN KOMMT", "FRAU OBERBÜRGERMEISTERIN KOMMT"),
        ("FRAU VON NEBENAN KOMMT", "FRAU VON NEBENAN KOMMT"),
        ("HERR DA HINTEN", "HERR DA HINTEN"),
    ],
)
def test_a_word_in_capitals_after_a_name_that_is_no_surname_stays(text: str, expected: str) -> None:
    assert Pseudonymiser({}).pseudonymise(text)[0] == expected


def test_the_key_keeps_role_and_surname_as_written() -> None:
    _, replacements = Pseudonymiser({}).pseudonymise("FRAU OBERBÜRGERMEISTERIN RICHRATH KOMMT")
    assert [r.original for r in replacements] == ["FRAU OBERBÜRGERMEISTERIN RICHRATH"]
