"""A text without invisible characters and with odd spaces read as spaces, with the way
back to the text as written.

WhatsApp on iOS, copied web text and word processors put characters into lines that show
nothing: direction marks (U+200E, U+200F, the embeddings and isolates), the zero-width
space, joiner and non-joiner, the word joiner, a byte-order mark inside a line, a soft
hyphen inside a word ("Schmi\\u00addt"). The name rules read them as the end of a word:
"Anna\\u200e Schmidt sagt" became "[Person 1]\\u200e Schmidt sagt", "Frau\\u200e Becker"
stayed in clear. A thin or narrow no-break space between first name and surname
("Anna\\u2009Schmidt") left the surname too. Names are found in a view that drops the
invisible characters and reads every other space as " "; they are replaced in the text as
written, which keeps every character outside a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from workbench.ingest.nfc_view import S

# Format characters that show nothing (of category Cf: not the Arabic number signs, which
# show) and the soft hyphen.
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+"
)
# Spaces other than " " (no-break, narrow no-break, thin, en, em, figure, ideographic, …).
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ODD = re.compile(f"{_INVISIBLE.pattern}|{_SPACES.pattern}")


@dataclass(frozen=True)
class InvisibleView:
    """``text`` without its invisible characters, its odd spaces read as " ".

    >>> view = InvisibleView.of("Laut Anna\\u200e\\u2009Schmidt")
    >>> view.text, view.start(5), view.end(17)
    ('Laut Anna Schmidt', 5, 18)
    """

    text: str
    kept: tuple[int, ...]  # for each character of the view, its position as written
    length: int  # of the text as written

    @classmethod
    def of(cls, written: str) -> InvisibleView | None:
        """The view of ``written``; None if it holds no such character."""
        if _ODD.search(written) is None:
            return None
        parts: list[str] = []
        kept: list[int] = []
        at = 0
        for match in _INVISIBLE.finditer(written):
            parts.append(written[at : match.start()])
            kept.extend(range(at, match.start()))
            at = match.end()
        parts.append(written[at:])
        kept.extend(range(at, len(written)))
        return cls(_SPACES.sub(" ", "".join(parts)), tuple(kept), len(written))

    def start(self, pos: int) -> int:
        """Where a span starting at view position ``pos`` starts as written."""
        return self.kept[pos] if pos < len(self.kept) else self.length

    def end(self, pos: int) -> int:
        """Where a span ending at view position ``pos`` ends as written (the invisible
        characters after it stay outside)."""
        if pos <= 0:
            return self.kept[0] if self.kept else 0
        return self.kept[pos - 1] + 1

    def spanned(self, span: S) -> S:
        """``span`` (a hit, a review candidate) with its positions as written."""
        return replace(span, start=self.start(span.start), end=self.end(span.end))


def visible(text: str) -> str:
    """``text`` as the view reads it: without invisible characters, odd spaces as " ".

    >>> visible("Yıl\\u00admaz\\u200e\\u00a0B.")
    'Yılmaz B.'
    """
    return _SPACES.sub(" ", _INVISIBLE.sub("", text))
