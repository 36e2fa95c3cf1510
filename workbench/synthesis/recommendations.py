"""Recommendations, linked to need clusters and evidence, with a provenance check.

A recommendation (text, scope — the city or one Sozialraum —, addressed actors, status)
points to need clusters and to evidence segments. Its chain of evidence is

    recommendation → need cluster → segment → document → workshop

and :func:`check_provenance` names every link of it that is broken.

How a recommendation stays linked to a need cluster across re-runs: need runs renumber
their clusters, and researchers rename them, so neither the number nor the label
identifies a cluster over time. What does is its membership. A link therefore stores the
cluster's member segment ids (and, for the record, its run, number and label) at link
time; it resolves to the cluster of the current run that matches those members best, if
their Jaccard similarity reaches :data:`workbench.analysis.needs.MATCH_THRESHOLD` — the same rule
by which researchers' rename/merge/split edits survive re-runs (:mod:`workbench.analysis.needs`).
A recommendation thus follows "its" cluster exactly as far as a rename would, and a link
whose cluster has dissolved is reported rather than silently re-pointed.

Evidence segments are stored by id together with their document's file name and source id
at link time, without a database foreign key: a deleted segment must stay visible as a
broken link (named by document and source id), not block the deletion or vanish.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from sqlalchemy import (
    delete,
    select,
)
from sqlalchemy.orm import Session

from workbench.core.domain import InputError, WorkbenchError
from workbench.core.fileio import write_atomic
from workbench.store import (
    CITYWIDE,
    District,
    Document,
    Recommendation,
    RecommendationEvidence,
    RecommendationNeed,
    Segment,
    Workshop,
    utcnow,
)

if TYPE_CHECKING:
    from workbench.project import Project

STATUSES = ("Entwurf", "abgestimmt", "in Umsetzung", "umgesetzt", "zurückgestellt")
# Actors the study addressed (suggestions for forms; any other name is accepted too).
ACTORS = (
    "Quartiersmanagement",
    "Verwaltung",
    "Wohlfahrtsverbände",
    "Ehrenamt",
    "Schulen und Kitas",
    "Politik",
)
CHAIN_FORMAT = "sozialraum-workbench/recommendation-chain"
CHAIN_VERSION = 1

# The links of the chain, in order (used to sort problems and in messages).
LINK_RECOMMENDATION = "Empfehlung"
LINK_CLUSTER = "Bedarfscluster"
LINK_SEGMENT = "Aussage"
LINK_DOCUMENT = "Dokument"
LINK_WORKSHOP = "Workshop"
LINKS = (LINK_RECOMMENDATION, LINK_CLUSTER, LINK_SEGMENT, LINK_DOCUMENT, LINK_WORKSHOP)

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
PROBLEM_COLUMNS = {
    "recommendation_id": "int64",
    "title": "string",
    "link": "string",
    "target": "string",
    "problem": "string",
}


# -- storage ---------------------------------------------------------------------------


# -- pure helpers ------------------------------------------------------------------------
def jaccard(a: Iterable[int], b: Iterable[int]) -> float:
    """Jaccard similarity of two sets of ids.

    >>> jaccard([1, 2, 3], [2, 3, 4])
    0.5
    """
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a or b else 0.0


def best_match(members: Iterable[int], clusters: dict[int, set[int]]) -> tuple[int | None, float]:
    """The cluster most similar to ``members`` and its Jaccard similarity (ties: lowest)."""
    wanted = set(members)
    best, score = None, 0.0
    for cluster in sorted(clusters):
        similarity = jaccard(wanted, clusters[cluster])
        if similarity > score:
            best, score = cluster, similarity
    return best, score


def _actors(actors: Iterable[str]) -> list[str]:
    """Clean actor names: whitespace collapsed, empty and repeated ones dropped."""
    result: list[str] = []
    for actor in actors:
        name = " ".join(str(actor).split())
        if name and name not in result:
            result.append(name)
    return result


def _status(status: str) -> str:
    if status not in STATUSES:
        raise InputError(f"Unbekannter Status '{status}'. Möglich: {', '.join(STATUSES)}.")
    return status


def _text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise InputError("Der Text der Empfehlung ist leer.")
    return text


# -- sessions --------------------------------------------------------------------------
def _district(session: Session, name: str | None) -> District:
    name = CITYWIDE if name in (None, "", "gesamtstädtisch") else name
    district = session.scalar(select(District).where(District.name == name))
    if district is None:
        known = [d.name for d in session.scalars(select(District).order_by(District.name))]
        valid = ", ".join([CITYWIDE, *(d for d in known if d != CITYWIDE)])
        raise InputError(f"Unbekannter Sozialraum '{name}'. Gültig sind: {valid}.")
    return district


def _recommendation(session: Session, recommendation_id: int) -> Recommendation:
    found = session.get(Recommendation, int(recommendation_id))
    if found is None:
        raise InputError(f"Empfehlung {recommendation_id} gibt es nicht.")
    return found


def _latest_run(session: Session, run_id: int | None = None):
    """The need run (default: latest), or None when no run exists yet."""
    from workbench.store import NeedRun

    if run_id is not None:
        run = session.get(NeedRun, int(run_id))
        if run is None:
            raise WorkbenchError(f"Bedarfslauf {run_id} gibt es nicht.")
        return run
    return session.scalars(select(NeedRun).order_by(NeedRun.id.desc())).first()


def _run_clusters(session: Session, run) -> dict[int, set[int]]:
    from workbench.store import NeedAssignment

    groups: dict[int, set[int]] = {}
    rows = session.execute(
        select(NeedAssignment.cluster, NeedAssignment.segment_id).where(
            NeedAssignment.run_id == run.id
        )
    )
    for cluster, segment_id in rows:
        groups.setdefault(int(cluster), set()).add(int(segment_id))
    return groups


# -- editing ---------------------------------------------------------------------------
def add_recommendation(
    project: Project,
    text: str,
    scope: str | None = None,
    actors: Sequence[str] = (),
    status: str = STATUSES[0],
    title: str = "",
    author: str = "",
) -> int:
    """Add a recommendation (scope: a Sozialraum, default the city); return its id."""
    with project.transaction() as session:
        record = Recommendation(
            title=(title or "").strip(),
            text=_text(text),
            district_id=_district(session, scope).id,
            actors=_actors(actors),
            status=_status(status),
            author=(author or "").strip(),
        )
        session.add(record)
        session.flush()
        return record.id


def update_recommendation(
    project: Project,
    recommendation_id: int,
    *,
    text: str | None = None,
    title: str | None = None,
    scope: str | None = None,
    actors: Sequence[str] | None = None,
    status: str | None = None,
) -> None:
    """Change the given fields of a recommendation (``None`` leaves a field as it is)."""
    with project.transaction() as session:
        record = _recommendation(session, recommendation_id)
        if text is not None:
            record.text = _text(text)
        if title is not None:
            record.title = title.strip()
        if scope is not None:
            record.district_id = _district(session, scope).id
        if actors is not None:
            record.actors = _actors(actors)
        if status is not None:
            record.status = _status(status)
        record.updated_at = utcnow()


def delete_recommendation(project: Project, recommendation_id: int) -> None:
    """Delete a recommendation with its links."""
    with project.transaction() as session:
        record = _recommendation(session, recommendation_id)
        for model in (RecommendationNeed, RecommendationEvidence):
            session.execute(delete(model).where(model.recommendation_id == record.id))
        session.delete(record)


def link_need(
    project: Project, recommendation_id: int, cluster: int, run_id: int | None = None
) -> int:
    """Link a need cluster of a run (default: the latest); return the link id.

    Linking a cluster that is already linked (same members) changes nothing.
    """
    with project.transaction() as session:
        record = _recommendation(session, recommendation_id)
        run = _latest_run(session, run_id)
        if run is None:
            raise WorkbenchError("Noch keine Bedarfscluster berechnet (workbench needs).")
        groups = _run_clusters(session, run)
        if int(cluster) not in groups:
            known = ", ".join(str(c) for c in sorted(groups))
            raise InputError(f"Cluster {cluster} gibt es in Lauf {run.id} nicht (nur {known}).")
        members = sorted(groups[int(cluster)])
        for link in session.scalars(
            select(RecommendationNeed).where(RecommendationNeed.recommendation_id == record.id)
        ):
            if sorted(link.members) == members:
                return link.id
        label = next(c["label"] for c in run.clusters if c["cluster"] == int(cluster))
        link = RecommendationNeed(
            recommendation_id=record.id,
            members=members,
            label=label,
            run_id=run.id,
            cluster=int(cluster),
        )
        session.add(link)
        record.updated_at = utcnow()
        session.flush()
        return link.id


def link_evidence(
    project: Project, recommendation_id: int, segments: Iterable[int | tuple[str, str]]
) -> int:
    """Link evidence segments, by id or as (document file name, source id); return new ones."""
    with project.transaction() as session:
        record = _recommendation(session, recommendation_id)
        linked = set(
            session.scalars(
                select(RecommendationEvidence.segment_id).where(
                    RecommendationEvidence.recommendation_id == record.id
                )
            )
        )
        added = 0
        for ref in segments:
            segment, filename = _segment(session, ref)
            if segment.id in linked:
                continue
            session.add(
                RecommendationEvidence(
                    recommendation_id=record.id,
                    segment_id=segment.id,
                    document=filename,
                    source_id=segment.source_id,
                )
            )
            linked.add(segment.id)
            added += 1
        record.updated_at = utcnow()
        return added


def _segment(session: Session, ref: int | tuple[str, str]) -> tuple[Segment, str]:
    if isinstance(ref, tuple):
        filename, source_id = ref
        row = session.execute(
            select(Segment, Document.filename)
            .join(Document, Segment.document_id == Document.id)
            .where(Document.filename == filename, Segment.source_id == str(source_id))
        ).first()
        if row is None:
            raise InputError(f"Aussage {source_id} in Dokument {filename} gibt es nicht.")
        return row[0], row[1]
    segment = session.get(Segment, int(ref))
    if segment is None:
        raise InputError(f"Aussage {ref} gibt es nicht.")
    return segment, session.get(Document, segment.document_id).filename


def unlink(
    project: Project,
    recommendation_id: int,
    need_link: int | None = None,
    segment_id: int | None = None,
) -> None:
    """Remove a need link (by link id) or an evidence segment from a recommendation."""
    with project.transaction() as session:
        record = _recommendation(session, recommendation_id)
        if need_link is not None:
            link = session.get(RecommendationNeed, int(need_link))
            if link is None or link.recommendation_id != record.id:
                raise InputError(
                    f"Empfehlung {record.id} hat keine Bedarfsverknüpfung {need_link}."
                )
            session.delete(link)
        if segment_id is not None:
            link = session.scalar(
                select(RecommendationEvidence).where(
                    RecommendationEvidence.recommendation_id == record.id,
                    RecommendationEvidence.segment_id == int(segment_id),
                )
            )
            if link is None:
                raise InputError(f"Empfehlung {record.id} hat keinen Beleg {segment_id}.")
            session.delete(link)
        record.updated_at = utcnow()


# -- reading ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Snapshot:
    """Everything the chain needs, read in one session (ids → plain values)."""

    recommendations: list[dict[str, Any]]
    need_links: list[dict[str, Any]]
    evidence: list[dict[str, Any]]
    segments: dict[int, dict[str, Any]]
    documents: dict[int, dict[str, Any]]
    workshops: dict[int, dict[str, Any]]
    run: dict[str, Any] | None
    clusters: dict[int, set[int]]


def _snapshot(project: Project, run_id: int | None = None) -> _Snapshot:
    with project.session() as session:
        districts = {d.id: d.name for d in session.scalars(select(District))}
        recommendations = [
            {
                "id": r.id,
                "title": r.title,
                "text": r.text,
                "scope": districts[r.district_id],
                "actors": list(r.actors),
                "status": r.status,
                "author": r.author,
            }
            for r in session.scalars(select(Recommendation).order_by(Recommendation.id))
        ]
        need_links = [
            {
                "id": n.id,
                "recommendation_id": n.recommendation_id,
                "members": sorted(int(m) for m in n.members),
                "label": n.label,
                "run_id": n.run_id,
                "cluster": n.cluster,
            }
            for n in session.scalars(select(RecommendationNeed).order_by(RecommendationNeed.id))
        ]
        evidence = [
            {
                "recommendation_id": e.recommendation_id,
                "segment_id": e.segment_id,
                "document": e.document,
                "source_id": e.source_id,
            }
            for e in session.scalars(
                select(RecommendationEvidence).order_by(
                    RecommendationEvidence.recommendation_id, RecommendationEvidence.segment_id
                )
            )
        ]
        segments = {
            s.id: {
                "document_id": s.document_id,
                "source_id": s.source_id,
                "position": s.position,
                "district": districts[s.district_id],
                "text": s.text,
            }
            for s in session.scalars(select(Segment))
        }
        documents = {
            d.id: {
                "filename": d.filename,
                "workshop_id": d.workshop_id,
                "sha256": d.sha256,
                "importer": d.importer,
            }
            for d in session.scalars(select(Document))
        }
        workshops = {
            w.id: {
                "name": w.name,
                "district": districts.get(w.district_id),
                "date": w.date,
                "format": w.format,
            }
            for w in session.scalars(select(Workshop))
        }
        run = _latest_run(session, run_id)
        clusters = _run_clusters(session, run) if run is not None else {}
        described = (
            {"id": run.id, "clusters": {c["cluster"]: c for c in run.clusters}}
            if run is not None
            else None
        )
    return _Snapshot(
        recommendations, need_links, evidence, segments, documents, workshops, described, clusters
    )


def _resolve(snap: _Snapshot, link: dict[str, Any]) -> tuple[int | None, float]:
    """The current cluster of a need link (None below the threshold) and its similarity."""
    from workbench.analysis.needs import MATCH_THRESHOLD

    cluster, score = best_match(link["members"], snap.clusters)
    return (cluster if score >= MATCH_THRESHOLD else None), score


def recommendations(project: Project) -> pd.DataFrame:
    """All recommendations with scope, actors, status and the number of their links."""
    snap = _snapshot(project)
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
    snap = _snapshot(project, run_id)
    rows = []
    for link in snap.need_links:
        cluster, score = _resolve(snap, link) if snap.run else (None, 0.0)
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
    snap = _snapshot(project)
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


# -- the chain and its check ---------------------------------------------------------------
def _segment_ref(snap: _Snapshot, segment_id: int) -> dict[str, Any]:
    segment = snap.segments[segment_id]
    document = snap.documents.get(segment["document_id"])
    return {
        "segment_id": segment_id,
        "document": document["filename"] if document else None,
        "source_id": segment["source_id"],
        "district": segment["district"],
        "text": segment["text"],
    }


def _check_segment(
    snap: _Snapshot, segment_id: int, fallback: tuple[str, str] | None, problems: list
) -> None:
    """Follow segment → document → workshop; append what is broken."""
    segment = snap.segments.get(segment_id)
    if segment is None:
        document, source_id = fallback or ("?", "?")
        problems.append(
            (LINK_SEGMENT, f"{document} {source_id} (id {segment_id})", "Aussage gelöscht")
        )
        return
    document = snap.documents.get(segment["document_id"])
    if document is None:
        problems.append(
            (
                LINK_DOCUMENT,
                f"Dokument {segment['document_id']}",
                f"Dokument von Aussage {segment['source_id']} gibt es nicht mehr",
            )
        )
        return
    if document["workshop_id"] is None:
        problems.append((LINK_DOCUMENT, document["filename"], "Dokument ohne Workshop"))
    elif document["workshop_id"] not in snap.workshops:
        problems.append(
            (
                LINK_WORKSHOP,
                f"Workshop {document['workshop_id']}",
                f"Workshop von Dokument {document['filename']} gibt es nicht mehr",
            )
        )


def _chain(snap: _Snapshot) -> list[dict[str, Any]]:
    """Each recommendation with its resolved links, evidence and problems (sorted)."""
    result = []
    for rec in snap.recommendations:
        problems: list[tuple[str, str, str]] = []
        needs = []
        links = [n for n in snap.need_links if n["recommendation_id"] == rec["id"]]
        if not links:
            problems.append(
                (
                    LINK_RECOMMENDATION,
                    f"Empfehlung {rec['id']}",
                    "mit keinem Bedarfscluster verknüpft",
                )
            )
        for link in links:
            target = f"„{link['label']}“ (Lauf {link['run_id']}, Cluster {link['cluster']})"
            entry: dict[str, Any] = {
                "link_id": link["id"],
                "linked": {
                    "run": link["run_id"],
                    "cluster": link["cluster"],
                    "label": link["label"],
                    "segments": len(link["members"]),
                },
                "current": None,
            }
            needs.append(entry)
            if snap.run is None:
                problems.append((LINK_CLUSTER, target, "es gibt keinen Bedarfslauf mehr"))
                continue
            cluster, score = _resolve(snap, link)
            if cluster is None:
                problems.append(
                    (
                        LINK_CLUSTER,
                        target,
                        f"Cluster existiert im aktuellen Lauf {snap.run['id']} nicht mehr "
                        f"(größte Übereinstimmung {score:.2f} < Schwelle)",
                    )
                )
                continue
            info = snap.run["clusters"].get(cluster, {})
            members = sorted(snap.clusters[cluster])
            entry["current"] = {
                "run": snap.run["id"],
                "cluster": cluster,
                "label": info.get("label"),
                "scope": info.get("scope"),
                "districts": list(info.get("districts", [])),
                "jaccard": round(score, 4),
                "segments": members,
                "quotes": [int(s) for s in info.get("quote_segment_ids", [])],
            }
            for segment_id in members:
                _check_segment(snap, segment_id, None, problems)
        evidence = []
        for e in (e for e in snap.evidence if e["recommendation_id"] == rec["id"]):
            exists = e["segment_id"] in snap.segments
            ref = _segment_ref(snap, e["segment_id"]) if exists else e
            evidence.append(
                {
                    "segment_id": e["segment_id"],
                    "document": ref["document"],
                    "source_id": ref["source_id"],
                    "exists": exists,
                }
            )
            _check_segment(snap, e["segment_id"], (e["document"], e["source_id"]), problems)
        unique = sorted(set(problems), key=lambda p: (LINKS.index(p[0]), p[1], p[2]))
        result.append(
            {
                **rec,
                "needs": needs,
                "evidence": evidence,
                "problems": [{"link": p[0], "target": p[1], "problem": p[2]} for p in unique],
            }
        )
    return result


def check_provenance(project: Project, run_id: int | None = None) -> pd.DataFrame:
    """Every broken link of every recommendation's chain (empty: all chains complete).

    Checked: the recommendation has a need cluster; each linked cluster still exists in
    the need run (default: latest); each of its segments and each evidence segment
    exists, its document exists and belongs to a workshop, and that workshop exists.
    """
    snap = _snapshot(project, run_id)
    rows = [
        {"recommendation_id": rec["id"], "title": rec["title"] or rec["text"][:60], **problem}
        for rec in _chain(snap)
        for problem in rec["problems"]
    ]
    return pd.DataFrame(rows, columns=list(PROBLEM_COLUMNS)).astype(PROBLEM_COLUMNS)


def chain(project: Project, run_id: int | None = None) -> dict[str, Any]:
    """The evidence chain of all recommendations as plain data (JSON-ready, sorted).

    Segments, documents and workshops appear once each at the top level and are
    referred to by id, file name and name; texts are the pseudonymised ones.
    """
    snap = _snapshot(project, run_id)
    recs = _chain(snap)
    segment_ids: set[int] = set()
    for rec in recs:
        segment_ids.update(e["segment_id"] for e in rec["evidence"] if e["exists"])
        for need in rec["needs"]:
            if need["current"]:
                segment_ids.update(need["current"]["segments"])
    segments = [_segment_ref(snap, s) for s in sorted(segment_ids)]
    documents: dict[str, dict[str, Any]] = {}
    workshops: dict[str, dict[str, Any]] = {}
    for s in sorted(segment_ids):
        document = snap.documents.get(snap.segments[s]["document_id"])
        if document is None:
            continue
        workshop = snap.workshops.get(document["workshop_id"])
        documents[document["filename"]] = {
            "sha256": document["sha256"],
            "importer": document["importer"],
            "workshop": workshop["name"] if workshop else None,
        }
        if workshop:
            workshops[workshop["name"]] = {k: workshop[k] for k in ("district", "date", "format")}
    return {
        "format": CHAIN_FORMAT,
        "version": CHAIN_VERSION,
        "need_run": snap.run["id"] if snap.run else None,
        "recommendations": [
            {k: v for k, v in rec.items() if k != "author"} | {"complete": not rec["problems"]}
            for rec in recs
        ],
        "segments": segments,
        "documents": [{"filename": k, **v} for k, v in sorted(documents.items())],
        "workshops": [{"name": k, **v} for k, v in sorted(workshops.items())],
    }


def export_chain(project: Project, out: str | Path, run_id: int | None = None) -> int:
    """Write the chain as JSON to ``out`` (atomically); return the number of recommendations."""
    data = chain(project, run_id)
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    write_atomic(out, text.encode("utf-8"))
    return len(data["recommendations"])
