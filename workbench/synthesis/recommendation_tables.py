"""Recommendations as tables: the reading side of :mod:`workbench.synthesis.recommendations`.

Listing recommendations, their need links, their evidence and their status history reads
the project only: it loads no pseudonymiser (which the writing side needs for the texts
researchers type), so ``workbench recommend list`` and ``recommend history`` answer without
it. :mod:`workbench.synthesis.recommendations` re-exports everything here, and
:mod:`workbench.synthesis.recommendation_status` the status history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.errors import InputError
from workbench.store import District, Recommendation, RecommendationStatus
from workbench.synthesis.recommendation_chain import (  # noqa: F401  (recommendation_label: its home before)
    read_snapshot,
    recommendation_label,
    resolve_link,
)

if TYPE_CHECKING:
    from workbench.project import Project

RECOMMENDATION_COLUMNS = {
    "recommendation_id": "int64",
    "title": "string",
    "text": "string",
    "scope": "string",
    "actors": "object",
    "status": "string",
    "author": "string",
    "needs": "int64",
    "evidence": "int64",
}
NEED_LINK_COLUMNS = {
    "link_id": "int64",
    "recommendation_id": "int64",
    "linked_run": "int64",
    "linked_cluster": "int64",
    "linked_label": "string",
    "members": "object",
    "run_id": "Int64",
    "cluster": "Int64",
    "label": "string",
    "scope": "string",
    "jaccard": "float64",
}
EVIDENCE_COLUMNS = {
    "recommendation_id": "int64",
    "segment_id": "int64",
    "document": "string",
    "source_id": "string",
    "workshop": "string",
    "district": "string",
    "text": "string",
    "exists": "bool",
}
HISTORY_COLUMNS = {
    "entry_id": "int64",
    "recommendation_id": "int64",
    "title": "string",
    "scope": "string",
    "status": "string",
    "date": "string",
    "actor": "string",
    "note": "string",
}


def recommendations(project: Project) -> pd.DataFrame:
    """All recommendations with scope, actors, status and the number of their links."""
    snap = read_snapshot(project)
    needs = pd.Series([n["recommendation_id"] for n in snap.need_links]).value_counts()
    evidence = pd.Series([e["recommendation_id"] for e in snap.evidence]).value_counts()
    rows = [
        {
            "recommendation_id": r["id"],
            "title": r["title"],
            "text": r["text"],
            "scope": r["scope"],
            "actors": tuple(r["actors"]),
            "status": r["status"],
            "author": r["author"],
            "needs": int(needs.get(r["id"], 0)),
            "evidence": int(evidence.get(r["id"], 0)),
        }
        for r in snap.recommendations
    ]
    return pd.DataFrame(rows, columns=list(RECOMMENDATION_COLUMNS)).astype(RECOMMENDATION_COLUMNS)


def need_links(project: Project, run_id: int | None = None) -> pd.DataFrame:
    """Need links with the cluster each resolves to in the run (default: latest)."""
    snap = read_snapshot(project, run_id)
    rows = []
    for link in snap.need_links:
        cluster, score, _ = resolve_link(snap, link) if snap.run else (None, 0.0, 0)
        info = snap.run["clusters"].get(cluster, {}) if snap.run and cluster is not None else {}
        rows.append(
            {
                "link_id": link["id"],
                "recommendation_id": link["recommendation_id"],
                "linked_run": link["run_id"],
                "linked_cluster": link["cluster"],
                "linked_label": link["label"],
                "members": tuple(link["members"]),
                "run_id": snap.run["id"] if snap.run else None,
                "cluster": cluster,
                "label": info.get("label"),
                "scope": info.get("scope"),
                "jaccard": score,
            }
        )
    return pd.DataFrame(rows, columns=list(NEED_LINK_COLUMNS)).astype(NEED_LINK_COLUMNS)


def evidence(project: Project) -> pd.DataFrame:
    """Evidence segments (pseudonymised text) with document, workshop and district."""
    snap = read_snapshot(project)
    rows = []
    for e in snap.evidence:
        segment = snap.segments.get(e["segment_id"])
        document = snap.documents.get(segment["document_id"]) if segment else None
        workshop = snap.workshops.get(document["workshop_id"]) if document else None
        rows.append(
            {
                "recommendation_id": e["recommendation_id"],
                "segment_id": e["segment_id"],
                "document": document["filename"] if document else e["document"],
                "source_id": segment["source_id"] if segment else e["source_id"],
                "workshop": workshop["name"] if workshop else None,
                "district": segment["district"] if segment else None,
                "text": segment["text"] if segment else None,
                "exists": segment is not None,
            }
        )
    return pd.DataFrame(rows, columns=list(EVIDENCE_COLUMNS)).astype(EVIDENCE_COLUMNS)


def find_recommendation(session: Session, recommendation_id: int) -> Recommendation:
    """The stored recommendation, or a German error naming the id."""
    found = session.get(Recommendation, int(recommendation_id))
    if found is None:
        raise InputError(f"Empfehlung {recommendation_id} gibt es nicht.")
    return found


def status_history(project: Project, recommendation_id: int | None = None) -> pd.DataFrame:
    """The status steps (HISTORY_COLUMNS) of all recommendations or one, oldest first."""
    with project.session() as session:
        if recommendation_id is not None:
            find_recommendation(session, recommendation_id)
        query = (
            select(RecommendationStatus, Recommendation.title, District.name)
            .join(Recommendation, RecommendationStatus.recommendation_id == Recommendation.id)
            .join(District, Recommendation.district_id == District.id)
            .order_by(
                RecommendationStatus.recommendation_id,
                RecommendationStatus.date,
                RecommendationStatus.id,
            )
        )
        if recommendation_id is not None:
            query = query.where(RecommendationStatus.recommendation_id == int(recommendation_id))
        rows = [
            {
                "entry_id": entry.id,
                "recommendation_id": entry.recommendation_id,
                "title": title,
                "scope": scope,
                "status": entry.status,
                "date": entry.date,
                "actor": entry.actor,
                "note": entry.note,
            }
            for entry, title, scope in session.execute(query)
        ]
    return pd.DataFrame(rows, columns=list(HISTORY_COLUMNS)).astype(HISTORY_COLUMNS)
