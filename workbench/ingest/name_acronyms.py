"""Acronyms' plurals that are spelled like a first name ("ELs", "Els" beside "CLs"):
no person (:mod:`workbench.ingest.names`)."""

from __future__ import annotations

import re

from workbench.ingest.name_tokens import Tok

_ACRONYMS = re.compile(r"(?<![\w-])([A-ZÄÖÜ])([A-ZÄÖÜ])s(?![\w-])")  # "CLs", "PRs"


def acronym_plural(text: str, tok: Tok) -> bool:
    """Whether a first name of three letters is an acronym's plural: written so ("ELs",
    "JOs"), or "Els" beside another one of the same ending ("calling Els only but CLs
    have …": execution-layer clients, as "CLs" are consensus-layer ones)."""
    word = tok.text
    if len(word) != 3 or not word.endswith("s") or not word[0].isupper():
        return False
    if word[1].isupper():
        return True
    return any(m[2] == word[1].upper() and m[1] != word[0] for m in _ACRONYMS.finditer(text))
