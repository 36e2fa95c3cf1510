"""A noun after a first name that is the sentence's object, not her surname.

After a first name any capitalised word counts as her surname ("Sabine Eberlein"), so
"Gestern hatte Anna Geburtstag." lost the birthday: "Gestern hatte [Person 1].". The noun
stays (and only the first name is replaced) where it is a common German noun (the
Wiktionary's, :mod:`workbench.ingest.noun_lexicon`) that no list knows as a surname (the
gazetteer, ``WORD_SURNAMES``, the project's key, a researcher's confirmation), and

- it is one of the nouns of set phrases without an article (``PHRASE_NOUNS``: "Geburtstag
  haben", "Dienst haben", "Spaß machen", "Klartext reden", "Bescheid geben"), not after a
  form of address ("Frau Anna Dienst" is hers), or
- it is a plural that is no noun's singular, a verb that takes an object stands right
  before the first name and the noun ends the clause ("Später erzählte Anna Geschichten.",
  "Die Regeln erklärte Anna Kindern."; "Später erzählte Anna Metzger." is a person: a
  singular names her as often as a thing).

A surname that is a noun stays replaced: "Gestern hatte Anna Koch Geburtstag." (the
gazetteer knows "Koch"), "Anna Bahn hat angerufen." (:mod:`workbench.ingest.noun_surname`,
which also reads a phrase noun as the surname before a person's verb: "Lea Dienst sagt").
"""

from __future__ import annotations

from workbench.ingest import name_lists as lists
from workbench.ingest.name_known import Finder
from workbench.ingest.name_tokens import Tok
from workbench.ingest.noun_lexicon import is_german_noun, plural_noun

# Nouns of set phrases, used without an article after a verb ("Anna hat Geburtstag")
PHRASE_NOUNS = frozenset(
    """
    geburtstag namenstag dienst fruhdienst spatdienst nachtdienst spass recht unrecht bescheid
    klartext angst zeit gluck pech lust hunger durst sorgen fieber urlaub feierabend geduld
    heimweh mut schluss stress arger
    """.split()
)
# Finite verbs that take an object, right before the first name ("Gestern hatte Anna …")
OBJECT_VERBS = frozenset(
    """
    hat hatte habe hast haben hatten hattest macht machte mache machen machten gibt gab gebe
    gebt geben gaben erzahlt erzahlte erzahle erzahlen erzahlten erklart erklarte erklare
    erklaren erklarten zeigt zeigte zeige zeigen zeigten bringt brachte bringe bringen
    brachten schenkt schenkte schenke schenken schenkten
    """.split()
)
_CLAUSE_END = tuple(".,;:!?)")
# Verbs of the set phrases after their noun ("Mit Anna Spaß haben.")
_PHRASE_VERBS = frozenset(
    """
    haben gehabt machen gemacht geben gegeben reden geredet sprechen gesprochen bekommen
    bekommt kriegen gekriegt
    """.split()
)


def object_noun(finder: Finder, text: str, toks: list[Tok], i: int) -> bool:
    """Whether the capitalised word after the first name ``toks[i]`` is a noun the sentence
    takes as its object, not her surname ("Gestern hatte Anna Geburtstag.")."""
    if i + 1 >= len(toks):
        return False
    first, noun = toks[i], toks[i + 1]
    if text[first.end : noun.start] not in (" ", "\u00a0") or not _noun(noun):
        return False
    f = noun.folded
    if (
        finder.names.has_last(noun.text)
        or f in lists.WORD_SURNAMES
        or noun.lower in finder.known
        or f in finder.confirmed
    ):
        return False  # "Gestern hatte Anna Koch Geburtstag": her surname
    spaced = i > 0 and text[toks[i - 1].end : first.start] in (" ", "\u00a0")
    before = toks[i - 1].folded if spaced else ""  # the word right before the first name
    rest = text[noun.end :].lstrip(" \u00a0")
    if f in PHRASE_NOUNS:  # "Wir danken Anna Dienst", "Das hat Anna Dienst gesagt": hers
        return _takes_phrase(text, toks, i, before) and _phrase_ends(rest)
    plural = plural_noun(f) or (f.endswith("n") and plural_noun(f[:-1]))  # "Kindern"
    ends = not rest or rest.startswith(_CLAUSE_END)
    return plural and before in OBJECT_VERBS and ends


def _takes_phrase(text: str, toks: list[Tok], i: int, before: str) -> bool:
    """Whether the first name ``toks[i]`` stands where a set phrase's noun can follow: after
    a verb that takes an object or "mit" ("Das macht Anna Spaß.", "Mit Anna Spaß haben."), or
    after a comma in a sentence with such a verb ("hatte Paul Urlaub, Lea Feierabend.")."""
    if before in OBJECT_VERBS or before == "mit":
        return True
    if not i or text[toks[i - 1].end : toks[i].start].strip(" \u00a0") != ",":
        return False
    start = max(
        (k for k in range(i) if text[toks[k].end : toks[k].end + 1] in (".", "!", "?")), default=-1
    )
    return any(t.folded in OBJECT_VERBS for t in toks[start + 1 : i])


def _phrase_ends(rest: str) -> bool:
    """Whether the phrase's noun ends the clause or its verb follows ("Spaß haben")."""
    if not rest or rest.startswith(_CLAUSE_END):
        return True
    return rest.split(maxsplit=1)[0].rstrip(".,;:!?") in _PHRASE_VERBS


def _noun(tok: Tok) -> bool:
    """A capitalised word of letters that is a German noun, also in the dative plural
    ("Kindern")."""
    text, f = tok.text, tok.folded
    if not (text[:1].isupper() and text[1:].islower() and text.isalpha()):
        return False
    return f in PHRASE_NOUNS or is_german_noun(f) or (f.endswith("n") and plural_noun(f[:-1]))
