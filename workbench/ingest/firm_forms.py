"""Firms named after a surname: the legal form after the name says whose name it is
(decision record 021).

- The form of a legal person ("Müller GmbH", "Schulz mbH", "Meyer SE", "Krüger KGaA",
  "Becker UG (haftungsbeschränkt)", "Schröder eG", "Krause e. V.", "Lange Stiftung",
  "Otto Konzern", "Weber Holding", "Otto Group", "Fischer GmbH & Co. KG"): the name is
  the organisation's, kept whole like "Bosch GmbH".
- The form of a business whose owner is liable with her own name ("Wagner e. K.", "Meyer
  OHG", "Müller KG", "Becker GbR", "Schmidt & Co. KG", "Schulz & Partner"): the name is
  the owner's, a natural person's; it is replaced, the form stays ("[Person 1] KG").
"""

from __future__ import annotations

import re
from typing import Protocol

from workbench.ingest.name_gazetteer import Gazetteer
from workbench.ingest.name_tokens import Tok
from workbench.ingest.noun_lexicon import is_german_noun
from workbench.ingest.pii_patterns import Hit

# Right after the name (case as written: "EG" is a ground floor, "eG" a cooperative)
_LEGAL_PERSON = re.compile(
    r"[ \u00a0](?:g?GmbH|mbH|AG|SE|KGaA|eG|e\.[ \u00a0]?V\.|UG|Stiftung|Holding|Konzern|"
    r"Group)(?![\w-])"
)
# the partners' words written out ("Becker und Söhne"): also an ordinary pair of nouns
# ("Kinder und Partner kamen", "Unsere Meister und Partner helfen")
_WRITTEN_OUT = re.compile(r"[ \u00a0]und[ \u00a0]")
_OWNER_LIABLE = re.compile(
    r"[ \u00a0](?:e\.[ \u00a0]?K(?:fm|fr|m)?\.|OHG|KG|GbR|PartG(?:mbB)?)(?![\w-])"
    r"|[ \u00a0](?:&|und)[ \u00a0](?:Co\.?|Partner|Partnerin|Söhne|Sohn|Töchter)(?![\w-])"
)


def firm_form(text: str, end: int) -> bool | None:
    """Whether the name ending at ``end`` is a legal person's (True), the owner's of a
    business she is liable for (False), or followed by no legal form (None)."""
    if _LEGAL_PERSON.match(text, end):
        return True
    if _OWNER_LIABLE.match(text, end):
        return False
    return None


class PersonFinder(Protocol):
    """What this rule uses of :class:`workbench.ingest.names.PersonFinder`."""

    names: Gazetteer

    def blocked(self, tok: Tok, named: bool = False) -> bool:
        """Never part of a name."""


def firm_owner(finder: PersonFinder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """A surname of the gazetteer right before the form of a business whose owner is
    liable with her own name ("Die Müller KG baut", "bei Wagner e. K."), also one that is
    a word too ("Fischer OHG", "Lange & Co."): the owner."""
    tok = toks[i]
    if (
        not finder.names.has_last(tok.text)
        or finder.blocked(tok)
        or firm_form(text, tok.end) is not False
        or (_WRITTEN_OUT.match(text, tok.end) and is_german_noun(tok.folded))
    ):
        return None  # "Kinder und Partner kamen": two nouns, no firm
    return Hit(tok.start, tok.end, "person", tok.lower, 0.85), i
