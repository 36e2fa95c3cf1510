"""A surname of no key in a genitive written as in English ("Das war Becker's Idee",
"Hartkopf's Vorschlag"): German takes the apostrophe-s from no noun, so a word shaped like
a surname before it, and before what a person owns, is a person.

Contractions ("Gibt's", "Wie geht's", also "Gibt's Kuchen?", "Hat's Sinn?") are no
owner; a first name or a word of the language before it is a shop or a brand ("Rosi's
Bar", "Domino's Pizza", "McDonald's"), and so is a word for a shop or a dish after it
("… 's Imbiss"); a place or an institution is no person either ("Hamburg's Hafen",
"Vonovia's Mieter"). A word of no list before what a shop sells or offers is a brand
("Tchibo's Kaffee", "Zalando's Angebot"). A first name, or a surname of the gazetteer that
is also a word ("Toni", "Fischer", "Koch", "Wolf", "Nguyen"), is a person before what only
a person has: an idea, a proposal, a wife ("Toni's Idee", "Fischer's Idee"; "Koch's Rezept"
stays), also in an English text ("Fischer's idea", "Koch's proposal", "Lena's request";
"Germany's proposal", "Yesterday's question" stay).
The hit is uncertain and shown for review; the apostrophe-s stays outside the placeholder.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from workbench.core.word_caches import fixed_cache
from workbench.ingest import name_lists as lists
from workbench.ingest.name_gazetteer import SUPPLEMENT_LAST, fold
from workbench.ingest.name_known import Finder, ordinary_word
from workbench.ingest.name_openers import contracted_verb
from workbench.ingest.name_tokens import Tok
from workbench.ingest.noun_lexicon import is_german_noun, is_place_name
from workbench.ingest.pii_patterns import Hit
from workbench.ingest.resident_places import where
from workbench.ingest.unlisted_words import english_words

ENGLISH_GENITIVE_CONFIDENCE = 0.6  # replaced, and shown for review
# the apostrophe-s and the capitalised word owned after it
_OWNED = re.compile(r"['’]s[ \u00a0]+([A-ZÄÖÜ][a-zäöüß]+)")
# the further parts of a compound with hyphens after it ("Rosi's Idee-Laden")
_COMPOUND = re.compile(r"(?:-[A-Za-zÄÖÜäöüß]+)+")
# what a shop or a bar is called after its owner's name ("Rosi's Bar", "Uschi's Eck")
_SHOP_WORDS = frozenset(
    fold(w)
    for w in """
    bar imbiss kiosk eck ecke küche kitchen kneipe pizza pizzeria grill diner pub lounge
    shop store eiscafé café burger döner späti stube stübchen treff salon backstube
    laden markt supermarkt filiale filialen sortiment eigenmarke prospekt onlineshop
    lieferdienst
    """.split()
)
# what a firm sells or offers: after a word of no list a brand's ("Tchibo's Kaffee",
# "Zalando's Angebot"), after a surname of the gazetteer still a person's ("Becker's
# Angebot, beim Fest zu helfen")
_TRADE_WORDS = frozenset(
    fold(w)
    for w in """
    angebot angebote preise preis produkt produkte werbung app kaffee rabatt rabatte
    lieferung versand website webseite kasse kassen gutschein gutscheine kundenservice
    """.split()
)
# what only a person has, says or does: after a surname that is also a word or a first
# name ("Fischer's Idee", "Wolf's Frau", "Nguyen's Vorschlag") it is the person's
_PERSON_OWNED = frozenset(
    fold(w)
    for w in """
    idee ideen vorschlag vorschläge meinung meinungen frage fragen antrag anträge einwand
    einwände kritik beitrag beiträge bericht aussage aussagen position anregung anregungen
    hinweis hinweise wortmeldung anliegen wunsch wünsche ansicht einschätzung stellungnahme
    kommentar anmerkung beschwerde antwort argument argumente rede vortrag worte zitat
    frau mann ehefrau ehemann partner partnerin freund freundin tochter sohn kind kinder
    enkel enkelin familie eltern mutter vater bruder schwester nachbar nachbarin nachbarn
    """.split()
)
# what only a person has, in an English text ("Fischer's idea", "Koch's proposal"): the
# noun after the apostrophe-s is written in lower case there
_ENGLISH_PERSON_OWNED = frozenset(
    """
    idea ideas proposal proposals suggestion suggestions opinion opinions view views question
    questions comment comments concern concerns request requests objection objections remark
    remarks statement argument arguments answer speech wife husband partner daughter son
    children kids family mother father brother sister neighbour neighbor friend
    """.split()
)
_OWNED_ENGLISH = re.compile(r"['’]s[ \u00a0]+([a-z]+)\b")
# the gazetteer's frequent surnames: those that are words are surnames far more often
# before an apostrophe-s ("Fischer's", "Koch's") than the rare ones ("Bruder", "Kinder")
_FREQUENT = frozenset(fold(w) for w in SUPPLEMENT_LAST)
# a second owner joined by "und" ("Merle's und Tom's Idee"): the idea is both of theirs
_JOINED = re.compile(r"['’]s[ \u00a0]+(?:und|and)[ \u00a0]+[A-ZÄÖÜ][a-zäöüß]+(?=['’]s[ \u00a0])")


# "von" before a name with an apostrophe-s at a line's end: the name is whose it is
_FROM_BEFORE = re.compile(r"(?:^|[ \u00a0(])[Vv]on[ \u00a0]+$")
_LINE_END = re.compile(r"[.!]?[ \u00a0]*(?:\r?\n|$)")


def _from_owner(finder: Finder, tok: Tok, i: int) -> tuple[Hit, int] | None:
    """A first name or a surname of the gazetteer that is no word with an apostrophe-s
    after "von" at a line's end ("Die Notiz ist von Sabine's"): whose it is, a person;
    "zu Anna's", "bei Rosi's" (a place to go) stay."""
    stem = tok.text[:-2]
    owner = replace(tok, end=tok.end - 2, text=stem, folded=fold(stem), lower=stem.lower())
    if finder.blocked(owner) or owner.folded in lists.LOCAL_NAMES | lists.INSTITUTION_NOUNS:
        return None
    listed = finder.names.has_last(stem) and not ordinary_word(stem)
    if not (finder.is_first(owner) or listed):
        return None
    return Hit(tok.start, tok.end - 2, "person", stem.lower(), ENGLISH_GENITIVE_CONFIDENCE, stem), i


def owner_at_line_end(finder: Finder, text: str, tok: Tok, i: int) -> tuple[Hit, int] | None:
    """A name with an apostrophe-s after "von" at a line's end ("Die Notiz ist von
    Sabine's"), of the key or not: a person (:func:`_from_owner`); else None."""
    if _LINE_END.match(text, tok.end) is None or not _from_before(text, tok.start):
        return None
    return _from_owner(finder, tok, i)


def _from_before(text: str, start: int) -> bool:
    """Whether "von" stands right before ``start``; only the few characters before it are
    read (a search from the text's start for every token made a long line quadratic)."""
    return _FROM_BEFORE.search(text, max(0, start - 24), start) is not None


def owned_at(text: str, tok: Tok) -> int:
    """Where the apostrophe-s before what ``tok`` owns starts: its own, or that of a second
    owner joined by "und" ("Merle's und Tom's Idee": Tom's)."""
    joined = _JOINED.match(text, tok.end - 2)
    return tok.end - 2 if joined is None else joined.end()


def unknown_owner(finder: Finder, text: str, tok: Tok, i: int) -> tuple[Hit, int] | None:
    """A capitalised word of no key, no first name and no word of the language before an
    apostrophe-s and a noun it owns ("Becker's Idee", "Zabelberg's Bericht"): a person."""
    if not tok.text.endswith(("'s", "’s")):
        return None
    stem = tok.text[:-2]
    if len(stem) < 3 or not (stem[0].isupper() and stem[1:].islower()):
        return None
    if contracted_verb(tok):
        return None  # "Gibt's Kuchen?", "Hat's Sinn?": a verb and "es"
    owned = _OWNED.match(text, owned_at(text, tok))
    if owned is None and (found := owner_at_line_end(finder, text, tok, i)) is not None:
        return found  # "Die Notiz ist von Sabine's"
    if owned is None:
        return _english_owner(finder, text, tok, i)
    noun = fold(owned.group(1))
    compound = _COMPOUND.match(text, owned.end())
    if compound is not None:
        noun = fold(compound.group(0).rsplit("-", 1)[1])  # "Idee-Laden" is a shop
    if noun in _SHOP_WORDS:
        return None  # "Rosi's Bar", "Kemal's Kiosk", "Omi's Küche", "Rossmann's Filiale"
    if not is_german_noun(noun):
        return None  # what follows is owned only if it is a noun
    owner = replace(tok, end=tok.end - 2, text=stem, folded=fold(stem), lower=stem.lower())
    if finder.blocked(owner):
        return None
    folded = owner.folded
    if folded in lists.LOCAL_NAMES or folded in lists.INSTITUTION_NOUNS:
        return None  # "Ottensen's Straßen", "Vonovia's Mieter"
    first = finder.is_first(owner)
    listed = finder.names.has_last(stem)
    frequent = folded in _FREQUENT or not ordinary_word(stem)
    if (first or (listed and frequent)) and noun in _PERSON_OWNED:
        # a surname that is also a word, a first name or a place: "Fischer's Idee",
        # "Wolf's Frau", "Hahn's Vorschlag", "Nguyen's Antrag"; a first name as people
        # write its genitive ("Toni's Idee", "Andrea's Vorschlag"); "Koch's Rezept",
        # "Rosi's Bar" stay, and so do rare surnames that are words ("Kinder's Meinung")
        person = True
    elif is_place_name(folded) or where(stem, ()):
        person = False  # "Hamburg's Hafen", "Altona's Bahnhof"
    elif listed and not (first or ordinary_word(stem)):
        person = True  # "Becker's Garten", "Müller's Hund"
    elif first or folded in english_words() or ordinary_word(stem) or is_german_noun(folded):
        person = False  # "Rosi's", "Levi's": a first name; "Domino's Pizza": a word
    else:
        person = noun not in _TRADE_WORDS  # "Zabelberg's Bericht"; "Tchibo's Kaffee"
    if not person:
        return None
    return Hit(tok.start, tok.end - 2, "person", stem.lower(), ENGLISH_GENITIVE_CONFIDENCE, stem), i


def english_owned(text: str, at: int) -> re.Match[str] | None:
    """The apostrophe-s at ``at`` and what only a person has after it in an English text
    ("'s idea", "'s wife"), or None."""
    owned = _OWNED_ENGLISH.match(text, at)
    return owned if owned is not None and owned.group(1) in _ENGLISH_PERSON_OWNED else None


# days and times in English, which own proposals and questions as people do ("Yesterday's
# proposal", "Monday's question"); months that are first names stay names ("April's idea")
_ENGLISH_DAYS = frozenset(
    """
    yesterday today tomorrow tonight monday tuesday wednesday thursday friday saturday sunday
    january february march july september october november december week weekend
    """.split()
)


@fixed_cache("the countries' names")
@cache
def _countries() -> frozenset[str]:
    """The countries' English names, folded ("germany", "georgia"): the English address
    provider of the installed faker, no download."""
    from faker.providers.address.en_US import Provider

    return frozenset(fold(country) for country in Provider.countries)


def _english_owner(finder: Finder, text: str, tok: Tok, i: int) -> tuple[Hit, int] | None:
    """A surname, a first name or a word of no list before an apostrophe-s and what only a
    person has in an English text ("Fischer's idea", "Koch's proposal"): a person; a brand
    or a word of the language there stays ("McDonald's idea", "Everyone's opinion")."""
    if english_owned(text, owned_at(text, tok)) is None:
        return None
    stem = tok.text[:-2]
    owner = replace(tok, end=tok.end - 2, text=stem, folded=fold(stem), lower=stem.lower())
    folded = owner.folded
    if finder.blocked(owner) or folded in lists.LOCAL_NAMES | lists.INSTITUTION_NOUNS:
        return None  # "Vonovia's proposal"
    listed = finder.names.has_last(stem)
    if not listed and folded in _countries():
        return None  # "Germany's proposal", "Georgia's proposal"
    frequent = listed and (folded in _FREQUENT or not ordinary_word(stem))
    first = finder.is_first(owner)
    if not (frequent or first) and (is_place_name(folded) or where(stem, ())):
        return None  # "Hamburg's proposal"; "Wolf's idea", "Lena's request" are persons
    named = listed or first
    word = folded in english_words() or folded in _ENGLISH_DAYS or ordinary_word(stem)
    word = word or is_german_noun(folded)
    if not (named or not word):
        return None  # "Everyone's opinion", "Mother's idea"
    return Hit(tok.start, tok.end - 2, "person", stem.lower(), ENGLISH_GENITIVE_CONFIDENCE, stem), i


def shop_owned(text: str, tok: Tok) -> bool:
    """Whether a shop's word follows the apostrophe-s ending ``tok`` ("McDonald's Filiale",
    "Rosi's Bar"): the shop's name, no person's genitive."""
    owned = _OWNED.match(text, tok.end - 2)
    return owned is not None and fold(owned.group(1)) in _SHOP_WORDS


_APOSTROPHE_S = re.compile(r"['’]s(?= |$)")


def apostrophe_owner(tok: Tok) -> bool:
    """Whether ``tok`` is a name word with an apostrophe-s, no verb with a contracted "es"
    ("Schmidt's", not "Gibt's"): what follows is what the person owns."""
    return tok.text.endswith(("'s", "’s")) and len(tok.text) >= 4 and not contracted_verb(tok)


def possessive_cut(hit: Hit, last: int, toks: list[Tok], i: int) -> tuple[Hit, int]:
    """``hit`` on tokens ``i`` to ``last`` ended at its first name word with an apostrophe-s,
    which stays outside the placeholder as the other rules leave it ("Laut [Person 1]'s
    Meinung", "Frau [Person 1]'s Vorschlag"; "Frau Kaya's Ansicht" is no name of two words)."""
    for k in range(i, last + 1):
        tok = toks[k]
        if tok.end > hit.end or not tok.text.endswith(("'s", "’s")) or contracted_verb(tok):
            continue
        if tok.end - 2 <= hit.start or len(tok.text) < 4:
            return hit, last
        key, word = _APOSTROPHE_S.split(hit.key, 1)[0], _APOSTROPHE_S.split(hit.word, 1)[0]
        return replace(hit, end=tok.end - 2, key=key.strip(), word=word.strip()), k
    return hit, last
