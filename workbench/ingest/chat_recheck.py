"""A chat imported again: direct messages an older import stored as public statements.

A second import of the same file changes nothing (the project keeps its first import).
A Zoom or Webex chat imported by an older workbench may hold direct messages that code
read as messages to everyone ("Ben an Anna (Privat)" from someone who wrote nothing
else): they are statements of the project, seen by coders and apps. Importing the file
again reads it once more, finds the direct messages among the stored statements (same
source id and time, not marked ``direct_message``) and names them with the command that
removes them; it removes nothing itself (``workbench forget`` keeps the record).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from workbench.core.domain import InputError
from workbench.ingest.zoom_chat import IMPORTER
from workbench.store import Segment


def public_direct_messages(session, document_id: int, importer: str, path: Path) -> str | None:
    """A notice naming the direct messages of a chat stored as public statements, or None."""
    if importer != IMPORTER:
        return None
    from workbench.ingest import parse_file  # the package reads the file as the import did

    try:
        parsed = parse_file(path, direct_messages=True)
    except (InputError, OSError, ValueError):
        return None  # a file that no longer reads: its first import stands
    direct = {
        (s.source_id, s.attributes.get("time"))
        for s in parsed.segments
        if s.attributes.get("direct_message")
    }
    if not direct:
        return None
    rows = session.execute(
        select(Segment.id, Segment.source_id, Segment.attributes).where(
            Segment.document_id == document_id
        )
    )
    public = sorted(
        key
        for key, source, attributes in rows
        if (source, (attributes or {}).get("time")) in direct
        and not (attributes or {}).get("direct_message")
    )
    if not public:
        return None
    ids = " ".join(map(str, public))
    one = len(public) == 1
    which = (
        "Direktnachricht (an eine Person) dieses Chats steht"
        if one
        else ("Direktnachrichten (an eine Person) dieses Chats stehen")
    )
    return (
        f"{len(public)} {which} seit einem früheren Import als "
        f"{'öffentliche Aussage' if one else 'öffentliche Aussagen'} im Projekt (eine ältere "
        f"Werkbank las sie als Nachricht an alle): "
        f"{'Aussage' if one else 'Aussagen'} {ids}. Entfernen mit: "
        f"workbench forget --statement {ids}"
    )
