"""The OOXML escapes of an XLSX cell's text: ``_xHHHH_`` is the character U+HHHH.

Excel writes a character XML cannot hold (ESC, BEL, a line break in some writers) as
``_x001B_`` and a literal ``_x`` text as ``_x005F_x…`` (the underscore escaped), and shows
the character. openpyxl leaves the escapes in the text (a shared string only loses its
``_x005F_``): a cell "Kind_x001B_[31mAnna Schmidt" was imported as those letters, where
the same cell from a CSV file holds the escape sequence, which the import reads as a
space between words (the name rules found "Anna Schmidt" then). The cells are read as
Excel shows them, and the import's rules for control characters apply as to a CSV file.
"""

from __future__ import annotations

import io
import re
import zipfile

from defusedxml import DefusedXmlException, ElementTree

from workbench.core.archives import BROKEN_ZIP, read_member
from workbench.core.typed_text import whole_characters

_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def decoded(text: str) -> str:
    """A cell's text as Excel shows it: each ``_xHHHH_`` the character (``_x005F_`` an
    underscore, so "_x005F_x001B_" stays the text "_x001B_"); half a character (a
    surrogate) U+FFFD, a pair its character.

    >>> decoded("Kind_x001B_[31m"), decoded("a_x000A_b"), decoded("_x005F_x001B_")
    ('Kind\\x1b[31m', 'a\\nb', '_x001B_')
    >>> decoded("_xD83D__xDE00_ ok"), decoded("Zone_x3_ und _x_")
    ('😀 ok', 'Zone_x3_ und _x_')
    """
    if "_x" not in text:
        return text
    return whole_characters(_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text))


def shared_strings(data: bytes, name: str) -> dict[str, str]:
    """Each shared string of an XLSX file with an escape, as openpyxl reads it (its
    ``_x005F_`` left out) → as Excel shows it (:func:`decoded`). Two strings openpyxl reads
    alike but Excel shows differently ("_x005F_x001B_" and "_x001B_") stay as openpyxl
    reads them. Empty if the file has none or cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = next(
                (n for n in archive.namelist() if n.lower().endswith("sharedstrings.xml")), None
            )
            xml = read_member(archive, part, name) if part else b""
            # most workbooks hold no escape: their strings are not parsed a second time
            root = ElementTree.fromstring(xml) if b"_x" in xml else None
    except (KeyError, *BROKEN_ZIP, ElementTree.ParseError, DefusedXmlException):
        return {}
    if root is None:
        return {}
    shown: dict[str, set[str]] = {}
    for item in root.iter(f"{_MAIN}si"):
        plain = item.find(f"{_MAIN}t")
        parts = [plain.text or ""] if plain is not None else []
        parts += [t.text or "" for run in item.findall(f"{_MAIN}r") for t in run.iter(f"{_MAIN}t")]
        text = "".join(parts)
        if "_x" in text:
            shown.setdefault(text.replace("x005F_", ""), set()).add(decoded(text))
    return {read: texts.pop() if len(texts) == 1 else read for read, texts in shown.items()}


def cell_value(value: object, shared: dict[str, str]) -> object:
    """A cell's value as openpyxl read it, its text as Excel shows it: a shared string's
    from ``shared`` (:func:`shared_strings`), any other text :func:`decoded`."""
    if not isinstance(value, str) or "_x" not in value:
        return value
    return shared[value] if value in shared else decoded(value)
