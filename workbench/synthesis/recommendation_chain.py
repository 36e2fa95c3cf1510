"""The evidence chain of recommendations, and its provenance check.

The chain of a recommendation (:mod:`workbench.synthesis.recommendations`) is

    recommendation → need cluster → segment → document → workshop

and :func:`check_provenance` names every link of it that is broken; :func:`chain` gives
the whole chain as plain data, :func:`export_chain` writes it as JSON.

How a recommendation stays linked to a need cluster across re-runs: need runs renumber
their clusters, and researchers rename them, so neither the number nor the label
identifies a cluster over time. What does is its membership. A link therefore stores the
cluster's member segment ids (and, for the record, its run, number and label) at link
time; it resolves to the cluster of the current run that holds most of those members, if
that is at least :data:`workbench.analysis.need_clusters.MATCH_SHARE` of them (however much
the cluster grew with later waves) — the same rule
(:func:`workbench.analysis.need_clusters.match_cluster`) by which researchers'
rename/merge/split edits survive re-runs (:mod:`workbench.analysis.needs`). A
recommendation thus follows "its" cluster exactly as far as a rename would, and a link
whose cluster has dissolved is reported rather than silently re-pointed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from sqlalchemy import select

from workbench.analysis.need_clusters import ClusterMatch, latest_memberships, match_cluster
from workbench.core.fileio import write_atomic
from workbench.core.formatting import MISSING_DISTRICT, plural
from workbench.core.typed_text import line_label
from workbench.store import (
    CITYWIDE,
    District,
    Document,
    Recommendation,
    RecommendationEvidence,
    RecommendationNeed,
    Segment,
    Workshop,
)
from workbench.store.downloads import Download, downloads

if TYPE_CHECKING:
    from workbench.project import Project

CHAIN_FORMAT = "sozialraum-workbench/recommendation-chain"
CHAIN_VERSION = 1

# The links of the chain, in order (used to sort problems and in messages).
LINK_RECOMMENDATION = "Empfehlung"
LINK_CLUSTER = "Bedarfscluster"
LINK_SEGMENT = "Aussage"
LINK_DOCUMENT = "Dokument"
LINK_WORKSHOP = "Workshop"
LINKS = (LINK_RECOMMENDATION, LINK_CLUSTER, LINK_SEGMENT, LINK_DOCUMENT, LINK_WORKSHOP)
# a recommendation without needs: the team's words and the public site's
NO_NEED_LINK = "mit keinem Bedarfscluster verknüpft"
PUBLIC_NO_NEED_LINK = "mit keinem Bedarf verknüpft"

PROBLEM_COLUMNS = {
    "recommendation_id": "int64",
    "title": "string",
    "link": "string",
    "target": "string",
    "problem": "string",
}


# -- reading ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Snapshot:
    """Everything the chain needs, read in one session (ids → plain values)."""

    recommendations: list[dict[str, Any]]
    need_links: list[dict[str, Any]]
    evidence: list[dict[str, Any]]
    segments: dict[int, dict[str, Any]]
    documents: dict[int, dict[str, Any]]
    workshops: dict[int, dict[str, Any]]
    run: dict[str, Any] | None
    clusters: dict[int, set[int]]


def read_snapshot(project: Project, run_id: int | None = None) -> Snapshot:
    """Recommendations, their links and the need run (default: latest), in one session."""
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
        segments = {  # columns, not ORM objects: a snapshot is read by every report
            s.id: {
                "document_id": s.document_id,
                "source_id": s.source_id,
                "position": s.position,
                "district": districts[s.district_id],
                "text": s.text,
            }
            for s in session.execute(
                select(
                    Segment.id,
                    Segment.document_id,
                    Segment.source_id,
                    Segment.position,
                    Segment.district_id,
                    Segment.text,
                )
            )
        }
        documents = {
            d.id: {
                "filename": d.filename,
                "workshop_id": d.workshop_id,
                "sha256": d.sha256,
                "importer": d.importer,
                "downloads": downloads(d.filename, d.sha256, d.options),
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
        run = latest_memberships(session, run_id)
        clusters = run.members if run is not None else {}
        described = {"id": run.run_id, "clusters": run.described} if run is not None else None
    return Snapshot(
        recommendations, need_links, evidence, segments, documents, workshops, described, clusters
    )


def resolve_link(snap: Snapshot, link: dict[str, Any]) -> ClusterMatch:
    """The current cluster of a need link (None if none holds half of its members)."""
    return match_cluster(link["members"], snap.clusters)


# -- the chain and its check ---------------------------------------------------------------
def _segment_ref(snap: Snapshot, segment_id: int) -> dict[str, Any]:
    segment = snap.segments[segment_id]
    document = snap.documents.get(segment["document_id"])
    return {
        "segment_id": segment_id,
        "document_id": segment["document_id"] if document else None,
        "document": document["filename"] if document else None,
        "source_id": segment["source_id"],
        "district": segment["district"],
        "text": segment["text"],
    }


def _check_segment(
    snap: Snapshot, segment_id: int, fallback: tuple[str, str] | None, problems: list
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


def _no_evidence(recommendation_id: int) -> str:
    """The problem of a recommendation that cites no statement of its own."""
    return f"hat keine Belege (workbench recommend link {recommendation_id} --segment DOK:ID)"


def _no_need_link(snap: Snapshot, recommendation_id: int) -> str:
    """The problem of a recommendation linked to no need cluster; where clusters of the need
    run hold its evidence, it names them and the command that links them (the team decides:
    nothing is linked here)."""
    cited = {e["segment_id"] for e in snap.evidence if e["recommendation_id"] == recommendation_id}
    held = {c: len(cited & members) for c, members in snap.clusters.items()}
    held = {c: n for c, n in held.items() if n}
    if snap.run is None or not held:
        return NO_NEED_LINK
    order = sorted(held, key=lambda c: (-held[c], c))
    named = []
    for c in order:
        label = snap.run["clusters"].get(c, {}).get("label")
        named.append(
            f"Cluster {c}{f' „{label}“' if label else ''} ({plural(held[c], 'Beleg', 'Belege')})"
        )
    inside = sum(held.values())
    if inside == len(cited):
        whose = "ihr Beleg liegt" if inside == 1 else "ihre Belege liegen"
    else:
        whose = f"{inside} ihrer {len(cited)} Belege {'liegt' if inside == 1 else 'liegen'}"
    listed = ", ".join(named[:-1]) + " und " + named[-1] if len(named) > 1 else named[0]
    options = " ".join(f"--cluster {c}" for c in order)
    run = snap.run["id"]
    return (
        f"{NO_NEED_LINK}; {whose} im Bedarfslauf {run} in {listed} "
        f"(verknüpfen: workbench recommend link {recommendation_id} --run {run} {options})"
    )


def problem_text(link: str, target: str, problem: str) -> str:
    """One problem of a recommendation's chain as a line: what is broken and why (a problem
    of the recommendation itself is said without naming it twice)."""
    return problem if link == LINK_RECOMMENDATION else f"{link} {target}: {problem}"


# what the public site leaves out of a problem: run and cluster numbers, statement ids and
# the team's commands (the formats written by _chain and _check_segment)
_INTERNAL = re.compile(r"\s*\((?:Lauf \d+, Cluster \d+|id \d+|workbench [^)]*)\)")


def public_problem_text(link: str, target: str, problem: str) -> str:
    """A problem as :func:`problem_text`, for readers outside the team: without run and
    cluster numbers, statement ids or commands."""
    if link == LINK_CLUSTER:
        gone = "keine Bedarfsanalyse vorhanden" if "Bedarfslauf" in problem else (
            "in der aktuellen Bedarfsanalyse nicht mehr vorhanden"
        )  # fmt: skip
        return f"Bedarf {_INTERNAL.sub('', target)}: {gone}"
    if problem.startswith(NO_NEED_LINK):  # "Bedarfscluster" is the analysis's word; the
        return PUBLIC_NO_NEED_LINK  # clusters holding its evidence and the command: the team's
    return problem_text(link, _INTERNAL.sub("", target), _INTERNAL.sub("", problem))


def _chain(snap: Snapshot) -> list[dict[str, Any]]:
    """Each recommendation with its resolved links, evidence and problems (sorted)."""
    result = []
    for rec in snap.recommendations:
        problems: list[tuple[str, str, str]] = []
        needs = []
        links = [n for n in snap.need_links if n["recommendation_id"] == rec["id"]]
        if not links:
            problems.append(
                (LINK_RECOMMENDATION, f"Empfehlung {rec['id']}", _no_need_link(snap, rec["id"]))
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
            cluster, score, overlap = resolve_link(snap, link)
            if cluster is None:
                problems.append(
                    (
                        LINK_CLUSTER,
                        target,
                        f"Cluster existiert im aktuellen Lauf {snap.run['id']} nicht mehr "
                        f"(höchstens {overlap} von {len(set(link['members']))} verknüpften "
                        "Aussagen liegen in einem Cluster, nötig: mindestens die Hälfte)",
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
        notes = []  # not broken, but worth a look: a district's evidence from another one
        for e in (e for e in snap.evidence if e["recommendation_id"] == rec["id"]):
            exists = e["segment_id"] in snap.segments
            ref = _segment_ref(snap, e["segment_id"]) if exists else e
            elsewhere = exists and ref["district"] not in (CITYWIDE, MISSING_DISTRICT)
            if elsewhere and rec["scope"] not in (CITYWIDE, ref["district"]):
                notes.append(
                    f"Beleg {ref['document']}:{ref['source_id']} stammt aus "
                    f"{ref['district']}, die Empfehlung gilt für {rec['scope']}"
                )
            evidence.append(
                {
                    "segment_id": e["segment_id"],
                    "document": ref["document"],
                    "source_id": ref["source_id"],
                    "exists": exists,
                }
            )
            _check_segment(snap, e["segment_id"], (e["document"], e["source_id"]), problems)
        if not evidence:  # none linked, or its only statements were removed (`forget`)
            problems.append(
                (LINK_RECOMMENDATION, f"Empfehlung {rec['id']}", _no_evidence(rec["id"]))
            )
        unique = sorted(set(problems), key=lambda p: (LINKS.index(p[0]), p[1], p[2]))
        result.append(
            {
                **rec,
                "needs": needs,
                "evidence": evidence,
                "problems": [{"link": p[0], "target": p[1], "problem": p[2]} for p in unique],
                "notes": notes,
            }
        )
    return result


def recommendation_label(title: object, text: object) -> str:
    r"""A recommendation's name on one line, as its rating card, ``recommend list`` and
    ``history`` show it: its title, an untitled one's text (:func:`line_label`: a line
    break a space, an escape sequence left out; an ordinary text stays as written).

    >>> recommendation_label("", "Treff\nöffnen"), recommendation_label(None, "Kind\x1b[31m")
    ('Treff öffnen', 'Kind')
    >>> recommendation_label("Lern\nräume", "Text"), recommendation_label("\x07", "Text")
    ('Lern räume', 'Text')
    """
    return recommendation_title(title) or line_label(str(text))


def recommendation_title(title: object) -> str:
    r"""A recommendation's title as shown, "" for none: one titled only with control
    characters or blanks ("\x1b", U+202E) is untitled, its text shown once, not twice.

    >>> recommendation_title("\u202e"), recommendation_title(None), recommendation_title("Tr\n")
    ('', '', 'Tr')
    """
    return line_label(title).strip() if isinstance(title, str) else ""  # None/NA: no title


def check_provenance(project: Project, run_id: int | None = None) -> pd.DataFrame:
    """Every broken link of every recommendation's chain (empty: all chains complete).

    Checked: the recommendation has a need cluster and evidence; each linked cluster still exists in
    the need run (default: latest); each of its segments and each evidence segment
    exists, its document exists and belongs to a workshop, and that workshop exists.
    """
    snap = read_snapshot(project, run_id)
    rows = [
        {
            "recommendation_id": rec["id"],
            "title": recommendation_label(rec["title"], rec["text"]),
            **problem,
        }
        for rec in _chain(snap)
        for problem in rec["problems"]
    ]
    return pd.DataFrame(rows, columns=list(PROBLEM_COLUMNS)).astype(PROBLEM_COLUMNS)


def provenance_notes(project: Project, run_id: int | None = None) -> list[tuple[int, str]]:
    """Hints that are no broken link: (recommendation id, text), e.g. a district's
    recommendation citing a statement of another district."""
    return [
        (rec["id"], note) for rec in _chain(read_snapshot(project, run_id)) for note in rec["notes"]
    ]


def chain(project: Project, run_id: int | None = None) -> dict[str, Any]:
    """The evidence chain of all recommendations as plain data (JSON-ready, sorted).

    Segments, documents and workshops appear once each at the top level and are
    referred to by id, document id (two exports may share a file name: every Pol.is
    conversation's is "comments.csv") and name; texts are the pseudonymised ones.
    """
    snap = read_snapshot(project, run_id)
    recs = _chain(snap)
    segment_ids: set[int] = set()
    for rec in recs:
        segment_ids.update(e["segment_id"] for e in rec["evidence"] if e["exists"])
        for need in rec["needs"]:
            if need["current"]:
                segment_ids.update(need["current"]["segments"])
    segments = [_segment_ref(snap, s) for s in sorted(segment_ids)]
    documents: dict[int, dict[str, Any]] = {}
    workshops: dict[str, dict[str, Any]] = {}
    for s in sorted(segment_ids):
        document_id = snap.segments[s]["document_id"]
        document = snap.documents.get(document_id)
        if document is None:
            continue
        workshop = snap.workshops.get(document["workshop_id"])
        documents[document_id] = {  # by id: every Pol.is export is "comments.csv"
            "id": document_id,
            "filename": document["filename"],
            **_files(document["downloads"]),
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
        "documents": sorted(documents.values(), key=lambda d: (d["filename"], d["id"])),
        "workshops": [{"name": k, **v} for k, v in sorted(workshops.items())],
    }


def _files(files: list[Download]) -> dict[str, Any]:
    """A document's checksum, that of the file of its name; a document grown from several
    downloads of an export also lists each with its own name and checksum, in order."""
    if len(files) == 1:
        return {"sha256": files[0].sha256}
    return {
        "sha256": files[0].sha256,
        "downloads": [{"filename": f.filename, "sha256": f.sha256} for f in files],
        "note": downloads_note(files),
    }


def downloads_note(files: list[Download]) -> str:
    """What a reviewer checks of a document grown from several downloads of an export.

    >>> downloads_note([Download("a.csv", "1"), Download(None, "2")])[:66]
    'Export 2-mal heruntergeladen: jede Prüfsumme gehört zur Datei dane'
    """
    last = files[-1].filename
    note = (
        f"Export {len(files)}-mal heruntergeladen: jede Prüfsumme gehört zur Datei daneben; "
        f"der letzte Download ({f'{last!r}' if last else 'Name nicht gespeichert'}) "
        "enthält alle Aussagen, die der früheren unverändert."
    )
    unknown = sum(f.filename is None for f in files)
    if unknown:
        note += (
            f" Von {unknown} {'Download' if unknown == 1 else 'Downloads'} ist der Dateiname "
            "nicht gespeichert (vor dieser Version ergänzt): die Datei an ihrer Prüfsumme "
            "erkennen."
        )
    return note


def export_chain(project: Project, out: str | Path, run_id: int | None = None) -> int:
    """Write the chain as JSON to ``out`` (atomically); return the number of recommendations."""
    data = chain(project, run_id)
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    write_atomic(out, text.encode("utf-8"))
    return len(data["recommendations"])
