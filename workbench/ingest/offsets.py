"""Offsets through replacements: pseudonymising a text while its spans keep their place."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from workbench.core.domain import InputError, ParsedDocument
from workbench.core.progress import statement_bar
from workbench.ingest.pseudonymise import Pseudonymiser, Replacement


class OffsetMap:
    """Maps positions in one text to another that differs by replaced spans.

    ``edits`` are ``(old_start, old_end, new_start, new_end)``, sorted and disjoint. A
    position inside a replaced span maps to the start of its replacement (as a start) or
    to its end (as an end), so a span that cut into a name covers the whole placeholder.

    >>> m = OffsetMap([(4, 9, 4, 14)])  # "Frau Schmidt" → "[Person 1]" style
    >>> m.start(2), m.start(6), m.end(6), m.end(12)
    (2, 4, 14, 17)
    """

    def __init__(self, edits: Iterable[tuple[int, int, int, int]] = ()):
        self.edits = sorted(edits)
        # Disjoint (as pseudonymising makes them): a position looks only at the last edit
        # starting before it, found by bisection (thousands of names × thousands of codings)
        self._starts = [edit[0] for edit in self.edits]
        self._disjoint = all(a[1] <= b[0] for a, b in pairwise(self.edits))

    def _map(self, pos: int, end: bool) -> int:
        if self._disjoint:
            index = bisect_left(self._starts, pos) - 1
            if index < 0:
                return pos
            old_start, old_end, new_start, new_end = self.edits[index]
            if pos < old_end:
                return new_end if end else new_start
            return pos + new_end - old_end
        shift = 0
        for old_start, old_end, new_start, new_end in self.edits:
            if pos <= old_start:
                break
            if pos < old_end:
                return new_end if end else new_start
            shift = new_end - old_end
        return pos + shift

    def start(self, pos: int) -> int:
        """Where a span starting at ``pos`` starts in the new text."""
        return self._map(pos, end=False)

    def end(self, pos: int) -> int:
        """Where a span ending at ``pos`` ends in the new text."""
        return self._map(pos, end=True)


@dataclass(frozen=True)
class Piece:
    """A span of the pseudonymised text and the replacements made inside it."""

    start: int
    end: int
    text: str
    replacements: tuple[Replacement, ...]


def pseudonymise_spans(
    pseudonymiser: Pseudonymiser,
    text: str,
    spans: Sequence[tuple[int, int]],
    names: Sequence[str],
) -> tuple[str, OffsetMap, list[Piece]]:
    """Pseudonymise ``text`` span by span (and the text between), keeping the layout.

    ``spans`` are sorted and disjoint. Returns the new text, the map from old to new
    offsets and, per span, its place in the new text with its replacements (relative to
    the span, as the key stores them).

    >>> text, shift, [piece] = pseudonymise_spans(Pseudonymiser(), "Kurz. Frau Kahl kam.",
    ...                                           [(6, 20)], [])
    >>> text, piece.text, shift.end(20)
    ('Kurz. [Person 1] kam.', '[Person 1] kam.', 21)
    """
    parts: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    pieces: list[Piece] = []
    new = 0

    def piece(start: int, end: int) -> tuple[str, list[Replacement]]:
        nonlocal new
        out, replacements = pseudonymiser.pseudonymise(text[start:end], names)
        local_shift = 0
        for r in replacements:
            old_start = r.start - local_shift
            edits.append(
                (start + old_start, start + old_start + len(r.original), new + r.start, new + r.end)
            )
            local_shift += (r.end - r.start) - len(r.original)
        parts.append(out)
        new += len(out)
        return out, replacements

    old = 0
    for start, end in statement_bar(spans, "Texte pseudonymisieren"):  # a long transcript
        if start > old:
            piece(old, start)
        begin = new
        out, replacements = piece(start, end)
        pieces.append(Piece(begin, new, out, tuple(replacements)))
        old = end
    if old < len(text):
        piece(old, len(text))
    return "".join(parts), OffsetMap(edits), pieces


def lay_out(
    pseudonymiser: Pseudonymiser,
    statements: Sequence[tuple[str | None, str, Sequence[str]]],
    kept: Mapping[int, Piece] | None = None,
) -> tuple[str, OffsetMap, list[Piece]]:
    """Statements (guiding question, text, name list) one after another, each guiding
    question once as a heading; a statement in ``kept`` (by its index) is not read again."""
    parts: list[str] = []
    pieces: list[Piece] = []
    offset = 0
    question: str | None = None
    for number, (asked, said, names) in enumerate(
        statement_bar(statements, "Texte pseudonymisieren")
    ):
        if asked != question and asked:
            heading = f"{asked}\n\n"
            parts.append(heading)
            offset += len(heading)
        question = asked
        if kept and number in kept:
            text, replacements = kept[number].text, kept[number].replacements
        else:
            text, found = pseudonymiser.pseudonymise(said, names)
            replacements = tuple(found)
        pieces.append(Piece(offset, offset + len(text), text, replacements))
        parts.append(text + "\n\n")
        offset += len(text) + 2
    return "".join(parts), OffsetMap(), pieces


def in_place(
    pseudonymiser: Pseudonymiser,
    document: ParsedDocument,
    text: str,
    names: Mapping[str, Sequence[str]],
) -> tuple[str, OffsetMap, list[Piece]]:
    """The document's own text, pseudonymised with its segments where they are."""
    spans: list[tuple[int, int]] = []
    for seg in document.segments:
        start, end = seg.start, seg.end
        if start is None or end is None or not 0 <= start <= end <= len(text):
            raise InputError(
                f"Aussage {seg.source_id}: Lage im Text fehlt oder liegt außerhalb.",
                file=document.filename,
            )
        if spans and start < spans[-1][1]:
            raise InputError(
                f"Aussage {seg.source_id} überlappt die vorige Aussage.",
                file=document.filename,
            )
        spans.append((start, end))
    # One continuous text: one name list for all of it (every workshop's names).
    union = sorted(set().union(*names.values()))
    return pseudonymise_spans(pseudonymiser, text, spans, union)
