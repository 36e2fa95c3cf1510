"""A focus particle, a word of no list and a verb in the plural: the word is the verb's
object only when the subject follows the verb ("Ausgerechnet Hartkopf wählen die Leute");
with none there it is the subject, a plural no lexicon holds ("Erst Skater treffen sich")."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    "sentence",
    [
        "Erst Skater treffen sich.",
        "Kaum Foodsharer kommen.",
        "Erst Neuzugezogene kennen das.",
        "Ausgerechnet Gentrifizierer kommen.",
        "Kaum Airbnbs verdrängen.",
        "Erst Bürgerräte entscheiden.",
    ],
)
def test_a_plural_of_no_lexicon_with_no_subject_after_the_verb_stays(sentence: str) -> None:
    """ "Erst Skater treffen sich" became "Erst [Person 1] treffen sich": any word of no
    list before a plural verb was taken for its object, though no subject follows."""
    assert Pseudonymiser().pseudonymise(sentence)[0] == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Ausgerechnet Hartkopf wählen die Leute.",
        "Erst Hartkopf haben wir gefragt.",
        "Lediglich Hartkopf kennen alle hier.",
        "Kaum Hartkopf mögen viele Leute.",
        "Erst Dunkelberg fragen sie.",
    ],
)
def test_the_surname_before_the_verb_and_its_subject_is_replaced(sentence: str) -> None:
    """The subject after the plural verb (a pronoun, an article, "alle", "viele") leaves
    the surname before it as the object: a person."""
    out = Pseudonymiser().pseudonymise(sentence)[0]
    assert out == sentence.replace("Hartkopf", "[Person 1]").replace("Dunkelberg", "[Person 1]")
