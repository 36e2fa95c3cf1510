"""The people a table names beside its texts: authors and others, for the name list.

Split from :mod:`workbench.ingest.personal_columns` (which says which columns hold
people); these functions read the values of those columns across a document's rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from workbench.core.domain import ParsedSegment
from workbench.ingest.name_gazetteer import fold
from workbench.ingest.name_lists import ACADEMIC, TITLES
from workbench.ingest.personal_columns import (
    OTHER,
    PERSON_ATTRIBUTES,
    author,
    given_value,
    names_staff,
    person_role,
)
from workbench.ingest.pseudonymise import Pseudonymiser

# A platform's account name that no word is: letters with a digit, "_" or "." inside
# ("kalle1999", "p_meier", "tom.w"); a commenter writes it to address its author.
_HANDLE = re.compile(r"(?=\S*[\d_.])[^\W\d_][\w.-]*\w")
_LETTERS = re.compile(r"[^\W\d_]+")


def _is_handle(name: str) -> bool:
    """Whether an author's user name is an account name to list: at most two runs of
    letters ("gruen.und.bunt" would list "und" as a name's word)."""
    return _HANDLE.fullmatch(name) is not None and len(_LETTERS.findall(name)) <= 2


def _named_people(pseudonymiser: Pseudonymiser, value: str) -> list[str]:
    """The people a column of other people names, without title and remark: "Dr. Stefan
    Richter (Jugendamt)" is "Stefan Richter"; "Moderation" or "Tiefbauamt" is nobody."""
    text = re.sub(r"[(\[].*?[)\]]", " ", value)
    hits = [h for h in pseudonymiser.detect(text) if h.kind == "person"]
    if not hits:
        return []

    def untitled(name: str) -> str:
        return " ".join(w for w in name.split() if fold(w) not in TITLES | ACADEMIC)

    whole = untitled(text)
    if 2 <= len(whole.split()) <= 4 and all(w[:1].isupper() for w in whole.split()):
        return [whole]  # the whole value is one name (the finder may stop at "Richter")
    return [n for n in (untitled(text[h.start : h.end]) for h in hits) if n]


def listed_authors(pseudonymiser: Pseudonymiser, segments: Iterable[ParsedSegment]) -> list[str]:
    """The authors in person columns whose name reads as a person's name, and the people
    in columns of other people (assignee, moderator, who answered).

    They join the name list, so a text that mentions its author, another one or the
    person handling it is pseudonymised too. An organisation ("Bürgerverein Opladen") or a
    user name that may be words ("nachteule", "gruen.und.bunt") is not listed (its words
    would vanish from every text); only its ``speaker`` is a placeholder. A user name no
    word is ("kalle1999", "p_meier") is listed: other comments address its author so.
    """
    segments = list(segments)
    found = dict.fromkeys(filter(None, (author(s.attributes) for s in segments)))
    names = [n for n in found if any(h.kind == "person" for h in pseudonymiser.detect(n))]
    names += [n for n in found if n not in names and _is_handle(n)]
    others = {
        text
        for s in segments
        for key, value in s.attributes.items()
        if key not in PERSON_ATTRIBUTES
        and (person_role(key) == OTHER or names_staff(key, value))
        and (text := given_value(value)) is not None
    }
    for text in sorted(others):
        names += [n for n in _named_people(pseudonymiser, text) if n not in names]
    return names
