"""The Sozialraum a file's name or a document's title names ("chat_wiesdorf.txt",
"Begehung Manfort.docx", "# Quartiersworkshop Opladen").

A folder of protocols, a video conference's chat or a QDA program's sources are often
named after their neighbourhood and say it nowhere else; so is a workshop's protocol or
transcript in its title. A name that holds exactly one of the project's Sozialräume as
words (umlauts spelled out or not, any case) is that one's; a name that holds none or two
says nothing. A title counts as a workbook's sheet does: if it is a Sozialraum's name or
names an event (:func:`~workbench.ingest.protocol_title.workshop_in_title`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from workbench.core.domain import ParsedDocument
from workbench.ingest.common import PROTOCOL_IMPORTERS, spelled_out
from workbench.ingest.protocol_title import workshop_in_title


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
    found = districts_in_words(Path(filename).stem, districts)
    return found[0] if len(found) == 1 else None


def districts_in_words(text: str, districts: Iterable[str]) -> list[str]:
    """The ones of ``districts`` that ``text`` names as words, in their order; a district
    inside another's name ("Opladen" in "Opladen-Nord") only where it stands alone.

    >>> districts_in_words("Forum Steinbuechel und Manfort", ["Manfort", "Steinbüchel", "Opladen"])
    ['Manfort', 'Steinbüchel']
    >>> districts_in_words("Workshop Opladen-Nord", ["Opladen", "Opladen-Nord"])
    ['Opladen-Nord']
    """
    words, found = f" {_words(text)} ", set()
    districts = list(dict.fromkeys(districts))
    for district in sorted(districts, key=lambda d: -len(_words(d))):  # the longest first
        named = re.compile(rf"(?<= ){re.escape(_words(district))}(?= )")
        if _words(district) and named.search(words):
            found.add(district)
            words = named.sub("|", words)
    return [d for d in districts if d in found]


def district_as_words(text: str, districts: Iterable[str]) -> str | None:
    """The one of ``districts`` that ``text`` is, word for word ("steinbuechel").

    >>> district_as_words("steinbuechel", ["Steinbüchel", "Manfort"])
    'Steinbüchel'
    """
    return next((d for d in districts if _words(d) and _words(d) == _words(text)), None)


def districts_in_title(document: ParsedDocument, districts: Iterable[str]) -> list[str]:
    """The ones of ``districts`` a protocol's or transcript's title names, if the title
    names the workshop (a Sozialraum's name, or an event as its workshop would be named).

    >>> def doc(title):
    ...     return ParsedDocument("p.md", "", "markdown", (), title=title)
    >>> districts_in_title(doc("Quartiersworkshop Steinbuechel"), ["Steinbüchel", "Manfort"])
    ['Steinbüchel']
    >>> districts_in_title(doc("Opladen und Manfort: Notizen"), ["Manfort", "Opladen"])
    []
    """
    by_title = document.importer in PROTOCOL_IMPORTERS or document.options.get("named_by_title")
    if not (document.title and by_title):
        return []
    districts = list(districts)
    event = workshop_in_title(document.title)
    if event is None:  # "# Manfort": only a Sozialraum's name
        found = district_as_words(document.title, districts)
        return [found] if found else []
    return districts_in_words(event, districts)


def district_in_title(document: ParsedDocument, districts: Iterable[str]) -> str | None:
    """The one of ``districts`` a document's title names (:func:`districts_in_title`), if
    it names exactly one."""
    found = districts_in_title(document, districts)
    return found[0] if len(found) == 1 else None
