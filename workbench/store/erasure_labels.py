"""Need names the team gave that quote a forgotten statement leave the project.

A researcher's name for a need cluster stays through ``forget`` (it is the team's
writing, :mod:`workbench.store.erasure_words`), and the edit log replays it on every
run. A name that repeats a sentence of an erased statement (from
:data:`~workbench.store.erasure_notes.MIN_QUOTE` characters, or the whole statement,
as :func:`~workbench.store.erasure_notes.quoted` finds quotes) would keep the erased
text in the edit log, the runs, the rating cards and the recommendations' need links,
and there is no command to edit the log. :func:`forget_quoting_names` drops it there:
a rename with it leaves the log, a merge keeps its groups without the name, a run's
cluster is named by its keywords, a card or link by its cluster's name now.

:func:`need_names` and :func:`renamed_needs` say which clusters' names a ``forget``
changed (these or :func:`~workbench.store.erasure_words.forget_words`), as references
without content for the erasure log: an open topic map whose need names include one
reloads (:mod:`workbench.store.erasure_since`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.store.analysis_tables import NeedEdit, NeedRun
from workbench.store.erasure_notes import MIN_QUOTE, quote_finder, statement_pieces
from workbench.store.erasure_words import REMOVED_NEED, RESEARCHER, fallback_label
from workbench.store.participation_tables import FeedbackItem
from workbench.store.synthesis_tables import RecommendationNeed

# the reason a run gives for an edit it could not carry over, if it quoted an erased statement
SKIPPED = "nicht übernommen (der Grund nannte einen Namen, der eine gelöschte Aussage zitierte)"


def forget_quoting_names(session: Session, texts: Iterable[str]) -> int:
    """Drop the team's need names that quote one of the erased ``texts`` from the edit
    log, the runs, rating cards and need links; return how many names went."""
    # a name quotes a sentence without its full stop ("„Der Jugendtreff … schließt um 18 Uhr“")
    pieces = {p.rstrip(".!?… ") for text in texts for p in statement_pieces(text)}
    pieces = {p for p in pieces if len(p) >= MIN_QUOTE}
    if not pieces:
        return 0
    quotes = quote_finder(pieces)
    removed = 0
    for edit in session.scalars(select(NeedEdit).order_by(NeedEdit.id)):
        label = (edit.payload or {}).get("label")
        if not label or not quotes(label):
            continue
        removed += 1
        if edit.op == "rename":  # nothing left to replay
            session.delete(edit)
        else:
            edit.payload = {**edit.payload, "label": None}
    names: dict[tuple[int, object], str] = {}  # (run, cluster) → its name now
    for run in session.scalars(select(NeedRun).order_by(NeedRun.id)):
        skipped = [  # "… wie die der Änderung 4 („NAME“) …": the edit's name in a reason
            dict(entry, reason=SKIPPED) if quotes(entry.get("reason")) else entry
            for entry in run.skipped_edits or []
        ]
        if skipped != (run.skipped_edits or []):
            run.skipped_edits = skipped
        clusters = []
        for cluster in run.clusters:
            if cluster.get("label_source") == RESEARCHER and quotes(cluster.get("label")):
                label = fallback_label(cluster.get("keywords") or [], "Bedarf")
                cluster = dict(cluster, label=label, label_source="Aussage")
                cluster["label_segment_id"] = None
                removed += 1
            names[(run.id, cluster.get("cluster"))] = str(cluster.get("label") or "")
            clusters.append(cluster)
        if clusters != run.clusters:
            run.clusters = clusters
    for item in session.scalars(select(FeedbackItem).where(FeedbackItem.kind == "need")):
        if quotes(item.label):
            source = item.source or {}
            key = (source.get("need_run"), source.get("cluster"))
            item.label = names.get(key, REMOVED_NEED) or "Bedarf"
    for link in session.scalars(select(RecommendationNeed)):
        if quotes(link.label):
            link.label = names.get((link.run_id, link.cluster), REMOVED_NEED) or "Bedarf"
    return removed


def need_names(session: Session) -> dict[tuple[int, int], str]:
    """Each stored need cluster's name: (need run, cluster) → its label."""
    return {
        (int(run.id), int(cluster["cluster"])): str(cluster.get("label") or "")
        for run in session.scalars(select(NeedRun).order_by(NeedRun.id))
        for cluster in run.clusters or []
        if isinstance(cluster.get("cluster"), int)
    }


def renamed_needs(
    before: dict[tuple[int, int], str], after: dict[tuple[int, int], str]
) -> list[list[int]]:
    """The clusters of ``before`` (:func:`need_names`) whose name changed or that left
    their run, as ``[run, cluster]`` pairs, sorted (JSON for the erasure log).

    >>> before = {(1, 0): "Kita", (1, 1): "Bus", (1, 2): "Treff"}
    >>> renamed_needs(before, {(1, 0): "Kita", (1, 1): "Bus abends"})
    [[1, 1], [1, 2]]
    """
    return [list(key) for key in sorted(before) if after.get(key) != before[key]]
