"""Names in pairs and lists (rules of :class:`workbench.ingest.names.PersonFinder`, which
passes itself as ``finder``): an initial and a surname ("J. Becker"), a surname before a
first name ("Becker, Jens"), an unknown first name before a surname ("Zlatan Kovačević"),
a surname listed after a person ("Becker, Lukas und Vogel")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol

from workbench.ingest import name_lists as lists
from workbench.ingest.name_affiliation import affiliated_verb
from workbench.ingest.name_cues import sentence_particles, signed_pair, speaks
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_known import ORDINARY, Finder, place_word, singular_verb
from workbench.ingest.name_openers import FOCUS, opens_before_name
from workbench.ingest.name_tokens import (
    FOREIGN_LETTERS,
    PLACE_END,
    Tok,
    TokenList,
    search_before,
)
from workbench.ingest.noun_lexicon import (
    is_german_noun,
    is_place_name,
    is_place_phrase,
    plural_noun,
)
from workbench.ingest.pii_patterns import Hit
from workbench.ingest.signoff_pairs import signer_surname
from workbench.ingest.unlisted_words import (
    unlisted_surname_word,
    unlisted_word,
)


class PersonFinder(Finder, Protocol):
    """What these rules use of :class:`workbench.ingest.names.PersonFinder`."""

    def is_role(self, tok: Tok, before_name: bool = False) -> bool:
        """A role noun before a name."""

    def _sure_name(self, tok: Tok) -> bool:
        """A first name or surname of the gazetteer, or a word spelled like a name."""

    def _adjacent(self, text: str, a: Tok, b: Tok) -> bool:
        """Whether ``b`` follows ``a`` inside one name."""

    def _chain(
        self, text: str, toks: list[Tok], i: int, loose: bool = True
    ) -> tuple[int, int | None]:
        """Extend a name from token ``i``."""

    def _institution_after(
        self, text: str, toks: list[Tok], last: int, streets_only: bool = False
    ) -> bool:
        """Whether the name is followed by "Schule", "Platz", …"""

    def _hit(
        self, text: str, toks: list[Tok], start: int, i: int, last: int, surname: int | None,
        confidence: float, word: str = "",
    ) -> tuple[Hit, int] | None:  # fmt: skip
        """The hit of a name from ``start`` to token ``last``."""


# Initials of a hyphenated first name before the last one ("J.-" of "J.-P. Schmitz")
# "z. B.", "u. A.": a lower-case letter and a full stop right before (read: 8 characters)
_ABBREVIATION_BEFORE = re.compile(r"(?<!\w)[a-zäöü]\.\s?$")
_INITIAL_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ.-\n"  # all that "J.-P." is made of
_INITIALS_BEFORE = re.compile(r"(?:(?<![\w.-])[A-ZÄÖÜ]\.-)+$")
_ENUMERATION = frozenset((" und ", " oder ", ", ", " sowie ", " & ", " u. ", " bzw. ", "/", " / "))
_LONGEST_ENUMERATION = max(map(len, _ENUMERATION))  # a longer gap is cut from no long line


_HALF_INITIAL = re.compile(r"(.{3,})-[A-ZÄÖÜ]")  # "Hans-J.": a first name, a second's initial


def initial(finder: PersonFinder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """An initial and a surname: "J. Becker", "A. Kowalczyk", also typed "J.Becker";
    initials of a hyphenated first name too ("J.-P. Schmitz", "Hans-J. Becker")."""
    tok = toks[i]
    # "Hans-J.": a first name and the initial of the second
    if not tok.dot or i + 1 >= len(toks):
        return None  # no full stop after the word, or nothing after it: no initial
    half = _HALF_INITIAL.fullmatch(tok.text)
    half = half is not None and finder.names.has_first(half.group(1))
    if not (len(tok.text) == 1 or half):
        return None
    if _ABBREVIATION_BEFORE.search(text, max(tok.start - 8, 0), tok.start):
        return None  # "z. B.", "u. A."
    nxt = toks[i + 1]
    gap = text[tok.end : nxt.start] in (". ", ".\u00a0", ".")
    if not (finder._adjacent(text, tok, nxt) or (half and gap)):
        return None
    # "LG\nT. Kettelhack", "LG\nT. Brinkhaus": under a sign-off also a surname of no list
    signer = signed_pair(text, toks, i) and signer_surname(finder, nxt)
    if not (finder.name_like(nxt) or signer):
        return None
    if not (finder.is_surname(nxt) or finder.is_foreign(nxt) or signer):
        return None
    last, _ = finder._chain(text, toks, i + 1)
    before = search_before(
        _INITIALS_BEFORE, text, tok.start, _INITIAL_CHARS, 1
    )  # "J.-P. Schmitz": both initials
    return finder._hit(text, toks, before.start() if before else tok.start, i + 1, last, last, 0.85)


def surname_before(
    finder: PersonFinder, text: str, toks: list[Tok], i: int, last: int
) -> int | None:
    """ "Becker, Jens": the surname before a first name and a comma. Opening a speaker
    line ("Berg, Ben: …", as Teams copies a message) any name word is the surname."""
    if i == 0 or text[toks[i - 1].end : toks[i].start] != ", ":
        return None
    prev = toks[i - 1]
    if not prev.sentence_start:
        return None
    speaker = text[toks[last].end : toks[last].end + 1] == ":" and (
        finder.name_like(prev, named=True)
    )
    # "Busch, Jens": a surname that is also a noun, before a first name as lists write it
    noun = prev.folded in lists.NOUN_SURNAMES and finder.names.has_last(prev.text)
    return i - 1 if finder.is_surname(prev) or speaker or noun else None


# Endings of a woman's role or description ("Mieterin", "Ehrenamtlerin", "Kundin"): before a
# first name they say who she is ("sagt Mieterin Fatma Arslan"); no surname ends so.
FEMININE_ROLES = ("erin", "orin", "istin", "entin", "antin", "ndin")
# Prepositions before a name ("Hinweis von Terhorst Anna", "mit Tjaden Jens gesprochen")
_NAME_PREPOSITIONS = frozenset("von mit an bei laut fur".split())
# Focus particles opening a sentence before a person's two names ("Nur Okke Tjaden kam",
# "Sogar Quirin Hartkopf war da"), besides those of the openers ("Ausgerechnet …")
_PAIR_FOCUS = FOCUS | frozenset("nur sogar auch gerade selbst".split())
# Between the names of a list, before and after one of them
_LIST_BEFORE = re.compile(r"\w(?:, |; | und )$")
_LIST_AFTER = re.compile(r"\s*(?:$|[,;)]|und\b)")
# Greetings before a first name ("Lieber Jens:"): no surname
_GREETINGS = frozenset("liebe lieber hallo hi hey moin servus danke".split())


def surname_first(finder: PersonFinder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether the word ``toks[i]`` is the surname before a first name that ends the name,
    as lists and forms write it ("Terhorst Anna", "Tjaden Jens")."""
    if i + 1 >= len(toks):
        return False
    tok, first = toks[i], toks[i + 1]
    if text[tok.end : first.start] != " " or not finder.is_first(first):
        return False
    ordinary = tok.folded in ORDINARY and tok.folded not in lists.NOUN_SURNAMES  # "Busch Jens"
    if finder.is_first(tok) or ordinary or tok.folded in _GREETINGS:
        return False
    # a first name that is also a noun only after a surname of the gazetteer: "Weber Olympia"
    noun_first = first.folded in lists.NOUN_FIRST_NAMES and finder.is_surname(tok)
    if tok.folded.endswith(FEMININE_ROLES) or (first.folded in lists.NOT_FIRST and not noun_first):
        return False
    after = toks[i + 2] if i + 2 < len(toks) else None
    if after is not None and finder._adjacent(text, first, after) and finder.name_like(after):
        return False  # "Mieter Fatma Arslan": the name is the first name and what follows
    # a surname that is also a place of Leverkusen ("Schlebusch Hanna"): named by her first name
    return finder.name_like(tok) or tok.folded in lists.LOCAL_NAMES


def surname_before_first(
    finder: PersonFinder, text: str, toks: list[Tok], i: int, last: int
) -> int | None:
    """ "Terhorst Anna sagt", "Terhorst Anna: …", "Hinweis von Terhorst Anna": a surname
    before the first name ``toks[i]``, where a speech verb, a colon or a preposition says
    that the two are one person."""
    if i == 0 or last != i or not surname_first(finder, text, toks, i - 1):
        return None
    prev = toks[i - 1]
    before = toks[i - 2] if i >= 2 else None
    if before is not None and before.folded in _NAME_PREPOSITIONS:
        return i - 1 if text[before.end : prev.start] == " " else None
    if not prev.sentence_start:
        # one of a list: "Kontakt: Terhorst Anna, Tjaden Jens", "Tjaden Jens und Terhorst Anna"
        listed = _LIST_BEFORE.search(
            text, max(prev.start - 8, 0), prev.start
        ) and _LIST_AFTER.match(text, toks[i].end)
        return i - 1 if listed else None
    after = toks[i + 1] if i + 1 < len(toks) else None
    inverted = [t for t in toks[i + 2 : i + 3] if after and text[after.end : t.start] == " "]
    speaker = text[toks[i].end : toks[i].end + 1] == ":"
    return i - 1 if speaker or speaks(text, toks, i, after, inverted) else None


# Nouns before the name of a place ("Stadt Kiev", "Oblast Odessa", "Flughafen Rostov")
_PLACE_NOUNS = frozenset(
    "stadt hauptstadt partnerstadt region land kreis bezirk gemeinde dorf provinz republik "
    "oblast kanton insel fluss see flughafen hafen gebiet ort".split()
)


def _noun_before_foreign(finder: PersonFinder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` is a noun of the Wiktionary, no first name, and the word after it
    is spelled like a non-German name, no place ("Gruppe Petrenko", not "Stadt Kiev") and
    not before "Platz", "Schule", … ("Interview Petrović Schule")."""
    tok, nxt = toks[i], toks[i + 1]
    if not tok.text[0].isupper() or not is_german_noun(tok.folded) or finder.is_first(tok):
        return False
    if tok.folded in _PLACE_NOUNS or PLACE_END.search(tok.folded):
        return False  # "Stadt Kiev", "Region Tschernihiw", "Bahnhof Sarajevo"
    if not finder.is_foreign(nxt) or finder.is_first(nxt) or is_place_name(nxt.folded):
        return False
    if PLACE_END.search(nxt.folded) or not finder.name_like(nxt, named=True):
        return False
    return not finder._institution_after(text, toks, i + 1)


def surname_pair(
    finder: PersonFinder, text: str, toks: list[Tok], i: int
) -> tuple[Hit, int] | None:
    """An unknown first name before a gazetteer surname: "Zlatan Kovačević"."""
    tok = toks[i]
    if i + 1 >= len(toks) or not finder._adjacent(text, tok, toks[i + 1]):
        return None
    nxt = toks[i + 1]
    if not FOREIGN_LETTERS.search(tok.text + nxt.text) and (
        _facility_before(text, toks, i) or _brand_before(finder, text, toks, i)
    ):
        return None  # "zum MICRO Depot Mercado", "Lodestar Basel … Lodestar Aragon"
    if _noun_before_foreign(finder, text, toks, i):
        # "Gruppe Petrenko: …", "Im Interview Petrović wurde …": a surname spelled like a
        # name after a noun, whatever stands before the noun
        sure = bool(FOREIGN_LETTERS.search(nxt.text))
        word = "" if sure else nxt.text
        return finder._hit(text, toks, nxt.start, i + 1, i + 1, i + 1, 0.8 if sure else 0.55, word)
    double = _surname_and_place(finder, nxt)  # "Quirin Meier-Lüdenscheid"
    if not (finder.is_surname(nxt) or finder.is_foreign(nxt) or double):
        return None
    if not finder.name_like(tok):
        return None
    surname_like = finder.is_surname(nxt) or FOREIGN_LETTERS.search(nxt.text) or double
    if (finder.is_first(nxt) and not surname_like) or PLACE_END.search(nxt.folded):
        return None
    if i and toks[i - 1].lower in lists.ARTICLES:
        return None
    if finder._institution_after(text, toks, i + 1) or not finder.name_like(nxt):
        return None
    after = toks[i + 2] if i + 2 < len(toks) else nxt
    full = finder.is_first(nxt) and finder._adjacent(text, nxt, after) and finder._sure_name(after)
    if opens_before_name(finder, tok):
        # "Hat Becker recht?", "Frag Becker.": the verb of a question or a request, no
        # first name "Hat" (which made him a second person beside "Herr Jens Becker" and
        # took the verb with him); "Frag Paul Meier.": the full name after it, all of it;
        # also a verb that is a word or a surname ("Such Becker!" kept "Becker" in clear)
        return (
            None
            if full or _noun_after_opener(text, toks, i + 1)
            else finder._hit(text, toks, nxt.start, i + 1, i + 1, i + 1, 0.55, nxt.text)
        )
    if tok.folded in lists.NOT_FIRST or tok.folded in lists.WORD_SURNAMES:
        return None
    if (
        finder._adjacent(text, nxt, after)
        and not finder._sure_name(tok)
        and ((finder.is_first(nxt) and finder._sure_name(after)) or finder.is_first(after))
    ):
        return None  # the name begins at the next word: "Interview Kurt Hoffmann"
    if is_german_noun(tok.folded) and not finder.is_first(tok):
        # "1 Interview Kowalczyk", "Gruppe Petrović": a noun before the surname, no first
        # name of the person (else "Interview" became one in the key, and a later "Anna
        # Kowalczyk" somebody else than "Frau Kowalczyk")
        sure = bool(FOREIGN_LETTERS.search(nxt.text))
        word = "" if sure else nxt.text
        return finder._hit(text, toks, nxt.start, i + 1, i + 1, i + 1, 0.8 if sure else 0.55, word)
    sure = bool(FOREIGN_LETTERS.search(tok.text + nxt.text))
    start = tok.start
    lead = sentence_particles(text, toks, i)  # "De La Cruz sagt": the whole surname
    inverted = [t for t in toks[i + 3 : i + 4] if text[after.end : t.start] == " "]
    if lead is not None and speaks(
        text, toks, i + 1, toks[i + 2] if i + 2 < len(toks) else None, inverted
    ):
        start = toks[lead].start
    return finder._hit(
        text, toks, start, i, i + 1, i + 1, 0.8 if sure else 0.55, "" if sure else nxt.text
    )


# where a clause ends, and the words that join a second subject to the first
_CLAUSE_END = re.compile(r"[,.;:!?\n]")
_JOINED = frozenset(("und", "oder", "sowie", "&"))


def _noun_after_opener(text: str, toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]``, a surname after an opener, is a German noun and subject of a
    verb in the plural that ends its clause ("Obwohl Gelder fehlen, …", "Sobald Gelder da
    sind, …"; "Obwohl Gelder sagte, …" stays a person): judged as after "Weil"."""
    if not is_german_noun(toks[i].folded):
        return False
    end = _CLAUSE_END.search(text, toks[i].end)
    words = text[toks[i].end : end.start() if end else len(text)].split()
    if not words or _JOINED.intersection(words):
        return False  # "Obwohl Gerber und Klein sagen, …": two persons
    if toks[i - 1].folded in FOCUS and _plural_verb(words[0]):
        # "Erst Gelder machen es möglich": the verb second, in the plural, after a plural
        # that is no singular; "Erst Weber haben die Kinder gefragt" (Weber: weavers or the
        # person asked) and "Erst Weber haben wir gefragt" stay a person
        subject = len(words) > 1 and words[1].lower() in _SUBJECT_PRONOUNS
        return plural_noun(toks[i].folded) and not subject
    return _plural_verb(words[-1])


def _focused(finder: PersonFinder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` is a focus particle opening the sentence before a surname of no
    list and a verb in the plural ("Ausgerechnet Hartkopf wählen die Leute"): the verb's
    subject follows it, the surname is its object; a plural noun is the subject itself
    ("Erst Gelder machen es möglich")."""
    if toks[i].folded not in FOCUS or not opens_before_name(finder, toks[i]):
        return False
    nxt = toks[i + 1]
    end = _CLAUSE_END.search(text, nxt.end)
    words = text[nxt.end : end.start() if end else len(text)].split()
    if not words or not _plural_verb(words[0]) or plural_noun(nxt.folded):
        return False
    # the verb's subject stands after it ("… wählen die Leute", "… kennen alle hier");
    # with none there the word before is the subject, a plural of no lexicon ("Erst
    # Skater treffen sich", "Kaum Foodsharer kommen.", "Erst Neuzugezogene kennen das")
    return any(w.lower() in _SUBJECTS_AFTER for w in words[1:3])


# what opens a plural subject after the verb: a pronoun, an article, a quantifier
_SUBJECTS_AFTER = frozenset(
    """wir ihr sie die alle viele manche einige meine unsere eure ihre diese beide
    mehrere wenige""".split()
)


_SUBJECT_PRONOUNS = frozenset("ich du er sie wir ihr man".split())  # "es": an object too


def _plural_verb(verb: str) -> bool:
    """Whether ``verb`` reads as a finite verb in the plural ("fehlen", "sind")."""
    plural = verb.endswith(("en", "ern", "eln")) and not verb.endswith("ien")  # not "schien"
    return verb.isalpha() and verb.islower() and (plural or verb == "sind")


def _surname_and_place(finder: PersonFinder, tok: Tok) -> bool:
    """Whether ``tok`` is a double surname of a gazetteer surname and a place ("Meier-
    Lüdenscheid"); a place before ("Berlin-Mitte", "Köln-Mülheim") makes it a place."""
    parts = tok.text.split("-")
    if len(parts) != 2 or not all(p[:1].isupper() and p[1:].islower() for p in parts):
        return False
    head = replace(tok, text=parts[0], folded=fold(parts[0]), lower=parts[0].lower())
    if not finder.is_surname(head) or is_place_name(head.folded):
        return False
    return is_place_name(fold(parts[1])) and finder.name_like(tok, named=True)


# Facilities named after a place, besides the place words ("MICRO Depot Mercado")
_FACILITIES = frozenset("depot lager kiosk station filiale hub shop store outlet terminal".split())


def _facility_before(text: str, toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]``, before a surname, is a facility's word ("Depot", "Kiosk", a
    place word) after an article and an acronym: the name of a facility ("zum MICRO Depot
    Mercado", a depot by the market hall), not a person met in full. Without the acronym
    the surname stays a person ("Kiosk Kowalski", "Interview Kowalski", "beim AWO Chef
    Kowalski"): a miss would leak a name."""
    tok = toks[i]
    if i < 2 or not (tok.folded in _FACILITIES or place_word(tok)):
        return False
    acronym, article = toks[i - 1], toks[i - 2]
    return (
        acronym.text.isupper()
        and len(acronym.text) >= 2
        and text[acronym.end : tok.start] == " "
        and article.lower in lists.ARTICLES
    )


def _brand_before(finder: PersonFinder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether the unknown word ``toks[i]`` stands elsewhere in the text before another
    capitalised word that is no name ("I restarted Lodestar Basel … and left Lodestar
    Aragon"): a product's or a firm's name before its variants, no first name of one
    person. Two surnames after it are two people ("Quirin Kowalski, Quirin Nowak")."""
    word, surname = toks[i].text, toks[i + 1].lower
    if isinstance(toks, TokenList) and toks.text is text:
        # each next word once, from the tokens' index: reading every word of the text for
        # every unknown word made a long text without line breaks take minutes
        return any(
            lower != surname and _no_surname(finder, toks[k + 1])
            for (_, lower), k in toks.before_capital(word).items()
        )
    return any(
        tok.text == word
        and k != i
        and k + 1 < len(toks)
        and text[tok.end : toks[k + 1].start] == " "
        and toks[k + 1].text[:1].isupper()
        and toks[k + 1].lower != surname
        and _no_surname(finder, toks[k + 1])
        for k, tok in enumerate(toks)
    )


def _no_surname(finder: PersonFinder, tok: Tok) -> bool:
    """Whether ``tok`` is neither a surname nor spelled like one, nor listed as one."""
    return (
        not finder.is_surname(tok)
        and not finder.is_foreign(tok)
        and not finder.names.has_last(tok.text)
    )


def enumerated(
    finder: PersonFinder, text: str, toks: list[Tok], i: int, before: Hit | None
) -> tuple[Hit, int] | None:
    """A surname listed right after a person ("Becker, Lukas und Vogel")."""
    tok = toks[i]
    if before is None or tok.start - before.end > _LONGEST_ENUMERATION:
        return None
    if text[before.end : tok.start] not in _ENUMERATION:
        return None
    if not finder.names.has_last(tok.text) or not finder.name_like(tok, loose=True):
        return None
    if tok.folded in lists.COMMON_NOUNS or tok.folded in lists.LANGUAGE_WORDS:
        return None
    if finder.is_role(tok):
        return None
    return Hit(tok.start, tok.end, "person", tok.lower, 0.75, tok.text), i


# What may stand before a speaker's label at a line's start: blanks, a bullet, a dash
_LINE_OPENING = re.compile(r"[ \t\u00a0*•·–-]*")


def unlisted_pair(
    finder: PersonFinder, text: str, toks: list[Tok], i: int, before: Hit | None = None
) -> tuple[Hit, int] | None:
    """Two capitalised words of no list in the middle of a sentence ("Gestern kam Chidinma
    Nwachukwuike zum Treffen", "mit Quirin Zabelberg gesprochen"): German writes a noun so,
    and neither is one, nor a place, nor a name of the gazetteer — most likely a first name
    and a surname. Only after a lower-case word that is no article, the two alone (no third
    capitalised word beside them: a title, an organisation); opening a sentence before a
    verb in the singular ("Quirin Zabelberg meint, …"; "Offene Tür hat zu" stays) or a
    line before a colon, as a speaker's label ("Quirin Zabelberg: Mehr Licht.";
    "Praktischer Klimaschutz: …" stays), and no place of two words ("Addis Abeba").
    Uncertain, so shown for review."""
    tok = toks[i]
    if i + 1 >= len(toks) or text[tok.end : toks[i + 1].start] != " ":
        return None
    nxt = toks[i + 1]
    if tok.sentence_start:
        # "Quirin Zabelberg: Mehr Licht.", a speaker's label; "Quirin Zabelberg meint, …",
        # "Chidinma Nwachukwuike kommt morgen.", the subject of a verb in the singular
        label = text.startswith(":", nxt.end) and _LINE_OPENING.fullmatch(
            text, text.rfind("\n", 0, tok.start) + 1, tok.start
        )
        if _focused(finder, text, toks, i):
            # "Ausgerechnet Hartkopf wählen die Leute": the particle, then the surname
            if not unlisted_surname_word(finder, nxt) or finder._institution_after(
                text, toks, i + 1
            ):
                return None
            return finder._hit(text, toks, nxt.start, i + 1, i + 1, i + 1, 0.55, nxt.text)
        verb = singular_verb(text, toks, i + 1) or affiliated_verb(text, toks, i + 1)
        if not (label or verb):
            return None
    else:
        prev = toks[i - 1]
        # "Anwesend waren Chidinma Nwachukwuike, Quirin Zabelberg und …": one of a list
        listed = before is not None and tok.start - before.end == len(", ")
        listed = listed and text[before.end : tok.start] in (", ", "; ")
        if text[prev.end : tok.start] != " " and not listed:
            return None
        # "Mit Quirin Zabelberg haben wir gesprochen": a preposition opening the sentence,
        # "Ausgerechnet Quirin Hartkopf wählen die Leute", "Nur Okke Tjaden kam": a focus
        # particle
        opening = prev.sentence_start and prev.folded in _NAME_PREPOSITIONS | _PAIR_FOCUS
        if not (prev.text.islower() or opening or listed) or prev.lower in lists.ARTICLES:
            return None
        after = toks[i + 2] if i + 2 < len(toks) else None
        if after is not None and text[nxt.end : after.start] == " " and after.text[0].isupper():
            return None  # "Reinventing Society Network", "Kemal Altun Platz"
    if not (unlisted_word(finder, tok) and unlisted_surname_word(finder, nxt)):
        return None
    if is_place_phrase(f"{tok.folded} {nxt.folded}"):
        return None  # "Addis Abeba", "Abu Dhabi": a place of two words
    if finder._institution_after(text, toks, i + 1):
        return None
    if opens_before_name(finder, tok):
        # "Hat Hartkopf recht?", "Obwohl Hartkopf sagte, …" after "Gregor Hartkopf": the
        # verb or the conjunction, no first name "Obwohl" of a second Hartkopf (which also
        # made every later "Hartkopf" alone a third); a listed "Hartkopf" of the same text
        # is the listed person (the pair, longer, took the opener into the placeholder)
        return finder._hit(text, toks, nxt.start, i + 1, i + 1, i + 1, 0.55, nxt.text)
    return finder._hit(text, toks, tok.start, i, i + 1, i + 1, 0.6, nxt.text)
