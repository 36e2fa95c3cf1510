"""A text file whose text was read with the wrong encoding before it came into the file
("JÃ¼rgen SchrÃ¶der: …"), repaired line by line before it is parsed.

Whether a text file is a transcript, a chat or a protocol, and who speaks, is decided on
its text: a speaker's name read wrongly ("JÃ¼rgen SchrÃ¶der:") is not like a person's
name, and the file was a protocol. So a plain text, Markdown, subtitle or RTF file — and
the chat text inside a WhatsApp archive, and the text of noScribe's web page — is
repaired (:func:`workbench.ingest.mojibake.repaired_text`) before any importer reads it;
every line stays where it was (row numbers in messages are the file's), and the document
keeps the file's digest (decision 027). The file is read and decoded once
(:func:`text_file`): every check of what it is and its importer read that one text. Files
whose texts come out of a container (Word, LibreOffice, PDF, workbooks, JSON, Telegram's
HTML) and tables (CSV: delimiters and quotes do not depend on names, the column names
stay as written for ``--text-column``) are repaired text by text after parsing
(:func:`workbench.ingest.mojibake.repaired_document`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from workbench.core.domain import InputError, ParsedDocument, ParsedSegment
from workbench.core.textio import DecodedFile, RawFile, decode
from workbench.ingest.mojibake import REPAIRED, repaired_text

# Text files read as text (their importer decides on the text): repaired before parsing
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".vtt", ".srt", ".sbv"})
_EDGES = " \t\r:;,.!?()[]*_-"  # around a repaired piece: "JÃ¼rgen:" is "Jürgen" in a label


@dataclass(frozen=True)
class MendedText:
    """A text file repaired before parsing: ``raw`` as read, ``text`` its repaired text,
    ``lines`` the numbers (from 1) of the lines repaired and ``pieces`` the words the
    repair changed (to count statements by)."""

    raw: RawFile
    text: str
    lines: frozenset[int]
    pieces: frozenset[str]

    def counted(self, document: ParsedDocument) -> ParsedDocument:
        """``document`` as its importer read the repaired text, with the file's digest and
        how many of its statements (and title, workshop, district) hold repaired text."""
        fields = (document.title, document.workshop, document.district)
        count = self._statements(document.segments)
        count += sum(f is not None and self._in(f) for f in fields)
        count = max(count, 1)  # a line of the head before any statement: one text
        options = {**document.options, REPAIRED: count}
        return replace(document, sha256=self.raw.sha256, options=options)

    def _in(self, text: str) -> bool:
        """Whether ``text`` holds a piece the repair changed."""
        return any(piece in text for piece in self.pieces)

    def _statements(self, segments: tuple[ParsedSegment, ...]) -> int:
        """How many statements hold a repaired line: by the lines each begins at (up to
        the next one's), else (an importer without line numbers) by the words repaired."""
        rows = [s.row or 0 for s in segments]
        if not all(rows) or rows != sorted(rows):
            return sum(self._holds(s) for s in segments)
        ends = [*rows[1:], max(self.lines) + 1]
        spans = zip(rows, ends, strict=True)
        return sum(any(start <= n < end for n in self.lines) for start, end in spans)

    def _holds(self, segment: ParsedSegment) -> bool:
        """Whether a statement's text, labels or column values hold repaired text."""
        values: list[Any] = [segment.text, segment.question, segment.speaker_role]
        values += [segment.workshop, segment.district, *segment.attributes.values()]
        return any(isinstance(v, str) and self._in(v) for v in values)


@dataclass(frozen=True)
class TextFile:
    """A text file read once and decoded once: ``written`` its bytes with the text as
    decoded (a plain :class:`RawFile` if no encoding reads it: its importer says why),
    ``read`` what every check and importer reads — the text with the lines read with the
    wrong encoding repaired, with the file's bytes and digest — and ``mended`` what the
    repair changed (None: nothing)."""

    written: RawFile
    read: RawFile
    mended: MendedText | None

    @property
    def text(self) -> str | None:
        """The text importers read (repaired); None if the file cannot be decoded."""
        return self.read.text if isinstance(self.read, DecodedFile) else None

    def counted(self, document: ParsedDocument) -> ParsedDocument:
        """``document`` with how many of its texts were repaired (see
        :meth:`MendedText.counted`), or as it is."""
        return document if self.mended is None else self.mended.counted(document)


def text_file(raw: RawFile) -> TextFile:
    """``raw`` decoded once, and its lines read with the wrong encoding repaired
    (:func:`mended_lines`).

    >>> read = text_file(RawFile("t.txt", "JÃ¼rgen: Hallo".encode()))
    >>> read.text, read.written.text, read.read.sha256 == read.written.sha256
    ('Jürgen: Hallo', 'JÃ¼rgen: Hallo', True)
    """
    try:
        text = decode(raw)
    except InputError:
        return TextFile(raw, raw, None)
    written = DecodedFile(raw.name, raw.data, text)
    mended = mended_lines(written, text)
    read = written if mended is None else DecodedFile(raw.name, raw.data, mended.text)
    return TextFile(written, read, mended)


def mended_lines(raw: RawFile, text: str) -> MendedText | None:
    """``text`` (``raw`` decoded, or the plain text of a web page) with its lines read with
    the wrong encoding repaired; None if none is.

    >>> found = mended_lines(RawFile("t.txt", b""), "JÃ¼rgen: Hallo\\nAnna: Ja")
    >>> found.text, sorted(found.pieces), sorted(found.lines)
    ('Jürgen: Hallo\\nAnna: Ja', ['Jürgen'], [1])
    >>> mended_lines(RawFile("t.txt", b""), "Jürgen: Hallo") is None
    True
    """
    lines = text.split("\n")
    mended = [repaired_text(line, c1=False) for line in lines]  # labels: C1 to their rules
    if mended == lines:
        return None
    pieces: set[str] = set()
    changed = frozenset(n for n, (a, b) in enumerate(zip(mended, lines, strict=True), 1) if a != b)
    for new, old in zip(mended, lines, strict=True):
        before = set(old.split())
        pieces.update(p.strip(_EDGES) for p in new.split() if p not in before)
    pieces.discard("")
    return MendedText(raw, "\n".join(mended), changed, frozenset(pieces))
