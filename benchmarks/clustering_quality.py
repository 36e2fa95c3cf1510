"""Clustering quality: the need clusterer against its baselines, leave-one-corpus-out.

Corpora (real, human-labelled; the same USE v3 embeddings for every method):
  * Pol.is Klimarat AT: accepted statements (moderated == 1); label = conversation.
  * Pol.is Klimarat AT, all 5,764 statements including the 2,953 rejected by moderators
    (what ``needs --segments all`` clusters after an unfiltered import): in the quality
    table only — it contains the accepted statements, so it cannot be held out against them.
  * CIMT Ottensen (title and text, as the import joins them): 12 binary, multi-label
    themes; scored as *label powerset* (each distinct set of themes is one class; texts
    without a theme are clustered but not scored).
  * Demo study (corpus/demo): 487 statements, coder A's 18 themes, label powerset.
Methods, in one run:
  * Werkbank (spektral): the default — spectral clustering on the kNN graph, k by
    modularity (workbench.analysis.spectral.SpectralClusterer);
  * Werkbank bisher: GraphKMeans (kNN smoothing, eigengap k, spherical k-means);
  * Spektral schlicht: scikit-learn's SpectralClustering on the kNN graph (10 neighbours)
    with the k the default chose — the plain spectral baseline;
  * BERTopic (Standard): default parameters, seeded UMAP, HDBSCAN; topic −1 counts as one
    more cluster and as "unassigned".
NMI/ARI against the labels, clusters, unassigned share, wall time (after a numba
warm-up timed on its own), tracemalloc peak; ARI between seeds 42 and 43 (stability).

Leave-one-corpus-out: a small grid of variants (neighbours 10/15/30 × k by modularity, by
modularity at resolution 1.5, or by the eigengap) is scored on every corpus; for each
held-out corpus a variant is chosen on the *other* corpora — by their worst NMI (the
workbench's rule: a choice must hold on every corpus) and, for comparison, by their mean
NMI — and its NMI on the held-out one reported beside the default's.
No parameter is tuned per corpus.

Run: .venv/bin/python benchmarks/clustering_quality.py   (scale: benchmarks/scale.py)
"""

from __future__ import annotations

import os
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
CACHE = ROOT / "build" / "benchmarks" / "embeddings"
SEED = 42
RESOLUTION = 1.5  # the grid's variant with more, smaller clusters (Reichardt–Bornholdt γ)
CRITERIA = ("Modularität", f"Modularität γ={RESOLUTION}", "Eigenlücke")
GRID = [(nn, criterion) for nn in (10, 15, 30) for criterion in CRITERIA]
DEFAULT = (15, "Modularität")
POLIS_ALL = "Pol.is alle (mit abgelehnten)"  # quality table only, not the grid


def load_polis(accepted_only: bool = True) -> tuple[list[str], np.ndarray]:
    """Pol.is statements (accepted ones, or all) and their conversation as label."""
    frames = []
    for path in sorted((CORPORA / "polis-klimarat-at").glob("*/comments.csv")):
        frame = pd.read_csv(path)
        frames.append(frame.assign(conversation=path.parent.name))
    data = pd.concat(frames)
    if accepted_only:
        data = data[data["moderated"] == 1]
    return data["comment-body"].astype(str).tolist(), data["conversation"].to_numpy()


def load_ottensen() -> tuple[list[str], np.ndarray]:
    """Ottensen contributions (title, then text, as ``workbench import`` makes them) and
    their 12 binary theme columns."""
    from workbench.ingest.table import with_title

    data = pd.read_csv(CORPORA / "cimt-ottensen-thematic" / "dataset-Ottensen-thematic-d1a.csv")
    themes = data.columns[4:]
    texts = [with_title(t, x) or "" for t, x in zip(data["title"], data["text"], strict=True)]
    return texts, data[themes].to_numpy(dtype=int)


def load_demo() -> tuple[list[str], np.ndarray]:
    """The demo study's statements and coder A's themes (one binary column per theme)."""
    from workbench.demo import build_demo

    with tempfile.TemporaryDirectory() as tmp:
        project = build_demo(Path(tmp) / "demo")
        segments = project.segments()
        project.close()
    codings = pd.read_csv(ROOT / "corpus" / "demo" / "codings.csv", dtype=str)
    codings = codings[(codings["coder"] == "A") & codings["code"].str.startswith("Themen/")]
    themes = sorted(codings["code"].unique())
    coded: dict[tuple[str, str], set[str]] = {}
    for row in codings.itertuples():
        coded.setdefault((row.document, row.source_id), set()).add(row.code)
    keys = zip(segments["document"], segments["source_id"], strict=True)
    matrix = np.array([[t in coded.get(key, ()) for t in themes] for key in keys], dtype=int)
    return segments["text"].tolist(), matrix


def score(labels: np.ndarray, clusters: np.ndarray) -> dict[str, float]:
    """NMI/ARI against single labels, or against the label powerset of a 0/1 matrix."""
    if labels.ndim == 1:
        return {
            "NMI": normalized_mutual_info_score(labels, clusters),
            "ARI": adjusted_rand_score(labels, clusters),
        }
    labelled = labels.sum(axis=1) > 0
    powerset = np.unique(labels, axis=0, return_inverse=True)[1].ravel()
    return {
        "NMI": normalized_mutual_info_score(powerset[labelled], clusters[labelled]),
        "ARI": adjusted_rand_score(powerset[labelled], clusters[labelled]),
    }


def measure(fn: Callable[[], np.ndarray]) -> tuple[np.ndarray, float, float]:
    """Run ``fn`` twice: wall seconds of a plain run, tracemalloc peak (MB) of a second one.

    tracemalloc slows Python-heavy code down several times, so it never runs while the
    time is taken.
    """
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return result, seconds, peak


def spectral_clusters(
    vectors: np.ndarray, seed: int = SEED, n_neighbors: int = 15, resolution: float = 1.0
) -> np.ndarray:
    """The workbench's need clustering (its defaults unless a variant is asked for)."""
    from workbench.analysis.spectral import SpectralClusterer

    model = SpectralClusterer(n_neighbors=n_neighbors, random_state=seed, resolution=resolution)
    return model.fit(vectors).labels_


def eigengap_clusters(vectors: np.ndarray, n_neighbors: int) -> np.ndarray:
    """The same spectral clustering, but k at the largest eigengap (a variant of the grid)."""
    from workbench.analysis import knn, spectral

    x = knn.unit_rows(vectors)
    w = knn.knn_affinity(*knn.nearest_neighbours(x, n_neighbors))
    a = spectral.regularised_adjacency(w)
    model = spectral.SpectralClusterer(n_neighbors=n_neighbors)
    candidates = model._search_range(len(x))
    top = max(candidates) + 1
    if len(x) <= spectral.DENSE_MAX:
        values = np.linalg.eigvalsh(a.toarray())[::-1][:top]
    else:
        from scipy.sparse.linalg import eigsh

        values = np.sort(eigsh(a, k=top, which="LA", return_eigenvectors=False))[::-1]
    gaps = {k: values[k - 1] - values[k] for k in candidates}
    k = max(gaps, key=gaps.get)
    return spectral.SpectralClusterer(k, n_neighbors, random_state=SEED).fit(vectors).labels_


def graph_kmeans_clusters(vectors: np.ndarray, seed: int = SEED) -> np.ndarray:
    """The need clustering before issue 14 (GraphKMeans, eigengap k)."""
    from workbench.analysis.clustering import GraphKMeans

    return GraphKMeans(random_state=seed).fit(vectors).labels_


def plain_spectral_clusters(vectors: np.ndarray, k: int) -> np.ndarray:
    """scikit-learn's SpectralClustering on the 10-nearest-neighbour graph."""
    from sklearn.cluster import SpectralClustering

    model = SpectralClustering(
        k, affinity="nearest_neighbors", n_neighbors=10, random_state=SEED, n_jobs=1
    )
    return model.fit_predict(vectors)


def bertopic_clusters(texts: list[str], vectors: np.ndarray, backend: object) -> np.ndarray:
    """Stock BERTopic: default parameters, seeded UMAP, precomputed embeddings."""
    from bertopic import BERTopic
    from umap import UMAP

    umap = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=SEED)
    topics, _ = BERTopic(embedding_model=backend, umap_model=umap).fit_transform(texts, vectors)
    return np.asarray(topics)


def corpora() -> list[tuple[str, list[str], np.ndarray, np.ndarray]]:
    """(name, texts, labels, embeddings) of every corpus; embeddings cached in build/."""
    from workbench.analysis.embeddings import EmbeddingCache, UseEmbedder, embed

    embedder = UseEmbedder()
    print(f"Einbettungen: {embedder.name} {embedder.version} (Cache {CACHE})")
    cache = EmbeddingCache(CACHE, embedder)
    out = []
    for name, loader in [
        ("Pol.is Klimarat", load_polis),
        (POLIS_ALL, lambda: load_polis(accepted_only=False)),
        ("Ottensen (Label-Powerset)", load_ottensen),
        ("Demo-Studie (Themen A, Powerset)", load_demo),
    ]:
        texts, labels = loader()
        start = time.perf_counter()
        vectors = embed(texts, embedder, cache, progress=False)
        print(f"{name}: {len(texts)} Texte, Einbettungen {time.perf_counter() - start:.1f} s")
        out.append((name, texts, labels, vectors))
    return out


def quality(data: list[tuple[str, list[str], np.ndarray, np.ndarray]]) -> pd.DataFrame:
    """The per-corpus table: every method, NMI/ARI, clusters, unassigned, time, memory."""
    from workbench.analysis.embeddings import UseEmbedder
    from workbench.analysis.topics import _bertopic_backend

    start = time.perf_counter()
    from umap import UMAP

    UMAP(random_state=SEED).fit(np.random.default_rng(0).random((60, 8)))
    print(f"numba-Aufwärmen (UMAP, nicht in den Zeiten): {time.perf_counter() - start:.1f} s")
    backend = _bertopic_backend(UseEmbedder())
    rows = []
    for name, texts, labels, vectors in data:
        ours, t_ours, m_ours = measure(lambda v=vectors: spectral_clusters(v))
        k = len(np.unique(ours))
        old, t_old, m_old = measure(lambda v=vectors: graph_kmeans_clusters(v))
        plain, t_plain, m_plain = measure(lambda v=vectors, k=k: plain_spectral_clusters(v, k))
        stock, t_stock, m_stock = measure(
            lambda t=texts, v=vectors: bertopic_clusters(t, v, backend)
        )
        stability = {
            "Werkbank (spektral)": adjusted_rand_score(ours, spectral_clusters(vectors, SEED + 1)),
            "Werkbank bisher (GraphKMeans)": adjusted_rand_score(
                old, graph_kmeans_clusters(vectors, SEED + 1)
            ),
        }
        for method, clusters, seconds, peak in [
            ("Werkbank (spektral)", ours, t_ours, m_ours),
            ("Werkbank bisher (GraphKMeans)", old, t_old, m_old),
            ("Spektral schlicht (sklearn, gleiches k)", plain, t_plain, m_plain),
            ("BERTopic (Standard)", stock, t_stock, m_stock),
        ]:
            scores = score(labels, clusters)
            rows.append(
                {
                    "Korpus": name,
                    "Methode": method,
                    **{key: round(value, 3) for key, value in scores.items()},
                    "ARI Seeds": round(stability[method], 3) if method in stability else None,
                    "Cluster": len(set(clusters.tolist()) - {-1}),
                    "ohne Zuordnung": f"{(clusters == -1).mean():.1%}",
                    "Zeit [s]": round(seconds, 2),
                    "Spitze [MB]": round(peak, 1),
                }
            )
    return pd.DataFrame(rows)


def grid_clusters(vectors: np.ndarray, n_neighbors: int, criterion: str) -> np.ndarray:
    """The clusters of one variant of the grid."""
    if criterion == "Eigenlücke":
        return eigengap_clusters(vectors, n_neighbors)
    resolution = RESOLUTION if criterion != "Modularität" else 1.0
    return spectral_clusters(vectors, n_neighbors=n_neighbors, resolution=resolution)


def leave_one_corpus_out(data: list[tuple[str, list[str], np.ndarray, np.ndarray]]) -> None:
    """Score the grid on every corpus; choose on the others, report on the held-out one."""
    table = {}
    for name, _, labels, vectors in data:
        for nn, criterion in GRID:
            clusters = grid_clusters(vectors, nn, criterion)
            table[(nn, criterion), name] = (score(labels, clusters)["NMI"], len(set(clusters)))
    names = [name for name, *_ in data]
    grid = pd.DataFrame(
        {
            name: [f"{table[v, name][0]:.3f} (k={table[v, name][1]})" for v in GRID]
            for name in names
        },
        index=[f"{nn} Nachbarn, k per {criterion}" for nn, criterion in GRID],
    )
    print("\nVarianten × Korpus (NMI, gewähltes k):")
    print(grid.to_string())
    means = {v: np.mean([table[v, n][0] for n in names]) for v in GRID}
    worst = {v: min(table[v, n][0] for n in names) for v in GRID}
    for v in GRID:
        print(
            f"  {v[0]:>2} Nachbarn, {v[1]:<11}: Mittel {means[v]:.3f}, schlechtestes {worst[v]:.3f}"
        )
    for rule, pick in [
        ("schlechteste NMI der anderen Korpora (Regel der Werkbank)", min),
        ("mittlere NMI der anderen Korpora", np.mean),
    ]:
        print(f"\nLeave-one-corpus-out, Wahl nach {rule}:")
        for held_out in names:
            others = [n for n in names if n != held_out]
            chosen = max(GRID, key=lambda v, o=others: pick([table[v, n][0] for n in o]))
            print(
                f"  {held_out}: gewählt {chosen[0]} Nachbarn/{chosen[1]} → NMI "
                f"{table[chosen, held_out][0]:.3f}; Standard {DEFAULT[0]}/{DEFAULT[1]} → "
                f"{table[DEFAULT, held_out][0]:.3f}"
            )


def summary(table: pd.DataFrame) -> None:
    """Targets per corpus: NMI gain over BERTopic, time ratio, unassigned, seed ARI."""
    print()
    for corpus, group in table.groupby("Korpus", sort=False):
        ours = group[group["Methode"] == "Werkbank (spektral)"].iloc[0]
        old = group[group["Methode"] == "Werkbank bisher (GraphKMeans)"].iloc[0]
        stock = group[group["Methode"] == "BERTopic (Standard)"].iloc[0]
        print(
            f"{corpus}: NMI {ours['NMI']:.3f} (bisher {old['NMI']:.3f}, BERTopic "
            f"{stock['NMI']:.3f}, Differenz {ours['NMI'] - stock['NMI']:+.3f}, Ziel ≥ +0.08); "
            f"Zeitverhältnis zu BERTopic {ours['Zeit [s]'] / stock['Zeit [s]']:.2f} (Ziel ≤ 0.5); "
            f"ohne Zuordnung {ours['ohne Zuordnung']}; ARI zweier Seeds {ours['ARI Seeds']:.3f} "
            f"(bisher {old['ARI Seeds']:.3f}, Ziel ≥ 0.85)"
        )


def main() -> None:
    """Run the quality table, the leave-one-corpus-out grid and the summary."""
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} Kerne, Last {os.getloadavg()[0]:.1f}")
    data = corpora()
    table = quality(data)
    with pd.option_context("display.width", 220, "display.max_columns", 20):
        print(table.to_string(index=False))
    leave_one_corpus_out([corpus for corpus in data if corpus[0] != POLIS_ALL])
    summary(table)


if __name__ == "__main__":
    main()
