"""Attribute values pseudonymised once per import, not once per row.

A survey of 30,000 rows repeats its answers ("Stimme eher zu", "18–25", "Manfort") in
every row, and a row with four open answers gives four statements with the same
attributes: pseudonymising each value again took two thirds of a big import. A value's
result depends only on the value, the name list and the pseudonymiser's key and review
decisions, so it is kept while these stay the same; a value whose own pseudonymisation
added a person to the key is not kept (the next one is read with the bigger key), and
once the key has grown every kept result is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.ingest.category_people import known_in_category
from workbench.ingest.pseudonymise import Pseudonymiser


class FieldMemo:
    """Pseudonymise attribute values through one :class:`Pseudonymiser`, each value once
    while its key and decisions do not change."""

    def __init__(self, pseudonymiser: Pseudonymiser) -> None:
        self.pseudonymiser = pseudonymiser
        self._state: tuple[object, ...] | None = None
        self._names: Sequence[str] | None = None
        self._kept: dict[tuple[str, bool], str] = {}

    def _now(self) -> tuple[object, ...]:
        p = self.pseudonymiser  # the key only grows: its size says whether it changed
        return (len(p.known), len(p.confirmed), p.rejected, p.protected, p.protected_phrases)

    def pseudonymise(self, text: str, names: Sequence[str], prose: bool) -> str:
        """``text`` with personal data replaced, as :meth:`Pseudonymiser.pseudonymise`; a
        category (``prose`` false) also loses the known people it names in full or as a
        group ("Team Becker": :mod:`workbench.ingest.category_people`)."""
        state = self._now()
        if state != self._state or names is not self._names:
            self._state, self._names, self._kept = state, names, {}
        kept = self._kept.get((text, prose))
        if kept is not None:
            return kept
        out = self.pseudonymiser.pseudonymise(text, names, prose)[0]
        if not prose:
            out = known_in_category(self.pseudonymiser, out, names)
        if self._now() == state:  # nothing new in the key: the same value reads the same
            self._kept[text, prose] = out
        return out
