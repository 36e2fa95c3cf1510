"""Need clusters: needs raised in the workshops, grouped across districts.

``run_needs`` clusters the segments coded ``Bedarf`` (or all segments) on the cached
embeddings — by default spectral clustering on the kNN graph with the number of clusters by
modularity (:class:`workbench.analysis.spectral.SpectralClusterer`; the earlier
:class:`workbench.analysis.clustering.GraphKMeans` stays selectable as ``method="graph-kmeans"``)
— describes each cluster (a readable label from its statements, keywords, three distinct
representative quotes, size, districts, focus districts and scope by the rule in
:mod:`workbench.analysis.need_scope`) and stores the run.
Researchers' edits — rename, merge, split — are stored as an edit log and replayed on
every run. An edit follows the members it was made on by *containment*
(:func:`~workbench.analysis.need_carry_over.carry_over`): it applies to the cluster that
holds most of them (at least half,
:data:`~workbench.analysis.need_clusters.MATCH_SHARE`), however many new statements
that cluster gained since — after a second wave an edited cluster of 10 may sit inside
a new cluster of 25 — the rule of
:func:`workbench.analysis.need_clusters.match_cluster`, by which recommendations and
feedback items follow their clusters too. Ties go to the higher Jaccard similarity, then
the lower number. One new cluster takes the name
of one earlier cluster only: when renames of two *different* earlier clusters (neither
holding half of the other's members) land in the same new cluster, the one with more
members there wins and the other is reported as not carried over. When the groups of a
merge already sit in one cluster, the merge is done; only its name is applied. Every edit
that cannot be carried over is stored with its German reason in the run
(``NeedRun.skipped_edits``: ``{"id", "reason"}``; older runs hold bare ids) and named by
:func:`skipped_edits` — ``workbench needs`` prints them, so no edit is lost silently.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from workbench.analysis.labels import distinct, label_and_source
from workbench.analysis.need_carry_over import _renumber, apply_edits
from workbench.analysis.need_clusters import (
    NO_NEED_RUN,
    clusters_today,
    latest_memberships,
    need_run,
)
from workbench.analysis.need_scope import CROSS_CUTTING_MIN, ClusterScope, cluster_scopes
from workbench.analysis.stopwords import tokenize
from workbench.core.domain import SEPARATOR, WorkbenchError
from workbench.core.word_caches import forgets_words
from workbench.store import CITYWIDE, NeedAssignment, NeedEdit, NeedRun
from workbench.store.text_edits import check_unchanged

if TYPE_CHECKING:
    from workbench.project import Project

NEED_CODE = "Bedarf"
# A placeholder of pseudonymisation ("[Person 3]", "[Adresse]") or of a source's own
# ("[Name entfernt]", "[url removed]"): one or two words, no sentence in brackets
# ("[Nachtrag: Bolzplatz braucht ein Netz]" says something).
_PLACEHOLDER = re.compile(r"\[[^\W\d_][\w-]*(?: (?:\d+|[^\W\d_][\w-]*))?\]")
CROSS_CUTTING = "übergreifend"
DISTRICT_SPECIFIC = "sozialraumspezifisch"
NO_DISTRICT = "ohne Sozialraum"  # no statement of the cluster names a district
RENAMED = "Forschende"  # label_source of a name a researcher gave (else "Aussage")

CLUSTER_COLUMNS = {
    "cluster": "int64",
    "label": "string",
    "keywords": "object",
    "size": "int64",
    "districts": "object",
    "n_districts": "int64",
    "scope": "string",
    "quotes": "object",
    "quote_segment_ids": "object",
    "focus_districts": "object",  # over-represented districts (need_scope); runs before: NA
    "focus_p": "float64",
    "label_source": "string",  # "Aussage" (generated) or "Forschende" (renamed)
    "label_segment_id": "Int64",  # the statement a generated label comes from
}
ASSIGNMENT_COLUMNS = {
    "segment_id": "int64",
    "source_id": "string",
    "document": "string",
    "district": "string",
    "text": "string",
    "cluster": "int64",
    "cluster_label": "string",
    "scope": "string",
}


# -- parameters and pure steps -----------------------------------------------------------
@dataclass(frozen=True)
class NeedParams:
    """Parameters of a need clustering (stored with every run)."""

    segments: str = "needs"  # "needs" (coded Bedarf) or "all"
    n_clusters: int | None = None
    n_neighbors: int = 15
    min_clusters: int = 4
    max_clusters: int = 20
    cross_cutting_min: int = CROSS_CUTTING_MIN
    backend: str = "use"
    seed: int = 42
    method: str = "spectral"  # or "graph-kmeans" (the method before issue 14)
    question: str | None = None  # only statements whose guiding question contains it

    @classmethod
    def from_stored(cls, stored: dict[str, Any]) -> NeedParams:
        """The parameters of a stored run; runs from before ``method`` existed used
        graph-kmeans, so re-running them (after an edit) reproduces their clusters."""
        known = {k: v for k, v in stored.items() if k in cls.__dataclass_fields__}
        known.setdefault("method", "graph-kmeans")
        return cls(**known)

    def stored(self) -> dict[str, Any]:
        """The parameters as stored with a run; no ``question`` when none was given (runs
        read the same as before it existed)."""
        stored = asdict(self)
        return stored if self.question else {k: v for k, v in stored.items() if k != "question"}

    def validate(self) -> None:
        """Raise a clear error for impossible values."""
        from workbench.analysis.clustering import METHODS

        if self.segments not in ("needs", "all"):
            raise WorkbenchError("--segments ist 'needs' oder 'all'.")
        if self.question is not None and not self.question.strip():
            raise WorkbenchError("--question braucht einen Text aus der Leitfrage.")
        if self.method not in METHODS:
            raise WorkbenchError(f"Verfahren '{self.method}' unbekannt ({', '.join(METHODS)}).")
        if self.n_neighbors < 2:
            raise WorkbenchError("Die Zahl der Nachbarn muss mindestens 2 sein.")
        if self.n_clusters is not None and self.n_clusters < 1:
            raise WorkbenchError("--n-clusters muss mindestens 1 sein.")
        if self.cross_cutting_min < 1:
            raise WorkbenchError("Die Schwelle für übergreifende Bedarfe muss ≥ 1 sein.")


def check_cluster_count(n_clusters: int | None, n_statements: int) -> None:
    """Refuse a fixed number of clusters that leaves no statement a neighbour: with
    ``n_clusters`` ≥ the statements each would be a cluster of its own."""
    if n_clusters is None or n_clusters <= 1 or n_clusters < n_statements:
        return
    raise WorkbenchError(
        f"--n-clusters {n_clusters} ist zu groß für {n_statements} Aussagen: jede wäre ein "
        f"eigener Bedarf. Bitte höchstens {max(1, n_statements - 1)} angeben oder "
        "--n-clusters weglassen (dann bestimmt die Werkbank die Zahl)."
    )


def ctfidf_keywords(
    texts: list[str], labels: np.ndarray, top: int = 6, extra_stop: tuple[str, ...] = ()
) -> dict[int, list[str]]:
    """Keywords per cluster by class-based TF-IDF (as in BERTopic's c-TF-IDF).

    A term's weight in a cluster is its frequency there times log(1 + A / f), with A
    the average number of words per cluster and f the term's frequency overall.
    """
    counts: dict[int, Counter] = {}
    for text, label in zip(texts, labels, strict=True):
        counts.setdefault(int(label), Counter()).update(tokenize(text, extra_stop))
    total = Counter()
    for c in counts.values():
        total.update(c)
    average = sum(total.values()) / max(len(counts), 1)
    result = {}
    for label, c in counts.items():
        size = sum(c.values()) or 1
        scored = {t: (n / size) * math.log(1 + average / total[t]) for t, n in c.items() if n > 1}
        if not scored:  # very small clusters: single occurrences are all there is
            scored = {t: (n / size) * math.log(1 + average / total[t]) for t, n in c.items()}
        result[label] = [t for t, _ in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0]))][:top]
    return result


def describe(
    segments: pd.DataFrame,
    labels: np.ndarray,
    vectors: np.ndarray,
    overrides: dict[int, str],
    cross_cutting_min: int,
) -> list[dict[str, Any]]:
    """Label, keywords, three distinct quotes, districts, focus and scope per cluster."""
    texts = segments["text"].tolist()
    keywords = ctfidf_keywords(texts, labels)
    ids = segments["segment_id"].to_numpy()
    district = segments["district"].tolist()
    located = [isinstance(d, str) and bool(d) and d != CITYWIDE for d in district]
    scopes = cluster_scopes(labels, district, located, cross_cutting_min)
    clusters = []
    taken = set(overrides.values())
    for cluster in sorted(np.unique(labels).tolist()):
        inside = np.flatnonzero(labels == cluster)
        centre = vectors[inside].mean(axis=0)
        closeness = vectors[inside] @ centre
        order = inside[np.lexsort((ids[inside], -closeness))]
        quotes = distinct(order, texts, 3)
        words = keywords.get(cluster, [])
        label, source = overrides.get(cluster), None
        if label is None:
            central = distinct(order, texts, 12)
            label, position = label_and_source([texts[i] for i in central], words, taken)
            label = label or f"Cluster {cluster}"
            source = None if position is None else int(ids[central[position]])
            taken.add(label)
        scope = scopes[cluster]
        clusters.append(
            {
                "cluster": cluster,
                "label": label,
                "keywords": words,
                "size": len(inside),
                "districts": scope.districts,
                "n_districts": len(scope.districts),
                "scope": scope_name(scope),
                "quotes": [texts[i] for i in quotes],
                "quote_segment_ids": [int(ids[i]) for i in quotes],
                "focus_districts": scope.focus,
                "focus_p": scope.focus_p,
                "label_source": RENAMED if cluster in overrides else "Aussage",
                "label_segment_id": source,
            }
        )
    return clusters


def scope_name(scope: ClusterScope) -> str:
    """A cluster's scope as the run stores and shows it."""
    if not scope.districts:
        return NO_DISTRICT
    return DISTRICT_SPECIFIC if scope.specific else CROSS_CUTTING


# -- the stage ---------------------------------------------------------------------------
def has_words(text: str) -> bool:
    """Whether a statement says something in words: a letter outside placeholders.

    >>> [has_words(t) for t in ("👍", "+1", "😀😀", "[Person 3]", "Mehr Bänke 👍")]
    [False, False, False, False, True]
    >>> [has_words(t) for t in ("[url removed]", "[Nachtrag: Bolzplatz braucht ein Netz]")]
    [False, True]
    """
    return any(ch.isalpha() for ch in _PLACEHOLDER.sub("", text))


def select_statements(project: Project, params: NeedParams, segments: pd.DataFrame) -> pd.DataFrame:
    """The statements to cluster, out of all ``segments`` of the project: all or those
    coded 'Bedarf' or one of its subcodes, and of them those under a guiding ``question``
    (a survey's "Was fehlt Ihnen?": its answers are the needs, no coding needed); a
    statement without words (:func:`has_words`: "👍", "+1" in a chat) names no need and
    is not clustered."""
    selected = _selection(project, params, segments)
    selected = selected[selected["text"].map(has_words)]
    if selected.empty:
        raise WorkbenchError(
            "Keine Aussage mit Wortinhalt zum Clustern: die gewählten Aussagen bestehen nur "
            "aus Emoji, Zeichen oder Platzhaltern."
        )
    return selected


def wordless_statements(project: Project, params: NeedParams) -> int:
    """How many statements of the selection a need run leaves out for having no words."""
    selected = _selection(project, params, project.segments())
    return int((~selected["text"].map(has_words)).sum())


def _selection(project: Project, params: NeedParams, segments: pd.DataFrame) -> pd.DataFrame:
    """The statements coded 'Bedarf' (or all), under the guiding ``question`` if given."""
    selected = segments
    if params.segments != "all":
        codings = project.codings()
        code = codings["code"]  # 'Bedarf' and its subcodes ('Bedarf/Mobilität')
        need = (code == NEED_CODE) | code.str.startswith(NEED_CODE + SEPARATOR)
        need_ids = set(codings.loc[need, "segment_id"])
        selected = segments[segments["segment_id"].isin(need_ids)]
        if selected.empty:
            raise WorkbenchError(
                "Keine Aussagen mit dem Code 'Bedarf' gefunden. Für Daten ohne Codes: "
                "--segments all, für die Antworten auf eine Frage: --question TEXT"
            )
    if params.question:
        asked = selected["question"].fillna("").map(_folded)  # composed: "ü" from a Mac
        selected = selected[asked.str.contains(_folded(params.question.strip()), regex=False)]
        if selected.empty:
            questions = sorted(set(segments["question"].dropna()))
            known = "; ".join(f"'{q}'" for q in questions[:10]) or "keine"
            raise WorkbenchError(
                f"Keine Aussage unter einer Leitfrage mit '{params.question.strip()}'"
                f"{'' if params.segments == 'all' else ' und dem Code Bedarf'}. "
                f"Leitfragen im Projekt: {known}"
                + (f" und {len(questions) - 10} weitere" if len(questions) > 10 else "")
            )
    return selected


def _folded(text: str) -> str:
    """``text`` composed (NFC) and case-folded, as a question is compared."""
    return unicodedata.normalize("NFC", text).casefold()


def corpus_hash(segments: pd.DataFrame) -> str:
    """Hash of the clustered input (segment ids and texts)."""
    digest = hashlib.sha256()
    for segment_id, text in zip(segments["segment_id"], segments["text"], strict=True):
        digest.update(f"{segment_id}\x1f{text}\x1e".encode())
    return digest.hexdigest()


def _versions(embedder_version: str) -> dict[str, str]:
    packages = ("sozialraum-workbench", "scikit-learn", "numpy", "scipy")
    return {"embeddings": embedder_version, **{p: metadata.version(p) for p in packages}}


def clustered_statements(
    project: Project, params: NeedParams, progress: bool = False
) -> tuple[pd.DataFrame, np.ndarray, str]:
    """The statements a need run with ``params`` clusters, their vectors, the embedder's
    version."""
    from workbench.analysis.embeddings import get_embedder, project_embeddings

    embedder = get_embedder(params.backend)
    # Always embed the whole project in document order: the cached vectors are then
    # the same whichever stage ran first (USE's batching changes them by ~1e-7).
    every, all_vectors = project_embeddings(project, embedder, progress=progress)
    segments = select_statements(project, params, every).reset_index(drop=True)
    position = {s: i for i, s in enumerate(every["segment_id"])}
    vectors = all_vectors[[position[s] for s in segments["segment_id"]]]
    return segments, vectors, embedder.version


@forgets_words  # the words its tokenizer segmented do not stay in a kernel
def run_needs(project: Project, params: NeedParams | None = None, progress: bool = True) -> int:
    """Cluster the needs, replay the stored edits, store the run; return its id."""
    from workbench.analysis.clustering import make_clusterer

    params = params or NeedParams()
    params.validate()
    segments, vectors, version = clustered_statements(project, params, progress)
    check_cluster_count(params.n_clusters, len(segments))
    model = make_clusterer(
        params.method,
        n_clusters=params.n_clusters,
        n_neighbors=params.n_neighbors,
        min_clusters=params.min_clusters,
        max_clusters=params.max_clusters,
        seed=params.seed,
    ).fit(vectors)
    ids = segments["segment_id"].to_numpy()
    with project.session() as session:
        edits = [
            {"id": e.id, "op": e.op, "payload": e.payload}
            for e in session.scalars(select(NeedEdit).order_by(NeedEdit.id))
        ]
    labels, overrides, skipped = apply_edits(
        _renumber(model.labels_, ids), ids, vectors, edits, params.seed
    )
    clusters = describe(segments, labels, vectors, overrides, params.cross_cutting_min)
    read = dict(zip(ids.tolist(), segments["text"], strict=True))
    with project.transaction(exclusive=True) as session:  # no forget between check and store
        check_unchanged(session, read, "Der Bedarfslauf")
        return insert_run(session, params, segments, labels, clusters, skipped, version)


def insert_run(
    session: Session,
    params: NeedParams,
    segments: pd.DataFrame,
    labels: np.ndarray,
    clusters: list[dict[str, Any]],
    skipped: list[dict[str, Any]],
    embedder_version: str,
) -> int:
    """Store the clusters ``labels`` of ``segments`` (described) as a run; its id."""
    run = NeedRun(
        params=params.stored(),
        corpus_hash=corpus_hash(segments),
        versions=_versions(embedder_version),
        clusters=clusters,
        skipped_edits=skipped,
    )
    session.add(run)
    session.flush()
    ids = segments["segment_id"].to_numpy()
    rows = [
        {"run_id": run.id, "segment_id": int(s), "cluster": int(c)}
        for s, c in zip(ids, labels, strict=True)
    ]
    if rows:  # one executemany instead of one ORM object per statement
        session.execute(insert(NeedAssignment), rows)
    return run.id


def runs(project: Project) -> pd.DataFrame:
    """All stored need runs (newest last)."""
    with project.session() as session:
        rows = [
            {
                "run_id": r.id,
                "created_at": r.created_at,
                "n_clusters": len(r.clusters),
                "corpus_hash": r.corpus_hash,
                "params": json.dumps(r.params, sort_keys=True),
            }
            for r in session.scalars(select(NeedRun).order_by(NeedRun.id))
        ]
    return pd.DataFrame(
        rows, columns=["run_id", "created_at", "n_clusters", "corpus_hash", "params"]
    )


def clusters(project: Project, run_id: int | None = None) -> pd.DataFrame:
    """The clusters of a run (default: the reference run), without refitting."""
    with project.session() as session:
        records = clusters_today(session, need_run(session, run_id))
    return pd.DataFrame(records, columns=list(CLUSTER_COLUMNS)).astype(CLUSTER_COLUMNS)


def assignments(project: Project, run_id: int | None = None) -> pd.DataFrame:
    """Segment → cluster of a run (default: the reference run), with source ids and texts."""
    with project.session() as session:
        run = latest_memberships(session, run_id)
    if run is None:
        raise WorkbenchError(NO_NEED_RUN)
    pairs = {s: c for c, members in run.members.items() for s in members}
    described = run.described
    segments = project.segments()
    segments = segments[segments["segment_id"].isin(pairs)].copy()
    segments["cluster"] = segments["segment_id"].map(pairs)
    segments["cluster_label"] = segments["cluster"].map(lambda c: described[c]["label"])
    segments["scope"] = segments["cluster"].map(lambda c: described[c]["scope"])
    table = segments[list(ASSIGNMENT_COLUMNS)].sort_values(["cluster", "segment_id"])
    return table.reset_index(drop=True).astype(ASSIGNMENT_COLUMNS)
