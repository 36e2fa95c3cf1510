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
:data:`WHOLE_BEST` of the best score is taken instead (any whole phrase when no clause
shares a keyword). The keywords stay available as a secondary line; researchers' names
(rename edits) always win over a generated label.

A label carries words a resident can read (:func:`content_words`). Placeholders of
pseudonymisation ("[Person 3]", "[Telefon]") never count as its content, nor do stop words
or "Tel." beside a placeholder (:data:`~workbench.analysis.stopwords.CONTACT`): a phrase
without a content word is no candidate. No candidate ends on a preposition, article or
conjunction: a clause cut before a placeholder ("Ruf mich an unter [Telefon]") or by
:func:`shorten` loses its dangling words and counts as flawed. Without any phrase the label
is the cluster's words (the keywords, then the statements' own content words; never empty
parts, placeholder words or a bare " · "); without any word it is :data:`NO_WORDS` — with
the placeholder kinds ("Ohne Wortinhalt (nur Platzhalter: Person, Telefon)") or the most
central statement not yet used as a label ("Ohne Wortinhalt: 👍", its position kept as the
source so that erasure finds it), numbered only when all of them are taken.

Quotes are chosen among *distinct* statements: texts that differ only in case, spacing
or punctuation (Pol.is duplicates, cards copied into a protocol) count once; a text
without letters or digits ("👍", "?") is compared as it stands.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from workbench.analysis.markup import strip_markup, without_hesitation
from workbench.analysis.stopwords import CONTACT, GERMAN, tokenize

MAX_CHARS = 60
MIN_WORDS = 2
CANDIDATES = 12  # central statements searched for a label
NEAR_BEST = 0.75  # candidates scoring at least this share of the best one compete
WHOLE_BEST = 0.5  # a whole phrase this good still beats near-best ones that are all flawed

_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
# A full stop after these ends no sentence: abbreviations ("bzw.", "z. B.", "elektr."), a
# single letter ("u. a."), a number ("3. Stock", "12.3. bis"); a clause cut there would
# end in a cut word ("Umgang mit elektr").
_ABBREVIATIONS = frozenset(
    """
    bzw ca usw ggf evtl etc inkl exkl bspw sog vgl ugs zzgl abzgl insb mind max min ehem
    str nr tel abs abt allg bzgl dt engl franz gem ggü jh jhd jhs kath evang lt mio mrd
    nachm vorm od rd st tsd usf verh vs zb zt zz zzt elektr
    """.split()
)
# An ordinal before its noun: after an article or preposition ("im 3. Stock"), or a date.
_BEFORE_ORDINAL = frozenset(
    "der die das den dem des ein eine einen einem einer eines am im vom zum zur ab bis seit "
    "vor nach ca bzw und oder".split()
)
_MONTHS = frozenset(
    "januar februar märz april mai juni juli august september oktober november dezember "
    "jan feb mär apr jun jul aug sep sept okt nov dez".split()
)
_NUMBER = re.compile(r"\d+")
_INITIALS = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}|\d{1,2}\.\d{1,2}(?:\.\d{2,4})?")
_MAIN_CLAUSE = re.compile(r"\s*(?:,|\s[–—-]\s|[(\[]|\.\.\.|…)")
_LEAD_INS = re.compile(
    r"^(?:(?:es|man|wir|sie)\s+(?:braucht|bräuchte|brauchen|bräuchten|fehlt|fehlen|"
    r"wünschen\s+sich|wünscht\s+sich|fordern|fordert)\s+(?:es\s+)?(?:an\s+)?|"
    r"(?:wichtig|notwendig|nötig|gewünscht|gefordert|sinnvoll|dringend\s+nötig)\s+"
    r"(?:ist|sind|sei|seien|wäre|wären|wird|werden)\s+(?:auch\s+)?(?:es\s+)?(?:dass\s+)?|"
    r"(?:und|oder|aber|sowie|auch|dass|damit|weil)\s+|"
    r"(?:z\.\s?b\.|u\.\s?a\.|bzw\.|bspw\.|ggf\.|evtl\.|zzt\.|zt\.)\s+)",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
# A speaker before the statement: a placeholder or an interview code ("[Person 1]: …",
# "B1: …"); a topic before a card ("Impfhilfe: Termine buchen …") belongs to the label.
_LABEL_PREFIX = re.compile(
    r"^(?:(?:\[[^\[\]]{1,40}\]|[A-Z]{1,3}\d{0,2})\s?:\s+"
    # … or a reported speaker: "[Person 1] sagt, der Bus …", "[Person 2] meint, dass …"
    r"|\[[^\[\]]{1,40}\]\s+(?:sagt|sagte|meint|meinte|findet|fand|berichtet|berichtete|"
    r"erzählt|erzählte|betont|betonte|erklärt|erklärte|schreibt|schrieb|fragt|fragte|"
    r"ergänzt|ergänzte|wünscht\s+sich|schlägt\s+vor)\s*,?\s+(?:dass\s+)?)(?=\S)"
)
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
# A capitalised word that is not the first of its sentence, then spaces, at the end of the
# text before a noun phrase: a noun (or name) the phrase's lower-case first word follows.
_AFTER_NOUN = re.compile(r"[\w,;]\s+[A-ZÄÖÜ][\w-]*\s+$")
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
    u bzw od
    """.split()
)
_SUBORDINATE = frozenset(
    """
    da weil wenn falls obwohl nachdem sobald solange bevor ob als entweder weder um
    würde würden wäre wären hätte hätten sollte haben hat ist sind wird werden kann muss
    """.split()
)
# Abbreviations that need a word after them: a phrase does not end on "bzw." or "z. B.".
_DANGLING_ABBREVIATIONS = frozenset(
    "bzw. od. u. z. b. ca. bspw. inkl. ggf. evtl. sog. vgl. z.b.".split()
)
_NON_WORD = re.compile(r"[^\w]+")
_PLACEHOLDER_KIND = re.compile(r"\[([^\[\]\n]{1,40}?)(?:\s+\d+)?\]")
_WORD = re.compile(r"[\w-]+")
NO_WORDS = "Ohne Wortinhalt"  # the label of a cluster without a word (emoji, placeholders)


def content_words(text: str) -> list[str]:
    """The words a label carries: tokens without placeholders, stop words and the
    abbreviations of contact data.

    >>> content_words("[Person 3], Tel. [Telefon]"), content_words("Kontakt: [Person 4]")
    ([], ['kontakt'])
    """
    return [t for t in tokenize(text) if t not in CONTACT]


def normalise(text: str) -> str:
    """A text's identity for duplicates: lower case, letters and digits only, one space.

    >>> normalise("  Jugendtreff im Wohnpark! ") == normalise("jugendtreff im wohnpark")
    True
    >>> normalise("Mehr Ba\\u0308nke") == normalise("Mehr Bänke")  # "ä" from a Mac
    True
    """
    composed = unicodedata.normalize("NFC", str(text))  # a word ends at a combining mark
    return _SPACE.sub(" ", _NON_WORD.sub(" ", composed.casefold())).strip()


def distinct(order: Iterable[int], texts: Sequence[str], limit: int) -> list[int]:
    """The first ``limit`` positions of ``order`` whose texts are pairwise distinct.

    >>> distinct([3, 0, 1, 2], ["Mehr Bänke", "mehr bänke!", "Licht", "Licht."], 2)
    [3, 0]

    A text without letters or digits ("👍", "?") is compared as it stands; an empty one
    is skipped:

    >>> distinct([0, 1, 2, 3], ["👍", " 👍", "😡", "  "], 5)
    [0, 2]
    """
    seen: set[str] = set()
    chosen: list[int] = []
    for i in order:
        key = normalise(texts[i]) or _SPACE.sub(" ", str(texts[i])).strip()  # "👍" is one
        if key in seen or not key:
            continue
        seen.add(key)
        chosen.append(int(i))
        if len(chosen) == limit:
            break
    return chosen


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters (with "…").

    The cut never ends on a preposition, article or conjunction (it is cut earlier):

    >>> shorten("Beratung vor Ort im Quartiersbüro einmal pro Woche anbieten", 30)
    'Beratung vor Ort…'
    """
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return f"{trim_dangling(cut) or cut}…"


def trim_dangling(phrase: str) -> str:
    """``phrase`` without the words it cannot end on ("" when nothing readable is left).

    >>> trim_dangling("Ruf mich an unter"), trim_dangling("Unter dem Platz eine grosse")
    ('Ruf mich', 'Unter dem Platz')
    >>> trim_dangling("Schranke Fischers Allee bzw."), trim_dangling("Mehr Grün, z. B.")
    ('Schranke Fischers Allee', 'Mehr Grün')
    """
    words = phrase.split()
    while words:
        last = words[-1].casefold().strip(" ,;:–-")
        if last in _DANGLING or last in _DANGLING_ABBREVIATIONS or not last:
            words.pop()
        elif len(words) > 1 and words[-1].islower() and words[-2].casefold() in _ARTICLES:
            del words[-2:]  # "eine grosse" needs its noun
        else:
            break
    return " ".join(words).rstrip(" ,;:–-")


def sentences(text: str) -> list[str]:
    """``text`` split into sentences; a full stop after an abbreviation, a single letter,
    an ordinal or a date ends none.

    >>> sentences("Umgang mit elektr. Geräten! Schranke bzw. Poller, z. B. im 3. Stock.")
    ['Umgang mit elektr. Geräten!', 'Schranke bzw. Poller, z. B. im 3. Stock.']
    >>> sentences("Ab 12.3. offen. Tempo 30. Mehr Bänke an der Hauptstr. Ecke Markt")
    ['Ab 12.3. offen.', 'Tempo 30.', 'Mehr Bänke an der Hauptstr. Ecke Markt']
    """
    out, start = [], 0
    for match in _SENTENCE.finditer(text):
        before = text[start : match.start()]
        if "\n" not in match.group(0) and _abbreviated(before, text[match.end() :]):
            continue
        out.append(before)
        start = match.end()
    return [*out, text[start:]]


def _abbreviated(before: str, after: str) -> bool:
    """Whether the full stop ending ``before`` belongs to its last word, not a sentence."""
    if not before.endswith("."):
        return False
    words = before[:-1].split()
    word = words[-1].lstrip("(„\"'/-") if words else ""
    if _NUMBER.fullmatch(word):  # "im 3. Stock", "am 12. März"; not "Tempo 30. Mehr …"
        previous = words[-2].casefold() if len(words) > 1 else ""
        following = after.split(maxsplit=1)[0].casefold().rstrip(".,") if after.split() else ""
        return previous in _BEFORE_ORDINAL or following in _MONTHS  # "1. Parken" lists
    folded = word.casefold()
    return (
        (len(word) == 1 and word.isalpha())
        or folded in _ABBREVIATIONS
        or (folded.endswith("str") and len(folded) > 4)  # "Hauptstr."
        or bool(_INITIALS.fullmatch(word))  # "z.B.", "u.a.", "12.3."
    )


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
        or last in _DANGLING_ABBREVIATIONS
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
    >>> noun_phrases("In den Häusern im Süden von Alkenrath wohnen Familien mit Kindern.")
    ['Häusern im Süden', 'Familien mit Kindern']
    """
    out = []
    for match in _NOUN_PHRASE.finditer(text):
        words = _SPACE.sub(" ", match.group(0)).strip(" -/").split()
        while words and words[0].casefold() in _NOT_IN_PHRASE:
            words.pop(0)  # "Die Stadt", "brauchen sichere Radwege": not part of the phrase
        if words and words[0].islower() and _AFTER_NOUN.search(text, 0, match.start()):
            # "… von Alkenrath wohnen Familien": a lower-case word right after a noun
            # inside a sentence is its verb (German puts it second), not an adjective
            while words and words[0].islower():
                words.pop(0)
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
    >>> phrases("[Person 1] sagt, der Bus fährt abends zu selten")
    ['Der Bus fährt abends zu selten']
    >>> phrases("Impfhilfe: Termine buchen für Ältere")
    ['Impfhilfe: Termine buchen für Ältere']
    >>> phrases("Es braucht einen Jugendtreff im Wohnpark, am besten mit Betreuung, "
    ...         "und zwar bald. Die Stadt sollte das Quartiersbüro sichern.")
    ['Einen Jugendtreff im Wohnpark', 'Die Stadt sollte das Quartiersbüro sichern']
    """
    return [phrase for phrase, _ in _phrases_trimmed(without_hesitation(strip_markup(text)))]


def _phrases_trimmed(text: str) -> list[tuple[str, bool]]:
    """:func:`phrases` and whether each lost a dangling end (then it counts as flawed)."""
    whole = _tidy(text)
    if whole and len(whole) <= MAX_CHARS:
        parts = [whole]
    else:
        parts = [_tidy(_MAIN_CLAUSE.split(s, maxsplit=1)[0]) for s in sentences(text)]
    out = []
    for part in parts:
        trimmed = trim_dangling(part)
        if len(trimmed.split()) >= MIN_WORDS:
            out.append((trimmed, trimmed != part))
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
    comes from (for a label of words: the statement of its first word; None for a
    placeholder label): stored with the label, so that erasing a statement can find the
    labels made from it.

    >>> label_and_source(["Mehr Bänke am Platz", "Licht im Park"], ["licht"], set())
    ('Licht im Park', 1)

    A phrase with a pseudonym ("sagt [Person 5]") is a label only when nothing else is:

    >>> label_and_source(["Ein Ort für Kinder, sagt [Person 5]", "Ein Ort für die Kinder"],
    ...                  ["kinder", "ort"], set())
    ('Ein Ort für die Kinder', 1)

    Statements from a Mac ("ö" as "o" + U+0308) are read composed: the patterns of words
    and phrases end a word at a combining mark ("lösen" would be "l" and "sen").
    """
    central_texts = [unicodedata.normalize("NFC", t) for t in central_texts]
    weight = {}
    for rank, word in enumerate(keywords):
        for token in tokenize(word):
            weight.setdefault(token, 1.0 / (1 + rank))
    used = {normalise(t) for t in taken}
    scored = []
    for position, text in enumerate(central_texts[:CANDIDATES]):
        # "(lacht)", "//I: Mhm//" are the transcriber's, "ähm" no word: no part of a label
        text = without_hesitation(strip_markup(text))
        clauses = _phrases_trimmed(text)
        nouns = noun_phrases(text) if len(text) > MAX_CHARS else []  # a card is its own label
        own = [c for c, _ in clauses]
        for kind, candidates in enumerate((clauses, [(p, False) for p in nouns if p not in own])):
            for phrase, trimmed in candidates:
                label = shorten(phrase)
                tokens = set(content_words(label))
                if not tokens or normalise(label) in used:
                    continue  # placeholders and stop words only: nothing to read
                score = sum(weight.get(t, 0.0) for t in tokens)
                flawed = trimmed or len(phrase) > MAX_CHARS or fragmentary(label) or "[" in label
                scored.append((score, flawed, kind, position, len(label), label))
    if scored:
        own_words = [s for s in scored if s[2] == 0] or scored
        best = max(s[0] for s in own_words)  # noun phrases stand in, they do not set the bar
        near = [s for s in own_words if s[0] >= NEAR_BEST * best]
        whole = [s for s in scored if not s[1] and (s[0] >= WHOLE_BEST * best or best == 0)]
        if whole and all(s[1] for s in near):  # every near-best clause is flawed
            best = max(s[0] for s in whole)
            near = [s for s in whole if s[0] >= NEAR_BEST * best]
        chosen = min(near, key=lambda s: s[1:])
        return chosen[-1], chosen[3]
    words = word_label(central_texts, keywords)
    if not words:
        return no_words_label(central_texts, taken)
    first = words.split(" · ")[0].casefold()  # the statement its first word comes from
    found = (i for i, t in enumerate(central_texts[:CANDIDATES]) if first in content_words(t))
    return words, next(found, None)


def word_label(central_texts: Sequence[str], keywords: Sequence[str], top: int = 3) -> str:
    """The cluster's first ``top`` words joined by " · " (keywords first, then the
    statements' own content words; a keyword that is no word of the statements outside
    their placeholders — "person" of "[Person 3]" — is left out), spelt as in the
    statements; "" when there is no word at all.

    >>> word_label(["Spielplatz", "Treffpunkt"], ["spielplatz treffpunkt", "spielplatz", ""])
    'Spielplatz · Treffpunkt'
    >>> word_label(["👍", "[Person 2]"], ["", "person"])
    ''
    """
    texts = central_texts[:CANDIDATES]
    own = [t for text in texts for t in content_words(text)]  # without placeholders
    words: list[str] = []
    for token in [t for item in keywords for t in content_words(str(item))] + own:
        if token in own and token not in words:
            words.append(token)
    spelling = {}
    for text in texts:
        for raw in _WORD.findall(text):
            spelling.setdefault(raw.casefold(), raw)
    return " · ".join(spelling.get(w, w.capitalize()) for w in words[:top])


def no_words_label(central_texts: Sequence[str], taken: set[str]) -> tuple[str, int | None]:
    """A label for statements without a word (see the module docstring), not in ``taken``.

    >>> no_words_label(["[Person 2]", "[E-Mail]", "[Person 5]"], set())
    ('Ohne Wortinhalt (nur Platzhalter: Person, E-Mail)', None)
    >>> no_words_label(["👍", "😡😡"], {"Ohne Wortinhalt: 👍"})
    ('Ohne Wortinhalt: 😡😡', 1)
    """
    kinds = []
    for text in central_texts[:CANDIDATES]:
        for kind in _PLACEHOLDER_KIND.findall(text):
            if kind not in kinds:
                kinds.append(kind)
    options: list[tuple[str, int | None]] = []
    if kinds:
        options.append((shorten(f"{NO_WORDS} (nur Platzhalter: {', '.join(kinds[:3])})"), None))
    else:
        for position, text in enumerate(central_texts[:CANDIDATES]):
            if text.strip():
                options.append((shorten(f"{NO_WORDS}: {_SPACE.sub(' ', text).strip()}"), position))
    options.append((NO_WORDS, None))
    for label, source in options:
        if label not in taken:
            return label, source
    number = 2
    while f"{NO_WORDS} {number}" in taken:
        number += 1
    return f"{NO_WORDS} {number}", None
