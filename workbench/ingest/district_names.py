"""The Sozialraum a file's name names ("chat_wiesdorf.txt", "Begehung Manfort.docx").

A folder of protocols, a video conference's chat or a QDA program's sources are often
named after their neighbourhood and say it nowhere else. A name that holds exactly one of
the project's Sozialräume as words (umlauts spelled out or not, any case) is that one's;
a name that holds none or two says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from workbench.ingest.common import spelled_out


def _words(name: str) -> str:
    """A name's words, lower case, umlauts spelled out, one blank between them."""
    return " ".join(re.findall(r"[^\W\d_]+", spelled_out(name)))


def district_in_name(filename: str, districts: Iterable[str]) -> str | None:
    """The one of ``districts`` that ``filename`` names as words, if it names exactly one.

    >>> district_in_name("Protokoll Steinbuechel.docx", ["Steinbüchel", "Manfort"])
    'Steinbüchel'
    >>> district_in_name("Manfort und Opladen.txt", ["Manfort", "Opladen"]) is None
    True
    """
    words = f" {_words(Path(filename).stem)} "
    found = {d for d in districts if _words(d) and f" {_words(d)} " in words}
    return found.pop() if len(found) == 1 else None
