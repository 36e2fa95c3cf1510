"""A listed surname that is also a German noun ("Rosen" of "Anna Rosen") is the person;
only where a noun stands ("Mehr Rosen am Zaun") it stays the noun and is shown for review."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

NAMES = ["Anna Rosen", "Jens Busch", "Maxime Dubois"]


@pytest.mark.parametrize(
    "text",
    ["Mehr Rosen am Zaun", "Viele Rosen im Park pflanzen", "Mehr Busch am Zaun, weniger Beton."],
)
def test_a_listed_noun_in_a_nouns_place_stays_and_is_shown_for_review(text: str) -> None:
    p = Pseudonymiser()
    assert p.pseudonymise(text, names=NAMES)[0] == text
    assert [(c.word, c.replaced) for c in p.candidates] in (
        [("Rosen", False)],
        [("Busch", False)],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frau Rosen sagt, es fehlt Licht.", "[Person 1] sagt, es fehlt Licht."),
        ("Rosen sagt, es fehlt Licht.", "[Person 1] sagt, es fehlt Licht."),
        ("Laut Rosen fehlt Licht.", "Laut [Person 1] fehlt Licht."),
        ("Hallo Rosen", "Hallo [Person 1]"),
        ("Rosen: ich komme später", "[Person 1]: ich komme später"),
        ("Herr Busch und Anna Rosen", "[Person 1] und [Person 2]"),
        ("Rosens Idee ist gut.", "[Person 1]s Idee ist gut."),
        ("Hallo Maxime", "Hallo [Person 1]"),  # a listed first name stays a name
        # no cue, but no noun's place either: the person (these stayed in clear)
        ("Ich stimme Busch zu.", "Ich stimme [Person 1] zu."),
        ("Wie Busch meinte, fehlt Licht.", "Wie [Person 1] meinte, fehlt Licht."),
        ("Frag Busch.", "Frag [Person 1]."),
        ("Busch und Becker kamen.", "[Person 1] und [Person 2] kamen."),
        ("Rosen im Park fragen", "[Person 1] im Park fragen"),
    ],
)
def test_a_listed_noun_with_a_cue_is_the_person(text: str, expected: str) -> None:
    assert Pseudonymiser().pseudonymise(text, names=NAMES)[0] == expected


def test_the_cued_noun_is_the_listed_person_and_not_shown_twice() -> None:
    p = Pseudonymiser()
    first, _ = p.pseudonymise("Anna Rosen kommt.", names=NAMES)
    second, _ = p.pseudonymise("Frau Rosen sagt, es fehlt Licht.", names=NAMES)
    assert first == "[Person 1] kommt." and second == "[Person 1] sagt, es fehlt Licht."
    assert p.candidates == []


@pytest.mark.parametrize(
    "text",
    [
        "Busch Jens sagt, wir brauchen Bänke.",
        "Busch Jens hat die Liste.",
        "Gestern hat Busch Jens angerufen.",
        "Busch Jens: Wir brauchen Bänke",
    ],
)
def test_a_listed_noun_surname_before_its_first_name_is_the_person(text: str) -> None:
    """With "Jens Busch" on the list, "Busch Jens sagt" kept "Busch" in clear: the
    surname before the listed first name, as forms write it, is the person."""
    pseudonymised = Pseudonymiser().pseudonymise(text, names=NAMES)[0]
    assert "[Person 1]" in pseudonymised
    assert "Busch" not in pseudonymised and "Jens" not in pseudonymised


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("frau busch hat gesagt, es fehlt licht", "frau [Person 1] hat gesagt, es fehlt licht"),
        ("herr busch kommt später", "herr [Person 1] kommt später"),
        ("frau rosen fragt nach dem termin", "frau [Person 1] fragt nach dem termin"),
        ("mehr rosen am zaun, der busch ist grün", "mehr rosen am zaun, der busch ist grün"),
    ],
)
def test_a_listed_noun_surname_in_lower_case_after_a_form_of_address(
    text: str, expected: str
) -> None:
    """With "Jens Busch" on the list, a chat's "frau busch hat gesagt" kept the surname in
    clear: after a form of address it is the listed person, in any case."""
    assert Pseudonymiser().pseudonymise(text, names=NAMES)[0] == expected


@pytest.mark.parametrize(
    ("listed", "text"),
    [
        ("Frau Anna Sommer", "anna sommer kommt später"),
        ("Herr Jan Winter", "jan winter ist raus"),
        ("Dr. Lea Busch", "ich stimme lea busch zu"),
    ],
)
def test_a_lower_case_full_name_of_a_person_listed_with_her_title_is_replaced_whole(
    listed: str, text: str
) -> None:
    """ "anna sommer kommt später" of a listed "Frau Anna Sommer" kept "sommer" in clear."""
    pseudonymised = Pseudonymiser().pseudonymise(text, names=[listed])[0]
    surname = listed.split()[-1].lower()
    assert surname not in pseudonymised and "[Person 1]" in pseudonymised
