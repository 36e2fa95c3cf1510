"""A file of another kind than a command reads (a REFI-QDA project as indicator table, a
Word document as concept text): refused by its ending or its first bytes, in German."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from workbench.core.domain import InputError
from workbench.core.textio import RawFile

# Endings of formats no text or table reader of the workbench takes, and what they are.
_KINDS = {
    ".qdpx": "ein REFI-QDA-Projekt",
    ".qde": "ein REFI-QDA-Projekt",
    ".qdc": "ein REFI-QDA-Codebuch",
    ".docx": "ein Word-Dokument",
    ".doc": "ein Word-Dokument im alten Format",
    ".odt": "ein LibreOffice-Textdokument",
    ".pdf": "ein PDF",
    ".rtf": "ein RTF-Dokument",
    ".pages": "ein Pages-Dokument",
    ".xlsx": "eine Excel-Tabelle",
    ".xlsm": "eine Excel-Tabelle",
    ".xls": "eine Excel-Tabelle im alten Format (als .xlsx oder .csv speichern)",
    ".ods": "eine LibreOffice-Tabelle",
    ".pptx": "eine PowerPoint-Präsentation",
    ".odp": "eine LibreOffice-Präsentation",
    ".zip": "ein ZIP-Archiv",
    ".png": "ein Bild",
    ".jpg": "ein Bild",
    ".jpeg": "ein Bild",
}
# First bytes of container formats: what a file is whatever its name says.
_MAGIC = {
    b"PK\x03\x04": "ein ZIP-Archiv (etwa XLSX, DOCX, ODS oder ein REFI-QDA-Projekt)",
    b"%PDF": "ein PDF",
    b"\xd0\xcf\x11\xe0": "eine Datei im alten Office-Format (.doc, .xls)",
}


def refuse_other_kind(
    raw: RawFile, reads: Collection[str], packed: Collection[str], says: str
) -> None:
    """Stop with a German message naming the file if it is of a kind the command does not
    read: its ending is another format's, or it is a container (ZIP, PDF, old Office) but
    not under an ending in ``packed`` (".xlsx"). ``reads`` are the endings the command
    takes; a text under an unknown ending passes (it is read as text, as before). ``says``
    tells what the command reads and what happened ("… Nichts importiert.")."""
    suffix = Path(raw.name).suffix.lower()
    if suffix in packed:
        return
    kind = None if suffix in reads else _KINDS.get(suffix)
    if kind is None:
        kind = next((k for magic, k in _MAGIC.items() if raw.data.startswith(magic)), None)
    if kind is not None:
        raise InputError(f"Das ist {kind}. {says}", file=raw.name)
