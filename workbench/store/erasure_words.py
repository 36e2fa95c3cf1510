"""What stored runs say of forgotten statements beyond their quotes: their words.

A need or topic run describes each cluster by keywords (c-TF-IDF) and a generated label,
computed from its statements when it ran. After :func:`workbench.store.erasure.forget`
they must not keep what only the erased statements said ("Schlagworte: … jugendtreff
fett" on the topic map after the only statements with those words were forgotten).
:func:`forget_words` drops the keywords that no remaining statement of the cluster
contains and replaces a generated label that has a word only the erased statements had
by the cluster's remaining keywords. A need cluster and a rating card (feedback item)
keep only the districts a remaining statement comes from ("Genannt in: Manfort, Opladen"
after the Manfort statement was forgotten); a need cluster or topic counts only its
remaining statements as its size, and one without any leaves the run. Who is in which
cluster is not recomputed (the clustering stays as it ran); a researcher's own label stays.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.store.analysis_tables import NeedAssignment, NeedRun, TopicAssignment, TopicRun
from workbench.store.district_changes import former_names
from workbench.store.participation_tables import FeedbackItem
from workbench.store.schema import District, Segment
from workbench.store.synthesis_tables import RecommendationNeed

RESEARCHER = "Forschende"  # label_source of a name a researcher gave (analysis.needs.RENAMED)
# A card's or link's label once its need left the run with its last statement (forget).
REMOVED_NEED = "Bedarf entfernt (alle Aussagen gelöscht)"
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words of ``text``, composed and case-folded (letters and digits).

    >>> words("Bewohner*innen im Stadtteil-Café, U3")
    ['bewohner', 'innen', 'im', 'stadtteil', 'café', 'u3']
    """
    return _WORD.findall(unicodedata.normalize("NFC", str(text)).casefold())


def normal_text(text: str) -> str:
    """``text`` with its white space collapsed, case-folded (to compare labels)."""
    return " ".join(text.split()).casefold()


def comes_from(label: str, normal_texts: Sequence[str]) -> bool:
    """Whether a generated label is a phrase of one of the (:func:`normal_text`) texts;
    labels end with "…"."""
    phrase = normal_text(str(label).rstrip("…"))
    return bool(phrase) and any(phrase in t for t in normal_texts)


def fallback_label(keywords: Sequence[str], kind: str) -> str:
    """A label from the first three words of the keywords ("Kita · Spielplatz"; a
    two-word keyword of a topic gives its words, each once), or "Bedarf ohne
    Bezeichnung" when there is none.

    >>> fallback_label(["kinder wohnpark", "wohnpark", "stadtteilmütter fest"], "Thema")
    'Kinder · Wohnpark · Stadtteilmütter'
    >>> fallback_label([], "Bedarf")
    'Bedarf ohne Bezeichnung'
    """
    first: list[str] = []
    for word in (w for keyword in keywords for w in str(keyword).split()):
        if word.casefold() not in {f.casefold() for f in first}:
            first.append(word)
    shown = [w[:1].upper() + w[1:] for w in first[:3]]
    return " · ".join(shown) if shown else f"{kind} ohne Bezeichnung"


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


def forget_words(session: Session, segment_ids: set[int]) -> int:
    """Update keywords, labels, districts and size of every need and topic cluster and
    rating card one of ``segment_ids`` belongs to, drop a cluster or topic left without
    statements (call before their assignments are deleted); return how many were dropped."""
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
    dropped = 0
    for run_id in sorted(need_runs):
        run = session.get(NeedRun, run_id)
        rows = session.execute(
            select(NeedAssignment.cluster, NeedAssignment.segment_id, Segment.text, District.name)
            .join(Segment, Segment.id == NeedAssignment.segment_id)
            .join(District, District.id == Segment.district_id)
            .where(NeedAssignment.run_id == run_id)
        ).all()
        members = _remaining([row[:3] for row in rows], segment_ids)
        former = former_names(session) if members else {}
        places = _places(rows, segment_ids)
        sizes = Counter(row[0] for row in rows if row[1] not in segment_ids)
        clusters = []
        for cluster in run.clusters:
            key = cluster.get("cluster")
            if key in members and not sizes[key]:
                continue  # no statement left: no need to show ("übergreifend", 0 Aussagen)
            new = _refreshed(cluster, members.get(key), erased, "Bedarf")
            if key in members:
                new = dict(_narrowed(new, places[key], former), size=sizes[key])
            clusters.append(new)
        dropped += len(run.clusters) - len(clusters)
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
        sizes = Counter(key for key, segment_id, _ in rows if segment_id not in segment_ids)
        topics = [
            _refreshed(t, members.get(t.get("key")), erased, "Thema")
            | ({"size": sizes[t.get("key")]} if t.get("key") in members else {})
            for t in run.topics
            if t.get("key") not in members or sizes[t.get("key")]  # none left: it goes
        ]
        dropped += len(run.topics) - len(topics)
        if topics != run.topics:
            run.topics = topics
    _forget_in_items(session, segment_ids, erased)
    _forget_in_links(session, segment_ids, erased, [normal_text(t) for t in texts.values()])
    return dropped


def _forget_in_links(
    session: Session, segment_ids: set[int], erased: set[str], normal_texts: list[str]
) -> None:
    """A recommendation's need link keeps the label its need had when linked (for the
    record): one taken from an erased statement, or with a word only they said, becomes
    its need's label now (else "Bedarf")."""
    for link in session.scalars(select(RecommendationNeed).order_by(RecommendationNeed.id)):
        if not set(link.members or []) & segment_ids:
            continue
        kept = [m for m in link.members if m not in segment_ids]
        texts = session.scalars(select(Segment.text).where(Segment.id.in_(kept)))
        remaining = {w for text in texts for w in words(text)}
        source = {"need_run": link.run_id, "cluster": link.cluster}
        if link.label == _researchers_label(session, source):
            continue  # the team's own name stays, as in the run
        if comes_from(link.label, normal_texts) or says_erased(link.label, erased, remaining):
            label = _cluster_label(session, source, erased, remaining)
            link.label = "Bedarf" if comes_from(label, normal_texts) else label


def _forget_in_items(session: Session, segment_ids: set[int], erased: set[str]) -> None:
    """Rating cards of needs: districts of remaining statements only, a label without a
    word only the erased statements had (their need's label, else "Bedarf")."""
    former = former_names(session)  # a card keeps the names it was shown with
    for item in session.scalars(select(FeedbackItem).order_by(FeedbackItem.id)):
        if not set(item.members or []) & segment_ids:
            continue
        kept = [m for m in item.members if m not in segment_ids]
        rows = session.execute(
            select(Segment.text, District.name)
            .join(District, District.id == Segment.district_id)
            .where(Segment.id.in_(kept))
        ).all()
        places = {name for _, name in rows}
        districts = [d for d in item.districts or [] if former.get(d, d) in places]
        if districts != list(item.districts or []):
            item.districts = districts
        remaining = {w for text, _ in rows for w in words(text)}
        if item.kind != "need" or item.label == _researchers_label(session, item.source or {}):
            continue  # the team's own name stays, as in the run
        if says_erased(item.label, erased, remaining):
            item.label = _cluster_label(session, item.source or {}, erased, remaining)


def _cluster_label(session: Session, source: dict, erased: set[str], remaining: set[str]) -> str:
    """The (refreshed) label of an item's need cluster if the team gave it or it says no
    erased word, else one of its (refreshed) keywords; REMOVED_NEED if it is gone."""
    cluster = _cluster(session, source)
    if cluster is None:  # the need left its run with its last statement
        return REMOVED_NEED
    label = str(cluster.get("label") or "")
    own = cluster.get("label_source") == RESEARCHER  # the team's name stays
    if label and (own or not says_erased(label, erased, remaining)):
        return label
    return fallback_label(cluster.get("keywords") or [], "Bedarf")


def _cluster(session: Session, source: dict) -> dict | None:
    """The record of the need cluster ``source`` names (``need_run``, ``cluster``)."""
    run = session.get(NeedRun, source["need_run"]) if source.get("need_run") else None
    for cluster in run.clusters if run is not None else []:
        if cluster.get("cluster") == source.get("cluster"):
            return cluster
    return None


def _researchers_label(session: Session, source: dict) -> str | None:
    """The name the team gave the need cluster ``source`` names (None if generated)."""
    cluster = _cluster(session, source)
    if cluster is None or cluster.get("label_source") != RESEARCHER:
        return None
    return str(cluster.get("label") or "")


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


def _places(rows: Iterable[tuple], segment_ids: set[int]) -> dict[object, set[str]]:
    """Cluster → the districts of its statements that stay."""
    places: dict[object, set[str]] = {}
    for cluster, segment_id, _, district in rows:
        found = places.setdefault(cluster, set())
        if segment_id not in segment_ids:
            found.add(district)
    return places


def _narrowed(record: dict, places: set[str], former: dict[str, str]) -> dict:
    """A need cluster's districts (and focus) without those no remaining statement is from
    (``former``: a name since renamed or merged away → the district it is today)."""
    new = dict(record)
    for field in ("districts", "focus_districts"):
        if isinstance(record.get(field), list):
            new[field] = [d for d in record[field] if former.get(d, d) in places]
    if "n_districts" in record and isinstance(record.get("districts"), list):
        new["n_districts"] = len(new["districts"])
    return new


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
