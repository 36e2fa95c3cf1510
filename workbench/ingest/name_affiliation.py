"""Where a person named at a sentence's start belongs, before what she does: "Quirin
Zabelberg vom Sportverein hat …", "Okke Gerdes aus der Nachbarschaft kommt …" (a rule of
:func:`workbench.ingest.name_pairs.unlisted_pair`, which asks for the verb after a name)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Protocol

from workbench.ingest import name_lists as lists
from workbench.ingest.facility_words import service_word
from workbench.ingest.name_known import name_ends, singular_verb
from workbench.ingest.name_openers import CLAUSE_ADVERBS, ends_clause
from workbench.ingest.name_tokens import Tok
from workbench.ingest.noun_lexicon import is_german_noun, is_place_name

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


# Where a speaker belongs before her verb: "vom Nabu", "von der Kvb", "aus Manfort", "aus
# der Nachbarschaft" ("von" alone opens a name of nobility: "Müller von Hohenstein")
_BELONGING = frozenset(("vom", "von", "aus"))
# Verbs only a person does; a letter or a report also "erklärt", "berichtet", "schreibt"
_SAYS_ONLY = frozenset(
    "sagt sagte meint meinte betont betonte fragt fragte erganzt erganzte erzahlt erzahlte "
    "moderiert moderierte".split()
)


def belonging_end(
    text: str, toks: list[Tok], last: int, places: Collection[str] = ()
) -> int | None:
    """The index of the word after where the person ending at ``toks[last]`` belongs:
    "vom" and one or two capitalised words, "von"/"aus" and an article and the same ("von
    der Awo Opladen", "aus der Nachbarschaft"), "aus" or "von" and a place ("aus Manfort",
    "von Opladen", a district of the project in ``places``: folded words); None where no
    such phrase follows ("von Hohenstein", "vom Montag")."""
    k = last + 1
    if k + 1 >= len(toks) or toks[k].text not in _BELONGING:
        return None
    if text[toks[last].end : toks[k].start] != " ":
        return None
    k += 1
    if toks[k].text in _ARTICLES and toks[k - 1].text in ("von", "aus"):
        k += 1
    elif toks[k - 1].text == "von" and not from_place(toks[k], places):
        return None  # "Müller von Hohenstein sagt": her name goes on (noble_end's)
    words = 0
    while (
        k < len(toks)
        and words < 2
        and toks[k].text[:1].isupper()
        and text[toks[k - 1].end : toks[k].start] == " "
    ):
        k, words = k + 1, words + 1
    return k if words else None


def from_place(tok: Tok, places: Collection[str] = ()) -> bool:
    """Whether ``tok`` after "von" names a place, a district of the package's list or one
    the project declares in ``places`` ("von Köln", "von Opladen", "von Brückfeld"): where
    a person is from, no name of nobility."""
    f = tok.folded
    return is_place_name(f) or f in lists.LOCAL_NAMES or f in places


# "von" and an idiom of manner, time, kind or neighbourhood after a name (folded): no
# place and no name of nobility ("Becker von Anfang an sagt", "Müller von nebenan meint")
_VON_IDIOMS = tuple(
    tuple(phrase.split("_"))
    for phrase in """
    anfang_an beginn_an anbeginn ganzem_herzen herzen beruf hause_aus haus_aus klein_auf
    kindheit_an kind_an jugend_an nebenan gegenuber oben unten amts_wegen natur_aus jeher
    vornherein sich_aus selbst neuem weitem nahem
    """.split()
)


def origin_after(
    text: str, toks: list[Tok], j: int, surname: bool, places: Collection[str] = ()
) -> bool:
    """Whether "von" at ``toks[j]``, after a surname of the gazetteer (``surname``), opens
    where that person is from and no surname: a place, one blank after it ("Frau Yilmaz von
    Köln hat angerufen", a surname the lists know as a first name too; not "Anna von
    Bredow", "Otto von der Leyen"); ``places``: :func:`from_place`."""
    if not surname or toks[j].text != "von" or j + 1 >= len(toks):
        return False
    gap = text[toks[j - 1].end : toks[j].start] + text[toks[j].end : toks[j + 1].start]
    return gap == "  " and from_place(toks[j + 1], places)


def idiom_end(text: str, toks: list[Tok], last: int) -> int | None:
    """The index of the word after "von" and an idiom after the person ending at
    ``toks[last]`` ("von Anfang an", "von Herzen", "von Hause aus", "von nebenan"), each
    word one blank after the one before; None where none follows ("von Hohenstein")."""
    k = last + 1
    if k >= len(toks) or toks[k].text != "von":
        return None
    for phrase in _VON_IDIOMS:
        end = k + 1 + len(phrase)
        if end > len(toks) or tuple(t.folded for t in toks[k + 1 : end]) != phrase:
            continue
        if all(text[toks[j - 1].end : toks[j].start] == " " for j in range(k, end)):
            return end
    return None


def says_after(
    text: str, toks: list[Tok], last: int, sure: bool, places: Collection[str] = ()
) -> int | None:
    """The index of the speech verb after the person ending at ``toks[last]`` and where she
    belongs or an idiom after "von" ("Müller von der Kvb sagt", "Fischer vom Angelverein
    meint", "Becker von Anfang an sagt"), or None. A name the lists know as a surname only
    (``sure``) speaks with any speech verb; one that is also a word of the language only
    with a verb no letter or report does ("Post vom Jugendamt erklärt" stays); ``places``
    are the project's districts (:func:`belonging_end`)."""
    k = belonging_end(text, toks, last, places)
    if k is None:
        k = idiom_end(text, toks, last)
    return k if k is not None and speech_verb(text, toks, k, sure) else None


def said_of(text: str, toks: list[Tok], verb: int) -> bool:
    """Whether "man nach" follows the speech verb ``toks[verb]`` and ends the clause
    ("Müller vom Nabu sagt man nach, …": said of her, the person is the object)."""
    if verb + 2 >= len(toks) or [t.text for t in toks[verb + 1 : verb + 3]] != ["man", "nach"]:
        return False
    blanks = (text[toks[k - 1].end : toks[k].start] for k in (verb + 1, verb + 2))
    return all(b == " " for b in blanks) and ends_clause(text, toks[verb + 2])


class Finder(Protocol):
    """What :func:`noble_word` uses of :class:`workbench.ingest.names.PersonFinder`."""

    def blocked(self, tok: Tok, named: bool = False) -> bool:
        """Never part of a name."""

    def name_like(self, tok: Tok, loose: bool = False, named: bool = False) -> bool:
        """Whether ``tok`` is written like a name."""


def noble_word(finder: Finder, tok: Tok) -> bool:
    """Whether ``tok`` after "von" can be the rest of a name of nobility: written like a
    name, no noun, month, district, facility or association ("Hohenstein", "Bredow")."""
    f = tok.folded
    if finder.blocked(tok) or f in lists.LOCAL_NAMES or service_word(f):
        return False
    return finder.name_like(tok, loose=True) and not is_german_noun(f) and not tok.text.isupper()


def noble_end(
    text: str,
    toks: list[Tok],
    last: int,
    sure: bool,
    word_ok: Callable[[Tok], bool],
    verbs: frozenset[str] = frozenset(),
    ends: bool = False,
) -> int | None:
    """The index of the word of nobility after the surname ending at ``toks[last]`` before a
    speech verb or one of ``verbs`` ("Müller von Hohenstein sagt, …": "von" and one
    capitalised word that ``word_ok`` reads as a name's, no place, noun or month, no idiom:
    "Müller von Opladen sagt" is where she belongs, :func:`belonging_end`'s, "Yilmaz von
    Herzen sagt" :func:`idiom_end`'s), or where the name ends (``ends``: "Frau Müller von
    Hohenstein war da.", :func:`name_ends`), or None."""
    k = last + 2
    if k >= len(toks) or toks[last + 1].text != "von" or idiom_end(text, toks, last) is not None:
        return None
    gaps = (text[toks[j - 1].end : toks[j].start] for j in (last + 1, k))
    if not all(g == " " for g in gaps) or not toks[k].text[:1].isupper():
        return None
    if from_place(toks[k]) or not word_ok(toks[k]):
        return None
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    other = nxt is not None and nxt.folded in verbs and nxt.text.islower()
    other = other and text[toks[k].end : nxt.start] == " "
    ended = ends and name_ends(text, toks, k)
    return k if speech_verb(text, toks, k + 1, sure) or other or ended else None


def speech_verb(text: str, toks: list[Tok], k: int, sure: bool) -> bool:
    """Whether ``toks[k]``, one blank after the word before it, is a speech verb in lower
    case: any for a surname only (``sure``), else one no letter or report does."""
    if k >= len(toks) or text[toks[k - 1].end : toks[k].start] != " ":
        return False
    verbs = lists.SPEECH_VERBS if sure else _SAYS_ONLY
    return toks[k].folded in verbs and toks[k].text.islower()


_ADVERBS_BETWEEN = 2  # "Wie Müller gestern sagte, …", "Wie Müller uns gestern sagte, …"


def says_compared(
    text: str, toks: list[Tok], last: int, sure: bool, places: Collection[str] = ()
) -> bool:
    """Whether a speech verb in the singular ends the comparative clause after the person
    ending at ``toks[last]``: right after her, after where she belongs or after one or two
    adverbs or pronouns ("Wie Müller sagt, …", "Wie Müller vom Nabu meint, …", "Wie Müller
    gestern sagte, …"; not "Wie Bauer sagt man dazu?", "Wie Kinder sagen, …"). A surname
    that is also a word (not ``sure``) only with a verb no letter or report does ("Wie
    Fischer meint, …"; "Wie Post erklärt, …" stays); ``places``: :func:`belonging_end`."""
    k = belonging_end(text, toks, last, places)
    if k is None:
        k = idiom_end(text, toks, last)  # "Wie Müller von Anfang an sagte, …"
    if k is None:
        k = last + 1
        while (
            k < len(toks)
            and k - last <= _ADVERBS_BETWEEN
            and toks[k].lower in CLAUSE_ADVERBS
            and toks[k].text.islower()
            and text[toks[k - 1].end : toks[k].start] == " "
        ):
            k += 1
    return speech_verb(text, toks, k, sure) and ends_clause(text, toks[k])
