"""Text positions in REFI-QDA files: UTF-16 code units outside, code points inside.

NVivo, MAXQDA and ATLAS.ti count ``startPosition``/``endPosition`` in UTF-16 code units
(the string unit of .NET and macOS); Python tools such as QualCoder count code points,
as the workbench does. The two differ after every character outside the Basic
Multilingual Plane (most emoji count two UTF-16 units). Export writes UTF-16; import
reads each file in the convention it was written in (see :func:`detect` and
docs/decisions/006-refi-qda-positionen.md), also a file counting UTF-8 bytes
(:func:`byte_reading`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate

UTF16 = "UTF-16-Codeeinheiten"
CODE_POINTS = "Unicode-Zeichen"
UTF8 = "UTF-8-Bytes"  # not the standard's; a tool that counts bytes (see byte_reading)
# Said in the origin of a workbench export for QualCoder (positions in code points).
FOR_QUALCODER = "für QualCoder (Positionen in Unicode-Zeichen)"
# Programs by how they count, matched in the project's origin attribute (lower case);
# the first that matches counts.
_PROGRAMS = {
    FOR_QUALCODER.casefold(): CODE_POINTS,
    "nvivo": UTF16,
    "maxqda": UTF16,
    "atlas.ti": UTF16,
    "sozialraum-werkbank": UTF16,
    "qualcoder": CODE_POINTS,
}
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# A Windows line break; QualCoder's "MAXQDA line endings", saved on Windows, are "\r\r\n".
_LINE_BREAK = re.compile("\r+\n")


def _utf8_width(code: int) -> int:
    return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4


class Utf16Map:
    """Code point ↔ UTF-16 code unit offsets of one text.

    >>> m = Utf16Map("a😀b")
    >>> m.to_utf16(2), m.from_utf16(3), m.from_utf16(2), m.length16
    (3, 2, None, 4)
    """

    def __init__(self, text: str):
        self.length = len(text)
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]  # code point indices
        self.length16 = self.length + len(self.astral)
        # UTF-16 offset right after each astral character.
        self._ends16 = [a + k + 2 for k, a in enumerate(self.astral)]
        self._text = text
        self._starts8: list[int] | None = None  # UTF-8 offset of each character, built once

    @property
    def length8(self) -> int:
        """The text's length in UTF-8 bytes."""
        return self._utf8_starts()[-1]

    def _utf8_starts(self) -> list[int]:
        if self._starts8 is None:
            self._starts8 = [0, *accumulate(map(_utf8_width, map(ord, self._text)))]
        return self._starts8

    def from_utf8(self, byte: int) -> int | None:
        """The code point offset of UTF-8 offset ``byte``; None inside a character or
        outside the text.

        >>> Utf16Map("Grüße").from_utf8(4), Utf16Map("Grüße").from_utf8(3)
        (3, None)
        """
        starts = self._utf8_starts()
        index = bisect_left(starts, byte)
        return index if index < len(starts) and starts[index] == byte else None

    def to_utf16(self, pos: int) -> int:
        """The UTF-16 offset of code point offset ``pos``."""
        return pos + bisect_left(self.astral, pos) if self.astral else pos

    def from_utf16(self, unit: int) -> int | None:
        """The code point offset of UTF-16 offset ``unit``; None inside a surrogate pair."""
        if not self.astral:
            return unit
        before = bisect_right(self._ends16, unit)  # astral characters wholly before
        if before < len(self.astral) and unit == self.astral[before] + before + 1:
            return None
        return unit - before


def at_word_boundary(text: str, pos: int) -> bool:
    """Whether ``pos`` lies between words (not between two letters or digits).

    >>> at_word_boundary("Wir 😀 lieben", 6), at_word_boundary("Wir 😀 lieben", 7)
    (True, False)
    """
    if pos <= 0 or pos >= len(text):
        return True
    return not (text[pos - 1].isalnum() and text[pos].isalnum())


def program_convention(origin: str) -> str | None:
    """How the program named in ``origin`` counts, if known.

    >>> program_convention("MAXQDA 2022 (Release 22.7.0)"), program_convention("QualCoder 3.5")
    ('UTF-16-Codeeinheiten', 'Unicode-Zeichen')
    >>> program_convention(f"Sozialraum-Werkbank 1.0 {FOR_QUALCODER}")
    'Unicode-Zeichen'
    """
    lowered = origin.casefold()
    return next((unit for name, unit in _PROGRAMS.items() if name in lowered), None)


@dataclass(frozen=True)
class Reading:
    """How one file's positions are read, and what to tell the user about it."""

    unit: str = UTF16
    notice: str | None = None
    mixed: bool = False  # each selection in the counting that puts it on word boundaries
    other: list[str] = field(default_factory=list)  # sources read so for some selection

    def to_code_points(self, mapping: Utf16Map, pos: int) -> int | None:
        """A position of the file as a code point offset (None: not a valid position)."""
        if self.unit == CODE_POINTS:
            return pos
        if self.unit == UTF8:
            return mapping.from_utf8(pos)
        return mapping.from_utf16(pos) if 0 <= pos <= mapping.length16 else pos

    def span(
        self, name: str, text: str, mapping: Utf16Map, start: int, end: int
    ) -> tuple[int | None, int | None]:
        """A selection's positions as code point offsets; in a mixed file in the other
        counting if only that puts both ends on word boundaries."""
        first = (self.to_code_points(mapping, start), self.to_code_points(mapping, end))
        if not self.mixed or _fits(text, *first):
            return first
        unit = CODE_POINTS if self.unit == UTF16 else UTF16
        second = replace(self, unit=unit, mixed=False)
        other = (second.to_code_points(mapping, start), second.to_code_points(mapping, end))
        if not _fits(text, *other):
            return first
        self.other.extend([name] if name not in self.other else [])
        return other

    def mixed_notice(self) -> str | None:
        """What a mixed file made the import do (None: nothing)."""
        if not self.other:
            return None
        unit = CODE_POINTS if self.unit == UTF16 else UTF16
        return (
            f"Textpositionen in {_names(self.other)}: die Datei mischt beide Zählweisen (ein "
            "Export der Werkbank ohne --qualcoder, in QualCoder weiterkodiert: dort gesetzte "
            f"Textstellen zählen in Unicode-Zeichen). Gelesen als {self.unit}, Textstellen, die "
            f"nur in {unit} an Wortgrenzen liegen, in {unit}. Bitte Kodierungen hinter Emojis "
            "prüfen; für QualCoder künftig mit `workbench export --format qdpx --qualcoder`."
        )


def _fits(text: str, start: int | None, end: int | None) -> bool:
    if start is None or end is None or not 0 <= start <= end <= len(text):
        return False
    return at_word_boundary(text, start) and at_word_boundary(text, end)


def per_selection(reading: Reading, origin: str, ours: bool) -> Reading:
    """``reading`` for a file QualCoder wrote from one of ours (``Werkbank-Aussage``
    selections): a selection of our UTF-16 export kept its numbers there, one set in
    QualCoder counts code points, so each is read in the counting that fits it."""
    qualcoder = FOR_QUALCODER.casefold() not in origin.casefold()
    if ours and qualcoder and program_convention(origin) == CODE_POINTS:
        return replace(reading, mixed=True)
    return reading


def _names(names: Sequence[str]) -> str:
    shown = ", ".join(names[:3])  # labels (qdxml.source_label), not names
    return shown + (f" und {len(names) - 3} weiteren" if len(names) > 3 else "")


def detect(origin: str, sources: Sequence[tuple[str, str, Sequence[tuple[int, int]]]]) -> Reading:
    """How a file counts positions, from its selections and its origin program.

    ``sources`` are ``(name, text, [(start, end), …])`` as the file gives them. Only
    positions behind an astral character tell the conventions apart; for those:

    1. a convention under which a position would lie outside the text or inside a
       surrogate pair is ruled out;
    2. otherwise the convention that puts more of them on word boundaries wins;
    3. otherwise the origin program's convention; failing that UTF-16 (the practice of
       the programs that write REFI-QDA), with a notice.

    A notice also says when the file's evidence overrules its origin program.
    """
    by_origin = program_convention(origin)
    differing = hits16 = hits_cp = 0
    valid16 = valid_cp = True
    affected: list[str] = []
    for name, text, spans in sources:
        mapping = Utf16Map(text)
        if not mapping.astral:
            continue
        touched = False
        for pos in (p for span in spans for p in span):
            as16 = mapping.from_utf16(pos) if 0 <= pos <= mapping.length16 else None
            if as16 == pos:
                continue  # before the first astral character: the same either way
            differing += 1
            touched = True
            valid16 &= as16 is not None
            valid_cp &= 0 <= pos <= len(text)
            hits16 += as16 is not None and at_word_boundary(text, as16)
            hits_cp += 0 <= pos <= len(text) and at_word_boundary(text, pos)
        if touched:
            affected.append(name)
    if not differing:
        return Reading(by_origin or UTF16)
    if valid16 != valid_cp:
        unit = UTF16 if valid16 else CODE_POINTS
        why = "nur so liegen alle Textstellen im Text"
    elif hits16 != hits_cp:
        unit = UTF16 if hits16 > hits_cp else CODE_POINTS
        why = "so beginnen und enden mehr Textstellen an Wortgrenzen"
    elif by_origin is not None:
        return Reading(by_origin)
    else:
        program = f"Programm „{origin}“ unbekannt" if origin else "kein Ursprungsprogramm angegeben"
        return Reading(
            UTF16,
            f"Textpositionen in {_names(affected)}: nicht erkennbar, ob sie in "
            f"UTF-16-Codeeinheiten (NVivo, MAXQDA, ATLAS.ti) oder in Unicode-Zeichen (z. B. "
            f"QualCoder) zählen ({program}); gelesen als UTF-16, wie im REFI-QDA-Austausch "
            "üblich. Bitte Kodierungen hinter Emojis prüfen.",
        )
    notice = None
    if by_origin is not None and by_origin != unit:
        notice = (
            f"Textpositionen in {_names(affected)} als {unit} gelesen, obwohl „{origin}“ "
            f"sonst in {by_origin} zählt: {why}."
        )
    return Reading(unit, notice)


def byte_reading(
    reading: Reading, sources: Sequence[tuple[str, str, Sequence[tuple[int, int]]]]
) -> Reading:
    """``reading``, or UTF-8 bytes if the file's selections count those (a tool that
    writes the standard's positions as bytes of the text file): only when every position
    the two readings place differently (behind an umlaut) is a character boundary in the
    text and lies between words as bytes, and read as ``reading`` lies outside the text
    or, for at least half of them or at least two, inside a word (short words and
    punctuation put a shifted position between words by chance: 6 of 11 in a fuzzed
    f4analyse file, whose codings then slid off their words)."""
    if reading.mixed:
        return reading
    differing = hits = 0
    valid = True
    affected: list[str] = []
    for name, text, spans in sources:
        if text.isascii():
            continue
        mapping = Utf16Map(text)
        touched = False
        for pos in (p for span in spans for p in span):
            as8, read = mapping.from_utf8(pos), reading.to_code_points(mapping, pos)
            if as8 == read:
                continue
            if as8 is None or not at_word_boundary(text, as8):
                return reading  # bytes would cut a character or a word: not counted so
            differing += 1
            touched = True
            inside = read is not None and 0 <= read <= len(text)
            valid &= inside
            hits += inside and at_word_boundary(text, read)
        affected += [name] if touched else []
    inside_words = differing - hits
    if not differing or (valid and hits * 2 > differing and inside_words < 2):
        return reading
    why = "liegen alle Textstellen im Text" if not valid else "beginnen und enden sie an Wörtern"
    return Reading(
        UTF8,
        f"Textpositionen in {_names(affected)} als UTF-8-Bytes gelesen, nicht als Zeichen, "
        f"wie der REFI-QDA-Standard sie zählt: nur so {why}. Bitte Kodierungen "
        "stichprobenartig prüfen.",
    )


class CrlfMap:
    """Offsets counted with each Windows line break as one character → offsets in the text
    as written (with ``\\r\\n``, or ``\\r\\r\\n``).

    >>> CrlfMap("ab\\r\\ncd\\r\\ne").to_raw(3), CrlfMap("ab\\r\\ncd\\r\\ne").to_raw(6)
    (4, 8)
    >>> CrlfMap("ab\\r\\r\\ncd\\r\\r\\ne").to_raw(6)
    10
    """

    def __init__(self, text: str):
        # Where each line break stands in the text with one character per break, and how
        # many characters the breaks up to it have more as written.
        self.breaks: list[int] = []
        self.extra: list[int] = []
        shift = 0
        for match in _LINE_BREAK.finditer(text):
            self.breaks.append(match.start() - shift)
            shift += len(match.group()) - 1
            self.extra.append(shift)

    def to_raw(self, pos: int) -> int:
        """The offset in the written text of offset ``pos`` counted one per line break."""
        before = bisect_left(self.breaks, pos)
        return pos + (self.extra[before - 1] if before else 0)


def one_per_break(text: str) -> str:
    """The text with one character per line break, as a file counting so sees it.

    >>> one_per_break("a\\r\\nb\\r\\r\\nc\\nd")
    'a\\nb\\nc\\nd'
    """
    return _LINE_BREAK.sub("\n", text)


def one_per_line_break(
    origin: str, sources: Sequence[tuple[str, str, Sequence[tuple[int, int]]]]
) -> tuple[bool, str | None]:
    """Whether a file counts a Windows line break (``\\r\\n``, also ``\\r\\r\\n``) as one
    character, and the notice saying so.

    The standard does not say; the programs count it as written (two), ATLAS.ti as one
    (its texts are read with one character per break before this). A file is read with
    one per break only if its selections say so, as :func:`detect` decides between UTF-16
    and code points: only so do all of them lie in the text, or so more of them begin and
    end between words. Each way is scored in the counting the whole file is then read in
    (:func:`detect`, then :func:`byte_reading`, on every source): a file in UTF-8 bytes
    counts a break as the two bytes it is, and scored in characters its positions behind
    the breaks left the text either way, so the shorter reading won by chance and the
    import stopped.
    """
    texts = [name for name, text, _ in sources if "\r\n" in text]
    if not texts:
        return False, None
    scores = {}
    for one in (False, True):
        basis = [(n, one_per_break(t) if one else t, s) for n, t, s in sources]
        reading = byte_reading(detect(origin, basis), basis)
        valid, hits = True, 0
        for (_, text, spans), (_, base, _) in zip(sources, basis, strict=True):
            mapping, crlf = Utf16Map(base), CrlfMap(text)
            for pos in (p for span in spans for p in span):
                point = reading.to_code_points(mapping, pos)
                if point is None or not 0 <= point <= len(base):
                    valid = False
                    continue
                hits += at_word_boundary(text, crlf.to_raw(point) if one else point)
        scores[one] = (valid, hits)
    (valid2, hits2), (valid1, hits1) = scores[False], scores[True]
    if valid1 != valid2:
        one, why = valid1, "nur so liegen alle Textstellen im Text"
    elif hits1 != hits2:
        one, why = hits1 > hits2, "so beginnen und enden mehr Textstellen an Wortgrenzen"
    else:
        return False, None
    if not one:
        return False, None
    return True, (
        f"Textpositionen in {_names(texts)}: ein Windows-Zeilenumbruch "
        f"zählt als ein Zeichen, nicht als zwei ({why}); so gelesen. Bitte Kodierungen "
        "stichprobenartig prüfen."
    )
