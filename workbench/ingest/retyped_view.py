"""A text with some words written otherwise, letter for letter (a name in capitals or in
lower case written as a name): every position is the same as written, so hits map back
one to one."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Self

from workbench.ingest.nfc_view import S


@dataclass(frozen=True)
class RetypedView:
    """``text``: the written text with the chosen words retyped, each letter in its place."""

    text: str

    @classmethod
    def retyped(
        cls, written: str, chosen: Iterable[tuple[int, int]], retype: Callable[[str], str]
    ) -> Self | None:
        """The view with the spans ``chosen`` of ``written`` retyped; None if that changes
        nothing."""
        letters = list(written)
        for start, end in chosen:
            letters[start:end] = retype(written[start:end])
        text = "".join(letters)
        return None if text == written else cls(text)

    def start(self, pos: int) -> int:
        """Where a span starting at view position ``pos`` starts as written: the same."""
        return pos

    def end(self, pos: int) -> int:
        """Where a span ending at view position ``pos`` ends as written: the same."""
        return pos

    def spanned(self, span: S) -> S:
        """``span`` (a hit, a review candidate): its positions are those as written."""
        return span
