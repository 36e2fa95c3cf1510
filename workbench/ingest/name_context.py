"""What a project adds to :class:`workbench.ingest.names.PersonFinder` (moved from
:mod:`workbench.ingest.names`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class NameContext:
    """What a project adds: listed names, known persons, protected words, decisions."""

    known: Mapping[str, str]  # lower-case name word → person key, from the project's key
    protected: Collection[str] = ()  # folded single words that are never a name
    confirmed: Collection[str] = ()  # folded words a researcher confirmed as names
    rejected: Collection[str] = ()  # folded words a researcher rejected
    named: Collection[str] = ()  # person keys met with a first name or form of address
    in_text: Collection[str] = ()  # surname keys met surely anywhere in the text read again
    listed: Collection[str] = ()  # surname keys of the text's own name list (no words)
    places: Collection[str] = ()  # folded words the file writes as a place ('im Hasenbergl')
