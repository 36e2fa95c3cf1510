"""The errors a user meets as one German message (exit code 2), not a traceback; light to
import: the ``workbench`` command catches them before it loads any stage."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# what ends a line for a terminal or str.splitlines(): shown as ⏎ inside one message line
_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


class WorkbenchError(Exception):
    """An expected error: shown to the user as one clear message, never as a traceback."""


class InputError(WorkbenchError):
    """Bad input that stops an import; names the file and, where known, the row."""

    def __init__(
        self, message: str, file: str | None = None, row: int | None = None, unit: str = "Zeile"
    ):
        self.message = message
        self.file = file
        self.row = row
        self.unit = unit
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(f"Datei {control_shown(self.file)}")
        if self.row is not None:
            where.append(f"{self.unit} {self.row}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class ListedError(InputError):
    """Bad input about several items, one line each (e.g. several files of one import)."""

    def __init__(self, items: Sequence[str]):
        self.items = list(items)
        super().__init__("\n".join(self.items))


def one_line(text: str) -> str:
    """Text as one line of a message: each line break shown as ⏎ (a value with line
    breaks, e.g. a file or district name, never makes an error look like several).

    >>> one_line("Nord\\nFehler: Süd\\r\\n")
    'Nord⏎Fehler: Süd⏎'
    """
    return _LINE_BREAK.sub("⏎", text)


def message_lines(err: BaseException) -> list[str]:
    """The lines of an error as the command line shows it: one, or one per listed item,
    each with its control characters shown (a file name's ESC never reaches the terminal)."""
    items = err.items if isinstance(err, ListedError) else [str(err)]
    return [control_shown(item) for item in items]


def control_shown(text: str) -> str:
    """``text`` for a message: a line break as ⏎, another control character as � (a file
    name with ESC or a tab never steers the terminal or hides part of itself), also a mark
    that turns the rest of the line around (U+202E; embeddings and isolates).

    >>> control_shown("a\\nb\\x1bc"), control_shown("Anna \\u202eBecker")
    ('a⏎b�c', 'Anna �Becker')
    """
    return "".join(
        "�" if unicodedata.category(c) in _CONTROL or c in _TURNING else c for c in one_line(text)
    )


def shown_lines(text: str) -> str:
    """``text`` for a terminal: its own line ends (``\\n``) and carriage returns (a progress
    bar redraws its line with ``\\r``) kept, every other control
    character shown as in :func:`control_shown` (what the ``workbench`` command writes to
    stderr: an ESC of a sheet name or column header never steers the terminal).

    >>> shown_lines("Fehler: a\\x1b[2Jb\\nHinweis: c\\td\\n")
    'Fehler: a�[2Jb\\nHinweis: c�d\\n'
    """
    return "\n".join(
        "\r".join(control_shown(part) for part in line.split("\r")) for line in text.split("\n")
    )


def shown_listing(text: str) -> str:
    """``text`` for a line of a listing on stdout: its own line ends (``\\n``, a memo of
    several lines) kept, every other control character shown as in :func:`control_shown` —
    also a carriage return, which in a stored name would draw the rest of the line over its
    start (on stderr a progress bar needs it: :func:`shown_lines`).

    >>> shown_listing("Ti\\rtel\\nZeile 2\\x1b[2J")
    'Ti⏎tel\\nZeile 2�[2J'
    """
    return "\n".join(control_shown(line) for line in text.split("\n"))


def has_control(text: str) -> bool:
    """Whether ``text`` holds a line break (of any kind), a tab or another control character,
    or a mark that turns the rest around (U+202E: "bericht", U+202E, "xcod.html" reads
    "berichtlmth.docx"; embeddings and isolates): a file or folder is not named so. The
    marks U+200E/U+200F that only order neutral characters stay, as right-to-left names.

    >>> has_control("Bericht 2021.html"), has_control("Bericht\\u20282021.html")
    (False, True)
    >>> has_control("bericht\\u202excod.html"), has_control("تقرير\\u200f 2021.csv")
    (True, False)
    """
    return any(unicodedata.category(c) in _CONTROL or c in _TURNING for c in text)


# control characters (C0, DEL, C1: line feed, tab, escape, …), line and paragraph separators
_CONTROL = frozenset({"Cc", "Zl", "Zp"})
# the embeddings, overrides and isolates: in a terminal that orders text by direction they
# turn what follows around ("Anna", U+202E, "Becker" reads "Anna rekceB"); stored names are
# without them (typed_text.NOT_IN_LABEL), a name an older version left is shown with �
_TURNING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
