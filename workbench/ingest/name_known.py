"""Name words the project already knows, and names before a genitive "s" (rules of
:class:`workbench.ingest.names.PersonFinder`, which passes itself as ``finder``)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import replace
from typing import Protocol

from workbench.ingest import name_lists as lists
from workbench.ingest.name_gazetteer import Gazetteer, fold
from workbench.ingest.name_tokens import PLACE_END, Tok, genitive_at
from workbench.ingest.noun_lexicon import is_german_noun, is_place_name
from workbench.ingest.pii_patterns import Hit
from workbench.ingest.place_owner import owner_first


class Finder(Protocol):
    """What these rules use of :class:`workbench.ingest.names.PersonFinder`."""

    known: Mapping[str, str]  # lower-case name word → person key, from the project's key
    named: Collection[str]  # person keys met with a first name or a form of address
    confirmed: Collection[str]  # folded words a researcher confirmed as names
    protected: Collection[str]  # folded words of the project's places (its districts)
    names: Gazetteer

    def blocked(self, tok: Tok) -> bool:
        """Never part of a name."""

    def is_first(self, tok: Tok) -> bool:
        """A first name of the gazetteer."""

    def is_surname(self, tok: Tok) -> bool:
        """A surname of the gazetteer that is no ordinary word."""

    def is_foreign(self, tok: Tok) -> bool:
        """A word spelled like a non-German name."""

    def name_like(self, tok: Tok, loose: bool = False, named: bool = False) -> bool:
        """Could be a name."""

    def _institution_after(
        self, text: str, toks: list[Tok], last: int, streets_only: bool = False
    ) -> bool:
        """Whether the name is followed by "Schule", "Platz", …"""


# Folded words that make a gazetteer surname an ordinary word ("Koch", "Sommer", "Man").
ORDINARY = (
    lists.WORD_SURNAMES
    | lists.NOT_FIRST
    | lists.FUNCTION_WORDS
    | lists.COMMON_NOUNS
    | lists.LANGUAGE_WORDS
)


def ordinary_word(word: str) -> bool:
    """Whether ``word`` is also a word of the language ("Kurz", "Koch", "Winter"): alone
    in a text it names nobody for sure."""
    return fold(word) in ORDINARY


# Two letters that abbreviate a day or a word ("Do und Fr geschlossen", "Nr"), no surname
_SHORT_WORDS = frozenset("mo di mi do fr sa so nr dr st hr ca zb ok".split())


def short_word(tok: Tok) -> bool:
    """Whether ``tok`` is too short to be a known surname alone: one letter, or two that
    are not a capital and a small letter ("Li", "Wu", "Ng" are; "OK", the "Do" of "Do und
    Fr geschlossen" are not)."""
    text = tok.text
    if len(text) >= 3:
        return False
    return (
        len(text) < 2
        or not (text[0].isupper() and text[1].islower())
        or (tok.folded in _SHORT_WORDS)
    )


_FAMILY_BEFORE = frozenset("die den bei mit von zu".split())  # "die Müllers", "bei Müllers"


def known_word(finder: Finder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """A name word the project's key already holds ("Becker" after "Jens Becker",
    "Kleinhempel" after "Herr Thomas Kleinhempel").

    A word of no name list counts if the key met it as a surname with a first name or a
    form of address and it is no word of the language ("Bauer", "Rosen": see
    :func:`known_in_text`) and no German noun of the Wiktionary (:mod:`noun_lexicon`:
    "Frau Licht", then "Mehr Licht im Park"; "Kirche Maria Königin", then "Königin"):
    replaced (0.6) and shown for review, as no list can say it is no word at all; not
    before "Platz", "Park", … ("Kemal Altun Platz" names a place, as the full name rules
    read it). A word the key holds only from an uncertain candidate alone ("Laut
    Sonnenberg", 0.55) does not count: it would spread to every text, though the review
    queue, which reads the texts again with the whole key, is where a researcher decides
    whether it is a name at all."""
    tok = toks[i]
    key = finder.known.get(tok.lower)
    # a surname the key met with a first name or a form of address ("Karin Wendland",
    # "Frau Neuhaus") is hers alone too, though it ends like a compound ("-land", "-haus")
    if key is None or short_word(tok) or not finder.name_like(tok, loose=key in finder.named):
        return None
    if len(tok.text) == 2 and key not in finder.named:
        return None  # "Li" only of a person met as "Frau Li", "Mei Li"
    if tok.folded in lists.NOT_FIRST or tok.folded in lists.WORD_SURNAMES:
        return None
    start = toks[particles_before(text, toks, i)].start  # "van der Dussen": one name
    if (
        start == tok.start
        and i
        and (
            (
                toks[i - 1].lower in lists.ARTICLES
                and not _after_preposition(finder, toks[i - 1], tok)
            )
            or quantified(text, toks, i)
        )
    ):
        return None
    if key != tok.lower:  # a known "Öztürk" written "Oeztuerk": shown for review
        return Hit(start, tok.end, "person", key, 0.75, tok.text), i
    if names_place(finder, text, toks, i) or patronage(finder, text, toks, i):
        return None  # "Kemal Altun Platz", "Kirche Maria Himmelfahrt": places
    if finder.is_surname(tok) or finder.is_first(tok) or finder.is_foreign(tok):
        return Hit(start, tok.end, "person", key, 0.8), i
    if key not in finder.named or ordinary_word(tok.text):
        return None
    if tok.folded in lists.NOUN_FIRST_NAMES:  # "Rosen": known_in_text's
        return None
    if finder._institution_after(text, toks, i):
        return None
    if is_german_noun(tok.folded):  # "Frau Licht", then "Mehr Licht im Park": a word
        return None
    return Hit(start, tok.end, "person", key, 0.6, tok.text), i


# Prepositions among the articles: before a noun or a place a time or a direction ("nach
# Ostern", "bis Sommer", "nach Köln"), before a surname the key holds the person ("Nach
# Becker kommt keiner.", "nach Wendland")
_PREPOSITIONS = frozenset(("nach", "bis"))


def _after_preposition(finder: Finder, prev: Tok, tok: Tok) -> bool:
    """Whether ``tok``, a word the key holds, follows "nach" or "bis" as a person: no noun
    (but a surname of the gazetteer that is no ordinary word: "Meier"), no place, no word
    of the language, no day or month."""
    return (
        prev.folded in _PREPOSITIONS
        and (not is_german_noun(tok.folded) or finder.is_surname(tok))
        and not is_place_name(tok.folded)
        and not ordinary_word(tok.text)
        and tok.folded not in lists.CALENDAR
    )


_PARTICLES_FIRST = frozenset("van ter ten de del della dos di".split())  # not "von", "da"


def particles_before(text: str, toks: list[Tok], i: int) -> int:
    """The index of the first particle of a name before ``toks[i]`` ("van der Dussen",
    "van Dussen", "de la Cruz" → the index of "van"/"de"), or ``i`` if there is none;
    "von", "zu" and "da" are German words first ("von der Becker" stays as it is)."""
    first = i
    while first and toks[first - 1].lower in lists.PARTICLES:
        if text[toks[first - 1].end : toks[first].start] != " ":
            break
        first -= 1
    while first < i and toks[first].lower not in _PARTICLES_FIRST:
        first += 1
    return first


# Comparatives of quantity before a noun ("Mehr Luke im Park", "weniger Kai"); "wenig",
# "genug" also stand before a name ("Genug Kai gesehen", "Wenig Anna, viel Arbeit")
_QUANTITIES = frozenset(("mehr", "weniger"))


def quantified(text: str, toks: list[Tok], i: int) -> bool:
    """Whether "mehr" or "weniger" stands right before ``toks[i]`` ("Mehr Luke im Park",
    "weniger Kai"): a noun follows it, no name."""
    return (
        i > 0 and toks[i - 1].lower in _QUANTITIES and text[toks[i - 1].end : toks[i].start] == " "
    )


def names_place(finder: Finder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether the name word ``toks[i]``, alone or with the capitalised word after it,
    names a place: "Platz", "Straße", "Schule", … follows ("Kemal Altun Platz", "dem
    Kemal ALtun Platz" with its surname mistyped), as the full name rules read it."""
    if finder._institution_after(text, toks, i):
        return True
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or text[toks[i].end : nxt.start] != " " or not nxt.text[0].isupper():
        return False
    return finder._institution_after(text, toks, i + 1)


# Churches and parishes beside the place words ("Pfarrei Maria Königin")
_PARISH_END = ("pfarrei", "gemeinde", "kapelle", "kloster", "stift", "basilika", "munster")


def patronage(finder: Finder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether "Maria" (``toks[i]``) after a church's or an institution's word begins its
    patron's name with a German noun of no surname list ("Kirche Maria Himmelfahrt",
    "Pfarrei Maria Königin", "Kita Maria Frieden") or "Hilf" ("Kirche Maria Hilf"); any
    other first name there stays a person ("Im Jugendzentrum Peter Licht gesprochen")."""
    if not 0 < i < len(toks) - 1 or toks[i].text != "Maria":
        return False
    prev, nxt = toks[i - 1], toks[i + 1]
    if text[prev.end : toks[i].start] != " " or text[toks[i].end : nxt.start] != " ":
        return False
    church = prev.folded.endswith(_PARISH_END) or place_word(prev)
    if not church or not prev.text[0].isupper() or not nxt.text[0].isupper():
        return False
    noun = is_german_noun(nxt.folded) and not finder.names.has_last(nxt.text)
    return noun or nxt.folded == "hilf"


def genitive(finder: Finder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """A first name or a known name before a genitive "s" ("Annas Idee"), or a family
    by its surname ("die Müllers", "bei Müllers"); the "s" stays."""
    if not toks[i].text.endswith("s"):
        return None  # no genitive "s" (what genitive_at reads at its end): most words
    tok, w = toks[i], toks[i].text[:-1]
    stem = replace(tok, end=tok.end - 1, text=w, folded=tok.folded[:-1], lower=w.lower())
    key = finder.known.get(stem.lower)
    # a word before "s" is a genitive of the word ("Kochs Rezept"), but no word ends in
    # "xs", "zs" or "ßs": "Straußs Vorschlag" of the key's Jonas Strauß is his
    word = stem.folded in ORDINARY and not (key is not None and w[-1:] in ("x", "z", "ß"))
    if len(w) < 3 or word or finder.blocked(tok) or finder.blocked(stem):
        return None
    if finder.is_first(tok):  # "Die Thomas Mann Schule", "Hans Sachs Straße": no "Thoma"
        return None
    family = i and toks[i - 1].lower in _FAMILY_BEFORE and finder.is_surname(stem)
    family = family and tok.text.endswith("s") and w[1:].islower()  # not "bei McDonalds"
    if not family and (
        (i and toks[i - 1].lower in lists.ARTICLES)
        or not genitive_at(text, stem.end, sibilant=key is not None)
    ):
        return None
    if key is None and not finder.is_first(stem) and not family:
        return None
    return Hit(stem.start, stem.end, "person", key or stem.lower, 0.75, stem.text), i


def owner_stem(finder: Finder, text: str, tok: Tok, loose: bool = False) -> Tok | None:
    """The name in a name word with a genitive "s" ("Frau Schmidts Garten", "Herrn
    Nowaks Idee" → Schmidt, Nowak), if the word without it is a name and the word with it
    is none ("Frau Peters Garten", "Herr Fuchs" stay): one person, not a second one
    called "Schmidts". ``loose``: also if the word with it is a name too ("Jonas Beckers
    Haus" owns a house; it is not called so). A surname that is also a word counts here
    ("Anna Bauers Garten", "Frau Kochs Café"): it stands in a person's name already."""
    w = tok.text[:-1]
    if not tok.text.endswith("s") or len(w) < 3:
        return None  # the key is asked only for the stem of a word with an "s"
    sibilant = w.lower() in finder.known  # "Ayse Yilmazs Vorschlag" after "Ayse Yilmaz"
    if not genitive_at(text, tok.end - 1, sibilant):
        return None
    named = tok.lower in finder.known or finder.is_surname(tok) or finder.is_first(tok)
    if named and not loose:
        return None
    stem = replace(tok, end=tok.end - 1, text=w, folded=tok.folded[:-1], lower=w.lower())
    name = finder.is_surname(stem) or finder.is_first(stem) or finder.is_foreign(stem)
    name = name or (w[:1].isupper() and finder.names.has_last(w))
    return stem if name or stem.lower in finder.known else None


_LOWER_TITLES = frozenset(("frau", "herr", "herrn"))


def addressed_lower(finder: Finder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """A form of address and a surname typed in lower case, as in chats ("frau schmidt hat
    gesagt", "herr kowalski kommt"): a surname of the gazetteer or spelled like a name, no
    German word ("die frau weiss", "herr ober")."""
    tok = toks[i]
    if tok.text not in _LOWER_TITLES or i + 1 >= len(toks):
        return None
    nxt = toks[i + 1]
    if text[tok.end : nxt.start] != " " or not nxt.text.islower() or finder.blocked(nxt):
        return None
    if not lists.lower_case_name_ok(nxt.text) or nxt.folded in ORDINARY:
        return None
    title = replace(nxt, text=nxt.text[:1].upper() + nxt.text[1:])
    if not (finder.is_surname(title) or finder.is_foreign(title)):
        return None
    return Hit(tok.start, nxt.end, "person", nxt.lower, 0.8), i + 1


def known_lower(finder: Finder, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """A known person's name word in lower case ("waltraud, …"); shown for review."""
    tok = toks[i]
    if not tok.text.islower() or not lists.lower_case_name_ok(tok.text):
        return None  # "die", "und", "ampel": not asked of the key
    key = finder.known.get(tok.lower)
    if key is None:
        return None
    if finder.blocked(tok) or (i and toks[i - 1].lower in lists.ARTICLES):
        return None
    title = replace(tok, text=tok.text[:1].upper() + tok.text[1:])
    if not (finder.is_surname(title) or finder.is_first(title) or finder.is_foreign(title)):
        return None
    return Hit(tok.start, tok.end, "person", key, 0.7, tok.text), i


def address_name(
    finder: Finder, text: str, toks: list[Tok], j: int, last: int, surname: int | None
) -> tuple[int, int]:
    """The last token and the surname of the name from ``j`` after a form of address,
    whose chain ended at ``last``. An unlisted word with a second name-like one after a
    blank is a first name ("Herrn Quirin Zabelberg"; else that surname stayed in clear);
    a known surname stays the name alone ("Frau Kaya Eltern erreichen")."""
    first, nxt = toks[j], toks[j + 1] if j + 1 < len(toks) else None
    unlisted = not (finder.is_first(first) or finder.is_surname(first))
    blank = nxt is not None and text[first.end : nxt.start] in (" ", "\u00a0")
    if last == j and unlisted and blank and finder.name_like(nxt):
        return j + 1, j + 1
    return last, last if surname is None else surname


# Prepositions after which a singular noun needs an article ("mit Koch reden": the person)
_NOUN_PREPOSITIONS = frozenset("mit von an bei fur gegen ohne".split())
# Lower-case words ending in "t" that are no verb after a subject ("Bauer gut", "Koch erst")
_NOT_VERBS = frozenset("gut laut weit spat erst oft bunt bekannt fast mit seit nicht jetzt".split())
_FINITE = frozenset("ist hat war will kann muss soll darf mag weiss".split())


# Auxiliaries after a participle at a sentence's start ("Lange gewartet haben wir nicht")
_AUXILIARIES = frozenset("haben hat hatte hatten sein ist war waren wird werden wurde".split())


def _participle(text: str, toks: list[Tok], j: int) -> bool:
    """Whether ``toks[j]`` is a past participle, no finite verb: "ge…t" before a comma or
    an auxiliary ("Kurz gesagt, …"; "Bauer gewinnt" stays a verb)."""
    word = toks[j].folded
    if not (word.startswith("ge") and word.endswith("t") and len(word) >= 6):
        return False
    k = toks[j].end  # the blanks after it, not a copy of the rest of the text
    while text.startswith(" ", k):
        k += 1
    return text.startswith(",", k) or (j + 1 < len(toks) and toks[j + 1].folded in _AUXILIARIES)


def singular_verb(text: str, toks: list[Tok], i: int) -> bool:
    """Whether a finite verb of the third person singular follows ``toks[i]`` ("kommt")."""
    if i + 1 >= len(toks) or text[toks[i].end : toks[i + 1].start] != " ":
        return False
    verb = toks[i + 1]
    if not verb.text.isalpha() or not verb.text.islower() or verb.folded in lists.FUNCTION_WORDS:
        return False
    if _participle(text, toks, i + 1):  # "Kurz gesagt, …", "Lange gewartet haben wir"
        return False
    return verb.folded in _FINITE or (
        len(verb.folded) >= 4 and verb.folded.endswith("t") and verb.folded not in _NOT_VERBS
    )


# A lower-case word after a name that makes it a place ("Alma Wartenberg platz")
_PLACE_TYPED = re.compile(r"(?:strasse|str|platz|allee|schule|gymnasium|kirche)$")
# Verbs only a person does ("Jonas Garten hilft"; "Markus Haus ist offen" is his house)
_PERSON_VERBS = frozenset("hilft kommt wohnt arbeitet leitet organisiert kummert ubernimmt".split())


def place_surname(
    finder: Finder, text: str, toks: list[Tok], last: int, addressed: bool = False
) -> bool:
    """Whether the place word after the first name ``toks[last]`` is her surname ("Frau
    Eva Garten hilft", "Herr Anton Brunnen, …", "Anton Brunnen hilft", "Peter Niehaus
    sagt"): after a form of address before a lower-case word, a punctuation mark or the
    text's end; else with no article before ("der Anton Brunnen", "im Eva Garten") and
    no second name before ("Anne Frank Schule hilft"): before a finite verb, or where a
    name stands (:func:`_name_context`: "Viele Grüße, Anton Brunnen", "mit Peter Niehaus
    reden"; not after a place's label, :func:`among_places`: "Treffpunkt: Anton Brunnen.") before
    what ends a name (:func:`name_ends`; not "Anton Brunnen platz")."""
    if last + 1 >= len(toks) or not finder.is_first(toks[last]):
        return False
    if text[toks[last].end : toks[last + 1].start] not in (" ", "\u00a0"):
        return False
    if not place_word(toks[last + 1]):
        return False
    if not addressed:
        prev = toks[last - 1] if last else None
        joined = prev is not None and text[prev.end : toks[last].start] in (" ", "\u00a0")
        if prev is not None and (
            prev.lower in lists.ARTICLES
            or (joined and prev.text[0].isupper() and not finder.blocked(prev))
        ):
            return False  # "der Anton Brunnen", "im Eva Garten", "Anne Frank Schule hilft"
        # "Markus Haus ist offen": his house, the apostrophe left out; a person acts
        owner = owner_first(toks, last)  # not "Jonas Baumgarten kam"
        if owner and _acts_before(text, toks, last):
            return name_ends(text, toks, last + 1)  # "Gestern hat Markus Haus geholfen"
        if not singular_verb(text, toks, last + 1):
            # "Viele Grüße, Anton Brunnen", "mit Peter Niehaus reden", "hat Anton Brunnen"
            return (
                not owner
                and _name_context(text, toks, last)
                and not among_places(finder, text, toks, last)
                and name_ends(text, toks, last + 1)
            )
        return not owner or toks[last + 2].folded in lists.SPEECH_VERBS | _PERSON_VERBS
    return name_ends(text, toks, last + 1)


# What a person did, after "hat" and the name ("Gestern hat Markus Haus geholfen"), and
# verbs in the past only a person does before the name ("Dann kam Markus Haus dazu")
_PERSON_PARTICIPLES = frozenset(
    "geholfen angerufen organisiert mitgebracht ubernommen eingeladen gekocht vorbereitet "
    "geleitet geschrieben gesagt gemeint erzahlt betont gefragt erklart berichtet erganzt "
    "angemerkt vorgeschlagen".split()
)
_PERSON_PAST = frozenset("kam half wohnte arbeitete leitete organisierte kummerte".split())


def _acts_before(text: str, toks: list[Tok], i: int) -> bool:
    """Whether the first name ``toks[i]`` is the subject of the verb before it, where a
    place word after it cannot be: "hat" before and a person's participle after the place
    word ("Gestern hat Markus Haus geholfen"), or a verb only a person does ("Dann kam
    Markus Haus", "Heute sagt Markus Haus"); "Gestern brannte Markus Haus" is his house."""
    if i == 0 or i + 2 >= len(toks) or text[toks[i - 1].end : toks[i].start] != " ":
        return False
    verb = toks[i - 1].folded
    if verb in _PERFECT_AUXILIARIES:
        return toks[i + 2].folded in _PERSON_PARTICIPLES
    return verb in _PERSON_PAST or verb in _PERSON_VERBS or verb in lists.SPEECH_VERBS


_PERFECT_AUXILIARIES = frozenset(("hat", "hatte"))


def person_acts(text: str, toks: list[Tok], k: int) -> bool:
    """Whether a verb only a person does follows ``toks[k]`` after a blank, in lower case:
    a speech verb ("sagt", "meint"), "kam", "wohnt", "hilft", or "hat" with a person's
    participle one or two words on ("hat angerufen", "hat uns geholfen")."""
    if k + 1 >= len(toks) or text[toks[k].end : toks[k + 1].start] != " ":
        return False
    verb = toks[k + 1]
    if not verb.text.islower():
        return False
    if verb.folded in _PERFECT_AUXILIARIES:
        after = toks[k + 2 : k + 4]
        return any(t.folded in _PERSON_PARTICIPLES and t.text.islower() for t in after)
    return (
        verb.folded in _PERSON_PAST
        or verb.folded in _PERSON_VERBS
        or (verb.folded in lists.SPEECH_VERBS)
    )


def _name_context(text: str, toks: list[Tok], i: int) -> bool:
    """Whether the first name ``toks[i]`` stands where a person's name does, no place's:
    at the text's or a sentence's start, after a comma or colon ("Grüße, Anton …",
    "Teilnehmende: Eva …") or after a word that is no article ("mit", "hat", "Laut");
    the caller has ruled out articles and contractions ("im", "zum") before."""
    if i == 0 or toks[i].sentence_start:
        return True
    prev = toks[i - 1]
    if text[prev.end : toks[i].start].strip(" \u00a0") in (",", ":"):
        return True
    return prev.text.islower() or (prev.sentence_start and prev.text[1:].islower())


# Labels of a place before a colon ("Treffpunkt: Anton Brunnen.")
_PLACE_LABELS = frozenset(
    "treffpunkt treffpunkte treff ort orte standort standorte wo lage route strecke "
    "haltestelle".split()
)


def among_places(finder: Finder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether the first name ``toks[i]`` with a place word after it names a place: after
    a place's label and a colon ("Treffpunkt: Anton Brunnen.", "Wo: Eva Garten"). A list
    beside places keeps its people ("Wir danken dem Rathaus, Anna Park und …"): a miss
    would leak a name."""
    if not i or toks[i - 1].folded not in _PLACE_LABELS:
        return False
    return text[toks[i - 1].end : toks[i].start].strip(" \u00a0") == ":"


def place_word(tok: Tok) -> bool:
    """A capitalised word for a place or an institution ("Garten", "Brunnen", "Neuhaus")."""
    if not tok.text[0].isupper() or tok.text.isupper():
        return False
    return bool(PLACE_END.search(tok.folded)) or tok.folded in lists.INSTITUTION_NOUNS


def name_ends(text: str, toks: list[Tok], k: int) -> bool:
    """Whether a name after a form of address ends with ``toks[k]``: a lower-case word, a
    punctuation mark or the text's end follows ("Frau Garten hilft", "Herr Park, der …"),
    no word that makes the name a place ("Schule", "platz")."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or text[toks[k].end : nxt.start].strip():
        return True  # "Frau Eva Garten.", "Herr Anton Brunnen, der …"
    return nxt.text[0].islower() and not _PLACE_TYPED.search(nxt.folded)


def _unlisted_noun(finder: Finder, tok: Tok) -> bool:
    """Whether ``tok`` is on no name list and an ordinary German noun ("Licht", "Regen"):
    a listed surname ("Müller", "Wagner") stays a name wherever it stands."""
    listed = finder.is_surname(tok) or finder.is_first(tok) or finder.is_foreign(tok)
    return not listed and is_german_noun(tok.folded)


def known_in_text(
    finder: Finder, text: str, toks: list[Tok], i: int, seen: Mapping[str, str]
) -> tuple[Hit, int] | None:
    """A surname met earlier in the same text ("Frau Terhorst hilft. Terhorst kommt"), or
    one of the text or the key that is also a word, where no noun can stand: the subject
    without article before a verb ("Frau Bauer hilft. Bauer kommt auch."), after "mit",
    "von", … without article ("Mit Koch reden wir"). "Der Bauer kommt" stays a word, and
    so does a surname of no name list that is a German noun (:mod:`noun_lexicon`): "Frau
    Licht sagt, mehr Licht im Park wäre gut" keeps the second "Licht"."""
    tok = toks[i]
    key = seen.get(tok.lower) or finder.known.get(tok.lower)
    if key is None or short_word(tok) or not tok.text[0].isupper() or finder.blocked(tok):
        return None
    prev = toks[i - 1] if i else None
    if prev is not None and prev.lower in lists.ARTICLES:
        return None
    if tok.folded not in ORDINARY:
        if tok.lower not in seen or not finder.name_like(tok, named=True):
            return None  # one of the key: known_word's
        if not _unlisted_noun(finder, tok):  # "Licht": a word but where no noun can stand
            return Hit(tok.start, tok.end, "person", key, 0.8), i
    after_preposition = (
        prev is not None
        and prev.folded in _NOUN_PREPOSITIONS
        and text[prev.end : tok.start] == " "
        and tok.folded not in lists.NOUN_FIRST_NAMES  # plurals: "mit Rosen geschmückt"
    )
    if not (after_preposition or (tok.sentence_start and singular_verb(text, toks, i))):
        return None
    return Hit(tok.start, tok.end, "person", key, 0.6, tok.text), i
