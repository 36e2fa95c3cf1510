"""The plain records a REFI-QDA project is read into (:mod:`workbench.exchange.reader`).

Sources with their selections and codings, what was skipped, cases, notes, sets and the
:class:`Exchange` that holds them all: what the importer needs, nothing of the XML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.coding.codebook import CodeSpec
from workbench.exchange.positions import Reading


@dataclass(frozen=True)
class CodingIn:
    """A ``<Coding>``: its code's GUID, who and when."""

    guid: str
    code: str  # normalised code GUID
    user: str | None
    created: str | None
    notes: tuple[str, ...]


@dataclass(frozen=True)
class SelectionIn:
    """A ``<PlainTextSelection>``; ``start``/``end`` are code points in the source text."""

    guid: str
    start: int
    end: int
    description: str
    user: str | None
    created: str | None
    codings: tuple[CodingIn, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class SourceIn:
    """A text to import (a ``<TextSource>``, a PDF's text version, a transcript) as read.

    ``owner`` is the GUID cases, sets and variables refer to (the PDF or the recording);
    ``kind`` says what the text was made from ("" for a text source).
    """

    guid: str
    owner: str
    kind: str
    name: str
    title: str
    text: str
    selections: tuple[SelectionIn, ...]
    codings: tuple[CodingIn, ...]  # on the whole source
    notes: tuple[str, ...]
    variables: tuple[tuple[str, str, str], ...]  # (variable guid, value type, value)
    label: str = ""  # in messages: its number and GUID start, never its name (source_label)


@dataclass(frozen=True)
class SkippedIn:
    """A source, or the part of one, without text: kept by name (and its selections, for
    links). ``imported`` names what of it was imported ("Textfassung", "Transkript")."""

    kind: str
    guid: str
    name: str
    selections: tuple[str, ...]
    codings: int
    notes: tuple[str, ...]  # notes referenced from inside it
    imported: str = ""
    rich: str = ""  # a text source with only a rich text: where it is (see archive.Missing)
    number: int = 0  # its place among the file's sources (1: the first), for notices
    # a PDF's areas left out because their text stands in the text version more than once:
    # (page as the file counts it, GUIDs of the codes on it), each also in ``selections``
    ambiguous: tuple[tuple[int | None, tuple[str, ...]], ...] = ()
    page_zero: bool = False  # the PDF has an area on page 0: its file counts from 0


@dataclass(frozen=True)
class CaseIn:
    """A ``<Case>``: named ones are Sozialräume or people (:mod:`workbench.exchange.people`)."""

    guid: str
    name: str | None
    variables: tuple[tuple[str, str, str], ...]
    sources: tuple[str, ...]
    selections: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class NoteIn:
    """A ``<Note>`` with its text ('' when it has none)."""

    guid: str
    name: str
    text: str
    description: str
    user: str | None
    created: str | None
    number: int = 0  # its place among the file's <Notes> (0: made by the import)


@dataclass(frozen=True)
class SetIn:
    """A ``<Set>`` of sources and/or codes."""

    guid: str
    name: str
    description: str
    sources: tuple[str, ...]
    codes: tuple[str, ...]


@dataclass(frozen=True)
class Exchange:
    """A parsed REFI-QDA project: everything the importer needs, sources read."""

    filename: str
    location: str  # for messages: "x.qdpx/project.qde" or "x.qde"
    origin: str
    users: dict[str, str]
    specs: tuple[CodeSpec, ...]
    code_paths: dict[str, str]
    code_notes: dict[str, tuple[str, ...]]
    variables: dict[str, tuple[str, str, str]]  # guid → (name, type, description)
    cases: tuple[CaseIn, ...]
    sources: tuple[SourceIn, ...]
    skipped: tuple[SkippedIn, ...]
    notes: tuple[NoteIn, ...]
    sets: tuple[SetIn, ...]
    project_notes: tuple[str, ...]
    links: tuple[tuple[str, str], ...]  # (origin GUID, target GUID)
    reading: Reading
    notices: tuple[str, ...] = ()  # what reading changed or left out
    project: str = ""  # the <Project name>: whose numbering its "[Person N]" are
    about: dict[str, str] = field(default_factory=dict)  # <Project>'s attributes, Description
