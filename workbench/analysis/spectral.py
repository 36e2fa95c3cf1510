"""Spectral clustering on the sparse kNN graph, k chosen by modularity: the need clusterer.

Why this method (see docs/decisions/003-need-clustering.md): participation statements
are short and noisy; single embeddings are weak signals, but which statements are each
other's nearest neighbours is a robust one. Four steps, one knob (``n_neighbors``), the
same on every corpus:

1. **kNN graph.** Each statement is linked to its ``n_neighbors`` nearest statements
   (cosine on the embeddings); the graph is made symmetric (:mod:`workbench.analysis.knn`,
   sparse, linear memory).
2. **Spectral embedding.** The leading eigenvectors of the *regularised* normalised
   adjacency D_τ^(-1/2) W D_τ^(-1/2), D_τ = D + τ·I with τ the mean degree (Qin & Rohe
   2013: keeps small, loosely attached groups such as duplicates from taking over the
   spectrum). Computed once, independent of the seed.
3. **Number of clusters by modularity.** For every k in ``[min_clusters, max_k]`` the
   rows of the first k eigenvectors (unit length) are split by k-means; k is the one
   whose partition has the highest Newman–Girvan modularity on the graph: most links
   inside clusters relative to what the degrees alone would give.
4. **The partition** of that k: k-means from many seeded starts, keeping the tightest
   (lowest inertia) — a consensus over seeds in the sense that the user's seed only
   picks which starts are tried, and with enough of them every seed finds the same
   optimum. The number of starts follows a fixed budget of work: many on small sets
   (where k-means is multi-modal and restarts are cheap), fewer on large ones (where it
   is neither). The search over k uses a tenth of that budget and a fixed seed: the
   number of clusters is a property of the data, not of the seed.

Every statement is assigned. ``fit`` limits BLAS and OpenMP to one thread, from whichever
thread it runs in (:mod:`workbench.analysis.blas_threads`); the kNN blocks and the k-means
runs of the search for k run in parallel Python threads, each computed exactly as it would
be alone: the result does not depend on the number of cores, and a busy machine does not
slow it down by oversubscription.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix, diags
from scipy.sparse.linalg import eigsh
from sklearn.cluster import KMeans

from workbench.analysis.blas_threads import one_blas_thread
from workbench.analysis.knn import in_threads, knn_affinity, nearest_neighbours, unit_rows

DENSE_MAX = 800  # below this, the eigenproblem is solved densely (exact and fast)
START_BUDGET = 300_000  # k-means starts × statements for the final partition
SEARCH_SEED = 0  # the search for k does not depend on the user's seed


def regularised_adjacency(w: csr_matrix) -> csr_matrix:
    """D_τ^(-1/2) W D_τ^(-1/2) with D_τ = D + mean degree (a sparse matrix)."""
    degree = np.asarray(w.sum(axis=1)).ravel()
    scale = diags(1.0 / np.sqrt(degree + degree.mean() + 1e-12))
    return (scale @ w @ scale).tocsr()


def leading_eigenvectors(a: csr_matrix, k: int) -> np.ndarray:
    """The ``k`` eigenvectors of symmetric ``a`` with the largest eigenvalues (columns)."""
    n = a.shape[0]
    if n <= DENSE_MAX or k >= n - 1:
        _, vectors = np.linalg.eigh(a.toarray())
        return vectors[:, ::-1][:, :k]
    v0 = np.random.default_rng(0).random(n)  # fixed start: the spectrum ignores the seed
    values, vectors = eigsh(a, k=k, which="LA", v0=v0, tol=1e-6)
    return vectors[:, np.argsort(-values, kind="stable")]


def modularity(w: csr_matrix, labels: np.ndarray, resolution: float = 1.0) -> float:
    """Newman–Girvan modularity of a partition of the weighted graph ``w``; a
    ``resolution`` γ > 1 (Reichardt–Bornholdt) weighs the expected share more and so
    favours more, smaller clusters."""
    n = len(labels)
    onehot = csr_matrix((np.ones(n), (np.arange(n), labels)), shape=(n, labels.max() + 1))
    between = (onehot.T @ w @ onehot).toarray()
    total = between.sum()
    if total <= 0:
        return 0.0
    share = between.sum(axis=1) / total
    return float(np.trace(between) / total - resolution * (share**2).sum())


def n_starts(n: int, budget: int = START_BUDGET, most: int = 100) -> int:
    """k-means starts for n statements: ``budget / n``, at least 2 and at most ``most``.

    >>> n_starts(141), n_starts(2_811), n_starts(30_000), n_starts(100_000)
    (100, 100, 10, 3)
    """
    return int(np.clip(round(budget / max(n, 1)), 2, most))


def _partition(embedding: np.ndarray, k: int, n_init: int, seed: int) -> np.ndarray:
    rows = unit_rows(embedding[:, :k]).astype(np.float64)
    return KMeans(k, n_init=n_init, random_state=seed).fit_predict(rows).astype(int)


class SpectralClusterer:
    """Spectral clustering on the kNN graph with the number of clusters by modularity.

    Follows scikit-learn's conventions (and BERTopic's clusterer contract): ``fit``
    learns ``labels_``, ``n_clusters_`` and ``cluster_centers_`` (unit mean embedding of
    each cluster); ``predict`` assigns new points to the nearest centre. With
    ``n_clusters`` set, k is not searched. ``modularity_`` holds the score of every k
    tried (only the chosen k when it was given). ``resolution`` is the modularity's γ; the
    workbench keeps 1 (decision 003), the quality benchmark compares others.
    """

    def __init__(
        self,
        n_clusters: int | None = None,
        n_neighbors: int = 15,
        min_clusters: int = 4,
        max_clusters: int = 20,
        n_init: int | None = None,
        random_state: int = 42,
        resolution: float = 1.0,
    ):
        self.n_clusters = n_clusters
        self.n_neighbors = n_neighbors
        self.min_clusters = min_clusters
        self.max_clusters = max_clusters
        self.n_init = n_init
        self.random_state = random_state
        self.resolution = resolution

    def _search_range(self, n: int) -> range:
        upper = min(self.max_clusters, max(self.min_clusters, n // 10), n - 1)
        lower = min(self.min_clusters, upper)
        return range(max(lower, 2), max(upper, 2) + 1)

    def fit(self, x: np.ndarray, y: object = None) -> SpectralClusterer:
        """Cluster the rows of ``x``."""
        x = unit_rows(x)
        n = len(x)
        if n == 0:
            raise ValueError("Keine Aussagen zum Clustern.")
        # Fewer than four different statements: each text is a cluster of its own (identical
        # statements are one need), numbered in order of first appearance.
        _, first, kinds = np.unique(x.round(6), axis=0, return_index=True, return_inverse=True)
        if self.n_clusters == 1:
            labels = np.zeros(n, dtype=int)
            self.modularity_ = {1: 0.0}
        elif len(first) < 4:
            rank = np.empty(len(first), dtype=int)
            rank[np.argsort(first)] = np.arange(len(first))
            labels = rank[kinds.ravel()]
            self.modularity_ = {len(first): 0.0}
        else:
            with one_blas_thread():  # also from a background thread
                labels = self._fit(x)
        self.labels_ = labels
        self.n_clusters_ = int(labels.max()) + 1
        self.cluster_centers_ = unit_rows(
            np.vstack([x[labels == c].mean(axis=0) for c in range(self.n_clusters_)])
        )
        return self

    def _fit(self, x: np.ndarray) -> np.ndarray:
        n = len(x)
        indices, similarities = nearest_neighbours(x, self.n_neighbors)
        w = knn_affinity(indices, similarities)
        if self.n_clusters is not None:
            candidates = range(min(self.n_clusters, n), min(self.n_clusters, n) + 1)
        else:
            candidates = self._search_range(n)
        embedding = leading_eigenvectors(regularised_adjacency(w), min(max(candidates), n))
        self.modularity_ = {}
        if len(candidates) == 1:
            k = candidates[0]
        else:
            search = self.n_init or n_starts(n, START_BUDGET // 10, most=20)

            def score(k: int) -> float:
                partition = _partition(embedding, k, search, SEARCH_SEED)
                return round(modularity(w, partition, self.resolution), 6)

            scores = in_threads(score, candidates)  # each k alone, one thread inside
            self.modularity_ = dict(zip(candidates, scores, strict=True))
            k = max(self.modularity_, key=lambda c: (self.modularity_[c], -c))
        final = self.n_init or n_starts(n)
        return _compact(_partition(embedding, k, final, self.random_state))

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Nearest centre (cosine) for new embeddings."""
        return np.argmax(unit_rows(x) @ self.cluster_centers_.T, axis=1)

    def fit_predict(self, x: np.ndarray, y: object = None) -> np.ndarray:
        """``fit`` and return ``labels_``."""
        return self.fit(x).labels_


def _compact(labels: np.ndarray) -> np.ndarray:
    """Renumber labels 0…m−1 (k-means may leave a cluster empty on duplicate points)."""
    _, inverse = np.unique(labels, return_inverse=True)
    return inverse.astype(int)
