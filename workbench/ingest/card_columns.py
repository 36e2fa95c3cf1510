"""A table's first column that holds cards, not labels of its rows (pure).

In a protocol's table under a heading, a first column of short entries labels the rows
("Thema", "Ort", "Wer": attribute ``Zeile``). A card query typed as a table has the cards
of its first question in that column too ("Herausforderungen | Ressourcen | Bedarfe",
short cards under each): its header names what the cards answer, a dimension of the
analysis or a question. Such a column is read as statements, like the others. Decision:
``docs/decisions/014-kartenspalten.md``.
"""

from __future__ import annotations

import re

from workbench.ingest.name_gazetteer import fold

# What the cards of a card query answer (folded, letters only): the analysis' dimensions
# and the words workshops use for them ("Stärken", "Wünsche"), also as the head of a
# compound ("Lösungsideen", "Förderbedarf") but not as its first part: "Zielgruppe",
# "Bedarfsfeld", "Problemfeld" label rows
_ANSWERS = re.compile(
    r"[a-z]*(?:herausforderung|ressource|bedarf|bedurfnis|leerstelle|begrundung|idee|wunsch|"
    r"wunsche|starke|schwache|problem|chance|risik|losung|vorschlag|vorschlage|massnahme|"
    r"anregung|kritik|hindernis|barriere|moglichkeit|sorge|ziel|angebot)(?:e|n|en|s|se|o)?"
)


def holds_cards(header: str) -> bool:
    """Whether a table's first column, by its header, holds cards (statements), no labels of
    the rows: the header names what cards answer, or asks.

    >>> [holds_cards(h) for h in ("Herausforderungen", "Was fehlt?", "Stärken", "Thema", "Ort")]
    [True, True, True, False, False]
    >>> [holds_cards(h) for h in ("Lösungsideen", "Ideen (Karten)", "Zielgruppe", "Bedarfsfeld")]
    [True, True, False, False]
    """
    if header.strip().endswith("?"):
        return True
    words = re.findall(r"[a-z]+", fold(re.sub(r"[(\[].*?[)\]]", "", header)))
    return bool(words) and _ANSWERS.fullmatch(words[0]) is not None
