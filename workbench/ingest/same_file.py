"""The same file again (the same bytes, the same kind of file), found before it is read."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select

from workbench.core.domain import ImportResult
from workbench.ingest.chat_recheck import public_direct_messages
from workbench.ingest.import_waves import kept_wave
from workbench.ingest.workbook import WORKBOOK_SUFFIXES
from workbench.store import Document

_SHEETED = (*WORKBOOK_SUFFIXES, ".json", ".jsonl", ".ndjson")  # a document per sheet or list


def imported_before(
    session, path: Path, wave: str | None, direct_messages: bool = False
) -> ImportResult | None:
    """The result for a file the project holds already (the same bytes, the same kind of
    file), found before the file is read: a second import of a table of 30,000 rows took
    20 s to say so. Workbooks and JSON (a document per sheet or list) are read. With
    ``direct_messages``, it says that a chat's direct messages left out stay out."""
    if path.suffix.lower() in _SHEETED or not path.is_file():
        return None
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None  # reading it says why
    rows = session.execute(
        select(Document.id, Document.filename, Document.importer, Document.options).where(
            Document.sha256 == digest
        )
    )
    for key, filename, importer, options in rows:
        if Path(filename).suffix.lower() == path.suffix.lower() and ":" not in importer:
            left_out = int((options or {}).get("direct_messages_left_out", 0))
            private = (_private_notice(left_out),) if direct_messages and left_out else ()
            public = public_direct_messages(session, key, importer, path)
            private = (*private, public) if public else private
            return ImportResult(
                path.name, "bereits vorhanden", notices=(*private, *kept_wave(session, key, wave))
            )
    return None


def _private_notice(left_out: int) -> str:
    """Why --include-direct-messages changes nothing for a chat imported before."""
    one = left_out == 1
    which = "Ihre Direktnachricht wurde" if one else f"Ihre {left_out} Direktnachrichten wurden"
    return (
        f"{which} beim ersten Import ausgelassen; --include-direct-messages wirkt nur, wenn "
        "eine Datei zum ersten Mal importiert wird (etwa in ein neues Projekt)."
    )
