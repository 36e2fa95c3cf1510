"""Ballots: what a token opens, and the participant's answers on it.

A participant answers, per item — each need cluster of the latest need run and each draft
recommendation —

- a rating: "trifft zu", "trifft nicht zu" or "weiß nicht" (member checking),
- priority points from a fixed budget per token (dot voting, default 10 points),
- an optional comment.

One answer per token and item; it can be changed any time (:func:`save_answer` is an
upsert) and never exists twice (unique constraint token × item).

*Concurrency.* Each write is one transaction. On SQLite it starts with
``BEGIN IMMEDIATE``, which takes the write lock before anything is read, so reading the
token's points and writing the answer can't interleave with another writer (with the
store's busy timeout, waiting writers queue instead of failing; a deferred transaction
that reads first and then writes would fail at once with "database is locked" instead).
On other databases the token's row is locked with ``SELECT … FOR UPDATE``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from workbench.core.domain import InputError, WorkbenchError
from workbench.core.formatting import format_number
from workbench.core.typed_text import typed_prose
from workbench.core.word_caches import forgets_words
from workbench.participation.comments import forget_cached, is_blank, pseudonymise_comment
from workbench.participation.items import KIND_NEED, KINDS
from workbench.participation.tokens import InvalidToken, find_token
from workbench.store import (
    District,
    FeedbackAnswer,
    FeedbackItem,
    FeedbackRound,
    FeedbackRoundItem,
    Workshop,
    utcnow,
)

if TYPE_CHECKING:
    from workbench.project import Project

# Ratings: stored code → German label shown to participants.
RATINGS: dict[str, str] = {
    "agree": "trifft zu",
    "disagree": "trifft nicht zu",
    "unsure": "weiß nicht",
}
MAX_COMMENT = 2_000  # characters
NO_SUCH_ITEM = "Diesen Punkt gibt es in Ihrer Befragung nicht."


class BudgetExceeded(WorkbenchError):
    """The points of one token would exceed its budget."""


@dataclass(frozen=True)
class Item:
    """An item as a participant sees it."""

    item_id: int
    kind: str
    label: str
    text: str = ""
    scope: str = ""
    districts: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()

    @property
    def kind_label(self) -> str:
        """German name of the kind ("Bedarf", "Empfehlungsentwurf")."""
        return KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class Answer:
    """A stored answer: rating code (or None), points, comment."""

    item_id: int
    rating: str | None = None
    points: int = 0
    comment: str = ""

    @property
    def is_empty(self) -> bool:
        """True if nothing is given (such an answer is not stored)."""
        return self.rating is None and self.points == 0 and not self.comment


@dataclass(frozen=True)
class Ballot:
    """What a token opens: its round's items, its budget and its answers so far."""

    round_id: int
    budget: int
    items: tuple[Item, ...]
    answers: Mapping[int, Answer] = field(default_factory=dict)
    workshop: str | None = None
    district: str | None = None

    @property
    def points_used(self) -> int:
        """Points given so far."""
        return sum(a.points for a in self.answers.values())

    @property
    def points_left(self) -> int:
        """Points still free."""
        return self.budget - self.points_used


def rating_code(rating: str | None) -> str | None:
    """Accept a rating as code ("agree") or German label ("trifft zu"); None stays None."""
    if rating is None or rating == "":
        return None
    if isinstance(rating, str):  # anything else is no rating (and has no strip())
        if rating in RATINGS:
            return rating
        for code, label in RATINGS.items():
            if rating.strip().casefold() == label.casefold():
                return code
    valid = ", ".join(f"„{label}“" for label in RATINGS.values())
    raise InputError(f"Unbekannte Bewertung „{rating}“. Möglich sind {valid}.")


def _item_number(item_id: object) -> int:
    """``item_id`` as a number an item's id can be; InputError for anything else.

    An id beyond the database's integers stopped the query with an OverflowError, one that
    is no number with a ValueError: such an item is as unknown as any other.
    """
    try:
        number = int(item_id)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):  # None, "abc", a float's infinity
        number = 0
    if not 0 < number < 2**63 or isinstance(item_id, bool):
        raise InputError(NO_SUCH_ITEM)
    return number


def _begin_write(session: Session) -> None:
    """Take SQLite's write lock now (see the module docstring); no-op elsewhere."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("BEGIN IMMEDIATE"))


def open_ballot(project: Project, token: str | None) -> Ballot:
    """Validate ``token`` and return its items, budget and answers so far."""
    with project.session() as session:
        record = find_token(session, token)
        round_ = session.get(FeedbackRound, record.round_id)
        rows = session.execute(
            select(FeedbackItem)
            .join(FeedbackRoundItem, FeedbackRoundItem.item_id == FeedbackItem.id)
            .where(FeedbackRoundItem.round_id == round_.id)
            .order_by(FeedbackRoundItem.position)
        ).scalars()
        answers = {
            a.item_id: Answer(a.item_id, a.rating, a.points, a.comment)
            for a in session.scalars(
                select(FeedbackAnswer).where(FeedbackAnswer.token_id == record.id)
            )
        }
        items = tuple(
            Item(
                item_id=i.id,
                kind=i.kind,
                label=i.label,
                text=i.text,
                scope=i.scope,
                districts=tuple(i.districts),
                quotes=tuple(i.quotes),
            )
            for i in rows
            # a need whose statements were all erased (`workbench forget`) has nothing left
            # to rate: an empty card "Bedarf"; one this token answered stays (its points)
            if i.kind != KIND_NEED or i.members or i.id in answers
        )
        workshop = session.get(Workshop, record.workshop_id) if record.workshop_id else None
        district = session.get(District, record.district_id) if record.district_id else None
        return Ballot(
            round_id=round_.id,
            budget=round_.budget,
            items=items,
            answers=answers,
            workshop=workshop.name if workshop else None,
            district=district.name if district else None,
        )


@forgets_words  # no participant's word stays in a module's cache
def save_answer(
    project: Project,
    token: str | None,
    item_id: int,
    rating: str | None = None,
    points: int = 0,
    comment: str = "",
) -> Answer:
    """Store (or change) the token's answer on an item, in one transaction.

    The rating is a code or German label (or None); ``points`` count against the token's
    budget together with its answers on the other items; the comment is stored
    pseudonymised (:mod:`~workbench.participation.comments`; its length is checked as
    typed; one of only dashes, dots or slashes is none) and the returned answer carries it
    as stored. An answer with nothing in it
    removes the stored one. Invalid input writes nothing.
    """
    code = rating_code(rating)
    if isinstance(points, bool) or not isinstance(points, int | np.integer) or points < 0:
        raise InputError("Punkte sind eine ganze Zahl ab 0.")
    points = int(points)
    comment = typed_prose(comment)  # no control characters, no direction overrides
    comment = "" if is_blank(comment) else comment  # "-" in an optional field: no comment
    answer = Answer(_item_number(item_id), code, points, comment)
    try:
        return _store(project, token, answer)
    except (InputError, BudgetExceeded, InvalidToken):
        raise  # refused before the comment was read: the cached key is as stored
    except BaseException:
        # the key it holds may have grown in the rolled-back work (also when the project
        # was busy or moving: errors of the commit, after the comment was pseudonymised)
        forget_cached(project)
        raise


def _store(project: Project, token: str | None, answer: Answer) -> Answer:
    """Write a checked answer in one transaction (see :func:`save_answer`)."""
    code, points = answer.rating, answer.points
    with project.transaction() as session:
        _begin_write(session)
        record = find_token(session, token, lock=True)
        in_round = session.scalar(
            select(FeedbackRoundItem.id).where(
                FeedbackRoundItem.round_id == record.round_id,
                FeedbackRoundItem.item_id == answer.item_id,
            )
        )
        if in_round is None:
            raise InputError(NO_SUCH_ITEM)
        budget = session.scalar(
            select(FeedbackRound.budget).where(FeedbackRound.id == record.round_id)
        )
        others = session.execute(
            select(FeedbackAnswer.points).where(
                FeedbackAnswer.token_id == record.id, FeedbackAnswer.item_id != answer.item_id
            )
        ).scalars()
        used = sum(others)
        if used + points > budget:
            left = budget - used
            raise BudgetExceeded(
                f"Sie haben {used} von {budget} Punkten schon anderen Punkten gegeben; "
                f"hier sind höchstens {left} möglich."
            )
        stored = session.scalar(
            select(FeedbackAnswer).where(
                FeedbackAnswer.token_id == record.id, FeedbackAnswer.item_id == answer.item_id
            )
        )
        unchanged = stored is not None and answer.comment == stored.comment
        if len(answer.comment) > MAX_COMMENT and not unchanged:
            # counted as typed; the stored one may be longer ("Ali" → "[Person 12]")
            raise InputError(
                f"Der Kommentar ist zu lang ({format_number(len(answer.comment))} Zeichen, "
                f"höchstens {format_number(MAX_COMMENT)})."
            )
        if answer.is_empty:
            if stored is not None:
                session.delete(stored)
            return answer
        comment = pseudonymise_comment(project, session, answer.comment)
        if stored is None:
            stored = FeedbackAnswer(token_id=record.id, item_id=answer.item_id)
            session.add(stored)
        stored.rating, stored.points, stored.comment = code, points, comment
        stored.updated_at = utcnow()
    return replace(answer, comment=comment)
