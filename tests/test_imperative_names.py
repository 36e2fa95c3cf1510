"""A request opening a sentence ("Frag Becker.", "Ruf Becker an.") names the person asked:
the verb is no first name, and the key's Becker stays one person with one number."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frag Becker.", "Frag [Person 1]."),
        ("Frage Becker, ob das geht.", "Frage [Person 1], ob das geht."),
        ("Sag Becker Bescheid.", "Sag [Person 1] Bescheid."),
        ("Ruf Becker an.", "Ruf [Person 1] an."),
        ("Schreib Becker eine Mail.", "Schreib [Person 1] eine Mail."),
        ("Grüß Becker von mir.", "Grüß [Person 1] von mir."),
        ("Nimm Becker mit.", "Nimm [Person 1] mit."),
        ("Lade Becker ein.", "Lade [Person 1] ein."),
    ],
)
@pytest.mark.parametrize("known", ["Jens Becker kam.", "Herr Becker kam."])
def test_a_request_names_the_known_person_asked(known: str, text: str, expected: str) -> None:
    """With Jens Becker as [Person 1], "Frag Becker." became "[Person 2]." (a person
    "Frag Becker"), and "Ich stimme Becker zu." then a third number."""
    p = Pseudonymiser()
    assert p.pseudonymise(known, ["Jens Becker"])[0] == "[Person 1] kam."
    assert p.pseudonymise(text)[0] == expected
    assert p.pseudonymise("Ich stimme Becker zu.")[0] == "Ich stimme [Person 1] zu."
    assert set(p.known.values()) == {"[Person 1]"}


def test_a_request_before_an_unknown_surname_keeps_the_verb() -> None:
    """ "Frag Becker." first, then "Jens Becker": one person, and the verb stays."""
    p = Pseudonymiser()
    assert p.pseudonymise("Frag Becker.")[0] == "Frag [Person 1]."
    assert p.pseudonymise("Jens Becker kam.")[0] == "[Person 1] kam."
    assert p.pseudonymise("Becker hat recht.")[0] == "[Person 1] hat recht."


def test_a_first_name_before_a_surname_is_still_the_whole_name() -> None:
    assert Pseudonymiser().pseudonymise("Zlatan Becker kam.")[0] == "[Person 1] kam."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hat Hartkopf recht?", "Hat [Person 1] recht?"),
        ("Kann Hartkopf das klären?", "Kann [Person 1] das klären?"),
        ("Frag Hartkopf.", "Frag [Person 1]."),
    ],
)
def test_a_verb_before_a_known_surname_of_no_list_is_no_first_name(
    text: str, expected: str
) -> None:
    """A surname the gazetteer lacks ("Hartkopf"): after "Gregor Hartkopf", "Hat Hartkopf
    recht?" became "[Person 2] recht?" (a person "Hat Hartkopf"), and every later
    "Hartkopf" alone a third number."""
    p = Pseudonymiser()
    assert p.pseudonymise("Gregor Hartkopf kam.")[0] == "[Person 1] kam."
    assert p.pseudonymise(text)[0] == expected
    assert p.pseudonymise("Ich stimme Hartkopf zu.")[0] == "Ich stimme [Person 1] zu."
    assert set(p.known.values()) == {"[Person 1]"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frag Paul Meier.", "Frag [Person 1]."),
        ("Ruf Jonas Meier an.", "Ruf [Person 1] an."),
        ("Sag Paul Müller Bescheid.", "Sag [Person 1] Bescheid."),
        ("Frag Paul Maier, ob er kommt.", "Frag [Person 1], ob er kommt."),
    ],
)
def test_a_request_before_a_full_name_replaces_all_of_it(text: str, expected: str) -> None:
    """ "Frag Paul Meier." replaced the first name alone and left "Meier" in clear."""
    assert Pseudonymiser().pseudonymise(text)[0] == expected
