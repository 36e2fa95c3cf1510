"""What stored runs say of forgotten statements beyond their quotes: their words.

A need or topic run describes each cluster by keywords (c-TF-IDF) and a generated label,
computed from its statements when it ran. After :func:`workbench.store.erasure.forget`
they must not keep what only the erased statements said ("Schlagworte: … jugendtreff
fett" on the topic map after the only statements with those words were forgotten).
:func:`forget_words` drops the keywords that no remaining statement of the cluster
contains and replaces a generated label that has a word only the erased statements had
by the cluster's remaining keywords. Who is in which cluster is not recomputed (the
clustering stays as it ran); a researcher's own label stays.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.store.analysis_tables import NeedAssignment, NeedRun, TopicAssignment, TopicRun
from workbench.store.schema import Segment

RESEARCHER = "Forschende"  # label_source of a name a researcher gave (analysis.needs.RENAMED)
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words of ``text``, composed and case-folded (letters and digits).

    >>> words("Bewohner*innen im Stadtteil-Café, U3")
    ['bewohner', 'innen', 'im', 'stadtteil', 'café', 'u3']
    """
    return _WORD.findall(unicodedata.normalize("NFC", str(text)).casefold())


def fallback_label(keywords: Sequence[str], kind: str) -> str:
    """A label from the first three keywords ("Kita · Spielplatz"), or "Bedarf ohne
    Bezeichnung" when there is none."""
    first = [str(w).capitalize() for w in list(keywords)[:3]]
    return " · ".join(first) if first else f"{kind} ohne Bezeichnung"


def kept_keywords(keywords: Iterable[str], remaining: set[str]) -> list[str]:
    """The keywords all of whose words a remaining statement of the cluster has.

    >>> kept_keywords(["kita", "jugendtreff fett", "kita plätze"], {"kita", "plätze"})
    ['kita', 'kita plätze']
    """
    return [k for k in keywords if words(k) and set(words(k)) <= remaining]


def says_erased(label: str, erased: set[str], remaining: set[str]) -> bool:
    """Whether a generated label has a word only the erased statements had (a label cut
    with "…" may end in part of a word).

    >>> says_erased("Jugendtreff · Kita", {"jugendtreff", "kita"}, {"kita"})
    True
    >>> says_erased("Die Kita fehlt, sag…", {"sagt", "kita"}, {"die", "kita", "fehlt", "sagen"})
    False
    """
    found = words(label)
    cut = str(label).rstrip().endswith("…") and found
    for k, word in enumerate(found):
        if word in remaining or word.isdigit():
            continue
        if cut and k == len(found) - 1 and any(w.startswith(word) for w in remaining):
            continue
        if word in erased or (
            cut and k == len(found) - 1 and any(w.startswith(word) for w in erased)
        ):
            return True
    return False


def forget_words(session: Session, segment_ids: set[int]) -> None:
    """Update the keywords and labels of every need and topic cluster one of
    ``segment_ids`` belongs to (call before their assignments are deleted)."""
    texts = dict(
        session.execute(select(Segment.id, Segment.text).where(Segment.id.in_(segment_ids)))
        .tuples()
        .all()
    )
    erased = {w for text in texts.values() for w in words(text)}
    need_runs = set(
        session.scalars(
            select(NeedAssignment.run_id).where(NeedAssignment.segment_id.in_(segment_ids))
        )
    )
    for run_id in sorted(need_runs):
        run = session.get(NeedRun, run_id)
        rows = session.execute(
            select(NeedAssignment.cluster, NeedAssignment.segment_id, Segment.text)
            .join(Segment, Segment.id == NeedAssignment.segment_id)
            .where(NeedAssignment.run_id == run_id)
        ).all()
        members = _remaining(rows, segment_ids)
        clusters = [
            _refreshed(c, members.get(c.get("cluster")), erased, "Bedarf") for c in run.clusters
        ]
        if clusters != run.clusters:
            run.clusters = clusters
    topic_runs = set(
        session.scalars(
            select(TopicAssignment.run_id).where(TopicAssignment.segment_id.in_(segment_ids))
        )
    )
    for run_id in sorted(topic_runs):
        run = session.get(TopicRun, run_id)
        rows = session.execute(
            select(TopicAssignment.topic, TopicAssignment.segment_id, Segment.text)
            .join(Segment, Segment.id == TopicAssignment.segment_id)
            .where(TopicAssignment.run_id == run_id)
        ).all()
        members = _remaining(rows, segment_ids)
        topics = [_refreshed(t, members.get(t.get("key")), erased, "Thema") for t in run.topics]
        if topics != run.topics:
            run.topics = topics


def _remaining(rows: Iterable[tuple], segment_ids: set[int]) -> dict[object, set[str]]:
    """Cluster (or topic key) that loses a statement → the words of those that stay."""
    members: dict[object, set[str]] = {}
    touched = set()
    for cluster, segment_id, text in rows:
        found = members.setdefault(cluster, set())
        if segment_id in segment_ids:
            touched.add(cluster)
        else:
            found.update(words(text))
    return {cluster: members[cluster] for cluster in touched}


def _refreshed(record: dict, remaining: set[str] | None, erased: set[str], kind: str) -> dict:
    """A cluster/topic record without keywords and a generated label only erased
    statements said; unchanged if none of its statements was erased."""
    if remaining is None:  # none of its statements was erased
        return record
    keywords = kept_keywords(record.get("keywords") or [], remaining)
    new = dict(record, keywords=keywords)
    if record.get("label_source") != RESEARCHER and says_erased(
        record.get("label", ""), erased, remaining
    ):
        new.update(label=fallback_label(keywords, kind), label_segment_id=None)
    return new
