"""Names only guessed in texts no researcher reviews: participants' comments, memos.

An import shows uncertain name candidates in the review queue, and a researcher's
decision puts a word back or confirms it. A participant's comment (stored pseudonymised,
without its original) and a memo in an export have no such queue: a single word the rules
take for a name ("Rosen statt Beton", "Sagt Jasmin", "laut Krämer") entered the key as a
person, and every later import linked the word to that person under the same number.

:class:`NotePseudonymiser` adds a new person to the key only where the text names them
for sure: listed or confirmed, or found with certainty in more than one word (a form of
address, first and surname: "Frau Kaya", "Dragan Petrović"). Any other name becomes
:data:`UNSURE` — replaced, without a number, without a key entry. A person the key knows
keeps their number, however the text writes them ("Danke an Kaya").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from workbench.ingest.pii_patterns import Hit
from workbench.ingest.pseudonymise import REVIEW_BELOW, Pseudonymiser

# A name a note gives only by a guess, unknown to the key: no number, no key entry
UNSURE = "[Person]"


@dataclass
class NotePseudonymiser(Pseudonymiser):
    """The project's pseudonymiser for texts without review: a guessed name unknown to the
    key becomes :data:`UNSURE` and stays out of the key; everything else as at an import."""

    unsure: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    def detect(
        self, text: str, names: Iterable[str] = (), prose: bool = True, seen: Iterable[str] = ()
    ) -> list[Hit]:
        """The hits of ``text``; remembers the person keys it names only by a guess."""
        hits = super().detect(text, names, prose, seen)
        people = [h for h in hits if h.kind == "person"]
        sure = {h.key for h in people if _sure(h, text)}
        self.unsure = frozenset(h.key for h in people) - sure
        return hits

    def person(self, key: str, original: str) -> str:
        """The person's placeholder; :data:`UNSURE` for a guessed name the key does not know."""
        if key in self.unsure and ("person", self._person_key(key, original)) not in self.known:
            return UNSURE
        return super().person(key, original)


def _sure(hit: Hit, text: str) -> bool:
    """Whether a person hit names someone for sure: listed or confirmed, or found with
    certainty in more than one word (a form of address, first and surname)."""
    words = text[hit.start : hit.end].split()
    return hit.confidence >= 1.0 or (hit.confidence >= REVIEW_BELOW and len(words) > 1)
