"""A text with the names written in capitals read as names, at the same positions.

Card walls and sticky notes are often transcribed in capitals, and people write a surname
in capitals for emphasis ("Frau KAYA hat geholfen", "ANNA SCHMIDT sagt das"). The name
rules read a word in capitals as an acronym ("AWO", "KITA") and left such names in clear.
The view writes a word in capitals as a name ("Kaya") where what stands around it makes
it one — after a form of address ("FRAU KAYA", "Herr Dr. MÜLLER"), a first name with the
word after it ("ANNA SCHMIDT", "Anna SCHMIDT"), a person the key knows or the text names
("KAYA kommt auch", "KAYAS Idee"), a first name alone after a cue or before a verb
("DANKE AN JENS", "LEA SAGT", "JONAS UND LEA HABEN"), a surname after a cue ("SAGT
KRÄMER", "LAUT PETRENKO") — and every rule applies as to a name written so. The cue or
verb may be in lower case, as in chats and on cards ("Danke an JENS!", "LEA sagt", "laut
KRÄMER"), as may a sign-off or a label ("Gruß, JENS", "Anwesend: LEA"); a first name
after a name of a list is one too ("ANNA SCHMIDT, LEA", "mit ANNA und TOM"). A compound,
a verb after a first name is no surname ("LEA STADTTEILBÜRO", "PETER WOLLTE").
Acronyms, headings and slogans in capitals ("HILFE!", "WIR BRAUCHEN MEHR BÄNKE") stay as
they are. Each letter keeps its place ("İ" is read "i" without the dot its lower case
adds; a letter whose lower case is longer otherwise keeps its capital), so hits map back
one to one; the key keeps the name as
written ("KAYA").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from workbench.core.word_caches import word_cache
from workbench.ingest import name_lists as lists
from workbench.ingest.club_names import CLUB_WORDS
from workbench.ingest.facility_words import service_word
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_known import singular_verb
from workbench.ingest.name_tokens import tokens
from workbench.ingest.noun_lexicon import (
    compound_noun,
    is_german_noun,
    is_person_name,
    is_place_name,
)
from workbench.ingest.retyped_view import RetypedView
from workbench.ingest.role_nouns import role_noun

# A word: letters, hyphenated parts ("MEIER-RENZ"), an abbreviation's dot ("DR."); no
# part of a code ("DE89 3704 …" of an IBAN, "B2B")
_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?:-[^\W\d_]+)*(?!\w)\.?")
# Forms of address and titles before a name ("FRAU", "HERRN", "HR.", "PROF. DR.")
_ADDRESS = lists.TITLES | lists.ACADEMIC
# Words in capitals that are no name after a form of address ("HERR DER RINGE")
_NO_NAME = lists.FUNCTION_WORDS | lists.ARTICLES | lists.SUBJECTS | lists.CALENDAR
# Pronouns that name lists also hold ("Mir", "Eure"): shouted, no name ("laut MIR", "Gruß,
# EURE NACHBARN")
_NO_NAME |= frozenset(
    "mir mich dir dich uns euch euer eure euren eurem eurer unser unsere unseren unserem "
    "unserer mein meine meinen meinem meiner dein deine deinen deinem deiner".split()
)
# Particles that open a surname after a form of address ("FRAU DE LUCA"); not "ZU", "DA"
# ("HERR ZU HAUSE", "HERR DA HINTEN"); "VON" only before a surname (:func:`_von_surname`)
_LEADING = lists.LEADING_PARTICLES - {"von", "zu", "da"}
# "VON DER LEYEN", "VON DEM BUSSCHE", "VON DEN DRIESCH"
_GERMAN_LEADING = frozenset({"zu", "vom", "zum", "zur"})
_VON_ARTICLES = frozenset({"der", "dem", "den"})
# Words after "VON" that say where someone is from, not who ("FRAU VON NEBENAN", "HERR VON
# OBEN", "FRAU VON DER AWO")
_NOT_AFTER_VON = (
    frozenset(
        """
        nebenan nebendran gegenuber oben unten druben hinten vorne vorn aussen innen draussen
        drinnen hause zuhause weitem weither auswarts
        """.split()
    )
    | lists.INSTITUTION_NOUNS
    | lists.COMMON_NOUNS
)
_NAME_WORDS = 2  # a first name and a surname after a form of address
# Cues before a first name alone in capitals ("DANKE AN JENS", "GRÜSSE AN LEA", "MIT LEA");
# not "UND", "ODER" ("MAX UND MORITZ": a title, unless a verb follows)
_FIRST_CUES = (lists.STRONG_CUES | lists.WEAK_CUES) - {"und", "oder", "sowie", "samt", "neben"}
# The body's article between a cue and its word ("MIT DER AWO", "AN DEN NABU")
_BODY_ARTICLES = frozenset(("die", "der", "dem", "den"))
# What stands between two names of a list ("ANNA SCHMIDT, LEA", "mit ANNA und TOM")
_LIST_GAPS = frozenset({", ", ",", " und ", " oder ", " sowie "})
# Finite verbs after a first name alone in capitals besides the rule's "…t" ("LEA HAT",
# "PETER WOLLTE") and after two of them ("JONAS UND LEA HABEN")
_SINGULAR_AFTER = frozenset(
    "wollte konnte durfte sollte musste mochte hatte war wurde wird kam ging sagte "
    "meinte fragte fand half".split()
)
# Surnames that are also finite verbs ("Weiß", "Kann"), and what follows them as a verb
_VERB_SURNAMES = frozenset("weiss kann will muss soll darf mag".split())
_OBJECTS = frozenset("nicht nichts alles das es mehr schon auch viel genau".split())
_PLURAL_AFTER = frozenset(
    "haben hatten sind waren wollen wollten konnen konnten kommen kamen finden fanden sagen "
    "sagten meinen meinten machen machten helfen halfen mochten fragen fragten".split()
)


@dataclass(frozen=True)
class CapsView(RetypedView):
    """``text`` with the names in capitals written as names, letter for letter.

    >>> view = CapsView.of("Danke an FRAU KAYA!", lambda word: False)
    >>> view.text, view.start(9), view.end(18)
    ('Danke an Frau Kaya!', 9, 18)
    """

    @classmethod
    def of(cls, written: str, known: Callable[[str], bool]) -> CapsView | None:
        """The view of ``written`` (``known``: whether a folded word names a person of the
        key or the text); None if no word in capitals reads as a name."""
        chosen = _name_words(written, known)
        if not chosen:
            return None
        return cls.retyped(written, chosen, _title)


@word_cache
@lru_cache(maxsize=2**14)  # asked for every word of a text, in two passes
def _title(word: str) -> str:
    """``word`` written as a name, each letter in its place ("MEIER-RENZ" → "Meier-Renz")."""
    out = []
    for at, ch in enumerate(word):
        lower = ch.lower()
        if len(lower) > 1 and all(unicodedata.combining(c) for c in lower[1:]):
            lower = lower[0]  # "İ" → "i" + U+0307: the letter without its mark
        start = at == 0 or word[at - 1] == "-"
        out.append(ch if start or len(lower) != 1 else lower)
    return "".join(out)


def _caps(word: str) -> bool:
    """A word in capitals of two letters or more ("KAYA", "DR"; not "A")."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and word.isupper()


def _candidate(word: str) -> bool:
    """A word in capitals that may be a name after a form of address (not "DER", "UND")."""
    return _caps(word) and fold(word) not in _NO_NAME and len(word.rstrip(".")) >= 2


@word_cache
@lru_cache(maxsize=2**14)  # asked for every word of a text, in two passes
def _first_name(word: str) -> bool:
    """A first name of the gazetteer that is no German word ("ANNA", "Anna"; not "MAI")."""
    name = _title(word.rstrip("."))
    if word.endswith(".") or not name[0].isupper() or name != _title(word):
        return False
    parts = name.split("-")
    ordinary = fold(name) in lists.NOT_FIRST or fold(name) in _NO_NAME
    return not ordinary and all(len(p) >= 3 and gazetteer().has_first(p) for p in parts)


def _surname_after_first(word: str) -> bool:
    """A word in capitals after a first name that reads as its surname ("SCHMIDT", "KOCH";
    not "UND", "SAGT")."""
    if not _candidate(word) or word.endswith("."):
        return False
    parts = _title(word).split("-")
    return len(parts[-1]) >= 3 and all(gazetteer().has_last(p) or _unlisted(p) for p in parts)


def _unlisted(word: str, compounds: bool = False) -> bool:
    """A word no name list knows that may still be a surname ("RICHRATH"): no German word
    of the lists, no noun ("KIRCHE", "TREFFPUNKT"), no verb ("KOMMT", "BRAUCHT"), and no
    compound of nouns ("STADTTEILBÜRO") unless ``compounds`` ("VON WEIZSÄCKER")."""
    folded = fold(word)
    if not lists.lower_case_name_ok(word) or is_german_noun(folded):
        return False
    if not compounds and _compound(folded):
        return False
    if folded in _SINGULAR_AFTER | _PLURAL_AFTER or folded.endswith("ieren"):
        return False  # "PETER WOLLTE KOMMEN", "KAI SANIEREN"
    text = f"sie {word.lower()}"  # the verb rule reads a word in lower case after another
    return not singular_verb(text, tokens(text), 0)


def _compound(folded: str) -> bool:
    """Whether a word is a compound of two nouns the noun list lacks ("stadtteilburo",
    "nachbarschaftscafe": "Stadtteil" + "Büro", "Nachbarschaft" + "s" + "Café")."""
    if compound_noun(folded):
        return True
    for k in range(4, len(folded) - 3):
        first, head = folded[:k], folded[k:]
        if is_german_noun(head) and (
            is_german_noun(first) or (first.endswith("s") and is_german_noun(first[:-1]))
        ):
            return True
    return False


def _name_words(text: str, known: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans of the words in capitals that read as names (and their forms of address)."""
    toks = [_sentence_end(text, m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    chosen: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        start, end, word = toks[i]
        if fold(word) in _ADDRESS:
            j = i
            while j < len(toks) and fold(toks[j][2]) in _ADDRESS:
                j += 1
            names = _after_address(toks, j)
            if names:
                chosen += [(s, e) for s, e, w in toks[i:j] if _caps(w)]
                chosen += names
                i = j + len(names)
                continue
        elif _body_member(text, toks, i):
            chosen.append(toks[i + 1][:2])  # "DANKE FÜR AWO MENSAH": her, the body stays
            i += 2
            continue
        elif _first_and_surname(text, toks, i) or _club_person(text, toks, i):
            chosen += [(s, e) for s, e, w in toks[i : i + 2] if _caps(w)]
            i += 2
            continue
        if (
            _caps(word)
            and not word.endswith(".")
            and (
                _known(word, known)
                or _first_alone(text, toks, i)
                or _cued(text, toks, i)
                or _listed_after(text, toks, i, chosen)
            )
        ):
            # a person known, a first name alone ("DANKE AN JENS", "Danke an JENS"), a
            # surname after a cue ("SAGT KRÄMER", "laut KRÄMER"), a first name after a name
            # of a list ("ANNA SCHMIDT, LEA"): written as a name, the rules decide as in
            # title case
            chosen.append((start, end))
        i += 1
    return chosen


def _sentence_end(text: str, start: int, end: int, word: str) -> tuple[int, int, str]:
    """The word without the dot that ends its sentence ("FRAU KAYA." at the text's or a
    line's end or before a blank: "KAYA"); an abbreviation keeps it ("DR.", "STR.", "NR.")."""
    stem = word[:-1]
    if not word.endswith(".") or len(stem) < 4 or fold(stem) in _ADDRESS:
        return start, end, word
    if end < len(text) and not text[end].isspace():
        return start, end, word
    return start, end - 1, stem


def _first_alone(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a first name alone in capitals names a person: after a cue ("DANKE AN JENS",
    "LAUT LEA"), before a verb ("LEA SAGT", "PETER WOLLTE"), or with a second one before a
    verb ("JONAS UND LEA HABEN"); not in a title ("MAX UND MORITZ", "EMMA LESEN")."""
    if not _first_name(toks[i][2]) or (i > 0 and fold(toks[i - 1][2]) in lists.ARTICLES):
        return False  # "DER LEO IST EIN LÖWE"
    if _body_before_name(text, toks, i):
        return False  # "Danke für AWO Mensah": the body, written as one, and her name
    if _cue_before(text, toks, i):
        return True  # "DANKE AN JENS", "Danke an JENS", "Gruß, JENS"
    if _verb_after(text, toks, i):
        return True  # "LEA SAGT", "PETER WOLLTE"
    # "JONAS UND LEA HABEN": the first of the two and the second
    for first, second in ((i, i + 2), (i - 2, i)):
        if first >= 0 and second < len(toks) and _pair(toks, first, second):
            return _verb_after(text, toks, second, plural=True)
    return False


def _body_before_name(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether ``toks[i]`` is an association's or a facility's word in capitals that is a
    first name too ("AWO": "Awo") before a name written as one after a blank ("Danke für
    AWO Mensah"): the body, as written; not in a text in capitals ("DANKE AN AWO MENSAH")."""
    folded = fold(toks[i][2])
    if folded not in lists.ASSOCIATION_WORDS and folded not in lists.INSTITUTION_NOUNS:
        return False
    if i + 1 >= len(toks) or text[toks[i][1] : toks[i + 1][0]] not in (" ", "\u00a0"):
        return False
    word = toks[i + 1][2]
    return word[:1].isupper() and word[1:2].islower()


def _body_member(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether an association's word not written as a name ("AWO", "NABU", "VdK") after a
    cue, perhaps with the body's article between ("DANKE FÜR AWO", "MIT DEM NABU"), has a
    surname of the gazetteer in capitals one blank after it that is no place ("DANKE FÜR
    AWO MENSAH."): the surname is written as a name, the body stays as written and the
    rule of :mod:`workbench.ingest.body_first_names` decides as in "Danke für AWO Mensah";
    not "DANKE FÜR AWO LEVERKUSEN", "MIT DER AWO KITA"."""
    body, folded = toks[i][2], fold(toks[i][2])
    if body[1:].islower() or body.endswith(".") or i + 1 >= len(toks):
        return False
    if folded not in lists.ASSOCIATION_WORDS and folded not in lists.INSTITUTION_NOUNS:
        return False
    at = i - 1 if i and fold(toks[i - 1][2]) in _BODY_ARTICLES else i
    if at < i and text[toks[at][1] : toks[i][0]] != " ":
        return False
    cued = at and text[toks[at - 1][1] : toks[at][0]] == " "
    cued = cued and fold(toks[at - 1][2]) in _FIRST_CUES - {"zu"}
    # "AWO MENSAH SAGT, …": opening its sentence, before a speech verb in capitals
    if not (cued or (_opening(text, toks[at][0]) and _says_after(text, toks, i + 1))):
        return False
    word = toks[i + 1][2]
    if text[toks[i][1] : toks[i + 1][0]] != " " or not _candidate(word) or "-" in word:
        return False
    stem = word.removesuffix(".")
    if word != stem and toks[i + 1][1] < len(text) and not text[toks[i + 1][1]].isspace():
        return False  # "MENSAH.DE": no sentence's end
    name = fold(stem)
    if not gazetteer().has_last(_title(stem)) or name in lists.LOCAL_NAMES:
        return False
    return not is_place_name(name)


def _cue_before(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a cue in any case stands right before ``toks[i]`` ("AN JENS", "an JENS"), a
    sign-off with a comma or line break between ("Gruß, JENS", "Viele Grüße\nLEA") or a
    label with a colon ("Anwesend: LEA")."""
    if i == 0:
        return False
    cue, gap = fold(toks[i - 1][2]), text[toks[i - 1][1] : toks[i][0]]
    if cue in lists.SIGN_OFFS and gap.replace("\r", "").strip(" ,") in ("", "\n", "\n\n"):
        return True  # also after a blank line: "Viele Grüße\n\nJENS"
    if cue in lists.LABEL_CUES and gap in (": ", ":"):
        return True  # "Anwesend: LEA", "Moderation: JENS"
    return gap == " " and cue in _FIRST_CUES


def _listed_after(
    text: str, toks: list[tuple[int, int, str]], i: int, chosen: list[tuple[int, int]]
) -> bool:
    """Whether a first name alone in capitals follows a name chosen before it in a list
    ("Anwesend: ANNA SCHMIDT, LEA", "mit ANNA und TOM"; not "MAX UND MORITZ")."""
    if i == 0 or not chosen or not _first_name(toks[i][2]):
        return False
    before = toks[i - 1]
    if fold(before[2]) in ("und", "oder", "sowie") and i > 1:
        gap = text[toks[i - 2][1] : toks[i][0]]
        before = toks[i - 2]
    else:
        gap = text[before[1] : toks[i][0]]
    return gap in _LIST_GAPS and chosen[-1] == (before[0], before[1])


def _pair(toks: list[tuple[int, int, str]], first: int, second: int) -> bool:
    """Whether two first names in capitals stand with "UND" or "ODER" between them."""
    joined = fold(toks[first + 1][2]) in ("und", "oder")
    return joined and _first_name(toks[first][2]) and _first_name(toks[second][2])


def _opening(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens the text, a line or a sentence."""
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?:\n"


def _says_after(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a speech verb in capitals follows ``toks[i]`` after a blank ("MENSAH SAGT")."""
    if i + 1 >= len(toks) or text[toks[i][1] : toks[i + 1][0]] != " ":
        return False
    word = toks[i + 1][2]
    return word.isupper() and fold(word) in lists.SPEECH_VERBS


def _verb_after(text: str, toks: list[tuple[int, int, str]], i: int, plural: bool = False) -> bool:
    """Whether a finite verb in capitals follows ``toks[i]`` after a blank ("LEA SAGT")."""
    if i + 1 >= len(toks) or text[toks[i][1] : toks[i + 1][0]] != " ":
        return False
    word = toks[i + 1][2]
    if not word.isalpha() or not (_caps(word) or word.islower()):
        return False  # a verb in capitals or lower case ("LEA SAGT", "LEA sagt"), no noun
    if fold(word) in (_PLURAL_AFTER if plural else _SINGULAR_AFTER):
        return True
    if plural or is_german_noun(fold(word)):
        return False  # "MERLE TREFFPUNKT": a noun, no verb
    sentence = f"sie {word.lower()}"  # the verb rule reads a verb in lower case
    return singular_verb(sentence, tokens(sentence), 0)


def _cued(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a surname in capitals follows a cue ("SAGT KRÄMER", "LAUT PETRENKO"): after
    a verb of speaking any word a surname may be, after a weak cue a surname of the list."""
    if i == 0 or not toks[i - 1][2].isalpha():
        return False  # the cue in any case ("SAGT KRÄMER", "laut KRÄMER")
    cue, gap, word = fold(toks[i - 1][2]), text[toks[i - 1][1] : toks[i][0]], toks[i][2]
    if cue in lists.STRONG_CUES and gap.strip(" ,\u00a0") == "":
        return _surname_after_first(word)
    if cue in _FIRST_CUES and gap == " " and _candidate(word) and "-" not in word:
        return gazetteer().has_last(_title(word.rstrip(".")))
    return False


def _after_address(toks: list[tuple[int, int, str]], j: int) -> list[tuple[int, int]]:
    """The name words in capitals after a form of address at ``j``: a surname, a first
    name and a surname ("FRAU ANNA SCHMIDT"), a role and a surname ("HERR PFARRER MEYER"),
    a surname with particles ("FRAU DE LUCA")."""
    names: list[tuple[int, int]] = []
    if (
        j + 1 < len(toks)
        and _role(toks[j][2])
        and _surname_after_first(toks[j + 1][2])
        and not _verb_with_object(toks, j + 1)
    ):
        # a role between form of address and surname ("FRAU OBERBÜRGERMEISTERIN RICHRATH")
        return [(toks[j][0], toks[j][1]), (toks[j + 1][0], toks[j + 1][1])]
    if j < len(toks) and fold(toks[j][2]) == "von":
        k = j + 1 + (j + 1 < len(toks) and fold(toks[j + 1][2]) in _VON_ARTICLES)
        if k < len(toks) and _von_surname(toks[k][2], article=k > j + 1):
            return [(s, e) for s, e, _ in toks[j : k + 1]]  # "HERR VON DER LEYEN"
        return names
    if j + 1 < len(toks) and fold(toks[j][2]) in _GERMAN_LEADING:
        # "FRAU VOM BROCKE", "HERR ZUR MÜHLEN", "FAMILIE ZU GUTTENBERG": the rules decide
        # on the surname as in "Frau vom Brocke" ("Frau zur Miete" stays)
        word = toks[j + 1][2]
        folded = fold(word)
        contracted = fold(toks[j][2]) != "zu" and folded not in _NOT_AFTER_VON
        if _von_surname(word, article=False) or (
            contracted and _candidate(word) and _noun_surname(folded)
        ):
            return [(s, e) for s, e, _ in toks[j : j + 2]]
        return names
    k = j
    while k < len(toks) and fold(toks[k][2]) in (_LEADING if k == j else lists.PARTICLES):
        k += 1
    if j < k < len(toks) and _surname_after_first(toks[k][2]):
        # a surname with particles ("FRAU DE LUCA", "HERR VAN DER BERG")
        return [(s, e) for s, e, _ in toks[j : k + 1]]
    while j < len(toks) and len(names) < _NAME_WORDS and _candidate(toks[j][2]):
        if toks[j][2].endswith("."):
            break
        if names and not _surname_after_first(toks[j][2]):
            break  # "HERR ÖZTÜRK KOMMT": the verb after a first name is no surname
        names.append((toks[j][0], toks[j][1]))
        if not _first_name(toks[j][2]):
            break
        j += 1
    return names


def _von_surname(word: str, article: bool) -> bool:
    """A surname in capitals after "VON" or "VON DER" ("LEYEN", "BÜLOW", "HEIDE", "STEIN"):
    a surname or first name of the gazetteer or a word of no list, but no adverb of place
    ("NEBENAN"), no institution ("STADT"), and after an article no surname that is a word
    ("DIE FRAU VON DER POST")."""
    folded = fold(word)
    if not _candidate(word) or word.endswith(".") or folded in _NOT_AFTER_VON:
        return False
    if article and folded in lists.WORD_SURNAMES:
        return False
    parts = _title(word).split("-")
    if len(parts[-1]) < 3:
        return False
    # a first name that is also a noun is a surname there ("VON DER HEIDE"); a compound
    # only without an article ("VON WEIZSÄCKER", not "VON DER NACHBARSCHAFTSHILFE")
    if article and len(parts) == 1 and _noun_surname(folded):
        # "VON DER LIPPE": a noun that names a place or a person too ("VON DER ECKE" stays)
        return is_place_name(folded) or is_person_name(folded)
    return all(
        gazetteer().has_last(p) or gazetteer().has_first(p) or _unlisted(p, not article)
        for p in parts
    )


def _noun_surname(folded: str) -> bool:
    """A noun after "VON DER", "VOM", "ZUR" that the rules may read as a surname as in
    title case ("LIPPE", "MÜHLEN"): no compound ("NACHBARSCHAFTSHILFE"), no service ("POST")."""
    return is_german_noun(folded) and not _compound(folded) and not service_word(folded)


def _verb_with_object(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Whether the surname-like word at ``k`` is a verb with its object after a role
    ("HERR DOKTOR WEISS BESCHEID", "FRAU PFARRERIN WEISS ALLES"; not "… WEISS KOMMT")."""
    if k + 1 >= len(toks) or fold(toks[k][2]) not in _VERB_SURNAMES:
        return False
    after = fold(toks[k + 1][2])
    return _caps(toks[k + 1][2]) and (after in _OBJECTS or is_german_noun(after))


def _first_and_surname(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a first name at ``i`` and a word in capitals after a blank are a name
    ("ANNA SCHMIDT", "Anna SCHMIDT"; not "ANNA, SCHMIDT", "ANNA UND")."""
    if i + 1 >= len(toks) or not _first_name(toks[i][2]):
        return False
    blank = text[toks[i][1] : toks[i + 1][0]] in (" ", "\u00a0")
    return blank and _surname_after_first(toks[i + 1][2])


def _club_person(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a club's word and a surname of the gazetteer that is no place after a blank,
    both in capitals, are a person ("FORTUNA SCHMIDT"; not "FORTUNA DÜSSELDORF"): written
    as a name, the rules decide as in title case (:mod:`workbench.ingest.club_names`)."""
    if i + 1 >= len(toks) or not _caps(toks[i][2]) or fold(toks[i][2]) not in CLUB_WORDS:
        return False
    word = toks[i + 1][2]
    if text[toks[i][1] : toks[i + 1][0]] not in (" ", "\u00a0") or not _candidate(word):
        return False
    return gazetteer().has_last(_title(word)) and not is_place_name(fold(word))


def _role(word: str) -> bool:
    """A role noun in capitals before a name ("OBERBÜRGERMEISTERIN", "PFARRER", also a
    role's ending alone: "PRÄSIDENTIN", "LEITERIN")."""
    if not _caps(word) or word.endswith("."):
        return False
    toks = tokens(_title(word))
    return len(toks) == 1 and (
        role_noun(toks[0], before_name=True) or toks[0].folded in lists.ROLE_SUFFIXES
    )


def _known(word: str, known: Callable[[str], bool]) -> bool:
    """A person of the key or the text in capitals, also in the genitive ("KAYAS")."""
    if "-" not in word and not lists.lower_case_name_ok(word):
        return False  # "KOCH GESUCHT" of a known Frau Koch: a word, as in lower case
    folded = fold(word)
    return known(folded) or (folded.endswith("s") and known(folded[:-1]))
