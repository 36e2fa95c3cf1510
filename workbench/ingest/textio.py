"""Reading source files: bytes, checksums, encoding detection, delimiter sniffing."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from workbench.core.domain import InputError

Source = str | Path | BinaryIO


@dataclass(frozen=True)
class RawFile:
    """The bytes of one source file with its display name and checksum."""

    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        """Hex SHA-256 of the file content."""
        return hashlib.sha256(self.data).hexdigest()


def read_source(source: Source, name: str | None = None) -> RawFile:
    """Read a path or binary file object into a :class:`RawFile`."""
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError("Datei nicht gefunden.", file=str(path)) from None
        except IsADirectoryError:
            raise InputError("Ist ein Ordner, keine Datei.", file=str(path)) from None
        return RawFile(name or path.name, data)
    data = source.read()
    return RawFile(name or getattr(source, "name", "<stream>"), data)


def decode(raw: RawFile) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252.

    Latin-1 text decodes as cp1252 (its superset for printable characters). Bytes that
    fit none of these stop the import with the line of the first bad byte.
    """
    data = raw.data
    if not data.strip():
        raise InputError("Die Datei ist leer.", file=raw.name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise InputError(
            "Die Datei enthält Nullbytes; sie ist beschädigt oder keine Textdatei.",
            file=raw.name,
            row=data[: data.index(b"\x00")].count(b"\n") + 1,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            f"Zeichen nicht lesbar (Byte 0x{data[err.start]:02x}); erwartet wird UTF-8 "
            "oder Windows-1252/Latin-1.",
            file=raw.name,
            row=line,
        ) from None


def sniff_delimiter(text: str) -> str:
    """Guess the delimiter of a CSV text among comma, semicolon and tab.

    The header line decides (it rarely holds quoted delimiters); on a tie the
    standard library's sniffer looks at a larger sample.
    """
    header = text.split("\n", 1)[0]
    counts = sorted(((header.count(d), d) for d in (",", ";", "\t")), reverse=True)
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
