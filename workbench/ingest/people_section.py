"""The section of participants in a protocol ("## Teilnehmende", "Anwesende:"): which of its
paragraphs are a remark about the meeting, not names, and which lines name people by a
first name or a title (pure)."""

from __future__ import annotations

import re

from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_known import ordinary_word, singular_verb
from workbench.ingest.name_lists import TITLES
from workbench.ingest.name_tokens import tokens
from workbench.ingest.names import NameContext, PersonFinder
from workbench.ingest.noun_lexicon import is_german_noun
from workbench.ingest.protocol_meta import (
    FINITE_VERBS,
    describes_group,
    is_names_line,
    people_in,
    split_names,
)
from workbench.ingest.unlisted_words import unlisted_word
from workbench.ingest.venue_names import VENUE_WORDS

# Small words before capitalised ones that make them no name ("im Jugendzentrum Manfort")
_LEADS = frozenset(
    "der die das dem den des ein eine einem einen einer im in am an auf aus bei beim mit "
    "nach von vom zum zur für über unter vor neben zwischen".split()
)


def said_among_names(text: str) -> bool:
    """Whether a paragraph under a heading "Teilnehmende" is a sentence about the meeting,
    no line of names ("Leider konnten viele Eltern wegen der Kinderbetreuung nicht
    kommen."): it ends a sentence, names no group and no one (:func:`names_someone`),
    and has a finite verb or a part (between commas) longer than a name; "Anna Schmidt
    (Kita), Jonas Becker." and "Entschuldigt waren Frau Kaya und Herr Yilmaz." are names.

    >>> said_among_names("Leider konnten viele Eltern wegen der Kinderbetreuung nicht kommen.")
    True
    >>> said_among_names("Anna Schmidt (Kita), Jonas Becker."), said_among_names("Anna Schmidt")
    (False, False)
    """
    text = text.strip()
    if is_names_line(text) or describes_group(text) or not re.search(r"[.!?…]$", text):
        return False
    if names_someone(text):  # a sentence listing who came: names, as before
        return False
    verb = any(w.strip(",;.!?…").lower() in FINITE_VERBS for w in text.split())
    return verb or any(len(name.split()) > 5 for name in split_names(text))


def section_people(text: str) -> tuple[str, ...]:
    """The people a paragraph under a heading "Teilnehmende" names: those of a line of names
    (:func:`~workbench.ingest.protocol_meta.people_in`), and in a sentence also those the
    name rules find ("Anwesend waren Tamo Zabelberg und Mia Dornbusch vom Quartiersbüro
    sowie Okke Tjaden.", "Entschuldigt waren Frau Kaya und Herr Yilmaz.") and a name before
    a bracket ("Xhemajl Berisha (Sportverein) war anwesend."): every one goes on the name
    list, so the same names elsewhere in the document are replaced. An unsure single word
    of the language ("Anwesend: Mitglieder des Vereins") stays off it.

    >>> section_people("Entschuldigt waren Frau Kaya und Herr Yilmaz.")
    ('Yilmaz', 'Kaya')
    >>> section_people("Xhemajl Berisha (Sportverein) war anwesend.")
    ('Xhemajl Berisha',)
    """
    listed = people_in(text)
    if is_names_line(text):
        return listed
    finder = PersonFinder(NameContext(known={}))
    hits = [h for h in finder.find(text) if h.kind == "person"]
    found = [
        text[h.start : h.end]
        for h in hits
        if (h.confidence >= 0.8 or _name_like(text[h.start : h.end]))
        and not (" " not in text[h.start : h.end] and _after_venue(text, h.start))
    ]
    bracketed = re.findall(r"((?:[A-ZÄÖÜ][\w'-]+ ){1,3}[A-ZÄÖÜ][\w'-]+) \(", text)
    names = [n for name in [*found, *bracketed] for n in split_names(name)]
    return tuple(dict.fromkeys([*listed, *names]))


def _after_venue(text: str, start: int) -> bool:
    """Whether a name found at ``start`` is a venue's, after its word ("Gastgeber: Café
    Anna", "Treffpunkt Hotel Post"); "Villa", "Casa" are surnames too and do not count (a
    full name after it, "Studio Tamo Zabelberg", is the owner's: the caller keeps it)."""
    before = re.search(r"(\w+)\s+$", text[:start])
    if before is None or fold(before.group(1)) not in VENUE_WORDS:
        return False
    known = gazetteer()
    return not (known.has_last(before.group(1)) or known.has_first(before.group(1)))


def _name_like(found: str) -> bool:
    """Whether an unsure hit of the name rules may go on the name list: more than one word
    ("Tamo Zabelberg") or one that is no word of the language ("Tjaden"); "Mitglieder",
    "Mitarbeitende" after "Anwesend:" are people, but no one's name."""
    if len(found.split()) > 1:
        return True
    folded = fold(found)
    plural = folded.endswith(("ende", "enden"))  # "Mitarbeitende", "Teilnehmenden"
    return not (is_german_noun(folded) or ordinary_word(found) or plural)


def named_people(text: str) -> bool:
    """Whether every name of a line of names is led by a first name the gazetteer knows or
    by "Frau"/"Herr" ("Jonas Becker (Kita Regenbogen)"), no heading ("Was fehlt im Quartier").

    >>> named_people("Jonas Becker (Kita Regenbogen)"), named_people("Was fehlt im Quartier")
    (True, False)
    """
    known = gazetteer()
    names = [name.split() for name in split_names(text)]
    led = [words[0] for words in names if words]
    return bool(led) and all(known.has_first(word) or fold(word) in TITLES for word in led)


def names_someone(text: str) -> bool:
    """Whether a sentence names a person by more than a surname: "Frau"/"Herr" before a
    capitalised word, or two to four capitalised words led by a known first name, followed
    by a bracket ("Xhemajl Berisha (Sportverein)") or after a verb ("waren Bünyamin Çelik").

    >>> names_someone("Bünyamin Çelik (Moscheeverein) und Herr Yilmaz waren da.")
    True
    >>> names_someone("Nicht anwesend waren Bünyamin Çelik und Xhemajl Berisha.")
    True
    >>> names_someone("Leider konnten viele Eltern nicht kommen, Wübbenhorst ging früher.")
    False
    >>> names_someone("Die Sitzung fand im Jugendzentrum Manfort statt.")
    False
    >>> names_someone("Xhemajl Berisha hat das Protokoll geschrieben.")
    True
    """
    if _opens_with_unlisted_name(text):
        return True
    known, words = gazetteer(), text.split()
    for i in range(len(words)):
        run = _capitalised_run(words[i:])
        if len(run) < 2:
            continue
        after = words[i + len(run)] if i + len(run) < len(words) else ""
        before = words[i - 1] if i else ""
        verb_before = before[:1].islower() and before.lower() not in _LEADS
        led = fold(run[0]) in TITLES or known.has_first(run[0])
        if led or after.startswith("(") or verb_before:
            return True
    return False


def _opens_with_unlisted_name(text: str) -> bool:
    """Whether the sentence opens with two capitalised words of no list before a finite
    verb ("Xhemajl Berisha hat das Protokoll geschrieben"): no noun, compound or place of
    the Wiktionary, no name of the gazetteer (:func:`~workbench.ingest.name_pairs.
    unlisted_word`) — a first name and a surname ("Offene Tür hat zu" is none)."""
    toks = tokens(text)
    if len(toks) < 3 or text[: toks[0].start].strip():
        return False
    first, last, verb = toks[:3]
    if text[first.end : last.start] != " " or text[last.end : verb.start] != " ":
        return False
    if verb.lower not in FINITE_VERBS and not singular_verb(text, toks, 1):
        return False
    finder = PersonFinder(NameContext(known={}))
    return unlisted_word(finder, first) and unlisted_word(finder, last)


def _capitalised_run(words: list[str]) -> list[str]:
    """The capitalised words that open ``words``, at most four, up to a comma or an end."""
    run: list[str] = []
    for word in words[:4]:
        bare = word.strip(',;:.!?…"„“')
        if not bare[:1].isupper():
            break
        run.append(bare)
        if bare != word:  # a comma or a sentence end closes the run
            break
    return run
