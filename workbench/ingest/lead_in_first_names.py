"""First names alone that open the turns of a conversation typed as a protocol.

A Markdown or text protocol of turns ("- Dilara: …", "- Quirin: …", "**Quirin:** …")
stays a protocol when a speaker's first name is missing from the gazetteer: the name
stayed in clear in the statements (and, bold, in the speaker role) while the same lines
as a ``.txt`` transcript made it a speaker. A single word that opens statements is a
person's first name only inside a conversation: most statements open with one word and
a colon, and one of these words is a first name the gazetteer knows that speaks at least
twice. Words of the language stay what they are ("Wichtig:", "Offen:", "Parken:", "Ziel:",
roles such as "Moderation:"): nouns, adjectives, verbs and adverbs by their shape, labels,
places, a record's "Pro:"/"Contra:", and words the file also writes in lower case.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable

from workbench.ingest.lead_in_names import REPEATED, capitalised, no_word, ordinary, place
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.speaker_labels import is_label, is_role

# One word and a colon at a statement's start: "Quirin: Und einen Bolzplatz."
_WORD = r"[^\W\d_][\w'’-]{2,}"
_ONE_WORD = re.compile(rf"({_WORD})(?=:[ \t]+\S)")
# Endings of adjectives, adverbs, verbs and participles ("Wichtig", "Morgens", "Parken",
# "Später", "Ungeklärt"): a word, not a first name the gazetteer lacks
_WORD_END = re.compile(r"(?:ig|lich|isch|en|ens|er|t|s)$")
# Latin and English words of a record that no ending gives away ("Pro:", "Contra:", "Todo:")
_RECORD_WORDS = frozenset("pro contra todo audio video memo info okay update".split())
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
    if not any(
        names.has_first(w) and not ordinary(w, False) for w in counts if counts[w] >= REPEATED
    ):
        return []  # no known first name speaks twice: lead-ins of a record, no conversation
    lower = " ".join(text or "" for _, text in pairs)
    folded_places = {fold(p) for p in places}
    return [
        word
        for word in counts
        if not names.has_first(word)
        and capitalised(word)
        and not (is_label(word) or is_role(word) or ordinary(word, False))
        and no_word(word)
        and not place(word)
        and fold(word) not in folded_places
        and not _WORD_END.search(fold(word))
        and fold(word) not in _RECORD_WORDS
        and not re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", lower)
    ]


def _label(role: str | None, text: str | None) -> str | None:
    """The one word that opens a statement: its speaker role, or the word before a colon
    at the start of its text; None if none or more than one word."""
    if role:
        role = role.strip()
        return role if re.fullmatch(_WORD, role) else None
    match = _ONE_WORD.match(text or "")
    return match.group(1) if match else None
