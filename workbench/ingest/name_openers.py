"""Words that open a sentence before a surname and are no first name of it: the verb of a
question ("Hat Becker recht?"), a request ("Frag Becker.", "Such Becker!", "Fahr Becker
heim."), a preposition ("Wegen Becker …", "Außer Becker kam keiner."), a subordinating
conjunction ("Obwohl Becker sagte, …", "Sobald Becker kommt, …") or a focus particle
("Erst Becker hat …", "Kaum Becker …").

Before a surname such a word made a person "Fahr Becker" beside the key's "Jens Becker":
a second number, and every later "Becker" alone a third, as the key could no longer say
which of them. A closed list, not a rule: an unknown word before a known surname may be a
first name no list knows ("Okke Becker"), and taking it for a verb would leave it in clear.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_lists import SPEECH_VERBS
from workbench.ingest.name_tokens import last_char
from workbench.ingest.noun_lexicon import is_german_noun, is_place_name
from workbench.ingest.resident_places import where

if TYPE_CHECKING:
    from workbench.ingest.name_known import Finder
    from workbench.ingest.name_tokens import Tok

# finite verbs that open a question or a clause before a name ("Hat Becker recht?")
_FINITE = """
hat hatte ist war wird wurde will wollte kann konnte muss musste soll sollte darf mag
weiß kommt kam geht ging sagt sagte meint meinte findet fand kennt macht machte bringt
"""

# verbs of a request, as the imperative "du" form ("Ruf Becker an."); the forms with "-e"
# ("Rufe") and of "ihr" ("Ruft") are made from it
_REQUESTS = """
bring dank empfang erinner erklär erzähl frag glaub grüß begrüß hol hör informier
kontaktier besuch lad lass lob meld nenn nerv ruf sag schau schick schreib such
unterstütz vertrau wähl wart weck zeig zitier beruhig begleit befrag benachrichtig
beteilig verständig alarmier ignorier kritisier motivier ermutig überzeug überred
überrasch tröst warn gratulier fotografier interview umarm küss stör guck fahr geh komm
stopp pack fang halt bitt antwort entlass
"""

# imperatives with their own "ihr" form ("Nimm …", "Nehmt …")
_IRREGULAR = """
gib gebt nimm nehmt lies lest sprich sprecht triff trefft hilf helft vergiss vergesst
unterbrich unterbrecht sieh seht
"""

# prepositions that never stand in a name ("Gegen", "Mit", "Von" are function words)
_PREPOSITIONS = """
wegen außer gemäß entgegen gegenüber hinter innerhalb außerhalb anstatt zwecks nebst
bezüglich seitens mitsamt zufolge unweit trotz während dank samt
"""

# subordinating conjunctions and focus particles that open a clause before its subject
# ("Obwohl Hartkopf sagte, …"); those of the name lists' function words ("Weil", "Solange",
# "Während") are no name there already
_CONJUNCTIONS = """
obwohl obgleich obschon obzwar wenngleich wennschon wiewohl sobald sofern soweit sooft
soviel falls nachdem bevor ehe seitdem indem sodass zumal insofern insoweit inwiefern
wohingegen wogegen weshalb weswegen wieso
"""
_FOCUS_PARTICLES = "erst kaum bloß ausgerechnet lediglich"
# Folded focus particles among the openers: the verb follows the word after them
FOCUS = frozenset(fold(w) for w in _FOCUS_PARTICLES.split())


def _forms(stems: str) -> set[str]:
    """The imperative forms of the stems: "ruf", "rufe", "ruft", "ladet" (folded)."""
    return {
        fold(stem + end)
        for stem in stems.split()
        for end in ("", "e", "et" if stem.endswith(("d", "t")) else "t")
    }


# Folded words that open a sentence before a surname as no first name of it.
OPENERS = frozenset(
    {fold(w) for w in (_FINITE + _IRREGULAR + _PREPOSITIONS + _CONJUNCTIONS).split()}
    | FOCUS
    | _forms(_REQUESTS)
    | {"bitte"}
)


def opens_before_name(finder: Finder, tok: Tok) -> bool:
    """Whether ``tok`` opens a sentence as a word of :data:`OPENERS` before a surname
    ("Hat Hartkopf recht?", "Obwohl Hartkopf sagte, …", "Hat's Peter gesagt?"), and is no
    first name."""
    opener = tok.folded in OPENERS or contracted_verb(tok)
    return tok.sentence_start and opener and not finder.is_first(tok)


# verbs with a contracted "es" ("Gibt's Kuchen?", "Hat's Peter gesagt?", "Geht's Oma gut?")
_CONTRACTED_VERBS = frozenset(
    """
    gibt gab geht ging hat hatte ist war wird wurde klappt klappte macht machte steht stand
    passt passte reicht lohnt kommt kam lauft lief tut tat bringt hilft heisst regnet stimmt
    fehlt brennt schmeckt dauert kostet zieht bleibt liegt sieht hangt nutzt stort juckt
    hab nimm mach lass sag
    """.split()
)


def contracted_verb(tok: Tok) -> bool:
    """Whether ``tok`` is a verb with a contracted "es" ("Gibt's", "Hat’s"): no name and
    no owner of what follows."""
    word = tok.folded
    return word.endswith(("'s", "’s")) and word[:-2] in _CONTRACTED_VERBS


# subordinating conjunctions, also those the name lists hold as function words ("Weil",
# "Als"): the pair rules never see these, and the speaker rule took a sentence's first word
_SUBORDINATING = frozenset(
    """
    weil als wenn wahrend dass ob solange seit seitdem obwohl obgleich obschon wenngleich
    sobald sofern soweit falls nachdem bevor ehe indem sodass zumal
    """.split()
)


def opens_clause(text: str, toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` follows a subordinating conjunction that opens a sentence or
    stands after a comma ("Weil Becker sagte, …", "…, als Becker meinte, …"): the clause's
    subject may stand there, as at a sentence's start."""
    if i == 0 or text[toks[i - 1].end : toks[i].start] != " ":
        return False
    opener = toks[i - 1]
    opens = opener.sentence_start or last_char(text, opener.start) == ","
    return opens and opener.folded in _SUBORDINATING


def opens_comparison(text: str, toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` follows a "wie" that opens a sentence or stands after a comma
    ("Wie Müller sagt, …", "…, wie Fischer meint."): a comparative clause, whose subject
    may stand there; "wie" is no conjunction of :data:`_SUBORDINATING`, as it also opens
    questions ("Wie geht es?") and comparisons ("so groß wie Berlin")."""
    if i == 0 or text[toks[i - 1].end : toks[i].start] != " ":
        return False
    opener = toks[i - 1]
    opens = opener.sentence_start or last_char(text, opener.start) == ","
    return opens and opener.folded == "wie"


# what may follow a verb that ends its clause
_CLAUSE_END = re.compile(r"[ \u00a0]*(?:[,.;:!?)\n]|$)")


def ends_clause(text: str, tok: Tok) -> bool:
    """Whether a sentence mark, a line's end or the text's end follows ``tok`` ("sagt, …")."""
    return _CLAUSE_END.match(text, tok.end) is not None


# between a clause's subject and its verb: never a second subject ("Weil Becker und Koch …")
_NOT_BETWEEN = frozenset("und oder sowie ich du er wir man".split())
# Adverbs and object pronouns that may stand between a person and the verb or participle
# of speaking ("nachdem Hartkopf es gestern so sagte", "mit Rosenkranz noch mal
# gesprochen"): a closed list, as any other word there may start a phrase of its own
# ("mit Rosenkranz in der Hand gesprochen")
CLAUSE_ADVERBS = frozenset(
    """
    es das dies mir uns dir euch ihm ihr ihnen sich gestern heute morgen vorgestern damals
    vorhin neulich zuletzt jetzt nun dann da dort hier so oft auch noch schon immer wieder
    mal einmal nochmal nochmals erst bereits kurz lange ausführlich ausdrücklich deutlich
    klar offen ganz früh spät abend abends morgens mittags ja doch eben halt wohl mehrmals
    öfter öfters selbst nie nicht gerade eigentlich sogar telefonisch persönlich
    """.split()
)
_MORE_BETWEEN = 4  # at most so many words between, if more than two: all of the list


def speaks_in_clause(text: str, toks: list[Tok], i: int, last: int) -> bool:
    """Whether the name ``toks[i : last + 1]`` after a subordinating conjunction is the
    subject of a speech verb in the singular that ends the clause, one or two lower-case
    words between ("Weil Becker gestern sagte, …", "Als Hartkopf das sagte, …", "…, weil
    Krüger mir das erklärte, …") or up to four adverbs and pronouns ("Nachdem Hartkopf es
    gestern so sagte, …"); a verb with a word after it ("Als Koch sagte er …") or in the
    plural ("Als Lehrer das sagten") does not say so."""
    if not opens_clause(text, toks, i):
        return False
    for k in range(last + 2, min(last + 2 + _MORE_BETWEEN, len(toks))):
        between = toks[last + 1 : k]
        words = [toks[last], *between, toks[k]]
        if any(text[a.end : b.start] != " " for a, b in pairwise(words)):
            return False
        if any(not t.text.isalpha() or not t.text.islower() for t in between):
            return False
        if any(t.lower in _NOT_BETWEEN for t in between):
            return False
        if len(between) > 2 and any(t.lower not in CLAUSE_ADVERBS for t in between):
            return False
        if toks[k].folded in SPEECH_VERBS and toks[k].text.islower():
            return ends_clause(text, toks[k])
    return False


def common_noun(finder: Finder, tok: Tok) -> bool:
    """Whether ``tok`` is a German noun or a place that no gazetteer holds as a surname, no
    first name and no word of the key ("Senat", "Bezirk", "Chef", "Bäcker"; "Berlin", the
    project's districts, "Eimsbüttel"): after a conjunction it is the subject without its
    article ("Als Senat das sagte", "Als Berlin das gestern so erklärte"), no person."""
    if tok.lower in finder.known or tok.folded in finder.confirmed or finder.is_first(tok):
        return False
    if tok.folded in finder.protected:
        return True  # the project's district ("Als Ottensen das sagte")
    if finder.names.has_last(tok.text):
        return False  # "Hahn", "Berg", "Hagen": places and surnames
    return is_german_noun(tok.folded) or is_place_name(tok.folded) or where(tok.text, ())
