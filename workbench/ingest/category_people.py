"""Known people named in a category value ("Gruppe": "Team Becker", "AG Schmidt").

A category (an attribute that is no sentence) is read for structured data, listed names
and names after a form of address only: a first name alone or a surname alone would take
category words for names ("Beruf": "Bauer", "Jahreszeit": "Winter" stay when the key knows
"Herr Uwe Bauer"). A person the key already knows is still a person in a category when
the value names them in full ("Jens Becker") or as the group they lead or give their name
to ("Team Becker", "AG Schmidt", "Arbeitskreis Yilmaz"): those words are replaced by the
person's placeholder, everything else stays as the category reading left it.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.ingest.name_gazetteer import fold
from workbench.ingest.person_keys import name_words
from workbench.ingest.pseudonymise import Pseudonymiser

# Words before a surname that make it the name of a group ("Team Becker"): folded.
GROUP_WORDS = frozenset(
    """
    team teams ag arbeitsgruppe projektgruppe kleingruppe gruppe ak arbeitskreis kreis
    runde gesprachsrunde stammtisch
    """.split()
)


def _group_word_before(text: str, start: int) -> bool:
    """Whether the word right before ``start`` is a group word ("Team ", "AG-")."""
    before = text[:start].rstrip(" -\u00a0")
    word = before.split()[-1] if before.split() else ""
    return fold(word.strip("„“\"'(:")) in GROUP_WORDS


def known_in_category(pseudonymiser: Pseudonymiser, text: str, names: Sequence[str]) -> str:
    """``text`` (a category value, already pseudonymised as one) with the people the key
    knows replaced where it names them in full or after a group word ("Team Becker")."""
    if not any(c.isupper() for c in text):
        return text
    known = pseudonymiser.known
    hits = [
        h
        for h in pseudonymiser.detect(text, names, prose=True)
        if h.kind == "person"
        and h.key
        and not known.keys().isdisjoint({("person", h.key), ("person", h.key.split()[-1])})
        and not text[h.start : h.end].startswith("[")
        and (len(name_words(text[h.start : h.end])) >= 2 or _group_word_before(text, h.start))
    ]
    out, cursor = [], 0
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.start < cursor:
            continue
        out += [text[cursor : hit.start], pseudonymiser.person(hit.key, text[hit.start : hit.end])]
        cursor = hit.end
    return "".join(out) + text[cursor:]
