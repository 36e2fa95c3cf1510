"""Word tokens and word forms for finding person names (:mod:`workbench.ingest.names`).

A token knows its offsets, its folded form (lower case, no diacritics) and whether it
starts a sentence; the patterns say by its form whether a word is a noun ("-ung",
"-schaft"), the head of a compound ("Quartiersbüro"), spelled like a non-German name
("Kovačević") or ends like a street or an institution ("Wartenbergplatz").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_lists import FUNCTION_WORDS

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’]*[^\W_])?(?:-[^\W\d_](?:[\w'’]*[^\W_])?)*")
NOUN_END = re.compile(
    r"(?:ung|ungen|heit|keit|schaft|tion|sion|tat|ismus|nis|tum|ment|chen|lein|erei|ieren|"
    r"itat|logie|thek|innen)$|^.{4,}(?:tik|nik|sik|tur|enz|anz|eren|igen|ischen|lichen|enden|"
    r"teten|losen|ierten|sten|ionen|ie)$"
)
# Heads of compound nouns that are never names ("Quartiersbüro", "Bürgerverein").
COMPOUND_HEAD = re.compile(
    r".{3,}(?:buro|amt|haus|zentrum|verein|stelle|dienst|team|gruppe|kreis|projekt|netzwerk|"
    r"treff|laden|schule|kita|hilfe|arbeit|politik|verwaltung|strasse|platz|park|garten|"
    r"markt|kirche|gemeinde|programm|angebot|beirat|konferenz|runde|forum|initiative|bundnis|"
    r"stiftung|werk|heim|plan|bericht|konzept|raum|raume|zeit|kurs|kurse|stunde|stunden|tag|"
    r"tage|jahr|jahre|woche|geld|kosten|miete|mieten|wohnung|wohnungen|kinder|eltern|leute|"
    r"frauen|manner|jugend|senioren|familien|nachbarschaft|quartier|viertel|stadt|stadtteil|"
    r"land|staat|mutter|mutter|vater|arzt|cafe|bad|halle|amt|turm|feier|fest|spiel|spiele|"
    r"fahrt|weg|wege|bahn|linie|karte|karten|liste|listen|essen|mittel|raum|ort|orte|punkt|"
    r"schild|prozess|system|modell|netz|verkehr|anlage|anlagen|bau|zone|zonen|ausbau|bund|"
    r"verband|bus|brett|fall|zeug|gerat|mobel|licht|boden|zaun|fenster|tisch|stuhl|wagen|"
    r"schiff|flug|insel)$"
)
# Letters that German does not use: a word with them is a name or a foreign word.
FOREIGN_LETTERS = re.compile("[şğıçłńśźżąęćčšžđőűãõñøåæřůýťďľĺŕŞĞİÇŁŃŚŹŻĄĘĆČŠŽĐŐŰÃÕÑØÅÆŘŮÝŤĎĽĹŔ]")
FOREIGN_END = re.compile(
    r"(?:[^aeiou]ić|vić|vic|ović|ovic|[^aeiou]ski|[^aeiou]ska|cki|cka|wicz|czyk|enko|chuk|czuk|"
    r"yuk|ov|ova|ev|eva|yan|oğlu|oglu|zadeh|poulos|opoulou|akis|idis|escu|ovska|ovski|uddin|"
    r"ullah|ollah|ahmadi|zai)$",
    re.IGNORECASE,
)
# Directions of a town, folded ("Nord", "Südost", "Westend", "Mitte"): where one lives,
# after a word for a resident or neighbour no surname ("Nachbarin Nord: …")
DIRECTION = re.compile(r"(?:nord|sud|ost|west)(?:ost|west)?(?:end)?|mitte|zentrum")
# Street and institution endings: such a word ends a name ("Alma Wartenbergplatz").
PLACE_END = re.compile(
    r"(?:strasse|str|platz|weg|allee|gasse|ring|damm|ufer|park|markt|schule|gymnasium|haus|"
    r"kirche|zentrum|halle|brucke|garten|hof|center|kita)$"
)
# Internal capitals allowed in names ("McDonald", "DeVries", "O'Brien", "LeBlanc").
CAMEL_OK = re.compile(r"^(?:Mc|Mac|O'|O’|D'|D’|De|Di|Da|La|Le|Van|Von|Du|Al|El)[A-ZÄÖÜ]")

# An Arabic article or kinship word before a capitalised name is part of the surname:
# "al-Hassan", "el-Sayed", "abu-Zaid" are names as "Al-Hassan" is
_PREFIXED_NAME = re.compile(r"(?:al|el|ad|ar|as|asch|ash|at|az|abu|abou|bin|ben|ibn)-[A-ZÄÖÜ]")
_OPENERS = frozenset(" \t\u00a0\"'„“”‚‘»«*(")  # between a sentence end and its first word
PLACEHOLDER = re.compile(r"\[(?:Person \d+|[A-ZÄÖÜ][\w-]{1,20})\]")


@dataclass(frozen=True)
class Tok:
    """A word of a text, with its offsets and its folded and lower-case forms."""

    start: int
    end: int
    text: str
    folded: str
    lower: str
    sentence_start: bool
    dot: bool  # a "." directly after the token ("Dr.", "B.")


def prefixed_name(word: str) -> bool:
    """Whether ``word`` is a name after an Arabic article or kinship word ("al-Hassan")."""
    return bool(_PREFIXED_NAME.match(word))


def tokens(text: str) -> TokenList:
    """Word tokens of ``text`` (placeholders such as ``[Person 3]`` are skipped)."""
    masked = PLACEHOLDER.sub(lambda m: " " * len(m.group()), text)
    out = TokenList(text)
    for m in _TOKEN.finditer(masked):
        start, end = m.span()
        j = start - 1  # the last character before the word that is not an opener
        while j >= 0 and masked[j] in _OPENERS:
            j -= 1
        sentence_start = j < 0 or masked[j] in ".!?:;\n•–-"
        word = m.group()
        prefixed = "-" in word and prefixed_name(word)  # no hyphen: no "al-Hassan"
        out.append(
            Tok(
                start,
                end,
                word[0].upper() + word[1:] if prefixed else word,
                fold(word),
                word.lower(),
                sentence_start,
                masked[end : end + 1] == ".",
            )
        )
    return out


# After a name's genitive "s": the noun it owns, perhaps with an adjective before it
# ("Annas Idee", "Mehmets neuer Laden"), not a verb or a preposition ("Bonus für …")
_OWNED = re.compile(r"s[ \u00a0](?:([a-zäöüß]+(?:e|en|er|es|em))[ \u00a0])?[A-ZÄÖÜ][a-zäöüß]")


# Quantifiers in the adjective's place: "Malus weniger Bonus" is no genitive
_QUANTIFIERS = frozenset("weniger wenige wenigen wenig mehrere mehreren".split())


def genitive_at(text: str, end: int, sibilant: bool = False) -> bool:
    """Whether a name ending at ``end`` goes on with a genitive "s" before the noun it owns
    ("Annas Idee", "Frau Schmidts Garten"): the name is then ``text[:end]`` without the "s".

    ``sibilant``: a name the key holds may end in "x", "z" or "ß" before the "s", as people
    write it without the apostrophe ("Yilmazs Vorschlag" for "Yilmaz' Vorschlag")."""
    m = _OWNED.match(text, end)
    last = text[end - 1 : end].lower()
    if m is None or last == "s" or (last in ("x", "z", "ß") and not sibilant):
        return False
    adjective = m.group(1)
    return adjective is None or (
        fold(adjective) not in FUNCTION_WORDS and fold(adjective) not in _QUANTIFIERS
    )


_SAINTS = frozenset("st sankt hl heilige heiligen".split())


def saint(toks: list[Tok], i: int) -> bool:
    """Whether token ``i`` is a saint's name or its "St." ("St. Joseph", "Sankt Martin",
    churches, parishes, hospitals): no person."""
    return toks[i].lower in _SAINTS or (i > 0 and toks[i - 1].lower in _SAINTS)


# The gender ending of a noun: "Vertreter*innen", "Bewohner:innen", "Nutzer_in", "Lehrer/-in"
_GENDERED = re.compile(r"(?:[*:_/]-?|·)[iI]n(?:nen)?\b")
# A number right after a word, perhaps after its full stop ("Max. 10", "Nr 5")
_NUMBER_AFTER = re.compile(r"\.?\s?\d")


def fragment(text: str, tok: Tok) -> bool:
    """Part of an elliptic compound ("Klaus- und Eulenstraße"), an abbreviation ("Max. 10")
    or a noun with a gender ending ("Vertreter*innen")."""
    after = text[tok.end : tok.end + 4]
    gendered = _GENDERED.match(text, tok.end) is not None
    return gendered or after.startswith("-") or _NUMBER_AFTER.match(after) is not None


# Where a long text without line breaks stays fast: the rules look only at the words near a
# token, never at the whole text before it (a pasted PDF page or an Etherpad export is one
# line of many thousand words; reading all of it again for each word took minutes).


def search_before(
    pattern: re.Pattern[str], text: str, end: int, run: str, reach: int
) -> re.Match[str] | None:
    """``pattern.search(text, 0, end)`` for a pattern that ends in "$" and matches only
    characters of ``run`` (blanks: any white space) and at most ``reach`` others before
    them: reads back over the run, then ``reach`` characters, not the whole text."""
    blanks = " " in run
    k = end
    while k > 0 and (text[k - 1] in run or (blanks and text[k - 1].isspace())):
        k -= 1
    return pattern.search(text, max(k - reach, 0), end)


def last_char(text: str, end: int) -> str:
    """The last non-blank character before ``end`` ("" if none): what
    ``text[:end].rstrip()`` ends with, read backwards only over the blanks."""
    k = end - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return text[k] if k >= 0 else ""


def words_start(text: str, end: int, words: int) -> int:
    """Where a search for a pattern ending in "$" before ``end`` may begin if it matches at
    most ``words`` white-space-separated chunks and the one character before them: reads
    back over those chunks and blanks, not the whole text."""
    k = end
    for _ in range(words):
        while k > 0 and text[k - 1].isspace():
            k -= 1
        while k > 0 and not text[k - 1].isspace():
            k -= 1
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return max(k - 1, 0)


def clause_start(text: str, end: int, marks: str) -> int:
    """Where the clause ending at ``end`` begins: right after the last of ``marks`` before
    ``end`` (0 if none), read backwards only over the clause."""
    k = end - 1
    while k >= 0 and text[k] not in marks:
        k -= 1
    return k + 1


class TokenList(list[Tok]):
    """The tokens of one text, with an index of the words that stand before a capitalised
    word (built on first use)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self._before_capital: dict[str, dict[tuple[str, str], int]] | None = None

    def before_capital(self, word: str) -> dict[tuple[str, str], int]:
        """Where ``word`` stands before a capitalised word after one blank: the next word
        (text, lower case) → the index of the first such ``word``."""
        if self._before_capital is None:
            index: dict[str, dict[tuple[str, str], int]] = {}
            for k in range(len(self) - 1):
                tok, nxt = self[k], self[k + 1]
                if self.text[tok.end : nxt.start] == " " and nxt.text[:1].isupper():
                    index.setdefault(tok.text, {}).setdefault((nxt.text, nxt.lower), k)
            self._before_capital = index
        return self._before_capital.get(word, {})


def has_capitals_run(text: str) -> bool:
    """Whether ``text`` has two capitals in a row ("AWO", "FRAU KAYA"): a word in capitals
    the capitals readings (names, addresses) look at; Python's ``re`` has no Unicode class
    of capitals, so the letters are asked one by one."""
    # only where two characters in a row are neither a small letter, a digit, a blank nor a
    # common mark: most texts have no such pair, and no capital is one of those characters
    at = _NO_CAPITALS_PAIR.search(text)
    while at is not None:
        start = at.start()
        if text[start].isupper() and text[start + 1].isupper():
            return True
        at = _NO_CAPITALS_PAIR.search(text, start + 1)
    return False


# Two characters in a row of which none is one of the characters no capital is
_NO_CAPITALS_PAIR = re.compile(r"[^a-zäöüß\d\s.,;:!?'\"()\-]{2}")
