"""Feedback: member checking and prioritisation by stakeholders with pseudonymous tokens.

Researchers issue tokens (:func:`issue_tokens`), one per participant, for a workshop or a
Sozialraum. A participant opens the app with their token in the link and answers, per
item — each need cluster of the reference need run (``need_clusters.reference_run``) and
each draft recommendation —

- a rating: "trifft zu", "trifft nicht zu" or "weiß nicht" (member checking),
- priority points from a fixed budget per token (dot voting, default 10 points),
- an optional comment.

One answer per token and item; it can be changed any time (:func:`save_answer` is an
upsert) and never exists twice (unique constraint token × item). :func:`feedback_summary`
gives researchers counts, priority totals and consensus/division measures per item.

This module is the stage's public interface; the work is done in

- :mod:`workbench.participation.items` — what is rated, snapshot into rounds (item identity),
- :mod:`workbench.participation.tokens` — issuing and checking tokens (stored as hashes),
- :mod:`workbench.participation.ballots` — a token's ballot and its answers (concurrency),
- :mod:`workbench.participation.results` — summary, comments and status for researchers.

The design decisions are described in those modules (see also docs/decisions).
"""

from __future__ import annotations

from workbench.participation.ballots import (
    MAX_COMMENT,
    RATINGS,
    Answer,
    Ballot,
    BudgetExceeded,
    Item,
    open_ballot,
    rating_code,
    save_answer,
)
from workbench.participation.items import (
    FEEDBACK_STATUSES,
    KIND_NEED,
    KIND_RECOMMENDATION,
    KINDS,
    current_items,
    item_key,
)
from workbench.participation.results import (
    ANSWER_COLUMNS,
    COMMENT_COLUMNS,
    NO_GROUP,
    SUMMARY_COLUMNS,
    consensus,
    feedback_answers,
    feedback_comments,
    feedback_status,
    feedback_summary,
    group_measures,
    summarise,
    summary_records,
)
from workbench.participation.tokens import (
    APP,
    DEFAULT_BUDGET,
    FORM_PATH,
    MAX_TOKENS,
    TOKEN_BYTES,
    TOKEN_FORMAT,
    InvalidToken,
    app_url,
    form_url,
    hash_token,
    issue_tokens,
    token_from_query,
)

__all__ = [
    "ANSWER_COLUMNS",
    "APP",
    "COMMENT_COLUMNS",
    "DEFAULT_BUDGET",
    "FEEDBACK_STATUSES",
    "FORM_PATH",
    "KINDS",
    "KIND_NEED",
    "KIND_RECOMMENDATION",
    "MAX_COMMENT",
    "MAX_TOKENS",
    "NO_GROUP",
    "RATINGS",
    "SUMMARY_COLUMNS",
    "TOKEN_BYTES",
    "TOKEN_FORMAT",
    "Answer",
    "Ballot",
    "BudgetExceeded",
    "InvalidToken",
    "Item",
    "app_url",
    "consensus",
    "current_items",
    "feedback_answers",
    "feedback_comments",
    "feedback_status",
    "feedback_summary",
    "form_url",
    "group_measures",
    "hash_token",
    "issue_tokens",
    "item_key",
    "open_ballot",
    "rating_code",
    "save_answer",
    "summarise",
    "summary_records",
    "token_from_query",
]
