"""Where a person named at a sentence's start belongs, before what she does: "Quirin
Zabelberg vom Sportverein hat …", "Okke Gerdes aus der Nachbarschaft kommt …" (a rule of
:func:`workbench.ingest.name_pairs.unlisted_pair`, which asks for the verb after a name)."""

from __future__ import annotations

from workbench.ingest.name_known import singular_verb
from workbench.ingest.name_tokens import Tok

# Prepositions that say where a person belongs, and the articles that may follow them
_FROM = frozenset(("vom", "von", "aus", "beim", "bei"))
_ARTICLES = frozenset(("der", "dem", "den"))


def affiliated_verb(text: str, toks: list[Tok], i: int) -> bool:
    """Whether after ``toks[i]`` stand a preposition of belonging, perhaps an article, one
    capitalised noun and a finite verb in the singular ("… vom Sportverein hat", "… aus der
    Nachbarschaft kommt"; not "… vom Sportverein haben", "… von Montag bis")."""
    k = i + 1
    if k >= len(toks) or toks[k].text not in _FROM or text[toks[i].end : toks[k].start] != " ":
        return False
    k += 1
    if k < len(toks) and toks[k].text in _ARTICLES and toks[k - 1].text in ("von", "aus", "bei"):
        k += 1
    if (
        k >= len(toks)
        or not toks[k].text[:1].isupper()
        or text[toks[k - 1].end : toks[k].start] != " "
    ):
        return False
    return singular_verb(text, toks, k)
