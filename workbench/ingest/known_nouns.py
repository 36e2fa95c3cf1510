"""A surname the project's key knows that is also a German noun ("Sommer" of a Frau Anna
Sommer met in another workshop's or an earlier file's statement).

The key holds it from a full name or a form of address (:class:`NamedSurnames`); alone
it is the person where a listed name would be (:mod:`listed_nouns`: "Ich stimme Sommer
zu.", "Frag mal Sommer.", "Wie Koch meinte, …") and the noun where the sentence shows one
("im Sommer", "Mehr Sommer bitte", "Sommer 2024", "ein heißer Sommer", "der Koch" unless a
verb of a person follows). Opening a sentence it is the person only as its subject or
speaker ("Sommer hat recht", "Koch: …"; "Lange gewartet haben wir nicht", "Weiß jemand,
wann …" stay). A noun of the Wiktionary that no name list holds ("Rosenkranz", "Licht"
of a Maria Rosenkranz, an Anna Licht) is the person only as the speaker opening a
sentence ("Rosenkranz hat recht", "Licht meinte, …"; "Mehr Licht", "Licht fehlt im Park"
stay). It is replaced and shown for review: the key of a real project holds hundreds of
surnames, and a researcher decides with ``pseudonyms reject`` where nobody was meant.
Surnames that are words but no nouns ("Lang", "Jung": "Jung und Alt") and the name
lists' plurals ("Rosen blühen im Mai") keep the narrower rules of :func:`known_in_text`.
"""

from __future__ import annotations

import re
from itertools import pairwise

from workbench.ingest import name_lists as lists
from workbench.ingest.english_genitive import (
    apostrophe_owner,
    english_owned,
    owned_at,
    owner_at_line_end,
    unknown_owner,
)
from workbench.ingest.focus_surnames import focused_surname
from workbench.ingest.listed_nouns import is_noun_word, noun_context, speaks_after, word_use
from workbench.ingest.name_known import Finder, ordinary_word, short_word, singular_verb
from workbench.ingest.name_openers import CLAUSE_ADVERBS
from workbench.ingest.name_tokens import Tok
from workbench.ingest.noun_lexicon import is_german_noun
from workbench.ingest.pii_patterns import Hit

KNOWN_NOUN_CONFIDENCE = 0.7  # replaced, and shown for review
# "hat recht" before a word it qualifies ("hat recht viel/wenig/große …"): "quite", not
# being right; a clause after "recht" starts with a conjunction or preposition
_QUITE = re.compile(
    r"[ \u00a0]*(?:hat|hatte)[ \u00a0]+recht[ \u00a0]+"
    r"(?!(?:und|aber|oder|damit|mit|wenn|dass|als|auch|doch|ja|in|bei|so|da|weil|nur)\b)"
    r"[a-zäöüß]"
)


def known_noun(finder: Finder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """A noun surname of the key, met with a first name or a form of address, standing
    alone where no noun stands ("Ich stimme Sommer zu." after "Frau Anna Sommer")."""
    tok = toks[i]
    key = finder.known.get(tok.lower)
    if key is None:  # "Becker's Idee", "Auch Becker kam." of no key
        return _english_genitive(finder, text, tok, i) or focused_surname(finder, text, toks, i)
    if key != tok.lower or key not in finder.named:
        return None
    word = tok.text
    if short_word(tok) or not (word[0].isupper() and word[1:].islower()):
        return None  # "SOMMER" in a heading, "sommer" in a chat: left to other rules
    if finder.blocked(tok):
        return None  # a protected or rejected word
    if not ordinary_word(word):
        # no word ("Becker"): known_word's; a noun of no name list ("Rosenkranz", "Licht")
        # only as the speaker opening a sentence ("Rosenkranz hat recht", "Licht meint, …")
        speaker = (i == 0 or tok.sentence_start) and speaks_after(text, tok.end)
        if speaker and _QUITE.match(text, tok.end):
            return None  # "Licht hat recht viel mit Sicherheit zu tun": "recht" is "quite"
        speaker = speaker or _cited(text, toks, i) or _apostrophe_owner(text, tok)
        return _speaking_noun(finder, tok, key, i) if speaker else None
    if not (tok.folded in lists.NOUN_SURNAMES or is_noun_word(word)):
        return None  # "Lang", "Jung": known_in_text's
    if tok.folded in lists.NOUN_FIRST_NAMES:
        return None  # a plural ("Rosen blühen im Mai"): known_in_text's
    if text[tok.end : tok.end + 1] in ("-", "/") or text[tok.start - 1 : tok.start] in (
        "-",
        "/",
        "(",
    ):
        return None  # "Sommer-Fest", "Klein-Kinder", "Import/Winter", "(Sommer)"
    if _after_noun_preposition(text, toks, i) or _beside_a_noun(finder, text, toks, i):
        return None  # "in Weiß gehalten", "im Frühjahr und Sommer", "Groß und Klein"
    if _after_place_adjective(finder, text, toks, i):
        return None  # "im Ottenser Kern", "der Opladener Sommer"
    match = re.compile(re.escape(word)).match(text, tok.start)
    if match is None or word_use(text, match, word):
        return None  # "der Koch" (not "Der Koch sagt"), "bis Sommer", "St. Martin"
    if noun_context(text, tok.start, tok.end):
        return None  # "Mehr Sommer bitte", "Sommer 2024", "ein heißer Sommer"
    if finder._institution_after(text, toks, i):
        return None  # "Koch Straße"
    if (i == 0 or tok.sentence_start) and not _opens_as_person(text, toks, i):
        return None  # "Lange gewartet haben wir nicht", "Weiß jemand, wann …"
    return Hit(tok.start, tok.end, "person", key, KNOWN_NOUN_CONFIDENCE, word), i


# "Rosenkranz's Idee", "Vogel’s Vorschlag": an apostrophe-s before the noun owned
_ENGLISH_GENITIVE = re.compile(r"(?<=\w)['’]s(?=[ \u00a0]+[A-ZÄÖÜ][a-zäöüß])")


def _english_genitive(finder: Finder, text: str, tok: Tok, i: int) -> tuple[Hit, int] | None:
    """A surname of the key, met with a first name or a form of address, in a genitive
    written as in English before what it owns ("Rosenkranz's Idee", "Koch's Vorschlag"):
    no German noun takes it, so it is the person; the apostrophe-s stays outside the
    placeholder ("[Person 1]'s Idee")."""
    if not tok.text.endswith(("'s", "’s")):
        return None  # no apostrophe-s: most words (none of the key's stem looked up)
    at = owned_at(text, tok)  # "Merle's und Tom's Idee": what both own
    owner = _ENGLISH_GENITIVE.match(text, at) or english_owned(text, at)
    stem = tok.text[:-2]
    if len(stem) < 3 or not (stem[0].isupper() and stem[1:].islower()):
        return None
    key = finder.known.get(stem.lower())
    if key is None:  # "Becker's Idee" of no key, "Die Notiz ist von Sabine's"
        return unknown_owner(finder, text, tok, i)
    if owner is None and apostrophe_owner(tok) and key == stem.lower():
        return owner_at_line_end(finder, text, tok, i)  # "… von Sabine's" of the key
    if owner is None or key != stem.lower() or key not in finder.named:
        return None
    return Hit(tok.start, tok.end - 2, "person", key, KNOWN_NOUN_CONFIDENCE, stem), i


def _speaking_noun(finder: Finder, tok: Tok, key: str, i: int) -> tuple[Hit, int] | None:
    """The hit of a noun of the Wiktionary that no name list holds, as a speaker: what
    :func:`~workbench.ingest.name_known.known_word` leaves, as it may be the noun."""
    if finder.is_surname(tok) or finder.is_first(tok) or finder.is_foreign(tok):
        return None
    if not is_german_noun(tok.folded) or tok.folded in lists.NOUN_FIRST_NAMES:
        return None
    return Hit(tok.start, tok.end, "person", key, KNOWN_NOUN_CONFIDENCE, tok.text), i


def _opens_as_person(text: str, toks: list[Tok], i: int) -> bool:
    """Whether the word ``toks[i]`` opening a sentence is its subject or its speaker: a
    finite verb in the singular, a colon, a comma, a bracket or "und" follows ("Sommer
    fehlt heute", "Koch: …", "Koch (Jugendamt) …", "Sommer und Becker kamen")."""
    if singular_verb(text, toks, i) or _apostrophe_owner(text, toks[i]):
        return True  # "Sommer fehlt heute", "Strauß' Vorschlag war gut"
    after = text[toks[i].end :].lstrip(" \u00a0")
    return after[:1] in (":", ",", "(") or after.startswith("und ")


# Participles after "mit" and a person ("Ich habe mit Rosenkranz gesprochen")
_WITH_PARTICIPLES = frozenset("gesprochen telefoniert geredet abgesprochen besprochen".split())
_GENITIVE_APOSTROPHE = re.compile(r"['’][ \u00a0]+[A-ZÄÖÜ]")


def _cited(text: str, toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` follows "laut" as a person's word cited ("Laut Rosenkranz fehlt
    Geld"), or "mit" before a participle of speaking ("mit Rosenkranz gesprochen")."""
    if (
        i == 0
        or text[toks[i - 1].end : toks[i].start] != " "
        or noun_context(text, toks[i].start, toks[i].end)
    ):
        return False
    prev, nxt = toks[i - 1].folded, toks[i + 1] if i + 1 < len(toks) else None
    if prev == "laut":
        return nxt is not None and text[toks[i].end : nxt.start] == " " and nxt.text.islower()
    if prev != "mit" or nxt is None or text[toks[i].end : nxt.start] != " ":
        return False
    if nxt.folded in _WITH_PARTICIPLES:
        return True
    # "mit Rosenkranz kurz gesprochen": an adverb between, no second person ("und");
    # "mit Rosenkranz noch mal gesprochen": two, both adverbs or pronouns of the list
    for k in (i + 2, i + 3):
        between, after = toks[i + 1 : k], toks[k] if k < len(toks) else None
        if after is None or any(text[a.end : b.start] != " " for a, b in pairwise(between)):
            return False
        if len(between) > 1 and any(t.lower not in CLAUSE_ADVERBS for t in between):
            return False
        if not all(t.text.isalpha() and t.text.islower() and t.lower not in _AND for t in between):
            return False
        if after.folded in _WITH_PARTICIPLES and text[between[-1].end : after.start] == " ":
            return True
    return False


def _apostrophe_owner(text: str, tok: Tok) -> bool:
    """Whether the name ``tok`` ending in a sibilant owns what follows by an apostrophe
    ("Strauß' Vorschlag", "Fuchs' Idee"): only a name takes it."""
    sibilant = tok.text.endswith(("s", "ß", "x", "z"))
    return sibilant and bool(_GENITIVE_APOSTROPHE.match(text, tok.end))


# Prepositions before a noun without an article ("in Weiß", "aus Holz", "seit Winter");
# after "mit", "von", … a singular noun needs one: "mit Koch reden" is the person
_BARE_NOUN_PREPOSITIONS = frozenset("in aus auf unter zwischen durch seit".split())
_AND = frozenset(("und", "oder", "sowie"))


def _after_noun_preposition(text: str, toks: list[Tok], i: int) -> bool:
    """Whether a preposition that takes a bare noun stands right before ``toks[i]``."""
    prev = toks[i - 1] if i else None
    return (
        prev is not None
        and prev.lower in _BARE_NOUN_PREPOSITIONS
        and text[prev.end : toks[i].start] == " "
    )


def _beside_a_noun(finder: Finder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` is listed after a word of the language, no name of the key
    ("im Frühjahr und Sommer", "Frühjahr, Sommer", "Groß und Klein", also if the key holds
    "Groß" from a word met alone); after a name it stays the person ("Becker und Sommer
    kamen")."""
    if i and toks[i - 1].lower in _AND and text[toks[i - 1].end : toks[i].start] == " ":
        other = toks[i - 2] if i >= 2 else None
        gap = text[other.end : toks[i - 1].start] if other is not None else ""
    elif i and text[toks[i - 1].end : toks[i].start] in (",", ", "):
        other, gap = toks[i - 1], " "
    else:
        return False
    if other is None or gap != " " or not other.text[:1].isupper() or other.text.isupper():
        return False
    held = finder.known.get(other.lower)
    named = held is not None and (held in finder.named or not ordinary_word(other.text))
    if named and not _adjective_surname(other):
        return False  # a name of the key ("Becker und Sommer"), not a word met alone
    if finder.is_first(other):
        return False
    noun = is_german_noun(other.folded) and not finder.names.has_last(other.text)
    return noun or ordinary_word(other.text)


def _adjective_surname(tok: Tok) -> bool:
    """Whether the key's name ``tok`` is a word but no noun ("Groß", "Jung", "Lang"): in
    "Groß und Klein", "Jung und Alt" the pair is the phrase, even if the key knows a Herr
    Tim Groß."""
    return ordinary_word(tok.text) and not (
        tok.folded in lists.NOUN_SURNAMES or is_noun_word(tok.text)
    )


def _after_place_adjective(finder: Finder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether an adjective of a place stands right before ``toks[i]`` ("Ottenser",
    "Opladener"): capitalised, ending in "-er", no noun, no first name, no name of the key."""
    prev = toks[i - 1] if i else None
    if prev is None or text[prev.end : toks[i].start] != " " or prev.sentence_start:
        return False
    word = prev.text
    if len(word) < 5 or not (word[0].isupper() and word[1:].islower()) or not word.endswith("er"):
        return False
    if is_german_noun(prev.folded) or finder.is_first(prev) or prev.lower in finder.known:
        return False
    return not finder.names.has_last(word)
