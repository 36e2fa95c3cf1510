"""A table imported before, imported again with ``--restore-deleted-codes``: the codes
deleted here that its code column names come back (with the GUID of their path, the
delete forgotten) with their codings on the statements the first import stored (decision
026, Nachtrag Runde 49). The first import left these codings out and said how to get them
back; the same file again is otherwise "bereits vorhanden" and changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.coding.code_index import CodeIndex, _composed
from workbench.coding.codebook import SEPARATOR, CodeSpec
from workbench.coding.deleted_codes import deleted_in_file, deleted_notices, named_guids
from workbench.store import Coding, Document, Segment


def restore_codings(
    session: Session,
    codes: CodeIndex,
    found: Document,
    rows: Sequence[tuple[str, Sequence[tuple[str | None, str]]]],
) -> tuple[int, list[str]]:
    """Take back the deleted codes among ``rows`` (each row's source ID with its coders and
    code paths) and code ``found``'s stored statements with them; return the codings
    added and the notices. A statement is found by its source ID in the document (one
    the document has twice, or forgotten since, gets none)."""
    paths = dict.fromkeys(path for _, row in rows for _, path in row)
    deleted = deleted_in_file(codes, named_guids(paths, codes), restore=True)
    if not deleted.restored:
        return 0, []
    stored = list(
        session.execute(
            select(Segment.id, Segment.source_id, Segment.text)
            .where(Segment.document_id == found.id)
            .order_by(Segment.id)
        )
    )
    twice = Counter(source_id for _, source_id, _ in stored)
    by_source = {source_id: (seg_id, len(text)) for seg_id, source_id, text in stored}
    existing = set(  # by a join: a list of ids passes PostgreSQL's 65,535 parameters
        session.execute(
            select(Coding.segment_id, Coding.code_id, Coding.coder)
            .join(Segment, Segment.id == Coding.segment_id)
            .where(Segment.document_id == found.id)
        ).all()
    )
    restored = tuple(deleted.restored)
    back = {
        path: codes.upsert(CodeSpec(path))
        for path in paths
        if any(_composed(path) == r or _composed(path).startswith(r + SEPARATOR) for r in restored)
    }
    session.flush()  # the codes' ids
    added = 0
    for source_id, row in rows:
        if twice[source_id] != 1:
            continue
        seg_id, length = by_source[source_id]
        for coder, path in row:
            code = back.get(path)
            if code is None or (seg_id, code.id, coder) in existing:
                continue
            existing.add((seg_id, code.id, coder))
            coding = Coding(segment_id=seg_id, code_id=code.id, coder=coder, start=0, end=length)
            session.add(coding)
            added += 1
    return added, deleted_notices(deleted, {}, "table")
