"""A listed surname whose particle is a German word written capitalised ("Jan Von Berg",
"Eva Den Hartog"): the particle alone, or in lower case before a word, is no name."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

_LISTED = ["Jan Von Berg", "Eva Den Hartog"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir gingen von Berg nach Tal.", "Wir gingen von [Person 1] nach Tal."),
        ("Wasser fließt von Berg zu Tal.", "Wasser fließt von [Person 1] zu Tal."),
        ("Von hier aus geht es weiter.", "Von hier aus geht es weiter."),
        ("Den ganzen Tag war es still.", "Den ganzen Tag war es still."),
    ],
)
def test_the_german_particle_stays_a_word(text: str, expected: str) -> None:
    """ "von Berg nach Tal" became "[Person 1] nach Tal": the list's lower-case variant
    "von Berg" took the preposition into the placeholder, and "Von" alone was a variant
    ("[Person 1] hier aus geht es")."""
    assert Pseudonymiser().pseudonymise(text, _LISTED)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laut Von Berg fehlt Geld.", "Laut [Person 1] fehlt Geld."),
        ("Von Berg sagte, es gehe.", "[Person 1] sagte, es gehe."),
        ("Jan von Berg kam spät.", "[Person 1] kam spät."),
        ("Den Hartog sagte, es gehe.", "[Person 1] sagte, es gehe."),
    ],
)
def test_the_listed_name_with_its_particle(text: str, expected: str) -> None:
    """As the list writes it, or as the full name, the particle stays in the name."""
    assert Pseudonymiser().pseudonymise(text, _LISTED)[0] == expected


@pytest.mark.parametrize(
    ("listed", "text", "expected"),
    [
        ("Lena Zur Mühlen", "Zur Mühlen kam spät.", "[Person 1] kam spät."),
        ("Anna Vom Hofe", "Vom Hofe kam spät.", "[Person 1] kam spät."),
        ("Lena Zur Mühlen", "Zur Info: Treffen am Montag.", "Zur Info: Treffen am Montag."),
        ("Hans Auf der Maur", "Auf der Straße spielen Kinder.", "Auf der Straße spielen Kinder."),
        ("Hans Auf der Maur", "Auf geht's!", "Auf geht's!"),
        ("Anna Vom Hofe", "Vom Park bis zur Schule.", "Vom Park bis zur Schule."),
        ("Hans Auf der Maur", "Auf der Maur kam spät.", "[Person 1] kam spät."),
    ],
)
def test_a_preposition_opening_a_listed_surname(listed: str, text: str, expected: str) -> None:
    """ "Zur Mühlen kam spät" of a listed Lena Zur Mühlen read "[Person 2] Mühlen": "Zur"
    was a name of its own ("Zur Info" became "[Person 1] Info"), the noun "Mühlen" alone
    stayed in clear. A preposition opening the surname is part of it, and no name alone."""
    assert Pseudonymiser().pseudonymise(text, [listed])[0] == expected
