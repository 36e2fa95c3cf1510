"""Tables of the analysis stage: need runs and edits, topic runs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from workbench.store.schema import Base, utcnow


class NeedRun(Base):
    """One need clustering: its parameters, input hash and package versions."""

    __tablename__ = "need_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    params: Mapped[dict] = mapped_column(JSON)
    corpus_hash: Mapped[str] = mapped_column(String(64))
    versions: Mapped[dict] = mapped_column(JSON)
    clusters: Mapped[list] = mapped_column(JSON)  # described clusters (records)
    skipped_edits: Mapped[list] = mapped_column(JSON, default=list)


class NeedAssignment(Base):
    """Which cluster of a run a segment belongs to."""

    __tablename__ = "need_assignments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("need_runs.id"), index=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id"))
    cluster: Mapped[int] = mapped_column(Integer)


class NeedEdit(Base):
    """A researcher's edit (rename, merge, split), replayed on every run."""

    __tablename__ = "need_edits"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    author: Mapped[str] = mapped_column(String(100), default="")
    op: Mapped[str] = mapped_column(String(10))
    payload: Mapped[dict] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")


class TopicRun(Base):
    """One recorded topic model run."""

    __tablename__ = "topic_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    params: Mapped[dict] = mapped_column(JSON)
    corpus_hash: Mapped[str] = mapped_column(String(64))
    versions: Mapped[dict] = mapped_column(JSON)
    topics: Mapped[list] = mapped_column(JSON)  # group, topic, label, keywords, size


class TopicAssignment(Base):
    """Topic of a segment in a run, with the model's confidence."""

    __tablename__ = "topic_assignments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("topic_runs.id"), index=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id"))
    group: Mapped[str] = mapped_column(String(300))
    topic: Mapped[str] = mapped_column(String(320))
    probability: Mapped[float] = mapped_column(Float)
    # Position on the 2-D map of statements (see :func:`layout`).
    x: Mapped[float] = mapped_column(Float, default=0.0)
    y: Mapped[float] = mapped_column(Float, default=0.0)
