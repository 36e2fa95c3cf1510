"""A plural noun that is also a surname ("Gelder", "Gerber", "Brenner") after a conjunction
opening a clause ("Obwohl Gelder fehlen, …") is the noun, as after "Weil": the opener alone
makes no person of it; a surname before a verb in the singular stays a person."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

PLURAL_CLAUSES = [
    "Obwohl Gelder fehlen, machen wir weiter.",
    "Sobald Gelder da sind, bauen wir.",
    "Falls Gelder gekürzt werden, leidet das Quartier.",
    "Nachdem Gelder bewilligt wurden, ging es los.",
    "Bevor Gelder fließen, wird nichts gebaut.",
    "Sofern Gerber ausbleiben, stoppt das Projekt.",
    "Seitdem Brenner fehlen, ist es kalt.",
    "Zumal Gelder knapp sind, sparen wir.",
]


@pytest.mark.parametrize("sentence", PLURAL_CLAUSES)
def test_a_plural_noun_after_a_conjunction_stays_a_word(sentence: str) -> None:
    """ "Obwohl Gelder fehlen, …" became "Obwohl [Person 1] fehlen, …" with an empty key
    (and "Weil Gelder fehlen" stayed): funding, a core topic, turned into a person."""
    p = Pseudonymiser()
    out, replacements = p.pseudonymise(sentence)
    assert out == sentence
    assert replacements == []
    assert p.new == {}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Obwohl Gelder sagte, es gehe nicht.", "Obwohl [Person 1] sagte, es gehe nicht."),
        ("Sobald Gerber kam, ging es los.", "Sobald [Person 1] kam, ging es los."),
        ("Obwohl Gerber und Klein sagen, es gehe.", "Obwohl [Person 1] und Klein sagen, es gehe."),
    ],
)
def test_a_surname_acting_alone_after_a_conjunction_stays_a_person(
    sentence: str, expected: str
) -> None:
    """The same surname before a verb in the singular, or one of two persons, is still
    replaced: the fix takes only plural nouns out."""
    assert Pseudonymiser().pseudonymise(sentence)[0] == expected


def test_a_listed_surname_after_a_conjunction_stays_a_person() -> None:
    """A listed Hartkopf after "Obwohl" keeps its placeholder, the conjunction stays."""
    out = Pseudonymiser().pseudonymise("Obwohl Hartkopf sagte, es gehe nicht.", ["Gregor Hartkopf"])
    assert out[0] == "Obwohl [Person 1] sagte, es gehe nicht."


@pytest.mark.parametrize(
    "sentence",
    [
        "Erst Gelder machen es möglich.",
        "Erst Gelder machen die Arbeit möglich.",
        "Erst Felder machen die Landschaft aus.",
    ],
)
def test_a_plural_noun_after_a_focus_particle_stays_a_word(sentence: str) -> None:
    """ "Erst Gelder machen es möglich." became "Erst [Person 1] machen …" with an empty
    key: after "Erst" the verb stands second, in the plural here, so the word is a noun."""
    p = Pseudonymiser()
    assert p.pseudonymise(sentence)[0] == sentence
    assert p.new == {}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Erst Weber haben wir gefragt.", "Erst [Person 1] haben wir gefragt."),
        # a noun whose plural is its singular ("Weber") may be the person asked
        ("Erst Weber haben die Kinder gefragt.", "Erst [Person 1] haben die Kinder gefragt."),
        ("Erst Gelder hat es gemerkt.", "Erst [Person 1] hat es gemerkt."),
        ("Hat Gelder recht?", "Hat [Person 1] recht?"),
    ],
)
def test_a_surname_after_a_focus_particle_stays_a_person(sentence: str, expected: str) -> None:
    """A subject after the plural verb ("wir"), a verb in the singular, or a word that is no
    plural of its own ("Weber" the weavers or Herr Weber): the person."""
    assert Pseudonymiser().pseudonymise(sentence)[0] == expected
