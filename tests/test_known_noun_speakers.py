"""A surname the key knows that is a noun of no name list ("Rosenkranz" of a Maria
Rosenkranz listed in an earlier protocol) is the person where she speaks, opening a
sentence ("Rosenkranz hat recht."), and the noun elsewhere ("Der Rosenkranz hängt …")."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

LISTED = ["Maria Rosenkranz", "Anna Licht", "Olaf Nebel"]


def _known() -> Pseudonymiser:
    """A project whose first protocol listed the three."""
    p = Pseudonymiser()
    p.pseudonymise("Anwesend: " + ", ".join(LISTED), LISTED)
    return p


@pytest.mark.parametrize("surname", ["Rosenkranz", "Licht", "Nebel"])
@pytest.mark.parametrize(
    "rest", ["hat recht.", "sagt, das reiche nicht.", "meinte, der Platz sei dunkel."]
)
def test_a_known_noun_surname_speaking_is_the_person(surname: str, rest: str) -> None:
    """ "Rosenkranz hat recht." in the next protocol stayed in clear: the key's rule left
    a noun of the Wiktionary, the noun-surname rule took only the name lists' words."""
    p = _known()
    number = p.known["person", surname.lower()]
    assert p.pseudonymise(f"{surname} {rest}")[0] == f"{number} {rest}"


@pytest.mark.parametrize(
    "text",
    [
        "Der Rosenkranz hängt an der Wand.",
        "Ein Rosenkranz lag auf der Bank.",
        "Mehr Licht im Park wäre gut.",
        "Licht fehlt im Park.",
        "Wir brauchen Licht und Bänke.",
        "Das Licht geht um zehn aus.",
        "Nebel liegt über dem Rhein.",
        "Der Nebel hat recht früh eingesetzt.",
    ],
)
def test_the_nouns_stay(text: str) -> None:
    assert _known().pseudonymise(text)[0] == text


@pytest.mark.parametrize(
    "text",
    [
        "Licht hat recht viel mit Sicherheit zu tun.",
        "Nebel hat recht wenig Einfluss auf den Verkehr.",
        "Rosenkranz hat recht große Perlen.",
        "Licht hatte recht lange gefehlt.",
    ],
)
def test_quite_after_hat_recht_is_no_speaker(text: str) -> None:
    """ "Licht hat recht viel mit Sicherheit zu tun." lost "Licht" to Anna Licht of the
    key: "hat recht" before a word it qualifies means "quite", nobody speaks."""
    assert _known().pseudonymise(text)[0] == text


@pytest.mark.parametrize("rest", ["hat recht damit.", "hat recht, und zwar deutlich.", "hat recht"])
def test_being_right_is_still_the_person(rest: str) -> None:
    p = _known()
    number = p.known["person", "licht"]
    assert p.pseudonymise(f"Licht {rest}")[0] == f"{number} {rest}"
