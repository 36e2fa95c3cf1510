"""An institution's noun after a listed surname and a hyphen stays in the plural and the
genitive as in the singular ("die Ford-Werke" as "das Ford-Werk")."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser

_LISTED = ["Tom Ford", "Jan Kowalski", "Jan Bayer"]


@pytest.mark.parametrize(
    "text",
    [
        "Die Ford-Werke in Köln stellen um.",
        "Die Kowalski-Schulen sind zu.",
        "Die Kowalski-Hallen stehen leer.",
        "Die Ford-Werke und das Ford-Werk.",
    ],
)
def test_plural_institutions_stay(text: str) -> None:
    """ "Die Ford-Werke" of a listed Tom Ford became "[Person 1]-Werke", though "das
    Ford-Werk" stayed: the institution's noun was known only in the singular."""
    assert Pseudonymiser().pseudonymise(text, _LISTED)[0] == text


def test_other_plurals_still_name_the_person() -> None:
    """A plural noun of no institution keeps the listed name replaced."""
    got = Pseudonymiser().pseudonymise("Die Kowalski-Anträge und Ford-Ideen.", _LISTED)[0]
    assert got == "Die [Person 1]-Anträge und [Person 2]-Ideen."
