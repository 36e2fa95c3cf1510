"""A verb with a contracted "es" opening a question ("Gibt's Kuchen?", "Hat's Peter
gesagt?") is no person and no owner of the noun after it; the name after it is found."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    "text",
    [
        "Gibt's Kuchen?",
        "Geht's Oma gut?",
        "Gibt's Montag Kuchen?",
        "Klappt's Dienstag?",
        "Hat's Ärger gegeben?",
        "Gibt's Probleme mit dem Bus?",
        "Hat's Sinn?",
        "Wie geht's dir?",
        "Das war's.",
    ],
)
def test_a_contracted_verb_before_a_noun_stays(text: str) -> None:
    """ "Gibt's Kuchen?" became "[Person 1]'s Kuchen?": the verb was an unknown owner in an
    English genitive."""
    assert Pseudonymiser().pseudonymise(text)[0] == text


@pytest.mark.parametrize("name", ["Peter", "Murat"])
def test_the_name_after_a_contracted_verb_alone_is_replaced(name: str) -> None:
    """ "Hat's Peter gesagt?" became "[Person 1] gesagt?": the verb went into the name."""
    text = f"Hat's {name} gesagt?"
    assert Pseudonymiser().pseudonymise(text)[0] == "Hat's [Person 1] gesagt?"
