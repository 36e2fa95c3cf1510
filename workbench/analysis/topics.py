"""Topics: BERTopic built by one factory, every component explicit and seeded.

Components (see :func:`build_topic_model`):
- embeddings: precomputed and cached (:mod:`workbench.analysis.embeddings`); the same backend is
  handed to BERTopic so that KeyBERT-style labels embed German words the same way;
- reducer + clusterer: by default no separate reducer and spectral clustering on the
  sparse kNN graph with k by modularity (:class:`~workbench.analysis.spectral.SpectralClusterer`,
  the need clusterer; no numba compilation on this path: BERTopic is imported without
  UMAP, see :func:`_load_bertopic`); ``clusterer="graph-kmeans"`` is
  the method before it; ``reducer="umap"`` with ``clusterer="hdbscan"`` gives the classic
  BERTopic pipeline, followed by outlier reduction;
- vectorizer: German stop words plus a configurable domain stop list, uni- and bigrams;
- c-TF-IDF with frequent-word reduction; representation: KeyBERTInspired then MMR;
- label: a short phrase from the topic's most central statements
  (:func:`workbench.analysis.labels.readable_label`), the keywords beside it.

BERTopic objects never leave this module: results are tables, and each run is stored
(parameters, corpus hash, package versions, assignments) so it can be reloaded without
refitting.
"""

from __future__ import annotations

import importlib
import json
import sys
from dataclasses import asdict, dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from workbench.core.domain import WorkbenchError
from workbench.core.progress import progress_shown
from workbench.core.word_caches import forgets_words
from workbench.store import Segment, TopicAssignment, TopicRun, find_run
from workbench.store.text_edits import check_unchanged

if TYPE_CHECKING:
    from workbench.analysis.embeddings import Embedder
    from workbench.project import Project

BY_CHOICES = ("all", "district", "question")
CLUSTERERS = ("spectral", "graph-kmeans", "hdbscan")
UMAP_NEIGHBOURS = 15  # BERTopic's UMAP setting
TEMPERATURE = 0.05
NO_TOPIC_RUN = "Noch keine Themen berechnet (workbench topics)."
PUBLIC_NO_TOPIC_RUN = "Die Themen sind noch nicht ausgewertet."  # for residents

ASSIGNMENT_COLUMNS = {
    "segment_id": "int64",
    "source_id": "string",
    "group": "string",
    "topic": "string",
    "topic_label": "string",
    "probability": "float64",
    "x": "float64",
    "y": "float64",
}


@dataclass(frozen=True)
class TopicParams:
    """Parameters of a topic run (stored with it)."""

    by: str = "all"
    backend: str = "use"
    reducer: str = "none"  # "none" (the clusterer works on the embeddings) or "umap"
    clusterer: str = "spectral"  # or "graph-kmeans" (before issue 14) or "hdbscan"
    n_topics: int | None = None
    min_topics: int = 4
    max_topics: int = 20
    n_neighbors: int = 15
    min_cluster_size: int = 10  # hdbscan only
    domain_stop_words: tuple[str, ...] = ()  # in addition to stopwords.DOMAIN
    seed: int = 42

    def validate(self) -> None:
        """Raise a clear error for impossible values."""
        if self.by not in BY_CHOICES:
            raise WorkbenchError(f"--by ist einer von {', '.join(BY_CHOICES)}.")
        if self.reducer not in ("none", "umap") or self.clusterer not in CLUSTERERS:
            raise WorkbenchError(
                f"Reducer 'none'|'umap', Clusterer {'|'.join(repr(c) for c in CLUSTERERS)}."
            )


def _load_bertopic(umap: bool = False) -> None:
    """Import BERTopic; without UMAP unless ``umap`` is asked for or already loaded.

    BERTopic's plotting module imports UMAP when BERTopic is imported, only for its own
    topic map (the workbench draws its own). UMAP imports pynndescent, whose numba
    functions compile at import: 25 s on the first run after installation, 1 s on every
    later one — on the default path (spectral clustering), which uses neither. For that
    one import, ``from umap import UMAP`` fails as a missing optional package would; UMAP
    itself stays importable (``reducer="umap"`` imports it first).
    """
    if "bertopic" in sys.modules:
        return
    if umap:
        importlib.import_module("umap")
    blocked = "umap" not in sys.modules
    if blocked:
        sys.modules["umap"] = None  # type: ignore[assignment]
    try:
        importlib.import_module("bertopic")
    finally:
        if blocked and "umap" in sys.modules and sys.modules["umap"] is None:
            del sys.modules["umap"]


def _bertopic_backend(embedder: Embedder):
    """Wrap a workbench embedder as a BERTopic embedding backend."""
    _load_bertopic()
    from bertopic.backend import BaseEmbedder

    class _Backend(BaseEmbedder):
        def embed(self, documents: list[str], verbose: bool = False) -> np.ndarray:
            return embedder.embed(list(documents))

    return _Backend()


def build_topic_model(params: TopicParams, embedder: Embedder, n_documents: int):
    """The BERTopic model with every component explicit and seeded."""
    if params.reducer == "umap" and n_documents <= UMAP_NEIGHBOURS + 1:
        raise WorkbenchError(
            f"UMAP braucht mehr als {UMAP_NEIGHBOURS + 1} Aussagen (hier {n_documents}); "
            "ohne --reducer umap gruppiert die Werkbank auch wenige."
        )
    if params.clusterer == "hdbscan" and n_documents <= params.min_cluster_size:
        raise WorkbenchError(
            f"HDBSCAN braucht mehr Aussagen als die Mindestgröße eines Themas "
            f"({params.min_cluster_size}; hier {n_documents}); das Standardverfahren "
            "(--clusterer spectral) gruppiert auch wenige."
        )
    _load_bertopic(umap=params.reducer == "umap")
    from bertopic import BERTopic
    from bertopic.dimensionality import BaseDimensionalityReduction
    from bertopic.representation import KeyBERTInspired, MaximalMarginalRelevance
    from bertopic.vectorizers import ClassTfidfTransformer
    from sklearn.feature_extraction.text import CountVectorizer

    from workbench.analysis.clustering import make_clusterer
    from workbench.analysis.stopwords import tokenize

    if params.reducer == "umap":
        from umap import UMAP

        reducer = UMAP(
            n_neighbors=UMAP_NEIGHBOURS, n_components=5, min_dist=0.0, metric="cosine",
            random_state=params.seed,
        )  # fmt: skip
    else:
        reducer = BaseDimensionalityReduction()
    if params.clusterer == "hdbscan":
        from hdbscan import HDBSCAN

        clusterer = HDBSCAN(
            min_cluster_size=params.min_cluster_size, metric="euclidean",
            cluster_selection_method="eom", prediction_data=True,
        )  # fmt: skip
    else:
        clusterer = make_clusterer(
            params.clusterer,
            n_clusters=params.n_topics,
            n_neighbors=params.n_neighbors,
            min_clusters=params.min_topics,
            max_clusters=params.max_topics,
            seed=params.seed,
        )
    stop = tuple(params.domain_stop_words)
    vectorizer = CountVectorizer(
        tokenizer=lambda text: tokenize(text, stop),
        token_pattern=None,
        lowercase=False,
        ngram_range=(1, 2),
        min_df=2 if n_documents >= 50 else 1,
    )
    # KeyBERT and MMR embed single words and keyword lists apart from the statements: only
    # an embedder whose vector depends on the text alone can do that (TF-IDF fits on the
    # texts it is given, so its word vectors would not match; the c-TF-IDF words stay)
    representation = (
        [
            KeyBERTInspired(top_n_words=10, random_state=params.seed),
            MaximalMarginalRelevance(diversity=0.3, top_n_words=10),
        ]
        if embedder.cacheable
        else None
    )
    return BERTopic(
        embedding_model=_bertopic_backend(embedder),
        umap_model=reducer,
        hdbscan_model=clusterer,
        vectorizer_model=vectorizer,
        ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
        representation_model=representation,
        top_n_words=10,
        calculate_probabilities=False,
        verbose=False,
    )


def _too_few_words(texts: list[str], params: TopicParams) -> bool:
    """Whether fewer than two words pass the vectoriser's rules (stop words, ``min_df`` as
    in :func:`build_topic_model`): no word model to fit (emoji, placeholders only)."""
    from collections import Counter

    from workbench.analysis.stopwords import tokenize

    stop = tuple(params.domain_stop_words)
    min_df = 2 if len(texts) >= 50 else 1
    counts: Counter[str] = Counter()
    passing = 0
    for text in texts:  # stops at the second word that passes (at once on real corpora)
        for word in set(tokenize(text, stop)):
            counts[word] += 1
            passing += counts[word] == min_df
            if passing >= 2:
                return False
    return True


def fit_topics(
    texts: list[str], vectors: np.ndarray, params: TopicParams, embedder: Embedder
) -> tuple[np.ndarray, np.ndarray, list[dict[str, Any]]]:
    """Fit one model: (topic per text, probability per text, topic descriptions)."""
    from workbench.analysis.labels import distinct, label_and_source

    if len(texts) < 3 or _too_few_words(texts, params):
        topics = np.zeros(len(texts), dtype=int)
        label, source = label_and_source(texts, [], set()) if texts else ("", None)
        described = [
            {
                "topic": 0,
                "label": label,
                "keywords": [],
                "size": len(texts),
                "label_text_index": source,
            }
        ]
        return topics, np.ones(len(texts)), described
    model = build_topic_model(params, embedder, len(texts))
    try:
        topics, _ = model.fit_transform(texts, vectors)
    except ValueError as err:
        # c-TF-IDF counts a word's topics, not its statements: with one topic (or words
        # each in one topic only) min_df=2 leaves no word. Fit again keeping every word.
        if "no terms remain" not in str(err):
            raise
        model = build_topic_model(params, embedder, len(texts))
        model.vectorizer_model.set_params(min_df=1)
        topics, _ = model.fit_transform(texts, vectors)
    topics = np.asarray(topics)
    if params.clusterer == "hdbscan" and (topics == -1).any():
        topics = np.asarray(
            model.reduce_outliers(texts, topics, strategy="embeddings", embeddings=vectors)
        )
        model.update_topics(texts, topics=topics.tolist(), vectorizer_model=model.vectorizer_model)
    described = []
    centres = {}
    taken: set[str] = set()
    for topic in sorted(set(topics.tolist())):
        # BERTopic pads a topic with few words with "": no keyword (and no label part)
        words = [w for w, _ in (model.get_topic(topic) or []) if str(w).strip()]
        inside = np.flatnonzero(topics == topic)
        centre = vectors[inside].mean(axis=0)
        centres[topic] = centre / (np.linalg.norm(centre) or 1.0)
        label, source = "Ohne Thema", None
        if topic != -1:
            order = inside[np.lexsort((inside, -(vectors[inside] @ centres[topic])))]
            central = distinct(order, texts, 12)
            label, position = label_and_source([texts[i] for i in central], words, taken)
            label = label or f"Thema {topic}"
            source = None if position is None else int(central[position])
            taken.add(label)
        described.append(
            {
                "topic": int(topic),
                "label": label,
                "keywords": words,
                "size": len(inside),
                "label_text_index": source,  # position in ``texts`` (see run_topics)
            }
        )
    keys = sorted(centres)
    similarity = vectors @ np.vstack([centres[k] for k in keys]).T
    weights = np.exp((similarity - similarity.max(axis=1, keepdims=True)) / TEMPERATURE)
    weights /= weights.sum(axis=1, keepdims=True)
    probability = weights[np.arange(len(topics)), [keys.index(t) for t in topics]]
    return topics, probability, described


_FIELD = {
    "district": ("Sozialraum", "einen Sozialraum"),
    "question": ("Leitfrage", "eine Leitfrage"),
}


def _require_groups(project: Project, by: str) -> None:
    """Stop before any work when ``--by`` would give a single group: its model would only
    repeat the one over all statements."""
    if by == "all":
        return
    values = project.segments()[by].astype("string").str.strip()
    named = set(values.dropna()) - {""}
    name, with_article = _FIELD[by]
    if not named:
        raise WorkbenchError(
            f"Keine Aussage hat {with_article}, daher gibt es keine Themen je {name} "
            "(workbench topics ohne --by rechnet über alle Aussagen)."
        )
    if len(named) == 1 and values.notna().all() and (values != "").all():
        raise WorkbenchError(
            f"Alle Aussagen haben dieselbe {name} „{named.pop()}“, Themen je {name} wären "
            "also die Themen über alle Aussagen (workbench topics ohne --by)."
            if by == "question"
            else f"Alle Aussagen gehören zum Sozialraum „{named.pop()}“, Themen je Sozialraum "
            "wären also die Themen über alle Aussagen (workbench topics ohne --by)."
        )


@forgets_words  # the words its tokenizer segmented do not stay in a kernel
def run_topics(project: Project, params: TopicParams | None = None, progress: bool = True) -> int:
    """Fit topics (overall or per district/question), store the run, return its id."""
    from workbench.analysis.embeddings import get_embedder, project_embeddings
    from workbench.analysis.needs import corpus_hash

    params = params or TopicParams()
    params.validate()
    _require_groups(project, params.by)
    embedder = get_embedder(params.backend)
    segments, vectors = project_embeddings(project, embedder, progress=progress)
    if segments.empty:
        raise WorkbenchError("Das Projekt enthält noch keine Aussagen.")
    if params.by == "all":
        groups = pd.Series("alle", index=segments.index)
    else:
        column = "district" if params.by == "district" else "question"
        groups = segments[column].fillna("(ohne)")
    rows: list[tuple[int, str, str, float]] = []
    described: list[dict[str, Any]] = []
    from tqdm.auto import tqdm

    names = sorted(groups.unique())
    segment_ids = segments["segment_id"].to_numpy()
    # Progress is the workbench's own, one step per model, and only where it says something:
    # several models (--by) on a terminal or in a notebook, never in logs and pipes.
    # BERTopic itself runs with verbose=False, so no library bar is printed.
    shown = progress_shown(progress and len(names) > 1)
    bar = {"desc": "Themenmodelle", "unit": " Modell", "disable": not shown}
    for group in tqdm(names, **bar):
        index = np.flatnonzero(groups.to_numpy() == group)
        topics, probability, topics_info = fit_topics(
            segments["text"].iloc[index].tolist(), vectors[index], params, embedder
        )
        for info in topics_info:
            position = info.pop("label_text_index", None)
            source = None if position is None else int(segment_ids[index[position]])
            described.append(
                {
                    "group": group,
                    **info,
                    "key": _key(params, group, info["topic"]),
                    "label_segment_id": source,  # the statement a label comes from
                }
            )
        for i, topic, p in zip(index, topics, probability, strict=True):
            rows.append((int(segment_ids[i]), group, _key(params, group, topic), float(p)))
    versions = {
        "embeddings": embedder.version,
        **{
            p: metadata.version(p)
            for p in ("bertopic", "scikit-learn", "numpy", "sozialraum-workbench")
        },
    }
    xy = layout(vectors, params.seed)
    position = {int(s): i for i, s in enumerate(segment_ids)}
    read = dict(zip(segment_ids.tolist(), segments["text"], strict=True))
    with project.transaction(exclusive=True) as session:  # no forget between check and store
        check_unchanged(session, read, "Der Themenlauf")
        run = TopicRun(
            params=json.loads(json.dumps(asdict(params))),
            corpus_hash=corpus_hash(segments),
            versions=versions,
            topics=described,
        )
        session.add(run)
        session.flush()
        records = [
            {
                "run_id": run.id,
                "segment_id": s,
                "group": g,
                "topic": t,
                "probability": p,
                "x": float(xy[position[s], 0]),
                "y": float(xy[position[s], 1]),
            }
            for s, g, t, p in rows
        ]
        if records:  # one executemany instead of one ORM object per statement
            session.execute(insert(TopicAssignment), records)
        return run.id


TSNE_MAX = 2000


def layout(vectors: np.ndarray, seed: int) -> np.ndarray:
    """2-D positions for the map of statements, computed once per run and stored.

    t-SNE (cosine, PCA initialisation, seeded) for up to ``TSNE_MAX`` statements; beyond
    that, or with fewer than five different vectors (identical statements), PCA, which is
    instant and keeps the scale run fast. Rounded to 4 decimals so the
    stored map does not depend on the last bits of floating-point arithmetic.
    """
    if len(vectors) < 5:
        return np.zeros((len(vectors), 2))
    distinct = len(np.unique(np.round(vectors, 6), axis=0))
    if distinct < 2:  # all statements alike: one point (t-SNE's PCA start divides by 0)
        return np.zeros((len(vectors), 2))
    if len(vectors) <= TSNE_MAX and distinct >= 5:
        from sklearn.manifold import TSNE

        perplexity = min(30.0, (len(vectors) - 1) / 3)
        xy = TSNE(2, perplexity=perplexity, init="pca", metric="cosine",
                  random_state=seed).fit_transform(vectors)  # fmt: skip
    else:
        from sklearn.decomposition import PCA

        xy = PCA(2, random_state=seed).fit_transform(vectors)
    return np.round(xy, 4)


def _key(params: TopicParams, group: str, topic: int) -> str:
    return str(topic) if params.by == "all" else f"{group}:{topic}"


def runs(project: Project) -> pd.DataFrame:
    """All stored topic runs (newest last)."""
    with project.session() as session:
        rows = [
            {
                "run_id": r.id,
                "created_at": r.created_at,
                "by": r.params.get("by"),
                "n_topics": len(r.topics),
                "corpus_hash": r.corpus_hash,
                "params": json.dumps(r.params, sort_keys=True),
            }
            for r in session.scalars(select(TopicRun).order_by(TopicRun.id))
        ]
    columns = ["run_id", "created_at", "by", "n_topics", "corpus_hash", "params"]
    return pd.DataFrame(rows, columns=columns)


def _run(session: Session, run_id: int | None) -> TopicRun:
    return find_run(session, TopicRun, run_id, NO_TOPIC_RUN, "Themenlauf")


def topics(project: Project, run_id: int | None = None) -> pd.DataFrame:
    """Topics of a run (default: latest): group, topic key, label, keywords, size."""
    with project.session() as session:
        described = _run(session, run_id).topics
    table = pd.DataFrame(described, columns=["group", "key", "topic", "label", "keywords", "size"])
    return table.sort_values(["group", "size", "key"], ascending=[True, False, True]).reset_index(
        drop=True
    )


def assignments(project: Project, run_id: int | None = None) -> pd.DataFrame:
    """Segment → topic of a run (default: latest), with source ids; no refitting."""
    with project.session() as session:
        run = _run(session, run_id)
        labels = {t["key"]: t["label"] for t in run.topics}
        rows = session.execute(
            select(
                TopicAssignment.segment_id,
                TopicAssignment.group,
                TopicAssignment.topic,
                TopicAssignment.probability,
                TopicAssignment.x,
                TopicAssignment.y,
                Segment.source_id,
            )
            .outerjoin(Segment, Segment.id == TopicAssignment.segment_id)
            .where(TopicAssignment.run_id == run.id)
        ).all()
    table = pd.DataFrame(
        rows, columns=["segment_id", "group", "topic", "probability", "x", "y", "source_id"]
    )
    table["topic_label"] = table["topic"].map(labels)
    return (
        table[list(ASSIGNMENT_COLUMNS)]
        .sort_values("segment_id")
        .reset_index(drop=True)
        .astype(ASSIGNMENT_COLUMNS)
    )


def topic_district_table(project: Project, run_id: int | None = None) -> pd.DataFrame:
    """Segments per topic (rows) and district (columns) of a run."""
    table = assignments(project, run_id).merge(
        project.segments()[["segment_id", "district"]], on="segment_id"
    )
    table["topic_label"] = table["topic"] + " " + table["topic_label"]
    return pd.crosstab(table["topic_label"], table["district"]).sort_index()
