"""Readable labels and distinct quotes for need clusters and topics.

A label is a short phrase *from the cluster's own statements*, not a keyword string. The
candidates come from the statements nearest the cluster's centre: a short statement
(a card such as "Jugendtreff im Wohnpark") as a whole, a longer one by the main clause of
each of its sentences (up to the first comma, dash or bracket), with common lead-ins
("Es braucht …", "Wichtig wäre, …") dropped. Each candidate is scored by the cluster's
keywords it contains; among those within :data:`NEAR_BEST` of the best score, a
candidate that fits :data:`MAX_CHARS` uncut beats one that must be shortened, then the
more central statement wins, then the shorter phrase. The keywords stay available as a
secondary line; researchers' names (rename edits) always win over a generated label.

Quotes are chosen among *distinct* statements: texts that differ only in case, spacing
or punctuation (Pol.is duplicates, cards copied into a protocol) count once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from workbench.analysis.stopwords import tokenize

MAX_CHARS = 60
MIN_WORDS = 2
CANDIDATES = 12  # central statements searched for a label
NEAR_BEST = 0.75  # candidates scoring at least this share of the best one compete

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
        part = _LEAD_INS.sub("", part).strip()
    return part[:1].upper() + part[1:] if len(part.split()) >= MIN_WORDS else ""


def phrases(text: str) -> list[str]:
    """Label candidates of one statement: the whole of a short one, else main clauses.

    >>> phrases("Jugendtreff im Wohnpark!")
    ['Jugendtreff im Wohnpark']
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
    """
    weight = {}
    for rank, word in enumerate(keywords):
        for token in tokenize(word):
            weight.setdefault(token, 1.0 / (1 + rank))
    used = {normalise(t) for t in taken}
    scored = []
    for position, text in enumerate(central_texts[:CANDIDATES]):
        for phrase in phrases(text):
            label = shorten(phrase)
            if normalise(label) in used:
                continue
            score = sum(weight.get(t, 0.0) for t in set(tokenize(label)))
            scored.append((score, len(phrase) > MAX_CHARS, position, len(label), label))
    if scored:
        best = max(s[0] for s in scored)
        near = [s for s in scored if s[0] >= NEAR_BEST * best]
        chosen = min(near, key=lambda s: s[1:])
        return chosen[-1], chosen[2]
    return " · ".join(w.capitalize() for w in keywords[:3]), None
