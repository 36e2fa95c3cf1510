"""The section of participants in a protocol ("## Teilnehmende", "Anwesende:"): which of its
paragraphs are a remark about the meeting, not names, and which lines name people by a
first name or a title (pure)."""

from __future__ import annotations

import re

from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.name_lists import TITLES
from workbench.ingest.protocol_meta import (
    FINITE_VERBS,
    describes_group,
    is_names_line,
    split_names,
)


def said_among_names(text: str) -> bool:
    """Whether a paragraph under a heading "Teilnehmende" is a sentence about the meeting,
    no line of names ("Leider konnten viele Eltern wegen der Kinderbetreuung nicht
    kommen."): it ends a sentence, names no group, and has a finite verb or a part
    (between commas) longer than a name; "Anna Schmidt (Kita), Jonas Becker." is names.

    >>> said_among_names("Leider konnten viele Eltern wegen der Kinderbetreuung nicht kommen.")
    True
    >>> said_among_names("Anna Schmidt (Kita), Jonas Becker."), said_among_names("Anna Schmidt")
    (False, False)
    """
    text = text.strip()
    if is_names_line(text) or describes_group(text) or not re.search(r"[.!?…]$", text):
        return False
    verb = any(w.strip(",;.!?…").lower() in FINITE_VERBS for w in text.split())
    return verb or any(len(name.split()) > 5 for name in split_names(text))


def named_people(text: str) -> bool:
    """Whether every name of a line of names is led by a first name the gazetteer knows or
    by "Frau"/"Herr" ("Jonas Becker (Kita Regenbogen)"), no heading ("Was fehlt im Quartier").

    >>> named_people("Jonas Becker (Kita Regenbogen)"), named_people("Was fehlt im Quartier")
    (True, False)
    """
    known = gazetteer()
    names = [name.split() for name in split_names(text)]
    led = [words[0] for words in names if words]
    return bool(led) and all(known.has_first(word) or fold(word) in TITLES for word in led)
