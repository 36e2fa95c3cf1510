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

from typing import TYPE_CHECKING

from workbench.ingest.name_gazetteer import fold

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
wohingegen wogegen weshalb weswegen wieso erst kaum bloß ausgerechnet lediglich
"""


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
    | _forms(_REQUESTS)
    | {"bitte"}
)


def opens_before_name(finder: Finder, tok: Tok) -> bool:
    """Whether ``tok`` opens a sentence as a word of :data:`OPENERS` before a surname
    ("Hat Hartkopf recht?", "Obwohl Hartkopf sagte, …"), and is no first name."""
    return tok.sentence_start and tok.folded in OPENERS and not finder.is_first(tok)
