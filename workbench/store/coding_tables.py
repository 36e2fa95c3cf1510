"""Tables of the coding stage: the per-coder action log (undo) and resolutions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from workbench.store.schema import MAX_CODER, Base, utcnow


class CodingAction(Base):
    """One action of a coder (``code`` or ``uncode``), newest last; undone ones are kept."""

    __tablename__ = "coding_actions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coder: Mapped[str] = mapped_column(String(MAX_CODER))
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    __table_args__ = (Index("ix_coding_actions_coder", "coder", "undone_at", "id"),)


class CodingActionItem(Base):
    """A coding an action added (``op="add"``) or removed (``op="remove"``), in full."""

    __tablename__ = "coding_action_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("coding_actions.id"), index=True)
    op: Mapped[str] = mapped_column(String(10))
    coding_id: Mapped[int] = mapped_column(Integer)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id"))
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    origin: Mapped[str | None] = mapped_column(String(20), nullable=True)
    accepted_by: Mapped[str | None] = mapped_column(String(100), nullable=True)


class CodingResolution(Base):
    """How a disagreement on (segment, code) was resolved: a memo, optionally a decision."""

    __tablename__ = "coding_resolutions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id"), index=True)
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id"), index=True)
    memo_id: Mapped[int] = mapped_column(ForeignKey("memos.id"))
    coder: Mapped[str | None] = mapped_column(String(MAX_CODER), nullable=True)
    decision: Mapped[str | None] = mapped_column(String(10), nullable=True)  # apply|remove
    # What each coder of the segment had decided on the code when it was resolved:
    # {coder: 1 applied, 0 coded the segment without it}. A later change (a coder removes
    # or adds it, a new coder disagrees) is a new disagreement, not this resolved one.
    state: Mapped[dict[str, int] | None] = mapped_column(JSON, nullable=True)
