"""Where a listed name's hit meets the rules' hits: a particle a rule read before it, a hit
inside another (:class:`workbench.ingest.pseudonymise.Pseudonymiser`)."""

from __future__ import annotations

from workbench.ingest.name_lists import PARTICLES
from workbench.ingest.pii_patterns import Hit


def particle_before_listed(text: str, hit: Hit, inner: list[Hit], names: tuple[str, ...]) -> bool:
    """Whether ``hit`` is a listed name with a word before it that a rule read as the
    particle of a surname ("Da Silva sagt", "Von Weizsäcker meint"), though the list names
    the person without it: "Da Hartkopf sagte, …" (the conjunction) of a Gregor Hartkopf,
    "Von Da Silva sagte, …" of a Maria Da Silva ("Von"); not where a listed name has it."""
    if not inner or hit.kind != "person":
        return False
    listed = max(inner, key=lambda h: h.end - h.start)
    if listed.end != hit.end or listed.start <= hit.start:
        return False
    before = text[hit.start : listed.start]
    if not before.endswith(" ") or not all(w.lower() in PARTICLES for w in before.split()):
        return False
    surname = text[listed.start : listed.end].lower()
    words = [name.lower().split() for name in names]
    listed_words = {word for name in words if surname in name for word in name}
    return not any(word.lower() in listed_words for word in before.split())


def inside_any(hit: Hit, others: list[Hit]) -> bool:
    """Whether ``hit`` lies inside one of ``others``."""
    return any(o.start <= hit.start and hit.end <= o.end for o in others)
