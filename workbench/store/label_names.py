"""Names replaced in a stored statement leave the generated names of its clusters and topics.

A need run and a topic run name their clusters and topics after their statements (a
phrase of a central statement, keywords) and copy those names into rating cards and the
recommendations' need links. When a name in a statement is replaced after the run
(``pseudonyms confirm``, or an import that learned the name later and read the stored
statements again), the quotes follow (:mod:`workbench.store.text_edits`), and
:func:`replace_in_labels` makes the generated names follow too: "Becker hat recht, der
Spielplatz ist kaputt" becomes "[Person 1] hat recht, der Spielplatz ist kaputt", the
keyword "becker" goes. A name the team gave a cluster stays (their writing).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.store.analysis_tables import NeedAssignment, NeedRun, TopicAssignment, TopicRun
from workbench.store.erasure_words import RESEARCHER
from workbench.store.participation_tables import FeedbackItem
from workbench.store.synthesis_tables import RecommendationNeed


def replace_in_labels(session: Session, segment_id: int, names: Mapping[str, str]) -> None:
    """Replace ``names`` (original → placeholder) in the generated labels of the need
    clusters and topics statement ``segment_id`` belongs to or is named after, drop them
    from their keywords, and give rating cards and need links the new labels."""
    names = {o.strip(): p for o, p in names.items() if o and o.strip()}
    if not names:
        return
    # one query when there is no run (a re-read of 2,000 statements: 10 s for nothing)
    runs = select(NeedRun.id).union_all(select(TopicRun.id)).limit(1)
    if session.execute(runs).first() is None:
        return
    words = {w.casefold() for o in names for w in re.findall(r"\w+", o) if len(w) >= 3}
    # longest first: "Jens Becker" before "Becker"; whole words only ("Beckerstraße" stays)
    alternatives = sorted(names, key=len, reverse=True)
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(map(re.escape, alternatives)) + r")(?!\w)", re.IGNORECASE
    )
    placeholder = {o.casefold(): p for o, p in names.items()}

    def relabel(record: dict) -> dict:
        keywords = record.get("keywords")
        if isinstance(keywords, list):
            kept = [k for k in keywords if not words & {w.casefold() for w in str(k).split()}]
            record = dict(record, keywords=kept)
        label = record.get("label")
        if label and record.get("label_source") != RESEARCHER:
            new = pattern.sub(lambda m: placeholder[m.group(1).casefold()], str(label))
            record = dict(record, label=new)
        return record

    def belongs(record: dict, inside: bool) -> bool:
        return inside or record.get("label_segment_id") == segment_id

    need_clusters = {
        (run, cluster)
        for run, cluster in session.execute(
            select(NeedAssignment.run_id, NeedAssignment.cluster).where(
                NeedAssignment.segment_id == segment_id
            )
        ).tuples()
    }
    labels: dict[tuple[int, object], tuple[str, str]] = {}  # (run, cluster) → (old, new)
    for run in session.scalars(select(NeedRun)):
        clusters = []
        for cluster in run.clusters:
            if belongs(cluster, (run.id, cluster.get("cluster")) in need_clusters):
                new = relabel(cluster)
                if new.get("label") != cluster.get("label"):
                    labels[(run.id, cluster.get("cluster"))] = (cluster["label"], new["label"])
                cluster = new
            clusters.append(cluster)
        if clusters != run.clusters:
            run.clusters = clusters
    topic_keys = set(
        session.execute(
            select(TopicAssignment.run_id, TopicAssignment.topic).where(
                TopicAssignment.segment_id == segment_id
            )
        ).tuples()
    )
    for topic_run in session.scalars(select(TopicRun)):
        topics = [
            relabel(t) if belongs(t, (topic_run.id, t.get("key")) in topic_keys) else t
            for t in topic_run.topics
        ]
        if topics != topic_run.topics:
            topic_run.topics = topics
    if not labels:
        return
    for item in session.scalars(select(FeedbackItem).where(FeedbackItem.kind == "need")):
        source = item.source or {}
        old, new = labels.get((source.get("need_run"), source.get("cluster")), (None, None))
        if old is not None and item.label == old:
            item.label = new
    for link in session.scalars(select(RecommendationNeed)):
        old, new = labels.get((link.run_id, link.cluster), (None, None))
        if old is not None and link.label == old:
            link.label = new
