"""Participants' names in the researchers' concept prose: as placeholders, as the key has them.

The concept text is the researchers' own writing and goes into the published concept and
the city-wide report (``konzept``, ``report --konzept``). A participant it names ("Wie
Gisela Brandhorst im Forum sagte …"), whom the project's key knows in full, stood there in
clear beside her pseudonymised statements. :func:`without_key_names` puts her placeholder
in, for her full name and for a form of address with her surname ("Frau Brandhorst", when
no person of the key under another placeholder has that surname; so for a person the key
knows only as "Frau Koch"). Names the key does not know — the Quartiersmanagerin a
concept names on purpose — stay as written: the key decides.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import select

from workbench.store import Pseudonym
from workbench.store.erasure_names import TITLES, name_parts
from workbench.synthesis.concept.text import ConceptText, ProseItem, Section

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.project import Project

_TITLES = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
_SIBILANT = ("s", "ß", "x", "z")


def _end(name: str) -> str:
    """The end of ``name`` in the text, taking a genitive with it as the statements'
    pseudonymisation does ("Peter Kochs Idee" → "[Person 2] Idee", not "[Person 2]s"):
    "s", "'s", and after a sibilant an apostrophe before a noun ("Frau Lutz' Idee"), not a
    closing quote ("'Hans Weiss' sagte")."""
    after = r"|['’](?=\s+(?-i:[A-ZÄÖÜ]))" if name.casefold().endswith(_SIBILANT) else ""
    return rf"(?:['’]?s(?!\w){after}|(?!\w))"


def key_name_replacer(project: Project) -> Callable[[str], str]:
    """A function that writes the key's persons in a text as their placeholders (module doc)."""
    with project.session() as session:
        people = list(
            session.execute(
                select(Pseudonym.original, Pseudonym.placeholder).where(Pseudonym.kind == "person")
            )
        )
    named: list[tuple[list[str], str]] = []  # the key's name without forms of address
    for original, placeholder in people:
        words = [w for w in original.split() if w.casefold() not in TITLES]
        if words:
            named.append((words, placeholder))
    # a surname is ambiguous when two placeholders have it ("Frau Koch" and "Peter Koch" may
    # share one: then "Frau Koch" is that placeholder)
    surnames = Counter(surname for surname, _ in {(name_parts(o)[1], p) for o, p in people})
    patterns: list[tuple[re.Pattern[str], str]] = []
    for words, placeholder in sorted(named, key=lambda n: -len(" ".join(n[0]))):
        if len(words) >= 2:  # a full name; a surname alone ("Frau Koch") only as below
            full = r"\s+".join(re.escape(w) for w in words)
            end = _end(words[-1])
            found = re.compile(rf"(?<!\w)(?:(?:{_TITLES})\s+)*{full}{end}", re.IGNORECASE)
            patterns.append((found, placeholder))
    for words, placeholder in named:
        surname = words[-1]
        if surnames[name_parts(" ".join(words))[1]] == 1 and surname[:1].isupper():
            address = rf"(?<!\w)(?i:(?:{_TITLES})\s+)+{re.escape(surname)}{_end(surname)}"
            patterns.append((re.compile(address), placeholder))

    def replaced(text: str) -> str:
        for pattern, placeholder in patterns:
            text = pattern.sub(placeholder, text)
        return text

    return replaced


def without_key_names(project: Project, text: ConceptText) -> ConceptText:
    """``text`` with the key's persons in its title and prose (paragraphs, lists,
    sub-headings) written as their placeholders; headings and references stay as written."""
    fixed = key_name_replacer(project)

    def item(prose: ProseItem) -> ProseItem:
        if prose.kind == "quote":  # a reference to a statement, not prose
            return prose
        return replace(prose, text=fixed(prose.text), items=tuple(map(fixed, prose.items)))

    def section(part: Section | None) -> Section | None:
        if part is None:
            return None
        return replace(part, items=tuple(map(item, part.items)))

    return replace(
        text,
        title=fixed(text.title),
        introduction=section(text.introduction),
        pillars={n: section(s) for n, s in text.pillars.items()},
        districts={name: section(s) for name, s in text.districts.items()},
        sections=tuple(map(section, text.sections)),
    )
