"""A surname that is also a word ("Bauer", "Busch", "Koch", "Fuchs", "Rosen"), once the
text or the project's key knows it as a person, is that person where no noun can stand:
the subject without article before a verb, after "mit", "von", … without article."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frau Bauer hilft. Bauer kommt auch.", "[Person 1] hilft. [Person 1] kommt auch."),
        ("Frau Busch hilft. Busch kommt auch.", "[Person 1] hilft. [Person 1] kommt auch."),
        ("Frau Koch hilft. Mit Koch reden wir.", "[Person 1] hilft. Mit [Person 1] reden wir."),
        ("Herr Fuchs hilft. Fuchs hat Zeit.", "[Person 1] hilft. [Person 1] hat Zeit."),
        ("Frau Rosen hilft. Rosen kommt auch.", "[Person 1] hilft. [Person 1] kommt auch."),
        ("Frau Terhorst hilft. Wir danken Terhorst.", "[Person 1] hilft. Wir danken [Person 1]."),
    ],
)
def test_a_surname_known_from_the_text_is_the_person(text: str, expected: str) -> None:
    p = Pseudonymiser()
    assert p.pseudonymise(text)[0] == expected
    assert len(p.known) == 1


def test_a_surname_known_from_the_key_is_the_person_and_shown_for_review() -> None:
    p = Pseudonymiser()
    p.pseudonymise("Frau Bauer hilft.")
    assert p.pseudonymise("Bauer kommt auch.")[0] == "[Person 1] kommt auch."
    assert [(c.word, c.replaced) for c in p.candidates] == [("Bauer", True)]


@pytest.mark.parametrize(
    "text",
    [
        "Frau Bauer hilft. Der Bauer kommt auch.",
        "Frau Busch hilft. Der Busch ist groß.",
        "Frau Busch hilft. Mehr Busch und Hecke.",
        "Frau Rosen hilft. Rosen blühen im Mai.",
        "Frau Rosen hilft. Mit Rosen geschmückt.",
        # a past participle is no verb of the person (second reader h29-rev7)
        "Frau Kurz kommt. Kurz gesagt, nein.",
        "Frau Lange hilft. Lange gewartet haben wir nicht.",
    ],
)
def test_the_word_stays_where_a_noun_stands(text: str) -> None:
    assert Pseudonymiser().pseudonymise(text)[0].split(". ", 1)[1] == text.split(". ", 1)[1]


def test_a_verb_beginning_with_ge_is_still_a_verb() -> None:
    assert Pseudonymiser().pseudonymise("Frau Bauer hilft. Bauer gewinnt immer.")[0] == (
        "[Person 1] hilft. [Person 1] gewinnt immer."
    )


@pytest.mark.parametrize("text", ["Der Bauer kommt.", "Bauer sucht Frau läuft im Fernsehen."])
def test_an_unknown_word_stays(text: str) -> None:
    assert Pseudonymiser().pseudonymise(text)[0] == text


def test_a_surname_of_two_letters_known_as_a_person_is_the_person() -> None:
    # "Frau Li" gave a key entry, yet "Li" alone (a later sentence, an interview's title
    # "1 Interview Li") stayed in clear: known words were taken from three letters on
    p = Pseudonymiser()
    assert (
        p.pseudonymise("Frau Li sagt, Li hat recht.")[0] == "[Person 1] sagt, [Person 1] hat recht."
    )
    assert p.pseudonymise("1 Interview Li")[0] == "1 Interview [Person 1]"
    assert [(c.word, c.replaced) for c in p.candidates] == [("Li", True)]
    assert p.pseudonymise("Li wohnt seit 2010 hier.")[0] == "[Person 1] wohnt seit 2010 hier."


def test_two_letters_of_a_weekday_or_a_person_met_alone_stay() -> None:
    p = Pseudonymiser()
    p.pseudonymise("Frau Do sagt, es reicht.")
    assert p.pseudonymise("Do und Fr geschlossen.")[0] == "Do und Fr geschlossen."
    assert Pseudonymiser().pseudonymise("Li wohnt seit 2010 hier.")[0] == (
        "Li wohnt seit 2010 hier."
    )
