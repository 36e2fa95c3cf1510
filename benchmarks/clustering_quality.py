"""Clustering quality and scale benchmark (prints numbers; not a timed test).

Quality, in one run and on the same embeddings (USE v3, threads pinned):
  * the workbench's need clustering (GraphKMeans: kNN-graph smoothing, eigengap k,
    spherical k-means),
  * stock BERTopic (default parameters, seeded UMAP, the same embeddings passed in),
  * scikit-learn LDA on word counts (German stop words), with as many topics as the
    workbench chose — LDA cannot use embeddings, so it gets the texts.
against human labels:
  * Pol.is Klimarat AT: accepted statements (moderated == 1); label = conversation.
  * CIMT Ottensen: 12 binary, hierarchical, multi-label themes. A partition can only be
    scored against a partition, so we use the *label powerset*: each distinct set of
    themes a text carries is one class (67 sets); the 126 texts without any theme are
    clustered with the rest but not scored. Every method is scored the same way. We also
    print the "expanded pairs" variant (one (text, theme) pair per theme; ceiling 0.23
    even for a perfect clustering, so it is reported, not targeted).
Outliers (BERTopic's topic -1) count as one more cluster, as a user would get them, and
as "unassigned". Wall time is per method, after a numba warm-up that is timed on its
own; peak memory is tracemalloc's peak of the method (numpy arrays included).

Scale: all statements of both corpora (≈ 6,400) imported into a fresh project, then
`workbench embed`, `topics` and `needs --segments all` as separate processes, once with
a cold and once with a warm embedding cache; peak RSS of the child processes.

Run: .venv/bin/python benchmarks/clustering_quality.py [--skip-scale]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

ROOT = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared")) / "corpora"
SEED = 42


def load_polis() -> tuple[list[str], np.ndarray]:
    """Accepted Pol.is statements and their conversation as label."""
    frames = []
    for path in sorted((CORPORA / "polis-klimarat-at").glob("*/comments.csv")):
        frame = pd.read_csv(path)
        frames.append(frame.assign(conversation=path.parent.name))
    data = pd.concat(frames)
    data = data[data["moderated"] == 1]
    return data["comment-body"].astype(str).tolist(), data["conversation"].to_numpy()


def load_ottensen() -> tuple[list[str], np.ndarray]:
    """Ottensen contributions and their 12 binary theme columns."""
    data = pd.read_csv(CORPORA / "cimt-ottensen-thematic" / "dataset-Ottensen-thematic-d1a.csv")
    themes = data.columns[4:]
    return data["text"].fillna("").astype(str).tolist(), data[themes].to_numpy(dtype=int)


def score_single(labels: np.ndarray, clusters: np.ndarray) -> dict[str, float]:
    """NMI and ARI against single labels."""
    return {
        "NMI": normalized_mutual_info_score(labels, clusters),
        "ARI": adjusted_rand_score(labels, clusters),
    }


def score_multilabel(matrix: np.ndarray, clusters: np.ndarray) -> dict[str, float]:
    """Label-powerset NMI/ARI on labelled texts, plus the expanded-pairs NMI."""
    labelled = matrix.sum(axis=1) > 0
    powerset = np.unique(matrix, axis=0, return_inverse=True)[1].ravel()
    pairs = [(c, j) for c, row in zip(clusters, matrix, strict=True) for j in np.flatnonzero(row)]
    expanded_clusters, expanded_labels = zip(*pairs, strict=True)
    return {
        "NMI": normalized_mutual_info_score(powerset[labelled], clusters[labelled]),
        "ARI": adjusted_rand_score(powerset[labelled], clusters[labelled]),
        "NMI_expanded": normalized_mutual_info_score(expanded_labels, expanded_clusters),
    }


def measure(fn: Callable[[], np.ndarray]) -> tuple[np.ndarray, float, float]:
    """Run ``fn``; return its result, wall seconds and tracemalloc peak in MB."""
    tracemalloc.start()
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return result, seconds, peak


def workbench_clusters(vectors: np.ndarray) -> np.ndarray:
    """The workbench's need clustering with its defaults."""
    from workbench.analysis.clustering import GraphKMeans

    return GraphKMeans(random_state=SEED).fit(vectors).labels_


def bertopic_clusters(texts: list[str], vectors: np.ndarray, backend: object) -> np.ndarray:
    """Stock BERTopic: default parameters, seeded UMAP, precomputed embeddings."""
    from bertopic import BERTopic
    from umap import UMAP

    umap = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=SEED)
    topics, _ = BERTopic(embedding_model=backend, umap_model=umap).fit_transform(texts, vectors)
    return np.asarray(topics)


def lda_clusters(texts: list[str], k: int) -> np.ndarray:
    """LDA on word counts with ``k`` topics; each text goes to its most probable topic."""
    from sklearn.decomposition import LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer

    from workbench.analysis.stopwords import tokenize

    counts = CountVectorizer(tokenizer=tokenize, token_pattern=None, min_df=2).fit_transform(texts)
    lda = LatentDirichletAllocation(n_components=k, random_state=SEED, learning_method="batch")
    return lda.fit_transform(counts).argmax(axis=1)


def quality() -> None:
    """Print the quality table for both corpora."""
    from workbench.analysis.embeddings import UseEmbedder, embed
    from workbench.analysis.topics import _bertopic_backend

    embedder = UseEmbedder()
    print(f"Einbettungen: {embedder.name} {embedder.version}")
    start = time.perf_counter()
    from umap import UMAP

    UMAP(random_state=SEED).fit(np.random.default_rng(0).random((60, 8)))
    print(
        f"numba-Aufwärmen (UMAP, einmal je Prozess, nicht in den Zeiten): "
        f"{time.perf_counter() - start:.1f} s"
    )
    rows = []
    for corpus, loader, scorer in [
        ("Pol.is Klimarat (moderated==1)", load_polis, score_single),
        ("Ottensen (Label-Powerset)", load_ottensen, score_multilabel),
    ]:
        texts, labels = loader()
        start = time.perf_counter()
        vectors = embed(texts, embedder, cache=None, progress=False)
        print(f"{corpus}: {len(texts)} Texte, eingebettet in {time.perf_counter() - start:.1f} s")
        ours, t_ours, m_ours = measure(lambda v=vectors: workbench_clusters(v))
        k = len(np.unique(ours))
        backend = _bertopic_backend(embedder)
        stock, t_stock, m_stock = measure(
            lambda t=texts, v=vectors, b=backend: bertopic_clusters(t, v, b)
        )
        lda, t_lda, m_lda = measure(lambda t=texts, k=k: lda_clusters(t, k))
        for method, clusters, seconds, peak in [
            ("Werkbank (GraphKMeans)", ours, t_ours, m_ours),
            ("BERTopic (Standard)", stock, t_stock, m_stock),
            ("LDA (scikit-learn)", lda, t_lda, m_lda),
        ]:
            scores = scorer(labels, clusters)
            rows.append(
                {
                    "Korpus": corpus,
                    "Methode": method,
                    **{key: round(value, 3) for key, value in scores.items()},
                    "Cluster": len(set(clusters.tolist()) - {-1}),
                    "ohne Zuordnung": f"{(clusters == -1).mean():.1%}",
                    "Zeit [s]": round(seconds, 2),
                    "Spitze [MB]": round(peak, 1),
                }
            )
    table = pd.DataFrame(rows)
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(table.to_string(index=False))
    print()
    for corpus, group in table.groupby("Korpus", sort=False):
        ours = group.iloc[0]
        stock = group.iloc[1]
        print(
            f"{corpus}: NMI Werkbank − BERTopic = {ours['NMI'] - stock['NMI']:+.3f} "
            f"(Ziel ≥ +0.05); Zeitverhältnis {ours['Zeit [s]'] / stock['Zeit [s]']:.2f} "
            f"(Ziel ≤ 0.5); ohne Zuordnung {ours['ohne Zuordnung']} (Ziel ≤ 5 %)"
        )


def _run(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def scale() -> None:
    """All statements of both corpora through embed + topics + needs, cold and warm."""
    workbench = [sys.executable, "-m", "workbench"]
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "skala"
        env = {**os.environ, "WORKBENCH_PROJECT": str(project), "TQDM_DISABLE": "1"}
        subprocess.run([*workbench, "init", str(project), "--districts", "Ottensen"], check=True,
                       env=env, stdout=subprocess.DEVNULL)  # fmt: skip
        polis = sorted(str(p) for p in (CORPORA / "polis-klimarat-at").glob("*/comments.csv"))
        t_import = _run([*workbench, "import", *polis, "--text-column", "comment-body",
                         "--id-column", "comment-id", "--workshop", "{parent}"], env)  # fmt: skip
        t_import += _run([*workbench, "import",
                          str(CORPORA / "cimt-ottensen-thematic/dataset-Ottensen-thematic-d1a.csv"),
                          "--text-column", "text", "--id-column", "document_id",
                          "--district", "Ottensen", "--workshop", "Ottensen"], env)  # fmt: skip
        out = Path(tmp)
        steps = [
            ["embed"],
            ["topics", "--out", str(out / "topics.csv")],
            ["needs", "--segments", "all", "--out", str(out / "needs.csv")],
        ]
        for label in ("kalt", "warm"):
            times = [_run([*workbench, *step], env) for step in steps]
            print(
                f"Skala ({label}): embed {times[0]:.1f} s + topics {times[1]:.1f} s + needs "
                f"{times[2]:.1f} s = {sum(times):.1f} s"
            )
        segments = len(pd.read_csv(out / "topics.csv"))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20
        print(
            f"Skala: {segments} Aussagen; Import {t_import:.1f} s; Spitzen-RSS eines "
            f"Kindprozesses {peak:.2f} GB (Ziel ≤ 2 GB); Ziele: kalt ≤ 120 s, warm ≤ 20 s"
        )


def main() -> None:
    """Run the quality and (unless skipped) the scale benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-scale", action="store_true")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} Kerne")
    quality()
    if not args.skip_scale:
        print()
        scale()


if __name__ == "__main__":
    main()
