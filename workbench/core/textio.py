"""Reading source files: bytes, checksums, encoding detection, delimiter sniffing."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from workbench.core.archives import check_zip_bytes
from workbench.core.domain import InputError


@dataclass(frozen=True)
class RawFile:
    """The bytes of one source file with its display name and checksum."""

    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the file content."""
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class DecodedFile(RawFile):
    """A file read and decoded once: its bytes (the checksum stays theirs) and its
    ``text``, as :func:`decode` read it or repaired after that
    (:mod:`workbench.ingest.mended_text`). Every reader given it reads this text: the
    file is not read or decoded again, and no two readers see different text."""

    text: str = field(repr=False)


Source = str | Path | BinaryIO | RawFile


def read_source(source: Source, name: str | None = None) -> RawFile:
    """Read a path or binary file object into a :class:`RawFile`; a file already read
    (a :class:`RawFile`, also a :class:`DecodedFile`) is taken as it is (named ``name``)."""
    if isinstance(source, RawFile):
        return source if name is None or name == source.name else replace(source, name=name)
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError("Datei nicht gefunden.", file=str(path)) from None
        except IsADirectoryError:
            raise InputError("Ist ein Ordner, keine Datei.", file=str(path)) from None
        raw = RawFile(name or path.name, data)
    else:
        raw = RawFile(name or getattr(source, "name", "<stream>"), source.read())
    check_zip_bytes(raw.data, raw.name)  # a Word, LibreOffice or Excel file that unpacks to GBs
    return raw


def decode(raw: RawFile) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 (with BOM or without), cp1252 or Mac OS
    Roman.

    Latin-1 text decodes as cp1252 (its superset for printable characters). Excel for Mac
    saves "CSV (Macintosh)" in Mac OS Roman with old Mac line endings (CR only): its bytes
    are mostly valid cp1252 too, but read so its umlauts turn into other letters ("Šltere",
    "fŸr"); :func:`legacy_encoding` chooses by which reading gives German text. A text with
    CR line endings only has them as newlines ("\\n"). Bytes that fit none of these stop
    the import with the line of the first bad byte. A :class:`DecodedFile` gives its text.
    """
    if isinstance(raw, DecodedFile):
        return raw.text
    data = raw.data
    if not data.strip():
        raise InputError("Die Datei ist leer.", file=raw.name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _newlines(data.decode("utf-16"))
    if b"\x00" in data and (text := _utf16_without_bom(data)) is not None:
        return _newlines(text)
    if b"\x00" in data:
        raise InputError(
            "Die Datei enthält Nullbytes; sie ist beschädigt oder keine Textdatei.",
            file=raw.name,
            row=_line(data, data.index(b"\x00")),
        )
    try:
        return _newlines(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    encoding = legacy_encoding(data)
    if encoding is None:
        raise _unreadable(raw)
    return _newlines(data.decode(encoding))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM, as some Windows tools write it: nearly every other byte
    zero (Latin letters) shows the byte order; None if the bytes are no such text."""
    head, half = data[:4096], min(len(data), 4096) // 2
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if len(data) % 2 or max(odd, even) < 0.3 * half or min(odd, even) > 0.05 * half:
        return None
    try:
        text = data.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def _unreadable(raw: RawFile) -> InputError:
    """The error for a text no encoding reads: its first byte cp1252 cannot read."""
    try:
        raw.data.decode("cp1252")
        start = 0
    except UnicodeDecodeError as err:
        start = err.start
    return InputError(
        f"Zeichen nicht lesbar (Byte 0x{raw.data[start]:02x}); erwartet wird UTF-8, "
        "Windows-1252/Latin-1 oder Mac OS Roman.",
        file=raw.name,
        row=_line(raw.data, start),
    )


def _newlines(text: str) -> str:
    """A text with old Mac line endings (CR only, no LF at all) with LF instead."""
    return text.replace("\r", "\n") if "\r" in text and "\n" not in text else text


def _line(data: bytes, position: int) -> int:
    """The line (from 1) of a byte: by LF, or by CR in a file without LF."""
    newline = b"\n" if b"\n" in data or b"\r" not in data else b"\r"
    return data[:position].count(newline) + 1


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_GERMAN_VOWELS = frozenset("äöüÄÖÜ")
# Non-ASCII characters common in German text besides its letters (a neutral score).
_NEUTRAL = frozenset("„“”‚‘’–—…€§°©®«»²³µ½¼¾·×•")


def _german_score(text: str) -> tuple[int, int]:
    """How German a text's non-ASCII characters look, and how many umlauts (or ß) it has
    inside words: +2 for an umlaut beside a letter or an ß after one, 0 for another letter
    of Latin-1 (é, ç, Å) or typographic marks („“–…€§°), -1 for anything else (Š, Ÿ, ‰, ƒ,
    √, a control character, an umlaut or ß standing alone)."""
    score = umlauts = 0
    for found in _NON_ASCII.finditer(text):
        i, char = found.start(), found.group()
        before = i > 0 and text[i - 1].isalpha()
        after = i + 1 < len(text) and text[i + 1].isalpha()
        if (char in _GERMAN_VOWELS and (before or after)) or (char == "ß" and before):
            score, umlauts = score + 2, umlauts + 1
        elif char in _NEUTRAL or (char.isalpha() and "\u00c0" <= char <= "\u00ff"):
            continue
        else:
            score -= 1
    return score, umlauts


def legacy_encoding(data: bytes) -> str | None:
    """Which 8-bit encoding a text that is not UTF-8 is in: "cp1252" or "mac_roman".

    Mac OS Roman only when it reads the text as more German than cp1252 does (umlauts and
    ß inside words instead of Š, š, Ÿ, §: see ``_german_score``), so a tie stays cp1252;
    bytes cp1252 cannot read (0x81, 0x8d, 0x8f, 0x90, 0x9d) are Mac OS Roman only if that
    gives German text, else None (not readable).

    >>> legacy_encoding("Grünflächen für Ältere".encode("mac_roman"))
    'mac_roman'
    >>> legacy_encoding("Grünflächen für Ältere, § 3".encode("cp1252"))
    'cp1252'
    """
    mac, mac_umlauts = _german_score(data.decode("mac_roman"))
    try:
        windows = _german_score(data.decode("cp1252"))[0]
    except UnicodeDecodeError:
        return "mac_roman" if mac_umlauts and mac > 0 else None
    return "mac_roman" if mac_umlauts and mac > windows else "cp1252"


_DELIMITERS = (",", ";", "\t")
_QUOTED = re.compile(r'"[^"]*"')  # a quoted field: its delimiters are text


# Excel's hint in a CSV's first line: "sep=;" names the delimiter and is no row; a program
# that saved the file again may have quoted it or filled it up with delimiters ("sep=;;;").
_SEP_HINT = re.compile(r'\A[ \t]*"?sep=([,;\t|])"?[,;\t]*[ \t]*(?:\r\n|\n|\r|\Z)', re.IGNORECASE)


def without_sep_hint(text: str) -> tuple[str, str | None]:
    """A CSV text without Excel's first line "sep=;" and the delimiter it names (the text
    as it is and ``None`` without one). Every CSV reader of the workbench reads through it.

    >>> without_sep_hint("sep=;\\r\\nText;Sozialraum\\r\\n")
    ('Text;Sozialraum\\r\\n', ';')
    >>> without_sep_hint("Text,Sozialraum\\n")
    ('Text,Sozialraum\\n', None)
    """
    hint = _SEP_HINT.match(text)
    return (text[hint.end() :], hint.group(1)) if hint else (text, None)


def sniff_delimiter(text: str) -> str:
    """Guess the delimiter of a CSV text among comma, semicolon and tab (Excel's first line
    "sep=;" names it: :func:`without_sep_hint`).

    The header line decides (it rarely holds quoted delimiters); a title above it without
    any delimiter ("Stand: 31.12.2022") is passed over, and so is one whose delimiter the
    line under it does not have outside quotes while it has another ("Bevölkerung, Stand
    2022" over semicolons); on a tie the standard library's sniffer looks at a larger
    sample.

    >>> sniff_delimiter("Stand: 31.12.2022\\n\\nSozialraum;Quote;Anteil\\nManfort;10,4;9,1\\n")
    ';'
    >>> sniff_delimiter("Bevölkerung, Stand 2022\\nSozialraum;Quote;Anteil\\nManfort;10,4;9,1\\n")
    ';'
    """
    text, hint = without_sep_hint(text)
    if hint is not None:
        return hint
    lines = [line for line in text.split("\n", 11)[:11] if line.strip()]
    header = lines[0] if lines else ""
    for at, line in enumerate(lines):
        if not any(d in line for d in _DELIMITERS):
            continue  # "Stand: 31.12.2022"
        best = max(_DELIMITERS, key=line.count)
        below = _QUOTED.sub("", lines[at + 1]) if at + 1 < len(lines) else best
        if best not in below and any(d in below for d in _DELIMITERS):
            continue  # "Bevölkerung nach Stadtteilen, Stand 31.12.2022" over semicolons
        header = line
        break
    counts = sorted(((header.count(d), d) for d in _DELIMITERS), reverse=True)
    if counts[0][0] > counts[1][0]:
        return counts[0][1]
    try:
        return csv.Sniffer().sniff(text[:20000], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def is_tab_table(text: str, sample: int = 200) -> bool:
    """Whether a text is a tab-separated table (Excel's "Unicode-Text" saved as ``.txt``):
    two records or more (of the first ``sample``), all with the same number (two or more)
    of fields; a quoted field may span lines.

    >>> is_tab_table("Nr\\tText\\n1\\tMehr Bänke\\n"), is_tab_table("# Protokoll\\nText\\n")
    (True, False)
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", strict=True)
    widths = set()
    try:
        for number, fields in enumerate(reader):
            if number >= sample:
                break
            if any(f.strip() for f in fields):
                widths.add(len(fields))
    except csv.Error:
        return False
    return len(widths) == 1 and min(widths) >= 2 and reader.line_num >= 2
