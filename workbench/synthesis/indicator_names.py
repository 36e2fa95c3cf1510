"""One indicator under one name over the years, however a year's table spells it.

Statistics offices change the spelling of an indicator between years ("SGB-II-Quote",
"SGB II-Quote", "SGB-II-quote"); stored under each spelling, the series of one indicator
fell apart into several of one year each, and a district's value lost the city's value
written the other way. A name that differs from a stored one (or from one earlier in the
same file) only in case, hyphens, dashes, underscores or spaces is read as that one, and
the import says so. Any other character counts: "Anteil 65+" is not "Anteil 65".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

_JOINS = re.compile(r"[\s_\-\u2010-\u2015]+")


def name_key(name: str) -> str:
    """An indicator name compared without case, hyphens, dashes, underscores and spaces.

    >>> name_key("SGB II-Quote") == name_key("sgb-ii-quote") == name_key("SGB–II Quote")
    True
    >>> name_key("Anteil 65+") == name_key("Anteil 65")
    False
    """
    return _JOINS.sub(" ", unicodedata.normalize("NFC", name).casefold()).strip()


@dataclass
class IndicatorNames:
    """The spelling each indicator is stored under: a stored name (if only one stored name
    has its key), else the first spelling in the file; ``notices`` says which rows were
    read under another spelling."""

    stored: Iterable[str] = ()
    notices: list[str] = field(default_factory=list)
    _known: dict[str, str | None] = field(default_factory=dict)  # key → name (None: two)
    _said: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for name in self.stored:
            key = name_key(name)
            self._known[key] = name if self._known.get(key, name) == name else None

    def named(self, written: str, row: int) -> str:
        """The name ``written`` (in row ``row``) is stored under."""
        key = name_key(written)
        if key not in self._known:
            self._known[key] = written
        name = self._known[key]
        if name is None or name == written:
            return written  # two stored spellings: none is chosen for the user
        if written not in self._said:
            self._said.add(written)
            self.notices.append(
                f"Indikator „{written}“ (ab Zeile {row}) als „{name}“ gelesen: derselbe Name, "
                "anders geschrieben (Groß-/Kleinschreibung, Binde- oder Leerzeichen)."
            )
        return name
