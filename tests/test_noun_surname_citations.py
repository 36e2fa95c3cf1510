"""A listed surname with a capitalised particle ("Maria Da Silva") after a preposition,
and a surname of the key that is a noun ("Rosenkranz", "Strauß") cited after "laut", "mit
… gesprochen" or with an apostrophe genitive ("Strauß' Vorschlag"), are the person."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Von Da Silva kam der Vorschlag.", "Von [Person 1] kam der Vorschlag."),
        ("Laut Da Silva fehlt Geld.", "Laut [Person 1] fehlt Geld."),
        ("Nach El Amrani kam Frau Özil.", "Nach [Person 1] kam [Person 2]."),
        ("Mit da Silva habe ich gesprochen.", "Mit [Person 1] habe ich gesprochen."),
    ],
)
def test_a_listed_particle_surname_after_a_preposition(text: str, expected: str) -> None:
    """ "Von Da Silva kam …" became "Von Da [Person 1]": the list's variants had "Silva"
    but not "Da Silva", and only a speech verb let a rule take the particle in."""
    p = Pseudonymiser()
    assert p.pseudonymise(text, ["Maria Da Silva", "Karim El Amrani"])[0] == expected
    assert {original for original, _ in p.new.values()} >= {text.split()[1] + " " + text.split()[2]}


def test_a_particle_word_stays_without_the_surname() -> None:
    """ "Von Da aus geht es weiter." of a listed Maria Da Silva: no name in it."""
    text = "Von Da aus geht es weiter."
    assert Pseudonymiser().pseudonymise(text, ["Maria Da Silva"])[0] == text


def _known(full: str) -> Pseudonymiser:
    """A pseudonymiser whose key knows Herr ``full`` as [Person 1]."""
    p = Pseudonymiser()
    assert p.pseudonymise(f"Herr {full} hat eingeladen.")[0] == "[Person 1] hat eingeladen."
    return p


@pytest.mark.parametrize(
    ("full", "text", "expected"),
    [
        ("Eva Rosenkranz", "Ich habe mit Rosenkranz gesprochen.", "mit [Person 1] gesprochen"),
        ("Eva Rosenkranz", "Laut Rosenkranz fehlt Geld.", "Laut [Person 1] fehlt"),
        ("Eva Rosenkranz", "Das war Rosenkranz' Idee.", "war [Person 1]' Idee"),
        ("Jonas Strauß", "Strauß' Vorschlag war gut.", "[Person 1]' Vorschlag"),
        ("Uwe Fuchs", "Fuchs' Vorschlag war gut.", "[Person 1]' Vorschlag"),
    ],
)
def test_a_known_noun_surname_cited(full: str, text: str, expected: str) -> None:
    """The key's noun surname stayed in clear after "laut", "mit … gesprochen" and before
    an apostrophe genitive: the noun rules took it for a person only as a speaker."""
    assert expected in _known(full).pseudonymise(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Sie betet mit dem Rosenkranz.",
        "Mit einem Strauß Blumen fing es an.",
        "Ein Fuchs lief über den Platz.",
        "Mit Rosenkranz war es leichter.",
    ],
)
def test_the_noun_stays_a_noun(text: str) -> None:
    """Nouns with an article, and where the noun may be meant, stay."""
    for full in ("Eva Rosenkranz", "Jonas Strauß", "Uwe Fuchs"):
        assert _known(full).pseudonymise(text)[0] == text


@pytest.mark.parametrize(
    ("full", "text", "expected"),
    [
        ("Eva Rosenkranz", "Ich habe mit Rosenkranz kurz gesprochen.", "mit [Person 1] kurz"),
        ("Eva Rosenkranz", "Wir haben mit Rosenkranz lange telefoniert.", "mit [Person 1] lange"),
        ("Eva Rosenkranz", "Das war Rosenkranz's Idee.", "war [Person 1]'s Idee"),
        ("Eva Rosenkranz", "Wir folgten Rosenkranz’s Plan.", "folgten [Person 1]’s Plan"),
        ("Lena Vogel", "Vogel's Vorschlag war gut.", "[Person 1]'s Vorschlag"),
        ("Jens Becker", "Laut Becker's Bericht fehlt Geld.", "Laut [Person 1]'s Bericht"),
    ],
)
def test_a_known_surname_with_an_adverb_or_an_english_genitive(
    full: str, text: str, expected: str
) -> None:
    """ "mit Rosenkranz kurz gesprochen" (an adverb before the participle) and
    "Rosenkranz's Idee" (a genitive written as in English, one word with its apostrophe)
    kept the key's surname in clear."""
    assert expected in _known(full).pseudonymise(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Sie hat mit Rosenkranz kurz gebetet.",
        "Wir haben mit dem Rosenkranz kurz gesprochen.",
        "Mit Rosenkranz und Kerze haben wir gebetet.",
        "Wie geht's dir?",
        "Gibt's noch Geld?",
    ],
)
def test_no_person_without_speaking_or_owning(text: str) -> None:
    """A participle of no speaking, an article, and "'s" of a verb ("geht's") stay."""
    assert _known("Eva Rosenkranz").pseudonymise(text)[0] == text
