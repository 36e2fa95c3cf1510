"""A surname that is an everyday noun after a first name ("Anna Bahn hat angerufen").

Such nouns ("Bahn", "Kuchen", "Geld" — ``COMMON_NOUNS``; "Dienst", "Geburtstag" — the
set phrases' nouns of :mod:`workbench.ingest.object_nouns`) never continue a name on their
own: "Lea Kuchen mitbringen", "Ben Geld geben", "Niklas Vorschlag" keep them. They are the
surname only where the grammar leaves no room for an object, so the first name alone was
replaced and the surname stayed in clear:

- the two open a sentence before a finite verb in the singular, the subject in German word
  order ("Anna Bahn hat angerufen", "Lea Bahn kam", "Kontakt: Ben Bahn meint, …"); a first
  name ending in "s" owns the noun unless a person's verb follows ("Jonas Idee ist gut",
  "Jonas Kuchen hat geschmeckt"; "Jonas Bahn hat angerufen" is a person),
- after "mit", "von" or "an", before a verb of speaking or "war"/"ist" ("Ich habe mit Anna
  Bahn gesprochen.", "Das Gespräch mit Anna Bahn war gut"), and before a comma or the
  sentence's end where no verb stands before the preposition in its clause ("Danke an Anna
  Bahn!", "Treffen mit Anna Bahn."; in "Wir backen mit Anna Kuchen." the noun is the
  verb's object); after "laut" before a finite verb ("Laut Anna Bahn fehlt …"),
- after a label such as "Kontakt:" before the end of the line or sentence, and after a verb
  with a dative only before the clause's end ("Wir danken Anna Bahn.", "Danke Anna Bahn!"),
- after "hat" and before a participle that takes no object ("Gestern hat Anna Bahn
  angerufen"),
- after "mit" before the clause's end where the verb before it is one of speaking ("Ich
  spreche mit Anna Bahn."; "Wir backen mit Anna Kuchen." keeps the noun),
- after a finite verb of speaking or writing at the clause's end, the subject put after it:
  where a reported clause ends before the verb ("Gut, sagte Anna Bahn.") or the clause opens
  with an article, its object ("Das Protokoll schrieb Anna Bahn."; "Dann schrieb Anna
  Protokoll." and "Dann sagte Anna Bescheid." keep the noun).

"Anna Bahn fahren lassen", "Wir bringen Lea Kuchen.", "für Anna Kuchen backen", "Ich
bekomme von Anna Geld." stay: the
noun is the object there as often as a surname.
"""

from __future__ import annotations

from workbench.ingest import name_lists as lists
from workbench.ingest.name_known import Finder, singular_verb
from workbench.ingest.name_tokens import Tok
from workbench.ingest.object_nouns import PHRASE_NOUNS

# Everyday words of COMMON_NOUNS that are no surname at all (greetings, pronouns, languages)
_NEVER = frozenset(
    "hallo danke dank bitte mehr vielen alles nichts etwas deutsch englisch turkisch "
    "arabisch russisch ukrainisch polnisch personlich infos info".split()
)
# Prepositions after which a first name and a noun before a clause's end are one person
_BEFORE = frozenset(("mit", "von", "an", "laut"))
# Verbs with a dative only, before a first name and a noun at the clause's end ("Wir danken
# Anna Bahn.", "Danke Anna Bahn!"): no object can follow the name
_DATIVE_VERBS = frozenset(
    "danke danken dankt dankten gratulieren gratuliert antworten antwortet".split()
)
# Finite verbs after "mit Anna Bahn" that take no object ("Das Gespräch mit Anna Bahn war gut")
_COPULAS = frozenset("war ist wird wurde".split())
# Participles after "hat Anna Bahn" that take no object ("Gestern hat Anna Bahn angerufen")
_PARTICIPLES = frozenset("angerufen gemeint betont erganzt angemerkt gesprochen".split())
# What a person does after "mit Anna Bahn" ("… gesprochen", "… telefoniert")
_WITH_VERBS = frozenset(
    "gesprochen telefoniert geredet gesprochen vereinbart abgesprochen besprochen".split()
)
# Verbs only a person does ("Jonas Bahn sagt"; "Jonas Idee ist gut" is his idea)
_OWNER_VERBS = lists.SPEECH_VERBS | frozenset(
    "hilft wohnt arbeitet leitet kummert ubernimmt sagte meinte fragte rief half erzahlte".split()
)
# Verbs before "mit Anna Bahn" at the clause's end: one speaks with a person ("Ich spreche
# mit Anna Bahn."), one bakes with her a cake ("Wir backen mit Anna Kuchen.")
_SPEAK_WITH = frozenset(
    "spreche sprichst spricht sprechen sprecht sprach sprachen rede redest redet reden redete "
    "redeten telefoniere telefonierst telefoniert telefonieren telefonierte telefonierten".split()
)
# Words of time that end a clause after "mit Anna" as its adverbial ("… mit Anna Zeit")
_TIMES = frozenset("zeit morgen abend tag tage woche wochen uhr ende anfang jahr jahre".split())
# Clause openers after which the word before the verb is a noun's article ("Das Protokoll
# schrieb Anna Bahn."), the object standing there
_OPENING_ARTICLES = frozenset("das die der den dies diese dieses diesen".split())
# A verb and a noun that are an idiom without an article ("Protokoll schreiben")
_IDIOMS = frozenset((("schrieb", "protokoll"), ("schreibt", "protokoll"), ("sagte", "bescheid")))
_IDIOMS |= frozenset((("sagt", "bescheid"),))
# Nouns for people, told something after a speech verb ("Die Regeln erklärte Anna Eltern.")
_PEOPLE = frozenset(
    "eltern nachbarn kinder leute menschen frauen manner familien bewohner bewohnerin "
    "anwohner anwohnerin jugendliche jugendlichen gaste akteure ehrenamtliche hauptamtliche "
    "fachkrafte vertreter vertreterin team gruppe verein vorstand".split()
)
# Verbs in the past after the subject ("Lea Kuchen kam"; "Thomas Beitrag kam" is his)
_PERSON_VERBS = _OWNER_VERBS | frozenset("kam ging schrieb".split())


def noun_surname(finder: Finder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether the everyday noun right after the first name ``toks[i]`` is her surname (see
    the module's rules): "Anna Bahn hat angerufen", "mit Anna Bahn gesprochen"."""
    if i + 1 >= len(toks) or not finder.is_first(toks[i]):
        return False
    first, noun = toks[i], toks[i + 1]
    if text[first.end : noun.start] not in (" ", "\u00a0") or not _everyday_noun(noun):
        return False
    if finder._institution_after(text, toks, i + 1):
        return False  # "Anna Bahn Haus"
    after = toks[i + 2] if i + 2 < len(toks) else None
    gap = text[noun.end : after.start] if after is not None else text[noun.end :]
    ends = after is None or gap.strip(" \u00a0")[:1] in tuple(".,;!?)")
    prev = toks[i - 1] if i else None
    if first.sentence_start and (prev is None or prev.folded not in _BEFORE):
        person_verb = after is not None and gap == " " and after.folded in _PERSON_VERBS
        if person_verb or singular_verb(text, toks, i + 1):
            owner = first.text.endswith(("s", "x", "z", "ß"))
            return not owner or _acts(text, toks, i + 2)
        labelled = prev is not None and prev.folded in lists.LABEL_CUES
        return labelled and text[prev.end : first.start].strip() == ":" and ends
    if prev is None or text[prev.end : first.start] not in (" ", "\u00a0"):
        return False
    if prev.folded in _BEFORE:
        if prev.folded == "laut":
            return singular_verb(text, toks, i + 1)
        verb = _WITH_VERBS if prev.folded == "an" else _WITH_VERBS | _COPULAS
        spoken = after is not None and gap == " " and after.folded in verb
        if spoken:
            return True
        lead = _verb_before(text, toks, i - 1)
        if lead is not None and prev.folded == "mit" and lead.folded in _SPEAK_WITH:
            # "Ich spreche mit Anna Bahn."; "Wir reden mit Anna Klartext." keeps the noun
            return ends and noun.folded not in _TIMES | PHRASE_NOUNS
        return ends and lead is None
    told = noun.folded in _PEOPLE  # "Die Regeln erklärte Anna Eltern."
    if prev.folded in lists.SPEECH_VERBS and (prev.folded, noun.folded) not in _IDIOMS and not told:
        return ends and _subject_after(text, toks, i - 1)
    if prev.folded in _DATIVE_VERBS:
        return ends
    if prev.folded in ("hat", "hatte") and after is not None and gap == " ":
        return after.folded in _PARTICIPLES
    return False


def _verb_before(text: str, toks: list[Tok], k: int) -> Tok | None:
    """The verb before the preposition ``toks[k]`` in its clause, if any: a lower-case
    word, no function word, not before a capitalised one ("backen" in "Wir backen mit";
    not "herzliches" in "Ein herzliches Dankeschön an")."""
    for j in range(k - 1, -1, -1):
        if any(mark in text[toks[j].end : toks[j + 1].start] for mark in ".,;:!?\n"):
            return None
        word, nxt = toks[j], toks[j + 1]
        lower = word.text.isalpha() and word.text.islower()
        if lower and word.folded not in lists.FUNCTION_WORDS and not nxt.text[:1].isupper():
            return word
    return None


def _subject_after(text: str, toks: list[Tok], k: int) -> bool:
    """Whether the finite verb ``toks[k]`` has its subject after it: a reported clause ends
    right before it ("Gut, sagte") or its clause opens with an article ("Das Protokoll
    schrieb"), the object put first."""
    if k == 0:
        return False
    if any(mark in text[toks[k - 1].end : toks[k].start] for mark in ',"\u201c\u201d\u00bb\u00ab'):
        return True
    j = k - 1
    while j > 0 and not any(m in text[toks[j - 1].end : toks[j].start] for m in ".,;:!?\n"):
        j -= 1
    return j < k - 1 and toks[j].folded in _OPENING_ARTICLES


def _acts(text: str, toks: list[Tok], k: int) -> bool:
    """Whether the verb ``toks[k]`` is one only a person does ("sagt", "hilft"), also "hat"
    before such a participle ("Jonas Bahn hat angerufen"; "Jonas Kuchen hat geschmeckt")."""
    if k >= len(toks) or text[toks[k - 1].end : toks[k].start] != " ":
        return False
    verb = toks[k].folded
    if verb in ("hat", "hatte") and k + 1 < len(toks):
        return text[toks[k].end : toks[k + 1].start] == " " and toks[k + 1].folded in _PARTICIPLES
    return verb in _OWNER_VERBS


def _everyday_noun(tok: Tok) -> bool:
    """A capitalised everyday noun that never continues a name on its own ("Bahn"), or a
    noun of a set phrase (``PHRASE_NOUNS``: "Dienst")."""
    return (
        tok.text[:1].isupper()
        and tok.text[1:].islower()
        and tok.text.isalpha()
        and (tok.folded in lists.COMMON_NOUNS or tok.folded in PHRASE_NOUNS)
        and tok.folded not in _NEVER
    )
