"""A listed name word that is also a German noun ("Sommer" of a listed Frau Anna Sommer).

Privacy first: the listed word alone is the person ("Ich stimme Sommer zu.", "Frag
Sommer", "Sommer und Becker kamen") and stays the noun only where the sentence shows a
noun (:func:`noun_context`):

1. a determiner, a quantifier or a preposition fused with an article right before it
   ("der/im/vom/beim Sommer", "diesen Sommer", "mehr/kein/viel/wenig Sommer"), or
   "bis/nach/über" before a time word ("bis Sommer"; "Nach Koch ist das zu teuer" is
   the person);
2. an adjective right before it: a word with an adjective ending ("heißer Sommer",
   "sonnigen Winter") or a common adjective stem ("der heiße Sommer", "mehr warme
   Sonne"), not a function word ("aber Sommer meinte", "außer Sommer", "Frag besser
   Sommer"), a greeting ("lieber Sommer") nor a person's title ("Lehrer Sommer kommt");
3. a year right after it ("Sommer 2024", "Winter 2023/24").

A compound ("Sommerfest") or a hyphen ("Sommer-Fest", "Klein-Kinder") never matches a
listed name at all. Even in a noun context a verb of a person right after it makes it the
person again ("Der Sommer meinte …", "Der Koch sagt …", "Der Schmidt hat recht"),
except after a fused preposition ("Im Sommer sagt …").
"""

from __future__ import annotations

import re

from workbench.ingest.listed_modals import opens_with_modal
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_lists import NOUN_FIRST_NAMES, NOUN_SURNAMES
from workbench.ingest.name_tokens import last_char, words_start
from workbench.ingest.noun_lexicon import is_german_noun, is_place_name

_FUSED = r"im|am|um|vom|zum|zur|beim|ins|ans"  # a preposition fused with an article
_SAINT = r"st\.|sankt|hl\.|heilige|heiligen"  # "Kirchengemeinde St. Martin"
_DETERMINER = (
    rf"{_FUSED}|der|die|das|den|dem|des|ein|eine|einen|einem|eines|"
    r"einer|jede|jeden|jedem|jeder|jedes|diese|diesen|diesem|dieser|dieses|letzten|nächsten|"
    rf"kommenden|{_SAINT}"
)
# "bis/nach/über" show a noun only before a time word ("bis Sommer", "nach Winter"):
# "Nach Koch ist das zu teuer", "Über Busch lachten alle" mean the person
_TIME_PREPOSITION_BEFORE = re.compile(r"(?:^|[\s(])(?:bis|über|nach)\s+$", re.IGNORECASE)
_TIME_WORDS = frozenset(
    "sommer winter herbst fruhling fruhjahr ostern pfingsten weihnachten advent mittag "
    "abend januar februar marz april mai juni juli august september oktober november "
    "dezember".split()
)
_QUANTIFIER = (
    r"mehr|weniger|kein|keine|keinen|keinem|keiner|viel|viele|vielen|wenig|wenige|wenigen|"
    r"etwas|genug|manche|manchen|alle|allen|unser|unsere|unseren|unserem|euer|eure|solche|"
    r"solchen"
)
# A determiner right before the name, as the name rules have always read it
ARTICLE_BEFORE = re.compile(rf"(?:^|[\s(])(?:{_DETERMINER})\s+$", re.IGNORECASE)
# also right after a full stop or comma typed without a space ("z.B.im Winter")
_FUSED_BEFORE = re.compile(rf"(?:^|[\s(.,;])(?:{_FUSED})\s+$", re.IGNORECASE)
_SAINT_BEFORE = re.compile(rf"(?:^|[\s(])(?:{_SAINT})\s+$", re.IGNORECASE)
# … or a quantifier
_NOUN_BEFORE = re.compile(rf"(?:^|[\s(])(?:{_DETERMINER}|{_QUANTIFIER})\s+$", re.IGNORECASE)
# the word before, also after a hyphen ("100-jähriger Baum")
_WORD_BEFORE = re.compile(r"(?:^|[\s(-])([^\W\d_]+)\s+$")
# an adjective's ending, a comparative's ("kühleren", not "-ieren" of a verb:
# "kontaktieren") or a participle's ("gefällten", "geplante")
_ADJECTIVE_END = re.compile(
    r"(?:(?:ig|lich|isch|bar|sam|haft|los|voll|ell|iv|al)(?:e|er|es|em|en)|[^e]er|es|em|"
    r"(?<!i)er(?:e|en|es|em)|^ge[^\W\d_]{2,}t(?:e|en|er|es|em))$"
)
_ADJECTIVE_STEM = re.compile(
    r"(?:heiß|warm|kalt|kühl|lang|kurz|schön|gut|schlecht|nass|trocken|mild|hell|dunkel|"
    r"neu|alt|groß|klein|ganz|halb|letzt|nächst|kommend|vergangen|viel|wenig|frisch|stark|"
    r"schwach|hart|weich|eigen)(?:e|er|es|em|en)$"
)
# Words with an adjective's ending that are none (or a greeting: "Lieber Sommer, …")
_NO_ADJECTIVE = frozenset(
    "aber oder außer hinter unter über wider wieder immer weder leider später früher eher "
    "lieber liebe liebes lieben vorher nachher bisher sicher weiter daher woher wer er "
    "ihr ihrer ihres ihrem seiner seines seinem meines deines es des alles anderes dies "
    "jemals trotzdem außerdem zudem indem nachdem seitdem hier sehr gegenüber entweder "
    "nieder vier besser öfter selber nimmer ferner allem anderem inklusive exklusive".split()
)
_YEAR_AFTER = re.compile(r"[ \u00a0]+(?:19|20)\d\d(?:/\d\d)?(?!\d)")
# A verb of a person right after the name: the person even after an article
_PERSON_VERB_AFTER = re.compile(
    r"[ \u00a0]*(?:(?:hat|hatte)[ \u00a0]+recht|sagt|sagte|meint|meinte|fragt|fragte|"
    r"schreibt|schrieb|erzählt|erzählte|berichtet|berichtete|betont|betonte|"
    r"ergänzt|ergänzte|erklärt|erklärte|widerspricht|widersprach|antwortet|antwortete|"
    r"bittet|bat|moderiert|moderierte)\b"
)


# "danke sommer", "moin busch": a lower-case noun surname greeted in a chat
_GREETED = re.compile(
    r"(?:^|[\s,(])(?:danke|hallo|hi|hey|moin|servus|tschüss|ciao|merci|grüße[ \u00a0]+an)"
    r"[ \u00a0]*,?[ \u00a0]*$"
)
# "genau, sommer!", "ok sommer, machen wir": an interjection, the name, the clause ends
_INTERJECTED = re.compile(r"(?:^|[\s,(])(?:genau|ok|okay|super|klar)[ \u00a0]*,?[ \u00a0]*$")
# a verb of asking or agreeing before it ("ich stimme sommer zu", "frag mal sommer",
# "sehe ich wie sommer", "+1 für sommer")
_ASKED = re.compile(
    r"(?:^|[\s,(])(?:stimme|stimmen|frag|ich[ \u00a0]+frage|fragt|ruf|schreib|sprich|"
    r"ich[ \u00a0]+wie|wir[ \u00a0]+wie|idee[ \u00a0]+von|\+1[ \u00a0]+für)"
    r"(?:[ \u00a0]+(?:mal|doch|bitte|gern|gerne|besser|einfach|auch))*[ \u00a0]+$"
)
_ASKED_FILLERS = frozenset("mal doch bitte gern gerne besser einfach auch".split())
# "mit sommer reden", "das kam von sommer", "mail an sommer": a preposition of a person,
# the name ending the clause or before a verb of talking to someone
_WITH = re.compile(r"(?:^|[\s(])(?:mit|von|an|bei)[ \u00a0]+$")
_CLAUSE_END = re.compile(
    r"[ \u00a0]*(?:$|[.,!?;:)\n]|(?:reden|sprechen|klären|abstimmen|telefonieren)\b)"
)
# the name asked for or called: "bitte sommer fragen", "können wir sommer fragen?"
_ASKED_AFTER = re.compile(
    r"[ \u00a0]+(?:fragen|anrufen|anschreiben|einladen|erreichen|ansprechen|kontaktieren)\b"
)
# a chat's verb of a person after the name opening a sentence ("sommer kommt später",
# "sommer hat den link", "hat sommer angerufen?", "ist sommer noch da?")
_CHAT_PERSON_AFTER = re.compile(
    r"[ \u00a0]*(?:(?:(?:hat|hatte)[ \u00a0]+"
    r"(?:recht|angerufen|geschrieben|den[ \u00a0]+link|zeit)|"
    r"kommt[ \u00a0]+(?:später|gleich|auch|noch|nachher|dazu)|fragt|schreibt|"
    r"war[ \u00a0]+heute|ist[ \u00a0]+raus|noch[ \u00a0]+da)\b|"
    r"(?:schon[ \u00a0]+)?(?:da|dabei|online|zurück)[ \u00a0]*\?)"
)
_QUESTION_BEFORE = re.compile(
    r"(?:^|[.!?:\n])[ \u00a0]*(?:wo[ \u00a0]+ist|wer[ \u00a0]+ist|wo[ \u00a0]+bleibt|hat|hatte|ist|"
    r"kommt|war)[ \u00a0]+$"
)
# … or after a question's verb: "hat sommer recht?", "kommt sommer auch?"
_ASKED_ABOUT = re.compile(r"[ \u00a0]*(?:recht|angerufen|auch)\b")
# agreeing: "stimmen wir sommer zu?"
_AGREED_AFTER = re.compile(r"[ \u00a0]+zu[ \u00a0]*(?:$|[.,!?;:)\n])")
# the name opening a sentence and spoken to: "sommer, kannst du das teilen?"
_VOCATIVE = re.compile(
    r"[ \u00a0]*,[^.!?\n]*\b(?:du|dir|dich|dein|deine|kannst|hast|bist|willst|machst|magst|"
    r"weißt|bitte)\b"
)


def chat_addressed(text: str, m: re.Match[str]) -> bool:
    """Whether a lower-case listed noun surname at ``m`` is a person as chats write one:
    greeted ("danke sommer"), asked or agreed with ("ich stimme sommer zu", "frag mal
    sommer"), after "mit/von/an/bei" at the clause's end ("mit sommer reden"), spoken to
    ("sommer, kannst du …"), asked after ("wo ist sommer?") or opening a sentence as a
    speaker or before a verb of a person ("sommer: …", "sommer hat recht"); "sommer ist
    zu heiß", "mehr sommer bitte", "im sommer" and "koch mal was" stay words."""
    start, end = m.start(), m.end()
    if noun_context(text, start, end):
        return False  # "im sommer", "der koch", "mehr sommer bitte"
    if _GREETED.search(text, words_start(text, start, 3), start) or _ASKED.search(
        text, _asked_start(text, start), start
    ):
        return True
    if _INTERJECTED.search(text, words_start(text, start, 2), start) and _CLAUSE_END.match(
        text, end
    ):
        return True
    if _WITH.search(text, words_start(text, start, 1), start) and _CLAUSE_END.match(text, end):
        return True
    if _ASKED_AFTER.match(text, end) or _AGREED_AFTER.match(text, end):
        return True
    if speaks_after(text, end):
        return True
    if _QUESTION_BEFORE.search(text, words_start(text, start, 2), start):
        after = _CHAT_PERSON_AFTER.match(text, end) or _ASKED_ABOUT.match(text, end)
        return text.startswith("?", end) or bool(after)
    if not _opens(text, start):
        return False
    return (
        text.startswith(":", end)
        or bool(_CHAT_PERSON_AFTER.match(text, end))
        or bool(_VOCATIVE.match(text, end))
    )


def _asked_start(text: str, start: int) -> int:
    """Where :data:`_ASKED` may begin before ``start``: before its filler words ("mal",
    "doch", …) and the two chunks of its verb ("ich frage", "+1 für")."""
    k = start
    while True:
        end = k
        while end > 0 and text[end - 1].isspace():
            end -= 1
        begin = end
        while begin > 0 and not text[begin - 1].isspace():
            begin -= 1
        if begin == end or text[begin:end] not in _ASKED_FILLERS:
            return words_start(text, k, 2)
        k = begin


def speaks_after(text: str, end: int) -> bool:
    """Whether a verb of a person follows the name ending at ``end`` ("Sommer meinte",
    "Koch sagt", "Schmidt hat recht")."""
    return bool(_PERSON_VERB_AFTER.match(text, end))


def _adjective(word: str, opens: bool) -> bool:
    """Whether ``word`` reads as an adjective before a noun: lower case (or opening the
    sentence) with an adjective's ending, and no function word."""
    if not (word.islower() or (opens and word[:1].isupper() and word[1:].islower())):
        return False
    lower = word.lower()
    if word[:1].isupper() and is_german_noun(fold(word) + "in"):
        return False  # a person's title opening the sentence: "Lehrer Sommer kommt"
    if lower in _NO_ADJECTIVE or len(lower) < 4:
        return False
    return bool(_ADJECTIVE_END.search(lower) or _ADJECTIVE_STEM.fullmatch(lower))


def noun_context(text: str, start: int, end: int) -> bool:
    """Whether the listed word ``text[start:end]``, a German noun, stands where the
    sentence shows the noun (the rules of this module) and no verb of a person follows."""
    if _FUSED_BEFORE.search(text, words_start(text, start, 1), start):
        return True  # "im Sommer": no person after "im", whatever follows
    if speaks_after(text, end):
        return False
    if _YEAR_AFTER.match(text, end):
        return True
    if _NOUN_BEFORE.search(text, words_start(text, start, 1), start) or _until_time(
        text, start, end
    ):
        return True
    before = _WORD_BEFORE.search(
        text, words_start(text, start, 1), start
    )  # "heißer Sommer", "der heiße Sommer"
    return before is not None and _adjective(before.group(1), _opens(text, before.start(1)))


def _until_time(text: str, start: int, end: int) -> bool:
    """Whether the word ``text[start:end]`` is a time word after "bis/nach/über"."""
    return fold(text[start:end]) in _TIME_WORDS and bool(
        _TIME_PREPOSITION_BEFORE.search(text, words_start(text, start, 1), start)
    )


def _opens(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence."""
    return last_char(text, start) in ("", *".!?:\n")


def is_noun_word(word: str) -> bool:
    """Whether the listed single word is also a German noun ("Sommer", "Koch") or the name
    of a thing or place ("Sonne", listed as an Eigenname beside its noun)."""
    folded = fold(word)
    return is_german_noun(folded) or is_place_name(folded)


def word_use(text: str, m: re.Match[str], variant: str) -> bool:
    """Whether a lone listed name word at ``m`` stands as an ordinary word: after a saint's
    title ("St. Martin"), as a modal verb ("Will discuss"), or, if it is a German noun,
    after an article unless a verb of a person follows ("der Koch", not "Der Koch sagt")
    or in a noun's context ("Mehr Sommer bitte"; the name lists' nouns, "Rosen", are
    shown for review there instead). A name that is no noun is the person after an
    article too ("Die Schmidt war auch da", "Den Schmidt fragen wir")."""
    if _SAINT_BEFORE.search(text, words_start(text, m.start(), 1), m.start()) or opens_with_modal(
        text, m
    ):
        return True
    listed_noun = fold(variant) in NOUN_FIRST_NAMES | NOUN_SURNAMES
    if not (listed_noun or is_noun_word(variant)):
        return False
    before = ARTICLE_BEFORE.search(text, words_start(text, m.start(), 1), m.start()) or _until_time(
        text, m.start(), m.end()
    )
    if before and not speaks_after(text, m.end()):
        return True
    return not listed_noun and noun_context(text, m.start(), m.end())
