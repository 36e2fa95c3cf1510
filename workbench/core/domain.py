"""Domain records, errors and the table contracts shared by every stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

GUIDING_QUESTIONS: tuple[str, ...] = (
    "Herausforderungen und Bedarfe",
    "Ressourcen und Möglichkeiten",
    "Entwicklung, Vernetzung und Stärkung",
)


SEPARATOR = "/"  # between the levels of a code path, e.g. "Bedarfe/Wohnen"


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
            where.append(f"Datei {self.file}")
        if self.row is not None:
            where.append(f"{self.unit} {self.row}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


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
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedDocument:
    """What an importer returns: metadata, provenance and segments of one file."""

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


@dataclass(frozen=True)
class ImportResult:
    """The outcome of importing one file."""

    filename: str
    status: str  # "importiert" | "bereits vorhanden"
    segments: int = 0
    codings: int = 0
    skipped_rows: int = 0


# Table contracts: the columns (and dtypes) each Project table method returns.
TABLES: dict[str, dict[str, str]] = {
    "districts": {"district_id": "int64", "district": "string", "is_citywide": "bool"},
    "workshops": {
        "workshop_id": "int64",
        "workshop": "string",
        "district": "string",
        "date": "string",
        "format": "string",
    },
    "documents": {
        "document_id": "int64",
        "filename": "string",
        "workshop": "string",
        "district": "string",
        "importer": "string",
        "sha256": "string",
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


def frame(table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Build a DataFrame for ``table`` with exactly its declared columns and dtypes."""
    columns = TABLES[table]
    df = pd.DataFrame(rows, columns=list(columns))
    return df.astype(columns)
