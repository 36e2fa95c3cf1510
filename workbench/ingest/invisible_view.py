"""A text without invisible characters and with each run of blanks read as one space, with
the way back to the text as written.

WhatsApp on iOS, copied web text and word processors put characters into lines that show
nothing: direction marks (U+200E, U+200F, the embeddings and isolates), the zero-width
joiner and non-joiner, the word joiner, a byte-order mark inside a line, a soft hyphen
inside a word ("Schmi\\u00addt"). The name rules read them as the end of a word:
"Anna\\u200e Schmidt sagt" became "[Person 1]\\u200e Schmidt sagt", "Frau\\u200e Becker"
stayed in clear. A thin or narrow no-break space between first name and surname
("Anna\\u2009Schmidt") left the surname too, and so did two blanks, a tab or an odd space
beside a normal one ("Anna  Schmidt", "Jens\\tBecker", "Frau \\u00a0Kaya"): the rules join
the words of a name across one " " only. Names are found in a view that drops the
invisible characters and reads every run of blanks as one " "; they are replaced in the
text as written, which keeps every character outside a name.

The zero-width space (U+200B) is a blank: Unicode breaks words and lines at it, and it
stands where a space was meant ("Frau\\u200bKaya" is "Frau Kaya"); before a small letter it
only marks where a long word may break ("Sozial\\u200braumkonzept"). The other invisible
characters join what they stand between, as Unicode's word boundaries do (UAX #29 skips
format characters inside a word): "FRAU\\u200eKAYA" reads "FRAUKAYA", as a reader sees it.
A line break is no blank: the rules read where a line starts and ends (labels, lists,
table cells); a break that wraps prose is read by :mod:`~workbench.ingest.wrap_view`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from workbench.ingest.nfc_view import S

# Format characters that show nothing (of category Cf: not the Arabic number signs, which
# show, nor the zero-width space, a blank) and the soft hyphen.
_INVISIBLE = "\u00ad\u061c\u180e\u200c-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
# Blanks inside a line other than " ": the tab, the no-break, narrow no-break, thin, en,
# em, figure and ideographic spaces, … and the zero-width space, which shows nothing
_SHOWN_BLANKS = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_ODD_BLANKS = _SHOWN_BLANKS + "\u200b"
# What the view changes: an invisible character, an odd blank, two blanks in a row.
# A terminal's escape sequence (colour, cursor, title: ESC "[" … letter, ESC "]" … BEL), as
# a text copied from a terminal or a log carries it: a blank, so the name after it is a
# name ("Mit\x1b[31mAnna Schmidt" left Anna Schmidt in clear, glued to "[31m"); inside a
# word it joins, as a zero-width space does ("f\x1b[1mährt")
_SEQUENCE = "\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?"
_ODD = re.compile(f"[{_INVISIBLE}{_ODD_BLANKS}]|  |\x1b")
# A run of blanks (one " " in the view; invisible characters inside it go) or of
# invisible characters (they go).
_RUN = re.compile(
    f"(?P<blank>(?:[ {_ODD_BLANKS}]|{_SEQUENCE})(?:[ {_ODD_BLANKS}{_INVISIBLE}]|{_SEQUENCE})*)"
    f"|[{_INVISIBLE}]+"
)
_SHOWN = re.compile(f"[ {_SHOWN_BLANKS}]")


def _read(run: re.Match[str]) -> str:
    """How the view reads a run: " " or nothing. A zero-width space alone inside a word
    (before a small letter: "Sozial\\u200braum", "Sch\\u200bmidt") is a place to break a
    long word, which goes on."""
    if not run.group("blank"):
        return ""
    text, start, end = run.string, run.start(), run.end()
    inside = start > 0 and text[start - 1].isalpha() and end < len(text) and text[end].islower()
    return "" if inside and _SHOWN.search(run.group()) is None else " "


@dataclass(frozen=True)
class InvisibleView:
    """``text`` without its invisible characters, each run of blanks read as one " ".

    >>> view = InvisibleView.of("Laut Anna\\u200e\\u2009Schmidt")
    >>> view.text, view.start(5), view.end(17)
    ('Laut Anna Schmidt', 5, 18)
    >>> view = InvisibleView.of("Frau \\t Kaya sagt")
    >>> view.text, view.start(5), view.end(9)
    ('Frau Kaya sagt', 7, 11)
    >>> InvisibleView.of("Ton \\x1b an") is None
    True
    """

    text: str
    kept: tuple[int, ...]  # for each character of the view, its position as written
    length: int  # of the text as written

    @classmethod
    def of(cls, written: str) -> InvisibleView | None:
        """The view of ``written``; None if it holds no such character nor two blanks."""
        if _ODD.search(written) is None:
            return None
        parts: list[str] = []
        kept: list[int] = []
        at = 0
        for run in _RUN.finditer(written):
            if run.group() == " ":
                continue  # as written
            parts.append(written[at : run.start()])
            kept.extend(range(at, run.start()))
            if _read(run):  # one " ", where the run starts
                parts.append(" ")
                kept.append(run.start())
            at = run.end()
        parts.append(written[at:])
        kept.extend(range(at, len(written)))
        text = "".join(parts)
        # an ESC alone (no sequence: "Ton\x1b an") changes nothing; a view of it was
        # viewed again until a RecursionError stopped the import
        return None if text == written else cls(text, tuple(kept), len(written))

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
    """``text`` as the view reads it: without invisible characters, blanks as one " ".

    >>> visible("Yıl\\u00admaz\\u200e\\u00a0B.")
    'Yılmaz B.'
    >>> visible("Anna \\u00a0\\tSchmidt")
    'Anna Schmidt'
    """
    return _RUN.sub(_read, text)
