"""Feedback results for researchers: counts, priority points, consensus and comments.

:func:`feedback_summary` gives, per item, the counts per rating, the priority points and
consensus/division measures, overall and between groups of participants (the district
or workshop of their tokens). Need items are pointed to their cluster in the latest need
run by membership (:func:`workbench.analysis.need_clusters.match_cluster`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.analysis.need_clusters import latest_memberships, match_cluster
from workbench.core.domain import InputError
from workbench.participation.ballots import RATINGS
from workbench.participation.comments import is_blank, pseudonymise_stored
from workbench.participation.items import KIND_NEED, KINDS
from workbench.store import (
    District,
    FeedbackAnswer,
    FeedbackItem,
    FeedbackRound,
    FeedbackRoundItem,
    FeedbackToken,
    Workshop,
)

if TYPE_CHECKING:
    from workbench.project import Project

NO_GROUP = "ohne Zuordnung"

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
                "comments": int((~mine["comment"].fillna("").map(is_blank).astype(bool)).sum()),
            }
        )
    return pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS)).astype(SUMMARY_COLUMNS)


def _token_groups(session: Session, by: str) -> dict[int, str]:
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
    """All answers with the group (district or workshop) of their token; comments as
    stored, pseudonymised (an older project's are pseudonymised first: see
    :func:`~workbench.participation.comments.pseudonymise_stored`)."""
    if by not in ("district", "workshop"):
        raise InputError("Gruppieren nach 'district' oder 'workshop'.")
    shown = pseudonymise_stored(project) or {}
    with project.session() as session:
        groups = _token_groups(session, by)
        rows = [
            {
                "token_id": a.token_id,
                "item_id": a.item_id,
                "group": groups[a.token_id],
                "rating": a.rating,
                "points": a.points,
                "comment": shown.get(a.id, a.comment),
            }
            for a in session.scalars(
                select(FeedbackAnswer).order_by(FeedbackAnswer.item_id, FeedbackAnswer.token_id)
            )
        ]
    return pd.DataFrame(rows, columns=list(ANSWER_COLUMNS)).astype(ANSWER_COLUMNS)


def _summary_items(project: Project, round_id: int | None) -> pd.DataFrame:
    """Items of a round (default: all rounds) with their cluster in the latest need run."""
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
        latest = latest_memberships(session)
    current = latest.members if latest is not None else {}
    rows = []
    for item in seen.values():
        cluster = None
        if item.kind == KIND_NEED and current:
            cluster = match_cluster(item.members, current).cluster
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
    items = _summary_items(project, round_id)
    return summarise(answers[answers["item_id"].isin(items["item_id"])], items)


def feedback_comments(project: Project, by: str = "district") -> pd.DataFrame:
    """The comments (pseudonymised; free text — escape them on display), per item, with
    the group."""
    answers = feedback_answers(project, by)
    items = _summary_items(project, None).set_index("item_id")["label"]
    with_comment = answers[~answers["comment"].fillna("").map(is_blank).astype(bool)]
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
