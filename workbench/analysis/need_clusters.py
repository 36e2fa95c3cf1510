"""Need clusters by membership: the members of a stored run's clusters, and matching them.

Need runs renumber their clusters and researchers rename them, so neither a cluster's
number nor its label identifies it over time; its member segment ids do. A stored member
set — the members an edit was made on (:mod:`workbench.analysis.needs`), a
recommendation's link (:mod:`workbench.synthesis.recommendations`), a feedback item
(:mod:`workbench.participation.items`) — is matched against a run's clusters by
:func:`match_cluster`: the cluster with the highest Jaccard similarity, if that reaches
:data:`MATCH_THRESHOLD`. All three follow "their" cluster by this one rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.store import NeedAssignment, NeedRun, find_run

MATCH_THRESHOLD = 0.5
NO_NEED_RUN = "Noch keine Bedarfscluster berechnet (workbench needs)."


def jaccard(a: Iterable[int], b: Iterable[int]) -> float:
    """Jaccard similarity of two sets of ids (0 for two empty sets).

    >>> jaccard([1, 2, 3], [2, 3, 4])
    0.5
    >>> jaccard([], [])
    0.0
    """
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a or b else 0.0


class ClusterMatch(NamedTuple):
    """The best matching cluster (None below the threshold) and its Jaccard similarity."""

    cluster: int | None
    score: float


def match_cluster(members: Iterable[int], clusters: Mapping[int, set[int]]) -> ClusterMatch:
    """The cluster that ``members`` match best, if its Jaccard similarity ≥ MATCH_THRESHOLD.

    Ties go to the lowest cluster number. ``score`` is the best similarity found, also
    when it stays below the threshold (0.0 if nothing overlaps).

    >>> match_cluster([1, 2, 3, 4], {0: {5, 6}, 1: {1, 2, 3}, 2: {2, 3, 4}})
    ClusterMatch(cluster=1, score=0.75)
    >>> match_cluster([1, 2, 3, 4], {0: {1, 2, 5, 6, 7}})
    ClusterMatch(cluster=None, score=0.2857142857142857)
    """
    wanted = set(members)
    best, score = None, 0.0
    for cluster in sorted(clusters):
        similarity = jaccard(wanted, clusters[cluster])
        if similarity > score:
            best, score = cluster, similarity
    return ClusterMatch(best if score >= MATCH_THRESHOLD else None, score)


@dataclass(frozen=True)
class NeedMemberships:
    """One need run's clusters: as described when stored, and their member segment ids."""

    run_id: int
    clusters: list[dict[str, Any]]  # the run's described clusters (label, scope, quotes, …)
    members: dict[int, set[int]]  # cluster number → member segment ids

    @property
    def described(self) -> dict[int, dict[str, Any]]:
        """Cluster number → its description."""
        return {int(c["cluster"]): c for c in self.clusters}


def latest_memberships(session: Session, run_id: int | None = None) -> NeedMemberships | None:
    """Members of each cluster of the latest need run (or run ``run_id``).

    None if no need run exists yet; an unknown ``run_id`` raises a WorkbenchError.
    """
    if run_id is None:
        run = session.scalars(select(NeedRun).order_by(NeedRun.id.desc())).first()
        if run is None:
            return None
    else:
        run = find_run(session, NeedRun, int(run_id), NO_NEED_RUN, "Bedarfslauf")
    members: dict[int, set[int]] = {}
    rows = session.execute(
        select(NeedAssignment.cluster, NeedAssignment.segment_id).where(
            NeedAssignment.run_id == run.id
        )
    )
    for cluster, segment_id in rows:
        members.setdefault(int(cluster), set()).add(int(segment_id))
    return NeedMemberships(run_id=run.id, clusters=list(run.clusters), members=members)
