"""Words that are a role or an ordinary word as well as part of a name: a "-meister" role
before a name, a surname that is also a word before what its bearer owns."""

from __future__ import annotations

from workbench.ingest.pseudonymise import Pseudonymiser


def test_a_meister_word_before_a_name_is_the_role_of_that_person() -> None:
    """ "Küchenmeister Schulz", "Vereinsmeister Weber": an unlisted "-meister" word before a
    name is a role as before; it neither hides in the placeholder nor becomes a person."""
    p = Pseudonymiser()
    assert p.pseudonymise("Küchenmeister Schulz kocht.")[0] == "Küchenmeister [Person 1] kocht."
    assert p.pseudonymise("Herr Küchenmeister Schulz kocht.")[0] == "[Person 1] kocht."
    assert p.pseudonymise("Herr Schulz kocht.")[0] == "[Person 1] kocht."
    assert p.pseudonymise("Vereinsmeister Weber gewinnt.")[0] == (
        "Vereinsmeister [Person 2] gewinnt."
    )
    assert sorted(key for kind, key in p.known if kind == "person") == ["schulz", "weber"]
    # without a name after it, the word is a surname ("Herr Hoffmeister")
    assert p.pseudonymise("Hoffmeister sagte, es geht.")[0] == "[Person 3] sagte, es geht."


def test_a_surname_that_is_also_a_word_owns_a_place_too() -> None:
    """ "Anna Bauers Garten", "Peter Winters Café" stayed in clear: "Bauer" and "Winter"
    are words as well, so the name was read as a place named after someone; with a first
    name or a form of address before it, it is the person, with the key of her name."""
    p = Pseudonymiser()
    assert p.pseudonymise("Anna Bauers Garten ist schön.")[0] == "[Person 1] Garten ist schön."
    assert p.pseudonymise("Anna Bauer kam später.")[0] == "[Person 1] kam später."
    assert p.pseudonymise("Peter Winters Café hat zu.")[0] == "[Person 2] Café hat zu."
    assert p.pseudonymise("Wir waren in Anna Vogels Haus.")[0] == "Wir waren in [Person 3] Haus."
    assert p.pseudonymise("Frau Kochs Laden hat zu.")[0] == "[Person 4] Laden hat zu."
    assert p.pseudonymise("Frau Koch kam.")[0] == "[Person 4] kam."
    for text in ("Die Bauers kommen.", "Das Robert Koch Institut berät."):
        assert p.pseudonymise(text)[0] == text
    # one Anna Bauer, one Frau Koch; "Winters" is a surname of its own ("Frau Peters")
    people = sorted(key for kind, key in p.known if kind == "person")
    assert people == ["bauer", "koch", "vogel", "winters"]
