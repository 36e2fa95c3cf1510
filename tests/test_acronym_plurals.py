"""An acronym's plural that reads like a first name is no person: "ELs", and "Els" beside
"CLs" (execution- and consensus-layer clients in a Zoom chat)."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


@pytest.mark.parametrize(
    "text",
    [
        "Notice that you guys are calling Els only but CLs have now a strong saying",
        "Ask ELs and CLs about the gas limit.",
        "calling ELs only",
        "JOs said nothing.",
    ],
)
def test_an_acronym_plural_is_no_person(text: str) -> None:
    p = Pseudonymiser()
    assert p.pseudonymise(text, [])[0] == text
    assert not p.new


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We met Els today.", "We met [Person 1] today."),
        ("Els said the PRs are merged.", "[Person 1] said the PRs are merged."),
        ("Jos reviewed the PRs.", "[Person 1] reviewed the PRs."),
    ],
)
def test_a_first_name_beside_other_acronyms_stays_a_person(text: str, expected: str) -> None:
    assert Pseudonymiser().pseudonymise(text, [])[0] == expected
