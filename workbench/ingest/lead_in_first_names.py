"""First names alone that open the turns of a conversation typed as a protocol.

A Markdown or text protocol of turns ("- Dilara: …", "- Quirin: …", "**Quirin:** …")
stays a protocol when a speaker's first name is missing from the gazetteer: the name
stayed in clear in the statements (and, bold, in the speaker role) while the same lines
as a ``.txt`` transcript made it a speaker. A single word that opens statements is a
person's first name only inside a conversation: most statements open with one word and
a colon, and one of these words is a first name the gazetteer knows that speaks at least
twice. Words of the language stay what they are ("Wichtig:", "Offen:", "Parken:", "Ziel:",
roles such as "Moderation:"): nouns, also compounds of nouns the dictionary lacks
("Lastenrad:", "Tauschregal:" on a card wall), adjectives, verbs and adverbs by their shape, labels,
places, a record's "Pro:"/"Contra:", and words the file also writes in lower case. Nor
are the openers of a record of topics beside a speaker ("- Dilara: …", "- Parken: …",
"- Lastenrad: …", "- Parking: …"): once one opener is such a word, or the words that
would be names outnumber the known first names that speak, no word becomes a person.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable

from workbench.ingest.lead_in_names import REPEATED, capitalised, no_word, ordinary, place
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_lists import ROLE_SUFFIXES, ROLE_WORDS, TITLES
from workbench.ingest.noun_lexicon import compound_noun, is_german_noun
from workbench.ingest.speaker_labels import is_label, is_role

# One word and a colon at a statement's start: "Quirin: Und einen Bolzplatz."
_WORD = r"[^\W\d_][\w'’-]{2,}"
_ONE_WORD = re.compile(rf"({_WORD})(?=:[ \t]+\S)")
# Endings of adjectives, adverbs, verbs and participles ("Wichtig", "Morgens", "Parken",
# "Später", "Ungeklärt"): a word, not a first name the gazetteer lacks
_WORD_END = re.compile(r"(?:ig|lich|sch|en|ens|er|t|s)$")
# Latin and English words of a record that no ending gives away ("Pro:", "Contra:", "Todo:")
_RECORD_WORDS = frozenset("pro contra todo audio video memo info okay update".split())
# People who speak as a group, not by name ("Anwohner:", "Bewohnerin:", "Teilnehmende:")
_PEOPLE = frozenset(
    "anwohner bewohner einwohner teilnehmer besucher mieter vertreter nachbar nachbarn "
    "senior senioren eltern jugend jugendliche publikum gast gaste buerger burger".split()
)
_PEOPLE_END = re.compile(r"(?:erin|innen|ende|enden|liche|lichen)$")
SHARE = 0.6  # of a file's statements at least this many open with one word: a conversation
_MIN_TURNS = 3


def conversation_first_names(
    statements: Iterable[tuple[str | None, str | None]], places: Collection[str] = ()
) -> list[str]:
    """The unknown first names that open statements ``(speaker_role, text)`` of a
    conversation typed as a protocol, each once (see the module's docstring; ``places``:
    the project's district names, never a name).

    >>> turns = [(None, "Dilara: Bänke."), ("Quirin", "Bolzplatz."), (None, "Dilara: Ja.")]
    >>> conversation_first_names(turns)
    ['Quirin']
    >>> conversation_first_names([(None, "Dilara: Bänke."), (None, "Wichtig: Licht.")] * 2)
    []
    """
    pairs = list(statements)
    labels = [_label(role, text) for role, text in pairs]
    opened = [label for label in labels if label]
    if len(opened) < max(_MIN_TURNS, SHARE * len(pairs)):
        return []
    counts = Counter(opened)
    names = gazetteer()
    speakers = [w for w in counts if names.has_first(w) and not ordinary(w, False)]
    if not any(counts[w] >= REPEATED for w in speakers):
        return []  # no known first name speaks twice: lead-ins of a record, no conversation
    lower = " ".join(text or "" for _, text in pairs)
    folded_places = {fold(p) for p in places}
    found = [
        word
        for word in counts
        if not names.has_first(word)
        and capitalised(word)
        and not (is_label(word) or is_role(word) or _thing(word, folded_places))
        and not _WORD_END.search(fold(word))
        and fold(word) not in _RECORD_WORDS
        and not re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", lower)
    ]
    if len(found) > len(speakers) or any(
        w not in found and w not in speakers and not _speaker_word(w) for w in counts
    ):
        return []  # "Parken:", "Lastenrad:", "Parking:": a record's topics, no speakers
    return found


def _thing(word: str, folded_places: Collection[str]) -> bool:
    """Whether an opener is a word of a thing, place or topic ("Parken", "Lastenrad",
    "Wiesdorf"), not a name: a noun, a compound, an ordinary word or a place."""
    folded = fold(word)
    return (
        ordinary(word, False)
        or not no_word(word)
        or _compound(folded)
        or place(word)
        or folded in folded_places
    )


def _speaker_word(word: str) -> bool:
    """Whether an opener names who speaks without a name: a role, group or label
    ("Moderation", "Frage", "Bewohnerin", "Stadtteilmanagerin")."""
    folded = fold(word)
    if is_label(word) or is_role(word) or folded in ROLE_WORDS | TITLES | _PEOPLE:
        return True
    return folded.endswith(tuple(ROLE_SUFFIXES)) or bool(_PEOPLE_END.search(folded[4:]))


def _compound(folded: str) -> bool:
    """Whether a folded word is a compound of German nouns the dictionary lacks: it ends in
    a noun of five letters or more ("tauschregal"), or is two nouns ("lasten" + "rad")."""
    return compound_noun(folded) or any(
        is_german_noun(folded[:k]) and is_german_noun(folded[k:]) for k in range(4, len(folded) - 2)
    )


def _label(role: str | None, text: str | None) -> str | None:
    """The one word that opens a statement: its speaker role, or the word before a colon
    at the start of its text; None if none or more than one word."""
    if role:
        role = role.strip()
        return role if re.fullmatch(_WORD, role) else None
    match = _ONE_WORD.match(text or "")
    return match.group(1) if match else None
