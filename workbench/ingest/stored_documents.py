"""The project's documents as the import compares a file with them
(:class:`~workbench.ingest.same_content.Stored`): texts, statements, row IDs and options
read from the store on demand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from workbench.ingest.export_growth import Row, row_id
from workbench.ingest.same_content import Stored, label_key, words
from workbench.store import District, Document, PseudonymSpan, Segment, Wave, Workshop


def stored_documents(session) -> list[Stored]:
    """The project's documents as :class:`Stored` (their texts read on demand)."""
    rows = session.execute(
        select(
            Document.id,
            Document.filename,
            Document.sha256,
            Document.importer,
            func.length(Document.text),
            Wave.label,
            Workshop.name,
            District.name,
            Workshop.date,
        )
        .outerjoin(Workshop, Workshop.id == Document.workshop_id)
        .outerjoin(Wave, Wave.id == Workshop.wave_id)
        .outerjoin(District, District.id == Workshop.district_id)
    )

    def loader(key: int) -> Callable[[], str]:
        return lambda: session.scalar(select(Document.text).where(Document.id == key)) or ""

    def statements(key: int) -> Callable[[], list[tuple[int, str]]]:
        query = select(Segment.id, Segment.text).where(Segment.document_id == key)
        return lambda: [(int(s), str(t)) for s, t in session.execute(query)]

    def originals(key: int) -> Callable[[], list[tuple[int, str]]]:
        spans = (
            select(PseudonymSpan.segment_id, PseudonymSpan.start, PseudonymSpan.end)
            .add_columns(PseudonymSpan.original)
            .join(Segment, Segment.id == PseudonymSpan.segment_id)
            .where(Segment.document_id == key)
            .order_by(PseudonymSpan.start.desc())
        )

        def read() -> list[tuple[int, str]]:
            texts = dict(statements(key)())
            for segment, start, end, original in session.execute(spans):
                text = texts[segment]  # from the end, so earlier offsets stay valid
                texts[segment] = text[:start] + original + text[end:]
            return list(texts.items())

        return read

    def sources(key: int) -> Callable[[], dict[int, Row]]:
        query = select(Segment.id, Segment.source_id, Segment.attributes)
        query = query.where(Segment.document_id == key)
        return lambda: {int(s): row_id(r, a) for s, r, a in session.execute(query)}

    def cells(key: int) -> Callable[[], list[tuple[str, dict[str, Any]]]]:
        query = select(Segment.source_id, Segment.attributes).where(Segment.document_id == key)
        return lambda: [(str(r), dict(a or {})) for r, a in session.execute(query)]

    def options(key: int) -> Callable[[], dict[str, Any]]:
        query = select(Document.options).where(Document.id == key)
        return lambda: dict(session.scalar(query) or {})

    def districts(key: int) -> Callable[[], set[str]]:
        query = (
            select(District.name)
            .join(Segment, Segment.district_id == District.id)
            .where(Segment.document_id == key)
            .distinct()
        )
        return lambda: {label_key(name) for name in session.scalars(query)}

    def names(key: int) -> Callable[[], set[str]]:
        query = (
            select(PseudonymSpan.original)
            .join(Segment, Segment.id == PseudonymSpan.segment_id)
            .where(Segment.document_id == key)
        )
        return lambda: {w for name in session.scalars(query) for w in words(name)}

    return [
        Stored(
            *row[1:4],
            row[4] or 0,
            loader(row[0]),
            row[5],
            statements(row[0]),
            originals(row[0]),
            row[6:9],
            districts(row[0]),
            names(row[0]),
            row[0],
            sources(row[0]),
            options(row[0]),
            cells=cells(row[0]),
        )
        for row in rows
    ]
