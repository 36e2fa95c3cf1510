"""A text's composed form (NFC) with the way back to the text as written.

Files from macOS (and ATLAS.ti's exports there) may write "é" and "ü" decomposed, as a
letter followed by a combining mark (NFD: "e" + U+0301). Patterns for names end a word at
the mark: "Frau Müller" became "[Person 1]" followed by "̈ller". Names are found in the composed
view and replaced in the text as written, which stays as it was (positions of a REFI-QDA
file count in it). The labels that group statements across files — workshop, Sozialraum,
guiding question, speaker role, code — are stored composed (:func:`composed_labels`), and
a workshop, guiding question or role on one line (:func:`one_line_label`).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol, TypeVar, overload

from workbench.core.domain import ParsedDocument, ParsedSegment
from workbench.core.typed_text import NOT_IN_LABEL, line_label
from workbench.core.word_caches import word_cache


class Span(Protocol):
    """What a view maps back to the text as written: a hit, a review candidate."""

    start: int
    end: int


S = TypeVar("S", bound=Span)


@dataclass(frozen=True)
class NfcView:
    """``text`` composed (NFC), chunk by chunk: a base character with its marks.

    >>> view = NfcView.of("Frau Mu\\u0308ller kam")
    >>> view.text, view.start(5), view.end(11), view.end(5)
    ('Frau Müller kam', 5, 12, 5)
    """

    text: str
    length: int  # of the text as written
    view_starts: tuple[int, ...]  # where each chunk starts in the view
    starts: tuple[int, ...]  # … and in the text as written

    @classmethod
    def of(cls, written: str) -> NfcView | None:
        """The composed view of ``written``; None if it is composed already (or composes
        across chunks, as Hangul jamo do: then it is searched as written)."""
        if unicodedata.is_normalized("NFC", written):
            return None
        parts: list[str] = []
        view_starts: list[int] = []
        starts: list[int] = []
        begin, at = 0, 0
        for index in range(1, len(written) + 1):
            if index < len(written) and unicodedata.combining(written[index]):
                continue
            chunk = unicodedata.normalize("NFC", written[begin:index])
            view_starts.append(at)
            starts.append(begin)
            parts.append(chunk)
            at += len(chunk)
            begin = index
        text = "".join(parts)
        if text != unicodedata.normalize("NFC", written):
            return None
        return cls(text, len(written), tuple(view_starts), tuple(starts))

    def start(self, pos: int) -> int:
        """Where a span starting at view position ``pos`` starts as written."""
        if pos >= len(self.text):
            return self.length
        return self.starts[bisect_right(self.view_starts, pos) - 1]

    def end(self, pos: int) -> int:
        """Where a span ending at view position ``pos`` ends as written (with the marks
        of its last character)."""
        if pos >= len(self.text):
            return self.length
        chunk = bisect_right(self.view_starts, pos) - 1
        if self.view_starts[chunk] == pos:
            return self.starts[chunk]
        return self.starts[chunk + 1] if chunk + 1 < len(self.starts) else self.length

    def spanned(self, span: S) -> S:
        """``span`` (a hit, a review candidate) with its positions as written."""
        return replace(span, start=self.start(span.start), end=self.end(span.end))


@overload
def composed(text: str) -> str: ...
@overload
def composed(text: None) -> None: ...
def composed(text: str | None) -> str | None:
    """``text`` composed (NFC); None stays None."""
    return None if text is None else unicodedata.normalize("NFC", text)


@overload
def one_line_label(text: str) -> str: ...
@overload
def one_line_label(text: None) -> None: ...
def one_line_label(text: str | None) -> str | None:
    """A workshop's name, guiding question or speaker role as stored (:func:`line_label`): a
    line break in a table cell, a file name or a front matter broke the headings and cells
    of every report and export that showed it, an escape character the REFI-QDA file."""
    return None if text is None else line_label(text)


def _segment_labels(segment: ParsedSegment) -> ParsedSegment:
    """``segment`` with its labels composed (its text as written), on one line."""
    return replace(
        segment,
        question=one_line_label(segment.question),
        speaker_role=one_line_label(segment.speaker_role),
        workshop=one_line_label(segment.workshop),
        district=composed(segment.district),
        codes=tuple(unicodedata.normalize("NFC", c) for c in segment.codes),
    )


def _plain(label: str) -> bool:
    """Whether ``label`` is composed and holds no control character (printable: at C speed)."""
    return unicodedata.is_normalized("NFC", label) and (
        label.isprintable() or NOT_IN_LABEL.search(label) is None
    )


def composed_labels(document: ParsedDocument) -> ParsedDocument:
    """``document`` with the labels that group statements across files composed: the
    same guiding question, workshop or code written on a Mac and on Windows is one. The
    texts stay as written (REFI-QDA positions count in them). A workshop, guiding question
    or role is one line (:func:`one_line_label`).

    >>> card = ParsedSegment("Ba\\u0308nke", "1", question="Bedu\\u0308rfnisse")
    >>> segment = composed_labels(ParsedDocument("a.md", "", "md", (card,))).segments[0]
    >>> segment.question == "Bedürfnisse", segment.text == "Ba\\u0308nke"
    (True, True)
    """
    labels = [document.workshop, document.district]
    labels += [c.code for c in document.codings]
    for s in document.segments:
        labels += [s.question, s.speaker_role, s.workshop, s.district, *s.codes]
    if all(_plain(label) for label in set(labels) if label):  # labels repeat: each once
        return document  # the usual case: nothing to compose
    return replace(
        document,
        workshop=one_line_label(document.workshop),
        district=composed(document.district),
        segments=tuple(_segment_labels(s) for s in document.segments),
        codings=tuple(
            replace(c, code=unicodedata.normalize("NFC", c.code)) for c in document.codings
        ),
    )


@word_cache
@lru_cache(maxsize=64)  # one list per workshop, asked for every statement of an import
def nfc_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """A name list in composed form (typed on a Mac: "Mu" + U+0308 + "ller" is "Müller").

    Checking thousands of listed authors anew for every statement made a big import
    quadratic; the answer for the same list is kept.
    """
    if all(unicodedata.is_normalized("NFC", name) for name in names):
        return names
    return tuple(unicodedata.normalize("NFC", name) for name in names)
