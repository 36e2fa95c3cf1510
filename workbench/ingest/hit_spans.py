"""The hits that lie inside a span, found by their start instead of by reading every hit
(a long text holds thousands of listed names, and each name rule's hit asks)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from workbench.ingest.pii_patterns import Hit


class HitsInside:
    """The hits of ``hits`` that lie inside a span, in the order of ``hits``."""

    def __init__(self, hits: Sequence[Hit]) -> None:
        self.hits = hits
        self._order = sorted(range(len(hits)), key=lambda k: hits[k].start)
        self._starts = [hits[k].start for k in self._order]

    def __call__(self, start: int, end: int) -> list[Hit]:
        """The hits ``h`` with ``start <= h.start`` and ``h.end <= end``."""
        lo, hi = bisect_left(self._starts, start), bisect_right(self._starts, end)
        return [self.hits[k] for k in sorted(self._order[lo:hi]) if self.hits[k].end <= end]
