"""Authors inside a joined comment column: "claudia_h: Sehe ich auch so | bernd.k: …" (pure).

Platforms export the comments on a contribution as one cell, each comment after its
author's user name and a colon, joined by " | ", ";" or line breaks. The column is free
text (pseudonymised like a statement), but a user name is no word the name recognition
knows. So in a comment or response column (:func:`is_comment_column`: "Kommentare",
"Comments", "Antworten", "Replies", "Rückmeldungen", "Diskussion") every part that opens
with a user name and a colon has that name replaced by the person's placeholder (the same
as for that user as an author elsewhere: :func:`person_placeholder`). A user name is one
word with a user name's marks — "_", ".", "@" or a digit inside ("claudia_h", "bernd.k",
"user123") — or, where the cell joins at least two such comments, all lower case ("mia";
one "bitte: mehr Bänke" is a sentence). "Fazit: …", "Pro: …", "z.B.: …" and "10:30" stay.
A capitalised display name ("Claudia Hoffmann: …") is found by the name recognition as in
any statement. adhocracy+ and meinBerlin head each comment with a line of its own, the date
and the author ("2021-03-12T11:00:00+01:00 - max_m", a reply after "@reply: "), the text
below: whoever such a line names is a person, whatever the name looks like.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.ingest.personal_columns import header_words, person_placeholder
from workbench.ingest.pseudonymise import Pseudonymiser

_COMMENT_WORDS = (
    "kommentar comment antwort answer reply replies response rueckmeldung ruckmeldung "
    "feedback diskussion discussion"
).split()
# A part's opening "who: " — at the start, after a line break, "|", ";" or "•".
_OPENING = re.compile(r"(?:^|(?<=[\n|;•]))(?P<space>\s*)(?P<who>[^\s:|;•]{2,40})\s?:(?=\s+\S)")
_USER_MARKS = re.compile(r"[_.@\d]")
# A comment's heading line: "[@reply: ]<date[ time]> - <author>" (adhocracy4's export).
_DATED_HEADING = re.compile(
    r"^(?P<lead>[ \t]*(?:@reply:[ \t]*)?"
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}\.\d{1,2}\.\d{2,4}(?:,?[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?)"
    r"[ \t]+[-–][ \t]+)(?P<who>[^\s:|;]{1,60}(?:[ \t][^\s:|;]{1,60}){0,3})(?P<end>[ \t]*:?[ \t]*)$",
    re.MULTILINE,
)


def is_comment_column(header: str) -> bool:
    """Whether a column holds comments or responses (their authors may open them)."""
    return any(w.startswith(p) for w in header_words(header) for p in _COMMENT_WORDS)


def is_user_name(word: str, joined: bool = True) -> bool:
    """Whether a word that opens a comment reads as a user name (see the module doc);
    ``joined``: the cell joins several comments (a lower-case word alone counts)."""
    if word.endswith(".") or word.startswith(("http", "www")) or word.isdigit():
        return False
    if not any(ch.isalpha() for ch in word):
        return False
    return bool(_USER_MARKS.search(word.strip("_.@"))) or (joined and word.islower())


def replace_comment_authors(
    pseudonymiser: Pseudonymiser, value: str, names: Sequence[str] = ()
) -> str:
    """``value`` with the user names that open its comments as placeholders."""
    value = _DATED_HEADING.sub(
        lambda m: (
            m["lead"] + person_placeholder(pseudonymiser, m["who"], names, account=True) + m["end"]
        ),
        value,
    )
    openings = [m["who"] for m in _OPENING.finditer(value)]
    joined = sum(is_user_name(w) for w in openings) >= 2

    def placeholder(match: re.Match[str]) -> str:
        who = match["who"]
        if not is_user_name(who, joined):
            return match.group()
        return f"{match['space']}{person_placeholder(pseudonymiser, who, names, account=True)}:"

    return _OPENING.sub(placeholder, value)
