"""Rows of a file the team erased, remembered so a later download does not bring them back.

``workbench forget`` removes statements; the same file cannot come in again (its hash is
stored), but an export downloaded again a week later holds the erased row once more
(:mod:`workbench.ingest.export_growth`). Its document remembers, per erased row, the row's
ID in the file and a fingerprint of its text in clear — no readable content: it tells the
row as erased (left out) from the row corrected on the platform (welcome).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.typed_text import compared
from workbench.store.schema import Document, PseudonymSpan, Segment

ERASED_ROWS = "erased_rows"  # a document's options: row ID → fingerprint of its text


def row_digest(text: str) -> str:
    """A row text's fingerprint: composed, spacing and case aside, 16 hex digits."""
    return hashlib.sha256(compared(text).encode("utf-8")).hexdigest()[:16]


def remember_erased(session: Session, segments: Sequence[Segment]) -> None:
    """Note the row ID and fingerprint (of the text in clear) of each of ``segments``, which
    are about to be erased, in its document's options."""
    texts = {s.id: s.text for s in segments}
    spans = session.execute(
        select(PseudonymSpan.segment_id, PseudonymSpan.start, PseudonymSpan.end)
        .add_columns(PseudonymSpan.original)
        .where(PseudonymSpan.segment_id.in_(texts))
        .order_by(PseudonymSpan.start.desc())
    )
    for key, start, end, original in spans:  # from the end: earlier offsets stay valid
        texts[key] = texts[key][:start] + original + texts[key][end:]
    for segment in segments:
        document = session.get(Document, segment.document_id)
        if document is None or not segment.source_id:
            continue
        options = dict(document.options or {})
        rows = {**options.get(ERASED_ROWS, {}), segment.source_id: row_digest(texts[segment.id])}
        document.options = {**options, ERASED_ROWS: rows}
