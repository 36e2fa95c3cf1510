"""Need clusters by membership: the members of a stored run's clusters, and matching them.

Need runs renumber their clusters and researchers rename them, so neither a cluster's
number nor its label identifies it over time; its member segment ids do. A stored member
set — the members an edit was made on (:mod:`workbench.analysis.needs`), a
recommendation's link (:mod:`workbench.synthesis.recommendations`), a feedback item
(:mod:`workbench.participation.items`) — is matched against a run's clusters by
:func:`match_cluster`, by *containment*: the cluster that holds most of the stored members,
if that is at least :data:`MATCH_SHARE` of them — however many new statements the cluster
gained since (after a second wave, a cluster of 10 may sit inside one of 25). Ties go to
the higher Jaccard similarity, then the lower cluster number. All three follow "their"
cluster by this one rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.store import NeedAssignment, NeedRun, find_run
from workbench.store.district_changes import former_names, named_today

MATCH_SHARE = 0.5  # the share of the stored members that must be in the matched cluster
NO_NEED_RUN = "Noch keine Bedarfscluster berechnet (workbench needs)."
PUBLIC_NO_NEED_RUN = "Die genannten Bedarfe sind noch nicht ausgewertet."  # for residents


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
    """The matched cluster (None if none holds enough), the Jaccard similarity of the best
    candidate, and how many of the stored members it holds."""

    cluster: int | None
    score: float
    overlap: int = 0


def match_cluster(members: Iterable[int], clusters: Mapping[int, set[int]]) -> ClusterMatch:
    """The cluster holding most of ``members``, if that is at least MATCH_SHARE of them.

    Among clusters holding equally many, the higher Jaccard similarity wins, then the lower
    cluster number. ``score`` and ``overlap`` describe the best candidate, also when it
    holds too few (0.0 and 0 if nothing overlaps).

    >>> match_cluster([1, 2, 3, 4], {0: {5, 6}, 1: {1, 2, 3}, 2: {2, 3, 4}})
    ClusterMatch(cluster=1, score=0.75, overlap=3)
    >>> match_cluster([1, 2, 3], {0: {1, 2, 3, *range(10, 30)}})  # the cluster grew
    ClusterMatch(cluster=0, score=0.13043478260869565, overlap=3)
    >>> match_cluster([1, 2, 3, 4, 5], {0: {1, 2, 9}, 1: {3, 4, 8}, 2: {5}})
    ClusterMatch(cluster=None, score=0.3333333333333333, overlap=2)
    """
    wanted = set(members)
    best, score, overlap = None, 0.0, 0
    for cluster in sorted(clusters):
        inside = len(wanted & clusters[cluster])
        similarity = jaccard(wanted, clusters[cluster])
        if (inside, similarity) > (overlap, score):
            best, score, overlap = cluster, similarity, inside
    held = best is not None and overlap >= MATCH_SHARE * len(wanted)
    return ClusterMatch(best if held else None, score, overlap)


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


def reference_run(session: Session) -> NeedRun | None:
    """The need run reports, apps, recommendations, cluster edits and feedback follow.

    The newest run over all guiding questions (stored without ``question``): a run on one
    question (``workbench needs --question``) answers that question and replaces nothing.
    A project that only ever ran per question follows its newest run. None: no run yet.
    """
    newest = None
    for run_id, params in session.execute(
        select(NeedRun.id, NeedRun.params).order_by(NeedRun.id.desc())
    ):
        newest = run_id if newest is None else newest
        if not (params or {}).get("question"):
            return session.get(NeedRun, run_id)
    return None if newest is None else session.get(NeedRun, newest)


def need_run(session: Session, run_id: int | None = None) -> NeedRun:
    """The stored need run ``run_id`` (default: :func:`reference_run`); none → a German error."""
    run = reference_run(session) if run_id is None else None
    return run or find_run(session, NeedRun, run_id, NO_NEED_RUN, "Bedarfslauf")


def latest_memberships(session: Session, run_id: int | None = None) -> NeedMemberships | None:
    """Members of each cluster of the reference need run (:func:`reference_run`) or of run
    ``run_id``.

    None if no need run exists yet; an unknown ``run_id`` raises a WorkbenchError.
    """
    if run_id is None:
        run = reference_run(session)
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
    return NeedMemberships(run_id=run.id, clusters=clusters_today(session, run), members=members)


def clusters_today(session: Session, run: NeedRun) -> list[dict]:
    """The stored clusters of ``run``, a district merged away named as the one it joined."""
    former = former_names(session)
    return [named_today(c, former) for c in run.clusters]
