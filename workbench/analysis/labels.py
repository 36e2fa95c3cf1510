"""Readable labels and distinct quotes for need clusters and topics.

A label is a short phrase *from the cluster's own statements*, not a keyword string. The
candidates come from the statements nearest the cluster's centre: a short statement
(a card such as "Jugendtreff im Wohnpark") as a whole, a longer one by the main clause of
each of its sentences (up to the first comma, dash or bracket) and by its noun phrases
("Parken auf dem Gehweg", "sichere Radwege"), with common lead-ins ("Es braucht …",
"Wichtig wäre, …") dropped. Each candidate is scored by the cluster's keywords it
contains; among those within :data:`NEAR_BEST` of the best score, a whole phrase beats a
*flawed* one — one that must be shortened, or a fragment that a reader cannot take on its
own (it ends on an article, preposition or conjunction, or is a subordinate or
participial clause: "Entweder ist das Parken mit zwei", "Von der Straße kommend") — then
a statement or clause in the participants' own words beats a noun phrase (noun phrases
stand in where every good clause is flawed), then the more central statement wins, then
the shorter phrase. When every near-best candidate is flawed, a whole phrase with at least
:data:`WHOLE_BEST` of the best score is taken instead. The keywords stay available as a
secondary line; researchers' names (rename edits) always win over a generated label.

Quotes are chosen among *distinct* statements: texts that differ only in case, spacing
or punctuation (Pol.is duplicates, cards copied into a protocol) count once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from workbench.analysis.stopwords import GERMAN, tokenize

MAX_CHARS = 60
MIN_WORDS = 2
CANDIDATES = 12  # central statements searched for a label
NEAR_BEST = 0.75  # candidates scoring at least this share of the best one compete
WHOLE_BEST = 0.5  # a whole phrase this good still beats near-best ones that are all flawed

_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
_MAIN_CLAUSE = re.compile(r"\s*(?:,|\s[–—-]\s|[(\[]|\.\.\.|…)")
_LEAD_INS = re.compile(
    r"^(?:(?:es|man|wir|sie)\s+(?:braucht|bräuchte|brauchen|bräuchten|fehlt|fehlen|"
    r"wünschen\s+sich|wünscht\s+sich|fordern|fordert)\s+(?:es\s+)?(?:an\s+)?|"
    r"(?:wichtig|notwendig|nötig|gewünscht|gefordert|sinnvoll|dringend\s+nötig)\s+"
    r"(?:ist|sind|sei|seien|wäre|wären|wird|werden)\s+(?:auch\s+)?(?:es\s+)?(?:dass\s+)?|"
    r"(?:und|oder|aber|sowie|auch|dass|damit|weil)\s+)",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
# A speaker before the statement: a placeholder or an interview code ("[Person 1]: …",
# "B1: …"); a topic before a card ("Impfhilfe: Termine buchen …") belongs to the label.
_LABEL_PREFIX = re.compile(r"^(?:\[[^\[\]]{1,40}\]|[A-Z]{1,3}\d{0,2})\s?:\s+(?=\S)")
# A noun phrase: attributive adjectives, a capitalised noun (or a name of two words, or two
# nouns joined by "und"/"oder"), optionally one prepositional or genitive attribute
# ("Parken auf dem Gehweg", "Tempo 30 vor Schulen", "Beteiligung der Bewohnerinnen und
# Bewohner").
_ADJ = r"(?:[a-zäöüß][\w-]*(?:e|en|er|es|em)\s+)"
_NOUN = r"(?:[A-ZÄÖÜ][\w/-]+(?:\s+[A-ZÄÖÜ][\w/-]+)?(?:\s+\d+)?)"
_PREP = (
    r"(?:(?:für|mit|ohne|auf|an|in|vor|nach|zu|von|aus|bei|über|unter|zwischen|gegen|durch)"
    r"\s+(?:(?:der|die|das|den|dem|des|einen|einem|einer|eine|ein)\s+)?"
    r"|(?:am|im|zum|zur|vom|beim)\s+)"
)
_GENITIVE = r"(?:(?:der|des)\s+)"
_COORDINATED = rf"(?:{_NOUN}(?:\s+(?:und|oder)\s+{_ADJ}?{_NOUN})?)"
_NOUN_PHRASE = re.compile(
    rf"(?<![\w-]){_ADJ}{{0,2}}{_COORDINATED}(?:\s+(?:{_PREP}|{_GENITIVE}){_ADJ}?{_COORDINATED})?"
)
# Words that open no noun phrase: function words, and verbs of wanting and needing that
# end like an adjective ("brauchen sichere Radwege").
_NOT_IN_PHRASE = GERMAN | frozenset(
    """
    brauchen bräuchte bräuchten fordern wünsche wünschen finde finden sehe sehen fehlen
    fehlte fehlten benötigen bekommen schaffen bauen müssten könnten möchte möchten
    """.split()
)
# Words a complete phrase does not end on, and openings of clauses that need another (a
# subordinator, or a finite verb first: a conditional, a question or a clause's remainder).
_ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines".split())
_DANGLING = _ARTICLES | frozenset(
    """
    und oder aber sondern denn dass weil wenn ob als wie entweder sowohl weder mit für von
    zu zum zur in im an am auf aus bei beim nach über unter vor durch gegen ohne um bis
    seit zwischen hinter neben zwei drei vier fünf sechs sieben acht neun zehn was wo wer
    """.split()
)
_SUBORDINATE = frozenset(
    """
    da weil wenn falls obwohl nachdem sobald solange bevor ob als entweder weder um
    würde würden wäre wären hätte hätten sollte haben hat ist sind wird werden kann muss
    """.split()
)
_NON_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """A text's identity for duplicates: lower case, letters and digits only, one space.

    >>> normalise("  Jugendtreff im Wohnpark! ") == normalise("jugendtreff im wohnpark")
    True
    """
    return _SPACE.sub(" ", _NON_WORD.sub(" ", str(text).casefold())).strip()


def distinct(order: Iterable[int], texts: Sequence[str], limit: int) -> list[int]:
    """The first ``limit`` positions of ``order`` whose texts are pairwise distinct.

    >>> distinct([3, 0, 1, 2], ["Mehr Bänke", "mehr bänke!", "Licht", "Licht."], 2)
    [3, 0]
    """
    seen: set[str] = set()
    chosen: list[int] = []
    for i in order:
        key = normalise(texts[i])
        if key in seen or not key:
            continue
        seen.add(key)
        chosen.append(int(i))
        if len(chosen) == limit:
            break
    return chosen


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters (with "…").

    >>> shorten("Beratung vor Ort im Quartiersbüro einmal pro Woche anbieten", 30)
    'Beratung vor Ort im…'
    """
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return f"{cut}…"


def _tidy(part: str) -> str:
    part = _SPACE.sub(" ", part).strip(" -–—*/\"„“'.!?;:,")
    previous = None
    while part and part != previous:
        previous = part
        part = _LEAD_INS.sub("", _LABEL_PREFIX.sub("", part)).strip()
    return part[:1].upper() + part[1:] if len(part.split()) >= MIN_WORDS else ""


def fragmentary(phrase: str) -> bool:
    """Whether ``phrase`` cannot stand alone as a label (see the module docstring).

    >>> [fragmentary(p) for p in ("Entweder ist das Parken mit zwei",
    ...  "Von der Bahrenfelder Straße kommend", "Vorrang für Fußgänger und Radfahrer",
    ...  "Ich wünsche mir ein autoarmes Ottensen für alle",
    ...  "Unter dem Platz eine grosse")]
    [True, True, False, False, True]
    """
    words = phrase.rstrip(" …").split()
    if not words:
        return True
    last, first = words[-1].casefold(), words[0].casefold()
    before = words[-2].casefold() if len(words) > 1 else ""
    return (
        last in _DANGLING
        or first in _SUBORDINATE
        or (words[-1].islower() and last.endswith("end") and len(words) > 1)
        or (words[-1].islower() and before in _ARTICLES)  # "eine grosse" needs its noun
    )


def noun_phrases(text: str) -> list[str]:
    """Noun phrases of at least two words in ``text`` (a longer statement's key phrases).

    >>> noun_phrases("Viele parken mit zwei Rädern auf dem Gehweg. Wir brauchen sichere "
    ...              "Radwege zur Schule. Die Beteiligung der Bewohnerinnen und Bewohner.")
    ['Rädern auf dem Gehweg', 'Sichere Radwege zur Schule', \
'Beteiligung der Bewohnerinnen und Bewohner']
    """
    out = []
    for match in _NOUN_PHRASE.finditer(text):
        words = _SPACE.sub(" ", match.group(0)).strip(" -/").split()
        while words and words[0].casefold() in _NOT_IN_PHRASE:
            words.pop(0)  # "Die Stadt", "brauchen sichere Radwege": not part of the phrase
        phrase = " ".join(words)
        if len(words) >= MIN_WORDS and len(phrase) <= MAX_CHARS and phrase not in out:
            out.append(phrase[:1].upper() + phrase[1:])
    return out


def phrases(text: str) -> list[str]:
    """Label candidates of one statement: the whole of a short one, else its main clauses.

    >>> phrases("Jugendtreff im Wohnpark!")
    ['Jugendtreff im Wohnpark']
    >>> phrases("[Person 1]: Der Bus fährt abends zu selten")
    ['Der Bus fährt abends zu selten']
    >>> phrases("Impfhilfe: Termine buchen für Ältere")
    ['Impfhilfe: Termine buchen für Ältere']
    >>> phrases("Es braucht einen Jugendtreff im Wohnpark, am besten mit Betreuung, "
    ...         "und zwar bald. Die Stadt sollte das Quartiersbüro sichern.")
    ['Einen Jugendtreff im Wohnpark', 'Die Stadt sollte das Quartiersbüro sichern']
    """
    whole = _tidy(text)
    if whole and len(whole) <= MAX_CHARS:
        return [whole]
    out = []
    for sentence in _SENTENCE.split(text):
        main = _tidy(_MAIN_CLAUSE.split(sentence, maxsplit=1)[0])
        if main:
            out.append(main)
    return out


def readable_label(central_texts: Sequence[str], keywords: Sequence[str], taken: set[str]) -> str:
    """A short German phrase for a cluster from its most central statements.

    ``central_texts`` are the cluster's statements, most central first; ``keywords`` its
    keywords, most characteristic first (they weigh the clauses); labels in ``taken`` are
    not repeated (the next best clause is used).

    >>> readable_label(
    ...     ["Die Kinder brauchen Leihgeräte, aber ohne WLAN nützen sie nichts.",
    ...      "Leihgeräte nur mit Internetzugang"],
    ...     ["leihgeräte", "internetzugang", "wlan"], set())
    'Leihgeräte nur mit Internetzugang'
    """
    return label_and_source(central_texts, keywords, taken)[0]


def label_and_source(
    central_texts: Sequence[str], keywords: Sequence[str], taken: set[str]
) -> tuple[str, int | None]:
    """:func:`readable_label` and the position in ``central_texts`` of the statement it
    comes from (None for the keyword fallback): stored with the label, so that erasing a
    statement can find the labels made from it.

    >>> label_and_source(["Mehr Bänke am Platz", "Licht im Park"], ["licht"], set())
    ('Licht im Park', 1)

    A phrase with a pseudonym ("sagt [Person 5]") is a label only when nothing else is:

    >>> label_and_source(["Ein Ort für Kinder, sagt [Person 5]", "Ein Ort für die Kinder"],
    ...                  ["kinder", "ort"], set())
    ('Ein Ort für die Kinder', 1)
    """
    weight = {}
    for rank, word in enumerate(keywords):
        for token in tokenize(word):
            weight.setdefault(token, 1.0 / (1 + rank))
    used = {normalise(t) for t in taken}
    scored = []
    for position, text in enumerate(central_texts[:CANDIDATES]):
        clauses = phrases(text)
        nouns = noun_phrases(text) if len(text) > MAX_CHARS else []  # a card is its own label
        for kind, candidates in enumerate((clauses, [p for p in nouns if p not in clauses])):
            for phrase in candidates:
                label = shorten(phrase)
                if normalise(label) in used:
                    continue
                score = sum(weight.get(t, 0.0) for t in set(tokenize(label)))
                flawed = len(phrase) > MAX_CHARS or fragmentary(label) or "[" in label
                scored.append((score, flawed, kind, position, len(label), label))
    if scored:
        own_words = [s for s in scored if s[2] == 0] or scored
        best = max(s[0] for s in own_words)  # noun phrases stand in, they do not set the bar
        near = [s for s in own_words if s[0] >= NEAR_BEST * best]
        whole = [s for s in scored if not s[1] and s[0] >= WHOLE_BEST * best > 0]
        if whole and all(s[1] for s in near):  # every near-best clause is flawed
            best = max(s[0] for s in whole)
            near = [s for s in whole if s[0] >= NEAR_BEST * best]
        chosen = min(near, key=lambda s: s[1:])
        return chosen[-1], chosen[3]
    return " · ".join(w.capitalize() for w in keywords[:3]), None
