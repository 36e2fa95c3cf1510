""" "Can" (a Turkish first name) opening an English question before its subject is the verb
("Can you share the slides?"), listed or not; "Can geht nach Hause" is Can."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    "text",
    ["Can you share the slides?", "Thanks. Can we meet on Friday?", "Can I ask a question?"],
)
@pytest.mark.parametrize("names", [[], ["Can Yilmaz"]])
def test_can_opening_an_english_question_stays(text: str, names: list[str]) -> None:
    p = Pseudonymiser()
    assert p.pseudonymise(text, names)[0] == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Can geht nach Hause.", "[Person 1] geht nach Hause."),
        ("Can, kannst du kommen?", "[Person 1], kannst du kommen?"),
        ("Danke Can!", "Danke [Person 1]!"),
    ],
)
@pytest.mark.parametrize("names", [[], ["Can Yilmaz"]])
def test_can_the_person_is_replaced(text: str, expected: str, names: list[str]) -> None:
    assert Pseudonymiser().pseudonymise(text, names)[0] == expected
