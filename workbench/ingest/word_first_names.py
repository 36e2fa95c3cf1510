"""First names that are German function words or months before a surname ("Nur Kaya",
"An Nguyen", "Davor Horvat", "Danke an August Kaya"): a rule of
:class:`workbench.ingest.names.PersonFinder`, which passes itself as ``finder``.

Such a word is never a name alone (it is blocked as a function word or a date), so the
surname after it stood alone or, where no other rule took it, the whole name stayed in
clear ("Frau Nur Kaya kam."). The word is the first name where what stands around it says
so, and the surname is one of the gazetteer that is no German word, or spelled like a
foreign name:

- after a form of address ("Frau Nur Kaya", "Herrn An Nguyen");
- inside a sentence, written with a capital after a word in lower case ("Danke an Nur
  Kaya.", "Wir haben Nur Kaya gefragt."; a month only after "an", "mit", "laut", "danke":
  "Gespräch mit Juli Kaya", but "im Juli Kaya getroffen" keeps the month);
- opening a sentence before a speech verb with a comma or colon ("Nur Yılmaz sagt, …"; "Nur"
  only before a surname that looks foreign: "Nur Petersen meinte, …" is "only Petersen"), and,
  for the words that are adverbs or pronouns (no "nur"), before a verb only a person does
  ("Davor Horvat kam."): as an adverb the German word would take the verb second.
  "Solange" opens a clause ("Solange Becker sagt, dass …") and counts only after a form
  of address or inside a sentence; "Nur Kaya wusste Bescheid." keeps "Nur".
"""

from __future__ import annotations

from typing import Protocol

from workbench.ingest import name_lists as lists
from workbench.ingest.name_known import person_acts
from workbench.ingest.name_tokens import Tok
from workbench.ingest.pii_common import Hit


class Finder(Protocol):
    """What the rule asks of :class:`workbench.ingest.names.PersonFinder`."""

    rejected: frozenset[str]

    def is_surname(self, tok: Tok) -> bool: ...

    def is_foreign(self, tok: Tok) -> bool: ...

    def is_first(self, tok: Tok) -> bool: ...

    def _institution_after(
        self, text: str, toks: list[Tok], last: int, streets_only: bool = False
    ) -> bool: ...


WORD_FIRST_NAMES = lists.WORD_FIRST_NAMES
# Months that are first names: a name only after these cues ("Danke an August Kaya")
_MONTH_FIRST_NAMES = frozenset("april juni juli august".split())
_MONTH_CUES = frozenset("an mit laut danke".split())
# Cues before a first name, also opening a sentence ("Laut Nur Kaya …", "Danke an …")
_CUES = lists.WEAK_CUES | lists.STRONG_CUES
_TITLES = frozenset(("frau", "herr", "herrn"))


def word_first_name(finder: Finder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """The name from token ``i`` (a form of address or a first name that is a function word
    or a month) through the surname after it, where the context says person (module
    docstring); None elsewhere."""
    tok = toks[i]
    if tok.lower in _TITLES and i + 2 < len(toks) and _blank(text, tok, toks[i + 1]):
        first = toks[i + 1]
        if first.folded in WORD_FIRST_NAMES | _MONTH_FIRST_NAMES and _named(
            finder, text, toks, i + 1
        ):
            return _hit(text, toks, i, i + 2, 0.95)
        return None
    if not _named(finder, text, toks, i):
        return None
    prev = toks[i - 1] if i else None
    inside = prev is not None and _blank(text, prev, tok)
    cue = prev.folded if prev is not None and inside else ""
    if tok.folded in _MONTH_FIRST_NAMES:  # "Danke an August Kaya", not "im Juli Kaya"
        return _hit(text, toks, i, i + 1, 0.9) if cue in _MONTH_CUES else None
    if inside and (prev.text.islower() or cue in _CUES) and not tok.sentence_start:
        return _hit(text, toks, i, i + 1, 0.9)  # "Danke an Nur Kaya", "Laut Nur Kaya"
    if not tok.sentence_start or tok.folded == "solange":
        return None  # "Solange Becker sagt, dass …": a clause
    if tok.folded == "nur" and not finder.is_foreign(toks[i + 1]):
        return None  # "Nur Petersen meinte, …": the focus particle "only" (decision 023)
    if _speaks(text, toks, i + 1):
        return _hit(text, toks, i, i + 1, 0.9)  # "Nur Kaya sagt, …"
    if tok.folded != "nur" and person_acts(text, toks, i + 1):
        return _hit(text, toks, i, i + 1, 0.9)  # "Davor Horvat kam."
    return None


def _blank(text: str, a: Tok, b: Tok) -> bool:
    return text[a.end : b.start] == " "


def _named(finder: Finder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]``, written as a name, is such a first name and a surname follows
    it after a blank (no street or institution after the surname)."""
    tok = toks[i]
    words = WORD_FIRST_NAMES | _MONTH_FIRST_NAMES
    if tok.folded not in words or not tok.text[0].isupper() or tok.text.isupper():
        return False
    if i + 1 >= len(toks) or not _blank(text, tok, toks[i + 1]):
        return False
    surname = toks[i + 1]
    if surname.text.isupper() or (finder.is_first(surname) and not finder.is_surname(surname)):
        return False  # "Nur Anna kam": "nur" before a first name
    if not (finder.is_surname(surname) or finder.is_foreign(surname)):
        return False
    if tok.folded in finder.rejected or surname.folded in finder.rejected:
        return False  # a researcher said no
    return not finder._institution_after(text, toks, i + 1)


def _speaks(text: str, toks: list[Tok], k: int) -> bool:
    """Whether a speech verb follows ``toks[k]`` and a comma or colon follows the verb
    ("Nur Kaya sagt, …", "Nur Kaya meint: …")."""
    if k + 1 >= len(toks) or not _blank(text, toks[k], toks[k + 1]):
        return False
    verb = toks[k + 1]
    return verb.folded in lists.SPEECH_VERBS and text[verb.end : verb.end + 1] in (",", ":")


def _hit(text: str, toks: list[Tok], start: int, last: int, confidence: float) -> tuple[Hit, int]:
    key = toks[last].lower
    return Hit(toks[start].start, toks[last].end, "person", key, confidence), last
