"""Feedback items: what participants rate, snapshot into rounds.

An item is a need cluster of the latest need run or a draft recommendation.

*Item identity — snapshots.* Need runs renumber their clusters and researchers rename
them, so a cluster number means nothing across runs. When tokens are issued, the items
are snapshot into ``feedback_items`` exactly as participants will see them (label,
scope, quotes, recommendation text) together with the cluster's member segment ids; a
label or title is snapshot on one line as every label is stored (``line_label``: an older
version may have left one with an escape sequence or CR; an ordinary one stays as written). An
item's ``key`` is a hash of all of that; a later snapshot with the same content reuses
the same item, so answers given under several rounds pool. A participant therefore
always rates what they were shown, even if the researchers re-run or rename the clusters
during the feedback phase; the member ids let the summary point each answered item to
its cluster in the latest run (:func:`workbench.analysis.need_clusters.match_cluster`, the
same rule as for researchers' edits in :mod:`workbench.analysis.needs`).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.analysis.need_clusters import latest_memberships
from workbench.core.domain import WorkbenchError
from workbench.core.typed_text import line_label
from workbench.store import CITYWIDE, FeedbackItem, FeedbackRound, FeedbackRoundItem
from workbench.synthesis import recommendation_tables as rec  # reads only: no pseudonymiser

if TYPE_CHECKING:
    from workbench.project import Project

KIND_NEED = "need"
KIND_RECOMMENDATION = "recommendation"
KINDS: dict[str, str] = {KIND_NEED: "Bedarf", KIND_RECOMMENDATION: "Empfehlungsentwurf"}
# Recommendations with these statuses are put to the participants.
FEEDBACK_STATUSES = ("Entwurf",)

_ITEM_NAMESPACE = uuid.UUID("6f1d2c1e-6a43-5b7e-9a51-2f0e8f1b4d21")


def item_key(kind: str, content: Mapping[str, Any]) -> str:
    """Stable identity of an item: uuid5 of its kind and displayed content (+ members)."""
    payload = json.dumps([kind, content], sort_keys=True, ensure_ascii=False)
    return str(uuid.uuid5(_ITEM_NAMESPACE, payload))


def current_items(project: Project) -> list[dict[str, Any]]:
    """The items participants would rate now: need clusters of the reference run, then drafts.

    Each item is a dict with ``key``, ``kind``, ``label``, ``text``, ``scope``,
    ``districts``, ``quotes``, ``members``, ``source``. Raises if no need run exists.
    """
    with project.session() as session:
        run = latest_memberships(session)
    if run is None:
        raise WorkbenchError(
            "Noch keine Bedarfscluster berechnet (workbench needs): es gibt nichts zu bewerten."
        )
    items = []
    for c in sorted(run.clusters, key=lambda c: c["cluster"]):
        content = {
            "label": line_label(c["label"]),  # one line: as an older run may not have it
            "text": "",
            "scope": c["scope"],
            "districts": list(c["districts"]),
            "quotes": list(c["quotes"]),
            "members": sorted(run.members.get(int(c["cluster"]), ())),
        }
        items.append(
            {
                "key": item_key(KIND_NEED, content),
                "kind": KIND_NEED,
                **content,
                "source": {"need_run": run.run_id, "cluster": int(c["cluster"])},
            }
        )
    items.extend(draft_recommendations(project))
    return items


def draft_recommendations(project: Project) -> list[dict[str, Any]]:
    """Draft recommendations (status in FEEDBACK_STATUSES) as items."""
    table = rec.recommendations(project)
    items = []
    for r in table.itertuples(index=False):
        if r.status not in FEEDBACK_STATUSES:
            continue
        scope = "gesamtstädtisch" if r.scope == CITYWIDE else str(r.scope)
        title = line_label(r.title) if isinstance(r.title, str) else ""  # as stored before
        content = {
            "label": rec.recommendation_label(r.title, r.text),  # untitled: its text
            "text": str(r.text) if title else "",
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


def round_for(session: Session, items: list[dict[str, Any]], budget: int, run_id: int) -> int:
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
