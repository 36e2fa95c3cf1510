"""Tables of the synthesis stage: indicators and recommendations with their evidence."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from workbench.store.schema import Base, utcnow

MAX_INDICATOR, MAX_UNIT = 300, 200  # longest indicator name and unit (PostgreSQL refuses more)
MAX_TITLE, MAX_AUTHOR = 300, 100  # longest title and author of a recommendation
MAX_NEED_LABEL = 500  # longest name of a need cluster a recommendation links
MAX_STEP_ACTOR = 200  # longest actor of a status step


def within_limit(value: str, limit: int) -> str:
    """A pseudonymised ``value`` cut to ``limit`` with "…" at its end, never inside a
    placeholder: a placeholder can be longer than the name it stands for ("Ida Ott" →
    "[Person 12]"), so a title that fitted as typed may not fit as stored."""
    if len(value) <= limit:
        return value
    cut = value[: limit - 1]
    if cut.rfind("[") > cut.rfind("]"):
        cut = cut[: cut.rfind("[")]
    return cut.rstrip() + "…"


class Indicator(Base):
    """One value of one indicator for one district (or the city) and year."""

    __tablename__ = "indicators"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"), index=True)
    indicator: Mapped[str] = mapped_column(String(MAX_INDICATOR))
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(MAX_UNIT), default="")
    source: Mapped[str] = mapped_column(Text, default="")
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)
    filename: Mapped[str] = mapped_column(String(500), default="")  # provenance
    __table_args__ = (
        UniqueConstraint("district_id", "indicator", "year", name="uq_indicator_value"),
    )


class Recommendation(Base):
    """A recommendation for the city or one Sozialraum."""

    __tablename__ = "recommendations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(MAX_TITLE), default="")
    text: Mapped[str] = mapped_column(Text)
    district_id: Mapped[int] = mapped_column(ForeignKey("districts.id"))  # scope
    actors: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(30), default="Entwurf")
    author: Mapped[str] = mapped_column(String(MAX_AUTHOR), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RecommendationNeed(Base):
    """A link to a need cluster, kept as the cluster's members at link time."""

    __tablename__ = "recommendation_needs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id"), index=True)
    members: Mapped[list] = mapped_column(JSON)  # sorted segment ids
    label: Mapped[str] = mapped_column(String(MAX_NEED_LABEL))  # for the record; members decide
    run_id: Mapped[int] = mapped_column(Integer)
    cluster: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RecommendationEvidence(Base):
    """An evidence segment of a recommendation (no foreign key: see module docstring)."""

    __tablename__ = "recommendation_evidence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id"), index=True)
    segment_id: Mapped[int] = mapped_column(Integer)
    document: Mapped[str] = mapped_column(String(500))  # file name at link time
    source_id: Mapped[str] = mapped_column(String(200))  # source id at link time
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    __table_args__ = (
        UniqueConstraint("recommendation_id", "segment_id", name="uq_recommendation_segment"),
    )


class RecommendationStatus(Base):
    """One dated step of a recommendation's status history, with who is responsible.

    The recommendation's ``status`` is the status of its latest entry (by date, then id);
    see :mod:`workbench.synthesis.recommendation_status`.
    """

    __tablename__ = "recommendation_status"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id"), index=True)
    status: Mapped[str] = mapped_column(String(30))
    date: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD
    actor: Mapped[str] = mapped_column(String(MAX_STEP_ACTOR))  # who is responsible
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
