"""Text that people type into the apps and forms, without invisible control characters.

A comment, memo, code name or coder name could hold control characters (U+0000–U+001F
but tab and line break, DEL) and the marks that steer the direction of text (U+200E/F,
the embeddings and overrides U+202A–E, the isolates U+2066–9). They were stored as
typed: an override turns what follows it around in every export and report ("Anna",
U+202E, "Becker" reads "Anna rekceB"; a known trick to make a name or a file name look
like another), the others break XML and spreadsheet exports or hide a name from the
pseudonymisation. Typed text is kept without them; Windows line ends become line feeds.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab (\x09) and line feed (\x0a), DEL, and the bidirectional marks,
# embeddings, overrides and isolates
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("\r\n?")
_BLANKS = re.compile("[\t\n]+")


def typed_text(text: str | None) -> str:
    r"""``text`` as typed, without control characters and direction marks.

    >>> typed_text("Anna \u202eBecker\r\nzweite Zeile\x00")
    'Anna Becker\nzweite Zeile'
    """
    if not text:
        return ""
    return _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", str(text)))


def typed_name(text: str | None) -> str:
    r"""A name as typed (one line): :func:`typed_text`, tabs and line breaks as spaces.

    >>> typed_name("Anna\tBecker\u200f\n")
    'Anna Becker '
    """
    return _BLANKS.sub(" ", typed_text(text))


def compared(text: str) -> str:
    """A text as two versions of a file, a statement or a name are compared: composed,
    spacing and case aside.

    >>> compared("  Mehr   GRU\u0308N ") == compared("mehr grün")
    True
    """
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()
