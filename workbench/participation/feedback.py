"""Feedback: member checking and prioritisation by stakeholders with pseudonymous tokens.

Researchers issue tokens (:func:`issue_tokens`), one per participant, for a workshop or a
Sozialraum. A participant opens the app with their token in the link and answers, per
item — each need cluster of the latest need run and each draft recommendation —

- a rating: "trifft zu", "trifft nicht zu" or "weiß nicht" (member checking),
- priority points from a fixed budget per token (dot voting, default 10 points),
- an optional comment.

One answer per token and item; it can be changed any time (:func:`save_answer` is an
upsert) and never exists twice (unique constraint token × item). :func:`feedback_summary`
gives researchers counts, priority totals and consensus/division measures per item.

Design decisions (see also docs/decisions):

*Item identity — snapshots.* Need runs renumber their clusters and researchers rename
them, so a cluster number means nothing across runs. When tokens are issued, the items
are snapshot into ``feedback_items`` exactly as participants will see them (label,
scope, quotes, recommendation text) together with the cluster's member segment ids. An
item's ``key`` is a hash of all of that; a later snapshot with the same content reuses
the same item, so answers given under several rounds pool. A participant therefore
always rates what they were shown, even if the researchers re-run or rename the clusters
during the feedback phase; the member ids let the summary point each answered item to
its cluster in the latest run (same Jaccard rule as :mod:`workbench.analysis.needs`).

*Token storage — hashes only.* A token is ``secrets.token_urlsafe(16)`` (128 random
bits); the database keeps only its SHA-256. Validation hashes the token from the link and
looks the hash up (indexed, unique). Because tokens are random and long, a plain hash is
enough (no salt or slow hash needed: there is nothing to guess), and a copy of the
database — handed to a research partner, or leaked — contains nothing that lets anyone
answer in a participant's name. The price: tokens can't be shown again; the CLI writes
them once (``workbench tokens --out``).

*Concurrency.* Each write is one transaction. On SQLite it starts with
``BEGIN IMMEDIATE``, which takes the write lock before anything is read, so reading the
token's points and writing the answer can't interleave with another writer (with the
store's busy timeout, waiting writers queue instead of failing; a deferred transaction
that reads first and then writes would fail at once with "database is locked" instead).
On other databases the token's row is locked with ``SELECT … FOR UPDATE``.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import secrets
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from sqlalchemy import (
    select,
    text,
)
from sqlalchemy.orm import Session

from workbench.core.domain import InputError, WorkbenchError
from workbench.store import (
    CITYWIDE,
    District,
    FeedbackAnswer,
    FeedbackItem,
    FeedbackRound,
    FeedbackRoundItem,
    FeedbackToken,
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
DEFAULT_BUDGET = 10
MAX_TOKENS = 10_000
MAX_COMMENT = 2_000  # characters
TOKEN_BYTES = 16  # secrets.token_urlsafe(16): 22 characters, 128 random bits
KIND_NEED = "need"
KIND_RECOMMENDATION = "recommendation"
KINDS: dict[str, str] = {KIND_NEED: "Bedarf", KIND_RECOMMENDATION: "Empfehlungsentwurf"}
# Recommendations with these statuses are put to the participants.
FEEDBACK_STATUSES = ("Entwurf",)
NO_GROUP = "ohne Zuordnung"
APP = "bedarfe_bewerten.ipynb"

_TOKEN_FORMAT = re.compile(r"[A-Za-z0-9_-]{16,64}")
_ITEM_NAMESPACE = uuid.UUID("6f1d2c1e-6a43-5b7e-9a51-2f0e8f1b4d21")

SUMMARY_COLUMNS = {
    "item_id": "int64",
    "kind": "string",
    "label": "string",
    "scope": "string",
    "cluster": "Int64",
    "participants": "int64",
    "agree": "int64",
    "disagree": "int64",
    "unsure": "int64",
    "points": "int64",
    "agree_share": "float64",
    "division": "float64",
    "group_consensus": "float64",
    "group_spread": "float64",
    "groups": "int64",
    "comments": "int64",
}
COMMENT_COLUMNS = {
    "item_id": "int64",
    "label": "string",
    "group": "string",
    "rating": "string",
    "comment": "string",
}
ANSWER_COLUMNS = {
    "token_id": "int64",
    "item_id": "int64",
    "group": "string",
    "rating": "string",
    "points": "int64",
    "comment": "string",
}


# -- errors ----------------------------------------------------------------------------
class InvalidToken(WorkbenchError):
    """The token from the link is missing, malformed or unknown."""


class BudgetExceeded(WorkbenchError):
    """The points of one token would exceed its budget."""


# -- storage ---------------------------------------------------------------------------


# -- records ---------------------------------------------------------------------------
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


# -- pure helpers ------------------------------------------------------------------------
def hash_token(token: str) -> str:
    """The stored form of a token.

    >>> hash_token("abc")[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_from_query(query_string: str | None) -> str | None:
    """The ``token`` parameter of a URL query string (as Voilà passes it), or None.

    >>> token_from_query("token=abc&x=1")
    'abc'
    >>> token_from_query("") is None
    True
    """
    from urllib.parse import parse_qs

    values = parse_qs(query_string or "").get("token")
    return values[0].strip() if values and values[0].strip() else None


def app_url(base_url: str, token: str) -> str:
    """The link a participant gets.

    >>> app_url("http://127.0.0.1:8866/", "T")
    'http://127.0.0.1:8866/voila/render/bedarfe_bewerten.ipynb?token=T'
    """
    return f"{base_url.rstrip('/')}/voila/render/{APP}?token={token}"


def rating_code(rating: str | None) -> str | None:
    """Accept a rating as code ("agree") or German label ("trifft zu"); None stays None."""
    if rating is None or rating == "":
        return None
    if rating in RATINGS:
        return rating
    for code, label in RATINGS.items():
        if rating.strip().casefold() == label.casefold():
            return code
    valid = ", ".join(f"„{label}“" for label in RATINGS.values())
    raise InputError(f"Unbekannte Bewertung „{rating}“. Möglich sind {valid}.")


def item_key(kind: str, content: Mapping[str, Any]) -> str:
    """Stable identity of an item: uuid5 of its kind and displayed content (+ members)."""
    payload = json.dumps([kind, content], sort_keys=True, ensure_ascii=False)
    return str(uuid.uuid5(_ITEM_NAMESPACE, payload))


def consensus(agree: int, disagree: int) -> tuple[float, float]:
    """Agreement share among decisive answers and a division score (both NaN if none).

    The division is ``4·p·(1−p)``: the variance of the agree/disagree answers, scaled to
    0 (everybody agrees, or everybody disagrees) … 1 (split 50/50).

    >>> consensus(3, 1)
    (0.75, 0.75)
    >>> consensus(2, 2)
    (0.5, 1.0)
    >>> consensus(4, 0)
    (1.0, 0.0)
    """
    decisive = agree + disagree
    if decisive == 0:
        return math.nan, math.nan
    share = agree / decisive
    return share, 4 * share * (1 - share)


def group_measures(votes: Mapping[str, tuple[int, int]]) -> tuple[float, float, int]:
    """Group-informed consensus, spread between groups and number of groups.

    ``votes`` maps a group (district or workshop) to its (agree, disagree) counts; groups
    without decisive answers are ignored. In the spirit of Pol.is' group-informed
    consensus, each group's agreement is estimated with Laplace smoothing,
    ``(a + 1) / (a + d + 2)``, and the groups are combined multiplicatively — here as the
    geometric mean, so items answered by different numbers of groups stay comparable.
    It is high only if every group agrees. The spread is max − min of the groups' raw
    agreement shares (NaN with fewer than two groups): high when the groups disagree
    with each other, even if each is united.

    >>> group_measures({"A": (3, 0), "B": (3, 0)})
    (0.8, 0.0, 2)
    >>> group_measures({"A": (3, 0), "B": (0, 3)})
    (0.4, 1.0, 2)
    """
    decisive = {g: (a, d) for g, (a, d) in votes.items() if a + d > 0}
    if not decisive:
        return math.nan, math.nan, 0
    smoothed = [(a + 1) / (a + d + 2) for a, d in decisive.values()]
    geometric = float(np.exp(np.mean(np.log(smoothed))))
    shares = [a / (a + d) for a, d in decisive.values()]
    spread = max(shares) - min(shares) if len(shares) >= 2 else math.nan
    return round(geometric, 12), spread, len(decisive)


def summarise(answers: pd.DataFrame, items: pd.DataFrame) -> pd.DataFrame:
    """Per item: counts, points, consensus and division (pure; see :func:`feedback_summary`).

    ``answers`` has the columns of ``ANSWER_COLUMNS``; ``items`` has ``item_id``, ``kind``,
    ``label``, ``scope`` and ``cluster``. Every item appears, answered or not.
    """
    rows = []
    for item in items.itertuples(index=False):
        mine = answers[answers["item_id"] == item.item_id]
        ratings = mine["rating"].fillna("")
        agree = int((ratings == "agree").sum())
        disagree = int((ratings == "disagree").sum())
        share, division = consensus(agree, disagree)
        votes = {
            str(group): (
                int((g["rating"] == "agree").sum()),
                int((g["rating"] == "disagree").sum()),
            )
            for group, g in mine.assign(rating=ratings).groupby("group", sort=True)
        }
        group_consensus, spread, groups = group_measures(votes)
        rows.append(
            {
                "item_id": item.item_id,
                "kind": item.kind,
                "label": item.label,
                "scope": item.scope,
                "cluster": item.cluster,
                "participants": int(mine["token_id"].nunique()),
                "agree": agree,
                "disagree": disagree,
                "unsure": int((ratings == "unsure").sum()),
                "points": int(mine["points"].sum()),
                "agree_share": share,
                "division": division,
                "group_consensus": group_consensus,
                "group_spread": spread,
                "groups": groups,
                "comments": int((mine["comment"].fillna("") != "").sum()),
            }
        )
    return pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS)).astype(SUMMARY_COLUMNS)


# -- items -----------------------------------------------------------------------------
def current_items(project: Project) -> list[dict[str, Any]]:
    """The items participants would rate now: need clusters of the latest run, then drafts.

    Each item is a dict with ``key``, ``kind``, ``label``, ``text``, ``scope``,
    ``districts``, ``quotes``, ``members``, ``source``. Raises if no need run exists.
    """
    from workbench.store import NeedAssignment, NeedRun

    with project.session() as session:
        run = session.scalars(select(NeedRun).order_by(NeedRun.id.desc())).first()
        if run is None:
            raise WorkbenchError(
                "Noch keine Bedarfscluster berechnet (workbench needs): es gibt nichts zu bewerten."
            )
        members: dict[int, list[int]] = {}
        for cluster, segment_id in session.execute(
            select(NeedAssignment.cluster, NeedAssignment.segment_id).where(
                NeedAssignment.run_id == run.id
            )
        ):
            members.setdefault(int(cluster), []).append(int(segment_id))
        run_id, described = run.id, list(run.clusters)
    items = []
    for c in sorted(described, key=lambda c: c["cluster"]):
        content = {
            "label": c["label"],
            "text": "",
            "scope": c["scope"],
            "districts": list(c["districts"]),
            "quotes": list(c["quotes"]),
            "members": sorted(members.get(int(c["cluster"]), [])),
        }
        items.append(
            {
                "key": item_key(KIND_NEED, content),
                "kind": KIND_NEED,
                **content,
                "source": {"need_run": run_id, "cluster": int(c["cluster"])},
            }
        )
    items.extend(_draft_recommendations(project))
    return items


def _draft_recommendations(project: Project) -> list[dict[str, Any]]:
    """Draft recommendations as items (none if the recommendations stage is not there)."""
    try:
        from workbench.synthesis import recommendations as rec
    except ImportError:  # the stage is optional for feedback: needs alone can be rated
        return []
    table = rec.recommendations(project)
    items = []
    for r in table.itertuples(index=False):
        if r.status not in FEEDBACK_STATUSES:
            continue
        scope = "gesamtstädtisch" if r.scope == CITYWIDE else str(r.scope)
        content = {
            "label": str(r.title) if isinstance(r.title, str) and r.title else str(r.text),
            "text": str(r.text) if isinstance(r.title, str) and r.title else "",
            "scope": scope,
            "districts": [] if r.scope == CITYWIDE else [str(r.scope)],
            "quotes": [],
            "members": [],
            "actors": list(r.actors),
        }
        key = item_key(KIND_RECOMMENDATION, {**content, "id": int(r.recommendation_id)})
        content.pop("actors")
        items.append(
            {
                "key": key,
                "kind": KIND_RECOMMENDATION,
                **content,
                "source": {"recommendation_id": int(r.recommendation_id)},
            }
        )
    return items


def _round_for(session: Session, items: list[dict[str, Any]], budget: int, run_id: int) -> int:
    """The round for this item list and budget: the latest identical one, or a new one."""
    signature = hashlib.sha256(
        json.dumps([budget, [i["key"] for i in items]]).encode("utf-8")
    ).hexdigest()
    existing = session.scalars(
        select(FeedbackRound)
        .where(FeedbackRound.signature == signature)
        .order_by(FeedbackRound.id.desc())
    ).first()
    if existing is not None:
        return existing.id
    known = {
        i.key: i
        for i in session.scalars(
            select(FeedbackItem).where(FeedbackItem.key.in_([i["key"] for i in items]))
        )
    }
    round_ = FeedbackRound(budget=budget, need_run_id=run_id, signature=signature)
    session.add(round_)
    session.flush()
    for position, item in enumerate(items):
        record = known.get(item["key"])
        if record is None:
            record = FeedbackItem(**item)
            session.add(record)
            session.flush()
            known[item["key"]] = record
        session.add(FeedbackRoundItem(round_id=round_.id, item_id=record.id, position=position))
    return round_.id


# -- tokens ----------------------------------------------------------------------------
def _scope(
    session: Session, workshop: str | None, district: str | None
) -> tuple[int | None, int | None]:
    if workshop and district:
        raise InputError(
            "Zugangscodes gelten für einen Workshop oder einen Sozialraum, nicht beide."
        )
    if workshop:
        record = session.scalar(select(Workshop).where(Workshop.name == workshop))
        if record is None:
            valid = ", ".join(sorted(session.scalars(select(Workshop.name))))
            raise InputError(f"Unbekannter Workshop '{workshop}'. Vorhanden sind: {valid}.")
        return record.id, record.district_id
    if district:
        record = session.scalar(select(District).where(District.name == district))
        if record is None:
            valid = ", ".join(sorted(session.scalars(select(District.name))))
            raise InputError(f"Unbekannter Sozialraum '{district}'. Vorhanden sind: {valid}.")
        return None, record.id
    return None, None


def issue_tokens(
    project: Project,
    n: int,
    workshop: str | None = None,
    district: str | None = None,
    budget: int = DEFAULT_BUDGET,
) -> list[str]:
    """Issue ``n`` new tokens (for a workshop or a Sozialraum) and return them.

    The tokens are returned once and stored only as hashes. They belong to the round of
    the current items (need clusters of the latest run + draft recommendations); tokens
    issued while the items stay the same share one round.
    """
    if not isinstance(n, int) or not 1 <= n <= MAX_TOKENS:
        raise InputError(f"Anzahl der Zugangscodes: 1 bis {MAX_TOKENS}.")
    if not isinstance(budget, int) or not 1 <= budget <= 1000:
        raise InputError("Das Punktebudget muss zwischen 1 und 1000 liegen.")
    items = current_items(project)
    tokens = [secrets.token_urlsafe(TOKEN_BYTES) for _ in range(n)]
    with project.transaction() as session:
        workshop_id, district_id = _scope(session, workshop, district)
        run_id = items[0]["source"]["need_run"] if items else 0
        round_id = _round_for(session, items, budget, run_id)
        session.add_all(
            FeedbackToken(
                round_id=round_id,
                token_hash=hash_token(t),
                workshop_id=workshop_id,
                district_id=district_id,
            )
            for t in tokens
        )
    return tokens


def _token(session: Session, token: str | None, lock: bool = False) -> FeedbackToken:
    """The token's record; raises :class:`InvalidToken` with a clear German message."""
    if not token:
        raise InvalidToken(
            "Im Link fehlt Ihr persönlicher Zugangscode (…?token=…). Bitte öffnen Sie den "
            "vollständigen Link aus Ihrer Einladung."
        )
    query = select(FeedbackToken).where(FeedbackToken.token_hash == hash_token(token))
    if lock and session.get_bind().dialect.name != "sqlite":
        query = query.with_for_update()
    record = session.scalar(query) if _TOKEN_FORMAT.fullmatch(token) else None
    if record is None:
        raise InvalidToken(
            "Dieser Zugangscode ist ungültig. Bitte prüfen Sie den Link aus Ihrer Einladung "
            "oder wenden Sie sich an das Forschungsteam."
        )
    return record


def _begin_write(session: Session) -> None:
    """Take SQLite's write lock now (see the module docstring); no-op elsewhere."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("BEGIN IMMEDIATE"))


# -- participants ----------------------------------------------------------------------
def open_ballot(project: Project, token: str | None) -> Ballot:
    """Validate ``token`` and return its items, budget and answers so far."""
    with project.session() as session:
        record = _token(session, token)
        round_ = session.get(FeedbackRound, record.round_id)
        rows = session.execute(
            select(FeedbackItem)
            .join(FeedbackRoundItem, FeedbackRoundItem.item_id == FeedbackItem.id)
            .where(FeedbackRoundItem.round_id == round_.id)
            .order_by(FeedbackRoundItem.position)
        ).scalars()
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
        )
        answers = {
            a.item_id: Answer(a.item_id, a.rating, a.points, a.comment)
            for a in session.scalars(
                select(FeedbackAnswer).where(FeedbackAnswer.token_id == record.id)
            )
        }
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
    budget together with its answers on the other items; the comment is stored as given.
    An answer with nothing in it removes the stored one. Invalid input writes nothing.
    """
    code = rating_code(rating)
    if isinstance(points, bool) or not isinstance(points, int | np.integer) or points < 0:
        raise InputError("Punkte sind eine ganze Zahl ab 0.")
    points = int(points)
    comment = "" if comment is None else str(comment)
    if len(comment) > MAX_COMMENT:
        raise InputError(f"Der Kommentar ist zu lang (höchstens {MAX_COMMENT} Zeichen).")
    answer = Answer(int(item_id), code, points, comment)
    with project.transaction() as session:
        _begin_write(session)
        record = _token(session, token, lock=True)
        in_round = session.scalar(
            select(FeedbackRoundItem.id).where(
                FeedbackRoundItem.round_id == record.round_id,
                FeedbackRoundItem.item_id == answer.item_id,
            )
        )
        if in_round is None:
            raise InputError("Diesen Punkt gibt es in Ihrer Befragung nicht.")
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
        if answer.is_empty:
            if stored is not None:
                session.delete(stored)
            return answer
        if stored is None:
            stored = FeedbackAnswer(token_id=record.id, item_id=answer.item_id)
            session.add(stored)
        stored.rating, stored.points, stored.comment = code, points, comment
        stored.updated_at = utcnow()
    return answer


# -- researchers -----------------------------------------------------------------------
def _groups(session: Session, by: str) -> dict[int, str]:
    """token id → group name (its district or workshop; NO_GROUP if none)."""
    districts = dict(session.execute(select(District.id, District.name)).all())
    workshops = dict(session.execute(select(Workshop.id, Workshop.name)).all())
    groups = {}
    for t in session.scalars(select(FeedbackToken)):
        if by == "workshop":
            name = workshops.get(t.workshop_id) if t.workshop_id else None
        else:
            name = districts.get(t.district_id) if t.district_id else None
        groups[t.id] = name or NO_GROUP
    return groups


def feedback_answers(project: Project, by: str = "district") -> pd.DataFrame:
    """All answers with the group (district or workshop) of their token."""
    if by not in ("district", "workshop"):
        raise InputError("Gruppieren nach 'district' oder 'workshop'.")
    with project.session() as session:
        groups = _groups(session, by)
        rows = [
            {
                "token_id": a.token_id,
                "item_id": a.item_id,
                "group": groups[a.token_id],
                "rating": a.rating,
                "points": a.points,
                "comment": a.comment,
            }
            for a in session.scalars(
                select(FeedbackAnswer).order_by(FeedbackAnswer.item_id, FeedbackAnswer.token_id)
            )
        ]
    return pd.DataFrame(rows, columns=list(ANSWER_COLUMNS)).astype(ANSWER_COLUMNS)


def _items(project: Project, round_id: int | None) -> pd.DataFrame:
    """Items of a round (default: all rounds) with their cluster in the latest need run."""
    from workbench.analysis.needs import MATCH_THRESHOLD
    from workbench.store import NeedAssignment, NeedRun

    with project.session() as session:
        query = (
            select(FeedbackItem, FeedbackRoundItem.round_id, FeedbackRoundItem.position)
            .join(FeedbackRoundItem, FeedbackRoundItem.item_id == FeedbackItem.id)
            .order_by(FeedbackRoundItem.round_id, FeedbackRoundItem.position)
        )
        if round_id is not None:
            if session.get(FeedbackRound, round_id) is None:
                raise InputError(f"Befragungsrunde {round_id} gibt es nicht.")
            query = query.where(FeedbackRoundItem.round_id == round_id)
        seen: dict[int, FeedbackItem] = {}
        for item, _, _ in session.execute(query):
            seen.setdefault(item.id, item)
        latest = session.scalars(select(NeedRun.id).order_by(NeedRun.id.desc())).first()
        current: dict[int, set[int]] = {}
        if latest is not None:
            for cluster, segment_id in session.execute(
                select(NeedAssignment.cluster, NeedAssignment.segment_id).where(
                    NeedAssignment.run_id == latest
                )
            ):
                current.setdefault(int(cluster), set()).add(int(segment_id))
    rows = []
    for item in seen.values():
        cluster = None
        if item.kind == KIND_NEED and current:
            members = set(item.members)
            scored = {c: len(members & m) / len(members | m) for c, m in current.items()}
            best = min(scored, key=lambda c: (-scored[c], c))
            cluster = best if scored[best] >= MATCH_THRESHOLD else None
        rows.append(
            {
                "item_id": item.id,
                "kind": KINDS.get(item.kind, item.kind),
                "label": item.label,
                "scope": item.scope,
                "cluster": cluster,
            }
        )
    columns = ["item_id", "kind", "label", "scope", "cluster"]
    return pd.DataFrame(rows, columns=columns).astype({"item_id": "int64", "cluster": "Int64"})


def feedback_summary(
    project: Project, by: str = "district", round_id: int | None = None
) -> pd.DataFrame:
    """Per item: counts per rating, priority points, participants and consensus measures.

    Columns (``SUMMARY_COLUMNS``): ``participants`` (tokens that answered the item),
    ``agree``/``disagree``/``unsure`` (counts), ``points`` (total), ``agree_share`` (agree
    among agree + disagree), ``division`` (4·p·(1−p): 0 united … 1 split in half),
    ``group_consensus`` (geometric mean of the groups' smoothed agreement; ``by``:
    the tokens' district or workshop), ``group_spread`` (max − min agreement share
    between groups), ``groups`` (groups with decisive answers), ``comments``, and
    ``cluster`` (for needs: the matching cluster of the latest need run, if any).
    Items of all rounds by default, in the order participants saw them.
    """
    answers = feedback_answers(project, by)
    items = _items(project, round_id)
    return summarise(answers[answers["item_id"].isin(items["item_id"])], items)


def feedback_comments(project: Project, by: str = "district") -> pd.DataFrame:
    """The comments (as given — escape them on display), per item, with the group."""
    answers = feedback_answers(project, by)
    items = _items(project, None).set_index("item_id")["label"]
    with_comment = answers[answers["comment"].fillna("") != ""]
    table = pd.DataFrame(
        {
            "item_id": with_comment["item_id"],
            "label": with_comment["item_id"].map(items),
            "group": with_comment["group"],
            "rating": with_comment["rating"].fillna("").map(lambda r: RATINGS.get(r, "")),
            "comment": with_comment["comment"],
        }
    )
    table = table.sort_values(["item_id", "group", "comment"]).reset_index(drop=True)
    return table.astype(COMMENT_COLUMNS)


def feedback_status(project: Project) -> dict[str, int]:
    """Rounds, tokens issued, tokens that answered, answers."""
    with project.session() as session:
        tokens = session.scalars(select(FeedbackToken.id)).all()
        answered = set(session.scalars(select(FeedbackAnswer.token_id)))
        answers = len(session.scalars(select(FeedbackAnswer.id)).all())
        rounds = len(session.scalars(select(FeedbackRound.id)).all())
    return {
        "rounds": rounds,
        "tokens": len(tokens),
        "participants": len(answered),
        "answers": answers,
    }


def summary_records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """A summary table as JSON-ready records (NaN → None)."""
    records = []
    for row in table.to_dict(orient="records"):
        records.append(
            {
                k: (
                    None
                    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))
                    else (int(v) if isinstance(v, np.integer) else v)
                )
                for k, v in row.items()
            }
        )
    return records


__all__ = [
    "RATINGS",
    "Answer",
    "Ballot",
    "BudgetExceeded",
    "InvalidToken",
    "Item",
    "feedback_answers",
    "feedback_comments",
    "feedback_status",
    "feedback_summary",
    "issue_tokens",
    "open_ballot",
    "save_answer",
]
