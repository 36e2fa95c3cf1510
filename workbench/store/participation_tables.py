"""Tables of participation: feedback items, rounds, tokens and answers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from workbench.store.schema import Base, utcnow


class FeedbackItem(Base):
    """A snapshot of what participants rate: a need cluster or a draft recommendation."""

    __tablename__ = "feedback_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(36), unique=True)  # uuid5 of the content
    kind: Mapped[str] = mapped_column(String(20))  # need | recommendation
    label: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[str] = mapped_column(String(300), default="")
    districts: Mapped[list] = mapped_column(JSON, default=list)
    quotes: Mapped[list] = mapped_column(JSON, default=list)  # pseudonymised texts
    members: Mapped[list] = mapped_column(JSON, default=list)  # segment ids (needs)
    source: Mapped[dict] = mapped_column(JSON, default=dict)  # run/cluster or recommendation
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class FeedbackRound(Base):
    """The item list tokens were issued for, with the points budget per token."""

    __tablename__ = "feedback_rounds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    budget: Mapped[int] = mapped_column(Integer)
    need_run_id: Mapped[int] = mapped_column(Integer)
    signature: Mapped[str] = mapped_column(String(64), index=True)  # budget + item keys


class FeedbackRoundItem(Base):
    """An item of a round, in display order."""

    __tablename__ = "feedback_round_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("feedback_rounds.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("feedback_items.id"))
    position: Mapped[int] = mapped_column(Integer)
    __table_args__ = (UniqueConstraint("round_id", "item_id", name="uq_round_item"),)


class FeedbackToken(Base):
    """A participant's pseudonymous access: only the SHA-256 of the token is stored."""

    __tablename__ = "feedback_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("feedback_rounds.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    workshop_id: Mapped[int | None] = mapped_column(ForeignKey("workshops.id"), nullable=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class FeedbackAnswer(Base):
    """One token's answer on one item (changeable, never twice)."""

    __tablename__ = "feedback_answers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_id: Mapped[int] = mapped_column(ForeignKey("feedback_tokens.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("feedback_items.id"), index=True)
    rating: Mapped[str | None] = mapped_column(String(10), nullable=True)
    points: Mapped[int] = mapped_column(Integer, default=0)
    comment: Mapped[str] = mapped_column(Text, default="")  # pseudonymised; escape on display
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    __table_args__ = (UniqueConstraint("token_id", "item_id", name="uq_answer_token_item"),)
