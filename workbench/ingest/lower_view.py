"""A text with the names written in lower case read as names, at the same positions.

In Zoom, WhatsApp and Telegram chats and in quick notes people often write everything in
lower case ("hab gestern mit anna schmidt gesprochen", "danke an klaus und petra"). The
name rules read a word in lower case as an ordinary word, so such names stayed in clear.
The view writes a word in lower case as a name ("Anna") where the evidence is strong, and
every rule applies as to a name written so:

- a first name and a surname of the gazetteer after a blank, both in lower case ("anna
  schmidt", "@anna schmidt", "hier ist jürgen weber"), where neither is an ordinary word
  in lower case ("frank und frei", "anna klein", "jens koch" stay: "ist anna klein?") and
  no street, school or other noun follows ("am konrad adenauer platz"); a form of address
  in lower case right before them too ("frau anna schmidt", "herrn dr. jens weber"), so
  that it goes with the name as "Frau Anna Schmidt" does ("frau und mann" stays);
- a first name of the gazetteer alone after a strong cue: a greeting or thanks ("hallo
  sabine", "hi anna 👋", "danke an klaus und petra", "grüße an jens", "liebe anna,"), a
  self-introduction ("ich bin die sabine, …", "hier ist lea"), "mit anna gesprochen" —
  where the clause ends after it or "und" and a second first name follow.

The words that are names elsewhere but ordinary German or English in lower case ("rosa",
"ernst", "mark", "will", "klein", "braun", "koch") are those of
:func:`~workbench.ingest.name_lists.lower_case_name_ok`. Each letter keeps its place, so
hits map back one to one; the key keeps the name as written ("anna schmidt").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.core.word_caches import word_cache
from workbench.ingest import name_lists as lists
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.noun_lexicon import is_german_noun, is_person_name
from workbench.ingest.retyped_view import RetypedView

# A word in lower case with its hyphenated parts ("anna-lena"); not part of an e-mail
# address, a link or a word with an apostrophe ("don't")
_WORD = re.compile(r"(?<![\w'’./-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w'’-]|\.\w)")
# English words in lower case that the gazetteer holds as first names: words in an English
# chat line ("i hope taylor …", "grace period", "hunter green"), no name in lower case
_ENGLISH_WORDS = frozenset(
    """
    hope grace faith joy june bill dawn hunter summer autumn winter april august rich art
    sky rose ruby amber crystal jade pearl ivy holly heather daisy lily iris violet sunny
    chase chance grant pat sue don guy ray jack earl dean drew wade miles lane price page
    brook brooks cliff glen carol noel rocky sandy rusty buck bud cash chip duke king prince
    major sterling forest river rain storm star angel destiny harmony melody patience
    charity honor justice liberty trinity mercy neil gene bob tag wolf fox
    """.split()
)
# Greetings and thanks a first name follows ("hallo sabine", "danke anna", "liebe petra")
_GREETINGS = frozenset(
    "hallo hallochen hi hey huhu moin servus danke merci liebe lieber tschuss".split()
)
# … and with "an" between ("danke an klaus", "grüße an jens", "gruß an petra")
_GREETINGS_AN = frozenset("danke dank gruss grusse grussle".split())
# Forms of address in lower case before a first name and a surname ("frau anna schmidt"),
# and the titles that may stand between ("herr dr. jens weber")
_LOWER_TITLES = frozenset(("frau", "herr", "herrn"))
_ACADEMIC = frozenset(("dr", "prof"))
# Words before a first name a person introduces themselves with ("ich bin die sabine")
_INTRODUCTIONS = (("ich", "bin", "die"), ("ich", "bin", "der"), ("hier", "ist"))
# Verbs after "mit anna" that say somebody was spoken to ("mit petra gesprochen")
_SPOKEN_WITH = frozenset(
    "gesprochen telefoniert geredet geschrieben gechattet abgesprochen besprochen".split()
)
# What may follow a cued first name: the end of the clause, an emoji, or one of these words
_AFTER_CUED = frozenset("und aus von vom hier fur mit".split())
# What ends a clause after a cued first name (also an emoji or a line end)
_CLAUSE_END = re.compile(r"\s*(?:$|[.,!?:;)\n–—-]|[^\w\s@#])")
# Nouns after a first name and a surname that make them the name of a street, a school, a
# building or a prize ("karl marx straße", "anne frank schule", "konrad adenauer haus"),
# also as the head of a compound ("sophie scholl gesamtschule") or in short ("str.")
_PLACE_HEADS = tuple(
    """
    strasse str platz weg allee ring gasse damm ufer chaussee promenade brucke schule
    gymnasium kolleg haus halle park stift center zentrum kita bad siedlung hof turm
    denkmal stadion arena kirche stiftung institut klinik krankenhaus bibliothek museum
    saal preis medaille forum garten
    """.split()
)


@dataclass(frozen=True)
class LowerView(RetypedView):
    """``text`` with the names in lower case written as names, letter for letter.

    >>> view = LowerView.of("hab gestern mit anna schmidt gesprochen")
    >>> view.text, view.start(16), view.end(28)
    ('hab gestern mit Anna Schmidt gesprochen', 16, 28)
    """

    @classmethod
    def of(cls, written: str) -> LowerView | None:
        """The view of ``written``; None if no word in lower case reads as a name."""
        chosen = _name_words(written)
        if not chosen:
            return None
        return cls.retyped(written, chosen, _title)


def _title(word: str) -> str:
    """``word`` written as a name, each letter in its place ("anna-lena" → "Anna-Lena")."""
    return "-".join(
        p[:1].upper() + p[1:] if len(p[:1].upper()) == 1 else p for p in word.split("-")
    )


@word_cache
@lru_cache(maxsize=2**14)  # asked for every word in lower case of a text
def _first_name(word: str) -> bool:
    """A first name of the gazetteer in lower case that is no ordinary word ("anna", "tom";
    not "rosa", "ernst", "frank", "mark", "will")."""
    if not word.islower() or word in _ENGLISH_WORDS:
        return False
    return all(
        (lists.lower_case_name_ok(p) or lists.short_name_ok(p)) and gazetteer().has_first(_title(p))
        for p in word.split("-")
    )


@word_cache
@lru_cache(maxsize=2**14)  # asked for the word after each first name in lower case
def _surname(word: str) -> bool:
    """A surname of the gazetteer in lower case that is no ordinary word ("schmidt",
    "kowalczyk"; not "klein", "braun", "koch", "park", "kinder")."""
    if not word.islower():
        return False
    for part in word.split("-"):
        folded = fold(part)
        if not lists.lower_case_name_ok(part) or not gazetteer().has_last(_title(part)):
            return False
        if is_german_noun(folded) and not is_person_name(folded):
            return False  # "die kinder", "im garten": a noun, no surname of the lexicon
    return True


def _name_words(text: str) -> list[tuple[int, int]]:
    """Spans of the words in lower case that read as names."""
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    if not any(_first_name(w) for _, _, w in toks):
        return []
    chosen: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if _pair(text, toks, i):
            title = _title_before(text, toks, i)
            chosen += [*([toks[title][:2]] if title is not None else []), toks[i][:2]]
            chosen.append(toks[i + 1][:2])
            i += 2
            continue
        if _first_name(toks[i][2]) and _cued(text, toks, i):
            chosen.append(toks[i][:2])
            # "danke an klaus und petra": the second first name too
            if _second(text, toks, i):
                chosen.append(toks[i + 2][:2])
                i += 2
        i += 1
    return chosen


def _gap(text: str, toks: list[tuple[int, int, str]], i: int) -> str:
    """What stands between ``toks[i]`` and the token after it."""
    return text[toks[i][1] : toks[i + 1][0]]


def _pair(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a first name at ``i`` and a surname after a blank are a person ("anna
    schmidt"; not "anna klein", not "konrad adenauer platz", "anne frank schule")."""
    if i + 1 >= len(toks) or not _first_name(toks[i][2]) or not _surname(toks[i + 1][2]):
        return False
    if _gap(text, toks, i) not in (" ", "\u00a0"):
        return False
    return not _place_after(text, toks, i + 1)


def _title_before(text: str, toks: list[tuple[int, int, str]], i: int) -> int | None:
    """The index of a form of address in lower case before the first name and surname at
    ``i``, perhaps with "dr." or "prof." between ("frau anna schmidt", "herrn dr. jens
    weber"): written as one, so that the person is taken with it as "Frau Anna Schmidt"."""
    k = i - 1
    if k >= 0 and toks[k][2] in _ACADEMIC and text[toks[k][1] : toks[k + 1][0]] == ". ":
        k -= 1
    if k < 0 or toks[k][2] not in _LOWER_TITLES:
        return None
    return k if text[toks[k][1] : toks[k + 1][0]] in (" ", "\u00a0") else None


def _place_after(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a noun that makes a name a place's follows ``toks[i]`` ("… platz", "…-str.",
    "… gesamtschule")."""
    if i + 1 >= len(toks) or _gap(text, toks, i) not in (" ", "-", "\u00a0"):
        return False
    word = fold(toks[i + 1][2]).rsplit("-", 1)[-1]
    return word.endswith(_PLACE_HEADS)


def _cued(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a first name alone at ``i`` follows a strong cue and ends its clause (or
    "und" and a second first name follow): "hallo sabine", "danke an klaus und petra"."""
    words = [fold(w) for _, _, w in toks[max(0, i - 3) : i]]
    if not words:
        return False
    if text[toks[i - 1][1] : toks[i][0]].strip(" ,\u00a0") != "":
        return False  # "hallo! anna …": the greeting's clause ended
    spoken_with = (
        words[-1] == "mit"
        and i + 1 < len(toks)
        and fold(toks[i + 1][2]) in _SPOKEN_WITH
        and _gap(text, toks, i) == " "
    )
    if spoken_with:
        return True  # "mit petra gesprochen"
    cue = (
        words[-1] in _GREETINGS
        or (len(words) >= 2 and words[-1] == "an" and words[-2] in _GREETINGS_AN)
        or any(tuple(words[-len(c) :]) == c for c in _INTRODUCTIONS)
    )
    return cue and _ends(text, toks, i)


def _ends(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the clause ends after a cued first name, or "und", "aus", "für" … follow."""
    if _CLAUSE_END.match(text, toks[i][1]):
        return True
    after = fold(toks[i + 1][2]) if i + 1 < len(toks) else ""
    return _gap(text, toks, i) == " " and after in _AFTER_CUED


def _second(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether "und" and a second first name follow the cued one ("klaus und petra")."""
    if i + 2 >= len(toks) or fold(toks[i + 1][2]) != "und":
        return False
    if _gap(text, toks, i) != " " or _gap(text, toks, i + 1) != " ":
        return False
    return _first_name(toks[i + 2][2]) and _ends(text, toks, i + 2)
