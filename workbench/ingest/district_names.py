"""The Sozialraum a file's name or a document's title names ("chat_wiesdorf.txt",
"Begehung Manfort.docx", "# Quartiersworkshop Opladen").

A folder of protocols, a video conference's chat or a QDA program's sources are often
named after their neighbourhood and say it nowhere else; so is a workshop's protocol or
transcript in its title. A name that holds exactly one of the project's Sozialräume as
words (umlauts spelled out or not, any case) is that one's; a name that holds none or two
says nothing. A title counts as a workbook's sheet does: if it is a Sozialraum's name or
names an event (:func:`~workbench.ingest.protocol_title.workshop_in_title`) held for the
Sozialraum right after the event's word, not a venue or guests further on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from workbench.core.domain import ParsedDocument
from workbench.ingest.common import PROTOCOL_IMPORTERS
from workbench.ingest.protocol_title import is_event_form, workshop_in_title
from workbench.store.district_spelling import spelled_out

# Words between an event's word and the Sozialraum it is held for ("Forum für Manfort",
# "Workshop im Stadtteil Opladen", "Forum Opladen und Wiesdorf")
_LINKS = {"in", "im", "für", "fuer", "des", "der", "stadtteil", "stadtteils", "quartier"}
_LINKS |= {"quartiers", "sozialraum", "sozialraums", "und", "sowie", "/", "&", "+"}
# What may follow the Sozialraum in a title: a date, a time, a separator ("– Protokoll")
_AFTER = re.compile(r"^(?:[–—|/&+-]|\(|\d|am$|vom$|den$)", re.I)


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


def districts_after_event(event: str, districts: Iterable[str]) -> list[str]:
    """The ones of ``districts`` an event's name is held for: right after its event word
    (or right before it, alone), not a venue or guests further on; without a word of its
    own naming the event, any it names (:func:`districts_in_words`).

    >>> districts_after_event("Stadtteilforum Opladen und Wiesdorf", ["Wiesdorf", "Opladen"])
    ['Wiesdorf', 'Opladen']
    >>> districts_after_event("Stadtteilkonferenz – Gäste aus Opladen", ["Opladen"])
    []
    >>> districts_after_event("Bürgerforum Mitte März", ["Mitte"])
    []
    >>> districts_after_event("Sitzung des Stadtteilforums Manfort", ["Manfort"])
    ['Manfort']
    >>> districts_after_event("Manfort-Forum im Bürgerhaus Opladen", ["Manfort", "Opladen"])
    ['Manfort']
    >>> districts_after_event("Workshop_Opladen-Nord", ["Opladen", "Opladen-Nord"])
    ['Opladen-Nord']
    """
    districts = list(dict.fromkeys(districts))
    tokens = [part for token in event.replace("_", " ").split() for part in _parts(token)]
    at = next((i for i, token in enumerate(tokens) if is_event_form(token)), None)
    if at is None:  # "Workshopergebnisse Manfort": no event's word of its own
        return districts_in_words(event, districts)
    before = district_as_words(" ".join(tokens[:at]), districts)
    if before:  # "Opladen – Quartiersworkshop", "Manfort-Forum im Bürgerhaus Opladen"
        return [before]
    found, i = [], at
    while i < len(tokens):
        if tokens[i].lower() in _LINKS or is_event_form(tokens[i]) or tokens[i].isdigit():
            i += 1
            continue
        match = _district_at(tokens, i, districts)
        if match is None:
            return []  # "Stadtteilworkshop Gesamtstadt im Bürgerhaus Opladen"
        district, i = match
        found.append(district)
        if tokens[i - 1].endswith(":") or (i < len(tokens) and _AFTER.match(tokens[i])):
            break  # "Workshop Manfort: Rückblick auf Opladen", "Forum Manfort 2026"
    return [d for d in districts if d in found]


def _parts(token: str) -> list[str]:
    """A title's word, split at its hyphens if one of its parts names an event
    ("Workshop-Manfort", "Manfort-Forum"; not "Opladen-Nord", "Nord-Süd-Verbindung")."""
    parts = token.split("-")
    return parts if len(parts) > 1 and all(parts) and any(map(is_event_form, parts)) else [token]


def _district_at(tokens: list[str], i: int, districts: list[str]) -> tuple[str, int] | None:
    """The district (the longest) whose name the blank-separated ``tokens`` begin with at
    ``i``, and the index after it; ``None`` if none does."""
    for district in sorted(districts, key=lambda d: -len(d.split())):
        end = i + len(district.split())
        if end <= len(tokens) and _words(" ".join(tokens[i:end])) == _words(district):
            return district, end
    return None


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
    return districts_after_event(event, districts)


def district_in_title(document: ParsedDocument, districts: Iterable[str]) -> str | None:
    """The one of ``districts`` a document's title names (:func:`districts_in_title`), if
    it names exactly one."""
    found = districts_in_title(document, districts)
    return found[0] if len(found) == 1 else None
