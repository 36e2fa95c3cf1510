"""Notices about waves for a file imported again: its workshops keep the wave they have."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.ingest.project_writer import quote
from workbench.store import Segment, Wave, Workshop
from workbench.store.waves import clean_label


def kept_wave(session: Session, document_id: int, wave: str | None) -> tuple[str, ...]:
    """Notices for a file imported again with ``--wave`` whose workshops stand in another
    wave (imported before without it, into the first): they keep theirs, and the command
    that moves each is named."""
    if wave is None:
        return ()
    asked = clean_label(wave)
    rows = session.execute(
        select(Workshop.name, Wave.label)
        .join(Segment, Segment.workshop_id == Workshop.id)
        .join(Wave, Wave.id == Workshop.wave_id)
        .where(Segment.document_id == document_id)
        .distinct()
    ).all()
    return tuple(
        f"Workshop '{name}' steht in der Welle '{label}', nicht in '{asked}' (ein Workshop "
        f"behält beim Import seine Welle); verschieben: workbench waves --move {quote(name)} "
        f"{quote(asked)}"
        for name, label in sorted(rows)
        if label.casefold() != asked.casefold()
    )
