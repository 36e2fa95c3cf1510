"""Domain records, errors and the table contracts shared by every stage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from workbench.core.errors import InputError as InputError  # re-exported
from workbench.core.errors import WorkbenchError as WorkbenchError  # re-exported

if TYPE_CHECKING:
    import pandas as pd

GUIDING_QUESTIONS: tuple[str, ...] = (
    "Herausforderungen und Bedarfe",
    "Ressourcen und Möglichkeiten",
    "Entwicklung, Vernetzung und Stärkung",
)


SEPARATOR = "/"  # between the levels of a code path, e.g. "Bedarfe/Wohnen"


@dataclass(frozen=True)
class ParsedSegment:
    """A statement as an importer read it, before pseudonymisation and storage."""

    text: str
    source_id: str
    question: str | None = None
    speaker_role: str | None = None
    row: int | None = None  # line/row in the source file, for error messages
    workshop: str | None = None  # per-row values of table imports
    district: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    codes: tuple[str, ...] = ()  # codes of the whole segment, by options["coder"]
    # Only with ParsedDocument.text: where the segment lies in that text, and its number.
    start: int | None = None
    end: int | None = None
    position: int | None = None


@dataclass(frozen=True)
class ParsedCoding:
    """A code on a span of a document's text, as it came with the source."""

    code: str  # code path, e.g. "Bedarf/Wohnen"
    start: int  # offsets in ParsedDocument.text, before pseudonymisation
    end: int
    coder: str
    created_at: datetime | None = None


@dataclass(frozen=True)
class ParsedDocument:
    """What an importer returns: metadata, provenance and segments of one file.

    Importers that keep a file's own layout (REFI-QDA sources) give its whole ``text``;
    their segments then carry ``start``/``end`` in it, and ``codings`` are spans of it.
    Otherwise the writer lays the segments out itself (guiding questions as headings).
    ``merge``: a document already in the project (same file, or same pseudonymised
    text) takes this one's new codings instead of being reported as already there.
    """

    filename: str
    sha256: str
    importer: str
    segments: tuple[ParsedSegment, ...]
    title: str | None = None
    workshop: str | None = None
    district: str | None = None
    date: str | None = None
    format: str | None = None
    names: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    text: str | None = None
    codings: tuple[ParsedCoding, ...] = ()
    merge: bool = False


@dataclass(frozen=True)
class ParsedMemo:
    """A memo or note that came with a file; the writer places it.

    ``target``: ``project``; ``code`` (path in ``code``); ``cluster`` (number in
    ``cluster``); or ``span``: ``start``/``end`` in the text of the document with index
    ``document`` among its file's documents (``workbench.ingest.records.ParsedProject``).
    A span memo goes to the first segment the span overlaps, else to the project, saying
    where it was.
    """

    text: str
    author: str
    created_at: datetime | None = None
    target: str = "project"
    document: int | None = None
    start: int | None = None
    end: int | None = None
    code: str | None = None
    cluster: int | None = None
    guid: str | None = None  # of the REFI-QDA note it came from
    body: str | None = None  # the note's own text, without the title and comment in text
    # The project's memo the note is the exported version of (the project's own export,
    # read back), with the texts an export wrote for it: an edit there replaces its text.
    replaces: int | None = None
    exported: tuple[str, ...] = ()
    # The memo was changed here since that export and edited there too: both texts stay.
    both_edited: bool = False
    # The memo records a resolved disagreement (``Werkbank-Klärung``): code path and GUID
    # in the file, decision, coder, and each coder's decision then ({coder: 1 or 0}).
    resolution: tuple[str, str, str | None, str | None, dict[str, int]] | None = None


@dataclass(frozen=True)
class ParsedWorkshop:
    """A workshop a file declares (REFI-QDA: a set), used when the writer creates it."""

    name: str
    district: str | None = None
    date: str | None = None
    format: str | None = None


@dataclass(frozen=True)
class ParsedIndicator:
    """An indicator value of a district (REFI-QDA: a numeric case variable)."""

    district: str
    indicator: str
    year: int
    value: float
    unit: str = ""
    source: str = ""
    illustrative: bool = False


@dataclass(frozen=True)
class ImportResult:
    """The outcome of importing one file."""

    filename: str
    status: str  # "importiert" | "bereits vorhanden" | "doppelt" | "frühere Fassung" (same_content)
    segments: int = 0
    codings: int = 0
    skipped_rows: int = 0
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProjectImportResult:
    """What importing one project-exchange file added (``existing``: merged documents)."""

    filename: str
    documents: int = 0
    existing: int = 0
    segments: int = 0
    codes: int = 0
    codings: int = 0
    memos: int = 0
    indicators: int = 0
    notices: tuple[str, ...] = ()


# Table contracts: the columns (and dtypes) each Project table method returns.
TABLES: dict[str, dict[str, str]] = {
    "districts": {"district_id": "int64", "district": "string", "is_citywide": "bool"},
    "workshops": {
        "workshop_id": "int64",
        "workshop": "string",
        "district": "string",
        "date": "string",
        "format": "string",
        "wave": "string",
    },
    "documents": {
        "document_id": "int64",
        "filename": "string",
        "workshop": "string",
        "district": "string",
        "importer": "string",
        "sha256": "string",  # the first file's: the one of ``filename``
        "downloads": "int64",  # files of the document: >1 for an export downloaded again
        "imported_at": "object",
        "title": "string",
    },
    "segments": {
        "segment_id": "int64",
        "document_id": "int64",
        "document": "string",
        "source_id": "string",
        "position": "int64",
        "workshop": "string",
        "district": "string",
        "question": "string",
        "speaker_role": "string",
        "speaker": "string",  # the pseudonym of who said it ("[Person 3]"), from attributes
        "text": "string",
        "start": "int64",
        "end": "int64",
        "attributes": "object",
    },
    "codes": {
        "code_id": "int64",
        "path": "string",
        "name": "string",
        "parent": "string",
        "description": "string",
        "example": "string",
        "colour": "string",
        "codable": "bool",  # False: a category that only groups codes (REFI-QDA isCodable)
    },
    "codings": {
        "coding_id": "int64",
        "segment_id": "int64",
        "source_id": "string",
        "document": "string",
        "code": "string",
        "coder": "string",
        "start": "int64",
        "end": "int64",
        "created_at": "object",
    },
    "memos": {
        "memo_id": "int64",
        "target_type": "string",
        "target_id": "Int64",
        "author": "string",
        "text": "string",
        "created_at": "object",
    },
    # Coding stages (workbench/agreement.py, workbench/code_analysis.py).
    "agreement": {
        "level": "string",
        "name": "string",
        "units": "int64",
        "percent_agreement": "float64",
        "cohen_kappa": "float64",
        "krippendorff_alpha": "float64",
    },
    "disagreements": {
        "segment_id": "int64",
        "document": "string",
        "source_id": "string",
        "district": "string",
        "code": "string",
        "applied_by": "string",
        "not_applied_by": "string",
        "text": "string",
        "resolved": "bool",
    },
    "code_frequencies": {
        "code": "string",
        "district": "string",
        "segments": "int64",
        "district_segments": "int64",
        "share": "float64",
    },
    "quotes": {
        "code": "string",
        "quote": "string",
        "coders": "string",
        "district": "string",
        "workshop": "string",
        "document": "string",
        "source_id": "string",
        "segment_id": "int64",
        "start": "int64",
        "end": "int64",
    },
}


def person_key(name: str) -> str:
    """A person's key in the pseudonym key: the last word of the name, without case and
    trailing punctuation ("Herr Wieczorek" and "Jürgen Wieczorek" are one person); words
    without a letter or digit after it (a messenger name's emoji) are no part of it.

    >>> person_key("Jürgen Wieczorek"), person_key("Frau Kaya."), person_key("Eva")
    ('wieczorek', 'kaya', 'eva')
    >>> person_key("Łukasz Wójcik 🚲"), person_key("Mama 💕")
    ('wójcik', 'mama')
    """
    words = name.split()
    while len(words) > 1 and not any(ch.isalnum() for ch in words[-1]):
        words.pop()  # "Łukasz Wójcik 🚲": the emoji names nobody
    key = words[-1].strip(".,;:!?'’").lower() if words else ""
    return key or name.strip().lower()


def frame(table: str, rows: list[dict[str, Any]] | dict[str, Sequence[Any]]) -> pd.DataFrame:
    """Build a DataFrame for ``table`` with exactly its declared columns and dtypes.

    ``rows`` is a list of row dicts or one dict of columns (name → values).
    """
    import pandas as pd  # here, not above: the records and errors load without pandas

    columns = TABLES[table]
    df = pd.DataFrame(rows, columns=list(columns))
    return df.astype(columns)
