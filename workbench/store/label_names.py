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
    replace_in_labels_of(session, {segment_id: names})


def replace_in_labels_of(
    session: Session, names_by_segment: Mapping[int, Mapping[str, str]]
) -> None:
    """:func:`replace_in_labels` for several statements (id → names) in this order, with
    the runs, cards and links read once (a re-read of 2,000 statements read them 2,000
    times)."""
    steps = []
    for segment_id, names in names_by_segment.items():
        names = {o.strip(): p for o, p in names.items() if o and o.strip()}
        if names:
            steps.append((segment_id, names))
    if not steps:
        return
    # one query when there is no run (a re-read of 2,000 statements: 10 s for nothing)
    runs = select(NeedRun.id).union_all(select(TopicRun.id)).limit(1)
    if session.execute(runs).first() is None:
        return
    ids = [segment_id for segment_id, _ in steps]
    need_clusters: dict[int, set[tuple[int, object]]] = {}
    topic_keys: dict[int, set[tuple[int, object]]] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        for table, found in ((NeedAssignment, need_clusters), (TopicAssignment, topic_keys)):
            group = table.cluster if table is NeedAssignment else table.topic
            rows = select(table.segment_id, table.run_id, group).where(table.segment_id.in_(part))
            for segment_id, run, key in session.execute(rows).tuples():
                found.setdefault(segment_id, set()).add((run, key))
    need_runs = list(session.scalars(select(NeedRun)))
    topic_runs = list(session.scalars(select(TopicRun)))
    clusters_of = {run.id: list(run.clusters) for run in need_runs}
    topics_of = {run.id: list(run.topics) for run in topic_runs}
    items: list | None = None
    links: list | None = None
    for segment_id, names in steps:
        labels = _relabel_step(
            segment_id,
            names,
            clusters_of,
            topics_of,
            need_clusters.get(segment_id, set()),
            topic_keys.get(segment_id, set()),
        )
        if not labels:
            continue
        if items is None:
            kind = FeedbackItem.kind == "need"
            items = list(session.scalars(select(FeedbackItem).where(kind)))
            links = list(session.scalars(select(RecommendationNeed)))
        for item in items:
            source = item.source or {}
            old, new = labels.get((source.get("need_run"), source.get("cluster")), (None, None))
            if old is not None and item.label == old:
                item.label = new
        for link in links or []:
            old, new = labels.get((link.run_id, link.cluster), (None, None))
            if old is not None and link.label == old:
                link.label = new
    for run in need_runs:
        if clusters_of[run.id] != run.clusters:
            run.clusters = clusters_of[run.id]
    for topic_run in topic_runs:
        if topics_of[topic_run.id] != topic_run.topics:
            topic_run.topics = topics_of[topic_run.id]


def _relabel_step(
    segment_id: int,
    names: Mapping[str, str],
    clusters_of: dict[int, list],
    topics_of: dict[int, list],
    need_clusters: set[tuple[int, object]],
    topic_keys: set[tuple[int, object]],
) -> dict[tuple[int, object], tuple[str, str]]:
    """Relabel (in ``clusters_of``/``topics_of``) what statement ``segment_id`` belongs
    to or is named after; (run, cluster) → (old, new) of the need labels changed."""
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

    labels: dict[tuple[int, object], tuple[str, str]] = {}  # (run, cluster) → (old, new)
    for run_id, clusters in clusters_of.items():
        for k, cluster in enumerate(clusters):
            if belongs(cluster, (run_id, cluster.get("cluster")) in need_clusters):
                new = relabel(cluster)
                if new.get("label") != cluster.get("label"):
                    labels[(run_id, cluster.get("cluster"))] = (cluster["label"], new["label"])
                clusters[k] = new
    for run_id, topics in topics_of.items():
        for k, topic in enumerate(topics):
            if belongs(topic, (run_id, topic.get("key")) in topic_keys):
                topics[k] = relabel(topic)
    return labels
