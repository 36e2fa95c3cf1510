"""A text without the emphasis marks of Markdown around words, with the way back to the
text as written.

Chats, cards and comments keep "**Becker**" or "*Becker*" as typed. The name rules read
the words around a name ("Weil Becker sagte", "Laut Rosenkranz fehlt …") and saw the
stars instead: "Weil **Becker** sagte, …" stayed in clear. Names are found in the view
without the marks and replaced in the text as written, inside the marks
("Weil **[Person 1]** sagte"). A gender star ("Bewohner*innen") or an underscore inside a
word ("Foto_Ewa") is no mark: a mark stands before a word's first letter and after its
last, with no letter outside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from workbench.ingest.nfc_view import S

# "**Becker**", "*Becker*", "__Becker__", "_Becker_", "***Frau Becker***": on one line
_EMPHASIS = re.compile(
    r"(?<![\w*_])(?P<mark>\*{1,3}|_{1,3})(?=[^\s*_])[^\n*_]{1,200}?(?<=[^\s*_])(?P=mark)(?![\w*_])"
)


@dataclass(frozen=True)
class EmphasisView:
    """``text`` without its emphasis marks.

    >>> view = EmphasisView.of("Weil **Becker** sagte")
    >>> view.text, view.start(5), view.end(11)
    ('Weil Becker sagte', 7, 13)
    """

    text: str
    kept: tuple[int, ...]  # for each character of the view, its position as written
    marks: tuple[tuple[int, int, int, int], ...]  # opening and closing mark, as written

    @classmethod
    def of(cls, written: str) -> EmphasisView | None:
        """The view of ``written`` without its marks; None if it has none."""
        if "*" not in written and "_" not in written:
            return None
        marks = []
        for match in _EMPHASIS.finditer(written):
            size = len(match.group("mark"))
            marks.append((match.start(), match.start() + size, match.end() - size, match.end()))
        if not marks:
            return None
        dropped = {p for a, b, c, d in marks for p in (*range(a, b), *range(c, d))}
        kept = tuple(p for p in range(len(written)) if p not in dropped)
        return cls("".join(written[p] for p in kept), kept, tuple(marks))

    def start(self, pos: int) -> int:
        """Where a span starting at view position ``pos`` starts as written."""
        return self.kept[pos] if pos < len(self.kept) else self.kept[-1] + 1

    def end(self, pos: int) -> int:
        """Where a span ending at view position ``pos`` ends as written."""
        return self.kept[pos - 1] + 1 if pos > 0 else self.kept[0]

    def spanned(self, span: S) -> S:
        """``span`` as written; a mark whose partner it holds goes in with it ("Frau
        **Anna Becker**" is one name, not "[Person 1]**")."""
        start, end = self.start(span.start), self.end(span.end)
        for opens, opened, closes, closed in self.marks:
            if start <= opens and opened <= end == closes:
                end = closed
            if start == opened and closed <= end:
                start = opens
        return replace(span, start=start, end=end)


def unmarked(text: str) -> str:
    """``text`` without its emphasis marks: a name's spelling for the key.

    >>> unmarked("FRAU **KAYA**")
    'FRAU KAYA'
    >>> unmarked("Bewohner*innen")
    'Bewohner*innen'
    """
    view = EmphasisView.of(text)
    return text if view is None else view.text
