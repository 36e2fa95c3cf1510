"""What the finders of personal data with a fixed shape share: the :class:`Hit` record
and the parts of a date that both the phone and the birthdate finders read (moved out of
:mod:`workbench.ingest.pii_patterns`, which still offers ``Hit`` to its callers)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    """A piece of personal data found in a text (offsets into that text)."""

    start: int
    end: int
    # person | email | phone | iban | birthdate | handle | url | address | plate | number
    kind: str
    key: str = ""  # the person key (normalised surname); empty for other kinds
    confidence: float = 1.0
    word: str = ""  # an uncertain person candidate: the word a researcher decides on


_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH_NUMBER = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
