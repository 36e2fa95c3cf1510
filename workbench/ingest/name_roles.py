"""Names after a form of address or a role ("Frau Schmidt", "Herrn Prof. Dr. Becker-Lang",
"Pfarrerin Schulte-Brinkmann", "Hausmeister Kowalski"): rules of
:class:`workbench.ingest.names.PersonFinder`, which passes itself as ``finder``."""

from __future__ import annotations

import re
from typing import Protocol

from workbench.ingest import name_lists as lists
from workbench.ingest import name_pairs as pairs
from workbench.ingest.facility_words import service_word
from workbench.ingest.name_affiliation import noble_end, noble_word
from workbench.ingest.name_context import NameContext
from workbench.ingest.name_known import (
    address_name,
    name_ends,
    owner_stem,
    person_acts,
    place_surname,
    place_word,
)
from workbench.ingest.name_tokens import DIRECTION, Tok, last_char
from workbench.ingest.noun_lexicon import (
    compound_noun,
    is_german_noun,
    is_person_name,
    is_place_name,
    plural_noun,
)
from workbench.ingest.pii_patterns import Hit
from workbench.ingest.resident_places import PERSON_WORD, resident_place
from workbench.ingest.role_nouns import addressed_role
from workbench.ingest.unlisted_words import house_surname_word

_DETERMINERS = frozenset(
    "jede jeder jeden eine einer einen keine keiner diese dieser welche welcher manche jene "
    "jener irgendeine junge alte altere andere".split()
)
FAMILY = frozenset(("familie", "fam", "ehepaar", "eheleute", "geschwister"))
# Words of the common nouns that are no surname after a form of address ("Frau Danke").
_NO_SURNAME = frozenset("danke bitte hallo mehr vielen alles nichts etwas personlich mal".split())
# Words before "Frau" or "Herr" meaning anyone ("wenn meine Frau Zeit hat", "als Frau Angst").
_GENERIC = (
    lists.ARTICLES
    | _DETERMINERS
    | frozenset("als wie meiner seiner ihrer deine deiner eure eurer unserer".split())
)

# "im Ruhestand", "außer Dienst" after a role: "Pfarrer i.R. Jansen", "Bürgermeister a.D. Müller"
_RETIRED = re.compile(r"[ \u00a0](?:i\.[ \u00a0]?R|a\.[ \u00a0]?D)\.[ \u00a0]")

# Prepositions among the articles: "Kontakt über Herr vom Brocke" is a person
_PLACES_BEFORE = frozenset("uber nach bis im am um vom zum zur beim ins ans".split())
# German particles fused with an article that open a surname after a form of address
_CONTRACTED = frozenset(("vom", "zum", "zur"))
# Old datives and sides still said after "vom", "zum", "zur": no surname
_IDIOMS = frozenset("lande tage tode dienste grunde rande wege hause linken rechten".split())
# Set phrases with "vom", "zum", "zur" (folded word after it): "Frau zum Beispiel sagt",
# "Herr zur Sache:", "vom Feinsten" — no surname, even where a name list knows the word
# ("Glück", "Ende", "Wohl")
_CONTRACTED_PHRASES = frozenset(
    """beispiel gluck teil zeit schluss feinsten sache abschluss thema info not dank abschied
    sicherheit spass begrussung wohl kenntnis horensagen ende schutz ruhe mitnehmen
    geburtstag hand seite verfugung probe vergleich ausgleich einsatz anfassen trotz
    zweck""".split()
)
# Words of the land that German surnames keep after "vom", "zum", "zur" ("vom Bruch", "zum
# Winkel", "zur Linde", "zur Heide"): a form of address with one of them names a person; an
# office, a shop, a trade or a place one comes from ("vom Amt", "vom Kiosk", "vom Dorf")
# stays. Left out: words for streets, yards and waters met as places ("Hof", "Graben",
# "Brücke", "Ufer") and "Wald", "Land", "Dorf". Words of no noun ("Kamp", "Brocke") are
# surnames there anyway.
_LANDSCAPE = frozenset(
    "bruch berg stein busch hagen bach holz brink feld winkel linde heide horst sand baum "
    "tal moor".split()
)
# Words of streets and an end that surnames keep ("vom Graben", "zur Brücke", "vom Ende"),
# places too ("die Frau vom Graben gegenüber", "zum Ende"): a surname only where the form of
# address opens the sentence and a verb only a person does follows (:func:`_street_surname`)
_STREET_SURNAMES = frozenset(
    (("vom", "graben"), ("zum", "graben"), ("zur", "brucke"), ("vom", "ende"))
)
# "Frau von Welt", "Mann von Format": an idiom, no surname
_VON_IDIOMS = frozenset(("welt", "format", "stand"))
# What follows the Low German "op" in a surname ("op de Hipt", "op den Kamp")
_LOW_GERMAN = frozenset(("de", "den", "der", "ten"))

# Roles people are addressed by: "Herr Pastor", "Herr Doktor" name nobody.
_ADDRESS_ROLES = frozenset(("doktor", "pastor"))
# an apostrophe-s after a role word ("Herr Doktor's Rat", "Frau Richter's Antrag")
_APOSTROPHE_S = re.compile(r"['’]s$")


class Finder(pairs.PersonFinder, Protocol):
    """What these rules use of :class:`workbench.ingest.names.PersonFinder`."""

    context: NameContext

    def _blocked_first(self, toks: list[Tok], i: int, after_context: bool = False) -> bool:
        """A first name that is also a word, where nothing says it is a name."""


def after_title(finder: Finder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """A name after a form of address ("Frau Schmidt", "Herrn Dr. Becker", "Familie Kaya")."""
    """A name after a form of address ("Frau Schmidt", "Herrn Dr. Becker", "Familie Kaya")."""
    tok = toks[i]
    title = tok.lower + ("." if tok.dot else "")
    if tok.lower not in lists.TITLES and title not in lists.TITLES:
        return None
    prev = toks[i - 1] if i else None
    if (
        prev is not None
        and not tok.sentence_start
        and prev.folded in _DETERMINERS
        and text[prev.end : tok.start].strip() == ""
        and not (i + 1 < len(toks) and finder._sure_name(toks[i + 1]))
    ):
        # "jede Frau", "eine Frau Anfang 40" — but "für Ältere, Frau Iwanowa", "Ältere.
        # Frau …" and "die ältere Frau Schmidt" (a name of the gazetteer) are persons
        return None
    j = i + 1
    while j < len(toks) and (
        ((toks[j].lower + ".") in lists.ACADEMIC and toks[j].dot)
        or (
            finder.is_role(toks[j], name_follows(finder, text, toks, j))
            and not role_surname(finder, text, toks, j)
        )
        or _title_before_name(finder, text, toks, i, j)
        or (toks[j].lower == "in" and text[toks[j - 1].end : toks[j].start] == ".")  # Dr.in
    ):
        if toks[j].folded in lists.NOT_AFTER_TITLE and j + 1 >= len(toks):
            return None
        j += 1
    if j >= len(toks) or not finder._adjacent(text, toks[j - 1], toks[j]):
        return None
    first = toks[j]
    if first.lower in _CONTRACTED and j + 1 < len(toks):
        if not _contracted_surname(finder, text, toks, i, j + 1):
            return None  # "Frau vom Amt", "Frau zur Miete", "die Frau vom Lande"
        last, surname = finder._chain(text, toks, j + 1)
        surname = last
    elif (first.lower in lists.LEADING_PARTICLES or _low_german(finder, toks, j)) and j + 1 < len(
        toks
    ):
        k = j
        while k < len(toks) and (toks[k].lower in lists.PARTICLES or _von_dem(toks, k, j)):
            k += 1
        if k >= len(toks) or not finder.name_like(toks[k], loose=True):
            return None
        if service_word(toks[k].folded) and toks[k].lower not in finder.known:
            return None  # "die Frau von der Post", "Herr zu Hause": no "von der Leyen"
        if _phrase_noun(finder, toks, i, j, k):
            return None  # "die Frau von der Ecke", "Frau zu Besuch", "Frau von Welt"
        last, surname = finder._chain(text, toks, k)
        surname = last
    else:
        family = tok.folded in FAMILY  # "Familie Erziehung" is no name: no exception
        said = _APOSTROPHE_S.sub("", first.folded)  # "Herr Doktor's Rat": "Herr Doktor"
        role = said in lists.NOT_AFTER_TITLE and not role_surname(finder, text, toks, j)
        # "Herr Park sagt", "Frau Garten, …": a place word alone after it is the surname
        alone = not family and place_word(first) and name_ends(text, toks, j)
        if alone and not role:
            return finder._hit(text, toks, tok.start, j, j, j, 0.95)
        if not family and _common_surname(text, toks, i, j):
            return finder._hit(text, toks, tok.start, j, j, j, 0.95)
        if role or not finder.name_like(first, loose=True, named=not family):
            return None
        last, surname = address_name(finder, text, toks, j, *finder._chain(text, toks, j))
        if place_surname(finder, text, toks, last, addressed=True):
            last = surname = last + 1  # "Frau Eva Garten hilft": her surname, no garden
        elif not family and _common_after_first(finder, text, toks, last):
            last = surname = last + 1  # "Frau Anna Deutsch sagt": her surname, no language
        elif not family and last == j and (end := _house_after_first(finder, text, toks, j)):
            last = surname = (
                end  # "Dr. Ommo Brinkhaus (Niehaus)": the surname(s) beside her first name
            )
        if not family and _second_house(finder, text, toks, last):
            last = surname = last + 1  # "Frau Talea Brinkhof Brinkhaus": a double name
        noble = None if family else _noble_after(finder, text, toks, last)
        if noble is not None:
            last = noble  # "Herr Müller von Hohenstein sagt": her name goes on after "von"
    family = tok.folded in FAMILY
    if family and finder._institution_after(text, toks, last, streets_only=True):
        return None  # "Geschwister Scholl Schule": a place ("Familie Kaya Haus" is theirs)
    return finder._hit(text, toks, tok.start, j, last, surname, 0.85 if family else 0.95)


def _house_after_first(finder: Finder, text: str, toks: list[Tok], j: int) -> int | None:
    """The index of her surname ending in "-haus" or "-hof" one blank after ``toks[j]``, a
    first name or a word of no name list after a form of address, or of the second such
    surname after it (a double name: "Herr Ommo Brinkhaus Niehaus kam"):
    (:func:`house_surname_word`: "Dr. Ommo Brinkhaus", "Frau Hilke Kötterhaus sagt"; not
    "Herr Ommo Rathaus", "Frau Hilke Jugendhaus Manfort"), where the name ends there (not
    before "platz"; after a listed first name only after a double name, else
    :func:`place_surname`'s) or the facility she works at follows ("Herr Ommo Brinkhaus
    Schule …", "Frau Imke Kötterhaus Kita …"); else None."""
    first = toks[j]
    listed = finder.is_first(first)  # "Peter" is a surname too
    if j + 1 >= len(toks) or (finder.is_surname(first) and not listed):
        return None
    if not _house_beside(finder, text, toks, j + 1):
        return None
    end = j + 2 if j + 2 < len(toks) and _house_beside(finder, text, toks, j + 2) else j + 1
    if _facility_after(finder, text, toks, end):
        return end
    return end if (not listed or end > j + 1) and name_ends(text, toks, end) else None


def _house_beside(finder: Finder, text: str, toks: list[Tok], k: int) -> bool:
    """Whether ``toks[k]``, one blank after the word before it, is a surname of a house or a
    farm (:func:`house_surname_word`: "Brinkhaus", "Niehaus"; not "Rathaus")."""
    gap = text[toks[k - 1].end : toks[k].start]
    return gap in (" ", "\u00a0") and house_surname_word(finder, toks[k])


def _second_house(finder: Finder, text: str, toks: list[Tok], last: int) -> bool:
    """Whether the addressed name ends at ``toks[last]`` in a surname of a house or a farm
    and a second one follows, where the name ends or her facility follows ("Frau Talea
    Brinkhof Brinkhaus hilft": a double name; not "Herr Ommo Brinkhaus Rathaus")."""
    if last + 1 >= len(toks) or not house_surname_word(finder, toks[last]):
        return False
    if not _house_beside(finder, text, toks, last + 1):
        return False
    return name_ends(text, toks, last + 1) or _facility_after(finder, text, toks, last + 1)


def _noble_after(finder: Finder, text: str, toks: list[Tok], last: int) -> int | None:
    """The index of the word of nobility after "von" after the addressed person ending at
    ``toks[last]`` before a verb she does or where her name ends ("Herr Müller von
    Hohenstein sagt", "Frau Anna Schmidt von Bredow kam", "Frau Müller von Hohenstein war
    da."; not "von Köln", "von Opladen", "von der Stadt", "von Caritas", "von Anfang an":
    :func:`noble_end`; where the name ends no first name: "Grüße an Frau Müller von Anna")."""
    if toks[last].lower in lists.PARTICLES:
        return None
    noble = noble_end(text, toks, last, True, lambda t: noble_word(finder, t), _SUBJECT_VERBS)
    if noble is not None:
        return noble
    return noble_end(text, toks, last, True, lambda t: _noble_alone(finder, t), ends=True)


def _noble_alone(finder: Finder, tok: Tok) -> bool:
    """Whether ``tok`` is a word of nobility (:func:`noble_word`) and no first name that is
    no surname ("von Anna" is a second person, "von Bredow" no first name)."""
    first = finder.is_first(tok) and not finder.is_surname(tok)
    return noble_word(finder, tok) and not first


def _facility_after(finder: Finder, text: str, toks: list[Tok], k: int) -> bool:
    """Whether a capitalised word for a facility or a service follows ``toks[k]`` one blank
    after ("Schule", "Kita", "Stadtteilbüro", "Jugendhaus"), no street ("Platz") and no
    second surname of a house ("Brinkhaus Niehaus")."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or text[toks[k].end : nxt.start] != " " or not nxt.text[:1].isupper():
        return False
    word = nxt.folded
    if _STREETS.search(word) or finder.is_surname(nxt) or house_surname_word(finder, nxt):
        return False
    return word in lists.INSTITUTION_NOUNS or service_word(word) or word.endswith("haus")


# Words of a street or a square after a name: it names the street ("Brinkhaus Platz")
_STREETS = re.compile(r"(?:strasse|str|platz|allee|weg|gasse|ring|damm|ufer)$")


def _phrase_noun(finder: Finder, toks: list[Tok], i: int, j: int, k: int) -> bool:
    """Whether the word ``toks[k]`` after the particles ``toks[j:k]`` after the form of
    address ``toks[i]`` is a noun of an ordinary phrase, no surname: "Frau zu Besuch",
    "Herr zu Fuß" (a noun after "zu" alone), "Frau von Welt", and after an article
    "die Frau von der Ecke" — not a noun that names a person or is a surname of the
    gazetteer ("Herr von Stein", "Frau von der Heide", "Frau von der Linde"), nor after
    "von der" a place ("die Frau von der Lippe"); "Frau von der Ecke" without an article
    stays a name (as "Frau von der Burg", "Herr von Feld")."""
    tok = toks[k]
    if _generic_from(finder, toks, i, j, k) and tok.lower not in finder.known:
        return True  # "Die Frau von Köln kam nicht": from the city, no "von Hagen"
    if not is_german_noun(tok.folded) or tok.lower in finder.known or finder.is_surname(tok):
        return False
    if is_person_name(tok.folded) or finder.names.has_last(tok.text):
        return False
    particles = [t.lower for t in toks[j:k]]
    if particles == ["zu"] or (particles == ["von"] and tok.folded in _VON_IDIOMS):
        return True
    prev = toks[i - 1] if i and not toks[i].sentence_start else None
    generic = prev is not None and prev.folded in _GENERIC - _PLACES_BEFORE
    return generic and particles[0] == "von" and not is_place_name(tok.folded)


def _generic_from(finder: Finder, toks: list[Tok], i: int, j: int, k: int) -> bool:
    """Whether "von" alone (``toks[j:k]``) after an article or a determiner before the form
    of address ``toks[i]`` opens a place no surname list knows ("die Frau von Köln")."""
    prev = toks[i - 1] if i and not toks[i].sentence_start else None
    if prev is None or prev.folded not in _GENERIC - _PLACES_BEFORE or k != j + 1:
        return False
    tok = toks[k]
    place = toks[j].lower == "von" and is_place_name(tok.folded)
    return place and not finder.names.has_last(tok.text)


def _von_dem(toks: list[Tok], k: int, j: int) -> bool:
    """Whether ``toks[k]`` is the "dem" of "von dem" or the "op" that opens a Low German
    surname ("Herr von dem Bussche", "Herr op de Hipt")."""
    word = toks[k].lower
    return (word == "dem" and toks[k - 1].lower == "von") or (k == j and word == "op")


def _low_german(finder: Finder, toks: list[Tok], j: int) -> bool:
    """Whether "op" with a particle after it opens a surname ("op de Hipt", "op den Kamp"),
    no noun after ("Herr op de Eck": at the corner)."""
    if j + 2 >= len(toks) or toks[j].text != "op" or toks[j + 1].text not in _LOW_GERMAN:
        return False
    return not is_german_noun(toks[j + 2].folded) or finder.is_surname(toks[j + 2])


def _contracted_surname(finder: Finder, text: str, toks: list[Tok], i: int, k: int) -> bool:
    """Whether the word ``toks[k]`` after "vom", "zum" or "zur" after the form of address
    ``toks[i]`` is a surname ("Frau vom Brocke", "Herr zur Mühlen", "Herr zum Felde"): a
    word no noun, a surname of the gazetteer, or a noun in a form that only a name keeps (a
    plural after "zur", the old dative in "-e" after "vom", "zum"); no article before the
    form of address ("die Frau vom Jugendamt") and no service ("Frau vom Amt")."""
    tok = toks[k]
    prev = toks[i - 1] if i and not toks[i].sentence_start else None
    if prev is not None and prev.folded in _GENERIC - _PLACES_BEFORE:
        return False  # "die Frau vom Lande", "eine Frau zur Untermiete": anyone
    if finder._adjacent(text, toks[k - 1], tok) and _street_surname(text, toks, i, k):
        return True  # "Herr vom Graben sagt", "Frau zur Brücke hat angerufen"
    if not finder._adjacent(text, toks[k - 1], tok) or not finder.name_like(tok, loose=True):
        return False
    folded = tok.folded
    if service_word(folded) and tok.lower not in finder.known:
        return False
    if folded in _IDIOMS or (k + 1 < len(toks) and toks[k + 1].text in ("des", "der")):
        return False  # "Frau vom Lande", "Frau zur Linken", "vom Hofe des Nachbarn"
    if folded in _CONTRACTED_PHRASES:
        return False  # "Frau zum Beispiel sagt", "Herr zur Sache:", "zum Glück"
    if finder.is_surname(tok):
        return True
    if not is_german_noun(folded):
        return not _compound(folded)  # "vom Brocke"; not "Herr vom Pflegedienst"
    if folded in _LANDSCAPE and name_ends(text, toks, k):
        return True  # "Herr vom Bruch sagt", "Frau zur Linde.": no "Frau vom Kiosk"
    if toks[k - 1].lower == "vom" and _named_noun(finder, tok) and name_ends(text, toks, k):
        return True  # "Frau vom Stein kam": a surname of the gazetteer, no "Frau vom Amt"
    # "Mühlen" after "zur" ("Mühle"), "Hofe", "Felde" after "vom", "zum" ("Hof", "Feld")
    ending = "en" if toks[k - 1].lower == "zur" else "e"
    return folded.endswith(ending) and is_german_noun(folded[:-1])


def _street_surname(text: str, toks: list[Tok], i: int, k: int) -> bool:
    """Whether a word of a street or an end after its particle (``_STREET_SURNAMES``: "vom
    Graben", "zur Brücke", "vom Ende") is the surname: the form of address ``toks[i]``
    opens the sentence or follows a comma or colon, and a verb only a person does follows
    ("Herr vom Graben sagt", "Frau zur Brücke hat angerufen", "Herr vom Ende kam"); not
    "die Frau vom Graben gegenüber", "Frau vom Ende der Straße", "Frau zum Ende hin"."""
    tok = toks[k]
    if (toks[k - 1].lower, tok.folded) not in _STREET_SURNAMES or not tok.text.istitle():
        return False
    opening = i == 0 or toks[i].sentence_start or last_char(text, toks[i].start) in (",", ":")
    return opening and person_acts(text, toks, k)


def _compound(folded: str) -> bool:
    """Whether the folded word, no noun of the lexicon, is a compound of nouns
    (:func:`compound_noun`: "pflegedienst", "kirchenvorstand"; or two nouns of four letters
    or more: "mieterbund"), not the rest of a surname ("brocke", "hovel", "nieden")."""
    if compound_noun(folded):
        return True
    parts = range(4, len(folded) - 3)
    return any(is_german_noun(folded[:n]) and is_german_noun(folded[n:]) for n in parts)


def _named_noun(finder: Finder, tok: Tok) -> bool:
    """Whether the noun ``tok`` is a surname of the gazetteer that the Wiktionary names as
    a person's name too ("Stein", "Berg", "Bach"; not "Grill", "Markt", "Amt"), and no
    trade in "-er" ("Herr vom Fischer": the shop, as "vom Bäcker")."""
    trade = tok.folded.endswith("er")
    return not trade and finder.names.has_last(tok.text) and is_person_name(tok.folded)


def _title_before_name(finder: Finder, text: str, toks: list[Tok], i: int, j: int) -> bool:
    """Whether ``toks[j]`` after the form of address ``toks[i]`` is a title or an office a
    name follows ("Herrn Professor Weber", "Frau Dekanin Richter", "Herrn Stadtdirektor
    Baumeister"): the name is the word after it, the title stays (:func:`addressed_role`);
    no plural ("Herrn Professor Unterlagen geben")."""
    if j + 1 >= len(toks) or not finder._adjacent(text, toks[j], toks[j + 1]):
        return False
    nxt, woman = toks[j + 1], toks[i].folded == "frau"
    # "Professor Richter": a role word the gazetteer knows is his surname here
    surname = finder.names.has_last(nxt.text) and finder.name_like(nxt, loose=True, named=True)
    named = surname or (finder.name_like(nxt, loose=True) and not plural_noun(nxt.folded))
    return named and addressed_role(toks[j].text, finder.names.has_last, woman)


def _common_surname(text: str, toks: list[Tok], i: int, j: int) -> bool:
    """Whether a common noun alone after the form of address ``toks[i]`` is the surname
    ("Laut Frau Deutsch …", "mit Herrn Bahn gesprochen"): before a lower-case word, a
    punctuation mark or the text's end, and no word before "Frau" that makes her anyone
    ("wenn meine Frau Zeit hat", "als Frau Angst haben")."""
    first = toks[j]
    if first.folded not in lists.COMMON_NOUNS or first.folded in _NO_SURNAME or j != i + 1:
        return False
    if first.text.islower() and plural_noun(first.folded):
        return False  # "Herr und Frau fragen nach dem Weg", "Frau fragen": a verb
    prev = toks[i - 1] if i and not toks[i].sentence_start else None
    if prev is not None and prev.folded in _GENERIC:
        return False
    return name_ends(text, toks, j)


# Verbs after a name whose subject she is ("Frau Anna Deutsch kam"); not "hat", "ist": "wenn
# Frau Anna Zeit hat" has time.
_SUBJECT_VERBS = lists.SPEECH_VERBS | frozenset("kam kommt wohnt arbeitet leitet hilft".split())


def _common_after_first(finder: Finder, text: str, toks: list[Tok], k: int) -> bool:
    """Whether a common noun after the first name ``toks[k]`` of an addressed person is her
    surname: a verb she does follows ("Frau Anna Deutsch sagt", "Herr Jan Bahn kam"), where
    "Frau Anna Kuchen bringen" keeps the cake."""
    if k + 2 >= len(toks) or not finder.is_first(toks[k]):
        return False
    word, verb = toks[k + 1], toks[k + 2]
    if text[toks[k].end : word.start] != " " or text[word.end : verb.start] != " ":
        return False
    noun = word.folded in lists.COMMON_NOUNS and word.folded not in _NO_SURNAME
    return noun and word.text[0].isupper() and verb.folded in _SUBJECT_VERBS


def role_surname(finder: Finder, text: str, toks: list[Tok], j: int) -> bool:
    """Whether a role word after a form of address is the surname ("Frau Richter",
    "Herr Küster"): a surname of the gazetteer with no name after it ("Herr Richter
    Müller" is a judge), and no role people are addressed by ("Herr Pastor")."""
    tok = toks[j]
    said = _APOSTROPHE_S.sub("", tok.text)  # "Herr Richter's Urteil": "Richter"
    if said.lower() in _ADDRESS_ROLES or not finder.names.has_last(said):
        return False
    return not name_follows(finder, text, toks, j)


def name_follows(finder: Finder, text: str, toks: list[Tok], j: int) -> bool:
    """Whether a word that may be a name follows token ``j`` in the same name."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return bool(nxt and finder._adjacent(text, toks[j], nxt) and finder.name_like(nxt, loose=True))


def after_role(finder: Finder, text: str, toks: list[Tok], i: int) -> tuple[Hit, int] | None:
    """A name after a role ("Pfarrerin Schulte", "Hausmeister Kowalski")."""
    """A name after a role ("Pfarrerin Schulte", "Hausmeister Kowalski", "Pfarrer i.R. Jansen")."""
    if not finder.is_role(toks[i], name_follows(finder, text, toks, i)) or i + 1 >= len(toks):
        return None
    j = i + 1
    retired = _RETIRED.match(text, toks[i].end)
    if retired:  # the name after "i.R.", "a.D."
        j = next((n for n in range(j, len(toks)) if toks[n].start >= retired.end()), j)
    nxt = toks[j]
    joined = nxt.start == retired.end() if retired else finder._adjacent(text, toks[i], nxt)
    if not joined or nxt.lower in lists.TITLES:
        return None
    if nxt.dot and f"{nxt.lower}." in lists.TITLES:
        return None  # "Kinderarzt Dr. Brüggemann": the title takes it
    if j == i + 1 and _where_after_role(finder, text, toks, j):
        return None  # "Nachbarin Nord: …", "Schüler Oberstufe: …": where, no one
    owner = owner_stem(finder, text, nxt)  # "Pfarrerin Schultes Gemeinde"
    if not (finder.name_like(nxt) or owner) or finder._blocked_first(toks, j, True):
        return None
    last, surname = finder._chain(text, toks, j)
    if finder._institution_after(text, toks, last):
        return None
    span = toks[j : last + 1]
    sure = owner is not None or any(finder._sure_name(t) for t in span)
    explicit = toks[i].folded in lists.ROLE_WORDS or toks[i].text in lists.ROLE_ABBREVIATIONS
    confidence = 0.9 if sure else 0.6 if explicit else 0.45
    return finder._hit(
        text, toks, nxt.start, j, last, surname, confidence, "" if sure else nxt.text
    )


def _where_after_role(finder: Finder, text: str, toks: list[Tok], j: int) -> bool:
    """Whether the word ``toks[j]`` after a role says where or what, not who: a direction
    after a word for a resident or neighbour ("Nachbarin Nord", "Nachbar Nordost"), or
    before a lead-in's colon or ending a bold role a noun the gazetteer knows as no surname
    ("Schüler Oberstufe: …") or, after a word for a neighbour, a place ("Nachbarin
    Hochfeld: …", as after "Anwohnerin"), also one the file writes as a place ("Nachbar
    Hasenbergl: …" beside "Ich wohne im Hasenbergl")."""
    tok = toks[j]
    if name_follows(finder, text, toks, j):
        return False
    if DIRECTION.fullmatch(tok.folded) and PERSON_WORD.fullmatch(toks[j - 1].folded):
        return True  # "Nachbarin Nord"; "Pfarrerin West", "Hausmeister Ost" are surnames
    if text[tok.end :].strip() and text[tok.end : tok.end + 1] != ":":
        return False  # a lead-in's colon or the end of a bold role ("**Nachbarin Hochfeld:**")
    noun = is_german_noun(tok.folded) and not finder.names.has_last(tok.text)
    return noun or resident_place(toks[j - 1].text, tok.text, finder.context.places)
