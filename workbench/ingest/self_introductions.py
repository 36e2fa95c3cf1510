"""A first name a person introduces themselves with, as typed in a chat ("lea hier",
"ich heiße jana"; a rule of :class:`workbench.ingest.names.PersonFinder`, moved out of
:mod:`workbench.ingest.name_known`, near its size limit)."""

from __future__ import annotations

import re
from dataclasses import replace

from workbench.ingest import name_lists as lists
from workbench.ingest.name_known import ORDINARY, Finder
from workbench.ingest.name_tokens import Tok
from workbench.ingest.noun_lexicon import is_german_noun, is_place_name
from workbench.ingest.pii_patterns import Hit

# A chat message opens with a greeting before a self-introduction ("hallo, lea hier")
_GREETINGS = frozenset("hallo hallochen hi hey huhu moin servus nabend abend tag".split())
# Words before a name a person introduces themselves with, as typed in chats
_TYPED_INTRODUCTIONS = frozenset(
    (("ich", "heisse"), ("ich", "heiss"), ("name", "ist"), ("hier", "ist"), ("ich", "bin"))
)
# What follows such a name: the end of the clause, "und", "aus", "von", "hier"
_AFTER_SELF = re.compile(r"\s*(?:$|[.,!?:;)–-]|(?:und|aus|von|vom|hier|übrigens|mit)\b)")
# … and a nickname's ending ("tobi", "nico", "jessi"), where the gazetteer lacks it
_NICKNAME_END = re.compile(r"(?:[^e]i|y|o)$")
_NOT_NICKNAME = frozenset("mama papa mami papi oma opa azubi profi promi hallo".split())


def self_introduced(finder: Finder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """A first name a person introduces themselves with as typed in a chat: "lea hier, …",
    "hallo, Tobi hier aus der Jugendgruppe", "ich heiße jana", "hier ist lea" — a first
    name of the gazetteer, one spelled like a foreign name or a nickname ("tobi"), no
    German word ("genau hier", "Kita hier", "ich bin müde")."""
    tok = toks[i]
    word = tok.text
    if not word.isalpha() or finder.blocked(tok) or tok.folded in ORDINARY:
        return None
    if word.islower() and not (lists.lower_case_name_ok(word) or lists.short_name_ok(word)):
        return None
    if word.isupper():
        return None
    here = _introduces_here(text, toks, i)
    if not here and not _after_introduction(text, toks, i):
        return None
    if not word.islower() and (is_german_noun(tok.folded) or is_place_name(tok.folded)):
        return None  # "Kiosk hier.", "Monaco hier.": a noun or a place, as written
    title = replace(tok, text=word[:1].upper() + word[1:])
    nickname = (
        here
        and _NICKNAME_END.search(tok.folded) is not None
        # a first name shortened ("Tobi hier.", "basti hier": Tobias, Bastian); else only as
        # typed in lower case ("tobi hier"; "Tchibo hier.", "Kiko hier." name shops), no
        # noun with an ending ("kiosko")
        and (
            finder.names.extends_first(word)
            or (word.islower() and not is_german_noun(tok.folded[:-1]))
        )
        and tok.folded not in _NOT_NICKNAME
        and not is_german_noun(tok.folded)
        and lists.lower_case_name_ok(word.lower())
    )
    if not (finder.is_first(title) or finder.is_foreign(title) or nickname):
        return None
    return Hit(tok.start, tok.end, "person", tok.lower, 0.8, word), i


def _introduces_here(text: str, toks: list[Tok], i: int) -> bool:
    """Whether token ``i`` opens its message or clause, or follows a greeting, and
    "hier" follows it, then the clause ends ("lea hier, …", "moin, jens hier")."""
    if i + 1 >= len(toks) or toks[i + 1].lower != "hier":
        return False
    if text[toks[i].end : toks[i + 1].start] != " ":
        return False
    if _AFTER_SELF.match(text, toks[i + 1].end) is None:
        return False
    if i == 0:
        return not text[: toks[i].start].strip(" \t\"'„“")
    gap = text[toks[i - 1].end : toks[i].start]
    return bool(re.search(r"[.!?:;\n]", gap)) or (
        toks[i - 1].folded in _GREETINGS and gap.strip(" ,!") == ""
    )


def _after_introduction(text: str, toks: list[Tok], i: int) -> bool:
    """Whether typed introduction words stand right before token ``i`` ("ich heiße",
    "mein name ist", "hier ist", "ich bin") and the clause ends after it."""
    if i < 2 or text[toks[i - 1].end : toks[i].start] != " ":
        return False
    if text[toks[i - 2].end : toks[i - 1].start] != " ":
        return False
    if (toks[i - 2].folded, toks[i - 1].folded) not in _TYPED_INTRODUCTIONS:
        return False
    return _AFTER_SELF.match(text, toks[i].end) is not None
