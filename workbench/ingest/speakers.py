"""Speakers of chats and transcripts: display names are people, roles come from a file.

Every display name goes onto the document's name list, so the writer replaces the
name and its parts by a stable ``[Person N]`` in the text and in the ``speaker``
attribute. A display name "Nachname, Vorname" (Teams, Outlook) is read as "Vorname
Nachname": its key is the surname, and "Schmidt, Anna" and "Anna Schmidt" are one person.
A display name that is a phone number (a dial-in, "+49 2171 1234567") stays as it is:
the writer replaces it as a phone number (``[Telefon]``) wherever it occurs, in the
text and in the ``speaker`` attribute. A display name's qualifiers — parentheses,
brackets and what follows a ``|`` ("Anna Schmidt (sie/ihr)", "Ben | Quartiersbüro", "Eva
(Host)") — are dropped: they may be pronouns, roles or organisations whose every mention
would otherwise turn into a person placeholder. A guest named by an e-mail address is
its user name ("anna.schmidt@gmx.de" is "anna.schmidt"): the writer would replace the
address by ``[E-Mail]`` and every such guest would be one speaker. A guest named after
a phone or tablet is its owner ("iPhone von Anna", "Anna's iPad" are "Anna"). Roles are
read from a CSV file ``speaker,role`` that holds names and is therefore never stored; only
the roles themselves are kept.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from workbench.core.domain import InputError
from workbench.core.textio import (
    RawFile,
    decode,
    read_source,
    sniff_delimiter,
    without_sep_hint,
)
from workbench.ingest.direction_marks import unmarked
from workbench.ingest.mojibake import repaired_roles, repaired_text
from workbench.ingest.speaker_labels import DEVICE, is_device, is_role

_QUALIFIER = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\]|（[^（）]*）)")
_NAME_WORD = r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*"
_PARTICLE = r"(?:von|van|vom|zu|zur|de|der|den|di|da|del|della|dos|du|la|le|el|al|ter|ten)"
# "Przybylski-Ötztürk, Jolanta", "von der Heide, Anna-Lena", "Schmidt, Dr. Anna"
_SURNAME_FIRST = re.compile(
    rf"(?P<last>(?:{_PARTICLE}\s+)*(?P<surname>{_NAME_WORD}))\s*,\s*"
    rf"(?P<first>(?:(?:Dr|Prof)\.\s?)*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
)
_EMAIL = re.compile(r"(?P<user>[^\W_][\w.-]*?)(?:\+[\w.-]*)?@[\w-]+(?:\.[\w-]+)+")
# A guest who joins from a phone or tablet without an account is named after the device
# and its owner: "iPhone von Anna" (German), "Anna's iPhone", "iPad de María".
_OWNED_DEVICE = re.compile(
    rf"{DEVICE}(?:\s+\(\d+\))?\s+(?:von|de|di|van|of)\s+(?P<owner>.+)"
    rf"|(?P<possessor>.+?)(?:['’]s|['’])\s+{DEVICE}(?:\s+\(\d+\))?"
)
_HEADER_SPEAKER = {"speaker", "sprecher", "sprecherin", "name", "person", "teilnehmende"}
_HEADER_ROLE = {"role", "rolle", "funktion"}


def person_name(display: str) -> str:
    """The person part of a display name, with qualifiers and extra blanks removed.

    >>> person_name("Enrico Del Fante (tbenr)")
    'Enrico Del Fante'
    >>> person_name("Edgar | ethrex")
    'Edgar'
    >>> person_name("  Anna   Schmidt ")
    'Anna Schmidt'
    >>> person_name("anna.schmidt@gmx.de (Gast)")
    'anna.schmidt'
    >>> person_name("Przybylski-Ötztürk, Jolanta (Stadt Leverkusen)")
    'Jolanta Przybylski-Ötztürk'
    >>> person_name("iPhone von Anna"), person_name("Ben Berg’s iPad")
    ('Anna', 'Ben Berg')
    """
    text = _QUALIFIER.sub(" ", display)
    parts = [p.strip() for p in text.split("|")]
    person = next((p for p in parts if p), "")
    address = _EMAIL.fullmatch(person)
    if address:  # a guest named by e-mail address: its user name, one person each
        person = address["user"]
    person = " ".join(person.split()).strip(" :,;-–")
    device = _OWNED_DEVICE.fullmatch(person)
    if device:  # "iPhone von Anna": Anna, and "iPhone" stays a word of the texts
        person = device["owner"] or device["possessor"]
    return natural_order(_uncapitalised(person)) or " ".join(display.split())


def _uncapitalised(name: str) -> str:
    """A name written in capitals ("ANNA SCHMIDT", a subtitle's speaker) in its usual case.

    >>> _uncapitalised("ANNA VON DER HEIDE-MÜLLER"), _uncapitalised("Anna ABC")
    ('Anna von der Heide-Müller', 'Anna ABC')
    """
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < 3 or not all(ch.isupper() for ch in letters):
        return name
    words = []
    for word in name.split(" "):
        lower = word.lower()
        particle = re.fullmatch(_PARTICLE, lower) and words
        words.append(lower if particle else "-".join(p.capitalize() for p in lower.split("-")))
    return " ".join(words)


def natural_order(name: str) -> str:
    """A name written "Nachname, Vorname" (Teams, Outlook, a name list) as "Vorname
    Nachname"; any other name unchanged.

    Only for display names and name-list entries: they name one person, so the comma
    separates surname and first names. In a text "Müller, Schmidt und Kaya" is a list
    and is never turned around (see :mod:`workbench.ingest.names`). The surname part is
    one word (with particles, hyphens: "von der Heide", "Przybylski-Ötztürk"), so "Anna
    Schmidt, Stadt Leverkusen" stays; the first-name part one to three capitalised words,
    an academic title allowed.

    >>> natural_order("Kowalczyk, Ewa"), natural_order("von der Heide, Anna-Lena")
    ('Ewa Kowalczyk', 'Anna-Lena von der Heide')
    >>> natural_order("Schmidt, Dr. Anna"), natural_order("Anna Schmidt")
    ('Dr. Anna Schmidt', 'Anna Schmidt')
    >>> natural_order("Caritas, Seniorenberatung, Opladen")
    'Caritas, Seniorenberatung, Opladen'
    """
    text = " ".join(name.split())
    match = _SURNAME_FIRST.fullmatch(text)
    if match is None:
        return text
    words = [match["surname"], *re.findall(_NAME_WORD, match["first"])]
    if not all(w[0].isupper() for w in words):
        return text  # "Schmidt, anna": no name order of a display name
    return f"{match['first']} {match['last']}"


def read_roles(path: str | Path) -> dict[str, str]:
    """Read a CSV file ``speaker,role`` (header optional) into a mapping; a name written
    "Nachname, Vorname" without quotes is one field ("Schmidt, Anna,Moderation")."""
    return roles_of_csv(read_source(path))


def roles_of_csv(raw: RawFile) -> dict[str, str]:
    """The mapping person → role of a roles CSV already read (:func:`read_roles`)."""
    text, hint = without_sep_hint(decode(raw).replace("\r\n", "\n").replace("\r", "\n"))
    rows = list(csv.reader(io.StringIO(text), delimiter=hint or sniff_delimiter(text)))
    return roles_of_rows(rows, raw.name)


def roles_of_rows(rows: Sequence[Sequence[str]], filename: str) -> dict[str, str]:
    """The mapping person → role of a roles table's rows (from row 1, header optional); a
    person read with the wrong encoding ("JÃ¼rgen") also as repaired
    (:func:`~workbench.ingest.mojibake.repaired_roles`): every reader of a roles file
    (``--roles``, a notebook, the Python API) gets it here."""
    roles: dict[str, str] = {}
    width = 2  # fields of a row: person, role (and what a header names besides)
    for number, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if (
            number == 1
            and len(cells) >= 2
            and cells[0].casefold() in _HEADER_SPEAKER
            and cells[1].casefold() in _HEADER_ROLE
        ):
            width = max(2, len([c for c in cells if c]))
            continue
        written = f"{cells[0]}, {cells[1]}" if len(cells) > width else ""
        if written and cells[2] and natural_order(written) != written:
            cells = [written, *cells[2:]]  # "Schmidt, Anna,Moderation": a Teams name unquoted
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise InputError(
                "Jede Zeile der Rollen-Datei braucht zwei Felder: Person, Rolle.",
                file=filename,
                row=number,
            )
        key = person_name(cells[0]).casefold()
        if key in roles and roles[key][1] != cells[1]:
            raise InputError(
                "Dieselbe Person steht mit zwei verschiedenen Rollen in der Rollen-Datei.",
                file=filename,
                row=number,
            )
        roles[key] = (cells[0], cells[1])
    if not roles:
        raise InputError("Die Rollen-Datei enthält keine Zuordnung.", file=filename)
    return repaired_roles({display: role for display, role in roles.values()})


class Speakers:
    """Collects the people of one chat or transcript and resolves their roles."""

    def __init__(self, roles: Mapping[str, str] | None = None):
        self.roles = {person_name(k).casefold(): v for k, v in (roles or {}).items()}
        self._names: dict[str, str] = {}
        for display in roles or {}:
            if not is_role(display):  # "Speaker 1,Moderation": a label, no one's name
                self.add(display)

    def add(self, display: str) -> str | None:
        """Register a display name; return the person name the writer pseudonymises (none
        for a device alone, "iPhone": see :func:`is_device`)."""
        display = unmarked(display)  # "\u2068Anna Schmidt\u2069" (a chat's isolates): Anna Schmidt
        person = None if is_device(display) else person_name(display)
        if not person:
            return None
        self._names.setdefault(person.casefold(), person)
        return person

    def role(self, person: str | None) -> str | None:
        """The role the roles file gives this person, or None; a name read with the wrong
        encoding in a chat's JSON or web page ("JÃ¼rgen") as repaired (decision 027)."""
        if not person:
            return None
        found = self.roles.get(person.casefold())
        if found is None:  # a name read with the wrong encoding: as repaired
            found = self.roles.get(repaired_text(person, c1=False).casefold())
        return found

    @property
    def names(self) -> tuple[str, ...]:
        """Every person seen (and every person of the roles file), sorted."""
        return tuple(sorted(self._names.values()))
