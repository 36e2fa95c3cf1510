"""A protocol paragraph's lines read as cards or as a question with its answers (pure;
used by :mod:`workbench.ingest.markdown_protocol`): cards one per line, one sentence
wrapped over short lines, "Frage: Was fehlt?" / "Antwort:" / the answers below it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from workbench.ingest.protocol_meta import ROW_QUESTION_HEADERS, heading_text, intro_like

SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")
CARD_LENGTH = 60  # characters: a card on a line of its own, not a paragraph's wrapped line
GLUE_WORDS = frozenset(
    """und oder aber sondern denn dass daß weil wenn ob als wie der die das den dem des ein
    eine einen einem einer eines im in am an auf aus bei mit nach von vom vor zu zum zur
    für über unter durch gegen ohne um bis seit sich nicht auch noch sehr nur es sie er
    wir ihr man ist sind war hat haben wird werden kann können muss müssen soll sollen""".split()
)  # a line ending with one of these goes on in the next


def card_lines(lines: list[str]) -> bool:
    """Whether the lines of a paragraph are cards, one per line (stickies copied from a
    wall into an editor: "Mehr Bänke", "Bessere Busse"), not a paragraph's wrapped lines:
    every line short (at most 60 characters), none after the first begins in lower case
    and none before the last ends as wrapped lines do: with a comma, hyphen or colon, or
    a word that needs the next ("dass", "und", "im": "berichten, dass / Jugendliche …"),
    and no sentence ends inside a line ("… im Stadtteil. Besonders am Abend …": prose)."""
    return (
        len(lines) > 1
        and all(0 < len(line) <= CARD_LENGTH for line in lines)
        and not any(line[0].islower() for line in lines[1:])
        and not any(line.endswith((",", "-", "–", ":", ";")) for line in lines[:-1])
        and not any(line.split()[-1] in GLUE_WORDS for line in lines[:-1])
        and not any(SENTENCE_END.search(line.rstrip(".!?…")) for line in lines)
    )


def one_sentence(lines: list[str]) -> bool:
    """Whether answer lines are one sentence wrapped ("Viele wünschen sich mehr" / "Bänke und
    eine bessere" / "Beleuchtung am Abend."): only the last ends a sentence, each line before
    it holds a comma or stops on a word in lower case; cards end on their nouns ("Mehr
    Bänke" / "Bessere Busse" / "Licht am Bahnhof!")."""
    return bool(SENTENCE_END.search(lines[-1][-1:])) and all(
        not SENTENCE_END.search(line[-1:]) and ("," in line or line.split()[-1][:1].islower())
        for line in lines[:-1]
    )


ANSWER_LABEL = re.compile(r"(?i:antwort(?:en)?|ergebnis(?:se)?)(?:\s*\d{1,2})?\s*:")


def answer_groups(lines: list[str]) -> list[tuple[int, list[list[int]]]] | None:
    """The questions of a paragraph written "Frage: Was fehlt?" / "Antwort:" / one answer
    per line (cards, or a single line) or wrapped prose, each with the indexes of the lines
    of each answer (prose: one answer of all its lines); None where the paragraph is not all
    such groups."""
    groups: list[tuple[int, list[list[int]]]] = []
    i = 0
    while i < len(lines):
        labelled = i + 1 < len(lines) and ANSWER_LABEL.fullmatch(lines[i + 1])
        if not (labelled and lines[i].endswith("?") and intro_like(lines[i])):
            return None
        end = i + 2
        while end < len(lines) and not (
            end + 1 < len(lines) and ANSWER_LABEL.fullmatch(lines[end + 1])
        ):
            end += 1
        if end == i + 2:
            return None
        below = lines[i + 2 : end]
        prose = len(below) > 1 and (not card_lines(below) or one_sentence(below))
        places = range(i + 2, end)
        groups.append((i, [list(places)] if prose else [[place] for place in places]))
        i = end
    return groups or None


def answer_head(lines: list[str]) -> bool:
    """Whether a paragraph is only the head of the answers listed below it: "Frage: Was
    fehlt?" / "Antwort:" over "1. Ein Arzt", "2. Ein Café", or a bare "Ergebnisse:" under
    its question; no statement of its own.

    >>> answer_head(["Frage: Was fehlt?", "Antwort:"]), answer_head(["Ergebnisse:"])
    (True, True)
    >>> answer_head(["Ergebnis: Mehr Bänke."]), answer_head(["Wir haben gesammelt.", "Ergebnis:"])
    (False, False)
    """
    *above, label = lines or [""]
    return bool(ANSWER_LABEL.fullmatch(label)) and (
        not above or (len(above) == 1 and above[0].endswith("?") and intro_like(above[0]))
    )


def question_of(line: str) -> str:
    """A line that asks as the question of the lines below it, without its label or number
    ("Frage: Was fehlt?", "Frage 2: Was fehlt?", "1. Was fehlt?" → "Was fehlt?")."""
    label, colon, rest = line.rstrip(":").partition(":")
    if colon and re.sub(r"\s*\d+$", "", label.strip()).casefold() in ROW_QUESTION_HEADERS:
        line = rest if rest.strip() else line
    return heading_text(line.rstrip(":"))


_QUESTION_AT_MOST = 30  # words of one question sentence wrapped over a PDF's lines


def label_heads(
    paragraphs: Sequence[str], listed: Callable[[str], bool]
) -> tuple[dict[int, str], set[int]]:
    """The answer labels of paragraphs that stand one a line or are joined from wrapped
    lines (a PDF's): a question right above a bare label over a list item ("Frage: Was
    fehlt?" / "Ergebnis:" / "– Ein Arzt"; also one question sentence wrapped over lines)
    is the answers' question (index → the question without its label); the label is no
    statement (its index in the set), nor is a further bare label between two answers
    of the same question ("Ergebnis 2:" under the answers of "Ergebnis 1:"). A list item
    that asks ("– Wer zahlt den Treff?") stays a statement.

    >>> label_heads(["Frage: Was fehlt?", "Ergebnis:", "- Arzt", "Ergebnis:", "- Café"],
    ...             lambda p: p.startswith("- "))
    ({0: 'Was fehlt?'}, {1, 3})
    """
    asks: dict[int, str] = {}
    labels: set[int] = set()
    answering = False  # in the answers below a question's label
    for index, text in enumerate(paragraphs):
        below = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        bare = answer_head([text]) and listed(below)
        if bare and answering and index and listed(paragraphs[index - 1]):
            labels.add(index)
        elif (
            bare
            and index
            and _asks(paragraphs[index - 1])
            and index - 1 not in labels
            and not listed(paragraphs[index - 1])  # an answer that asks: a statement
        ):
            asks[index - 1] = question_of(paragraphs[index - 1])
            labels.add(index)
            answering = True
        elif not listed(text):
            answering = False
    return asks, labels


def _asks(text: str) -> bool:
    """Whether a paragraph is a question over an answer label: "Frage: Was fehlt?" (as
    :func:`answer_head` takes it) or one question sentence, also wrapped over lines; not a
    question someone asked, told in the protocol (:func:`reported`)."""
    words = text.split()
    one = not SENTENCE_END.search(text[:-1]) and len(words) <= _QUESTION_AT_MOST
    asks = answer_head([text, "Ergebnis:"]) or (text.endswith("?") and one)
    return asks and not reported(text)


# who asked, before the question: "Eine Anwohnerin fragte:", "Frau Kaya fragt nach:", "Eine
# Teilnehmerin wollte wissen:", "Ein Vertreter erkundigte sich:", "Eine Mutter fragte, wann …"
_ASKING_VERB = re.compile(
    r"\b(?:(?:nach|rück|hinter|zurück)?frag(?:t(?:e|en|est)?|en)|"
    r"(?:wollten?|wollen|will)\s+(?:\w+\s+){0,5}wissen|"
    r"erkundig(?:t(?:e|en)?|en)\s+sich|sag(?:t(?:e|en)?|en)|mein(?:t(?:e|en)?|en)|"
    r"wandte\s+ein|warf\s+ein)\b"
)  # past and present, one or many: "Die Jugendlichen fragen: Wo können wir uns treffen?"
_ASKING_WORDS = frozenset(
    "was wer wen wem wessen wie wo wohin woher wann warum weshalb wieso welche welcher "
    "welches welchen welchem wozu womit wofür worüber inwiefern ob".split()
)
# The moderation asking, named before the verb ("Die Moderatorin fragte: Was fehlt?"): the
# guiding question the answers below it answer, as "Frage: Was fehlt?" is
_MODERATION = re.compile(r"\bModer(?:at|ier)\w*")
# The moderation named right after the verb, as its subject behind a lead-in ("Zum Schluss
# fragte die Moderatorin: …", "Am Ende wollte die Moderation wissen: …"): an adverbial
# opens the sentence, no one who asks ("Eine Anwohnerin fragte die Moderatorin: …" asks her)
_AFTER_VERB = re.compile(r"\S+\s+(?:(?:die|der|unsere?)\s+)?Moder(?:at|ier)\w*")
_LEAD_IN = frozenset(
    """zum zur zu am an im in nach bei beim vor während gegen mit seit ab danach anschließend
    abschließend dann zuletzt schließlich zunächst zuerst außerdem darauf daraufhin dazu
    hierzu nun später erneut ebenfalls einleitend eingangs sodann weiter weiterhin zudem
    hier heute jetzt""".casefold().split()
)

_OPENING_JOINS = frozenset("und aber oder also".split())  # "Und was sagen Sie: …?"
# A question that asks its readers itself opens with its finite verb ("Können Sie sagen, wo
# …?", "Möchten Sie noch etwas sagen?") or a "Bitte" ("Bitte sagen Sie uns: …?"); a task
# set to the round names a "sollten"/"sollen" right before the verb ("Die Teilnehmenden
# sollten sagen: Was fehlt ihnen?"): no one's question told in the protocol
_ADDRESSING = frozenset(
    """bitte können könnt kannst könnten könntet würden würdet würdest möchten möchtet
    möchtest mögen wollen wollt willst dürfen dürft darfst haben habt hast""".split()
)
_TASKS = frozenset("sollten solltet sollen sollt".split())
# A preposition before "meinen" makes it the possessive ("In meinen Augen: …", "Mit meinen
# Worten gefragt: …"), no one who means something
_PREPOSITIONS = frozenset("mit in von zu an bei aus nach unter vor für über auf gegen".split())


def reported(text: str) -> bool:
    """Whether a paragraph tells of a question someone asked ("Eine Anwohnerin fragte: Wann
    kommt der Radweg?"): a statement, no question heading the answers below it; a question
    that asks itself ("Was fragen Sie sich: Wo fehlt etwas?") or a label ("Frage 2:") is none,
    nor is the moderation's ("Die Moderatorin fragte: Was fehlt?", :data:`_MODERATION`; "Zum
    Schluss fragte die Moderatorin: …", :data:`_AFTER_VERB`), nor the writers' own with "wir"
    right before or after the verb ("Wir fragen: Was fehlt?", "Im Anschluss fragen wir: …",
    "Dazu wollten wir wissen: …"; "Wir Eltern fragen: …" is told), nor one asking after an
    "und"/"aber" ("Und was sagen Sie zum Verkehr?"), nor one asking its readers
    (:data:`_ADDRESSING`: "Können Sie sagen, wo etwas fehlt?") or setting the round a task
    ("Die Teilnehmenden sollten sagen: Was fehlt?").

    >>> reported("Eine Anwohnerin fragte: Wann kommt der Radweg?"), reported("Frage: Was fehlt?")
    (True, False)
    >>> reported("Die Jugendlichen fragen: Wo?"), reported("Im Anschluss fragen wir: Was fehlt?")
    (True, False)
    """
    head = re.split(r"[:,]", text, maxsplit=1)[0]
    words = head.casefold().split()
    first = words[1] if len(words) > 1 and words[0] in _OPENING_JOINS else "".join(words[:1])
    verb = next((v for v in _ASKING_VERB.finditer(head) if not _possessive(head, v.start())), None)
    if first in _ASKING_WORDS or first in _ADDRESSING or verb is None:
        return False
    inverted = first in _LEAD_IN and _AFTER_VERB.match(head, verb.start())
    before, after = head[: verb.start()].casefold().split(), head[verb.start() :].split()
    we = before[-1:] == ["wir"] or [w.casefold() for w in after[1:2]] == ["wir"]
    we = we or (bool(before) and before[-1] in _TASKS)  # the round's task, as the writers'
    return _MODERATION.search(head[: verb.start()]) is None and not inverted and not we


def _possessive(head: str, start: int) -> bool:
    """Whether the asking verb at ``start`` is "meinen" after a preposition, a possessive."""
    before = head[:start].casefold().split()
    return head.startswith("meinen", start) and bool(before) and before[-1] in _PREPOSITIONS


def numbered_asks(numbered: Sequence[tuple[int, str] | None], lines: Sequence[str]) -> set[int]:
    """The lines of questions typed as numbered items, each over answers of its own ("1.
    Was fehlt im Quartier?" over bullets or paragraphs, then "2. Was läuft gut?" over its
    own); ``numbered`` gives each line's typed number and text (None if it has none).
    Only where every number stands before a question (:func:`intro_like`, ending in "?"),
    the numbers count 1, 2, 3 …, each has text below it before the next one and no
    question or label ("Was fehlt?", "Ideen:") stands above the first: under one the
    numbered items are its answers ("1. Warum gibt es keinen Treff?"); a run of numbered
    items one below the other and agenda items ("1. Begrüßung") stay as they were.

    >>> lines = ["1. Was fehlt?", "- Arzt", "2. Was läuft gut?", "- Treff"]
    >>> numbered_asks([(1, "Was fehlt?"), None, (2, "Was läuft gut?"), None], lines)
    {0, 2}
    """
    places = [i for i, typed in enumerate(numbered) if typed is not None]
    if not places or any(intro_like(line) for line in lines[: places[0]]):
        return set()
    for count, place in enumerate(places, start=1):
        number, text = numbered[place] or (0, "")
        end = places[count] if count < len(places) else len(lines)
        answered = any(line.strip() for line in lines[place + 1 : end])
        if number != count or not (text.endswith("?") and intro_like(text)) or not answered:
            return set()
    return set(places)
