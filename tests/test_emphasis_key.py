"""A name read inside Markdown emphasis ("FRAU **KAYA** sagt") enters the key as read,
without the marks."""

from __future__ import annotations

from workbench.ingest.emphasis_view import unmarked
from workbench.ingest.pseudonymise import Pseudonymiser


def test_the_key_holds_a_name_without_emphasis_marks() -> None:
    """ "FRAU **KAYA** sagt" was keyed as "FRAU **KAYA**": the key shows the name as read,
    and the text keeps the marks outside a name."""
    p = Pseudonymiser()
    assert p.pseudonymise("FRAU **KAYA** sagt, es fehlt Licht.")[0].startswith("[Person 1] sagt")
    assert p.pseudonymise("**Frau** Becker kam.")[0] == "[Person 2] kam."
    assert p.pseudonymise("Weil *Lehmann* meinte, es reiche.")[0].startswith("Weil *[Person 3]*")
    assert list(p.originals.values()) == ["FRAU KAYA", "Frau Becker", "Lehmann"]


def test_unmarked_keeps_stars_that_are_no_marks() -> None:
    """A gender star or an underscore inside a word stays."""
    assert unmarked("Bewohner*innen und Foto_Ewa") == "Bewohner*innen und Foto_Ewa"
    assert unmarked("***Frau Anna Becker***") == "Frau Anna Becker"
