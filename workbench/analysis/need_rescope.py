"""After ``workbench forget``: decide the scope of the stored need clusters again.

A need cluster is district-specific or cross-district by the districts its statements
come from and how they compare with all statements of the run
(:mod:`workbench.analysis.need_scope`). ``forget`` (in the store, which cannot call the
analysis) removes statements from the runs and narrows the clusters' districts, but a
cluster raised in three districts of which one was erased stayed "übergreifend" with two.
:func:`rescope_needs` decides scope and focus again from the statements each cluster of
the named runs still has, by the rule and ``cross_cutting_min`` of the run; who is in
which cluster, labels and keywords stay as they are; a rating card of a cluster says
its scope now, as it already shows only the districts left.

A run made before a merge of Sozialräume is not decided again: its clusters name the
districts as they were (Opladen beside Manfort), the statements are all in the district
that stayed, and counting them so called a need "sozialraumspezifisch" beside three names
although it lost no statement. Such a run is out of date anyway
(:func:`workbench.store.district_changes.changed_since`); the line returned says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.analysis.need_scope import CROSS_CUTTING_MIN, cluster_scopes
from workbench.analysis.needs import scope_name
from workbench.store import CITYWIDE, District, FeedbackItem, NeedAssignment, NeedRun, Segment
from workbench.store.district_changes import changed_since, former_names

if TYPE_CHECKING:
    from workbench.project import Project


def rescope_needs(project: Project, run_ids: Iterable[int]) -> tuple[list[str], list[str]]:
    """Decide scope and focus of the clusters of the need runs ``run_ids`` again from
    their remaining statements; return German lines: one per cluster whose scope changed,
    and one per run left as it was (a merge since)."""
    with project.transaction(exclusive=True) as session:
        return rescope_in(session, run_ids)


def rescope_in(session: Session, run_ids: Iterable[int]) -> tuple[list[str], list[str]]:
    """:func:`rescope_needs` in ``session`` (``forget`` passes it, to decide again in its
    own transaction: before its forget mark tells open pages to read anew)."""
    changed: list[str] = []
    left: list[str] = []
    scopes_now: dict[tuple[int, int], str] = {}  # (run, cluster) → scope, where it changed
    former = former_names(session)
    for run_id in sorted(set(run_ids)):
        run = session.get(NeedRun, run_id)
        if run is None:
            continue
        merges = changed_since(session, run.created_at)
        if merges:  # the run's districts are not today's: its scope stays as decided
            merged = ", ".join(f"{m.source} in {m.target}" for m in merges)
            left.append(
                f"Bedarfslauf {run_id}: nicht neu entschieden, weil seither Sozialräume "
                f"zusammengelegt wurden ({merged}); bitte workbench needs neu berechnen."
            )
            continue
        rows = session.execute(
            select(NeedAssignment.cluster, District.name)
            .join(Segment, Segment.id == NeedAssignment.segment_id)
            .join(District, District.id == Segment.district_id)
            .where(NeedAssignment.run_id == run_id)
            .order_by(NeedAssignment.segment_id)
        ).all()
        if not rows:
            continue
        labels = np.array([cluster for cluster, _ in rows])
        districts = [name for _, name in rows]
        located = [name != CITYWIDE for name in districts]
        cross_min = int((run.params or {}).get("cross_cutting_min", CROSS_CUTTING_MIN))
        scopes = cluster_scopes(labels, districts, located, cross_min)
        clusters = []
        for record in run.clusters:
            scope = scopes.get(record.get("cluster"))
            if scope is None:  # no statement left: nothing to decide
                clusters.append(record)
                continue
            shown = {former.get(d, d): d for d in record.get("districts") or []}
            new = dict(
                record,
                scope=scope_name(scope),
                focus_districts=[shown.get(d, d) for d in scope.focus],
                focus_p=scope.focus_p,
            )
            if new["scope"] != record.get("scope"):
                scopes_now[(run_id, int(record["cluster"]))] = new["scope"]
                changed.append(  # by number: a generated label quotes a statement
                    f"Bedarf {record.get('cluster')} (Bedarfslauf {run_id}): jetzt "
                    f"{new['scope']} statt {record.get('scope')}"
                )
            clusters.append(new)
        if clusters != run.clusters:
            run.clusters = clusters
    for item in session.scalars(select(FeedbackItem).where(FeedbackItem.kind == "need")):
        source = item.source or {}
        scope = scopes_now.get((source.get("need_run"), source.get("cluster")))
        if scope is not None:  # the rating card says what the cluster is now
            item.scope = scope
    return changed, left
