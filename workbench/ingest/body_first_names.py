"""A word of an association or a shop that is a first name too ("Awo", "Penny") before a
surname of the gazetteer: her first name ("Awo Mensah sagt, …", "Laut Penny Schmidt …").

The word stays the body's where it is written as one ("AWO Mensah"), after an article
("die Awo Müller …") and before a place, a district or what no surname list knows ("Awo
Manfort", "Awo Opladen sagt", "Penny Markt"); decision record 021 keeps it the body's
after a cue ("laut Awo"). A miss leaks a surname in clear, which the body's word beside
it would not hide.

An association's word in capitals ("AWO", "NABU", "VdK") opening a clause, perhaps with
its article, before such a surname and a speech verb stays the body's, the surname is the
person speaking for it ("AWO Mensah sagt, …" → "AWO [Person 1] sagt, …").
"""

from __future__ import annotations

from typing import Protocol

from workbench.ingest import name_lists as lists
from workbench.ingest.name_affiliation import speech_verb
from workbench.ingest.name_known import Finder as KnownFinder
from workbench.ingest.name_openers import opens_clause
from workbench.ingest.name_tokens import Tok, last_char
from workbench.ingest.noun_lexicon import is_place_name
from workbench.ingest.pii_patterns import Hit


class Finder(KnownFinder, Protocol):
    """What this rule uses of :class:`workbench.ingest.names.PersonFinder`: the known-name
    rules' view of it and the hit it builds."""

    def _hit(
        self, text: str, toks: list[Tok], start: int, i: int, last: int, surname: int | None,
        confidence: float, word: str = "",
    ) -> tuple[Hit, int] | None:  # fmt: skip
        """The hit of the name from ``toks[i]`` to ``toks[last]``."""


def body_first_name(finder: Finder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """The person whose first name ``toks[i]`` is also a body's word ("Awo", "Penny"),
    written as a name, with a surname of the gazetteer one blank after it that is no place
    or district ("Awo Mensah sagt", "Frau Awo Mensah"); not "AWO Mensah", "die Awo Müller",
    "Awo Manfort", "Penny Müller Straße"."""
    tok = toks[i]
    if tok.folded not in lists.INSTITUTION_NOUNS or not tok.text[1:].islower():
        return None
    if i + 1 >= len(toks) or text[tok.end : toks[i + 1].start] != " " or not finder.is_first(tok):
        return None
    nxt = toks[i + 1]
    if not finder.is_surname(nxt) or nxt.folded in finder.protected or is_place_name(nxt.folded):
        return None
    prev = toks[i - 1] if i else None
    if prev is not None and prev.lower in lists.ARTICLES:
        return None  # "die Awo Müller": the body's
    if finder._institution_after(text, toks, i + 1):
        return None  # "Penny Müller Straße"
    addressed = prev is not None and prev.lower in lists.TITLES and prev.end + 1 == tok.start
    start = prev.start if prev is not None and addressed else tok.start
    return finder._hit(text, toks, start, i, i + 1, i + 1, 0.85)


def body_member(finder: Finder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """The surname of the gazetteer one blank after an association's word written in
    capitals (``toks[i]``: "AWO", "NABU", "VdK") that opens its sentence or clause, before a
    speech verb ("AWO Mensah sagt, …", "Dazu: NABU Becker meint …"): the person speaking
    for the body, which stays, also after the body's article ("Die AWO Mensah sagt"); after
    a cue, also with the body's article between, a surname the lists know as no word, with
    no verb ("Danke für AWO Mensah.", "Mit der AWO Mensah."); not "AWO Manfort sagt",
    "AWO Ortsverein sagt", "mit der AWO Leverkusen", "bei der AWO Kita" (no surname)."""
    tok, nxt = toks[i], toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or text[tok.end : nxt.start] != " " or tok.text[1:].islower():
        return None
    if tok.folded not in lists.ASSOCIATION_WORDS and not (
        tok.text.isupper() and tok.folded in lists.INSTITUTION_NOUNS
    ):
        return None
    # "Die AWO Mensah sagt": the article is the body's ("die AWO"), she speaks for it
    at = i - 1 if i and toks[i - 1].lower in _BODY_ARTICLES else i
    opening = toks[at].sentence_start or last_char(text, toks[at].start) in (",", ":")
    # "Danke für AWO Mensah", "Mit der AWO Mensah.": her, the body stays
    cued = _cue_before(text, toks, i) or (at < i and _cue_before(text, toks, at))
    if not (cued or opening or opens_clause(text, toks, at)):
        return None  # "Das ist der AWO Mensah …": no cue, no clause's start
    folded = nxt.folded
    if not finder.names.has_last(nxt.text) or nxt.text.isupper() or finder.blocked(nxt):
        return None
    if is_place_name(folded) or folded in lists.LOCAL_NAMES or folded in finder.protected:
        return None  # "AWO Manfort sagt", "NABU Leverkusen meint"
    sure = finder.is_surname(nxt) or finder.is_foreign(nxt)
    # "AWO Mensah SAGT, …": the verb of a text in capitals (the view wrote the name only)
    says = speech_verb(text, toks, i + 2, sure) or _says_in_capitals(text, toks, i + 2)
    if not (cued and sure) and not says:
        return None
    return finder._hit(text, toks, nxt.start, i + 1, i + 1, i + 1, 0.85)


# The body's article between a cue and its word ("mit der AWO", "an den NABU")
_BODY_ARTICLES = frozenset(("die", "der", "dem", "den"))
# Cues before an association's word in capitals and the surname of who speaks for it
_CUES = (lists.STRONG_CUES | lists.WEAK_CUES) - {"und", "oder", "sowie", "samt", "neben", "zu"}


def _says_in_capitals(text: str, toks: list[Tok], k: int) -> bool:
    """Whether ``toks[k]``, one blank after the surname, is a speech verb in capitals."""
    if k >= len(toks) or text[toks[k - 1].end : toks[k].start] != " ":
        return False
    return toks[k].text.isupper() and toks[k].folded in lists.SPEECH_VERBS


def _cue_before(text: str, toks: list[Tok], i: int) -> bool:
    """Whether a cue stands one blank before ``toks[i]`` ("Danke für AWO", "laut NABU")."""
    return i > 0 and toks[i - 1].folded in _CUES and text[toks[i - 1].end : toks[i].start] == " "
